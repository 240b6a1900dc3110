// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/objectkind.h"
#include "model/project.h"
#include "testdesigns.h"
#include "testprinters.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace dc;
using namespace dc::test;

namespace {

Rack rackIn(HallId hall, const QString& name = {}) {
  Rack rack(RackId::create(), hall, QStringLiteral("apc/ar3300"), PointMm{900, 1200});
  rack.setName(name);
  return rack;
}

/// Llama-3-70B's published architecture (Meta, "The Llama 3 Herd of Models", table 3), the
/// usual valid training workload the problem tests break one field of.
Workload llamaTraining(WorkloadPoolId pool) {
  Workload w;
  w.id = WorkloadId::create();
  w.poolId = pool;
  w.name = QStringLiteral("Llama-3-70B pre-training");
  w.kind = WorkloadKind::Training;
  w.model.parameters = 70e9;
  w.model.layers = 80;
  w.model.hiddenSize = 8192;
  w.model.ffnSize = 28672;
  w.model.heads = 64;
  w.model.kvHeads = 8;
  w.model.vocabSize = 128256;
  w.model.sequenceLength = 8192;
  w.tokens = 15e12;
  w.parallelism.tp = 8;
  w.parallelism.pp = 4;
  return w;
}

Workload llamaInference(WorkloadPoolId pool) {
  Workload w = llamaTraining(pool);
  w.name = QStringLiteral("Llama-3-70B chat");
  w.kind = WorkloadKind::Inference;
  w.tokens = 0;
  w.parallelism = {};
  w.precision = Precision::FP8;
  w.promptTokens = 2048;
  w.outputTokens = 256;
  w.requestsPerSecond = 20;
  return w;
}

WorkloadPool poolIn(HallId hall, const QString& name) {
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = hall;
  pool.name = name;
  return pool;
}

/// The id -> index map agrees with the list, for every rack.
void verifyIndex(const Project& project) {
  for (qsizetype i = 0; i < project.racks().size(); ++i) {
    const RackId id = project.racks()[i].id();
    QCOMPARE(project.rackIndex(id), i);
    QVERIFY(project.findRack(id) == &project.racks()[i]);
  }
}

}  // namespace

class TestModel final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init();

  void idsAreUniqueAndRoundTrip();
  void idFromMalformedTextIsNull();

  void projectSettersReportChange();
  void rackSettersReportChange();
  void hallSettersReportChange();
  void hallSettersRejectBadValues_data();
  void hallSettersRejectBadValues();
  void hallNeedsThreeCorners();

  void rotationAccepted_data();
  void rotationAccepted();
  void rotationRejected_data();
  void rotationRejected();

  void insertRackRejectsBadRacks();
  void rackIndexAfterInsertsAndRemoves();
  void insertRackClampsIndex();
  void removeUnknownRackThrows();
  void hallWithRacksCannotBeRemoved();
  void duplicateHallRejected();

  void mountsInsertFindRemove();
  void mountBelowU1Rejected();

  void copyIsSnapshot();
  void coolingModeKeysRoundTrip();

  void workloadEnumKeysRoundTrip();
  void validWorkloadsHaveNoProblem();
  void workloadProblemNamesTheField_data();
  void workloadProblemNamesTheField();
  void workloadPoolProblemNamesTheField();
  void workloadsInsertFindReplaceRemove();
  void workloadNeedsAPoolOfTheProject();
  void hallWithPoolsCannotBeRemoved();
  void poolRacksAreNamedRacksThenRowRacks();

 private:
  Project mProject;
  HallId mHallId;
};

void TestModel::init() {
  mProject = Project();
  mHallId = HallId::create();
  mProject.insertHall(0, Hall(mHallId, QStringLiteral("Hall A"), rectangleMm(12'000, 9'600)));
}

void TestModel::idsAreUniqueAndRoundTrip() {
  const RackId a = RackId::create();
  const RackId b = RackId::create();
  QVERIFY(!a.isNull());
  QVERIFY(a != b);
  QVERIFY(RackId().isNull());
  QCOMPARE(RackId::fromString(a.toString()), a);
  QCOMPARE(RackId::fromString(QStringLiteral("{%1}").arg(a.toString())), a);
  QVERIFY(!a.toString().startsWith(QLatin1Char('{')));  // saved without braces
  QCOMPARE(qHash(a), qHash(RackId::fromString(a.toString())));
}

void TestModel::idFromMalformedTextIsNull() {
  QVERIFY(RackId::fromString(QStringLiteral("R01")).isNull());
  QVERIFY(RackId::fromString(QString()).isNull());
}

