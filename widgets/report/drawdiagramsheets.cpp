// SPDX-License-Identifier: GPL-3.0-or-later
// The single-line diagram and cooling schematic sheets: the diagram from core/report, its
// legend and data; the notes the sheet prints under it.
#include "drawdiagram.h"
#include "drawpalette.h"
#include "drawsymbols.h"
#include "engine/analysis.h"
#include "format/quantityformat.h"
#include "model/project.h"
#include "reportstyle.h"

#include <QPainter>

namespace dc::report {

namespace {

const Hall* hallOf(const Drawing& drawing, const ReportData& data) {
  const Hall* hall = data.project.findHall(drawing.hallId);
  if (hall == nullptr && !data.project.halls().isEmpty()) {
    hall = &data.project.halls().first();
  }
  return hall;
}

/// A legend swatch holding a diagram symbol, scaled into the swatch.
LegendItem symbolItem(DiagramSymbol symbol, const QString& text, bool byFacility = false) {
  LegendItem item{LegendItem::Kind::Custom, inkColour(), text};
  item.paint = [symbol, byFacility](QPainter& painter, const QRectF& swatch) {
    const QSizeF size = symbolSizeMm(symbol);
    const double s =
        std::min({1.0, swatch.width() / size.width(), (swatch.height() + 1.6) / size.height()});
    painter.save();
    painter.translate(swatch.center());
    painter.scale(s, s);
    paintSymbol(painter, symbol, QPointF(0, 0), inkColour(), byFacility);
    painter.restore();
  };
  return item;
}

QList<LegendItem> loadingItems(const ReportData& data) {
  const double warn =
      data.analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct));
  return {{LegendItem::Kind::Fill, toneColour(Tone::Warning),
           QStringLiteral("loading from %1 %").arg(data.locale.toString(warn, 'g', 3))},
          {LegendItem::Kind::Fill, toneColour(Tone::Error), QStringLiteral("loading over 100 %")}};
}

QList<DataRow> powerData(const Diagram& diagram, const ReportData& data, const Hall& hall) {
  const NumberStyle style{data.locale, 3};
  QList<DataRow> rows{{QStringLiteral("Hall"), hall.name()}};
  if (const HallTotals* totals = data.analysis.power.hall(hall.id())) {
    rows.append({QStringLiteral("IT power (max)"),
                 formatQuantity(totals->maxPowerW.value, Quantity::PowerW, style)});
  }
  rows.append({QStringLiteral("UPS · busways"), QStringLiteral("%1 · %2")
                                                    .arg(diagram.count(DiagramSymbol::Ups))
                                                    .arg(diagram.count(DiagramSymbol::Busway))});
  rows.append(
      {QStringLiteral("Rack groups"), QString::number(diagram.count(DiagramSymbol::RackGroup))});
  return rows;
}

QList<DataRow> coolingData(const ReportData& data, const Hall& hall) {
  const NumberStyle style{data.locale, 3};
  QList<DataRow> rows{{QStringLiteral("Hall"), hall.name()}};
  const HallCooling* cooling = data.analysis.cooling.hall(hall.id());
  if (cooling == nullptr) {
    return rows;
  }
  rows.append({QStringLiteral("Heat (max IT)"),
               formatQuantity(cooling->heatW.value, Quantity::PowerW, style)});
  const std::pair<const char*, double> parts[] = {{"To liquid", cooling->heatToLiquidW.value},
                                                  {"To rear doors", cooling->heatToDoorW.value},
                                                  {"To room air", cooling->heatToRoomW.value}};
  for (const auto& [label, watts] : parts) {
    if (watts > 0.5) {
      rows.append({QString::fromLatin1(label), formatQuantity(watts, Quantity::PowerW, style)});
    }
  }
  return rows;
}

QString schematicNote() {
  return QStringLiteral(
      "Schematic, not to scale: the arrangement shows connections, not "
      "positions on the floor.");
}

}  // namespace

