// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/footprint.h"
#include "model/geometry.h"
#include "testdesigns.h"
#include "testprinters.h"

#include <QTest>

using namespace dc;
using namespace dc::test;

namespace {

/// An L-shaped hall: 30 m x 10 m along the bottom plus 10 m x 10 m on its left above.
/// Area by hand: 30 x 10 + 10 x 10 = 400 m2.
PolygonMm lShapeMm() {
  return {{0, 0}, {30'000, 0}, {30'000, 10'000}, {10'000, 10'000}, {10'000, 20'000}, {0, 20'000}};
}

}  // namespace

class TestGeometry final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void snapToGrid_data();
  void snapToGrid();
  void polygonArea_data();
  void polygonArea();
  void polygonContainsPoint_data();
  void polygonContainsPoint();
  void rackCentreSnapsFootprintCorner_data();
  void rackCentreSnapsFootprintCorner();
};

// Expected values: nearest multiple of the step, halves away from zero (geometry.h contract),
// worked by hand.
void TestGeometry::snapToGrid_data() {
  QTest::addColumn<qint64>("valueMm");
  QTest::addColumn<qint64>("stepMm");
  QTest::addColumn<qint64>("expectedMm");

  QTest::newRow("zero") << qint64(0) << qint64(600) << qint64(0);
  QTest::newRow("on the grid") << qint64(1200) << qint64(600) << qint64(1200);
  QTest::newRow("just under half") << qint64(299) << qint64(600) << qint64(0);
  QTest::newRow("half rounds up") << qint64(300) << qint64(600) << qint64(600);
  QTest::newRow("just over half") << qint64(301) << qint64(600) << qint64(600);
  QTest::newRow("899 -> 600") << qint64(899) << qint64(600) << qint64(600);
  QTest::newRow("900 -> 1200") << qint64(900) << qint64(600) << qint64(1200);
  QTest::newRow("negative just under half") << qint64(-299) << qint64(600) << qint64(0);
  QTest::newRow("negative half away from zero") << qint64(-300) << qint64(600) << qint64(-600);
  QTest::newRow("negative -301") << qint64(-301) << qint64(600) << qint64(-600);
  QTest::newRow("negative -900") << qint64(-900) << qint64(600) << qint64(-1200);
  QTest::newRow("negative -1199") << qint64(-1199) << qint64(600) << qint64(-1200);
  QTest::newRow("odd step 5, 7 -> 5") << qint64(7) << qint64(5) << qint64(5);
  QTest::newRow("odd step 5, -8 -> -10") << qint64(-8) << qint64(5) << qint64(-10);
  QTest::newRow("step 1 keeps the value") << qint64(1234) << qint64(1) << qint64(1234);
  QTest::newRow("step 0 disables snapping") << qint64(1234) << qint64(0) << qint64(1234);
  QTest::newRow("negative step disables snapping") << qint64(-77) << qint64(-600) << qint64(-77);
  QTest::newRow("far from the origin (1000 km)")
      << qint64(1'000'000'301) << qint64(600) << qint64(1'000'000'200);
}

void TestGeometry::snapToGrid() {
  QFETCH(qint64, valueMm);
  QFETCH(qint64, stepMm);
  QFETCH(qint64, expectedMm);
  QCOMPARE(qint64(snapMm(valueMm, stepMm)), expectedMm);
}

