// SPDX-License-Identifier: GPL-3.0-or-later
// The power pass against published figures: circuit capacities (reference cases 12, 13), the
// DGX H100 rack (case 14), PSU redundancy of the DGX H100 (4+2) and DGX B200 (5+1), phase
// balancing, the 2N / distributed-redundant rule, busway and UPS loading, 800 VDC, energy, the
// failure simulation and bad input. Expected values are worked out by hand in the comments.
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "engine/power/electrical.h"
#include "storage/projectfile.h"
#include "templates/templateloader.h"
#include "testdesigns.h"

#include <QTest>

#include <cmath>
#include <numbers>

using namespace dc;
using namespace dc::test;

namespace {

constexpr double kSqrt3 = std::numbers::sqrt3;
const QString kRack = QStringLiteral("conteg/ri7-48-60-120");       // 48U, 600 × 1200 mm
const QString kH100 = QStringLiteral("nvidia/dgx-h100");            // 10.2 kW, 6 × 3.3 kW, 4+2
const QString kB200 = QStringLiteral("nvidia/dgx-b200");            // 14.3 kW, 6 × 3.3 kW, 5+1
const QString kServer = QStringLiteral("fixture/server-1kw-2psu");  // 1 kW, 2 × 1.1 kW, 1+1
const QString kPdu415x32 = QStringLiteral("fixture/pdu-415v-32a");
const QString kPdu415x63 = QStringLiteral("fixture/pdu-415v-63a");

/// A PDU mount on `feed`, plugged into `upstream` (or nothing).
Mount pdu(const QString& item, PowerFeed feed, PowerNodeId upstream = {}) {
  return Mount{MountId::create(), item, 1, feed, upstream, {}};
}

/// `count` devices of `item` stacked from U3, `heightU` apart.
QList<Mount> devices(const QString& item, int count, int heightU) {
  QList<Mount> mounts;
  for (int i = 0; i < count; ++i) {
    mounts.append(Mount{MountId::create(), item, 3 + i * heightU, PowerFeed::None, {}, {}});
  }
  return mounts;
}

Rack rackWith(HallId hall, const QString& name, PointMm at, const QList<Mount>& mounts) {
  Rack rack(RackId::create(), hall, kRack, at, 0);
  rack.setName(name);
  for (const Mount& m : mounts) {
    rack.insertMount(-1, m);
  }
  return rack;
}

PowerNode node(HallId hall, const QString& name, PowerNodeKind kind, PowerFeed feed,
               PowerNodeId upstream = {}) {
  PowerNode n;
  n.id = PowerNodeId::create();
  n.hallId = hall;
  n.name = name;
  n.kind = kind;
  n.feed = feed;
  n.upstreamId = upstream;
  return n;
}

QStringList codes(const QList<Finding>& findings) {
  QStringList list;
  for (const Finding& f : findings) {
    list.append(f.code);
  }
  return list;
}

/// The power pass's findings only: these tests are about power; the cooling pass's findings on
/// the same designs are tested in tst_cooling, the workload-fit pass's (the templates' pools) in
/// tst_workloadpass and tst_templates.
QList<Finding> powerFindings(const QList<Finding>& findings) {
  QList<Finding> list;
  for (const Finding& f : findings) {
    if (!f.code.startsWith(QLatin1String("cooling.")) &&
        !f.code.startsWith(QLatin1String("fit."))) {
      list.append(f);
    }
  }
  return list;
}

int powerErrors(const QList<Finding>& findings) {
  int n = 0;
  for (const Finding& f : powerFindings(findings)) {
    n += f.severity == Finding::Severity::Error ? 1 : 0;
  }
  return n;
}

QString describe(const QList<Finding>& findings) {
  QStringList lines;
  for (const Finding& f : findings) {
    lines.append(f.code + QStringLiteral(": ") + f.message);
  }
  return lines.join(QLatin1Char('\n'));
}

const PduLoad& pduOf(const Analysis& a, RackId rack, PowerFeed feed) {
  for (const PduLoad& p : a.power.racks[rack].pdus) {
    if (p.feed == feed) {
      return p;
    }
  }
  qFatal("no PDU on that feed");
}

}  // namespace

class TestPowerFeeds final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();

  void referenceCase12NecCircuitCapacity();
  void referenceCase13RackFeeds_data();
  void referenceCase13RackFeeds();
  void referenceCase14DgxH100RackAndScalableUnit();
  void deltaLineCurrentsArePhasorDifferences();
  void psuRedundancyDgxH100FourPlusTwo();
  void psuRedundancyDgxB200FivePlusOne();
  void undersizedPsusAreAnError();
  void rackWithNoPdu();
  void pduHoldsOnlyUntilTheOtherFeedIsLost();
  void singleFeedRackIsWarned();
  void phaseBalancingSpreadsInletsOverLegs();
  void explicitPlugsAreKeptAndCanUnbalance();
  void rack230kWOn800Vdc();
  void buswayAndUpsLoadingAndSizing();
  void upsNPlusOneWithoutSpareModule();
  void energyCostCarbonAndGenerators();
  void emptyHall();
  void migratedV1FileAnalyses();
  void h100TemplateHoldsEverySingleFailure();
  void h100OnTwoFeedsDegradesWhenOneIsLost();
  void badInputBecomesFindings();
  void voltageAndFrequencyMismatches();
  void failoverIsTheMostLoadingStateNotTheLargestTotal();
  void nPlusOneUpsWithOneModuleIsReported();
  void nodesAreCheckedAgainstCatalogUpstreamAndEachOther();
  void largeDesignsGiveTheSameResultInRackOrder();

 private:
  Analysis run(FailureScenario failure = {}) const {
    return analyze(DesignSnapshot{mProject, mCatalog.catalog, mProject.assumptions(), failure});
  }
  void setAssumption(const char* key, double value) {
    DesignAssumptions a = mProject.assumptions();
    a.setValue(QString::fromLatin1(key), value);
    mProject.setAssumptions(a);
  }

  CatalogLoadResult mCatalog;
  Project mProject;
  HallId mHall;
};

void TestPowerFeeds::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_TEST_DATA_DIR "/catalog"),
                                 QStringLiteral(DC_TEST_DATA_DIR "/catalog-power")});
  for (const CatalogProblem& problem : mCatalog.problems) {
    QVERIFY2(problem.severity != CatalogProblem::Severity::Error, qPrintable(problem.toString()));
  }
}

void TestPowerFeeds::init() {
  mProject = Project();
  mHall = HallId::create();
  mProject.insertHall(-1, Hall(mHall, QStringLiteral("Hall A"), rectangleMm(30'000, 20'000)));
}

void TestPowerFeeds::referenceCase12NecCircuitCapacity() {
  // Reference case 12 (datacentermd.com worked example): 208 V 3φ 30 A at the NEC 80 %
  // continuous rule = 208 × 30 × √3 × 0.8 = 8,646 VA (±0.5 %).
  QVERIFY(std::abs(electrical::continuousVA(SupplyKind::ThreePhaseDelta, 208, 30, 0.8) - 8646.0) <
          8646.0 * 0.005);
  // The same through the engine: a 208 V 30 A PDU at the default NEC derating, PF 1.
  setAssumption(assumption::kPowerFactor, 1.0);
  const Rack rack = rackWith(mHall, QStringLiteral("R01"), {1'000, 1'000},
                             {pdu(QStringLiteral("fixture/pdu-208v-30a"), PowerFeed::A)});
  mProject.insertRack(-1, rack);
  const PduLoad& p = run().power.racks[rack.id()].pdus.first();
  QVERIFY(p.rated);
  QCOMPARE(p.supply, SupplyKind::ThreePhaseDelta);
  QCOMPARE(p.continuousCurrentA, 24.0);
  QVERIFY(std::abs(p.capacityVA - 8646.0) < 8646.0 * 0.005);
  QVERIFY(std::abs(p.capacityW.value - 8646.0) < 8646.0 * 0.005);
}

