// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingcontext.h"

#include "coolingphysics.h"

#include <algorithm>

namespace dc::cooling {

namespace {
double figureOr(const CatalogItem& item, const char* path, double fallback) {
  const SpecValue* f = item.figure(QString::fromLatin1(path));
  return f ? f->value : fallback;
}
}  // namespace

CoolingContext::CoolingContext(const DesignAssumptions& a, const Catalog& c)
    : assumptions(a),
      catalog(c),
      airLimitW(a.value(assumption::kAirLimitW)),
      supplyAirC(a.value(assumption::kSupplyAirTempC)),
      airDeltaTK(a.value(assumption::kAirDeltaTK)),
      exhaustC(supplyAirC + airDeltaTK),
      altitudeM(a.value(assumption::kAltitudeM)),
      liquidDeltaTK(a.value(assumption::kLiquidDeltaTK)),
      coolantKey(a.choice(assumption::kCoolant)),
      rhoCp(coolantRhoCp(coolantKey)),
      chilledWaterC(a.value(assumption::kChilledWaterSupplyC)),
      dewPointC(a.value(assumption::kRoomDewPointC)),
      facilityWaterC(a.value(assumption::kFacilityWaterSupplyC)),
      approachK(a.value(assumption::kCduApproachK)),
      defaultFraction(a.value(assumption::kDefaultLiquidFraction)),
      facilityClass(a.choice(assumption::kFacilityWaterClass).toUpper()),
      facilityClassMaxC(cooling::facilityClassMaxC(facilityClass)) {
  coolantFlowFormula = QStringLiteral(
                           "heat to liquid / (ρ·c_p of %1 × %2 K), at least the device's "
                           "published L/min per kW")
                           .arg(coolantKey == QLatin1String("water") ? QStringLiteral("water")
                                                                     : QStringLiteral("PG25"))
                           .arg(liquidDeltaTK);
  airflowFormula = QStringLiteral("heat to air / (1.206 kJ/(m³·K) × p/p₀ %1 × ΔT %2 K)")
                       .arg(pressureRatio(altitudeM), 0, 'f', 3)
                       .arg(airDeltaTK);
  doorFormula = QStringLiteral(
                    "rated capacity × (exhaust %1 °C − water %2 °C) / rated drive, at most the "
                    "rating")
                    .arg(exhaustC)
                    .arg(chilledWaterC);
  for (const CatalogItem& item : catalog.items()) {
    if (item.kind == ItemKind::RearDoor) {
      doors.append({&item,
                    item.texts.value(QStringLiteral("coolingUnit.active")) == QLatin1String("true"),
                    computeDoorCapacityW(item)});
      mDoorCapacityW.insert(item.id, doors.last().capacityW);
    }
  }
  std::stable_sort(doors.begin(), doors.end(), [](const DoorOption& x, const DoorOption& y) {
    if (x.active != y.active) {
      return !x.active;
    }
    return x.capacityW < y.capacityW;
  });
}

const DeviceCooling& CoolingContext::device(const CatalogItem& item) {
  const auto it = mDevices.constFind(item.id);
  if (it != mDevices.cend()) {
    return it.value();
  }
  DeviceCooling d;
  d.liquid = item.cooling == QLatin1String("liquid") || item.cooling == QLatin1String("hybrid");
  if (d.liquid) {
    const SpecValue* f = item.figure(QStringLiteral("liquidCaptureFraction"));
    d.fraction = f ? f->value : defaultFraction;
    d.fractionAssumed = !f;
  }
  d.flowLpmPerKw = figureOr(item, "coolant.flowLpmPerKw", 0.0);
  d.supplyMinC = figureOr(item, "coolant.supplyTempMinC", kNaN);
  d.supplyMaxC = figureOr(item, "coolant.supplyTempMaxC", kNaN);
  d.facilityClass = item.texts.value(QStringLiteral("coolant.facilityClass"));
  d.airInletMaxC = figureOr(item, "airInletMaxC", kNaN);
  d.rearDoorNone = item.texts.value(QStringLiteral("rearDoor")) == QLatin1String("none");
  return mDevices.insert(item.id, d).value();
}

double CoolingContext::doorCapacityW(const CatalogItem& door) const {
  const auto it = mDoorCapacityW.constFind(door.id);
  return it != mDoorCapacityW.cend() ? it.value() : computeDoorCapacityW(door);
}

double CoolingContext::computeDoorCapacityW(const CatalogItem& door) const {
  // Several published rating points: interpolate on the water temperature between the two
  // nearest; one point (or the headline figure): scale it with the ε-NTU temperature drive.
  struct Point {
    double capacityW, waterC, airC;
  };
  QList<Point> points;
  const int n = door.arrayLength(QStringLiteral("coolingUnit.ratings"));
  for (int i = 0; i < n; ++i) {
    const QString base = QStringLiteral("coolingUnit.ratings[%1].").arg(i);
    const double cap = door.figureValue(base + QStringLiteral("capacityW"), 0.0);
    const SpecValue* water = door.figure(base + QStringLiteral("waterSupplyTempC"));
    if (cap > 0 && water) {
      const SpecValue* air = door.figure(base + QStringLiteral("airInletTempC"));
      points.append({cap, water->value, air ? air->value : kNaN});
    }
  }
  if (points.size() >= 2) {
    std::sort(points.begin(), points.end(),
              [](const Point& x, const Point& y) { return x.waterC < y.waterC; });
    qsizetype hi = 1;
    while (hi < points.size() - 1 && points[hi].waterC < chilledWaterC) {
      ++hi;
    }
    const Point& p0 = points[hi - 1];
    const Point& p1 = points[hi];
    const double t = (chilledWaterC - p0.waterC) / (p1.waterC - p0.waterC);
    const double maxRated = std::max(p0.capacityW, p1.capacityW);
    return std::clamp(p0.capacityW + t * (p1.capacityW - p0.capacityW), 0.0, maxRated);
  }
  if (points.size() == 1) {
    return rearDoorCapacityW(points[0].capacityW, points[0].waterC, points[0].airC, chilledWaterC,
                             exhaustC);
  }
  return rearDoorCapacityW(figureOr(door, "coolingUnit.capacityW", 0.0),
                           figureOr(door, "coolingUnit.waterSupplyTempC", kNaN), kNaN,
                           chilledWaterC, exhaustC);
}

}  // namespace dc::cooling
