// SPDX-License-Identifier: GPL-3.0-or-later
// Training and fine-tuning against a pool: FLOPs and time, memory and the parallel split, the
// data-parallel all-reduce against the fabric, checkpoints and dataloader reads against the
// storage placed in the hall (formulas.md §4.1-4.5).
#include "fitinternal.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc::fit {

namespace {

constexpr int kMaxDp = 1 << 24;

bool isLora(const Workload& w) {
  return w.kind == WorkloadKind::FineTuning && w.fineTuneMethod == FineTuneMethod::LoRA;
}

/// Parameters that carry gradients and optimizer states: all of them, or LoRA's adapters.
double trainedParameters(const Workload& w) {
  return isLora(w) ? loraAdapterParameters(w.model, w.loraRank) : parameterCount(w.model);
}

struct Split {
  int tp = 1;
  int pp = 1;
  int cp = 1;
  int dp = 1;
  int gpus() const { return tp * pp * cp * dp; }
};

/// Model states + activations per GPU of a split.
double memoryPerGpu(const Workload& w, const Split& s, double* states = nullptr,
                    double* activations = nullptr) {
  double st = 0.0;
  if (isLora(w)) {
    // Frozen weights at the workload's precision (QLoRA: INT4), sharded by TP x PP (and by DP
    // under ZeRO-3), plus the adapters' full mixed-precision Adam states.
    const double frozen = weightBytes(parameterCount(w.model), w.precision) /
                          (double(s.tp) * s.pp) / (w.parallelism.zeroStage >= 3 ? s.dp : 1);
    st = frozen +
         modelStateBytesPerGpu(trainedParameters(w), s.tp, s.pp, s.dp, w.parallelism.zeroStage);
  } else {
    st = modelStateBytesPerGpu(parameterCount(w.model), s.tp, s.pp, s.dp, w.parallelism.zeroStage);
  }
  const double act =
      activationBytesPerGpu(w.model, std::max(1, w.microBatch), s.tp, s.pp, s.cp, w.recompute);
  if (states) {
    *states = st;
  }
  if (activations) {
    *activations = act;
  }
  return st + act;
}

/// Tensor-parallel sizes: powers of two up to min(8, NVLink domain) that divide the heads (and
/// the KV heads).
QList<int> tpCandidates(const Workload& w, const PoolSummary& pool) {
  QList<int> tps;
  const int limit = std::min(8, std::max(1, pool.scaleUpDomainGpus));
  for (int t = 1; t <= limit; t *= 2) {
    const bool heads = w.model.heads <= 0 || w.model.heads % t == 0;
    const bool kv = w.model.kvHeads <= 0 || w.model.kvHeads % t == 0;
    if (heads && kv) {
      tps.append(t);
    }
  }
  return tps;
}

/// Pipeline sizes: the divisors of the layers; powers of two to 64 when no layers are given.
QList<int> ppCandidates(const Workload& w) {
  QList<int> pps;
  if (w.model.layers > 0) {
    for (int p = 1; p <= w.model.layers; ++p) {
      if (w.model.layers % p == 0) {
        pps.append(p);
      }
    }
  } else {
    for (int p = 1; p <= 64; p *= 2) {
      pps.append(p);
    }
  }
  return pps;
}

QString flopsFormula(const Workload& w) {
  const bool full = w.recompute == RecomputeMode::Full;
  if (isLora(w)) {
    return full ? QStringLiteral("LoRA 6ND + 8N_aD (full recompute)")
                : QStringLiteral("LoRA 4ND + 6N_aD");
  }
  if (w.model.hasArchitecture() && w.model.sequenceLength > 0) {
    return QStringLiteral("Megatron (architecture, %1 recompute)")
        .arg(recomputeModeKey(w.recompute));
  }
  return full ? QStringLiteral("8ND (full recompute)") : QStringLiteral("6ND");
}

}  // namespace

