// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drawfloorplan.h"
#include "format/quantityformat.h"

#include <QHash>
#include <QStringList>

namespace dc::report {

// The parts of a floor plan (drawfloorplan.cpp paints the sheet, drawfloorracks.cpp what
// stands on the floor).

/// What the parts of one floor plan share.
struct FloorContext {
  const ReportData& data;
  const Hall& hall;
  FloorPlanLayout layout;
  bool cooling = false;  ///< the cooling overlay; else the power overlay
  NumberStyle style;
  QHash<CoolingUnitId, int> unitLoop;  ///< unit -> index into analysis.cooling.loops

  QRectF toPaper(double x0, double y0, double x1, double y1) const {
    return QRectF(layout.toPaper(x0, y0), layout.toPaper(x1, y1)).normalized();
  }
};

/// The racks of the hall: footprint filled by the overlay, front edge heavy, rear door, name and
/// figure.
void paintRacks(QPainter& painter, const FloorContext& context);
/// The floor CDUs, CRAH units and in-row coolers of the hall, named, coloured by their loop in
/// the cooling overlay.
void paintCoolingUnits(QPainter& painter, const FloorContext& context);
/// "ROW A" beside each row of racks, where the label clears every rack, unit and column.
void paintRowLabels(QPainter& painter, const FloorContext& context);
/// True when a cooling unit of the hall has no published footprint (drawn as a dashed marker).
bool hasUnpublishedUnits(const FloorContext& context);
/// The power-band fill of a rack drawing `maxPowerW` (the analysis' band edges).
QColor powerBandFill(double maxPowerW, const QList<double>& bandEdgesW);
/// The band edges (W) of the floor-plan assumptions.
QList<double> bandEdgesW(const ReportData& data);

}  // namespace dc::report
