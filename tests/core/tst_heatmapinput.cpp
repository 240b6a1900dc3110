// SPDX-License-Identifier: GPL-3.0-or-later
// The heat-map input of a hall, built from the model and the cooling result: racks as sources
// with the heat they leave in the room, air cooling units as sinks at their catalog capacity,
// CDUs and other halls left out, the supply air and ceiling from the assumptions and the hall.
#include "engine/analyze.h"
#include "engine/cooling/heatmapinput.h"
#include "fixturecatalog.h"
#include "testdesigns.h"

#include <QTest>

using namespace dc;
using namespace dc::test;

namespace {
const QString k42U = QStringLiteral("apc/ar3300");               // 600 x 1200 mm
const QString kInRow = QStringLiteral("fixture/in-row-cooler");  // 300 x 1200 mm, 40 kW

CoolingUnit unitAt(HallId hall, const QString& name, const QString& catalogId, PointMm atMm,
                   int rotationDeg = 0) {
  CoolingUnit unit;
  unit.id = CoolingUnitId::create();
  unit.hallId = hall;
  unit.name = name;
  unit.catalogId = catalogId;
  unit.positionMm = atMm;
  unit.rotationDeg = rotationDeg;
  return unit;
}
}  // namespace

class TestHeatMapInput final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void racksAreSourcesAndAirUnitsAreSinks();
  void unknownHallGivesAnEmptyInput();
  void solvedMapRemovesTheRoomHeat();

 private:
  Catalog mCatalog;
};

