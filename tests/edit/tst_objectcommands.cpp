// SPDX-License-Identifier: GPL-3.0-or-later
// The generic object commands (insert, replace, remove by id) on power nodes, workload pools and
// workloads, and the design
// assumptions command: exact undo and redo, one signal per command, and refusal of bad input
// with a message naming the object and the field before anything changes.
#include "edit/cmdeditrack.h"
#include "edit/cmdobjects.h"
#include "testdesigns.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace dc;
using namespace dc::test;

namespace {

PowerNode busway(HallId hall, const QString& name, PowerNodeId upstream = {}) {
  PowerNode n;
  n.id = PowerNodeId::create();
  n.hallId = hall;
  n.name = name;
  n.kind = PowerNodeKind::Busway;
  n.feed = PowerFeed::A;
  n.upstreamId = upstream;
  n.ratedCurrentA = 400.0;
  n.voltageV = 415.0;
  return n;
}

PowerNode ups(HallId hall, const QString& name) {
  PowerNode n = busway(hall, name);
  n.kind = PowerNodeKind::Ups;
  n.ratedCurrentA = 0.0;
  n.moduleCount = 3;
  n.moduleRatingW = 250'000.0;
  n.redundancy = Redundancy::NPlus1;
  return n;
}

WorkloadPool pool(HallId hall, const QString& name, QList<RackId> racks = {}) {
  WorkloadPool p;
  p.id = WorkloadPoolId::create();
  p.hallId = hall;
  p.name = name;
  p.rackIds = std::move(racks);
  return p;
}

/// Llama-3-70B (Meta, "The Llama 3 Herd of Models", table 3) trained on 15T tokens.
Workload training(WorkloadPoolId poolId, const QString& name) {
  Workload w;
  w.id = WorkloadId::create();
  w.poolId = poolId;
  w.name = name;
  w.model.layers = 80;
  w.model.hiddenSize = 8192;
  w.model.ffnSize = 28672;
  w.model.heads = 64;
  w.model.kvHeads = 8;
  w.model.vocabSize = 128256;
  w.model.sequenceLength = 8192;
  w.tokens = 15e12;
  return w;
}

}  // namespace

class TestObjectCommands final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void init();
  void cleanup() { mDocument.reset(); }

  void insertReplaceRemoveUndoRedo();
  void oneSignalPerCommand();
  void badNodesAreRefusedWithTheField_data();
  void badNodesAreRefusedWithTheField();
  void removeRefusedWhileSomethingIsPluggedIn();
  void assumptionsEditIsUndoable();
  void badAssumptionsAreRefused_data();
  void badAssumptionsAreRefused();
  void randomEditsUndoToTheStartAndRedoToTheEnd();

  void poolsAndWorkloadsInsertReplaceRemoveUndoRedo();
  void badPoolsAndWorkloadsAreRefused_data();
  void badPoolsAndWorkloadsAreRefused();
  void poolRemoveRefusedWhileAWorkloadRunsOnIt();

 private:
  bool push(const std::function<std::unique_ptr<QUndoCommand>()>& build, QString* error = nullptr) {
    return mDocument->tryPush(build, error);
  }

  std::unique_ptr<DesignDocument> mDocument;
  HallId mHall;
  HallId mOtherHall;
};

void TestObjectCommands::init() {
  Project project;
  mHall = HallId::create();
  mOtherHall = HallId::create();
  project.insertHall(-1, Hall(mHall, QStringLiteral("Hall A"), rectangleMm(20'000, 10'000)));
  project.insertHall(-1, Hall(mOtherHall, QStringLiteral("Hall B"), rectangleMm(20'000, 10'000)));
  project.insertRack(-1, makeRack(mHall, QStringLiteral("A01"), QStringLiteral("apc/ar3300"),
                                  {1'000, 1'000}, {QStringLiteral("generic/pdu-415v-3ph-32a@1")}));
  mDocument = std::make_unique<DesignDocument>(project);
}

