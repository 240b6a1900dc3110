// SPDX-License-Identifier: GPL-3.0-or-later
// The fabric pass on placed designs: the published DGX SuperPOD counts from the racks on the
// floor, every port cabled once, routed lengths to the millimetre on a hand-made hall, media by
// reach, transceivers and tray fill.
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "engine/fabric/analyzefabric.h"
#include "engine/fabric/media.h"
#include "templates/templateloader.h"

#include <QSet>
#include <QTest>

using namespace dc;

namespace {
FabricSpec computeSpec(const Project& project) {
  FabricSpec spec;
  spec.id = FabricSpecId::create();
  spec.hallId = project.halls().first().id();
  spec.name = QStringLiteral("Compute");
  spec.kind = FabricKind::Compute;
  spec.leafSwitchId = QStringLiteral("nvidia/qm9700");
  spec.reservedPorts = 4;
  return spec;
}

/// A hall with one DGX H100 rack A01 (at U3) at `node`, a network rack N01 of twelve QM9700
/// (U30-U41) at `network`, a ladder tray T1 along y = 5 m and a compute fabric.
Project twoRackHall(PointMm node, PointMm network, std::int64_t hallDepthMm) {
  Project project;
  const HallId hall = HallId::create();
  project.insertHall(-1, Hall(hall, QStringLiteral("H"),
                              {{0, 0}, {30000, 0}, {30000, hallDepthMm}, {0, hallDepthMm}}));
  Rack a(RackId::create(), hall, QStringLiteral("conteg/ri7-48-80-120"), node);
  a.setName(QStringLiteral("A01"));
  a.setRow(QStringLiteral("A"));
  a.insertMount(-1, Mount{MountId::create(), QStringLiteral("nvidia/dgx-h100"), 3});
  Rack z(RackId::create(), hall, QStringLiteral("conteg/ri7-48-80-120"), network);
  z.setName(QStringLiteral("N01"));
  z.setRow(QStringLiteral("A"));
  for (int u = 30; u < 42; ++u) {  // 8 leaves + 4 spines
    z.insertMount(-1, Mount{MountId::create(), QStringLiteral("nvidia/qm9700"), u});
  }
  project.insertRack(-1, a);
  project.insertRack(-1, z);
  project.insertCableTray(-1, CableTray{CableTrayId::create(),
                                        hall,
                                        QStringLiteral("T1"),
                                        {{1000, 5000}, {15000, 5000}},
                                        2800,
                                        600,
                                        100,
                                        TrayKind::Ladder});
  FabricSpec spec;
  spec.id = FabricSpecId::create();
  spec.hallId = hall;
  spec.name = QStringLiteral("C");
  spec.leafSwitchId = QStringLiteral("nvidia/qm9700");
  project.insertFabricSpec(-1, spec);
  return project;
}

int countTier(const FabricResult& r, int fabric, LinkTier tier) {
  int n = 0;
  const FabricSummary& s = r.fabrics[fabric];
  for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
    n += r.cables[size_t(c)].tier == tier ? 1 : 0;
  }
  return n;
}
}  // namespace

class TestFabricPass : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void superPod4SuFromTheFloor();
  void everyPortCabledOnce();
  void routedLengthOnAHandMadeHall();
  void mediaByReach();
  void missingSwitchesAreAFinding();
  void unreachedRackAndTrayOutsideHall();
  void portLevelPropertiesOverManySizes();
  void superPod1SuAnd2SuFromSyntheticFloors();

 private:
  CatalogLoadResult mCatalog;
};

void TestFabricPass::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QVERIFY(!mCatalog.catalog.isEmpty());
}

