// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/fabric/fabricresult.h"
#include "engine/power/powerresult.h"
#include "engine/snapshot.h"
#include "workloadresult.h"

namespace dc {

/// The GPU figures of an accelerator, a server or a rack-scale system of the catalog (a server
/// names its accelerator in accelerators.part). Returns an empty text on success, else why not
/// ("unknown GPU 'x'", "'x' publishes no BF16 peak").
QString gpuFigures(const Catalog& catalog, const QString& catalogId, fit::GpuFigures* figures);

/// The pool a workload runs on when no design holds it (the CLI's flags): `gpus` GPUs of one
/// model, `gpusPerNode` to an NVLink domain, and optionally a scale-out bandwidth per GPU and
/// the storage bandwidths (0: not assessed).
PoolSummary standalonePool(const fit::GpuFigures& gpu, int gpus, int gpusPerNode,
                           double scaleOutBpsPerGpu = 0.0, double storageReadBps = 0.0,
                           double storageWriteBps = 0.0);

/// Fits one workload on one pool with the given assumptions: the pure core of the pass, which
/// the CLI's standalone `fit` and the studio's charts call too. Appends findings fit.*.
WorkloadFit fitWorkload(const Workload& workload, const PoolSummary& pool,
                        const DesignAssumptions& assumptions, QList<Finding>& findings);

/// The fit pass: pools from the floor (GPUs from the catalog, power from the power pass,
/// scale-out bandwidth from the fabric pass, storage placed in the hall), then every workload.
/// Runs after power and fabric.
WorkloadResult analyzeWorkloads(const DesignSnapshot& snapshot,
                                const DesignAssumptions& assumptions, const FabricResult& fabric,
                                const PowerResult& power);

/// Time to train the workload at each GPU count (the studio's chart): days, at the MFU the
/// assumptions give for that scale; 0 where the model does not fit in memory.
QList<double> trainingDaysByGpuCount(const Workload& workload, const PoolSummary& pool,
                                     const DesignAssumptions& assumptions,
                                     const QList<int>& gpuCounts);
/// Cost per million output tokens of an inference workload at each precision (0 where the GPU
/// cannot run it or no replica fits).
QList<double> costPerMillionByPrecision(const Workload& workload, const PoolSummary& pool,
                                        const DesignAssumptions& assumptions,
                                        const QList<Precision>& precisions);

}  // namespace dc