void TestHeatMapInput::initTestCase() {
  mCatalog = loadFixtureCatalog().catalog;
  CatalogItem cdu;
  cdu.id = QStringLiteral("test/floor-cdu");
  cdu.vendor = QStringLiteral("Test");
  cdu.model = QStringLiteral("Floor CDU");
  cdu.kind = ItemKind::Cdu;
  cdu.figures.insert(QStringLiteral("coolingUnit.capacityW"), SpecValue{600'000.0});
  mCatalog.addOrReplace(cdu);
}

void TestHeatMapInput::racksAreSourcesAndAirUnitsAreSinks() {
  Project project;
  const HallId hall = HallId::create();
  const HallId other = HallId::create();
  Hall a(hall, QStringLiteral("Hall A"), rectangleMm(12'000, 9'000));
  a.setCeilingHeightMm(5'000);
  project.insertHall(-1, a);
  project.insertHall(-1, Hall(other, QStringLiteral("Hall B"), rectangleMm(6'000, 6'000)));
  const Rack r1 = makeRack(hall, QStringLiteral("R01"), k42U, {2'700, 3'000});
  const Rack r2 = makeRack(hall, QStringLiteral("R02"), k42U, {3'300, 3'000}, {}, 90);
  const Rack cold = makeRack(hall, QStringLiteral("R03"), k42U, {3'900, 3'000});
  const Rack elsewhere = makeRack(other, QStringLiteral("B01"), k42U, {900, 1'200});
  for (const Rack& r : {r1, r2, cold, elsewhere}) {
    project.insertRack(-1, r);
  }
  project.insertCoolingUnit(-1, unitAt(hall, QStringLiteral("C01"), kInRow, {4'350, 3'000}, 90));
  project.insertCoolingUnit(
      -1, unitAt(hall, QStringLiteral("CDU-1"), QStringLiteral("test/floor-cdu"), {9'000, 7'000}));
  project.insertCoolingUnit(-1, unitAt(other, QStringLiteral("C01"), kInRow, {3'000, 3'000}));

  Analysis analysis;
  analysis.assumptions.setValue(QString::fromLatin1(assumption::kSupplyAirTempC), 24.0);
  // What the cooling pass left in the room: R01 all of its 30 kW, R02 6 kW after its cold
  // plates, R03 none (its door took it all), B01 in the other hall 10 kW.
  analysis.cooling.racks[r1.id()].heatToRoomW.value = 30'000.0;
  analysis.cooling.racks[r2.id()].heatToRoomW.value = 6'000.0;
  analysis.cooling.racks[cold.id()].heatToRoomW.value = 0.0;
  analysis.cooling.racks[elsewhere.id()].heatToRoomW.value = 10'000.0;

  const HeatMapInput input = heatMapInputFor(project, mCatalog, analysis, hall);
  QCOMPARE(input.hallOutlineMm, a.outlineMm());
  QCOMPARE(input.ceilingHeightM, 5.0);
  QCOMPARE(input.supplyAirTempC, 24.0);
  QCOMPARE(input.sources.size(), 2);  // R03 adds nothing; B01 is in another hall
  QCOMPARE(input.sources[0].footprintMm, (RectMm{2'400, 2'400, 3'000, 3'600}));
  QCOMPARE(input.sources[0].heatToAirW, 30'000.0);
  QCOMPARE(input.sources[1].footprintMm, (RectMm{2'700, 2'700, 3'900, 3'300}));  // turned 90°
  QCOMPARE(input.sources[1].heatToAirW, 6'000.0);
  // The in-row cooler (turned: 1200 x 300) is a sink at its 40 kW; the CDU takes no room air.
  QCOMPARE(input.sinks.size(), 1);
  QCOMPARE(input.sinks[0].footprintMm, (RectMm{3'750, 2'850, 4'950, 3'150}));
  QCOMPARE(input.sinks[0].capacityW, 40'000.0);
  QVERIFY(std::isnan(input.sinks[0].supplyAirTempC));  // the input's supply air

  const HeatMapInput b = heatMapInputFor(project, mCatalog, analysis, other);
  QCOMPARE(b.sources.size(), 1);
  QCOMPARE(b.sources[0].heatToAirW, 10'000.0);
  QCOMPARE(b.sinks.size(), 1);
}

void TestHeatMapInput::unknownHallGivesAnEmptyInput() {
  const HeatMapInput input = heatMapInputFor(Project(), mCatalog, Analysis(), HallId::create());
  QVERIFY(input.hallOutlineMm.isEmpty());
  QVERIFY(input.sources.isEmpty() && input.sinks.isEmpty());
}

// End to end with the engine: one 20 kW-to-room rack and a 40 kW cooler; the solved map puts
// the rack's room heat on the floor and the cooler removes most of it.
void TestHeatMapInput::solvedMapRemovesTheRoomHeat() {
  Project project;
  const HallId hall = HallId::create();
  project.insertHall(-1, Hall(hall, QStringLiteral("Hall A"), rectangleMm(12'000, 9'000)));
  const Rack r1 = makeRack(hall, QStringLiteral("R01"), k42U, {2'700, 3'000},
                           {QStringLiteral("nvidia/dgx-h100@1")});
  project.insertRack(-1, r1);
  project.insertCoolingUnit(-1, unitAt(hall, QStringLiteral("C01"), kInRow, {3'150, 3'000}));
  const Analysis analysis = analyze(project, mCatalog);
  const auto cooling = analysis.cooling.racks.constFind(r1.id());
  QVERIFY(cooling != analysis.cooling.racks.cend());
  QVERIFY(cooling->heatToRoomW.value > 0);
  const HeatMapInput input = heatMapInputFor(project, mCatalog, analysis, hall);
  QCOMPARE(input.sources.size(), 1);
  QCOMPARE(input.sources[0].heatToAirW, cooling->heatToRoomW.value);
  const HeatMap map = solveHeatMap(input);
  QVERIFY(map.converged);
  QVERIFY(qAbs(map.heatInW - cooling->heatToRoomW.value) < 1.0);
  QVERIFY(map.heatRemovedW > 0.9 * map.heatInW);
  QVERIFY(map.maxAirTempC > input.supplyAirTempC);
}

QTEST_GUILESS_MAIN(TestHeatMapInput)
#include "tst_heatmapinput.moc"
