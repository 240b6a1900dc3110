// SPDX-License-Identifier: GPL-3.0-or-later
// "Place switches in row…": new network racks for a fabric's missing switches at the end of a
// row, of the hall's most common rack type, switches stacked from the top unit down, on the tile
// grid, never over the hall's walls, obstacles, racks or cooling units; one undo step.
//
// Sizes from the shipped catalog (its sources): Conteg iSEVEN Ri7-48-80/120 is 800 W x 1200 D mm
// with 48 usable U; APC AR3300 600 x 1200 mm, 42U; NVIDIA Quantum-2 QM9700 is 1U; the Schneider
// Uniflair HDCV5300F-HT CRAH is 3110 W x 865 D mm. Every expected position below is worked out
// by hand from those sizes and the 600 mm tile.
#include "catalog/catalogloader.h"
#include "edit/placement.h"
#include "edit/placeswitches.h"

#include <QTest>

using namespace dc;

namespace {
const QString kRack80 = QStringLiteral("conteg/ri7-48-80-120");  // 800 x 1200, 48U
const QString kRack60 = QStringLiteral("apc/ar3300");            // 600 x 1200, 42U
const QString kLeaf = QStringLiteral("nvidia/qm9700");           // 1U
const QString kCrah = QStringLiteral("schneider/uniflair-hdcv5300f-ht");
}  // namespace

class TestPlaceSwitches final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();

  void stacksFromTheTopAtTheRowsFarEnd();
  void firstRackSnapsToTheNextTileLine();
  void usesTheHallsMostCommonRackType();
  void namesSkipTakenOnes();
  void blockedFarEndUsesTheNearEnd();
  void coolingUnitBlocksAnEnd();
  void rowAlongYExtendsDownTheDrawing();
  void refusesWithAReason_data();
  void refusesWithAReason();
  void commandIsOneUndoStepAndExtendsTheSwitchRacks();

 private:
  /// A rack of `type` named `name` in row `row`, centred at (centreXMm, centreYMm).
  RackId addRack(const QString& type, const QString& name, const QString& row,
                 std::int64_t centreXMm, std::int64_t centreYMm = 2400, int rotationDeg = 0);

  CatalogLoadResult mCatalog;
  Project mProject;
  HallId mHall;
  FabricSpec mSpec;
};

void TestPlaceSwitches::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
  QCOMPARE(mCatalog.catalog.find(kRack80)->usableU, 48);
  QCOMPARE(*mCatalog.catalog.find(kLeaf)->heightU, 1);
}

void TestPlaceSwitches::init() {
  mProject = Project();
  mHall = HallId::create();
  mProject.insertHall(-1, Hall(mHall, QStringLiteral("Hall A"),
                               PolygonMm{{0, 0}, {12000, 0}, {12000, 9000}, {0, 9000}}));
  mSpec = FabricSpec{};
  mSpec.id = FabricSpecId::create();
  mSpec.hallId = mHall;
  mSpec.name = QStringLiteral("Compute");
  mSpec.leafSwitchId = kLeaf;
}

RackId TestPlaceSwitches::addRack(const QString& type, const QString& name, const QString& row,
                                  std::int64_t centreXMm, std::int64_t centreYMm, int rotationDeg) {
  Rack rack(RackId::create(), mHall, type, PointMm{centreXMm, centreYMm}, rotationDeg);
  rack.setName(name);
  rack.setRow(row);
  mProject.insertRack(-1, rack);
  return rack.id();
}

void TestPlaceSwitches::stacksFromTheTopAtTheRowsFarEnd() {
  // Row A: three 800 mm racks from x 600 to 3000 (centres 1000, 1800, 2600), y 1800-3000.
  for (int i = 0; i < 3; ++i) {
    addRack(kRack80, QStringLiteral("A0%1").arg(i + 1), QStringLiteral("A"), 1000 + 800 * i);
  }
  // 20 leaves and 4 spines at 16 per rack: N01 holds 16 leaves at U48..U33, N02 the other 4
  // leaves at U48..U45 and the 4 spines (the leaf model: the spec names no spine) at U44..U41.
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {20, 4, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 16});
  QCOMPARE(racks.size(), 2);
  QCOMPARE(racks[0].name(), QStringLiteral("N01"));
  QCOMPARE(racks[1].name(), QStringLiteral("N02"));
  QCOMPARE(racks[0].row(), QStringLiteral("A"));
  QCOMPARE(racks[0].rackTypeId(), kRack80);
  QCOMPARE(racks[0].hallId(), mHall);
  QCOMPARE(racks[0].mounts().size(), 16);
  QCOMPARE(racks[1].mounts().size(), 8);
  for (int i = 0; i < 16; ++i) {
    QCOMPARE(racks[0].mounts()[i].lowestU, 48 - i);
    QCOMPARE(racks[0].mounts()[i].catalogId, kLeaf);
  }
  QCOMPARE(racks[1].mounts().first().lowestU, 48);
  QCOMPARE(racks[1].mounts().last().lowestU, 41);
  // The row ends at x 3000, a tile line: N01 covers 3000-3800 (centre 3400), N02 3800-4600.
  QCOMPARE(racks[0].positionMm(), (PointMm{3400, 2400}));
  QCOMPARE(racks[1].positionMm(), (PointMm{4200, 2400}));
  QCOMPARE(racks[0].rotationDeg(), 0);
  // Without a cap a 48U rack takes all 24 1U switches.
  const QList<Rack> one = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {20, 4, 0},
                                             SwitchRowRequest{QStringLiteral("A"), 0});
  QCOMPARE(one.size(), 1);
  QCOMPARE(one[0].mounts().size(), 24);
  QCOMPARE(one[0].mounts().last().lowestU, 25);
}