void TestPowerFeeds::referenceCase13RackFeeds_data() {
  QTest::addColumn<QString>("item");
  QTest::addColumn<double>("derating");
  QTest::addColumn<double>("expectedVA");
  // Reference case 13 (P = √3·V·I, PF 1), ±0.5 %.
  QTest::newRow("208 V 3φ 60 A at 100 %") << "fixture/pdu-208v-60a" << 1.0 << 21'616.0;
  QTest::newRow("208 V 3φ 60 A at 80 % = 17.3 kW") << "fixture/pdu-208v-60a" << 0.8 << 17'293.0;
  QTest::newRow("415 V 3φ 32 A = 23.0 kVA") << "fixture/pdu-415v-32a" << 1.0 << 23'002.0;
  QTest::newRow("415 V 3φ 32 A at 80 % = 18.4") << "fixture/pdu-415v-32a" << 0.8 << 18'401.0;
  QTest::newRow("415 V 3φ 63 A = 45.3 kVA") << "fixture/pdu-415v-63a" << 1.0 << 45'284.0;
  QTest::newRow("415 V 3φ 63 A at 80 % = 36.2") << "fixture/pdu-415v-63a" << 0.8 << 36'227.0;
  QTest::newRow("400 V 3φ 32 A = 22.2 kVA") << "fixture/pdu-400v-32a" << 1.0 << 22'170.0;
  QTest::newRow("230 V 1φ 32 A = 7.36 kVA") << "fixture/pdu-230v-32a" << 1.0 << 7'360.0;
}

void TestPowerFeeds::referenceCase13RackFeeds() {
  QFETCH(QString, item);
  QFETCH(double, derating);
  QFETCH(double, expectedVA);
  setAssumption(assumption::kPowerFactor, 1.0);
  setAssumption(assumption::kDeratingFactor, derating);
  const Rack rack =
      rackWith(mHall, QStringLiteral("R01"), {1'000, 1'000}, {pdu(item, PowerFeed::A)});
  mProject.insertRack(-1, rack);
  const PduLoad& p = run().power.racks[rack.id()].pdus.first();
  QVERIFY2(std::abs(p.capacityVA - expectedVA) < expectedVA * 0.005,
           qPrintable(QString::number(p.capacityVA)));
  QVERIFY(std::abs(p.capacityW.value - expectedVA) < expectedVA * 0.005);  // PF 1: W = VA
}