void TestObjectCommands::insertReplaceRemoveUndoRedo() {
  const Project start = mDocument->project();
  const PowerNode u = ups(mHall, QStringLiteral("UPS-A"));
  const PowerNode b = busway(mHall, QStringLiteral("BW-A1"), u.id);
  // One command may insert a node and one that hangs below it.
  QVERIFY(push([&] {
    return std::make_unique<CmdInsertObjects<PowerNode>>(
        *mDocument, QList<QPair<qsizetype, PowerNode>>{{-1, u}, {-1, b}}, QStringLiteral("Add"));
  }));
  QCOMPARE(mDocument->project().powerNodes().size(), 2);
  const Project inserted = mDocument->project();
  PowerNode bigger = b;
  bigger.ratedCurrentA = 800.0;
  QVERIFY(push([&] {
    return std::make_unique<CmdReplaceObject<PowerNode>>(*mDocument, bigger,
                                                         QStringLiteral("Edit"));
  }));
  QCOMPARE(mDocument->project().findPowerNode(b.id)->ratedCurrentA, 800.0);
  const Project replaced = mDocument->project();
  QVERIFY(push([&] {
    return std::make_unique<CmdRemoveObjects<PowerNode>>(*mDocument, QList<PowerNodeId>{b.id},
                                                         QStringLiteral("Remove"));
  }));
  QCOMPARE(mDocument->project().powerNodes().size(), 1);
  QUndoStack& stack = mDocument->undoStack();
  stack.undo();
  QVERIFY(mDocument->project() == replaced);
  stack.undo();
  QVERIFY(mDocument->project() == inserted);
  stack.undo();
  QVERIFY(mDocument->project() == start);
  stack.redo();
  stack.redo();
  stack.redo();
  QCOMPARE(mDocument->project().powerNodes().size(), 1);
  QCOMPARE(mDocument->project().powerNodes().first().id, u.id);
}

void TestObjectCommands::oneSignalPerCommand() {
  QSignalSpy objects(mDocument.get(), &DesignDocument::objectsChanged);
  QSignalSpy changed(mDocument.get(), &DesignDocument::changed);
  const PowerNode u = ups(mHall, QStringLiteral("UPS-A"));
  QVERIFY(push([&] {
    return std::make_unique<CmdInsertObjects<PowerNode>>(
        *mDocument, QList<QPair<qsizetype, PowerNode>>{{-1, u}}, QStringLiteral("Add"));
  }));
  QCOMPARE(objects.size(), 1);
  QCOMPARE(changed.size(), 1);
  QCOMPARE(objects.first().at(0).value<ObjectKind>(), ObjectKind::PowerNode);
  QCOMPARE(objects.first().at(1).value<QList<QUuid>>(), QList<QUuid>{u.id.uuid()});
}

void TestObjectCommands::badNodesAreRefusedWithTheField_data() {
  QTest::addColumn<int>("problem");
  QTest::addColumn<QString>("expected");
  QTest::newRow("negative voltage") << 0 << "BW-X: voltage must be positive";
  QTest::newRow("no rated current") << 1 << "BW-X: rated current (A) must be positive";
  QTest::newRow("UPS without modules") << 2 << "UPS-X: it needs at least one power module";
  QTest::newRow("N+1 with one module") << 3 << "N+1 needs at least two modules";
  QTest::newRow("upstream in another hall") << 4 << "which is in another hall";
  QTest::newRow("unknown upstream") << 5 << "its upstream node is not in the project";
  QTest::newRow("no name") << 6 << "a name is needed";
  QTest::newRow("power rack without rating") << 7 << "rated power (W) must be positive";
}

void TestObjectCommands::badNodesAreRefusedWithTheField() {
  QFETCH(int, problem);
  QFETCH(QString, expected);
  PowerNode other = ups(mOtherHall, QStringLiteral("UPS-B"));
  mDocument->insertObjects<PowerNode>({{-1, other}});
  mDocument->undoStack().clear();
  const Project before = mDocument->project();
  PowerNode n = busway(mHall, QStringLiteral("BW-X"));
  switch (problem) {
    case 0:
      n.voltageV = -400.0;
      break;
    case 1:
      n.ratedCurrentA = 0.0;
      break;
    case 2:
      n = ups(mHall, QStringLiteral("UPS-X"));
      n.moduleCount = 0;
      break;
    case 3:
      n = ups(mHall, QStringLiteral("UPS-X"));
      n.moduleCount = 1;
      break;
    case 4:
      n.upstreamId = other.id;
      break;
    case 5:
      n.upstreamId = PowerNodeId::create();
      break;
    case 6:
      n.name = QStringLiteral("  ");
      break;
    case 7:
      n.kind = PowerNodeKind::PowerRack;
      break;
  }
  QString error;
  QVERIFY(!push(
      [&] {
        return std::make_unique<CmdInsertObjects<PowerNode>>(
            *mDocument, QList<QPair<qsizetype, PowerNode>>{{-1, n}}, QStringLiteral("Add"));
      },
      &error));
  QVERIFY2(error.contains(expected), qPrintable(error));
  QVERIFY(mDocument->project() == before);
  QCOMPARE(mDocument->undoStack().count(), 0);
}