void TestModel::projectSettersReportChange() {
  QVERIFY(mProject.setName(QStringLiteral("AI hall 1")));
  QVERIFY(!mProject.setName(QStringLiteral("AI hall 1")));
  QCOMPARE(mProject.name(), QStringLiteral("AI hall 1"));
  QVERIFY(mProject.setAuthor(QStringLiteral("A. Architect")));
  QVERIFY(!mProject.setAuthor(QStringLiteral("A. Architect")));
  QVERIFY(mProject.setDescription(QStringLiteral("4 SU")));
  QVERIFY(!mProject.setDescription(QStringLiteral("4 SU")));
  QVERIFY(mProject.setDescription(QString()));
  QCOMPARE(mProject.description(), QString());
}

void TestModel::rackSettersReportChange() {
  Rack rack = rackIn(mHallId);
  QVERIFY(rack.setName(QStringLiteral("R01")));
  QVERIFY(!rack.setName(QStringLiteral("R01")));
  QVERIFY(rack.setRow(QStringLiteral("A")));
  QVERIFY(!rack.setRow(QStringLiteral("A")));
  QVERIFY(rack.setPositionMm({1500, 1200}));
  QVERIFY(!rack.setPositionMm({1500, 1200}));
  QCOMPARE(rack.positionMm(), (PointMm{1500, 1200}));
  QVERIFY(rack.setRotationDeg(180));
  QVERIFY(!rack.setRotationDeg(180));
  QVERIFY(rack.setCoolingMode(CoolingMode::RearDoor));
  QVERIFY(!rack.setCoolingMode(CoolingMode::RearDoor));
  QVERIFY(rack.setRackTypeId(QStringLiteral("conteg/ri7-48-60-120")));
  QVERIFY(!rack.setRackTypeId(QStringLiteral("conteg/ri7-48-60-120")));
}

void TestModel::hallSettersReportChange() {
  Hall hall(HallId::create(), QStringLiteral("Hall B"), rectangleMm(6'000, 6'000));
  QCOMPARE(hall.tileMm(), 600);  // the usual raised-floor tile
  QVERIFY(!hall.setTileMm(600));
  QVERIFY(hall.setTileMm(500));
  QVERIFY(!hall.setName(QStringLiteral("Hall B")));
  QVERIFY(hall.setName(QStringLiteral("Hall C")));
  QVERIFY(!hall.setOutlineMm(rectangleMm(6'000, 6'000)));
  QVERIFY(hall.setOutlineMm(rectangleMm(6'000, 7'200)));
  QVERIFY(!hall.setCeilingHeightMm(4'000));
  QVERIFY(hall.setCeilingHeightMm(4'500));
}

void TestModel::hallSettersRejectBadValues_data() {
  QTest::addColumn<QString>("setter");
  QTest::addColumn<int>("value");
  QTest::newRow("tile 99 mm") << "tile" << 99;
  QTest::newRow("tile 2001 mm") << "tile" << 2001;
  QTest::newRow("tile 0") << "tile" << 0;
  QTest::newRow("ceiling 1999 mm") << "ceiling" << 1999;
  QTest::newRow("ceiling 20001 mm") << "ceiling" << 20001;
}

void TestModel::hallSettersRejectBadValues() {
  QFETCH(QString, setter);
  QFETCH(int, value);
  Hall hall(HallId::create(), QStringLiteral("Hall B"), rectangleMm(6'000, 6'000));
  const Hall before = hall;
  if (setter == QLatin1String("tile")) {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hall.setTileMm(value));
  } else {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hall.setCeilingHeightMm(value));
  }
  QVERIFY(hall == before);
}

void TestModel::hallNeedsThreeCorners() {
  const PolygonMm line{{0, 0}, {6'000, 0}};
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           Hall(HallId::create(), QStringLiteral("x"), line));
  Hall hall(HallId::create(), QStringLiteral("Hall B"), rectangleMm(6'000, 6'000));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hall.setOutlineMm(line));
  QCOMPARE(hall.outlineMm(), rectangleMm(6'000, 6'000));
  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      hall.setObstacles({{ObstacleId::create(), QStringLiteral("C-1"), line}}));
  QVERIFY(hall.obstacles().isEmpty());
}

void TestModel::rotationAccepted_data() {
  QTest::addColumn<int>("rotationDeg");
  QTest::newRow("0") << 0;
  QTest::newRow("90") << 90;
  QTest::newRow("180") << 180;
  QTest::newRow("270") << 270;
}

void TestModel::rotationAccepted() {
  QFETCH(int, rotationDeg);
  Rack rack(RackId::create(), mHallId, QStringLiteral("apc/ar3300"), {}, rotationDeg);
  QCOMPARE(rack.rotationDeg(), rotationDeg);
  QCOMPARE(rack.setRotationDeg(rotationDeg), false);
}

void TestModel::rotationRejected_data() {
  QTest::addColumn<int>("rotationDeg");
  QTest::newRow("45") << 45;
  QTest::newRow("-90") << -90;
  QTest::newRow("360") << 360;
  QTest::newRow("1") << 1;
}

void TestModel::rotationRejected() {
  QFETCH(int, rotationDeg);
  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      Rack(RackId::create(), mHallId, QStringLiteral("apc/ar3300"), {}, rotationDeg));
  Rack rack = rackIn(mHallId);
  rack.setRotationDeg(90);
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rack.setRotationDeg(rotationDeg));
  QCOMPARE(rack.rotationDeg(), 90);  // unchanged by the rejected value
}

