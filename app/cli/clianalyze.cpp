// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/specrows.h"
#include "clioutput.h"
#include "engine/positionlabel.h"
#include "support/plural.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace dc {

namespace {

// --- analyze ----------------------------------------------------------------------------------

/// Source title -> URL, from every figure in the catalog, so a report can link each total.
QHash<QString, QString> sourceUrls(const Catalog& catalog) {
  QHash<QString, QString> urls;
  for (const CatalogItem& item : catalog.items()) {
    urls.insert(item.source.title, item.source.url);
    for (const SpecValue& figure : item.figures) {
      if (!urls.contains(figure.source.title)) {
        urls.insert(figure.source.title, figure.source.url);
      }
    }
  }
  return urls;
}

QJsonObject figureJson(const Figure& figure, const QHash<QString, QString>& urls) {
  QJsonArray sources;
  for (const QString& title : figure.sources) {
    sources.append(QJsonObject{{"title", title}, {"url", urls.value(title)}});
  }
  return QJsonObject{{"value", figure.value},
                     {"unit", figure.unit},
                     {"formula", figure.formula},
                     {"sources", sources}};
}

/// Findings grouped by hall in project order (then those without a hall), keeping the engine's
/// order within a hall, so the output does not depend on hash order.
QList<Finding> orderedFindings(const Project& project, const Analysis& analysis) {
  QList<Finding> findings = analysis.findings;
  auto hallRank = [&](HallId id) {
    for (qsizetype i = 0; i < project.halls().size(); ++i) {
      if (project.halls()[i].id() == id) {
        return i;
      }
    }
    return project.halls().size();
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    return hallRank(a.hallId) < hallRank(b.hallId);
  });
  return findings;
}

QString modelOf(const Catalog& catalog, const QString& id) {
  const CatalogItem* item = catalog.find(id);
  return item ? item->model : QString();
}

QJsonValue optionalFigureJson(const std::optional<Figure>& figure,
                              const QHash<QString, QString>& urls) {
  return figure ? QJsonValue(figureJson(*figure, urls)) : QJsonValue();
}

/// An id as the project file writes it, or null.
QJsonValue idJson(const QUuid& id) {
  return id.isNull() ? QJsonValue() : QJsonValue(id.toString(QUuid::WithoutBraces));
}

QJsonArray threeJson(const std::array<double, 3>& values) {
  return QJsonArray{values[0], values[1], values[2]};
}

/// An assumption's value in its file form: the number, or a choice's key text.
QJsonValue assumptionValueJson(const AssumptionSpec& spec, double value) {
  if (spec.choices.isEmpty()) {
    return value;
  }
  return spec.choices.value(qsizetype(value));
}

QJsonObject assumptionsJson(const DesignAssumptions& assumptions) {
  QJsonObject all;
  for (const AssumptionSpec& spec : DesignAssumptions::specs()) {
    all.insert(spec.key,
               QJsonObject{{"value", assumptionValueJson(spec, assumptions.value(spec.key))},
                           {"unit", spec.unit},
                           {"label", spec.label},
                           {"default", assumptionValueJson(spec, spec.defaultValue)},
                           {"isDefault", assumptions.isDefault(spec.key)},
                           {"source", spec.source}});
  }
  return all;
}

QJsonObject objectRefJson(const ObjectRef& ref) {
  return QJsonObject{{"kind", objectKindKey(ref.kind)},
                     {"id", idJson(ref.id)},
                     {"rackId", idJson(ref.rackId.uuid())},
                     {"key", ref.key.isEmpty() ? QJsonValue() : QJsonValue(ref.key)}};
}

QJsonObject findingJson(const Finding& f, const QHash<QString, QString>& urls) {
  QJsonArray related;
  for (const ObjectRef& ref : f.related) {
    related.append(objectRefJson(ref));
  }
  return QJsonObject{{"code", f.code},
                     {"severity", findingSeverityKey(f.severity)},
                     {"subject", objectRefJson(f.subject)},
                     {"hallId", idJson(f.hallId.uuid())},
                     {"related", related},
                     {"measured", optionalFigureJson(f.measured, urls)},
                     {"limit", optionalFigureJson(f.limit, urls)},
                     {"message", f.message}};
}

QJsonArray findingsJson(const Project& project, const Analysis& analysis,
                        const QHash<QString, QString>& urls) {
  QJsonArray findings;
  for (const Finding& f : orderedFindings(project, analysis)) {
    findings.append(findingJson(f, urls));
  }
  return findings;
}

