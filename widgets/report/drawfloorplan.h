// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportdata.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QStringList>

class QPainter;

namespace dc {
class Hall;
}

namespace dc::report {

/// The standard scales a plan may be drawn at (1:n), largest drawing first.
inline constexpr int kPlanScales[] = {20, 50, 100, 200, 250, 500, 1000, 1250, 2000, 2500, 5000};

/// The largest standard scale (smallest n) at which a `widthMm` × `depthMm` floor fits in
/// `fieldMm` on paper; the smallest scale when none fits.
int floorPlanScale(double widthMm, double depthMm, const QSizeF& fieldMm);

/// Where a hall's plan goes in the drawing area: the plan field (with room for the dimension
/// lines), the side column for legends, drawing data, north arrow and scale bar, and the scale.
struct FloorPlanLayout {
  int scale = 100;         ///< 1:scale
  QRectF fieldMm;          ///< where the plan may be drawn
  QRectF sideMm;           ///< legend column, right of the plan
  QRectF hallMm;           ///< the hall's bounding box on paper
  double originXMm = 0.0;  ///< the bounding box's top-left corner in the hall's coordinates
  double originYMm = 0.0;

  /// A point of the hall floor (millimetres from the hall origin) on paper.
  QPointF toPaper(double xMm, double yMm) const {
    return {hallMm.left() + (xMm - originXMm) / scale, hallMm.top() + (yMm - originYMm) / scale};
  }
};

FloorPlanLayout floorPlanLayout(const Hall& hall, const QRectF& areaMm);

/// The notes a floor plan sheet prints: its dimensions and how to read the overlay.
QStringList floorPlanNotes(const Drawing& drawing);

/// Paints the floor plan of `drawing.hallId` (the first hall when null) to scale, with the power
/// overlay (FloorPlanPower) or the cooling overlay (FloorPlanCooling).
void paintFloorPlan(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                    const ReportData& data);

}  // namespace dc::report
