// SPDX-License-Identifier: GPL-3.0-or-later
// The per-rack part of the cooling pass: where each device's heat goes, the rear door, the
// airflow and coolant flow, the recommendation with its reason and margin, and the checks of
// the architect's chosen mode against what the devices need.
#include "coolingcontext.h"
#include "coolingphysics.h"
#include "engine/power/powercontext.h"

#include <algorithm>

namespace dc::cooling {

namespace {
using Severity = Finding::Severity;

Figure watts(double value, const QString& formula) {
  return {value, QStringLiteral("W"), formula, {}};
}

QString pct(double fraction) {
  return QStringLiteral("%1 %").arg(fraction * 100.0, 0, 'f', 0);
}

QString rackName(const Rack& rack) {
  return rack.name().isEmpty() ? QStringLiteral("(unnamed)") : rack.name();
}

bool hasDirectToChip(CoolingMode mode) {
  return mode == CoolingMode::DirectToChip || mode == CoolingMode::DirectToChipRearDoor;
}

bool hasRearDoor(CoolingMode mode) {
  return mode == CoolingMode::RearDoor || mode == CoolingMode::DirectToChipRearDoor;
}

/// The catalog door that holds `airW` at this design's water temperature: passive first, then
/// the smallest; nullptr when none does.
const DoorOption* doorFor(const CoolingContext& context, double airW) {
  for (const DoorOption& door : context.doors) {
    if (door.capacityW >= airW) {
      return &door;
    }
  }
  return nullptr;
}

QString doorPhrase(const DoorOption& door, const CoolingContext& context, double airW) {
  return QStringLiteral("%1 rear door rated %2 at %3 °C supply (%4 %5) holds it with %6 margin")
      .arg(door.active ? QStringLiteral("an active") : QStringLiteral("a passive"),
           power::kw(door.capacityW), QString::number(context.chilledWaterC), door.item->vendor,
           door.item->model, pct((door.capacityW - airW) / door.capacityW));
}

/// The recommendation for a rack of `heatW` with `liquidW` to cold plates (0 for air-only
/// hardware) and `airW` left in air.
void recommend(RackCooling& rc, const QString& liquidModel, bool doorPossible, double heatW,
               double liquidW, double airW, const CoolingContext& context) {
  const double limit = context.airLimitW;
  const QString head = power::kw(heatW);
  if (!liquidModel.isEmpty()) {
    const QString split =
        QStringLiteral("%1: %2 is liquid-cooled by design; %3 (%4) to cold plates")
            .arg(head, liquidModel, pct(liquidW / heatW), power::kw(liquidW));
    if (airW <= limit) {
      rc.recommended = CoolingOption::DirectToChip;
      rc.marginPct = limit > 0 ? (limit - airW) / limit * 100.0 : 0.0;
      rc.reason = QStringLiteral("%1, %2 to room air within the design's %3 air limit (%4 margin)")
                      .arg(split, power::kw(airW), power::kw(limit),
                           pct(limit > 0 ? (limit - airW) / limit : 0));
      return;
    }
    rc.recommended = CoolingOption::DirectToChipRearDoor;
    const DoorOption* door = doorPossible ? doorFor(context, airW) : nullptr;
    if (door) {
      rc.marginPct = (door->capacityW - airW) / door->capacityW * 100.0;
      rc.reason =
          QStringLiteral("%1; the %2 left in air is over the design's %3 air limit: %4")
              .arg(split, power::kw(airW), power::kw(limit), doorPhrase(*door, context, airW));
    } else {
      rc.marginPct = limit > 0 ? (limit - airW) / limit * 100.0 : 0.0;
      rc.reason =
          QStringLiteral("%1; the %2 left in air is over the design's %3 air limit and %4")
              .arg(split, power::kw(airW), power::kw(limit),
                   doorPossible ? QStringLiteral("no rear door in the catalog holds it at %1 °C")
                                      .arg(context.chilledWaterC)
                                : QStringLiteral("the system takes no rear door"));
    }
    return;
  }
  if (heatW <= limit) {
    rc.recommended = CoolingOption::AirContainment;
    rc.marginPct = limit > 0 ? (limit - heatW) / limit * 100.0 : 0.0;
    rc.reason = QStringLiteral("%1: within the design's %2 air limit (%3 margin)")
                    .arg(head, power::kw(limit), pct(limit > 0 ? (limit - heatW) / limit : 0));
    return;
  }
  const DoorOption* door = doorPossible ? doorFor(context, airW) : nullptr;
  if (door) {
    rc.recommended = door->active ? CoolingOption::RearDoorActive : CoolingOption::RearDoorPassive;
    rc.marginPct = (door->capacityW - airW) / door->capacityW * 100.0;
    rc.reason = QStringLiteral("%1: over the design's %2 air limit; %3")
                    .arg(head, power::kw(limit), doorPhrase(*door, context, airW));
    return;
  }
  rc.recommended = CoolingOption::RearDoorActive;
  double best = 0.0;
  for (const DoorOption& d : context.doors) {
    best = std::max(best, d.capacityW);
  }
  rc.marginPct = best > 0 ? (best - airW) / best * 100.0 : -100.0;
  const QString why =
      !doorPossible ? QStringLiteral("the rack takes no rear door")
      : context.doors.isEmpty()
          ? QStringLiteral("the catalog has no rear door")
          : QStringLiteral("no rear door in the catalog holds it at %1 °C supply (largest %2)")
                .arg(QString::number(context.chilledWaterC), power::kw(best));
  rc.reason = QStringLiteral(
                  "%1: over the design's %2 air limit, and %3: spread the load over more racks "
                  "or use liquid-cooled hardware")
                  .arg(head, power::kw(limit), why);
}
}  // namespace

RackCooling coolRack(const Rack& rack, const RackPower& power, CoolingContext& context,
                     QHash<QString, QList<RackId>>& deviceRacks, QList<Finding>& findings) {
  RackCooling rc;
  rc.rackId = rack.id();
  rc.hallId = rack.hallId();
  rc.mode = rack.coolingMode();
  rc.coolingUnit = power.coolingUnit;
  const double heatW = power.maxPowerW.value;
  double liquidW = 0.0;
  double flowLps = 0.0;
  QString liquidModel;  // the first liquid-cooled device, for sentences
  const CatalogItem* liquidItem = nullptr;
  QString airModel;
  bool doorPossible = true;
  const CatalogItem* rackType = context.catalog.find(rack.rackTypeId());
  if (rackType && context.device(*rackType).rearDoorNone) {
    doorPossible = false;
  }
  for (const DevicePower& device : power.devices) {
    const CatalogItem* item = context.catalog.find(device.catalogId);
    if (!item) {
      continue;  // the power pass reports unknown items
    }
    const DeviceCooling& d = context.device(*item);
    QList<RackId>& users = deviceRacks[item->id];
    if (users.isEmpty() || users.last() != rack.id()) {
      users.append(rack.id());
    }
    rc.devices.append({device.mountId, item->id, item->model, device.maxW, d.fraction * device.maxW,
                       device.maxW - d.fraction * device.maxW, d.fraction, d.fractionAssumed});
    if (!d.liquid) {
      if (airModel.isEmpty() && device.maxW > 0) {
        airModel = item->model;
      }
      continue;
    }
    if (liquidModel.isEmpty()) {
      liquidModel = item->model;
      liquidItem = item;
    }
    const double deviceLiquidW = d.fraction * device.maxW;
    liquidW += deviceLiquidW;
    const double published = d.flowLpmPerKw * deviceLiquidW / 1000.0 / 60.0;
    flowLps +=
        std::max(coolantFlowLps(deviceLiquidW, context.rhoCp, context.liquidDeltaTK), published);
  }
  const double airW = std::max(0.0, heatW - liquidW);
  rc.heatW = watts(heatW, QStringLiteral("IT max power (power pass)"));
  rc.heatToLiquidW = watts(liquidW, QStringLiteral("Σ device max power × liquid-capture fraction"));
  rc.heatToAirW = watts(airW, QStringLiteral("heat − heat to liquid"));
  rc.coolantFlowLps = {flowLps, QStringLiteral("L/s"), context.coolantFlowFormula, {}};
  const double m3s = airflowM3PerS(airW, context.airDeltaTK, context.altitudeM);
  rc.airflowM3PerH = {m3s * 3600.0, QStringLiteral("m³/h"), context.airflowFormula, {}};
  rc.airflowCfm = m3s * kCubicMetresPerSecondToCfm;

  // The fitted rear door, derated to the chilled water and the rack's exhaust.
  double doorW = 0.0;
  const QString name = rackName(rack);
  if (!rack.rearDoorId().isEmpty()) {
    const CatalogItem* door = context.catalog.find(rack.rearDoorId());
    if (!door || door->kind != ItemKind::RearDoor) {
      findings.append(power::finding(
          QStringLiteral("cooling.rear-door-unknown"), Severity::Error, ObjectRef::rack(rack.id()),
          rack.hallId(),
          QStringLiteral("Rack %1 has a rear door '%2' that is %3: it removes nothing")
              .arg(name, rack.rearDoorId(),
                   door ? QStringLiteral("not a rear door")
                        : QStringLiteral("not in the catalog"))));
    } else if (!doorPossible) {
      findings.append(power::finding(
          QStringLiteral("cooling.rear-door-unsupported"), Severity::Error,
          ObjectRef::rack(rack.id()), rack.hallId(),
          QStringLiteral("Rack %1: %2 has no rear-door provision; the %3 %4 fitted to it is "
                         "ignored")
              .arg(name, rackType ? rackType->model : rack.rackTypeId(), door->vendor,
                   door->model)));
    } else {
      rc.rearDoorId = door->id;
      const double capacity = context.doorCapacityW(*door);
      rc.rearDoorCapacityW = watts(capacity, context.doorFormula);
      rc.rearDoorCapacityW.addSource(door->source.title);
      doorW = std::min(airW, capacity);
      if (airW > capacity) {
        findings.append(power::finding(
            QStringLiteral("cooling.rear-door-overload"), Severity::Warning,
            ObjectRef::rack(rack.id()), rack.hallId(),
            QStringLiteral("Rack %1 sends %2 through its %3 %4, which holds %5 at %6 °C water: "
                           "%7 passes to the room")
                .arg(name, power::kw(airW), door->vendor, door->model, power::kw(capacity))
                .arg(context.chilledWaterC)
                .arg(power::kw(airW - capacity)),
            watts(airW, QStringLiteral("heat to air")), rc.rearDoorCapacityW));
      }
    }
  }
  rc.heatToDoorW = watts(doorW, QStringLiteral("min(heat to air, door capacity)"));
  rc.heatToRoomW = watts(airW - doorW, QStringLiteral("heat to air − removed by the rear door"));
  if (heatW <= 0 || power.coolingUnit) {
    rc.reason = power.coolingUnit ? QStringLiteral("a cooling unit, not a rack")
                                  : QStringLiteral("no IT load");
    rc.marginPct = 100.0;
    return rc;
  }
  const RecommendationKey key{heatW, liquidW, airW, liquidItem, doorPossible};
  const auto known = context.recommendations.constFind(key);
  if (known != context.recommendations.cend()) {
    rc.recommended = known->option;
    rc.marginPct = known->marginPct;
    rc.reason = known->reason;
  } else {
    recommend(rc, liquidModel, doorPossible, heatW, liquidW, airW, context);
    context.recommendations.insert(key, {rc.recommended, rc.marginPct, rc.reason});
  }

  // The architect's mode against the hardware and the hall's limits.
  const bool modeLiquid = hasDirectToChip(rc.mode);
  if (!liquidModel.isEmpty() && !modeLiquid) {
    rc.modeHolds = false;
    findings.append(power::finding(
        QStringLiteral("cooling.mode-unsupported"), Severity::Error, ObjectRef::rack(rack.id()),
        rack.hallId(),
        QStringLiteral("Rack %1 is set to %2, but %3 is liquid-cooled by design (%4 to cold "
                       "plates): it needs direct-to-chip cooling")
            .arg(name, coolingModeName(rc.mode).toLower(), liquidModel, power::kw(liquidW))));
  } else if (liquidModel.isEmpty() && modeLiquid) {
    rc.modeHolds = false;
    findings.append(power::finding(
        QStringLiteral("cooling.mode-unsupported"), Severity::Error, ObjectRef::rack(rack.id()),
        rack.hallId(),
        QStringLiteral("Rack %1 is set to %2, but %3 is air-cooled (no cold plates): all its %4 "
                       "goes to air")
            .arg(name, coolingModeName(rc.mode).toLower(),
                 airModel.isEmpty() ? QStringLiteral("its hardware") : airModel,
                 power::kw(heatW))));
  }
  if (hasRearDoor(rc.mode) && rack.rearDoorId().isEmpty()) {
    findings.append(power::finding(
        QStringLiteral("cooling.rear-door-missing"), Severity::Warning, ObjectRef::rack(rack.id()),
        rack.hallId(),
        QStringLiteral("Rack %1 is set to %2 but has no rear door fitted: drag one from the "
                       "catalog onto it; until then its %3 of air heat goes to the room")
            .arg(name, coolingModeName(rc.mode).toLower(), power::kw(airW))));
  }
  if (!hasRearDoor(rc.mode) && !rc.rearDoorId.isEmpty()) {
    findings.append(power::finding(
        QStringLiteral("cooling.mode-mismatch"), Severity::Info, ObjectRef::rack(rack.id()),
        rack.hallId(),
        QStringLiteral("Rack %1 has a rear door fitted but is set to %2; the door is counted")
            .arg(name, coolingModeName(rc.mode).toLower())));
  }
  const double roomW = rc.heatToRoomW.value;
  if (roomW > context.airLimitW) {
    rc.modeHolds = false;
    findings.append(power::finding(
        QStringLiteral("cooling.air-limit-exceeded"), Severity::Error, ObjectRef::rack(rack.id()),
        rack.hallId(),
        QStringLiteral("Rack %1 sends %2 to room air, over the design's %3 air-cooling limit. "
                       "Recommended: %4 (%5)")
            .arg(name, power::kw(roomW), power::kw(context.airLimitW),
                 coolingOptionName(rc.recommended).toLower(), rc.reason),
        watts(roomW, QStringLiteral("heat to room air")),
        Figure{context.airLimitW,
               QStringLiteral("W"),
               QStringLiteral("design assumption %1").arg(assumption::kAirLimitW),
               {}}));
  }
  return rc;
}

}  // namespace dc::cooling
