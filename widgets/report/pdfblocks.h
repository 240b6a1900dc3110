// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdftext.h"
#include "report/reportmodel.h"

#include <QList>
#include <QRectF>

class QPainter;
class QPicture;

namespace dc::report {

/// The text blocks, key figures, section headings and charts of the report: each measured for a
/// width (the layout pass) and painted into the rectangle the layout gave it (the paint pass).
/// Lengths in millimetres.

/// The vertical space between two blocks.
inline constexpr double kBlockGapMm = 4.0;

QFont paragraphFont(Paragraph::Style style);
double paragraphHeightMm(const TextMetrics& metrics, const Paragraph& paragraph, double widthMm);
void paintParagraph(QPainter& painter, const QRectF& rectMm, const Paragraph& paragraph);

/// A section's heading: its number and title over a rule, on the first sheet of the section.
double sectionHeadingHeightMm(const TextMetrics& metrics, const QString& title, double widthMm);
void paintSectionHeading(QPainter& painter, const QRectF& rectMm, int number, const QString& title);

/// The tiles of a KeyFigures block, row by row.
struct KeyFiguresLayout {
  int columns = 1;
  double tileWidthMm = 0.0;
  QList<double> rowHeightsMm;
  double heightMm() const;
};
KeyFiguresLayout layoutKeyFigures(const TextMetrics& metrics, const KeyFigures& figures,
                                  double widthMm);
void paintKeyFigures(QPainter& painter, const QRectF& rectMm, const KeyFigures& figures,
                     const KeyFiguresLayout& layout);

/// A chart: its caption over the Qt Charts picture, scaled into a box of the chart aspect.
QSizeF chartBoxMm(double widthMm);
double chartHeightMm(const TextMetrics& metrics, const Chart& chart, double widthMm);
/// `picture` may be null (charts not rendered): the box then says so instead of staying blank.
void paintChart(QPainter& painter, const QRectF& rectMm, const Chart& chart,
                const QPicture* picture);

/// The caption over a table or chart ("Power schedule", "... (continued)").
QFont captionFont();

}  // namespace dc::report