// Reference case 4 (NVIDIA DGX SuperPOD H100 RA-11333-001, Tables 4, 7, 8): 127 DGX H100,
// 1,016 GPUs, 32 leaf and 16 spine QM9700, 1,020 node(+UFM)-leaf and 1,024 leaf-spine cables.
void TestFabricPass::superPod4SuFromTheFloor() {
  Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json"));
  for (const FabricSpec& s : QList<FabricSpec>(project.fabricSpecs())) {
    project.removeFabricSpec(s.id);
  }
  project.insertFabricSpec(-1, computeSpec(project));
  const FabricResult r = analyzeFabric(
      DesignSnapshot{project, mCatalog.catalog, project.assumptions()}, project.assumptions());
  QCOMPARE(r.fabrics.size(), 1);
  const FabricSummary& s = r.fabrics.first();
  QCOMPARE(s.nodes, 127);
  QCOMPARE(s.gpus, 1016);
  QCOMPARE(s.sizing.leaves, 32);
  QCOMPARE(s.sizing.spines, 16);
  QCOMPARE(s.sizing.cores, 0);
  QCOMPARE(s.cablesNodeToLeaf, 1020);
  QCOMPARE(s.cablesReserved, 4);
  QCOMPARE(s.cablesLeafToSpine, 1024);
  QCOMPARE(countTier(r, 0, LinkTier::NodeToLeaf), 1016);
  QCOMPARE(countTier(r, 0, LinkTier::LeafToSpine), 1024);
  QCOMPARE(s.switchesNeeded, 48);
  QCOMPARE(s.switchesPlaced, 48);  // the template's network racks hold them
  QCOMPARE(s.unroutedLinks, 4);    // the reserved UFM ports have no device at the A end
  QCOMPARE(s.routedLinks, 2040);   // SP-H100 Table 8: 2,040 NDR cables DGX->leaf + leaf->spine
  QVERIFY(s.longestLinkMm > 0);
  QVERIFY(s.longestRoutesMm.size() == 5);
  for (const Cable& c : r.cables) {
    if (c.routedMm >= 0) {
      QVERIFY2(c.choice >= 0, "every routed link has a medium");
      QVERIFY(r.choices[c.choice].reachM * 1000.0 >= double(c.routedMm));
      QVERIFY(r.choices[c.choice].stockLengthMm >= c.routedMm);
    }
  }
  // A cage carries one medium: no cage holds a copper link and a fibre link (a twin-port module
  // or cable serves both ports of its cage).
  QHash<QPair<int, int>, QSet<bool>> cageMedia;
  for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
    const Cable& cable = r.cables[size_t(c)];
    if (cable.choice < 0) {
      continue;
    }
    const QString& m = r.choices[cable.choice].mediaClass;
    const bool fibre = m == QLatin1String("multimode") || m == QLatin1String("single-mode");
    for (const CableEnd& e : {cable.a, cable.z}) {
      cageMedia[{e.device, e.port / s.devices[e.device].portsPerCage}].insert(fibre);
    }
  }
  for (auto it = cageMedia.cbegin(); it != cageMedia.cend(); ++it) {
    QVERIFY2(it.value().size() == 1, "a cage mixes copper and fibre");
  }
  // Transceivers: one module per cage carrying fibre (copper needs none).
  QVERIFY(s.transceiversSwitchSide > 0);
  QVERIFY(s.transceiversSwitchSide <= 48 * 32);
  QVERIFY(s.transceiversNodeSide <= 127 * 4);
  QVERIFY(s.opticsPowerW > 0.0);
  qInfo("4-SU: longest %lld mm, switch-side modules %d, node-side %d, optics %.0f W, cables %d",
        static_cast<long long>(s.longestLinkMm), s.transceiversSwitchSide, s.transceiversNodeSide,
        s.opticsPowerW, s.physicalCables);
  QVERIFY(!r.trays.isEmpty());        // the template draws none: overhead defaults
  for (const TrayUse& t : r.trays) {  // per-segment fill from the engine; the worst is its max
    QCOMPARE(t.segmentFillPct.size(), t.pathMm.size() - 1);
    QCOMPARE(*std::max_element(t.segmentFillPct.cbegin(), t.segmentFillPct.cend()), t.worstFillPct);
    QCOMPARE(t.capacityMm2, t.widthMm * 100.0);  // generated: 600 x 100 mm (fabric.tray*)
  }

  // SP-H100 Table 8 note: "all networking components are multi-mode fiber". With that media
  // policy every cage carries a module: 1,536 switch-side (48 x 32 twin-port cages) and 508
  // DGX-side (127 x 4) OSFP transceivers, as the RA's bill of materials lists.
  DesignAssumptions optical = project.assumptions();
  optical.setChoice(QString::fromLatin1(assumption::kMediaPolicy), QStringLiteral("optical"));
  const FabricResult fibre =
      analyzeFabric(DesignSnapshot{project, mCatalog.catalog, optical}, optical);
  QCOMPARE(fibre.fabrics.first().transceiversSwitchSide, 1536);
  QCOMPARE(fibre.fabrics.first().transceiversNodeSide, 508);
  int cables = 0;
  for (const FabricBomLine& line : fibre.bom) {
    cables += line.isTransceiver ? 0 : line.count;
  }
  QCOMPARE(cables, 2040);  // SP-H100 Table 8: 2,040 NDR cables (one MPO fibre per 400G link)
}

