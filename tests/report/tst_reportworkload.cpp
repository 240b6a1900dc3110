// SPDX-License-Identifier: GPL-3.0-or-later
// The report's workload-fit section (issue 11): the 4-SU DGX SuperPOD H100 with a Slurm training
// pool of rows B-D and a Kubernetes inference pool of racks A01-A08, storage placed in the hall,
// one pre-training and one inference workload. The section's figures are the fit pass's
// (Analysis::workload), its pools list their racks, its checks and verdicts are the engine's,
// and a design without workloads prints no section. The PDF is read back with pdftotext.
#include "catalog/catalogloader.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "engine/workload/workloadresult.h"
#include "format/quantityformat.h"
#include "model/designassumptions.h"
#include "poppler.h"
#include "report/pdfreport.h"
#include "report/reportbuilder.h"
#include "report/reportdata.h"
#include "report/sections/sections.h"
#include "testdesigns.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace dc;
using namespace dc::report;

namespace {

const Section* sectionWithId(const ReportDocument& document, const QString& id) {
  for (const Section& section : document.sections) {
    if (section.id == id) {
      return &section;
    }
  }
  return nullptr;
}

const Table* tableIn(const Section& section, const QString& id) {
  for (const Block& block : section.blocks) {
    if (const auto* table = std::get_if<Table>(&block); table != nullptr && table->id == id) {
      return table;
    }
  }
  return nullptr;
}

const KeyFigure* figureIn(const Section& section, const QString& label, int occurrence = 0) {
  for (const Block& block : section.blocks) {
    if (const auto* figures = std::get_if<KeyFigures>(&block)) {
      for (const KeyFigure& figure : figures->items) {
        if (figure.label == label && occurrence-- == 0) {
          return &figure;
        }
      }
    }
  }
  return nullptr;
}

/// Rows of `table` whose first cell is `first`.
QList<QList<Cell>> rowsOf(const Table& table, const QString& first) {
  QList<QList<Cell>> rows;
  for (const QList<Cell>& row : table.rows) {
    if (!row.isEmpty() && row.first().text == first) {
      rows.append(row);
    }
  }
  return rows;
}

QList<Cell> rowOf(const Table& table, const QString& first) {
  const QList<QList<Cell>> rows = rowsOf(table, first);
  return rows.isEmpty() ? QList<Cell>() : rows.first();
}

int columnOf(const Table& table, const QString& title) {
  for (qsizetype c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].title == title) {
      return int(c);
    }
  }
  return -1;
}

QStringList paragraphs(const Section& section) {
  QStringList texts;
  for (const Block& block : section.blocks) {
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      texts.append(paragraph->text);
    }
  }
  return texts;
}

/// A printed figure read back into the engine's unit: "8.40 × 10²³ FLOP" -> 8.4e23,
/// "70.0 billion" -> 7e10, "164 kB" -> 164,000, "3.09 h" -> 11,124 s, "1,234 kW" -> 1.234e6 W,
/// "12.5 %" -> 12.5. NaN when it is not a figure.
double figureValue(const QString& printed) {
  QString text = printed;
  text.replace(QChar(0x00A0), QLatin1Char(' ')).replace(QLatin1Char(','), QString());
  static const QRegularExpression kFigure(
      QStringLiteral("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))?\\s*(\\S*)"));
  const QRegularExpressionMatch match = kFigure.match(text);
  if (!match.hasMatch()) {
    return std::nan("");
  }
  double value = match.captured(1).toDouble();
  if (match.capturedLength(2) > 0) {
    static const QString kSuperscripts = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    int exponent = 0;
    bool negative = false;
    for (const QChar c : match.captured(2)) {
      if (c == QChar(0x207B)) {
        negative = true;
      } else {
        exponent = exponent * 10 + int(kSuperscripts.indexOf(c));
      }
    }
    value *= std::pow(10.0, negative ? -exponent : exponent);
  }
  static const QHash<QString, double> kUnits{
      {QStringLiteral("trillion"), 1e12}, {QStringLiteral("billion"), 1e9},
      {QStringLiteral("million"), 1e6},   {QStringLiteral("kB"), 1e3},
      {QStringLiteral("MB"), 1e6},        {QStringLiteral("GB"), 1e9},
      {QStringLiteral("TB"), 1e12},       {QStringLiteral("PB"), 1e15},
      {QStringLiteral("kB/s"), 1e3},      {QStringLiteral("MB/s"), 1e6},
      {QStringLiteral("GB/s"), 1e9},      {QStringLiteral("TB/s"), 1e12},
      {QStringLiteral("GFLOP/s"), 1e9},   {QStringLiteral("TFLOP/s"), 1e12},
      {QStringLiteral("PFLOP/s"), 1e15},  {QStringLiteral("ms"), 1e-3},
      {QStringLiteral("min"), 60.0},      {QStringLiteral("h"), 3600.0},
      {QStringLiteral("days"), 86400.0},  {QStringLiteral("day"), 86400.0},
      {QStringLiteral("kW"), 1e3},        {QStringLiteral("MW"), 1e6},
      {QStringLiteral("mJ"), 1e-3},       {QStringLiteral("kJ"), 1e3}};
  return value * kUnits.value(match.captured(3), 1.0);
}

