// SPDX-License-Identifier: GPL-3.0-or-later
// `analyze` and `validate` as readable text: halls and racks, feeds, power nodes, the failure
// simulation and the findings (the JSON forms are in clianalyze.cpp).
// Figures are written as in the studio (format/quantityformat.h, the user's locale); the JSON
// keeps SI numbers.
#include "clioutput.h"
#include "engine/positionlabel.h"
#include "format/quantityformat.h"
#include "support/plural.h"

namespace dc {

namespace {

/// A power column of a text table: one unit for all its cells (that of its figures), named in
/// its header ("Max (kW)").
class PowerColumn {
 public:
  explicit PowerColumn(const QList<double>& watts) : mUnit(columnUnit(watts, Quantity::PowerW)) {}
  QString header(const QString& title) const { return headerWithUnit(title, mUnit); }
  QString cell(const Figure& figure) const { return cell(figure.value, figure.confidence); }
  QString cell(double watts, Confidence confidence = Confidence::Derived) const {
    return formatInUnit(watts, Quantity::PowerW, mUnit, NumberStyle::forConfidence(confidence));
  }

 private:
  QString mUnit;
};

QString power(const Figure& figure) {
  return formatFigure(figure, Quantity::PowerW);
}

QString count(qint64 n) {
  return formatQuantity(double(n), Quantity::Count);
}

/// The floor cooling units of one hall, apart from its racks: their power is not IT load.
void coolingUnitsText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                      const Hall& hall, QTextStream& out) {
  const HallTotals* t = analysis.power.hall(hall.id());
  if (t->coolingUnitCount == 0) {
    return;
  }
  QList<const Rack*> units;
  QList<double> inputsW;
  for (const Rack& rack : project.racks()) {
    const RackPower& p = analysis.power.racks.value(rack.id());
    if (rack.hallId() == hall.id() && p.coolingUnit) {
      units.append(&rack);
      inputsW.append(p.coolingEquipmentPowerW.value);
    }
  }
  if (units.isEmpty()) {  // the hall's cooling units are floor objects, not legacy racks
    return;
  }
  const PowerColumn input(inputsW);
  out << QStringLiteral("  %1 %2 %3 %4\n")
             .arg(QStringLiteral("Cooling"), -10)
             .arg(QStringLiteral("Row"), -5)
             .arg(QStringLiteral("Type"), -28)
             .arg(input.header(QStringLiteral("Input")), 12);
  for (const Rack* rack : units) {
    const RackPower& p = analysis.power.racks.value(rack->id());
    out << QStringLiteral("  %1 %2 %3 %4\n")
               .arg(positionName(*rack), -10)
               .arg(rack->row(), -5)
               .arg(modelOf(catalog, rack->rackTypeId()), -28)
               .arg(input.cell(p.coolingEquipmentPowerW), 12);
  }
}

QString pct(double value) {
  return formatQuantity(value, Quantity::Percent);
}

QString amps(double value) {
  return formatInUnit(value, Quantity::CurrentA, QStringLiteral("A"));
}

QString nodeName(const Project& project, PowerNodeId id) {
  const PowerNode* node = project.findPowerNode(id);
  return node ? node->name : QStringLiteral("-");
}

/// Rack PDUs and power shelves of one hall: load, worst line current and loading, normal and
/// with the worst other feed lost.
void feedsText(const Project& project, const Analysis& analysis, const Hall& hall,
               QTextStream& out) {
  QList<double> powersW;  // capacity and load: one unit for the two columns
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() == hall.id()) {
      for (const PduLoad& pdu : analysis.power.racks.value(rack.id()).pdus) {
        powersW << (pdu.rated ? pdu.capacityW.value : 0.0) << pdu.normal.loadW;
      }
    }
  }
  const PowerColumn column(powersW);
  bool header = false;
  for (const Rack& rack : project.racks()) {
    const RackPower& p = analysis.power.racks.value(rack.id());
    if (rack.hallId() != hall.id() || p.pdus.isEmpty()) {
      continue;
    }
    if (!header) {
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(QStringLiteral("Feeds"), -10)
                 .arg(QStringLiteral("PDU"), -22)
                 .arg(QStringLiteral("From"), -8)
                 .arg(column.header(QStringLiteral("Cap")), 9)
                 .arg(column.header(QStringLiteral("Load")), 9)
                 .arg(headerWithUnit(QStringLiteral("Max"), QStringLiteral("A")), 7)
                 .arg(QStringLiteral("Loading"), 8)
                 .arg(QStringLiteral("Failover"));
      header = true;
    }
    for (const PduLoad& pdu : p.pdus) {
      const QString failover =
          pdu.failoverLostFeed == PowerFeed::None
              ? QStringLiteral("-")
              : QStringLiteral("%1 (%2 lost)")
                    .arg(pct(pdu.failover.loadingPct), powerFeedName(pdu.failoverLostFeed));
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8\n")
                 .arg(positionName(rack), -10)
                 .arg(pdu.label, -22)
                 .arg(nodeName(project, pdu.upstreamId), -8)
                 .arg(pdu.rated ? column.cell(pdu.capacityW) : QStringLiteral("?"), 9)
                 .arg(column.cell(pdu.normal.loadW), 9)
                 .arg(amps(pdu.normal.maxLineCurrentA), 7)
                 .arg(pdu.rated ? pct(pdu.normal.loadingPct) : QStringLiteral("-"), 8)
                 .arg(pdu.rated ? failover : QStringLiteral("-"));
    }
  }
}

