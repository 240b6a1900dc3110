// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawingpainter.h"

#include "drawdiagram.h"
#include "drawelevations.h"
#include "drawfloorplan.h"

namespace dc::report {

void paintDrawing(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                  const ReportData& data) {
  switch (drawing.kind) {
    case DrawingKind::FloorPlanPower:
    case DrawingKind::FloorPlanCooling:
      paintFloorPlan(painter, areaMm, drawing, data);
      return;
    case DrawingKind::RackElevations:
      paintElevations(painter, areaMm, drawing, data);
      return;
    case DrawingKind::PowerSingleLine:
      paintPowerSingleLine(painter, areaMm, drawing, data);
      return;
    case DrawingKind::CoolingSchematic:
      paintCoolingSchematic(painter, areaMm, drawing, data);
      return;
  }
}

int drawingSheetCount(DrawingKind kind, const ReportData& data) {
  return kind == DrawingKind::RackElevations ? elevationSheetCount(data) : 1;
}

}  // namespace dc::report
