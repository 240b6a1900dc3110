// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportmodel.h"

#include <QLocale>
#include <QPicture>
#include <QSizeF>

namespace dc::report {

/// Charts are recorded at one logical size, a box of kChartBoxMm at kChartPxPerMm (about a
/// 100 dpi screen, the density Qt Charts' margins and tick lengths are made for), and scaled
/// into their box on paper; their fonts are sized so the type comes out at the report's sizes.
inline constexpr double kChartWidthMm = 180.0;
inline constexpr double kChartHeightMm = 90.0;
inline constexpr double kChartPxPerMm = 4.0;

/// One chart drawn by Qt Charts (a QChart in a QGraphicsScene) into a vector picture of
/// kChartWidthMm × kChartHeightMm at kChartPxPerMm. GUI thread only.
QPicture renderChartPicture(const Chart& chart, const QLocale& locale);

}  // namespace dc::report
