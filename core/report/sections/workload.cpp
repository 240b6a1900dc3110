// SPDX-License-Identifier: GPL-3.0-or-later
// The workload-fit section: the pools of GPU nodes (scheduler, racks by row, nodes, GPUs, IT
// power, scale-out bandwidth and storage), then per workload its verdict with the limiting
// resource, the checks against the design (required, available, margin), its inputs, the
// engine's results with their formulas, the assumptions it used and its findings fit.*. Everything
// is printed from the fit pass's typed result (Analysis::workload, workloadresult.h); nothing is
// recomputed here.
#include "engine/analysis.h"
#include "engine/workload/workloadresult.h"
#include "model/designassumptions.h"
#include "model/project.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace dc::report {

namespace {

// --- Figures -------------------------------------------------------------------------------

/// "61.2 GB": number and unit never broken apart on paper.
QString unbroken(QString text) {
  return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

/// The one text style of the section: every figure with its unit, by format/quantityformat.h.
struct FitText {
  const CellWriter& cells;
  NumberStyle style;

  const QLocale& locale() const { return style.locale; }
  QString as(double value, Quantity quantity, bool nominal = false) const {
    return unbroken(
        formatQuantity(value, quantity, nominal ? NumberStyle::forNominal(style.locale) : style));
  }
  QString count(double value) const { return formatQuantity(value, Quantity::Count, style); }
  QString power(double watts) const { return as(watts, Quantity::PowerW); }
  QString percent(double pct) const { return as(pct, Quantity::Percent); }
  QString share(double fraction) const { return percent(100.0 * fraction); }
  QString bytes(double value) const { return as(value, Quantity::Bytes); }
  QString bandwidth(double bps) const { return as(bps, Quantity::BytesPerSecond); }
  QString flopRate(double flops) const { return as(flops, Quantity::FlopsPerSecond); }
  QString joules(double value) const { return as(value, Quantity::EnergyJ); }
  QString usd(double value) const { return as(value, Quantity::CostUsd); }
  QString flops(double value) const { return as(value, Quantity::Flops); }  ///< "1.23 × 10²³ FLOP"
  /// "70.6 billion": parameters and tokens.
  QString large(double value) const { return formatQuantity(value, Quantity::LargeCount, style); }
  /// "45.0 ms", "8.20 s", "12.5 min", "3.09 h", "34.2 days"; `nominal`: a target as given ("2 s").
  QString duration(double seconds, bool nominal = false) const {
    return as(seconds, Quantity::DurationS, nominal);
  }
  QString days(double value, bool nominal = false) const {
    return duration(value * 86'400.0, nominal);
  }
  /// "1 GPU", "1,024 GPUs".
  QString gpus(double value) const { return checkValueText(value, QStringLiteral("GPU"), style); }
  QString ratio(double value) const { return formatQuantity(value, Quantity::Ratio, style); }
  /// An input number as given: "20", "0.5", "2.5".
  QString given(double value) const { return locale().toString(value, 'g', 6); }
  /// A figure in one of ResourceCheck's units ("GPU", "B", "B/s", "s", "days", "W", "%").
  /// `nominal`: a target the workload gives ("2 s", "60 days"), without trailing zeros.
  QString inUnit(double value, const QString& unit, bool nominal = false) const {
    return unbroken(
        checkValueText(value, unit, nominal ? NumberStyle::forNominal(style.locale) : style));
  }
};

// --- Names ---------------------------------------------------------------------------------

QString resourceName(FitResource resource) {
  switch (resource) {
    case FitResource::None:
      return QStringLiteral("none");
    case FitResource::Gpus:
      return QStringLiteral("GPUs");
    case FitResource::Memory:
      return QStringLiteral("GPU memory");
    case FitResource::Fabric:
      return QStringLiteral("Fabric");
    case FitResource::Storage:
      return QStringLiteral("Storage");
    case FitResource::Power:
      return QStringLiteral("Power budget");
    case FitResource::Time:
      return QStringLiteral("Time to train");
    case FitResource::Latency:
      return QStringLiteral("Latency");
  }
  return {};
}

/// A table's name inside a sentence: "Power budget" -> "power budget"; "GPUs", "GPU memory"
/// keep their capitals.
QString inSentence(QString name) {
  if (name.size() > 1 && name[1].isLower()) {
    name[0] = name[0].toLower();
  }
  return name;
}

Tone verdictTone(FitVerdict verdict) {
  switch (verdict) {
    case FitVerdict::Fits:
      return Tone::Good;
    case FitVerdict::Tight:
      return Tone::Warning;
    case FitVerdict::DoesNotFit:
      return Tone::Error;
    case FitVerdict::NotAssessed:
      break;
  }
  return Tone::Muted;
}

// --- Racks of a pool -------------------------------------------------------------------------

/// "A01–A08, A10": rack names with a common prefix and consecutive numbers as ranges.
QString rackRanges(const QStringList& names) {
  static const QRegularExpression kNumbered(QStringLiteral("^(.*?)(\\d+)$"));
  QStringList parts;
  qsizetype i = 0;
  while (i < names.size()) {
    const QRegularExpressionMatch first = kNumbered.match(names[i]);
    qsizetype j = i;
    if (first.hasMatch()) {
      const QString prefix = first.captured(1);
      const qsizetype width = first.capturedLength(2);
      qint64 number = first.captured(2).toLongLong();
      while (j + 1 < names.size()) {
        const QRegularExpressionMatch next = kNumbered.match(names[j + 1]);
        if (!next.hasMatch() || next.captured(1) != prefix || next.capturedLength(2) != width ||
            next.captured(2).toLongLong() != number + 1) {
          break;
        }
        number += 1;
        ++j;
      }
    }
    parts.append(j == i       ? names[i]
                 : j == i + 1 ? QStringLiteral("%1, %2").arg(names[i], names[j])
                              : QStringLiteral("%1–%2").arg(names[i], names[j]));
    i = j + 1;
  }
  return parts.join(QStringLiteral(", "));
}

/// The pool's racks by row, in the order the floor lists them: row -> rack names.
QList<std::pair<QString, QStringList>> racksByRow(const Project& project, const PoolSummary& pool) {
  QList<std::pair<QString, QStringList>> rows;
  QHash<QString, qsizetype> index;
  QList<const Rack*> racks;
  for (const RackId& id : pool.rackIds) {
    if (const Rack* rack = project.findRack(id)) {
      racks.append(rack);
    }
  }
  std::stable_sort(racks.begin(), racks.end(), [](const Rack* a, const Rack* b) {
    if (a->row() != b->row()) {
      return QString::localeAwareCompare(a->row(), b->row()) < 0;
    }
    return QString::localeAwareCompare(a->name(), b->name()) < 0;
  });
  for (const Rack* rack : racks) {
    auto it = index.find(rack->row());
    if (it == index.end()) {
      it = index.insert(rack->row(), rows.size());
      rows.append({rack->row(), {}});
    }
    rows[*it].second.append(rack->name());
  }
  return rows;
}

// --- Assumptions ---------------------------------------------------------------------------

/// An assumption as the section "Design assumptions and sources" prints it: "Goodput 0.9".
QString assumptionText(const DesignAssumptions& assumptions, const char* key,
                       const QLocale& locale) {
  const QString k = QString::fromLatin1(key);
  const AssumptionSpec* spec = DesignAssumptions::spec(k);
  if (spec == nullptr) {
    return {};
  }
  QString value;
  if (!spec->choices.isEmpty()) {
    const int index = int(spec->choices.indexOf(assumptions.choice(k)));
    value = spec->choiceNames.value(index, assumptions.choice(k));
  } else if (spec->unit == QLatin1String("W")) {
    value = formatQuantity(assumptions.value(k), Quantity::PowerW, NumberStyle{locale, 3});
  } else {
    const double v = assumptions.value(k);
    // Whole numbers grouped ("4,194,304 tokens"), others as the assumptions section writes them.
    const bool whole = std::fabs(v) < 1e15 && v == std::round(v);
    const QString number = whole ? locale.toString(qint64(v)) : locale.toString(v, 'g', 6);
    value = spec->unit.isEmpty() ? number : QStringLiteral("%1 %2").arg(number, spec->unit);
  }
  return QStringLiteral("%1 %2%3").arg(
      spec->label, value, assumptions.isDefault(k) ? QString() : QStringLiteral(" (set)"));
}

/// The assumptions a workload's figures used, named with their values.
QString assumptionsUsed(const ReportInput& input, const Workload& workload,
                        const PoolSummary* pool) {
  const DesignAssumptions& a = input.analysis.assumptions;
  QList<const char*> keys;
  if (workload.kind == WorkloadKind::Inference) {
    // The GPU price of the pool GPU's generation (fit.gpuPriceUsd.<generation>).
    const char* gpuPrice =
        assumption::gpuPriceUsdKey(pool != nullptr ? pool->gpu.generation : QString());
    keys = {assumption::kUsableMemoryFraction, assumption::kMbu,
            assumption::kPrefillMfu,           assumption::kContinuousBatchingGain,
            assumption::kUtilisationInference, assumption::kIdleFraction,
            assumption::kPriceUsdPerKwh,       gpuPrice,
            assumption::kAmortisationYears,    assumption::kHoursPerYear};
    if (pool == nullptr || pool->pue <= 0.0) {
      keys.append(assumption::kPue);
    }
  } else {
    if (workload.mfu <= 0.0) {
      const QString generation = pool != nullptr ? pool->gpu.generation : QString();
      keys.append(generation == QLatin1String("ampere")      ? assumption::kMfuAmpere
                  : generation == QLatin1String("hopper")    ? assumption::kMfuHopper
                  : generation == QLatin1String("blackwell") ? assumption::kMfuBlackwell
                                                             : assumption::kMfuOther);
      keys.append(assumption::kMfuScaleFromGpus);
      keys.append(assumption::kMfuLossPerDoubling);
    }
    if (workload.goodput <= 0.0) {
      keys.append(assumption::kGoodput);
    }
    if (workload.globalBatchTokens <= 0.0) {
      keys.append(assumption::kGlobalBatchTokens);
    }
    keys.append({assumption::kUsableMemoryFraction, assumption::kMaxCommFraction,
                 assumption::kCheckpointBytesPerParam, assumption::kCheckpointStallFraction,
                 assumption::kInterruptionsPerGpuDay, assumption::kStorageTier,
                 workload.kind == WorkloadKind::FineTuning ? assumption::kUtilisationFineTuning
                                                           : assumption::kUtilisationTraining,
                 assumption::kIdleFraction});
  }
  keys.append(assumption::kTightMarginPct);
  QStringList texts;
  for (const char* key : keys) {
    const QString text = assumptionText(a, key, input.locale);
    if (!text.isEmpty()) {
      texts.append(text);
    }
  }
  return QStringLiteral(
             "Assumptions used (group \"Workload fit\" and the power and energy groups of the "
             "section \"Design assumptions and sources\", with their sources): %1.")
      .arg(texts.join(QStringLiteral("; ")));
}

// --- Pools ---------------------------------------------------------------------------------

QString gpuModelText(const PoolSummary& pool) {
  if (pool.gpus == 0 || pool.gpu.model.isEmpty()) {
    return pool.gpus == 0 ? QString() : pool.gpu.catalogId;
  }
  return pool.mixedGpus ? QStringLiteral("%1 (mixed)").arg(pool.gpu.model) : pool.gpu.model;
}

Table poolTable(const ReportInput& input, const FitText& t) {
  const WorkloadResult& result = input.analysis.workload;
  const QHash<HallId, QString> halls = hallNames(input.project);
  double itLargest = 0.0, bwLargest = 0.0, storageLargest = 0.0;
  for (const PoolSummary& pool : result.pools) {
    itLargest = std::max(itLargest, pool.itPowerW);
    bwLargest = std::max(bwLargest, pool.scaleOutBpsPerGpu);
    storageLargest = std::max({storageLargest, pool.storageReadBps, pool.storageWriteBps});
  }
  const QString kW = columnUnit(itLargest, Quantity::PowerW);
  // A column with nothing in it still names the unit its figures are published in.
  const auto unitOf = [](double largest) {
    return largest > 0.0 ? columnUnit(largest, Quantity::BytesPerSecond) : QStringLiteral("GB/s");
  };
  const QString bwUnit = unitOf(bwLargest);
  const QString storageUnit = unitOf(storageLargest);
  Table table;
  table.id = QStringLiteral("workload-pools");
  table.caption = QStringLiteral("Pools of GPU nodes");
  table.columns = {textColumn(QStringLiteral("Pool"), 1.0),
                   textColumn(QStringLiteral("Hall"), 0.55),
                   textColumn(QStringLiteral("Scheduler"), 0.65),
                   numberColumn(QStringLiteral("Racks"), QString(), 0.45),
                   numberColumn(QStringLiteral("Nodes"), QString(), 0.45),
                   numberColumn(QStringLiteral("GPUs"), QString(), 0.45),
                   textColumn(QStringLiteral("GPU"), 0.8),
                   numberColumn(QStringLiteral("IT power"), kW, 0.55),
                   numberColumn(QStringLiteral("Scale-out per GPU"), bwUnit, 0.65),
                   numberColumn(QStringLiteral("Storage read"), storageUnit, 0.6),
                   numberColumn(QStringLiteral("Storage write"), storageUnit, 0.6)};
  for (const PoolSummary& pool : result.pools) {
    const QString model = gpuModelText(pool);
    table.rows.append(
        {CellWriter::text(pool.name), CellWriter::text(halls.value(pool.hallId)),
         CellWriter::text(schedulerName(pool.scheduler)), t.cells.count(pool.rackIds.size()),
         t.cells.count(pool.nodes),
         t.cells.count(pool.gpus, pool.gpus == 0 ? Tone::Error : Tone::Normal),
         model.isEmpty() ? CellWriter::none()
                         : CellWriter::text(model, pool.mixedGpus ? Tone::Warning : Tone::Normal),
         t.cells.number(pool.itPowerW, Quantity::PowerW, kW),
         pool.scaleOutBpsPerGpu > 0.0
             ? t.cells.number(pool.scaleOutBpsPerGpu, Quantity::BytesPerSecond, bwUnit)
             : CellWriter::none(),
         pool.storageReadBps > 0.0
             ? t.cells.number(pool.storageReadBps, Quantity::BytesPerSecond, storageUnit)
             : CellWriter::none(),
         pool.storageWriteBps > 0.0
             ? t.cells.number(pool.storageWriteBps, Quantity::BytesPerSecond, storageUnit)
             : CellWriter::none()});
  }
  table.notes.append(QStringLiteral(
      "Nodes: GPU servers (a rack-scale system counts its compute trays); GPU: the catalog's "
      "accelerator (the most common one when a pool mixes them). IT power: the pool racks' max "
      "power (power pass). Scale-out per GPU: the compute fabric's bandwidth per GPU after "
      "oversubscription (fabric pass), in bytes/s (50 GB/s = 400 Gb/s); – where no fabric serves "
      "the pool. Storage: the read and write bandwidth of the storage placed in the pool's hall "
      "(catalog); – where none is placed. 1 GB = 10⁹ B."));
  return table;
}

Table poolRackTable(const ReportInput& input) {
  const WorkloadResult& result = input.analysis.workload;
  Table table;
  table.id = QStringLiteral("workload-pool-racks");
  table.caption = QStringLiteral("Racks serving each pool");
  table.columns = {textColumn(QStringLiteral("Pool"), 0.9), textColumn(QStringLiteral("Row"), 0.75),
                   numberColumn(QStringLiteral("Racks"), QString(), 0.4),
                   textColumn(QStringLiteral("Rack names"), 2.1),
                   textColumn(QStringLiteral("Fabric"), 0.8)};
  for (const PoolSummary& pool : result.pools) {
    const WorkloadPool* model = input.project.findWorkloadPool(pool.poolId);
    const QList<std::pair<QString, QStringList>> rows = racksByRow(input.project, pool);
    if (rows.isEmpty()) {
      table.rows.append(
          {CellWriter::text(pool.name), CellWriter::none(), CellWriter(input.locale).count(0),
           CellWriter::text(QStringLiteral("no racks"), Tone::Error), CellWriter::none()});
      continue;
    }
    bool first = true;
    for (const auto& [row, names] : rows) {
      const bool wholeRow = model != nullptr && !row.isEmpty() && model->rows.contains(row);
      QString rowText = row.isEmpty() ? QStringLiteral("–") : row;
      if (wholeRow) {
        rowText += QStringLiteral(" (whole row)");
      }
      table.rows.append({first ? CellWriter::text(pool.name) : CellWriter::text(QString()),
                         CellWriter::text(rowText), CellWriter(input.locale).count(names.size()),
                         CellWriter::text(rackRanges(names)),
                         first ? (pool.fabricName.isEmpty()
                                      ? CellWriter::text(QStringLiteral("none"), Tone::Muted)
                                      : CellWriter::text(pool.fabricName))
                               : CellWriter::text(QString())});
      first = false;
    }
  }
  table.notes.append(QStringLiteral(
      "A pool holds the racks named in it and every rack of the rows it names (whole row), so a "
      "row grown later joins its pool. Fabric: the compute fabric that serves the pool's "
      "nodes."));
  return table;
}

// --- One workload --------------------------------------------------------------------------

QString architectureText(const TransformerShape& shape, const FitText& t) {
  if (!shape.hasArchitecture()) {
    return {};
  }
  QStringList parts{QStringLiteral("%1 layers").arg(t.count(shape.layers)),
                    QStringLiteral("hidden %1").arg(t.count(shape.hiddenSize))};
  if (shape.ffnSize > 0) {
    parts.append(QStringLiteral("FFN %1").arg(t.count(shape.ffnSize)));
  }
  parts.append(QStringLiteral("%1 heads").arg(t.count(shape.heads)));
  if (shape.kvHeads > 0 && shape.kvHeads != shape.heads) {
    parts.append(QStringLiteral("%1 KV heads").arg(t.count(shape.kvHeads)));
  }
  if (shape.headDim > 0) {
    parts.append(QStringLiteral("head dim %1").arg(t.count(shape.headDim)));
  }
  if (shape.vocabSize > 0) {
    parts.append(QStringLiteral("vocabulary %1").arg(t.count(shape.vocabSize)));
  }
  if (shape.sequenceLength > 0) {
    parts.append(QStringLiteral("sequence %1").arg(t.count(shape.sequenceLength)));
  }
  return parts.join(QStringLiteral(", "));
}

QString modelText(const TransformerShape& shape, const FitText& t) {
  const QString architecture = architectureText(shape, t);
  if (shape.parameters > 0.0) {
    const QString parameters = QStringLiteral("%1 parameters").arg(t.large(shape.parameters));
    return architecture.isEmpty() ? parameters
                                  : QStringLiteral("%1; %2").arg(parameters, architecture);
  }
  return architecture.isEmpty() ? QStringLiteral("not given") : architecture;
}

QString parallelismText(const Parallelism& p) {
  QString text = QStringLiteral("TP %1 × PP %2 × DP %3").arg(p.tp).arg(p.pp).arg(p.dp);
  if (p.cp > 1) {
    text += QStringLiteral(" × CP %1").arg(p.cp);
  }
  return text + QStringLiteral(", ZeRO-%1").arg(p.zeroStage);
}

QList<Cell> row2(const QString& label, const QString& value, Tone tone = Tone::Normal) {
  return {CellWriter::text(label), CellWriter::text(value, tone)};
}

QList<Cell> row3(const QString& label, const QString& value, const QString& basis,
                 Tone tone = Tone::Normal) {
  return {CellWriter::text(label), CellWriter::text(value, tone),
          basis.isEmpty() ? CellWriter::none() : CellWriter::text(basis)};
}

Table inputTable(const Workload& w, const PoolSummary* pool, int index, const FitText& t) {
  Table table;
  table.id = QStringLiteral("workload-%1-inputs").arg(index + 1);
  table.caption = QStringLiteral("%1: inputs").arg(w.name);
  table.columns = {textColumn(QStringLiteral("Input"), 0.9),
                   textColumn(QStringLiteral("Value"), 2.6)};
  QList<QList<Cell>>& rows = table.rows;
  rows.append(row2(QStringLiteral("Kind"), workloadKindName(w.kind)));
  rows.append(row2(QStringLiteral("Pool"),
                   pool != nullptr
                       ? QStringLiteral("%1 (%2)").arg(pool->name, schedulerName(pool->scheduler))
                       : QStringLiteral("unknown")));
  rows.append(row2(QStringLiteral("GPUs"),
                   w.gpus > 0 ? t.gpus(w.gpus)
                              : QStringLiteral("all of the pool's (%1)")
                                    .arg(t.gpus(pool != nullptr ? pool->gpus : 0))));
  rows.append(row2(QStringLiteral("Model"), modelText(w.model, t)));
  rows.append(row2(QStringLiteral("Precision"), precisionName(w.precision)));
  if (w.kind == WorkloadKind::Inference) {
    rows.append(row2(QStringLiteral("Prompt, output"),
                     QStringLiteral("%1 tokens, %2 tokens")
                         .arg(t.count(w.promptTokens), t.count(w.outputTokens))));
    rows.append(row2(QStringLiteral("Request rate"),
                     QStringLiteral("%1 requests/s").arg(t.given(w.requestsPerSecond))));
    rows.append(row2(QStringLiteral("Latency targets"),
                     QStringLiteral("TTFT %1, TPOT %2")
                         .arg(t.duration(w.ttftTargetS, true), t.duration(w.tpotTargetS, true))));
    rows.append(row2(QStringLiteral("Batching"), w.batching == Batching::Continuous
                                                     ? QStringLiteral("continuous")
                                                     : QStringLiteral("static")));
    if (w.smallModelShare > 0.0) {
      rows.append(row2(QStringLiteral("Tiering"),
                       QStringLiteral("%1 of the requests to a small model: %2")
                           .arg(t.share(w.smallModelShare), modelText(w.smallModel, t))));
    }
    return table;
  }
  if (w.kind == WorkloadKind::FineTuning) {
    rows.append(row2(QStringLiteral("Method"),
                     w.fineTuneMethod == FineTuneMethod::LoRA
                         ? QStringLiteral("LoRA, rank %1").arg(t.count(w.loraRank))
                         : QStringLiteral("full fine-tuning")));
    rows.append(
        row2(QStringLiteral("Dataset"), QStringLiteral("%1 tokens per run, %2 runs per month")
                                            .arg(t.large(w.tokens), t.given(w.runsPerMonth))));
  } else {
    rows.append(row2(QStringLiteral("Tokens"), t.large(w.tokens)));
  }
  rows.append(row2(QStringLiteral("Target"),
                   w.targetDays > 0.0 ? t.days(w.targetDays, true) : QStringLiteral("none")));
  rows.append(row2(QStringLiteral("Parallelism"),
                   w.parallelism.isAutomatic()
                       ? QStringLiteral("automatic (ZeRO-%1)").arg(w.parallelism.zeroStage)
                       : parallelismText(w.parallelism)));
  rows.append(row2(QStringLiteral("Recompute"), recomputeModeName(w.recompute)));
  rows.append(
      row2(QStringLiteral("Batch"),
           QStringLiteral("micro-batch %1; global batch %2")
               .arg(w.microBatch == 1 ? QStringLiteral("1 sequence")
                                      : QStringLiteral("%1 sequences").arg(t.count(w.microBatch)),
                    w.globalBatchTokens > 0.0
                        ? QStringLiteral("%1 tokens").arg(t.large(w.globalBatchTokens))
                        : QStringLiteral("from the assumption"))));
  rows.append(row2(QStringLiteral("MFU"),
                   w.mfu > 0.0
                       ? t.share(w.mfu)
                       : QStringLiteral("from the assumptions (GPU generation and scale)")));
  rows.append(row2(QStringLiteral("Goodput"),
                   w.goodput > 0.0 ? t.share(w.goodput) : QStringLiteral("from the assumption")));
  return table;
}

/// The results table of either kind: figure, value, formula and basis, from the parameters.
Table resultsTable(const WorkloadFit& fit, int index, double parameters, const FitText& t) {
  Table table;
  table.id = QStringLiteral("workload-%1-results").arg(index + 1);
  table.caption = QStringLiteral("%1: results").arg(fit.name);
  table.columns = {textColumn(QStringLiteral("Figure"), 1.0),
                   textColumn(QStringLiteral("Value"), 0.9),
                   textColumn(QStringLiteral("Formula and basis"), 2.4)};
  table.rows.append(row3(QStringLiteral("Parameters"), t.large(parameters),
                         QStringLiteral("as given, or Megatron's count from the architecture")));
  return table;
}

Table trainingTable(const WorkloadFit& fit, const Workload& w, const PoolSummary* pool, int index,
                    const FitText& t) {
  const TrainingFit& r = fit.training;
  Table table = resultsTable(fit, index, r.parameters, t);
  QList<QList<Cell>>& rows = table.rows;
  rows.append(row3(QStringLiteral("Training FLOPs"), t.flops(r.flops),
                   QStringLiteral("%1 with N = %2 parameters, D = %3 tokens (formulas.md §4.1)")
                       .arg(r.flopsFormula, t.large(r.parameters), t.large(r.tokens))));
  const QString gpuModel = pool != nullptr ? pool->gpu.model : QString();
  rows.append(
      row3(QStringLiteral("Peak per GPU"), t.flopRate(r.peakFlops),
           QStringLiteral("dense, %1, %2 (catalog)")
               .arg(precisionName(w.precision == Precision::INT4 ? Precision::BF16 : w.precision),
                    gpuModel)));
  rows.append(row3(QStringLiteral("MFU"), t.share(r.mfu), r.mfuSource));
  rows.append(row3(QStringLiteral("Goodput"), t.share(r.goodput),
                   QStringLiteral("share of wall-clock time training (restarts, checkpoints)")));
  rows.append(row3(QStringLiteral("Time to train"), t.days(r.days),
                   QStringLiteral("FLOPs / (%1 × %2 × MFU) / goodput")
                       .arg(t.gpus(r.gpus), t.flopRate(r.peakFlops))));
  rows.append(row3(QStringLiteral("GPU-hours"), QStringLiteral("%1 GPU-h").arg(t.large(r.gpuHours)),
                   QStringLiteral("FLOPs / (peak × MFU × 3,600 s) / goodput")));
  if (fit.kind == WorkloadKind::FineTuning) {
    rows.append(row3(QStringLiteral("GPU-hours per month"),
                     QStringLiteral("%1 GPU-h").arg(t.large(r.gpuHoursPerMonth)),
                     QStringLiteral("runs per month × GPU-hours per run")));
  }
  rows.append(row3(QStringLiteral("Parallelism"), parallelismText(r.parallelism),
                   QStringLiteral("TP within the NVLink domain and dividing the heads, PP "
                                  "dividing the layers, DP the rest")));
  rows.append(row3(QStringLiteral("Model states per GPU"), t.bytes(r.modelStateBytesPerGpu),
                   QStringLiteral("16 B per parameter (mixed-precision Adam) split by TP × PP, "
                                  "ZeRO stage over DP (formulas.md §4.3)")));
  rows.append(row3(QStringLiteral("Activations per GPU"), t.bytes(r.activationBytesPerGpu),
                   r.activationBytesPerGpu > 0.0
                       ? QStringLiteral("Korthikanti 2022 Table 2, first pipeline stage")
                       : QStringLiteral("not counted: the workload gives no architecture "
                                        "(layers, hidden size, heads)")));
  rows.append(row3(QStringLiteral("Memory per GPU"), t.bytes(r.memoryPerGpuBytes),
                   pool != nullptr && pool->gpu.memoryBytes > 0.0
                       ? QStringLiteral("states + activations, of %1 HBM (%2)")
                             .arg(t.bytes(pool->gpu.memoryBytes), pool->gpu.model)
                       : QStringLiteral("states + activations")));
  rows.append(row3(QStringLiteral("Min GPUs for memory"), t.gpus(r.minGpusForMemory),
                   QStringLiteral("smallest TP × PP × DP whose memory per GPU fits")));
  rows.append(row3(QStringLiteral("Step time"), t.duration(r.stepSeconds),
                   QStringLiteral("global batch tokens × FLOPs per token / (GPUs × peak × MFU)")));
  rows.append(
      row3(QStringLiteral("All-reduce per step"), t.duration(r.allReduceSeconds),
           pool != nullptr && pool->scaleOutBpsPerGpu > 0.0
               ? QStringLiteral("%1 of the step: ring all-reduce of the gradients at %2 per GPU")
                     .arg(t.share(r.commFraction), t.bandwidth(pool->scaleOutBpsPerGpu))
               : QStringLiteral("ring all-reduce of the gradients; no fabric bandwidth to check")));
  rows.append(row3(QStringLiteral("Checkpoint"), t.bytes(r.checkpointBytes),
                   QStringLiteral("parameters × bytes per parameter (with optimizer state)")));
  rows.append(row3(QStringLiteral("Checkpoint write bandwidth"), t.bandwidth(r.checkpointWriteBps),
                   QStringLiteral("checkpoint / (stall fraction × step time)")));
  rows.append(row3(QStringLiteral("Checkpoint write time"), t.duration(r.checkpointWriteSeconds),
                   QStringLiteral("at the storage's write bandwidth (or the required one)")));
  rows.append(row3(QStringLiteral("Job MTBF"), t.duration(r.mtbfSeconds),
                   QStringLiteral("86,400 s / (interruptions per GPU-day × GPUs)")));
  rows.append(row3(QStringLiteral("Checkpoint interval"), t.duration(r.checkpointIntervalSeconds),
                   QStringLiteral("Young 1974: √(2 × write time × MTBF)")));
  rows.append(row3(QStringLiteral("Dataloader read"), t.bandwidth(r.dataReadBps),
                   QStringLiteral("DGX SuperPOD storage guideline (RA-11333-001 Table 6) for "
                                  "the pool's %1 nodes")
                       .arg(t.count(pool != nullptr ? pool->nodes : 0))));
  return table;
}

Table inferenceTable(const WorkloadFit& fit, const Workload& w, int index, const FitText& t) {
  const InferenceFit& r = fit.inference;
  const fit::ServingReplica& rep = r.replica;
  Table table = resultsTable(fit, index, r.parameters, t);
  QList<QList<Cell>>& rows = table.rows;
  rows.append(row3(QStringLiteral("Weights"), t.bytes(rep.weightsBytes),
                   QStringLiteral("parameters × bytes per weight at %1 (formulas.md §4.4)")
                       .arg(precisionName(w.precision))));
  rows.append(row3(QStringLiteral("KV cache per token"), t.bytes(rep.kvBytesPerToken),
                   QStringLiteral("2 × layers × KV heads × head dim × bytes per element")));
  rows.append(row3(QStringLiteral("KV cache per sequence"), t.bytes(rep.kvBytesPerSequence),
                   QStringLiteral("(prompt + output) tokens × KV per token")));
  rows.append(row3(QStringLiteral("Replica"),
                   rep.gpus > 0 ? t.gpus(rep.gpus) : QStringLiteral("does not fit"),
                   QStringLiteral("the power of two within the NVLink domain that holds the "
                                  "weights and a sequence and meets the targets with the most "
                                  "tokens/s per GPU; %1 sequences fit in its memory")
                       .arg(t.count(rep.maxSequences)),
                   rep.gpus > 0 ? Tone::Normal : Tone::Error));
  rows.append(row3(QStringLiteral("Decode batch"), t.count(rep.batch),
                   QStringLiteral("largest that memory and the TPOT target allow; limited by %1")
                       .arg(rep.limit.isEmpty() ? QStringLiteral("–") : rep.limit)));
  rows.append(row3(QStringLiteral("TTFT"), t.duration(rep.ttftS),
                   QStringLiteral("prefill: 2 N × prompt / (GPUs × peak × prefill MFU); target %1")
                       .arg(t.duration(w.ttftTargetS)),
                   rep.meetsTtft ? Tone::Normal : Tone::Error));
  rows.append(row3(QStringLiteral("TPOT"), t.duration(rep.tpotS),
                   QStringLiteral("decode: weights and KV read per token at memory bandwidth × "
                                  "MBU, or compute; target %1")
                       .arg(t.duration(w.tpotTargetS)),
                   rep.meetsTpot ? Tone::Normal : Tone::Error));
  rows.append(row3(QStringLiteral("Replica throughput"),
                   QStringLiteral("%1 tokens/s").arg(t.count(rep.tokensPerSecond)),
                   QStringLiteral("%1 requests/s; batching %2 (continuous over static ×%3)")
                       .arg(t.ratio(rep.requestsPerSecond),
                            w.batching == Batching::Continuous ? QStringLiteral("continuous")
                                                               : QStringLiteral("static"),
                            t.ratio(r.continuousBatchingGain))));
  rows.append(row3(QStringLiteral("Replicas"),
                   QStringLiteral("%1 (%2)").arg(t.count(r.replicas), t.gpus(r.gpus)),
                   QStringLiteral("⌈request rate / requests per replica⌉")));
  rows.append(row3(QStringLiteral("Tokens served"),
                   QStringLiteral("%1 tokens/s").arg(t.count(r.tokensPerSecond)),
                   QStringLiteral("output tokens at the request rate; capacity %1 tokens/s")
                       .arg(t.count(r.capacityTokensPerSecond))));
  rows.append(row3(QStringLiteral("Energy per token"), t.joules(r.cost.joulesPerToken),
                   QStringLiteral("facility energy: GPUs × power per GPU at the inference "
                                  "utilisation × PUE")));
  rows.append(
      row3(QStringLiteral("Cost per million tokens"), t.usd(r.cost.usdPerMillion),
           QStringLiteral("output tokens: energy %1 + hardware %2 (GPU price amortised "
                          "over its years)")
               .arg(t.usd(r.cost.energyUsdPerMillion), t.usd(r.cost.hardwareUsdPerMillion))));
  rows.append(row3(QStringLiteral("Cost at full load"), t.usd(r.costAtFullLoad.usdPerMillion),
                   QStringLiteral("the same replicas kept busy: per million tokens of their "
                                  "capacity")));
  if (r.tiered) {
    rows.append(row3(
        QStringLiteral("Tiering"),
        QStringLiteral("%1 + %2 replicas").arg(t.count(r.smallReplicas), t.count(r.largeReplicas)),
        QStringLiteral("small model on %1 per replica, large model on %2")
            .arg(t.gpus(r.smallReplica.gpus), t.gpus(rep.gpus))));
    rows.append(row3(QStringLiteral("Tiering saving"), t.percent(r.tieringSavingPct),
                     QStringLiteral("against %1 per million tokens with every request on the "
                                    "large model")
                         .arg(t.usd(r.untieredUsdPerMillion)),
                     r.tieringSavingPct > 0.0 ? Tone::Good : Tone::Normal));
  }
  return table;
}

Table checkTable(const WorkloadFit& fit, int index, double tightMargin, const FitText& t) {
  Table table;
  table.id = QStringLiteral("workload-%1-checks").arg(index + 1);
  table.caption = QStringLiteral("%1: checks against the design").arg(fit.name);
  table.columns = {textColumn(QStringLiteral("Resource"), 0.75),
                   textColumn(QStringLiteral("Check"), 1.45),
                   Column{QStringLiteral("Required"), QString(), Align::Right, 0.75},
                   Column{QStringLiteral("Available"), QString(), Align::Right, 0.75},
                   numberColumn(QStringLiteral("Margin"), QStringLiteral("%"), 0.55),
                   textColumn(QStringLiteral("Verdict"), 0.6)};
  for (const ResourceCheck& check : fit.checks) {
    const bool limiting = check.assessed && check.resource == fit.limitingResource &&
                          std::fabs(check.margin - fit.margin) < 1e-12;
    // Time and latency are weighed against the workload's own targets.
    const bool isTarget =
        check.resource == FitResource::Time || check.resource == FitResource::Latency;
    Tone tone = Tone::Good;
    QString verdict = QStringLiteral("within");
    if (!check.assessed) {
      tone = Tone::Muted;
      verdict = QStringLiteral("not assessed");
    } else if (check.margin < 0.0) {
      tone = Tone::Error;
      verdict = QStringLiteral("short");
    } else if (check.margin < tightMargin) {
      tone = Tone::Warning;
      verdict = QStringLiteral("tight");
    }
    QList<Cell> row{
        CellWriter::text(resourceName(check.resource)),
        CellWriter::text(check.what),
        CellWriter::text(t.inUnit(check.required, check.unit)),
        check.assessed ? CellWriter::text(t.inUnit(check.available, check.unit, isTarget))
                       : CellWriter::text(QStringLiteral("not in the design"), Tone::Muted),
        check.assessed
            ? t.cells.number(100.0 * check.margin, Quantity::Percent, QStringLiteral("%"), tone)
            : CellWriter::none(),
        CellWriter::text(verdict, tone)};
    if (limiting) {
      for (Cell& cell : row) {
        cell.bold = true;
      }
    }
    table.rows.append(row);
  }
  return table;
}

/// The findings about this workload (or its pool), errors first.
QList<const Finding*> findingsOf(const WorkloadResult& result, const WorkloadFit& fit) {
  QList<const Finding*> found;
  for (const Finding& finding : result.findings) {
    const ObjectRef& ref = finding.subject;
    if (ref.kind == ObjectKind::Workload && ref.id == fit.workloadId.uuid()) {
      found.append(&finding);
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const Finding* a, const Finding* b) {
    return int(a->severity) < int(b->severity);
  });
  return found;
}

QString verdictText(const WorkloadFit& fit, const FitText& t) {
  if (!fit.problem.isEmpty()) {
    return QStringLiteral("Not assessed: %1").arg(fit.problem);
  }
  if (fit.verdict == FitVerdict::NotAssessed) {
    return QStringLiteral("Not assessed.");
  }
  QString text = QStringLiteral("%1: %2").arg(fit.name, fitVerdictName(fit.verdict));
  if (fit.limitingResource != FitResource::None) {
    text += QStringLiteral(". Limiting resource: %1, margin %2")
                .arg(inSentence(resourceName(fit.limitingResource)), t.share(fit.margin));
  }
  return text + QLatin1Char('.');
}

KeyFigures keyFigures(const WorkloadFit& fit, const Workload& w, const FitText& t) {
  KeyFigures figures;
  figures.columns = 4;
  QList<KeyFigure>& items = figures.items;
  items.append({QStringLiteral("Verdict"), fitVerdictName(fit.verdict),
                fit.limitingResource != FitResource::None
                    ? QStringLiteral("limited by %1, margin %2")
                          .arg(inSentence(resourceName(fit.limitingResource)), t.share(fit.margin))
                    : QStringLiteral("every check with margin"),
                verdictTone(fit.verdict)});
  if (w.kind == WorkloadKind::Inference) {
    const InferenceFit& r = fit.inference;
    items.append(
        {QStringLiteral("Replicas"), t.count(r.replicas),
         QStringLiteral("%1 each, %2 in all").arg(t.gpus(r.replica.gpus), t.gpus(r.gpus))});
    items.append({QStringLiteral("Output tokens/s"), t.count(r.tokensPerSecond),
                  QStringLiteral("served at %1 requests/s").arg(t.given(w.requestsPerSecond))});
    items.append(
        {QStringLiteral("Cost per million tokens"), t.usd(r.cost.usdPerMillion),
         QStringLiteral("energy %1, hardware %2")
             .arg(t.usd(r.cost.energyUsdPerMillion), t.usd(r.cost.hardwareUsdPerMillion))});
    return figures;
  }
  const TrainingFit& r = fit.training;
  items.append({QStringLiteral("Time to train"), t.days(r.days),
                w.targetDays > 0.0 ? QStringLiteral("target %1").arg(t.days(w.targetDays, true))
                                   : QStringLiteral("on %1").arg(t.gpus(r.gpus)),
                w.targetDays > 0.0 && r.days > w.targetDays ? Tone::Error : Tone::Normal});
  items.append({QStringLiteral("GPU-hours"), t.large(r.gpuHours),
                QStringLiteral("%1 on %2").arg(t.flops(r.flops), t.gpus(r.gpus))});
  items.append({QStringLiteral("Memory per GPU"), t.bytes(r.memoryPerGpuBytes),
                QStringLiteral("min %1 for memory").arg(t.gpus(r.minGpusForMemory))});
  return figures;
}

}  // namespace

Section workloadSection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  const FitText t{cells, NumberStyle{input.locale, 3}};
  const WorkloadResult& result = input.analysis.workload;
  Section section;
  section.id = QStringLiteral("workload");
  section.title = QStringLiteral("Workload fit");
  if (input.project.workloads().isEmpty() && input.project.workloadPools().isEmpty()) {
    return section;  // nothing to fit: the PDF prints no section
  }
  int fits = 0, tight = 0, short_ = 0, unassessed = 0;
  for (const WorkloadFit& fit : result.fits) {
    fits += fit.verdict == FitVerdict::Fits ? 1 : 0;
    tight += fit.verdict == FitVerdict::Tight ? 1 : 0;
    short_ += fit.verdict == FitVerdict::DoesNotFit ? 1 : 0;
    unassessed += fit.verdict == FitVerdict::NotAssessed ? 1 : 0;
  }
  const auto of = [&](qsizetype n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(t.count(double(n)), QString::fromUtf8(n == 1 ? one : many));
  };
  if (result.fits.isEmpty()) {
    section.blocks.append(
        Paragraph{QStringLiteral("No workloads: %1 defined, none assigned a workload.")
                      .arg(of(result.pools.size(), "pool is", "pools are")),
                  Paragraph::Style::Lead, Tone::Muted});
  } else {
    QStringList verdicts;
    if (fits > 0) {
      verdicts.append(QStringLiteral("%1 fit").arg(t.count(fits)));
    }
    if (tight > 0) {
      verdicts.append(QStringLiteral("%1 fit tightly").arg(t.count(tight)));
    }
    if (short_ > 0) {
      verdicts.append(QStringLiteral("%1 do not fit").arg(t.count(short_)));
    }
    if (unassessed > 0) {
      verdicts.append(QStringLiteral("%1 not assessed").arg(t.count(unassessed)));
    }
    section.blocks.append(Paragraph{
        QStringLiteral("%1 on %2: %3.")
            .arg(of(result.fits.size(), "workload", "workloads"),
                 of(result.pools.size(), "pool", "pools"), verdicts.join(QStringLiteral(", "))),
        Paragraph::Style::Lead,
        short_ > 0                    ? Tone::Error
        : tight > 0 || unassessed > 0 ? Tone::Warning
                                      : Tone::Good});
  }
  section.blocks.append(Paragraph{
      QStringLiteral(
          "Each workload is fitted to its pool by the formulas of formulas.md §4 (docs/workload.md "
          "names each with its source): compute from the catalog's dense peaks, memory per GPU, "
          "the data-parallel all-reduce against the fabric's bandwidth per GPU, checkpoint and "
          "dataloader storage, and the pool racks' power; inference replicas within the latency "
          "targets and their cost per million output tokens. The assumptions each uses are named "
          "below with their values; their sources are in the section \"Design assumptions and "
          "sources\"."),
      Paragraph::Style::Note});
  const double tightMargin =
      input.analysis.assumptions.value(QString::fromLatin1(assumption::kTightMarginPct)) / 100.0;
  if (!result.fits.isEmpty()) {
    section.blocks.append(Paragraph{
        QStringLiteral(
            "Each workload's checks weigh what it requires against what the design makes "
            "available; margin = available / required − 1: short when negative, tight under %1 "
            "(the assumption \"Tight below a margin of\"). The limiting resource, in bold, has "
            "the smallest margin of the checks assessed; a workload does not fit when any margin "
            "is negative, and fits tightly when the smallest is tight. Not assessed: the design "
            "holds nothing to check against (no storage placed, no fabric).")
            .arg(t.share(tightMargin)),
        Paragraph::Style::Note});
  }
  section.blocks.append(poolTable(input, t));
  section.blocks.append(poolRackTable(input));
  QList<const Finding*> poolFindings;
  for (const Finding& finding : result.findings) {
    if (finding.subject.kind == ObjectKind::WorkloadPool) {
      poolFindings.append(&finding);
    }
  }
  if (!poolFindings.isEmpty()) {
    section.blocks.append(findingsTable(poolFindings, input.project,
                                        QStringLiteral("workload-pool-findings"),
                                        QStringLiteral("Findings about the pools")));
  }

  for (int i = 0; i < result.fits.size(); ++i) {
    const WorkloadFit& fit = result.fits[i];
    const Workload* workload = input.project.findWorkload(fit.workloadId);
    if (workload == nullptr) {
      continue;
    }
    const PoolSummary* pool = result.pool(fit.poolId);
    section.blocks.append(PageBreak{});
    section.blocks.append(
        Paragraph{QStringLiteral("%1 — %2 on %3")
                      .arg(fit.name, workloadKindName(fit.kind).toLower(),
                           pool != nullptr ? pool->name : QStringLiteral("an unknown pool")),
                  Paragraph::Style::Heading});
    section.blocks.append(
        Paragraph{verdictText(fit, t), Paragraph::Style::Body, verdictTone(fit.verdict)});
    const bool assessed = fit.problem.isEmpty() && fit.verdict != FitVerdict::NotAssessed;
    // The verdict and its checks first, then what they were computed from.
    if (assessed) {
      section.blocks.append(keyFigures(fit, *workload, t));
      section.blocks.append(checkTable(fit, i, tightMargin, t));
    }
    section.blocks.append(inputTable(*workload, pool, i, t));
    if (assessed) {
      section.blocks.append(fit.kind == WorkloadKind::Inference
                                ? inferenceTable(fit, *workload, i, t)
                                : trainingTable(fit, *workload, pool, i, t));
      section.blocks.append(
          Paragraph{assumptionsUsed(input, *workload, pool), Paragraph::Style::Note});
    }
    const QList<const Finding*> findings = findingsOf(result, fit);
    if (!findings.isEmpty()) {
      section.blocks.append(findingsTable(findings, input.project,
                                          QStringLiteral("workload-%1-findings").arg(i + 1),
                                          QStringLiteral("%1: findings").arg(fit.name)));
    }
  }
  return section;
}

}  // namespace dc::report
