// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogloader.h"
#include "edit/cmdaddrack.h"
#include "edit/cmdeditproject.h"
#include "edit/cmdeditrack.h"
#include "edit/cmdmoveracks.h"
#include "edit/cmdremoveracks.h"
#include "edit/cmdrotateracks.h"
#include "edit/placement.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <stdexcept>

using namespace dc;

namespace QTest {
template <>
char* toString(const dc::PointMm& p) {
  return qstrdup(QByteArray("(") + QByteArray::number(qint64(p.xMm)) + ", " +
                 QByteArray::number(qint64(p.yMm)) + ")");
}
}  // namespace QTest

namespace {

const QString k42U = QStringLiteral("apc/ar3300");                // 42U, 600 x 1200 mm
const QString k48U = QStringLiteral("conteg/ri7-48-60-120");      // 48U, 600 x 1200 mm
const QString kNvl72 = QStringLiteral("nvidia/gb200-nvl72");      // rack-scale, no usable U
const QString kH100 = QStringLiteral("nvidia/dgx-h100");          // 8U
const QString kB200 = QStringLiteral("nvidia/dgx-b200");          // 10U
const QString kQm9700 = QStringLiteral("nvidia/qm9700");          // 1U
const QString kPdu = QStringLiteral("generic/pdu-415v-3ph-32a");  // 0U

/// Readable text of a project, for failure messages.
QString describe(const Project& project) {
  QStringList lines{QStringLiteral("project '%1' '%2' '%3'")
                        .arg(project.name(), project.author(), project.description())};
  for (const Rack& r : project.racks()) {
    QStringList mounts;
    for (const Mount& m : r.mounts()) {
      mounts.append(QStringLiteral("%1@%2").arg(m.catalogId).arg(m.lowestU));
    }
    lines.append(QStringLiteral("  %1 %2 row %3 %4 (%5,%6) %7deg %8 [%9]")
                     .arg(r.id().toString().left(8), r.name(), r.row(), r.rackTypeId())
                     .arg(r.positionMm().xMm)
                     .arg(r.positionMm().yMm)
                     .arg(r.rotationDeg())
                     .arg(coolingModeKey(r.coolingMode()), mounts.join(QLatin1Char(' '))));
  }
  return lines.join(QLatin1Char('\n'));
}

QList<RackId> rackIds(const Project& project) {
  QList<RackId> ids;
  for (const Rack& rack : project.racks()) {
    ids.append(rack.id());
  }
  return ids;
}

/// The id -> index map agrees with the list (it is rebuilt by every insert and remove).
bool indexConsistent(const Project& project) {
  for (qsizetype i = 0; i < project.racks().size(); ++i) {
    if (project.rackIndex(project.racks()[i].id()) != i) {
      return false;
    }
  }
  return true;
}

/// Counts every signal of a document.
struct Spies {
  explicit Spies(DesignDocument& d)
      : inserted(&d, &DesignDocument::racksInserted),
        removed(&d, &DesignDocument::racksRemoved),
        changedRacks(&d, &DesignDocument::racksChanged),
        info(&d, &DesignDocument::projectInfoChanged),
        changed(&d, &DesignDocument::changed) {}

  void clear() {
    inserted.clear();
    removed.clear();
    changedRacks.clear();
    info.clear();
    changed.clear();
  }
  /// "inserted,removed,racksChanged,info,changed" counts.
  QString counts() const {
    return QStringLiteral("%1,%2,%3,%4,%5")
        .arg(inserted.count())
        .arg(removed.count())
        .arg(changedRacks.count())
        .arg(info.count())
        .arg(changed.count());
  }

  QSignalSpy inserted;
  QSignalSpy removed;
  QSignalSpy changedRacks;
  QSignalSpy info;
  QSignalSpy changed;
};

/// Makes random edits through the undo stack, from a fixed seed, and records the project at
/// every stack index: states()[i] is the project after the first i commands.
class RandomEditor {
 public:
  RandomEditor(DesignDocument& document, const Catalog& catalog, HallId hall, quint32 seed)
      : mDoc(document), mCatalog(catalog), mHall(hall), mRng(seed), mStates{document.project()} {}

  const QList<Project>& states() const { return mStates; }
  int rejectedCount() const { return mRejected; }
  int mergedCount() const { return mMerged; }
  int obsoleteCount() const { return mObsolete; }

  /// One random edit (or a short random undo, so that new edits branch off the history).
  void step() {
    const int kind = project().racks().isEmpty() ? 0 : int(mRng.bounded(14));
    switch (kind) {
      case 0:
      case 1:
      case 2:
        return addRack();
      case 3:
        return removeRacks();
      case 4:
      case 5:
        return drag();
      case 6:
        return rotate();
      case 7:
        return editRack(false);
      case 8:
        return editRack(true);
      case 9:
      case 10:
        return addMount();
      case 11:
        return removeMount();
      case 12:
        return editProject();
      default:
        return undoSome();
    }
  }

