// SPDX-License-Identifier: GPL-3.0-or-later
// What stands on the floor plan: racks (footprint, front edge, rear door, name, figure) and floor
// cooling units.
#include "catalog/catalog.h"
#include "drawfloorparts.h"
#include "drawpalette.h"
#include "drawsheet.h"
#include "engine/analysis.h"
#include "engine/cooling/heatmapinput.h"
#include "engine/footprint.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>

namespace dc::report {

namespace {

/// The edge of `r` a rack of `rotationDeg` faces with its front (0: up the drawing).
QLineF frontEdge(const QRectF& r, int rotationDeg) {
  switch (rotationDeg) {
    case 90:
      return {r.topRight(), r.bottomRight()};
    case 180:
      return {r.bottomLeft(), r.bottomRight()};
    case 270:
      return {r.topLeft(), r.bottomLeft()};
    default:
      return {r.topLeft(), r.topRight()};
  }
}

/// A band of `depth` along the back edge (opposite the front): the rear door.
QRectF rearBand(const QRectF& r, int rotationDeg, double depth) {
  switch (rotationDeg) {
    case 90:
      return {r.left(), r.top(), depth, r.height()};
    case 180:
      return {r.left(), r.top(), r.width(), depth};
    case 270:
      return {r.right() - depth, r.top(), depth, r.height()};
    default:
      return {r.left(), r.bottom() - depth, r.width(), depth};
  }
}

QString formatted(double value, Quantity quantity, const NumberStyle& style) {
  return formatQuantity(value, quantity, style);
}

}  // namespace

QList<double> bandEdgesW(const ReportData& data) {
  const DesignAssumptions& a = data.analysis.assumptions;
  return {a.value(QString::fromLatin1(assumption::kBand1W)),
          a.value(QString::fromLatin1(assumption::kBand2W)),
          a.value(QString::fromLatin1(assumption::kBand3W)),
          a.value(QString::fromLatin1(assumption::kBand4W)),
          a.value(QString::fromLatin1(assumption::kBand5W))};
}

QColor powerBandFill(double maxPowerW, const QList<double>& edges) {
  if (maxPowerW <= 0) {
    return neutralFill();
  }
  qsizetype band = 0;
  while (band < edges.size() && maxPowerW >= edges[band]) {
    ++band;
  }
  return powerBandFills().value(band, powerBandFills().last());
}

namespace {

RectMm rackRectMm(const Rack& rack, const Catalog& catalog) {
  RectMm footprint = rackFootprintMm(rack, catalog);
  if (footprint.isEmpty()) {  // an unknown rack type: a 600 × 1200 marker, as the studio
    const PointMm c = rack.positionMm();
    footprint = {c.xMm - 300, c.yMm - 600, c.xMm + 300, c.yMm + 600};
  }
  return footprint;
}

QRectF paperRect(const FloorContext& context, const RectMm& r) {
  return context.toPaper(double(r.x0Mm), double(r.y0Mm), double(r.x1Mm), double(r.y1Mm));
}

/// What a label must not cover: racks, cooling units and columns, on paper.
QList<QRectF> occupied(const FloorContext& context) {
  QList<QRectF> taken;
  for (const Rack& rack : context.data.project.racks()) {
    if (rack.hallId() == context.hall.id()) {
      taken.append(paperRect(context, rackRectMm(rack, context.data.catalog)));
    }
  }
  for (const CoolingUnit& unit : context.data.project.coolingUnits()) {
    if (unit.hallId == context.hall.id()) {
      taken.append(paperRect(context, coolingUnitFootprintMm(unit, context.data.catalog)));
    }
  }
  for (const Obstacle& obstacle : context.hall.obstacles()) {
    QPolygonF polygon;
    for (const PointMm& p : obstacle.outlineMm) {
      polygon.append(context.layout.toPaper(double(p.xMm), double(p.yMm)));
    }
    taken.append(polygon.boundingRect());
  }
  return taken;
}

}  // namespace

void paintRacks(QPainter& painter, const FloorContext& context) {
  const Analysis& analysis = context.data.analysis;
  const QList<double> edges = bandEdgesW(context.data);
  for (const Rack& rack : context.data.project.racks()) {
    if (rack.hallId() != context.hall.id()) {
      continue;
    }
    const QRectF r = paperRect(context, rackRectMm(rack, context.data.catalog));
    const auto power = analysis.power.racks.constFind(rack.id());
    const auto cooling = analysis.cooling.racks.constFind(rack.id());
    QStringList label{rack.name()};
    QColor fill = neutralFill();
    if (!context.cooling) {
      if (power != analysis.power.racks.cend()) {
        fill = powerBandFill(power->maxPowerW.value, edges);
        label.append(formatted(power->maxPowerW.value, Quantity::PowerW, context.style));
      }
    } else {
      fill = coolingModeFill(rack.coolingMode());
      if (cooling != analysis.cooling.racks.cend()) {
        // Where the heat goes: cold plates, rear door, room air (what is left of each).
        const std::pair<const char*, double> parts[] = {{"liq ", cooling->heatToLiquidW.value},
                                                        {"door ", cooling->heatToDoorW.value},
                                                        {"room ", cooling->heatToRoomW.value}};
        for (const auto& [prefix, watts] : parts) {
          if (watts > 0.5) {
            label.append(QString::fromLatin1(prefix) +
                         formatted(watts, Quantity::PowerW, context.style));
          }
        }
      }
    }
    painter.setPen(QPen(inkColour(), kThinMm));
    painter.setBrush(fill);
    painter.drawRect(r);
    const double shortSide = std::min(r.width(), r.height());
    if (!rack.rearDoorId().isEmpty()) {
      const QRectF door = rearBand(r, rack.rotationDeg(), std::max(0.5, shortSide * 0.12));
      painter.fillRect(door, rearDoorColour());
    }
    // The front (cold-aisle) edge heavy, drawn just inside the footprint.
    const QLineF front = frontEdge(r, rack.rotationDeg());
    const QPointF inward = (r.center() - (front.p1() + front.p2()) / 2.0);
    const double inwardLength = std::hypot(inward.x(), inward.y());
    const QPointF shift =
        inwardLength > 0 ? inward / inwardLength * (kThickMm / 2.0) : QPointF(0, 0);
    painter.setPen(QPen(inkColour(), kThickMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(front.translated(shift));
    if (context.cooling && cooling != analysis.cooling.racks.cend() && !cooling->modeHolds) {
      const double side = shortSide * 0.35;
      QPainterPath corner;
      corner.moveTo(r.topRight());
      corner.lineTo(r.topRight() - QPointF(side, 0));
      corner.lineTo(r.topRight() + QPointF(0, side));
      corner.closeSubpath();
      painter.fillPath(corner, toneColour(Tone::Error));
    }
    // Clear of the heavy front edge and the door bar; the sides only need a hair.
    const double inset = std::max(0.6, shortSide * 0.14);
    const bool sideways = rack.rotationDeg() == 90 || rack.rotationDeg() == 270;
    const QRectF textBox =
        sideways ? r.adjusted(inset, 0.2, -inset, -0.2) : r.adjusted(0.2, inset, -0.2, -inset);
    paintFittedLabel(painter, textBox, label, 7.0, kMinLabelPt);
  }
}

void paintRowLabels(QPainter& painter, const FloorContext& context) {
  QStringList rows;
  QHash<QString, QRectF> extent;
  for (const Rack& rack : context.data.project.racks()) {
    if (rack.hallId() != context.hall.id() || rack.row().isEmpty()) {
      continue;
    }
    const QRectF r = paperRect(context, rackRectMm(rack, context.data.catalog));
    if (!extent.contains(rack.row())) {
      rows.append(rack.row());
      extent.insert(rack.row(), r);
    } else {
      extent[rack.row()] = extent[rack.row()].united(r);
    }
  }
  QList<QRectF> taken = occupied(context);
  const QRectF floor = context.layout.hallMm.adjusted(1.0, 1.0, -1.0, -1.0);
  const QFont font = reportFont(7.5, true);
  const double h = lineHeightMm(7.5);
  for (const QString& row : rows) {
    const QString text = QStringLiteral("ROW ") + row.toUpper();
    const double w = textWidthMm(painter, font, text) + 1.0;
    const QRectF r = extent.value(row);
    const double gap = 2.5;
    const QList<QRectF> candidates{
        {r.left() - gap - w, r.center().y() - h / 2, w, h},
        {r.right() + gap, r.center().y() - h / 2, w, h},
        {r.center().x() - w / 2, r.top() - gap - h, w, h},
        {r.center().x() - w / 2, r.bottom() + gap, w, h},
    };
    for (const QRectF& candidate : candidates) {
      const bool clear = floor.contains(candidate) &&
                         std::none_of(taken.cbegin(), taken.cend(), [&](const QRectF& t) {
                           return t.adjusted(-0.8, -0.8, 0.8, 0.8).intersects(candidate);
                         });
      if (clear) {
        drawTextAt(painter, candidate.center(), Qt::AlignHCenter | Qt::AlignVCenter, text, font,
                   toneColour(Tone::Muted));
        taken.append(candidate);
        break;
      }
    }
  }
}

bool hasUnpublishedUnits(const FloorContext& context) {
  for (const CoolingUnit& unit : context.data.project.coolingUnits()) {
    bool published = true;
    if (unit.hallId == context.hall.id()) {
      coolingUnitFootprintMm(unit, context.data.catalog, &published);
      if (!published) {
        return true;
      }
    }
  }
  return false;
}

void paintCoolingUnits(QPainter& painter, const FloorContext& context) {
  const Catalog& catalog = context.data.catalog;
  for (const CoolingUnit& unit : context.data.project.coolingUnits()) {
    if (unit.hallId != context.hall.id()) {
      continue;
    }
    bool published = true;
    const RectMm f = coolingUnitFootprintMm(unit, catalog, &published);
    const QRectF r =
        context.toPaper(double(f.x0Mm), double(f.y0Mm), double(f.x1Mm), double(f.y1Mm));
    const CatalogItem* item = catalog.find(unit.catalogId);
    const bool cdu = item != nullptr && item->kind == ItemKind::Cdu;
    QColor fill = cdu ? cduFill() : airCoolerFill();
    const auto loop = context.unitLoop.constFind(unit.id);
    QColor outline = inkColour();
    if (context.cooling && loop != context.unitLoop.cend()) {
      outline = loopColour(*loop);
      fill = tint(loopColour(*loop), 0.72);
    }
    QPen pen(outline, kMediumMm);
    if (!published) {
      pen.setDashPattern({3.0, 2.0});  // no published footprint: a marker, not to scale
    }
    painter.setPen(pen);
    painter.setBrush(fill);
    painter.drawRect(r.adjusted(kMediumMm / 2, kMediumMm / 2, -kMediumMm / 2, -kMediumMm / 2));
    // A cross marks floor equipment that is not a rack, as plans mark plant.
    painter.setPen(QPen(tint(outline, 0.55), kHairlineMm));
    painter.drawLine(r.topLeft(), r.bottomRight());
    painter.drawLine(r.topRight(), r.bottomLeft());
    QString kind = QStringLiteral("unit");
    if (item != nullptr) {
      kind = cdu                                   ? QStringLiteral("CDU")
             : item->kind == ItemKind::Crah        ? QStringLiteral("CRAH")
             : item->kind == ItemKind::InRowCooler ? QStringLiteral("in-row")
                                                   : itemKindName(item->kind);
    }
    const QRectF labelBox = r.adjusted(0.4, 0.4, -0.4, -0.4);
    paintFittedLabel(painter, labelBox, {unit.name, kind}, 6.0, kMinLabelPt);
  }
}

}  // namespace dc::report
