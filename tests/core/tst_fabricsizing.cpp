// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/fabric/fabricsizing.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace dc::fabric;

namespace {

constexpr int kBig = std::numeric_limits<int>::max();

/// A DGX H100 compute fabric of QM9700 (64 x NDR 400G, split 32 down / 32 up), rail-optimised,
/// 8 ports per node, 4 UFM ports (reference-cases.md case 1; catalog-facts.md §4.1).
FatTreeInput dgxH100(int nodes, int reservedPorts) {
  FatTreeInput in;
  in.nodes = nodes;
  in.portsPerNode = 8;
  in.leafDownPorts = 32;
  in.leafUpPorts = 32;
  in.spineRadix = 64;
  in.reservedPorts = reservedPorts;
  return in;
}

/// A k-ary fat-tree of k-port switches with one port per host (Al-Fares et al., SIGCOMM 2008).
FatTreeInput kAry(int k, int hosts) {
  FatTreeInput in;
  in.nodes = hosts;
  in.portsPerNode = 1;
  in.leafDownPorts = k / 2;
  in.leafUpPorts = k - k / 2;
  in.spineRadix = k;
  in.railOptimised = false;
  return in;
}

bool hasDivisorBetween(int n, int below, long long capacity, long long demand) {
  for (int d = 1; d < below; ++d) {
    if (n % d == 0 && d * capacity >= demand) {
      return true;
    }
  }
  return false;
}

/// The first invariant a sized fat-tree breaks, or an empty string. Independent of how the
/// sizing got there: ports, even spreading, radix limits, cable counts per tier.
QString brokenInvariant(const FatTreeInput& in, const FatTreeSizing& s) {
  const long long nodePorts = static_cast<long long>(in.nodes) * in.portsPerNode;
  const long long leafPorts = nodePorts + in.reservedPorts;
  if (s.cablesNodeToLeaf != leafPorts) {
    return QStringLiteral("node cables %1 != node ports + reserve %2")
        .arg(s.cablesNodeToLeaf)
        .arg(leafPorts);
  }
  if (static_cast<long long>(s.leaves) * in.leafDownPorts < leafPorts) {
    return QStringLiteral("%1 leaves cannot hold %2 ports").arg(s.leaves).arg(leafPorts);
  }
  if (in.railOptimised) {
    const int slotsPerSu = in.suNodes > 0 ? in.suNodes : in.leafDownPorts;
    const int slotCount = in.nodes + (in.reservedPorts + in.portsPerNode - 1) / in.portsPerNode;
    if (s.nodeSlotsPerSu != slotsPerSu || s.leavesPerSu != in.portsPerNode ||
        s.leaves != s.scalableUnits * s.leavesPerSu) {
      return QStringLiteral("scalable unit shape");
    }
    if (s.scalableUnits * slotsPerSu < slotCount ||
        (s.scalableUnits - 1) * slotsPerSu >= slotCount) {
      return QStringLiteral("%1 scalable units is not the fewest for %2 node slots")
          .arg(s.scalableUnits)
          .arg(slotCount);
    }
  } else if (static_cast<long long>(s.leaves - 1) * in.leafDownPorts >= leafPorts) {
    return QStringLiteral("%1 leaves is not the fewest").arg(s.leaves);
  }
  if (s.tiers == 1) {
    if (s.spines != 0 || s.cores != 0 || s.cablesLeafToSpine != 0 || s.cablesSpineToCore != 0) {
      return QStringLiteral("one tier with spines");
    }
    return {};
  }
  if (s.cablesLeafToSpine != static_cast<long long>(s.leaves) * in.leafUpPorts) {
    return QStringLiteral("leaf-spine cables %1 != leaves x uplinks").arg(s.cablesLeafToSpine);
  }
  if (std::abs(s.leafOversubscription - double(in.leafDownPorts) / in.leafUpPorts) > 1e-12) {
    return QStringLiteral("leaf oversubscription");
  }
  // Auto picks two tiers exactly when the spines can take every leaf.
  if (in.tiers == 0 && (s.tiers == 2) != (s.leaves <= in.spineRadix)) {
    return QStringLiteral("auto picked %1 tiers for %2 leaves").arg(s.tiers).arg(s.leaves);
  }
  if (s.tiers == 2) {
    if (s.spines <= 0 || in.leafUpPorts % s.spines != 0 ||
        s.linksLeafToSpine * s.spines != in.leafUpPorts) {
      return QStringLiteral("uplinks not spread evenly over %1 spines").arg(s.spines);
    }
    // Each spine takes linksLeafToSpine links from every leaf.
    if (static_cast<long long>(s.leaves) * s.linksLeafToSpine > in.spineRadix) {
      return QStringLiteral("spine ports %1 over radix").arg(s.leaves * s.linksLeafToSpine);
    }
    if (static_cast<long long>(s.spines) * s.leaves * s.linksLeafToSpine != s.cablesLeafToSpine) {
      return QStringLiteral("spine-side cable count");
    }
    if (hasDivisorBetween(in.leafUpPorts, s.spines, in.spineRadix,
                          static_cast<long long>(s.leaves) * in.leafUpPorts)) {
      return QStringLiteral("%1 spines is not the fewest").arg(s.spines);
    }
    if (s.cores != 0 || s.cablesSpineToCore != 0 || s.pods != 0) {
      return QStringLiteral("two tiers with cores");
    }
    return {};
  }
  if (s.tiers != 3) {
    return QStringLiteral("%1 tiers").arg(s.tiers);
  }
  if (s.spineDownPorts + s.spineUpPorts != in.spineRadix ||
      s.spineDownPorts > in.spineOversubscription * s.spineUpPorts + 1e-9) {
    return QStringLiteral("spine split %1/%2").arg(s.spineDownPorts).arg(s.spineUpPorts);
  }
  if (s.spinesPerPod * s.linksLeafToSpine != in.leafUpPorts ||
      s.leavesPerPod * s.linksLeafToSpine > s.spineDownPorts) {
    return QStringLiteral("pod shape %1 leaves x %2 spines")
        .arg(s.leavesPerPod)
        .arg(s.spinesPerPod);
  }
  if (in.railOptimised && s.leavesPerSu <= s.spineDownPorts && s.leavesPerPod % s.leavesPerSu) {
    return QStringLiteral("a scalable unit straddles two pods");
  }
  if (static_cast<long long>(s.pods) * s.leavesPerPod < s.leaves ||
      static_cast<long long>(s.pods - 1) * s.leavesPerPod >= s.leaves) {
    return QStringLiteral("%1 pods for %2 leaves").arg(s.pods).arg(s.leaves);
  }
  if (s.spines != s.pods * s.spinesPerPod) {
    return QStringLiteral("spines != pods x spines per pod");
  }
  if (s.cores != s.spinesPerPod * s.coresPerPlane || s.spineUpPorts % s.coresPerPlane != 0 ||
      s.linksSpineToCore * s.coresPerPlane != s.spineUpPorts) {
    return QStringLiteral("core uplinks not spread evenly over %1 cores per plane")
        .arg(s.coresPerPlane);
  }
  // A core takes linksSpineToCore links from the spine of its plane in every pod.
  if (static_cast<long long>(s.pods) * s.linksSpineToCore > in.spineRadix) {
    return QStringLiteral("core ports over radix");
  }
  if (s.cablesSpineToCore != static_cast<long long>(s.spines) * s.spineUpPorts ||
      s.cablesSpineToCore != static_cast<long long>(s.cores) * s.pods * s.linksSpineToCore) {
    return QStringLiteral("spine-core cables %1").arg(s.cablesSpineToCore);
  }
  if (hasDivisorBetween(s.spineUpPorts, s.coresPerPlane, in.spineRadix,
                        static_cast<long long>(s.pods) * s.spineUpPorts)) {
    return QStringLiteral("%1 cores per plane is not the fewest").arg(s.coresPerPlane);
  }
  return {};
}

QString describe(const FatTreeInput& in) {
  return QStringLiteral("nodes %1 x %2 ports, leaf %3/%4, spine %5 at %6:1, reserve %7, %8")
      .arg(in.nodes)
      .arg(in.portsPerNode)
      .arg(in.leafDownPorts)
      .arg(in.leafUpPorts)
      .arg(in.spineRadix)
      .arg(in.spineOversubscription)
      .arg(in.reservedPorts)
      .arg(in.railOptimised ? QStringLiteral("rails") : QStringLiteral("no rails"));
}

}  // namespace