/// `printed` is `engine` to the three significant digits it is written with.
bool printedAs(const QString& printed, double engine) {
  const double value = figureValue(printed);
  if (std::isnan(value)) {
    return false;
  }
  if (engine == 0.0) {
    return value == 0.0;
  }
  return std::fabs(value - engine) <= 0.0051 * std::fabs(engine);
}

#define QVERIFY_PRINTED(printed, engine) \
  QVERIFY2(                              \
      printedAs((printed), (engine)),    \
      qPrintable(QStringLiteral("'%1' is not %2").arg((printed)).arg(double(engine), 0, 'g', 6)))

/// Llama 3 70B (Meta, "The Llama 3 Herd of Models" Table 3; config.json): 80 layers, hidden
/// 8,192, FFN 28,672, 64 heads, 8 KV heads of 128, vocabulary 128,256, 70.6 billion parameters.
TransformerShape llama3_70b() {
  TransformerShape shape;
  shape.parameters = 70.6e9;
  shape.layers = 80;
  shape.hiddenSize = 8192;
  shape.ffnSize = 28672;
  shape.heads = 64;
  shape.kvHeads = 8;
  shape.headDim = 128;
  shape.vocabSize = 128256;
  shape.sequenceLength = 8192;
  return shape;
}

}  // namespace

class TestReportWorkload final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void poolsListTheirRacks();
  void trainingFiguresAreTheEngines();
  void inferenceFiguresAreTheEngines();
  void checksVerdictsAndFindings();
  void assumptionsAreNamedWithTheirValues();
  void fineTuningAndTiering();
  void noWorkloadsNoSection();

  void pdfHoldsTheSection();

 private:
  const Section& section() const { return *mSection; }
  const WorkloadFit& fitNamed(const QString& name) const;

  CatalogLoadResult mCatalog;
  QTemporaryDir mDir;
  ReportData mData;
  const Section* mSection = nullptr;
  WorkloadPoolId mTrainingPool;
  WorkloadPoolId mInferencePool;
};

const WorkloadFit& TestReportWorkload::fitNamed(const QString& name) const {
  for (const WorkloadFit& fit : mData.analysis.workload.fits) {
    if (fit.name == name) {
      return fit;
    }
  }
  qFatal("no fit named %s", qPrintable(name));
}

