// SPDX-License-Identifier: GPL-3.0-or-later
// CDU loops and air zones: which units serve which loop, which racks each loop serves, the load
// against usable capacity with the loop's redundancy, flows, and the coolant supply the racks'
// devices must accept.
#include "coolingcontext.h"
#include "coolingphysics.h"
#include "engine/power/powercontext.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc::cooling {

namespace {
using Severity = Finding::Severity;

Figure watts(double value, const QString& formula) {
  return {value, QStringLiteral("W"), formula, {}};
}

struct UnitFacts {
  double capacityW = 0.0;
  double flowLps = 0.0;
  double airflowM3PerH = 0.0;
  double approachK = kNaN;
  double inputW = 0.0;
  PointMm positionMm;
};

UnitFacts unitFacts(const CatalogItem& item) {
  UnitFacts f;
  f.capacityW = item.figureValue(QStringLiteral("coolingUnit.capacityW"), 0.0);
  f.flowLps = item.figureValue(QStringLiteral("coolingUnit.flowLps"), 0.0);
  f.airflowM3PerH =
      item.figureValue(QStringLiteral("airflowCfm"), 0.0) / kCubicMetresPerSecondToCfm * 3600.0;
  const SpecValue* approach = item.figure(QStringLiteral("coolingUnit.approachK"));
  f.approachK = approach ? approach->value : kNaN;
  f.inputW = item.figureValue(QStringLiteral("maxPowerW"),
                              item.figureValue(QStringLiteral("typicalPowerW"), 0.0));
  return f;
}

/// Building state of one loop while units and racks are added.
struct LoopBuild {
  QList<double> capacities;
  QList<double> flows;       ///< per unit, 0 where unpublished
  QList<double> airflows;    ///< per unit, m³/h, 0 where unpublished
  bool flowUnknown = false;  ///< a unit publishes no flow: the flow check is skipped
  bool airflowUnknown = false;
  double flowLps = 0.0;
  double airflowM3PerH = 0.0;
  double approachK = kNaN;  ///< the largest of its units' (the warmest coolant)
  double sumX = 0.0, sumY = 0.0;
  int placed = 0;
  bool unitWithoutCapacity = false;
};

void addUnit(LoopLoad& loop, LoopBuild& build, const UnitFacts& f) {
  ++loop.unitCount;
  build.capacities.append(f.capacityW);
  build.flows.append(f.flowLps);
  build.airflows.append(f.airflowM3PerH);
  build.flowUnknown = build.flowUnknown || f.flowLps <= 0;
  build.airflowUnknown = build.airflowUnknown || f.airflowM3PerH <= 0;
  build.flowLps += f.flowLps;
  build.airflowM3PerH += f.airflowM3PerH;
  if (!std::isnan(f.approachK)) {
    build.approachK =
        std::isnan(build.approachK) ? f.approachK : std::max(build.approachK, f.approachK);
  }
  build.sumX += double(f.positionMm.xMm);
  build.sumY += double(f.positionMm.yMm);
  ++build.placed;
  build.unitWithoutCapacity = build.unitWithoutCapacity || f.capacityW <= 0;
  loop.unitInputPowerW += f.inputW;
}

double usableShare(Redundancy redundancy, const QList<double>& capacities, double* installed) {
  double sum = 0.0;
  double largest = 0.0;
  for (double c : capacities) {
    sum += c;
    largest = std::max(largest, c);
  }
  *installed = sum;
  switch (redundancy) {
    case Redundancy::N:
      return sum;
    case Redundancy::NPlus1:
      return capacities.size() > 1 ? sum - largest : 0.0;
    case Redundancy::TwoN:
      return sum / 2.0;
  }
  return sum;
}

QString loopLabel(const LoopLoad& loop) {
  return QStringLiteral("%1 %2").arg(coolingLoopKindName(loop.kind), loop.name);
}

ObjectRef loopRef(const LoopLoad& loop) {
  if (!loop.id.isNull()) {
    return ObjectRef::coolingLoop(loop.id);
  }
  if (!loop.rackId.isNull()) {
    return ObjectRef::rack(loop.rackId);
  }
  return ObjectRef::hall(loop.hallId);
}

/// Sums, capacity with redundancy and the loop's findings.
void finishLoop(LoopLoad& loop, const LoopBuild& build, const CoolingContext& context,
                QList<Finding>& findings) {
  double installed = 0.0;
  const double usable = usableShare(loop.redundancy, build.capacities, &installed);
  const QString red = redundancyName(loop.redundancy);
  loop.unitCapacityW = build.capacities.isEmpty()
                           ? 0.0
                           : *std::min_element(build.capacities.cbegin(), build.capacities.cend());
  loop.installedCapacityW = watts(installed, QStringLiteral("Σ rated capacity of its units"));
  loop.usableCapacityW =
      watts(usable, loop.redundancy == Redundancy::NPlus1
                        ? QStringLiteral("installed − the largest unit (N+1)")
                    : loop.redundancy == Redundancy::TwoN ? QStringLiteral("installed / 2 (2N)")
                                                          : QStringLiteral("installed (N)"));
  const double load = loop.loadW.value;
  loop.loadingPct = usable > 0 ? load / usable * 100.0 : (load > 0 ? 1e9 : 0.0);
  const double mean =
      build.capacities.isEmpty() ? 0.0 : installed / double(build.capacities.size());
  const int needed = mean > 0 ? int(std::ceil(load / mean - 1e-9)) : 0;
  loop.unitsRequired = loop.redundancy == Redundancy::TwoN     ? 2 * needed
                       : loop.redundancy == Redundancy::NPlus1 ? needed + 1
                                                               : needed;
  double installedFlow = 0.0;
  double installedAirflow = 0.0;
  const double usableFlow = usableShare(loop.redundancy, build.flows, &installedFlow);
  const double usableAirflow = usableShare(loop.redundancy, build.airflows, &installedAirflow);
  if (loop.kind == CoolingLoopKind::Liquid) {
    loop.flowCapacityLps = {usableFlow,
                            QStringLiteral("L/s"),
                            QStringLiteral("Σ rated flow of its units, with %1").arg(red),
                            {}};
    loop.coolantSupplyTempC = context.facilityWaterC +
                              (std::isnan(build.approachK) ? context.approachK : build.approachK);
  } else {
    loop.airflowCapacityM3PerH = {usableAirflow,
                                  QStringLiteral("m³/h"),
                                  QStringLiteral("Σ rated airflow of its units, with %1").arg(red),
                                  {}};
  }
  const ObjectRef subject = loopRef(loop);
  if (loop.unitCount == 0 && loop.rackId.isNull()) {
    findings.append(power::finding(
        QStringLiteral("cooling.loop-no-unit"), load > 0 ? Severity::Error : Severity::Warning,
        subject, loop.hallId,
        QStringLiteral("%1 has no %2 serving it%3")
            .arg(loopLabel(loop),
                 loop.kind == CoolingLoopKind::Liquid ? QStringLiteral("CDU")
                                                      : QStringLiteral("CRAH or in-row cooler"),
                 load > 0 ? QStringLiteral(": %1 of heat from %2 rack%3 has nowhere to go")
                                .arg(power::kw(load))
                                .arg(loop.rackCount)
                                .arg(loop.rackCount == 1 ? QString() : QStringLiteral("s"))
                          : QString())));
    return;
  }
  if (build.unitWithoutCapacity) {
    findings.append(power::finding(
        QStringLiteral("cooling.unit-capacity-missing"), Severity::Warning, subject, loop.hallId,
        QStringLiteral("%1: a unit serving it publishes no capacity; it is counted as 0 W")
            .arg(loopLabel(loop))));
  }
  const QString overloadCode = loop.kind == CoolingLoopKind::Liquid
                                   ? QStringLiteral("cooling.cdu-overload")
                                   : QStringLiteral("cooling.air-zone-overload");
  if (load > installed + 1e-6) {
    findings.append(power::finding(
        overloadCode, Severity::Error, subject, loop.hallId,
        QStringLiteral("%1 carries %2 against %3 installed in %4 unit%5 (%6 needed with %7)")
            .arg(loopLabel(loop), power::kw(load), power::kw(installed))
            .arg(loop.unitCount)
            .arg(loop.unitCount == 1 ? QString() : QStringLiteral("s"))
            .arg(loop.unitsRequired)
            .arg(red),
        watts(load, QStringLiteral("Σ heat of its racks")), loop.installedCapacityW));
  } else if (load > usable + 1e-6) {
    findings.append(power::finding(
        QStringLiteral("cooling.redundancy-lost"), Severity::Warning, subject, loop.hallId,
        QStringLiteral("%1 carries %2: within the %3 installed but over the %4 usable with %5; "
                       "losing one unit overloads it (%6 units needed)")
            .arg(loopLabel(loop), power::kw(load), power::kw(installed), power::kw(usable), red)
            .arg(loop.unitsRequired),
        watts(load, QStringLiteral("Σ heat of its racks")), loop.usableCapacityW));
  }
  // Flow and airflow: above what every unit delivers is an error; above what the units left
  // after the redundancy's loss deliver, a warning. Skipped when a unit publishes none.
  auto flowCheck = [&](bool liquid, double need, double usableUnits, double installedUnits,
                       const Figure& needFigure, const Figure& usableFigure) {
    const QString unit = liquid ? QStringLiteral("L/s of coolant") : QStringLiteral("m³/h of air");
    const int decimals = liquid ? 2 : 0;
    if (need > installedUnits + 1e-9) {
      findings.append(power::finding(
          liquid ? QStringLiteral("cooling.cdu-flow-short")
                 : QStringLiteral("cooling.airflow-short"),
          liquid ? Severity::Error : Severity::Warning, subject, loop.hallId,
          QStringLiteral(
              "%1: its racks need %2 %3; its units deliver %4 with all of them running%5")
              .arg(loopLabel(loop))
              .arg(need, 0, 'f', decimals)
              .arg(unit)
              .arg(installedUnits, 0, 'f', decimals)
              .arg(liquid ? QString() : QStringLiteral(" (hot air recirculates to the inlets)")),
          needFigure,
          Figure{
              installedUnits, needFigure.unit, QStringLiteral("Σ rated flow of its units"), {}}));
    } else if (need > usableUnits + 1e-9) {
      findings.append(power::finding(
          QStringLiteral("cooling.flow-redundancy-lost"), Severity::Warning, subject, loop.hallId,
          QStringLiteral("%1: its racks need %2 %3, within the %4 of all its units but over the %5 "
                         "left with %6 after losing one")
              .arg(loopLabel(loop))
              .arg(need, 0, 'f', decimals)
              .arg(unit)
              .arg(installedUnits, 0, 'f', decimals)
              .arg(usableUnits, 0, 'f', decimals)
              .arg(red),
          needFigure, usableFigure));
    }
  };
  if (loop.kind == CoolingLoopKind::Liquid && !build.flowUnknown && loop.unitCount > 0) {
    flowCheck(true, loop.flowLps.value, usableFlow, installedFlow, loop.flowLps,
              loop.flowCapacityLps);
  }
  if (loop.kind == CoolingLoopKind::Air && !build.airflowUnknown && loop.unitCount > 0) {
    flowCheck(false, loop.airflowM3PerH.value, usableAirflow, installedAirflow, loop.airflowM3PerH,
              loop.airflowCapacityM3PerH);
  }
  // Direct-to-chip coolant below the room dew point condenses on the rack manifolds.
  if (loop.kind == CoolingLoopKind::Liquid && loop.loadW.value > 0 &&
      loop.coolantSupplyTempC < context.dewPointC) {
    findings.append(power::finding(
        QStringLiteral("cooling.coolant-below-dew-point"), Severity::Warning, subject, loop.hallId,
        QStringLiteral(
            "%1 supplies coolant at %2 °C, below the room dew point %3 °C: manifolds and "
            "cold plates will sweat")
            .arg(loopLabel(loop))
            .arg(loop.coolantSupplyTempC)
            .arg(context.dewPointC)));
  }
}

double distance2(double x, double y, const LoopBuild& b) {
  if (b.placed == 0) {
    return std::numeric_limits<double>::infinity();
  }
  const double dx = x - b.sumX / b.placed;
  const double dy = y - b.sumY / b.placed;
  return dx * dx + dy * dy;
}

/// The loop of `kind` in the hall that serves a rack naming none: the only one, or the one
/// whose units stand nearest.
int autoLoop(const QList<int>& candidates, const QList<LoopBuild>& builds, PointMm at) {
  if (candidates.size() == 1) {
    return candidates.first();
  }
  int best = candidates.isEmpty() ? -1 : candidates.first();
  double bestD = std::numeric_limits<double>::infinity();
  for (int index : candidates) {
    const double d = distance2(double(at.xMm), double(at.yMm), builds[index]);
    if (d < bestD) {
      bestD = d;
      best = index;
    }
  }
  return best;
}

QString racksList(const Project& project, const QList<RackId>& ids) {
  QStringList names;
  for (qsizetype i = 0; i < ids.size() && i < 6; ++i) {
    const Rack* rack = project.findRack(ids[i]);
    names.append(rack ? rack->name() : ids[i].toString());
  }
  if (ids.size() > 6) {
    names.append(QStringLiteral("… %1 more").arg(ids.size() - 6));
  }
  return names.join(QStringLiteral(", "));
}
}  // namespace