void TestPlaceSwitches::firstRackSnapsToTheNextTileLine() {
  // Racks at centres 1200 and 2000: the row ends at x 2400 (a tile line). One at 2800 (its
  // right edge at 3200) ends between tile lines 3000 and 3600: the new rack starts at 3600.
  addRack(kRack80, QStringLiteral("A01"), QStringLiteral("A"), 1200);
  addRack(kRack80, QStringLiteral("A02"), QStringLiteral("A"), 2000);
  addRack(kRack80, QStringLiteral("A03"), QStringLiteral("A"), 2800);
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {2, 0, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 0});
  QCOMPARE(racks.size(), 1);
  QCOMPARE(racks[0].positionMm(), (PointMm{4000, 2400}));  // 3600-4400
}

void TestPlaceSwitches::usesTheHallsMostCommonRackType() {
  // Two 600 mm racks and one 800 mm one: the new rack is an AR3300 (42U: the top U is 42).
  addRack(kRack60, QStringLiteral("A01"), QStringLiteral("A"), 900);   // 600-1200
  addRack(kRack60, QStringLiteral("A02"), QStringLiteral("A"), 1500);  // 1200-1800
  addRack(kRack80, QStringLiteral("B01"), QStringLiteral("B"), 1000, 6000);
  QCOMPARE(commonRackTypeId(mProject, mCatalog.catalog, mHall), kRack60);
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {1, 0, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 0});
  QCOMPARE(racks[0].rackTypeId(), kRack60);
  QCOMPARE(racks[0].mounts().first().lowestU, 42);
  QCOMPARE(racks[0].positionMm(), (PointMm{2100, 2400}));  // 1800-2400
}

void TestPlaceSwitches::namesSkipTakenOnes() {
  addRack(kRack80, QStringLiteral("N01"), QStringLiteral("A"), 1000);
  addRack(kRack80, QStringLiteral("N03"), QStringLiteral("B"), 1000, 6000);
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {3, 0, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 1});
  QCOMPARE(racks.size(), 3);
  QCOMPARE(racks[0].name(), QStringLiteral("N02"));
  QCOMPARE(racks[1].name(), QStringLiteral("N04"));
  QCOMPARE(racks[2].name(), QStringLiteral("N05"));
}

void TestPlaceSwitches::blockedFarEndUsesTheNearEnd() {
  // Row A from x 9600 to the wall at 12000 (centres 10000, 10800, 11600): no room beyond it.
  // The near end's tile line is 9600: two racks go to 8800-9600 and 8000-8800.
  for (int i = 0; i < 3; ++i) {
    addRack(kRack80, QStringLiteral("A0%1").arg(i + 1), QStringLiteral("A"), 10000 + 800 * i);
  }
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {2, 0, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 1});
  QCOMPARE(racks.size(), 2);
  QCOMPARE(racks[0].positionMm(), (PointMm{9200, 2400}));
  QCOMPARE(racks[1].positionMm(), (PointMm{8400, 2400}));
}

void TestPlaceSwitches::coolingUnitBlocksAnEnd() {
  // Row A covers x 1800-3400. A CRAH (3110 x 865 mm, rotation 0) centred at (5200, 2400) covers
  // x 3645-6755, y 1967-2833: over the far end's slot 3600-4400. The near end's tile line is
  // 1800: the rack goes to 1000-1800.
  addRack(kRack80, QStringLiteral("A01"), QStringLiteral("A"), 2200);
  addRack(kRack80, QStringLiteral("A02"), QStringLiteral("A"), 3000);
  CoolingUnit crah;
  crah.id = CoolingUnitId::create();
  crah.hallId = mHall;
  crah.name = QStringLiteral("CRAH-1");
  crah.catalogId = kCrah;
  crah.positionMm = {5200, 2400};
  mProject.insertCoolingUnit(-1, crah);
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {1, 0, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 0});
  QCOMPARE(racks.size(), 1);
  QCOMPARE(racks[0].positionMm(), (PointMm{1400, 2400}));
}

