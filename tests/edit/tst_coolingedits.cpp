// SPDX-License-Identifier: GPL-3.0-or-later
// Dropping cooling on the floor plan: floor cooling units become CoolingUnit objects (named,
// snapped, refused off the hall or over what stands there), rear doors fit onto racks (and are
// refused where they cannot go), in-rack CDUs mount in the lowest free units; each as one undo
// step that undoes and redoes exactly, each refusal with a message naming the problem.
#include "edit/cmdeditrack.h"
#include "edit/cmdobjects.h"
#include "edit/legacycooling.h"
#include "edit/placement.h"
#include "fixturecatalog.h"
#include "testdesigns.h"
#include "testprinters.h"

#include <QTest>

#include <memory>

using namespace dc;
using namespace dc::test;

namespace {

const QString k42U = QStringLiteral("apc/ar3300");  // 42U, 600 x 1200 mm
const QString kNvl72 = QStringLiteral("nvidia/gb200-nvl72");
const QString kInRow = QStringLiteral("fixture/in-row-cooler");    // 300 x 1200 mm
const QString kInRackCdu = QStringLiteral("fixture/in-rack-cdu");  // 4U
const QString kCrah = QStringLiteral("test/crah");                 // 1800 x 900 mm
const QString kFloorCdu = QStringLiteral("test/floor-cdu");        // no footprint published
const QString kDoor = QStringLiteral("test/rear-door-50");
const QString kDoor2 = QStringLiteral("test/rear-door-35");

CatalogItem coolingItem(const QString& id, ItemKind kind, const QString& model, double capacityW,
                        double widthMm = 0, double depthMm = 0) {
  CatalogItem item;
  item.id = id;
  item.vendor = QStringLiteral("Test");
  item.model = model;
  item.kind = kind;
  item.figures.insert(QStringLiteral("coolingUnit.capacityW"), SpecValue{capacityW});
  if (widthMm > 0) {
    item.figures.insert(QStringLiteral("widthMm"), SpecValue{widthMm});
    item.figures.insert(QStringLiteral("depthMm"), SpecValue{depthMm});
  }
  return item;
}

}  // namespace

class TestCoolingEdits final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup() { mDocument.reset(); }

  void floorCoolingUnitBecomesACoolingUnit();
  void legacyCoolingRacksAreAdoptedOnOpen();
  void namesAreUniqueInTheHall();
  void floorCduWithoutFootprintTakesTheMarker();
  void coolingUnitDropIsRefusedWhereItCannotStand_data();
  void coolingUnitDropIsRefusedWhereItCannotStand();
  void rearDoorFitsOntoARack_data();
  void rearDoorFitsOntoARack();
  void rearDoorOnEmptyFloorIsRefused();
  void rearDoorOnARackWithoutProvisionIsRefused();
  void sameRearDoorTwiceIsRefused();
  void removingTheDoorRestoresTheMode();
  void inRackCduMountsAtTheLowestFreeUnits();
  void inRackCduRefusedWhenTheRackIsFull();
  void selectionMoveRotateDeleteAreOneStepEach();

 private:
  const Project& project() const { return mDocument->project(); }
  QUndoStack& stack() { return mDocument->undoStack(); }
  /// Builds and pushes a drop; fails the test on a refusal.
  void drop(const QString& id, PointMm atMm, RackId target = {}) {
    try {
      stack().push(makeDropCommand(*mDocument, mCatalog, id, atMm, target, k42U).release());
    } catch (const PlacementError& e) {
      QFAIL(e.what());
    }
  }
  /// The message of a refused drop; empty (and a failed test) when it was not refused.
  QString refusal(const QString& id, PointMm atMm, RackId target = {}) {
    const Project before = project();
    const int index = stack().index();
    try {
      makeDropCommand(*mDocument, mCatalog, id, atMm, target, k42U);
    } catch (const PlacementError& e) {
      [&] {
        QCOMPARE(project(), before);
        QCOMPARE(stack().index(), index);
      }();
      return QString::fromUtf8(e.what());
    }
    return {};
  }

  Catalog mCatalog;
  std::unique_ptr<DesignDocument> mDocument;
  HallId mHall;
  RackId mRack;       ///< R01 at (900, 1200), 42U, air
  RackId mDtcRack;    ///< R02 at (1500, 1200), direct-to-chip
  RackId mNvl72Rack;  ///< R03 at (2700, 1200), GB200 NVL72 (rearDoor: none)
};

