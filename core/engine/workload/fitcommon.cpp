// SPDX-License-Identifier: GPL-3.0-or-later
// The fit pass's shared pieces: its assumptions, checks, findings and the power check.
#include "fitinternal.h"
#include "format/quantityformat.h"

#include <algorithm>
#include <cmath>

namespace dc::fit {

namespace {
double valueOf(const DesignAssumptions& a, const char* key) {
  return a.value(QString::fromLatin1(key));
}
}  // namespace

FitAssumptions::FitAssumptions(const DesignAssumptions& a) {
  using namespace assumption;
  mfuAmpere = valueOf(a, kMfuAmpere);
  mfuHopper = valueOf(a, kMfuHopper);
  mfuBlackwell = valueOf(a, kMfuBlackwell);
  mfuOther = valueOf(a, kMfuOther);
  mfuScaleFromGpus = valueOf(a, kMfuScaleFromGpus);
  mfuLossPerDoubling = valueOf(a, kMfuLossPerDoubling);
  goodput = valueOf(a, kGoodput);
  globalBatchTokens = valueOf(a, kGlobalBatchTokens);
  usableMemoryFraction = valueOf(a, kUsableMemoryFraction);
  checkpointBytesPerParam = valueOf(a, kCheckpointBytesPerParam);
  checkpointStallFraction = valueOf(a, kCheckpointStallFraction);
  interruptionsPerGpuDay = valueOf(a, kInterruptionsPerGpuDay);
  storageTier = a.choice(QString::fromLatin1(kStorageTier));
  maxCommFraction = valueOf(a, kMaxCommFraction);
  tightMarginPct = valueOf(a, kTightMarginPct);
  mbu = valueOf(a, kMbu);
  prefillMfu = valueOf(a, kPrefillMfu);
  continuousBatchingGain = valueOf(a, kContinuousBatchingGain);
  gpuPriceUsdAmpere = valueOf(a, kGpuPriceUsdAmpere);
  gpuPriceUsdHopper = valueOf(a, kGpuPriceUsdHopper);
  gpuPriceUsdBlackwell = valueOf(a, kGpuPriceUsdBlackwell);
  gpuPriceUsdOther = valueOf(a, kGpuPriceUsdOther);
  amortisationYears = valueOf(a, kAmortisationYears);
  idleFraction = valueOf(a, kIdleFraction);
  utilisationTraining = valueOf(a, kUtilisationTraining);
  utilisationFineTuning = valueOf(a, kUtilisationFineTuning);
  utilisationInference = valueOf(a, kUtilisationInference);
  pue = valueOf(a, kPue);
  priceUsdPerKwh = valueOf(a, kPriceUsdPerKwh);
  hoursPerYear = valueOf(a, kHoursPerYear);
}

double FitAssumptions::mfuFor(const QString& generation, int gpus, QString* source) const {
  double base = mfuOther;
  const char* key = assumption::kMfuOther;
  if (generation == QLatin1String("ampere")) {
    base = mfuAmpere;
    key = assumption::kMfuAmpere;
  } else if (generation == QLatin1String("hopper")) {
    base = mfuHopper;
    key = assumption::kMfuHopper;
  } else if (generation == QLatin1String("blackwell")) {
    base = mfuBlackwell;
    key = assumption::kMfuBlackwell;
  }
  double mfu = base;
  const double doublings =
      gpus > mfuScaleFromGpus ? std::log2(double(gpus) / mfuScaleFromGpus) : 0.0;
  mfu = std::max(base / 10.0, base - mfuLossPerDoubling * doublings);
  if (source) {
    *source = doublings > 0
                  ? QStringLiteral("assumption %1 (%2) less %3 per doubling above %4 GPUs")
                        .arg(QString::fromLatin1(key), numberText(base, 2),
                             numberText(mfuLossPerDoubling, 3), numberText(mfuScaleFromGpus))
                  : QStringLiteral("assumption %1").arg(QString::fromLatin1(key));
  }
  return mfu;
}

double FitAssumptions::gpuPriceUsd(const QString& generation) const {
  if (generation == QLatin1String("ampere")) {
    return gpuPriceUsdAmpere;
  }
  if (generation == QLatin1String("hopper")) {
    return gpuPriceUsdHopper;
  }
  if (generation == QLatin1String("blackwell")) {
    return gpuPriceUsdBlackwell;
  }
  return gpuPriceUsdOther;
}

double FitAssumptions::utilisation(WorkloadKind kind) const {
  switch (kind) {
    case WorkloadKind::Training:
      return utilisationTraining;
    case WorkloadKind::FineTuning:
      return utilisationFineTuning;
    case WorkloadKind::Inference:
      return utilisationInference;
  }
  return utilisationTraining;
}

double FitAssumptions::powerShare(WorkloadKind kind) const {
  return idleFraction + utilisation(kind) * (1.0 - idleFraction);
}

Finding& addFinding(QList<Finding>& findings, const WorkloadFit& fit, const PoolSummary& pool,
                    const char* code, Finding::Severity severity, const QString& message) {
  Finding f;
  f.code = QString::fromLatin1(code);
  f.severity = severity;
  f.subject = ObjectRef::workload(fit.workloadId);
  f.hallId = pool.hallId;
  if (!pool.poolId.isNull()) {
    f.related.append(ObjectRef::workloadPool(pool.poolId));
  }
  f.message = message;
  findings.append(f);
  return findings.last();
}

ResourceCheck addCheck(WorkloadFit& fit, FitResource resource, const QString& what, double required,
                       double available, const QString& unit, bool assessed) {
  ResourceCheck c;
  c.resource = resource;
  c.what = what;
  c.required = required;
  c.available = available;
  c.unit = unit;
  c.assessed = assessed && std::isfinite(required) && std::isfinite(available) && required > 0 &&
               available > 0;
  c.margin = c.assessed ? available / required - 1.0 : 0.0;
  fit.checks.append(c);
  return c;
}

void checkPower(WorkloadFit& fit, const Workload& workload, const PoolSummary& pool,
                const FitAssumptions& a, QList<Finding>& findings) {
  // The worst PDU of the pool racks with one feed lost: the design must carry the workload
  // through a feed loss. Synchronous training runs near peak (every GPU at once, between the
  // same collectives): max power. Inference and fine-tuning follow their load: max x (idle +
  // u (1 - idle)).
  const bool training = workload.kind == WorkloadKind::Training;
  const double share = training ? 1.0 : a.powerShare(workload.kind);
  const double loadingPct = pool.worstPduFailoverLoadingPct * share;
  const ResourceCheck& c =
      addCheck(fit, FitResource::Power, QStringLiteral("rack PDU loading with a feed lost"),
               loadingPct, 100.0, QStringLiteral("%"));
  if (c.assessed && c.margin < 0) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.power-short", Finding::Severity::Error,
        QStringLiteral("Workload '%1' loads the most loaded rack PDU of pool '%2' to %3 % with "
                       "one feed lost, at %4, above its 100 % continuous rating")
            .arg(fit.name, pool.name, numberText(loadingPct, 1),
                 training ? QStringLiteral("max power (synchronous training)")
                          : QStringLiteral("%1 utilisation")
                                .arg(numberText(a.utilisation(workload.kind), 2))));
    f.measured = findingFigure(loadingPct, QStringLiteral("%"),
                               QStringLiteral("PDU loading with a feed lost at the load"));
    f.limit = findingFigure(100.0, QStringLiteral("%"), QStringLiteral("continuous rating"));
  }
}

QString numberText(double value, int decimals) {
  return QString::number(value, 'f', decimals);
}

QString bytesText(double bytes) {
  return formatQuantity(bytes, Quantity::Bytes);
}

QString bandwidthText(double bytesPerSecond) {
  return formatQuantity(bytesPerSecond, Quantity::BytesPerSecond);
}

}  // namespace dc::fit
