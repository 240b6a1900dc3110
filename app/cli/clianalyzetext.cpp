// SPDX-License-Identifier: GPL-3.0-or-later
// `analyze` and `validate` as readable text: halls and racks, feeds, power nodes, the failure
// simulation and the findings (the JSON forms are in clianalyze.cpp).
#include "clioutput.h"
#include "engine/positionlabel.h"
#include "support/plural.h"

namespace dc {

namespace {

QString kW(double watts) {
  return QString::number(watts / 1000.0, 'f', 3);
}

QString typicalKw(const Figure& typical, int fromMaxCount) {
  return kW(typical.value) + (fromMaxCount > 0 ? QStringLiteral("*") : QString());
}

/// The floor cooling units of one hall, apart from its racks: their power is not IT load.
void coolingUnitsText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                      const Hall& hall, QTextStream& out) {
  const HallTotals* t = analysis.power.hall(hall.id());
  if (t->coolingUnitCount == 0) {
    return;
  }
  out << QStringLiteral("  %1 %2 %3 %4\n")
             .arg(QStringLiteral("Cooling"), -10)
             .arg(QStringLiteral("Row"), -5)
             .arg(QStringLiteral("Type"), -28)
             .arg(QStringLiteral("Input kW"), 10);
  for (const Rack& rack : project.racks()) {
    const RackPower& p = analysis.power.racks.value(rack.id());
    if (rack.hallId() != hall.id() || !p.coolingUnit) {
      continue;
    }
    out << QStringLiteral("  %1 %2 %3 %4\n")
               .arg(positionName(rack), -10)
               .arg(rack.row(), -5)
               .arg(modelOf(catalog, rack.rackTypeId()), -28)
               .arg(kW(p.coolingEquipmentPowerW.value), 10);
  }
}

QString pct(double value) {
  return QString::number(value, 'f', 1) + QStringLiteral(" %");
}

QString nodeName(const Project& project, PowerNodeId id) {
  const PowerNode* node = project.findPowerNode(id);
  return node ? node->name : QStringLiteral("-");
}

/// Rack PDUs and power shelves of one hall: load, worst line current and loading, normal and
/// with the worst other feed lost.
void feedsText(const Project& project, const Analysis& analysis, const Hall& hall,
               QTextStream& out) {
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
                 .arg(QStringLiteral("Cap kW"), 8)
                 .arg(QStringLiteral("Load kW"), 8)
                 .arg(QStringLiteral("Max A"), 7)
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
                 .arg(pdu.rated ? kW(pdu.capacityW.value) : QStringLiteral("?"), 8)
                 .arg(kW(pdu.normal.loadW), 8)
                 .arg(QString::number(pdu.normal.maxLineCurrentA, 'f', 1), 7)
                 .arg(pdu.rated ? pct(pdu.normal.loadingPct) : QStringLiteral("-"), 8)
                 .arg(pdu.rated ? failover : QStringLiteral("-"));
    }
  }
}

/// The hall's UPS, switchboards, busways, RPPs and power racks with their loading.
void nodesText(const Project& project, const Analysis& analysis, const Hall& hall,
               QTextStream& out) {
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
                 .arg(QStringLiteral("Cap kW"), 9)
                 .arg(QStringLiteral("Load kW"), 9)
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
               .arg(kW(load->capacityW.value), 9)
               .arg(kW(load->loadW), 9)
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
                 .arg(QStringLiteral("Liq kW"), 9)
                 .arg(QStringLiteral("Air kW"), 9)
                 .arg(QStringLiteral("Door kW"), 9)
                 .arg(QStringLiteral("Room kW"), 9)
                 .arg(QStringLiteral("m³/h"), 8)
                 .arg(QStringLiteral("L/s"), 6)
                 .arg(QStringLiteral("Loop / zone"));
      header = true;
    }
    const QString mode = coolingModeKey(c->mode) + (c->modeHolds ? QString() : QStringLiteral("!"));
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
               .arg(positionName(rack), -10)
               .arg(mode, -15)
               .arg(coolingOptionKey(c->recommended), -24)
               .arg(pct(c->marginPct), 8)
               .arg(kW(c->heatToLiquidW.value), 9)
               .arg(kW(c->heatToAirW.value), 9)
               .arg(kW(c->heatToDoorW.value), 9)
               .arg(kW(c->heatToRoomW.value), 9)
               .arg(QString::number(c->airflowM3PerH.value, 'f', 0), 8)
               .arg(QString::number(c->coolantFlowLps.value, 'f', 2), 6)
               .arg(QStringLiteral("%1 / %2").arg(loopName(analysis.cooling, c->liquidLoopIndex),
                                                  loopName(analysis.cooling, c->airZoneIndex)));
  }
}

