// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "engine/footprint.h"
#include "fixturecatalog.h"
#include "testdesigns.h"

#include <QTest>

using namespace dc;
using namespace dc::test;

namespace {

/// The findings of an analysis other than the feed checks these racks (built without PDUs, to
/// test sums and placement) all get: "no PDU" and "high density" are tested in tst_powerfeeds.
QList<Finding> nonFeedFindings(const Analysis& analysis) {
  QList<Finding> kept;
  for (const Finding& f : analysis.findings) {
    // The cooling pass's findings on these racks are tested in tst_cooling.
    if (f.code != QLatin1String("power.no-pdu") && f.code != QLatin1String("power.high-density") &&
        !f.code.startsWith(QLatin1String("cooling."))) {
      kept.append(f);
    }
  }
  return kept;
}

const QString k42U = QStringLiteral("apc/ar3300");                 // 42U, 600 x 1200 mm
const QString k48U = QStringLiteral("conteg/ri7-48-60-120");       // 48U, 600 x 1200 mm
const QString kH100 = QStringLiteral("nvidia/dgx-h100");           // 8U, 10,200 W max, 8 GPUs
const QString kB200 = QStringLiteral("nvidia/dgx-b200");           // 10U, 14,300 W max, 8 GPUs
const QString kQm9700 = QStringLiteral("nvidia/qm9700");           // 1U, 1,720 W max, 747 W typical
const QString kPdu = QStringLiteral("generic/pdu-415v-3ph-32a");   // 0U, no power figure
const QString kNvl72 = QStringLiteral("nvidia/gb200-nvl72");       // fills its rack, no power
const QString kInRow = QStringLiteral("fixture/in-row-cooler");    // 300 x 1200 mm, 1,500 W fans
const QString kInRackCdu = QStringLiteral("fixture/in-rack-cdu");  // 4U, 800 W pumps

const QString kH100Guide = QStringLiteral("NVIDIA DGX H100/H200 User Guide, Introduction");

QString describe(const QList<Finding>& findings) {
  QStringList lines;
  for (const Finding& f : findings) {
    lines.append(findingSeverityKey(f.severity) + QStringLiteral(": ") + f.message);
  }
  return lines.join(QLatin1Char('\n'));
}

QString describe(const Figure& f) {
  return QStringLiteral("%1 %2 [%3] {%4}")
      .arg(QString::number(f.value, 'f', 6), f.unit, f.formula, f.sources.join(QLatin1Char('|')));
}

/// Everything an Analysis holds, in project order, as text: two analyses are equal exactly when
/// their dumps are.
QString dump(const Project& project, const Analysis& a) {
  QStringList lines;
  for (const Rack& rack : project.racks()) {
    const RackPower& p = a.power.racks.value(rack.id());
    lines.append(QStringLiteral("rack %1 max %2 typ %3 fromMax %4 acc %5 U %6/%7 kg %8")
                     .arg(p.rackId.toString(), describe(p.maxPowerW), describe(p.typicalPowerW))
                     .arg(p.typicalFromMaxCount)
                     .arg(p.acceleratorCount)
                     .arg(p.usedU)
                     .arg(p.usableU)
                     .arg(p.weightKg, 0, 'f', 6));
  }
  for (const HallTotals& h : a.power.halls) {
    lines.append(QStringLiteral("hall %1 racks %2 acc %3 max %4 typ %5 area %6 density %7")
                     .arg(h.hallId.toString())
                     .arg(h.rackCount)
                     .arg(h.acceleratorCount)
                     .arg(describe(h.maxPowerW), describe(h.typicalPowerW))
                     .arg(h.floorAreaM2, 0, 'f', 6)
                     .arg(h.maxPowerDensityWPerM2, 0, 'f', 6));
  }
  lines.append(QStringLiteral("project max %1 typ %2 acc %3")
                   .arg(describe(a.power.totals.itPowerW), describe(a.power.totals.itTypicalPowerW))
                   .arg(a.power.totals.acceleratorCount));
  for (const Finding& f : a.findings) {
    lines.append(QStringLiteral("finding %1 %2 %3 %4")
                     .arg(findingSeverityKey(f.severity), f.rackId().toString(),
                          f.hallId.toString(), f.message));
  }
  return lines.join(QLatin1Char('\n'));
}

qsizetype countContaining(const QList<Finding>& findings, const QString& text) {
  qsizetype n = 0;
  for (const Finding& f : findings) {
    n += f.message.contains(text) ? 1 : 0;
  }
  return n;
}

}  // namespace