void analyzeLoops(const Project& project, const PowerResult& power, CoolingContext& context,
                  CoolingResult& result) {
  QList<LoopBuild> builds;
  QHash<CoolingLoopId, int> explicitIndex;
  auto newLoop = [&](LoopLoad loop) {
    result.loops.append(std::move(loop));
    builds.append(LoopBuild{});
    return int(result.loops.size() - 1);
  };
  const Redundancy implicitRedundancy = [&] {
    Redundancy r = Redundancy::NPlus1;
    redundancyFromKey(context.assumptions.choice(assumption::kUnitRedundancy), &r);
    return r;
  }();
  for (const Hall& hall : project.halls()) {
    QHash<int, int> implicit;  // loop kind → index
    QList<int> liquidLoops, airZones;
    for (const CoolingLoop& loop : project.coolingLoops()) {
      if (loop.hallId != hall.id()) {
        continue;
      }
      LoopLoad l;
      l.id = loop.id;
      l.hallId = hall.id();
      l.name = loop.name;
      l.kind = loop.kind;
      l.redundancy = loop.redundancy;
      const int index = newLoop(l);
      explicitIndex.insert(loop.id, index);
      (loop.kind == CoolingLoopKind::Liquid ? liquidLoops : airZones).append(index);
    }
    auto implicitLoop = [&](CoolingLoopKind kind) {
      const auto it = implicit.constFind(int(kind));
      if (it != implicit.cend()) {
        return it.value();
      }
      LoopLoad l;
      l.hallId = hall.id();
      l.kind = kind;
      l.redundancy = implicitRedundancy;
      l.name = QStringLiteral("%1 %2").arg(
          hall.name().isEmpty() ? QStringLiteral("hall") : hall.name(),
          kind == CoolingLoopKind::Liquid ? QStringLiteral("CDUs") : QStringLiteral("air"));
      const int index = newLoop(l);
      implicit.insert(int(kind), index);
      (kind == CoolingLoopKind::Liquid ? liquidLoops : airZones).append(index);
      return index;
    };
    for (const CoolingUnit& unit : project.coolingUnits()) {
      if (unit.hallId != hall.id()) {
        continue;
      }
      const CatalogItem* item = context.catalog.find(unit.catalogId);
      const bool liquid = item && item->kind == ItemKind::Cdu;
      const bool air =
          item && (item->kind == ItemKind::Crah || item->kind == ItemKind::InRowCooler);
      if (!liquid && !air) {
        result.findings.append(power::finding(
            QStringLiteral("cooling.unit-unknown"), Severity::Error,
            ObjectRef::coolingUnit(unit.id), hall.id(),
            QStringLiteral("Cooling unit %1 is '%2', %3: it cools nothing")
                .arg(unit.name, unit.catalogId,
                     item ? QStringLiteral("which is not a CDU, CRAH or in-row cooler")
                          : QStringLiteral("which is not in the catalog"))));
        continue;
      }
      const CoolingLoopKind kind = liquid ? CoolingLoopKind::Liquid : CoolingLoopKind::Air;
      int index = -1;
      if (!unit.loopId.isNull()) {
        const auto it = explicitIndex.constFind(unit.loopId);
        const CoolingLoop* loop = project.findCoolingLoop(unit.loopId);
        if (it == explicitIndex.cend() || !loop || loop->hallId != hall.id()) {
          result.findings.append(power::finding(
              QStringLiteral("cooling.unit-loop-invalid"), Severity::Error,
              ObjectRef::coolingUnit(unit.id), hall.id(),
              QStringLiteral("Cooling unit %1 names a loop that is not in its hall; it serves "
                             "the hall's units without a loop")
                  .arg(unit.name)));
        } else if (loop->kind != kind) {
          result.findings.append(
              power::finding(QStringLiteral("cooling.unit-loop-kind"), Severity::Error,
                             ObjectRef::coolingUnit(unit.id), hall.id(),
                             QStringLiteral("Cooling unit %1 (%2 %3) cannot serve %4, a %5")
                                 .arg(unit.name, item->vendor, item->model, loop->name,
                                      coolingLoopKindName(loop->kind).toLower())));
        } else {
          index = it.value();
        }
      }
      if (index < 0) {
        index = implicitLoop(kind);
      }
      UnitFacts f = unitFacts(*item);
      f.positionMm = unit.positionMm;
      addUnit(result.loops[index], builds[index], f);
      result.loops[index].unitIds.append(unit.id);
    }
    // Floor cooling units stored as racks by older versions take part as units of the hall.
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() != hall.id()) {
        continue;
      }
      const CatalogItem* item = context.catalog.find(rack.rackTypeId());
      if (item && item->isFloorCoolingUnit()) {
        const int index = implicitLoop(item->kind == ItemKind::Cdu ? CoolingLoopKind::Liquid
                                                                   : CoolingLoopKind::Air);
        UnitFacts f = unitFacts(*item);
        f.positionMm = rack.positionMm();
        addUnit(result.loops[index], builds[index], f);
      }
    }
    // Racks: in-rack CDUs first, then the rack's own choice, then the hall's loop.
    QList<RackId> unservedLiquid, unservedAir;
    double unservedLiquidW = 0.0, unservedAirW = 0.0;
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() != hall.id()) {
        continue;
      }
      auto rcIt = result.racks.find(rack.id());
      if (rcIt == result.racks.end() || rcIt->coolingUnit) {
        continue;
      }
      RackCooling& rc = rcIt.value();
      LoopLoad inRack;
      LoopBuild inRackBuild;
      for (const Mount& mount : rack.mounts()) {
        const CatalogItem* item = context.catalog.find(mount.catalogId);
        if (item && item->kind == ItemKind::Cdu) {
          UnitFacts f = unitFacts(*item);
          f.positionMm = rack.positionMm();
          addUnit(inRack, inRackBuild, f);
        }
      }
      auto chosen = [&](CoolingLoopId id, CoolingLoopKind kind, const QList<int>& candidates) {
        if (!id.isNull()) {
          const auto it = explicitIndex.constFind(id);
          if (it != explicitIndex.cend() && result.loops[it.value()].hallId == hall.id() &&
              result.loops[it.value()].kind == kind) {
            return it.value();
          }
          result.findings.append(power::finding(
              QStringLiteral("cooling.rack-loop-invalid"), Severity::Error,
              ObjectRef::rack(rack.id()), hall.id(),
              QStringLiteral("Rack %1 names a %2 that is not one of its hall's; the nearest is "
                             "used")
                  .arg(rack.name(), coolingLoopKindName(kind).toLower())));
        }
        return autoLoop(candidates, builds, rack.positionMm());
      };
      const double liquidW = rc.heatToLiquidW.value;
      if (inRack.unitCount > 0) {
        inRack.hallId = hall.id();
        inRack.rackId = rack.id();
        inRack.kind = CoolingLoopKind::Liquid;
        inRack.redundancy = Redundancy::N;  // in-rack CDUs carry N+1 pumps inside the unit
        inRack.name = QStringLiteral("%1 in-rack CDU").arg(rack.name());
        rc.liquidLoopIndex = newLoop(inRack);
        builds.last() = inRackBuild;
        rc.inRackCdu = true;
      } else if (liquidW > 0 || !rack.liquidLoopId().isNull()) {
        rc.liquidLoopIndex = chosen(rack.liquidLoopId(), CoolingLoopKind::Liquid, liquidLoops);
      }
      if (rc.heatToRoomW.value > 0 || !rack.airZoneId().isNull()) {
        rc.airZoneIndex = chosen(rack.airZoneId(), CoolingLoopKind::Air, airZones);
      }
      if (liquidW > 0) {
        if (rc.liquidLoopIndex < 0) {
          unservedLiquid.append(rack.id());
          unservedLiquidW += liquidW;
        } else {
          LoopLoad& loop = result.loops[rc.liquidLoopIndex];
          loop.loadW.value += liquidW;
          loop.flowLps.value += rc.coolantFlowLps.value;
          ++loop.rackCount;
        }
      }
      if (rc.heatToRoomW.value > 0) {
        if (rc.airZoneIndex < 0) {
          unservedAir.append(rack.id());
          unservedAirW += rc.heatToRoomW.value;
        } else {
          LoopLoad& zone = result.loops[rc.airZoneIndex];
          zone.loadW.value += rc.heatToRoomW.value;
          // The room air the zone's units must move: the heat left to the room (racks with a
          // rear door return most of theirs cooled).
          zone.airflowM3PerH.value +=
              airflowM3PerS(rc.heatToRoomW.value, context.airDeltaTK, context.altitudeM) * 3600.0;
          ++zone.rackCount;
        }
      }
    }
    if (!unservedLiquid.isEmpty()) {
      Finding f = power::finding(
          QStringLiteral("cooling.liquid-unserved"), Severity::Error, ObjectRef::hall(hall.id()),
          hall.id(),
          QStringLiteral("%1 of cold-plate heat in %2 has no CDU to go to (racks %3): place a "
                         "CDU in the hall or in the racks")
              .arg(power::kw(unservedLiquidW), hall.name(), racksList(project, unservedLiquid)),
          watts(unservedLiquidW, QStringLiteral("Σ heat to liquid of racks with no CDU")));
      for (RackId id : unservedLiquid) {
        f.related.append(ObjectRef::rack(id));
        result.racks[id].modeHolds = false;
      }
      result.findings.append(f);
    }
    if (!unservedAir.isEmpty()) {
      Finding f = power::finding(
          QStringLiteral("cooling.no-air-cooling"), Severity::Warning, ObjectRef::hall(hall.id()),
          hall.id(),
          QStringLiteral("%1 has no CRAH or in-row cooler: %2 of heat to room air from %3 racks "
                         "is not removed (racks %4)")
              .arg(hall.name(), power::kw(unservedAirW))
              .arg(unservedAir.size())
              .arg(racksList(project, unservedAir)),
          watts(unservedAirW, QStringLiteral("Σ heat to room air of racks with no air unit")));
      for (RackId id : unservedAir) {
        f.related.append(ObjectRef::rack(id));
      }
      result.findings.append(f);
    }
  }
  for (qsizetype i = 0; i < result.loops.size(); ++i) {
    LoopLoad& loop = result.loops[i];
    loop.loadW.unit = QStringLiteral("W");
    loop.loadW.formula = loop.kind == CoolingLoopKind::Liquid
                             ? QStringLiteral("Σ heat to liquid of its racks")
                             : QStringLiteral("Σ heat to room air of its racks");
    loop.flowLps.unit = QStringLiteral("L/s");
    loop.flowLps.formula = QStringLiteral("Σ coolant flow of its racks");
    loop.airflowM3PerH.unit = QStringLiteral("m³/h");
    loop.airflowM3PerH.formula = QStringLiteral("Σ airflow carrying its racks' heat to room air");
    finishLoop(loop, builds[i], context, result.findings);
  }
  (void)power;
}

}  // namespace dc::cooling
