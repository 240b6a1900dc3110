// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagegeometry.h"

#include <QMarginsF>
#include <QPageSize>

namespace dc::report {

namespace {
constexpr double kBandHeightMm = 4.0;  // one line of 7 pt type with its leading
constexpr double kBodyGapMm = 5.0;     // between a band's rule and the body
constexpr double kFrameInsetMm = 4.0;  // between the A3 frame and the drawing area
constexpr double kTitleBlockWidthMm = 180.0;
constexpr double kTitleBlockHeightMm = 30.0;
}  // namespace

SheetGeometry sheetGeometry(PageFormat format) {
  SheetGeometry sheet;
  sheet.format = format;
  sheet.paperMm = format == PageFormat::A3Landscape ? QSizeF(420.0, 297.0) : QSizeF(210.0, 297.0);
  const double left = kSheetMarginMm;
  const double right = sheet.paperMm.width() - kSheetMarginMm;
  const double width = right - left;
  sheet.headerMm = QRectF(left, kSheetMarginMm, width, kBandHeightMm);
  sheet.footerMm =
      QRectF(left, sheet.paperMm.height() - kSheetMarginMm - kBandHeightMm, width, kBandHeightMm);
  const double bodyTop = sheet.headerMm.bottom() + kBandRuleGapMm + kBodyGapMm;
  const double bodyBottom = sheet.footerMm.top() - kBandRuleGapMm - kBodyGapMm;
  if (format == PageFormat::A3Landscape) {
    // The frame sits between the two rules' gaps; the drawing area is inside it, above the title
    // block's row, so a drawing never runs under the title block.
    sheet.frameMm = QRectF(left, bodyTop - 2.0, width, bodyBottom - bodyTop + 4.0);
    sheet.titleBlockMm = QRectF(sheet.frameMm.right() - kTitleBlockWidthMm,
                                sheet.frameMm.bottom() - kTitleBlockHeightMm, kTitleBlockWidthMm,
                                kTitleBlockHeightMm);
    sheet.bodyMm = QRectF(
        QPointF(sheet.frameMm.left() + kFrameInsetMm, sheet.frameMm.top() + kFrameInsetMm),
        QPointF(sheet.frameMm.right() - kFrameInsetMm, sheet.titleBlockMm.top() - kFrameInsetMm));
  } else {
    sheet.bodyMm = QRectF(left, bodyTop, width, bodyBottom - bodyTop);
  }
  return sheet;
}

QPageLayout pageLayout(PageFormat format) {
  const bool a3 = format == PageFormat::A3Landscape;
  QPageLayout layout(QPageSize(a3 ? QPageSize::A3 : QPageSize::A4),
                     a3 ? QPageLayout::Landscape : QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                     QPageLayout::Millimeter);
  layout.setMode(QPageLayout::FullPageMode);
  return layout;
}

}  // namespace dc::report
