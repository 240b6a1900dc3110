// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandtestsupport.h"
#include "fixturecatalog.h"
#include "testprinters.h"

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
  void dropCoolingUnitIsNamedApart();
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
  mCatalog = test::loadFixtureCatalog().catalog;
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

// An in-row cooler takes a floor position of its own (300 x 1200 mm in the fixture) as a
// CoolingUnit, not a rack, named C01, C02, ... so that rack names keep counting racks.
void TestCommands::dropCoolingUnitIsNamedApart() {
  addRackNow(QStringLiteral("R01"), {900, 1'200});
  push(makeDropOnFloorCommand(*mDoc, mCatalog, QStringLiteral("fixture/in-row-cooler"),
                              {1'350, 1'200}, k42U));
  push(makeDropOnFloorCommand(*mDoc, mCatalog, k42U, {2'100, 1'200}, k42U));
  QCOMPARE(mDoc->project().racks().size(), 2);
  QCOMPARE(mDoc->project().coolingUnits().size(), 1);
  const CoolingUnit& cooler = mDoc->project().coolingUnits().first();
  QCOMPARE(cooler.name, QStringLiteral("C01"));
  QCOMPARE(cooler.catalogId, QStringLiteral("fixture/in-row-cooler"));
  QCOMPARE(mDoc->project().racks()[1].name(), QStringLiteral("R02"));
  QCOMPARE(nextCoolingUnitName(mDoc->project(), mHallId, false), QStringLiteral("C02"));
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
