// SPDX-License-Identifier: GPL-3.0-or-later
#include "workload.h"

#include "support/enumtext.h"

#include <QSet>

#include <cmath>

namespace dc {

namespace {
constexpr EnumText<WorkloadKind> kKinds[] = {
    {WorkloadKind::Training, "training", "Training"},
    {WorkloadKind::FineTuning, "finetune", "Fine-tuning"},
    {WorkloadKind::Inference, "inference", "Inference"},
};
constexpr EnumText<Precision> kPrecisions[] = {
    {Precision::BF16, "bf16", "BF16"},
    {Precision::FP8, "fp8", "FP8"},
    {Precision::FP4, "fp4", "FP4"},
    {Precision::INT4, "int4", "INT4"},
};
constexpr EnumText<RecomputeMode> kRecomputeModes[] = {
    {RecomputeMode::None, "none", "None"},
    {RecomputeMode::Selective, "selective", "Selective"},
    {RecomputeMode::Full, "full", "Full"},
};
constexpr EnumText<Scheduler> kSchedulers[] = {
    {Scheduler::Slurm, "slurm", "Slurm"},
    {Scheduler::Kubernetes, "kubernetes", "Kubernetes"},
};
constexpr EnumText<FineTuneMethod> kFineTuneMethods[] = {
    {FineTuneMethod::Full, "full", "Full"},
    {FineTuneMethod::LoRA, "lora", "LoRA"},
};
constexpr EnumText<Batching> kBatchings[] = {
    {Batching::Static, "static", "Static"},
    {Batching::Continuous, "continuous", "Continuous"},
};

/// Colour indices a pool may carry; the floor plan wraps them around its palette.
constexpr int kMaxPoolColourIndex = 63;
}  // namespace

QString workloadKindKey(WorkloadKind kind) {
  return enumKey(kKinds, kind);
}
QString workloadKindName(WorkloadKind kind) {
  return enumName(kKinds, kind);
}
bool workloadKindFromKey(const QString& key, WorkloadKind* kind) {
  return enumFromKey(kKinds, key, kind);
}
QString precisionKey(Precision precision) {
  return enumKey(kPrecisions, precision);
}
QString precisionName(Precision precision) {
  return enumName(kPrecisions, precision);
}
bool precisionFromKey(const QString& key, Precision* precision) {
  return enumFromKey(kPrecisions, key, precision);
}
QString recomputeModeKey(RecomputeMode mode) {
  return enumKey(kRecomputeModes, mode);
}
QString recomputeModeName(RecomputeMode mode) {
  return enumName(kRecomputeModes, mode);
}
bool recomputeModeFromKey(const QString& key, RecomputeMode* mode) {
  return enumFromKey(kRecomputeModes, key, mode);
}
QString schedulerKey(Scheduler scheduler) {
  return enumKey(kSchedulers, scheduler);
}
QString schedulerName(Scheduler scheduler) {
  return enumName(kSchedulers, scheduler);
}
bool schedulerFromKey(const QString& key, Scheduler* scheduler) {
  return enumFromKey(kSchedulers, key, scheduler);
}
QString fineTuneMethodKey(FineTuneMethod method) {
  return enumKey(kFineTuneMethods, method);
}
bool fineTuneMethodFromKey(const QString& key, FineTuneMethod* method) {
  return enumFromKey(kFineTuneMethods, key, method);
}
QString batchingKey(Batching batching) {
  return enumKey(kBatchings, batching);
}
bool batchingFromKey(const QString& key, Batching* batching) {
  return enumFromKey(kBatchings, key, batching);
}

QString workloadPoolProblem(const WorkloadPool& pool) {
  if (pool.name.trimmed().isEmpty()) {
    return QStringLiteral("A workload pool needs a name");
  }
  const QString who = QStringLiteral("Pool '%1'").arg(pool.name);
  if (pool.colourIndex < 0 || pool.colourIndex > kMaxPoolColourIndex) {
    return QStringLiteral("%1: colour index %2 is outside 0 to %3")
        .arg(who)
        .arg(pool.colourIndex)
        .arg(kMaxPoolColourIndex);
  }
  QSet<RackId> racks;
  for (RackId id : pool.rackIds) {
    if (id.isNull()) {
      return QStringLiteral("%1: one of its racks has no id").arg(who);
    }
    if (racks.contains(id)) {
      return QStringLiteral("%1 names one rack twice").arg(who);
    }
    racks.insert(id);
  }
  QSet<QString> rows;
  for (const QString& row : pool.rows) {
    if (row.trimmed().isEmpty()) {
      return QStringLiteral("%1: a row needs a name").arg(who);
    }
    if (rows.contains(row)) {
      return QStringLiteral("%1 names row %2 twice").arg(who, row);
    }
    rows.insert(row);
  }
  return {};
}

namespace {

/// The first problem of one model shape; `prefix` ("", "small model's ") goes before each
/// field name. `required`: the shape must give its parameters or its architecture.
QString shapeProblem(const QString& who, const QString& prefix, const TransformerShape& shape,
                     bool required) {
  if (!std::isfinite(shape.parameters)) {
    return QStringLiteral("%1: %2parameters must be a number (got %3)")
        .arg(who, prefix)
        .arg(shape.parameters);
  }
  if (shape.parameters < 0) {
    return QStringLiteral("%1: %2parameters must be positive (got %3)")
        .arg(who, prefix)
        .arg(shape.parameters);
  }
  const struct {
    int value;
    const char* field;
  } counts[] = {
      {shape.layers, "layers"},
      {shape.hiddenSize, "hidden size"},
      {shape.ffnSize, "FFN size"},
      {shape.heads, "attention heads"},
      {shape.kvHeads, "KV heads"},
      {shape.headDim, "head dimension"},
      {shape.vocabSize, "vocabulary size"},
      {shape.sequenceLength, "sequence length"},
  };
  for (const auto& count : counts) {
    if (count.value < 0) {
      return QStringLiteral("%1: %2%3 must not be negative (got %4)")
          .arg(who, prefix, QString::fromLatin1(count.field))
          .arg(count.value);
    }
  }
  if (required && shape.parameters == 0 && !shape.hasArchitecture()) {
    return QStringLiteral(
               "%1: %2parameters must be positive, or the architecture given (layers, hidden "
               "size and attention heads)")
        .arg(who, prefix);
  }
  if (shape.kvHeads > 0 && shape.heads > 0 && shape.heads % shape.kvHeads != 0) {
    return QStringLiteral("%1: %2%3 KV heads do not divide the %4 attention heads")
        .arg(who, prefix)
        .arg(shape.kvHeads)
        .arg(shape.heads);
  }
  if (shape.kvHeads > shape.heads && shape.heads > 0) {
    return QStringLiteral("%1: %2%3 KV heads are more than the %4 attention heads")
        .arg(who, prefix)
        .arg(shape.kvHeads)
        .arg(shape.heads);
  }
  // Without a parameter count the engine counts them from the architecture (Megatron's
  // formula), which needs the vocabulary (the embeddings) and the sequence length (the
  // position embeddings, and the attention FLOPs) besides layers, hidden size and heads.
  if (required && shape.parameters == 0) {
    QStringList missing;
    if (shape.vocabSize == 0) {
      missing.append(QStringLiteral("vocabulary size"));
    }
    if (shape.sequenceLength == 0) {
      missing.append(QStringLiteral("sequence length"));
    }
    if (!missing.isEmpty()) {
      return QStringLiteral(
                 "%1: %2parameters are not given, so they are counted from the architecture, "
                 "which then needs the %3")
          .arg(who, prefix, missing.join(QStringLiteral(" and ")));
    }
  }
  return {};
}

}  // namespace

QString workloadProblem(const Workload& w) {
  if (w.name.trimmed().isEmpty()) {
    return QStringLiteral("A workload needs a name");
  }
  const QString who = QStringLiteral("Workload '%1'").arg(w.name);
  const char* const tokensField = w.kind == WorkloadKind::Training     ? "training tokens"
                                  : w.kind == WorkloadKind::FineTuning ? "dataset tokens"
                                                                       : "tokens";

  // Every real number: a number, and not negative.
  const struct {
    double value;
    const char* field;
  } reals[] = {
      {w.tokens, tokensField},
      {w.targetDays, "target days"},
      {w.globalBatchTokens, "global batch tokens"},
      {w.mfu, "MFU"},
      {w.goodput, "goodput"},
      {w.runsPerMonth, "runs per month"},
      {w.requestsPerSecond, "request rate (requests/s)"},
      {w.ttftTargetS, "TTFT target (s)"},
      {w.tpotTargetS, "TPOT target (s)"},
      {w.smallModelShare, "small-model share"},
  };
  for (const auto& real : reals) {
    if (!std::isfinite(real.value)) {
      return QStringLiteral("%1: %2 must be a number (got %3)")
          .arg(who, QString::fromLatin1(real.field))
          .arg(real.value);
    }
    if (real.value < 0) {
      return QStringLiteral("%1: %2 must not be negative (got %3)")
          .arg(who, QString::fromLatin1(real.field))
          .arg(real.value);
    }
  }
  const struct {
    int value;
    const char* field;
  } counts[] = {
      {w.gpus, "GPUs"},
      {w.parallelism.tp, "tensor parallel"},
      {w.parallelism.dp, "data parallel"},
      {w.promptTokens, "prompt tokens"},
      {w.outputTokens, "output tokens"},
  };
  for (const auto& count : counts) {
    if (count.value < 0) {
      return QStringLiteral("%1: %2 must not be negative (got %3)")
          .arg(who, QString::fromLatin1(count.field))
          .arg(count.value);
    }
  }

  const QString model = shapeProblem(who, QString(), w.model, true);
  if (!model.isEmpty()) {
    return model;
  }
  if (w.smallModelShare >= 1) {
    return QStringLiteral(
               "%1: small-model share must be below 1 (got %2); a workload served by the small "
               "model alone names it as its model")
        .arg(who)
        .arg(w.smallModelShare);
  }
  if (w.smallModelShare > 0 && w.smallModel.parameters == 0 && !w.smallModel.hasArchitecture()) {
    return QStringLiteral(
               "%1: a small-model share of %2 needs a small model (its parameters or "
               "architecture)")
        .arg(who)
        .arg(w.smallModelShare);
  }
  const QString small =
      shapeProblem(who, QStringLiteral("small model's "), w.smallModel, w.smallModelShare > 0);
  if (!small.isEmpty()) {
    return small;
  }

  // Parallelism (the engine chooses it when TP is 0).
  const Parallelism& par = w.parallelism;
  const TransformerShape& m = w.model;
  if (par.tp > 0 && m.heads > 0 && m.heads % par.tp != 0) {
    return QStringLiteral("%1: tensor parallel %2 does not divide the %3 attention heads")
        .arg(who)
        .arg(par.tp)
        .arg(m.heads);
  }
  if (par.tp > 0 && m.kvHeads > 0 && m.kvHeads % par.tp != 0) {
    return QStringLiteral("%1: tensor parallel %2 does not divide the %3 KV heads")
        .arg(who)
        .arg(par.tp)
        .arg(m.kvHeads);
  }
  if (par.pp < 1) {
    return QStringLiteral("%1: pipeline parallel must be at least 1 (got %2)").arg(who).arg(par.pp);
  }
  if (m.layers > 0 && m.layers % par.pp != 0) {
    return QStringLiteral("%1: pipeline parallel %2 does not divide the %3 layers")
        .arg(who)
        .arg(par.pp)
        .arg(m.layers);
  }
  if (par.cp < 1) {
    return QStringLiteral("%1: context parallel must be at least 1 (got %2)").arg(who).arg(par.cp);
  }
  if (par.zeroStage < 0 || par.zeroStage > 3) {
    return QStringLiteral("%1: ZeRO stage must be 0, 1, 2 or 3 (got %2)")
        .arg(who)
        .arg(par.zeroStage);
  }
  if (w.mfu > 1) {
    return QStringLiteral("%1: an MFU above 1 is not possible (got %2)").arg(who).arg(w.mfu);
  }
  if (w.goodput > 1) {
    return QStringLiteral("%1: a goodput above 1 is not possible (got %2)").arg(who).arg(w.goodput);
  }
  if (w.microBatch < 1) {
    return QStringLiteral("%1: micro-batch must be at least 1 sequence (got %2)")
        .arg(who)
        .arg(w.microBatch);
  }
  if (w.runsPerMonth <= 0) {
    return QStringLiteral("%1: runs per month must be positive (got %2)")
        .arg(who)
        .arg(w.runsPerMonth);
  }

  switch (w.kind) {
    case WorkloadKind::Training:
      if (w.tokens <= 0) {
        return QStringLiteral("%1: training tokens must be positive (got %2)")
            .arg(who)
            .arg(w.tokens);
      }
      break;
    case WorkloadKind::FineTuning:
      if (w.tokens <= 0) {
        return QStringLiteral("%1: dataset tokens must be positive (got %2)")
            .arg(who)
            .arg(w.tokens);
      }
      if (w.fineTuneMethod == FineTuneMethod::LoRA && w.loraRank < 1) {
        return QStringLiteral("%1: LoRA rank must be at least 1 (got %2)").arg(who).arg(w.loraRank);
      }
      break;
    case WorkloadKind::Inference: {
      if (w.promptTokens <= 0) {
        return QStringLiteral("%1: prompt tokens must be positive (got %2)")
            .arg(who)
            .arg(w.promptTokens);
      }
      if (w.outputTokens <= 0) {
        return QStringLiteral("%1: output tokens must be positive (got %2)")
            .arg(who)
            .arg(w.outputTokens);
      }
      if (w.requestsPerSecond <= 0) {
        return QStringLiteral("%1: request rate must be positive (got %2 requests/s)")
            .arg(who)
            .arg(w.requestsPerSecond);
      }
      if (w.ttftTargetS <= 0) {
        return QStringLiteral("%1: TTFT target must be positive (got %2 s)")
            .arg(who)
            .arg(w.ttftTargetS);
      }
      if (w.tpotTargetS <= 0) {
        return QStringLiteral("%1: TPOT target must be positive (got %2 s)")
            .arg(who)
            .arg(w.tpotTargetS);
      }
      // The KV cache per token (2 x layers x KV heads x head dimension) sizes the batch a
      // replica serves: without it a replica serves nothing.
      const auto servable = [](const TransformerShape& s) {
        return s.layers > 0 && s.heads > 0 && (s.hiddenSize > 0 || s.headDim > 0);
      };
      if (!servable(w.model)) {
        return QStringLiteral(
                   "%1: inference needs the model's layers, attention heads and hidden size (or "
                   "head dimension) for its KV cache")
            .arg(who);
      }
      if (w.smallModelShare > 0 && !servable(w.smallModel)) {
        return QStringLiteral(
                   "%1: tiering needs the small model's layers, attention heads and hidden size "
                   "(or head dimension) for its KV cache")
            .arg(who);
      }
      break;
    }
  }
  return {};
}

}  // namespace dc