 private:
  const Project& project() const { return mDoc.project(); }
  QUndoStack& stack() { return mDoc.undoStack(); }
  PointMm randomTileCentre() {
    return {300 + 600 * qint64(mRng.bounded(50)), 600 + 600 * qint64(mRng.bounded(33))};
  }
  RackId randomRack() {
    return project().racks()[mRng.bounded(int(project().racks().size()))].id();
  }
  QList<RackId> randomRacks() {
    QList<RackId> ids;
    const int n = 1 + int(mRng.bounded(3));
    for (int i = 0; i < n; ++i) {
      const RackId id = randomRack();
      if (!ids.contains(id)) {
        ids.append(id);
      }
    }
    return ids;
  }

  /// Pushes `command` and records the result at the stack's new index.
  void push(QUndoCommand* command) {
    const int before = stack().index();
    stack().push(command);
    record(before);
  }
  void record(int indexBefore) {
    const int index = stack().index();
    QVERIFY(indexConsistent(project()));
    if (index < indexBefore) {  // a drag merged back to its start: the step is gone
      ++mObsolete;
      QVERIFY2(project() == mStates[index], qPrintable(describe(project())));
    }
    mStates.resize(index + 1);
    mStates[index] = project();
  }

  void addRack() {
    static const QStringList kTypes{k42U, k48U, kNvl72, kH100, kQm9700};
    const QString type = kTypes[mRng.bounded(int(kTypes.size()))];
    if (mRng.bounded(2) == 0 && type != kH100 && type != kQm9700) {
      Rack rack(RackId::create(), mHall, type, randomTileCentre(), 90 * int(mRng.bounded(4)));
      rack.setName(nextRackName(project()));
      push(new CmdAddRack(mDoc, rack));
      return;
    }
    const PointMm dropMm{qint64(mRng.bounded(30'000)), qint64(mRng.bounded(20'000))};
    push(makeDropOnFloorCommand(mDoc, mCatalog, type, dropMm, k42U).release());
  }

  void removeRacks() { push(new CmdRemoveRacks(mDoc, randomRacks())); }

  /// A drag of 1-3 racks over 1-4 mouse moves with one gesture; one drag in four ends where it
  /// started.
  void drag() {
    QHash<RackId, PointMm> startMm;
    for (RackId id : randomRacks()) {
      startMm.insert(id, project().findRack(id)->positionMm());
    }
    const quint64 gesture = ++mGesture;
    const int moves = 1 + int(mRng.bounded(4));
    const bool back = mRng.bounded(4) == 0;
    for (int m = 0; m < moves; ++m) {
      const qint64 dx = 600 * (qint64(mRng.bounded(7)) - 3);
      const qint64 dy = 600 * (qint64(mRng.bounded(5)) - 2);
      const bool last = m == moves - 1;
      QHash<RackId, PointMm> targetsMm;
      for (auto it = startMm.cbegin(); it != startMm.cend(); ++it) {
        targetsMm.insert(it.key(), last && back ? it.value() : PointMm{it->xMm + dx, it->yMm + dy});
      }
      const int countBefore = stack().count();
      push(new CmdMoveRacks(mDoc, targetsMm, gesture));
      mMerged += m > 0 && stack().count() <= countBefore ? 1 : 0;
    }
  }

  void rotate() {
    static const int kSteps[] = {90, 180, 270, -90};
    push(new CmdRotateRacks(mDoc, randomRacks(), kSteps[mRng.bounded(4)]));
  }

  /// Renames a rack or changes its row and cooling mode (sometimes to what it already is).
  void editRack(bool cooling) {
    static const QStringList kNames{"R01", "A-01", "A-02", "B-07", "spare"};
    static const QList<CoolingMode> kModes{CoolingMode::Air, CoolingMode::RearDoor,
                                           CoolingMode::DirectToChip,
                                           CoolingMode::DirectToChipRearDoor};
    Rack rack = *project().findRack(randomRack());
    if (cooling) {
      rack.setCoolingMode(kModes[mRng.bounded(int(kModes.size()))]);
      rack.setRow(QStringLiteral("%1").arg(QChar(u'A' + char16_t(mRng.bounded(4)))));
    } else {
      rack.setName(kNames[mRng.bounded(int(kNames.size()))]);
    }
    push(new CmdEditRack(mDoc, rack, QStringLiteral("Edit rack")));
  }

  void addMount() {
    static const QStringList kDevices{kH100, kB200, kQm9700, kPdu, kH100, kB200};
    const RackId id = randomRack();
    const QString device = kDevices[mRng.bounded(int(kDevices.size()))];
    const Project before = project();
    const int index = stack().index();
    try {
      push(makeAddMountCommand(mDoc, mCatalog, id, device).release());
    } catch (const PlacementError&) {  // full rack or rack-scale system: nothing changes
      ++mRejected;
      QVERIFY(project() == before);
      QCOMPARE(stack().index(), index);
    }
  }

  void removeMount() {
    const Rack& rack = *project().findRack(randomRack());
    if (rack.mounts().isEmpty()) {
      return addMount();
    }
    const MountId mount = rack.mounts()[mRng.bounded(int(rack.mounts().size()))].id;
    push(makeRemoveMountCommand(mDoc, mCatalog, rack.id(), mount).release());
  }

  void editProject() {
    static const QStringList kTexts{"", "SU 1", "SU 2", "Hall 1 design"};
    auto pick = [&] {
      return kTexts[mRng.bounded(int(kTexts.size()))];
    };
    const QString name = pick();
    const QString author = pick();
    push(new CmdEditProject(mDoc, name, author, pick()));
  }