void TestModel::insertRackRejectsBadRacks() {
  const Rack first = rackIn(mHallId);
  mProject.insertRack(-1, first);
  const Project before = mProject;

  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      mProject.insertRack(-1, Rack(RackId(), mHallId, QStringLiteral("x"), {})));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.insertRack(0, first));  // same id
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           mProject.insertRack(-1, rackIn(HallId::create())));
  QVERIFY(mProject == before);
  verifyIndex(mProject);
}

void TestModel::rackIndexAfterInsertsAndRemoves() {
  const Rack a = rackIn(mHallId, QStringLiteral("A"));
  const Rack b = rackIn(mHallId, QStringLiteral("B"));
  const Rack c = rackIn(mHallId, QStringLiteral("C"));
  const Rack d = rackIn(mHallId, QStringLiteral("D"));
  const Rack e = rackIn(mHallId, QStringLiteral("E"));
  mProject.insertRack(-1, c);  // C
  mProject.insertRack(0, a);   // A C
  mProject.insertRack(1, b);   // A B C
  mProject.insertRack(3, e);   // A B C E
  mProject.insertRack(3, d);   // A B C D E
  QCOMPARE(rackIds(mProject), (QList<RackId>{a.id(), b.id(), c.id(), d.id(), e.id()}));
  verifyIndex(mProject);

  qsizetype removedAt = -1;
  QCOMPARE(mProject.removeRack(b.id(), &removedAt), b);
  QCOMPARE(removedAt, 1);
  QCOMPARE(mProject.rackIndex(b.id()), -1);
  QVERIFY(!mProject.findRack(b.id()));
  verifyIndex(mProject);  // C, D, E moved down by one

  QCOMPARE(mProject.removeRack(a.id(), &removedAt), a);
  QCOMPARE(removedAt, 0);
  mProject.insertRack(2, b);  // C D B E
  QCOMPARE(rackIds(mProject), (QList<RackId>{c.id(), d.id(), b.id(), e.id()}));
  verifyIndex(mProject);
  mProject.removeRack(e.id());
  QCOMPARE(rackIds(mProject), (QList<RackId>{c.id(), d.id(), b.id()}));
  verifyIndex(mProject);
}

void TestModel::insertRackClampsIndex() {
  const Rack a = rackIn(mHallId);
  const Rack b = rackIn(mHallId);
  const Rack c = rackIn(mHallId);
  mProject.insertRack(-1, a);
  mProject.insertRack(99, b);  // past the end: appended
  mProject.insertRack(-5, c);  // negative: appended
  QCOMPARE(rackIds(mProject), (QList<RackId>{a.id(), b.id(), c.id()}));
  verifyIndex(mProject);
}

void TestModel::removeUnknownRackThrows() {
  mProject.insertRack(-1, rackIn(mHallId));
  const Project before = mProject;
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.removeRack(RackId::create()));
  QVERIFY(mProject == before);
}

void TestModel::hallWithRacksCannotBeRemoved() {
  const Rack rack = rackIn(mHallId);
  mProject.insertRack(-1, rack);
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.removeHall(mHallId));
  QVERIFY(mProject.findHall(mHallId));
  mProject.removeRack(rack.id());
  qsizetype index = -1;
  QCOMPARE(mProject.removeHall(mHallId, &index).id(), mHallId);
  QCOMPARE(index, 0);
  QVERIFY(mProject.halls().isEmpty());
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.removeHall(mHallId));
}

