// SPDX-License-Identifier: GPL-3.0-or-later
// The workload-fit pass: pools from the floor, then each workload's checks, verdict and
// findings fit.* (docs/workload.md).
#include "analyzeworkload.h"

#include "engine/positionlabel.h"
#include "fitinternal.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace dc {

namespace fit {

namespace {

/// The verdict from the checks: the limiting resource is the one with the smallest margin,
/// except that memory does not compete with a GPU shortfall (memory per GPU then follows from
/// too few GPUs, not from the split).
void judge(WorkloadFit& fit, const PoolSummary& pool, const FitAssumptions& a,
           QList<Finding>& findings) {
  const ResourceCheck* limiting = nullptr;
  bool gpusShort = false;
  for (const ResourceCheck& c : fit.checks) {
    gpusShort = gpusShort || (c.assessed && c.resource == FitResource::Gpus && c.margin < 0);
  }
  for (const ResourceCheck& c : fit.checks) {
    if (!c.assessed || (gpusShort && c.resource == FitResource::Memory)) {
      continue;
    }
    if (!limiting || c.margin < limiting->margin) {
      limiting = &c;
    }
  }
  if (!limiting) {
    fit.verdict = FitVerdict::NotAssessed;
    return;
  }
  fit.limitingResource = limiting->resource;
  fit.margin = limiting->margin;
  if (fit.margin < 0) {
    fit.verdict = FitVerdict::DoesNotFit;
    return;
  }
  const double marginPct = 100.0 * fit.margin;
  if (marginPct < a.tightMarginPct) {
    fit.verdict = FitVerdict::Tight;
    Finding& f = addFinding(
        findings, fit, pool, "fit.tight", Finding::Severity::Info,
        QStringLiteral("Workload '%1' fits pool '%2' with a margin of %3 % on its %4, below the "
                       "%5 % a comfortable fit keeps")
            .arg(fit.name, pool.name, numberText(marginPct, 1), limiting->what,
                 numberText(a.tightMarginPct, 0)));
    f.measured = findingFigure(marginPct, QStringLiteral("%"), limiting->what);
    f.limit = findingFigure(a.tightMarginPct, QStringLiteral("%"),
                            QString::fromLatin1(assumption::kTightMarginPct));
    return;
  }
  fit.verdict = FitVerdict::Fits;
  Finding& f = addFinding(findings, fit, pool, "fit.fits", Finding::Severity::Info,
                          QStringLiteral("Workload '%1' fits pool '%2': its tightest resource, "
                                         "%3, keeps a margin of %4 %")
                              .arg(fit.name, pool.name, limiting->what, numberText(marginPct, 0)));
  f.measured = findingFigure(marginPct, QStringLiteral("%"), limiting->what);
}

}  // namespace

void checkPoolOverlaps(const Project& project, const QList<PoolSummary>& pools,
                       QList<Finding>& findings) {
  for (qsizetype i = 0; i < pools.size(); ++i) {
    const QSet<RackId> mine(pools[i].rackIds.cbegin(), pools[i].rackIds.cend());
    for (qsizetype j = i + 1; j < pools.size(); ++j) {
      QList<RackId> shared;
      QStringList names;
      for (const RackId& id : pools[j].rackIds) {
        if (mine.contains(id)) {
          shared.append(id);
          const Rack* rack = project.findRack(id);
          names.append(rack ? positionName(*rack) : id.toString().left(8));
        }
      }
      if (shared.isEmpty()) {
        continue;
      }
      Finding f;
      f.code = QStringLiteral("fit.pool-overlap");
      f.severity = Finding::Severity::Warning;
      f.subject = ObjectRef::workloadPool(pools[i].poolId);
      f.hallId = pools[i].hallId;
      f.related.append(ObjectRef::workloadPool(pools[j].poolId));
      for (const RackId& id : shared) {
        f.related.append(ObjectRef::rack(id));
      }
      f.message = QStringLiteral(
                      "Pools '%1' and '%2' share %3 %4 (%5): each fit counts their GPUs, so "
                      "workloads on both cannot run at once at the figures shown")
                      .arg(pools[i].name, pools[j].name)
                      .arg(shared.size())
                      .arg(shared.size() == 1 ? QStringLiteral("rack") : QStringLiteral("racks"))
                      .arg(names.join(QStringLiteral(", ")));
      f.measured =
          findingFigure(shared.size(), QStringLiteral("rack"), QStringLiteral("racks in both"));
      findings.append(f);
    }
  }
}

WorkloadFit fitWith(const Workload& w, const PoolSummary& pool, const FitAssumptions& a,
                    QList<Finding>& findings) {
  WorkloadFit fit;
  fit.workloadId = w.id;
  fit.poolId = w.poolId;
  fit.name = w.name;
  fit.kind = w.kind;
  const auto refuse = [&](const char* code, const QString& problem) {
    fit.problem = problem;
    fit.verdict = FitVerdict::NotAssessed;
    addFinding(findings, fit, pool, code, Finding::Severity::Error, problem);
    return fit;
  };
  const QString problem = workloadProblem(w);
  if (!problem.isEmpty()) {
    return refuse("fit.input-invalid", problem);
  }
  // No parameter count, given or counted from the architecture: nothing to weigh, and never
  // a fit (workloadProblem() asks for what the count needs; this guards the formulas).
  const auto uncounted = [&](const char* which) {
    return refuse("fit.input-invalid",
                  QStringLiteral("Workload '%1': the %2parameter count is 0 (field: "
                                 "parameters; or layers, hidden size, heads, vocabulary size "
                                 "and sequence length to count them)")
                      .arg(w.name, QString::fromLatin1(which)));
  };
  if (parameterCount(w.model) <= 0) {
    return uncounted("");
  }
  if (w.kind == WorkloadKind::Inference && w.smallModelShare > 0 &&
      parameterCount(w.smallModel) <= 0) {
    return uncounted("small model's ");
  }
  if (pool.gpus <= 0) {
    return refuse("fit.pool-empty",
                  QStringLiteral("Workload '%1' runs on pool '%2', which holds no GPU nodes")
                      .arg(w.name, pool.name));
  }
  const GpuFigures& gpu = pool.gpu;
  if (gpu.bf16DenseFlops <= 0 || gpu.memoryBytes <= 0 || gpu.memoryBandwidthBps <= 0) {
    return refuse(
        "fit.gpu-unknown",
        QStringLiteral("Workload '%1' runs on GPU '%2', for which the catalog gives no BF16 "
                       "dense peak, memory or memory bandwidth")
            .arg(w.name, gpu.catalogId.isEmpty() ? QStringLiteral("(none)") : gpu.catalogId));
  }
  if (pool.mixedGpus) {
    addFinding(findings, fit, pool, "fit.pool-mixed-gpus", Finding::Severity::Warning,
               QStringLiteral("Pool '%1' of workload '%2' mixes GPU models; the fit uses the "
                              "most common, %3, for all %4 GPUs")
                   .arg(pool.name, w.name, gpu.model)
                   .arg(pool.gpus));
  }
  if (gpu.denseFlops(w.precision) <= 0) {
    return refuse("fit.precision-unsupported",
                  QStringLiteral("Workload '%1' asks for %2 (field: precision), for which the "
                                 "catalog gives %3 no dense peak")
                      .arg(w.name, precisionName(w.precision), gpu.model));
  }
  if (w.kind == WorkloadKind::Inference) {
    fitInference(fit, w, pool, a, findings);
  } else {
    fitTraining(fit, w, pool, a, findings);
  }
  if (!fit.problem.isEmpty()) {
    fit.verdict = FitVerdict::NotAssessed;
    return fit;
  }
  judge(fit, pool, a, findings);
  return fit;
}

}  // namespace fit