void TestObjectCommands::removeRefusedWhileSomethingIsPluggedIn() {
  const PowerNode u = ups(mHall, QStringLiteral("UPS-A"));
  const PowerNode b = busway(mHall, QStringLiteral("BW-A1"), u.id);
  mDocument->insertObjects<PowerNode>({{-1, u}, {-1, b}});
  Rack rack = mDocument->project().racks().first();
  Mount pdu = rack.removeMount(rack.mounts().first().id);
  pdu.upstreamId = b.id;
  pdu.feed = PowerFeed::A;
  rack.insertMount(0, pdu);
  QVERIFY(push(
      [&] { return std::make_unique<CmdEditRack>(*mDocument, rack, QStringLiteral("Plug")); }));
  QString error;
  QVERIFY(!push(
      [&] {
        return std::make_unique<CmdRemoveObjects<PowerNode>>(*mDocument, QList<PowerNodeId>{b.id},
                                                             QStringLiteral("Remove"));
      },
      &error));
  QVERIFY2(error.contains(QLatin1String("PDUs of rack A01 are plugged into it")),
           qPrintable(error));
  QVERIFY(!push(
      [&] {
        return std::make_unique<CmdRemoveObjects<PowerNode>>(*mDocument, QList<PowerNodeId>{u.id},
                                                             QStringLiteral("Remove"));
      },
      &error));
  QVERIFY2(error.contains(QLatin1String("it feeds BW-A1")), qPrintable(error));
  // A cycle through a replace is refused too.
  PowerNode loop = *mDocument->project().findPowerNode(u.id);
  loop.upstreamId = b.id;
  QVERIFY(!push(
      [&] {
        return std::make_unique<CmdReplaceObject<PowerNode>>(*mDocument, loop,
                                                             QStringLiteral("Edit"));
      },
      &error));
  QVERIFY2(error.contains(QLatin1String("leads back to itself")), qPrintable(error));
  QCOMPARE(mDocument->project().powerNodes().size(), 2);
}

void TestObjectCommands::assumptionsEditIsUndoable() {
  QSignalSpy spy(mDocument.get(), &DesignDocument::assumptionsChanged);
  DesignAssumptions a = mDocument->project().assumptions();
  a.setValue(QString::fromLatin1(assumption::kPue), 1.2);
  a.setChoice(QString::fromLatin1(assumption::kSupplySystem), QStringLiteral("ac-3ph-480"));
  QVERIFY(push([&] { return std::make_unique<CmdSetAssumptions>(*mDocument, a); }));
  QCOMPARE(spy.size(), 1);
  QCOMPARE(mDocument->project().assumptions().value(QString::fromLatin1(assumption::kPue)), 1.2);
  QCOMPARE(mDocument->project().assumptions().supplyVoltageV(), 480.0);
  mDocument->undoStack().undo();
  QCOMPARE(mDocument->project().assumptions(), DesignAssumptions());
  mDocument->undoStack().redo();
  QCOMPARE(mDocument->project().assumptions(), a);
  // Setting a value back to its default stores nothing: equal to a fresh set.
  DesignAssumptions back = a;
  back.setValue(QString::fromLatin1(assumption::kPue), 1.3);
  back.setChoice(QString::fromLatin1(assumption::kSupplySystem), QStringLiteral("ac-3ph-415"));
  QCOMPARE(back, DesignAssumptions());
}

void TestObjectCommands::badAssumptionsAreRefused_data() {
  QTest::addColumn<QString>("key");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("expected");
  QTest::newRow("derating above 1")
      << "power.deratingFactor" << 1.2
      << "Continuous-load derating (power.deratingFactor) must be above 0 and at most 1";
  QTest::newRow("PUE below 1")
      << "facility.pue" << 0.9
      << "PUE at peak (utility and generator sizing) (facility.pue) must be 1 to 5";
  QTest::newRow("power factor 0") << "power.powerFactor" << 0.0
                                  << "Power factor (power.powerFactor)";
  QTest::newRow("not a number") << "energy.priceUsdPerKwh" << std::nan("")
                                << "must be a finite number";
  QTest::newRow("choice out of range")
      << "power.supplySystem" << 9.0 << "must be one of ac-3ph-208";
}