void TestModel::duplicateHallRejected() {
  const Project before = mProject;
  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      mProject.insertHall(-1, Hall(mHallId, QStringLiteral("again"), rectangleMm(600, 600))));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.insertHall(-1, Hall()));
  QVERIFY(mProject == before);
}

void TestModel::mountsInsertFindRemove() {
  Rack rack = rackIn(mHallId);
  const Mount low{MountId::create(), QStringLiteral("nvidia/dgx-h100"), 1};
  const Mount high{MountId::create(), QStringLiteral("nvidia/qm9700"), 42};
  const Mount middle{MountId::create(), QStringLiteral("nvidia/dgx-h100"), 9};
  rack.insertMount(-1, low);
  rack.insertMount(-1, high);
  rack.insertMount(1, middle);
  QCOMPARE(rack.mounts(), (QList<Mount>{low, middle, high}));
  QCOMPARE(*rack.findMount(high.id), high);
  QVERIFY(!rack.findMount(MountId::create()));

  qsizetype index = -1;
  QCOMPARE(rack.removeMount(middle.id, &index), middle);
  QCOMPARE(index, 1);
  QCOMPARE(rack.mounts(), (QList<Mount>{low, high}));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rack.removeMount(middle.id));
}

void TestModel::mountBelowU1Rejected() {
  Rack rack = rackIn(mHallId);
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           rack.insertMount(-1, {MountId::create(), QStringLiteral("x/y"), 0}));
  QVERIFY(rack.mounts().isEmpty());
}

void TestModel::copyIsSnapshot() {
  const Rack rack = rackIn(mHallId, QStringLiteral("R01"));
  mProject.insertRack(-1, rack);
  const Project snapshot = mProject;
  QVERIFY(snapshot == mProject);

  mProject.findRack(rack.id())->setPositionMm({2100, 1200});
  mProject.setName(QStringLiteral("changed"));
  QVERIFY(!(snapshot == mProject));
  QCOMPARE(snapshot.findRack(rack.id())->positionMm(), (PointMm{900, 1200}));
  QCOMPARE(snapshot.name(), QString());
  verifyIndex(snapshot);
}

void TestModel::coolingModeKeysRoundTrip() {
  const QList<CoolingMode> modes{CoolingMode::Air, CoolingMode::RearDoor, CoolingMode::DirectToChip,
                                 CoolingMode::DirectToChipRearDoor};
  QStringList keys;
  for (CoolingMode mode : modes) {
    CoolingMode parsed = CoolingMode::Air;
    QVERIFY(coolingModeFromKey(coolingModeKey(mode), &parsed));
    QCOMPARE(parsed, mode);
    QVERIFY(!coolingModeName(mode).isEmpty());
    QVERIFY(!keys.contains(coolingModeKey(mode)));
    keys.append(coolingModeKey(mode));
  }
  CoolingMode untouched = CoolingMode::RearDoor;
  QVERIFY(!coolingModeFromKey(QStringLiteral("immersion"), &untouched));
  QCOMPARE(untouched, CoolingMode::RearDoor);
}

namespace {
template <typename E>
void checkKeys(const QList<E>& values, QString (*key)(E), bool (*fromKey)(const QString&, E*),
               const QStringList& expected) {
  QStringList keys;
  for (E value : values) {
    E parsed = values.last() == value ? values.first() : values.last();
    QVERIFY(fromKey(key(value), &parsed));
    QCOMPARE(parsed, value);
    keys.append(key(value));
  }
  QCOMPARE(keys, expected);
  E untouched = values.first();
  QVERIFY(!fromKey(QStringLiteral("unknown"), &untouched));
  QCOMPARE(untouched, values.first());
}
}  // namespace

void TestModel::workloadEnumKeysRoundTrip() {
  checkKeys<WorkloadKind>(
      {WorkloadKind::Training, WorkloadKind::FineTuning, WorkloadKind::Inference}, workloadKindKey,
      workloadKindFromKey, {"training", "finetune", "inference"});
  checkKeys<Precision>({Precision::BF16, Precision::FP8, Precision::FP4, Precision::INT4},
                       precisionKey, precisionFromKey, {"bf16", "fp8", "fp4", "int4"});
  checkKeys<RecomputeMode>({RecomputeMode::None, RecomputeMode::Selective, RecomputeMode::Full},
                           recomputeModeKey, recomputeModeFromKey, {"none", "selective", "full"});
  checkKeys<Scheduler>({Scheduler::Slurm, Scheduler::Kubernetes}, schedulerKey, schedulerFromKey,
                       {"slurm", "kubernetes"});
  checkKeys<FineTuneMethod>({FineTuneMethod::Full, FineTuneMethod::LoRA}, fineTuneMethodKey,
                            fineTuneMethodFromKey, {"full", "lora"});
  checkKeys<Batching>({Batching::Static, Batching::Continuous}, batchingKey, batchingFromKey,
                      {"static", "continuous"});
  QCOMPARE(workloadKindName(WorkloadKind::FineTuning), QStringLiteral("Fine-tuning"));
  QCOMPARE(precisionName(Precision::INT4), QStringLiteral("INT4"));
  QCOMPARE(recomputeModeName(RecomputeMode::Selective), QStringLiteral("Selective"));
  QCOMPARE(schedulerName(Scheduler::Kubernetes), QStringLiteral("Kubernetes"));
  QCOMPARE(objectKindKey(ObjectKind::WorkloadPool), QStringLiteral("workload-pool"));
  QCOMPARE(objectKindKey(ObjectKind::Workload), QStringLiteral("workload"));
}

