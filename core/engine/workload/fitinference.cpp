// SPDX-License-Identifier: GPL-3.0-or-later
// Inference against a pool: a replica inside the NVLink domain, the replicas the request rate
// needs within the latency targets, tiering over a small and a large model, and the cost per
// million output tokens (facts-fabric-workload.md §6-7, formulas.md §4.4).
#include "fitinternal.h"

#include <algorithm>
#include <cmath>

namespace dc::fit {

namespace {

ServingInput servingInput(const Workload& w, const TransformerShape& model,
                          const FitAssumptions& a) {
  ServingInput in;
  in.model = model;
  in.precision = w.precision;
  in.promptTokens = w.promptTokens;
  in.outputTokens = w.outputTokens;
  in.ttftTargetS = w.ttftTargetS;
  in.tpotTargetS = w.tpotTargetS;
  in.batching = w.batching;
  in.usableMemoryFraction = a.usableMemoryFraction;
  in.mbu = a.mbu;
  in.prefillMfu = a.prefillMfu;
  in.continuousBatchingGain = a.continuousBatchingGain;
  return in;
}

/// The replica for a rate: of the power-of-two sizes up to the NVLink domain that hold the
/// weights and one sequence and meet the latency targets, the one that serves the rate on the
/// fewest GPUs (replicaForRate; ties: more output tokens/s per GPU). At full load the largest
/// per-GPU throughput wins (bestReplica): Llama-2-70B FP8 on one H100 batches 9 sequences,
/// about 280 output tokens/s, a tenth of the 3,066 per GPU MLPerf Inference v4.1 measured on
/// 8 H100 (facts 6.3); at a low rate that replica is still the cheapest.
ServingReplica replicaFor(const ServingInput& in, const GpuFigures& gpu, int domain, double rate) {
  return replicaForRate(in, gpu, domain, rate);
}

int replicaCount(double requestsPerSecond, const ServingReplica& replica) {
  return replicasForRate(requestsPerSecond, replica);
}

/// Memory one replica needs at least: the weights and one full sequence's KV cache.
double leastReplicaBytes(const ServingInput& in) {
  const double kv = kvCacheBytesPerToken(in.model, in.precision) *
                    double(std::max(0, in.promptTokens) + std::max(0, in.outputTokens));
  return weightBytes(parameterCount(in.model), in.precision) + kv;
}

}  // namespace

void fitInference(WorkloadFit& fit, const Workload& w, const PoolSummary& pool,
                  const FitAssumptions& a, QList<Finding>& findings) {
  InferenceFit& inf = fit.inference;
  const GpuFigures& gpu = pool.gpu;
  const QString who = fit.name;
  const int domain = std::max(1, pool.scaleUpDomainGpus);
  const double usable = a.usableMemoryFraction * gpu.memoryBytes;
  const ServingInput in = servingInput(w, w.model, a);
  inf.parameters = parameterCount(w.model);
  inf.continuousBatchingGain = a.continuousBatchingGain;
  const double rate = w.requestsPerSecond;
  const double smallShare = w.smallModelShare > 0 ? w.smallModelShare : 0.0;
  inf.replica = replicaFor(in, gpu, domain, rate * (1.0 - smallShare));
  inf.tiered = w.smallModelShare > 0;

  // A replica must hold the weights and one sequence inside one NVLink domain.
  const auto checkReplicaMemory = [&](const ServingInput& input, const ServingReplica& replica,
                                      const QString& which) {
    const double need = leastReplicaBytes(input);
    // Against the whole NVLink domain: the replica itself is sized to fit, so its own memory
    // margin says nothing about the design.
    const double have = domain * usable;
    addCheck(fit, FitResource::Memory, which + QStringLiteral("model memory in one NVLink domain"),
             need, have, QStringLiteral("B"));
    if (replica.gpus == 0) {
      Finding& f = addFinding(
          findings, fit, pool, "fit.memory-short", Finding::Severity::Error,
          QStringLiteral("Workload '%1' needs %2 for the %3weights and one sequence's KV cache, "
                         "more than the %4 usable in one NVLink domain of %5 %6")
              .arg(who, bytesText(need), which, bytesText(domain * usable))
              .arg(domain)
              .arg(gpu.model));
      f.measured = findingFigure(need, QStringLiteral("B"), QStringLiteral("weights + KV cache"));
      f.limit = findingFigure(domain * usable, QStringLiteral("B"),
                              QStringLiteral("usable HBM of one NVLink domain"));
    }
  };
  checkReplicaMemory(in, inf.replica, QString());
  ServingInput small;
  if (inf.tiered) {
    small = servingInput(w, w.smallModel, a);
    inf.smallReplica = replicaFor(small, gpu, domain, rate * smallShare);
    checkReplicaMemory(small, inf.smallReplica, QStringLiteral("small model's "));
  }
  if (inf.replica.gpus == 0 || (inf.tiered && inf.smallReplica.gpus == 0)) {
    return;
  }
  // A replica that holds the model but serves no requests (no KV cache per token to size a
  // batch by) can never carry a positive rate: never a fit.
  const auto servesNothing = [&](const ServingReplica& replica, double share, const char* which) {
    if (rate * share <= 0 || replica.requestsPerSecond > 0) {
      return false;
    }
    fit.problem = QStringLiteral(
                      "Workload '%1': a %2-GPU replica of the %3model serves no requests (its KV "
                      "cache per token is %4 B: the layers, attention heads and hidden size or "
                      "head dimension are needed)")
                      .arg(who)
                      .arg(replica.gpus)
                      .arg(QString::fromLatin1(which))
                      .arg(replica.kvBytesPerToken);
    addFinding(findings, fit, pool, "fit.input-invalid", Finding::Severity::Error, fit.problem);
    return true;
  };
  if (servesNothing(inf.replica, 1.0 - (inf.tiered ? w.smallModelShare : 0.0), "") ||
      (inf.tiered && servesNothing(inf.smallReplica, w.smallModelShare, "small "))) {
    return;
  }

  // Replicas for the rate.
  if (inf.tiered) {
    const double smallRate = rate * w.smallModelShare;
    inf.smallReplicas = replicaCount(smallRate, inf.smallReplica);
    inf.largeReplicas = replicaCount(rate - smallRate, inf.replica);
    inf.replicas = inf.smallReplicas + inf.largeReplicas;
    inf.gpus = inf.smallReplicas * inf.smallReplica.gpus + inf.largeReplicas * inf.replica.gpus;
    inf.capacityTokensPerSecond = inf.smallReplicas * inf.smallReplica.tokensPerSecond +
                                  inf.largeReplicas * inf.replica.tokensPerSecond;
  } else {
    inf.replicas = replicaCount(rate, inf.replica);
    inf.largeReplicas = inf.replicas;
    inf.gpus = inf.replicas * inf.replica.gpus;
    inf.capacityTokensPerSecond = inf.replicas * inf.replica.tokensPerSecond;
  }
  inf.tokensPerSecond = rate * w.outputTokens;

  // Cost per million output tokens at the served rate.
  const double wattsPerGpu = (pool.maxPowerWPerGpu > 0 ? pool.maxPowerWPerGpu : gpu.maxPowerW) *
                             a.powerShare(WorkloadKind::Inference);
  const double pue = pool.pue > 0 ? pool.pue : a.pue;
  const double priceUsd = a.gpuPriceUsd(gpu.generation);  // fit.gpuPriceUsd.<generation>
  const auto costOn = [&](int gpus) {
    return tokenCost(inf.tokensPerSecond, gpus, wattsPerGpu, pue, a.priceUsdPerKwh, priceUsd,
                     a.amortisationYears, a.hoursPerYear);
  };
  inf.cost = costOn(inf.gpus);
  // The cost a fully loaded fleet reaches: what the hardware can do per token, apart from how
  // much of it the request rate keeps busy (replicas are whole).
  inf.costAtFullLoad = tokenCost(inf.capacityTokensPerSecond, inf.gpus, wattsPerGpu, pue,
                                 a.priceUsdPerKwh, priceUsd, a.amortisationYears, a.hoursPerYear);
  if (inf.tiered) {
    // Everything on the large model: its replica sized for the whole rate.
    const ServingReplica alone = replicaFor(in, gpu, domain, rate);
    const int untieredGpus = replicaCount(rate, alone) * alone.gpus;
    inf.untieredUsdPerMillion = costOn(untieredGpus).usdPerMillion;
    inf.tieringSavingPct = inf.untieredUsdPerMillion > 0
                               ? 100.0 * (1.0 - inf.cost.usdPerMillion / inf.untieredUsdPerMillion)
                               : 0.0;
  } else {
    inf.untieredUsdPerMillion = inf.cost.usdPerMillion;
  }

  // GPUs.
  const int available = w.gpus > 0 ? std::min(w.gpus, pool.gpus) : pool.gpus;
  if (w.gpus > pool.gpus) {
    addCheck(fit, FitResource::Gpus, QStringLiteral("GPUs asked"), w.gpus, pool.gpus,
             QStringLiteral("GPU"));
    Finding& f = addFinding(findings, fit, pool, "fit.gpus-exceed-pool", Finding::Severity::Error,
                            QStringLiteral("Workload '%1' asks for %2 GPUs (field: GPUs) but pool "
                                           "'%3' holds %4")
                                .arg(who)
                                .arg(w.gpus)
                                .arg(pool.name)
                                .arg(pool.gpus));
    f.measured = findingFigure(w.gpus, QStringLiteral("GPU"), QStringLiteral("GPUs asked"));
    f.limit = findingFigure(pool.gpus, QStringLiteral("GPU"), QStringLiteral("GPUs in the pool"));
  }
  const ResourceCheck g =
      addCheck(fit, FitResource::Gpus, QStringLiteral("GPUs for the request rate"), inf.gpus,
               available, QStringLiteral("GPU"), inf.replicas > 0);
  if (g.assessed && g.margin < 0) {
    Finding& f = addFinding(
        findings, fit, pool, "fit.gpus-short", Finding::Severity::Error,
        QStringLiteral("Workload '%1' needs %2 GPUs (%3 replicas) to serve %4 requests/s, but "
                       "has %5")
            .arg(who)
            .arg(inf.gpus)
            .arg(inf.replicas)
            .arg(numberText(rate, rate < 10 ? 2 : 0))
            .arg(available));
    f.measured = findingFigure(inf.gpus, QStringLiteral("GPU"), QStringLiteral("GPUs needed"));
    f.limit = findingFigure(available, QStringLiteral("GPU"), QStringLiteral("GPUs available"));
  }

  // Latency: the replica at its chosen batch against the targets.
  const auto checkLatency = [&](const ServingReplica& r, const QString& which) {
    const ResourceCheck ttft =
        addCheck(fit, FitResource::Latency, which + QStringLiteral("time to first token"), r.ttftS,
                 w.ttftTargetS, QStringLiteral("s"));
    const ResourceCheck tpot =
        addCheck(fit, FitResource::Latency, which + QStringLiteral("time per output token"),
                 r.tpotS, w.tpotTargetS, QStringLiteral("s"));
    for (const ResourceCheck* c : {&ttft, &tpot}) {
      if (c->assessed && c->margin < 0) {
        Finding& f = addFinding(
            findings, fit, pool, "fit.latency-missed", Finding::Severity::Warning,
            QStringLiteral("Workload '%1': the %2%3 is %4 ms on a %5-GPU replica, above the "
                           "%6 ms target")
                .arg(who, which, c->what.mid(which.size()), numberText(1000.0 * c->required, 0))
                .arg(r.gpus)
                .arg(numberText(1000.0 * c->available, 0)));
        f.measured = findingFigure(c->required, QStringLiteral("s"), c->what);
        f.limit = findingFigure(c->available, QStringLiteral("s"), QStringLiteral("target"));
      }
    }
  };
  checkLatency(inf.replica, QString());
  if (inf.tiered) {
    checkLatency(inf.smallReplica, QStringLiteral("small model's "));
  }
  checkPower(fit, w, pool, a, findings);
}

}  // namespace dc::fit
