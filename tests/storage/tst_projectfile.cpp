// SPDX-License-Identifier: GPL-3.0-or-later
#include "sampleprojects.h"
#include "storage/projectfile.h"
#include "storage/schema.h"
#include "storagetestutil.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <signal.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace dc;
using namespace dc::testdata;

class TestProjectFile final : public QObject {
  Q_OBJECT

 private slots:
  void init() { mDir = std::make_unique<QTemporaryDir>(); }
  void cleanup() { mDir.reset(); }

  void roundTripKeepsEveryField();
  void saveLoadSaveGivesIdenticalRows();
  void fileIdentifiesItself();
  void goldenFileV1StillReads();
  void goldenFileV1UpgradesToTheSameProjectBuiltFresh();
  void goldenFileV2Reads();
  void goldenFileV2UpgradesToTheSameProjectBuiltFresh();
  void goldenFileV3Reads();
  void goldenFileV3UpgradesToTheSameProjectBuiltFresh();
  void goldenFileV4Reads();
  void goldenFileV4UpgradesWithNoFabrics();
  void goldenFileV5Reads();
  void goldenFileV5UpgradesWithNoWorkloads();
  void goldenFileV6Reads();
  void roundTripKeepsEveryWorkloadField();
  void roundTripKeepsCooling();
  void roundTripKeepsPowerInfrastructureAndAssumptions();
  void openDoesNotModifyTheFile();
  void failedSaveLeavesOldFileIntact();
  void saveReplacesStaleTmpAndFollowsLinks();
  void concurrentCallsDoNotInterfere();
  void largeProjectRoundTrip();
  void killDuringSaveLeavesWholeFile_data();
  void killDuringSaveLeavesWholeFile();