void TestModel::validWorkloadsHaveNoProblem() {
  const WorkloadPoolId pool = WorkloadPoolId::create();
  QCOMPARE(workloadProblem(llamaTraining(pool)), QString());
  QCOMPARE(workloadProblem(llamaInference(pool)), QString());
  // Parameters alone (6ND) and the architecture alone (Megatron's P) are both enough.
  Workload paramsOnly = llamaTraining(pool);
  paramsOnly.model = {};
  paramsOnly.model.parameters = 7e9;
  paramsOnly.parallelism = {};
  QCOMPARE(workloadProblem(paramsOnly), QString());
  Workload archOnly = llamaTraining(pool);
  archOnly.model.parameters = 0;
  QCOMPARE(workloadProblem(archOnly), QString());
  Workload lora = llamaTraining(pool);
  lora.kind = WorkloadKind::FineTuning;
  lora.fineTuneMethod = FineTuneMethod::LoRA;
  lora.tokens = 1e8;
  lora.runsPerMonth = 4;
  QCOMPARE(workloadProblem(lora), QString());
  // Tiering: the small model with its count and the shape its KV cache needs (Llama-3-8B: 32
  // layers, h 4,096, 32 heads; Meta's config.json).
  Workload tiered = llamaInference(pool);
  tiered.smallModelShare = 0.8;
  tiered.smallModel.parameters = 8e9;
  tiered.smallModel.layers = 32;
  tiered.smallModel.hiddenSize = 4096;
  tiered.smallModel.heads = 32;
  tiered.smallModel.kvHeads = 8;
  QCOMPARE(workloadProblem(tiered), QString());
  WorkloadPool p = poolIn(HallId::create(), QStringLiteral("Training pool"));
  p.rows = QStringList{QStringLiteral("A"), QStringLiteral("B")};
  QCOMPARE(workloadPoolProblem(p), QString());
}