void TestObjectCommands::badAssumptionsAreRefused() {
  QFETCH(QString, key);
  QFETCH(double, value);
  QFETCH(QString, expected);
  DesignAssumptions a;
  try {
    a.setValue(key, value);
    QFAIL("setValue accepted a bad value");
  } catch (const std::invalid_argument& e) {
    QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
  }
  // Unchecked (as a file is read), the command still refuses it.
  a.setValueUnchecked(key, value);
  QString error;
  QVERIFY(!push([&] { return std::make_unique<CmdSetAssumptions>(*mDocument, a); }, &error));
  QVERIFY2(error.contains(expected), qPrintable(error));
  QCOMPARE(mDocument->project().assumptions(), DesignAssumptions());
}

void TestObjectCommands::randomEditsUndoToTheStartAndRedoToTheEnd() {
  // 600 random node and assumption edits over 3 seeds; each refused edit changes nothing.
  for (const quint32 seed : {7u, 42u, 2026u}) {
    init();
    QRandomGenerator random(seed);
    const Project start = mDocument->project();
    for (int step = 0; step < 200; ++step) {
      const QList<PowerNode> nodes = mDocument->project().powerNodes();
      const int action = random.bounded(4);
      if (action == 0 || nodes.isEmpty()) {
        PowerNode n = random.bounded(3) == 0 ? ups(mHall, QStringLiteral("UPS-%1").arg(step))
                                             : busway(mHall, QStringLiteral("BW-%1").arg(step));
        if (!nodes.isEmpty() && random.bounded(2) == 0) {
          n.upstreamId = nodes[random.bounded(int(nodes.size()))].id;
        }
        push([&] {
          return std::make_unique<CmdInsertObjects<PowerNode>>(
              *mDocument,
              QList<QPair<qsizetype, PowerNode>>{{random.bounded(int(nodes.size()) + 1), n}},
              QStringLiteral("Add"));
        });
      } else if (action == 1) {
        PowerNode n = nodes[random.bounded(int(nodes.size()))];
        n.name += QLatin1Char('*');
        n.ratedCurrentA += n.kind == PowerNodeKind::Ups ? 0.0 : 100.0;
        push([&] {
          return std::make_unique<CmdReplaceObject<PowerNode>>(*mDocument, n,
                                                               QStringLiteral("Edit"));
        });
      } else if (action == 2) {
        const PowerNodeId id = nodes[random.bounded(int(nodes.size()))].id;
        push([&] {
          return std::make_unique<CmdRemoveObjects<PowerNode>>(*mDocument, QList<PowerNodeId>{id},
                                                               QStringLiteral("Remove"));
        });
      } else {
        DesignAssumptions a = mDocument->project().assumptions();
        a.setValue(QString::fromLatin1(assumption::kPue), 1.0 + random.bounded(100) / 100.0);
        push([&] { return std::make_unique<CmdSetAssumptions>(*mDocument, a); });
      }
    }
    const Project end = mDocument->project();
    QUndoStack& stack = mDocument->undoStack();
    while (stack.canUndo()) {
      stack.undo();
    }
    QVERIFY(mDocument->project() == start);
    while (stack.canRedo()) {
      stack.redo();
    }
    QVERIFY(mDocument->project() == end);
  }
}

