// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

namespace dc::report {

namespace {

QString loopName(const Analysis& analysis, int index) {
  return index >= 0 && index < analysis.cooling.loops.size() ? analysis.cooling.loops[index].name
                                                             : QString();
}

/// What removes the rack's heat, in words: "CDU loop 1 · Liebert DCD50 · Zone A".
QString servedBy(const RackCooling& cooling, const ReportInput& input) {
  QStringList parts;
  const QString loop = loopName(input.analysis, cooling.liquidLoopIndex);
  if (cooling.heatToLiquidW.value > 0.0) {
    parts.append(cooling.inRackCdu ? QStringLiteral("in-rack CDU")
                                   : (loop.isEmpty() ? QStringLiteral("no CDU loop") : loop));
  }
  if (!cooling.rearDoorId.isEmpty()) {
    const CatalogItem* door = input.catalog.find(cooling.rearDoorId);
    parts.append(door != nullptr ? door->model : cooling.rearDoorId);
  }
  const QString zone = loopName(input.analysis, cooling.airZoneIndex);
  if (cooling.heatToRoomW.value > 0.0) {
    parts.append(zone.isEmpty() ? QStringLiteral("room air") : zone);
  }
  return parts.join(QStringLiteral(" · "));
}

Table rackTable(const ReportInput& input) {
  const CellWriter cells(input.locale);
  const Analysis& analysis = input.analysis;
  const QString kW = columnUnit(
      largestOf(analysis.cooling.racks, [](const RackCooling& c) { return c.heatW.value; }),
      Quantity::PowerW);
  Table table;
  table.id = QStringLiteral("cooling");
  table.caption = QStringLiteral("Cooling schedule: racks");
  table.columns = {textColumn(QStringLiteral("Rack"), 0.5),
                   textColumn(QStringLiteral("Mode"), 0.95),
                   textColumn(QStringLiteral("Recommended"), 1.0),
                   numberColumn(QStringLiteral("Heat"), kW, 0.5),
                   numberColumn(QStringLiteral("To liquid"), kW, 0.6),
                   numberColumn(QStringLiteral("To door"), kW, 0.55),
                   numberColumn(QStringLiteral("To room"), kW, 0.6),
                   numberColumn(QStringLiteral("Airflow"), QStringLiteral("m³/h"), 0.65),
                   numberColumn(QStringLiteral("Coolant"), QStringLiteral("L/s"), 0.6),
                   textColumn(QStringLiteral("Served by"), 1.4)};
  for (const Rack* rack : racksInScheduleOrder(input.project)) {
    const auto found = analysis.cooling.racks.constFind(rack->id());
    if (found == analysis.cooling.racks.cend() || found->coolingUnit) {
      continue;
    }
    const RackCooling& c = *found;
    table.rows.append(
        {CellWriter::text(rack->name()),
         CellWriter::text(coolingModeName(c.mode), c.modeHolds ? Tone::Normal : Tone::Error),
         CellWriter::text(coolingOptionName(c.recommended)),
         cells.number(c.heatW.value, Quantity::PowerW, kW, Tone::Normal, c.heatW.confidence),
         cells.number(c.heatToLiquidW.value, Quantity::PowerW, kW),
         cells.number(c.heatToDoorW.value, Quantity::PowerW, kW),
         cells.number(c.heatToRoomW.value, Quantity::PowerW, kW),
         cells.number(c.airflowM3PerH.value, Quantity::AirflowM3PerH, QStringLiteral("m³/h")),
         c.coolantFlowLps.value > 0.0
             ? cells.number(c.coolantFlowLps.value, Quantity::FlowLps, QStringLiteral("L/s"))
             : CellWriter::none(),
         CellWriter::text(servedBy(c, input))});
  }
  table.notes.append(QStringLiteral(
      "At peak IT power. Mode in red: the chosen mode and its door or CDU do not remove the "
      "rack's heat. To liquid: Σ device liquid fraction × power (cold plates); to door: removed "
      "by the rear door, derated to the water and exhaust temperatures; to room: left for the "
      "room's air units. Airflow through the servers at the design ΔT, altitude-corrected."));
  return table;
}

Table loopTable(const ReportInput& input) {
  const CellWriter cells(input.locale);
  const Analysis& analysis = input.analysis;
  const double warnPct =
      analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct));
  const QString kW =
      columnUnit(largestOf(analysis.cooling.loops,
                           [](const LoopLoad& l) { return l.installedCapacityW.value; }),
                 Quantity::PowerW);
  Table table;
  table.id = QStringLiteral("cooling-loops");
  table.caption = QStringLiteral("Cooling schedule: CDU loops and air zones");
  table.columns = {textColumn(QStringLiteral("Loop or zone"), 1.0),
                   textColumn(QStringLiteral("Kind"), 0.6),
                   numberColumn(QStringLiteral("Units"), QString(), 0.4),
                   textColumn(QStringLiteral("Redundancy"), 0.55),
                   numberColumn(QStringLiteral("Installed"), kW, 0.6),
                   numberColumn(QStringLiteral("Usable"), kW, 0.55),
                   numberColumn(QStringLiteral("Load"), kW, 0.5),
                   numberColumn(QStringLiteral("Loading"), QStringLiteral("%"), 0.55),
                   textColumn(QStringLiteral("Flow or airflow"), 1.2),
                   numberColumn(QStringLiteral("Supply"), QStringLiteral("°C"), 0.5),
                   numberColumn(QStringLiteral("Racks"), QString(), 0.4)};
  for (const LoopLoad& loop : analysis.cooling.loops) {
    const bool liquid = loop.kind == CoolingLoopKind::Liquid;
    const Tone tone = loop.loadingPct > 100.0     ? Tone::Error
                      : loop.loadingPct > warnPct ? Tone::Warning
                                                  : Tone::Normal;
    QString flow;
    if (liquid) {
      flow = loop.flowCapacityLps.value > 0.0
                 ? QStringLiteral("%1 of %2")
                       .arg(cells.format(loop.flowLps.value, Quantity::FlowLps),
                            cells.format(loop.flowCapacityLps.value, Quantity::FlowLps))
                 : cells.format(loop.flowLps.value, Quantity::FlowLps);
    } else {
      flow = loop.airflowCapacityM3PerH.value > 0.0
                 ? QStringLiteral("%1 of %2")
                       .arg(cells.format(loop.airflowM3PerH.value, Quantity::AirflowM3PerH),
                            cells.format(loop.airflowCapacityM3PerH.value, Quantity::AirflowM3PerH))
                 : cells.format(loop.airflowM3PerH.value, Quantity::AirflowM3PerH);
    }
    table.rows.append(
        {CellWriter::text(loop.name), CellWriter::text(coolingLoopKindName(loop.kind)),
         cells.count(loop.unitCount), CellWriter::text(redundancyName(loop.redundancy)),
         cells.number(loop.installedCapacityW.value, Quantity::PowerW, kW),
         cells.number(loop.usableCapacityW.value, Quantity::PowerW, kW),
         cells.number(loop.loadW.value, Quantity::PowerW, kW),
         cells.number(loop.loadingPct, Quantity::Percent, QStringLiteral("%"), tone),
         CellWriter::text(flow),
         liquid
             ? cells.number(loop.coolantSupplyTempC, Quantity::TemperatureC, QStringLiteral("°C"))
             : CellWriter::none(),
         cells.count(loop.rackCount)});
  }
  table.notes.append(QStringLiteral(
      "Usable: installed capacity less the units its redundancy may lose (N+1: the largest). "
      "Load: heat to liquid of the racks on a CDU loop; heat to room air of the racks in a zone. "
      "Supply: facility water supply plus the CDUs' approach."));
  return table;
}

