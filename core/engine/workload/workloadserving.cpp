// SPDX-License-Identifier: GPL-3.0-or-later
// Inference serving (facts-fabric-workload.md §6): a first-order roofline of one replica and the
// cost of its tokens. Decode reads the weights and the batch's KV cache once per step (memory
// bound) unless the batch's 2N FLOPs per token take longer (compute bound); prefill is compute
// bound. No speculative decoding, no prefill/decode disaggregation, no communication time.
#include "workloadmath.h"

#include <QList>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc::fit {

namespace {

bool positive(double x) {
  return std::isfinite(x) && x > 0.0;
}

/// Everything sizeReplicaOn() needs besides the GPU count; false when it cannot size at all.
struct ServingTerms {
  double parameters = 0.0;
  double peakFlops = 0.0;
  double weights = 0.0;
  double kvPerToken = 0.0;
};

bool servingTerms(const ServingInput& in, const GpuFigures& gpu, ServingTerms* t) {
  t->parameters = parameterCount(in.model);
  t->peakFlops = gpu.denseFlops(in.precision);
  t->weights = weightBytes(t->parameters, in.precision);
  t->kvPerToken = kvCacheBytesPerToken(in.model, in.precision);
  return positive(t->parameters) && positive(t->peakFlops) && positive(gpu.memoryBytes) &&
         positive(gpu.memoryBandwidthBps) && positive(in.usableMemoryFraction) &&
         positive(in.mbu) && positive(in.prefillMfu);
}

/// Replica sizes to try: powers of two up to the NVLink domain that split whole KV heads
/// (tensor parallelism shards the KV cache by head).
QList<int> replicaSizes(const TransformerShape& shape, int domainGpus) {
  const int kvHeads = shape.kvHeads > 0 ? shape.kvHeads : shape.heads;
  QList<int> sizes;
  for (int g = 1; g <= domainGpus && (kvHeads <= 0 || kvHeads % g == 0);) {
    sizes.append(g);
    if (g > domainGpus / 2) {
      break;  // the next doubling would pass the domain (and never overflows)
    }
    g *= 2;
  }
  return sizes;
}

}  // namespace

ServingReplica sizeReplicaOn(const ServingInput& in, const GpuFigures& gpu, int gpus) {
  ServingReplica r;
  ServingTerms t;
  if (gpus <= 0 || !servingTerms(in, gpu, &t)) {
    return r;
  }
  const double g = gpus;
  const int prompt = std::max(0, in.promptTokens);
  const int output = std::max(0, in.outputTokens);
  r.weightsBytes = t.weights;
  r.kvBytesPerToken = t.kvPerToken;
  r.kvBytesPerSequence = t.kvPerToken * (prompt + output);
  const double usable = g * gpu.memoryBytes * in.usableMemoryFraction;
  if (usable < t.weights + r.kvBytesPerSequence) {
    return r;  // not even one sequence fits
  }
  r.gpus = gpus;
  const double computeFlops = g * t.peakFlops * in.prefillMfu;  // FLOP/s the replica runs at
  const double memoryBps = g * gpu.memoryBandwidthBps * in.mbu;
  r.ttftS = 2.0 * t.parameters * prompt / computeFlops;
  r.meetsTtft = in.ttftTargetS <= 0.0 || r.ttftS <= in.ttftTargetS;
  if (output == 0 || r.kvBytesPerSequence <= 0.0) {
    return r;  // nothing to decode, or no architecture for the KV cache: no batch to size
  }
  // Memory: whole sequences (prompt + output) of KV beside the weights.
  const double room = std::floor((usable - t.weights) / r.kvBytesPerSequence);
  r.maxSequences = int(std::clamp(room, 1.0, double(std::numeric_limits<int>::max() / 2)));
  // TPOT(b) = max(A + B b, C b): weights plus the batch's KV at mid-output per step, or the
  // batch's 2N FLOPs per token.
  const double a = t.weights / memoryBps;
  const double bw = t.kvPerToken * (prompt + output / 2.0) / memoryBps;
  const double c = 2.0 * t.parameters / computeFlops;
  const auto tpot = [&](double batch) {
    return std::max(a + bw * batch, c * batch);
  };
  int batch = r.maxSequences;
  r.limit = QStringLiteral("memory");
  if (in.tpotTargetS > 0.0 && tpot(batch) > in.tpotTargetS) {
    if (tpot(1) > in.tpotTargetS) {
      batch = 1;
      r.limit = QStringLiteral("latency");  // even one sequence misses the target
    } else {
      const double byBandwidth = (in.tpotTargetS - a) / bw;
      const double byCompute = in.tpotTargetS / c;
      batch = int(
          std::clamp(std::floor(std::min(byBandwidth, byCompute)), 1.0, double(r.maxSequences)));
      while (batch > 1 && tpot(batch) > in.tpotTargetS) {
        --batch;  // floating-point edge of the closed form
      }
      r.limit = byBandwidth <= byCompute ? QStringLiteral("bandwidth") : QStringLiteral("compute");
    }
  }
  r.batch = batch;
  r.tpotS = tpot(batch);
  r.meetsTpot = in.tpotTargetS <= 0.0 || r.tpotS <= in.tpotTargetS;
  // Each request holds the replica for its prefill alone and shares the decode steps with the
  // batch: r = 1 / (TTFT + output x TPOT / batch). Static batches waste the slots of finished
  // sequences: the continuous-batching gain (vLLM 2-4x) divides it.
  double requests = 1.0 / (r.ttftS + output * r.tpotS / batch);
  if (in.batching == Batching::Static && positive(in.continuousBatchingGain)) {
    requests /= in.continuousBatchingGain;
  }
  r.requestsPerSecond = requests;
  r.tokensPerSecond = requests * output;
  return r;
}