/// Fat-tree and dragonfly sizing from ports alone; the SuperPOD, Juniper, Al-Fares and Kim/Dally
/// figures are checks on the general algorithm.
class TestFabricSizing final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void superPodTable4_data();
  void superPodTable4();
  void superPodBom4Su();
  void superPodTable3_data();
  void superPodTable3();
  void superPodB300Xdr();
  void twoTierLimitIsHalfRadixSquared();
  void juniperRailStripe();
  void alFaresKAryFatTree();
  void splitRadixRatios();
  void splitRadixProperties();
  void spineOversubscribedThreeTiers();
  void explicitTiers();
  void nonRailLeaves();
  void badFatTreeInputs();
  void fatTreeProperties();
  void dragonflyWorkedExample();
  void dragonflyBalancedSizes();
  void dragonflyFrontierGroups();
  void dragonflyBadInputs();
  void dragonflyProperties();
};

void TestFabricSizing::superPodTable4_data() {
  QTest::addColumn<int>("nodes");
  QTest::addColumn<int>("leaves");
  QTest::addColumn<int>("spines");
  QTest::addColumn<int>("nodeCables");
  QTest::addColumn<int>("spineCables");
  // NVIDIA RA-11333-001 (DGX SuperPOD H100) Table 4, compute fabric: reference-cases.md cases 1,
  // 2 and 4, catalog-facts.md §4.1. One node slot carries the 4 UFM ports.
  QTest::newRow("case 1: 1 SU") << 31 << 8 << 4 << 252 << 256;
  QTest::newRow("case 2: 2 SU") << 63 << 16 << 8 << 508 << 512;
  QTest::newRow("3 SU") << 95 << 24 << 16 << 764 << 768;
  QTest::newRow("case 4: 4 SU") << 127 << 32 << 16 << 1020 << 1024;
}

void TestFabricSizing::superPodTable4() {
  QFETCH(int, nodes);
  const FatTreeSizing s = sizeFatTree(dgxH100(nodes, 4));
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 2);
  QCOMPARE(s.nodeSlotsPerSu, 32);
  QCOMPARE(s.leavesPerSu, 8);
  QFETCH(int, leaves);
  QCOMPARE(s.scalableUnits, leaves / 8);
  QCOMPARE(s.leaves, leaves);
  QTEST(s.spines, "spines");
  QTEST(s.cablesNodeToLeaf, "nodeCables");
  QTEST(s.cablesLeafToSpine, "spineCables");
  QCOMPARE(s.cores, 0);
  QCOMPARE(s.cablesSpineToCore, 0);
  QCOMPARE(s.leafOversubscription, 1.0);
  QCOMPARE(s.linksLeafToSpine * s.spines, 32);
}