void paintPowerSingleLine(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                          const ReportData& data) {
  const Hall* hall = hallOf(drawing, data);
  if (hall == nullptr) {
    return;
  }
  const Diagram diagram =
      powerSingleLine(data.project, data.catalog, data.analysis, hall->id(), data.locale);
  DiagramSheet sheet;
  sheet.legendTitle = QStringLiteral("Legend");
  sheet.legend = {
      {LegendItem::Kind::Line, feedColour(0), QStringLiteral("Feed A"), kMediumMm},
      {LegendItem::Kind::Line, feedColour(1), QStringLiteral("Feed B"), kMediumMm},
      {LegendItem::Kind::Line, feedColour(2), QStringLiteral("Feed C"), kMediumMm},
      {LegendItem::Kind::Dashed, inkColour(), QStringLiteral("Standby (generators)"), kMediumMm},
      {LegendItem::Kind::Dotted, inkColour(), QStringLiteral("Upstream not modelled"), kMediumMm},
      symbolItem(DiagramSymbol::Transformer, QStringLiteral("By the facility (dashed)"), true),
      symbolItem(DiagramSymbol::Ups, QStringLiteral("UPS (modules · redundancy)")),
      symbolItem(DiagramSymbol::Busway, QStringLiteral("Busway")),
      symbolItem(DiagramSymbol::Switchboard, QStringLiteral("Switchboard / breaker")),
  };
  sheet.legend.append(loadingItems(data));
  if (diagram.count(DiagramSymbol::RackGroup) == 0 && diagram.count(DiagramSymbol::Ups) == 0 &&
      diagram.count(DiagramSymbol::Switchboard) == 0 && diagram.count(DiagramSymbol::Busway) == 0 &&
      diagram.count(DiagramSymbol::Rpp) == 0 && diagram.count(DiagramSymbol::PowerRack) == 0) {
    sheet.emptyText = QStringLiteral("No UPS, distribution or racks modelled in this hall");
  }
  sheet.data = powerData(diagram, data, *hall);
  paintDiagram(painter, areaMm, diagram, sheet);
}

void paintCoolingSchematic(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                           const ReportData& data) {
  const Hall* hall = hallOf(drawing, data);
  if (hall == nullptr) {
    return;
  }
  const Diagram diagram =
      coolingSchematic(data.project, data.catalog, data.analysis, hall->id(), data.locale);
  DiagramSheet sheet;
  sheet.legendTitle = QStringLiteral("Legend");
  sheet.legend = {
      {LegendItem::Kind::Line, supplyColour(), QStringLiteral("Supply"), kMediumMm},
      {LegendItem::Kind::Line, returnColour(), QStringLiteral("Return"), kMediumMm},
      {LegendItem::Kind::Dashed, toneColour(Tone::Muted), QStringLiteral("Room air"), kMediumMm},
      symbolItem(DiagramSymbol::Cdu, QStringLiteral("CDU (liquid to liquid)")),
      symbolItem(DiagramSymbol::AirCooler, QStringLiteral("CRAH / in-row cooler")),
      symbolItem(DiagramSymbol::RearDoor, QStringLiteral("Rear-door heat exchanger")),
      symbolItem(DiagramSymbol::ChilledWater, QStringLiteral("Plant, by the facility"), true),
  };
  sheet.legend.append(loadingItems(data));
  if (diagram.nodes.isEmpty()) {
    sheet.emptyText = QStringLiteral("No CDU loop, air zone or rear door in this hall");
  }
  sheet.data = coolingData(data, *hall);
  paintDiagram(painter, areaMm, diagram, sheet);
}

QStringList powerSingleLineNotes(const Drawing& drawing, const ReportData& data) {
  QStringList notes{schematicNote()};
  if (const Hall* hall = hallOf(drawing, data)) {
    notes +=
        powerSingleLine(data.project, data.catalog, data.analysis, hall->id(), data.locale).notes;
  }
  notes.append(
      QStringLiteral("Loading at max IT power: normal, and with the worst other feed "
                     "lost (the 2N / 3-make-2 rule)."));
  notes.append(
      QStringLiteral("Racks grouped by the busways, RPPs or power racks their PDUs are "
                     "plugged into; one line per feed."));
  return notes;
}

QStringList coolingSchematicNotes(const Drawing& drawing, const ReportData& data) {
  QStringList notes{schematicNote()};
  if (const Hall* hall = hallOf(drawing, data)) {
    notes +=
        coolingSchematic(data.project, data.catalog, data.analysis, hall->id(), data.locale).notes;
  }
  notes.append(
      QStringLiteral("Heat at max IT power. Loop and zone frames: redundancy, usable "
                     "capacity, load and flow of the units inside."));
  return notes;
}

}  // namespace dc::report