bool failureSimulated(const Analysis& analysis) {
  return analysis.power.failure.scenario.kind != FailureScenario::Kind::None;
}

QJsonValue failureJson(const Project& project, const Analysis& analysis) {
  if (!failureSimulated(analysis)) {
    return QJsonValue();
  }
  const FailureResult& f = analysis.power.failure;
  return QJsonObject{{"scenario", failureScenarioKey(f.scenario, project)},
                     {"description", f.description},
                     {"holds", f.holds},
                     {"degraded", f.degraded},
                     {"down", f.down},
                     {"notModelled", f.notModelled}};
}

QJsonObject pduStateJson(const PduState& state) {
  return QJsonObject{{"loadW", state.loadW},
                     {"legPowerW", threeJson(state.legPowerW)},
                     {"lineCurrentA", threeJson(state.lineCurrentA)},
                     {"maxLineCurrentA", state.maxLineCurrentA},
                     {"neutralCurrentA", state.neutralCurrentA},
                     {"imbalancePct", state.imbalancePct},
                     {"loadingPct", state.loadingPct}};
}

QJsonObject feedJson(const PduLoad& pdu, const QHash<QString, QString>& urls) {
  QJsonObject failover = pduStateJson(pdu.failover);
  failover.insert("lostFeed", powerFeedKey(pdu.failoverLostFeed));
  return QJsonObject{{"mountId", idJson(pdu.mountId.uuid())},
                     {"catalogId", pdu.catalogId},
                     {"model", pdu.model},
                     {"label", pdu.label},
                     {"feed", powerFeedKey(pdu.feed)},
                     {"upstreamId", idJson(pdu.upstreamId.uuid())},
                     {"rated", pdu.rated},
                     {"supply", supplyKindKey(pdu.supply)},
                     {"phases", pdu.phases},
                     {"voltageV", pdu.voltageV},
                     {"ratedCurrentA", pdu.ratedCurrentA},
                     {"continuousCurrentA", pdu.continuousCurrentA},
                     {"capacityW", figureJson(pdu.capacityW, urls)},
                     {"capacityVA", pdu.capacityVA},
                     {"normal", pduStateJson(pdu.normal)},
                     {"failover", failover}};
}

QJsonObject deviceJson(const DevicePower& d) {
  QJsonArray inlets;
  for (const InletLoad& inlet : d.inlets) {
    inlets.append(QJsonObject{{"inlet", inlet.inlet},
                              {"pduMountId", idJson(inlet.pduMountId.uuid())},
                              {"leg", inlet.leg},
                              {"automatic", inlet.automatic},
                              {"powerW", inlet.powerW}});
  }
  return QJsonObject{{"mountId", idJson(d.mountId.uuid())},
                     {"catalogId", d.catalogId},
                     {"model", d.model},
                     {"lowestU", d.lowestU},
                     {"maxW", d.maxW},
                     {"typicalW", d.typicalW},
                     {"idleW", d.idleW},
                     {"idlePublished", d.idlePublished},
                     {"designW", d.designW},
                     {"psuCount", d.psuCount},
                     {"psuRequired", d.psuRequired},
                     {"psuRatingW", d.psuRatingW},
                     {"psuRedundancy", d.psuRedundancy},
                     {"psuAssumed", d.psuAssumed},
                     {"survivesFeedLoss", d.survivesFeedLoss},
                     {"worstLostFeed", powerFeedKey(d.worstLostFeed)},
                     {"survivingPsus", d.survivingPsus},
                     {"inlets", inlets}};
}

