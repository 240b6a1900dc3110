// SPDX-License-Identifier: GPL-3.0-or-later
// The hall heat map (docs/heatmap.md): energy balance, closed-form rises, symmetry, the sink's
// reach, no sinks, an L-shaped outline, linearity, saturation and the grid size.
#include "engine/cooling/heatmap.h"

#include <QTest>

#include <cmath>

using namespace dc;

namespace {

constexpr double kRho = 1.2;
constexpr double kCp = 1005.0;

PolygonMm rectHall(std::int64_t widthMm, std::int64_t depthMm) {
  return PolygonMm{{0, 0}, {widthMm, 0}, {widthMm, depthMm}, {0, depthMm}};
}

/// A 600 × 1,200 mm footprint with its corner at (x, y).
RectMm rack(std::int64_t xMm, std::int64_t yMm) {
  return RectMm{xMm, yMm, xMm + 600, yMm + 1'200};
}

double tempAt(const HeatMap& map, int col, int row) {
  return map.airTempC[std::size_t(map.index(col, row))];
}

double balanceError(const HeatMap& map) {
  return std::fabs(map.heatInW - map.heatRemovedW - map.heatUnremovedW) / map.heatInW;
}

/// 12 m × 6 m hall, 600 mm cells (20 × 10), supply 20 °C.
HeatMapInput smallHall() {
  HeatMapInput input;
  input.hallOutlineMm = rectHall(12'000, 6'000);
  input.cellMm = 600.0;
  input.supplyAirTempC = 20.0;
  input.ceilingHeightM = 4.0;
  return input;
}

}  // namespace

class TestHeatMap final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void energyBalanceCloses();
  void sinkUnderSourceRisesByRatedDeltaT();
  void uniformLoadMatchesClosedForm();
  void stripMatchesLateralConductance();
  void symmetricLayoutGivesSymmetricMap();
  void movingSinkAwayHeatsSource();
  void noSinksLeaksEverything();
  void cellsOutsideLShapeAreExcluded();
  void doublingHeatDoublesRise();
  void shortCapacitySaturatesSinks();
  void gridFitsTwoHundredByHundred();
};

