// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawannotations.h"

#include "drawsheet.h"
#include "reportstyle.h"

#include <QLineF>
#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>

namespace dc::report {

namespace {
constexpr double kTickMm = 1.6;           // half length of a dimension tick
constexpr double kExtensionGapMm = 1.2;   // extension lines stop short of the object
constexpr double kExtensionOverMm = 1.5;  // and run past the dimension line
}  // namespace

void paintDimension(QPainter& painter, const QPointF& from, const QPointF& to, double offsetMm,
                    const QString& text) {
  const bool horizontal = std::abs(to.y() - from.y()) < std::abs(to.x() - from.x());
  // The normal pointing away from the object: up for horizontal, left for vertical, times the
  // offset's sign.
  const QPointF normal =
      horizontal ? QPointF(0, offsetMm < 0 ? -1 : 1) : QPointF(offsetMm < 0 ? -1 : 1, 0);
  const double distance = std::abs(offsetMm);
  const QPointF a = from + normal * distance;
  const QPointF b = to + normal * distance;
  painter.save();
  painter.setPen(QPen(inkColour(), kHairlineMm, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(from + normal * kExtensionGapMm, a + normal * kExtensionOverMm);
  painter.drawLine(to + normal * kExtensionGapMm, b + normal * kExtensionOverMm);
  painter.setPen(QPen(inkColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
  const QPointF along = horizontal ? QPointF(1, 0) : QPointF(0, 1);
  painter.drawLine(a - along * kExtensionOverMm, b + along * kExtensionOverMm);
  // Architectural ticks: short heavy strokes at 45° through each end.
  painter.setPen(QPen(inkColour(), kMediumMm, Qt::SolidLine, Qt::FlatCap));
  const QPointF diagonal = horizontal ? QPointF(kTickMm, -kTickMm) : QPointF(kTickMm, -kTickMm);
  painter.drawLine(a - diagonal, a + diagonal);
  painter.drawLine(b - diagonal, b + diagonal);
  const QFont font = reportFont(8.0);
  const QPointF middle = (a + b) / 2.0;
  if (horizontal) {
    drawTextAt(
        painter, middle + normal * 0.9,
        normal.y() < 0 ? Qt::AlignHCenter | Qt::AlignBottom : Qt::AlignHCenter | Qt::AlignTop, text,
        font, inkColour());
  } else {
    painter.translate(middle + normal * 0.9);
    painter.rotate(-90);
    // Rotated: the text's "up" points left, away from the object on the left side.
    drawTextAt(
        painter, QPointF(0, 0),
        normal.x() < 0 ? Qt::AlignHCenter | Qt::AlignBottom : Qt::AlignHCenter | Qt::AlignTop, text,
        font, inkColour());
  }
  painter.restore();
}

void paintNorthArrow(QPainter& painter, const QPointF& centre, double diameterMm,
                     const QString& label) {
  const double r = diameterMm / 2.0;
  painter.save();
  painter.setPen(QPen(inkColour(), kThinMm));
  painter.setBrush(Qt::NoBrush);
  painter.drawEllipse(centre, r, r);
  // A split arrowhead: the left half filled, the right half open, tip at the top.
  const QPointF tip = centre + QPointF(0, -r * 1.05);
  const QPointF tail = centre + QPointF(0, r * 0.75);
  const QPointF left = centre + QPointF(-r * 0.45, r * 0.75);
  const QPointF right = centre + QPointF(r * 0.45, r * 0.75);
  QPainterPath filled;
  filled.moveTo(tip);
  filled.lineTo(left);
  filled.lineTo(centre + QPointF(0, r * 0.35));
  filled.closeSubpath();
  painter.setBrush(inkColour());
  painter.drawPath(filled);
  QPainterPath open;
  open.moveTo(tip);
  open.lineTo(right);
  open.lineTo(centre + QPointF(0, r * 0.35));
  open.closeSubpath();
  painter.setBrush(Qt::white);
  painter.drawPath(open);
  Q_UNUSED(tail);
  drawTextAt(painter, tip + QPointF(0, -0.8), Qt::AlignHCenter | Qt::AlignBottom,
             QStringLiteral("N"), reportFont(9.0, true), inkColour());
  drawTextAt(painter, centre + QPointF(0, r + 1.2), Qt::AlignHCenter | Qt::AlignTop, label,
             reportFont(6.0), toneColour(Tone::Muted));
  painter.restore();
}

ScaleBarSteps scaleBarSteps(int scale, double maxLengthMm) {
  static constexpr std::array kSegmentsM{200.0, 100.0, 50.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5, 0.2};
  for (double segmentM : kSegmentsM) {
    const double paperMm = segmentM * 1000.0 / scale;
    const int count = std::min(5, int(std::floor(maxLengthMm / paperMm + 1e-9)));
    if (count >= 3) {
      return {segmentM, count};
    }
  }
  return {kSegmentsM.back(), 1};
}

double paintScaleBar(QPainter& painter, const QPointF& origin, int scale, double maxLengthMm) {
  const ScaleBarSteps steps = scaleBarSteps(scale, maxLengthMm);
  const double segmentMm = steps.segmentM * 1000.0 / scale;
  const double barH = 1.6;
  const QFont font = reportFont(6.5);
  painter.save();
  painter.setPen(QPen(inkColour(), kHairlineMm));
  for (int i = 0; i < steps.count; ++i) {
    const QRectF segment(origin.x() + i * segmentMm, origin.y(), segmentMm, barH);
    painter.setBrush(i % 2 == 0 ? inkColour() : QColor(Qt::white));
    painter.drawRect(segment);
  }
  for (int i = 0; i <= steps.count; ++i) {
    const double metres = i * steps.segmentM;
    QString text = QString::number(metres, 'g', 4);
    if (i == steps.count) {
      text += QStringLiteral(" m");
    }
    drawTextAt(painter, QPointF(origin.x() + i * segmentMm, origin.y() + barH + 0.8),
               Qt::AlignHCenter | Qt::AlignTop, text, font, inkColour());
  }
  painter.restore();
  return barH + 0.8 + lineHeightMm(6.0);
}

}  // namespace dc::report