class TestRackPower final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();

  void rackPower_data();
  void rackPower();
  void referenceCase14RackExceeds40kW();
  void typicalFallsBackToMaxAndSaysSo();
  void hallAndProjectTotals();
  void coolingEquipmentIsNotItLoad();
  void unknownCatalogIdIsFindingAndNotCounted();
  void unknownRackTypeIsFinding();
  void deviceWithoutPowerFigureIsWarned();
  void rackUnits_data();
  void rackUnits();
  void footprint_data();
  void footprint();
  void placement_data();
  void placement();
  void typicalStandsInForMissingMax();
  void nonRectangularHallAndObstacle();
  void analysisIsDeterministic();

 private:
  Catalog mCatalog;
  Project mProject;
  HallId mHallA;
  HallId mHallB;
};

void TestRackPower::initTestCase() {
  mCatalog = test::loadFixtureCatalog().catalog;
}

void TestRackPower::init() {
  mProject = Project();
  mHallA = HallId::create();
  mHallB = HallId::create();
  // Hall A: 12 m x 9.6 m = 115.2 m2, with a 600 x 600 mm column at x 6.0-6.6 m, y 3.0-3.6 m.
  Hall a(mHallA, QStringLiteral("Hall A"), rectangleMm(0, 0, 12'000, 9'600));
  a.setObstacles(
      {{ObstacleId::create(), QStringLiteral("C-12"), rectangleMm(6'000, 3'000, 6'600, 3'600)}});
  mProject.insertHall(-1, a);
  // Hall B: 6 m x 6 m = 36 m2.
  mProject.insertHall(-1, Hall(mHallB, QStringLiteral("Hall B"), rectangleMm(0, 0, 6'000, 6'000)));
}

// Max power: sum of the devices' maxPowerW. Typical: their typicalPowerW, or maxPowerW where the
// catalog has none. Figures from /work/shared/reference/catalog-facts.md: DGX H100 10,200 W max
// and no typical (1.1, 7); DGX B200 14,300 W max (1.1); QM9700 1,720 W max, 747 W typical (3.1).
void TestRackPower::rackPower_data() {
  QTest::addColumn<QString>("rackType");
  QTest::addColumn<QStringList>("mounts");
  QTest::addColumn<double>("maxW");
  QTest::addColumn<double>("typicalW");
  QTest::addColumn<int>("typicalFromMax");
  QTest::addColumn<int>("accelerators");
  QTest::addColumn<int>("usedU");
  QTest::addColumn<int>("usableU");

  // Reference case 14 (reference-cases.md; NVIDIA DGX SuperPOD H100 RA): 4 x 10,200 = 40,800 W.
  QTest::newRow("4x DGX H100 (reference case 14)")
      << k42U << QStringList{kH100 + "@1", kH100 + "@9", kH100 + "@17", kH100 + "@25"} << 40'800.0
      << 40'800.0 << 4 << 32 << 32 << 42;
  // catalog-facts 4.2 (DGX B200 best-practices deck): 2 per rack = 28.6 kW.
  QTest::newRow("2x DGX B200 (28.6 kW)") << k42U << QStringList{kB200 + "@1", kB200 + "@11"}
                                         << 28'600.0 << 28'600.0 << 2 << 16 << 20 << 42;
  // Same deck: 4 per rack = 57.2 kW, in a 48U rack (40 U used).
  QTest::newRow("4x DGX B200 in 48U (57.2 kW)")
      << k48U << QStringList{kB200 + "@1", kB200 + "@11", kB200 + "@21", kB200 + "@31"} << 57'200.0
      << 57'200.0 << 4 << 32 << 40 << 48;
  QTest::newRow("QM9700: typical is published")
      << k42U << QStringList{kQm9700 + "@42"} << 1'720.0 << 747.0 << 0 << 0 << 1 << 42;
  // 10,200 + 2 x 1,720 = 13,640 W max; 10,200 (no typical) + 2 x 747 = 11,694 W typical.
  QTest::newRow("DGX H100 + 2x QM9700")
      << k42U << QStringList{kH100 + "@1", kQm9700 + "@41", kQm9700 + "@42"} << 13'640.0 << 11'694.0
      << 1 << 8 << 10 << 42;
  QTest::newRow("empty 42U rack") << k42U << QStringList{} << 0.0 << 0.0 << 0 << 0 << 0 << 42;
  QTest::newRow("zero-U PDU takes no unit") << k48U << QStringList{kPdu + "@1", kH100 + "@1"}
                                            << 10'200.0 << 10'200.0 << 1 << 8 << 8 << 48;
  // GB200 NVL72: 72 GPUs (DGX GB200 user guide); no NVIDIA per-rack kW, so none is counted.
  QTest::newRow("GB200 NVL72 rack-scale system")
      << kNvl72 << QStringList{} << 0.0 << 0.0 << 0 << 72 << 0 << 0;
}