void TestFabricPass::everyPortCabledOnce() {
  Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json"));
  for (const FabricSpec& s : QList<FabricSpec>(project.fabricSpecs())) {
    project.removeFabricSpec(s.id);
  }
  for (double over : {1.0, 3.0}) {
    FabricSpec spec = computeSpec(project);
    spec.leafOversubscription = over;
    project.insertFabricSpec(-1, spec);
    const FabricResult r = analyzeFabric(
        DesignSnapshot{project, mCatalog.catalog, project.assumptions()}, project.assumptions());
    const FabricSummary& s = r.fabrics.last();
    QSet<QPair<int, int>> used;
    for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
      const Cable& cable = r.cables[size_t(c)];
      for (const CableEnd& e : {cable.a, cable.z}) {
        if (e.device < 0) {
          continue;
        }
        QVERIFY2(!used.contains({e.device, e.port}), "a port used twice");
        used.insert({e.device, e.port});
        QVERIFY(e.port < s.devices[e.device].ports);
      }
    }
    int nodePorts = 0;
    for (const FabricDevice& d : s.devices) {
      nodePorts += d.isSwitch ? 0 : d.ports;
    }
    QCOMPARE(s.cablesNodeToLeaf - s.cablesReserved, nodePorts);  // every NIC port cabled
    project.removeFabricSpec(spec.id);
  }
}

// Two racks 6 m apart in one row under one tray at 2,800 mm: A (DGX H100 at U3, 8U, ports at
// (2 + 4) U) to Z (the top QM9700, U41, ports at 40.5 U): rise + 0 stub + 6,000 on the tray +
// 0 stub + drop + 2 x 1,000 mm slack (design assumption fabric.slackPerEndMm).
void TestFabricPass::routedLengthOnAHandMadeHall() {
  const Project project = twoRackHall(PointMm{4000, 5000}, PointMm{10000, 5000}, 10000);
  const FabricResult r = analyzeFabric(
      DesignSnapshot{project, mCatalog.catalog, project.assumptions()}, project.assumptions());
  const FabricSummary& s = r.fabrics.first();
  QCOMPARE(s.nodes, 1);
  QCOMPARE(s.sizing.leaves, 8);
  QCOMPARE(s.sizing.spines, 4);
  const Cable* nodeCable = nullptr;
  for (const Cable& c : r.cables) {
    if (c.tier == LinkTier::NodeToLeaf && c.z.mountIndex >= 0 &&
        project.racks()[c.z.rackIndex].mounts()[c.z.mountIndex].lowestU == 41) {
      nodeCable = &c;
    }
  }
  QVERIFY(nodeCable);
  // Unit height: the rack type's rack.unitHeightMm, else EIA-310 44.45 mm.
  const double unit = mCatalog.catalog.find(QStringLiteral("conteg/ri7-48-80-120"))
                          ->figureValue(QStringLiteral("rack.unitHeightMm"), 44.45);
  const std::int64_t ha = std::llround((3 - 1 + 8 / 2.0) * unit);
  const std::int64_t hz = std::llround((41 - 1 + 0.5) * unit);
  QCOMPARE(nodeCable->routedMm, (2800 - ha) + 6000 + (2800 - hz) + 2 * 1000);
  // In the same rack: height difference + the in-rack allowance (500 mm).
  for (const Cable& c : r.cables) {
    if (c.tier == LinkTier::LeafToSpine) {
      const std::int64_t h1 = std::llround(
          (project.racks()[c.a.rackIndex].mounts()[c.a.mountIndex].lowestU - 1 + 0.5) * unit);
      const std::int64_t h2 = std::llround(
          (project.racks()[c.z.rackIndex].mounts()[c.z.mountIndex].lowestU - 1 + 0.5) * unit);
      QCOMPARE(c.routedMm, std::abs(h1 - h2) + 500);
      QCOMPARE(r.choices[c.choice].mediaClass, QStringLiteral("passive-copper"));
    }
  }
}