int minGpusForMemory(const Workload& w, const PoolSummary& pool, const FitAssumptions& a,
                     int* bestTp, int* bestPp) {
  const double usable = a.usableMemoryFraction * pool.gpu.memoryBytes;
  const int cp = std::max(1, w.parallelism.cp);
  long long best = 0;
  for (int pp : ppCandidates(w)) {
    for (int tp : tpCandidates(w, pool)) {
      const auto fits = [&](int dp) {
        return memoryPerGpu(w, Split{tp, pp, cp, dp}) <= usable;
      };
      if (!fits(kMaxDp)) {
        continue;
      }
      int lo = 1;
      int hi = kMaxDp;
      while (lo < hi) {  // the smallest dp that fits: memory falls as dp grows
        const int mid = lo + (hi - lo) / 2;
        if (fits(mid)) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      const long long n = 1LL * tp * pp * cp * lo;
      if (best == 0 || n < best) {
        best = n;
        if (bestTp) {
          *bestTp = tp;
        }
        if (bestPp) {
          *bestPp = pp;
        }
      }
    }
  }
  return best > std::numeric_limits<int>::max() ? 0 : int(best);
}

void fitTraining(WorkloadFit& fit, const Workload& w, const PoolSummary& pool,
                 const FitAssumptions& a, QList<Finding>& findings) {
  TrainingFit& t = fit.training;
  const GpuFigures& gpu = pool.gpu;
  const double usable = a.usableMemoryFraction * gpu.memoryBytes;
  const bool lora = isLora(w);
  t.parameters = parameterCount(w.model);
  t.tokens = w.tokens;
  const double trained = trainedParameters(w);
  if (lora && trained <= 0) {
    fit.problem = QStringLiteral(
                      "Workload '%1': LoRA fine-tuning needs the model's layers and hidden size "
                      "(the adapters sit on its attention projections)")
                      .arg(fit.name);
    addFinding(findings, fit, pool, "fit.input-invalid", Finding::Severity::Error, fit.problem);
    return;
  }
  t.flops = lora ? loraFlops(t.parameters, trained, w.tokens, w.recompute)
                 : trainingFlops(w.model, w.tokens, w.recompute);
  t.flopsFormula = flopsFormula(w);
  t.peakFlops = gpu.denseFlops(w.precision);

  // The split: the workload's own, or the smallest TP (then PP) whose memory fits.
  const Parallelism& par = w.parallelism;
  Split split;
  split.cp = std::max(1, par.cp);
  int asked = 0;  ///< GPUs the workload names (its count, or an explicit split's product)
  if (!par.isAutomatic() && par.dp > 0) {
    asked = par.tp * std::max(1, par.pp) * split.cp * par.dp;
  } else if (w.gpus > 0) {
    asked = w.gpus;
  }
  const int gpus = asked > 0 ? asked : pool.gpus;
  if (!par.isAutomatic()) {
    split.tp = par.tp;
    split.pp = std::max(1, par.pp);
    split.dp = par.dp > 0 ? par.dp : std::max(1, gpus / (split.tp * split.pp * split.cp));
  } else {
    bool chosen = false;
    Split leanest;  // the feasible split with the least memory, when none fits
    double leanestBytes = -1.0;
    for (int pp : ppCandidates(w)) {
      for (int tp : tpCandidates(w, pool)) {
        if (tp * pp * split.cp > gpus) {
          continue;
        }
        const Split s{tp, pp, split.cp, gpus / (tp * pp * split.cp)};
        const double bytes = memoryPerGpu(w, s);
        if (bytes <= usable) {
          split = s;
          chosen = true;
          break;
        }
        if (leanestBytes < 0 || bytes < leanestBytes) {
          leanest = s;
          leanestBytes = bytes;
        }
      }
      if (chosen) {
        break;
      }
    }
    if (!chosen) {
      split = leanestBytes >= 0 ? leanest : Split{1, 1, split.cp, std::max(1, gpus / split.cp)};
    }
  }
  t.parallelism = par;
  t.parallelism.tp = split.tp;
  t.parallelism.pp = split.pp;
  t.parallelism.cp = split.cp;
  t.parallelism.dp = split.dp;
  // The GPUs the split uses (TP x PP x CP x DP): a remainder of the GPUs given that fills no
  // data-parallel replica idles, and everything the job does is timed on the GPUs it uses.
  const int used = split.gpus();
  t.gpus = used;
  t.memoryPerGpuBytes = memoryPerGpu(w, split, &t.modelStateBytesPerGpu, &t.activationBytesPerGpu);
  t.minGpusForMemory = minGpusForMemory(w, pool, a);

  // Time.
  t.mfu = w.mfu > 0 ? w.mfu : a.mfuFor(gpu.generation, used, &t.mfuSource);
  if (w.mfu > 0) {
    t.mfuSource = QStringLiteral("workload");
  }
  t.goodput = w.goodput > 0 ? w.goodput : a.goodput;
  t.seconds = trainingSeconds(t.flops, used, t.peakFlops, t.mfu, t.goodput);
  t.days = t.seconds / 86400.0;
  t.gpuHours = gpuHours(t.flops, t.peakFlops, t.mfu, t.goodput);
  t.gpuHoursPerMonth = w.kind == WorkloadKind::FineTuning ? t.gpuHours * w.runsPerMonth : 0.0;

  // Step and all-reduce: NVLink when the job stays in one domain, else the fabric per GPU.
  const double batchTokens = w.globalBatchTokens > 0 ? w.globalBatchTokens : a.globalBatchTokens;
  const double flopsPerToken = w.tokens > 0 ? t.flops / w.tokens : 0.0;
  t.stepSeconds = trainingSeconds(batchTokens * flopsPerToken, used, t.peakFlops, t.mfu, 1.0);
  const bool inDomain = used <= std::max(1, pool.scaleUpDomainGpus);
  // The catalog's scaleUpBandwidthGBps is NVIDIA's bidirectional total (H100: "18 NVLink
  // connections per GPU, 900 GB/s of bidirectional GPU-to-GPU bandwidth", 25 GB/s each way per
  // link; B200 1,800 GB/s); a ring all-reduce sends at the one-direction rate, half of it, as
  // the scale-out figure is per direction (node ports x link speed).
  const double commBps = inDomain ? gpu.scaleUpBandwidthBps / 2.0 : pool.scaleOutBpsPerGpu;
  t.allReduceSeconds =
      allReduceSeconds(trained, split.tp, split.pp, split.dp, par.zeroStage, commBps);
  t.commFraction = t.stepSeconds > 0 ? t.allReduceSeconds / t.stepSeconds : 0.0;

  // Checkpoints and reads.
  t.checkpointBytes = checkpointBytes(trained, a.checkpointBytesPerParam);
  t.checkpointWriteBps =
      checkpointWriteBps(t.checkpointBytes, t.stepSeconds, a.checkpointStallFraction);
  const double writeBps = pool.storageWriteBps > 0 ? pool.storageWriteBps : t.checkpointWriteBps;
  t.checkpointWriteSeconds = writeBps > 0 ? t.checkpointBytes / writeBps : 0.0;
  t.mtbfSeconds = jobMtbfSeconds(a.interruptionsPerGpuDay, used);
  t.checkpointIntervalSeconds = youngIntervalSeconds(t.checkpointWriteSeconds, t.mtbfSeconds);
  const int perNode = std::max(1, pool.gpusPerNode);
  t.dataReadBps = storageGuideline(a.storageTier, (used + perNode - 1) / perNode).readBps;

  // --- Checks and their findings ---------------------------------------------------------
  const QString who = fit.name;
  if (asked > pool.gpus) {
    addCheck(fit, FitResource::Gpus, QStringLiteral("GPUs asked"), asked, pool.gpus,
             QStringLiteral("GPU"));
    Finding& f = addFinding(
        findings, fit, pool, "fit.gpus-exceed-pool", Finding::Severity::Error,
        QStringLiteral("Workload '%1' asks for %2 GPUs (field: GPUs%3) but pool '%4' holds %5")
            .arg(who)
            .arg(asked)
            .arg(!par.isAutomatic() && par.dp > 0 ? QStringLiteral(" = TP x PP x CP x DP")
                                                  : QString())
            .arg(pool.name)
            .arg(pool.gpus));
    f.measured = findingFigure(asked, QStringLiteral("GPU"), QStringLiteral("GPUs asked"));
    f.limit = findingFigure(pool.gpus, QStringLiteral("GPU"), QStringLiteral("GPUs in the pool"));
  }
  const int group = split.tp * split.pp * split.cp;  ///< GPUs of one data-parallel replica
  if (used > gpus) {
    // An explicit split whose TP x PP x CP alone is more than the GPUs it is given.
    addCheck(fit, FitResource::Gpus, QStringLiteral("GPUs for the split"), used, gpus,
             QStringLiteral("GPU"));
    Finding& f = addFinding(
        findings, fit, pool, "fit.gpus-short", Finding::Severity::Error,
        QStringLiteral("Workload '%1' splits TP %2 x PP %3 x CP %4 = %5 GPUs (fields: tensor, "
                       "pipeline and context parallel) but has %6 (field: GPUs)")
            .arg(who)
            .arg(split.tp)
            .arg(split.pp)
            .arg(split.cp)
            .arg(used)
            .arg(gpus));
    f.measured = findingFigure(used, QStringLiteral("GPU"), QStringLiteral("TP x PP x CP"));
    f.limit = findingFigure(gpus, QStringLiteral("GPU"), QStringLiteral("GPUs given"));
  } else if (used < gpus) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.gpus-unused", Finding::Severity::Warning,
        QStringLiteral("Workload '%1' has %2 GPUs (%3), not a multiple of its TP %4 x PP %5 x "
                       "CP %6 = %7: DP %8 uses %9, and it is timed on those")
            .arg(who)
            .arg(gpus)
            .arg(asked > 0 ? QStringLiteral("field: GPUs")
                           : QStringLiteral("all of pool '%1'").arg(pool.name))
            .arg(split.tp)
            .arg(split.pp)
            .arg(split.cp)
            .arg(group)
            .arg(split.dp)
            .arg(used));
    f.measured = findingFigure(used, QStringLiteral("GPU"), QStringLiteral("GPUs the split uses"));
    f.limit = findingFigure(gpus, QStringLiteral("GPU"), QStringLiteral("GPUs given"));
  }
  // TP inside one NVLink domain: the tensor-parallel all-reduces of every layer need NVLink;
  // across domains they would cross the scale-out fabric, which the fit does not time.
  const int domain = std::max(1, pool.scaleUpDomainGpus);
  if (!par.isAutomatic()) {
    const ResourceCheck& tc = addCheck(fit, FitResource::Fabric,
                                       QStringLiteral("tensor parallel within one NVLink domain"),
                                       split.tp, domain, QStringLiteral("GPU"));
    if (tc.assessed && tc.margin < 0) {
      Finding& f = addFinding(
          findings, fit, pool, "fit.tp-beyond-nvlink", Finding::Severity::Error,
          QStringLiteral("Workload '%1' asks for tensor parallel %2 (field: tensor parallel), "
                         "more than the %3 GPUs of one NVLink domain of pool '%4'")
              .arg(who)
              .arg(split.tp)
              .arg(domain)
              .arg(pool.name));
      f.measured =
          findingFigure(split.tp, QStringLiteral("GPU"), QStringLiteral("tensor parallel"));
      f.limit =
          findingFigure(domain, QStringLiteral("GPU"), QStringLiteral("GPUs per NVLink domain"));
    }
  }
  const ResourceCheck& g =
      addCheck(fit, FitResource::Gpus, QStringLiteral("GPUs for memory"), t.minGpusForMemory, used,
               QStringLiteral("GPU"), t.minGpusForMemory > 0);
  const bool gpusShort = g.assessed && g.margin < 0;
  if (gpusShort) {
    Finding& f =
        addFinding(findings, fit, pool, "fit.gpus-short", Finding::Severity::Error,
                   QStringLiteral("Workload '%1' needs at least %2 %3 to hold its model states and "
                                  "activations in %4 usable per GPU, but runs on %5")
                       .arg(who)
                       .arg(t.minGpusForMemory)
                       .arg(gpu.model, bytesText(usable))
                       .arg(used));
    f.measured = findingFigure(used, QStringLiteral("GPU"), QStringLiteral("GPUs used"));
    f.limit = findingFigure(t.minGpusForMemory, QStringLiteral("GPU"),
                            QStringLiteral("fewest GPUs that hold the model"));
  }
  // Activations need layers, hidden size, heads and sequence length (Korthikanti 2022): without
  // them the memory is the model states alone, and says so.
  const bool activationsKnown = t.activationBytesPerGpu > 0;
  if (!activationsKnown) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.activations-unknown", Finding::Severity::Warning,
        QStringLiteral("Workload '%1' gives no architecture (fields: layers, hidden size, "
                       "attention heads and sequence length): its memory per GPU, %2, is the "
                       "model states only, without activations")
            .arg(who, bytesText(t.memoryPerGpuBytes)));
    f.measured =
        findingFigure(t.memoryPerGpuBytes, QStringLiteral("B"), QStringLiteral("model states"));
  }
  const ResourceCheck& m = addCheck(
      fit, FitResource::Memory,
      activationsKnown
          ? QStringLiteral("memory per GPU")
          : QStringLiteral("memory per GPU (model states only; activations need the architecture)"),
      t.memoryPerGpuBytes, usable, QStringLiteral("B"));
  if ((m.assessed && m.margin < 0 && !gpusShort) || t.minGpusForMemory == 0) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.memory-short", Finding::Severity::Error,
        QStringLiteral("Workload '%1' needs %2 per GPU (states %3 + activations %4) at TP %5, "
                       "PP %6, DP %7, above the %8 usable of a %9%10")
            .arg(who, bytesText(t.memoryPerGpuBytes), bytesText(t.modelStateBytesPerGpu),
                 bytesText(t.activationBytesPerGpu))
            .arg(split.tp)
            .arg(split.pp)
            .arg(split.dp)
            .arg(bytesText(usable), gpu.model,
                 t.minGpusForMemory == 0
                     ? QStringLiteral("; no split fits (fewer layers per stage, full "
                                      "recompute or a smaller micro-batch would)")
                     : QString()));
    f.measured =
        findingFigure(t.memoryPerGpuBytes, QStringLiteral("B"), QStringLiteral("memory per GPU"));
    f.limit = findingFigure(usable, QStringLiteral("B"), QStringLiteral("usable HBM per GPU"));
  }
  if (w.targetDays > 0) {
    const ResourceCheck& c = addCheck(fit, FitResource::Time, QStringLiteral("time to train"),
                                      t.days, w.targetDays, QStringLiteral("days"));
    if (c.assessed && c.margin < 0) {
      Finding& f =
          addFinding(findings, fit, pool, "fit.deadline-missed", Finding::Severity::Warning,
                     QStringLiteral("Workload '%1' takes %2 days on %3 GPUs at MFU %4, beyond "
                                    "its target of %5 days")
                         .arg(who, numberText(t.days, 1))
                         .arg(used)
                         .arg(numberText(t.mfu, 2), numberText(w.targetDays, 1)));
      f.measured = findingFigure(t.days, QStringLiteral("days"), QStringLiteral("time to train"));
      f.limit = findingFigure(w.targetDays, QStringLiteral("days"), QStringLiteral("target"));
    }
  }
  if (w.kind == WorkloadKind::FineTuning) {
    // The runs of a month must fit the GPU-hours a month holds on the GPUs the job uses.
    const double monthHours = used * a.hoursPerYear / 12.0;
    const ResourceCheck& c = addCheck(fit, FitResource::Time, QStringLiteral("GPU-hours per month"),
                                      t.gpuHoursPerMonth, monthHours, QStringLiteral("GPU-h"));
    if (c.assessed && c.margin < 0) {
      Finding& f = addFinding(
          findings, fit, pool, "fit.monthly-hours-short", Finding::Severity::Error,
          QStringLiteral("Workload '%1' needs %2 GPU-hours a month (%3 runs of %4), "
                         "more than the %5 its %6 GPUs give in a month")
              .arg(who, numberText(t.gpuHoursPerMonth),
                   numberText(w.runsPerMonth, w.runsPerMonth < 10 ? 1 : 0), numberText(t.gpuHours))
              .arg(numberText(monthHours))
              .arg(used));
      f.measured = findingFigure(t.gpuHoursPerMonth, QStringLiteral("GPU-h"),
                                 QStringLiteral("GPU-hours per month (runs per month x per run)"));
      f.limit = findingFigure(monthHours, QStringLiteral("GPU-h"),
                              QStringLiteral("GPUs x energy.hoursPerYear / 12"));
    }
  }
  const bool fabricAssessed = split.dp > 1 && commBps > 0;
  const ResourceCheck& c = addCheck(
      fit, FitResource::Fabric, QStringLiteral("all-reduce share of a step"),
      100.0 * t.commFraction, 100.0 * a.maxCommFraction, QStringLiteral("%"), fabricAssessed);
  if (c.assessed && c.margin < 0) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.fabric-bound", Finding::Severity::Warning,
        QStringLiteral("Workload '%1' spends %2 % of each %3 s step in the data-parallel "
                       "all-reduce at %4 per GPU%5, above the %6 % limit: the fabric sets its "
                       "pace")
            .arg(who, numberText(100.0 * t.commFraction, 0), numberText(t.stepSeconds, 2),
                 bandwidthText(commBps),
                 pool.fabricName.isEmpty() || inDomain
                     ? QString()
                     : QStringLiteral(" (fabric '%1')").arg(pool.fabricName),
                 numberText(100.0 * a.maxCommFraction, 0)));
    f.measured = findingFigure(100.0 * t.commFraction, QStringLiteral("%"),
                               QStringLiteral("all-reduce / step"));
    f.limit = findingFigure(100.0 * a.maxCommFraction, QStringLiteral("%"),
                            QStringLiteral("fit.maxCommFraction"));
  }
  const ResourceCheck& wc =
      addCheck(fit, FitResource::Storage, QStringLiteral("checkpoint write bandwidth"),
               t.checkpointWriteBps, pool.storageWriteBps, QStringLiteral("B/s"));
  if (wc.assessed && wc.margin < 0) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.checkpoint-storage-short", Finding::Severity::Warning,
        QStringLiteral("Workload '%1' writes %2 checkpoints that need %3 to stall under %4 % of "
                       "a %5 s step; the storage in the hall writes %6")
            .arg(who, bytesText(t.checkpointBytes), bandwidthText(t.checkpointWriteBps),
                 numberText(100.0 * a.checkpointStallFraction, 0), numberText(t.stepSeconds, 2),
                 bandwidthText(pool.storageWriteBps)));
    f.measured = findingFigure(t.checkpointWriteBps, QStringLiteral("B/s"),
                               QStringLiteral("checkpoint write needed"));
    f.limit = findingFigure(pool.storageWriteBps, QStringLiteral("B/s"),
                            QStringLiteral("storage write bandwidth placed"));
  }
  const ResourceCheck& rc =
      addCheck(fit, FitResource::Storage, QStringLiteral("dataloader read bandwidth"),
               t.dataReadBps, pool.storageReadBps, QStringLiteral("B/s"));
  if (rc.assessed && rc.margin < 0) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.read-storage-short", Finding::Severity::Warning,
        QStringLiteral("Workload '%1' on %2 nodes needs %3 of reads (SuperPOD '%4' guideline); "
                       "the storage in the hall reads %5")
            .arg(who)
            .arg((used + perNode - 1) / perNode)
            .arg(bandwidthText(t.dataReadBps), a.storageTier, bandwidthText(pool.storageReadBps)));
    f.measured =
        findingFigure(t.dataReadBps, QStringLiteral("B/s"), QStringLiteral("read guideline"));
    f.limit = findingFigure(pool.storageReadBps, QStringLiteral("B/s"),
                            QStringLiteral("storage read bandwidth placed"));
  }
  checkPower(fit, w, pool, a, findings);
}

}  // namespace dc::fit
