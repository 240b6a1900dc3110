// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/specrows.h"
#include "clioutput.h"
#include "engine/positionlabel.h"
#include "support/plural.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>

namespace dc {

namespace {

// --- analyze ----------------------------------------------------------------------------------

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

QJsonArray findingsJson(const Project& project, const Analysis& analysis,
                        const QHash<QString, QString>& urls) {
  QJsonArray findings;
  for (const Finding& f : orderedFindings(project, analysis)) {
    findings.append(findingJson(f, urls));
  }
  return findings;
}

QJsonValue failureJson(const Project& project, const Analysis& analysis) {
  if (!failureSimulated(analysis)) {
    return QJsonValue();
  }
  const FailureResult& f = analysis.failure();
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
                     {"imbalanced", pdu.imbalanced},
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

/// The name of loop `index` of the cooling result, or null.
QJsonValue loopNameJson(const CoolingResult& cooling, int index) {
  return index >= 0 && index < cooling.loops.size() ? QJsonValue(cooling.loops[index].name)
                                                    : QJsonValue();
}

/// The cooling pass's figures of one rack, added to its JSON object (version 4). Every value is
/// null for a position the cooling pass did not analyse.
void addRackCoolingJson(const Rack& rack, const CoolingResult& cooling,
                        const QHash<QString, QString>& urls, QJsonObject& json) {
  const auto found = cooling.racks.constFind(rack.id());
  const bool known = found != cooling.racks.cend();
  const RackCooling c = known ? *found : RackCooling{};
  auto figure = [&](const Figure& f) {
    return known ? QJsonValue(figureJson(f, urls)) : QJsonValue();
  };
  auto number = [&](double v) {
    return known ? QJsonValue(v) : QJsonValue();
  };
  json.insert("recommendedCooling",
              known ? QJsonValue(coolingOptionKey(c.recommended)) : QJsonValue());
  json.insert("recommendationReason", known ? QJsonValue(c.reason) : QJsonValue());
  json.insert("coolingMarginPct", number(c.marginPct));
  json.insert("coolingModeHolds", known ? QJsonValue(c.modeHolds) : QJsonValue());
  json.insert("heatW", figure(c.heatW));
  json.insert("heatToLiquidW", figure(c.heatToLiquidW));
  json.insert("heatToAirW", figure(c.heatToAirW));
  json.insert("heatToDoorW", figure(c.heatToDoorW));
  json.insert("heatToRoomW", figure(c.heatToRoomW));
  json.insert("airflowM3PerH", figure(c.airflowM3PerH));
  json.insert("airflowCfm", number(c.airflowCfm));
  json.insert("coolantFlowLps", figure(c.coolantFlowLps));
  json.insert("rearDoor",
              rack.rearDoorId().isEmpty() ? QJsonValue() : QJsonValue(rack.rearDoorId()));
  json.insert("rearDoorCapacityW", known && !rack.rearDoorId().isEmpty()
                                       ? QJsonValue(figureJson(c.rearDoorCapacityW, urls))
                                       : QJsonValue());
  json.insert("liquidLoop", loopNameJson(cooling, known ? c.liquidLoopIndex : -1));
  json.insert("airZone", loopNameJson(cooling, known ? c.airZoneIndex : -1));
  json.insert("inRackCdu", known ? QJsonValue(c.inRackCdu) : QJsonValue());
}

QJsonObject loopJson(const Project& project, const LoopLoad& loop,
                     const QHash<QString, QString>& urls) {
  QJsonArray units;
  for (const CoolingUnitId& id : loop.unitIds) {
    const CoolingUnit* unit = project.findCoolingUnit(id);
    units.append(QJsonObject{{"id", id.toString()},
                             {"name", unit ? QJsonValue(unit->name) : QJsonValue()},
                             {"catalogId", unit ? QJsonValue(unit->catalogId) : QJsonValue()}});
  }
  const bool liquid = loop.kind == CoolingLoopKind::Liquid;
  return QJsonObject{
      {"id", idJson(loop.id.uuid())},
      {"hallId", idJson(loop.hallId.uuid())},
      {"rackId", idJson(loop.rackId.uuid())},
      {"name", loop.name},
      {"kind", coolingLoopKindKey(loop.kind)},
      {"redundancy", redundancyKey(loop.redundancy)},
      {"units", units},
      {"unitCount", loop.unitCount},
      {"unitCapacityW", loop.unitCapacityW},
      {"installedCapacityW", figureJson(loop.installedCapacityW, urls)},
      {"usableCapacityW", figureJson(loop.usableCapacityW, urls)},
      {"loadW", figureJson(loop.loadW, urls)},
      {"loadingPct", loop.loadingPct},
      {"flowLps", liquid ? QJsonValue(figureJson(loop.flowLps, urls)) : QJsonValue()},
      {"flowCapacityLps",
       liquid ? QJsonValue(figureJson(loop.flowCapacityLps, urls)) : QJsonValue()},
      {"airflowM3PerH", liquid ? QJsonValue() : QJsonValue(figureJson(loop.airflowM3PerH, urls))},
      {"airflowCapacityM3PerH",
       liquid ? QJsonValue() : QJsonValue(figureJson(loop.airflowCapacityM3PerH, urls))},
      {"unitsRequired", loop.unitsRequired},
      {"rackCount", loop.rackCount},
      {"unitInputPowerW", loop.unitInputPowerW}};
}

/// The top-level "cooling" object: CDU loops and air zones in hall order, and the totals.
QJsonObject coolingJson(const Project& project, const CoolingResult& cooling,
                        const QHash<QString, QString>& urls) {
  QJsonArray loops;
  for (const LoopLoad& loop : cooling.loops) {
    loops.append(loopJson(project, loop, urls));
  }
  const CoolingTotals& t = cooling.totals;
  return QJsonObject{
      {"loops", loops},
      {"totals", QJsonObject{{"heatW", figureJson(t.heatW, urls)},
                             {"heatToLiquidW", figureJson(t.heatToLiquidW, urls)},
                             {"heatToDoorW", figureJson(t.heatToDoorW, urls)},
                             {"heatToRoomW", figureJson(t.heatToRoomW, urls)},
                             {"pue", figureJson(t.pue, urls)},
                             {"coolantSupplyTempC", figureJson(t.coolantSupplyTempC, urls)},
                             {"facilityWaterClass", t.facilityWaterClass.isEmpty()
                                                        ? QJsonValue()
                                                        : QJsonValue(t.facilityWaterClass)}}}};
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
  const FailureResult& simulated = analysis.failure();
  const auto outcome = simulated.racks.constFind(rack.id());
  if (failureSimulated(analysis) && outcome != simulated.racks.cend()) {
    failure =
        QJsonObject{{"verdict", rackVerdictKey(outcome->verdict)}, {"reason", outcome->reason}};
  }
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  QJsonObject json{{"id", rack.id().toString()},
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
                   {"pduLoadingPct", power.pduLoadingPct},
                   {"pduFailoverLoadingPct", power.pduFailoverLoadingPct},
                   {"devices", devices},
                   {"failure", failure}};
  addRackCoolingJson(rack, analysis.cooling, urls, json);
  return json;
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
    json.insert("redundancy", redundancyKey(load.redundancy));
  }
  return json;
}

/// Switches of one role: how many the fabric needs and how many of them stand on the floor.
QJsonObject switchCountJson(const FabricSummary& f, SwitchRole role) {
  const FabricSwitchCount count = fabricSwitchCount(f, role);
  return QJsonObject{{"needed", count.needed}, {"placed", count.placed}};
}

/// Where the fabric's placed switches stand: per rack, in the order the pass took them, how many
/// play each role.
QJsonArray switchRacksJson(const Project& project, const FabricSummary& f) {
  QList<int> order;
  QHash<int, std::array<int, 4>> roles;  // rack index -> leaf, spine, core, router
  for (const FabricDevice& d : f.devices) {
    if (!d.isSwitch || d.rackIndex < 0 || d.rackIndex >= project.racks().size()) {
      continue;
    }
    if (!roles.contains(d.rackIndex)) {
      order.append(d.rackIndex);
      roles.insert(d.rackIndex, {0, 0, 0, 0});
    }
    ++roles[d.rackIndex][size_t(d.role)];
  }
  QJsonArray racks;
  for (int r : order) {
    const Rack& rack = project.racks()[r];
    const std::array<int, 4>& n = roles.value(r);
    racks.append(QJsonObject{{"rackId", idJson(rack.id().uuid())},
                             {"rack", rack.name()},
                             {"leaf", n[size_t(SwitchRole::Leaf)]},
                             {"spine", n[size_t(SwitchRole::Spine)]},
                             {"core", n[size_t(SwitchRole::Core)]},
                             {"router", n[size_t(SwitchRole::Router)]}});
  }
  return racks;
}

QJsonObject fabricSummaryJson(const Project& project, const FabricSummary& f) {
  return QJsonObject{{"id", idJson(f.specId.uuid())},
                     {"hallId", idJson(f.hallId.uuid())},
                     {"name", f.name},
                     {"kind", fabricKindKey(f.kind)},
                     {"topology", fabricTopologyKey(f.topology)},
                     {"leafSwitch", f.leafSwitchId},
                     {"spineSwitch", f.spineSwitchId.isEmpty() ? f.leafSwitchId : f.spineSwitchId},
                     {"tiers", f.topology == FabricTopology::FatTree ? f.sizing.tiers : 0},
                     {"nodes", f.nodes},
                     {"nodePorts", f.nodePorts},
                     {"gpus", f.gpus},
                     {"scaleUpDomains", f.scaleUpDomains},
                     {"leafSwitches", switchCountJson(f, SwitchRole::Leaf)},
                     {"spineSwitches", switchCountJson(f, SwitchRole::Spine)},
                     {"coreSwitches", switchCountJson(f, SwitchRole::Core)},
                     {"routers", switchCountJson(f, SwitchRole::Router)},
                     {"switchesNeeded", f.switchesNeeded},
                     {"switchesPlaced", f.switchesPlaced},
                     {"switchRacks", switchRacksJson(project, f)},
                     {"cables", QJsonObject{{"nodeToLeaf", f.cablesNodeToLeaf},
                                            {"reserved", f.cablesReserved},
                                            {"leafToSpine", f.cablesLeafToSpine},
                                            {"spineToCore", f.cablesSpineToCore},
                                            {"local", f.cablesLocal},
                                            {"global", f.cablesGlobal},
                                            {"physical", f.physicalCables}}},
                     {"transceivers", QJsonObject{{"switchSide", f.transceiversSwitchSide},
                                                  {"nodeSide", f.transceiversNodeSide}}},
                     {"opticsPowerW", f.opticsPowerW},
                     {"routedLinks", f.routedLinks},
                     {"unroutedLinks", f.unroutedLinks},
                     {"longestLinkM", double(f.longestLinkMm) / 1000.0}};
}

QJsonObject trayUseJson(const TrayUse& t) {
  return QJsonObject{{"id", idJson(t.trayId.uuid())},
                     {"hallId", idJson(t.hallId.uuid())},
                     {"name", t.name},
                     {"generated", t.trayId.isNull()},
                     {"heightMm", t.heightMm},
                     {"capacityMm2", t.capacityMm2},
                     {"cableAreaMm2", t.cableAreaMm2},
                     {"cablesOnWorst", t.cablesOnWorst},
                     {"fillPct", t.worstFillPct},
                     {"limitPct", t.fillLimitPct}};
}

/// The fabric pass: every fabric of every hall, totals and tray fill (its findings are in the
/// findings list).
QJsonObject fabricJson(const Project& project, const FabricResult& result) {
  QJsonArray fabrics;
  int switchesNeeded = 0;
  int links = 0;
  int switchesPlaced = 0;
  int transceivers = 0;
  for (const FabricSummary& f : result.fabrics) {
    fabrics.append(fabricSummaryJson(project, f));
    switchesNeeded += f.switchesNeeded;
    switchesPlaced += f.switchesPlaced;
    transceivers += f.transceiversSwitchSide + f.transceiversNodeSide;
    links += f.cablesNodeToLeaf + f.cablesLeafToSpine + f.cablesSpineToCore + f.cablesLocal +
             f.cablesGlobal;
  }
  QJsonArray trays;
  for (const TrayUse& t : result.trays) {
    trays.append(trayUseJson(t));
  }
  return QJsonObject{{"fabrics", fabrics},
                     {"totals", QJsonObject{{"fabricCount", qint64(result.fabrics.size())},
                                            {"links", links},
                                            {"cables", result.totalCables},
                                            {"switchesNeeded", switchesNeeded},
                                            {"switchesPlaced", switchesPlaced},
                                            {"transceivers", transceivers},
                                            {"opticsPowerW", result.opticsPowerW}}},
                     {"trays", trays}};
}

/// The workload-fit pass: the pools as found on the floor (racks, GPUs, power, fabric and
/// storage per pool) and one fit per workload with the keys of `fit --json`.
QJsonObject workloadsJson(const Project& project, const Analysis& analysis,
                          const QHash<QString, QString>& urls) {
  const WorkloadResult& result = analysis.workload;
  QJsonArray pools;
  for (const PoolSummary& pool : result.pools) {
    pools.append(workloadPoolJson(pool));
  }
  const QList<Finding> ordered = orderedFindings(project, analysis);
  QJsonArray fits;
  int fitting = 0;
  int tight = 0;
  int notFitting = 0;
  for (const WorkloadFit& fit : result.fits) {
    QJsonArray findings;
    for (const Finding& f : ordered) {
      if (f.code.startsWith(QLatin1String("fit.")) && findingConcerns(f, fit)) {
        findings.append(findingJson(f, urls));
      }
    }
    fits.append(workloadFitJson(fit, result.pool(fit.poolId), findings));
    fitting += fit.verdict == FitVerdict::Fits ? 1 : 0;
    tight += fit.verdict == FitVerdict::Tight ? 1 : 0;
    notFitting += fit.verdict == FitVerdict::DoesNotFit ? 1 : 0;
  }
  return QJsonObject{{"pools", pools},
                     {"fits", fits},
                     {"totals", QJsonObject{{"poolCount", qint64(result.pools.size())},
                                            {"workloadCount", qint64(result.fits.size())},
                                            {"fits", fitting},
                                            {"tight", tight},
                                            {"doesNotFit", notFitting}}}};
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
      // Version 6 (docs/cli.md): version 5 plus the workload-fit pass: a top-level "workloads"
      // with the pools (racks, GPUs) and one fit per workload. Version 5 added the fabric pass
      // (a top-level "fabric"), version 4 the cooling pass.
      {"formatVersion", 6},
      {"project", QJsonObject{{"name", project.name()},
                              {"author", project.author()},
                              {"description", project.description()}}},
      {"assumptions", assumptionsJson(analysis.assumptions)},
      {"totals", QJsonObject{{"itPowerW", figureJson(t.itPowerW, urls)},
                             {"itTypicalPowerW", figureJson(t.itTypicalPowerW, urls)},
                             {"itDesignPowerW", figureJson(t.itDesignPowerW, urls)},
                             {"coolingEquipmentPowerW", figureJson(t.coolingEquipmentPowerW, urls)},
                             {"pue", figureJson(t.pue, urls)},
                             {"peakPue", figureJson(t.peakPue, urls)},
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
      {"cooling", coolingJson(project, analysis.cooling, urls)},
      {"fabric", fabricJson(project, analysis.fabric)},
      {"workloads", workloadsJson(project, analysis, urls)},
      {"failure", failureJson(project, analysis)},
      {"halls", halls},
      {"findings", findingsJson(project, analysis, urls)}};
  out << QJsonDocument(root).toJson(QJsonDocument::Indented);
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

}  // namespace

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

bool failureSimulated(const Analysis& analysis) {
  return analysis.failure().scenario.kind != FailureScenario::Kind::None;
}

FabricSwitchCount fabricSwitchCount(const FabricSummary& fabric, SwitchRole role) {
  // The devices list holds every switch the sizing needs, placed or not (rackIndex -1).
  FabricSwitchCount count;
  for (const FabricDevice& device : fabric.devices) {
    if (device.isSwitch && device.role == role) {
      ++count.needed;
      count.placed += device.rackIndex >= 0 ? 1 : 0;
    }
  }
  return count;
}

void printAnalysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  analysisJson(project, catalog, analysis, out);
}

void printValidation(const Project& project, const Catalog& catalog, const Analysis& analysis,
                     bool json, QTextStream& out) {
  if (json) {
    validationJson(project, catalog, analysis, out);
  } else {
    printValidationText(project, analysis, out);
  }
}

}  // namespace dc