// formulas.md §3.5 / facts-fabric-workload §1: DAC to 2-3 m, active copper 3-5 m (InfiniBand),
// multimode 50 m (NVIDIA twin-port SR4), single-mode DR 100/500 m, FR 2 km.
void TestFabricPass::mediaByReach() {
  const fabric::MediaCatalog media(mCatalog.catalog);
  const auto pick = [&](double m, const char* cageA = "osfp-twin-flat",
                        const char* cageZ = "osfp-twin-finned") {
    return media.choose(fabric::LinkNeed{400, std::llround(m * 1000), QStringLiteral("infiniband"),
                                         QString::fromLatin1(cageA), QString::fromLatin1(cageZ)});
  };
  QCOMPARE(pick(1.8).choice.mediaClass, QStringLiteral("passive-copper"));
  QCOMPARE(pick(4.2).choice.mediaClass, QStringLiteral("active-copper"));
  QCOMPARE(pick(4.2).choice.stockLengthMm, 5000);
  const fabric::MediumVerdict mm = pick(27.3);
  QCOMPARE(mm.choice.mediaClass, QStringLiteral("multimode"));
  QCOMPARE(mm.choice.stockLengthMm, 30000);  // MFP7E10 stocked 30 m (SP-H100 980-9I570-00N030)
  QCOMPARE(mm.choice.partNumber, QStringLiteral("MFP7E10-N030"));
  QCOMPARE(mm.choice.transceiverZId, QStringLiteral("nvidia/mma4z00-ns"));
  QCOMPARE(mm.choice.transceiverAId, QStringLiteral("nvidia/980-9i51a-00ns00"));
  QCOMPARE(pick(80).choice.mediaClass, QStringLiteral("single-mode"));
  QVERIFY(!pick(30000).found);
}

void TestFabricPass::missingSwitchesAreAFinding() {
  Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json"));
  for (const FabricSpec& s : QList<FabricSpec>(project.fabricSpecs())) {
    project.removeFabricSpec(s.id);
  }
  FabricSpec spec = computeSpec(project);
  spec.leafSwitchId = QStringLiteral("nvidia/qm9790");  // none placed
  project.insertFabricSpec(-1, spec);
  const Analysis a = analyze(project, mCatalog.catalog);
  QCOMPARE(a.findingsWithCode(QStringLiteral("fabric.switches-missing")).size(), 1);
  QCOMPARE(a.fabric.fabrics.first().switchesPlaced, 0);
  QCOMPARE(a.fabric.fabrics.first().cablesNodeToLeaf, 1020);  // sized all the same
  // Bad input: an oversubscription below 1 and an unknown switch are named.
  spec.leafOversubscription = 0.5;
  project.replaceFabricSpec(spec);
  QCOMPARE(analyze(project, mCatalog.catalog)
               .findingsWithCode(QStringLiteral("fabric.spec-invalid"))
               .size(),
           1);
  spec.leafOversubscription = 1;
  spec.leafSwitchId = QStringLiteral("nvidia/no-such-switch");
  project.replaceFabricSpec(spec);
  QCOMPARE(analyze(project, mCatalog.catalog)
               .findingsWithCode(QStringLiteral("fabric.switch-unknown"))
               .size(),
           1);
}

