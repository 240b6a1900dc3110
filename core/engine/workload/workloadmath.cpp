// SPDX-License-Identifier: GPL-3.0-or-later
// The training formulas of workload fit (formulas.md §4.1-4.5). Every function returns 0 for
// inputs it cannot use (zero or negative counts, a missing architecture field), never NaN or
// infinity: the fit pass reports the bad input, these only compute.
#include "workloadmath.h"

#include <algorithm>
#include <cmath>

namespace dc::fit {

namespace {

/// Positive and finite: a usable factor.
bool positive(double x) {
  return std::isfinite(x) && x > 0.0;
}

/// The FFN width the formulas use: the shape's, else 4 h (the GPT default Megatron assumes).
double ffnOf(const TransformerShape& shape) {
  return shape.ffnSize > 0 ? double(shape.ffnSize) : 4.0 * double(shape.hiddenSize);
}

}  // namespace

double GpuFigures::denseFlops(Precision precision) const {
  switch (precision) {
    case Precision::BF16:
    case Precision::INT4:  // W4A16: 4-bit weights, BF16 math
      return bf16DenseFlops;
    case Precision::FP8:
      return fp8DenseFlops;
    case Precision::FP4:
      return fp4DenseFlops;
  }
  return 0.0;
}

// --- Sizes -------------------------------------------------------------------------------

double megatronParameters(const TransformerShape& shape) {
  const double l = shape.layers;
  const double h = shape.hiddenSize;
  const double v = shape.vocabSize;
  const double s = shape.sequenceLength;
  if (!positive(l) || !positive(h) || !positive(v) || !positive(s)) {
    return 0.0;
  }
  // Narayanan et al. 2021 §5.1: P = 12 l h² (1 + 13/(12h) + (V + s)/(12 l h)), with d_ff = 4h
  // and learned position embeddings (the s term).
  return 12.0 * l * h * h * (1.0 + 13.0 / (12.0 * h) + (v + s) / (12.0 * l * h));
}

bool hasNonMegatronShape(const TransformerShape& shape) {
  const bool ffn = shape.ffnSize > 0 && shape.ffnSize != 4 * shape.hiddenSize;
  const bool gqa = shape.kvHeads > 0 && shape.kvHeads != shape.heads;
  const bool headDim =
      shape.headDim > 0 && shape.heads > 0 && 1LL * shape.headDim * shape.heads != shape.hiddenSize;
  return ffn || gqa || headDim;
}

double shapeParameters(const TransformerShape& shape) {
  if (!shape.hasArchitecture()) {
    return 0.0;
  }
  const double l = shape.layers;
  const double h = shape.hiddenSize;
  const double heads = shape.heads;
  const double kv = shape.kvHeads > 0 ? shape.kvHeads : heads;
  const double d = shape.headDim > 0 ? double(shape.headDim) : h / heads;
  // Attention: W_q and W_o (h x heads d each), W_k and W_v (h x kv d each, shared by the query
  // heads of a group under GQA). FFN: a width other than 4h is taken for a gated FFN (SwiGLU:
  // gate, up and down, 3 h d_ff, as in Llama, Mistral and Qwen); 4h keeps the GPT FFN, 2 h d_ff.
  // Untied input and output embeddings, 2 V h. No biases; norms (2h per layer) are left out
  // (1e-5 of a 70 B model). Llama-3-70B: 80 x (151.0 M + 704.6 M) + 2.10 B = 70.55 B.
  const double attention = 2.0 * h * heads * d + 2.0 * h * kv * d;
  const bool gated = shape.ffnSize > 0 && shape.ffnSize != 4 * shape.hiddenSize;
  const double ffn = (gated ? 3.0 : 2.0) * h * ffnOf(shape);
  const double embeddings = 2.0 * std::max(0, shape.vocabSize) * h;
  return l * (attention + ffn) + embeddings;
}

double parameterCount(const TransformerShape& shape) {
  if (positive(shape.parameters)) {
    return shape.parameters;
  }
  if (!shape.hasArchitecture()) {
    return 0.0;
  }
  return hasNonMegatronShape(shape) ? shapeParameters(shape) : megatronParameters(shape);
}

double bytesPerWeight(Precision precision) {
  switch (precision) {
    case Precision::BF16:
      return 2.0;
    case Precision::FP8:
      return 1.0;
    case Precision::FP4:
    case Precision::INT4:
      return 0.5;
  }
  return 0.0;
}

double bytesPerKvElement(Precision precision) {
  switch (precision) {
    case Precision::BF16:
    case Precision::INT4:  // W4A16 keeps a 16-bit KV cache
      return 2.0;
    case Precision::FP8:
    case Precision::FP4:  // FP4 weights with an FP8 KV cache (TensorRT-LLM's NVFP4 recipes)
      return 1.0;
  }
  return 0.0;
}

// --- Training compute --------------------------------------------------------------------

double trainingFlopsSimple(double parameters, double tokens, RecomputeMode recompute) {
  if (!positive(parameters) || !positive(tokens)) {
    return 0.0;
  }
  // 2ND forward + 4ND backward (Kaplan 2020); full recompute repeats the forward: 8ND
  // (Narayanan 2021 Eq. 4). Selective recompute (attention only) is a few per cent: kept 6ND.
  const double perTokenParameter = recompute == RecomputeMode::Full ? 8.0 : 6.0;
  return perTokenParameter * parameters * tokens;
}

double megatronFlopsPerIteration(const TransformerShape& shape, double batchSequences,
                                 RecomputeMode recompute) {
  const double l = shape.layers;
  const double h = shape.hiddenSize;
  const double s = shape.sequenceLength;
  const double v = std::max(0, shape.vocabSize);  // no vocabulary: no logit-layer term
  if (!positive(l) || !positive(h) || !positive(s) || !positive(batchSequences)) {
    return 0.0;
  }
  const double core = batchSequences * s * l * h * h;
  switch (recompute) {
    case RecomputeMode::Full:  // Narayanan 2021 Eq. 3
      return 96.0 * core * (1.0 + s / (6.0 * h) + v / (16.0 * l * h));
    case RecomputeMode::Selective:  // Korthikanti 2022 §6: attention scores recomputed
      return 72.0 * core * (1.0 + s / (3.0 * h) + v / (12.0 * l * h));
    case RecomputeMode::None:  // Korthikanti 2022 Eq. 7 (model FLOPs)
      return 72.0 * core * (1.0 + s / (6.0 * h) + v / (12.0 * l * h));
  }
  return 0.0;
}

double trainingFlops(const TransformerShape& shape, double tokens, RecomputeMode recompute) {
  if (!positive(tokens)) {
    return 0.0;
  }
  const double n = parameterCount(shape);
  if (!shape.hasArchitecture() || shape.sequenceLength <= 0 || !positive(n)) {
    return trainingFlopsSimple(n, tokens, recompute);
  }
  // Megatron's formula split into its two parts (Narayanan 2021 Eq. 3, Korthikanti 2022
  // Eq. 7): the matrix multiplies, 6 (8 with full recompute) x N per token, and the attention
  // scores, which no parameter counts: 12 s l h per token (72 B s l h^2 x s/(6h) / (B s)),
  // doubled by selective recompute (s/(3h)) and 16 s l h with full recompute (96 x s/(6h)).
  // With N = megatronParameters() this is Megatron's formula to within its 13/(12h) and s
  // terms; with the workload's own N, or shapeParameters() for a gated FFN or grouped-query
  // attention (whose weights Megatron's 12 l h^2 miscounts: Llama-3-70B 65.5 B instead of the
  // published 70.6 B), it holds for those too.
  const double attention = recompute == RecomputeMode::Full        ? 16.0
                           : recompute == RecomputeMode::Selective ? 24.0
                                                                   : 12.0;
  const double perToken =
      (recompute == RecomputeMode::Full ? 8.0 : 6.0) * n +
      attention * double(shape.sequenceLength) * shape.layers * double(shape.hiddenSize);
  return perToken * tokens;
}

double loraFlops(double parameters, double adapterParameters, double tokens,
                 RecomputeMode recompute) {
  if (!positive(parameters) || !positive(tokens)) {
    return 0.0;
  }
  // Frozen weights: forward 2ND + activation gradients 2ND (no weight gradients); adapters the
  // full 6. Full recompute adds one more forward of both (2ND, 2 x adapters x D).
  const bool full = recompute == RecomputeMode::Full;
  const double adapters = positive(adapterParameters) ? adapterParameters : 0.0;
  return ((full ? 6.0 : 4.0) * parameters + (full ? 8.0 : 6.0) * adapters) * tokens;
}

double loraAdapterParameters(const TransformerShape& shape, int rank) {
  if (rank <= 0 || shape.layers <= 0 || shape.hiddenSize <= 0) {
    return 0.0;
  }
  // Hu et al. 2021: A (h x r) and B (r x h) on each of W_q, W_k, W_v, W_o.
  return 8.0 * rank * double(shape.hiddenSize) * shape.layers;
}

double trainingSeconds(double flops, int gpus, double peakFlops, double mfu, double goodput) {
  if (!positive(flops) || gpus <= 0 || !positive(peakFlops) || !positive(mfu) ||
      !positive(goodput)) {
    return 0.0;
  }
  return flops / (double(gpus) * peakFlops * mfu * goodput);
}

double gpuHours(double flops, double peakFlops, double mfu, double goodput) {
  return trainingSeconds(flops, 1, peakFlops, mfu, goodput) / 3600.0;
}

// --- Training memory ---------------------------------------------------------------------

double modelStateBytes(double parameters) {
  return positive(parameters) ? 16.0 * parameters : 0.0;
}

double modelStateBytesPerGpu(double parameters, int tp, int pp, int dp, int zeroStage) {
  if (!positive(parameters) || tp <= 0 || pp <= 0 || dp <= 0) {
    return 0.0;
  }
  // ZeRO §3.2 / §5: weights 2, gradients 2, optimizer (fp32 master, m, v) 12 bytes per
  // parameter; stage 1 shards the optimizer over DP, 2 also the gradients, 3 also the weights.
  const double shard = parameters / (double(tp) * pp);
  const double weights = 2.0 * shard / (zeroStage >= 3 ? dp : 1);
  const double gradients = 2.0 * shard / (zeroStage >= 2 ? dp : 1);
  const double optimizer = 12.0 * shard / (zeroStage >= 1 ? dp : 1);
  return weights + gradients + optimizer;
}

namespace {

/// Korthikanti 2022 Table 2 with sequence parallelism (every term / t), in the d_ff form: the
/// local sequence `sLocal` (s / cp) holds its share of the linear terms and of the attention
/// scores, which span the whole sequence `sFull`.
double layerActivationBytes(const TransformerShape& shape, double sLocal, double sFull,
                            int microBatch, int tp, RecomputeMode recompute) {
  const double h = shape.hiddenSize;
  const double a = shape.heads;
  if (!positive(h) || !positive(a) || !positive(sLocal) || microBatch <= 0 || tp <= 0) {
    return 0.0;
  }
  const double b = microBatch;
  switch (recompute) {
    case RecomputeMode::Full:  // only the layer input: 2 s b h
      return 2.0 * sLocal * b * h;
    case RecomputeMode::Selective:  // 34 s b h / t (d_ff form s b (18h + 4 d_ff) / t)
      return sLocal * b * (18.0 * h + 4.0 * ffnOf(shape)) / tp;
    case RecomputeMode::None:  // s b h (34 + 5 a s / h) / t
      return sLocal * b * (18.0 * h + 4.0 * ffnOf(shape) + 5.0 * a * sFull) / tp;
  }
  return 0.0;
}

}  // namespace

double activationBytesPerLayer(const TransformerShape& shape, int microBatch, int tp,
                               RecomputeMode recompute) {
  const double s = shape.sequenceLength;
  return layerActivationBytes(shape, s, s, microBatch, tp, recompute);
}

double activationBytesPerGpu(const TransformerShape& shape, int microBatch, int tp, int pp, int cp,
                             RecomputeMode recompute) {
  if (shape.layers <= 0 || pp <= 0 || cp <= 0) {
    return 0.0;
  }
  const double s = shape.sequenceLength;
  const double perLayer = layerActivationBytes(shape, s / cp, s, microBatch, tp, recompute);
  // 1F1B: the first stage has pp micro-batches in flight, each with its ceil(l / pp) layers
  // (Korthikanti 2022 §4.2.3); the global batch is assumed to hold at least pp micro-batches.
  const int layersPerStage = (shape.layers + pp - 1) / pp;
  return double(layersPerStage) * pp * perLayer;
}

// --- Inference memory --------------------------------------------------------------------

double weightBytes(double parameters, Precision precision) {
  return positive(parameters) ? parameters * bytesPerWeight(precision) : 0.0;
}

double kvCacheBytesPerToken(const TransformerShape& shape, Precision precision) {
  if (shape.layers <= 0 || shape.heads <= 0) {
    return 0.0;
  }
  const double kvHeads = shape.kvHeads > 0 ? shape.kvHeads : shape.heads;
  const double headDim =
      shape.headDim > 0 ? double(shape.headDim) : double(shape.hiddenSize) / shape.heads;
  if (!positive(headDim)) {
    return 0.0;
  }
  // K and V for every layer and KV head (GQA shares them across query heads).
  return 2.0 * shape.layers * kvHeads * headDim * bytesPerKvElement(precision);
}

// --- Checkpoints and storage -------------------------------------------------------------

double checkpointBytes(double parameters, double bytesPerParameter) {
  return positive(parameters) && positive(bytesPerParameter) ? parameters * bytesPerParameter : 0.0;
}

double checkpointWriteBps(double checkpointBytes, double stepSeconds, double stallFraction) {
  if (!positive(checkpointBytes) || !positive(stepSeconds) || !positive(stallFraction)) {
    return 0.0;
  }
  return checkpointBytes / (stallFraction * stepSeconds);
}

double youngIntervalSeconds(double writeSeconds, double mtbfSeconds) {
  if (!positive(writeSeconds) || !positive(mtbfSeconds)) {
    return 0.0;
  }
  return std::sqrt(2.0 * writeSeconds * mtbfSeconds);  // Young 1974, first order
}

double jobMtbfSeconds(double interruptionsPerGpuDay, int gpus) {
  if (!positive(interruptionsPerGpuDay) || gpus <= 0) {
    return 0.0;
  }
  return 86400.0 / (interruptionsPerGpuDay * gpus);
}

StorageGuideline storageGuideline(const QString& tier, int nodes) {
  // SP-H100 RA Table 6 (GB/s): single node, one SU (32 nodes), four SU (128 nodes).
  struct Row {
    const char* tier;
    double nodeRead, nodeWrite, suRead, suWrite, su4Read, su4Write;
  };
  static constexpr Row kRows[] = {
      {"good", 4, 2, 15, 7, 60, 30},
      {"better", 8, 4, 40, 20, 160, 80},
      {"best", 40, 20, 125, 62, 500, 250},
  };
  const Row* row = nullptr;
  for (const Row& r : kRows) {
    if (tier.compare(QLatin1String(r.tier), Qt::CaseInsensitive) == 0) {
      row = &r;
    }
  }
  if (row == nullptr || nodes <= 0) {
    return {};
  }
  // Between the table's points, the smallest monotone reading that meets each exactly: up to
  // one SU, n nodes' own need capped at the SU aggregate; from one to four SU, linear in nodes;
  // beyond four SU, the four-SU figure per 128 nodes.
  const double n = nodes;
  constexpr double kGBps = 1e9;
  const auto at = [&](double node, double su, double su4) {
    if (n <= 32.0) {
      return std::min(n * node, su);
    }
    if (n <= 128.0) {
      return su + (su4 - su) * (n - 32.0) / 96.0;
    }
    return su4 * n / 128.0;
  };
  return {at(row->nodeRead, row->suRead, row->su4Read) * kGBps,
          at(row->nodeWrite, row->suWrite, row->su4Write) * kGBps};
}

// --- Communication -----------------------------------------------------------------------

double allReduceSeconds(double parameters, int tp, int pp, int dp, int zeroStage,
                        double bandwidthPerGpuBps) {
  if (!positive(parameters) || tp <= 0 || pp <= 0 || dp <= 1 || !positive(bandwidthPerGpuBps)) {
    return 0.0;
  }
  // Ring all-reduce moves 2 (n - 1) / n of the buffer per rank (Patarasuk & Yuan 2009); BF16
  // gradients of this rank's TP x PP shard. ZeRO-3 adds a parameter all-gather: 1.5x (ZeRO §7).
  const double gradientBytes = 2.0 * parameters / (double(tp) * pp);
  const double volume = 2.0 * (dp - 1.0) / dp * gradientBytes * (zeroStage >= 3 ? 1.5 : 1.0);
  return volume / bandwidthPerGpuBps;
}

}  // namespace dc::fit