void TestObjectCommands::poolsAndWorkloadsInsertReplaceRemoveUndoRedo() {
  QSignalSpy objects(mDocument.get(), &DesignDocument::objectsChanged);
  const Project start = mDocument->project();
  const RackId rack = start.racks().first().id();
  const WorkloadPool p = pool(mHall, QStringLiteral("Training pool"), {rack});
  const Workload w = training(p.id, QStringLiteral("Llama-3-70B"));
  // One command inserts a pool; the workload on it comes in a second one.
  QVERIFY(push([&] {
    return std::make_unique<CmdInsertObjects<WorkloadPool>>(
        *mDocument, QList<QPair<qsizetype, WorkloadPool>>{{-1, p}}, QStringLiteral("Add pool"));
  }));
  QCOMPARE(objects.size(), 1);
  QCOMPARE(objects.last().at(0).value<ObjectKind>(), ObjectKind::WorkloadPool);
  QVERIFY(push([&] {
    return std::make_unique<CmdInsertObjects<Workload>>(
        *mDocument, QList<QPair<qsizetype, Workload>>{{-1, w}}, QStringLiteral("Add workload"));
  }));
  QCOMPARE(objects.last().at(0).value<ObjectKind>(), ObjectKind::Workload);
  QCOMPARE(objects.last().at(1).value<QList<QUuid>>(), QList<QUuid>{w.id.uuid()});
  const Project inserted = mDocument->project();
  QCOMPARE(inserted.workloads().size(), 1);

  WorkloadPool renamed = p;
  renamed.name = QStringLiteral("Pre-training");
  renamed.scheduler = Scheduler::Slurm;
  renamed.rows = QStringList{QStringLiteral("A")};
  renamed.colourIndex = 2;
  QVERIFY(push([&] {
    return std::make_unique<CmdReplaceObject<WorkloadPool>>(*mDocument, renamed,
                                                            QStringLiteral("Edit pool"));
  }));
  Workload faster = w;
  faster.targetDays = 30;
  faster.precision = Precision::FP8;
  faster.parallelism = {8, 4, 0, 1, 1};
  QVERIFY(push([&] {
    return std::make_unique<CmdReplaceObject<Workload>>(*mDocument, faster,
                                                        QStringLiteral("Edit workload"));
  }));
  QVERIFY(*mDocument->project().findWorkload(w.id) == faster);
  QVERIFY(*mDocument->project().findWorkloadPool(p.id) == renamed);
  const Project replaced = mDocument->project();

  QVERIFY(push([&] {
    return std::make_unique<CmdRemoveObjects<Workload>>(*mDocument, QList<WorkloadId>{w.id},
                                                        QStringLiteral("Remove workload"));
  }));
  QVERIFY(push([&] {
    return std::make_unique<CmdRemoveObjects<WorkloadPool>>(*mDocument, QList<WorkloadPoolId>{p.id},
                                                            QStringLiteral("Remove pool"));
  }));
  QVERIFY(mDocument->project() == start);

  QUndoStack& stack = mDocument->undoStack();
  stack.undo();
  stack.undo();
  QVERIFY(mDocument->project() == replaced);
  stack.undo();
  stack.undo();
  QVERIFY(mDocument->project() == inserted);
  stack.undo();
  stack.undo();
  QVERIFY(mDocument->project() == start);
  while (stack.canRedo()) {
    stack.redo();
  }
  QVERIFY(mDocument->project() == start);
  stack.undo();
  stack.undo();
  QVERIFY(mDocument->project() == replaced);
}

void TestObjectCommands::badPoolsAndWorkloadsAreRefused_data() {
  QTest::addColumn<int>("problem");
  QTest::addColumn<QString>("expected");
  QTest::newRow("pool without a name") << 0 << "A workload pool needs a name";
  QTest::newRow("pool in an unknown hall") << 1 << "its hall is not in the project";
  QTest::newRow("pool naming a rack of another hall")
      << 2 << "Workload pool Training pool: one of its racks is not a rack of its hall";
  QTest::newRow("pool moved to another hall") << 3 << "cannot change hall";
  QTest::newRow("workload on an unknown pool")
      << 4 << "Workload Llama: its pool is not in the project";
  QTest::newRow("workload with zero tokens")
      << 5 << "Workload 'Llama': training tokens must be positive (got 0)";
  QTest::newRow("workload TP not dividing heads")
      << 6 << "Workload 'Llama': tensor parallel 3 does not divide the 64 attention heads";
  QTest::newRow("workload MFU above 1") << 7 << "Workload 'Llama': an MFU above 1";
  QTest::newRow("workload with negative GPUs")
      << 8 << "Workload 'Llama': GPUs must not be negative (got -1)";
  QTest::newRow("workload edit to MFU above 1") << 9 << "Workload 'Llama': an MFU above 1";
  QTest::newRow("workload moved to an unknown pool") << 10 << "must run on a pool of the project";
}