 private:
  QString path(const QString& name) const { return mDir->filePath(name); }

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestProjectFile::roundTripKeepsEveryField() {
  const Project sample = frozenSampleProject();
  saveProject(sample, path("a.dcstudio"));
  const Project loaded = loadProject(path("a.dcstudio"));
  QCOMPARE(loaded.racks().size(), 17);
  QCOMPARE(loaded.halls().size(), 3);
  QCOMPARE(loaded.halls()[0].obstacles(), sample.halls()[0].obstacles());
  QCOMPARE(loaded.name(), sample.name());
  QVERIFY(loaded == sample);
  QVERIFY(!QFile::exists(path("a.dcstudio.tmp")));
}

void TestProjectFile::saveLoadSaveGivesIdenticalRows() {
  saveProject(frozenSampleProject(), path("1.dcstudio"));
  saveProject(loadProject(path("1.dcstudio")), path("2.dcstudio"));
  const QStringList first = dumpRows(path("1.dcstudio"));
  QVERIFY(first.size() > 60);
  QCOMPARE(dumpRows(path("2.dcstudio")), first);
}

void TestProjectFile::fileIdentifiesItself() {
  saveProject(frozenSampleProject(), path("a.dcstudio"));
  const QStringList rows = dumpRows(path("a.dcstudio"));
  QVERIFY(rows.contains(QStringLiteral("meta|format|dcstudio-project")));
  QVERIFY(rows.contains(QStringLiteral("meta|app_version|")));
  // Bytes 60..71 of the SQLite header: user_version then application_id, big-endian.
  const QByteArray header = readBytes(path("a.dcstudio")).mid(60, 12);
  QCOMPARE(header.mid(0, 4), QByteArray("\0\0\0\6", 4));
  QCOMPARE(header.mid(8, 4), QByteArray("DCST"));
}

void TestProjectFile::goldenFileV1StillReads() {
  const QString golden = QStringLiteral(DC_TEST_DATA_DIR "/schema-v1.dcstudio");
  const Project loaded = loadProject(golden);
  QCOMPARE(loaded.name(), QStringLiteral("Halle Ω — München 🚀"));
  QCOMPARE(loaded.racks().size(), 17);
  QVERIFY(loaded == frozenSampleProject());
  QVERIFY(dumpRows(golden).contains(QStringLiteral("meta|format|dcstudio-project")));
}

void TestProjectFile::goldenFileV1UpgradesToTheSameProjectBuiltFresh() {
  // The v1 file is copied first: the test must prove that opening never writes to it.
  const QString file = path(QStringLiteral("v1.dcstudio"));
  QVERIFY(QFile::copy(QStringLiteral(DC_TEST_DATA_DIR "/schema-v1.dcstudio"), file));
  const QByteArray before = readBytes(file);
  int version = 0;
  const Project upgraded = loadProject(file, &version);
  QCOMPARE(version, 1);  // the studio tells the user the file will be upgraded on save
  QCOMPARE(readBytes(file), before);
  // The same project built fresh today: v1 content, no power nodes, default assumptions.
  const Project fresh = frozenSampleProject();
  QVERIFY(fresh.powerNodes().isEmpty() && fresh.assumptions().overrides().isEmpty());
  QVERIFY(upgraded == fresh);
  for (const Rack& rack : upgraded.racks()) {
    for (const Mount& mount : rack.mounts()) {
      QCOMPARE(mount.feed, PowerFeed::None);
      QVERIFY(mount.upstreamId.isNull() && mount.plugs.isEmpty());
    }
  }
  // Saving writes schema 2; the saved rows equal those of the project saved fresh.
  saveProject(upgraded, path(QStringLiteral("upgraded.dcstudio")));
  saveProject(fresh, path(QStringLiteral("fresh.dcstudio")));
  QStringList upgradedRows = dumpRows(path(QStringLiteral("upgraded.dcstudio")));
  QStringList freshRows = dumpRows(path(QStringLiteral("fresh.dcstudio")));
  for (QStringList* rows : {&upgradedRows, &freshRows}) {
    rows->removeIf(
        [](const QString& row) { return row.startsWith(QLatin1String("meta|saved_at")); });
  }
  QCOMPARE(upgradedRows, freshRows);
  int savedVersion = 0;
  loadProject(path(QStringLiteral("upgraded.dcstudio")), &savedVersion);
  QCOMPARE(savedVersion, kSchemaVersion);
}

void TestProjectFile::goldenFileV2Reads() {
  const QString golden = QStringLiteral(DC_TEST_DATA_DIR "/schema-v2.dcstudio");
  int version = 0;
  const Project loaded = loadProject(golden, &version);
  QCOMPARE(version, 2);
  QVERIFY(loaded == frozenSampleProjectV2());
  QCOMPARE(loaded.powerNodes().size(), 5);
  QCOMPARE(loaded.assumptions().choice(QString::fromLatin1(assumption::kSupplySystem)),
           QStringLiteral("dc-800"));
  // Kept as read, out of range: the engine reports it, the file still opens.
  QCOMPARE(loaded.assumptions().value(QString::fromLatin1(assumption::kDeratingFactor)), 1.2);
  const QStringList rows = dumpRows(golden);
  QVERIFY(rows.contains(QStringLiteral("assumption|power.supplySystem|dc-800")));
}

void TestProjectFile::goldenFileV2UpgradesToTheSameProjectBuiltFresh() {
  const QString file = path(QStringLiteral("v2.dcstudio"));
  QVERIFY(QFile::copy(QStringLiteral(DC_TEST_DATA_DIR "/schema-v2.dcstudio"), file));
  const QByteArray before = readBytes(file);
  int version = 0;
  const Project upgraded = loadProject(file, &version);
  QCOMPARE(version, 2);
  QCOMPARE(readBytes(file), before);  // opening never writes to the user's file
  // The same project built fresh today: v2 content, no cooling loops or units, no rear doors,
  // every rack served by its hall's only loop and zone.
  const Project fresh = frozenSampleProjectV2();
  QVERIFY(fresh.coolingLoops().isEmpty() && fresh.coolingUnits().isEmpty());
  QVERIFY(upgraded == fresh);
  for (const Rack& rack : upgraded.racks()) {
    QVERIFY(rack.rearDoorId().isEmpty());
    QVERIFY(rack.liquidLoopId().isNull() && rack.airZoneId().isNull());
  }
  saveProject(upgraded, path(QStringLiteral("upgraded.dcstudio")));
  saveProject(fresh, path(QStringLiteral("fresh.dcstudio")));
  QStringList upgradedRows = dumpRows(path(QStringLiteral("upgraded.dcstudio")));
  QStringList freshRows = dumpRows(path(QStringLiteral("fresh.dcstudio")));
  for (QStringList* rows : {&upgradedRows, &freshRows}) {
    rows->removeIf(
        [](const QString& row) { return row.startsWith(QLatin1String("meta|saved_at")); });
  }
  QCOMPARE(upgradedRows, freshRows);
  int savedVersion = 0;
  loadProject(path(QStringLiteral("upgraded.dcstudio")), &savedVersion);
  QCOMPARE(savedVersion, kSchemaVersion);
}

void TestProjectFile::goldenFileV3Reads() {
  const QString golden = QStringLiteral(DC_TEST_DATA_DIR "/schema-v3.dcstudio");
  int version = 0;
  const Project loaded = loadProject(golden, &version);
  QCOMPARE(version, 3);
  QVERIFY(loaded == frozenSampleProjectV3());
  QCOMPARE(loaded.coolingLoops().size(), 2);
  QCOMPARE(loaded.coolingUnits().size(), 3);
  QCOMPARE(loaded.coolingUnits().at(1).loopId, CoolingLoopId());
  QCOMPARE(loaded.coolingLoops().at(1).redundancy, Redundancy::TwoN);
  const Rack* r01 = loaded.findRack(testdata::fixedId<RackId>(QStringLiteral("R-01")));
  QCOMPARE(r01->rearDoorId(), QStringLiteral("motivair/chilleddoor"));
  QCOMPARE(r01->liquidLoopId(), loaded.coolingLoops().first().id);
  const QStringList rows = dumpRows(golden);
  QVERIFY(rows.contains(QStringLiteral("assumption|cooling.coolant|water")));
}

void TestProjectFile::goldenFileV3UpgradesToTheSameProjectBuiltFresh() {
  const QString file = path(QStringLiteral("v3.dcstudio"));
  QVERIFY(QFile::copy(QStringLiteral(DC_TEST_DATA_DIR "/schema-v3.dcstudio"), file));
  const QByteArray before = readBytes(file);
  int version = 0;
  const Project upgraded = loadProject(file, &version);
  QCOMPARE(version, 3);
  QCOMPARE(readBytes(file), before);  // opening never writes to the user's file
  // The same project built fresh today: v3 content and no revision yet.
  const Project fresh = frozenSampleProjectV3();
  QVERIFY(fresh.revision().isEmpty());
  QVERIFY(upgraded == fresh);
  saveProject(upgraded, path(QStringLiteral("upgraded4.dcstudio")));
  saveProject(fresh, path(QStringLiteral("fresh4.dcstudio")));
  QStringList upgradedRows = dumpRows(path(QStringLiteral("upgraded4.dcstudio")));
  QStringList freshRows = dumpRows(path(QStringLiteral("fresh4.dcstudio")));
  for (QStringList* rows : {&upgradedRows, &freshRows}) {
    rows->removeIf(
        [](const QString& row) { return row.startsWith(QLatin1String("meta|saved_at")); });
  }
  QCOMPARE(upgradedRows, freshRows);
}

void TestProjectFile::goldenFileV4Reads() {
  const QString golden = QStringLiteral(DC_TEST_DATA_DIR "/schema-v4.dcstudio");
  int version = 0;
  const Project loaded = loadProject(golden, &version);
  QCOMPARE(version, 4);
  QVERIFY(loaded == frozenSampleProjectV4());
  QCOMPARE(loaded.revision(), QStringLiteral("B — für Ausschreibung"));
  // The revision takes part in equality, so a forgotten writer column fails the round trip.
  Project changed = loaded;
  changed.setRevision(QStringLiteral("C"));
  QVERIFY(!(changed == loaded));
  saveProject(changed, path(QStringLiteral("rev.dcstudio")));
  QCOMPARE(loadProject(path(QStringLiteral("rev.dcstudio"))).revision(), QStringLiteral("C"));
}

void TestProjectFile::goldenFileV4UpgradesWithNoFabrics() {
  const QString file = path(QStringLiteral("v4.dcstudio"));
  QVERIFY(QFile::copy(QStringLiteral(DC_TEST_DATA_DIR "/schema-v4.dcstudio"), file));
  const QByteArray before = readBytes(file);
  int version = 0;
  const Project upgraded = loadProject(file, &version);
  QCOMPARE(version, 4);
  QCOMPARE(readBytes(file), before);  // opening never writes to the user's file
  QVERIFY(upgraded.fabricSpecs().isEmpty());
  QVERIFY(upgraded.cableTrays().isEmpty());
  QVERIFY(upgraded == frozenSampleProjectV4());
  saveProject(upgraded, path(QStringLiteral("upgraded5.dcstudio")));
  saveProject(frozenSampleProjectV4(), path(QStringLiteral("fresh5.dcstudio")));
  QStringList upgradedRows = dumpRows(path(QStringLiteral("upgraded5.dcstudio")));
  QStringList freshRows = dumpRows(path(QStringLiteral("fresh5.dcstudio")));
  for (QStringList* rows : {&upgradedRows, &freshRows}) {
    rows->removeIf(
        [](const QString& row) { return row.startsWith(QLatin1String("meta|saved_at")); });
  }
  QCOMPARE(upgradedRows, freshRows);
}

void TestProjectFile::goldenFileV5Reads() {
  const QString golden = QStringLiteral(DC_TEST_DATA_DIR "/schema-v5.dcstudio");
  int version = 0;
  const Project loaded = loadProject(golden, &version);
  QCOMPARE(version, 5);
  QVERIFY(loaded == frozenSampleProjectV5());
  QCOMPARE(loaded.fabricSpecs().size(), 2);
  const FabricSpec& compute = loaded.fabricSpecs().first();
  QCOMPARE(compute.leafOversubscription, 3.0);
  QCOMPARE(compute.reservedPorts, 2);
  QCOMPARE(compute.switchRackIds.size(), 2);
  QCOMPARE(compute.switchRackIds.first(), testdata::fixedId<RackId>(QStringLiteral("R-02")));
  QCOMPARE(loaded.fabricSpecs().at(1).spineSwitchId, QStringLiteral("nvidia/sn4600c"));
  QVERIFY(!loaded.fabricSpecs().at(1).railOptimised);
  QCOMPARE(loaded.cableTrays().size(), 2);
  QCOMPARE(loaded.cableTrays().first().pathMm.size(), 3);
  QCOMPARE(loaded.cableTrays().at(1).kind, TrayKind::WireMesh);
  QCOMPARE(loaded.cableTrays().at(1).heightMm, 3200);
  // Every field takes part in equality: a forgotten column fails the round trip.
  Project changed = loaded;
  CableTray tray = changed.cableTrays().first();
  tray.depthMm = 150;
  changed.replaceCableTray(tray);
  QVERIFY(!(changed == loaded));
  saveProject(changed, path(QStringLiteral("tray.dcstudio")));
  QVERIFY(loadProject(path(QStringLiteral("tray.dcstudio"))) == changed);
}

void TestProjectFile::goldenFileV5UpgradesWithNoWorkloads() {
  const QString file = path(QStringLiteral("v5.dcstudio"));
  QVERIFY(QFile::copy(QStringLiteral(DC_TEST_DATA_DIR "/schema-v5.dcstudio"), file));
  const QByteArray before = readBytes(file);
  int version = 0;
  const Project upgraded = loadProject(file, &version);
  QCOMPARE(version, 5);  // the studio says "saved with schema v5; it will be upgraded to v6"
  QCOMPARE(readBytes(file), before);  // opening never writes to the user's file
  QVERIFY(upgraded.workloadPools().isEmpty());
  QVERIFY(upgraded.workloads().isEmpty());
  QVERIFY(upgraded == frozenSampleProjectV5());
  saveProject(upgraded, path(QStringLiteral("upgraded6.dcstudio")));
  saveProject(frozenSampleProjectV5(), path(QStringLiteral("fresh6.dcstudio")));
  QStringList upgradedRows = dumpRows(path(QStringLiteral("upgraded6.dcstudio")));
  QStringList freshRows = dumpRows(path(QStringLiteral("fresh6.dcstudio")));
  for (QStringList* rows : {&upgradedRows, &freshRows}) {
    rows->removeIf(
        [](const QString& row) { return row.startsWith(QLatin1String("meta|saved_at")); });
  }
  QCOMPARE(upgradedRows, freshRows);
  int savedVersion = 0;
  QVERIFY(loadProject(path(QStringLiteral("upgraded6.dcstudio")), &savedVersion) == upgraded);
  QCOMPARE(savedVersion, 6);
}

void TestProjectFile::goldenFileV6Reads() {
  const QString golden = QStringLiteral(DC_TEST_DATA_DIR "/schema-v6.dcstudio");
  int version = 0;
  const Project loaded = loadProject(golden, &version);
  QCOMPARE(version, 6);
  QVERIFY(loaded == frozenSampleProjectV6());
  QCOMPARE(loaded.workloadPools().size(), 2);
  const WorkloadPool& training = loaded.workloadPools().first();
  QCOMPARE(training.rows, (QStringList{QStringLiteral("Reihe-0"), QStringLiteral("Reihe-2")}));
  QCOMPARE(training.scheduler, Scheduler::Slurm);
  const WorkloadPool& serving = loaded.workloadPools().at(1);
  QCOMPARE(serving.scheduler, Scheduler::Kubernetes);
  QCOMPARE(serving.colourIndex, 3);
  QCOMPARE(serving.rackIds.first(), testdata::fixedId<RackId>(QStringLiteral("R-05")));
  QCOMPARE(loaded.workloads().size(), 3);
  const Workload& pretrain = loaded.workloads().first();
  QCOMPARE(pretrain.model.ffnSize, 28672);
  QCOMPARE(pretrain.parallelism, (Parallelism{8, 4, 32, 1, 2}));
  QCOMPARE(pretrain.recompute, RecomputeMode::Full);
  QCOMPARE(pretrain.tokens, 15e12);
  QCOMPARE(loaded.workloads().at(1).fineTuneMethod, FineTuneMethod::LoRA);
  QCOMPARE(loaded.workloads().at(1).loraRank, 64);
  const Workload& chat = loaded.workloads().at(2);
  QCOMPARE(chat.precision, Precision::FP4);
  QCOMPARE(chat.batching, Batching::Static);
  QCOMPARE(chat.smallModelShare, 0.7);
  QCOMPARE(chat.smallModel.ffnSize, 14336);
  const QStringList rows = dumpRows(golden);
  QVERIFY(
      rows.contains(QStringLiteral("workload_pool_row|%1|1|Reihe-2").arg(training.id.toString())));
  // The racks a pool covers: its two rows of hall A (the v1 sample puts rack i in row i % 4).
  const QList<RackId> poolRacks = loaded.poolRackIds(training);
  QVERIFY(!poolRacks.isEmpty());
  for (RackId id : poolRacks) {
    const Rack* rack = loaded.findRack(id);
    QCOMPARE(rack->hallId(), training.hallId);
    QVERIFY(training.rows.contains(rack->row()));
  }
}

void TestProjectFile::roundTripKeepsEveryWorkloadField() {
  const Project sample = frozenSampleProjectV6();
  saveProject(sample, path(QStringLiteral("w.dcstudio")));
  QVERIFY(loadProject(path(QStringLiteral("w.dcstudio"))) == sample);
  // One change per field of Workload and WorkloadPool, each saved and read back: a field the
  // writer or the reader forgets fails here (Project::operator== compares every field).
  using Edit = std::function<void(Workload&)>;
  const QList<Edit> edits{
      [](Workload& w) { w.name += QStringLiteral("*"); },
      [](Workload& w) { w.kind = WorkloadKind::Inference; },
      [](Workload& w) { w.model.parameters = 70.7e9; },
      [](Workload& w) { w.model.layers = 40; },
      [](Workload& w) { w.model.hiddenSize = 4096; },
      [](Workload& w) { w.model.ffnSize = 1; },
      [](Workload& w) { w.model.heads = 32; },
      [](Workload& w) { w.model.kvHeads = 4; },
      [](Workload& w) { w.model.headDim = 64; },
      [](Workload& w) { w.model.vocabSize = 32000; },
      [](Workload& w) { w.model.sequenceLength = 4096; },
      [](Workload& w) { w.precision = Precision::INT4; },
      [](Workload& w) { w.gpus = 7; },
      [](Workload& w) { w.tokens = 1.5e12; },
      [](Workload& w) { w.targetDays = 1.25; },
      [](Workload& w) { w.globalBatchTokens = 4e6; },
      [](Workload& w) { w.microBatch = 9; },
      [](Workload& w) { w.parallelism.tp = 2; },
      [](Workload& w) { w.parallelism.pp = 16; },
      [](Workload& w) { w.parallelism.dp = 3; },
      [](Workload& w) { w.parallelism.cp = 4; },
      [](Workload& w) { w.parallelism.zeroStage = 3; },
      [](Workload& w) { w.recompute = RecomputeMode::Selective; },
      [](Workload& w) { w.mfu = 0.123456789012345; },
      [](Workload& w) { w.goodput = 0.5; },
      [](Workload& w) { w.fineTuneMethod = FineTuneMethod::Full; },
      [](Workload& w) { w.loraRank = 8; },
      [](Workload& w) { w.runsPerMonth = 30; },
      [](Workload& w) { w.promptTokens = 1; },
      [](Workload& w) { w.outputTokens = 2; },
      [](Workload& w) { w.requestsPerSecond = 1e-3; },
      [](Workload& w) { w.ttftTargetS = 9; },
      [](Workload& w) { w.tpotTargetS = 0.01; },
      [](Workload& w) { w.batching = Batching::Continuous; },
      [](Workload& w) { w.smallModelShare = 0.25; },
      [](Workload& w) { w.smallModel.parameters = 1e9; },
      [](Workload& w) { w.smallModel.layers = 3; },
      [](Workload& w) { w.smallModel.hiddenSize = 5; },
      [](Workload& w) { w.smallModel.ffnSize = 6; },
      [](Workload& w) { w.smallModel.heads = 7; },
      [](Workload& w) { w.smallModel.kvHeads = 1; },
      [](Workload& w) { w.smallModel.headDim = 9; },
      [](Workload& w) { w.smallModel.vocabSize = 10; },
      [](Workload& w) { w.smallModel.sequenceLength = 11; },
      [&](Workload& w) { w.poolId = sample.workloadPools().at(1).id; },
  };
  int index = 0;
  for (const Edit& edit : edits) {
    Project changed = sample;
    for (const Workload& original : sample.workloads()) {
      Workload w = original;
      edit(w);
      changed.replaceWorkload(w);
    }
    QVERIFY2(!(changed == sample),
             qPrintable(QStringLiteral("edit %1 changes nothing").arg(index)));
    const QString file = path(QStringLiteral("w%1.dcstudio").arg(index));
    saveProject(changed, file);
    QVERIFY2(loadProject(file) == changed, qPrintable(QStringLiteral("edit %1").arg(index)));
    ++index;
  }
  using PoolEdit = std::function<void(WorkloadPool&)>;
  const QList<PoolEdit> poolEdits{
      [](WorkloadPool& p) { p.name = QStringLiteral("Pool ✓"); },
      [](WorkloadPool& p) { p.scheduler = Scheduler::Kubernetes; },
      [](WorkloadPool& p) { p.colourIndex = 7; },
      [](WorkloadPool& p) { p.rackIds.append(testdata::fixedId<RackId>(QStringLiteral("R-00"))); },
      [](WorkloadPool& p) { p.rows.prepend(QStringLiteral("Reihe-3")); },
  };
  for (const PoolEdit& edit : poolEdits) {
    Project changed = sample;
    WorkloadPool p = sample.workloadPools().first();
    edit(p);
    changed.replaceWorkloadPool(p);
    QVERIFY(!(changed == sample));
    const QString file = path(QStringLiteral("p%1.dcstudio").arg(index++));
    saveProject(changed, file);
    QVERIFY(loadProject(file) == changed);
  }
}

void TestProjectFile::roundTripKeepsCooling() {
  const Project sample = frozenSampleProjectV3();
  saveProject(sample, path("c.dcstudio"));
  const Project loaded = loadProject(path("c.dcstudio"));
  QCOMPARE(loaded.coolingLoops(), sample.coolingLoops());
  QCOMPARE(loaded.coolingUnits(), sample.coolingUnits());
  QVERIFY(loaded == sample);
  // Each new field takes part in equality, so a forgotten writer column fails here.
  Project changed = sample;
  CoolingUnit unit = changed.coolingUnits().first();
  unit.rotationDeg = 180;
  changed.replaceCoolingUnit(unit);
  QVERIFY(!(changed == sample));
  changed = sample;
  changed.findRack(sample.racks().first().id())->setAirZoneId(sample.coolingLoops().last().id);
  QVERIFY(!(changed == sample));
}

void TestProjectFile::roundTripKeepsPowerInfrastructureAndAssumptions() {
  const Project sample = frozenSampleProjectV2();
  saveProject(sample, path("p.dcstudio"));
  const Project loaded = loadProject(path("p.dcstudio"));
  QCOMPARE(loaded.powerNodes(), sample.powerNodes());
  QCOMPARE(loaded.assumptions(), sample.assumptions());
  QVERIFY(loaded == sample);
  // Each field a writer could forget changes equality (Project::operator== is defaulted).
  Project changed = sample;
  PowerNode node = changed.powerNodes().first();
  node.moduleRatingW += 1.0;
  changed.replacePowerNode(node);
  QVERIFY(!(changed == sample));
}

void TestProjectFile::openDoesNotModifyTheFile() {
  const QString file = path(QStringLiteral("a.dcstudio"));
  saveProject(frozenSampleProject(), file);
  const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-3);
  {
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(past, QFileDevice::FileModificationTime));
  }
  const QByteArray before = readBytes(file);
  const QStringList listing = QDir(mDir->path()).entryList(QDir::Files);
  for (int i = 0; i < 3; ++i) {
    QVERIFY(loadProject(file) == frozenSampleProject());
  }
  QCOMPARE(readBytes(file), before);
  QCOMPARE(QFileInfo(file).lastModified().toUTC(), past);
  QCOMPARE(QDir(mDir->path()).entryList(QDir::Files), listing);  // no journal left behind
}

