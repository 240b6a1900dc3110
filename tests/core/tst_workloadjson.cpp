// SPDX-License-Identifier: GPL-3.0-or-later
// Workloads and pools as JSON (docs/workload-json.md): every field survives a round trip through
// text, and each malformed input is refused with a message naming its key.
#include "model/workloadjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <limits>

using namespace dc;

namespace {

/// Every field away from its default (the values need not make sense together).
Workload everyField() {
  Workload w;
  w.id = WorkloadId::create();
  w.poolId = WorkloadPoolId::create();
  w.name = QStringLiteral("Llama-3-70B — Vortraining ✓");
  w.kind = WorkloadKind::FineTuning;
  w.model = {70.6e9, 80, 8192, 28672, 64, 8, 128, 128256, 8192};
  w.precision = Precision::INT4;
  w.gpus = 1024;
  w.tokens = 15e12;
  w.targetDays = 90.5;
  w.globalBatchTokens = 16'777'216;
  w.microBatch = 2;
  w.parallelism = {8, 4, 32, 2, 3};
  w.recompute = RecomputeMode::Full;
  w.mfu = 0.38;
  w.goodput = 0.9;
  w.fineTuneMethod = FineTuneMethod::LoRA;
  w.loraRank = 64;
  w.runsPerMonth = 6;
  w.promptTokens = 2048;
  w.outputTokens = 512;
  w.requestsPerSecond = 12.5;
  w.ttftTargetS = 1.5;
  w.tpotTargetS = 0.05;
  w.batching = Batching::Static;
  w.smallModelShare = 0.7;
  w.smallModel = {8.03e9, 32, 4096, 14336, 32, 8, 128, 128256, 4096};
  return w;
}

QJsonObject parse(const QByteArray& json) {
  return QJsonDocument::fromJson(json).object();
}

}  // namespace

class TestWorkloadJson final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everyWorkloadFieldRoundTrips();
  void keysAreTheDocumentedOnes();
  void absentKeysKeepTheDefaults();
  void everyPoolFieldRoundTrips();
  void badWorkloadsNameTheKey_data();
  void badWorkloadsNameTheKey();
  void badPoolsNameTheKey_data();
  void badPoolsNameTheKey();
  void nonFiniteNumbersAreRefused();
  void documentWithOneOrManyWorkloads();
  void badDocumentsAreRefused_data();
  void badDocumentsAreRefused();
};

void TestWorkloadJson::everyWorkloadFieldRoundTrips() {
  const Workload original = everyField();
  // Through text, as a file would carry it.
  const QByteArray text = QJsonDocument(workloadToJson(original)).toJson();
  Workload read;
  QString error;
  QVERIFY2(workloadFromJson(parse(text), &read, &error), qPrintable(error));
  QVERIFY(read == original);
  // And each field on its own: a field the writer or the reader forgets fails here.
  const Workload defaults;
  QVERIFY(!(defaults == original));
  Workload fresh;
  QVERIFY(workloadFromJson(workloadToJson(defaults), &fresh, &error));
  QVERIFY(fresh == defaults);
}

void TestWorkloadJson::keysAreTheDocumentedOnes() {
  const QJsonObject o = workloadToJson(everyField());
  QStringList keys = o.keys();
  QCOMPARE(keys, (QStringList{"batching",
                              "fineTuneMethod",
                              "globalBatchTokens",
                              "goodput",
                              "gpus",
                              "id",
                              "kind",
                              "loraRank",
                              "mfu",
                              "microBatch",
                              "model",
                              "name",
                              "outputTokens",
                              "parallelism",
                              "poolId",
                              "precision",
                              "promptTokens",
                              "recompute",
                              "requestsPerSecond",
                              "runsPerMonth",
                              "smallModel",
                              "smallModelShare",
                              "targetDays",
                              "tokens",
                              "tpotTargetS",
                              "ttftTargetS"}));
  QCOMPARE(o.value("kind").toString(), QStringLiteral("finetune"));
  QCOMPARE(o.value("precision").toString(), QStringLiteral("int4"));
  QCOMPARE(o.value("recompute").toString(), QStringLiteral("full"));
  QCOMPARE(o.value("batching").toString(), QStringLiteral("static"));
  QCOMPARE(o.value("fineTuneMethod").toString(), QStringLiteral("lora"));
  QCOMPARE(o.value("model").toObject().keys(),
           (QStringList{"ffnSize", "headDim", "heads", "hiddenSize", "kvHeads", "layers",
                        "parameters", "sequenceLength", "vocabSize"}));
  QCOMPARE(o.value("parallelism").toObject().keys(),
           (QStringList{"cp", "dp", "pp", "tp", "zeroStage"}));
  QCOMPARE(o.value("model").toObject().value("parameters").toDouble(), 70.6e9);
  // No id or pool: the keys are left out (a CLI workload file has neither).
  const QJsonObject bare = workloadToJson(Workload{});
  QVERIFY(!bare.contains("id") && !bare.contains("poolId"));
  QCOMPARE(bare.value("kind").toString(), QStringLiteral("training"));
  QCOMPARE(bare.value("precision").toString(), QStringLiteral("bf16"));
  QCOMPARE(bare.value("recompute").toString(), QStringLiteral("selective"));
  QCOMPARE(bare.value("batching").toString(), QStringLiteral("continuous"));
}

