// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawingpainter.h"

#include "drawdiagram.h"
#include "drawelevations.h"
#include "drawfabric.h"
#include "drawfloorplan.h"

namespace dc::report {

namespace {
QString ratio(int scale) {
  return QStringLiteral("1:%1").arg(scale);
}
}  // namespace

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
    case DrawingKind::FabricTopology:
      paintFabricTopology(painter, areaMm, drawing, data);
      return;
  }
}

QString drawingScale(const Drawing& drawing, const ReportData& data, const QRectF& areaMm) {
  switch (drawing.kind) {
    case DrawingKind::FloorPlanPower:
    case DrawingKind::FloorPlanCooling: {
      const Hall* hall = data.project.findHall(drawing.hallId);
      if (hall == nullptr && !data.project.halls().isEmpty()) {
        hall = &data.project.halls().first();
      }
      return hall != nullptr ? ratio(floorPlanLayout(*hall, areaMm).scale) : QString();
    }
    case DrawingKind::RackElevations:
      return ratio(elevationScale(data, areaMm));
    case DrawingKind::PowerSingleLine:
    case DrawingKind::CoolingSchematic:
    case DrawingKind::FabricTopology:
      break;
  }
  return QStringLiteral("Not to scale");
}

QStringList drawingNotes(const Drawing& drawing, const ReportData& data) {
  switch (drawing.kind) {
    case DrawingKind::FloorPlanPower:
    case DrawingKind::FloorPlanCooling:
      return floorPlanNotes(drawing);
    case DrawingKind::RackElevations:
      return elevationNotes();
    case DrawingKind::PowerSingleLine:
      return powerSingleLineNotes(drawing, data);
    case DrawingKind::CoolingSchematic:
      return coolingSchematicNotes(drawing, data);
    case DrawingKind::FabricTopology:
      return fabricTopologyNotes(drawing, data);
  }
  return {};
}

int drawingSheetCount(DrawingKind kind, const ReportData& data) {
  return kind == DrawingKind::RackElevations ? elevationSheetCount(data) : 1;
}

}  // namespace dc::report
