// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "testdesigns.h"
#include "testprinters.h"

#include <QTest>

#include <stdexcept>

using namespace dc;
using namespace dc::test;

namespace {

Rack rackIn(HallId hall, const QString& name = {}) {
  Rack rack(RackId::create(), hall, QStringLiteral("apc/ar3300"), PointMm{900, 1200});
  rack.setName(name);
  return rack;
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

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