void TestFabricSizing::superPodBom4Su() {
  // RA-11333-001 Tables 7 and 8 (reference-cases.md case 4): 48 compute-fabric QM9700
  // (32 leaf + 16 spine) and 2,040 NDR 400G cables = 1,016 DGX-leaf + 1,024 leaf-spine (the
  // UFM links are separate cables).
  const FatTreeSizing s = sizeFatTree(dgxH100(127, 4));
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.leaves + s.spines, 48);
  QCOMPARE(s.cablesNodeToLeaf - 4, 1016);
  QCOMPARE(s.cablesNodeToLeaf - 4 + s.cablesLeafToSpine, 2040);
}

void TestFabricSizing::superPodTable3_data() {
  QTest::addColumn<int>("nodes");
  QTest::addColumn<int>("tiers");
  QTest::addColumn<int>("leaves");
  QTest::addColumn<int>("spines");
  QTest::addColumn<int>("cores");
  // RA-11333-001 Table 3 (catalog-facts.md §4.1; the B200 RA repeats it): no UFM reserve,
  // every tier carries nodes x 8 cables; three tiers from 16 SU.
  QTest::newRow("4 SU") << 128 << 2 << 32 << 16 << 0;
  QTest::newRow("8 SU") << 256 << 2 << 64 << 32 << 0;
  QTest::newRow("16 SU") << 512 << 3 << 128 << 128 << 64;
  QTest::newRow("32 SU") << 1024 << 3 << 256 << 256 << 128;
  QTest::newRow("64 SU") << 2048 << 3 << 512 << 512 << 256;
}

void TestFabricSizing::superPodTable3() {
  QFETCH(int, nodes);
  QFETCH(int, tiers);
  const FatTreeSizing s = sizeFatTree(dgxH100(nodes, 0));
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, tiers);
  QTEST(s.leaves, "leaves");
  QTEST(s.spines, "spines");
  QTEST(s.cores, "cores");
  QCOMPARE(s.cablesNodeToLeaf, nodes * 8);
  QCOMPARE(s.cablesLeafToSpine, nodes * 8);
  QCOMPARE(s.cablesSpineToCore, tiers == 3 ? nodes * 8 : 0);
  if (tiers == 3) {
    // formulas.md §3.2: leaf = spine, core = spine / 2; pods of 4 SU under 32 spines each.
    QCOMPARE(s.leavesPerPod, 32);
    QCOMPARE(s.spinesPerPod, 32);
    QCOMPARE(s.pods, nodes / 128);
    QCOMPARE(s.spineDownPorts, 32);
    QCOMPARE(s.spineUpPorts, 32);
  }
}

void TestFabricSizing::superPodB300Xdr() {
  // NVIDIA RA-11339-001 (B300, Quantum-X800 Q3400 = 144 x 800G, split 72/72): 1 SU = 72
  // nodes, 8 leaves, 4 spines, 576 node-leaf and 576 leaf-spine cables; the 4-SU row lists 18
  // spines; the 18-SU row carries 10,368 node-leaf cables (1,296 nodes x 8)
  // (facts-fabric-workload.md §3). facts-fabric-workload.md calls the 18 spines an erratum for
  // 32 x 72 / 144 = 16, but 16 does not divide a leaf's 72 uplinks: spreading them evenly takes
  // 18 spines of 4 links from each leaf (128 of 144 ports), the published count.
  FatTreeInput in = dgxH100(72, 0);
  in.leafDownPorts = 72;
  in.leafUpPorts = 72;
  in.spineRadix = 144;
  FatTreeSizing s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.leaves, 8);
  QCOMPARE(s.spines, 4);
  QCOMPARE(s.cablesNodeToLeaf, 576);
  QCOMPARE(s.cablesLeafToSpine, 576);
  in.nodes = 4 * 72;
  s = sizeFatTree(in);
  QCOMPARE(s.leaves, 32);
  QCOMPARE(s.spines, 18);
  QCOMPARE(s.linksLeafToSpine, 4);
  QCOMPARE(s.cablesLeafToSpine, 2304);
  in.nodes = 1296;
  s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 2);
  QCOMPARE(s.leaves, 144);
  QCOMPARE(s.spines, 72);
  QCOMPARE(s.cablesNodeToLeaf, 10368);
  QCOMPARE(s.cablesLeafToSpine, 10368);
}

void TestFabricSizing::twoTierLimitIsHalfRadixSquared() {
  // formulas.md §3.1: a two-tier non-blocking tree of k-port switches holds k^2 / 2 endpoints
  // (k = 64: 2,048; k = 144: 10,368, facts-fabric-workload.md §3); one more needs three tiers.
  for (const int k : {8, 16, 32, 36, 48, 64, 128, 144}) {
    FatTreeSizing s = sizeFatTree(kAry(k, k * k / 2));
    QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
    QCOMPARE(s.tiers, 2);
    QCOMPARE(s.leaves, k);
    QCOMPARE(s.spines, k / 2);
    QCOMPARE(s.linksLeafToSpine, 1);
    s = sizeFatTree(kAry(k, k * k / 2 + 1));
    QCOMPARE(s.tiers, 3);
  }
  QCOMPARE(sizeFatTree(kAry(64, 2048)).cablesLeafToSpine, 2048);
}

