// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>

#include <functional>

class QPainter;

namespace dc::report {

// What every drawing of the report shares: text set in millimetres, the legend and data boxes
// and hatching. Lengths are millimetres on paper; fonts are reportFont() sizes in points. Text
// goes through pdftext.h, so every label prints at the size asked for (Qt would round it to
// whole millimetres under the millimetre painter).

/// Width of `text` in `font`, in millimetres, measured for the painter's device (the PDF
/// writer's 600 dpi, for which reportFont() sizes are made).
double textWidthMm(const QPainter& painter, const QFont& font, const QString& text);
/// `text` shortened with "…" to fit `widthMm`.
QString elidedText(const QPainter& painter, const QFont& font, const QString& text, double widthMm);

/// Draws one line of text at `anchor`: `align` picks which point of the text's box sits there
/// (Qt::AlignLeft / AlignRight / AlignHCenter with AlignTop / AlignBottom / AlignVCenter).
void drawTextAt(QPainter& painter, const QPointF& anchor, Qt::Alignment align, const QString& text,
                const QFont& font, const QColor& colour);

/// `lines` (the first bold) centred in `box` at the largest size from `maxPt` down to `minPt`
/// (never under kMinLabelPt) that fits: upright first, turned a quarter in a tall box when only
/// that keeps the type at 5.5 pt or more, then the smallest sizes; the last lines are dropped
/// when none does. False when not even the first line fits.
bool paintFittedLabel(QPainter& painter, const QRectF& box, const QStringList& lines, double maxPt,
                      double minPt, const QColor& colour = QColor());  ///< invalid: ink

/// Parallel lines at 45° across `area`, `spacingMm` apart, clipped to it: the hatching of
/// sections and obstacles (a pattern brush would be device pixels, not millimetres).
void hatch(QPainter& painter, const QPainterPath& area, double spacingMm, const QColor& colour,
           double lineMm);

/// One entry of a legend: a swatch (fill with an outline), a line (solid, dashed, dotted), a
/// hatch, a bar along a box's top, or a symbol painted into the swatch's box.
struct LegendItem {
  enum class Kind { Fill, Line, Hatch, Dashed, Dotted, Bar, Custom };
  Kind kind = Kind::Fill;
  QColor colour;
  QString text;
  double lineMm = 0.25;                                      ///< Line, Dashed, Dotted and Bar
  std::function<void(QPainter&, const QRectF&)> paint = {};  ///< Custom
};

/// A boxed legend with a title; returns the height it took (it is drawn from the box's top and
/// stops at its bottom; `fillBox` frames the whole box, to match a neighbour's height).
/// `columns` lays entries out side by side.
double paintLegend(QPainter& painter, const QRectF& box, const QString& title,
                   const QList<LegendItem>& items, int columns = 1, bool fillBox = false);
/// The height paintLegend() needs for `items` in `columns`.
double legendHeightMm(int itemCount, int columns = 1);

/// One fact of the "Drawing data" box: a label and its value ("Racks", "38").
struct DataRow {
  QString label;
  QString value;
};

/// A boxed list of the drawing's key facts (hall size, racks, IT power) under `title`, drawn
/// from the box's top; returns the height it took. The sheet's title block says what the
/// drawing is, at what scale, on which sheet: this box only adds the figures.
double paintDataBox(QPainter& painter, const QRectF& box, const QString& title,
                    const QList<DataRow>& rows, bool fillBox = false);
/// The height paintDataBox() needs for `rowCount` rows.
double dataBoxHeightMm(qsizetype rowCount);

/// The smallest type a drawing sets on an A3 sheet: labels shrunk to fit stop here.
inline constexpr double kMinLabelPt = 4.5;

}  // namespace dc::report
