// SPDX-License-Identifier: GPL-3.0-or-later
// The cooling pass against published figures: airflow for 1 kW and for a DGX H100 rack
// (reference cases 19, 20), coolant flow per kW for water and PG25 (case 21), the ASHRAE air and
// liquid classes (case 22); then the recommendation, the rear door, condensation, loops with
// redundancy, the CDU loss, PUE by architecture and bad input, on the shipped catalog.
// Expected values are worked out by hand in the comments.
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "engine/cooling/coolingphysics.h"
#include "testdesigns.h"

#include <QTest>

#include <algorithm>
#include <cmath>

using namespace dc;
using namespace dc::test;

namespace {

const QString kRack = QStringLiteral("conteg/ri7-48-60-120");        // 48U, 600 × 1200 mm
const QString kH100 = QStringLiteral("nvidia/dgx-h100");             // 10.2 kW, air-cooled, 8U
const QString kGb200 = QStringLiteral("nvidia/dgx-gb200-nvl72");     // 150 kW, hybrid, 0.85 liquid
const QString kRubin = QStringLiteral("nvidia/vera-rubin-nvl72");    // 227 kW, W45, ≤ 45 °C
const QString kXdu1350 = QStringLiteral("vertiv/xdu1350");           // 1,350 kW, 20 L/s, 4 K
const QString kCdu600 = QStringLiteral("vertiv/coolchip-cdu-600");   // 600 kW at 4 K
const QString kInRow29 = QStringLiteral("stulz/cyberrow-crs320cw");  // 29.1 kW in-row cooler
const QString kCrah143 = QStringLiteral("schneider/uniflair-hdcv5300f-ht");  // 143.3 kW CRAH
const QString kCl20 = QStringLiteral("usystems/coldlogik-cl20-c8-42u");  // active, 30 kW at 15 °C

bool near(double actual, double expected, double relTol) {
  return std::abs(actual - expected) <= std::abs(expected) * relTol;
}

QStringList codes(const QList<Finding>& findings,
                  const QString& prefix = QStringLiteral("cooling.")) {
  QStringList list;
  for (const Finding& f : findings) {
    if (f.code.startsWith(prefix)) {
      list.append(f.code);
    }
  }
  return list;
}

QString describe(const QList<Finding>& findings) {
  QStringList lines;
  for (const Finding& f : findings) {
    lines.append(f.code + QStringLiteral(": ") + f.message);
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace

class TestCooling final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();

  void referenceCase19AirflowForOneKilowatt();
  void referenceCase20AirflowForADgxH100Rack();
  void referenceCase21LiquidFlowPerKilowatt();
  void referenceCase22AshraeClasses();
  void airRackOverTheLimitGetsARearDoorRecommendation();
  void rearDoorIsDeratedToTheChilledWater();
  void rearDoorFedBelowTheDewPointCondenses();
  void rackScaleSystemInAnAirOnlyHall();
  void hallWithNoCoolingAtAll();
  void airZoneOverloadNamesTheZone();
  void cduLoopWithNPlusOneHoldsTheLossOfOneCdu();
  void cduLoopWithoutSpareOverheatsWhenOneIsLost();
  void modeTheHardwareDoesNotSupportIsAnError();
  void coolantTooWarmForTheDevice();
  void pueByArchitectureFeedsFacilityPower();
  void badInputBecomesFindings();
  void identicalRacksGiveOneFinding();
  void doorWithUnpublishedRatingIsDeratedAboveTheReferenceWater();
  void worstCduLossIsFoundAcrossLoops();

 private:
  Rack rack(const QString& name, PointMm at, const QString& item, int count, int heightU,
            CoolingMode mode = CoolingMode::Air) {
    Rack r(RackId::create(), mHall, kRack, at, 0);
    r.setName(name);
    r.setCoolingMode(mode);
    for (int i = 0; i < count; ++i) {
      r.insertMount(-1, Mount{MountId::create(), item, 3 + i * heightU, PowerFeed::None, {}, {}});
    }
    mProject.insertRack(-1, r);
    return r;
  }
  Rack system(const QString& name, PointMm at, const QString& type,
              CoolingMode mode = CoolingMode::DirectToChip) {
    Rack r(RackId::create(), mHall, type, at, 0);
    r.setName(name);
    r.setCoolingMode(mode);
    mProject.insertRack(-1, r);
    return r;
  }
  CoolingUnit unit(const QString& name, const QString& item, PointMm at, CoolingLoopId loop = {}) {
    CoolingUnit u{CoolingUnitId::create(), mHall, name, item, at, 0, loop};
    mProject.insertCoolingUnit(-1, u);
    return u;
  }
  CoolingLoop loop(const QString& name, CoolingLoopKind kind, Redundancy redundancy) {
    CoolingLoop l{CoolingLoopId::create(), mHall, name, kind, redundancy};
    mProject.insertCoolingLoop(-1, l);
    return l;
  }
  void set(const char* key, double value) {
    DesignAssumptions a = mProject.assumptions();
    a.setValue(QString::fromLatin1(key), value);
    mProject.setAssumptions(a);
  }
  void choose(const char* key, const char* choice) {
    DesignAssumptions a = mProject.assumptions();
    a.setChoice(QString::fromLatin1(key), QString::fromLatin1(choice));
    mProject.setAssumptions(a);
  }
  Analysis run(FailureScenario failure = {}) const {
    return analyze(DesignSnapshot{mProject, mCatalog.catalog, mProject.assumptions(), failure});
  }

  CatalogLoadResult mCatalog;
  Project mProject;
  HallId mHall;
};

void TestCooling::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  for (const CatalogProblem& problem : mCatalog.problems) {
    QVERIFY2(problem.severity != CatalogProblem::Severity::Error, qPrintable(problem.toString()));
  }
  for (const QString& id :
       {kRack, kH100, kGb200, kRubin, kXdu1350, kCdu600, kInRow29, kCrah143, kCl20}) {
    QVERIFY2(mCatalog.catalog.find(id), qPrintable(id));
  }
}

void TestCooling::init() {
  mProject = Project();
  mHall = HallId::create();
  mProject.insertHall(-1, Hall(mHall, QStringLiteral("Hall A"), rectangleMm(30'000, 20'000)));
}

void TestCooling::referenceCase19AirflowForOneKilowatt() {
  // Reference case 19 (Innovative Research; InsideHPC/Dell): 1 kW at ΔT 20 °F (11.1 K), sea
  // level: 154 CFM (constant 1.1) to 158 CFM (3.16 · W / ΔT_°F), ±3 %; SI 269 m³/h.
  const double m3s = cooling::airflowM3PerS(1000.0, 20.0 / 1.8, 0.0);
  const double cfm = m3s * cooling::kCubicMetresPerSecondToCfm;
  QVERIFY2(near(cfm, 158.0, 0.03) && near(cfm, 154.0, 0.03 + 0.03),
           qPrintable(QString::number(cfm)));
  QVERIFY(near(m3s * 3600.0, 269.0, 0.03));
  // At 6,000 ft (1,829 m, 0.80 atm): × 1.25 → 193–198 CFM.
  const double high = cooling::airflowM3PerS(1000.0, 20.0 / 1.8, 6000 * 0.3048) *
                      cooling::kCubicMetresPerSecondToCfm;
  QVERIFY2(high >= 193.0 && high <= 198.0, qPrintable(QString::number(high)));
  QVERIFY(near(cooling::pressureRatio(600.0), 0.931, 0.005));  // facts-power-cooling §9 table
}

void TestCooling::referenceCase20AirflowForADgxH100Rack() {
  // Reference case 20: 40.8 kW (4 × DGX H100, case 14) at ΔT 20 °F → 6,447 CFM (≈ 10,950 m³/h);
  // at ΔT 15 K → 8,120 m³/h; ±1 %.
  QVERIFY(
      near(cooling::airflowM3PerS(40'800.0, 20.0 / 1.8, 0) * cooling::kCubicMetresPerSecondToCfm,
           6447.0, 0.01));
  QVERIFY(near(cooling::airflowM3PerS(40'800.0, 15.0, 0) * 3600.0, 8120.0, 0.01));
  // Through the engine: the rack's heat is its IT max power, all of it to air.
  set(assumption::kAirDeltaTK, 20.0 / 1.8);
  const Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 4, 9);
  const RackCooling rc = run().cooling.racks.value(r.id());
  QCOMPARE(rc.heatW.value, 40'800.0);
  QCOMPARE(rc.heatToLiquidW.value, 0.0);
  QCOMPARE(rc.heatToAirW.value, 40'800.0);
  QVERIFY2(near(rc.airflowCfm, 6447.0, 0.01), qPrintable(QString::number(rc.airflowCfm)));
  QVERIFY(near(rc.airflowM3PerH.value, 10'950.0, 0.01));
}

void TestCooling::referenceCase21LiquidFlowPerKilowatt() {
  // Reference case 21: water at ΔT 10 K → 1.44 L/min per kW, 5 K → 2.88 (±1 %); PG25 at 10 K
  // → ≈ 1.49 (±5 %); a 120 kW NVL72 rack at 85 % capture on PG25, 10 K → ≈ 152 L/min (±5 %).
  const double water = cooling::coolantRhoCp(QStringLiteral("water"));
  const double pg25 = cooling::coolantRhoCp(QStringLiteral("pg25"));
  QVERIFY(near(cooling::coolantFlowLps(1000.0, water, 10.0) * 60.0, 1.44, 0.01));
  QVERIFY(near(cooling::coolantFlowLps(1000.0, water, 5.0) * 60.0, 2.88, 0.01));
  QVERIFY(near(cooling::coolantFlowLps(1000.0, pg25, 10.0) * 60.0, 1.49, 0.05));
  QVERIFY(near(cooling::coolantFlowLps(120'000.0 * 0.85, pg25, 10.0) * 60.0, 152.0, 0.05));
  // Through the engine: DGX GB200 NVL72 at its catalog 150 kW (1.2 MW per 8-rack SU, NVIDIA
  // GB200 SuperPOD RA) × 0.85 = 127.5 kW to liquid; PG25 at 10 K: 127,500 / (4.003e6 × 10) ×
  // 1000 = 3.185 L/s = 191.1 L/min.
  const Rack r = system(QStringLiteral("N01"), {1'000, 1'000}, kGb200);
  unit(QStringLiteral("CDU-1"), kXdu1350, {5'000, 5'000});
  const RackCooling rc = run().cooling.racks.value(r.id());
  QCOMPARE(rc.heatW.value, 150'000.0);
  QVERIFY(near(rc.heatToLiquidW.value, 127'500.0, 1e-9));
  QVERIFY(near(rc.heatToAirW.value, 22'500.0, 1e-9));
  QVERIFY2(near(rc.coolantFlowLps.value, 127'500.0 / (4.003e6 * 10.0) * 1000.0, 1e-9),
           qPrintable(QString::number(rc.coolantFlowLps.value)));
  QCOMPARE(rc.devices.size(), 1);  // the rack-scale system itself, per device
  QCOMPARE(rc.devices.first().catalogId, kGb200);
  QVERIFY(near(rc.devices.first().liquidW, 127'500.0, 1e-9));
  QCOMPARE(rc.devices.first().fraction, 0.85);
  QVERIFY(!rc.devices.first().fractionAssumed);
  QCOMPARE(rc.recommended, CoolingOption::DirectToChip);
  QVERIFY2(rc.reason.contains(QStringLiteral("85 % (127.5 kW) to cold plates")),
           qPrintable(rc.reason));
}

void TestCooling::referenceCase22AshraeClasses() {
  // Reference case 22 (ASHRAE TC 9.9 2021): recommended 18–27 °C for A1–A4; allowable A1 15–32,
  // A2 10–35, A3 5–40, A4 5–45; H1 18–22 / 5–25; W17/W27/W32/W40/W45; EXACT.
  cooling::AirClass a1, a2, a3, a4, h1;
  QVERIFY(cooling::airClass(QStringLiteral("a1"), &a1) &&
          cooling::airClass(QStringLiteral("A2"), &a2) &&
          cooling::airClass(QStringLiteral("a3"), &a3) &&
          cooling::airClass(QStringLiteral("a4"), &a4) &&
          cooling::airClass(QStringLiteral("h1"), &h1));
  QCOMPARE(a1.recommendedMinC, 18.0);
  QCOMPARE(a4.recommendedMaxC, 27.0);
  QCOMPARE(a1.allowableMaxC, 32.0);
  QCOMPARE(a2.allowableMinC, 10.0);
  QCOMPARE(a3.allowableMaxC, 40.0);
  QCOMPARE(a4.allowableMaxC, 45.0);
  QCOMPARE(h1.recommendedMaxC, 22.0);
  QCOMPARE(h1.allowableMaxC, 25.0);
  QCOMPARE(cooling::facilityClassFor(35.0), QStringLiteral("W40"));  // needs W40 or higher
  QCOMPARE(cooling::facilityClassFor(17.0), QStringLiteral("W17"));
  QCOMPARE(cooling::facilityClassFor(46.0), QStringLiteral("W+"));
  QCOMPARE(cooling::facilityClassMaxC(QStringLiteral("w32")), 32.0);
  // Inlet 30 °C: violates "recommended", OK for A1 allowable.
  rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 2, 9);
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  set(assumption::kSupplyAirTempC, 30.0);
  QStringList found = codes(run().findings);
  QVERIFY2(found.contains(QStringLiteral("cooling.inlet-outside-recommended")),
           qPrintable(found.join(',')));
  QVERIFY(!found.contains(QStringLiteral("cooling.inlet-outside-allowable")));
  // 33 °C fails A1 …
  set(assumption::kSupplyAirTempC, 33.0);
  found = codes(run().findings);
  QVERIFY(found.contains(QStringLiteral("cooling.inlet-outside-allowable")));
  // … and the DGX H100, rated to 30 °C inlet air, says so.
  QVERIFY(found.contains(QStringLiteral("cooling.inlet-too-warm")));
  // … but is OK for A2.
  choose(assumption::kInletClass, "a2");
  found = codes(run().findings);
  QVERIFY(!found.contains(QStringLiteral("cooling.inlet-outside-allowable")));
  QVERIFY(found.contains(QStringLiteral("cooling.inlet-outside-recommended")));
  // Facility water 35 °C in a W32 facility: the class cannot deliver it.
  set(assumption::kFacilityWaterSupplyC, 35.0);
  const Analysis a = run();
  const QList<Finding> w = a.findingsWithCode(QStringLiteral("cooling.facility-water-above-class"));
  QCOMPARE(w.size(), 1);
  QVERIFY2(w.first().message.contains(QStringLiteral("needs W40")), qPrintable(w.first().message));
}

void TestCooling::airRackOverTheLimitGetsARearDoorRecommendation() {
  // 4 × DGX H100 = 40.8 kW of air heat against the default 30 kW air limit (formulas §1.7):
  // an error on the air-cooled rack, and a rear door recommended: passive doors first, the
  // smallest that holds it; the Vertiv Liebert DCD50 (passive, 50 kW): margin (50 − 40.8) / 50
  // = 18.4 %.
  const Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 4, 9);
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const Analysis a = run();
  const RackCooling rc = a.cooling.racks.value(r.id());
  QCOMPARE(rc.recommended, CoolingOption::RearDoorPassive);
  QVERIFY(near(rc.marginPct, 18.4, 1e-6));
  QVERIFY2(rc.reason.startsWith(QStringLiteral("40.8 kW: over the design's 30.0 kW air limit; a "
                                               "passive rear door rated 50.0 kW")),
           qPrintable(rc.reason));
  QVERIFY(rc.reason.contains(QStringLiteral("18 % margin")));
  QVERIFY(!rc.modeHolds);
  const QList<Finding> over = a.findingsWithCode(QStringLiteral("cooling.air-limit-exceeded"));
  QCOMPARE(over.size(), 1);
  QCOMPARE(over.first().subject, ObjectRef::rack(r.id()));
  QCOMPARE(over.first().measured->value, 40'800.0);
  QCOMPARE(over.first().limit->value, 30'000.0);
  // Raising the hall's air limit to 41 kW ("~41 kW with perfect containment") clears it.
  set(assumption::kAirLimitW, 41'000.0);
  const Analysis b = run();
  QVERIFY(b.findingsWithCode(QStringLiteral("cooling.air-limit-exceeded")).isEmpty());
  QCOMPARE(b.cooling.racks.value(r.id()).recommended, CoolingOption::AirContainment);
}

void TestCooling::rearDoorIsDeratedToTheChilledWater() {
  // ColdLogik CL20 (active) is rated 30 kW at 15 °C water. Supply air 24 °C + ΔT 11.1 K =
  // exhaust 35.1 °C; at the default 18 °C water: 30 × (35.1 − 18) / (35.1 − 15) = 25.52 kW. The
  // 40.8 kW rack leaves 15.28 kW to the room: within the air limit, but the door is overloaded.
  Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 4, 9, CoolingMode::RearDoor);
  r.setRearDoorId(kCl20);
  *mProject.findRack(r.id()) = r;
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const Analysis a = run();
  const RackCooling rc = a.cooling.racks.value(r.id());
  const double expected = 30'000.0 * (35.1 - 18.0) / (35.1 - 15.0);
  QVERIFY2(near(rc.rearDoorCapacityW.value, expected, 1e-9),
           qPrintable(QString::number(rc.rearDoorCapacityW.value)));
  QVERIFY(near(rc.heatToDoorW.value, expected, 1e-9));
  QVERIFY(near(rc.heatToRoomW.value, 40'800.0 - expected, 1e-9));
  QVERIFY(a.findingsWithCode(QStringLiteral("cooling.air-limit-exceeded")).isEmpty());
  QCOMPARE(a.findingsWithCode(QStringLiteral("cooling.rear-door-overload")).size(), 1);
  QVERIFY(rc.modeHolds);
  // Colder water, more capacity, never above the rating: at 12 °C the drive gives 34.5 kW → 30.
  set(assumption::kChilledWaterSupplyC, 12.0);
  set(assumption::kRoomDewPointC, 8.0);
  QCOMPARE(run().cooling.racks.value(r.id()).rearDoorCapacityW.value, 30'000.0);
}

void TestCooling::rearDoorFedBelowTheDewPointCondenses() {
  // Room dew point 15 °C (ASHRAE recommended limit): water must be ≥ 17 °C (HPE: 2 K above).
  Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 2, 9, CoolingMode::RearDoor);
  r.setRearDoorId(kCl20);
  *mProject.findRack(r.id()) = r;
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  QVERIFY(run().findingsWithCode(QStringLiteral("cooling.condensation-risk")).isEmpty());  // 18 °C
  set(assumption::kChilledWaterSupplyC, 14.0);
  const QList<Finding> wet = run().findingsWithCode(QStringLiteral("cooling.condensation-risk"));
  QCOMPARE(wet.size(), 1);
  QCOMPARE(wet.first().severity, Finding::Severity::Error);
  QCOMPARE(wet.first().measured->value, 14.0);
  QCOMPARE(wet.first().limit->value, 17.0);
  QCOMPARE(wet.first().related, QList<ObjectRef>{ObjectRef::rack(r.id())});
}

void TestCooling::rackScaleSystemInAnAirOnlyHall() {
  // A 150 kW DGX GB200 NVL72 set to air in a hall with only in-row coolers: it is liquid-cooled
  // by design (error), its 127.5 kW of cold-plate heat has no CDU (error), and the
  // recommendation is direct-to-chip.
  const Rack r = system(QStringLiteral("N01"), {1'000, 1'000}, kGb200, CoolingMode::Air);
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const Analysis a = run();
  const QStringList found = codes(a.findings);
  QVERIFY2(found.contains(QStringLiteral("cooling.mode-unsupported")),
           qPrintable(describe(a.findings)));
  const QList<Finding> unserved = a.findingsWithCode(QStringLiteral("cooling.liquid-unserved"));
  QCOMPARE(unserved.size(), 1);
  QVERIFY(near(unserved.first().measured->value, 127'500.0, 1e-9));
  QCOMPARE(unserved.first().related, QList<ObjectRef>{ObjectRef::rack(r.id())});
  const RackCooling rc = a.cooling.racks.value(r.id());
  QCOMPARE(rc.recommended, CoolingOption::DirectToChip);
  QCOMPARE(rc.liquidLoopIndex, -1);
  QVERIFY(!rc.modeHolds);
}

void TestCooling::hallWithNoCoolingAtAll() {
  const Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 2, 9);
  const Analysis a = run();
  const QList<Finding> none = a.findingsWithCode(QStringLiteral("cooling.no-air-cooling"));
  QCOMPARE(none.size(), 1);
  QCOMPARE(none.first().measured->value, 20'400.0);
  QCOMPARE(a.cooling.racks.value(r.id()).airZoneIndex, -1);
  QVERIFY(a.cooling.loops.isEmpty());
}

void TestCooling::airZoneOverloadNamesTheZone() {
  // 12 racks of 4 DGX H100 = 489.6 kW of air heat (each within a 41 kW air limit) against one
  // STULZ CyberRow CRS320CW in-row cooler of 29.1 kW: the zone is overloaded, named.
  set(assumption::kAirLimitW, 41'000.0);
  for (int i = 0; i < 12; ++i) {
    rack(QStringLiteral("R%1").arg(i + 1), {600 * i + 300, 1'000}, kH100, 4, 9);
  }
  const CoolingLoop zone = loop(QStringLiteral("Zone A"), CoolingLoopKind::Air, Redundancy::N);
  unit(QStringLiteral("C01"), kInRow29, {600 * 13, 1'000}, zone.id);
  const Analysis a = run();
  const QList<Finding> over = a.findingsWithCode(QStringLiteral("cooling.air-zone-overload"));
  QCOMPARE(over.size(), 1);
  QCOMPARE(over.first().subject, ObjectRef::coolingLoop(zone.id));
  QCOMPARE(over.first().measured->value, 489'600.0);
  QCOMPARE(over.first().limit->value, 29'100.0);
  QVERIFY2(over.first().message.contains(QStringLiteral("Air zone Zone A carries 489.6 kW")),
           qPrintable(over.first().message));
  const LoopLoad* z = a.cooling.loop(zone.id);
  QCOMPARE(z->rackCount, 12);
  QCOMPARE(z->unitsRequired, 17);  // ⌈489.6 / 29.1⌉ with N
}

void TestCooling::cduLoopWithNPlusOneHoldsTheLossOfOneCdu() {
  // 8 × DGX GB200 NVL72 (the GB200 SU): 8 × 127.5 = 1,020 kW to liquid; two Vertiv XDU1350
  // (1,350 kW each) as N+1: usable 1,350 kW ≥ 1,020 (75.6 %); flow 8 × 3.185 = 25.5 L/s against
  // 20 L/s usable (one unit's 1,200 L/min at 2.5 bar): short of flow.
  const CoolingLoop l = loop(QStringLiteral("Loop 1"), CoolingLoopKind::Liquid, Redundancy::NPlus1);
  for (int i = 0; i < 8; ++i) {
    system(QStringLiteral("N%1").arg(i + 1), {600 * i + 300, 1'000}, kGb200);
  }
  const CoolingUnit cdu1 = unit(QStringLiteral("CDU-1"), kXdu1350, {6'000, 4'000}, l.id);
  unit(QStringLiteral("CDU-2"), kXdu1350, {7'200, 4'000}, l.id);
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  unit(QStringLiteral("C02"), kCrah143, {12'000, 10'000});
  const Analysis a = run();
  const LoopLoad* loopLoad = a.cooling.loop(l.id);
  QVERIFY(near(loopLoad->loadW.value, 1'020'000.0, 1e-9));
  QCOMPARE(loopLoad->installedCapacityW.value, 2'700'000.0);
  QCOMPARE(loopLoad->usableCapacityW.value, 1'350'000.0);
  QVERIFY(near(loopLoad->loadingPct, 1020.0 / 1350.0 * 100.0, 1e-9));
  QCOMPARE(loopLoad->unitsRequired, 2);
  QCOMPARE(loopLoad->flowCapacityLps.value, 20.0);
  QVERIFY(near(loopLoad->flowLps.value, 8 * 127'500.0 / 4.003e7 * 1000.0, 1e-9));
  // 25.5 L/s is within the 40 L/s of both units but over the 20 L/s of one: a warning, and
  // losing one CDU leaves the capacity (1,350 ≥ 1,020 kW) but 20 / 25.5 = 78 % of the flow: the
  // racks go down, flow-limited.
  QVERIFY(a.findingsWithCode(QStringLiteral("cooling.cdu-flow-short")).isEmpty());
  const QList<Finding> flowLost =
      a.findingsWithCode(QStringLiteral("cooling.flow-redundancy-lost"));
  QVERIFY(std::count_if(flowLost.cbegin(), flowLost.cend(), [&](const Finding& f) {
            return f.subject == ObjectRef::coolingLoop(l.id);
          }) == 1);
  QVERIFY(a.findingsWithCode(QStringLiteral("cooling.cdu-overload")).isEmpty());
  const Analysis short1 = run({FailureScenario::Kind::Cdu, PowerFeed::None, {}, cdu1.id});
  QCOMPARE(short1.failure().down, 8);
  QVERIFY2(short1.failure()
               .racks.value(mProject.racks().first().id())
               .reason.contains(QStringLiteral("flow-limited")),
           qPrintable(short1.failure().racks.value(mProject.racks().first().id()).reason));
  // At a 13 K coolant rise the racks need 8 × 127.5 / (4.003 × 13) = 19.6 L/s: one XDU1350's
  // 20 L/s carries it. One CDU lost (named, then the worst loss found): every rack holds.
  set(assumption::kLiquidDeltaTK, 13.0);
  for (const Finding& f : run().findingsWithCode(QStringLiteral("cooling.flow-redundancy-lost"))) {
    QVERIFY(f.subject != ObjectRef::coolingLoop(l.id));
  }
  for (const CoolingUnitId& lost : {cdu1.id, CoolingUnitId()}) {
    const Analysis f = run({FailureScenario::Kind::Cdu, PowerFeed::None, {}, lost});
    QCOMPARE(f.failure().scenario.kind, FailureScenario::Kind::Cdu);
    QCOMPARE(f.failure().holds, 8 + 0);
    QCOMPARE(f.failure().down, 0);
    QVERIFY2(f.failure().description.startsWith(QStringLiteral("CDU CDU-")),
             qPrintable(f.failure().description));
  }
}

void TestCooling::cduLoopWithoutSpareOverheatsWhenOneIsLost() {
  // The same 1,020 kW on two CoolChip CDU 600 run as N (1,200 kW, 85 %): losing one leaves 600
  // kW = 59 % of the load: every rack on the loop goes down; racks elsewhere hold.
  const CoolingLoop l = loop(QStringLiteral("Loop 1"), CoolingLoopKind::Liquid, Redundancy::N);
  for (int i = 0; i < 8; ++i) {
    system(QStringLiteral("N%1").arg(i + 1), {600 * i + 300, 1'000}, kGb200);
  }
  const Rack air = rack(QStringLiteral("R01"), {600 * 10, 8'000}, kH100, 2, 9);
  unit(QStringLiteral("CDU-1"), kCdu600, {6'000, 4'000}, l.id);
  unit(QStringLiteral("CDU-2"), kCdu600, {7'200, 4'000}, l.id);
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  unit(QStringLiteral("C02"), kCrah143, {12'000, 10'000});
  const Analysis normal = run();
  QVERIFY(normal.findingsWithCode(QStringLiteral("cooling.cdu-overload")).isEmpty());
  const Analysis f = run({FailureScenario::Kind::Cdu, PowerFeed::None, {}, {}});
  QCOMPARE(f.failure().down, 8);
  QCOMPARE(f.failure().racks.value(air.id()).verdict, RackVerdict::Holds);
  const QList<Finding> over = f.findingsWithCode(QStringLiteral("cooling.failure-cdu-overload"));
  QCOMPARE(over.size(), 1);
  QCOMPARE(over.first().limit->value, 600'000.0);
  // The CLI's and the power pass's failure stay apart: no power failure was simulated.
  QCOMPARE(f.power.failure.scenario.kind, FailureScenario::Kind::None);
  // One CRAH of the N+1 air zone lost: 143.3 kW left for 20.4 + 8 × 22.5 kW = 200.4 kW.
  const Analysis crah = run({FailureScenario::Kind::Crah, PowerFeed::None, {}, {}});
  QVERIFY(crah.failure().down > 0);
}

void TestCooling::modeTheHardwareDoesNotSupportIsAnError() {
  // Direct-to-chip on an air-cooled DGX H100; a rear door on a GB200 NVL72 (no provision).
  const Rack dtc =
      rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 2, 9, CoolingMode::DirectToChip);
  Rack nvl =
      system(QStringLiteral("N01"), {3'000, 1'000}, kGb200, CoolingMode::DirectToChipRearDoor);
  nvl.setRearDoorId(kCl20);
  *mProject.findRack(nvl.id()) = nvl;
  unit(QStringLiteral("CDU-1"), kXdu1350, {5'000, 5'000});
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const Analysis a = run();
  const QList<Finding> mode = a.findingsWithCode(QStringLiteral("cooling.mode-unsupported"));
  QCOMPARE(mode.size(), 1);
  QCOMPARE(mode.first().subject, ObjectRef::rack(dtc.id()));
  QVERIFY2(mode.first().message.contains(QStringLiteral("DGX H100 is air-cooled")),
           qPrintable(mode.first().message));
  const QList<Finding> door = a.findingsWithCode(QStringLiteral("cooling.rear-door-unsupported"));
  QCOMPARE(door.size(), 1);
  QCOMPARE(door.first().subject, ObjectRef::rack(nvl.id()));
  QCOMPARE(a.cooling.racks.value(nvl.id()).heatToDoorW.value, 0.0);  // the door is ignored
}

void TestCooling::coolantTooWarmForTheDevice() {
  // Vera Rubin NVL72 accepts PG25 up to 45 °C (published thermal model; class W45). Facility
  // water 42 °C + the XDU1350's 4 K approach = 46 °C: too warm. At 40 °C (44 °C) it is fine.
  choose(assumption::kFacilityWaterClass, "w45");
  set(assumption::kFacilityWaterSupplyC, 42.0);
  system(QStringLiteral("V01"), {1'000, 1'000}, kRubin);
  unit(QStringLiteral("CDU-1"), kXdu1350, {5'000, 5'000});
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const QList<Finding> warm = run().findingsWithCode(QStringLiteral("cooling.coolant-too-warm"));
  QCOMPARE(warm.size(), 1);
  QCOMPARE(warm.first().measured->value, 46.0);
  QCOMPARE(warm.first().limit->value, 45.0);
  set(assumption::kFacilityWaterSupplyC, 40.0);
  QVERIFY(run().findingsWithCode(QStringLiteral("cooling.coolant-too-warm")).isEmpty());
  QVERIFY(run().findingsWithCode(QStringLiteral("cooling.facility-class-mismatch")).isEmpty());
}

void TestCooling::pueByArchitectureFeedsFacilityPower() {
  // One GB200 NVL72: 85 % of its heat to liquid, 15 % to room air. PUE = 1 + 0.85 × 0.093 +
  // 0.15 × 0.118 = 1.09675 (LBNL 2024 Fig. 4.4 medians); facility power = 150 kW × PUE.
  system(QStringLiteral("N01"), {1'000, 1'000}, kGb200);
  unit(QStringLiteral("CDU-1"), kXdu1350, {5'000, 5'000});
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const Analysis a = run();
  QVERIFY2(near(a.cooling.totals.pue.value, 1.09675, 1e-9),
           qPrintable(QString::number(a.cooling.totals.pue.value, 'f', 6)));
  QVERIFY(near(a.power.totals.pue.value, 1.09675, 1e-9));
  // Energy follows the annual estimate; utility and generators the peak PUE (1.3): LBNL's
  // medians are annual means, not the design day.
  QVERIFY(near(a.power.totals.facilityDesignPowerW.value,
               a.power.totals.itDesignPowerW.value * 1.09675, 1e-9));
  QVERIFY(near(a.power.totals.facilityPowerW.value, 150'000.0 * 1.3, 1e-9));
  QCOMPARE(a.power.totals.peakPue.value, 1.3);
  // Fixed: the PUE assumption (1.3) as before.
  choose(assumption::kPueMode, "fixed");
  QCOMPARE(run().power.totals.pue.value, 1.3);
  // The CDU's and CRAH's own input power is facility load in the hall's cooling equipment.
  QCOMPARE(run().power.halls.first().coolingUnitCount, 2);
  // The CRAH publishes a typical 6.4 kW of fan power (no max); the XDU1350 no power at all.
  QCOMPARE(run().power.halls.first().coolingEquipmentPowerW.value, 6'400.0);
}

void TestCooling::badInputBecomesFindings() {
  // A negative ΔT read from a file: an assumption finding, the default used; a loop with no CDU
  // names the loop; a rear door id not in the catalog names the rack; a unit that is no cooling
  // unit names the unit.
  DesignAssumptions bad;
  bad.setValueUnchecked(QString::fromLatin1(assumption::kAirDeltaTK), -5.0);
  mProject.setAssumptions(bad);
  Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 2, 9);
  r.setRearDoorId(QStringLiteral("acme/no-such-door"));
  *mProject.findRack(r.id()) = r;
  const CoolingLoop empty =
      loop(QStringLiteral("Loop 9"), CoolingLoopKind::Liquid, Redundancy::NPlus1);
  const CoolingUnit wrong = unit(QStringLiteral("X1"), kH100, {9'000, 9'000});
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  const Analysis a = run();
  const QList<Finding> invalid = a.findingsWithCode(QStringLiteral("assumption.invalid"));
  QCOMPARE(invalid.size(), 1);
  QCOMPARE(invalid.first().subject.key, QString::fromLatin1(assumption::kAirDeltaTK));
  QVERIFY(a.cooling.racks.value(r.id()).airflowM3PerH.value > 0);  // the default 11.1 K used
  const QList<Finding> noUnit = a.findingsWithCode(QStringLiteral("cooling.loop-no-unit"));
  QCOMPARE(noUnit.size(), 1);
  QCOMPARE(noUnit.first().subject, ObjectRef::coolingLoop(empty.id));
  QVERIFY(noUnit.first().message.contains(QStringLiteral("CDU loop Loop 9 has no CDU")));
  const QList<Finding> door = a.findingsWithCode(QStringLiteral("cooling.rear-door-unknown"));
  QCOMPARE(door.size(), 1);
  QVERIFY(door.first().message.contains(QStringLiteral("acme/no-such-door")));
  const QList<Finding> unitBad = a.findingsWithCode(QStringLiteral("cooling.unit-unknown"));
  QCOMPARE(unitBad.size(), 1);
  QCOMPARE(unitBad.first().subject, ObjectRef::coolingUnit(wrong.id));
  // Deterministic.
  QCOMPARE(codes(run().findings, {}), codes(a.findings, {}));
}

void TestCooling::identicalRacksGiveOneFinding() {
  // 30 racks of 4 DGX H100 over the air limit: one finding naming the 30 racks, not 30.
  for (int i = 0; i < 30; ++i) {
    rack(QStringLiteral("R%1").arg(i + 1, 2, 10, QLatin1Char('0')),
         {600 * (i % 20) + 300, 1'000 + 2'400 * (i / 20)}, kH100, 4, 9);
  }
  unit(QStringLiteral("C01"), kCrah143, {20'000, 10'000});
  const QList<Finding> over = run().findingsWithCode(QStringLiteral("cooling.air-limit-exceeded"));
  QCOMPARE(over.size(), 1);
  QCOMPARE(over.first().related.size(), 29);
  QVERIFY2(over.first().message.startsWith(QStringLiteral("Racks R01, R02")),
           qPrintable(over.first().message));
  QVERIFY(over.first().message.contains(QStringLiteral("(30 alike) sends 40.8 kW to room air")));
}

void TestCooling::doorWithUnpublishedRatingIsDeratedAboveTheReferenceWater() {
  // The Motivair ChilledDoor publishes 75 kW with no water temperature: taken as rated at 18 °C
  // (IBM's class-1 minimum). At 18 °C it gives 75 kW; at 30 °C, (35.1 − 30) / (35.1 − 18) × 75 =
  // 22.4 kW; water at or above the 35.1 °C exhaust removes nothing.
  Rack r = rack(QStringLiteral("R01"), {1'000, 1'000}, kH100, 4, 9, CoolingMode::RearDoor);
  r.setRearDoorId(QStringLiteral("motivair/chilleddoor"));
  *mProject.findRack(r.id()) = r;
  unit(QStringLiteral("C01"), kCrah143, {10'000, 10'000});
  QCOMPARE(run().cooling.racks.value(r.id()).rearDoorCapacityW.value, 75'000.0);
  set(assumption::kChilledWaterSupplyC, 30.0);
  QVERIFY(near(run().cooling.racks.value(r.id()).rearDoorCapacityW.value,
               75'000.0 * (35.1 - 30.0) / (35.1 - 18.0), 1e-9));
  set(assumption::kChilledWaterSupplyC, 36.0);
  QCOMPARE(run().cooling.racks.value(r.id()).rearDoorCapacityW.value, 0.0);
}

void TestCooling::worstCduLossIsFoundAcrossLoops() {
  // Loop A (N, 2 × 600 kW) carries 6 NVL72 = 765 kW; loop B (N+1, 3 × 600 kW) 8 = 1,020 kW. By
  // loading B looks worse (85 % vs 64 %), but losing a unit of A leaves 600 / 765 = 78 %, of B
  // 1,200 / 1,020: "one CDU lost" must pick A.
  const CoolingLoop a = loop(QStringLiteral("A"), CoolingLoopKind::Liquid, Redundancy::N);
  const CoolingLoop b = loop(QStringLiteral("B"), CoolingLoopKind::Liquid, Redundancy::NPlus1);
  for (int i = 0; i < 6; ++i) {
    Rack n = system(QStringLiteral("A%1").arg(i + 1), {600 * i + 300, 1'000}, kGb200);
    n.setLiquidLoopId(a.id);
    *mProject.findRack(n.id()) = n;
  }
  for (int i = 0; i < 8; ++i) {
    Rack n = system(QStringLiteral("B%1").arg(i + 1), {600 * i + 300, 6'000}, kGb200);
    n.setLiquidLoopId(b.id);
    *mProject.findRack(n.id()) = n;
  }
  for (int i = 0; i < 2; ++i) {
    unit(QStringLiteral("CDU-A%1").arg(i + 1), kCdu600, {5'000 + 1'200 * i, 3'000}, a.id);
  }
  for (int i = 0; i < 3; ++i) {
    unit(QStringLiteral("CDU-B%1").arg(i + 1), kCdu600, {5'000 + 1'200 * i, 8'000}, b.id);
  }
  unit(QStringLiteral("C01"), kCrah143, {20'000, 10'000});
  unit(QStringLiteral("C02"), kCrah143, {20'000, 14'000});
  const Analysis f = run({FailureScenario::Kind::Cdu, PowerFeed::None, {}, {}});
  QVERIFY2(f.failure().description.startsWith(QStringLiteral("CDU CDU-A")),
           qPrintable(f.failure().description));
  QCOMPARE(f.failure().down, 6);
  QCOMPARE(f.failure().holds, 8);
}

QTEST_GUILESS_MAIN(TestCooling)
#include "tst_cooling.moc"