void TestFabricSizing::juniperRailStripe() {
  // Juniper JVD (reference-cases.md case 10): 8 GPUs per server, leaves of P ports at 1:1 ->
  // 8 leaves per stripe, P/2 servers per stripe; P = 64 -> 32 servers, 256 GPUs.
  for (const int ports : {32, 48, 64, 128, 144}) {
    int down = 0;
    int up = 0;
    QVERIFY(splitRadix(ports, 1.0, &down, &up));
    FatTreeInput in;
    in.portsPerNode = 8;
    in.leafDownPorts = down;
    in.leafUpPorts = up;
    in.spineRadix = ports;
    in.nodes = ports / 2;
    FatTreeSizing s = sizeFatTree(in);
    QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
    QCOMPARE(s.leavesPerSu, 8);
    QCOMPARE(s.nodeSlotsPerSu, ports / 2);
    QCOMPARE(s.scalableUnits, 1);
    QCOMPARE(s.leaves, 8);
    QCOMPARE(s.cablesNodeToLeaf, 8 * ports / 2);
    in.nodes = ports / 2 + 1;  // one server more opens a second stripe
    s = sizeFatTree(in);
    QCOMPARE(s.scalableUnits, 2);
    QCOMPARE(s.leaves, 16);
  }
  int down = 0;
  int up = 0;
  QVERIFY(splitRadix(64, 1.0, &down, &up));
  QCOMPARE(down, 32);
  QCOMPARE(8 * down, 256);
}

void TestFabricSizing::alFaresKAryFatTree() {
  // Al-Fares, Loukissas, Vahdat, SIGCOMM 2008 (formulas.md §3.2): k pods of k/2 edge + k/2
  // aggregation switches, (k/2)^2 cores; hosts k^3/4, switches 5k^2/4 (k = 64: 65,536 hosts,
  // 5,120 switches). It is the largest three-tier tree: one host more cannot be sized.
  for (const int k : {4, 8, 16, 24, 48, 64}) {
    const int hosts = k * k * k / 4;
    const FatTreeSizing s = sizeFatTree(kAry(k, hosts));
    QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
    QCOMPARE(s.tiers, 3);
    QCOMPARE(s.pods, k);
    QCOMPARE(s.leavesPerPod, k / 2);
    QCOMPARE(s.spinesPerPod, k / 2);
    QCOMPARE(s.leaves, k * k / 2);
    QCOMPARE(s.spines, k * k / 2);
    QCOMPARE(s.cores, k * k / 4);
    QCOMPARE(s.leaves + s.spines + s.cores, 5 * k * k / 4);
    QCOMPARE(s.linksSpineToCore, 1);
    QCOMPARE(s.cablesSpineToCore, hosts);
    const FatTreeSizing over = sizeFatTree(kAry(k, hosts + 1));
    QVERIFY(!over.problem.isEmpty());
    QVERIFY2(over.problem.contains(QStringLiteral("three tiers")), qPrintable(over.problem));
  }
  const FatTreeSizing s = sizeFatTree(kAry(64, 65536));
  QCOMPARE(s.leaves + s.spines + s.cores, 5120);
  QCOMPARE(sizeFatTree(kAry(64, 65537)).problem,
           QStringLiteral("64-port cores cannot hold 65 pods of 32 leaves in three tiers; at most "
                          "64 pods (2048 leaves) fit"));
}

void TestFabricSizing::splitRadixRatios() {
  // fabricsizing.h / formulas.md §3.1-3.2: 64 ports at 1:1 are 32/32, at 3:1 48/16.
  int down = -1;
  int up = -1;
  QVERIFY(splitRadix(64, 1.0, &down, &up));
  QCOMPARE(down, 32);
  QCOMPARE(up, 32);
  QVERIFY(splitRadix(64, 3.0, &down, &up));
  QCOMPARE(down, 48);
  QCOMPARE(up, 16);
  QVERIFY(splitRadix(144, 1.0, &down, &up));
  QCOMPARE(down, 72);
  QCOMPARE(up, 72);
  // Never more oversubscribed than asked: 1.5:1 of 64 ports is 38/26 (1.46:1), not 39/25.
  QVERIFY(splitRadix(64, 1.5, &down, &up));
  QCOMPARE(down, 38);
  QCOMPARE(up, 26);
  // 4:3 (SuperPOD storage, catalog-facts.md §4.1) stored a hair below 4/3 is still 4/3 of 7.
  QVERIFY(splitRadix(7, 4.0 / 3.0, &down, &up));
  QCOMPARE(down, 4);
  QCOMPARE(up, 3);
  QVERIFY(splitRadix(65, 1.0, &down, &up));
  QCOMPARE(down, 32);
  QCOMPARE(up, 33);
  QVERIFY(splitRadix(2, 1e9, &down, &up));
  QCOMPARE(down, 1);
  QCOMPARE(up, 1);
  QVERIFY(splitRadix(64, 1.0, nullptr, &up));
  QCOMPARE(up, 32);
  down = up = -1;
  QVERIFY(!splitRadix(1, 1.0, &down, &up));
  QVERIFY(!splitRadix(0, 1.0, &down, &up));
  QVERIFY(!splitRadix(-64, 1.0, &down, &up));
  QVERIFY(!splitRadix(64, 0.5, &down, &up));
  QVERIFY(!splitRadix(64, std::numeric_limits<double>::quiet_NaN(), &down, &up));
  QVERIFY(!splitRadix(64, std::numeric_limits<double>::infinity(), &down, &up));
  QCOMPARE(down, -1);
  QCOMPARE(up, -1);
}