/// The hall's CDU loops and air zones: units, capacity, load, loading, flow, units required.
void loopsText(const Project& project, const Analysis& analysis, const Hall& hall,
               QTextStream& out) {
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
                 .arg(QStringLiteral("Inst kW"), 10)
                 .arg(QStringLiteral("Usable kW"), 10)
                 .arg(QStringLiteral("Load kW"), 10)
                 .arg(QStringLiteral("Loading"), 8)
                 .arg(QStringLiteral("Flow L/s (capacity) / airflow m³/h"));
      header = true;
    }
    const bool liquid = loop.kind == CoolingLoopKind::Liquid;
    const QString flow = liquid
                             ? QStringLiteral("%1 (%2)").arg(
                                   QString::number(loop.flowLps.value, 'f', 2),
                                   loop.flowCapacityLps.value > 0
                                       ? QString::number(loop.flowCapacityLps.value, 'f', 2)
                                       : QStringLiteral("unpublished"))
                             : QStringLiteral("%1 (%2)").arg(
                                   QString::number(loop.airflowM3PerH.value, 'f', 0),
                                   loop.airflowCapacityM3PerH.value > 0
                                       ? QString::number(loop.airflowCapacityM3PerH.value, 'f', 0)
                                       : QStringLiteral("unpublished"));
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9 %10\n")
               .arg(loop.name, -14)
               .arg(coolingLoopKindKey(loop.kind), -7)
               .arg(redundancyName(loop.redundancy), -5)
               .arg(loop.unitCount, 5)
               .arg(loop.unitsRequired, 5)
               .arg(kW(loop.installedCapacityW.value), 10)
               .arg(kW(loop.usableCapacityW.value), 10)
               .arg(kW(loop.loadW.value), 10)
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
        << t->acceleratorCount << " accelerators, max " << kW(t->maxPowerW.value) << " kW, typical "
        << kW(t->typicalPowerW.value) << " kW, design " << kW(t->designPowerW.value)
        << " kW, floor " << QString::number(t->floorAreaM2, 'f', 2) << " m², "
        << QString::number(t->maxPowerDensityWPerM2, 'f', 1) << " W/m² at max\n";
    if (t->coolingEquipmentPowerW.value > 0) {
      out << "  cooling equipment input " << kW(t->coolingEquipmentPowerW.value)
          << " kW (fans, pumps: facility load, not IT)\n";
    }
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("Rack"), -10)
               .arg(QStringLiteral("Row"), -5)
               .arg(QStringLiteral("Type"), -28)
               .arg(QStringLiteral("Max kW"), 10)
               .arg(QStringLiteral("Typ kW"), 11)
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
                 .arg(kW(p.maxPowerW.value), 10)
                 .arg(typicalKw(p.typicalPowerW, p.typicalFromMaxCount), 11)
                 .arg(p.acceleratorCount, 5)
                 .arg(units, 8);
    }
    coolingUnitsText(project, catalog, analysis, hall, out);
    feedsText(project, analysis, hall, out);
    nodesText(project, analysis, hall, out);
    rackCoolingText(project, analysis, hall, out);
    loopsText(project, analysis, hall, out);
    failureText(project, analysis, hall, out);
  }
  const QList<Finding> findings = orderedFindings(project, analysis);
  out << "\nFindings: " << findings.size() << '\n';
  findingLines(findings, out, QStringLiteral("  "));
  const PowerTotals& t = analysis.power.totals;
  out << "\nTotal: " << countOf(t.rackCount, "rack", "racks") << ", " << t.acceleratorCount
      << " accelerators, max " << kW(t.itPowerW.value) << " kW, typical "
      << kW(t.itTypicalPowerW.value) << " kW, design " << kW(t.itDesignPowerW.value) << " kW IT\n";
  if (t.coolingUnitCount > 0 || t.coolingEquipmentPowerW.value > 0) {
    out << "       " << countOf(t.coolingUnitCount, "cooling unit", "cooling units")
        << " on the floor; cooling equipment input " << kW(t.coolingEquipmentPowerW.value)
        << " kW (facility load)\n";
  }
  out << "Facility: PUE " << QString::number(t.pue.value, 'f', 2) << ", "
      << kW(t.facilityPowerW.value) << " kW at IT max, " << kW(t.facilityDesignPowerW.value)
      << " kW at design; " << QString::number(t.annualEnergyKwh.value, 'f', 0) << " kWh/year, "
      << QString::number(t.annualCostUsd.value, 'f', 0) << " USD/year, "
      << QString::number(t.annualCarbonT.value, 'f', 1) << " t CO2/year; "
      << countOf(t.generatorCount, "generator", "generators") << " of "
      << kW(t.generatorUnitW.value) << " kW\n";
  const CoolingTotals& c = analysis.cooling.totals;
  if (c.heatW.value > 0) {
    out << "Cooling: heat " << kW(c.heatW.value) << " kW: " << kW(c.heatToLiquidW.value)
        << " kW to liquid, " << kW(c.heatToDoorW.value) << " kW to rear doors, "
        << kW(c.heatToRoomW.value) << " kW to room air; PUE "
        << QString::number(c.pue.value, 'f', 2) << "; coolant supply "
        << QString::number(c.coolantSupplyTempC.value, 'f', 1) << " °C; facility water "
        << (c.facilityWaterClass.isEmpty() ? QStringLiteral("-") : c.facilityWaterClass) << '\n';
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