void TestHeatMap::energyBalanceCloses() {
  // 40 racks of 15 kW in two rows and four 200 kW coolers at the row ends: 600 kW in.
  HeatMapInput input;
  input.hallOutlineMm = rectHall(24'000, 12'000);
  input.cellMm = 300.0;
  for (int i = 0; i < 20; ++i) {
    input.sources.append({rack(3'000 + i * 600, 3'000), 15'000.0});
    input.sources.append({rack(3'000 + i * 600, 7'200), 15'000.0});
  }
  for (const std::int64_t y : {3'000, 7'200}) {
    input.sinks.append({rack(2'400, y), 200'000.0});
    input.sinks.append({rack(15'000, y), 200'000.0});
  }
  const HeatMap map = solveHeatMap(input);
  QVERIFY(map.converged);
  QCOMPARE(map.heatInW, 600'000.0);
  QCOMPARE(map.heatOutsideW, 0.0);
  QCOMPARE(map.sinkCapacityW, 800'000.0);
  QVERIFY2(balanceError(map) < 1.0e-3, qPrintable(QString::number(balanceError(map))));
  QVERIFY(balanceError(map) < 1.0e-9);  // in fact to rounding: the balance is exact
  // Leakage (0.5 W/m²K over 288 m²) is a small share; the sinks take the rest.
  QVERIFY(map.heatUnremovedW > 0.0);
  QVERIFY(map.heatUnremovedW < 0.01 * map.heatInW);
  double perSink = 0.0;
  for (const double w : map.sinkRemovedW) {
    QVERIFY(w > 0.0);
    perSink += w;
  }
  QCOMPARE(perSink, map.heatRemovedW);
  // The heat density shows the racks: 15 kW over 0.72 m².
  int col = 0;
  int row = 0;
  QVERIFY(map.cellAt(PointMm{3'100, 3'100}, &col, &row));
  QVERIFY(std::fabs(map.heatDensityWPerM2[std::size_t(map.index(col, row))] - 15'000.0 / 0.72) <
          0.01);
  QVERIFY(map.maxAirTempC > 20.0);
  QVERIFY(map.minAirTempC >= 20.0);
}

void TestHeatMap::sinkUnderSourceRisesByRatedDeltaT() {
  // One 40 kW rack with a 40 kW cooler on the same footprint (an active rear door): at full
  // load the air there is supply + rated ΔT = 20 + 12 = 32 °C. With (almost) no leakage the
  // rest of the hall has no other outlet, so it settles at the same temperature.
  HeatMapInput input = smallHall();
  input.leakageWPerM2K = 0.0;  // raised to kMinLeakageWPerM2K
  input.sources.append({rack(5'400, 2'400), 40'000.0});
  input.sinks.append({rack(5'400, 2'400), 40'000.0});
  const HeatMap map = solveHeatMap(input);
  QVERIFY(map.converged);
  QCOMPARE(map.iterations, 1);
  QVERIFY(!map.sinkSaturated[0]);
  // Leakage 1e-3 W/m²K × 72 m² × 12 K ≈ 0.9 W of 40 kW: 2e-5 of the rise.
  QVERIFY2(std::fabs(map.maxAirTempC - 32.0) < 1.0e-3,
           qPrintable(QString::number(map.maxAirTempC)));
  QVERIFY(std::fabs(map.airTempAtC(PointMm{5'700, 3'000}) - 32.0) < 1.0e-3);
  QVERIFY(std::fabs(tempAt(map, 0, 0) - 32.0) < 1.0e-3);
  QVERIFY(std::fabs(map.sinkRemovedW[0] - 40'000.0) < 2.0);
  QVERIFY(balanceError(map) < 1.0e-9);
}

void TestHeatMap::uniformLoadMatchesClosedForm() {
  // Source and sink over the whole hall: every cell alike, no lateral flow, so
  // Q = (G_sink + g_leak·A)·ΔT exactly: 60 kW, G = 60 kW / 12 K = 5,000 W/K, g·A = 0.5 × 72 =
  // 36 W/K → rise 60,000 / 5,036 K.
  HeatMapInput input = smallHall();
  const RectMm whole{0, 0, 12'000, 6'000};
  input.sources.append({whole, 60'000.0});
  input.sinks.append({whole, 60'000.0});
  const HeatMap map = solveHeatMap(input);
  const double rise = 60'000.0 / (5'000.0 + 36.0);
  for (int r = 0; r < map.rows; ++r) {
    for (int c = 0; c < map.cols; ++c) {
      QVERIFY(std::fabs(tempAt(map, c, r) - (20.0 + rise)) < 1.0e-4);
    }
  }
  QVERIFY(std::fabs(map.heatUnremovedW - 36.0 * rise) < 1.0e-6 * 60'000.0);
  QVERIFY(std::fabs(map.heatRemovedW - 5'000.0 * rise) < 1.0e-6 * 60'000.0);
}

void TestHeatMap::stripMatchesLateralConductance() {
  // A 12 m × 0.6 m strip, one cell deep: 1 kW in the first cell, a 1 kW sink in the last. The
  // kilowatt crosses 19 faces of conductance ρ c_p D H = 1.2 × 1005 × 1 × 4 = 4,824 W/K each
  // and leaves through the sink with a 12 K rise (leakage at its minimum).
  HeatMapInput input;
  input.hallOutlineMm = rectHall(12'000, 600);
  input.cellMm = 600.0;
  input.leakageWPerM2K = 0.0;
  input.sources.append({RectMm{0, 0, 600, 600}, 1'000.0});
  input.sinks.append({RectMm{11'400, 0, 12'000, 600}, 1'000.0});
  const HeatMap map = solveHeatMap(input);
  QCOMPARE(map.cols, 20);
  QCOMPARE(map.rows, 1);
  const double faceWPerK = kRho * kCp * input.mixingDiffusivityM2PerS * input.ceilingHeightM;
  QVERIFY(std::fabs(tempAt(map, 19, 0) - 32.0) < 5.0e-3);  // 0.1 W leaks: 1.2 mK
  QVERIFY(std::fabs(tempAt(map, 0, 0) - (32.0 + 19.0 * 1'000.0 / faceWPerK)) < 5.0e-3);
  QVERIFY(std::fabs(tempAt(map, 10, 0) - (32.0 + 9.0 * 1'000.0 / faceWPerK)) < 5.0e-3);
  QCOMPARE(map.hottestMm, (PointMm{300, 300}));
}

void TestHeatMap::symmetricLayoutGivesSymmetricMap() {
  // Two 30 kW racks and two 40 kW coolers mirrored about the hall's centre line x = 6 m.
  HeatMapInput input = smallHall();
  input.sources.append({rack(3'000, 1'800), 30'000.0});
  input.sources.append({rack(8'400, 1'800), 30'000.0});
  input.sinks.append({rack(600, 4'200), 40'000.0});
  input.sinks.append({rack(10'800, 4'200), 40'000.0});
  const HeatMap map = solveHeatMap(input);
  QCOMPARE(map.cols, 20);
  double largestRise = 0.0;
  for (int r = 0; r < map.rows; ++r) {
    for (int c = 0; c < map.cols; ++c) {
      QVERIFY2(std::fabs(tempAt(map, c, r) - tempAt(map, map.cols - 1 - c, r)) < 1.0e-4,
               qPrintable(QStringLiteral("cell %1,%2").arg(c).arg(r)));
      largestRise = std::max(largestRise, tempAt(map, c, r) - 20.0);
    }
  }
  QVERIFY(largestRise > 1.0);
  QVERIFY(std::fabs(map.sinkRemovedW[0] - map.sinkRemovedW[1]) < 1.0e-6 * map.heatInW);
}

void TestHeatMap::movingSinkAwayHeatsSource() {
  HeatMapInput near = smallHall();
  near.sources.append({rack(1'200, 2'400), 30'000.0});
  near.sinks.append({rack(1'800, 2'400), 40'000.0});
  HeatMapInput far = near;
  far.sinks[0].footprintMm = rack(10'800, 2'400);
  const HeatMap nearMap = solveHeatMap(near);
  const HeatMap farMap = solveHeatMap(far);
  const PointMm sourceCell{1'500, 3'000};
  const double nearC = nearMap.airTempAtC(sourceCell);
  const double farC = farMap.airTempAtC(sourceCell);
  // 9 m further: the heat crosses ~15 more faces of 4,824 W/K, several kelvin more.
  QVERIFY2(farC > nearC + 3.0, qPrintable(QStringLiteral("%1 vs %2").arg(nearC).arg(farC)));
  QCOMPARE(farMap.airTempAtC(farMap.hottestMm), farMap.maxAirTempC);
  QVERIFY(std::fabs(farMap.airTempAtC(sourceCell) - farMap.maxAirTempC) < 1.0e-3);
  QVERIFY(balanceError(farMap) < 1.0e-9);
}

void TestHeatMap::noSinksLeaksEverything() {
  // No coolers: all 10 kW leaves by the leakage, so the mean rise is Q / (g·A) =
  // 10,000 / (0.5 × 72) = 277.8 K — absurd on purpose, and finite: the map shows the hall
  // cannot be cooled.
  HeatMapInput input = smallHall();
  input.sources.append({rack(5'400, 2'400), 10'000.0});
  const HeatMap map = solveHeatMap(input);
  QVERIFY(map.converged);
  QCOMPARE(map.heatRemovedW, 0.0);
  QCOMPARE(map.sinkCapacityW, 0.0);
  QVERIFY(std::fabs(map.heatUnremovedW - 10'000.0) < 1.0e-6 * 10'000.0);
  double sumRise = 0.0;
  for (const float t : map.airTempC) {
    QVERIFY(std::isfinite(t));
    sumRise += t - 20.0;
  }
  const double meanRise = sumRise / double(map.airTempC.size());
  QVERIFY2(std::fabs(meanRise - 10'000.0 / 36.0) < 1.0e-3 * meanRise,
           qPrintable(QString::number(meanRise)));
  QVERIFY(map.maxAirTempC > 20.0 + meanRise);
}

void TestHeatMap::cellsOutsideLShapeAreExcluded() {
  // An L: 12 m × 6 m with the top-right 6 m × 3 m cut away.
  HeatMapInput input;
  input.hallOutlineMm =
      PolygonMm{{0, 0}, {6'000, 0}, {6'000, 3'000}, {12'000, 3'000}, {12'000, 6'000}, {0, 6'000}};
  input.cellMm = 600.0;
  input.sources.append({rack(1'200, 1'200), 20'000.0});
  input.sources.append({rack(9'000, 600), 5'000.0});                  // in the cut-away corner
  input.sources.append({RectMm{5'400, 600, 6'600, 1'200}, 8'000.0});  // half in, half out
  input.sinks.append({rack(9'000, 4'200), 40'000.0});
  const HeatMap map = solveHeatMap(input);
  QCOMPARE(map.cols, 20);
  QCOMPARE(map.rows, 10);
  int col = 0;
  int row = 0;
  QVERIFY(map.cellAt(PointMm{9'300, 900}, &col, &row));
  QVERIFY(!map.inHall(col, row));
  QVERIFY(std::isnan(map.airTempC[std::size_t(map.index(col, row))]));
  QVERIFY(std::isnan(map.heatDensityWPerM2[std::size_t(map.index(col, row))]));
  QVERIFY(std::isnan(map.airTempAtC(PointMm{11'700, 2'700})));
  QVERIFY(map.inHall(0, 0));
  QVERIFY(map.inHall(19, 9));
  int excluded = 0;
  for (const float t : map.airTempC) {
    excluded += std::isnan(t) ? 1 : 0;
  }
  QCOMPARE(excluded, 10 * 5);
  // The source in the corner is not on the map; the one on the wall is, all of it.
  QCOMPARE(map.heatOutsideW, 5'000.0);
  QCOMPARE(map.heatInW, 28'000.0);
  QVERIFY(map.cellAt(PointMm{5'700, 900}, &col, &row));
  QVERIFY(std::fabs(map.heatDensityWPerM2[std::size_t(map.index(col, row))] - 8'000.0 / 0.36) <
          0.01);
  QVERIFY(balanceError(map) < 1.0e-9);
  QVERIFY(std::isnan(map.maxAirTempInC(RectMm{7'000, 0, 12'000, 3'000})));
  QCOMPARE(map.maxAirTempInC(RectMm{0, 0, 12'000, 6'000}), map.maxAirTempC);
}

void TestHeatMap::doublingHeatDoublesRise() {
  HeatMapInput input = smallHall();
  input.sources.append({rack(3'000, 1'200), 10'000.0});
  input.sources.append({rack(7'200, 3'600), 25'000.0});
  input.sinks.append({rack(600, 4'200), 60'000.0});
  input.sinks.append({rack(10'800, 600), 60'000.0});
  HeatMapInput doubled = input;
  for (HeatSource& s : doubled.sources) {
    s.heatToAirW *= 2.0;
  }
  const HeatMap once = solveHeatMap(input);
  const HeatMap twice = solveHeatMap(doubled);
  QVERIFY(!once.sinkSaturated[0] && !once.sinkSaturated[1]);
  QVERIFY(!twice.sinkSaturated[0] && !twice.sinkSaturated[1]);
  for (int r = 0; r < once.rows; ++r) {
    for (int c = 0; c < once.cols; ++c) {
      const double rise = tempAt(once, c, r) - 20.0;
      QVERIFY(rise > 0.0);
      QVERIFY(std::fabs((tempAt(twice, c, r) - 20.0) - 2.0 * rise) < 1.0e-4 * rise + 1.0e-4);
    }
  }
  QVERIFY(std::fabs(twice.heatRemovedW - 2.0 * once.heatRemovedW) < 1.0e-6 * twice.heatInW);
}

void TestHeatMap::shortCapacitySaturatesSinks() {
  // 100 kW of racks, two 30 kW coolers: both remove exactly their capacity and the other
  // 40 kW shows as unremoved heat, with temperatures far above supply + rated ΔT.
  HeatMapInput input = smallHall();
  for (int i = 0; i < 5; ++i) {
    input.sources.append({rack(3'000 + i * 600, 2'400), 20'000.0});
  }
  input.sinks.append({rack(2'400, 2'400), 30'000.0});
  input.sinks.append({rack(6'000, 2'400), 30'000.0});
  const HeatMap map = solveHeatMap(input);
  QVERIFY(map.converged);
  QVERIFY(map.iterations >= 2);
  QVERIFY(map.sinkSaturated[0] && map.sinkSaturated[1]);
  QCOMPARE(map.sinkRemovedW[0], 30'000.0);
  QCOMPARE(map.heatRemovedW, 60'000.0);
  QVERIFY(std::fabs(map.heatUnremovedW - 40'000.0) < 1.0e-3 * 100'000.0);
  QVERIFY(balanceError(map) < 1.0e-3);
  // 40 kW through 36 W/K of leakage: a mean rise of about 1,100 K.
  QVERIFY(map.minAirTempC > 20.0 + 12.0 * 10.0);

  // Enough capacity in all, but not in the small one at the left end of the row (it would take
  // about half): it saturates at its 10 kW, the big one takes the other 90 kW.
  input.sinks[0].capacityW = 10'000.0;
  input.sinks[1].capacityW = 200'000.0;
  const HeatMap partly = solveHeatMap(input);
  QVERIFY(partly.converged);
  QCOMPARE(partly.iterations, 2);
  QVERIFY(partly.sinkSaturated[0]);
  QVERIFY(!partly.sinkSaturated[1]);
  QCOMPARE(partly.sinkRemovedW[0], 10'000.0);
  QVERIFY(std::fabs(partly.sinkRemovedW[1] - 90'000.0) < 0.01 * 90'000.0);
  QVERIFY(partly.heatUnremovedW < 0.01 * partly.heatInW);
  QVERIFY(balanceError(partly) < 1.0e-9);
}

void TestHeatMap::gridFitsTwoHundredByHundred() {
  QCOMPARE(heatMapCellMm(rectHall(120'000, 60'000)), 600.0);
  QCOMPARE(heatMapCellMm(rectHall(60'000, 120'000)), 600.0);  // long side either way
  QCOMPARE(heatMapCellMm(rectHall(100'000, 30'000)), 500.0);  // the long side decides
  QCOMPARE(heatMapCellMm(rectHall(40'000, 30'000)), 300.0);   // the short side decides
  QCOMPARE(heatMapCellMm(rectHall(101'000, 10'000)), 550.0);  // rounded up to 50 mm
  QCOMPARE(heatMapCellMm(rectHall(2'000, 1'000)), 50.0);      // never below 50 mm
  QCOMPARE(heatMapCellMm(PolygonMm{}), 0.0);
  HeatMapInput input;
  input.hallOutlineMm = rectHall(101'000, 10'000);
  input.sources.append({rack(5'000, 5'000), 1'000.0});
  const HeatMap map = solveHeatMap(input);
  QCOMPARE(map.cellMm, 550.0);
  QCOMPARE(map.cols, 184);
  QCOMPARE(map.rows, 19);
}

QTEST_APPLESS_MAIN(TestHeatMap)
#include "tst_heatmap.moc"