void TestPlaceSwitches::rowAlongYExtendsDownTheDrawing() {
  // Rotation 90: the racks' width runs along y. Footprints 1200 x 800 at x 1800-3000, y 600-1400
  // and 1400-2200: the new rack covers y 2400-3200 (the next tile line after 2200).
  addRack(kRack80, QStringLiteral("A01"), QStringLiteral("A"), 2400, 1000, 90);
  addRack(kRack80, QStringLiteral("A02"), QStringLiteral("A"), 2400, 1800, 90);
  const QList<Rack> racks = placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {1, 0, 0},
                                               SwitchRowRequest{QStringLiteral("A"), 0});
  QCOMPARE(racks[0].rotationDeg(), 90);
  QCOMPARE(racks[0].positionMm(), (PointMm{2400, 2800}));
}

void TestPlaceSwitches::refusesWithAReason_data() {
  QTest::addColumn<QString>("row");
  QTest::addColumn<int>("leaves");
  QTest::addColumn<QString>("leafModel");
  QTest::addColumn<bool>("blockBothEnds");
  QTest::addColumn<QString>("expected");

  QTest::newRow("unknown row") << "Z" << 2 << kLeaf << false << "Row 'Z' has no racks";
  QTest::newRow("nothing missing") << "A" << 0 << kLeaf << false << "lacks no switches";
  QTest::newRow("unknown switch") << "A" << 1 << "acme/none" << false << "'acme/none' is not";
  QTest::newRow("not mountable") << "A" << 1 << kRack60 << false << "cannot be mounted";
  QTest::newRow("both ends blocked") << "A" << 2 << kLeaf << true << "No room for 1 network rack";
}

void TestPlaceSwitches::refusesWithAReason() {
  QFETCH(QString, row);
  QFETCH(int, leaves);
  QFETCH(QString, leafModel);
  QFETCH(bool, blockBothEnds);
  QFETCH(QString, expected);
  if (blockBothEnds) {
    // Wall to wall: 15 racks of 800 mm fill x 0-12000.
    for (int i = 0; i < 15; ++i) {
      addRack(kRack80, QStringLiteral("A%1").arg(i + 1), QStringLiteral("A"), 400 + 800 * i);
    }
  } else {
    addRack(kRack80, QStringLiteral("A01"), QStringLiteral("A"), 1000);
  }
  mSpec.leafSwitchId = leafModel;
  try {
    placeSwitchesInRow(mProject, mCatalog.catalog, mSpec, {leaves, 0, 0}, SwitchRowRequest{row, 0});
    QFAIL("expected a PlacementError");
  } catch (const PlacementError& e) {
    QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
  }
}

void TestPlaceSwitches::commandIsOneUndoStepAndExtendsTheSwitchRacks() {
  const RackId a01 = addRack(kRack80, QStringLiteral("A01"), QStringLiteral("A"), 1000);
  mSpec.switchRackIds = {a01};
  mProject.insertFabricSpec(-1, mSpec);
  const Project before = mProject;
  DesignDocument document(mProject);
  QString error;
  QVERIFY2(document.tryPush(
               [&] {
                 return makePlaceSwitchesCommand(document, mCatalog.catalog, mSpec.id, {2, 1, 0},
                                                 SwitchRowRequest{QStringLiteral("A"), 2});
               },
               &error),
           qPrintable(error));
  QCOMPARE(document.undoStack().count(), 1);
  QCOMPARE(document.project().racks().size(), 3);  // A01, N01 (2 leaves), N02 (1 spine)
  const FabricSpec* spec = document.project().findFabricSpec(mSpec.id);
  QCOMPARE(spec->switchRackIds.size(), 3);
  QCOMPARE(spec->switchRackIds[1], document.project().racks()[1].id());
  QCOMPARE(document.project().racks()[2].name(), QStringLiteral("N02"));
  document.undoStack().undo();
  QVERIFY(document.project() == before);
  document.undoStack().redo();
  QCOMPARE(document.project().racks().size(), 3);
  QCOMPARE(document.project().findFabricSpec(mSpec.id)->switchRackIds.size(), 3);
  // A refusal pushes nothing.
  QVERIFY(!document.tryPush(
      [&] {
        return makePlaceSwitchesCommand(document, mCatalog.catalog, mSpec.id, {1, 0, 0},
                                        SwitchRowRequest{QStringLiteral("Q"), 0});
      },
      &error));
  QVERIFY(error.contains(QStringLiteral("Row 'Q'")));
  QCOMPARE(document.undoStack().count(), 1);
}

QTEST_GUILESS_MAIN(TestPlaceSwitches)
#include "tst_placeswitches.moc"