void TestRackPower::rackPower() {
  QFETCH(QString, rackType);
  QFETCH(QStringList, mounts);
  QFETCH(double, maxW);
  QFETCH(double, typicalW);
  QFETCH(int, typicalFromMax);
  QFETCH(int, accelerators);
  QFETCH(int, usedU);
  QFETCH(int, usableU);

  const Rack rack = makeRack(mHallA, QStringLiteral("R01"), rackType, {900, 1'200}, mounts);
  QList<Finding> findings;
  const RackPower power = analyzeRackPower(rack, mCatalog, findings);
  QCOMPARE(power.rackId, rack.id());
  QCOMPARE(power.maxPowerW.value, maxW);
  QCOMPARE(power.maxPowerW.unit, QStringLiteral("W"));
  QCOMPARE(power.typicalPowerW.value, typicalW);
  QCOMPARE(power.typicalPowerW.unit, QStringLiteral("W"));
  QCOMPARE(power.typicalFromMaxCount, typicalFromMax);
  QCOMPARE(power.acceleratorCount, accelerators);
  QCOMPARE(power.usedU, usedU);
  QCOMPARE(power.usableU, usableU);
  QVERIFY(!power.maxPowerW.formula.isEmpty());
  QCOMPARE(countContaining(findings, QStringLiteral("unknown")), 0);
  QCOMPARE(countContaining(findings, QStringLiteral("overlaps")), 0);
  QCOMPARE(countContaining(findings, QStringLiteral("extends above")), 0);
}

// Reference case 14 (/work/shared/reference/reference-cases.md), source: NVIDIA DGX SuperPOD
// H100 RA p.7, "power consumption per rack exceeds 40 kW", with DGX H100 at 10,200 W max (DGX
// H100 user guide): 4 x 10,200 W = 40,800 W, tolerance 1 %, and the rack must exceed 40 kW.
void TestRackPower::referenceCase14RackExceeds40kW() {
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("R01"), k42U, {900, 1'200},
                                   {kH100 + "@1", kH100 + "@9", kH100 + "@17", kH100 + "@25"}));
  const Analysis analysis = analyze(mProject, mCatalog);
  const RackPower& rack = analysis.power.racks.value(mProject.racks().first().id());
  QVERIFY(qAbs(rack.maxPowerW.value - 40'800.0) <= 0.01 * 40'800.0);
  QCOMPARE(rack.maxPowerW.value, 40'800.0);  // exact: catalog arithmetic, no rounding
  QVERIFY(rack.maxPowerW.value > 40'000.0);
  QCOMPARE(rack.maxPowerW.sources, QStringList{kH100Guide});
  QCOMPARE(rack.acceleratorCount, 32);
  // The rack itself weighs 134.09 kg (NetBox AR3300) plus 4 x 130.45 kg (DGX H100 max) = 655.89.
  QCOMPARE(rack.weightKg, 655.89);
}

void TestRackPower::typicalFallsBackToMaxAndSaysSo() {
  const Rack rack = makeRack(mHallA, QStringLiteral("R01"), k42U, {900, 1'200},
                             {kH100 + "@1", kH100 + "@9", kQm9700 + "@42"});
  QList<Finding> findings;
  const RackPower power = analyzeRackPower(rack, mCatalog, findings);
  // 2 x 10,200 (max used as typical) + 747 = 21,147 W.
  QCOMPARE(power.typicalPowerW.value, 21'147.0);
  QCOMPARE(power.typicalFromMaxCount, 2);
  QVERIFY2(power.typicalPowerW.formula.contains(QLatin1String("2 devices")),
           qPrintable(power.typicalPowerW.formula));
  QVERIFY(power.typicalPowerW.sources.contains(kH100Guide));
  QCOMPARE(power.typicalPowerW.sources.size(), 2);  // DGX H100 guide and QM9700 manual
  QVERIFY2(findings.isEmpty(), qPrintable(describe(findings)));
}

// Hall A: 4x DGX H100 (40,800 W) + 2x DGX B200 (28,600 W) = 69,400 W max and typical (both fall
// back to max); 48 GPUs; 69,400 W / 115.2 m2 = 602.430556 W/m2.
// Hall B: 1x QM9700: 1,720 W max, 747 W typical; 1,720 / 36 = 47.777778 W/m2.
// Project: 71,120 W max, 70,147 W typical, 48 GPUs.
void TestRackPower::hallAndProjectTotals() {
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A01"), k42U, {900, 1'200},
                                   {kH100 + "@1", kH100 + "@9", kH100 + "@17", kH100 + "@25"}));
  mProject.insertRack(
      -1, makeRack(mHallB, QStringLiteral("B01"), k42U, {900, 1'200}, {kQm9700 + "@42"}));
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A02"), k42U, {1'500, 1'200},
                                   {kB200 + "@1", kB200 + "@11"}));
  const Analysis analysis = analyze(mProject, mCatalog);
  QVERIFY2(nonFeedFindings(analysis).isEmpty(), qPrintable(describe(nonFeedFindings(analysis))));
  QCOMPARE(analysis.power.halls.size(), 2);
  QCOMPARE(analysis.power.halls[0].hallId, mHallA);  // project order
  QCOMPARE(analysis.power.halls[1].hallId, mHallB);

  const HallTotals* a = analysis.power.hall(mHallA);
  QVERIFY(a);
  QCOMPARE(a->rackCount, 2);
  QCOMPARE(a->acceleratorCount, 48);
  QCOMPARE(a->maxPowerW.value, 69'400.0);
  QCOMPARE(a->typicalPowerW.value, 69'400.0);
  QCOMPARE(a->floorAreaM2, 115.2);
  QVERIFY(qAbs(a->maxPowerDensityWPerM2 - 602.430556) < 1e-6);
  QCOMPARE(a->maxPowerW.sources,
           (QStringList{kH100Guide, QStringLiteral("NVIDIA DGX B200 User Guide, Introduction")}));

  const HallTotals* b = analysis.power.hall(mHallB);
  QVERIFY(b);
  QCOMPARE(b->rackCount, 1);
  QCOMPARE(b->acceleratorCount, 0);
  QCOMPARE(b->maxPowerW.value, 1'720.0);
  QCOMPARE(b->typicalPowerW.value, 747.0);
  QCOMPARE(b->floorAreaM2, 36.0);
  QVERIFY(qAbs(b->maxPowerDensityWPerM2 - 47.777778) < 1e-6);

  QCOMPARE(analysis.power.totals.itPowerW.value, 71'120.0);
  QCOMPARE(analysis.power.totals.itTypicalPowerW.value, 70'147.0);
  QCOMPARE(analysis.power.totals.acceleratorCount, 48);
  QCOMPARE(analysis.power.totals.itPowerW.sources.size(), 3);
  QVERIFY(!analysis.power.hall(HallId::create()));
}

// An in-row cooler in a rack position and a CDU mounted in a rack draw power for fans and pumps:
// that is facility load, kept apart from the IT load a hall is sized for (formulas.md 1.8: PUE =
// facility power / IT power, so counting fans as IT would understate PUE and overstate IT kW).
// Rack A01: 2x DGX H100 (20,400 W IT) + a 4U CDU (800 W); position A02: a cooler (1,500 W).
void TestRackPower::coolingEquipmentIsNotItLoad() {
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A01"), k42U, {900, 1'200},
                                   {kH100 + "@1", kH100 + "@9", kInRackCdu + "@17"}));
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A02"), kInRow, {1'350, 1'200}));
  const Analysis analysis = analyze(mProject, mCatalog);
  QVERIFY2(nonFeedFindings(analysis).isEmpty(), qPrintable(describe(nonFeedFindings(analysis))));

  const RackPower& rack = analysis.power.racks.value(mProject.racks().at(0).id());
  QCOMPARE(rack.maxPowerW.value, 20'400.0);
  QCOMPARE(rack.typicalPowerW.value, 20'400.0);
  QCOMPARE(rack.typicalFromMaxCount, 2);  // the CDU is not counted in the IT typical sum either
  QCOMPARE(rack.coolingEquipmentPowerW.value, 800.0);
  QCOMPARE(rack.usedU, 20);  // the CDU still takes its 4 U

  const RackPower& cooler = analysis.power.racks.value(mProject.racks().at(1).id());
  QCOMPARE(cooler.maxPowerW.value, 0.0);
  QCOMPARE(cooler.coolingEquipmentPowerW.value, 1'500.0);
  QCOMPARE(cooler.weightKg, 250.0);

  const HallTotals* a = analysis.power.hall(mHallA);
  QVERIFY(a);
  QCOMPARE(a->rackCount, 1);
  QCOMPARE(a->coolingUnitCount, 1);
  QCOMPARE(a->maxPowerW.value, 20'400.0);
  QCOMPARE(a->coolingEquipmentPowerW.value, 2'300.0);
  QCOMPARE(analysis.power.totals.itPowerW.value, 20'400.0);
  QCOMPARE(analysis.power.totals.coolingEquipmentPowerW.value, 2'300.0);
  QCOMPARE(analysis.power.totals.rackCount, 1);
  QCOMPARE(analysis.power.totals.coolingUnitCount, 1);

  // A selection of both: one rack, one cooling unit, the rack's IT power only.
  const RackSetTotals selected =
      analysis.power.totalsOf({mProject.racks().at(0).id(), mProject.racks().at(1).id()});
  QCOMPARE(selected.rackCount, 1);
  QCOMPARE(selected.coolingUnitCount, 1);
  QCOMPARE(selected.maxPowerW, 20'400.0);
}

void TestRackPower::unknownCatalogIdIsFindingAndNotCounted() {
  const Rack rack = makeRack(mHallA, QStringLiteral("R07"), k42U, {900, 1'200},
                             {QStringLiteral("nvidia/dgx-h999@1"), kH100 + "@9"});
  mProject.insertRack(-1, rack);
  const Analysis analysis = analyze(mProject, mCatalog);
  const RackPower& power = analysis.power.racks.value(rack.id());
  QCOMPARE(power.maxPowerW.value, 10'200.0);  // only the DGX H100
  QCOMPARE(power.acceleratorCount, 8);
  QCOMPARE(power.usedU, 8);
  QVERIFY2(nonFeedFindings(analysis).size() == 1, qPrintable(describe(nonFeedFindings(analysis))));
  const Finding finding = nonFeedFindings(analysis).first();
  QCOMPARE(finding.severity, Finding::Severity::Error);
  QCOMPARE(finding.rackId(), rack.id());
  QCOMPARE(finding.hallId, mHallA);
  QVERIFY(finding.message.contains(QLatin1String("nvidia/dgx-h999")));
  QVERIFY(finding.message.contains(QLatin1String("R07")));
  QVERIFY(finding.message.contains(QLatin1String("not counted")));
}

void TestRackPower::unknownRackTypeIsFinding() {
  const Rack rack = makeRack(mHallA, QStringLiteral("R08"), QStringLiteral("acme/rack-99"),
                             {900, 1'200}, {kH100 + "@1"});
  mProject.insertRack(-1, rack);
  const Analysis analysis = analyze(mProject, mCatalog);
  QCOMPARE(analysis.power.racks.value(rack.id()).maxPowerW.value, 10'200.0);
  QCOMPARE(analysis.power.racks.value(rack.id()).usableU, 0);
  QVERIFY2(nonFeedFindings(analysis).size() == 1, qPrintable(describe(nonFeedFindings(analysis))));
  QCOMPARE(nonFeedFindings(analysis).first().severity, Finding::Severity::Error);
  QCOMPARE(nonFeedFindings(analysis).first().rackId(), rack.id());
  QVERIFY(nonFeedFindings(analysis).first().message.contains(QLatin1String("acme/rack-99")));
}

void TestRackPower::deviceWithoutPowerFigureIsWarned() {
  // The fixture GB200 NVL72 publishes no rack power: counted as 0 W, with one warning for the
  // catalog item that names every rack it stands in (not one warning per rack).
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("N01"), kNvl72, {900, 1'200}));
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("N02"), kNvl72, {1'500, 1'200}));
  const Analysis analysis = analyze(mProject, mCatalog);
  QCOMPARE(analysis.power.racks.value(mProject.racks().first().id()).maxPowerW.value, 0.0);
  QVERIFY2(nonFeedFindings(analysis).size() == 1, qPrintable(describe(nonFeedFindings(analysis))));
  QCOMPARE(nonFeedFindings(analysis).first().severity, Finding::Severity::Warning);
  QCOMPARE(nonFeedFindings(analysis).first().rackId(), mProject.racks().first().id());
  QVERIFY(
      nonFeedFindings(analysis).first().message.contains(QLatin1String("no published max power")));
  QVERIFY(nonFeedFindings(analysis).first().message.contains(
      QLatin1String("counted as 0 W (racks: N01, N02)")));
}

void TestRackPower::typicalStandsInForMissingMax() {
  // QM9700 without its max figure: 747 W typical (catalog-facts 3.1) is then counted in the max
  // sum too, so max is never below typical, and the finding says so.
  Catalog catalog = mCatalog;
  CatalogItem switchItem = *catalog.find(kQm9700);
  switchItem.figures.remove(QStringLiteral("maxPowerW"));
  catalog.addOrReplace(switchItem);
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("N01"), k42U, {900, 1'200},
                                   {kQm9700 + "@40", kQm9700 + "@41"}));
  const Analysis analysis = analyze(mProject, catalog);
  const RackPower& power = analysis.power.racks.value(mProject.racks().first().id());
  QCOMPARE(power.maxPowerW.value, 2 * 747.0);
  QCOMPARE(power.typicalPowerW.value, 2 * 747.0);
  QVERIFY2(nonFeedFindings(analysis).size() == 1,
           qPrintable(describe(nonFeedFindings(analysis))));  // one per item
  QVERIFY(nonFeedFindings(analysis).first().message.contains(
      QLatin1String("its typical 747 W is counted as max (rack: N01)")));
}

// U spans: a device at U`n` of height h occupies n .. n + h - 1 (DGX H100 8U, DGX B200 10U).
void TestRackPower::rackUnits_data() {
  QTest::addColumn<QString>("rackType");
  QTest::addColumn<QStringList>("mounts");
  QTest::addColumn<int>("overflows");
  QTest::addColumn<int>("overlaps");

  QTest::newRow("B200 at U33 fills U33-U42 exactly")
      << k42U << QStringList{kB200 + "@33"} << 0 << 0;
  QTest::newRow("B200 at U34 ends at U43 > 42") << k42U << QStringList{kB200 + "@34"} << 1 << 0;
  QTest::newRow("B200 at U39 in 48U fits") << k48U << QStringList{kB200 + "@39"} << 0 << 0;
  QTest::newRow("QM9700 at U43 in 42U") << k42U << QStringList{kQm9700 + "@43"} << 1 << 0;
  QTest::newRow("H100 at U1 and U9 are adjacent")
      << k42U << QStringList{kH100 + "@1", kH100 + "@9"} << 0 << 0;
  QTest::newRow("H100 at U1 and U8 share U8")
      << k42U << QStringList{kH100 + "@1", kH100 + "@8"} << 0 << 1;
  QTest::newRow("three H100 at U1, U5, U9")
      << k42U << QStringList{kH100 + "@1", kH100 + "@5", kH100 + "@9"} << 0 << 2;
  QTest::newRow("zero-U PDUs never overlap")
      << k42U << QStringList{kPdu + "@1", kPdu + "@1"} << 0 << 0;
  QTest::newRow("overflow and overlap")
      << k42U << QStringList{kH100 + "@36", kQm9700 + "@40"} << 1 << 1;
}

void TestRackPower::rackUnits() {
  QFETCH(QString, rackType);
  QFETCH(QStringList, mounts);
  QFETCH(int, overflows);
  QFETCH(int, overlaps);

  const Rack rack = makeRack(mHallA, QStringLiteral("R01"), rackType, {900, 1'200}, mounts);
  QList<Finding> findings;
  analyzeRackPower(rack, mCatalog, findings);
  QCOMPARE(countContaining(findings, QStringLiteral("extends above")), qsizetype(overflows));
  QCOMPARE(countContaining(findings, QStringLiteral("overlaps")), qsizetype(overlaps));
  for (const Finding& f : findings) {
    if (f.message.contains(QLatin1String("extends above")) ||
        f.message.contains(QLatin1String("overlaps"))) {
      QCOMPARE(f.severity, Finding::Severity::Error);
      QCOMPARE(f.rackId(), rack.id());
    }
  }
}

void TestRackPower::footprint_data() {
  QTest::addColumn<QString>("rackType");
  QTest::addColumn<int>("rotationDeg");
  QTest::addColumn<qint64>("x0");
  QTest::addColumn<qint64>("y0");
  QTest::addColumn<qint64>("x1");
  QTest::addColumn<qint64>("y1");

  // Centre (900, 1200), 600 wide, 1200 deep.
  QTest::newRow("600x1200 at 0") << k42U << 0 << qint64(600) << qint64(600) << qint64(1'200)
                                 << qint64(1'800);
  QTest::newRow("600x1200 at 180")
      << k42U << 180 << qint64(600) << qint64(600) << qint64(1'200) << qint64(1'800);
  QTest::newRow("600x1200 at 90") << k42U << 90 << qint64(300) << qint64(900) << qint64(1'500)
                                  << qint64(1'500);
  QTest::newRow("unknown type: empty") << QStringLiteral("acme/none") << 0 << qint64(900)
                                       << qint64(1'200) << qint64(900) << qint64(1'200);
}

void TestRackPower::footprint() {
  QFETCH(QString, rackType);
  QFETCH(int, rotationDeg);
  QFETCH(qint64, x0);
  QFETCH(qint64, y0);
  QFETCH(qint64, x1);
  QFETCH(qint64, y1);
  const Rack rack =
      makeRack(mHallA, QStringLiteral("R01"), rackType, {900, 1'200}, {}, rotationDeg);
  const RectMm r = rackFootprintMm(rack, mCatalog);
  QCOMPARE(qint64(r.x0Mm), x0);
  QCOMPARE(qint64(r.y0Mm), y0);
  QCOMPARE(qint64(r.x1Mm), x1);
  QCOMPARE(qint64(r.y1Mm), y1);
}

// Racks are 600 x 1200 mm (AR3300), centres given; hall A is 0..12000 x 0..9600 with column C-12
// at 6000..6600 x 3000..3600. Footprints that only touch do not overlap.
void TestRackPower::placement_data() {
  QTest::addColumn<QList<PointMm>>("centresMm");
  QTest::addColumn<QList<int>>("rotationsDeg");
  QTest::addColumn<int>("outside");
  QTest::addColumn<int>("overlapping");
  QTest::addColumn<int>("onObstacle");

  QTest::newRow("flush in the corner")
      << QList<PointMm>{{300, 600}} << QList<int>{0} << 0 << 0 << 0;
  QTest::newRow("flush in the far corner")
      << QList<PointMm>{{11'700, 9'000}} << QList<int>{0} << 0 << 0 << 0;
  QTest::newRow("100 mm past the right wall")
      << QList<PointMm>{{11'800, 600}} << QList<int>{0} << 1 << 0 << 0;
  QTest::newRow("wholly outside") << QList<PointMm>{{-5'000, -5'000}} << QList<int>{0} << 1 << 0
                                  << 0;
  QTest::newRow("turned 90 past the bottom wall")
      << QList<PointMm>{{6'000, 9'300}} << QList<int>{90} << 0 << 0 << 0;
  QTest::newRow("turned 0 past the bottom wall")
      << QList<PointMm>{{6'000, 9'300}} << QList<int>{0} << 1 << 0 << 0;
  QTest::newRow("side by side in a row")
      << QList<PointMm>{{900, 1'200}, {1'500, 1'200}} << QList<int>{0, 0} << 0 << 0 << 0;
  QTest::newRow("300 mm overlap") << QList<PointMm>{{900, 1'200}, {1'200, 1'200}}
                                  << QList<int>{0, 0} << 0 << 1 << 0;
  QTest::newRow("same spot") << QList<PointMm>{{900, 1'200}, {900, 1'200}} << QList<int>{0, 0} << 0
                             << 1 << 0;
  QTest::newRow("turned rack crosses a neighbour")
      << QList<PointMm>{{900, 1'200}, {1'700, 1'200}} << QList<int>{0, 90} << 0 << 1 << 0;
  QTest::newRow("three in one spot: three pairs")
      << QList<PointMm>{{900, 1'200}, {900, 1'200}, {900, 1'200}} << QList<int>{0, 0, 0} << 0 << 3
      << 0;
  QTest::newRow("on the column") << QList<PointMm>{{6'300, 3'600}} << QList<int>{0} << 0 << 0 << 1;
  QTest::newRow("touching the column")
      << QList<PointMm>{{5'700, 3'600}} << QList<int>{0} << 0 << 0 << 0;
}

void TestRackPower::placement() {
  QFETCH(QList<PointMm>, centresMm);
  QFETCH(QList<int>, rotationsDeg);
  QFETCH(int, outside);
  QFETCH(int, overlapping);
  QFETCH(int, onObstacle);

  for (qsizetype i = 0; i < centresMm.size(); ++i) {
    mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("R%1").arg(i + 1), k42U, centresMm[i],
                                     {}, rotationsDeg[i]));
  }
  const QList<Finding> findings = validatePlacement(mProject, mCatalog);
  QCOMPARE(countContaining(findings, QStringLiteral("outside hall Hall A")), qsizetype(outside));
  QCOMPARE(countContaining(findings, QStringLiteral("overlaps rack")), qsizetype(overlapping));
  QCOMPARE(countContaining(findings, QStringLiteral("stands on obstacle C-12")),
           qsizetype(onObstacle));
  QVERIFY2(findings.size() == outside + overlapping + onObstacle, qPrintable(describe(findings)));
  for (const Finding& f : findings) {
    QCOMPARE(f.severity, Finding::Severity::Error);
    QVERIFY(mProject.findRack(f.rackId()));
    QCOMPARE(f.hallId, mHallA);
  }
}

void TestRackPower::nonRectangularHallAndObstacle() {
  // A U-shaped hall: 12 m wide, 9 m deep, with a 600 mm wide notch (a shaft, x 5.7-6.3 m) cut
  // 6 m deep from the top. All four corners of a 1200 mm rack spanning the notch lie on the
  // floor; its middle does not, so a corner test alone would miss it.
  Project project;
  const HallId hallId = HallId::create();
  Hall hall(hallId, QStringLiteral("U hall"),
            PolygonMm{{0, 0},
                      {5'700, 0},
                      {5'700, 6'000},
                      {6'300, 6'000},
                      {6'300, 0},
                      {12'000, 0},
                      {12'000, 9'000},
                      {0, 9'000}});
  // An L-shaped obstacle whose bounding box (x 9-11 m, y 6.5-8.5 m) covers (10.5, 7.0) but whose
  // floor area does not: the L's arms are x 9-9.6 m and y 8-8.5 m.
  hall.setObstacles({{ObstacleId::create(), QStringLiteral("L-duct"),
                      PolygonMm{{9'000, 6'500},
                                {9'600, 6'500},
                                {9'600, 8'000},
                                {11'000, 8'000},
                                {11'000, 8'500},
                                {9'000, 8'500}}}});
  project.insertHall(-1, hall);
  // 600 x 1200 mm racks turned 90°: 1200 wide, 600 deep.
  project.insertRack(-1, makeRack(hallId, QStringLiteral("Across"), k42U, {6'000, 300}, {}, 90));
  project.insertRack(-1, makeRack(hallId, QStringLiteral("Inside"), k42U, {2'000, 300}, {}, 90));
  project.insertRack(-1, makeRack(hallId, QStringLiteral("NearL"), k42U, {10'400, 7'000}, {}, 90));
  project.insertRack(-1, makeRack(hallId, QStringLiteral("OnL"), k42U, {9'300, 7'000}, {}, 0));
  const QList<Finding> findings = validatePlacement(project, mCatalog);
  QCOMPARE(countContaining(findings, QStringLiteral("Rack Across stands partly or wholly outside")),
           qsizetype(1));
  QCOMPARE(countContaining(findings, QStringLiteral("Rack OnL stands on obstacle L-duct")),
           qsizetype(1));
  QVERIFY2(findings.size() == 2, qPrintable(describe(findings)));
}

void TestRackPower::analysisIsDeterministic() {
  // A design with something of everything: power, fallbacks, unknown ids, U and floor problems.
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A01"), k42U, {900, 1'200},
                                   {kH100 + "@1", kH100 + "@9", kQm9700 + "@42", kPdu + "@1"}));
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A02"), k42U, {1'200, 1'200},
                                   {kB200 + "@1", kB200 + "@5"}));
  mProject.insertRack(-1, makeRack(mHallA, QStringLiteral("A03"), k48U, {6'300, 3'600},
                                   {QStringLiteral("acme/gone@3")}));
  mProject.insertRack(-1, makeRack(mHallB, QStringLiteral("B01"), kNvl72, {5'900, 600}));
  mProject.insertRack(
      -1, makeRack(mHallB, QStringLiteral("B02"), k42U, {2'100, 1'200}, {kB200 + "@40"}, 90));

  const Project copy = mProject;  // the snapshot a worker thread would get
  const Analysis first = analyze(mProject, mCatalog);
  const Analysis second = analyze(mProject, mCatalog);
  const Analysis onCopy = analyze(copy, mCatalog);
  const QString expected = dump(mProject, first);
  QCOMPARE(dump(mProject, second), expected);
  QCOMPARE(dump(copy, onCopy), expected);
  QCOMPARE(first.power.racks.size(), mProject.racks().size());
  QVERIFY2(first.findings.size() >= 6, qPrintable(describe(first.findings)));
}

QTEST_GUILESS_MAIN(TestRackPower)
#include "tst_rackpower.moc"
