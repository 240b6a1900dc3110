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

// What every drawing of the report shares: text set in millimetres, the legend box, the title
// block and hatching. Lengths are millimetres on paper; fonts are reportFont() sizes in points.

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
/// that fits: upright first, turned a quarter in a tall box when only that fits; the last
/// lines are dropped when none does. False when not even the first line fits.
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
/// stops at its bottom). `columns` lays entries out side by side.
double paintLegend(QPainter& painter, const QRectF& box, const QString& title,
                   const QList<LegendItem>& items, int columns = 1);
/// The height paintLegend() needs for `items` in `columns`.
double legendHeightMm(int itemCount, int columns = 1);

/// The drawing's title block: what it is, of what, at what scale, which sheet.
struct TitleBlock {
  QString title;     ///< the drawing's caption: "Hall A: rack power"
  QString subject;   ///< project and hall: "DGX SuperPOD H100 — Hall A"
  QString scale;     ///< "Scale 1:50 at A3", "Not to scale"
  QString sheet;     ///< "Sheet 1 of 2", or empty
  QString facts;     ///< a line of key figures: "13.2 × 9.6 m · 13 racks · 336 kW"
  QString revision;  ///< the report's revision, or empty
  QString date;      ///< the report's date, or empty
};

inline constexpr double kTitleBlockHeightMm = 24.0;
void paintTitleBlock(QPainter& painter, const QRectF& box, const TitleBlock& block);

/// A strip of notes (sources, what is by the facility), wrapped into `box`.
void paintNotes(QPainter& painter, const QRectF& box, const QStringList& notes);

}  // namespace dc::report