void TestWorkloadJson::absentKeysKeepTheDefaults() {
  Workload w;
  QString error;
  QVERIFY2(workloadFromJson(parse(R"({"name": "7B", "model": {"parameters": 7e9},
                                      "tokens": 2e12, "parallelism": {"tp": 2}})"),
                            &w, &error),
           qPrintable(error));
  Workload expected;
  expected.name = QStringLiteral("7B");
  expected.model.parameters = 7e9;
  expected.tokens = 2e12;
  expected.parallelism.tp = 2;
  QVERIFY(w == expected);
  QCOMPARE(w.parallelism.pp, 1);
  QCOMPARE(w.ttftTargetS, 2.0);
  QCOMPARE(workloadProblem(w), QString());
}

void TestWorkloadJson::everyPoolFieldRoundTrips() {
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = HallId::create();
  pool.name = QStringLiteral("Inferenz — Kubernetes");
  pool.scheduler = Scheduler::Kubernetes;
  pool.rackIds = {RackId::create(), RackId::create()};
  pool.rows = QStringList{QStringLiteral("A"), QStringLiteral("Reihe 2")};
  pool.colourIndex = 5;
  const QJsonObject o = workloadPoolToJson(pool);
  QCOMPARE(o.value("scheduler").toString(), QStringLiteral("kubernetes"));
  QCOMPARE(o.value("rackIds").toArray().at(0).toString(), pool.rackIds.first().toString());
  QCOMPARE(o.value("rows").toArray().at(1).toString(), QStringLiteral("Reihe 2"));
  WorkloadPool read;
  QString error;
  QVERIFY2(workloadPoolFromJson(parse(QJsonDocument(o).toJson()), &read, &error),
           qPrintable(error));
  QVERIFY(read == pool);
  QCOMPARE(workloadPoolToJson(WorkloadPool{}).value("scheduler").toString(),
           QStringLiteral("slurm"));
}

void TestWorkloadJson::badWorkloadsNameTheKey_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("expected");
  QTest::newRow("unknown key") << QByteArray(R"({"name": "x", "paramters": 7e9})")
                               << "unknown key 'paramters' (known: batching, fineTuneMethod";
  QTest::newRow("unknown nested key")
      << QByteArray(R"({"model": {"layer": 80}})") << "unknown key 'model.layer' (known: ffnSize";
  QTest::newRow("name not a string") << QByteArray(R"({"name": 7})") << "name must be a string";
  QTest::newRow("name too long") << QByteArray(R"({"name": ")" + QByteArray(201, 'x') + R"("})")
                                 << "name is longer than 200 characters";
  QTest::newRow("tokens as text") << QByteArray(R"({"tokens": "15T"})")
                                  << "tokens must be a number";
  QTest::newRow("gpus fractional")
      << QByteArray(R"({"gpus": 2.5})") << "gpus must be a whole number (got 2.5)";
  QTest::newRow("gpus out of range")
      << QByteArray(R"({"gpus": 1e12})") << "gpus is out of range (got 1e+12)";
  QTest::newRow("heads fractional") << QByteArray(R"({"model": {"heads": 64.5}})")
                                    << "model.heads must be a whole number (got 64.5)";
  QTest::newRow("tp as text") << QByteArray(R"({"parallelism": {"tp": "8"}})")
                              << "parallelism.tp must be a whole number";
  QTest::newRow("small model kv heads null") << QByteArray(R"({"smallModel": {"kvHeads": null}})")
                                             << "smallModel.kvHeads must be a whole number";
  QTest::newRow("model not an object")
      << QByteArray(R"({"model": 70e9})") << "model must be an object";
  QTest::newRow("unknown kind") << QByteArray(R"({"kind": "pretraining"})")
                                << "kind is 'pretraining' (allowed: training, finetune, inference)";
  QTest::newRow("unknown precision") << QByteArray(R"({"precision": "FP8"})")
                                     << "precision is 'FP8' (allowed: bf16, fp8, fp4, int4)";
  QTest::newRow("unknown recompute") << QByteArray(R"({"recompute": "partial"})")
                                     << "recompute is 'partial' (allowed: none, selective, full)";
  QTest::newRow("unknown batching") << QByteArray(R"({"batching": "dynamic"})")
                                    << "batching is 'dynamic' (allowed: static, continuous)";
  QTest::newRow("unknown method") << QByteArray(R"({"fineTuneMethod": "qlora"})")
                                  << "fineTuneMethod is 'qlora' (allowed: full, lora)";
  QTest::newRow("enum as number") << QByteArray(R"({"precision": 8})")
                                  << "precision must be one of bf16, fp8, fp4, int4 (a string)";
  QTest::newRow("bad id") << QByteArray(R"({"id": "wl-1"})") << "id must be an id (a UUID string)";
  QTest::newRow("bad pool id") << QByteArray(R"({"poolId": 3})")
                               << "poolId must be an id (a UUID string)";
}

