// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "format/quantityformat.h"
#include "workloadmath.h"

#include <QList>
#include <QString>

namespace dc {

/// What a pool holds, as the fit pass found it on the floor.
struct PoolSummary {
  WorkloadPoolId poolId;
  HallId hallId;
  QString name;
  Scheduler scheduler = Scheduler::Slurm;
  QList<RackId> rackIds;  ///< Project::poolRackIds()
  int nodes = 0;          ///< GPU servers (a rack-scale system counts its compute trays)
  int gpus = 0;
  int gpusPerNode = 0;        ///< of the most common node
  int scaleUpDomainGpus = 0;  ///< GPUs one NVLink domain joins (8 in HGX, 72 in NVL72)
  fit::GpuFigures gpu;        ///< the pool's GPU (the most common one when mixed)
  bool mixedGpus = false;
  double itPowerW = 0.0;            ///< the pool racks' max power (power pass)
  double worstPduLoadingPct = 0.0;  ///< of the pool racks, normal operation at max power
  /// Of the pool racks, at max power with the worst feed lost (RackPower::
  /// pduFailoverLoadingPct; a rack on one feed: its normal loading). 0: no PDUs.
  double worstPduFailoverLoadingPct = 0.0;
  double scaleOutBpsPerGpu = 0.0;  ///< compute fabric per GPU after oversubscription; 0: none
  QString fabricName;              ///< the compute fabric that serves the pool, or empty
  double storageReadBps = 0.0;     ///< storage placed in the pool's hall
  double storageWriteBps = 0.0;
  /// Max IT power per GPU: the pool racks' max power / GPUs (a server's share); standalone: the
  /// server's max power / its GPUs, or the accelerator's TDP when only that is known.
  double maxPowerWPerGpu = 0.0;
  double pue = 0.0;  ///< the hall's PUE (cooling pass); 0: the assumption facility.pue
};

/// The resources a verdict weighs. "none" when nothing limits (a fit with margin everywhere).
enum class FitResource { None, Gpus, Memory, Fabric, Storage, Power, Time, Latency };
QString fitResourceKey(FitResource resource);  ///< "none", "gpus", "memory", "fabric", ...

enum class FitVerdict { Fits, Tight, DoesNotFit, NotAssessed };
QString fitVerdictKey(FitVerdict verdict);   ///< "fits", "tight", "does-not-fit", "not-assessed"
QString fitVerdictName(FitVerdict verdict);  ///< "Fits", "Fits, tight", ...

/// One resource's check: what the workload needs, what the design gives, and the margin
/// (available / required - 1; negative: short).
struct ResourceCheck {
  FitResource resource = FitResource::None;
  double required = 0.0;
  double available = 0.0;
  QString unit;  ///< "GPU", "B", "B/s", "s", "days", "W", "%" (a share × 100, as power's)
  double margin = 0.0;
  bool assessed = true;  ///< false when the design holds nothing to check against
  QString what;          ///< "GPUs for memory", "checkpoint write bandwidth", ...
};

struct TrainingFit {
  double parameters = 0.0;
  double tokens = 0.0;
  double flops = 0.0;
  QString flopsFormula;    ///< "6ND", "8ND (full recompute)", "Megatron (architecture)", "LoRA 4ND"
  int gpus = 0;            ///< GPUs used
  double peakFlops = 0.0;  ///< per GPU, dense, at the precision
  double mfu = 0.0;
  QString mfuSource;  ///< "workload", "assumption fit.mfu.hopper at 1,024 GPUs", ...
  double goodput = 0.0;
  double seconds = 0.0;  ///< wall clock with goodput
  double days = 0.0;
  double gpuHours = 0.0;
  double gpuHoursPerMonth = 0.0;  ///< fine-tuning: runs per month x per run
  Parallelism parallelism;        ///< the one used (chosen when automatic); dp filled in
  double modelStateBytesPerGpu = 0.0;
  double activationBytesPerGpu = 0.0;
  double memoryPerGpuBytes = 0.0;  ///< states + activations
  int minGpusForMemory = 0;
  double stepSeconds = 0.0;       ///< one global batch
  double allReduceSeconds = 0.0;  ///< data-parallel gradients per step
  double commFraction = 0.0;      ///< all-reduce / step
  double checkpointBytes = 0.0;
  double checkpointWriteBps = 0.0;      ///< for the stall budget
  double checkpointWriteSeconds = 0.0;  ///< at the design's storage write bandwidth (or required)
  double mtbfSeconds = 0.0;
  double checkpointIntervalSeconds = 0.0;  ///< Young
  double dataReadBps = 0.0;                ///< SuperPOD guideline for the pool's nodes
};

struct InferenceFit {
  double parameters = 0.0;
  fit::ServingReplica replica;
  int replicas = 0;
  int gpus = 0;                          ///< replicas x GPUs per replica
  double tokensPerSecond = 0.0;          ///< output tokens/s served at the request rate
  double capacityTokensPerSecond = 0.0;  ///< of all replicas at full load
  double continuousBatchingGain = 0.0;
  fit::TokenCost cost;            ///< at the served rate: the replicas' cost over the tokens served
  fit::TokenCost costAtFullLoad;  ///< the same replicas fully loaded (their capacity)
  // Tiering (smallModelShare > 0)
  bool tiered = false;
  fit::ServingReplica smallReplica;
  int smallReplicas = 0;
  int largeReplicas = 0;
  double untieredUsdPerMillion = 0.0;  ///< everything on the large model
  double tieringSavingPct = 0.0;
};

/// A check's figure in its unit, as the panel, the report and the CLI write it: "1,024 GPUs",
/// "61.2 GB", "1.20 GB/s", "8.20 s", "40.8 kW", "83.4 %", "12.3 days" (days are a duration).
QString checkValueText(double value, const QString& unit, const NumberStyle& style = {});
/// A check's margin as a signed percentage: "+12.3 %", "−23.0 %", "+12,700 %"; "–" for NaN.
QString marginText(double margin, const NumberStyle& style = {});

/// One workload's fit against the design.
struct WorkloadFit {
  WorkloadId workloadId;
  WorkloadPoolId poolId;
  QString name;
  WorkloadKind kind = WorkloadKind::Training;
  QString problem;       ///< the input problem (workloadProblem or the pool's), empty when analysed
  TrainingFit training;  ///< training and fine-tuning
  InferenceFit inference;  ///< inference
  QList<ResourceCheck> checks;
  FitVerdict verdict = FitVerdict::NotAssessed;
  FitResource limitingResource = FitResource::None;
  double margin = 0.0;  ///< of the limiting resource
};

/// The fit pass's result: pools as found, one fit per workload (project order) and the
/// findings fit.*.
struct WorkloadResult {
  QList<PoolSummary> pools;
  QList<WorkloadFit> fits;
  QList<Finding> findings;

  const PoolSummary* pool(WorkloadPoolId id) const;
  const WorkloadFit* fit(WorkloadId id) const;
};

}  // namespace dc
