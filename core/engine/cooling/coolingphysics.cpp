// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingphysics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc::cooling {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
struct WClass {
  const char* name;
  double maxC;
};
constexpr WClass kWClasses[] = {{"W17", 17}, {"W27", 27}, {"W32", 32}, {"W40", 40}, {"W45", 45}};
}  // namespace

double pressureRatio(double altitudeM) {
  return std::pow(1.0 - 0.0065 * altitudeM / 288.15, 5.2559);
}

double airflowM3PerS(double heatW, double deltaTK, double altitudeM) {
  if (deltaTK <= 0 || heatW <= 0) {
    return 0.0;
  }
  return heatW / (kAirRhoCpSeaLevelJPerM3K * pressureRatio(altitudeM) * deltaTK);
}

double coolantFlowLps(double heatW, double rhoCpJPerM3K, double deltaTK) {
  if (deltaTK <= 0 || heatW <= 0 || rhoCpJPerM3K <= 0) {
    return 0.0;
  }
  return heatW / (rhoCpJPerM3K * deltaTK) * 1000.0;
}

double coolantRhoCp(const QString& coolantKey) {
  return coolantKey == QLatin1String("water") ? kWaterRhoCpJPerM3K : kPg25RhoCpJPerM3K;
}

bool airClass(const QString& key, AirClass* out) {
  const QString k = key.toLower();
  if (k == QLatin1String("a1")) {
    *out = {QStringLiteral("A1"), 18, 27, 15, 32, 17};
  } else if (k == QLatin1String("a2")) {
    *out = {QStringLiteral("A2"), 18, 27, 10, 35, 21};
  } else if (k == QLatin1String("a3")) {
    *out = {QStringLiteral("A3"), 18, 27, 5, 40, 24};
  } else if (k == QLatin1String("a4")) {
    *out = {QStringLiteral("A4"), 18, 27, 5, 45, 24};
  } else if (k == QLatin1String("h1")) {
    *out = {QStringLiteral("H1"), 18, 22, 5, 25, kNaN};
  } else {
    return false;
  }
  return true;
}

QString facilityClassFor(double supplyC) {
  for (const WClass& c : kWClasses) {
    if (supplyC <= c.maxC) {
      return QString::fromLatin1(c.name);
    }
  }
  return QStringLiteral("W+");
}

double facilityClassMaxC(const QString& classKey) {
  const QString k = classKey.toUpper();
  if (k == QLatin1String("W+")) {
    return std::numeric_limits<double>::infinity();
  }
  for (const WClass& c : kWClasses) {
    if (k == QLatin1String(c.name)) {
      return c.maxC;
    }
  }
  return kNaN;
}

double dewPointC(double dryBulbC, double rhPct) {
  constexpr double a = 17.62;
  constexpr double b = 243.12;
  const double gamma = std::log(rhPct / 100.0) + a * dryBulbC / (b + dryBulbC);
  return b * gamma / (a - gamma);
}

double rearDoorCapacityW(double ratedW, double ratedWaterC, double ratedAirC, double waterC,
                         double airInC) {
  if (ratedW <= 0) {
    return 0.0;
  }
  if (std::isnan(ratedWaterC)) {
    return ratedW;  // rating condition unknown: the headline figure
  }
  const double ratedAir = std::isnan(ratedAirC) ? airInC : ratedAirC;
  const double ratedDrive = ratedAir - ratedWaterC;
  if (ratedDrive <= 0) {
    return ratedW;
  }
  const double drive = std::max(0.0, airInC - waterC);
  return std::min(ratedW, ratedW * drive / ratedDrive);
}

}  // namespace dc::cooling
