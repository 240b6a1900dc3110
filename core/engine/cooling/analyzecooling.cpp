// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzecooling.h"

#include "coolingcontext.h"
#include "coolingphysics.h"
#include "engine/power/powercontext.h"

#include <cmath>

namespace dc {

namespace {
using cooling::CoolingContext;
using Severity = Finding::Severity;

Figure celsius(double value, const QString& formula) {
  return {value, QStringLiteral("°C"), formula, {}};
}

QString racksList(const Project& project, const QList<RackId>& ids) {
  QStringList names;
  for (qsizetype i = 0; i < ids.size() && i < 6; ++i) {
    const Rack* rack = project.findRack(ids[i]);
    names.append(rack ? rack->name() : QString());
  }
  if (ids.size() > 6) {
    names.append(QStringLiteral("… %1 more").arg(ids.size() - 6));
  }
  return names.join(QStringLiteral(", "));
}

/// Supply air against the ASHRAE class, room dew point against the class and the rear doors,
/// facility water against its class.
void facilityChecks(const CoolingContext& c, QList<Finding>& findings) {
  cooling::AirClass cls;
  cooling::airClass(c.assumptions.choice(assumption::kInletClass), &cls);
  const ObjectRef supply = ObjectRef::assumption(QString::fromLatin1(assumption::kSupplyAirTempC));
  if (c.supplyAirC > cls.allowableMaxC || c.supplyAirC < cls.allowableMinC) {
    findings.append(power::finding(
        QStringLiteral("cooling.inlet-outside-allowable"), Severity::Error, supply, {},
        QStringLiteral("Supply air %1 °C is outside the ASHRAE %2 allowable range %3–%4 °C")
            .arg(c.supplyAirC)
            .arg(cls.name)
            .arg(cls.allowableMinC)
            .arg(cls.allowableMaxC),
        celsius(c.supplyAirC, QStringLiteral("design assumption")),
        celsius(cls.allowableMaxC, QStringLiteral("ASHRAE TC 9.9 (2021) Table 2.1"))));
  } else if (c.supplyAirC > cls.recommendedMaxC || c.supplyAirC < cls.recommendedMinC) {
    findings.append(power::finding(
        QStringLiteral("cooling.inlet-outside-recommended"), Severity::Info, supply, {},
        QStringLiteral("Supply air %1 °C is allowable for ASHRAE %2 but outside the recommended "
                       "%3–%4 °C")
            .arg(c.supplyAirC)
            .arg(cls.name)
            .arg(cls.recommendedMinC)
            .arg(cls.recommendedMaxC)));
  }
  if (!std::isnan(cls.maxDewPointC) && c.dewPointC > cls.maxDewPointC) {
    findings.append(power::finding(
        QStringLiteral("cooling.dew-point-above-class"), Severity::Warning,
        ObjectRef::assumption(QString::fromLatin1(assumption::kRoomDewPointC)), {},
        QStringLiteral("Room dew point %1 °C is above the ASHRAE %2 maximum of %3 °C")
            .arg(c.dewPointC)
            .arg(cls.name)
            .arg(cls.maxDewPointC)));
  }
  if (c.facilityWaterC > c.facilityClassMaxC) {
    findings.append(power::finding(
        QStringLiteral("cooling.facility-water-above-class"), Severity::Error,
        ObjectRef::assumption(QString::fromLatin1(assumption::kFacilityWaterSupplyC)), {},
        QStringLiteral("Facility water at %1 °C is above class %2 (≤ %3 °C): it needs %4 or "
                       "higher equipment")
            .arg(c.facilityWaterC)
            .arg(c.facilityClass)
            .arg(c.facilityClassMaxC)
            .arg(cooling::facilityClassFor(c.facilityWaterC))));
  }
}

/// Each device type against the coolant and air it gets in each hall, once per type and hall.
void deviceChecks(const Project& project, CoolingContext& c, const CoolingResult& result,
                  const QHash<QString, QList<RackId>>& deviceRacks, QList<Finding>& findings) {
  QStringList ids = deviceRacks.keys();
  ids.sort();  // deterministic order
  for (const QString& id : ids) {
    const CatalogItem* item = c.catalog.find(id);
    const cooling::DeviceCooling& d = c.device(*item);
    QHash<HallId, QList<RackId>> byHall;
    QList<HallId> hallOrder;
    for (RackId rackId : deviceRacks.value(id)) {
      const Rack* rack = project.findRack(rackId);
      if (!byHall.contains(rack->hallId())) {
        hallOrder.append(rack->hallId());
      }
      byHall[rack->hallId()].append(rackId);
    }
    const QString device = QStringLiteral("%1 %2").arg(item->vendor, item->model);
    for (HallId hall : hallOrder) {
      const QList<RackId>& racks = byHall.value(hall);
      auto add = [&](const char* code, Severity severity, const QString& message,
                     std::optional<Figure> measured = {}, std::optional<Figure> limit = {}) {
        Finding f = power::finding(
            QString::fromLatin1(code), severity, ObjectRef::rack(racks.first()), hall,
            message + QStringLiteral(" (racks %1)").arg(racksList(project, racks)), measured,
            limit);
        for (qsizetype i = 1; i < racks.size(); ++i) {
          f.related.append(ObjectRef::rack(racks[i]));
        }
        findings.append(f);
      };
      if (d.fractionAssumed) {
        add("cooling.liquid-fraction-assumed", Severity::Warning,
            QStringLiteral("%1 publishes no liquid-capture fraction: %2 % of its heat is assumed "
                           "to reach the cold plates (assumption %3)")
                .arg(device)
                .arg(d.fraction * 100.0, 0, 'f', 0)
                .arg(assumption::kDefaultLiquidFraction));
      }
      if (!std::isnan(d.airInletMaxC) && c.supplyAirC > d.airInletMaxC) {
        add("cooling.inlet-too-warm", Severity::Error,
            QStringLiteral("%1 accepts inlet air up to %2 °C; this hall supplies %3 °C")
                .arg(device)
                .arg(d.airInletMaxC)
                .arg(c.supplyAirC),
            celsius(c.supplyAirC, QStringLiteral("design supply air")),
            celsius(d.airInletMaxC, QStringLiteral("catalog airInletMaxC")));
      }
      if (!d.liquid) {
        continue;
      }
      double supplyC = c.facilityWaterC + c.approachK;
      for (RackId rackId : racks) {
        const RackCooling& rc = result.racks.value(rackId);
        if (rc.liquidLoopIndex >= 0) {
          supplyC = std::max(supplyC, result.loops[rc.liquidLoopIndex].coolantSupplyTempC);
        }
      }
      if (!std::isnan(d.supplyMaxC) && supplyC > d.supplyMaxC) {
        add("cooling.coolant-too-warm", Severity::Error,
            QStringLiteral("%1 accepts coolant up to %2 °C; its CDUs supply %3 °C (facility water "
                           "%4 °C + approach)")
                .arg(device)
                .arg(d.supplyMaxC)
                .arg(supplyC)
                .arg(c.facilityWaterC),
            celsius(supplyC, QStringLiteral("facility supply + CDU approach")),
            celsius(d.supplyMaxC, QStringLiteral("catalog coolant.supplyTempMaxC")));
      }
      if (!std::isnan(d.supplyMinC) && supplyC < d.supplyMinC) {
        add("cooling.coolant-too-cold", Severity::Warning,
            QStringLiteral("%1 wants coolant of at least %2 °C; its CDUs supply %3 °C")
                .arg(device)
                .arg(d.supplyMinC)
                .arg(supplyC));
      }
      const double deviceClassMax = cooling::facilityClassMaxC(d.facilityClass);
      if (!std::isnan(deviceClassMax) && c.facilityClassMaxC > deviceClassMax) {
        add("cooling.facility-class-mismatch", Severity::Error,
            QStringLiteral("%1 is rated for facility water class %2 (≤ %3 °C); this facility is "
                           "%4 and may deliver up to %5 °C")
                .arg(device, d.facilityClass.toUpper())
                .arg(deviceClassMax)
                .arg(c.facilityClass)
                .arg(c.facilityClassMaxC));
      }
    }
  }
}

/// Rear doors: water below the room dew point + 2 K condenses on the coil.
void condensationChecks(const Project& project, const CoolingContext& c,
                        const CoolingResult& result, QList<Finding>& findings) {
  const double limit = c.dewPointC + 2.0;
  for (const Hall& hall : project.halls()) {
    QList<RackId> doors;
    for (const Rack& rack : project.racks()) {
      const auto rc = result.racks.constFind(rack.id());
      if (rack.hallId() == hall.id() && rc != result.racks.cend() && !rc->rearDoorId.isEmpty()) {
        doors.append(rack.id());
      }
    }
    if (doors.isEmpty()) {
      continue;
    }
    if (c.chilledWaterC < limit) {
      Finding f = power::finding(
          QStringLiteral("cooling.condensation-risk"), Severity::Error, ObjectRef::hall(hall.id()),
          hall.id(),
          QStringLiteral("Rear doors in %1 are fed %2 °C water, below the room dew point %3 °C "
                         "+ 2 K: their coils will condense (racks %4)")
              .arg(hall.name())
              .arg(c.chilledWaterC)
              .arg(c.dewPointC)
              .arg(racksList(project, doors)),
          celsius(c.chilledWaterC,
                  QStringLiteral("design assumption %1").arg(assumption::kChilledWaterSupplyC)),
          celsius(limit, QStringLiteral("room dew point + 2 K (HPE QuickSpecs)")));
      for (RackId id : doors) {
        f.related.append(ObjectRef::rack(id));
      }
      findings.append(f);
    }
  }
}

Figure pueEstimate(const CoolingContext& c, const CoolingTotals& t) {
  if (c.assumptions.choice(assumption::kPueMode) == QLatin1String("fixed") || t.heatW.value <= 0) {
    return {c.assumptions.value(assumption::kPue),
            QString(),
            QStringLiteral("design assumption %1").arg(assumption::kPue),
            {}};
  }
  const double heat = t.heatW.value;
  const double liquid = t.heatToLiquidW.value / heat;
  const double door = t.heatToDoorW.value / heat;
  const double room = 1.0 - liquid - door;
  const double pAir = c.assumptions.value(assumption::kPueAir);
  const double pDoor = c.assumptions.value(assumption::kPueRearDoor);
  const double pLiquid = c.assumptions.value(assumption::kPueLiquid);
  const double pue = 1.0 + liquid * (pLiquid - 1.0) + door * (pDoor - 1.0) + room * (pAir - 1.0);
  return {
      pue,
      QString(),
      QStringLiteral("1 + %1 % liquid × %2 + %3 % rear door × %4 + %5 % air × %6 (LBNL 2024 "
                     "by cooling system)")
          .arg(liquid * 100, 0, 'f', 1)
          .arg(pLiquid - 1.0, 0, 'f', 3)
          .arg(door * 100, 0, 'f', 1)
          .arg(pDoor - 1.0, 0, 'f', 3)
          .arg(room * 100, 0, 'f', 1)
          .arg(pAir - 1.0, 0, 'f', 3),
      {QStringLiteral("LBNL 2024 United States Data Center Energy Usage Report (LBNL-2001637)")}};
}
}  // namespace

CoolingResult analyzeCooling(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                             const PowerResult& power) {
  CoolingResult result;
  const Project& project = snapshot.project;
  CoolingContext context(assumptions, snapshot.catalog);
  QHash<QString, QList<RackId>> deviceRacks;
  result.racks.reserve(project.racks().size());
  for (const Rack& rack : project.racks()) {
    const auto it = power.racks.constFind(rack.id());
    if (it == power.racks.cend()) {
      continue;
    }
    result.racks.insert(rack.id(),
                        cooling::coolRack(rack, it.value(), context, deviceRacks, result.findings));
  }
  cooling::analyzeLoops(project, power, context, result);
  deviceChecks(project, context, result, deviceRacks, result.findings);
  facilityChecks(context, result.findings);
  condensationChecks(project, context, result, result.findings);

  auto sumFigure = [](Figure& f, double v, const char* formula) {
    f.value += v;
    f.unit = QStringLiteral("W");
    f.formula = QString::fromUtf8(formula);
  };
  for (const Hall& hall : project.halls()) {
    HallCooling h;
    h.hallId = hall.id();
    result.halls.append(h);
  }
  QHash<HallId, qsizetype> hallIndex;
  for (qsizetype i = 0; i < result.halls.size(); ++i) {
    hallIndex.insert(result.halls[i].hallId, i);
  }
  CoolingTotals& t = result.totals;
  for (const Rack& rack : project.racks()) {
    const auto rc = result.racks.constFind(rack.id());
    if (rc == result.racks.cend() || !hallIndex.contains(rack.hallId())) {
      continue;
    }
    HallCooling& h = result.halls[hallIndex.value(rack.hallId())];
    sumFigure(h.heatW, rc->heatW.value, "Σ rack heat (IT max power)");
    sumFigure(h.heatToLiquidW, rc->heatToLiquidW.value, "Σ rack heat to liquid");
    sumFigure(h.heatToDoorW, rc->heatToDoorW.value, "Σ heat removed by rear doors");
    sumFigure(h.heatToRoomW, rc->heatToRoomW.value, "Σ rack heat to room air");
    h.rearDoorCount += rc->rearDoorId.isEmpty() ? 0 : 1;
    h.liquidRackCount += rc->heatToLiquidW.value > 0 ? 1 : 0;
    sumFigure(t.heatW, rc->heatW.value, "Σ rack heat (IT max power)");
    sumFigure(t.heatToLiquidW, rc->heatToLiquidW.value, "Σ rack heat to liquid");
    sumFigure(t.heatToDoorW, rc->heatToDoorW.value, "Σ heat removed by rear doors");
    sumFigure(t.heatToRoomW, rc->heatToRoomW.value, "Σ rack heat to room air");
  }
  for (const LoopLoad& loop : result.loops) {
    const auto hi = hallIndex.constFind(loop.hallId);
    if (hi == hallIndex.cend()) {
      continue;
    }
    HallCooling& h = result.halls[hi.value()];
    sumFigure(loop.kind == CoolingLoopKind::Liquid ? h.liquidCapacityW : h.airCapacityW,
              loop.usableCapacityW.value, "Σ usable capacity of its loops");
  }
  t.coolantSupplyTempC =
      celsius(context.facilityWaterC + context.approachK,
              QStringLiteral("facility water + CDU approach (assumptions %1, %2)")
                  .arg(assumption::kFacilityWaterSupplyC, assumption::kCduApproachK));
  t.facilityWaterClass = context.facilityClass;
  t.pue = pueEstimate(context, t);
  result.failure = cooling::simulateCoolingFailure(snapshot, result, context, result.findings);
  return result;
}

}  // namespace dc
