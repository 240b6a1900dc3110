// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadresult.h"

#include <cmath>

namespace dc {

QString checkValueText(double value, const QString& unit, const NumberStyle& style) {
  if (unit == QLatin1String("GPU")) {
    const QString count = formatQuantity(value, Quantity::Count, style);
    return std::lround(value) == 1 ? count + QStringLiteral(" GPU")
                                   : count + QStringLiteral(" GPUs");
  }
  struct Named {
    const char* unit;
    Quantity quantity;
    double toEngineUnit;
  };
  static constexpr Named kUnits[] = {
      {"B", Quantity::Bytes, 1.0},     {"B/s", Quantity::BytesPerSecond, 1.0},
      {"s", Quantity::DurationS, 1.0}, {"days", Quantity::DurationS, 86'400.0},
      {"W", Quantity::PowerW, 1.0},    {"%", Quantity::Percent, 1.0}};
  for (const Named& named : kUnits) {
    if (unit == QLatin1String(named.unit)) {
      return formatQuantity(value * named.toEngineUnit, named.quantity, style);
    }
  }
  const QString number = formatQuantity(value, Quantity::Ratio, style);
  return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

QString marginText(double margin, const NumberStyle& style) {
  if (!std::isfinite(margin)) {
    return QStringLiteral("–");
  }
  const QString pct = formatQuantity(std::fabs(margin) * 100.0, Quantity::Percent, style);
  return (margin < 0.0 ? QStringLiteral("−") : QStringLiteral("+")) + pct;
}

QString fitResourceKey(FitResource resource) {
  switch (resource) {
    case FitResource::None:
      return QStringLiteral("none");
    case FitResource::Gpus:
      return QStringLiteral("gpus");
    case FitResource::Memory:
      return QStringLiteral("memory");
    case FitResource::Fabric:
      return QStringLiteral("fabric");
    case FitResource::Storage:
      return QStringLiteral("storage");
    case FitResource::Power:
      return QStringLiteral("power");
    case FitResource::Time:
      return QStringLiteral("time");
    case FitResource::Latency:
      return QStringLiteral("latency");
  }
  return QStringLiteral("none");
}

QString fitVerdictKey(FitVerdict verdict) {
  switch (verdict) {
    case FitVerdict::Fits:
      return QStringLiteral("fits");
    case FitVerdict::Tight:
      return QStringLiteral("tight");
    case FitVerdict::DoesNotFit:
      return QStringLiteral("does-not-fit");
    case FitVerdict::NotAssessed:
      return QStringLiteral("not-assessed");
  }
  return QStringLiteral("not-assessed");
}

QString fitVerdictName(FitVerdict verdict) {
  switch (verdict) {
    case FitVerdict::Fits:
      return QStringLiteral("Fits");
    case FitVerdict::Tight:
      return QStringLiteral("Fits, tight");
    case FitVerdict::DoesNotFit:
      return QStringLiteral("Does not fit");
    case FitVerdict::NotAssessed:
      return QStringLiteral("Not assessed");
  }
  return QStringLiteral("Not assessed");
}

const PoolSummary* WorkloadResult::pool(WorkloadPoolId id) const {
  for (const PoolSummary& p : pools) {
    if (p.poolId == id) {
      return &p;
    }
  }
  return nullptr;
}

const WorkloadFit* WorkloadResult::fit(WorkloadId id) const {
  for (const WorkloadFit& f : fits) {
    if (f.workloadId == id) {
      return &f;
    }
  }
  return nullptr;
}

}  // namespace dc