void TestModel::workloadProblemNamesTheField_data() {
  // Each row breaks one field of a valid workload; the message must name that field.
  QTest::addColumn<int>("problem");
  QTest::addColumn<QString>("expected");
  const QString who = QStringLiteral("Workload 'Llama-3-70B pre-training': ");
  QTest::newRow("no name") << 0 << "A workload needs a name";
  QTest::newRow("zero parameters, no architecture")
      << 1 << who + "parameters must be positive, or the architecture given";
  QTest::newRow("negative parameters") << 2 << who + "parameters must be positive (got -7e+09)";
  QTest::newRow("NaN parameters") << 3 << who + "parameters must be a number";
  QTest::newRow("zero tokens") << 4 << who + "training tokens must be positive (got 0)";
  QTest::newRow("negative tokens") << 5 << who + "training tokens must not be negative (got -1)";
  QTest::newRow("TP not dividing the heads")
      << 6 << who + "tensor parallel 3 does not divide the 64 attention heads";
  QTest::newRow("TP not dividing the KV heads")
      << 7 << who + "tensor parallel 16 does not divide the 8 KV heads";
  QTest::newRow("PP not dividing the layers")
      << 8 << who + "pipeline parallel 3 does not divide the 80 layers";
  QTest::newRow("MFU above 1") << 9 << who + "an MFU above 1 is not possible (got 1.2)";
  QTest::newRow("negative GPUs") << 10 << who + "GPUs must not be negative (got -8)";
  QTest::newRow("negative layers") << 11 << who + "layers must not be negative (got -80)";
  QTest::newRow("KV heads not dividing heads")
      << 12 << who + "7 KV heads do not divide the 64 attention heads";
  QTest::newRow("ZeRO stage 4") << 13 << who + "ZeRO stage must be 0, 1, 2 or 3 (got 4)";
  QTest::newRow("goodput above 1") << 14 << who + "a goodput above 1 is not possible";
  QTest::newRow("micro-batch 0") << 15 << who + "micro-batch must be at least 1";
  QTest::newRow("PP 0") << 16 << who + "pipeline parallel must be at least 1 (got 0)";
  QTest::newRow("CP 0") << 17 << who + "context parallel must be at least 1 (got 0)";
  QTest::newRow("negative DP") << 18 << who + "data parallel must not be negative (got -2)";
  QTest::newRow("infinite MFU") << 19 << who + "MFU must be a number (got inf)";
  QTest::newRow("negative target days") << 20 << who + "target days must not be negative";
  QTest::newRow("LoRA rank 0") << 21 << who + "LoRA rank must be at least 1 (got 0)";
  QTest::newRow("fine-tune without dataset")
      << 22 << who + "dataset tokens must be positive (got 0)";
  QTest::newRow("no runs per month") << 23 << who + "runs per month must be positive (got 0)";
  const QString chat = QStringLiteral("Workload 'Llama-3-70B chat': ");
  QTest::newRow("no prompt tokens") << 24 << chat + "prompt tokens must be positive (got 0)";
  QTest::newRow("no output tokens") << 25 << chat + "output tokens must be positive (got 0)";
  QTest::newRow("no request rate") << 26 << chat + "request rate must be positive (got 0";
  QTest::newRow("no TTFT target") << 27 << chat + "TTFT target must be positive (got 0 s)";
  QTest::newRow("negative TPOT target") << 28 << chat + "TPOT target (s) must not be negative";
  QTest::newRow("share of 1") << 29 << chat + "small-model share must be below 1 (got 1)";
  QTest::newRow("share without a small model")
      << 30 << chat + "a small-model share of 0.5 needs a small model";
  QTest::newRow("small model TP-free but bad heads")
      << 31 << chat + "small model's 3 KV heads do not divide the 32 attention heads";
  QTest::newRow("negative share") << 32 << chat + "small-model share must not be negative";
  QTest::newRow("negative small-model vocabulary")
      << 33 << chat + "small model's vocabulary size must not be negative";
  // Megatron's count needs the vocabulary and the sequence besides layers, hidden and heads:
  // without them the architecture counts 0 parameters (and a fit of 0 B was reported "fits").
  QTest::newRow("architecture without vocabulary or sequence")
      << 34
      << chat +
             "parameters are not given, so they are counted from the architecture, which then "
             "needs the vocabulary size and sequence length";
  QTest::newRow("architecture without sequence")
      << 35
      << chat +
             "parameters are not given, so they are counted from the architecture, which then "
             "needs the sequence length";
  QTest::newRow("small model's architecture without vocabulary")
      << 36
      << chat +
             "small model's parameters are not given, so they are counted from the "
             "architecture, which then needs the vocabulary size";
  // Inference sizes its batch by the KV cache: a count alone serves 0 requests/s per replica
  // (the pass once reported 0 replicas as "fits").
  QTest::newRow("inference without layers")
      << 37
      << chat +
             "inference needs the model's layers, attention heads and hidden size (or head "
             "dimension) for its KV cache";
  QTest::newRow("tiering on a small model without its shape")
      << 38 << chat + "tiering needs the small model's layers, attention heads and hidden size";
}