void TestWorkloadJson::badWorkloadsNameTheKey() {
  QFETCH(QByteArray, json);
  QFETCH(QString, expected);
  QJsonParseError parseError;
  const QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
  QCOMPARE(parseError.error, QJsonParseError::NoError);
  Workload w = everyField();
  const Workload before = w;
  QString error;
  QVERIFY(!workloadFromJson(object, &w, &error));
  QVERIFY2(error.startsWith(expected), qPrintable(error));
  QVERIFY(w == before);  // nothing changed
  // The same object inside a document names its place in the list.
  QList<Workload> list;
  QVERIFY(!workloadsFromJsonDocument(R"({"workloads": [{"name": "ok"}, )" + json + "]}", &list,
                                     &error));
  QVERIFY2(error.startsWith(QStringLiteral("workloads[1].")) ||
               error.startsWith(QStringLiteral("unknown key 'workloads[1].")),
           qPrintable(error));
  QVERIFY(list.isEmpty());
}

void TestWorkloadJson::badPoolsNameTheKey_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("expected");
  QTest::newRow("unknown key") << QByteArray(R"({"racks": []})") << "unknown key 'racks'";
  QTest::newRow("unknown scheduler")
      << QByteArray(R"({"scheduler": "pbs"})") << "scheduler is 'pbs' (allowed: slurm, kubernetes)";
  QTest::newRow("rack ids not an array")
      << QByteArray(R"({"rackIds": "R-01"})") << "rackIds must be an array";
  QTest::newRow("rack id not a UUID")
      << QByteArray(R"({"rackIds": ["R-01"]})") << "rackIds[0] must be an id (a UUID string)";
  QTest::newRow("row not a string")
      << QByteArray(R"({"rows": ["A", 2]})") << "rows[1] must be a string";
  QTest::newRow("colour fractional")
      << QByteArray(R"({"colourIndex": 1.5})") << "colourIndex must be a whole number (got 1.5)";
  QTest::newRow("hall id bad") << QByteArray(R"({"hallId": "hall-a"})") << "hallId must be an id";
}

void TestWorkloadJson::badPoolsNameTheKey() {
  QFETCH(QByteArray, json);
  QFETCH(QString, expected);
  WorkloadPool pool;
  pool.name = QStringLiteral("kept");
  QString error;
  QVERIFY(!workloadPoolFromJson(parse(json), &pool, &error));
  QVERIFY2(error.startsWith(expected), qPrintable(error));
  QCOMPARE(pool.name, QStringLiteral("kept"));
}

void TestWorkloadJson::nonFiniteNumbersAreRefused() {
  // JSON text cannot spell NaN or infinity, but an object built in code can hold them.
  for (const double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
    QJsonObject o = workloadToJson(everyField());
    o.insert(QStringLiteral("mfu"), bad);
    Workload w;
    QString error;
    QVERIFY(!workloadFromJson(o, &w, &error));
    QVERIFY2(error.startsWith(QStringLiteral("mfu must be a")), qPrintable(error));
    QJsonObject model = o.value("model").toObject();
    o = workloadToJson(everyField());
    model.insert(QStringLiteral("layers"), bad);
    o.insert(QStringLiteral("model"), model);
    QVERIFY(!workloadFromJson(o, &w, &error));
    QVERIFY2(error.startsWith(QStringLiteral("model.layers must be a whole number")),
             qPrintable(error));
  }
  // A literal too large for a double is not JSON Qt accepts.
  QList<Workload> list;
  QString error;
  QVERIFY(!workloadsFromJsonDocument(R"({"tokens": 1e999})", &list, &error));
  QVERIFY2(!error.isEmpty(), qPrintable(error));
}