void TestFabricSizing::splitRadixProperties() {
  // down + up = radix; down : up <= ratio; one uplink fewer would exceed the ratio.
  for (int radix = 2; radix <= 256; ++radix) {
    for (const double ratio : {1.0, 4.0 / 3.0, 1.5, 2.0, 3.0, 4.0, 7.0, 10.0}) {
      int down = 0;
      int up = 0;
      QVERIFY(splitRadix(radix, ratio, &down, &up));
      const bool ok = down >= 1 && up >= 1 && down + up == radix && down <= ratio * up + 1e-9 &&
                      (up == 1 || radix - (up - 1) > ratio * (up - 1) + 1e-9);
      if (!ok) {
        QFAIL(qPrintable(QStringLiteral("radix %1 at %2:1 split %3/%4")
                             .arg(radix)
                             .arg(ratio)
                             .arg(down)
                             .arg(up)));
      }
    }
  }
}

void TestFabricSizing::spineOversubscribedThreeTiers() {
  // 64-port spines at 3:1 (formulas.md §3.2: ratio = down / up bandwidth): 48 leaves per pod,
  // 16 core uplinks per spine; 64 pods at most, so 64 x 48 x 32 = 98,304 single-port hosts.
  FatTreeInput in = kAry(64, 98304);
  in.spineOversubscription = 3.0;
  FatTreeSizing s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 3);
  QCOMPARE(s.spineDownPorts, 48);
  QCOMPARE(s.spineUpPorts, 16);
  QCOMPARE(s.leavesPerPod, 48);
  QCOMPARE(s.pods, 64);
  QCOMPARE(s.leaves, 3072);
  QCOMPARE(s.spines, 2048);
  QCOMPARE(s.coresPerPlane, 16);
  QCOMPARE(s.cores, 512);
  QCOMPARE(s.cablesSpineToCore, 32768);
  QCOMPARE(s.cablesSpineToCore, s.cores * 64);  // every core port used
  in.nodes += 1;
  QVERIFY(!sizeFatTree(in).problem.isEmpty());

  // Rail-optimised DGX with 3:1 spines: 48 leaves per pod = 6 whole SU; 1,024 nodes = 256
  // leaves -> 6 pods (36 SU of room), 192 spines, cores 32 planes x 2.
  FatTreeInput dgx = dgxH100(1024, 0);
  dgx.spineOversubscription = 3.0;
  s = sizeFatTree(dgx);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.leavesPerPod, 48);
  QCOMPARE(s.pods, 6);
  QCOMPARE(s.spines, 192);
  QCOMPARE(s.coresPerPlane, 2);
  QCOMPARE(s.cores, 64);
  QCOMPARE(s.cablesSpineToCore, 192 * 16);
  // 2:1 spines split 42/22: pods round down to 40 leaves (5 SU) so no SU straddles two pods.
  dgx.spineOversubscription = 2.0;
  s = sizeFatTree(dgx);
  QCOMPARE(s.spineDownPorts, 42);
  QCOMPARE(s.spineUpPorts, 22);
  QCOMPARE(s.leavesPerPod, 40);
  QCOMPARE(s.pods, 7);

  // A leaf split 3:1 (48 down / 16 up) in two tiers: 64 leaves at most, 16 spines.
  int down = 0;
  int up = 0;
  QVERIFY(splitRadix(64, 3.0, &down, &up));
  FatTreeInput leaf3 = kAry(64, 64 * 48);
  leaf3.leafDownPorts = down;
  leaf3.leafUpPorts = up;
  s = sizeFatTree(leaf3);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 2);
  QCOMPARE(s.leaves, 64);
  QCOMPARE(s.spines, 16);
  QCOMPARE(s.leafOversubscription, 3.0);
}

void TestFabricSizing::explicitTiers() {
  // 512 DGX (Table 3, 16 SU) need 128 leaves: more than a 64-port spine can take.
  FatTreeInput in = dgxH100(512, 0);
  in.tiers = 2;
  QCOMPARE(sizeFatTree(in).problem,
           QStringLiteral("64-port spines cannot hold 128 leaves in two tiers; use three tiers"));
  // Three tiers asked for 4 SU: one pod of 32 spines, one core per plane.
  in = dgxH100(128, 0);
  in.tiers = 3;
  FatTreeSizing s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 3);
  QCOMPARE(s.pods, 1);
  QCOMPARE(s.spines, 32);
  QCOMPARE(s.coresPerPlane, 1);
  QCOMPARE(s.cores, 32);
  QCOMPARE(s.linksSpineToCore, 32);
  QCOMPARE(s.cablesSpineToCore, 1024);
  // One tier: one SU of rails without spines (rail-only); two SU cannot be joined.
  in = dgxH100(31, 4);
  in.tiers = 1;
  s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 1);
  QCOMPARE(s.leaves, 8);
  QCOMPARE(s.spines, 0);
  QCOMPARE(s.cablesLeafToSpine, 0);
  QCOMPARE(s.leafOversubscription, 0.0);
  in.nodes = 63;
  QCOMPARE(sizeFatTree(in).problem,
           QStringLiteral("63 nodes need 2 scalable units; one tier without spines joins only one "
                          "scalable unit; use two tiers"));
  // Auto with no uplinks is one tier.
  in = dgxH100(20, 0);
  in.leafUpPorts = 0;
  in.spineRadix = 0;
  s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.tiers, 1);
  in.nodes = 40;
  QVERIFY(sizeFatTree(in).problem.contains(QStringLiteral("give the leaves uplink ports")));
  // Auto with uplinks is two tiers even for one SU (fabricsizing.h).
  QCOMPARE(sizeFatTree(dgxH100(4, 0)).tiers, 2);
}