void TestModel::workloadProblemNamesTheField() {
  QFETCH(int, problem);
  QFETCH(QString, expected);
  const WorkloadPoolId pool = WorkloadPoolId::create();
  Workload w = problem < 24 ? llamaTraining(pool) : llamaInference(pool);
  switch (problem) {
    case 0:
      w.name = QStringLiteral(" ");
      break;
    case 1:
      w.model = {};
      break;
    case 2:
      w.model.parameters = -7e9;
      break;
    case 3:
      w.model.parameters = std::nan("");
      break;
    case 4:
      w.tokens = 0;
      break;
    case 5:
      w.tokens = -1;
      break;
    case 6:
      w.parallelism.tp = 3;
      break;
    case 7:
      w.parallelism.tp = 16;
      break;
    case 8:
      w.parallelism.pp = 3;
      break;
    case 9:
      w.mfu = 1.2;
      break;
    case 10:
      w.gpus = -8;
      break;
    case 11:
      w.model.layers = -80;
      break;
    case 12:
      w.model.kvHeads = 7;
      w.parallelism.tp = 1;
      break;
    case 13:
      w.parallelism.zeroStage = 4;
      break;
    case 14:
      w.goodput = 1.5;
      break;
    case 15:
      w.microBatch = 0;
      break;
    case 16:
      w.parallelism.pp = 0;
      break;
    case 17:
      w.parallelism.cp = 0;
      break;
    case 18:
      w.parallelism.dp = -2;
      break;
    case 19:
      w.mfu = std::numeric_limits<double>::infinity();
      break;
    case 20:
      w.targetDays = -3;
      break;
    case 21:
      w.kind = WorkloadKind::FineTuning;
      w.fineTuneMethod = FineTuneMethod::LoRA;
      w.loraRank = 0;
      break;
    case 22:
      w.kind = WorkloadKind::FineTuning;
      w.tokens = 0;
      break;
    case 23:
      w.runsPerMonth = 0;
      break;
    case 24:
      w.promptTokens = 0;
      break;
    case 25:
      w.outputTokens = 0;
      break;
    case 26:
      w.requestsPerSecond = 0;
      break;
    case 27:
      w.ttftTargetS = 0;
      break;
    case 28:
      w.tpotTargetS = -0.1;
      break;
    case 29:
      w.smallModelShare = 1;
      w.smallModel.parameters = 8e9;
      break;
    case 30:
      w.smallModelShare = 0.5;
      break;
    case 31:
      w.smallModelShare = 0.5;
      w.smallModel.layers = 32;
      w.smallModel.hiddenSize = 4096;
      w.smallModel.heads = 32;
      w.smallModel.kvHeads = 3;
      break;
    case 32:
      w.smallModelShare = -0.2;
      break;
    case 33:
      w.smallModel.vocabSize = -1;
      break;
    case 34:
      w.model.parameters = 0;
      w.model.vocabSize = 0;
      w.model.sequenceLength = 0;
      break;
    case 35:
      w.model.parameters = 0;
      w.model.sequenceLength = 0;
      break;
    case 36:
      w.smallModelShare = 0.5;
      w.smallModel.layers = 32;
      w.smallModel.hiddenSize = 4096;
      w.smallModel.heads = 32;
      w.smallModel.kvHeads = 8;
      w.smallModel.sequenceLength = 8192;
      break;
    case 37:
      w.model.layers = 0;
      break;
    case 38:
      w.smallModelShare = 0.5;
      w.smallModel.parameters = 8e9;
      break;
  }
  const QString message = workloadProblem(w);
  QVERIFY2(message.startsWith(expected), qPrintable(message));
}

void TestModel::workloadPoolProblemNamesTheField() {
  WorkloadPool pool = poolIn(mHallId, QStringLiteral("Training pool"));
  QCOMPARE(workloadPoolProblem(pool), QString());
  WorkloadPool bad = pool;
  bad.name = QString();
  QCOMPARE(workloadPoolProblem(bad), QStringLiteral("A workload pool needs a name"));
  bad = pool;
  bad.colourIndex = -1;
  QCOMPARE(workloadPoolProblem(bad),
           QStringLiteral("Pool 'Training pool': colour index -1 is outside 0 to 63"));
  bad = pool;
  const RackId rack = RackId::create();
  bad.rackIds = {rack, rack};
  QCOMPARE(workloadPoolProblem(bad), QStringLiteral("Pool 'Training pool' names one rack twice"));
  bad = pool;
  bad.rows = QStringList{QStringLiteral("A"), QStringLiteral("A")};
  QCOMPARE(workloadPoolProblem(bad), QStringLiteral("Pool 'Training pool' names row A twice"));
  bad.rows = QStringList{QString()};
  QCOMPARE(workloadPoolProblem(bad), QStringLiteral("Pool 'Training pool': a row needs a name"));
}