void TestWorkloadJson::documentWithOneOrManyWorkloads() {
  QList<Workload> list;
  QString error;
  // One workload (the CLI's `fit --workload FILE` of a single job).
  QVERIFY2(workloadsFromJsonDocument(R"({"name": "Llama-3-8B", "kind": "inference",
      "model": {"parameters": 8.03e9, "layers": 32, "hiddenSize": 4096, "heads": 32,
                "kvHeads": 8}, "precision": "fp8", "promptTokens": 1024,
      "outputTokens": 256, "requestsPerSecond": 10})",
                                     &list, &error),
           qPrintable(error));
  QCOMPARE(list.size(), 1);
  QCOMPARE(list.first().kind, WorkloadKind::Inference);
  QCOMPARE(list.first().precision, Precision::FP8);
  QCOMPARE(list.first().model.kvHeads, 8);
  QCOMPARE(workloadProblem(list.first()), QString());
  // Several, written by workloadToJson.
  QJsonArray array{workloadToJson(everyField()), workloadToJson(list.first())};
  const QByteArray text = QJsonDocument(QJsonObject{{"workloads", array}}).toJson();
  QList<Workload> many;
  QVERIFY2(workloadsFromJsonDocument(text, &many, &error), qPrintable(error));
  QCOMPARE(many.size(), 2);
  QVERIFY(many.at(1) == list.first());
  QCOMPARE(many.at(0).parallelism, (Parallelism{8, 4, 32, 2, 3}));
}

void TestWorkloadJson::badDocumentsAreRefused_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("expected");
  QTest::newRow("not JSON") << QByteArray("kind: training\n") << "the workload file is not JSON (";
  QTest::newRow("truncated") << QByteArray(R"({"name": "x")") << "the workload file is not JSON (";
  QTest::newRow("an array") << QByteArray(R"([{"name": "x"}])")
                            << "the workload file must hold a JSON object";
  QTest::newRow("too large") << QByteArray(R"({"name": ")") + QByteArray(1024 * 1024, 'x') + "\"}"
                             << "the workload file is larger than 1 MB";
  QTest::newRow("deep nesting") << QByteArray(5000, '[') + QByteArray(5000, ']')
                                << "the workload file is nested more than 16 levels deep";
  QTest::newRow("deep nesting in an object")
      << QByteArray(R"({"model": )") + QByteArray(20, '[') + QByteArray(20, ']') + "}"
      << "the workload file is nested more than 16 levels deep";
  QTest::newRow("brackets in strings are not nesting")
      << QByteArray(R"({"name": ")") + QByteArray(40, '[') + R"(\"", "model": 3})"
      << "model must be an object";
  QTest::newRow("workloads not an array") << QByteArray(R"({"workloads": {"name": "x"}})")
                                          << "workloads must be an array of workload objects";
  QTest::newRow("workloads empty") << QByteArray(R"({"workloads": []})") << "workloads is empty";
  QTest::newRow("workload not an object")
      << QByteArray(R"({"workloads": [{"name": "a"}, 3]})") << "workloads[1] must be an object";
  QTest::newRow("key next to workloads")
      << QByteArray(R"({"workloads": [{"name": "a"}], "version": 1})")
      << "unknown key 'version' next to workloads";
  QByteArray thousand = R"({"workloads": [)";
  for (int i = 0; i < 1001; ++i) {
    thousand += i ? ",{}" : "{}";
  }
  thousand += "]}";
  QTest::newRow("too many workloads") << thousand << "workloads has more than 1000 entries";
}

void TestWorkloadJson::badDocumentsAreRefused() {
  QFETCH(QByteArray, json);
  QFETCH(QString, expected);
  QList<Workload> list{everyField()};
  QString error;
  QVERIFY(!workloadsFromJsonDocument(json, &list, &error));
  QVERIFY2(error.startsWith(expected), qPrintable(error));
  QCOMPARE(list.size(), 1);  // left alone
}

QTEST_GUILESS_MAIN(TestWorkloadJson)
#include "tst_workloadjson.moc"