void TestFabricPass::unreachedRackAndTrayOutsideHall() {
  Project project = twoRackHall(PointMm{4000, 15000}, PointMm{10000, 5000}, 20000);
  project.insertCableTray(-1, CableTray{CableTrayId::create(),
                                        project.halls().first().id(),
                                        QStringLiteral("Outside"),
                                        {{1000, 5000}, {1000, 25000}},
                                        2800,
                                        600,
                                        100,
                                        TrayKind::Ladder});
  // An L-shaped hall: a tray whose vertices are inside but whose segment cuts across the notch.
  Hall l(HallId::create(), QStringLiteral("L"), {{0, 0}, {1, 0}, {0, 1}});
  l.setOutlineMm({{0, 0}, {30000, 0}, {30000, 10000}, {15000, 10000}, {15000, 20000}, {0, 20000}});
  Project lHall;
  lHall.insertHall(-1, l);
  lHall.insertCableTray(-1, CableTray{CableTrayId::create(),
                                      l.id(),
                                      QStringLiteral("Across"),
                                      {{5000, 18000}, {25000, 8000}},
                                      2800,
                                      600,
                                      100,
                                      TrayKind::Ladder});
  lHall.insertCableTray(-1, CableTray{CableTrayId::create(),
                                      l.id(),
                                      QStringLiteral("Along"),
                                      {{5000, 15000}, {5000, 5000}, {25000, 5000}},
                                      2800,
                                      600,
                                      100,
                                      TrayKind::Ladder});
  Rack lone(RackId::create(), l.id(), QStringLiteral("conteg/ri7-48-80-120"), PointMm{5000, 6000});
  lone.insertMount(-1, Mount{MountId::create(), QStringLiteral("nvidia/dgx-h100"), 3});
  lHall.insertRack(-1, lone);
  FabricSpec lSpec = project.fabricSpecs().first();
  lSpec.hallId = l.id();
  lHall.insertFabricSpec(-1, lSpec);
  const QList<Finding> across =
      analyze(lHall, mCatalog.catalog).findingsWithCode(QStringLiteral("fabric.tray-outside-hall"));
  QCOMPARE(across.size(), 1);  // "Across" cuts the notch; "Along" stays inside
  QVERIFY(across.first().message.contains(QStringLiteral("Across")));

  const Analysis r = analyze(project, mCatalog.catalog);
  QCOMPARE(r.findingsWithCode(QStringLiteral("fabric.tray-outside-hall")).size(), 1);
  const QList<Finding> unreached = r.findingsWithCode(QStringLiteral("fabric.rack-unreached"));
  QCOMPARE(unreached.size(), 1);
  QVERIFY(unreached.first().message.contains(QStringLiteral("A01")));
  QCOMPARE(r.fabric.fabrics.first().unroutedLinks, 8);
}

namespace {
/// A hall of `nodes` DGX H100 (4 per rack, rows of 10) and enough network racks of `switchId`
/// (ten per rack) at the row ends for `switches` switches.
Project syntheticFloor(int nodes, const QString& nodeId, const QString& switchId, int switches,
                       int switchHeightU) {
  Project project;
  const HallId hall = HallId::create();
  const int racks = (nodes + 3) / 4;
  const int rows = std::max(1, (racks + 9) / 10);
  const int perNetworkRack = std::max(1, 40 / switchHeightU);
  const int networkRacks = (switches + perNetworkRack - 1) / perNetworkRack;
  const int networkPerRow = (networkRacks + rows - 1) / rows;
  const std::int64_t width = (10 + networkPerRow) * 600 + 4000;
  project.insertHall(
      -1, Hall(hall, QStringLiteral("S"),
               {{0, 0}, {width, 0}, {width, rows * 3000 + 4000}, {0, rows * 3000 + 4000}}));
  int placedNodes = 0;
  int placedSwitches = 0;
  for (int row = 0; row < rows; ++row) {
    for (int i = 0; i < 10 + networkPerRow; ++i) {
      const bool network = i >= 10;
      if ((network && placedSwitches >= switches) || (!network && placedNodes >= nodes)) {
        continue;
      }
      Rack rack(RackId::create(), hall, QStringLiteral("conteg/ri7-48-80-120"),
                PointMm{2000 + 600 * i + 300, 2000 + 3000 * row + 600});
      rack.setName(QStringLiteral("R%1-%2").arg(row).arg(i));
      rack.setRow(QStringLiteral("R%1").arg(row, 3, 10, QLatin1Char('0')));
      for (int k = 0; k < (network ? perNetworkRack : 4); ++k) {
        if (network && placedSwitches < switches) {
          rack.insertMount(-1, Mount{MountId::create(), switchId, 1 + k * switchHeightU});
          ++placedSwitches;
        } else if (!network && placedNodes < nodes) {
          rack.insertMount(-1, Mount{MountId::create(), nodeId, 1 + 10 * k});
          ++placedNodes;
        }
      }
      project.insertRack(-1, rack);
    }
  }
  return project;
}
}  // namespace