  /// Undoes 1-3 steps, checking each state; the next push drops the undone branch.
  void undoSome() {
    const int n = 1 + int(mRng.bounded(3));
    for (int i = 0; i < n && stack().canUndo(); ++i) {
      stack().undo();
      QVERIFY2(project() == mStates[stack().index()], qPrintable(describe(project())));
    }
  }

  DesignDocument& mDoc;
  const Catalog& mCatalog;
  HallId mHall;
  QRandomGenerator mRng;
  QList<Project> mStates;
  quint64 mGesture = 0;
  int mRejected = 0;
  int mMerged = 0;
  int mObsolete = 0;
};

}  // namespace

class TestCommands final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();

  void addRack();
  void addRackRejectsBadRacks();
  void removeNonAdjacentRacksRestoresOrder();
  void removeRacksRejectsBadIds();
  void moveMergesOneGestureIntoOneStep();
  void moveDoesNotMergeAcrossGestures_data();
  void moveDoesNotMergeAcrossGestures();
  void moveDraggedBackIsObsolete();
  void moveToSamePlaceIsDropped();
  void moveRejectsUnknownId();
  void rotateRacks();
  void rotateRejectsBadInput();
  void editRack();
  void editRackRejectsBadInput();
  void editProject();

  void dropRackTypeSnapsToTile_data();
  void dropRackTypeSnapsToTile();
  void dropServerCreatesDefaultRack();
  void dropRejected_data();
  void dropRejected();
  void dropWithoutHallRejected();
  void nextRackNameFillsGaps();
  void addMountFillsLowestFreeU();
  void addMountRejected_data();
  void addMountRejected();
  void removeMount();

  void signalsOncePerCommand();
  void randomEditsUndoRedo_data();
  void randomEditsUndoRedo();

 private:
  Rack newRack(const QString& name, PointMm positionMm, const QString& type = k42U) const;
  RackId addRackNow(const QString& name, PointMm positionMm, const QString& type = k42U);
  void push(std::unique_ptr<QUndoCommand> command) { mDoc->undoStack().push(command.release()); }

  Catalog mCatalog;
  HallId mHallId;
  std::unique_ptr<DesignDocument> mDoc;
};

void TestCommands::initTestCase() {
  const CatalogLoadResult loaded =
      loadCatalogFolders({QStringLiteral(DC_TEST_DATA_DIR "/catalog")});
  QCOMPARE(loaded.errorCount(), 0);
  mCatalog = loaded.catalog;
}

void TestCommands::init() {
  Project project;
  project.setName(QStringLiteral("Hall 1 design"));
  mHallId = HallId::create();
  project.insertHall(-1, Hall(mHallId, QStringLiteral("Hall 1"),
                              {{0, 0}, {30'000, 0}, {30'000, 20'000}, {0, 20'000}}));
  mDoc = std::make_unique<DesignDocument>(std::move(project));
}

void TestCommands::cleanup() {
  mDoc.reset();
}

Rack TestCommands::newRack(const QString& name, PointMm positionMm, const QString& type) const {
  Rack rack(RackId::create(), mHallId, type, positionMm);
  rack.setName(name);
  return rack;
}

RackId TestCommands::addRackNow(const QString& name, PointMm positionMm, const QString& type) {
  const Rack rack = newRack(name, positionMm, type);
  mDoc->undoStack().push(new CmdAddRack(*mDoc, rack));
  return rack.id();
}

