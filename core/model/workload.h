// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ids.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dc {

/// What a workload does with its pool: pre-train a model, fine-tune one, or serve one.
enum class WorkloadKind { Training, FineTuning, Inference };
QString workloadKindKey(WorkloadKind kind);   ///< "training", "finetune", "inference"
QString workloadKindName(WorkloadKind kind);  ///< "Training", "Fine-tuning", "Inference"
bool workloadKindFromKey(const QString& key, WorkloadKind* kind);

/// Number format of the weights (and of the math the GPU runs). INT4 is weight-only (W4A16):
/// 0.5 B per weight, BF16 math and KV cache. FP8 and FP4 keep an FP8 KV cache.
enum class Precision { BF16, FP8, FP4, INT4 };
QString precisionKey(Precision precision);   ///< "bf16", "fp8", "fp4", "int4"
QString precisionName(Precision precision);  ///< "BF16", "FP8", "FP4", "INT4"
bool precisionFromKey(const QString& key, Precision* precision);

/// Activation recomputation in training (Korthikanti et al. 2022): none, selective (attention
/// only; what FlashAttention gives), or full (only each layer's input is kept).
enum class RecomputeMode { None, Selective, Full };
QString recomputeModeKey(RecomputeMode mode);   ///< "none", "selective", "full"
QString recomputeModeName(RecomputeMode mode);  ///< "None", "Selective", "Full"
bool recomputeModeFromKey(const QString& key, RecomputeMode* mode);

/// Who places a pool's jobs: Slurm gang-schedules training; Kubernetes runs inference services
/// and elastic fine-tuning.
enum class Scheduler { Slurm, Kubernetes };
QString schedulerKey(Scheduler scheduler);   ///< "slurm", "kubernetes"
QString schedulerName(Scheduler scheduler);  ///< "Slurm", "Kubernetes"
bool schedulerFromKey(const QString& key, Scheduler* scheduler);

/// Fine-tuning method: all weights, or low-rank adapters on the attention projections.
enum class FineTuneMethod { Full, LoRA };
QString fineTuneMethodKey(FineTuneMethod method);  ///< "full", "lora"
bool fineTuneMethodFromKey(const QString& key, FineTuneMethod* method);

/// Inference batching: static batches run to their longest sequence; continuous batching
/// (Orca, vLLM) admits requests at every decode step.
enum class Batching { Static, Continuous };
QString batchingKey(Batching batching);  ///< "static", "continuous"
bool batchingFromKey(const QString& key, Batching* batching);

/// A decoder-only transformer as the formulas need it. `parameters` may be given alone (6ND,
/// memory by bytes per parameter); the architecture refines FLOPs (Megatron), activations and
/// the KV cache. 0 means "not given" for every field.
struct TransformerShape {
  /// count (7e9), or 0: from the architecture (Megatron's P formula; a gated FFN or GQA shape
  /// counted from its matrices, dc::fit::shapeParameters)
  double parameters = 0.0;
  int layers = 0;
  int hiddenSize = 0;
  int ffnSize = 0;  ///< 0: 4 x hidden; another width is taken for a gated FFN (SwiGLU)
  int heads = 0;
  int kvHeads = 0;  ///< 0: = heads (no grouped-query attention)
  int headDim = 0;  ///< 0: hidden / heads
  int vocabSize = 0;
  int sequenceLength = 0;  ///< training sequence (and the context a request may reach)

  bool hasArchitecture() const { return layers > 0 && hiddenSize > 0 && heads > 0; }
  friend bool operator==(const TransformerShape&, const TransformerShape&) = default;
};

/// How a training job is split. tp == 0 means "automatic": the engine chooses TP, PP and DP.
struct Parallelism {
  int tp = 0;         ///< tensor parallel (0: automatic); must divide the heads
  int pp = 1;         ///< pipeline parallel; must divide the layers
  int dp = 0;         ///< data parallel; 0: the GPUs left (gpus / (tp x pp x cp))
  int cp = 1;         ///< context parallel
  int zeroStage = 1;  ///< ZeRO / distributed optimizer stage 0..3

  bool isAutomatic() const { return tp == 0; }
  friend bool operator==(const Parallelism&, const Parallelism&) = default;
};

/// A named group of the design's GPU nodes that one scheduler runs, drawn on the floor plan as
/// a coloured region: its racks, plus every rack of its rows (so a row grown later joins).
struct WorkloadPool {
  WorkloadPoolId id;
  HallId hallId;
  QString name;  ///< "Training pool"
  Scheduler scheduler = Scheduler::Slurm;
  QList<RackId> rackIds;  ///< racks named one by one
  QStringList rows;       ///< rows of the hall whose racks all belong to the pool
  int colourIndex = 0;    ///< which of the pool palette's colours the floor plan uses

  friend bool operator==(const WorkloadPool&, const WorkloadPool&) = default;
};

/// One workload the hall is bought for, on one pool. Fields a kind does not use keep their
/// defaults (and are saved as such).
struct Workload {
  WorkloadId id;
  WorkloadPoolId poolId;
  QString name;  ///< "Llama-3-70B pre-training"
  WorkloadKind kind = WorkloadKind::Training;
  TransformerShape model;
  Precision precision = Precision::BF16;
  int gpus = 0;  ///< GPUs of the pool it uses; 0: all of them

  // Training and fine-tuning
  double tokens = 0.0;             ///< training tokens; fine-tuning: dataset tokens per run
  double targetDays = 0.0;         ///< wall-clock target; 0: none
  double globalBatchTokens = 0.0;  ///< 0: the assumption fit.globalBatchTokens
  int microBatch = 1;              ///< sequences per micro-batch
  Parallelism parallelism;
  RecomputeMode recompute = RecomputeMode::Selective;
  double mfu = 0.0;      ///< 0: the assumption for the GPU's generation and the scale
  double goodput = 0.0;  ///< 0: the assumption fit.goodput
  FineTuneMethod fineTuneMethod = FineTuneMethod::Full;
  int loraRank = 16;
  double runsPerMonth = 1.0;

  // Inference
  int promptTokens = 0;
  int outputTokens = 0;
  double requestsPerSecond = 0.0;
  double ttftTargetS = 2.0;  ///< MLPerf v4.1 Llama-2-70B server limit
  double tpotTargetS = 0.2;  ///< MLPerf v4.1 Llama-2-70B server limit
  Batching batching = Batching::Continuous;
  /// Tiering: this share of the requests goes to `smallModel` (0: no tiering).
  double smallModelShare = 0.0;
  TransformerShape smallModel;

  friend bool operator==(const Workload&, const Workload&) = default;
};

/// Why the pool cannot be used (no name, bad colour index); empty when it can.
QString workloadPoolProblem(const WorkloadPool& pool);
/// Why the workload's inputs are wrong, naming the field: zero or negative parameters or tokens,
/// a TP that does not divide the heads, an MFU above 1, ... Empty when they are usable. What the
/// inputs need from the pool (GPU count, memory) is the engine's finding, not a problem here.
QString workloadProblem(const Workload& workload);

}  // namespace dc
