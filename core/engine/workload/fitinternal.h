// SPDX-License-Identifier: GPL-3.0-or-later
// Private helpers of the workload-fit pass (not part of its interface): the assumptions it
// reads, findings and resource checks, shared by fittraining.cpp, fitinference.cpp and
// analyzeworkload.cpp.
#pragma once

#include "analyzeworkload.h"

namespace dc::fit {

/// The assumptions of the pass, read once.
struct FitAssumptions {
  double mfuAmpere = 0.0;
  double mfuHopper = 0.0;
  double mfuBlackwell = 0.0;
  double mfuOther = 0.0;
  double mfuScaleFromGpus = 0.0;
  double mfuLossPerDoubling = 0.0;
  double goodput = 0.0;
  double globalBatchTokens = 0.0;
  double usableMemoryFraction = 0.0;
  double checkpointBytesPerParam = 0.0;
  double checkpointStallFraction = 0.0;
  double interruptionsPerGpuDay = 0.0;
  QString storageTier;
  double maxCommFraction = 0.0;
  double tightMarginPct = 0.0;
  double mbu = 0.0;
  double prefillMfu = 0.0;
  double continuousBatchingGain = 0.0;
  double gpuPriceUsdAmpere = 0.0;
  double gpuPriceUsdHopper = 0.0;
  double gpuPriceUsdBlackwell = 0.0;
  double gpuPriceUsdOther = 0.0;
  double amortisationYears = 0.0;
  // From the power and energy groups
  double idleFraction = 0.0;
  double utilisationTraining = 0.0;
  double utilisationFineTuning = 0.0;
  double utilisationInference = 0.0;
  double pue = 0.0;
  double priceUsdPerKwh = 0.0;
  double hoursPerYear = 0.0;

  explicit FitAssumptions(const DesignAssumptions& assumptions);

  /// The MFU default of a generation at a scale: base - loss x log2(gpus / scaleFrom) above
  /// scaleFrom GPUs, never below a tenth of the base. `source` gets the words for
  /// TrainingFit::mfuSource.
  double mfuFor(const QString& generation, int gpus, QString* source) const;
  /// The all-in GPU price of a generation (fit.gpuPriceUsd.<generation>).
  double gpuPriceUsd(const QString& generation) const;
  /// Utilisation of a workload kind (power.utilisation.*).
  double utilisation(WorkloadKind kind) const;
  /// Share of max power at that utilisation: idle + u (1 - idle).
  double powerShare(WorkloadKind kind) const;
};

/// Appends a finding about a workload.
Finding& addFinding(QList<Finding>& findings, const WorkloadFit& fit, const PoolSummary& pool,
                    const char* code, Finding::Severity severity, const QString& message);

/// Appends a check with margin = available / required - 1 (assessed only when both are
/// positive, or when `assessed` says so).
ResourceCheck addCheck(WorkloadFit& fit, FitResource resource, const QString& what, double required,
                       double available, const QString& unit, bool assessed = true);

/// Power check of a workload kind on its pool (the pool racks' worst PDU loading with a feed
/// lost, at max power for training, scaled to the utilisation for inference and fine-tuning)
/// and its finding fit.power-short.
void checkPower(WorkloadFit& fit, const Workload& workload, const PoolSummary& pool,
                const FitAssumptions& a, QList<Finding>& findings);

/// A size or bandwidth for a finding's sentence, by formatQuantity() ("1.20 TB", "45.0 GB/s").
QString bytesText(double bytes);
QString bandwidthText(double bytesPerSecond);
QString numberText(double value, int decimals = 0);

/// The pools of the design as the pass finds them on the floor (analyzeWorkloads' first half).
QList<PoolSummary> poolSummaries(const DesignSnapshot& snapshot, const FabricResult& fabric,
                                 const PowerResult& power);

/// Finding fit.pool-overlap (warning) for every two pools that share racks: each pool's fit
/// counts the shared racks' GPUs as its own (docs/workload.md).
void checkPoolOverlaps(const Project& project, const QList<PoolSummary>& pools,
                       QList<Finding>& findings);

/// fitWorkload() with the assumptions read once.
WorkloadFit fitWith(const Workload& workload, const PoolSummary& pool, const FitAssumptions& a,
                    QList<Finding>& findings);

/// Training and fine-tuning on a pool: fills fit.training and fit.checks, appends findings.
/// The caller has checked the inputs, the pool and the GPU.
void fitTraining(WorkloadFit& fit, const Workload& workload, const PoolSummary& pool,
                 const FitAssumptions& a, QList<Finding>& findings);
/// Inference on a pool: fills fit.inference and fit.checks, appends findings.
void fitInference(WorkloadFit& fit, const Workload& workload, const PoolSummary& pool,
                  const FitAssumptions& a, QList<Finding>& findings);

/// The smallest TP x PP x DP that holds the model states and activations in usable memory
/// (TP a power of two up to min(8, domain) dividing the heads, PP dividing the layers), 0 when
/// none does. `bestTp`/`bestPp` may be null.
int minGpusForMemory(const Workload& workload, const PoolSummary& pool, const FitAssumptions& a,
                     int* bestTp = nullptr, int* bestPp = nullptr);

}  // namespace dc::fit