void TestObjectCommands::badPoolsAndWorkloadsAreRefused() {
  QFETCH(int, problem);
  QFETCH(QString, expected);
  Project setup = mDocument->project();
  const Rack otherRack =
      makeRack(mOtherHall, QStringLiteral("B01"), QStringLiteral("apc/ar3300"), {1'000, 1'000}, {});
  setup.insertRack(-1, otherRack);
  const WorkloadPool existing = pool(mHall, QStringLiteral("Training pool"));
  setup.insertWorkloadPool(-1, existing);
  const Workload existingWork = training(existing.id, QStringLiteral("Llama"));
  setup.insertWorkload(-1, existingWork);
  mDocument = std::make_unique<DesignDocument>(setup);
  const Project before = mDocument->project();

  WorkloadPool p = pool(mHall, QStringLiteral("Training pool"));
  Workload w = training(existing.id, QStringLiteral("Llama"));
  std::function<std::unique_ptr<QUndoCommand>()> build;
  auto insertPool = [&] {
    return std::make_unique<CmdInsertObjects<WorkloadPool>>(
        *mDocument, QList<QPair<qsizetype, WorkloadPool>>{{-1, p}}, QStringLiteral("Add"));
  };
  auto insertWorkload = [&] {
    return std::make_unique<CmdInsertObjects<Workload>>(
        *mDocument, QList<QPair<qsizetype, Workload>>{{-1, w}}, QStringLiteral("Add"));
  };
  auto replaceWorkload = [&] {
    return std::make_unique<CmdReplaceObject<Workload>>(*mDocument, w, QStringLiteral("Edit"));
  };
  switch (problem) {
    case 0:
      p.name.clear();
      build = insertPool;
      break;
    case 1:
      p.hallId = HallId::create();
      build = insertPool;
      break;
    case 2:
      p.rackIds = {otherRack.id()};
      build = insertPool;
      break;
    case 3:
      p = existing;
      p.hallId = mOtherHall;
      build = [&] {
        return std::make_unique<CmdReplaceObject<WorkloadPool>>(*mDocument, p,
                                                                QStringLiteral("Edit"));
      };
      break;
    case 4:
      w.poolId = WorkloadPoolId::create();
      build = insertWorkload;
      break;
    case 5:
      w.tokens = 0;
      build = insertWorkload;
      break;
    case 6:
      w.parallelism.tp = 3;
      build = insertWorkload;
      break;
    case 7:
      w.mfu = 1.01;
      build = insertWorkload;
      break;
    case 8:
      w.gpus = -1;
      build = insertWorkload;
      break;
    case 9:
      w = existingWork;
      w.mfu = 1.5;
      build = replaceWorkload;
      break;
    case 10:
      w = existingWork;
      w.poolId = WorkloadPoolId::create();
      build = replaceWorkload;
      break;
  }
  QString error;
  QVERIFY(!push(build, &error));
  QVERIFY2(error.contains(expected), qPrintable(error));
  QVERIFY(mDocument->project() == before);
  QCOMPARE(mDocument->undoStack().count(), 0);
}

void TestObjectCommands::poolRemoveRefusedWhileAWorkloadRunsOnIt() {
  const WorkloadPool p = pool(mHall, QStringLiteral("Training pool"));
  const Workload w = training(p.id, QStringLiteral("Llama-3-70B"));
  mDocument->insertObjects<WorkloadPool>({{-1, p}});
  mDocument->insertObjects<Workload>({{-1, w}});
  const Project before = mDocument->project();
  QString error;
  QVERIFY(!push(
      [&] {
        return std::make_unique<CmdRemoveObjects<WorkloadPool>>(
            *mDocument, QList<WorkloadPoolId>{p.id}, QStringLiteral("Remove"));
      },
      &error));
  QCOMPARE(error, QStringLiteral("Workload pool Training pool: workload Llama-3-70B runs on it; "
                                 "move or delete that workload first"));
  QVERIFY(mDocument->project() == before);
  // Once the workload is gone, its pool may go.
  QVERIFY(push([&] {
    return std::make_unique<CmdRemoveObjects<Workload>>(*mDocument, QList<WorkloadId>{w.id},
                                                        QStringLiteral("Remove"));
  }));
  QVERIFY(push([&] {
    return std::make_unique<CmdRemoveObjects<WorkloadPool>>(*mDocument, QList<WorkloadPoolId>{p.id},
                                                            QStringLiteral("Remove"));
  }));
  QVERIFY(mDocument->project().workloadPools().isEmpty());
}

QTEST_GUILESS_MAIN(TestObjectCommands)
#include "tst_objectcommands.moc"
