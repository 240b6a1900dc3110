// SPDX-License-Identifier: GPL-3.0-or-later
// One CDU or one CRAH / in-row cooler lost: the loop or zone it serves keeps the rest of its
// units; every rack on it holds, is degraded (≥ 90 % of its heat still removed) or overheats.
#include "coolingcontext.h"
#include "engine/power/powercontext.h"

#include <algorithm>

namespace dc::cooling {

namespace {
double unitCapacityW(const Project& project, const Catalog& catalog, CoolingUnitId id) {
  const CoolingUnit* unit = project.findCoolingUnit(id);
  const CatalogItem* item = unit ? catalog.find(unit->catalogId) : nullptr;
  return item ? item->figureValue(QStringLiteral("coolingUnit.capacityW")) : 0.0;
}

double unitFlow(const Project& project, const Catalog& catalog, CoolingUnitId id,
                CoolingLoopKind kind) {
  const CoolingUnit* unit = project.findCoolingUnit(id);
  const CatalogItem* item = unit ? catalog.find(unit->catalogId) : nullptr;
  if (!item) {
    return 0.0;
  }
  return kind == CoolingLoopKind::Liquid
             ? item->figureValue(QStringLiteral("coolingUnit.flowLps"))
             : item->figureValue(QStringLiteral("airflowCfm")) / 2118.880003 * 3600.0;
}

/// What is left of a loop when unit `lost` stops: the share of its heat (and of its flow,
/// where every unit publishes one) the other units still carry; the smaller decides.
struct Left {
  double capacityW = 0.0;
  double ratio = 1.0;
  bool flowLimits = false;
  double flowLeft = 0.0, flowNeed = 0.0;
};

Left leftAfter(const Project& project, const Catalog& catalog, const LoopLoad& loop,
               CoolingUnitId lost) {
  Left left;
  left.capacityW =
      std::max(0.0, loop.installedCapacityW.value - unitCapacityW(project, catalog, lost));
  const double load = loop.loadW.value;
  left.ratio = load > 0 ? left.capacityW / load : 1.0;
  double flowAll = 0.0;
  bool known = true;
  for (CoolingUnitId id : loop.unitIds) {
    const double f = unitFlow(project, catalog, id, loop.kind);
    known = known && f > 0;
    flowAll += f;
  }
  left.flowNeed =
      loop.kind == CoolingLoopKind::Liquid ? loop.flowLps.value : loop.airflowM3PerH.value;
  if (known && left.flowNeed > 0) {
    left.flowLeft = flowAll - unitFlow(project, catalog, lost, loop.kind);
    const double flowRatio = left.flowLeft / left.flowNeed;
    if (flowRatio < left.ratio) {
      left.ratio = flowRatio;
      left.flowLimits = true;
    }
  }
  return left;
}
}  // namespace

FailureResult simulateCoolingFailure(const DesignSnapshot& snapshot, const CoolingResult& result,
                                     const CoolingContext& context, QList<Finding>& findings) {
  FailureResult failure;
  const FailureScenario& scenario = snapshot.failure;
  if (scenario.kind != FailureScenario::Kind::Cdu && scenario.kind != FailureScenario::Kind::Crah) {
    return failure;
  }
  failure.scenario = scenario;
  const Project& project = snapshot.project;
  const CoolingLoopKind kind =
      scenario.kind == FailureScenario::Kind::Cdu ? CoolingLoopKind::Liquid : CoolingLoopKind::Air;
  const QString what =
      kind == CoolingLoopKind::Liquid ? QStringLiteral("CDU") : QStringLiteral("CRAH");
  int loopIndex = -1;
  CoolingUnitId lost = scenario.unitId;
  if (!lost.isNull()) {
    for (int i = 0; i < int(result.loops.size()) && loopIndex < 0; ++i) {
      if (result.loops[i].unitIds.contains(lost)) {
        loopIndex = i;
      }
    }
    const CoolingUnit* unit = project.findCoolingUnit(lost);
    if (loopIndex < 0 || result.loops[loopIndex].kind != kind) {
      failure.description = QStringLiteral("%1 is not a %2 serving a loop")
                                .arg(unit ? unit->name : lost.toString(), what);
      findings.append(power::finding(QStringLiteral("cooling.failure-unit-invalid"),
                                     Finding::Severity::Error, ObjectRef::coolingUnit(lost),
                                     unit ? unit->hallId : HallId(), failure.description));
      failure.scenario = {};
      return failure;
    }
  } else {
    // The worst single loss over every loop of the kind: each loop losing its largest unit.
    double worst = 1e300;
    for (int i = 0; i < int(result.loops.size()); ++i) {
      const LoopLoad& l = result.loops[i];
      if (l.kind != kind || l.unitIds.isEmpty()) {
        continue;
      }
      CoolingUnitId largest;
      double largestW = -1.0;
      for (CoolingUnitId id : l.unitIds) {
        const double c = unitCapacityW(project, context.catalog, id);
        if (c > largestW) {
          largestW = c;
          largest = id;
        }
      }
      const double ratio = leftAfter(project, context.catalog, l, largest).ratio;
      if (ratio < worst) {
        worst = ratio;
        loopIndex = i;
        lost = largest;
      }
    }
  }
  if (loopIndex < 0) {
    failure.description = QStringLiteral("No %1 to lose").arg(what);
    for (const Rack& rack : project.racks()) {
      failure.racks.insert(rack.id(),
                           {RackVerdict::Holds, QStringLiteral("no %1 in the design").arg(what)});
      ++failure.holds;
    }
    return failure;
  }
  failure.scenario.unitId = lost;
  const LoopLoad& loop = result.loops[loopIndex];
  const CoolingUnit* unit = project.findCoolingUnit(lost);
  const CatalogItem* item = unit ? context.catalog.find(unit->catalogId) : nullptr;
  (void)item;
  const Left left = leftAfter(project, context.catalog, loop, lost);
  const double remaining = left.capacityW;
  const double load = loop.loadW.value;
  failure.description =
      QStringLiteral("%1 %2 lost (%3 %4)")
          .arg(what, unit ? unit->name : QString(), coolingLoopKindName(loop.kind), loop.name);
  const double ratio = left.ratio;
  const RackVerdict verdict = ratio >= 1.0 - 1e-9 ? RackVerdict::Holds
                              : ratio >= 0.9      ? RackVerdict::Degraded
                                                  : RackVerdict::Down;
  QString reason =
      QStringLiteral("%1 lost: %2 keeps %3 of capacity for %4 of heat")
          .arg(unit ? unit->name : what, loop.name, power::kw(remaining), power::kw(load));
  if (left.flowNeed > 0 && left.flowLeft > 0) {
    reason += loop.kind == CoolingLoopKind::Liquid ? QStringLiteral(" and %1 of %2 L/s of coolant")
                                                         .arg(left.flowLeft, 0, 'f', 1)
                                                         .arg(left.flowNeed, 0, 'f', 1)
                                                   : QStringLiteral(" and %1 of %2 m³/h of air")
                                                         .arg(left.flowLeft, 0, 'f', 0)
                                                         .arg(left.flowNeed, 0, 'f', 0);
  }
  reason += QStringLiteral(" (%1 %%2)")
                .arg(ratio * 100.0, 0, 'f', 0)
                .arg(left.flowLimits ? QStringLiteral(", flow-limited") : QString());
  for (const Rack& rack : project.racks()) {
    const auto rc = result.racks.constFind(rack.id());
    RackOutcome outcome;
    const bool onLoop =
        rc != result.racks.cend() &&
        (kind == CoolingLoopKind::Liquid ? rc->liquidLoopIndex : rc->airZoneIndex) == loopIndex;
    const bool unserved = rc != result.racks.cend() && kind == CoolingLoopKind::Liquid &&
                          rc->heatToLiquidW.value > 0 && rc->liquidLoopIndex < 0;
    if (onLoop) {
      outcome = {verdict, reason};
    } else if (unserved) {
      outcome = {RackVerdict::NotModelled, QStringLiteral("no CDU serves its cold plates")};
    } else {
      outcome = {RackVerdict::Holds, QStringLiteral("not served by %1").arg(loop.name)};
    }
    switch (outcome.verdict) {
      case RackVerdict::Holds:
        ++failure.holds;
        break;
      case RackVerdict::Degraded:
        ++failure.degraded;
        break;
      case RackVerdict::Down:
        ++failure.down;
        break;
      case RackVerdict::NotModelled:
        ++failure.notModelled;
        break;
    }
    failure.racks.insert(rack.id(), outcome);
  }
  if (verdict != RackVerdict::Holds) {
    findings.append(power::finding(
        kind == CoolingLoopKind::Liquid ? QStringLiteral("cooling.failure-cdu-overload")
                                        : QStringLiteral("cooling.failure-crah-overload"),
        verdict == RackVerdict::Down ? Finding::Severity::Error : Finding::Severity::Warning,
        loop.id.isNull() ? ObjectRef::hall(loop.hallId) : ObjectRef::coolingLoop(loop.id),
        loop.hallId, reason,
        Figure{load, QStringLiteral("W"), QStringLiteral("load of the loop"), {}},
        Figure{remaining, QStringLiteral("W"), QStringLiteral("capacity left"), {}}));
  }
  return failure;
}

}  // namespace dc::cooling
