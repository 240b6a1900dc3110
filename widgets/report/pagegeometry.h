// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportmodel.h"

#include <QPageLayout>
#include <QRectF>
#include <QSizeF>

namespace dc::report {

/// Where things go on a sheet, in millimetres from the paper's top-left corner. Every sheet has
/// 15 mm margins, a header band (title, project, revision) over a thin rule and a footer band
/// (date, generator, page n of m) under one. An A3 drawing sheet adds a frame around its body and
/// a title block in the frame's bottom-right corner.
struct SheetGeometry {
  PageFormat format = PageFormat::A4Portrait;
  QSizeF paperMm;
  QRectF headerMm;      ///< the header's text line; its rule is at bottom() + kBandRuleGapMm
  QRectF footerMm;      ///< the footer's text line; its rule is at top() - kBandRuleGapMm
  QRectF bodyMm;        ///< where blocks flow
  QRectF frameMm;       ///< A3: the drawing frame (the title block sits in it); A4: empty
  QRectF titleBlockMm;  ///< A3: the title block; A4: empty
};

inline constexpr double kSheetMarginMm = 15.0;
inline constexpr double kBandRuleGapMm = 1.2;

SheetGeometry sheetGeometry(PageFormat format);

/// The QPdfWriter page layout of `format`: the paper size in full-page mode with no margins, so
/// that the painter's origin is the paper's corner and the sheet geometry places everything.
QPageLayout pageLayout(PageFormat format);

}  // namespace dc::report
