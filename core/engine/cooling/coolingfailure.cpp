// SPDX-License-Identifier: GPL-3.0-or-later
// One CDU or one CRAH / in-row cooler lost: the loop or zone it serves keeps the rest of its
// units; every rack on it holds, is degraded (≥ 90 % of its heat still removed) or overheats.
#include "coolingcontext.h"
#include "engine/power/powercontext.h"

#include <algorithm>

namespace dc::cooling {

namespace {
/// The loop of `kind` with the highest loading that has a floor unit to lose.
int mostLoaded(const CoolingResult& result, CoolingLoopKind kind) {
  int best = -1;
  for (int i = 0; i < int(result.loops.size()); ++i) {
    const LoopLoad& loop = result.loops[i];
    if (loop.kind == kind && !loop.unitIds.isEmpty() &&
        (best < 0 || loop.loadingPct > result.loops[best].loadingPct)) {
      best = i;
    }
  }
  return best;
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
    loopIndex = mostLoaded(result, kind);
    if (loopIndex >= 0) {
      // Lose the largest unit of the most loaded loop: the worst single loss.
      double largest = -1.0;
      for (CoolingUnitId id : result.loops[loopIndex].unitIds) {
        const CoolingUnit* unit = project.findCoolingUnit(id);
        const CatalogItem* item = unit ? context.catalog.find(unit->catalogId) : nullptr;
        const double c = item ? item->figureValue(QStringLiteral("coolingUnit.capacityW")) : 0.0;
        if (c > largest) {
          largest = c;
          lost = id;
        }
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
  const double lostW = item ? item->figureValue(QStringLiteral("coolingUnit.capacityW")) : 0.0;
  const double remaining = std::max(0.0, loop.installedCapacityW.value - lostW);
  const double load = loop.loadW.value;
  failure.description =
      QStringLiteral("%1 %2 lost (%3 %4)")
          .arg(what, unit ? unit->name : QString(), coolingLoopKindName(loop.kind), loop.name);
  const double ratio = load > 0 ? remaining / load : 1.0;
  const RackVerdict verdict = ratio >= 1.0 - 1e-9 ? RackVerdict::Holds
                              : ratio >= 0.9      ? RackVerdict::Degraded
                                                  : RackVerdict::Down;
  const QString reason =
      QStringLiteral("%1 lost: %2 keeps %3 of capacity for %4 of heat (%5 %)")
          .arg(unit ? unit->name : what, loop.name, power::kw(remaining), power::kw(load))
          .arg(load > 0 ? remaining / load * 100.0 : 100.0, 0, 'f', 0);
  for (const Rack& rack : project.racks()) {
    const auto rc = result.racks.constFind(rack.id());
    RackOutcome outcome;
    const bool onLoop =
        rc != result.racks.cend() &&
        (kind == CoolingLoopKind::Liquid ? rc->liquidLoopIndex : rc->airZoneIndex) == loopIndex;
    if (onLoop) {
      outcome = {verdict, reason};
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