void TestFabricSizing::nonRailLeaves() {
  // Not rail-optimised: leaves = ceil((nodes x ports + reserve) / leaf down ports);
  // 100 dual-port servers + 4 reserved on 32-port leaves = 204 / 32 -> 7 leaves, 4 spines
  // (7 x 32 = 224 uplinks over 64-port spines need 4, a divisor of 32: 8 links leaf-spine).
  FatTreeInput in = dgxH100(100, 4);
  in.portsPerNode = 2;
  in.railOptimised = false;
  const FatTreeSizing s = sizeFatTree(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.leaves, 7);
  QCOMPARE(s.scalableUnits, 0);
  QCOMPARE(s.cablesNodeToLeaf, 204);
  QCOMPARE(s.spines, 4);
  QCOMPARE(s.linksLeafToSpine, 8);
  QCOMPARE(s.cablesLeafToSpine, 224);
  // suNodes sets the SU's node slots below the leaf's ports (16 per SU -> 2 SU for 20 nodes).
  FatTreeInput su = dgxH100(20, 0);
  su.suNodes = 16;
  QCOMPARE(sizeFatTree(su).scalableUnits, 2);
  QCOMPARE(sizeFatTree(su).nodeSlotsPerSu, 16);
}

void TestFabricSizing::badFatTreeInputs() {
  // Bad input is reported in words, never sized and never a crash (fabricsizing.h).
  const auto problemOf = [](auto change) {
    FatTreeInput in = dgxH100(31, 4);
    change(in);
    const FatTreeSizing s = sizeFatTree(in);
    if (!s.problem.isEmpty()) {
      // Nothing else is reported with a problem.
      if (s.leaves != 0 || s.spines != 0 || s.tiers != 0 || s.cablesNodeToLeaf != 0) {
        return QStringLiteral("counts with a problem");
      }
    }
    return s.problem;
  };
  QCOMPARE(problemOf([](FatTreeInput& in) { in.nodes = 0; }),
           QStringLiteral("0 nodes: a fabric needs at least one node"));
  QVERIFY(!problemOf([](FatTreeInput& in) { in.nodes = -5; }).isEmpty());
  QCOMPARE(problemOf([](FatTreeInput& in) { in.portsPerNode = 0; }),
           QStringLiteral("0 fabric ports per node: each node needs at least one port"));
  QCOMPARE(problemOf([](FatTreeInput& in) { in.leafDownPorts = 0; }),
           QStringLiteral("the leaf radix is missing: 0 node-facing leaf ports"));
  QCOMPARE(problemOf([](FatTreeInput& in) { in.spineRadix = 0; }),
           QStringLiteral("the spine radix is missing: 0 spine ports"));
  QCOMPARE(problemOf([](FatTreeInput& in) { in.reservedPorts = -1; }),
           QStringLiteral("-1 reserved leaf ports: the reserve cannot be negative"));
  QCOMPARE(problemOf([](FatTreeInput& in) { in.spineOversubscription = 0.5; }),
           QStringLiteral("spine oversubscription 0.5:1 is not a ratio of 1:1 or more"));
  QVERIFY(!problemOf([](FatTreeInput& in) {
             in.spineOversubscription = std::numeric_limits<double>::quiet_NaN();
           }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) {
             in.spineOversubscription = std::numeric_limits<double>::infinity();
           }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) { in.leafUpPorts = -1; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) { in.spineRadix = -64; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) { in.tiers = 4; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) { in.tiers = -1; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) { in.suNodes = -1; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) { in.suNodes = 33; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) {
             in.leafUpPorts = 0;
             in.tiers = 2;
           }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) {
             in.spineRadix = 1;
             in.tiers = 3;
           }).isEmpty());
  // Too large to count in an int: a problem, not an overflow.
  QVERIFY(!problemOf([](FatTreeInput& in) { in.nodes = kBig; }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) {
             in.nodes = kBig;
             in.portsPerNode = kBig;
             in.reservedPorts = kBig;
           }).isEmpty());
  QVERIFY(!problemOf([](FatTreeInput& in) {
             in.nodes = kBig;
             in.portsPerNode = 1;
             in.leafDownPorts = kBig;
             in.leafUpPorts = kBig;
             in.spineRadix = kBig;
             in.reservedPorts = kBig;
             in.railOptimised = false;
           }).isEmpty());
  // Huge but countable switches are sized (divisor search stays fast at any int).
  QVERIFY(problemOf([](FatTreeInput& in) {
            in.nodes = 1000;
            in.portsPerNode = 1;
            in.leafDownPorts = kBig;
            in.leafUpPorts = 1'000'003;  // prime
            in.spineRadix = kBig;
            in.railOptimised = false;
          }).isEmpty());
}