void TestPowerFeeds::referenceCase14DgxH100RackAndScalableUnit() {
  // Reference case 14 (SP-H100 RA p. 7; DGX H100 max 10.2 kW): 4 nodes per rack = 40.8 kW, and
  // the rack must be flagged above 40 kW; 32 nodes (8 racks) = 326.4 kW of nodes.
  for (int r = 0; r < 8; ++r) {
    mProject.insertRack(
        -1, rackWith(mHall, QStringLiteral("A%1").arg(r + 1), {1'000 + 600 * r, 2'000},
                     devices(kH100, 4, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A),
                                                         pdu(kPdu415x63, PowerFeed::B),
                                                         pdu(kPdu415x63, PowerFeed::C)}));
  }
  const Analysis a = run();
  const RackPower& first = a.power.racks[mProject.racks().first().id()];
  QVERIFY(std::abs(first.maxPowerW.value - 40'800.0) < 40'800.0 * 0.01);
  QVERIFY(std::abs(a.power.totals.itPowerW.value - 326'400.0) < 326'400.0 * 0.01);
  const QList<Finding> dense = a.findingsWithCode(QStringLiteral("power.high-density"));
  QCOMPARE(dense.size(), 8);
  QCOMPARE(dense.first().severity, Finding::Severity::Info);
  QCOMPARE(dense.first().measured->value, 40'800.0);
  QCOMPARE(dense.first().limit->value, 40'000.0);
  QCOMPARE(dense.first().subject, ObjectRef::rack(mProject.racks().first().id()));
}

void TestPowerFeeds::deltaLineCurrentsArePhasorDifferences() {
  // Balanced delta: each line carries √3 × the branch current.
  const auto balanced =
      electrical::lineCurrentsA(SupplyKind::ThreePhaseDelta, 208, {2'080, 2'080, 2'080}, 1.0);
  for (double i : balanced) {
    QVERIFY(std::abs(i - kSqrt3 * 10.0) < 1e-9);
  }
  // One branch (L1–L2) loaded: L1 and L2 carry the branch current, L3 nothing.
  const auto one = electrical::lineCurrentsA(SupplyKind::ThreePhaseDelta, 208, {2'080, 0, 0}, 1.0);
  QVERIFY(std::abs(one[0] - 10.0) < 1e-9 && std::abs(one[1] - 10.0) < 1e-9 && one[2] < 1e-9);
  // Wye: P / (V/√3 · PF) per leg; the neutral of a balanced wye carries nothing.
  const auto wye =
      electrical::lineCurrentsA(SupplyKind::ThreePhaseWye, 415, {2'396, 2'396, 2'396}, 1.0);
  QVERIFY(std::abs(wye[0] - 2'396 / (415 / kSqrt3)) < 1e-9);
  QVERIFY(electrical::neutralCurrentA(SupplyKind::ThreePhaseWye, wye) < 1e-9);
  // All on one leg: the neutral carries the whole current, imbalance 200 %.
  const std::array<double, 3> single{30.0, 0.0, 0.0};
  QVERIFY(std::abs(electrical::neutralCurrentA(SupplyKind::ThreePhaseWye, single) - 30.0) < 1e-9);
  QVERIFY(std::abs(electrical::imbalancePct(SupplyKind::ThreePhaseWye, single) - 200.0) < 1e-9);
  // DC: I = P / V.
  QCOMPARE(electrical::lineCurrentsA(SupplyKind::Dc, 800, {230'000, 0, 0}, 0.95)[0], 287.5);
}

void TestPowerFeeds::psuRedundancyDgxH100FourPlusTwo() {
  // DGX H100 user guide: 6 × 3.3 kW PSUs, 4+2. On three feeds (A, B, C) the balancing puts two
  // PSUs on each; losing a feed leaves 4 × 3.3 = 13.2 kW ≥ 10.2 kW: it holds.
  const Rack three = rackWith(mHall, QStringLiteral("R3"), {1'000, 1'000},
                              devices(kH100, 1, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A),
                                                                  pdu(kPdu415x63, PowerFeed::B),
                                                                  pdu(kPdu415x63, PowerFeed::C)});
  // On two feeds it gets 3 + 3; losing one leaves 3 × 3.3 = 9.9 kW < 10.2 kW max.
  const Rack two = rackWith(mHall, QStringLiteral("R2"), {3'000, 1'000},
                            devices(kH100, 1, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A),
                                                                pdu(kPdu415x63, PowerFeed::B)});
  mProject.insertRack(-1, three);
  mProject.insertRack(-1, two);
  const Analysis a = run();
  const DevicePower& held = a.power.racks[three.id()].devices.first();
  QCOMPARE(held.psuCount, 6);
  QCOMPARE(held.psuRequired, 4);
  QCOMPARE(held.psuRatingW, 3'300.0);
  QCOMPARE(held.survivingPsus, 4);
  QVERIFY(held.survivesFeedLoss);
  const DevicePower& short3 = a.power.racks[two.id()].devices.first();
  QCOMPARE(short3.survivingPsus, 3);
  QVERIFY(!short3.survivesFeedLoss);
  const QList<Finding> lost = a.findingsWithCode(QStringLiteral("power.psu-feed-loss"));
  QCOMPARE(lost.size(), 1);
  QCOMPARE(lost.first().subject.rackId, two.id());
  QCOMPARE(lost.first().subject.kind, ObjectKind::Mount);
  QCOMPARE(lost.first().measured->value, 9'900.0);
  QCOMPARE(lost.first().limit->value, 10'200.0);
  // 9.9 kW left is above the DGX H100's design draw (P_idle + u·(P_max − P_idle)): it runs
  // power-capped, a warning like the failure verdict "degraded"; below it would stop.
  QVERIFY(short3.designW < 9'900.0);
  QCOMPARE(lost.first().severity, Finding::Severity::Warning);
  QVERIFY2(lost.first().message.contains(QLatin1String("power-capped")),
           qPrintable(lost.first().message));
  // The failure simulation says the same: feed A lost caps R2 and leaves R3 whole.
  const Analysis failed = run({FailureScenario::Kind::Feed, PowerFeed::A, {}});
  QCOMPARE(failed.power.failure.racks[three.id()].verdict, RackVerdict::Holds);
  QCOMPARE(failed.power.failure.racks[two.id()].verdict, RackVerdict::Degraded);
  QVERIFY(failed.power.failure.racks[two.id()].reason.contains(QLatin1String("keeps 3 of 6 PSUs")));
}

void TestPowerFeeds::psuRedundancyDgxB200FivePlusOne() {
  // DGX B200 user guide: 6 × 3.3 kW, 5+1, 14.3 kW max. Even on three feeds a feed loss takes two
  // PSUs: 4 × 3.3 = 13.2 kW < 14.3 kW, and 4 < 5 required. 5+1 survives one PSU, not a feed.
  const Rack rack = rackWith(mHall, QStringLiteral("B1"), {1'000, 1'000},
                             devices(kB200, 1, 10) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A),
                                                                  pdu(kPdu415x63, PowerFeed::B),
                                                                  pdu(kPdu415x63, PowerFeed::C)});
  mProject.insertRack(-1, rack);
  const Analysis a = run();
  const DevicePower& b200 = a.power.racks[rack.id()].devices.first();
  QCOMPARE(b200.psuRequired, 5);
  QCOMPARE(b200.survivingPsus, 4);
  QVERIFY(!b200.survivesFeedLoss);
  const QList<Finding> lost = a.findingsWithCode(QStringLiteral("power.psu-feed-loss"));
  QCOMPARE(lost.size(), 1);
  QCOMPARE(lost.first().measured->value, 13'200.0);
  QCOMPARE(lost.first().limit->value, 14'300.0);
}

void TestPowerFeeds::undersizedPsusAreAnError() {
  const Rack rack =
      rackWith(mHall, QStringLiteral("W1"), {1'000, 1'000},
               devices(QStringLiteral("fixture/server-1kw-weak-psu"), 1, 1) +
                   QList<Mount>{pdu(kPdu415x32, PowerFeed::A), pdu(kPdu415x32, PowerFeed::B)});
  mProject.insertRack(-1, rack);
  const QList<Finding> f = run().findingsWithCode(QStringLiteral("power.psu-undersized"));
  QCOMPARE(f.size(), 1);
  QCOMPARE(f.first().measured->value, 800.0);  // 2 × 400 W
  QCOMPARE(f.first().limit->value, 1'000.0);
}

void TestPowerFeeds::rackWithNoPdu() {
  const Rack rack = rackWith(mHall, QStringLiteral("N1"), {1'000, 1'000}, devices(kH100, 2, 9));
  mProject.insertRack(-1, rack);
  const Analysis a = run({FailureScenario::Kind::Feed, PowerFeed::A, {}});
  const QList<Finding> f = a.findingsWithCode(QStringLiteral("power.no-pdu"));
  QCOMPARE(f.size(), 1);
  QCOMPARE(f.first().measured->value, 20'400.0);
  QVERIFY(a.power.racks[rack.id()].pdus.isEmpty());
  QCOMPARE(a.power.failure.racks[rack.id()].verdict, RackVerdict::NotModelled);
  QCOMPARE(a.power.failure.notModelled, 1);
}

void TestPowerFeeds::pduHoldsOnlyUntilTheOtherFeedIsLost() {
  // 20 servers of 1 kW, each with one PSU on A and one on B, on 415 V 32 A PDUs (25.6 A
  // continuous at 0.8). Normal: 10 kW per PDU, inlets 7/7/6 over the legs, 3.5 kW on the busiest
  // leg = 3,500 / (239.6 V × 0.95) = 15.4 A (60 %). With B lost, A carries 20 kW: 7 kW on the
  // busiest leg = 30.7 A, over 25.6 A continuous but under the 32 A breaker.
  QList<Mount> mounts = devices(kServer, 20, 1);
  mounts += {pdu(kPdu415x32, PowerFeed::A), pdu(kPdu415x32, PowerFeed::B)};
  const Rack rack = rackWith(mHall, QStringLiteral("S1"), {1'000, 1'000}, mounts);
  mProject.insertRack(-1, rack);
  const Analysis a = run();
  const double phaseV = 415.0 / kSqrt3;
  const PduLoad& pduA = pduOf(a, rack.id(), PowerFeed::A);
  QCOMPARE(pduA.normal.loadW, 10'000.0);
  QVERIFY(std::abs(pduA.normal.maxLineCurrentA - 3'500.0 / (phaseV * 0.95)) < 1e-6);
  QVERIFY(pduA.normal.loadingPct < 100.0);
  QCOMPARE(pduA.failoverLostFeed, PowerFeed::B);
  QCOMPARE(pduA.failover.loadW, 20'000.0);
  const double failoverA = 7'000.0 / (phaseV * 0.95);
  QVERIFY(std::abs(pduA.failover.maxLineCurrentA - failoverA) < 1e-6);
  const QList<Finding> f = a.findingsWithCode(QStringLiteral("power.feed-failover-overload"));
  QCOMPARE(f.size(), 2);  // each PDU, when the other feed is lost
  QVERIFY(std::abs(f.first().measured->value - failoverA) < 1e-6);
  QCOMPARE(f.first().limit->value, 25.6);
  QVERIFY(a.findingsWithCode(QStringLiteral("power.pdu-overload")).isEmpty());
  // Simulated: over the continuous rating, under the breaker: degraded, not down.
  const Analysis failed = run({FailureScenario::Kind::Feed, PowerFeed::B, {}});
  QCOMPARE(failed.power.failure.racks[rack.id()].verdict, RackVerdict::Degraded);
  // With IEC 100 % rating the same PDUs are within their continuous rating on failover.
  setAssumption(assumption::kDeratingFactor, 1.0);
  QVERIFY(run().findingsWithCode(QStringLiteral("power.feed-failover-overload")).isEmpty());
  // 26 servers: 9 kW on the busiest leg on failover = 39.5 A > 32 A: the breaker trips.
  init();
  QList<Mount> more = devices(kServer, 26, 1);
  more += {pdu(kPdu415x32, PowerFeed::A), pdu(kPdu415x32, PowerFeed::B)};
  const Rack big = rackWith(mHall, QStringLiteral("S2"), {1'000, 1'000}, more);
  mProject.insertRack(-1, big);
  QCOMPARE(
      run({FailureScenario::Kind::Feed, PowerFeed::B, {}}).power.failure.racks[big.id()].verdict,
      RackVerdict::Down);
}

void TestPowerFeeds::singleFeedRackIsWarned() {
  const Rack rack = rackWith(mHall, QStringLiteral("S1"), {1'000, 1'000},
                             devices(kServer, 4, 1) + QList<Mount>{pdu(kPdu415x32, PowerFeed::A),
                                                                   pdu(kPdu415x32, PowerFeed::A)});
  mProject.insertRack(-1, rack);
  const Analysis a = run();
  QCOMPARE(a.findingsWithCode(QStringLiteral("power.single-feed")).size(), 1);
  QCOMPARE(
      run({FailureScenario::Kind::Feed, PowerFeed::A, {}}).power.failure.racks[rack.id()].verdict,
      RackVerdict::Down);
}

void TestPowerFeeds::phaseBalancingSpreadsInletsOverLegs() {
  // 3 DGX H100 on three PDUs: 2 inlets of each device per feed, 6 per PDU, 2 per leg.
  const Rack rack = rackWith(mHall, QStringLiteral("P1"), {1'000, 1'000},
                             devices(kH100, 3, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A),
                                                                 pdu(kPdu415x63, PowerFeed::B),
                                                                 pdu(kPdu415x63, PowerFeed::C)});
  mProject.insertRack(-1, rack);
  const Analysis a = run();
  for (const PduLoad& p : a.power.racks[rack.id()].pdus) {
    QCOMPARE(p.normal.loadW, 10'200.0);  // 30.6 kW / 3 feeds
    QVERIFY2(p.normal.imbalancePct < 1e-9, qPrintable(QString::number(p.normal.imbalancePct)));
    QVERIFY(p.normal.neutralCurrentA < 1e-6);
  }
  for (const DevicePower& d : a.power.racks[rack.id()].devices) {
    QCOMPARE(d.inlets.size(), 6);
    QSet<MountId> pdus;
    for (const InletLoad& in : d.inlets) {
      QVERIFY(in.automatic);
      QCOMPARE(in.powerW, 1'700.0);
      pdus.insert(in.pduMountId);
    }
    QCOMPARE(pdus.size(), 3);
  }
}

void TestPowerFeeds::explicitPlugsAreKeptAndCanUnbalance() {
  // The architect plugs every inlet of 8 servers into leg L1: the engine keeps it, reports the
  // 200 % imbalance (loaded above 25 %) and the neutral current.
  const Mount a = pdu(kPdu415x32, PowerFeed::A);
  const Mount b = pdu(kPdu415x32, PowerFeed::B);
  QList<Mount> servers = devices(kServer, 8, 1);
  for (Mount& m : servers) {
    m.plugs = {{0, a.id, 0}, {1, b.id, 0}};
  }
  const Rack rack =
      rackWith(mHall, QStringLiteral("E1"), {1'000, 1'000}, servers + QList<Mount>{a, b});
  mProject.insertRack(-1, rack);
  const Analysis result = run();
  const PduLoad& pduA = pduOf(result, rack.id(), PowerFeed::A);
  QVERIFY(std::abs(pduA.normal.imbalancePct - 200.0) < 1e-6);
  QVERIFY(std::abs(pduA.normal.neutralCurrentA - pduA.normal.lineCurrentA[0]) < 1e-6);
  QCOMPARE(result.findingsWithCode(QStringLiteral("power.leg-imbalance")).size(), 2);
  for (const InletLoad& in : result.power.racks[rack.id()].devices.first().inlets) {
    QVERIFY(!in.automatic);
    QCOMPARE(in.leg, 0);
  }
}

void TestPowerFeeds::rack230kWOn800Vdc() {
  // A 230 kW rack-scale system on 800 VDC, two busbar inputs (A, B) from two 660 kW power racks.
  // Normal: 115 kW per input = 115,000 / 800 = 143.75 A of 320 A continuous (400 A × 0.8);
  // on the loss of one: 230 kW = 287.5 A (89.8 %): it holds. No power factor on DC.
  DesignAssumptions assumptions;
  assumptions.setChoice(QString::fromLatin1(assumption::kSupplySystem), QStringLiteral("dc-800"));
  mProject.setAssumptions(assumptions);
  PowerNode prA = node(mHall, QStringLiteral("PR-A"), PowerNodeKind::PowerRack, PowerFeed::A);
  PowerNode prB = node(mHall, QStringLiteral("PR-B"), PowerNodeKind::PowerRack, PowerFeed::B);
  for (PowerNode* n : {&prA, &prB}) {
    n->ratedPowerW = 660'000.0;
    n->voltageV = 800.0;
    mProject.insertPowerNode(-1, *n);
  }
  const QString entry = QStringLiteral("fixture/dc-entry-800v-400a");
  Rack rack(RackId::create(), mHall, QStringLiteral("fixture/rack-scale-230kw-dc"), {1'000, 1'000});
  rack.setName(QStringLiteral("K01"));
  rack.insertMount(-1, pdu(entry, PowerFeed::A, prA.id));
  rack.insertMount(-1, pdu(entry, PowerFeed::B, prB.id));
  mProject.insertRack(-1, rack);
  const Analysis a = run();
  QVERIFY2(!codes(a.findings).contains(QStringLiteral("rack.extra-devices")),
           qPrintable(describe(a.findings)));
  QCOMPARE(a.power.racks[rack.id()].maxPowerW.value, 230'000.0);
  const PduLoad& inA = pduOf(a, rack.id(), PowerFeed::A);
  QCOMPARE(inA.supply, SupplyKind::Dc);
  QCOMPARE(inA.normal.lineCurrentA[0], 143.75);
  QCOMPARE(inA.failover.lineCurrentA[0], 287.5);
  QCOMPARE(inA.continuousCurrentA, 320.0);
  QVERIFY(a.power.racks[rack.id()].devices.first().survivesFeedLoss);
  QCOMPARE(a.power.nodes[prA.id].loadW, 115'000.0);
  QCOMPARE(a.power.nodes[prA.id].failoverLoadW, 230'000.0);
  QVERIFY2(powerErrors(a.findings) == 0, qPrintable(describe(a.findings)));
  QCOMPARE(
      run({FailureScenario::Kind::Feed, PowerFeed::A, {}}).power.failure.racks[rack.id()].verdict,
      RackVerdict::Holds);
  // Three such racks: 690 kW on one power rack when the other is lost, over its 660 kW.
  for (int i = 0; i < 2; ++i) {
    Rack more(RackId::create(), mHall, QStringLiteral("fixture/rack-scale-230kw-dc"),
              {3'000 + 2'000 * i, 1'000});
    more.insertMount(-1, pdu(entry, PowerFeed::A, prA.id));
    more.insertMount(-1, pdu(entry, PowerFeed::B, prB.id));
    mProject.insertRack(-1, more);
  }
  const QList<Finding> over =
      run().findingsWithCode(QStringLiteral("power.power-rack-failover-overload"));
  QCOMPARE(over.size(), 2);
  QCOMPARE(over.first().measured->value, 690'000.0);
  QCOMPARE(over.first().limit->value, 660'000.0);
}

void TestPowerFeeds::buswayAndUpsLoadingAndSizing() {
  // UPS-A (2N side, 2 × 250 kW) → busway BW-A (400 A, 415 V); UPS-B → BW-B. Four racks of
  // 4 × DGX H100 on A/B 63 A PDUs: 163.2 kW IT, 81.6 kW per side, 163.2 kW on one side when the
  // other is lost. Busway continuous: √3 · 415 · 400 · 0.8 · 0.95 = 218.5 kW.
  PowerNode upsA = node(mHall, QStringLiteral("UPS-A"), PowerNodeKind::Ups, PowerFeed::A);
  PowerNode upsB = node(mHall, QStringLiteral("UPS-B"), PowerNodeKind::Ups, PowerFeed::B);
  for (PowerNode* u : {&upsA, &upsB}) {
    u->moduleCount = 2;
    u->moduleRatingW = 250'000.0;
    u->redundancy = Redundancy::TwoN;
    mProject.insertPowerNode(-1, *u);
  }
  PowerNode bwA = node(mHall, QStringLiteral("BW-A"), PowerNodeKind::Busway, PowerFeed::A, upsA.id);
  PowerNode bwB = node(mHall, QStringLiteral("BW-B"), PowerNodeKind::Busway, PowerFeed::B, upsB.id);
  for (PowerNode* b : {&bwA, &bwB}) {
    b->ratedCurrentA = 400.0;
    b->voltageV = 415.0;
    mProject.insertPowerNode(-1, *b);
  }
  for (int r = 0; r < 4; ++r) {
    mProject.insertRack(
        -1, rackWith(mHall, QStringLiteral("A%1").arg(r + 1), {1'000 + 600 * r, 1'000},
                     devices(kH100, 4, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A, bwA.id),
                                                         pdu(kPdu415x63, PowerFeed::B, bwB.id)}));
  }
  const Analysis a = run();
  const NodeLoad& busway = a.power.nodes[bwA.id];
  QVERIFY(std::abs(busway.capacityW.value - kSqrt3 * 415 * 400 * 0.8 * 0.95) < 1e-6);
  QCOMPARE(busway.loadW, 81'600.0);
  QCOMPARE(busway.failoverLoadW, 163'200.0);
  QCOMPARE(busway.failoverLostFeed, PowerFeed::B);
  QCOMPARE(busway.rackCount, 4);
  const NodeLoad& ups = a.power.nodes[upsA.id];
  QCOMPARE(ups.loadW, 81'600.0);
  QCOMPARE(ups.failoverLoadW, 163'200.0);
  QCOMPARE(ups.capacityW.value, 500'000.0);
  QCOMPARE(ups.modulesRequired, 1);  // ⌈163.2 / 250⌉
  // The hall against its UPS: 2 × 500 kW usable, 163.2 kW carried (81.6 kW per side).
  QCOMPARE(a.power.halls.first().upsCapacityW.value, 1'000'000.0);
  QCOMPARE(a.power.halls.first().upsLoadW.value, 163'200.0);
  // These DGX have 3 PSUs per feed: capped on a feed loss (4+2), reported per device.
  QCOMPARE(a.findingsWithCode(QStringLiteral("power.psu-feed-loss")).size(), 16);
  // Eight racks: 326.4 kW on one side on failover > 218.5 kW busway continuous.
  for (int r = 4; r < 8; ++r) {
    mProject.insertRack(
        -1, rackWith(mHall, QStringLiteral("A%1").arg(r + 1), {1'000 + 600 * r, 1'000},
                     devices(kH100, 4, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A, bwA.id),
                                                         pdu(kPdu415x63, PowerFeed::B, bwB.id)}));
  }
  const Analysis more = run();
  const QList<Finding> over =
      more.findingsWithCode(QStringLiteral("power.busway-failover-overload"));
  QCOMPARE(over.size(), 2);
  QCOMPARE(over.first().measured->value, 326'400.0);
  QCOMPARE(more.power.nodes[upsA.id].modulesRequired, 2);  // ⌈326.4 / 250⌉
  // Losing feed B: BW-A is loaded past its 400 A rating... 326.4 kW at 415 V, PF 0.95 = 478 A.
  const Analysis failed = run({FailureScenario::Kind::Feed, PowerFeed::B, {}});
  QCOMPARE(failed.power.failure.down, 8);
  QVERIFY(failed.power.failure.racks[mProject.racks().first().id()].reason.contains(
      QLatin1String("BW-A trips")));
}

void TestPowerFeeds::upsNPlusOneWithoutSpareModule() {
  // N+1 UPS with 2 × 100 kW modules: usable 100 kW. A 163.2 kW load fits the two modules but
  // leaves no spare: power.ups-redundancy-lost (2 + 1 = 3 modules required).
  PowerNode ups = node(mHall, QStringLiteral("UPS-1"), PowerNodeKind::Ups, PowerFeed::None);
  ups.moduleCount = 2;
  ups.moduleRatingW = 100'000.0;
  ups.redundancy = Redundancy::NPlus1;
  mProject.insertPowerNode(-1, ups);
  for (int r = 0; r < 4; ++r) {
    mProject.insertRack(
        -1, rackWith(mHall, QStringLiteral("A%1").arg(r + 1), {1'000 + 600 * r, 1'000},
                     devices(kH100, 4, 9) + QList<Mount>{pdu(kPdu415x63, PowerFeed::A, ups.id),
                                                         pdu(kPdu415x63, PowerFeed::B, ups.id),
                                                         pdu(kPdu415x63, PowerFeed::C, ups.id)}));
  }
  const Analysis a = run();
  QCOMPARE(a.power.nodes[ups.id].loadW, 163'200.0);
  QCOMPARE(a.power.nodes[ups.id].modulesRequired, 3);
  const QList<Finding> lost = a.findingsWithCode(QStringLiteral("power.ups-redundancy-lost"));
  QCOMPARE(lost.size(), 1);
  QCOMPARE(lost.first().limit->value, 100'000.0);
  // Losing one module: 163.2 kW > 100 kW: on bypass, every rack degraded.
  const Analysis failed = run({FailureScenario::Kind::UpsModule, PowerFeed::None, {}});
  QCOMPARE(failed.power.failure.degraded, 4);
}

void TestPowerFeeds::energyCostCarbonAndGenerators() {
  // One rack of 4 DGX H100 at the defaults: idle 25 %, training u = 0.8 →
  // P = 2,550 + 0.8 × 7,650 = 8,670 W per node, 34,680 W per rack; × PUE 1.3 = 45,084 W;
  // × 8,760 h = 394,935.84 kWh; × 0.0835 USD = 32,977.14 USD; × 367 g = 144.94 t.
  // (PUE fixed here; the estimate by cooling architecture is tested in tst_cooling.)
  DesignAssumptions fixedPue = mProject.assumptions();
  fixedPue.setChoice(QString::fromLatin1(assumption::kPueMode), QStringLiteral("fixed"));
  mProject.setAssumptions(fixedPue);
  mProject.insertRack(-1,
                      rackWith(mHall, QStringLiteral("A1"), {1'000, 1'000}, devices(kH100, 4, 9)));
  const PowerTotals t = run().power.totals;
  QCOMPARE(t.itDesignPowerW.value, 34'680.0);
  QVERIFY(std::abs(t.facilityDesignPowerW.value - 45'084.0) < 1e-6);
  QVERIFY(std::abs(t.facilityPowerW.value - 40'800.0 * 1.3) < 1e-6);
  QVERIFY(std::abs(t.annualEnergyKwh.value - 394'935.84) < 1e-3);
  QVERIFY(std::abs(t.annualCostUsd.value - 32'977.14) < 0.01);
  QVERIFY(std::abs(t.annualCarbonT.value - 144.9414) < 1e-3);
  QCOMPARE(t.generatorCount, 2);  // ⌈53 kW / 2.5 MW⌉ = 1, N+1
  // Inference at u = 0.5 lowers the design power: 2,550 + 0.5 × 7,650 = 6,375 W per node.
  DesignAssumptions a = mProject.assumptions();
  a.setChoice(QString::fromLatin1(assumption::kDesignWorkload), QStringLiteral("inference"));
  mProject.setAssumptions(a);
  QCOMPARE(run().power.totals.itDesignPowerW.value, 25'500.0);
}

void TestPowerFeeds::emptyHall() {
  const Analysis a = run({FailureScenario::Kind::Feed, PowerFeed::A, {}});
  QVERIFY2(a.findings.isEmpty(), qPrintable(describe(a.findings)));
  QCOMPARE(a.power.totals.itPowerW.value, 0.0);
  QCOMPARE(a.power.totals.facilityPowerW.value, 0.0);
  QCOMPARE(a.power.totals.generatorCount, 0);
  QCOMPARE(a.power.halls.size(), 1);
  QVERIFY(a.power.failure.racks.isEmpty());
}

void TestPowerFeeds::migratedV1FileAnalyses() {
  // The v1 golden file has no PDUs, nodes or assumptions: it analyses at the defaults, each
  // powered rack told it has no PDU, and nothing it holds is lost.
  int version = 0;
  const Project project =
      loadProject(QStringLiteral(DC_TEST_DATA_DIR "/schema-v1.dcstudio"), &version);
  QCOMPARE(version, 1);
  const Analysis a = analyze(project, mCatalog.catalog);
  QCOMPARE(a.assumptions, DesignAssumptions());
  QVERIFY(a.power.nodes.isEmpty());
  QVERIFY(a.findingsWithCode(QStringLiteral("power.no-pdu")).size() > 0);
  QVERIFY(a.findingsWithCode(QStringLiteral("assumption.invalid")).isEmpty());
  QCOMPARE(a.power.racks.size(), project.racks().size());
}

void TestPowerFeeds::h100TemplateHoldsEverySingleFailure() {
  // The shipped H100 SU template with the shipped catalog: three sources, N+1 — it analyses
  // with the seven "above 40 kW" notes (A08 holds 3 DGX and the UFM), and every rack holds
  // the loss of any one feed, of one UPS module and of the most loaded busway.
  const CatalogLoadResult shipped = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  const Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"));
  const Analysis a = analyze(project, shipped.catalog);
  // ... and the two catalog gaps the template states: the QM9700 and SN2201 publish no PSU
  // rating or redundancy, so the feed-loss check assumes either PSU carries the switch.
  QCOMPARE(codes(powerFindings(a.findings)),
           QStringList(7, QStringLiteral("power.high-density")) +
               QStringList(2, QStringLiteral("power.psu-data-missing")));
  QCOMPARE(project.powerNodes().size(), 11);
  for (const FailureScenario& failure :
       {FailureScenario{FailureScenario::Kind::Feed, PowerFeed::A, {}},
        FailureScenario{FailureScenario::Kind::Feed, PowerFeed::B, {}},
        FailureScenario{FailureScenario::Kind::Feed, PowerFeed::C, {}},
        FailureScenario{FailureScenario::Kind::UpsModule, PowerFeed::None, {}},
        FailureScenario{FailureScenario::Kind::Busway, PowerFeed::None, {}}}) {
    const Analysis failed =
        analyze(DesignSnapshot{project, shipped.catalog, project.assumptions(), failure});
    QCOMPARE(failed.power.failure.holds, 11);
  }
  // Per compute rack: 40.8 kW of DGX on three PDUs, 13.6 kW each, 20.4 kW on a feed loss (50 %
  // rule), plus the DGX-side transceivers the template's fabrics fit (drawn through the DGX PSUs,
  // so shared the same way).
  const RackPower& a01 = a.power.racks[project.racks().first().id()];
  const double optics = a.fabric.opticsWByRack.value(project.racks().first().id());
  QVERIFY(optics > 0.0);
  QCOMPARE(a01.pdus.size(), 3);
  for (const PduLoad& p : a01.pdus) {
    QVERIFY(std::abs(p.normal.loadW - (40'800.0 + optics) / 3.0) < 1e-6);
    QVERIFY(std::abs(p.failover.loadW - (40'800.0 + optics) / 2.0) < 1e-6);
  }
}

void TestPowerFeeds::h100OnTwoFeedsDegradesWhenOneIsLost() {
  // The same SU with the compute PDUs on A, B, A (two sources): a feed loss leaves each DGX 3 of
  // its 6 PSUs (power-capped), and the busway and UPS sized for three sources are overloaded.
  const CatalogLoadResult shipped = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"));
  for (Rack rack : project.racks()) {
    QList<Mount> mounts = rack.mounts();
    for (Mount& m : mounts) {
      if (m.feed == PowerFeed::C) {
        m.feed = PowerFeed::A;
        const Mount& first = *std::find_if(mounts.cbegin(), mounts.cend(),
                                           [](const Mount& x) { return x.feed == PowerFeed::A; });
        m.upstreamId = first.upstreamId;
      }
    }
    for (const Mount& m : rack.mounts()) {
      rack.removeMount(m.id);
    }
    for (const Mount& m : mounts) {
      rack.insertMount(-1, m);
    }
    *project.findRack(rack.id()) = rack;
  }
  const Analysis failed = analyze(DesignSnapshot{project,
                                                 shipped.catalog,
                                                 project.assumptions(),
                                                 {FailureScenario::Kind::Feed, PowerFeed::B, {}}});
  // And the whole of row A lands on BW-A1: 316.9 kW, above 440 A on every phase at 415 V and
  // PF 0.95, over its 400 A rating — it trips. UPS-A
  // then carries 340 kW: over its N+1 usable 300 kW, within its two installed modules (600 kW),
  // so row B holds on the spent spare, and the analysis says the spare is gone.
  QCOMPARE(failed.power.failure.down, 8);
  QCOMPARE(failed.power.failure.holds, 3);
  QVERIFY(failed.power.failure.racks[project.racks().first().id()].reason.startsWith(
      QLatin1String("BW-A1 trips")));
  QVERIFY(!failed.findingsWithCode(QStringLiteral("power.ups-redundancy-lost")).isEmpty());
  QCOMPARE(failed.findingsWithCode(QStringLiteral("power.psu-feed-loss")).size(), 31);
}

void TestPowerFeeds::badInputBecomesFindings() {
  // Read from a file, out-of-range values are findings naming the object and field; the engine
  // goes on with the defaults and nothing the file held is changed.
  DesignAssumptions assumptions;
  assumptions.setValueUnchecked(QString::fromLatin1(assumption::kDeratingFactor), 1.2);
  assumptions.setValueUnchecked(QString::fromLatin1(assumption::kPue), 0.9);
  mProject.setAssumptions(assumptions);
  PowerNode bad = node(mHall, QStringLiteral("BW-X"), PowerNodeKind::Busway, PowerFeed::A);
  bad.voltageV = -400.0;
  bad.ratedCurrentA = 0.0;
  mProject.insertPowerNode(-1, bad);
  const HallId otherHall = HallId::create();
  mProject.insertHall(-1, Hall(otherHall, QStringLiteral("Hall B"), rectangleMm(10'000, 10'000)));
  PowerNode elsewhere =
      node(otherHall, QStringLiteral("BW-B9"), PowerNodeKind::Busway, PowerFeed::B);
  elsewhere.ratedCurrentA = 100.0;
  mProject.insertPowerNode(-1, elsewhere);
  const Mount pduA = pdu(kPdu415x32, PowerFeed::A);
  const Mount pduB = pdu(kPdu415x32, PowerFeed::B, elsewhere.id);  // a busway of another hall
  QList<Mount> servers = devices(kServer, 2, 1);
  servers[0].plugs = {{0, MountId::create(), 0}};  // a PDU that does not exist
  const Rack rack = rackWith(
      mHall, QStringLiteral("X1"), {1'000, 1'000},
      servers + QList<Mount>{pduA, pduB, pdu(QStringLiteral("fixture/pdu-unrated"), PowerFeed::C)});
  mProject.insertRack(-1, rack);
  const Analysis a = run();
  const QStringList found = codes(a.findings);
  for (const char* code :
       {"assumption.invalid", "power.node-voltage-invalid", "power.node-unrated",
        "power.upstream-other-hall", "power.plug-unknown-pdu", "power.pdu-unrated"}) {
    QVERIFY2(found.contains(QString::fromLatin1(code)),
             qPrintable(code + QStringLiteral("\n") + describe(a.findings)));
  }
  const QList<Finding> invalid = a.findingsWithCode(QStringLiteral("assumption.invalid"));
  QCOMPARE(invalid.size(), 2);
  QCOMPARE(invalid[1].subject,
           ObjectRef::assumption(QString::fromLatin1(assumption::kDeratingFactor)));
  QCOMPARE(invalid[1].measured->value, 1.2);
  QVERIFY(invalid[1].message.contains(QLatin1String("power.deratingFactor")));
  QCOMPARE(a.assumptions.value(QString::fromLatin1(assumption::kDeratingFactor)), 0.8);
  QCOMPARE(a.assumptions.value(QString::fromLatin1(assumption::kPue)), 1.3);
  QCOMPARE(pduOf(a, rack.id(), PowerFeed::A).continuousCurrentA, 25.6);  // the default 0.8 used
  QCOMPARE(mProject.assumptions().value(QString::fromLatin1(assumption::kDeratingFactor)), 1.2);
  const Finding plug = a.findingsWithCode(QStringLiteral("power.plug-unknown-pdu")).first();
  QCOMPARE(plug.subject, ObjectRef::mount(rack.id(), servers[0].id));
  const Finding other = a.findingsWithCode(QStringLiteral("power.upstream-other-hall")).first();
  QCOMPARE(other.related.first(), ObjectRef::powerNode(elsewhere.id));
  QVERIFY(other.message.contains(QLatin1String("BW-B9")));
  QVERIFY(a.findingsWithCode(QStringLiteral("power.node-voltage-invalid"))
              .first()
              .message.contains(QLatin1String("-400 V")));
  // The other hall's busway carries none of this rack's load.
  QCOMPARE(a.power.nodes[elsewhere.id].loadW, 0.0);
}

void TestPowerFeeds::voltageAndFrequencyMismatches() {
  // A 208 V PDU plugged into a 415 V busway is outside ANSI C84.1's ±5 %; a 400 V one is not
  // (3.6 %). A 60 Hz UPS in the default 50 Hz design is reported against its catalog rating.
  PowerNode ups = node(mHall, QStringLiteral("UPS-1"), PowerNodeKind::Ups, PowerFeed::A);
  ups.catalogId = QStringLiteral("fixture/ups-60hz");
  ups.moduleCount = 2;
  ups.moduleRatingW = 250'000.0;
  mProject.insertPowerNode(-1, ups);
  PowerNode bw = node(mHall, QStringLiteral("BW-1"), PowerNodeKind::Busway, PowerFeed::A, ups.id);
  bw.ratedCurrentA = 400.0;
  bw.voltageV = 415.0;
  mProject.insertPowerNode(-1, bw);
  const Rack wrong = rackWith(mHall, QStringLiteral("V1"), {1'000, 1'000},
                              {pdu(QStringLiteral("fixture/pdu-208v-30a"), PowerFeed::A, bw.id)});
  const Rack close = rackWith(mHall, QStringLiteral("V2"), {3'000, 1'000},
                              {pdu(QStringLiteral("fixture/pdu-400v-32a"), PowerFeed::A, bw.id)});
  mProject.insertRack(-1, wrong);
  mProject.insertRack(-1, close);
  const Analysis a = run();
  const QList<Finding> volts = a.findingsWithCode(QStringLiteral("power.voltage-mismatch"));
  QCOMPARE(volts.size(), 1);
  QCOMPARE(volts.first().subject.rackId, wrong.id());
  QCOMPARE(volts.first().measured->value, 208.0);
  QCOMPARE(volts.first().limit->value, 415.0);
  const QList<Finding> hz = a.findingsWithCode(QStringLiteral("power.frequency-mismatch"));
  QCOMPARE(hz.size(), 1);
  QCOMPARE(hz.first().subject, ObjectRef::powerNode(ups.id));
  QCOMPARE(hz.first().measured->value, 60.0);
  QCOMPARE(hz.first().limit->value, 50.0);
  // At 60 Hz the UPS fits.
  DesignAssumptions sixty;
  sixty.setChoice(QString::fromLatin1(assumption::kFrequencyHz), QStringLiteral("60"));
  mProject.setAssumptions(sixty);
  QVERIFY(run().findingsWithCode(QStringLiteral("power.frequency-mismatch")).isEmpty());
}

void TestPowerFeeds::failoverIsTheMostLoadingStateNotTheLargestTotal() {
  // Ten 1 kW servers plugged by hand, inlet 0 on PDU A: servers 0-3 on L1, 4-9 on L2/L3;
  // inlet 1 of servers 0-3 on PDU B, of 4-9 on PDU C. Losing B leaves A 7 kW with 4 kW on L1;
  // losing C leaves A 8 kW, but only 3 kW on its busiest leg. The failover state kept for A is
  // the one that loads its busiest line most: B lost, 4 kW / (239.6 V × 0.95) = 17.6 A.
  const Mount a = pdu(kPdu415x32, PowerFeed::A);
  const Mount b = pdu(kPdu415x32, PowerFeed::B);
  const Mount c = pdu(kPdu415x32, PowerFeed::C);
  QList<Mount> servers = devices(kServer, 10, 1);
  for (int i = 0; i < servers.size(); ++i) {
    servers[i].plugs = {{0, a.id, i < 4 ? 0 : (i % 2 ? 1 : 2)}, {1, i < 4 ? b.id : c.id, 0}};
  }
  const Rack rack =
      rackWith(mHall, QStringLiteral("F1"), {1'000, 1'000}, servers + QList<Mount>{a, b, c});
  mProject.insertRack(-1, rack);
  const Analysis result = run();
  const PduLoad& pduA = pduOf(result, rack.id(), PowerFeed::A);
  QCOMPARE(pduA.lostFeed[1].loadW, 7'000.0);  // B lost
  QCOMPARE(pduA.lostFeed[2].loadW, 8'000.0);  // C lost: the larger total
  QCOMPARE(pduA.failoverLostFeed, PowerFeed::B);
  QVERIFY(std::abs(pduA.failover.maxLineCurrentA - 4'000.0 / (415.0 / kSqrt3 * 0.95)) < 1e-6);
}

void TestPowerFeeds::nPlusOneUpsWithOneModuleIsReported() {
  // Read from a file (the editor refuses it): an N+1 UPS with a single module has no usable
  // capacity; the engine says so, naming the field, instead of showing 0 % quietly.
  PowerNode ups = node(mHall, QStringLiteral("UPS-1"), PowerNodeKind::Ups, PowerFeed::A);
  ups.moduleCount = 1;
  ups.moduleRatingW = 250'000.0;
  ups.redundancy = Redundancy::NPlus1;
  mProject.insertPowerNode(-1, ups);
  mProject.insertRack(
      -1, rackWith(mHall, QStringLiteral("U1"), {1'000, 1'000},
                   devices(kServer, 4, 1) + QList<Mount>{pdu(kPdu415x32, PowerFeed::A, ups.id),
                                                         pdu(kPdu415x32, PowerFeed::B)}));
  const QList<Finding> f = run().findingsWithCode(QStringLiteral("power.node-unrated"));
  QCOMPARE(f.size(), 1);
  QVERIFY2(f.first().message.contains(QLatin1String("N+1 needs at least two modules")),
           qPrintable(f.first().message));
}

void TestPowerFeeds::nodesAreCheckedAgainstCatalogUpstreamAndEachOther() {
  // A busway made from a 400 A product but rated 800 A; a 480 V switchboard under a 415 V UPS;
  // a 2N UPS with no other side; two nodes named alike.
  PowerNode ups = node(mHall, QStringLiteral("UPS-A"), PowerNodeKind::Ups, PowerFeed::A);
  ups.moduleCount = 2;
  ups.moduleRatingW = 250'000.0;
  ups.redundancy = Redundancy::TwoN;
  ups.voltageV = 415.0;
  mProject.insertPowerNode(-1, ups);
  PowerNode board =
      node(mHall, QStringLiteral("SWB-A"), PowerNodeKind::Switchboard, PowerFeed::A, ups.id);
  board.ratedCurrentA = 1'600.0;
  board.voltageV = 480.0;
  mProject.insertPowerNode(-1, board);
  PowerNode bw = node(mHall, QStringLiteral("BW-1"), PowerNodeKind::Busway, PowerFeed::A);
  bw.catalogId = QStringLiteral("fixture/busway-400a");
  bw.ratedCurrentA = 800.0;
  mProject.insertPowerNode(-1, bw);
  PowerNode twin = node(mHall, QStringLiteral("bw-1 "), PowerNodeKind::Rpp, PowerFeed::B);
  twin.ratedCurrentA = 225.0;
  mProject.insertPowerNode(-1, twin);
  const Analysis a = run();
  const QList<Finding> over = a.findingsWithCode(QStringLiteral("power.node-exceeds-catalog"));
  QCOMPARE(over.size(), 1);
  QCOMPARE(over.first().subject, ObjectRef::powerNode(bw.id));
  QCOMPARE(over.first().measured->value, 800.0);
  QCOMPARE(over.first().limit->value, 400.0);
  const QList<Finding> volts = a.findingsWithCode(QStringLiteral("power.voltage-mismatch"));
  QCOMPARE(volts.size(), 1);
  QCOMPARE(volts.first().subject, ObjectRef::powerNode(board.id));
  QCOMPARE(volts.first().related.first(), ObjectRef::powerNode(ups.id));
  QCOMPARE(a.findingsWithCode(QStringLiteral("power.ups-2n-no-partner")).size(), 1);
  const QList<Finding> names = a.findingsWithCode(QStringLiteral("power.duplicate-node-name"));
  QCOMPARE(names.size(), 1);
  QCOMPARE(names.first().subject, ObjectRef::powerNode(twin.id));
  // With its other side (a 2N UPS on feed B) the pair is whole.
  PowerNode upsB = ups;
  upsB.id = PowerNodeId::create();
  upsB.name = QStringLiteral("UPS-B");
  upsB.feed = PowerFeed::B;
  mProject.insertPowerNode(-1, upsB);
  QVERIFY(run().findingsWithCode(QStringLiteral("power.ups-2n-no-partner")).isEmpty());
}

void TestPowerFeeds::largeDesignsGiveTheSameResultInRackOrder() {
  // 1,600 racks are analysed in ranges on several threads: the findings come in rack order and
  // every rack's figures equal those of the same rack analysed alone.
  for (int r = 0; r < 1'600; ++r) {
    QList<Mount> mounts = devices(r % 3 == 0 ? kH100 : kServer, r % 5 + 1, r % 3 == 0 ? 9 : 1);
    mounts += {pdu(kPdu415x63, PowerFeed::A), pdu(kPdu415x63, r % 7 ? PowerFeed::B : PowerFeed::A)};
    mProject.insertRack(-1, rackWith(mHall, QStringLiteral("R%1").arg(r, 4, 10, QLatin1Char('0')),
                                     {1'000 + 600 * (r % 40), 1'000 + 1'200 * (r / 40)}, mounts));
  }
  const Analysis a = run();
  const Analysis again = run();
  QCOMPARE(codes(a.findings), codes(again.findings));
  qsizetype lastRack = -1;
  for (const Finding& f : a.findings) {
    if (f.code.startsWith(QLatin1String("power.")) && !f.subject.rackId.isNull()) {
      const qsizetype index = mProject.rackIndex(f.subject.rackId);
      QVERIFY2(index >= lastRack, qPrintable(f.message));  // rack order, whatever the thread
      lastRack = index;
    }
  }
  for (qsizetype r : {qsizetype(0), qsizetype(399), qsizetype(800), qsizetype(1'599)}) {
    Project alone;
    alone.insertHall(-1, mProject.halls().first());
    alone.insertRack(-1, mProject.racks()[r]);
    const RackPower& mine = a.power.racks[mProject.racks()[r].id()];
    const RackPower& solo = analyze(alone, mCatalog.catalog).power.racks[mProject.racks()[r].id()];
    QCOMPARE(mine.maxPowerW.value, solo.maxPowerW.value);
    QCOMPARE(mine.pdus.size(), solo.pdus.size());
    for (qsizetype p = 0; p < mine.pdus.size(); ++p) {
      QCOMPARE(mine.pdus[p].normal.lineCurrentA, solo.pdus[p].normal.lineCurrentA);
      QCOMPARE(mine.pdus[p].failover.loadW, solo.pdus[p].failover.loadW);
    }
  }
}

QTEST_GUILESS_MAIN(TestPowerFeeds)
#include "tst_powerfeeds.moc"