/// The hall's UPS, switchboards, busways, RPPs and power racks with their loading.
void nodesText(const Project& project, const Analysis& analysis, const Hall& hall,
               QTextStream& out) {
  QList<double> powersW;
  for (const PowerNode& node : project.powerNodes()) {
    const auto load = analysis.power.nodes.constFind(node.id);
    if (node.hallId == hall.id() && load != analysis.power.nodes.cend()) {
      powersW << load->capacityW.value << load->loadW;
    }
  }
  const PowerColumn column(powersW);
  bool header = false;
  for (const PowerNode& node : project.powerNodes()) {
    const auto load = analysis.power.nodes.constFind(node.id);
    if (node.hallId != hall.id() || load == analysis.power.nodes.cend()) {
      continue;
    }
    if (!header) {
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                 .arg(QStringLiteral("Node"), -10)
                 .arg(QStringLiteral("Kind"), -12)
                 .arg(QStringLiteral("Feed"), -5)
                 .arg(column.header(QStringLiteral("Cap")), 9)
                 .arg(column.header(QStringLiteral("Load")), 9)
                 .arg(QStringLiteral("Loading"), 8)
                 .arg(QStringLiteral("Failover"));
      header = true;
    }
    QString failover = QStringLiteral("-");
    if (load->failoverLostFeed != PowerFeed::None) {
      failover = QStringLiteral("%1 (%2 lost)")
                     .arg(pct(load->failoverLoadingPct), powerFeedName(load->failoverLostFeed));
    }
    QString kind = powerNodeKindName(load->kind);
    if (load->kind == PowerNodeKind::Ups) {
      kind += QStringLiteral(" %1").arg(redundancyName(load->redundancy));
    }
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(load->name, -10)
               .arg(kind, -12)
               .arg(powerFeedName(load->feed), -5)
               .arg(column.cell(load->capacityW), 9)
               .arg(column.cell(load->loadW), 9)
               .arg(pct(load->loadingPct), 8)
               .arg(failover);
  }
}

QString loopName(const CoolingResult& cooling, int index) {
  return index >= 0 && index < cooling.loops.size() ? cooling.loops[index].name
                                                    : QStringLiteral("-");
}