void TestCommands::addRack() {
  const Project start = mDoc->project();
  const Rack rack = newRack(QStringLiteral("R01"), {900, 1'200});
  mDoc->undoStack().push(new CmdAddRack(*mDoc, rack));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QCOMPARE(mDoc->project().racks().size(), 1);
  QVERIFY(*mDoc->project().findRack(rack.id()) == rack);
  const Project added = mDoc->project();

  mDoc->undoStack().undo();
  QVERIFY2(mDoc->project() == start, qPrintable(describe(mDoc->project())));
  mDoc->undoStack().redo();
  QVERIFY(mDoc->project() == added);  // the same rack, same id
}

void TestCommands::addRackRejectsBadRacks() {
  const RackId existing = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project before = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           CmdAddRack(*mDoc, Rack(RackId(), mHallId, k42U, {})));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           CmdAddRack(*mDoc, Rack(existing, mHallId, k42U, {})));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                           CmdAddRack(*mDoc, Rack(RackId::create(), HallId::create(), k42U, {})));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::removeNonAdjacentRacksRestoresOrder() {
  QList<RackId> ids;
  for (int i = 0; i < 6; ++i) {
    ids.append(addRackNow(QStringLiteral("R%1").arg(i + 1), {900 + 600 * i, 1'200}));
  }
  const Project start = mDoc->project();
  // R2, R4 and R6, given out of order.
  mDoc->undoStack().push(new CmdRemoveRacks(*mDoc, {ids[5], ids[1], ids[3]}));
  QCOMPARE(rackIds(mDoc->project()), (QList<RackId>{ids[0], ids[2], ids[4]}));
  QVERIFY(indexConsistent(mDoc->project()));
  const Project removed = mDoc->project();

  mDoc->undoStack().undo();
  QCOMPARE(rackIds(mDoc->project()), ids);
  QVERIFY2(mDoc->project() == start, qPrintable(describe(mDoc->project())));
  QVERIFY(indexConsistent(mDoc->project()));
  mDoc->undoStack().redo();
  QVERIFY(mDoc->project() == removed);

  // The first and last rack, and a duplicate id in the list: removed once.
  mDoc->undoStack().push(new CmdRemoveRacks(*mDoc, {ids[0], ids[4], ids[0]}));
  QCOMPARE(rackIds(mDoc->project()), (QList<RackId>{ids[2]}));
  mDoc->undoStack().undo();
  QVERIFY(mDoc->project() == removed);
  mDoc->undoStack().undo();
  QVERIFY(mDoc->project() == start);
}

void TestCommands::removeRacksRejectsBadIds() {
  const RackId id = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project before = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CmdRemoveRacks(*mDoc, {}));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CmdRemoveRacks(*mDoc, {id, RackId::create()}));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::moveMergesOneGestureIntoOneStep() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const RackId b = addRackNow(QStringLiteral("R02"), {1'500, 1'200});
  const Project start = mDoc->project();
  const int steps = mDoc->undoStack().count();

  // A drag of two racks: three mouse moves with the same gesture.
  for (int dx : {600, 1'200, 1'800}) {
    mDoc->undoStack().push(new CmdMoveRacks(
        *mDoc, {{a, PointMm{900 + dx, 1'200}}, {b, PointMm{1'500 + dx, 1'200}}}, 7));
    QCOMPARE(mDoc->project().findRack(a)->positionMm(), (PointMm{900 + dx, 1'200}));  // live
  }
  QCOMPARE(mDoc->undoStack().count(), steps + 1);
  QCOMPARE(mDoc->project().findRack(b)->positionMm(), (PointMm{3'300, 1'200}));
  const Project end = mDoc->project();

  mDoc->undoStack().undo();
  QVERIFY2(mDoc->project() == start, qPrintable(describe(mDoc->project())));
  mDoc->undoStack().redo();
  QVERIFY(mDoc->project() == end);
}

void TestCommands::moveDoesNotMergeAcrossGestures_data() {
  QTest::addColumn<quint64>("firstGesture");
  QTest::addColumn<quint64>("secondGesture");
  QTest::addColumn<bool>("sameRacks");
  QTest::addColumn<int>("expectedSteps");

  QTest::newRow("same gesture, same racks") << quint64(3) << quint64(3) << true << 1;
  QTest::newRow("two gestures") << quint64(3) << quint64(4) << true << 2;
  QTest::newRow("gesture 0 never merges") << quint64(0) << quint64(0) << true << 2;
  QTest::newRow("same gesture, other racks") << quint64(3) << quint64(3) << false << 2;
}

void TestCommands::moveDoesNotMergeAcrossGestures() {
  QFETCH(quint64, firstGesture);
  QFETCH(quint64, secondGesture);
  QFETCH(bool, sameRacks);
  QFETCH(int, expectedSteps);

  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const RackId b = addRackNow(QStringLiteral("R02"), {1'500, 1'200});
  mDoc->undoStack().clear();
  const Project start = mDoc->project();

  mDoc->undoStack().push(new CmdMoveRacks(*mDoc, {{a, PointMm{900, 3'000}}}, firstGesture));
  QHash<RackId, PointMm> second{{a, PointMm{900, 4'200}}};
  if (!sameRacks) {
    second.insert(b, PointMm{1'500, 4'200});
  }
  mDoc->undoStack().push(new CmdMoveRacks(*mDoc, second, secondGesture));
  QCOMPARE(mDoc->undoStack().count(), expectedSteps);
  QCOMPARE(mDoc->project().findRack(a)->positionMm(), (PointMm{900, 4'200}));
  while (mDoc->undoStack().canUndo()) {
    mDoc->undoStack().undo();
  }
  QVERIFY2(mDoc->project() == start, qPrintable(describe(mDoc->project())));
}

void TestCommands::moveDraggedBackIsObsolete() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project start = mDoc->project();
  const int steps = mDoc->undoStack().count();

  mDoc->undoStack().push(new CmdMoveRacks(*mDoc, {{a, PointMm{2'100, 1'200}}}, 9));
  mDoc->undoStack().push(new CmdMoveRacks(*mDoc, {{a, PointMm{2'700, 1'800}}}, 9));
  QCOMPARE(mDoc->undoStack().count(), steps + 1);
  mDoc->undoStack().push(new CmdMoveRacks(*mDoc, {{a, PointMm{900, 1'200}}}, 9));  // back home

  QCOMPARE(mDoc->undoStack().count(), steps);  // no undo step for a drag that changed nothing
  QVERIFY(mDoc->project() == start);
  mDoc->undoStack().undo();  // undoes the add, not a phantom move
  QVERIFY(mDoc->project().racks().isEmpty());
}

void TestCommands::moveToSamePlaceIsDropped() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  Spies spies(*mDoc);
  mDoc->undoStack().push(new CmdMoveRacks(*mDoc, {{a, PointMm{900, 1'200}}}, 0));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QCOMPARE(spies.counts(), QStringLiteral("0,0,0,0,0"));
}

void TestCommands::moveRejectsUnknownId() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project before = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      CmdMoveRacks(*mDoc, {{a, PointMm{0, 0}}, {RackId::create(), PointMm{600, 0}}}, 1));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::rotateRacks() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const RackId b = addRackNow(QStringLiteral("R02"), {2'100, 1'200});
  mDoc->undoStack().push(new CmdRotateRacks(*mDoc, {b}, 270));
  const Project start = mDoc->project();

  mDoc->undoStack().push(new CmdRotateRacks(*mDoc, {a, b}));  // +90
  QCOMPARE(mDoc->project().findRack(a)->rotationDeg(), 90);
  QCOMPARE(mDoc->project().findRack(b)->rotationDeg(), 0);                     // 270 + 90 wraps
  QCOMPARE(mDoc->project().findRack(a)->positionMm(), (PointMm{900, 1'200}));  // about its centre
  mDoc->undoStack().undo();
  QVERIFY(mDoc->project() == start);
  mDoc->undoStack().redo();

  mDoc->undoStack().push(new CmdRotateRacks(*mDoc, {a}, -90));
  QCOMPARE(mDoc->project().findRack(a)->rotationDeg(), 0);
  mDoc->undoStack().push(new CmdRotateRacks(*mDoc, {a}, -450));
  QCOMPARE(mDoc->project().findRack(a)->rotationDeg(), 270);

  const int steps = mDoc->undoStack().count();
  mDoc->undoStack().push(new CmdRotateRacks(*mDoc, {a, b}, 360));  // no change: no step
  QCOMPARE(mDoc->undoStack().count(), steps);
}

void TestCommands::rotateRejectsBadInput() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project before = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CmdRotateRacks(*mDoc, {a}, 45));
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CmdRotateRacks(*mDoc, {a, RackId::create()}));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::editRack() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project start = mDoc->project();

  Rack edited = *mDoc->project().findRack(a);
  edited.setName(QStringLiteral("A-01"));
  edited.setRow(QStringLiteral("A"));
  edited.setCoolingMode(CoolingMode::DirectToChipRearDoor);
  edited.setRackTypeId(k48U);
  edited.insertMount(-1, {MountId::create(), kH100, 1});
  mDoc->undoStack().push(new CmdEditRack(*mDoc, edited, QStringLiteral("Edit rack")));
  QCOMPARE(mDoc->undoStack().count(), 2);
  QVERIFY(*mDoc->project().findRack(a) == edited);
  QCOMPARE(mDoc->undoStack().undoText(), QStringLiteral("Edit rack"));

  mDoc->undoStack().undo();
  QVERIFY(mDoc->project() == start);
  mDoc->undoStack().redo();
  QVERIFY(*mDoc->project().findRack(a) == edited);

  // An edit that changes nothing leaves no undo step.
  mDoc->undoStack().push(new CmdEditRack(*mDoc, edited, QStringLiteral("Nothing")));
  QCOMPARE(mDoc->undoStack().count(), 2);
}

void TestCommands::editRackRejectsBadInput() {
  const RackId a = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project before = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      CmdEditRack(*mDoc, newRack(QStringLiteral("X"), {}), QStringLiteral("x")));
  // Same id, other hall: a rack cannot change hall through a property edit.
  const Rack moved(a, HallId::create(), k42U, {900, 1'200});
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CmdEditRack(*mDoc, moved, QStringLiteral("x")));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::editProject() {
  const Project start = mDoc->project();
  mDoc->undoStack().push(new CmdEditProject(
      *mDoc, QStringLiteral("SU 1"), QStringLiteral("A. Architect"), QStringLiteral("4 SU")));
  QCOMPARE(mDoc->project().name(), QStringLiteral("SU 1"));
  QCOMPARE(mDoc->project().author(), QStringLiteral("A. Architect"));
  QCOMPARE(mDoc->project().description(), QStringLiteral("4 SU"));
  mDoc->undoStack().undo();
  QVERIFY(mDoc->project() == start);
  mDoc->undoStack().redo();
  QCOMPARE(mDoc->project().name(), QStringLiteral("SU 1"));

  mDoc->undoStack().push(new CmdEditProject(
      *mDoc, QStringLiteral("SU 1"), QStringLiteral("A. Architect"), QStringLiteral("4 SU")));
  QCOMPARE(mDoc->undoStack().count(), 1);  // unchanged: obsolete, not pushed
}

// The footprint's corner snaps to the 600 mm tile grid (snapRackCentreMm); the centre is
// worked by hand for a 600 x 1200 mm footprint.
void TestCommands::dropRackTypeSnapsToTile_data() {
  QTest::addColumn<QString>("catalogId");
  QTest::addColumn<PointMm>("dropMm");
  QTest::addColumn<PointMm>("expectedMm");

  // corner (700, 400) -> (600, 600): centre (900, 1200)
  QTest::newRow("42U rack at (1000,1000)") << k42U << PointMm{1'000, 1'000} << PointMm{900, 1'200};
  // corner (2840, 2177) -> (3000, 2400): centre (3300, 3000)
  QTest::newRow("48U rack at (3140,2777)")
      << k48U << PointMm{3'140, 2'777} << PointMm{3'300, 3'000};
  // corner (8399, 5101) -> (8400, 5400): centre (8700, 6000)
  QTest::newRow("GB200 NVL72 at (8699,5701)")
      << kNvl72 << PointMm{8'699, 5'701} << PointMm{8'700, 6'000};
}

void TestCommands::dropRackTypeSnapsToTile() {
  QFETCH(QString, catalogId);
  QFETCH(PointMm, dropMm);
  QFETCH(PointMm, expectedMm);

  push(makeDropOnFloorCommand(*mDoc, mCatalog, catalogId, dropMm, k42U));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QCOMPARE(mDoc->project().racks().size(), 1);
  const Rack& rack = mDoc->project().racks().first();
  QCOMPARE(rack.positionMm(), expectedMm);
  QCOMPARE(rack.rackTypeId(), catalogId);
  QCOMPARE(rack.hallId(), mHallId);
  QCOMPARE(rack.rotationDeg(), 0);
  QCOMPARE(rack.name(), QStringLiteral("R01"));
  QVERIFY(rack.mounts().isEmpty());
  mDoc->undoStack().undo();
  QVERIFY(mDoc->project().racks().isEmpty());
}

void TestCommands::dropServerCreatesDefaultRack() {
  addRackNow(QStringLiteral("R01"), {900, 1'200});
  push(makeDropOnFloorCommand(*mDoc, mCatalog, kH100, {2'000, 1'000}, k42U));
  QCOMPARE(mDoc->project().racks().size(), 2);
  const Rack& rack = mDoc->project().racks().last();
  QCOMPARE(rack.rackTypeId(), k42U);
  QCOMPARE(rack.name(), QStringLiteral("R02"));
  // corner (1700, 400) -> (1800, 600): centre (2100, 1200)
  QCOMPARE(rack.positionMm(), (PointMm{2'100, 1'200}));
  QCOMPARE(rack.mounts().size(), 1);
  QCOMPARE(rack.mounts().first().catalogId, kH100);
  QCOMPARE(rack.mounts().first().lowestU, 1);
  QVERIFY(!rack.mounts().first().id.isNull());
  mDoc->undoStack().undo();
  QCOMPARE(mDoc->project().racks().size(), 1);
}

void TestCommands::dropRejected_data() {
  QTest::addColumn<QString>("catalogId");
  QTest::addColumn<QString>("defaultRackType");

  QTest::newRow("unknown id") << "nvidia/dgx-h999" << k42U;
  QTest::newRow("a GPU is neither rack nor mountable") << "nvidia/h100-sxm" << k42U;
  QTest::newRow("default rack type unknown") << kH100 << "acme/rack";
  QTest::newRow("default rack type not a rack") << kH100 << kQm9700;
  QTest::newRow("default rack type is rack-scale") << kH100 << kNvl72;
}

void TestCommands::dropRejected() {
  QFETCH(QString, catalogId);
  QFETCH(QString, defaultRackType);
  addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project before = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(PlacementError, makeDropOnFloorCommand(*mDoc, mCatalog, catalogId,
                                                                  {3'000, 3'000}, defaultRackType));
  QCOMPARE(mDoc->undoStack().count(), 1);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::dropWithoutHallRejected() {
  DesignDocument empty{Project()};
  QVERIFY_THROWS_EXCEPTION(PlacementError,
                           makeDropOnFloorCommand(empty, mCatalog, k42U, {0, 0}, k42U));
  QCOMPARE(empty.undoStack().count(), 0);
}

void TestCommands::nextRackNameFillsGaps() {
  QCOMPARE(nextRackName(mDoc->project()), QStringLiteral("R01"));
  addRackNow(QStringLiteral("R01"), {900, 1'200});
  addRackNow(QStringLiteral("R03"), {1'500, 1'200});
  QCOMPARE(nextRackName(mDoc->project()), QStringLiteral("R02"));
  addRackNow(QStringLiteral("R02"), {2'100, 1'200});
  QCOMPARE(nextRackName(mDoc->project()), QStringLiteral("R04"));
}

void TestCommands::addMountFillsLowestFreeU() {
  const RackId id = addRackNow(QStringLiteral("R01"), {900, 1'200});
  const Project start = mDoc->project();
  auto mountedAt = [&](const QString& catalogId) {
    push(makeAddMountCommand(*mDoc, mCatalog, id, catalogId));
    return mDoc->project().findRack(id)->mounts().last().lowestU;
  };
  // 42U rack: five DGX H100 (8U) take U1, U9, U17, U25, U33; U41-U42 stay free.
  QCOMPARE(mountedAt(kH100), 1);
  QCOMPARE(mountedAt(kH100), 9);
  QCOMPARE(mountedAt(kH100), 17);
  QCOMPARE(mountedAt(kH100), 25);
  QCOMPARE(mountedAt(kH100), 33);
  const int steps = mDoc->undoStack().count();
  const Project fiveServers = mDoc->project();
  QVERIFY_THROWS_EXCEPTION(PlacementError, makeAddMountCommand(*mDoc, mCatalog, id, kH100));
  QVERIFY_THROWS_EXCEPTION(PlacementError, makeAddMountCommand(*mDoc, mCatalog, id, kB200));
  QCOMPARE(mDoc->undoStack().count(), steps);
  QVERIFY(mDoc->project() == fiveServers);
  QCOMPARE(mountedAt(kQm9700), 41);
  QCOMPARE(mountedAt(kQm9700), 42);
  // Full: a 1U switch no longer fits, a zero-U PDU still does (it uses no slot).
  QVERIFY_THROWS_EXCEPTION(PlacementError, makeAddMountCommand(*mDoc, mCatalog, id, kQm9700));
  QCOMPARE(mountedAt(kPdu), 1);

  // Take out the server at U9: its 8U gap takes a DGX H100 again, not a 10U DGX B200.
  const Rack full = *mDoc->project().findRack(id);
  QCOMPARE(full.mounts()[1].lowestU, 9);
  push(makeRemoveMountCommand(*mDoc, mCatalog, id, full.mounts()[1].id));
  QVERIFY_THROWS_EXCEPTION(PlacementError, makeAddMountCommand(*mDoc, mCatalog, id, kB200));
  QCOMPARE(mountedAt(kH100), 9);

  while (mDoc->undoStack().index() > 1) {
    mDoc->undoStack().undo();
  }
  QVERIFY2(mDoc->project() == start, qPrintable(describe(mDoc->project())));
}

void TestCommands::addMountRejected_data() {
  QTest::addColumn<QString>("rackType");
  QTest::addColumn<QString>("catalogId");

  QTest::newRow("a GPU is not mountable") << k42U << "nvidia/h100-sxm";
  QTest::newRow("a rack is not mountable") << k42U << k48U;
  QTest::newRow("unknown catalog id") << k42U << "nvidia/dgx-h999";
  QTest::newRow("rack-scale system has no free U") << kNvl72 << kH100;
  QTest::newRow("10U server in a rack with 8U free") << "full" << kB200;
}

void TestCommands::addMountRejected() {
  QFETCH(QString, rackType);
  QFETCH(QString, catalogId);
  const RackId id = addRackNow(QStringLiteral("R01"), {900, 1'200},
                               rackType == QLatin1String("full") ? k42U : rackType);
  if (rackType == QLatin1String("full")) {  // 4 x 8U + 2 x 1U: U33-U40 free
    for (int u : {1, 9, 17, 25}) {
      Rack rack = *mDoc->project().findRack(id);
      rack.insertMount(-1, {MountId::create(), kH100, u});
      mDoc->undoStack().push(new CmdEditRack(*mDoc, rack, QStringLiteral("mount")));
    }
    Rack rack = *mDoc->project().findRack(id);
    rack.insertMount(-1, {MountId::create(), kQm9700, 41});
    rack.insertMount(-1, {MountId::create(), kQm9700, 42});
    mDoc->undoStack().push(new CmdEditRack(*mDoc, rack, QStringLiteral("mount")));
    QCOMPARE(lowestFreeU(*mDoc->project().findRack(id), mCatalog, 8), 33);
  }
  const Project before = mDoc->project();
  const int steps = mDoc->undoStack().count();
  QVERIFY_THROWS_EXCEPTION(PlacementError, makeAddMountCommand(*mDoc, mCatalog, id, catalogId));
  QVERIFY_THROWS_EXCEPTION(PlacementError,
                           makeAddMountCommand(*mDoc, mCatalog, RackId::create(), kQm9700));
  QCOMPARE(mDoc->undoStack().count(), steps);
  QVERIFY(mDoc->project() == before);
}

void TestCommands::removeMount() {
  const RackId id = addRackNow(QStringLiteral("R01"), {900, 1'200});
  for (const QString& device : {kH100, kQm9700, kH100}) {
    push(makeAddMountCommand(*mDoc, mCatalog, id, device));
  }
  const Project before = mDoc->project();
  const QList<Mount> mounts = mDoc->project().findRack(id)->mounts();
  QCOMPARE(mounts.size(), 3);

  push(makeRemoveMountCommand(*mDoc, mCatalog, id, mounts[1].id));
  QCOMPARE(mDoc->project().findRack(id)->mounts(), (QList<Mount>{mounts[0], mounts[2]}));
  mDoc->undoStack().undo();
  QCOMPARE(mDoc->project().findRack(id)->mounts(), mounts);  // same mount, same place, same id
  QVERIFY(mDoc->project() == before);

  const int steps = mDoc->undoStack().count();
  QVERIFY_THROWS_EXCEPTION(PlacementError,
                           makeRemoveMountCommand(*mDoc, mCatalog, id, MountId::create()));
  QVERIFY_THROWS_EXCEPTION(PlacementError,
                           makeRemoveMountCommand(*mDoc, mCatalog, RackId::create(), mounts[0].id));
  QCOMPARE(mDoc->undoStack().count(), steps);
}

// One command, one notification: each mutator emits one id-carrying signal, then changed().
void TestCommands::signalsOncePerCommand() {
  Spies spies(*mDoc);
  QUndoStack& stack = mDoc->undoStack();
  const Rack rack = newRack(QStringLiteral("R01"), {900, 1'200});
  stack.push(new CmdAddRack(*mDoc, rack));
  QCOMPARE(spies.counts(), QStringLiteral("1,0,0,0,1"));
  QCOMPARE(spies.inserted.first().first().value<QList<RackId>>(), QList<RackId>{rack.id()});
  spies.clear();
  stack.undo();
  QCOMPARE(spies.counts(), QStringLiteral("0,1,0,0,1"));
  QCOMPARE(spies.removed.first().first().value<QList<RackId>>(), QList<RackId>{rack.id()});
  stack.redo();
  const RackId other = addRackNow(QStringLiteral("R02"), {1'500, 1'200});

  spies.clear();
  stack.push(new CmdMoveRacks(*mDoc, {{rack.id(), {900, 3'000}}, {other, {1'500, 3'000}}}, 5));
  QCOMPARE(spies.counts(), QStringLiteral("0,0,1,0,1"));  // two racks, one signal
  QList<RackId> moved = spies.changedRacks.first().first().value<QList<RackId>>();
  std::sort(moved.begin(), moved.end());
  QList<RackId> both{rack.id(), other};
  std::sort(both.begin(), both.end());
  QCOMPARE(moved, both);
  spies.clear();
  stack.undo();
  QCOMPARE(spies.counts(), QStringLiteral("0,0,1,0,1"));
  stack.redo();

  spies.clear();
  stack.push(new CmdRotateRacks(*mDoc, {rack.id(), other}));
  QCOMPARE(spies.counts(), QStringLiteral("0,0,1,0,1"));

  spies.clear();
  Rack renamed = *mDoc->project().findRack(rack.id());
  renamed.setName(QStringLiteral("A-01"));
  stack.push(new CmdEditRack(*mDoc, renamed, QStringLiteral("Rename")));
  QCOMPARE(spies.counts(), QStringLiteral("0,0,1,0,1"));
  spies.clear();
  stack.undo();
  QCOMPARE(spies.counts(), QStringLiteral("0,0,1,0,1"));
  stack.redo();

  spies.clear();
  stack.push(new CmdEditProject(*mDoc, QStringLiteral("SU 1"), QString(), QString()));
  QCOMPARE(spies.counts(), QStringLiteral("0,0,0,1,1"));

  spies.clear();
  stack.push(new CmdRemoveRacks(*mDoc, {other}));
  QCOMPARE(spies.counts(), QStringLiteral("0,1,0,0,1"));
  spies.clear();
  stack.undo();
  QCOMPARE(spies.counts(), QStringLiteral("1,0,0,0,1"));

  // Several racks: one racksRemoved naming both, one changed() (one re-analysis), and the
  // same on undo.
  spies.clear();
  stack.push(new CmdRemoveRacks(*mDoc, {rack.id(), other}));
  QCOMPARE(spies.counts(), QStringLiteral("0,1,0,0,1"));
  QCOMPARE(spies.removed.first().first().value<QList<RackId>>().size(), 2);
  spies.clear();
  stack.undo();
  QCOMPARE(spies.counts(), QStringLiteral("1,0,0,0,1"));
  QCOMPARE(spies.inserted.first().first().value<QList<RackId>>().size(), 2);
  stack.redo();

  // Rejected and no-op commands emit nothing.
  spies.clear();
  QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CmdRemoveRacks(*mDoc, {RackId::create()}));
  stack.push(new CmdEditProject(*mDoc, QStringLiteral("SU 1"), QString(), QString()));
  QCOMPARE(spies.counts(), QStringLiteral("0,0,0,0,0"));
}

void TestCommands::randomEditsUndoRedo_data() {
  QTest::addColumn<quint32>("seed");
  QTest::newRow("seed 1") << quint32(1);
  QTest::newRow("seed 42") << quint32(42);
  QTest::newRow("seed 2024") << quint32(2024);
  QTest::newRow("seed 31337") << quint32(31337);
  QTest::newRow("seed 4000000000") << quint32(4'000'000'000u);
}

void TestCommands::randomEditsUndoRedo() {
  QFETCH(quint32, seed);
  RandomEditor editor(*mDoc, mCatalog, mHallId, seed);
  for (int i = 0; i < 500; ++i) {
    editor.step();
    if (QTest::currentTestFailed()) {
      return;
    }
  }
  const QList<Project>& states = editor.states();
  QUndoStack& stack = mDoc->undoStack();
  QVERIFY2(stack.count() >= 200, qPrintable(QString::number(stack.count())));
  QVERIFY(editor.rejectedCount() > 0);  // full racks were tried and refused
  QVERIFY(editor.mergedCount() > 0);    // drags were merged
  QVERIFY(editor.obsoleteCount() > 0);  // some drags ended where they began

  // Redo what the last random undo left, so the whole history is on the stack.
  while (stack.canRedo()) {
    stack.redo();
    QVERIFY2(mDoc->project() == states[stack.index()], qPrintable(describe(mDoc->project())));
  }
  const Project end = mDoc->project();
  const int count = stack.count();

  // Undo step by step: every intermediate state is the one recorded when it was made.
  for (int i = count - 1; i >= 0; --i) {
    stack.undo();
    QCOMPARE(stack.index(), i);
    QVERIFY2(mDoc->project() == states[i],
             qPrintable(QStringLiteral("after undo to %1:\n%2\nexpected:\n%3")
                            .arg(i)
                            .arg(describe(mDoc->project()), describe(states[i]))));
    QVERIFY(indexConsistent(mDoc->project()));
  }
  QVERIFY(mDoc->project() == states.first());

  for (int i = 1; i <= count; ++i) {
    stack.redo();
    QVERIFY2(mDoc->project() == states[i], qPrintable(QStringLiteral("after redo to %1").arg(i)));
    QVERIFY(indexConsistent(mDoc->project()));
  }
  QVERIFY(mDoc->project() == end);
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
