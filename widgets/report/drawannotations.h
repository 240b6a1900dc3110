// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>

class QPainter;

namespace dc::report {

// The annotations of a drawing to scale, as architects draw them.

/// An overall dimension between `from` and `to` (paper mm, horizontal or vertical), drawn
/// `offsetMm` away from them (to the left of / above the measured edge for a negative offset):
/// extension lines, the dimension line with oblique ticks, and `text` centred on it.
void paintDimension(QPainter& painter, const QPointF& from, const QPointF& to, double offsetMm,
                    const QString& text);

/// A north arrow of `diameterMm` centred on `centre`, pointing up the sheet, with `label`
/// ("Plan north") under it.
void paintNorthArrow(QPainter& painter, const QPointF& centre, double diameterMm,
                     const QString& label);

/// A graphic scale bar for 1:`scale` starting at `origin` (its left end, on the bar's top),
/// at most `maxLengthMm` long: alternating black and white segments labelled in metres.
/// Returns the height it took.
double paintScaleBar(QPainter& painter, const QPointF& origin, int scale, double maxLengthMm);

/// The segment length (m) and count a scale bar of at most `maxLengthMm` uses at 1:`scale`.
struct ScaleBarSteps {
  double segmentM = 1.0;
  int count = 0;
};
ScaleBarSteps scaleBarSteps(int scale, double maxLengthMm);

}  // namespace dc::report