QJsonObject rackJson(const Rack& rack, const RackPower& power, const Analysis& analysis,
                     const Catalog& catalog, const QHash<QString, QString>& urls) {
  QJsonArray mounts;
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    mounts.append(QJsonObject{
        {"id", mount.id.toString()},
        {"catalogId", mount.catalogId},
        {"model", item ? QJsonValue(item->model) : QJsonValue()},
        {"lowestU", mount.lowestU},
        {"heightU", item && item->heightU ? QJsonValue(*item->heightU) : QJsonValue()}});
  }
  QJsonArray feeds;
  for (const PduLoad& pdu : power.pdus) {
    feeds.append(feedJson(pdu, urls));
  }
  QJsonArray devices;
  for (const DevicePower& device : power.devices) {
    devices.append(deviceJson(device));
  }
  QJsonValue failure;
  const auto outcome = analysis.power.failure.racks.constFind(rack.id());
  if (failureSimulated(analysis) && outcome != analysis.power.failure.racks.cend()) {
    failure =
        QJsonObject{{"verdict", rackVerdictKey(outcome->verdict)}, {"reason", outcome->reason}};
  }
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  return QJsonObject{{"id", rack.id().toString()},
                     {"name", rack.name()},
                     {"row", rack.row()},
                     {"rackTypeId", rack.rackTypeId()},
                     {"rackType", type ? QJsonValue(type->model) : QJsonValue()},
                     {"positionMm", QJsonObject{{"x", qint64(rack.positionMm().xMm)},
                                                {"y", qint64(rack.positionMm().yMm)}}},
                     {"rotationDeg", rack.rotationDeg()},
                     {"coolingMode", coolingModeKey(rack.coolingMode())},
                     {"coolingUnit", power.coolingUnit},
                     {"maxPowerW", figureJson(power.maxPowerW, urls)},
                     {"typicalPowerW", figureJson(power.typicalPowerW, urls)},
                     {"designPowerW", figureJson(power.designPowerW, urls)},
                     {"typicalFromMaxCount", power.typicalFromMaxCount},
                     {"coolingEquipmentPowerW", figureJson(power.coolingEquipmentPowerW, urls)},
                     {"acceleratorCount", power.acceleratorCount},
                     {"usedU", power.usedU},
                     {"usableU", power.usableU},
                     {"weightKg", power.weightKg},
                     {"weightMissingCount", power.weightMissingCount},
                     {"mounts", mounts},
                     {"feeds", feeds},
                     {"devices", devices},
                     {"failure", failure}};
}

QJsonObject powerNodeJson(const PowerNode& node, const NodeLoad& load,
                          const QHash<QString, QString>& urls) {
  QJsonObject json{{"id", node.id.toString()},
                   {"kind", powerNodeKindKey(load.kind)},
                   {"name", load.name},
                   {"catalogId", node.catalogId},
                   {"feed", powerFeedKey(load.feed)},
                   {"upstreamId", idJson(node.upstreamId.uuid())},
                   {"voltageV", load.voltageV},
                   {"dc", load.dc},
                   {"capacityW", figureJson(load.capacityW, urls)},
                   {"continuousCurrentA", load.continuousCurrentA},
                   {"loadW", load.loadW},
                   {"lineCurrentA", threeJson(load.lineCurrentA)},
                   {"loadingPct", load.loadingPct},
                   {"failoverLoadW", load.failoverLoadW},
                   {"failoverLoadingPct", load.failoverLoadingPct},
                   {"failoverLostFeed", powerFeedKey(load.failoverLostFeed)},
                   {"rackCount", load.rackCount}};
  if (load.kind == PowerNodeKind::Ups) {
    json.insert("moduleCount", load.moduleCount);
    json.insert("moduleRatingW", load.moduleRatingW);
    json.insert("modulesRequired", load.modulesRequired);
    json.insert("redundancy", upsRedundancyKey(load.redundancy));
  }
  return json;
}

void analysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                  QTextStream& out) {
  const QHash<QString, QString> urls = sourceUrls(catalog);
  QJsonArray halls;
  for (const Hall& hall : project.halls()) {
    const HallTotals* totals = analysis.power.hall(hall.id());
    QJsonArray racks;
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() == hall.id()) {
        racks.append(
            rackJson(rack, analysis.power.racks.value(rack.id()), analysis, catalog, urls));
      }
    }
    QJsonArray nodes;
    for (const PowerNode& node : project.powerNodes()) {
      const auto load = analysis.power.nodes.constFind(node.id);
      if (node.hallId == hall.id() && load != analysis.power.nodes.cend()) {
        nodes.append(powerNodeJson(node, *load, urls));
      }
    }
    const Figure density{totals->maxPowerDensityWPerM2, QStringLiteral("W/m2"),
                         QStringLiteral("hall max power / hall floor area (shoelace formula)"),
                         totals->maxPowerW.sources};
    halls.append(
        QJsonObject{{"id", hall.id().toString()},
                    {"name", hall.name()},
                    {"floorAreaM2", totals->floorAreaM2},
                    {"tileMm", hall.tileMm()},
                    {"rackCount", totals->rackCount},
                    {"coolingUnitCount", totals->coolingUnitCount},
                    {"acceleratorCount", totals->acceleratorCount},
                    {"maxPowerW", figureJson(totals->maxPowerW, urls)},
                    {"typicalPowerW", figureJson(totals->typicalPowerW, urls)},
                    {"designPowerW", figureJson(totals->designPowerW, urls)},
                    {"typicalFromMaxCount", totals->typicalFromMaxCount},
                    {"coolingEquipmentPowerW", figureJson(totals->coolingEquipmentPowerW, urls)},
                    {"maxPowerDensityWPerM2", figureJson(density, urls)},
                    {"upsCapacityW", figureJson(totals->upsCapacityW, urls)},
                    {"upsLoadW", figureJson(totals->upsLoadW, urls)},
                    {"racks", racks},
                    {"powerNodes", nodes}});
  }
  const PowerTotals& t = analysis.power.totals;
  const QJsonObject root{
      {"format", "dcstudio-analysis"},
      // Version 3 (docs/cli.md): totals carry IT, design, facility power, PUE, energy, cost,
      // carbon and generators; "facilityPowerW" is IT × PUE (the cooling equipment is
      // "coolingEquipmentPowerW"); assumptions, rack feeds and devices, power nodes, the failure
      // simulation and coded findings with typed subjects and figures.
      {"formatVersion", 3},
      {"project", QJsonObject{{"name", project.name()},
                              {"author", project.author()},
                              {"description", project.description()}}},
      {"assumptions", assumptionsJson(analysis.assumptions)},
      {"totals", QJsonObject{{"itPowerW", figureJson(t.itPowerW, urls)},
                             {"itTypicalPowerW", figureJson(t.itTypicalPowerW, urls)},
                             {"itDesignPowerW", figureJson(t.itDesignPowerW, urls)},
                             {"coolingEquipmentPowerW", figureJson(t.coolingEquipmentPowerW, urls)},
                             {"pue", figureJson(t.pue, urls)},
                             {"facilityPowerW", figureJson(t.facilityPowerW, urls)},
                             {"facilityDesignPowerW", figureJson(t.facilityDesignPowerW, urls)},
                             {"annualEnergyKwh", figureJson(t.annualEnergyKwh, urls)},
                             {"annualCostUsd", figureJson(t.annualCostUsd, urls)},
                             {"annualCarbonT", figureJson(t.annualCarbonT, urls)},
                             {"generatorCount", t.generatorCount},
                             {"generatorUnitW", figureJson(t.generatorUnitW, urls)},
                             {"rackCount", t.rackCount},
                             {"coolingUnitCount", t.coolingUnitCount},
                             {"acceleratorCount", t.acceleratorCount},
                             {"typicalFromMaxCount", t.typicalFromMaxCount}}},
      {"failure", failureJson(project, analysis)},
      {"halls", halls},
      {"findings", findingsJson(project, analysis, urls)}};
  out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

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
      kind += QStringLiteral(" %1").arg(upsRedundancyName(load->redundancy));
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

/// Every rack's verdict in the simulated failure.
void failureText(const Project& project, const Analysis& analysis, const Hall& hall,
                 QTextStream& out) {
  if (!failureSimulated(analysis)) {
    return;
  }
  out << "  " << analysis.power.failure.description << ":\n";
  for (const Rack& rack : project.racks()) {
    const auto outcome = analysis.power.failure.racks.constFind(rack.id());
    if (rack.hallId() != hall.id() || outcome == analysis.power.failure.racks.cend()) {
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
  const FailureResult& f = analysis.power.failure;
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
  if (failureSimulated(analysis)) {
    failureCountsText(analysis, out);
  }
  if (anyFromMax) {
    out << "* no published typical power for some devices: their max power is counted.\n";
  }
}

void validationJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                    QTextStream& out) {
  const QHash<QString, QString> urls = sourceUrls(catalog);
  int counts[3] = {0, 0, 0};
  for (const Finding& f : analysis.findings) {
    ++counts[int(f.severity)];
  }
  const QJsonObject root{{"format", "dcstudio-validation"},
                         {"formatVersion", 1},
                         {"project", project.name()},
                         {"errorCount", counts[int(Finding::Severity::Error)]},
                         {"warningCount", counts[int(Finding::Severity::Warning)]},
                         {"infoCount", counts[int(Finding::Severity::Info)]},
                         {"failure", failureJson(project, analysis)},
                         {"findings", findingsJson(project, analysis, urls)}};
  out << QJsonDocument(root).toJson(QJsonDocument::Indented);
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

void printAnalysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  analysisJson(project, catalog, analysis, out);
}

void printAnalysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  analysisText(project, catalog, analysis, out);
}

void printValidation(const Project& project, const Catalog& catalog, const Analysis& analysis,
                     bool json, QTextStream& out) {
  if (json) {
    validationJson(project, catalog, analysis, out);
  } else {
    validationText(project, analysis, out);
  }
}

}  // namespace dc