// Property test over many sizes, switch radixes, oversubscriptions and tier counts: every NIC
// port cabled once, no switch port used twice or beyond its radix, per-tier counts equal the
// sizing, and every leaf's uplinks spread evenly over its spines (and spines' over cores).
void TestFabricPass::portLevelPropertiesOverManySizes() {
  struct Case {
    const char* node;
    const char* sw;
    int heightU;
    double over;
    int tiers;
    bool rail;
  };
  const Case cases[] = {
      {"nvidia/dgx-h100", "nvidia/qm9700", 1, 1.0, 0, true},
      {"nvidia/dgx-h100", "nvidia/qm9700", 1, 3.0, 0, true},
      {"nvidia/dgx-h100", "nvidia/qm9700", 1, 1.0, 3, true},
      {"nvidia/dgx-h100", "nvidia/qm9700", 1, 1.0, 0, false},
      {"nvidia/dgx-b300", "nvidia/q3400-ra", 4, 1.0, 0, true},
      {"nvidia/dgx-b300", "nvidia/q3400-ra", 4, 2.0, 3, true},
  };
  for (const Case& tc : cases) {
    for (int nodes : {1, 7, 31, 33, 64, 95, 130, 257}) {
      // Size first, to place enough switches.
      Project probe = syntheticFloor(nodes, QString::fromLatin1(tc.node),
                                     QString::fromLatin1(tc.sw), 0, tc.heightU);
      FabricSpec spec;
      spec.id = FabricSpecId::create();
      spec.hallId = probe.halls().first().id();
      spec.name = QStringLiteral("P");
      spec.leafSwitchId = QString::fromLatin1(tc.sw);
      spec.leafOversubscription = tc.over;
      spec.tiers = tc.tiers;
      spec.railOptimised = tc.rail;
      spec.reservedPorts = nodes % 3 == 0 ? 4 : 0;
      probe.insertFabricSpec(-1, spec);
      const FabricResult sized = analyzeFabric(
          DesignSnapshot{probe, mCatalog.catalog, probe.assumptions()}, probe.assumptions());
      QVERIFY2(sized.fabrics.first().sizing.problem.isEmpty(),
               qPrintable(sized.fabrics.first().sizing.problem));
      Project project =
          syntheticFloor(nodes, QString::fromLatin1(tc.node), QString::fromLatin1(tc.sw),
                         sized.fabrics.first().switchesNeeded, tc.heightU);
      spec.hallId = project.halls().first().id();
      project.insertFabricSpec(-1, spec);
      const FabricResult r = analyzeFabric(
          DesignSnapshot{project, mCatalog.catalog, project.assumptions()}, project.assumptions());
      const FabricSummary& s = r.fabrics.first();
      const QString label = QStringLiteral("%1 x %2 on %3, %4:1, tiers %5, %6")
                                .arg(nodes)
                                .arg(QString::fromLatin1(tc.node), QString::fromLatin1(tc.sw))
                                .arg(tc.over)
                                .arg(tc.tiers)
                                .arg(tc.rail ? "rail" : "no rail");
      QVERIFY2(s.switchesPlaced == s.switchesNeeded, qPrintable(label));
      QSet<QPair<int, int>> used;
      QHash<QPair<int, int>, int> pairLinks;  // (lower switch, upper switch) -> links
      int nodeToLeaf = 0, leafToSpine = 0, spineToCore = 0;
      for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
        const Cable& cable = r.cables[size_t(c)];
        for (const CableEnd& e : {cable.a, cable.z}) {
          if (e.device < 0) {
            continue;
          }
          QVERIFY2(!used.contains({e.device, e.port}), qPrintable(label + " port used twice"));
          used.insert({e.device, e.port});
          QVERIFY2(e.port >= 0 && e.port < s.devices[e.device].ports, qPrintable(label));
        }
        nodeToLeaf += cable.tier == LinkTier::NodeToLeaf || cable.tier == LinkTier::Reserved;
        leafToSpine += cable.tier == LinkTier::LeafToSpine;
        spineToCore += cable.tier == LinkTier::SpineToCore;
        if (cable.tier == LinkTier::LeafToSpine || cable.tier == LinkTier::SpineToCore) {
          ++pairLinks[{cable.a.device, cable.z.device}];
        }
      }
      int nodePorts = 0;
      for (const FabricDevice& d : s.devices) {
        nodePorts += d.isSwitch ? 0 : d.ports;
      }
      QVERIFY2(s.cablesNodeToLeaf - s.cablesReserved == nodePorts, qPrintable(label));
      QCOMPARE(nodeToLeaf, s.sizing.cablesNodeToLeaf);
      QCOMPARE(leafToSpine, s.sizing.cablesLeafToSpine);
      QCOMPARE(spineToCore, s.sizing.cablesSpineToCore);
      // Even spreading: every (leaf, spine) pair that is linked carries the same number of links,
      // and so does every (spine, core) pair.
      QSet<int> linkCounts[2];
      for (auto it = pairLinks.cbegin(); it != pairLinks.cend(); ++it) {
        const bool upper = s.devices[it.key().first].role == SwitchRole::Spine;
        linkCounts[upper ? 1 : 0].insert(it.value());
      }
      QVERIFY2(linkCounts[0].size() <= 1 && linkCounts[1].size() <= 1,
               qPrintable(label + " uplinks not evenly spread"));
    }
  }
}