/// Per rack: the chosen mode and the engine's recommendation with its margin, the heat split,
/// airflow and coolant flow, and the loop and zone serving it; then the reasons, one a line.
void rackCoolingText(const Project& project, const Analysis& analysis, const Hall& hall,
                     QTextStream& out) {
  QList<double> heatsW;  // the four heat columns share one unit
  for (const Rack& rack : project.racks()) {
    const auto c = analysis.cooling.racks.constFind(rack.id());
    if (rack.hallId() == hall.id() && c != analysis.cooling.racks.cend() && !c->coolingUnit) {
      heatsW << c->heatToLiquidW.value << c->heatToAirW.value << c->heatToDoorW.value
             << c->heatToRoomW.value;
    }
  }
  const PowerColumn heat(heatsW);
  const auto flow = [](const Figure& figure, Quantity quantity, const QString& unit) {
    return formatInUnit(figure.value, quantity, unit,
                        NumberStyle::forConfidence(figure.confidence));
  };
  bool header = false;
  for (const Rack& rack : project.racks()) {
    const auto c = analysis.cooling.racks.constFind(rack.id());
    if (rack.hallId() != hall.id() || c == analysis.cooling.racks.cend() || c->coolingUnit) {
      continue;
    }
    if (!header) {
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
                 .arg(QStringLiteral("Cooling"), -10)
                 .arg(QStringLiteral("Mode"), -15)
                 .arg(QStringLiteral("Recommended"), -24)
                 .arg(QStringLiteral("Margin"), 8)
                 .arg(heat.header(QStringLiteral("Liq")), 9)
                 .arg(heat.header(QStringLiteral("Air")), 9)
                 .arg(heat.header(QStringLiteral("Door")), 9)
                 .arg(heat.header(QStringLiteral("Room")), 9)
                 .arg(headerWithUnit(QStringLiteral("Air"), QStringLiteral("m³/h")), 10)
                 .arg(headerWithUnit(QStringLiteral("Liq"), QStringLiteral("L/s")), 9)
                 .arg(QStringLiteral("Loop / zone"));
      header = true;
    }
    const QString mode = coolingModeKey(c->mode) + (c->modeHolds ? QString() : QStringLiteral("!"));
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
               .arg(positionName(rack), -10)
               .arg(mode, -15)
               .arg(coolingOptionKey(c->recommended), -24)
               .arg(pct(c->marginPct), 8)
               .arg(heat.cell(c->heatToLiquidW), 9)
               .arg(heat.cell(c->heatToAirW), 9)
               .arg(heat.cell(c->heatToDoorW), 9)
               .arg(heat.cell(c->heatToRoomW), 9)
               .arg(flow(c->airflowM3PerH, Quantity::AirflowM3PerH, QStringLiteral("m³/h")), 10)
               .arg(flow(c->coolantFlowLps, Quantity::FlowLps, QStringLiteral("L/s")), 9)
               .arg(QStringLiteral("%1 / %2").arg(loopName(analysis.cooling, c->liquidLoopIndex),
                                                  loopName(analysis.cooling, c->airZoneIndex)));
  }
}

/// The hall's CDU loops and air zones: units, capacity, load, loading, flow, units required.
void loopsText(const Project& project, const Analysis& analysis, const Hall& hall,
               QTextStream& out) {
  QList<double> powersW;
  for (const LoopLoad& loop : analysis.cooling.loops) {
    if (loop.hallId == hall.id()) {
      powersW << loop.installedCapacityW.value << loop.usableCapacityW.value << loop.loadW.value;
    }
  }
  const PowerColumn column(powersW);
  bool header = false;
  for (const LoopLoad& loop : analysis.cooling.loops) {
    if (loop.hallId != hall.id()) {
      continue;
    }
    if (!header) {
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
                 .arg(QStringLiteral("Loop"), -14)
                 .arg(QStringLiteral("Kind"), -7)
                 .arg(QStringLiteral("Red."), -5)
                 .arg(QStringLiteral("Units"), 5)
                 .arg(QStringLiteral("Need"), 5)
                 .arg(column.header(QStringLiteral("Inst")), 10)
                 .arg(column.header(QStringLiteral("Usable")), 12)
                 .arg(column.header(QStringLiteral("Load")), 10)
                 .arg(QStringLiteral("Loading"), 8)
                 .arg(QStringLiteral("Flow (capacity)"));
      header = true;
    }
    // Coolant flow of a CDU loop, airflow of an air zone: the needed figure with its unit and
    // the units' capacity in the same unit.
    const bool liquid = loop.kind == CoolingLoopKind::Liquid;
    const Quantity quantity = liquid ? Quantity::FlowLps : Quantity::AirflowM3PerH;
    const Figure& needed = liquid ? loop.flowLps : loop.airflowM3PerH;
    const Figure& capacity = liquid ? loop.flowCapacityLps : loop.airflowCapacityM3PerH;
    const QString flow = QStringLiteral("%1 (%2)").arg(
        formatFigure(needed, quantity),
        capacity.value > 0 ? formatFigure(capacity, quantity) : QStringLiteral("unpublished"));
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
               .arg(loop.name, -14)
               .arg(coolingLoopKindKey(loop.kind), -7)
               .arg(redundancyName(loop.redundancy), -5)
               .arg(loop.unitCount, 5)
               .arg(loop.unitsRequired, 5)
               .arg(column.cell(loop.installedCapacityW), 10)
               .arg(column.cell(loop.usableCapacityW), 12)
               .arg(column.cell(loop.loadW), 10)
               .arg(pct(loop.loadingPct), 8)
               .arg(flow);
    QStringList units;
    for (const CoolingUnitId& id : loop.unitIds) {
      const CoolingUnit* unit = project.findCoolingUnit(id);
      units.append(unit ? unit->name : id.toString());
    }
    if (!units.isEmpty()) {
      out << "    units: " << units.join(QStringLiteral(", ")) << '\n';
    }
  }
}