// Areas by hand (length x width, or half base x height for triangles), in m2.
void TestGeometry::polygonArea_data() {
  QTest::addColumn<PolygonMm>("polygon");
  QTest::addColumn<double>("expectedM2");

  QTest::newRow("10 m x 20 m, counter-clockwise") << rectangleMm(0, 0, 10'000, 20'000) << 200.0;
  QTest::newRow("10 m x 20 m, clockwise")
      << PolygonMm{{0, 0}, {0, 20'000}, {10'000, 20'000}, {10'000, 0}} << 200.0;
  QTest::newRow("one 600 mm tile") << rectangleMm(0, 0, 600, 600) << 0.36;
  QTest::newRow("away from the origin, negative coordinates")
      << rectangleMm(-5'000, -3'000, 7'000, 6'600) << 115.2;
  QTest::newRow("L-shaped hall") << lShapeMm() << 400.0;
  QTest::newRow("3-4-5 triangle") << PolygonMm{{0, 0}, {3'000, 0}, {0, 4'000}} << 6.0;
  QTest::newRow("two points") << PolygonMm{{0, 0}, {3'000, 0}} << 0.0;
  QTest::newRow("empty") << PolygonMm{} << 0.0;
  QTest::newRow("collinear") << PolygonMm{{0, 0}, {1'000, 0}, {2'000, 0}} << 0.0;
}

void TestGeometry::polygonArea() {
  QFETCH(PolygonMm, polygon);
  QFETCH(double, expectedM2);
  QCOMPARE(polygonAreaM2(polygon), expectedM2);
}

void TestGeometry::polygonContainsPoint_data() {
  QTest::addColumn<PolygonMm>("polygon");
  QTest::addColumn<PointMm>("point");
  QTest::addColumn<bool>("expected");

  const PolygonMm square = rectangleMm(0, 0, 10'000, 10'000);
  QTest::newRow("centre") << square << PointMm{5'000, 5'000} << true;
  QTest::newRow("corner (0,0)") << square << PointMm{0, 0} << true;
  QTest::newRow("corner (10000,10000)") << square << PointMm{10'000, 10'000} << true;
  QTest::newRow("bottom edge") << square << PointMm{5'000, 0} << true;
  QTest::newRow("right edge") << square << PointMm{10'000, 5'000} << true;
  QTest::newRow("top edge") << square << PointMm{5'000, 10'000} << true;
  QTest::newRow("left edge") << square << PointMm{0, 7'000} << true;
  QTest::newRow("1 mm right of the edge") << square << PointMm{10'001, 5'000} << false;
  QTest::newRow("1 mm left of the corner") << square << PointMm{-1, 0} << false;
  QTest::newRow("on the edge's line, beyond the corner") << square << PointMm{12'000, 0} << false;
  QTest::newRow("far away") << square << PointMm{-50'000, 50'000} << false;

  const PolygonMm l = lShapeMm();
  QTest::newRow("L: in the lower arm") << l << PointMm{25'000, 5'000} << true;
  QTest::newRow("L: in the upper arm") << l << PointMm{5'000, 15'000} << true;
  QTest::newRow("L: in the notch") << l << PointMm{20'000, 15'000} << false;
  QTest::newRow("L: on the inner edge") << l << PointMm{20'000, 10'000} << true;
  QTest::newRow("L: on the reflex corner") << l << PointMm{10'000, 10'000} << true;
  QTest::newRow("L: level with the reflex corner, outside")
      << l << PointMm{10'001, 10'001} << false;

  const PolygonMm triangle{{0, 0}, {3'000, 0}, {0, 4'000}};
  QTest::newRow("triangle: on the hypotenuse") << triangle << PointMm{1'500, 2'000} << true;
  QTest::newRow("triangle: 1 mm beyond the hypotenuse")
      << triangle << PointMm{1'501, 2'000} << false;
  QTest::newRow("degenerate polygon") << PolygonMm{{0, 0}, {1'000, 0}} << PointMm{500, 0} << false;
}

void TestGeometry::polygonContainsPoint() {
  QFETCH(PolygonMm, polygon);
  QFETCH(PointMm, point);
  QFETCH(bool, expected);
  QCOMPARE(polygonContains(polygon, point), expected);
}

// snapRackCentreMm snaps the footprint's top-left corner (centre - size/2) to the tile grid and
// returns the centre again. Worked by hand for a 600 x 1200 mm rack on 600 mm tiles.
void TestGeometry::rackCentreSnapsFootprintCorner_data() {
  QTest::addColumn<PointMm>("dropMm");
  QTest::addColumn<qint64>("widthMm");
  QTest::addColumn<qint64>("depthMm");
  QTest::addColumn<int>("rotationDeg");
  QTest::addColumn<int>("tileMm");
  QTest::addColumn<PointMm>("expectedMm");

  // corner (700, 400) -> (600, 600); centre (600 + 300, 600 + 600)
  QTest::newRow("600x1200 at (1000,1000)")
      << PointMm{1'000, 1'000} << qint64(600) << qint64(1'200) << 0 << 600 << PointMm{900, 1'200};
  // corner (2840, 2177) -> (3000, 2400); centre (3300, 3000)
  QTest::newRow("600x1200 at (3140,2777)")
      << PointMm{3'140, 2'777} << qint64(600) << qint64(1'200) << 0 << 600 << PointMm{3'300, 3'000};
  // already centred on tiles: unchanged
  QTest::newRow("600x1200 already on the grid")
      << PointMm{900, 1'200} << qint64(600) << qint64(1'200) << 0 << 600 << PointMm{900, 1'200};
  // turned 90: 1200 wide, 600 deep; corner (400, 700) -> (600, 600); centre (1200, 900)
  QTest::newRow("600x1200 turned 90")
      << PointMm{1'000, 1'000} << qint64(600) << qint64(1'200) << 90 << 600 << PointMm{1'200, 900};
  QTest::newRow("600x1200 turned 270")
      << PointMm{1'000, 1'000} << qint64(600) << qint64(1'200) << 270 << 600 << PointMm{1'200, 900};
  QTest::newRow("600x1200 turned 180")
      << PointMm{1'000, 1'000} << qint64(600) << qint64(1'200) << 180 << 600 << PointMm{900, 1'200};
  // corner (-400, -700) -> (-600, -600); centre (-300, 0)
  QTest::newRow("negative drop") << PointMm{-100, -100} << qint64(600) << qint64(1'200) << 0 << 600
                                 << PointMm{-300, 0};
  // 750 wide: corner x -375 -> -600; centre -600 + 375 = -225
  QTest::newRow("750x1200 at the origin")
      << PointMm{0, 0} << qint64(750) << qint64(1'200) << 0 << 600 << PointMm{-225, 0};
  // 500 mm tiles: corner (700, 400) -> (500, 500); centre (800, 1100)
  QTest::newRow("500 mm tiles") << PointMm{1'000, 1'000} << qint64(600) << qint64(1'200) << 0 << 500
                                << PointMm{800, 1'100};
  QTest::newRow("tile 0: no snapping")
      << PointMm{1'013, 987} << qint64(600) << qint64(1'200) << 0 << 0 << PointMm{1'013, 987};
}

void TestGeometry::rackCentreSnapsFootprintCorner() {
  QFETCH(PointMm, dropMm);
  QFETCH(qint64, widthMm);
  QFETCH(qint64, depthMm);
  QFETCH(int, rotationDeg);
  QFETCH(int, tileMm);
  QFETCH(PointMm, expectedMm);
  QCOMPARE(snapRackCentreMm(dropMm, RackSizeMm{widthMm, depthMm}, rotationDeg, tileMm), expectedMm);
}

QTEST_GUILESS_MAIN(TestGeometry)
#include "tst_geometry.moc"