// Reference cases 1 and 2 (SP-H100 Table 4) cabled on synthetic floors: 31 DGX -> 8 leaves,
// 4 spines, 252 + 256 cables; 63 DGX -> 16, 8, 508 + 512.
void TestFabricPass::superPod1SuAnd2SuFromSyntheticFloors() {
  for (const auto& [nodes, leaves, spines, down, up] :
       {std::tuple{31, 8, 4, 252, 256}, std::tuple{63, 16, 8, 508, 512}}) {
    Project project = syntheticFloor(nodes, QStringLiteral("nvidia/dgx-h100"),
                                     QStringLiteral("nvidia/qm9700"), leaves + spines, 1);
    FabricSpec spec = computeSpec(project);
    project.insertFabricSpec(-1, spec);
    const FabricResult r = analyzeFabric(
        DesignSnapshot{project, mCatalog.catalog, project.assumptions()}, project.assumptions());
    const FabricSummary& s = r.fabrics.first();
    QCOMPARE(s.nodes, nodes);
    QCOMPARE(s.gpus, nodes * 8);
    QCOMPARE(s.sizing.leaves, leaves);
    QCOMPARE(s.sizing.spines, spines);
    QCOMPARE(s.cablesNodeToLeaf, down);
    QCOMPARE(s.cablesLeafToSpine, up);
    QCOMPARE(s.switchesPlaced, leaves + spines);
    QCOMPARE(s.routedLinks, nodes * 8 + up);
  }
}

QTEST_GUILESS_MAIN(TestFabricPass)
#include "tst_fabricpass.moc"