/// "32/32": switches of one role placed of those needed.
QString placedOfNeeded(const FabricSummary& fabric, SwitchRole role) {
  const FabricSwitchCount n = fabricSwitchCount(fabric, role);
  return QStringLiteral("%1/%2").arg(count(n.placed), count(n.needed));
}

/// The hall's fabrics, one a line with its switches (placed / needed), cables per tier,
/// transceivers, optics power and longest link; then its trays' fill.
void fabricsText(const Analysis& analysis, const Hall& hall, QTextStream& out) {
  bool header = false;
  for (const FabricSummary& f : analysis.fabric.fabrics) {
    if (f.hallId != hall.id()) {
      continue;
    }
    if (!header) {
      out << "  Fabrics (switches placed/needed):\n";
      header = true;
    }
    const bool dragonfly = f.topology == FabricTopology::Dragonfly;
    out << "  " << f.name << " (" << fabricKindKey(f.kind) << ", "
        << (dragonfly ? QStringLiteral("dragonfly")
                      : QStringLiteral("fat-tree, ") + countOf(f.sizing.tiers, "tier", "tiers"))
        << "): " << countOf(f.nodes, "node", "nodes") << ", " << count(f.gpus) << " GPUs; ";
    if (dragonfly) {
      out << "routers " << placedOfNeeded(f, SwitchRole::Router) << "; cables "
          << count(f.cablesNodeToLeaf) << " node-router, " << count(f.cablesLocal) << " local, "
          << count(f.cablesGlobal) << " global\n";
    } else {
      out << "leaf " << placedOfNeeded(f, SwitchRole::Leaf) << ", spine "
          << placedOfNeeded(f, SwitchRole::Spine) << ", core "
          << placedOfNeeded(f, SwitchRole::Core) << "; cables " << count(f.cablesNodeToLeaf)
          << " node-leaf";
      if (f.cablesReserved > 0) {
        out << " (" << count(f.cablesReserved) << " reserved)";
      }
      out << ", " << count(f.cablesLeafToSpine) << " leaf-spine";
      if (f.cablesSpineToCore > 0) {
        out << ", " << count(f.cablesSpineToCore) << " spine-core";
      }
      out << '\n';
    }
    out << "    transceivers " << count(f.transceiversSwitchSide) << " switch side, "
        << count(f.transceiversNodeSide) << " node side; optics "
        << formatQuantity(f.opticsPowerW, Quantity::PowerW) << "; longest link "
        << (f.routedLinks > 0 ? formatQuantity(double(f.longestLinkMm), Quantity::LengthMm)
                              : QStringLiteral("-"));
    if (f.unroutedLinks > 0) {
      out << "; " << count(f.unroutedLinks) << " links not routed";
    }
    out << '\n';
  }
  QStringList trays;
  for (const TrayUse& t : analysis.fabric.trays) {
    if (t.hallId == hall.id()) {
      trays.append(
          QStringLiteral("%1 %2 of %3")
              .arg(t.name, formatQuantity(t.worstFillPct, Quantity::Percent),
                   formatQuantity(t.fillLimitPct, Quantity::Percent, NumberStyle::forNominal())));
    }
  }
  if (!trays.isEmpty()) {
    out << "  Tray fill (fullest segment of limit): " << trays.join(QStringLiteral(", ")) << '\n';
  }
}

