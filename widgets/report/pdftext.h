// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

class QPaintDevice;
class QPainter;

namespace dc::report {

/// Text on a painter whose unit is one millimetre, with reportFont()s. Use these rather than
/// QPainter::drawText() and QFontMetricsF directly: Qt rounds a font's size to whole device
/// pixels, which under a millimetre painter are whole millimetres (7 pt would print as 5.7 pt,
/// 7.5 to 9 pt all as 8.5 pt). These helpers draw and measure the font 100 times larger under a
/// painter scaled down as much, so sizes come out exact.
inline constexpr double kTextScale = 100.0;

/// Measures text as the PDF writer paints it: with the metrics of the writer itself (a device of
/// kPdfResolutionDpi), so a layout made before painting is the layout painted. Millimetres.
class TextMetrics {
 public:
  explicit TextMetrics(const QPaintDevice* device) : mDevice(device) {}

  /// The height of `text` word-wrapped to `widthMm`.
  double wrappedHeightMm(const QFont& font, double widthMm, const QString& text) const;
  /// The width of `text` on one line.
  double widthMm(const QFont& font, const QString& text) const;
  /// The distance from one baseline to the next.
  double lineMm(const QFont& font) const;
  /// The height of capitals and tall letters over the baseline.
  double ascentMm(const QFont& font) const;
  /// The depth of descenders under the baseline.
  double descentMm(const QFont& font) const;
  /// The height of a capital letter (to centre a label optically on a line or in a box).
  double capHeightMm(const QFont& font) const;
  /// How many characters of `text`, word-wrapped to `widthMm`, fit in `heightMm`: the end of
  /// the last whole line that fits (0 when not even `minLines` do; text.size() when all fit).
  qsizetype fittingLength(const QFont& font, double widthMm, const QString& text, double heightMm,
                          int minLines = 1) const;
  /// `text` cut with "…" to fit `widthMm`.
  QString elided(const QFont& font, const QString& text, double widthMm) const;

 private:
  const QPaintDevice* mDevice;
};

/// Paints `text` word-wrapped into `rectMm` in `colour` with Qt alignment `flags`.
void paintText(QPainter& painter, const QRectF& rectMm, const QFont& font, const QColor& colour,
               int flags, const QString& text);

/// One line of `text`, elided to fit `rectMm`'s width, vertically centred in it unless `align`
/// says otherwise (Qt::AlignBottom lines up the baselines of two sizes side by side).
void paintTextLine(QPainter& painter, const QRectF& rectMm, const QFont& font, const QColor& colour,
                   Qt::Alignment align, const QString& text);

/// `text` with its baseline starting at `baselineMm` (a label placed on a drawing).
void paintTextAt(QPainter& painter, const QPointF& baselineMm, const QFont& font,
                 const QColor& colour, const QString& text);

/// The small grey type of the header, footer and title-block labels.
QColor secondaryInkColour();

}  // namespace dc::report
