// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/rackconfigurations.h"
#include "report/reportdata.h"

#include <QRectF>

class QPainter;

namespace dc::report {

/// Front elevations drawn side by side on one A3 sheet.
inline constexpr int kElevationsPerSheet = 6;
/// The standard scales an elevation may be drawn at (1:n), largest first.
inline constexpr int kElevationScales[] = {10, 15, 20, 25, 50};

/// Sheets the elevations of every distinct rack configuration take (at least one).
int elevationSheetCount(const ReportData& data);

/// Paints the front elevations of configurations part·6 … part·6 + 5 (`drawing.part`), U by U,
/// to one scale for every sheet, with a legend and title block.
void paintElevations(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                     const ReportData& data);

}  // namespace dc::report