void TestReportWorkload::initTestCase() {
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  QVERIFY(mDir.isValid());
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
  Project project = loadTemplateAgainst(
      QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json"), mCatalog.catalog);
  // The template's own pool and workload (one training pool of all 32 DGX racks) give way to
  // this test's two pools.
  for (const Workload& workload : QList<Workload>(project.workloads())) {
    project.removeWorkload(workload.id);
  }
  for (const WorkloadPool& pool : QList<WorkloadPool>(project.workloadPools())) {
    project.removeWorkloadPool(pool.id);
  }
  const HallId hall = project.halls().first().id();
  // Four HPE ClusterStor E1000 SSU-F (80 GB/s read, 60 GB/s write each, catalog) in a storage
  // rack beside N03, so that the checkpoint and dataloader checks have storage to weigh.
  project.insertRack(-1, test::makeRack(hall, QStringLiteral("S01"),
                                        QStringLiteral("conteg/ri7-48-80-120"), PointMm{9400, 7800},
                                        {QStringLiteral("hpe/clusterstor-e1000-ssu-f@10"),
                                         QStringLiteral("hpe/clusterstor-e1000-ssu-f@12"),
                                         QStringLiteral("hpe/clusterstor-e1000-ssu-f@14"),
                                         QStringLiteral("hpe/clusterstor-e1000-ssu-f@16")},
                                        180));

  // A Slurm pool of rows B, C and D (24 racks of 4 DGX H100: 96 nodes, 768 GPUs) and a
  // Kubernetes pool of racks A01-A08 named one by one (7 x 4 + 3 = 31 nodes, 248 GPUs).
  WorkloadPool training;
  training.id = mTrainingPool = WorkloadPoolId::create();
  training.hallId = hall;
  training.name = QStringLiteral("Training pool");
  training.scheduler = Scheduler::Slurm;
  training.rows = {QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
  project.insertWorkloadPool(-1, training);
  WorkloadPool inference;
  inference.id = mInferencePool = WorkloadPoolId::create();
  inference.hallId = hall;
  inference.name = QStringLiteral("Inference pool");
  inference.scheduler = Scheduler::Kubernetes;
  inference.colourIndex = 1;
  for (const Rack& rack : project.racks()) {
    if (rack.row() == QLatin1String("A") && rack.name().startsWith(QLatin1Char('A'))) {
      inference.rackIds.append(rack.id());
    }
  }
  QCOMPARE(inference.rackIds.size(), 8);
  project.insertWorkloadPool(-1, inference);

  // Pre-training a 70 B model on 2 T tokens (Llama 2 70B's budget, Touvron 2023 Table 2):
  // 6ND = 8.4e23 FLOPs.
  Workload pretrain;
  pretrain.id = WorkloadId::create();
  pretrain.poolId = mTrainingPool;
  pretrain.name = QStringLiteral("70B pre-training");
  pretrain.kind = WorkloadKind::Training;
  pretrain.model.parameters = 70e9;
  pretrain.tokens = 2e12;
  pretrain.targetDays = 60.0;
  project.insertWorkload(-1, pretrain);
  // Serving Llama 3 70B at FP8: 2,048 prompt and 256 output tokens at 20 requests/s.
  Workload serve;
  serve.id = WorkloadId::create();
  serve.poolId = mInferencePool;
  serve.name = QStringLiteral("Llama 3 70B chat");
  serve.kind = WorkloadKind::Inference;
  serve.model = llama3_70b();
  serve.precision = Precision::FP8;
  serve.promptTokens = 2048;
  serve.outputTokens = 256;
  serve.requestsPerSecond = 20.0;
  project.insertWorkload(-1, serve);

  Analysis analysis = analyze(project, mCatalog.catalog);
  QCOMPARE(analysis.workload.pools.size(), 2);
  QCOMPARE(analysis.workload.fits.size(), 2);
  ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = QStringLiteral("A");
  meta.fileName = QStringLiteral("4su-workloads.dcstudio");
  mData =
      makeReportData(std::move(project), mCatalog.catalog, std::move(analysis), meta, QLocale());
  mSection = sectionWithId(mData.document, QStringLiteral("workload"));
  QVERIFY(mSection != nullptr);
  QCOMPARE(mSection->title, QStringLiteral("Workload fit"));
  QVERIFY(!mSection->blocks.isEmpty());
  // After the network fabric, before the bill of materials.
  const QList<Section>& sections = mData.document.sections;
  const auto at = [&](const QString& id) {
    return std::find_if(sections.cbegin(), sections.cend(),
                        [&](const Section& s) { return s.id == id; }) -
           sections.cbegin();
  };
  QVERIFY(at(QStringLiteral("fabric")) < at(QStringLiteral("workload")));
  QVERIFY(at(QStringLiteral("workload")) < at(QStringLiteral("bom")));
}

void TestReportWorkload::poolsListTheirRacks() {
  const Table* pools = tableIn(section(), QStringLiteral("workload-pools"));
  QVERIFY(pools != nullptr);
  QCOMPARE(pools->rows.size(), 2);
  const WorkloadResult& result = mData.analysis.workload;
  const PoolSummary* training = result.pool(mTrainingPool);
  const PoolSummary* inference = result.pool(mInferencePool);
  QVERIFY(training != nullptr && inference != nullptr);
  // From the template: rows B-D hold 24 racks of 4 DGX H100 (8 GPUs each); A01-A07 hold 4,
  // A08 3.
  QCOMPARE(training->nodes, 96);
  QCOMPARE(training->gpus, 768);
  QCOMPARE(inference->nodes, 31);
  QCOMPARE(inference->gpus, 248);

  const QList<Cell> t = rowOf(*pools, QStringLiteral("Training pool"));
  const QList<Cell> i = rowOf(*pools, QStringLiteral("Inference pool"));
  QCOMPARE(t.value(columnOf(*pools, "Scheduler")).text, QStringLiteral("Slurm"));
  QCOMPARE(i.value(columnOf(*pools, "Scheduler")).text, QStringLiteral("Kubernetes"));
  // Whole rows: the 24 DGX racks and the network racks N02, M02, N03 and N04 standing in them.
  QCOMPARE(t.value(columnOf(*pools, "Racks")).text, QStringLiteral("28"));
  QCOMPARE(t.value(columnOf(*pools, "Nodes")).text, QStringLiteral("96"));
  QCOMPARE(t.value(columnOf(*pools, "GPUs")).text, QStringLiteral("768"));
  QCOMPARE(i.value(columnOf(*pools, "Racks")).text, QStringLiteral("8"));
  QCOMPARE(i.value(columnOf(*pools, "GPUs")).text, QStringLiteral("248"));
  QCOMPARE(t.value(columnOf(*pools, "GPU")).text, training->gpu.model);
  QVERIFY(!training->gpu.model.isEmpty());
  // IT power and bandwidths in the column's unit; the CSV keeps the engine's value.
  const int it = columnOf(*pools, "IT power");
  const double itFactor = unitFactor(Quantity::PowerW, pools->columns[it].unit);
  QVERIFY(std::fabs(t.value(it).csvText().toDouble() - training->itPowerW * itFactor) <
          1e-6 * training->itPowerW * itFactor);
  QVERIFY(training->itPowerW > 0.0);
  const int scaleOut = columnOf(*pools, "Scale-out per GPU");
  QVERIFY(training->scaleOutBpsPerGpu > 0.0);
  QVERIFY_PRINTED(t.value(scaleOut).text + QLatin1Char(' ') + pools->columns[scaleOut].unit,
                  training->scaleOutBpsPerGpu);
  // Storage placed in the hall: 4 x ClusterStor E1000 SSU-F, 4 x 80 GB/s read, 4 x 60 write.
  QCOMPARE(training->storageReadBps, 4 * 80e9);
  QCOMPARE(training->storageWriteBps, 4 * 60e9);
  const int read = columnOf(*pools, "Storage read");
  QVERIFY_PRINTED(t.value(read).text + QLatin1Char(' ') + pools->columns[read].unit, 320e9);

  // Which racks serve which pool: the training pool by row, whole rows; the inference pool's
  // racks A01-A08 named one by one, in row A.
  const Table* racks = tableIn(section(), QStringLiteral("workload-pool-racks"));
  QVERIFY(racks != nullptr);
  const int row = columnOf(*racks, "Row");
  const int names = columnOf(*racks, "Rack names");
  const int count = columnOf(*racks, "Racks");
  QStringList trainingRows;
  int trainingRacks = 0;
  bool inTraining = false;
  for (const QList<Cell>& cells : racks->rows) {
    if (!cells.first().text.isEmpty()) {
      inTraining = cells.first().text == QLatin1String("Training pool");
    }
    if (inTraining) {
      trainingRows.append(cells.value(row).text + QStringLiteral(": ") + cells.value(names).text);
      trainingRacks += cells.value(count).text.toInt();
    }
  }
  QCOMPARE(trainingRows, QStringList({QStringLiteral("B (whole row): B01–B08, M02, N02"),
                                      QStringLiteral("C (whole row): C01–C08, N03"),
                                      QStringLiteral("D (whole row): D01–D08, N04")}));
  QCOMPARE(trainingRacks, 28);
  const QList<Cell> a = rowOf(*racks, QStringLiteral("Inference pool"));
  QCOMPARE(a.value(row).text, QStringLiteral("A"));
  QCOMPARE(a.value(names).text, QStringLiteral("A01–A08"));
  QCOMPARE(a.value(count).text, QStringLiteral("8"));
  // The compute fabric serves both.
  QCOMPARE(rowOf(*racks, QStringLiteral("Training pool")).value(columnOf(*racks, "Fabric")).text,
           training->fabricName);
  QVERIFY(!training->fabricName.isEmpty());
}

void TestReportWorkload::trainingFiguresAreTheEngines() {
  const WorkloadFit& fit = fitNamed(QStringLiteral("70B pre-training"));
  const TrainingFit& r = fit.training;
  QVERIFY(fit.problem.isEmpty());
  // 6ND (formulas.md §4.1, reference case 26's simple form): 6 x 70e9 x 2e12 = 8.4e23 FLOPs.
  QCOMPARE(r.flops, 8.4e23);
  const Table* results = tableIn(section(), QStringLiteral("workload-1-results"));
  QVERIFY(results != nullptr);
  const auto value = [&](const QString& label) {
    return rowOf(*results, label).value(1).text;
  };
  const auto basis = [&](const QString& label) {
    return rowOf(*results, label).value(2).text;
  };
  QCOMPARE(value(QStringLiteral("Training FLOPs")),
           QStringLiteral("8.40\u00A0×\u00A010²³\u00A0FLOP"));
  QVERIFY(basis(QStringLiteral("Training FLOPs")).startsWith(r.flopsFormula));
  QVERIFY(basis(QStringLiteral("Training FLOPs")).contains(QStringLiteral("70.0 billion")));
  QVERIFY(basis(QStringLiteral("Training FLOPs")).contains(QStringLiteral("2.00 trillion")));
  QCOMPARE(value(QStringLiteral("Parameters")), QStringLiteral("70.0 billion"));
  QVERIFY_PRINTED(value(QStringLiteral("Peak per GPU")), r.peakFlops);
  QVERIFY_PRINTED(value(QStringLiteral("MFU")), 100.0 * r.mfu);
  QCOMPARE(basis(QStringLiteral("MFU")), r.mfuSource);
  QVERIFY_PRINTED(value(QStringLiteral("Goodput")), 100.0 * r.goodput);
  QVERIFY_PRINTED(value(QStringLiteral("Time to train")), r.days * 86400.0);
  QVERIFY_PRINTED(value(QStringLiteral("GPU-hours")), r.gpuHours);
  QVERIFY_PRINTED(value(QStringLiteral("Memory per GPU")), r.memoryPerGpuBytes);
  QVERIFY_PRINTED(value(QStringLiteral("Model states per GPU")), r.modelStateBytesPerGpu);
  QVERIFY_PRINTED(value(QStringLiteral("Activations per GPU")), r.activationBytesPerGpu);
  QVERIFY_PRINTED(value(QStringLiteral("Min GPUs for memory")), r.minGpusForMemory);
  QVERIFY_PRINTED(value(QStringLiteral("Step time")), r.stepSeconds);
  QVERIFY_PRINTED(value(QStringLiteral("All-reduce per step")), r.allReduceSeconds);
  QVERIFY_PRINTED(value(QStringLiteral("Checkpoint")), r.checkpointBytes);
  QVERIFY_PRINTED(value(QStringLiteral("Checkpoint write bandwidth")), r.checkpointWriteBps);
  QVERIFY_PRINTED(value(QStringLiteral("Checkpoint write time")), r.checkpointWriteSeconds);
  QVERIFY_PRINTED(value(QStringLiteral("Job MTBF")), r.mtbfSeconds);
  QVERIFY_PRINTED(value(QStringLiteral("Checkpoint interval")), r.checkpointIntervalSeconds);
  QVERIFY_PRINTED(value(QStringLiteral("Dataloader read")), r.dataReadBps);
  // Checkpoint = params x 14 B (BLOOM 2.3 TB / 176 B, formulas.md §4.5) at the default.
  QCOMPARE(value(QStringLiteral("Checkpoint")), QStringLiteral("980\u00A0GB"));
  QCOMPARE(value(QStringLiteral("Parallelism")), QStringLiteral("TP %1 × PP %2 × DP %3, ZeRO-%4")
                                                     .arg(r.parallelism.tp)
                                                     .arg(r.parallelism.pp)
                                                     .arg(r.parallelism.dp)
                                                     .arg(r.parallelism.zeroStage));
  QCOMPARE(r.parallelism.tp * r.parallelism.pp * r.parallelism.dp * r.parallelism.cp, r.gpus);

  // The key figures: time against the target, GPU-hours, memory.
  const KeyFigure* days = figureIn(section(), QStringLiteral("Time to train"));
  QVERIFY(days != nullptr);
  QVERIFY_PRINTED(days->value, r.days * 86400.0);
  QCOMPARE(days->detail, QStringLiteral("target 60\u00A0days"));
  QVERIFY_PRINTED(figureIn(section(), QStringLiteral("GPU-hours"))->value, r.gpuHours);

  // The inputs as given.
  const Table* inputs = tableIn(section(), QStringLiteral("workload-1-inputs"));
  QVERIFY(inputs != nullptr);
  QCOMPARE(rowOf(*inputs, QStringLiteral("Kind")).value(1).text, QStringLiteral("Training"));
  QCOMPARE(rowOf(*inputs, QStringLiteral("Pool")).value(1).text,
           QStringLiteral("Training pool (Slurm)"));
  QCOMPARE(rowOf(*inputs, QStringLiteral("Tokens")).value(1).text, QStringLiteral("2.00 trillion"));
  QCOMPARE(rowOf(*inputs, QStringLiteral("Precision")).value(1).text, QStringLiteral("BF16"));
  QCOMPARE(rowOf(*inputs, QStringLiteral("GPUs")).value(1).text,
           QStringLiteral("all of the pool's (768 GPUs)"));
}

void TestReportWorkload::inferenceFiguresAreTheEngines() {
  const WorkloadFit& fit = fitNamed(QStringLiteral("Llama 3 70B chat"));
  const InferenceFit& r = fit.inference;
  QVERIFY(fit.problem.isEmpty());
  const Table* results = tableIn(section(), QStringLiteral("workload-2-results"));
  QVERIFY(results != nullptr);
  const auto value = [&](const QString& label) {
    return rowOf(*results, label).value(1).text;
  };
  // Weights at FP8: 70.6e9 x 1 B (formulas.md §4.4). KV cache per token (reference case 38:
  // Llama-3-70B 2 x 80 x 8 x 128 x 2 B = 327,680 B in BF16), at FP8's 1 B: 163,840 B.
  QCOMPARE(r.replica.weightsBytes, 70.6e9);
  QCOMPARE(r.replica.kvBytesPerToken, 163840.0);
  QCOMPARE(value(QStringLiteral("Weights")), QStringLiteral("70.6\u00A0GB"));
  QCOMPARE(value(QStringLiteral("KV cache per token")), QStringLiteral("164\u00A0kB"));
  QVERIFY_PRINTED(value(QStringLiteral("KV cache per sequence")), r.replica.kvBytesPerSequence);
  QVERIFY(r.replica.gpus > 0);
  QCOMPARE(value(QStringLiteral("Replica")),
           QStringLiteral("%1 GPU%2").arg(r.replica.gpus).arg(r.replica.gpus == 1 ? "" : "s"));
  QCOMPARE(value(QStringLiteral("Decode batch")), QLocale().toString(r.replica.batch));
  QVERIFY_PRINTED(value(QStringLiteral("TTFT")), r.replica.ttftS);
  QVERIFY_PRINTED(value(QStringLiteral("TPOT")), r.replica.tpotS);
  QCOMPARE(value(QStringLiteral("Replicas")),
           QStringLiteral("%1 (%2 GPUs)").arg(r.replicas).arg(r.gpus));
  QVERIFY_PRINTED(value(QStringLiteral("Tokens served")), r.tokensPerSecond);
  QVERIFY_PRINTED(value(QStringLiteral("Energy per token")), r.cost.joulesPerToken);
  QVERIFY_PRINTED(value(QStringLiteral("Cost per million tokens")), r.cost.usdPerMillion);
  // The cost split into energy and hardware, each the engine's.
  const KeyFigure* cost = figureIn(section(), QStringLiteral("Cost per million tokens"));
  QVERIFY(cost != nullptr);
  QVERIFY_PRINTED(cost->value, r.cost.usdPerMillion);
  const QStringList split = cost->detail.split(QStringLiteral(", "));
  QCOMPARE(split.size(), 2);
  QVERIFY(split[0].startsWith(QStringLiteral("energy ")));
  QVERIFY_PRINTED(split[0].mid(7), r.cost.energyUsdPerMillion);
  QVERIFY(split[1].startsWith(QStringLiteral("hardware ")));
  QVERIFY_PRINTED(split[1].mid(9), r.cost.hardwareUsdPerMillion);
  QVERIFY(std::fabs(r.cost.energyUsdPerMillion + r.cost.hardwareUsdPerMillion -
                    r.cost.usdPerMillion) < 1e-9 * r.cost.usdPerMillion);
  // The inputs.
  const Table* inputs = tableIn(section(), QStringLiteral("workload-2-inputs"));
  QVERIFY(inputs != nullptr);
  QCOMPARE(rowOf(*inputs, QStringLiteral("Precision")).value(1).text, QStringLiteral("FP8"));
  QCOMPARE(rowOf(*inputs, QStringLiteral("Prompt, output")).value(1).text,
           QStringLiteral("2,048 tokens, 256 tokens"));
  QCOMPARE(rowOf(*inputs, QStringLiteral("Request rate")).value(1).text,
           QStringLiteral("20 requests/s"));
  QVERIFY(rowOf(*inputs, QStringLiteral("Model"))
              .value(1)
              .text.contains(
                  QStringLiteral("80 layers, hidden 8,192, FFN 28,672, 64 heads, 8 KV heads")));
}

void TestReportWorkload::checksVerdictsAndFindings() {
  const QStringList texts = paragraphs(section());
  // The lead counts the verdicts.
  const WorkloadResult& result = mData.analysis.workload;
  QVERIFY(texts.first().startsWith(QStringLiteral("2 workloads on 2 pools: ")));
  for (int w = 0; w < result.fits.size(); ++w) {
    const WorkloadFit& fit = result.fits[w];
    QVERIFY(fit.verdict != FitVerdict::NotAssessed);
    // The verdict sentence: the engine's verdict and limiting resource with its margin.
    const QString verdict = QStringLiteral("%1: %2").arg(fit.name, fitVerdictName(fit.verdict));
    const auto sentence = std::find_if(texts.cbegin(), texts.cend(), [&](const QString& text) {
      return text.startsWith(verdict);
    });
    QVERIFY2(sentence != texts.cend(), qPrintable(verdict));
    if (fit.limitingResource != FitResource::None) {
      QVERIFY(sentence->contains(QStringLiteral("Limiting resource: ")));
    }
    const KeyFigure* figure = figureIn(section(), QStringLiteral("Verdict"), w);
    QVERIFY(figure != nullptr);
    QCOMPARE(figure->value, fitVerdictName(fit.verdict));
    QCOMPARE(figure->tone, fit.verdict == FitVerdict::Fits    ? Tone::Good
                           : fit.verdict == FitVerdict::Tight ? Tone::Warning
                                                              : Tone::Error);

    // The checks table: one row per check, required and available as the engine's, the margin
    // (available / required - 1) in %, the limiting one in bold.
    const Table* checks = tableIn(section(), QStringLiteral("workload-%1-checks").arg(w + 1));
    QVERIFY(checks != nullptr);
    QCOMPARE(checks->rows.size(), fit.checks.size());
    QVERIFY(!fit.checks.isEmpty());
    const int required = columnOf(*checks, "Required");
    const int available = columnOf(*checks, "Available");
    const int margin = columnOf(*checks, "Margin");
    int bold = 0;
    for (qsizetype c = 0; c < fit.checks.size(); ++c) {
      const ResourceCheck& check = fit.checks[c];
      const QList<Cell>& row = checks->rows[c];
      QCOMPARE(row.value(1).text, check.what);
      // A check in days (the target) prints as days; figureValue() reads seconds.
      // A check without a unit (the all-reduce's share of a step) prints in %.
      const double toSeconds = check.unit == QLatin1String("days") ? 86400.0
                               : check.unit.isEmpty()              ? 100.0
                                                                   : 1.0;
      QVERIFY_PRINTED(row.value(required).text, check.required * toSeconds);
      if (check.assessed) {
        QVERIFY_PRINTED(row.value(available).text, check.available * toSeconds);
        QVERIFY(std::fabs(row.value(margin).csvText().toDouble() - 100.0 * check.margin) <
                1e-6 * std::max(1.0, std::fabs(100.0 * check.margin)));
        QCOMPARE(row.value(margin).tone == Tone::Error, check.margin < 0.0);
      } else {
        QVERIFY(row.value(margin).blank);
      }
      bold += row.value(0).bold ? 1 : 0;
    }
    QCOMPARE(bold, fit.limitingResource == FitResource::None ? 0 : 1);

    // Every finding about the workload is listed with its code.
    QStringList codes;
    for (const Finding& finding : result.findings) {
      if (finding.subject == ObjectRef::workload(fit.workloadId)) {
        codes.append(finding.code);
      }
    }
    QVERIFY(!codes.isEmpty());  // at least fit.fits / fit.tight or the shortfalls
    const Table* findings = tableIn(section(), QStringLiteral("workload-%1-findings").arg(w + 1));
    QVERIFY(findings != nullptr);
    QStringList listed;
    for (const QList<Cell>& row : findings->rows) {
      listed.append(row.value(1).text);
    }
    std::sort(codes.begin(), codes.end());
    std::sort(listed.begin(), listed.end());
    QCOMPARE(listed, codes);
    for (const QString& code : listed) {
      QVERIFY(code.startsWith(QStringLiteral("fit.")));
    }
  }
}

void TestReportWorkload::assumptionsAreNamedWithTheirValues() {
  const QStringList texts = paragraphs(section());
  QStringList notes;
  for (const QString& text : texts) {
    if (text.startsWith(QStringLiteral("Assumptions used"))) {
      notes.append(text);
    }
  }
  QCOMPARE(notes.size(), 2);
  const DesignAssumptions& assumptions = mData.analysis.assumptions;
  const auto named = [&](const QString& note, const char* key) {
    const AssumptionSpec* spec = DesignAssumptions::spec(QString::fromLatin1(key));
    if (spec == nullptr) {
      return false;
    }
    const QString value = QLocale().toString(assumptions.value(spec->key), 'g', 6);
    return note.contains(spec->label + QLatin1Char(' ') + value);
  };
  // Training: the goodput, checkpoint bytes per parameter, interruption rate.
  QVERIFY(named(notes[0], assumption::kGoodput));
  QVERIFY(named(notes[0], assumption::kCheckpointBytesPerParam));
  QVERIFY(named(notes[0], assumption::kInterruptionsPerGpuDay));
  QVERIFY(named(notes[0], assumption::kMfuHopper));  // H100: Hopper
  // Inference: the GPU price and its amortisation, the energy price.
  QVERIFY(named(notes[1], assumption::kGpuPriceUsdHopper));  // H100: Hopper's price
  QVERIFY(named(notes[1], assumption::kAmortisationYears));
  QVERIFY(named(notes[1], assumption::kPriceUsdPerKwh));
  QVERIFY(named(notes[1], assumption::kMbu));
  QVERIFY(notes[1].contains(QStringLiteral("\"Design assumptions and sources\"")));
}

void TestReportWorkload::fineTuningAndTiering() {
  // The same design with a LoRA fine-tuning of Llama 3 70B and the chat tiered: 70 % of the
  // requests to Llama 3 8B (32 layers, hidden 4,096, FFN 14,336, 32 heads, 8 KV heads).
  Project project = mData.project;
  Workload lora;
  lora.id = WorkloadId::create();
  lora.poolId = mTrainingPool;
  lora.name = QStringLiteral("70B LoRA");
  lora.kind = WorkloadKind::FineTuning;
  lora.model = llama3_70b();
  lora.fineTuneMethod = FineTuneMethod::LoRA;
  lora.loraRank = 16;
  lora.tokens = 1e9;
  lora.runsPerMonth = 4.0;
  lora.gpus = 64;
  project.insertWorkload(-1, lora);
  Workload tiered = project.workloads()[1];
  QCOMPARE(tiered.kind, WorkloadKind::Inference);
  tiered.smallModelShare = 0.7;
  tiered.smallModel.parameters = 8.03e9;
  tiered.smallModel.layers = 32;
  tiered.smallModel.hiddenSize = 4096;
  tiered.smallModel.ffnSize = 14336;
  tiered.smallModel.heads = 32;
  tiered.smallModel.kvHeads = 8;
  tiered.smallModel.headDim = 128;
  tiered.smallModel.vocabSize = 128256;
  tiered.smallModel.sequenceLength = 8192;
  project.replaceWorkload(tiered);
  const Analysis analysis = analyze(project, mCatalog.catalog);
  const ReportInput input{project, mCatalog.catalog, analysis, ReportMeta{}, QLocale()};
  const Section section = workloadSection(input);

  const WorkloadFit* ft = analysis.workload.fit(lora.id);
  QVERIFY(ft != nullptr && ft->problem.isEmpty());
  const Table* ftInputs = tableIn(section, QStringLiteral("workload-3-inputs"));
  const Table* ftResults = tableIn(section, QStringLiteral("workload-3-results"));
  QVERIFY(ftInputs != nullptr && ftResults != nullptr);
  QCOMPARE(rowOf(*ftInputs, QStringLiteral("Method")).value(1).text,
           QStringLiteral("LoRA, rank 16"));
  QCOMPARE(rowOf(*ftInputs, QStringLiteral("Dataset")).value(1).text,
           QStringLiteral("1.00 billion tokens per run, 4 runs per month"));
  QCOMPARE(rowOf(*ftInputs, QStringLiteral("GPUs")).value(1).text, QStringLiteral("64 GPUs"));
  QVERIFY(rowOf(*ftResults, QStringLiteral("Training FLOPs"))
              .value(2)
              .text.startsWith(ft->training.flopsFormula));
  QVERIFY(ft->training.flopsFormula.startsWith(QStringLiteral("LoRA")));
  QVERIFY_PRINTED(rowOf(*ftResults, QStringLiteral("GPU-hours per month")).value(1).text,
                  ft->training.gpuHoursPerMonth);
  QVERIFY(std::fabs(ft->training.gpuHoursPerMonth - 4.0 * ft->training.gpuHours) <
          1e-9 * ft->training.gpuHoursPerMonth);

  const WorkloadFit* inf = analysis.workload.fit(tiered.id);
  QVERIFY(inf != nullptr && inf->inference.tiered);
  const Table* infResults = tableIn(section, QStringLiteral("workload-2-results"));
  QVERIFY(infResults != nullptr);
  QCOMPARE(rowOf(*infResults, QStringLiteral("Tiering")).value(1).text,
           QStringLiteral("%1 + %2 replicas")
               .arg(inf->inference.smallReplicas)
               .arg(inf->inference.largeReplicas));
  QVERIFY_PRINTED(rowOf(*infResults, QStringLiteral("Tiering saving")).value(1).text,
                  inf->inference.tieringSavingPct);
  QVERIFY(rowOf(*infResults, QStringLiteral("Tiering saving"))
              .value(2)
              .text.contains(QStringLiteral("every request on the large model")));
  const Table* infInputs = tableIn(section, QStringLiteral("workload-2-inputs"));
  QVERIFY(rowOf(*infInputs, QStringLiteral("Tiering"))
              .value(1)
              .text.startsWith(QStringLiteral("70.0\u00A0% of the requests to a small model: "
                                              "8.03 billion parameters; 32 layers")));
}

void TestReportWorkload::noWorkloadsNoSection() {
  // The 4-SU template without its pool and workload: no section.
  Project project = loadTemplateAgainst(
      QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json"), mCatalog.catalog);
  for (const Workload& workload : QList<Workload>(project.workloads())) {
    project.removeWorkload(workload.id);
  }
  for (const WorkloadPool& pool : QList<WorkloadPool>(project.workloadPools())) {
    project.removeWorkloadPool(pool.id);
  }
  {
    const Analysis analysis = analyze(project, mCatalog.catalog);
    const ReportInput input{project, mCatalog.catalog, analysis, ReportMeta{}, QLocale()};
    QVERIFY(workloadSection(input).blocks.isEmpty());
    const ReportDocument document = buildReport(input);
    QVERIFY(sectionWithId(document, QStringLiteral("workload"))->blocks.isEmpty());
  }
  // A pool without a workload: the pool and "No workloads".
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = project.halls().first().id();
  pool.name = QStringLiteral("Spare pool");
  pool.rows = {QStringLiteral("D")};
  project.insertWorkloadPool(-1, pool);
  const Analysis analysis = analyze(project, mCatalog.catalog);
  const ReportInput input{project, mCatalog.catalog, analysis, ReportMeta{}, QLocale()};
  const Section section = workloadSection(input);
  QVERIFY(!section.blocks.isEmpty());
  QVERIFY(paragraphs(section).first().startsWith(QStringLiteral("No workloads")));
  const Table* racks = tableIn(section, QStringLiteral("workload-pool-racks"));
  QVERIFY(racks != nullptr);
  QCOMPARE(rowOf(*racks, QStringLiteral("Spare pool")).value(columnOf(*racks, "Rack names")).text,
           QStringLiteral("D01–D08, N04"));
  QVERIFY(tableIn(section, QStringLiteral("workload-1-checks")) == nullptr);
}

void TestReportWorkload::pdfHoldsTheSection() {
  if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
    QFAIL("pdftotext (poppler-utils) is needed");
  }
  const ChartPictures charts = renderCharts(mData.document, mData.locale);
  const QString path = mDir.filePath(QStringLiteral("workloads.pdf"));
  QString error;
  QCOMPARE(exportReportPdf(path, true, mData, charts, {}, &error), PdfOutcome::Written);
  const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT");
  if (!folder.isEmpty()) {
    QFile::remove(QDir(folder).filePath(QStringLiteral("4su-workloads.pdf")));
    QFile::copy(path, QDir(folder).filePath(QStringLiteral("4su-workloads.pdf")));
  }
  QStringList pages = testsupport::pdfPageTexts(path);
  for (QString& page : pages) {
    // pdftotext gives the font's ligatures as such ("ﬁt").
    page.replace(QChar(0x00A0), QLatin1Char(' ')).replace(QChar(0xFB01), QStringLiteral("fi"));
  }
  int pools = -1, training = -1, inference = -1;
  for (qsizetype p = 0; p < pages.size(); ++p) {
    if (pools < 0 && pages[p].contains(QStringLiteral("Racks serving each pool"))) {
      pools = int(p);
    }
    if (training < 0 && pages[p].contains(QStringLiteral("70B pre-training: checks"))) {
      training = int(p);
    }
    if (inference < 0 && pages[p].contains(QStringLiteral("Llama 3 70B chat: results"))) {
      inference = int(p);
    }
  }
  QVERIFY2(pools > 0, "no page with the pools");
  QVERIFY2(training > pools, "no training workload after the pools");
  QVERIFY2(inference > training, "no inference workload after the training one");
  QVERIFY(pages[pools].contains(QStringLiteral("Workload fit")));
  QVERIFY(pages[pools].contains(QStringLiteral("B01–B08")));
  QVERIFY(pages[pools].contains(QStringLiteral("A01–A08")));
  QVERIFY(pages[training].contains(QStringLiteral("8.40 × 10²³ FLOP")));
  QVERIFY(pages[inference].contains(QStringLiteral("164 kB")));
  QVERIFY(pages.first().contains(QStringLiteral("Workload fit")));  // the contents
}

QTEST_MAIN(TestReportWorkload)
#include "tst_reportworkload.moc"
