// SPDX-License-Identifier: GPL-3.0-or-later
// dcstudio-cli fit: does a workload fit? Three forms (docs/cli.md): a workload from flags on
// --gpus GPUs of --gpu, a workload file (core/model/workloadjson.h) on the same, or a project's
// own workloads on its own pools (the whole analysis). The engine does the arithmetic
// (core/engine/workload); this file reads the command line and prints the result.
#include "clicommands.h"
#include "clicontext.h"
#include "clioutput.h"
#include "engine/analyze.h"
#include "engine/workload/analyzeworkload.h"
#include "format/quantityformat.h"
#include "model/workloadjson.h"
#include "support/plural.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc {

namespace {

/// GPUs per NVLink domain when --gpu names a bare accelerator that no catalog system carries
/// and --gpus-per-node is not given: the eight GPUs of an HGX/DGX baseboard (docs/cli.md).
constexpr int kDefaultGpusPerNode = 8;

/// The flags that describe the workload itself (not the pool): given with a project they are a
/// mistake, since the project's workloads are checked as saved.
const char* const kWorkloadFlags[] = {"--name",
                                      "--kind",
                                      "--params",
                                      "--tokens",
                                      "--layers",
                                      "--hidden",
                                      "--ffn",
                                      "--heads",
                                      "--kv-heads",
                                      "--head-dim",
                                      "--vocab",
                                      "--seq",
                                      "--precision",
                                      "--mfu",
                                      "--goodput",
                                      "--target-days",
                                      "--batch-tokens",
                                      "--micro-batch",
                                      "--tp",
                                      "--pp",
                                      "--dp",
                                      "--cp",
                                      "--zero",
                                      "--recompute",
                                      "--method",
                                      "--lora-rank",
                                      "--runs-per-month",
                                      "--prompt-tokens",
                                      "--output-tokens",
                                      "--rate",
                                      "--ttft",
                                      "--tpot",
                                      "--batching"};

/// The flags that describe the pool a workload runs on without a project.
const char* const kPoolFlags[] = {"--gpu",
                                  "--gpus",
                                  "--gpus-per-node",
                                  "--scale-out-gbps",
                                  "--storage-read-gb-per-s",
                                  "--storage-write-gb-per-s"};

// --- option values ----------------------------------------------------------------------------

/// A number with an optional SI-style count suffix: "70e9", "70B", "1.8T", "300b", "4k".
bool parseCount(const QString& text, double* value) {
  QString t = text.trimmed();
  double scale = 1.0;
  if (!t.isEmpty()) {
    switch (t.back().toLower().toLatin1()) {
      case 'k':
        scale = 1e3;
        break;
      case 'm':
        scale = 1e6;
        break;
      case 'b':
      case 'g':
        scale = 1e9;
        break;
      case 't':
        scale = 1e12;
        break;
      default:
        break;
    }
    if (scale != 1.0) {
      t.chop(1);
    }
  }
  bool ok = false;
  const double v = QLocale::c().toDouble(t, &ok);
  if (!ok || !std::isfinite(v)) {
    return false;
  }
  *value = v * scale;
  return true;
}

/// A number from `option` ("a parameter count"); counts may carry a k/M/B/T suffix.
double numberValue(const Options& options, const char* option, const char* what,
                   bool countSuffix = false) {
  const QString text = options.value(option);
  double value = 0.0;
  bool ok = false;
  if (countSuffix) {
    ok = parseCount(text, &value);
  } else {
    value = QLocale::c().toDouble(text, &ok);
    ok = ok && std::isfinite(value);
  }
  if (!ok) {
    throw UsageError{QStringLiteral("%1: '%2' is not a number (%3)")
                         .arg(QLatin1String(option), text, QLatin1String(what))};
  }
  return value;
}

/// A number above 0 (and at most `maximum` when given).
double positiveValue(const Options& options, const char* option, const char* what,
                     bool countSuffix = false, double maximum = 0.0,
                     const char* maximumWhy = nullptr) {
  const double value = numberValue(options, option, what, countSuffix);
  if (value <= 0.0) {
    throw UsageError{QStringLiteral("%1: %2 is not %3 above 0")
                         .arg(QLatin1String(option), options.value(option), QLatin1String(what))};
  }
  if (maximum > 0.0 && value > maximum) {
    throw UsageError{QStringLiteral("%1: %2 is above %3 (%4)")
                         .arg(QLatin1String(option), options.value(option))
                         .arg(maximum)
                         .arg(QLatin1String(maximumWhy))};
  }
  return value;
}

/// A number of 0 or more.
double nonNegativeValue(const Options& options, const char* option, const char* what) {
  const double value = numberValue(options, option, what);
  if (value < 0.0) {
    throw UsageError{QStringLiteral("%1: %2 is negative; %3 is 0 or more")
                         .arg(QLatin1String(option), options.value(option), QLatin1String(what))};
  }
  return value;
}

template <typename Enum>
Enum enumValue(const Options& options, const char* option, bool (*fromKey)(const QString&, Enum*),
               const char* choices) {
  Enum value{};
  if (!fromKey(options.value(option).toLower(), &value)) {
    throw UsageError{
        QStringLiteral("%1: '%2' is not %3")
            .arg(QLatin1String(option), options.value(option), QLatin1String(choices))};
  }
  return value;
}

/// "2,048": a count in a name ("2,048 x A100 SXM 80 GB"), the same in every locale.
QString grouped(double v) {
  return QLocale(QLocale::English).toString(qint64(std::llround(v)));
}

/// "70B", "1.8T", "300M": a parameter count in a name as papers write it ("70B BF16 training").
QString countInName(double v) {
  const auto with = [](double scaled, char suffix) {
    return QLocale::c().toString(scaled, 'g', 3) + QLatin1Char(suffix);
  };
  return v >= 1e12  ? with(v / 1e12, 'T')
         : v >= 1e9 ? with(v / 1e9, 'B')
         : v >= 1e6 ? with(v / 1e6, 'M')
                    : grouped(v);
}

// --- the workload from flags --------------------------------------------------------------------

/// Applies the workload flags given to `w` (the defaults of the model, or a workload file's
/// values that the flags override). Every value is checked here, naming its flag.
void applyWorkloadFlags(const Options& options, Workload* w) {
  if (options.has("--name")) {
    w->name = options.value("--name");
  }
  if (options.has("--kind")) {
    w->kind = enumValue<WorkloadKind>(options, "--kind", &workloadKindFromKey,
                                      "training, finetune or inference");
  }
  TransformerShape& m = w->model;
  if (options.has("--params")) {
    m.parameters = positiveValue(options, "--params", "a parameter count", true);
  }
  struct Dimension {
    const char* option;
    int* field;
    const char* what;
  };
  const Dimension dimensions[] = {
      {"--layers", &m.layers, "a layer count"},
      {"--hidden", &m.hiddenSize, "a hidden size"},
      {"--ffn", &m.ffnSize, "an FFN size"},
      {"--heads", &m.heads, "an attention-head count"},
      {"--kv-heads", &m.kvHeads, "a KV-head count"},
      {"--head-dim", &m.headDim, "a head dimension"},
      {"--vocab", &m.vocabSize, "a vocabulary size"},
      {"--seq", &m.sequenceLength, "a sequence length in tokens"},
  };
  for (const Dimension& d : dimensions) {
    if (options.has(d.option)) {
      *d.field = wholeOption(options, d.option, 1, d.what);
    }
  }
  if (options.has("--precision")) {
    w->precision =
        enumValue<Precision>(options, "--precision", &precisionFromKey, "bf16, fp8, fp4 or int4");
  }
  if (options.has("--tokens")) {
    w->tokens = positiveValue(options, "--tokens", "a token count", true);
  }
  if (options.has("--target-days")) {
    w->targetDays = positiveValue(options, "--target-days", "a number of days");
  }
  if (options.has("--batch-tokens")) {
    w->globalBatchTokens =
        positiveValue(options, "--batch-tokens", "a global batch in tokens", true);
  }
  if (options.has("--micro-batch")) {
    w->microBatch = wholeOption(options, "--micro-batch", 1, "a micro-batch in sequences");
  }
  if (options.has("--mfu")) {
    w->mfu = positiveValue(options, "--mfu", "a model FLOPs utilisation", false, 1.0,
                           "the MFU is the fraction of the dense peak a run achieves, at most 1");
  }
  if (options.has("--goodput")) {
    w->goodput = positiveValue(options, "--goodput", "a goodput fraction", false, 1.0,
                               "the goodput is the fraction of wall-clock time spent training");
  }
  Parallelism& par = w->parallelism;
  if (options.has("--tp")) {
    par.tp = wholeOption(options, "--tp", 1, "a tensor-parallel size");
  }
  if (options.has("--pp")) {
    par.pp = wholeOption(options, "--pp", 1, "a pipeline-parallel size");
  }
  if (options.has("--dp")) {
    par.dp = wholeOption(options, "--dp", 1, "a data-parallel size");
  }
  if (options.has("--cp")) {
    par.cp = wholeOption(options, "--cp", 1, "a context-parallel size");
  }
  if (options.has("--zero")) {
    par.zeroStage = wholeOption(options, "--zero", 0, "a ZeRO stage", 3);
  }
  if (options.has("--recompute")) {
    w->recompute = enumValue<RecomputeMode>(options, "--recompute", &recomputeModeFromKey,
                                            "none, selective or full");
  }
  if (options.has("--method")) {
    w->fineTuneMethod =
        enumValue<FineTuneMethod>(options, "--method", &fineTuneMethodFromKey, "full or lora");
  }
  if (options.has("--lora-rank")) {
    w->loraRank = wholeOption(options, "--lora-rank", 1, "a LoRA rank");
    if (!options.has("--method")) {
      w->fineTuneMethod = FineTuneMethod::LoRA;
    }
  }
  if (options.has("--runs-per-month")) {
    w->runsPerMonth = positiveValue(options, "--runs-per-month", "a number of runs per month");
  }
  if (options.has("--prompt-tokens")) {
    w->promptTokens = wholeOption(options, "--prompt-tokens", 1, "a prompt length in tokens");
  }
  if (options.has("--output-tokens")) {
    w->outputTokens = wholeOption(options, "--output-tokens", 1, "an output length in tokens");
  }
  if (options.has("--rate")) {
    w->requestsPerSecond = positiveValue(options, "--rate", "a request rate in requests/s");
  }
  if (options.has("--ttft")) {
    w->ttftTargetS = positiveValue(options, "--ttft", "a time-to-first-token target in seconds");
  }
  if (options.has("--tpot")) {
    w->tpotTargetS = positiveValue(options, "--tpot", "a time-per-output-token target in seconds");
  }
  if (options.has("--batching")) {
    w->batching =
        enumValue<Batching>(options, "--batching", &batchingFromKey, "static or continuous");
  }
}

/// Flags that only one kind of workload uses: given to another kind they are a mistake to say.
void checkFlagsFitTheKind(const Options& options, WorkloadKind kind) {
  const char* const training[] = {"--tokens", "--target-days", "--batch-tokens", "--micro-batch",
                                  "--mfu",    "--goodput",     "--tp",           "--pp",
                                  "--dp",     "--cp",          "--zero",         "--recompute"};
  const char* const fineTuning[] = {"--method", "--lora-rank", "--runs-per-month"};
  const char* const inference[] = {"--prompt-tokens", "--output-tokens", "--rate",
                                   "--ttft",          "--tpot",          "--batching"};
  const QString kindText = workloadKindKey(kind);
  auto refuse = [&](const char* option, const char* kinds) {
    throw UsageError{QStringLiteral("%1 applies to %2 workloads, not to --kind %3")
                         .arg(QLatin1String(option), QLatin1String(kinds), kindText)};
  };
  if (kind == WorkloadKind::Inference) {
    for (const char* option : training) {
      if (options.has(option)) {
        refuse(option, "training and finetune");
      }
    }
  }
  if (kind != WorkloadKind::FineTuning) {
    for (const char* option : fineTuning) {
      if (options.has(option)) {
        refuse(option, "finetune");
      }
    }
  }
  if (kind != WorkloadKind::Inference) {
    for (const char* option : inference) {
      if (options.has(option)) {
        refuse(option, "inference");
      }
    }
  }
}

/// What the flags leave out that the kind needs, and the splits that cannot work, each named by
/// its flag ("--tp: 3 does not divide the 64 attention heads (--heads)") or, for a workload
/// file `origin`, by the file and its field ("w.json: parallelism.tp: 3 does not divide ...").
void checkWorkloadFlags(const Workload& w, const QString& origin) {
  const TransformerShape& m = w.model;
  const bool flags = origin.isEmpty();
  // The flag, or the field of the workload file.
  const auto name = [&](const char* flag, const char* field) {
    return flags ? QString::fromLatin1(flag) : QString::fromLatin1(field);
  };
  // A message about one flag or field: "--tp: ..." or "w.json: parallelism.tp: ...".
  const auto about = [&](const char* flag, const char* field) {
    return flags ? QString::fromLatin1(flag) : origin + QStringLiteral(": ") + field;
  };
  const QString who = flags ? QStringLiteral("'fit'") : origin;
  if (m.parameters <= 0.0 && !m.hasArchitecture()) {
    throw UsageError{
        QStringLiteral("%1 needs %2 (a parameter count above 0, e.g. 70e9 or 70B) "
                       "or the architecture (%3, %4 and %5)")
            .arg(who, name("--params", "model.parameters"), name("--layers", "model.layers"),
                 name("--hidden", "model.hiddenSize"), name("--heads", "model.heads"))};
  }
  if (w.kind != WorkloadKind::Inference && w.tokens <= 0.0) {
    throw UsageError{QStringLiteral("%1 needs %2 above 0 (%3 tokens, e.g. 2e12 or 2T)")
                         .arg(who, name("--tokens", "tokens"),
                              w.kind == WorkloadKind::FineTuning ? QStringLiteral("dataset")
                                                                 : QStringLiteral("training"))};
  }
  if (w.kind == WorkloadKind::Inference) {
    if (w.promptTokens <= 0 || w.outputTokens <= 0 || w.requestsPerSecond <= 0.0) {
      throw UsageError{QStringLiteral("%1 needs %2, %3 and %4 above 0 for an inference workload")
                           .arg(who, name("--prompt-tokens", "promptTokens"),
                                name("--output-tokens", "outputTokens"),
                                name("--rate", "requestsPerSecond"))};
    }
    if (m.layers <= 0 || m.heads <= 0 || (m.hiddenSize <= 0 && m.headDim <= 0)) {
      throw UsageError{
          QStringLiteral("%1: an inference workload needs the architecture for its KV cache: %2, "
                         "%3 and %4 (or %5)")
              .arg(who, name("--layers", "model.layers"), name("--heads", "model.heads"),
                   name("--hidden", "model.hiddenSize"), name("--head-dim", "model.headDim"))};
    }
  }
  const Parallelism& par = w.parallelism;
  if (par.tp > 0 && m.heads > 0 && m.heads % par.tp != 0) {
    throw UsageError{QStringLiteral("%1: %2 does not divide the %3 attention heads (%4)")
                         .arg(about("--tp", "parallelism.tp"))
                         .arg(par.tp)
                         .arg(m.heads)
                         .arg(name("--heads", "model.heads"))};
  }
  if (par.pp > 1 && m.layers > 0 && m.layers % par.pp != 0) {
    throw UsageError{QStringLiteral("%1: %2 does not divide the %3 layers (%4)")
                         .arg(about("--pp", "parallelism.pp"))
                         .arg(par.pp)
                         .arg(m.layers)
                         .arg(name("--layers", "model.layers"))};
  }
}

// --- the pool without a project -----------------------------------------------------------------

/// The standalone pool of --gpus GPUs of --gpu: the GPU's figures from the catalog, its NVLink
/// domain, scale-out bandwidth and power per GPU from the system --gpu names.
PoolSummary poolFromFlags(const Options& options, const Catalog& catalog, int gpus) {
  const QString id = options.value("--gpu");
  const CatalogItem* item = catalog.find(id);
  if (item == nullptr) {
    throw UsageError{
        QStringLiteral("--gpu: no catalog item '%1' (an accelerator, server or rack-scale system; "
                       "dcstudio-cli catalog lists them)")
            .arg(id)};
  }
  if (item->kind != ItemKind::Accelerator && item->acceleratorCount <= 0) {
    throw UsageError{QStringLiteral("--gpu: '%1' (%2) is a %3 and carries no accelerators")
                         .arg(id, item->model, itemKindKey(item->kind))};
  }
  fit::GpuFigures gpu;
  const QString problem = gpuFigures(catalog, id, &gpu);
  if (!problem.isEmpty()) {
    throw UsageError{QStringLiteral("--gpu: %1").arg(problem)};
  }
  int domain = 0;
  double scaleOutBps = 0.0;
  double powerPerGpu = 0.0;
  if (item->kind == ItemKind::Accelerator) {
    // The largest system of the catalog that carries this GPU sets its NVLink domain.
    for (const CatalogItem& system : catalog.items()) {
      if (system.acceleratorPart == item->id) {
        domain = std::max(domain, system.acceleratorCount);
      }
    }
    domain = domain > 0 ? domain : kDefaultGpusPerNode;
  } else if (item->acceleratorCount > 0) {
    domain = item->acceleratorCount;
    double computeGbps = 0.0;
    for (const PortGroup& group : item->ports) {
      computeGbps +=
          group.purpose == QLatin1String("compute") ? group.count * group.speedGbps : 0.0;
    }
    scaleOutBps = computeGbps * 1e9 / 8.0 / item->acceleratorCount;
    if (const SpecValue* maxPower = item->maxPowerW()) {
      powerPerGpu = maxPower->value / item->acceleratorCount;
    }
  }
  if (options.has("--gpus-per-node")) {
    domain = wholeOption(options, "--gpus-per-node", 1, "a GPU count per NVLink domain");
  }
  if (options.has("--scale-out-gbps")) {
    scaleOutBps =
        nonNegativeValue(options, "--scale-out-gbps", "a scale-out bandwidth per GPU in Gb/s") *
        1e9 / 8.0;
  }
  double readBps = 0.0;
  double writeBps = 0.0;
  if (options.has("--storage-read-gb-per-s")) {
    readBps =
        nonNegativeValue(options, "--storage-read-gb-per-s", "a storage read bandwidth in GB/s") *
        1e9;
  }
  if (options.has("--storage-write-gb-per-s")) {
    writeBps =
        nonNegativeValue(options, "--storage-write-gb-per-s", "a storage write bandwidth in GB/s") *
        1e9;
  }
  PoolSummary pool =
      standalonePool(gpu, gpus, std::min(domain, gpus), scaleOutBps, readBps, writeBps);
  if (powerPerGpu > 0.0) {
    pool.maxPowerWPerGpu = powerPerGpu;  // the server's share, not the bare TDP
  }
  pool.name = QStringLiteral("%1 x %2").arg(grouped(gpus), gpu.model);
  return pool;
}

// --- output ------------------------------------------------------------------------------------

/// A figure in the studio's one number format (format/quantityformat.h), the user's locale.
QString text(double value, Quantity quantity) {
  return formatQuantity(value, quantity);
}

void printRow(QTextStream& out, const char* label, const QString& value) {
  out << "  " << QString::fromLatin1(label).leftJustified(17) << value << '\n';
}

void printFitText(const WorkloadFit& f, const PoolSummary* pool, const QList<Finding>& findings,
                  QTextStream& out) {
  out << "Workload: " << (f.name.isEmpty() ? QStringLiteral("(unnamed)") : f.name) << " ("
      << workloadKindName(f.kind) << ")\n";
  if (pool != nullptr) {
    const int domain = pool->scaleUpDomainGpus > 0 ? pool->scaleUpDomainGpus : pool->gpusPerNode;
    const QString gpu = QStringLiteral("%1 (%2)").arg(pool->gpu.model, pool->gpu.catalogId);
    printRow(out, "Pool:",
             pool->poolId.isNull()
                 ? QStringLiteral("%1 x %2, %3 per NVLink domain")
                       .arg(grouped(pool->gpus), gpu)
                       .arg(domain)
                 : QStringLiteral("%1 (%2): %3 GPUs of %4 in %5, %6 per NVLink domain")
                       .arg(pool->name, schedulerName(pool->scheduler), grouped(pool->gpus), gpu,
                            countOf(pool->nodes, "node", "nodes"))
                       .arg(domain));
  }
  if (!f.problem.isEmpty()) {
    printRow(out, "Not assessed:", f.problem);
  } else {
    QString verdict = fitVerdictName(f.verdict);
    if (f.limitingResource != FitResource::None) {
      verdict += QStringLiteral("; limiting: %1 (margin %2)")
                     .arg(fitResourceKey(f.limitingResource), marginText(f.margin));
    }
    printRow(out, "Verdict:", verdict);
  }
  if (f.problem.isEmpty() && f.kind != WorkloadKind::Inference) {
    const TrainingFit& t = f.training;
    printRow(
        out, "Model:",
        QStringLiteral("%1 parameters, %2 tokens")
            .arg(text(t.parameters, Quantity::LargeCount), text(t.tokens, Quantity::LargeCount)));
    printRow(out, "Compute:",
             QStringLiteral("%1 (%2) on %3 at %4 dense")
                 .arg(text(t.flops, Quantity::Flops), t.flopsFormula,
                      checkValueText(t.gpus, QStringLiteral("GPU")),
                      text(t.peakFlops, Quantity::FlopsPerSecond)));
    printRow(out, "MFU, goodput:",
             QStringLiteral("%1 (%2), goodput %3")
                 .arg(text(100.0 * t.mfu, Quantity::Percent), t.mfuSource,
                      text(100.0 * t.goodput, Quantity::Percent)));
    printRow(out, "Time:",
             QStringLiteral("%1, %2 GPU-hours")
                 .arg(checkValueText(t.days, QStringLiteral("days")),
                      text(t.gpuHours, Quantity::LargeCount)));
    if (f.kind == WorkloadKind::FineTuning) {
      printRow(out, "Per month:",
               QStringLiteral("%1 GPU-hours").arg(text(t.gpuHoursPerMonth, Quantity::LargeCount)));
    }
    printRow(out, "Parallelism:",
             QStringLiteral("TP %1 x PP %2 x CP %3 x DP %4, ZeRO %5")
                 .arg(t.parallelism.tp)
                 .arg(t.parallelism.pp)
                 .arg(t.parallelism.cp)
                 .arg(t.parallelism.dp)
                 .arg(t.parallelism.zeroStage));
    printRow(out, "Memory per GPU:",
             QStringLiteral("%1 (model states %2 + activations %3); at least %4 GPUs for memory")
                 .arg(text(t.memoryPerGpuBytes, Quantity::Bytes),
                      text(t.modelStateBytesPerGpu, Quantity::Bytes),
                      text(t.activationBytesPerGpu, Quantity::Bytes),
                      text(t.minGpusForMemory, Quantity::Count)));
    printRow(out, "Step:",
             QStringLiteral("%1, data-parallel all-reduce %2 (%3 of a step)")
                 .arg(text(t.stepSeconds, Quantity::DurationS),
                      text(t.allReduceSeconds, Quantity::DurationS),
                      text(100.0 * t.commFraction, Quantity::Percent)));
    printRow(out, "Checkpoint:",
             QStringLiteral("%1; %2 to write it within the stall budget; every %3 (Young, job "
                            "MTBF %4)")
                 .arg(text(t.checkpointBytes, Quantity::Bytes),
                      text(t.checkpointWriteBps, Quantity::BytesPerSecond),
                      text(t.checkpointIntervalSeconds, Quantity::DurationS),
                      text(t.mtbfSeconds, Quantity::DurationS)));
    printRow(out, "Data read:", text(t.dataReadBps, Quantity::BytesPerSecond));
  }
  if (f.problem.isEmpty() && f.kind == WorkloadKind::Inference) {
    const InferenceFit& i = f.inference;
    const fit::ServingReplica& r = i.replica;
    printRow(
        out, "Model:",
        QStringLiteral("%1 parameters, weights %2, KV cache %3 per token")
            .arg(text(i.parameters, Quantity::LargeCount), text(r.weightsBytes, Quantity::Bytes),
                 text(r.kvBytesPerToken, Quantity::Bytes)));
    printRow(out, "Replica:",
             QStringLiteral("%1, batch %2 (memory holds %3 sequences; %4 limits), "
                            "%5 per GPU")
                 .arg(checkValueText(r.gpus, QStringLiteral("GPU")), text(r.batch, Quantity::Count),
                      text(r.maxSequences, Quantity::Count), r.limit,
                      text(inferenceMemoryPerGpuBytes(i), Quantity::Bytes)));
    printRow(out, "Latency:",
             QStringLiteral("TTFT %1, TPOT %2")
                 .arg(text(r.ttftS, Quantity::DurationS), text(r.tpotS, Quantity::DurationS)));
    printRow(out, "Throughput:",
             QStringLiteral("%1 output tokens/s per replica, %2 requests/s")
                 .arg(text(r.tokensPerSecond, Quantity::LargeCount),
                      text(r.requestsPerSecond, Quantity::Ratio)));
    printRow(
        out, "Replicas:",
        QStringLiteral("%1 (%2), serving %3 tokens/s of %4 capacity")
            .arg(text(i.replicas, Quantity::Count), checkValueText(i.gpus, QStringLiteral("GPU")),
                 text(i.tokensPerSecond, Quantity::LargeCount),
                 text(i.capacityTokensPerSecond, Quantity::LargeCount)));
    printRow(out, "Cost:",
             QStringLiteral("%1 per million output tokens (energy %2 + hardware %3), %4 per "
                            "token")
                 .arg(text(i.cost.usdPerMillion, Quantity::CostUsd),
                      text(i.cost.energyUsdPerMillion, Quantity::CostUsd),
                      text(i.cost.hardwareUsdPerMillion, Quantity::CostUsd),
                      text(i.cost.joulesPerToken, Quantity::EnergyJ)));
    printRow(out, "At full load:",
             QStringLiteral("%1 per million output tokens (the replicas kept busy)")
                 .arg(text(i.costAtFullLoad.usdPerMillion, Quantity::CostUsd)));
    if (i.tiered) {
      printRow(
          out, "Tiering:",
          QStringLiteral("%1 small and %2 large replicas, %3 cheaper than untiered (%4)")
              .arg(text(i.smallReplicas, Quantity::Count), text(i.largeReplicas, Quantity::Count),
                   text(i.tieringSavingPct, Quantity::Percent),
                   text(i.untieredUsdPerMillion, Quantity::CostUsd)));
    }
  }
  if (!f.checks.isEmpty()) {
    out << '\n';
    const QString row = QStringLiteral("  %1 %2 %3 %4\n");
    out << row.arg(QStringLiteral("Check"), -32)
               .arg(QStringLiteral("Required"), 14)
               .arg(QStringLiteral("Available"), 14)
               .arg(QStringLiteral("Margin"), 9);
    for (const ResourceCheck& c : f.checks) {
      out << row.arg(c.what, -32)
                 .arg(checkValueText(c.required, c.unit), 14)
                 .arg(c.assessed ? checkValueText(c.available, c.unit) : QStringLiteral("-"), 14)
                 .arg(c.assessed ? marginText(c.margin) : QStringLiteral("not assessed"), 9);
    }
  }
  if (!findings.isEmpty()) {
    out << '\n';
    for (const Finding& finding : findings) {
      out << "  " << findingSeverityKey(finding.severity) << ' ' << finding.code << ": "
          << finding.message << '\n';
    }
  }
}

/// Prints one or more fits; returns the exit code (1 when any does not fit or is not assessed).
int printFits(const QList<WorkloadFit>& fits, const QList<PoolSummary>& pools,
              const QList<Finding>& findings, const Catalog& catalog, const QString& form,
              bool standalone, const Options& options, QTextStream& out, QTextStream& err) {
  const auto poolOf = [&](const WorkloadFit& f) -> const PoolSummary* {
    if (standalone) {
      return pools.isEmpty() ? nullptr : &pools.first();
    }
    for (const PoolSummary& p : pools) {
      if (p.poolId == f.poolId) {
        return &p;
      }
    }
    return nullptr;
  };
  const qsizetype fitsCount = fits.size();
  const auto findingsOf = [&](const WorkloadFit& f) {
    QList<Finding> mine;
    for (const Finding& finding : findings) {
      if ((standalone && fitsCount == 1) || findingConcerns(finding, f)) {
        mine.append(finding);
      }
    }
    return mine;
  };
  if (options.json) {
    const QHash<QString, QString> urls = sourceUrls(catalog);
    QJsonArray poolsJson;
    for (const PoolSummary& p : pools) {
      poolsJson.append(workloadPoolJson(p));
    }
    QJsonArray fitsJson;
    for (const WorkloadFit& f : fits) {
      QJsonArray mine;
      for (const Finding& finding : findingsOf(f)) {
        mine.append(findingJson(finding, urls));
      }
      QJsonObject object = workloadFitJson(f, poolOf(f), mine);
      if (standalone) {
        // The ids were made up for this run: they name nothing in a file.
        object.insert(QStringLiteral("id"), QJsonValue());
        object.insert(QStringLiteral("poolId"), QJsonValue());
      }
      fitsJson.append(object);
    }
    QJsonArray all;
    for (const Finding& finding : findings) {
      all.append(findingJson(finding, urls));
    }
    const QJsonObject root{{"format", "dcstudio-fit"}, {"formatVersion", 1},    {"form", form},
                           {"pools", poolsJson},       {"workloads", fitsJson}, {"findings", all}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
  } else {
    if (fits.isEmpty()) {
      out << "No workloads: add them in the studio's Workloads panel.\n";
    }
    bool first = true;
    for (const WorkloadFit& f : fits) {
      out << (first ? "" : "\n");
      first = false;
      printFitText(f, poolOf(f), findingsOf(f), out);
    }
  }
  QStringList short_;
  for (const WorkloadFit& f : fits) {
    if (f.verdict == FitVerdict::DoesNotFit) {
      short_.append(
          QStringLiteral("'%1' (limiting: %2)").arg(f.name, fitResourceKey(f.limitingResource)));
    } else if (!f.problem.isEmpty()) {
      short_.append(QStringLiteral("'%1' (not assessed: %2)").arg(f.name, f.problem));
    }
  }
  if (!short_.isEmpty()) {
    err << "dcstudio-cli: " << countOf(int(short_.size()), "workload does", "workloads do")
        << " not fit: " << short_.join(QStringLiteral(", ")) << '\n';
    return kCliDataError;
  }
  return kCliOk;
}

// --- the forms ---------------------------------------------------------------------------------

bool isWorkloadFile(const QString& path) {
  return QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
}

/// A workload file (core/model/workloadjson.h: one workload, or {"workloads": [...]}); a
/// missing or unreadable file is a DataError naming it.
QList<Workload> readWorkloadFile(const QString& path) {
  QFile file(path);
  if (!QFileInfo::exists(path)) {
    throw DataError{QStringLiteral("cannot open '%1': no such file").arg(path)};
  }
  if (QFileInfo(path).isDir()) {
    throw DataError{
        QStringLiteral("cannot open '%1': it is a folder, not a workload file").arg(path)};
  }
  if (!file.open(QIODevice::ReadOnly)) {
    throw DataError{QStringLiteral("cannot open '%1': %2").arg(path, file.errorString())};
  }
  QList<Workload> workloads;
  QString error;
  if (!workloadsFromJsonDocument(file.read(workloadjson::kMaxDocumentBytes + 1), &workloads,
                                 &error)) {
    throw DataError{QStringLiteral("cannot read '%1': %2").arg(path, error)};
  }
  if (workloads.isEmpty()) {
    throw DataError{QStringLiteral("cannot read '%1': it holds no workload").arg(path)};
  }
  return workloads;
}

/// The checks that need the pool: GPUs asked against --gpus, the fixed split, the precision
/// the GPU runs, TP within one NVLink domain. `who` names the workload in messages.
void checkAgainstPool(const Workload& w, const PoolSummary& pool, int gpus, const QString& who,
                      bool flagsOnly) {
  if (w.gpus > gpus) {
    throw UsageError{QStringLiteral("%1 asks for %2 GPUs, more than the %3 of the pool (--gpus)")
                         .arg(flagsOnly ? QStringLiteral("the workload") : who + ": gpus")
                         .arg(w.gpus)
                         .arg(gpus)};
  }
  const Parallelism& par = w.parallelism;
  const qint64 fixed = qint64(std::max(1, par.tp)) * par.pp * par.cp * std::max(1, par.dp);
  if (fixed > gpus) {
    throw UsageError{QStringLiteral("%1 = %2 GPUs, more than the %3 of the pool (--gpus)")
                         .arg(flagsOnly ? QStringLiteral("--tp x --pp x --cp x --dp")
                                        : who + QStringLiteral(": parallelism tp x pp x cp x dp"))
                         .arg(fixed)
                         .arg(gpus)};
  }
  if (pool.gpu.denseFlops(w.precision) <= 0.0) {
    throw UsageError{
        QStringLiteral("%1: the %2 (%3) publishes no %4 peak in the catalog: it cannot run %4 "
                       "math")
            .arg(flagsOnly ? QStringLiteral("--precision") : who + QStringLiteral(": precision"),
                 pool.gpu.model, pool.gpu.catalogId, precisionName(w.precision))};
  }
  const int domain = pool.scaleUpDomainGpus > 0 ? pool.scaleUpDomainGpus : pool.gpusPerNode;
  if (par.tp > 0 && domain > 0 && par.tp > domain) {
    throw UsageError{
        QStringLiteral("%1: %2 is more than the %3 GPUs of one NVLink domain of the "
                       "%4 (--gpus-per-node)")
            .arg(flagsOnly ? QStringLiteral("--tp") : who + QStringLiteral(": parallelism.tp"))
            .arg(par.tp)
            .arg(domain)
            .arg(pool.gpu.model)};
  }
}

int fitStandalone(const Options& options, QTextStream& out, QTextStream& err) {
  QList<Workload> workloads{Workload{}};
  QString origin;  // "" for flags, the file for a workload file
  if (!options.arguments.isEmpty()) {
    origin = options.arguments.first();
    workloads = readWorkloadFile(origin);
  }
  const bool flagsOnly = origin.isEmpty();
  int gpus = 0;
  if (options.has("--gpus")) {
    gpus = wholeOption(options, "--gpus", 1, "a GPU count");
  }
  for (qsizetype i = 0; i < workloads.size(); ++i) {
    Workload& w = workloads[i];
    // The file's kind unless --kind says otherwise; the kind decides which flags apply.
    if (options.has("--kind")) {
      w.kind = enumValue<WorkloadKind>(options, "--kind", &workloadKindFromKey,
                                       "training, finetune or inference");
    }
    checkFlagsFitTheKind(options, w.kind);
    applyWorkloadFlags(options, &w);  // flags override the file's fields
    const QString who =
        flagsOnly ? QString()
        : workloads.size() == 1
            ? origin
            : QStringLiteral("%1: workloads[%2]%3")
                  .arg(origin)
                  .arg(i)
                  .arg(w.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(w.name));
    checkWorkloadFlags(w, who);
    // A workload needs a name (workloadProblem): "70B BF16 training", or the file's.
    if (w.name.isEmpty()) {
      w.name = flagsOnly
                   ? QStringLiteral("%1 %2 %3")
                         .arg(countInName(fit::parameterCount(w.model)), precisionName(w.precision),
                              workloadKindName(w.kind).toLower())
                   : QFileInfo(origin).completeBaseName() +
                         (workloads.size() == 1 ? QString() : QStringLiteral(" %1").arg(i + 1));
    }
    const QString problem = workloadProblem(w);
    if (!problem.isEmpty()) {
      throw UsageError{flagsOnly ? problem : who + QStringLiteral(": ") + problem};
    }
    if (!options.has("--gpus")) {
      gpus = std::max(gpus, w.gpus);
    }
  }
  if (!options.has("--gpu")) {
    throw UsageError{
        QStringLiteral("'fit' needs --gpu (a catalog accelerator, server or "
                       "rack-scale system, e.g. nvidia/h100-sxm)")};
  }
  if (gpus <= 0) {
    throw UsageError{
        QStringLiteral("'fit' needs --gpus (the GPUs of the pool the workload runs on)")};
  }
  const CatalogLoadResult loaded = loadCatalog(options, err);
  PoolSummary pool = poolFromFlags(options, loaded.catalog, gpus);
  // Who would run it: Kubernetes serves inference, Slurm gang-schedules the rest.
  pool.scheduler = std::all_of(workloads.cbegin(), workloads.cend(),
                               [](const Workload& w) { return w.kind == WorkloadKind::Inference; })
                       ? Scheduler::Kubernetes
                       : Scheduler::Slurm;
  QList<WorkloadFit> fits;
  QList<Finding> findings;
  for (qsizetype i = 0; i < workloads.size(); ++i) {
    Workload& w = workloads[i];
    const QString who =
        workloads.size() == 1 ? origin : QStringLiteral("%1: workloads[%2]").arg(origin).arg(i);
    checkAgainstPool(w, pool, gpus, who, flagsOnly);
    // Ids let each workload's findings be told apart; the pool is the one of the flags.
    w.id = WorkloadId::create();
    w.poolId = pool.poolId;
    if (w.gpus <= 0) {
      w.gpus = gpus;
    }
    fits.append(fitWorkload(w, pool, DesignAssumptions{}, findings));
  }
  return printFits(fits, {pool}, findings, loaded.catalog,
                   flagsOnly ? QStringLiteral("flags") : QStringLiteral("workload-file"), true,
                   options, out, err);
}

int fitProject(const Options& options, QTextStream& out, QTextStream& err) {
  for (const char* flag : kWorkloadFlags) {
    if (options.has(flag)) {
      throw UsageError{QStringLiteral("%1 describes a workload: 'fit PROJECT' checks the "
                                      "project's own workloads as saved (give a workload file or "
                                      "flags with --gpu and --gpus instead)")
                           .arg(QLatin1String(flag))};
    }
  }
  for (const char* flag : kPoolFlags) {
    if (options.has(flag)) {
      throw UsageError{QStringLiteral("%1 describes a pool: 'fit PROJECT' runs each workload on "
                                      "its own pool of the design")
                           .arg(QLatin1String(flag))};
    }
  }
  const QString path = options.arguments.first();
  const Project project = openProject(path);
  const CatalogLoadResult loaded = loadCatalog(options, err);
  const Analysis analysis =
      analyze(DesignSnapshot{project, loaded.catalog, project.assumptions(), {}});
  QList<Finding> findings;
  for (const Finding& f : orderedFindings(project, analysis)) {
    if (f.code.startsWith(QLatin1String("fit."))) {
      findings.append(f);
    }
  }
  return printFits(analysis.workload.fits, analysis.workload.pools, findings, loaded.catalog,
                   QStringLiteral("project"), false, options, out, err);
}

}  // namespace

int runFit(const Options& options, QTextStream& out, QTextStream& err) {
  if (options.arguments.size() > 1) {
    throw UsageError{QStringLiteral("'fit' takes one workload or project file, got %1 arguments")
                         .arg(options.arguments.size())};
  }
  if (!options.arguments.isEmpty() && !isWorkloadFile(options.arguments.first())) {
    return fitProject(options, out, err);
  }
  return fitStandalone(options, out, err);
}

}  // namespace dc