void TestModel::workloadsInsertFindReplaceRemove() {
  const WorkloadPool a = poolIn(mHallId, QStringLiteral("Training pool"));
  const WorkloadPool b = poolIn(mHallId, QStringLiteral("Inference pool"));
  mProject.insertWorkloadPool(-1, a);
  mProject.insertWorkloadPool(0, b);
  QCOMPARE(mProject.workloadPools().size(), 2);
  QCOMPARE(mProject.workloadPoolIndex(a.id), 1);
  QCOMPARE(mProject.findWorkloadPool(b.id)->name, QStringLiteral("Inference pool"));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.insertWorkloadPool(-1, a));

  const Workload train = llamaTraining(a.id);
  const Workload chat = llamaInference(b.id);
  mProject.insertWorkload(-1, train);
  mProject.insertWorkload(-1, chat);
  QCOMPARE(mProject.workloads().size(), 2);
  QCOMPARE(mProject.workloadIndex(chat.id), 1);
  QVERIFY(*mProject.findWorkload(train.id) == train);

  // A workload may move to another pool; a pool may not move to another hall.
  Workload moved = chat;
  moved.poolId = a.id;
  mProject.replaceWorkload(moved);
  QCOMPARE(mProject.findWorkload(chat.id)->poolId, a.id);
  WorkloadPool elsewhere = a;
  elsewhere.hallId = HallId::create();
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.replaceWorkloadPool(elsewhere));
  WorkloadPool renamed = a;
  renamed.name = QStringLiteral("Pre-training");
  mProject.replaceWorkloadPool(renamed);
  QCOMPARE(mProject.findWorkloadPool(a.id)->name, QStringLiteral("Pre-training"));

  qsizetype index = -1;
  const Workload removed = mProject.removeWorkload(train.id, &index);
  QCOMPARE(index, 0);
  QVERIFY(removed == train);
  QCOMPARE(mProject.workloadIndex(chat.id), 0);
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.removeWorkload(train.id));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.replaceWorkload(train));
}

void TestModel::workloadNeedsAPoolOfTheProject() {
  const Project before = mProject;
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           mProject.insertWorkload(-1, llamaTraining(WorkloadPoolId::create())));
  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      mProject.insertWorkloadPool(-1, poolIn(HallId::create(), QStringLiteral("Lost"))));
  QVERIFY(mProject == before);
  const WorkloadPool pool = poolIn(mHallId, QStringLiteral("Training pool"));
  mProject.insertWorkloadPool(-1, pool);
  Workload w = llamaTraining(pool.id);
  mProject.insertWorkload(-1, w);
  w.poolId = WorkloadPoolId::create();
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mProject.replaceWorkload(w));
  QCOMPARE(mProject.workloads().first().poolId, pool.id);
}

void TestModel::hallWithPoolsCannotBeRemoved() {
  const WorkloadPool pool = poolIn(mHallId, QStringLiteral("Training pool"));
  mProject.insertWorkloadPool(-1, pool);
  try {
    mProject.removeHall(mHallId);
    QFAIL("a hall with a pool was removed");
  } catch (const std::invalid_argument& e) {
    QCOMPARE(QString::fromUtf8(e.what()),
             QStringLiteral("a hall with workload pools in it cannot be removed"));
  }
  QCOMPARE(mProject.halls().size(), 1);
  mProject.removeWorkloadPool(pool.id);
  mProject.removeHall(mHallId);
  QVERIFY(mProject.halls().isEmpty());
}

void TestModel::poolRacksAreNamedRacksThenRowRacks() {
  const HallId other = HallId::create();
  mProject.insertHall(-1, Hall(other, QStringLiteral("Hall B"), rectangleMm(12'000, 9'600)));
  auto add = [&](HallId hall, const QString& name, const QString& row) {
    Rack rack = rackIn(hall, name);
    rack.setRow(row);
    mProject.insertRack(-1, rack);
    return rack.id();
  };
  const RackId a1 = add(mHallId, QStringLiteral("A01"), QStringLiteral("A"));
  const RackId a2 = add(mHallId, QStringLiteral("A02"), QStringLiteral("A"));
  const RackId b1 = add(mHallId, QStringLiteral("B01"), QStringLiteral("B"));
  const RackId c1 = add(mHallId, QStringLiteral("C01"), QStringLiteral("C"));
  const RackId otherA = add(other, QStringLiteral("A01"), QStringLiteral("A"));
  WorkloadPool pool = poolIn(mHallId, QStringLiteral("Training pool"));
  // A named rack comes first and is not repeated by its row; a rack of another hall (even in a
  // row of the same name) and an unknown id (a deleted rack) are skipped.
  pool.rackIds = {c1, a2, otherA, RackId::create()};
  pool.rows = QStringList{QStringLiteral("A"), QStringLiteral("B")};
  QCOMPARE(mProject.poolRackIds(pool), (QList<RackId>{c1, a2, a1, b1}));
  pool.rows.clear();
  QCOMPARE(mProject.poolRackIds(pool), (QList<RackId>{c1, a2}));
  // A row grown later joins the pool.
  const RackId b2 = add(mHallId, QStringLiteral("B02"), QStringLiteral("B"));
  pool.rackIds.clear();
  pool.rows = QStringList{QStringLiteral("B")};
  QCOMPARE(mProject.poolRackIds(pool), (QList<RackId>{b1, b2}));
}

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
