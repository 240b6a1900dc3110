// SPDX-License-Identifier: GPL-3.0-or-later
// The floor plan sheet: the hall to a standard scale with its tile grid, columns, racks and
// cooling units, overall dimensions, and a side column with the legend, the drawing's data,
// north arrow and scale bar (the sheet's title block says what it is and at what scale).
#include "drawfloorplan.h"

#include "catalog/catalog.h"
#include "drawannotations.h"
#include "drawfloorparts.h"
#include "drawpalette.h"
#include "drawsheet.h"
#include "engine/analysis.h"
#include "model/hall.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc::report {

namespace {
// Narrow enough that a 13.2 m SuperPOD hall fits at 1:50 beside it on A3.
constexpr double kSideWidthMm = 74.0;
constexpr double kSideGapMm = 6.0;
constexpr double kBoxGapMm = 3.0;
constexpr double kWallMm = 1.0;            // the heaviest line of the sheet (ISO 128)
constexpr double kDimensionRoomMm = 16.0;  // left of and above the plan, for the dimensions
constexpr double kDimensionOffsetMm = 9.0;
constexpr double kMinGridPitchMm = 2.0;  // tiles closer than this on paper are not drawn

struct Bounds {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

Bounds boundsOf(const PolygonMm& outline) {
  Bounds b{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
           std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (const PointMm& p : outline) {
    b.x0 = std::min(b.x0, double(p.xMm));
    b.y0 = std::min(b.y0, double(p.yMm));
    b.x1 = std::max(b.x1, double(p.xMm));
    b.y1 = std::max(b.y1, double(p.yMm));
  }
  return outline.isEmpty() ? Bounds{} : b;
}

QPolygonF paperPolygon(const FloorContext& context, const PolygonMm& outline) {
  QPolygonF polygon;
  for (const PointMm& p : outline) {
    polygon.append(context.layout.toPaper(double(p.xMm), double(p.yMm)));
  }
  return polygon;
}

void paintGrid(QPainter& painter, const FloorContext& context, const QPainterPath& floor) {
  const int tileMm = context.hall.tileMm();
  const double pitch = double(tileMm) / context.layout.scale;
  if (tileMm <= 0 || pitch < kMinGridPitchMm) {
    return;
  }
  const Bounds b = boundsOf(context.hall.outlineMm());
  painter.save();
  painter.setClipPath(floor, Qt::IntersectClip);
  painter.setPen(QPen(gridColour(), kHairlineMm));
  // Tiles run from the hall origin (the snap grid of the racks), not from the outline's corner.
  for (double x = std::ceil(b.x0 / tileMm) * tileMm; x <= b.x1; x += tileMm) {
    painter.drawLine(context.layout.toPaper(x, b.y0), context.layout.toPaper(x, b.y1));
  }
  for (double y = std::ceil(b.y0 / tileMm) * tileMm; y <= b.y1; y += tileMm) {
    painter.drawLine(context.layout.toPaper(b.x0, y), context.layout.toPaper(b.x1, y));
  }
  painter.restore();
}

void paintObstacles(QPainter& painter, const FloorContext& context) {
  for (const Obstacle& obstacle : context.hall.obstacles()) {
    QPainterPath path;
    path.addPolygon(paperPolygon(context, obstacle.outlineMm));
    path.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawPath(path);
    hatch(painter, path, 0.9, obstacleHatchColour(), kHairlineMm);
    painter.setPen(QPen(inkColour(), kMediumMm));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
  }
}

/// A dimension as drawings write it: whole millimetres, no unit, no grouping (ISO 129).
QString millimetres(double mm) {
  return QString::number(std::llround(mm));
}

/// "15 kW" for a band edge: the power's unit, no trailing zeros.
QString bandEdgeText(double w, const NumberStyle& style) {
  return formatQuantity(w, Quantity::PowerW, NumberStyle::forNominal(style.locale));
}

QList<LegendItem> powerLegend(const FloorContext& context) {
  const QList<double> edges = bandEdgesW(context.data);
  const QList<QColor>& fills = powerBandFills();
  QList<LegendItem> items;
  items.append({LegendItem::Kind::Fill, fills[0],
                QStringLiteral("below %1").arg(bandEdgeText(edges[0], context.style))});
  for (qsizetype i = 1; i < edges.size(); ++i) {
    items.append({LegendItem::Kind::Fill, fills.value(i),
                  QStringLiteral("%1 – %2").arg(bandEdgeText(edges[i - 1], context.style),
                                                bandEdgeText(edges[i], context.style))});
  }
  items.append({LegendItem::Kind::Fill, fills.value(edges.size(), fills.last()),
                QStringLiteral("%1 and over").arg(bandEdgeText(edges.last(), context.style))});
  return items;
}

/// What stands in the hall, so that the legends list only what the plan shows.
struct HallContents {
  QSet<CoolingMode> modes;
  bool rearDoors = false;
  bool modeFails = false;
  bool cdus = false;
  bool airCoolers = false;
};

HallContents hallContents(const FloorContext& context) {
  HallContents contents;
  const Analysis& analysis = context.data.analysis;
  for (const Rack& rack : context.data.project.racks()) {
    if (rack.hallId() != context.hall.id()) {
      continue;
    }
    contents.modes.insert(rack.coolingMode());
    contents.rearDoors = contents.rearDoors || !rack.rearDoorId().isEmpty();
    const auto cooling = analysis.cooling.racks.constFind(rack.id());
    contents.modeFails =
        contents.modeFails || (cooling != analysis.cooling.racks.cend() && !cooling->modeHolds);
  }
  for (const CoolingUnit& unit : context.data.project.coolingUnits()) {
    if (unit.hallId != context.hall.id()) {
      continue;
    }
    const CatalogItem* item = context.data.catalog.find(unit.catalogId);
    const bool cdu = item != nullptr && item->kind == ItemKind::Cdu;
    contents.cdus = contents.cdus || cdu;
    contents.airCoolers = contents.airCoolers || !cdu;
  }
  return contents;
}

QList<LegendItem> coolingLegend(const FloorContext& context, const HallContents& contents) {
  QList<LegendItem> items;
  for (CoolingMode mode : {CoolingMode::Air, CoolingMode::RearDoor, CoolingMode::DirectToChip,
                           CoolingMode::DirectToChipRearDoor}) {
    if (contents.modes.contains(mode)) {
      items.append({LegendItem::Kind::Fill, coolingModeFill(mode), coolingModeName(mode)});
    }
  }
  if (contents.modeFails) {
    items.append({LegendItem::Kind::Fill, toneColour(Tone::Error),
                  QStringLiteral("red corner: mode does not hold")});
  }
  const QList<LoopLoad>& loops = context.data.analysis.cooling.loops;
  for (int i = 0; i < loops.size(); ++i) {
    if (loops[i].hallId == context.hall.id() && !loops[i].unitIds.isEmpty()) {
      items.append({LegendItem::Kind::Fill, tint(loopColour(i), 0.72),
                    QStringLiteral("%1 units").arg(loops[i].name)});
    }
  }
  return items;
}

QList<LegendItem> symbolLegend(const FloorContext& context, const HallContents& contents) {
  QList<LegendItem> items{
      {LegendItem::Kind::Bar, inkColour(), QStringLiteral("Rack, front edge heavy"), kThickMm}};
  if (contents.rearDoors) {
    items.append(
        {LegendItem::Kind::Bar, rearDoorColour(), QStringLiteral("Rear-door heat exchanger"), 1.0});
  }
  if (!context.cooling) {  // the cooling overlay colours units by their loop instead
    if (contents.cdus) {
      items.append({LegendItem::Kind::Fill, cduFill(), QStringLiteral("CDU (floor)")});
    }
    if (contents.airCoolers) {
      items.append(
          {LegendItem::Kind::Fill, airCoolerFill(), QStringLiteral("CRAH / in-row cooler")});
    }
  }
  if (!context.hall.obstacles().isEmpty()) {
    items.append(
        {LegendItem::Kind::Hatch, obstacleHatchColour(), QStringLiteral("Column / obstacle")});
  }
  if (hasUnpublishedUnits(context)) {
    items.append({LegendItem::Kind::Dashed, inkColour(),
                  QStringLiteral("Unit without published size"), kMediumMm});
  }
  if (double(context.hall.tileMm()) / context.layout.scale >= kMinGridPitchMm) {
    items.append({LegendItem::Kind::Line, gridColour().darker(130),
                  QStringLiteral("Floor tiles %1 mm").arg(context.hall.tileMm()), kThinMm});
  }
  return items;
}

QList<DataRow> hallData(const FloorContext& context) {
  const Bounds b = boundsOf(context.hall.outlineMm());
  QList<DataRow> rows{
      {QStringLiteral("Hall"), context.hall.name()},
      {QStringLiteral("Size"),
       QStringLiteral("%1 × %2").arg(
           formatQuantity(double(b.x1 - b.x0), Quantity::LengthMm, context.style),
           formatQuantity(double(b.y1 - b.y0), Quantity::LengthMm, context.style))},
      {QStringLiteral("Floor area"),
       formatQuantity(polygonAreaM2(context.hall.outlineMm()), Quantity::AreaM2, context.style)}};
  if (const HallTotals* totals = context.data.analysis.power.hall(context.hall.id())) {
    rows.append({QStringLiteral("Racks"), QString::number(totals->rackCount)});
    rows.append({QStringLiteral("IT power (max)"),
                 formatQuantity(totals->maxPowerW.value, Quantity::PowerW, context.style)});
  }
  if (context.cooling) {
    if (const HallCooling* cooling = context.data.analysis.cooling.hall(context.hall.id())) {
      const std::pair<const char*, double> parts[] = {
          {"Heat to liquid", cooling->heatToLiquidW.value},
          {"Heat to rear doors", cooling->heatToDoorW.value},
          {"Heat to room air", cooling->heatToRoomW.value}};
      for (const auto& [label, watts] : parts) {
        if (watts > 0.5) {  // a path the hall does not use is not a figure of it
          rows.append(
              {QString::fromLatin1(label), formatQuantity(watts, Quantity::PowerW, context.style)});
        }
      }
    }
  }
  return rows;
}

void paintSideColumn(QPainter& painter, const FloorContext& context) {
  const QRectF side = context.layout.sideMm;
  double y = side.top();
  const QString title =
      context.cooling ? QStringLiteral("Cooling mode of racks") : QStringLiteral("Rack max power");
  const HallContents contents = hallContents(context);
  const QList<LegendItem> overlay =
      context.cooling ? coolingLegend(context, contents) : powerLegend(context);
  y += paintLegend(painter, QRectF(side.left(), y, side.width(), side.height()), title, overlay);
  y += kBoxGapMm;
  y += paintLegend(painter, QRectF(side.left(), y, side.width(), side.height()),
                   QStringLiteral("Symbols"), symbolLegend(context, contents));
  y += kBoxGapMm;
  paintDataBox(painter, QRectF(side.left(), y, side.width(), side.bottom() - y),
               QStringLiteral("Drawing data"), hallData(context));

  // North arrow and scale bar at the foot of the column, over the title block.
  const double annotationsTop = side.bottom() - 18.0;
  paintNorthArrow(painter, QPointF(side.left() + 7.0, annotationsTop + 6.5), 10.0,
                  QStringLiteral("plan north"));
  paintScaleBar(painter, QPointF(side.left() + 18.0, annotationsTop + 5.0), context.layout.scale,
                side.width() - 24.0);
}

}  // namespace

QStringList floorPlanNotes(const Drawing& drawing) {
  QStringList notes{QStringLiteral("Dimensions in millimetres, overall to the hall outline.")};
  if (drawing.kind == DrawingKind::FloorPlanCooling) {
    notes.append(QStringLiteral(
        "Rack figures at max IT power: heat to cold plates (liq), taken by the rear door (door), "
        "left to the room air (room). Cooling units coloured by the loop or zone they serve."));
  } else {
    notes.append(
        QStringLiteral("Rack figures: rack max power (Σ device max power, catalog); "
                       "bands from the design assumptions."));
  }
  notes.append(
      QStringLiteral("Racks drawn on their catalog footprint; the heavy edge is the "
                     "front (cold aisle)."));
  return notes;
}

int floorPlanScale(double widthMm, double depthMm, const QSizeF& fieldMm) {
  for (int scale : kPlanScales) {
    if (widthMm / scale <= fieldMm.width() && depthMm / scale <= fieldMm.height()) {
      return scale;
    }
  }
  return std::end(kPlanScales)[-1];
}

FloorPlanLayout floorPlanLayout(const Hall& hall, const QRectF& areaMm) {
  FloorPlanLayout layout;
  layout.sideMm =
      QRectF(areaMm.right() - kSideWidthMm, areaMm.top(), kSideWidthMm, areaMm.height());
  layout.fieldMm = QRectF(areaMm.left() + kDimensionRoomMm, areaMm.top() + kDimensionRoomMm,
                          areaMm.width() - kSideWidthMm - kSideGapMm - kDimensionRoomMm,
                          areaMm.height() - kDimensionRoomMm - 2.0);
  const Bounds b = boundsOf(hall.outlineMm());
  const double w = b.x1 - b.x0;
  const double d = b.y1 - b.y0;
  layout.scale = floorPlanScale(w, d, layout.fieldMm.size());
  layout.originXMm = b.x0;
  layout.originYMm = b.y0;
  const QSizeF paper(w / layout.scale, d / layout.scale);
  // Centred in the field, so the sheet balances around the plan.
  layout.hallMm =
      QRectF(layout.fieldMm.center() - QPointF(paper.width(), paper.height()) / 2.0, paper);
  return layout;
}

void paintFloorPlan(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                    const ReportData& data) {
  const Hall* hall = data.project.findHall(drawing.hallId);
  if (hall == nullptr && !data.project.halls().isEmpty()) {
    hall = &data.project.halls().first();
  }
  if (hall == nullptr) {
    return;
  }
  FloorContext context{data,
                       *hall,
                       floorPlanLayout(*hall, areaMm),
                       drawing.kind == DrawingKind::FloorPlanCooling,
                       NumberStyle{data.locale, 3},
                       {}};
  const QList<LoopLoad>& loops = data.analysis.cooling.loops;
  for (int i = 0; i < loops.size(); ++i) {
    for (const CoolingUnitId& id : loops[i].unitIds) {
      context.unitLoop.insert(id, i);
    }
  }
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPainterPath floor;
  floor.addPolygon(paperPolygon(context, hall->outlineMm()));
  floor.closeSubpath();
  painter.fillPath(floor, Qt::white);
  paintGrid(painter, context, floor);
  paintObstacles(painter, context);
  paintCoolingUnits(painter, context);
  paintRacks(painter, context);
  paintRowLabels(painter, context);
  // The hall's walls: the heaviest line of the sheet.
  painter.setPen(QPen(inkColour(), kWallMm, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(floor);
  const QRectF h = context.layout.hallMm;
  paintDimension(painter, h.topLeft(), h.topRight(), -kDimensionOffsetMm,
                 millimetres(h.width() * context.layout.scale));
  paintDimension(painter, h.topLeft(), h.bottomLeft(), -kDimensionOffsetMm,
                 millimetres(h.height() * context.layout.scale));
  paintSideColumn(painter, context);
  painter.restore();
}

}  // namespace dc::report