WorkloadFit fitWorkload(const Workload& workload, const PoolSummary& pool,
                        const DesignAssumptions& assumptions, QList<Finding>& findings) {
  return fit::fitWith(workload, pool, fit::FitAssumptions(assumptions), findings);
}

WorkloadResult analyzeWorkloads(const DesignSnapshot& snapshot,
                                const DesignAssumptions& assumptions, const FabricResult& fabric,
                                const PowerResult& power) {
  WorkloadResult result;
  result.pools = fit::poolSummaries(snapshot, fabric, power);
  fit::checkPoolOverlaps(snapshot.project, result.pools, result.findings);
  const fit::FitAssumptions a(assumptions);
  for (const Workload& w : snapshot.project.workloads()) {
    const PoolSummary* pool = result.pool(w.poolId);
    if (!pool) {  // the project refuses such a workload; a file could still hold one
      PoolSummary none;
      none.poolId = w.poolId;
      none.name = QStringLiteral("(unknown)");
      WorkloadFit fit;
      fit.workloadId = w.id;
      fit.poolId = w.poolId;
      fit.name = w.name;
      fit.kind = w.kind;
      fit.problem = QStringLiteral(
                        "Workload '%1' names a pool that is not in the design (field: "
                        "pool)")
                        .arg(w.name);
      fit::addFinding(result.findings, fit, none, "fit.input-invalid", Finding::Severity::Error,
                      fit.problem);
      result.fits.append(fit);
      continue;
    }
    result.fits.append(fit::fitWith(w, *pool, a, result.findings));
  }
  return result;
}

QList<double> trainingDaysByGpuCount(const Workload& workload, const PoolSummary& pool,
                                     const DesignAssumptions& assumptions,
                                     const QList<int>& gpuCounts) {
  const fit::FitAssumptions a(assumptions);
  QList<double> days;
  days.reserve(gpuCounts.size());
  for (int n : gpuCounts) {
    Workload w = workload;
    w.gpus = std::max(0, n);
    w.parallelism.dp = 0;  // the count sets the data-parallel size
    PoolSummary p = pool;
    p.gpus = std::max(p.gpus, w.gpus);
    QList<Finding> scratch;
    const WorkloadFit f = n > 0 ? fit::fitWith(w, p, a, scratch) : WorkloadFit{};
    bool fits = n > 0 && f.problem.isEmpty() && f.kind != WorkloadKind::Inference &&
                f.training.minGpusForMemory > 0;
    for (const ResourceCheck& c : f.checks) {
      if (c.assessed && c.margin < 0 &&
          (c.resource == FitResource::Memory || c.resource == FitResource::Gpus)) {
        fits = false;
      }
    }
    days.append(fits ? f.training.days : 0.0);
  }
  return days;
}

QList<double> costPerMillionByPrecision(const Workload& workload, const PoolSummary& pool,
                                        const DesignAssumptions& assumptions,
                                        const QList<Precision>& precisions) {
  const fit::FitAssumptions a(assumptions);
  QList<double> costs;
  costs.reserve(precisions.size());
  for (Precision precision : precisions) {
    Workload w = workload;
    w.precision = precision;
    QList<Finding> scratch;
    const WorkloadFit f = fit::fitWith(w, pool, a, scratch);
    const bool served = f.problem.isEmpty() && f.kind == WorkloadKind::Inference &&
                        f.inference.replica.gpus > 0 && f.inference.replicas > 0;
    costs.append(served ? f.inference.cost.usdPerMillion : 0.0);
  }
  return costs;
}

}  // namespace dc