void TestFabricSizing::fatTreeProperties() {
  // Over many sizes, radixes, ports per node and oversubscriptions every sized tree holds its
  // ports, spreads its uplinks evenly, stays inside every switch's radix and counts each tier's
  // cables from both ends; a size that does not fit means every larger one does not either.
  int sized = 0;
  int refused = 0;
  for (const int radix : {8, 12, 16, 24, 32, 36, 40, 48, 64, 72, 128, 144}) {
    for (const double leafRatio : {1.0, 1.5, 3.0}) {
      int down = 0;
      int up = 0;
      QVERIFY(splitRadix(radix, leafRatio, &down, &up));
      for (const double spineRatio : {1.0, 2.0, 3.0}) {
        for (const int ports : {1, 2, 3, 4, 8}) {
          for (const bool rails : {true, false}) {
            for (const int reserve : {0, 4}) {
              bool refusedBefore = false;
              for (int nodes = 1; nodes <= 3000; nodes += (nodes < 100 ? 1 : 37)) {
                FatTreeInput in;
                in.nodes = nodes;
                in.portsPerNode = ports;
                in.leafDownPorts = down;
                in.leafUpPorts = up;
                in.spineRadix = radix;
                in.spineOversubscription = spineRatio;
                in.reservedPorts = reserve;
                in.railOptimised = rails;
                const FatTreeSizing s = sizeFatTree(in);
                if (!s.problem.isEmpty()) {
                  ++refused;
                  refusedBefore = true;
                  // Only a tree beyond three tiers of these switches is refused.
                  if (!s.problem.contains(QStringLiteral("in three tiers"))) {
                    QFAIL(qPrintable(describe(in) + QStringLiteral(": ") + s.problem));
                  }
                  continue;
                }
                ++sized;
                if (refusedBefore) {
                  QFAIL(qPrintable(describe(in) + QStringLiteral(": sized after a smaller size "
                                                                 "was refused")));
                }
                const QString broken = brokenInvariant(in, s);
                if (!broken.isEmpty()) {
                  QFAIL(qPrintable(describe(in) + QStringLiteral(": ") + broken));
                }
              }
            }
          }
        }
      }
    }
  }
  QVERIFY(sized > 100'000);
  QVERIFY(refused > 1'000);
}

void TestFabricSizing::dragonflyWorkedExample() {
  // Kim, Dally, Scott, Abts, ISCA 2008; CODES dragonfly README worked example
  // (facts-fabric-workload.md §4.1): a = 8, p = 4, h = 4 -> g = 33, 264 routers, 1,056 nodes.
  DragonflyInput in;
  in.nodes = 1056;
  in.terminalsPerRouter = 4;
  in.routersPerGroup = 8;
  in.globalPerRouter = 4;
  DragonflySizing s = sizeDragonfly(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.groups, 33);
  QCOMPARE(s.maxGroups, 33);
  QCOMPARE(s.routers, 264);
  QCOMPARE(s.maxEndpoints, 1056LL);
  QCOMPARE(s.radixUsed, 15);  // k = p + a + h - 1
  QCOMPARE(s.cablesNodeToRouter, 1056);
  QCOMPARE(s.cablesLocal, 33 * 28);  // 8 x 7 / 2 per group
  QCOMPARE(s.globalLinksPerGroupPair, 1);
  QCOMPARE(s.cablesGlobal, 33 * 32 / 2);  // one per group pair at full size
  // Balanced from the radix (a = 2p = 2h, k = 4h - 1): 15 or 16 ports give the same dragonfly.
  for (const int radix : {15, 16, 17, 18}) {
    DragonflyInput balanced;
    balanced.nodes = 1056;
    balanced.radix = radix;
    s = sizeDragonfly(balanced);
    QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
    QCOMPARE(s.terminalsPerRouter, 4);
    QCOMPARE(s.routersPerGroup, 8);
    QCOMPARE(s.globalPerRouter, 4);
    QCOMPARE(s.routers, 264);
  }
  in.nodes = 1057;
  QVERIFY(!sizeDragonfly(in).problem.isEmpty());
  // Fewer nodes: whole groups, global links doubled up over the fewer pairs (Huawei guidance,
  // facts-fabric-workload.md §4.1: small systems use parallel links per group pair).
  in.nodes = 100;  // 4 groups of 32
  s = sizeDragonfly(in);
  QCOMPARE(s.groups, 4);
  QCOMPARE(s.routers, 32);
  QCOMPARE(s.globalLinksPerGroupPair, 10);  // floor(32 / 3)
  QCOMPARE(s.cablesGlobal, 6 * 10);
  in.nodes = 32;  // one group: no global links
  s = sizeDragonfly(in);
  QCOMPARE(s.groups, 1);
  QCOMPARE(s.globalLinksPerGroupPair, 0);
  QCOMPARE(s.cablesGlobal, 0);
}

void TestFabricSizing::dragonflyBalancedSizes() {
  // Balanced dragonfly (facts-fabric-workload.md §4.1): k = 4h - 1, N = 4h^4 + 2h^2,
  // g = 2h^2 + 1; 64-port class (h = 16): N = 262,656; 144-port class (h = 36): N = 6,721,056
  // and a*h*g/2 = 3,360,528 global links at full size.
  for (long long h = 1; h <= 36; ++h) {
    DragonflyInput in;
    in.radix = static_cast<int>(4 * h - 1);
    const long long n = 4 * h * h * h * h + 2 * h * h;
    in.nodes = static_cast<int>(n);
    const DragonflySizing s = sizeDragonfly(in);
    QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
    QCOMPARE(s.globalPerRouter, static_cast<int>(h));
    QCOMPARE(s.maxEndpoints, n);
    QCOMPARE(s.groups, static_cast<int>(2 * h * h + 1));
    QCOMPARE(s.globalLinksPerGroupPair, 1);
    in.nodes += 1;
    QVERIFY(!sizeDragonfly(in).problem.isEmpty());
  }
  DragonflyInput k64;
  k64.radix = 64;
  k64.nodes = 262656;
  QCOMPARE(sizeDragonfly(k64).maxEndpoints, 262656LL);
  DragonflyInput k144;
  k144.radix = 144;
  k144.nodes = 6721056;
  const DragonflySizing s = sizeDragonfly(k144);
  QCOMPARE(s.groups, 2593);
  QCOMPARE(s.cablesGlobal, 3360528);
}

void TestFabricSizing::dragonflyFrontierGroups() {
  // Frontier (facts-fabric-workload.md §4.2): one group per cabinet of 128 nodes x 4 NICs on
  // 32 64-port switches, each 16 down, 31 intra-group, 16 global; 992 intra-group ports per
  // group; a full 74-cabinet build is 9,472 nodes (9,408 installed).
  DragonflyInput in;
  in.nodes = 9472;
  in.portsPerNode = 4;
  in.radix = 64;
  in.terminalsPerRouter = 16;
  in.routersPerGroup = 32;
  in.globalPerRouter = 16;
  DragonflySizing s = sizeDragonfly(in);
  QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
  QCOMPARE(s.radixUsed, 63);
  QCOMPARE(s.groups, 74);
  QCOMPARE(s.routers, 74 * 32);
  QCOMPARE(s.cablesLocal, 74 * 992 / 2);
  QCOMPARE(s.cablesNodeToRouter, 9472 * 4);
  in.nodes = 9408;
  s = sizeDragonfly(in);
  QCOMPARE(s.groups, 74);
}

void TestFabricSizing::dragonflyBadInputs() {
  const auto problemOf = [](auto change) {
    DragonflyInput in;
    in.nodes = 1056;
    in.radix = 16;
    change(in);
    const DragonflySizing s = sizeDragonfly(in);
    if (!s.problem.isEmpty() && (s.routers != 0 || s.groups != 0)) {
      return QStringLiteral("counts with a problem");
    }
    return s.problem;
  };
  QVERIFY(problemOf([](DragonflyInput&) {}).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.nodes = 0; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.portsPerNode = 0; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.radix = 0; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.radix = 2; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.radix = -1; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.terminalsPerRouter = -1; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) { in.terminalsPerRouter = 4; }).isEmpty());
  QCOMPARE(problemOf([](DragonflyInput& in) {
             in.terminalsPerRouter = 6;
             in.routersPerGroup = 8;
             in.globalPerRouter = 4;
           }),
           QStringLiteral("p + a + h - 1 = 17 ports exceed the 16-port radix"));
  QCOMPARE(problemOf([](DragonflyInput& in) { in.nodes = 2000; }),
           QStringLiteral("2000 node ports need 63 groups of 32; with 4 global links per router "
                          "a dragonfly holds at most 33 groups (1056 ports)"));
  QVERIFY(!problemOf([](DragonflyInput& in) { in.radix = kBig; }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) {
             in.radix = 0;
             in.terminalsPerRouter = kBig;
             in.routersPerGroup = kBig;
             in.globalPerRouter = kBig;
           }).isEmpty());
  QVERIFY(!problemOf([](DragonflyInput& in) {
             in.nodes = kBig;
             in.portsPerNode = kBig;
           }).isEmpty());
}