void TestCoolingEdits::initTestCase() {
  mCatalog = loadFixtureCatalog().catalog;
  mCatalog.addOrReplace(
      coolingItem(kCrah, ItemKind::Crah, QStringLiteral("CRAH 100"), 100'000, 1'800, 900));
  mCatalog.addOrReplace(
      coolingItem(kFloorCdu, ItemKind::Cdu, QStringLiteral("Floor CDU 600"), 600'000));
  mCatalog.addOrReplace(coolingItem(kDoor, ItemKind::RearDoor, QStringLiteral("Door 50"), 50'000));
  mCatalog.addOrReplace(coolingItem(kDoor2, ItemKind::RearDoor, QStringLiteral("Door 35"), 35'000));
  CatalogItem nvl72 = *mCatalog.find(kNvl72);
  nvl72.texts.insert(QStringLiteral("rearDoor"), QStringLiteral("none"));  // as shipped
  mCatalog.addOrReplace(nvl72);
  QVERIFY(mCatalog.find(kInRow) && mCatalog.find(kInRow)->isFloorCoolingUnit());
  QVERIFY(mCatalog.find(kInRackCdu) && mCatalog.find(kInRackCdu)->isMountable());
}

void TestCoolingEdits::init() {
  Project p;
  mHall = HallId::create();
  Hall hall(mHall, QStringLiteral("Hall A"), rectangleMm(12'000, 9'000));
  hall.setObstacles(
      {{ObstacleId::create(), QStringLiteral("C-12"), rectangleMm(6'000, 6'000, 6'600, 6'600)}});
  p.insertHall(-1, hall);
  Rack a = makeRack(mHall, QStringLiteral("R01"), k42U, {900, 1'200});
  Rack b = makeRack(mHall, QStringLiteral("R02"), k42U, {1'500, 1'200});
  b.setCoolingMode(CoolingMode::DirectToChip);
  Rack c = makeRack(mHall, QStringLiteral("R03"), kNvl72, {2'700, 1'200});
  mRack = a.id();
  mDtcRack = b.id();
  mNvl72Rack = c.id();
  p.insertRack(-1, a);
  p.insertRack(-1, b);
  p.insertRack(-1, c);
  mDocument = std::make_unique<DesignDocument>(p);
}

void TestCoolingEdits::floorCoolingUnitBecomesACoolingUnit() {
  const Project before = project();
  // A 300 x 1200 in-row cooler dropped at (4'480, 4'130): its corner (4'330, 3'530) snaps to the
  // tile corner (4'200, 3'600), so its centre is (4'350, 4'200).
  drop(kInRow, {4'480, 4'130});
  QCOMPARE(project().racks().size(), before.racks().size());  // no rack
  QCOMPARE(project().coolingUnits().size(), 1);
  const CoolingUnit unit = project().coolingUnits().first();
  QCOMPARE(unit.name, QStringLiteral("C01"));
  QCOMPARE(unit.catalogId, kInRow);
  QCOMPARE(unit.hallId, mHall);
  QCOMPARE(unit.positionMm, (PointMm{4'350, 4'200}));
  QCOMPARE(unit.rotationDeg, 0);
  QVERIFY(unit.loopId.isNull());
  QCOMPARE(coolingUnitFootprintMm(unit, mCatalog), (RectMm{4'200, 3'600, 4'500, 4'800}));
  stack().undo();
  QCOMPARE(project(), before);
  stack().redo();
  QCOMPARE(project().coolingUnits(), QList<CoolingUnit>{unit});
}

void TestCoolingEdits::namesAreUniqueInTheHall() {
  drop(kInRow, {4'350, 4'200});
  drop(kCrah, {9'000, 7'500});
  drop(kFloorCdu, {4'500, 7'500});
  drop(kFloorCdu, {3'000, 7'500});
  QStringList names;
  for (const CoolingUnit& unit : project().coolingUnits()) {
    names.append(unit.name);
  }
  QCOMPARE(names, (QStringList{"C01", "C02", "CDU-1", "CDU-2"}));
  // A legacy cooling unit kept as a rack named C03 keeps its name from being reused.
  stack().push(new CmdEditRack(
      *mDocument,
      [&] {
        Rack r = *project().findRack(mRack);
        r.setName(QStringLiteral("C03"));
        return r;
      }(),
      QStringLiteral("rename")));
  QCOMPARE(nextCoolingUnitName(project(), mHall, false), QStringLiteral("C04"));
  QCOMPARE(nextCoolingUnitName(project(), mHall, true), QStringLiteral("CDU-3"));
  QCOMPARE(nextCoolingUnitName(project(), HallId::create(), false), QStringLiteral("C01"));
}

void TestCoolingEdits::floorCduWithoutFootprintTakesTheMarker() {
  drop(kFloorCdu, {4'500, 7'400});
  const CoolingUnit unit = project().coolingUnits().first();
  bool published = true;
  // The 600 x 1200 marker, snapped as a rack of that size: corner (4'200, 6'800) -> (4'200, 6'600).
  QCOMPARE(coolingUnitFootprintMm(unit, mCatalog, &published),
           (RectMm{4'200, 6'600, 4'800, 7'800}));
  QVERIFY(!published);
  CoolingUnit turned = unit;
  turned.rotationDeg = 90;
  QCOMPARE(coolingUnitFootprintMm(turned, mCatalog).widthMm(), std::int64_t(1'200));
}

void TestCoolingEdits::coolingUnitDropIsRefusedWhereItCannotStand_data() {
  QTest::addColumn<QString>("item");
  QTest::addColumn<qint64>("xMm");
  QTest::addColumn<qint64>("yMm");
  QTest::addColumn<QString>("message");
  QTest::newRow("over a rack") << kInRow << qint64(900) << qint64(1'200)
                               << "In-row cooler C01 (In-row cooler 300 x 1200) would overlap "
                                  "rack R01.";
  QTest::newRow("on a column") << kCrah << qint64(6'300) << qint64(6'300)
                               << "CRAH unit C01 (CRAH 100) would stand on obstacle C-12.";
  QTest::newRow("outside the hall")
      << kInRow << qint64(11'950) << qint64(4'200)
      << "In-row cooler C01 (In-row cooler 300 x 1200) would stand partly outside hall Hall A.";
  QTest::newRow("far outside")
      << kFloorCdu << qint64(40'000) << qint64(40'000)
      << "Coolant distribution unit CDU-1 (Floor CDU 600) would stand partly outside hall "
         "Hall A.";
}

void TestCoolingEdits::coolingUnitDropIsRefusedWhereItCannotStand() {
  QFETCH(QString, item);
  QFETCH(qint64, xMm);
  QFETCH(qint64, yMm);
  QFETCH(QString, message);
  QCOMPARE(refusal(item, {xMm, yMm}), message);
}

void TestCoolingEdits::rearDoorFitsOntoARack_data() {
  QTest::addColumn<bool>("dtc");
  QTest::addColumn<int>("modeKey");
  QTest::newRow("air -> rear door") << false << int(CoolingMode::RearDoor);
  QTest::newRow("direct-to-chip -> DTC + rear door")
      << true << int(CoolingMode::DirectToChipRearDoor);
}

void TestCoolingEdits::rearDoorFitsOntoARack() {
  QFETCH(bool, dtc);
  QFETCH(int, modeKey);
  const CoolingMode mode = CoolingMode(modeKey);
  const RackId id = dtc ? mDtcRack : mRack;
  const Project before = project();
  drop(kDoor, {0, 0}, id);  // the drop point does not matter: the target rack does
  QCOMPARE(stack().count(), 1);
  const Rack fitted = *project().findRack(id);
  QCOMPARE(fitted.rearDoorId(), kDoor);
  QCOMPARE(fitted.coolingMode(), mode);
  QCOMPARE(project().racks().size(), before.racks().size());
  QVERIFY(project().coolingUnits().isEmpty());
  stack().undo();
  QCOMPARE(project(), before);
  stack().redo();
  QCOMPARE(*project().findRack(id), fitted);
  // Another door replaces it, mode unchanged.
  drop(kDoor2, {0, 0}, id);
  QCOMPARE(project().findRack(id)->rearDoorId(), kDoor2);
  QCOMPARE(project().findRack(id)->coolingMode(), mode);
}

void TestCoolingEdits::rearDoorOnEmptyFloorIsRefused() {
  const QString message = refusal(kDoor, {6'000, 4'000});
  QVERIFY2(message.contains(QStringLiteral("drop a rear door onto a rack")), qPrintable(message));
  QVERIFY(message.contains(QStringLiteral("Door 50")));
  // makeDropOnFloorCommand refuses it the same way.
  QVERIFY_THROWS_EXCEPTION(
      PlacementError, makeDropOnFloorCommand(*mDocument, mCatalog, kDoor, {6'000, 4'000}, k42U));
}

void TestCoolingEdits::rearDoorOnARackWithoutProvisionIsRefused() {
  const QString message = refusal(kDoor, {0, 0}, mNvl72Rack);
  QVERIFY2(message.contains(QStringLiteral("NVIDIA DGX GB200 NVL72 has no rear-door provision")),
           qPrintable(message));
  QVERIFY(message.contains(QStringLiteral("Rack R03")));
  QVERIFY(project().findRack(mNvl72Rack)->rearDoorId().isEmpty());
}

void TestCoolingEdits::sameRearDoorTwiceIsRefused() {
  drop(kDoor, {0, 0}, mRack);
  QCOMPARE(refusal(kDoor, {0, 0}, mRack), QStringLiteral("Rack R01 already has Test Door 50."));
  QCOMPARE(stack().count(), 1);
}

void TestCoolingEdits::removingTheDoorRestoresTheMode() {
  drop(kDoor, {0, 0}, mDtcRack);
  const Project fitted = project();
  stack().push(makeRemoveRearDoorCommand(*mDocument, mCatalog, mDtcRack).release());
  QVERIFY(project().findRack(mDtcRack)->rearDoorId().isEmpty());
  QCOMPARE(project().findRack(mDtcRack)->coolingMode(), CoolingMode::DirectToChip);
  stack().undo();
  QCOMPARE(project(), fitted);
  stack().redo();
  QVERIFY_THROWS_EXCEPTION(PlacementError,
                           makeRemoveRearDoorCommand(*mDocument, mCatalog, mDtcRack));
}

void TestCoolingEdits::inRackCduMountsAtTheLowestFreeUnits() {
  // A 4U in-rack CDU on a rack whose U1-4 hold a device goes to U5-8.
  Rack r = *project().findRack(mRack);
  r.insertMount(-1, {MountId::create(), QStringLiteral("nvidia/dgx-h100"), 1});  // 8U: U1-8
  stack().push(new CmdEditRack(*mDocument, r, QStringLiteral("mount")));
  const Project before = project();
  drop(kInRackCdu, {900, 1'200}, mRack);
  const Rack& rack = *project().findRack(mRack);
  QCOMPARE(rack.mounts().size(), 2);
  QCOMPARE(rack.mounts().last().catalogId, kInRackCdu);
  QCOMPARE(rack.mounts().last().lowestU, 9);
  QVERIFY(project().coolingUnits().isEmpty());
  stack().undo();
  QCOMPARE(project(), before);
}

void TestCoolingEdits::inRackCduRefusedWhenTheRackIsFull() {
  Rack r = *project().findRack(mRack);
  for (int u = 1; u + 7 <= 42; u += 8) {
    r.insertMount(-1, {MountId::create(), QStringLiteral("nvidia/dgx-h100"), u});  // U1-40
  }
  stack().push(new CmdEditRack(*mDocument, r, QStringLiteral("fill")));
  QCOMPARE(refusal(kInRackCdu, {900, 1'200}, mRack),
           QStringLiteral("Rack R01 has no 4 free rack units for Fixture In-rack CDU 4U."));
}

void TestCoolingEdits::selectionMoveRotateDeleteAreOneStepEach() {
  drop(kInRow, {4'350, 4'200});
  const CoolingUnitId unit = project().coolingUnits().first().id;
  const Project start = project();
  const int count = stack().count();
  stack().push(makeMoveSelectionCommand(*mDocument, {{mRack, PointMm{900, 3'000}}},
                                        {{unit, PointMm{4'950, 4'200}}})
                   .release());
  QCOMPARE(stack().count(), count + 1);
  QCOMPARE(project().findRack(mRack)->positionMm(), (PointMm{900, 3'000}));
  QCOMPARE(project().findCoolingUnit(unit)->positionMm, (PointMm{4'950, 4'200}));
  stack().undo();
  QCOMPARE(project(), start);
  stack().redo();

  const Project moved = project();
  stack().push(makeRotateSelectionCommand(*mDocument, {mRack}, {unit}).release());
  QCOMPARE(project().findRack(mRack)->rotationDeg(), 90);
  QCOMPARE(project().findCoolingUnit(unit)->rotationDeg, 90);
  stack().undo();
  QCOMPARE(project(), moved);
  stack().redo();

  const Project turned = project();
  stack().push(makeRemoveSelectionCommand(*mDocument, {mRack}, {unit}).release());
  QVERIFY(!project().findRack(mRack));
  QVERIFY(project().coolingUnits().isEmpty());
  stack().undo();
  QCOMPARE(project(), turned);
  QVERIFY(!makeRemoveSelectionCommand(*mDocument, {}, {}));
}

// Files before schema 3 held in-row coolers and CRAH units as racks: on open they become
// cooling units with the same name, place, rotation and item; IT racks and racks with mounts
// stay; a second pass finds nothing.
void TestCoolingEdits::legacyCoolingRacksAreAdoptedOnOpen() {
  Project p = mDocument->project();
  const qsizetype racks = p.racks().size();
  const qsizetype units = p.coolingUnits().size();
  Rack legacy = makeRack(mHall, QStringLiteral("C01"), kInRow, {4'200, 1'200});
  legacy.setRotationDeg(180);
  p.insertRack(-1, legacy);
  QCOMPARE(adoptFloorCoolingRacks(p, mCatalog), 1);
  QCOMPARE(p.racks().size(), racks);
  QCOMPARE(p.coolingUnits().size(), units + 1);
  const CoolingUnit& unit = p.coolingUnits().last();
  QCOMPARE(unit.name, QStringLiteral("C01"));
  QCOMPARE(unit.catalogId, kInRow);
  QCOMPARE(unit.positionMm, (PointMm{4'200, 1'200}));
  QCOMPARE(unit.rotationDeg, 180);
  QCOMPARE(unit.id.uuid(), legacy.id().uuid());
  QVERIFY(!p.findRack(legacy.id()));
  QCOMPARE(adoptFloorCoolingRacks(p, mCatalog), 0);
}

QTEST_GUILESS_MAIN(TestCoolingEdits)
#include "tst_coolingedits.moc"