Chart heatChart(const ReportInput& input) {
  Chart chart;
  chart.id = QStringLiteral("cooling-racks");
  chart.title = QStringLiteral("Where each rack's heat goes");
  chart.kind = Chart::Kind::StackedBars;
  chart.valueTitle = QStringLiteral("Heat (kW)");
  ChartSeries liquid{QStringLiteral("To liquid"), {}, Tone::Normal};
  ChartSeries door{QStringLiteral("To rear door"), {}, Tone::Good};
  ChartSeries room{QStringLiteral("To room air"), {}, Tone::Warning};
  for (const Rack* rack : racksInScheduleOrder(input.project)) {
    const auto found = input.analysis.cooling.racks.constFind(rack->id());
    if (found == input.analysis.cooling.racks.cend() || found->coolingUnit) {
      continue;
    }
    chart.categories.append(rack->name());
    liquid.values.append(found->heatToLiquidW.value / 1000.0);
    door.values.append(found->heatToDoorW.value / 1000.0);
    room.values.append(found->heatToRoomW.value / 1000.0);
  }
  chart.series = {liquid, door, room};
  return chart;
}

}  // namespace

Section coolingScheduleSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("cooling-schedule");
  section.title = QStringLiteral("Cooling schedule");
  section.blocks.append(heatChart(input));
  section.blocks.append(rackTable(input));
  section.blocks.append(loopTable(input));
  return section;
}

}  // namespace dc::report