void TestFabricSizing::dragonflyProperties() {
  // For every router shape and size: the fewest whole groups, never more than a*h + 1, and
  // each group's global links spread evenly within its a*h global ports.
  for (int p = 1; p <= 6; ++p) {
    for (int a = 1; a <= 12; ++a) {
      for (int h = 1; h <= 6; ++h) {
        const long long capacity = static_cast<long long>(a) * p * (a * h + 1);
        for (int nodes = 1; nodes <= capacity; nodes += 1 + nodes / 8) {
          DragonflyInput in;
          in.nodes = nodes;
          in.terminalsPerRouter = p;
          in.routersPerGroup = a;
          in.globalPerRouter = h;
          const DragonflySizing s = sizeDragonfly(in);
          const int g = s.groups;
          const bool ok = s.problem.isEmpty() && s.maxEndpoints == capacity && g >= 1 &&
                          g <= a * h + 1 && static_cast<long long>(g) * a * p >= nodes &&
                          static_cast<long long>(g - 1) * a * p < nodes && s.routers == a * g &&
                          s.cablesLocal == g * a * (a - 1) / 2 &&
                          (g == 1 ? s.globalLinksPerGroupPair == 0
                                  : s.globalLinksPerGroupPair * (g - 1) <= a * h &&
                                        (s.globalLinksPerGroupPair + 1) * (g - 1) > a * h) &&
                          s.cablesGlobal == g * (g - 1) / 2 * s.globalLinksPerGroupPair;
          if (!ok) {
            QFAIL(qPrintable(QStringLiteral("p %1 a %2 h %3 nodes %4: %5")
                                 .arg(p)
                                 .arg(a)
                                 .arg(h)
                                 .arg(nodes)
                                 .arg(s.problem)));
          }
        }
      }
    }
  }
}

QTEST_GUILESS_MAIN(TestFabricSizing)
#include "tst_fabricsizing.moc"