void TestProjectFile::failedSaveLeavesOldFileIntact() {
  const Project oldProject = frozenSampleProject();
  const Project newProject = largeProject(10, 1);
  const QString file = path(QStringLiteral("a.dcstudio"));
  saveProject(oldProject, file);
  const QByteArray before = readBytes(file);

  // A leftover .tmp that cannot be removed (here: a non-empty folder) stops the save early.
  QVERIFY(QDir(mDir->path()).mkpath(QStringLiteral("a.dcstudio.tmp/x")));
  try {
    saveProject(newProject, file);
    QFAIL("saving over a blocked .tmp should throw");
  } catch (const StorageError& e) {
    QVERIFY2(e.message().startsWith(QStringLiteral("Cannot save 'a.dcstudio': the leftover file")),
             qPrintable(e.message()));
  }
  QCOMPARE(readBytes(file), before);
  QVERIFY(loadProject(file) == oldProject);

  const QString nowhere = path(QStringLiteral("no/such/folder/b.dcstudio"));
  QVERIFY_THROWS_EXCEPTION(StorageError, saveProject(newProject, nowhere));
  QVERIFY(!QFile::exists(nowhere));
  QVERIFY(!QFile::exists(nowhere + QStringLiteral(".tmp")));

  // Without root, a read-only folder must fail too; root writes anyway, so only check then.
  if (::geteuid() != 0) {
    QVERIFY(QFile::setPermissions(mDir->path(), QFile::ReadOwner | QFile::ExeOwner));
    QVERIFY_THROWS_EXCEPTION(StorageError, saveProject(newProject, path("c.dcstudio")));
    QVERIFY(QFile::setPermissions(mDir->path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(!QFile::exists(path("c.dcstudio")));
  }
}

void TestProjectFile::saveReplacesStaleTmpAndFollowsLinks() {
  const QString file = path(QStringLiteral("a.dcstudio"));
  {
    QFile stale(file + QStringLiteral(".tmp"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("half a database from a crash");
  }
  saveProject(frozenSampleProject(), file);
  QVERIFY(!QFile::exists(file + QStringLiteral(".tmp")));
  QVERIFY(QFile::link(file, path("link.dcstudio")));
  saveProject(largeProject(3, 1), path("link.dcstudio"));
  QVERIFY(QFileInfo(path("link.dcstudio")).isSymLink());
  QVERIFY(loadProject(file) == largeProject(3, 1));
}

void TestProjectFile::concurrentCallsDoNotInterfere() {
  const Project sample = frozenSampleProject();
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    const QString file = path(QStringLiteral("t%1.dcstudio").arg(t));
    threads.emplace_back([&, file] {
      for (int i = 0; i < 5; ++i) {
        try {
          saveProject(sample, file);
          failures += loadProject(file) == sample ? 0 : 1;
        } catch (const StorageError&) {
          ++failures;
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  QCOMPARE(failures.load(), 0);
}

void TestProjectFile::largeProjectRoundTrip() {
  const Project big = largeProject(20'000, 10);
  const QString file = path(QStringLiteral("big.dcstudio"));
  QElapsedTimer timer;
  timer.start();
  saveProject(big, file);
  const qint64 saveMs = timer.restart();
  const Project loaded = loadProject(file);
  const qint64 loadMs = timer.elapsed();
  qInfo("20,000 racks + 200,000 mounts: save %lld ms, load %lld ms, %lld MB", saveMs, loadMs,
        QFileInfo(file).size() >> 20);
  QVERIFY(loaded == big);
}

void TestProjectFile::killDuringSaveLeavesWholeFile_data() {
  QTest::addColumn<int>("savesBeforeKill");
  QTest::addColumn<int>("delayMs");
  QTest::newRow("as the first .tmp appears") << 0 << 0;
  QTest::newRow("first save, 30 ms in") << 0 << 30;
  QTest::newRow("first save, 250 ms in") << 0 << 250;
  QTest::newRow("second save, 10 ms in") << 1 << 10;
  QTest::newRow("second save, 150 ms in") << 1 << 150;
}

void TestProjectFile::killDuringSaveLeavesWholeFile() {
  QFETCH(int, savesBeforeKill);
  QFETCH(int, delayMs);
  const Project a = frozenSampleProject();
  static const Project b = largeProject(20'000, 10);
  const QString file = path(QStringLiteral("f.dcstudio"));
  const QString tmp = file + QStringLiteral(".tmp");
  saveProject(a, file);

  QProcess child;
  child.start(QStringLiteral(DC_SAVECHILD), {file, QStringLiteral("20000"), QStringLiteral("10")});
  QVERIFY(child.waitForStarted());
  QElapsedTimer timer;
  timer.start();
  QByteArray output;
  while (output.count("saved") < savesBeforeKill) {
    QVERIFY(child.waitForReadyRead(60'000));
    output += child.readAllStandardOutput();
  }
  while (!QFile::exists(tmp) && timer.elapsed() < 60'000) {
    QThread::usleep(200);
  }
  QVERIFY2(QFile::exists(tmp), "the child never started a save");
  QThread::msleep(delayMs);
  QCOMPARE(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
  QVERIFY(child.waitForFinished());
  const bool interrupted = QFile::exists(tmp);

  const Project loaded = loadProject(file);
  QVERIFY(loaded == a || loaded == b);
  if (savesBeforeKill > 0) {
    QVERIFY(loaded == b);
  }
  qInfo("killed %s a save; file holds project %s", interrupted ? "during" : "between",
        loaded == a ? "A" : "B");
  saveProject(a, file);  // the next save clears the leftover .tmp
  QVERIFY(loadProject(file) == a);
  QVERIFY(!QFile::exists(tmp));
}

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