/// Every rack's verdict in the simulated failure (power or cooling, whichever was simulated).
void failureText(const Project& project, const Analysis& analysis, const Hall& hall,
                 QTextStream& out) {
  if (!failureSimulated(analysis)) {
    return;
  }
  const FailureResult& failure = analysis.failure();
  out << "  " << failure.description << ":\n";
  for (const Rack& rack : project.racks()) {
    const auto outcome = failure.racks.constFind(rack.id());
    if (rack.hallId() != hall.id() || outcome == failure.racks.cend()) {
      continue;
    }
    out << (outcome->reason.isEmpty() ? QStringLiteral("  %1 %2\n")
                                            .arg(positionName(rack), -10)
                                            .arg(rackVerdictKey(outcome->verdict))
                                      : QStringLiteral("  %1 %2 %3\n")
                                            .arg(positionName(rack), -10)
                                            .arg(rackVerdictKey(outcome->verdict), -13)
                                            .arg(outcome->reason));
  }
}

void findingLines(const QList<Finding>& findings, QTextStream& out, const QString& indent) {
  for (const Finding& f : findings) {
    out << indent << findingSeverityKey(f.severity) << ' ' << f.code << ": " << f.message << '\n';
  }
}

void failureCountsText(const Analysis& analysis, QTextStream& out) {
  const FailureResult& f = analysis.failure();
  out << "Failure: " << f.description << ": " << f.holds << " hold, " << f.degraded << " degraded, "
      << f.down << " down, " << f.notModelled << " not modelled\n";
}

void analysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                  QTextStream& out) {
  bool anyFromMax = false;
  out << "Project: " << project.name() << '\n';
  for (const Hall& hall : project.halls()) {
    const HallTotals* t = analysis.power.hall(hall.id());
    out << '\n'
        << hall.name() << ": " << countOf(t->rackCount, "rack", "racks") << ", "
        << count(t->acceleratorCount) << " accelerators, max " << power(t->maxPowerW)
        << ", typical " << power(t->typicalPowerW) << ", design " << power(t->designPowerW)
        << ", floor " << formatQuantity(t->floorAreaM2, Quantity::AreaM2) << ", "
        << formatQuantity(t->maxPowerDensityWPerM2, Quantity::PowerDensityWPerM2) << " at max\n";
    if (t->coolingEquipmentPowerW.value > 0) {
      out << "  cooling equipment input " << power(t->coolingEquipmentPowerW)
          << " (fans, pumps: facility load, not IT)\n";
    }
    QList<double> rackPowersW;  // max and typical: one unit for the two columns
    for (const Rack& rack : project.racks()) {
      const RackPower& p = analysis.power.racks.value(rack.id());
      if (rack.hallId() == hall.id() && !p.coolingUnit) {
        rackPowersW << p.maxPowerW.value << p.typicalPowerW.value;
      }
    }
    const PowerColumn column(rackPowersW);
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("Rack"), -10)
               .arg(QStringLiteral("Row"), -5)
               .arg(QStringLiteral("Type"), -28)
               .arg(column.header(QStringLiteral("Max")), 10)
               .arg(column.header(QStringLiteral("Typ")), 11)
               .arg(QStringLiteral("GPUs"), 5)
               .arg(QStringLiteral("U used"), 8);
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() != hall.id() || analysis.power.racks.value(rack.id()).coolingUnit) {
        continue;
      }
      const RackPower& p = analysis.power.racks.value(rack.id());
      const QString type = modelOf(catalog, rack.rackTypeId());
      const QString units = QStringLiteral("%1/%2").arg(p.usedU).arg(
          p.usableU > 0 ? QString::number(p.usableU) : QStringLiteral("-"));
      anyFromMax = anyFromMax || p.typicalFromMaxCount > 0;
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                 .arg(positionName(rack), -10)
                 .arg(rack.row(), -5)
                 .arg(type.isEmpty() ? rack.rackTypeId() : type, -28)
                 .arg(column.cell(p.maxPowerW), 10)
                 .arg(column.cell(p.typicalPowerW) +
                          (p.typicalFromMaxCount > 0 ? QStringLiteral("*") : QString()),
                      11)
                 .arg(count(p.acceleratorCount), 5)
                 .arg(units, 8);
    }
    coolingUnitsText(project, catalog, analysis, hall, out);
    feedsText(project, analysis, hall, out);
    nodesText(project, analysis, hall, out);
    rackCoolingText(project, analysis, hall, out);
    loopsText(project, analysis, hall, out);
    fabricsText(analysis, hall, out);
    failureText(project, analysis, hall, out);
  }
  const QList<Finding> findings = orderedFindings(project, analysis);
  out << "\nFindings: " << findings.size() << '\n';
  findingLines(findings, out, QStringLiteral("  "));
  const PowerTotals& t = analysis.power.totals;
  out << "\nTotal: " << countOf(t.rackCount, "rack", "racks") << ", " << count(t.acceleratorCount)
      << " accelerators, max " << power(t.itPowerW) << ", typical " << power(t.itTypicalPowerW)
      << ", design " << power(t.itDesignPowerW) << " IT\n";
  if (t.coolingUnitCount > 0 || t.coolingEquipmentPowerW.value > 0) {
    out << "       " << countOf(t.coolingUnitCount, "cooling unit", "cooling units")
        << " on the floor; cooling equipment input " << power(t.coolingEquipmentPowerW)
        << " (facility load)\n";
  }
  // The generator's size is a design assumption: nominal ("2 MW", not "2.00 MW").
  out << "Facility: PUE " << formatFigure(t.pue, Quantity::Ratio) << ", " << power(t.facilityPowerW)
      << " at IT max, " << power(t.facilityDesignPowerW) << " at design; "
      << formatFigure(t.annualEnergyKwh, Quantity::EnergyKwh) << "/year, "
      << formatFigure(t.annualCostUsd, Quantity::CostUsd) << "/year, "
      << formatFigure(t.annualCarbonT, Quantity::CarbonT) << "/year; "
      << countOf(t.generatorCount, "generator", "generators") << " of "
      << formatQuantity(t.generatorUnitW.value, Quantity::PowerW, NumberStyle::forNominal())
      << '\n';
  const CoolingTotals& c = analysis.cooling.totals;
  if (c.heatW.value > 0) {
    out << "Cooling: heat " << power(c.heatW) << ": " << power(c.heatToLiquidW) << " to liquid, "
        << power(c.heatToDoorW) << " to rear doors, " << power(c.heatToRoomW)
        << " to room air; PUE " << formatFigure(c.pue, Quantity::Ratio) << "; coolant supply "
        << formatFigure(c.coolantSupplyTempC, Quantity::TemperatureC) << "; facility water "
        << (c.facilityWaterClass.isEmpty() ? QStringLiteral("-") : c.facilityWaterClass) << '\n';
  }
  if (!analysis.fabric.fabrics.isEmpty()) {
    out << "Fabric: " << countOf(analysis.fabric.fabrics.size(), "fabric", "fabrics") << ", "
        << count(analysis.fabric.totalCables) << " cables, optics "
        << formatQuantity(analysis.fabric.opticsPowerW, Quantity::PowerW) << '\n';
  }
  if (failureSimulated(analysis)) {
    failureCountsText(analysis, out);
  }
  if (anyFromMax) {
    out << "* no published typical power for some devices: their max power is counted.\n";
  }
}

void validationText(const Project& project, const Analysis& analysis, QTextStream& out) {
  int counts[3] = {0, 0, 0};
  for (const Finding& f : analysis.findings) {
    ++counts[int(f.severity)];
  }
  findingLines(orderedFindings(project, analysis), out, QString());
  if (failureSimulated(analysis)) {
    failureCountsText(analysis, out);
  }
  out << project.name() << ": " << countOf(int(analysis.findings.size()), "finding", "findings")
      << " (" << countOf(counts[int(Finding::Severity::Error)], "error", "errors") << ", "
      << countOf(counts[int(Finding::Severity::Warning)], "warning", "warnings") << ", "
      << counts[int(Finding::Severity::Info)] << " info)\n";
}

}  // namespace

void printAnalysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  analysisText(project, catalog, analysis, out);
}

void printValidationText(const Project& project, const Analysis& analysis, QTextStream& out) {
  validationText(project, analysis, out);
}

}  // namespace dc
