// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadresult.h"

namespace dc {

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
