// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workload.h"

#include <QString>

/// The formulas of workload fit, one function each, pure and unit-named (formulas.md §4,
/// facts-fabric-workload.md §5-8). The fit pass composes them; tests check each against the
/// published reference cases (reference-cases.md 25, 26, 31, 36, 37, 38, 43).
namespace dc::fit {

/// What one GPU offers, from the catalog (never a literal): dense peaks per precision (0 when
/// the catalog gives none, i.e. the GPU cannot run it), memory and its bandwidth.
struct GpuFigures {
  QString catalogId;            ///< "nvidia/h100-sxm"
  QString model;                ///< "H100 SXM"
  QString generation;           ///< "ampere", "hopper", "blackwell", "other": picks the MFU default
  double bf16DenseFlops = 0.0;  ///< FLOP/s
  double fp8DenseFlops = 0.0;
  double fp4DenseFlops = 0.0;
  double memoryBytes = 0.0;          ///< HBM per GPU (planning capacity where NVIDIA's differ)
  double memoryBandwidthBps = 0.0;   ///< bytes/s
  double scaleUpBandwidthBps = 0.0;  ///< NVLink / Infinity Fabric per GPU, bytes/s
  double maxPowerW = 0.0;            ///< TDP, 0 when not published
  /// The dense peak the precision's math runs at (INT4 is weight-only: BF16 math); 0 when the
  /// GPU has no such math.
  double denseFlops(Precision precision) const;
};

// --- Sizes -------------------------------------------------------------------------------

/// Megatron's parameter count (Narayanan 2021): 12 l h² (1 + 13/(12h) + (V + s)/(12 l h)).
/// Case 25(a). Needs layers, hidden, vocab and sequence; uses ffn = 4h.
double megatronParameters(const TransformerShape& shape);
/// True when the shape is not Megatron's GPT: an FFN width other than 4h, KV heads other than
/// the heads (grouped-query attention), or a head dimension other than h / heads.
bool hasNonMegatronShape(const TransformerShape& shape);
/// Parameters counted from the shape, per layer attention 2 h heads d + 2 h kv d (d the head
/// dimension, default h / heads: 2h² + 2 h kv d) and FFN 3 h d_ff when d_ff != 4h (the heuristic:
/// a width other than 4h means a gated FFN, SwiGLU as in Llama, Mistral, Qwen; else 2 h d_ff),
/// plus untied embeddings 2 V h. Llama-3-70B 70.55 B, Llama-2-7B 6.74 B (model cards).
double shapeParameters(const TransformerShape& shape);
/// Parameters as given; else, with the architecture, shapeParameters() for a non-Megatron shape
/// (hasNonMegatronShape) and megatronParameters() otherwise (case 25); else 0.
double parameterCount(const TransformerShape& shape);
/// Bytes per weight: BF16 2, FP8 1, FP4 0.5, INT4 0.5.
double bytesPerWeight(Precision precision);
/// Bytes per KV-cache element: 2 for BF16 and INT4 (W4A16), 1 for FP8 and FP4.
double bytesPerKvElement(Precision precision);

// --- Training compute (formulas.md 4.1) ---------------------------------------------------

/// 6 N D; 8 N D with full recompute (Narayanan 2021 Eq. 4). Case 26.
double trainingFlopsSimple(double parameters, double tokens, RecomputeMode recompute);
/// Megatron per-iteration FLOPs for batch B sequences of s tokens (Narayanan 2021 Eq. 3, full
/// recompute): 96 B s l h² (1 + s/(6h) + V/(16 l h)); without recompute 72 B s l h² (...)
/// (Korthikanti 2022 Eq. 7: 1 + s/(6h) + V/(12 l h)); selective adds the attention recompute
/// (1 + s/(3h) + V/(12 l h)). Case 25 (102.6 s per iteration of the 1 T row).
double megatronFlopsPerIteration(const TransformerShape& shape, double batchSequences,
                                 RecomputeMode recompute);
/// FLOPs of a whole run: Megatron's formula when the architecture is given (tokens / s
/// iterations of one sequence each, summed), else trainingFlopsSimple().
double trainingFlops(const TransformerShape& shape, double tokens, RecomputeMode recompute);
/// FLOPs of one LoRA fine-tuning pass over `tokens`: the frozen weights see the forward and
/// the activation-gradient half of the backward (4 N D), plus 6 x adapter parameters x D.
double loraFlops(double parameters, double adapterParameters, double tokens,
                 RecomputeMode recompute);
/// LoRA adapter parameters on the four attention projections: 8 r h per layer (A: h x r and
/// B: r x h on each of q, k, v, o). 0 without layers and hidden size.
double loraAdapterParameters(const TransformerShape& shape, int rank);

/// Seconds to train: flops / (gpus x peak x mfu x goodput).
double trainingSeconds(double flops, int gpus, double peakFlops, double mfu, double goodput);
/// GPU-hours: flops / (peak x mfu x 3600 x goodput). Case 31 (Llama 2).
double gpuHours(double flops, double peakFlops, double mfu, double goodput);

// --- Training memory (formulas.md 4.3) ------------------------------------------------------

/// Model-state bytes of one replica for mixed-precision Adam: 2 (weights) + 2 (gradients) +
/// 12 (fp32 master, m, v) = 16 B per parameter (ZeRO §3.2). Case 36.
double modelStateBytes(double parameters);
/// Model-state bytes per GPU: 16 Ψ split by TP x PP, and by DP for the states of the ZeRO
/// stage (1: optimizer; 2: + gradients; 3: + weights). Case 36 (7.5 B, ZeRO-3, 64 -> 1.875 GB).
double modelStateBytesPerGpu(double parameters, int tp, int pp, int dp, int zeroStage);
/// Activation bytes of one transformer layer for micro-batch b (Korthikanti 2022 Table 2, with
/// sequence parallelism when tp > 1): none s b h (34 + 5 a s / h) / t; selective 34 s b h / t;
/// full 2 s b h. The d_ff != 4h form s b (18 h + 4 d_ff + 5 a s) replaces 34 h + 5 a s. Case 37.
double activationBytesPerLayer(const TransformerShape& shape, int microBatch, int tp,
                               RecomputeMode recompute);
/// Activation bytes on the first pipeline stage, which holds pp micro-batches of its l / pp
/// layers under 1F1B (= all l layers' worth when pp > 1): layers / pp x min(pp, micro-batches
/// in flight) x per-layer. With cp, the sequence is split cp ways.
double activationBytesPerGpu(const TransformerShape& shape, int microBatch, int tp, int pp, int cp,
                             RecomputeMode recompute);

// --- Inference memory (formulas.md 4.4) ---------------------------------------------------

/// Weights: parameters x bytesPerWeight(precision).
double weightBytes(double parameters, Precision precision);
/// KV cache per token: 2 x layers x kv heads x head dim x bytes (GQA-aware). Case 38.
double kvCacheBytesPerToken(const TransformerShape& shape, Precision precision);

// --- Checkpoints and storage (formulas.md 4.5) --------------------------------------------

/// Checkpoint with optimizer state: parameters x bytes per parameter (14: BLOOM 2.3 TB / 176 B).
double checkpointBytes(double parameters, double bytesPerParameter);
/// Write bandwidth so that writing a checkpoint stalls training at most `stallFraction` of a
/// step: bytes / (fraction x step seconds).
double checkpointWriteBps(double checkpointBytes, double stepSeconds, double stallFraction);
/// Young (1974): optimal interval sqrt(2 x write seconds x MTBF seconds).
double youngIntervalSeconds(double writeSeconds, double mtbfSeconds);
/// Job MTBF from a per-GPU-day interruption rate: 86 400 / (rate x gpus) seconds.
double jobMtbfSeconds(double interruptionsPerGpuDay, int gpus);

/// DGX SuperPOD storage guideline (SP-H100 RA Table 6), aggregate read and write bytes/s for
/// `nodes` DGX nodes at `tier` ("good", "better", "best"): one node, one SU (32 nodes), and
/// per SU beyond (4 SU = 4 x 1 SU). Case 43.
struct StorageGuideline {
  double readBps = 0.0;
  double writeBps = 0.0;
};
StorageGuideline storageGuideline(const QString& tier, int nodes);

// --- Communication -------------------------------------------------------------------------

/// Ring all-reduce of the data-parallel gradients per step: 2 (dp - 1) / dp x gradient bytes
/// per GPU (2 B per parameter / (tp x pp)), x 1.5 for ZeRO-3 (its extra parameter all-gather,
/// ZeRO paper §7), over the scale-out bandwidth per GPU (bytes/s). 0 when dp is 1.
double allReduceSeconds(double parameters, int tp, int pp, int dp, int zeroStage,
                        double bandwidthPerGpuBps);

// --- Inference serving (facts-fabric-workload.md 6) ---------------------------------------

/// One replica serving a model at a precision on `gpus` GPUs (tensor parallel inside the
/// NVLink domain), and what it sustains within the latency targets.
struct ServingInput {
  TransformerShape model;
  Precision precision = Precision::BF16;
  int promptTokens = 0;
  int outputTokens = 0;
  double ttftTargetS = 0.0;
  double tpotTargetS = 0.0;
  Batching batching = Batching::Continuous;
  double usableMemoryFraction = 0.9;    ///< of HBM, after runtime and activations
  double mbu = 0.8;                     ///< decode memory-bandwidth utilisation
  double prefillMfu = 0.5;              ///< prefill compute utilisation
  double continuousBatchingGain = 2.0;  ///< throughput of continuous over static (vLLM 2-4x)
};
struct ServingReplica {
  int gpus = 0;  ///< per replica; 0 when no replica fits the domain
  double weightsBytes = 0.0;
  double kvBytesPerToken = 0.0;
  double kvBytesPerSequence = 0.0;  ///< (prompt + output) tokens
  int maxSequences = 0;             ///< concurrent sequences the memory holds
  int batch = 0;                    ///< chosen decode batch: memory and TPOT allow it
  double ttftS = 0.0;               ///< prefill of one prompt
  double tpotS = 0.0;               ///< at the chosen batch
  double tokensPerSecond = 0.0;     ///< output tokens/s of the replica (after batching mode)
  double requestsPerSecond = 0.0;   ///< requests/s it sustains
  bool meetsTtft = false;
  bool meetsTpot = false;
  QString limit;  ///< "memory", "bandwidth", "compute", "latency": what stopped the batch
};
/// Sizes the smallest replica (a power of two up to `domainGpus`, dividing the KV heads) whose
/// memory holds the weights and one full sequence, then the largest decode batch whose TPOT is
/// within target: TPOT = max((weights + batch x KV of a sequence at mid-output) / (gpus x BW x
/// MBU), batch x 2 N / (gpus x peak x prefill MFU)); prefill TTFT = 2 N x prompt / (gpus x
/// peak x prefill MFU). Request rate r = 1 / (TTFT + output x TPOT / batch); static batching
/// divides by the continuous-batching gain.
ServingReplica sizeReplica(const ServingInput& input, const GpuFigures& gpu, int domainGpus);
/// The same replica on exactly `gpus` GPUs (gpus 0 in the result when the weights and one
/// full sequence do not fit): sizeReplica()'s second half, for a replica size chosen elsewhere.
ServingReplica sizeReplicaOn(const ServingInput& input, const GpuFigures& gpu, int gpus);
/// The power-of-two replica up to `domainGpus` (dividing the KV heads) that meets the latency
/// targets with the most output tokens/s per GPU; the smaller on a tie. The smallest replica
/// that fits leaves little memory for the KV cache (8x H100, Llama-2-70B FP8: one GPU holds the
/// weights and 9 sequences), so its throughput per GPU can be several times lower.
ServingReplica bestReplica(const ServingInput& input, const GpuFigures& gpu, int domainGpus);
/// Replicas of `replica` that serve `requestsPerSecond`: ceil(rate / the replica's rate); one
/// for a rate of 0 (a service with no load still runs one), 0 when the replica serves nothing.
int replicasForRate(double requestsPerSecond, const ServingReplica& replica);
/// The replica that serves `requestsPerSecond` on the fewest GPUs: of the power-of-two sizes up
/// to `domainGpus` (dividing the KV heads) that fit and meet the latency targets, the one with
/// the least replicasForRate() x GPUs per replica; a tie takes the more output tokens/s per GPU
/// (then the smaller). At a rate of 0, or when no size meets the targets: bestReplica(). A
/// 7B model at 1 request/s takes one GPU, where bestReplica's 8-GPU replica would idle 7.
ServingReplica replicaForRate(const ServingInput& input, const GpuFigures& gpu, int domainGpus,
                              double requestsPerSecond);

/// Cost per million output tokens: (energy + amortised hardware) per second of the replicas
/// over their output tokens per second. Energy = gpus x wattsPerGpu x pue; hardware = gpus x
/// price / (years x hoursPerYear x 3600).
struct TokenCost {
  double joulesPerToken = 0.0;  ///< facility energy per output token
  double energyUsdPerMillion = 0.0;
  double hardwareUsdPerMillion = 0.0;
  double usdPerMillion = 0.0;
};
TokenCost tokenCost(double tokensPerSecond, int gpus, double wattsPerGpu, double pue,
                    double priceUsdPerKwh, double priceUsdPerGpu, double amortisationYears,
                    double hoursPerYear);

}  // namespace dc::fit