ServingReplica sizeReplica(const ServingInput& input, const GpuFigures& gpu, int domainGpus) {
  ServingReplica last;  // none fits: the largest tried, gpus 0, with its weights and KV sizes
  for (int g : replicaSizes(input.model, domainGpus)) {
    last = sizeReplicaOn(input, gpu, g);
    if (last.gpus > 0) {
      break;
    }
  }
  return last;
}

ServingReplica bestReplica(const ServingInput& input, const GpuFigures& gpu, int domainGpus) {
  ServingReplica best;
  double bestPerGpu = 0.0;
  for (int g : replicaSizes(input.model, domainGpus)) {
    const ServingReplica r = sizeReplicaOn(input, gpu, g);
    const bool meets = r.meetsTtft && r.meetsTpot;
    const bool bestMeets = best.meetsTtft && best.meetsTpot;
    const double perGpu = r.gpus > 0 ? r.tokensPerSecond / g : 0.0;
    // Fitting first, then meeting the targets, then tokens/s per GPU; a tie (within 0.1 %)
    // keeps the smaller replica.
    if (best.gpus == 0 || (r.gpus > 0 && ((meets && !bestMeets) ||
                                          (meets == bestMeets && perGpu > bestPerGpu * 1.001)))) {
      best = r;
      bestPerGpu = perGpu;
    }
  }
  return best;
}

int replicasForRate(double requestsPerSecond, const ServingReplica& replica) {
  if (!(requestsPerSecond > 0)) {
    return replica.gpus > 0 ? 1 : 0;  // a service with no load still runs one replica
  }
  if (!positive(replica.requestsPerSecond)) {
    return 0;
  }
  // A hair below a whole number is that number (rates that divide exactly).
  const double n = std::ceil(requestsPerSecond / replica.requestsPerSecond - 1e-9);
  return int(std::clamp(n, 1.0, double(std::numeric_limits<int>::max() / 1024)));
}

ServingReplica replicaForRate(const ServingInput& input, const GpuFigures& gpu, int domainGpus,
                              double requestsPerSecond) {
  if (!(requestsPerSecond > 0)) {
    return bestReplica(input, gpu, domainGpus);
  }
  ServingReplica best;
  long long bestGpus = 0;
  double bestPerGpu = 0.0;
  for (int g : replicaSizes(input.model, domainGpus)) {
    const ServingReplica r = sizeReplicaOn(input, gpu, g);
    if (r.gpus == 0 || !r.meetsTtft || !r.meetsTpot || !positive(r.requestsPerSecond)) {
      continue;
    }
    const long long total = 1LL * replicasForRate(requestsPerSecond, r) * g;
    const double perGpu = r.tokensPerSecond / g;
    // Fewest GPUs for the rate; a tie (same count) keeps the more tokens/s per GPU (within
    // 0.1 %: else the smaller, found first).
    if (best.gpus == 0 || total < bestGpus || (total == bestGpus && perGpu > bestPerGpu * 1.001)) {
      best = r;
      bestGpus = total;
      bestPerGpu = perGpu;
    }
  }
  return best.gpus > 0 ? best : bestReplica(input, gpu, domainGpus);
}

TokenCost tokenCost(double tokensPerSecond, int gpus, double wattsPerGpu, double pue,
                    double priceUsdPerKwh, double priceUsdPerGpu, double amortisationYears,
                    double hoursPerYear) {
  TokenCost c;
  if (!positive(tokensPerSecond) || gpus <= 0) {
    return c;
  }
  const double secondsPerMillion = 1e6 / tokensPerSecond;
  if (positive(wattsPerGpu) && positive(pue)) {
    const double facilityW = gpus * wattsPerGpu * pue;
    c.joulesPerToken = facilityW / tokensPerSecond;
    const double usdPerSecond = facilityW / 1000.0 * std::max(0.0, priceUsdPerKwh) / 3600.0;
    c.energyUsdPerMillion = usdPerSecond * secondsPerMillion;
  }
  if (positive(priceUsdPerGpu) && positive(amortisationYears) && positive(hoursPerYear)) {
    // Straight-line over the amortisation life (facts-fabric-workload.md §7.2).
    const double usdPerSecond = gpus * priceUsdPerGpu / (amortisationYears * hoursPerYear * 3600.0);
    c.hardwareUsdPerMillion = usdPerSecond * secondsPerMillion;
  }
  c.usdPerMillion = c.energyUsdPerMillion + c.hardwareUsdPerMillion;
  return c;
}

}  // namespace dc::fit
