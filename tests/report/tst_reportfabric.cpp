// SPDX-License-Identifier: GPL-3.0-or-later
// The report's network fabric: the topology drawing's content, the fabric section (sizing, key
// figures, counts per tier, cable bundles, cables and optics, longest links, tray fill) and the
// per-cable CSV, first from a hand-built fabric result, then from the fabric pass on the 4-SU
// DGX SuperPOD H100 (NVIDIA RA-11333-001 Tables 4 and 8, reference case 4), and the PDF.
#include "catalog/catalogloader.h"
#include "csvrecords.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "engine/fabric/fabricsizing.h"
#include "poppler.h"
#include "report/csvexport.h"
#include "report/diagramfabric.h"
#include "report/drawfabric.h"
#include "report/pdfreport.h"
#include "report/reportbuilder.h"
#include "report/reportdata.h"
#include "report/sections/sections.h"
#include "testdesigns.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dc;
using namespace dc::report;

namespace {

/// The table with `id` in `section`, or null.
const Table* tableIn(const Section& section, const QString& id) {
  for (const Block& block : section.blocks) {
    if (const auto* table = std::get_if<Table>(&block); table != nullptr && table->id == id) {
      return table;
    }
  }
  return nullptr;
}

/// The key figure labelled `label` in `section`, or null.
const KeyFigure* figureIn(const Section& section, const QString& label) {
  for (const Block& block : section.blocks) {
    if (const auto* figures = std::get_if<KeyFigures>(&block)) {
      for (const KeyFigure& figure : figures->items) {
        if (figure.label == label) {
          return &figure;
        }
      }
    }
  }
  return nullptr;
}

/// The blocks of one fabric in the fabric section: from its heading to the next page break.
Section fabricPart(const Section& section, const QString& heading) {
  Section part;
  bool inside = false;
  for (const Block& block : section.blocks) {
    const auto* paragraph = std::get_if<Paragraph>(&block);
    if (paragraph != nullptr && paragraph->style == Paragraph::Style::Heading) {
      inside = paragraph->text == heading;
    } else if (std::holds_alternative<PageBreak>(block)) {
      inside = false;
    }
    if (inside) {
      part.blocks.append(block);
    }
  }
  return part;
}

/// The row of `table` whose first cell is `first`, or an empty row.
QList<Cell> rowOf(const Table& table, const QString& first) {
  for (const QList<Cell>& row : table.rows) {
    if (!row.isEmpty() && row.first().text == first) {
      return row;
    }
  }
  return {};
}

int columnOf(const Table& table, const QString& title) {
  for (qsizetype c = 0; c < table.columns.size(); ++c) {
    if (table.columns[c].title == title) {
      return int(c);
    }
  }
  return -1;
}

QString allText(const Section& section) {
  QStringList text;
  for (const Block& block : section.blocks) {
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      text.append(paragraph->text);
    }
  }
  return text.join(QLatin1Char('\n'));
}

/// A small rail-optimised fabric built by hand: 8 nodes of 8 ports in racks A01-A04 (two each),
/// 8 leaves (one per rail) and 4 spines in one switch rack, one reserved leaf port; node links
/// multimode at 10 m stock, leaf-spine copper 3 m. The rack of the switches is named with a
/// comma and quotes, for the CSV's quoting.
struct HandFabric {
  Project project;
  FabricResult fabric;
  static constexpr int kNodes = 8;
  static constexpr int kPorts = 8;
  static constexpr int kSpines = 4;
};

HandFabric handFabric() {
  HandFabric hand;
  Project& project = hand.project;
  const HallId hall = HallId::create();
  project.insertHall(-1, Hall(hall, QStringLiteral("Hall A"), test::rectangleMm(20000, 12000)));
  for (int r = 0; r < 4; ++r) {
    project.insertRack(
        -1, test::makeRack(
                hall, QStringLiteral("A0%1").arg(r + 1), QStringLiteral("conteg/ri7-48-80-120"),
                PointMm{1000 + 800 * r, 2000},
                {QStringLiteral("nvidia/dgx-h100@2"), QStringLiteral("nvidia/dgx-h100@12")}));
  }
  QStringList switches;
  for (int u = 0; u < 12; ++u) {
    switches.append(QStringLiteral("nvidia/qm9700@%1").arg(10 + 2 * u));
  }
  project.insertRack(
      -1, test::makeRack(hall, QStringLiteral("Net \"1\", west"),
                         QStringLiteral("conteg/ri7-48-80-120"), PointMm{6000, 2000}, switches));
  const int switchRack = 4;

  FabricResult& result = hand.fabric;
  FabricSummary f;
  f.specId = FabricSpecId::create();
  f.hallId = hall;
  f.name = QStringLiteral("Compute fabric");
  f.leafSwitchId = QStringLiteral("nvidia/qm9700");
  f.spineSwitchId = QStringLiteral("nvidia/qm9700");
  f.sizing.tiers = 2;
  f.sizing.nodeSlotsPerSu = 32;
  f.sizing.scalableUnits = 1;
  f.sizing.leavesPerSu = 8;
  f.sizing.leaves = 8;
  f.sizing.spines = HandFabric::kSpines;
  f.sizing.linksLeafToSpine = 2;
  f.sizing.cablesNodeToLeaf = HandFabric::kNodes * HandFabric::kPorts + 1;
  f.sizing.cablesLeafToSpine = 8 * 8;
  f.sizing.leafOversubscription = 4.0;  // 8 nodes down, 8 up would be 1:1; say 32:8
  for (int n = 0; n < HandFabric::kNodes; ++n) {
    FabricDevice node;
    node.rackIndex = n / 2;
    node.mountIndex = n % 2;
    node.catalogId = QStringLiteral("nvidia/dgx-h100");
    node.ports = HandFabric::kPorts;
    node.portsPerCage = 2;
    node.scalableUnit = 0;
    f.devices.append(node);
  }
  for (int l = 0; l < 8; ++l) {
    FabricDevice leaf;
    leaf.rackIndex = switchRack;
    leaf.mountIndex = l;
    leaf.catalogId = QStringLiteral("nvidia/qm9700");
    leaf.role = SwitchRole::Leaf;
    leaf.isSwitch = true;
    leaf.ports = 64;
    leaf.portsPerCage = 2;
    leaf.scalableUnit = 0;
    leaf.rail = l;
    f.devices.append(leaf);
  }
  for (int s = 0; s < HandFabric::kSpines; ++s) {
    FabricDevice spine;
    // The last spine is needed but not placed.
    spine.rackIndex = s < HandFabric::kSpines - 1 ? switchRack : -1;
    spine.mountIndex = s < HandFabric::kSpines - 1 ? 8 + s : -1;
    spine.catalogId = QStringLiteral("nvidia/qm9700");
    spine.role = SwitchRole::Spine;
    spine.isSwitch = true;
    spine.ports = 64;
    f.devices.append(spine);
  }
  f.nodes = HandFabric::kNodes;
  f.nodePorts = HandFabric::kPorts;
  f.gpus = HandFabric::kNodes * 8;
  f.switchesNeeded = 8 + HandFabric::kSpines;
  f.switchesPlaced = 8 + HandFabric::kSpines - 1;

  LinkChoice fibre;
  fibre.mediaClass = QStringLiteral("multimode");
  fibre.cableId = QStringLiteral("nvidia/mfp7e10");
  fibre.partNumber = QStringLiteral("MFP7E10-N010");
  fibre.stockLengthMm = 10000;
  fibre.transceiverAId = QStringLiteral("nvidia/mma4z00-ns");
  fibre.transceiverZId = QStringLiteral("nvidia/mma4z00-ns");
  fibre.reachM = 50.0;
  fibre.speedGbps = 400.0;
  LinkChoice copper;
  copper.mediaClass = QStringLiteral("passive-copper");
  copper.cableId = QStringLiteral("nvidia/mcp4y10");
  copper.partNumber = QStringLiteral("MCP4Y10-N003");
  copper.stockLengthMm = 3000;
  copper.reachM = 3.0;
  copper.speedGbps = 400.0;
  copper.linksPerCable = 2;
  result.choices = {fibre, copper};

  const auto add = [&](LinkTier tier, CableEnd a, CableEnd z, std::int64_t mm, int choice) {
    Cable cable;
    cable.tier = tier;
    cable.a = a;
    cable.z = z;
    cable.speedGbps = 400.0;
    cable.routedMm = mm;
    cable.choice = choice;
    result.cables.push_back(cable);
  };
  for (int n = 0; n < HandFabric::kNodes; ++n) {
    for (int p = 0; p < HandFabric::kPorts; ++p) {
      add(LinkTier::NodeToLeaf, CableEnd{n / 2, n % 2, n, p},
          CableEnd{switchRack, p, HandFabric::kNodes + p, n}, 5000 + 1000 * (n / 2) + 10 * p, 0);
    }
  }
  // The reserved (UFM) port: nothing at its A end, so not routed and no medium, as the pass.
  add(LinkTier::Reserved, CableEnd{}, CableEnd{switchRack, 0, HandFabric::kNodes, 8}, -1, -1);
  f.cablesNodeToLeaf = HandFabric::kNodes * HandFabric::kPorts + 1;
  f.cablesReserved = 1;
  for (int l = 0; l < 8; ++l) {
    for (int k = 0; k < 8; ++k) {
      const int s = k % HandFabric::kSpines;
      const bool placed = s < HandFabric::kSpines - 1;
      add(LinkTier::LeafToSpine, CableEnd{switchRack, l, HandFabric::kNodes + l, 32 + k},
          CableEnd{placed ? switchRack : -1, placed ? 8 + s : -1, HandFabric::kNodes + 8 + s,
                   l * 2 + k / HandFabric::kSpines},
          placed ? 2000 : -1, placed ? 1 : -1);
    }
  }
  f.cablesLeafToSpine = 64;
  f.cableCount = int(result.cables.size());
  f.physicalCables = 64 + 24;  // fibre 64; copper twin-port, 48 links in 24
  f.routedLinks = 64 + 48;
  f.unroutedLinks = 16 + 1;       // to the missing spine, and the reserved port
  f.transceiversSwitchSide = 32;  // 8 leaves x 4 node-facing cages
  f.transceiversNodeSide = 32;    // 8 nodes x 4 cages
  f.opticsPowerW = 64 * 17.0;
  f.longestLinkMm = 8070;
  f.longestCable = 63;
  result.fabrics.append(f);
  result.bom = {
      FabricBomLine{QStringLiteral("nvidia/mfp7e10"), QStringLiteral("MFP7E10-N010"),
                    QStringLiteral("MFP7E10 multimode, 10 m"), false, 10000, 64, 0.0, f.name, 0},
      FabricBomLine{QStringLiteral("nvidia/mma4z00-ns"), QStringLiteral("MMA4Z00-NS"),
                    QStringLiteral("OSFP 2×SR4 twin-port transceiver"), true, 0, 64, 17.0, f.name,
                    0},
  };
  TrayUse tray;
  tray.hallId = hall;
  tray.trayId = CableTrayId::create();
  tray.name = QStringLiteral("T-1");
  tray.capacityMm2 = 60000.0;
  tray.fillLimitPct = 50.0;
  tray.worstFillPct = 62.5;
  tray.cableAreaMm2 = 37500.0;
  tray.cablesOnWorst = 113;
  result.trays.append(tray);
  result.totalCables = int(result.cables.size());
  return hand;
}

/// A rail-optimised fat-tree of 64-port switches at 1:1 (32 down, 32 up, as the QM9700) for
/// `nodes` nodes of 8 ports, wired as its sizing says (every leaf to each spine of its pod, spine
/// j of every pod to plane j's cores), placed nowhere: the drawing's grouping at scale.
FabricResult syntheticFatTree(int nodes, fabric::FatTreeSizing* sizingOut) {
  fabric::FatTreeInput input;
  input.nodes = nodes;
  input.portsPerNode = 8;
  input.leafDownPorts = 32;
  input.leafUpPorts = 32;
  input.spineRadix = 64;
  const fabric::FatTreeSizing s = fabric::sizeFatTree(input);
  *sizingOut = s;
  FabricResult result;
  FabricSummary f;
  f.name = QStringLiteral("Compute fabric");
  f.leafSwitchId = QStringLiteral("nvidia/qm9700");
  f.sizing = s;
  const auto device = [](bool isSwitch, SwitchRole role, int su, int rail) {
    FabricDevice d;
    d.catalogId = isSwitch ? QStringLiteral("nvidia/qm9700") : QStringLiteral("nvidia/dgx-h100");
    d.isSwitch = isSwitch;
    d.role = role;
    d.ports = isSwitch ? 64 : 8;
    d.scalableUnit = su;
    d.rail = rail;
    return d;
  };
  for (int n = 0; n < nodes; ++n) {
    f.devices.append(device(false, SwitchRole::Leaf, n / s.nodeSlotsPerSu, -1));
  }
  const int firstLeaf = nodes;
  for (int l = 0; l < s.leaves; ++l) {
    f.devices.append(device(true, SwitchRole::Leaf, l / s.leavesPerSu, l % s.leavesPerSu));
  }
  const int firstSpine = firstLeaf + s.leaves;
  for (int k = 0; k < s.spines; ++k) {
    f.devices.append(device(true, SwitchRole::Spine, -1, -1));
  }
  const int firstCore = firstSpine + s.spines;
  for (int c = 0; c < s.cores; ++c) {
    f.devices.append(device(true, SwitchRole::Core, -1, -1));
  }
  const auto add = [&](LinkTier tier, int a, int z) {
    Cable cable;
    cable.tier = tier;
    cable.a.device = a;
    cable.z.device = z;
    cable.speedGbps = 400.0;
    result.cables.push_back(cable);
  };
  for (int n = 0; n < nodes; ++n) {
    for (int p = 0; p < 8; ++p) {
      add(LinkTier::NodeToLeaf, n, firstLeaf + (n / s.nodeSlotsPerSu) * s.leavesPerSu + p);
    }
  }
  const bool threeTiers = s.tiers >= 3;
  const int spinesPerPod = threeTiers ? s.spinesPerPod : s.spines;
  const int leavesPerPod = threeTiers ? s.leavesPerPod : s.leaves;
  for (int l = 0; l < s.leaves; ++l) {
    const int pod = l / leavesPerPod;
    for (int j = 0; j < spinesPerPod; ++j) {
      for (int k = 0; k < s.linksLeafToSpine; ++k) {
        add(LinkTier::LeafToSpine, firstLeaf + l, firstSpine + pod * spinesPerPod + j);
      }
    }
  }
  if (threeTiers) {
    for (int q = 0; q < s.spines; ++q) {
      const int plane = q % spinesPerPod;
      for (int c = 0; c < s.coresPerPlane; ++c) {
        for (int k = 0; k < s.linksSpineToCore; ++k) {
          add(LinkTier::SpineToCore, firstSpine + q, firstCore + plane * s.coresPerPlane + c);
        }
      }
    }
  }
  f.nodes = nodes;
  f.nodePorts = 8;
  f.gpus = nodes * 8;
  f.switchesNeeded = s.leaves + s.spines + s.cores;
  f.cablesNodeToLeaf = s.cablesNodeToLeaf;
  f.cablesLeafToSpine = s.cablesLeafToSpine;
  f.cablesSpineToCore = s.cablesSpineToCore;
  f.cableCount = int(result.cables.size());
  result.fabrics.append(f);
  return result;
}

/// A balanced dragonfly of 16-port routers (Kim et al. 2008: h = floor((radix + 1) / 4) = 4,
/// p = 4, a = 8) for `nodes` single-port nodes: terminals, all-to-all local links inside each
/// group, the global links spread evenly over the pairs of groups.
FabricResult syntheticDragonfly(int nodes, fabric::DragonflySizing* sizingOut) {
  fabric::DragonflyInput input;
  input.nodes = nodes;
  input.radix = 16;
  const fabric::DragonflySizing d = fabric::sizeDragonfly(input);
  *sizingOut = d;
  FabricResult result;
  FabricSummary f;
  f.name = QStringLiteral("Dragonfly");
  f.topology = FabricTopology::Dragonfly;
  f.leafSwitchId = QStringLiteral("nvidia/qm9700");
  f.dragonfly = d;
  for (int n = 0; n < nodes; ++n) {
    FabricDevice node;
    node.catalogId = QStringLiteral("nvidia/dgx-h100");
    node.ports = 1;
    f.devices.append(node);
  }
  for (int r = 0; r < d.routers; ++r) {
    FabricDevice router;
    router.catalogId = QStringLiteral("nvidia/qm9700");
    router.isSwitch = true;
    router.role = SwitchRole::Router;
    router.ports = 16;
    f.devices.append(router);
  }
  const auto add = [&](LinkTier tier, int a, int z) {
    Cable cable;
    cable.tier = tier;
    cable.a.device = a;
    cable.z.device = z;
    result.cables.push_back(cable);
  };
  for (int n = 0; n < nodes; ++n) {
    add(LinkTier::NodeToLeaf, n, nodes + n / d.terminalsPerRouter);
  }
  for (int g = 0; g < d.groups; ++g) {
    for (int i = 0; i < d.routersPerGroup; ++i) {
      for (int j = i + 1; j < d.routersPerGroup; ++j) {
        add(LinkTier::Local, nodes + g * d.routersPerGroup + i, nodes + g * d.routersPerGroup + j);
      }
    }
  }
  for (int g = 0; g < d.groups; ++g) {
    for (int h = g + 1; h < d.groups; ++h) {
      for (int k = 0; k < d.globalLinksPerGroupPair; ++k) {
        add(LinkTier::Global, nodes + g * d.routersPerGroup + k % d.routersPerGroup,
            nodes + h * d.routersPerGroup + k % d.routersPerGroup);
      }
    }
  }
  f.nodes = nodes;
  f.nodePorts = 1;
  f.switchesNeeded = d.routers;
  f.cablesNodeToLeaf = d.cablesNodeToRouter;
  f.cablesLocal = d.cablesLocal;
  f.cablesGlobal = d.cablesGlobal;
  f.cableCount = int(result.cables.size());
  result.fabrics.append(f);
  return result;
}

}  // namespace

class TestReportFabric final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void topologyGroupsByScalableUnitAndTier();
  void aLargeFabricIsMergedToStayLegible();
  void aDragonflyDrawsItsGroups();
  void sectionOfAHandBuiltFabric();
  void handBuiltFabricPrints();
  void cablesCsvHasOneRowPerCable();
  void twoHundredThousandCablesExportFast();
  void noFabricPrintsNothing();
  void superPodFourSuFabric();
  void superPodPdfHoldsTheFabric();

 private:
  CatalogLoadResult mCatalog;
  QTemporaryDir mDir;
  ReportData mSuperPod;  ///< the 4-SU template with a compute fabric spec, analysed
};

void TestReportFabric::initTestCase() {
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  QVERIFY(mDir.isValid());
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);

  // The 4-SU SuperPOD and its fabrics as the template specifies them: the compute fabric of
  // QM9700 leaves and spines, non-blocking, 4 leaf ports reserved for UFM, on the compute switch
  // racks N01-N03; the storage fabric on N04; in-band and out-of-band management on M01-M02.
  Project project = loadTemplateAgainst(
      QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json"), mCatalog.catalog);
  QCOMPARE(project.fabricSpecs().size(), 4);
  QCOMPARE(project.fabricSpecs().first().name, QStringLiteral("Compute fabric"));
  QCOMPARE(project.fabricSpecs().first().reservedPorts, 4);
  // SP-H100 Table 8 note: "all networking components are multi-mode fiber": the optical media
  // policy, so that the cables and optics are the RA's.
  DesignAssumptions assumptions = project.assumptions();
  QVERIFY(assumptions.setChoice(QString::fromLatin1(assumption::kMediaPolicy),
                                QStringLiteral("optical")));
  QVERIFY(project.setAssumptions(assumptions));
  Analysis analysis = analyze(project, mCatalog.catalog);
  ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = QStringLiteral("A");
  meta.fileName = QStringLiteral("4su.dcstudio");
  mSuperPod =
      makeReportData(std::move(project), mCatalog.catalog, std::move(analysis), meta, QLocale());
}

void TestReportFabric::topologyGroupsByScalableUnitAndTier() {
  const HandFabric hand = handFabric();
  const FabricDiagram diagram = fabricTopology(hand.project, mCatalog.catalog, hand.fabric, 0);
  // Spines over leaves over nodes.
  QCOMPARE(diagram.rows.size(), 3);
  QCOMPARE(diagram.rows[0].title, QStringLiteral("Spine"));
  QCOMPARE(diagram.rows[1].title, QStringLiteral("Leaf"));
  QCOMPARE(diagram.rows[2].title, QStringLiteral("Nodes"));
  QVERIFY(diagram.rows[2].nodes);
  // One scalable unit: one box of 8 leaves, a cell per rail; one box of 4 spines, one not placed.
  QCOMPARE(diagram.rows[1].boxes.size(), 1);
  const FabricBox& su = diagram.rows[1].boxes.first();
  QCOMPARE(su.title, QStringLiteral("SU 1"));
  QCOMPARE(su.devices, 8);
  QCOMPARE(su.members,
           QStringList({QStringLiteral("R1"), QStringLiteral("R2"), QStringLiteral("R3"),
                        QStringLiteral("R4"), QStringLiteral("R5"), QStringLiteral("R6"),
                        QStringLiteral("R7"), QStringLiteral("R8")}));
  const FabricBox& spines = diagram.rows[0].boxes.first();
  QCOMPARE(spines.devices, 4);
  QCOMPARE(spines.placed, 3);
  QCOMPARE(spines.memberPlaced, QList<bool>({true, true, true, false}));
  QVERIFY(spines.lines.last().text.contains(QStringLiteral("3 of 4 placed")));
  QCOMPARE(diagram.rows[2].boxes.first().title, QStringLiteral("8 nodes"));
  QCOMPARE(diagram.rows[2].boxes.first().lines.first().text, QStringLiteral("DGX H100"));
  QCOMPARE(diagram.rows[1].detail, QStringLiteral("Quantum-2 QM9700"));
  QCOMPARE(su.lines.first().text, QStringLiteral("8 leaves"));
  QVERIFY(diagram.rows[2].boxes.first().lines.last().text.contains(QStringLiteral("A01–A04")));
  // The links between the groups: 64 node links (the reserved port is not a bundle), 64 up.
  QCOMPARE(diagram.linksBelow(1), 64);
  QCOMPARE(diagram.linksBelow(0), 64);
  // A bundle per medium: the 16 links to the missing spine have none, and the margin says so.
  QCOMPARE(diagram.mediaClasses,
           QStringList({QString(), QStringLiteral("passive-copper"), QStringLiteral("multimode")}));
  QCOMPARE(diagram.tierLinks.last().lines.first().text, QStringLiteral("64 links"));
  QCOMPARE(diagram.tierLinks.last().lines.last().text, QStringLiteral("16 with no medium"));
  QCOMPARE(diagram.tierLinks.last().lines.last().tone, Tone::Error);
  QCOMPARE(diagram.tierLinks.size(), 2);
  QCOMPARE(diagram.tierLinks.first().lines.first().text, QStringLiteral("65 links"));
  QCOMPARE(diagram.tierLinks.first().lines[1].text, QStringLiteral("incl. 1 reserved"));
}

void TestReportFabric::aLargeFabricIsMergedToStayLegible() {
  // 4,096 nodes (32,768 GPUs) of 8 ports on 64-port switches at 1:1 take three tiers: 128 SUs
  // of 32 nodes and 8 leaves (1,024 leaves), 32 pods of 32 leaves and 32 spines, 32 planes of
  // 16 cores (formulas.md §3.2: k = 64, N/(k/2) leaves, spines = leaves, cores = spines / 2).
  fabric::FatTreeSizing s;
  const FabricResult fabric = syntheticFatTree(4096, &s);
  QCOMPARE(s.tiers, 3);
  QCOMPARE(s.leaves, 1024);
  QCOMPARE(s.spines, 1024);
  QCOMPARE(s.cores, 512);
  const Project project;
  const FabricDiagram diagram = fabricTopology(project, mCatalog.catalog, fabric, 0);
  QCOMPARE(diagram.rows.size(), 4);
  const int leafRow = diagram.rowIndex(QStringLiteral("Leaf"));
  const int spineRow = diagram.rowIndex(QStringLiteral("Spine"));
  const int coreRow = diagram.rowIndex(QStringLiteral("Core"));
  const int nodeRow = diagram.rowIndex(QStringLiteral("Nodes"));
  QCOMPARE(QList<int>({coreRow, spineRow, leafRow, nodeRow}), QList<int>({0, 1, 2, 3}));
  for (const FabricRow& row : diagram.rows) {
    QVERIFY2(row.boxes.size() <= kMaxFabricBoxes, qPrintable(row.title));
  }
  // 128 units in runs of 11 (12 boxes, the last of 7); pods and planes likewise.
  QCOMPARE(diagram.rows[leafRow].boxes.size(), 12);
  QCOMPARE(diagram.rows[leafRow].boxes.first().title, QStringLiteral("SU 1–11"));
  QCOMPARE(diagram.rows[leafRow].boxes.last().title, QStringLiteral("SU 122–128"));
  QCOMPARE(diagram.rows[leafRow].boxes.first().devices, 88);
  QVERIFY(diagram.rows[leafRow].boxes.first().members.isEmpty());  // too many to draw each
  QCOMPARE(diagram.rows[spineRow].boxes.first().title, QStringLiteral("Pods 1–3"));
  QCOMPARE(diagram.rows[coreRow].boxes.first().title, QStringLiteral("Planes 1–3"));
  QCOMPARE(diagram.rows[nodeRow].boxes.size(), 12);
  // Every device and link is in some box and bundle.
  QCOMPARE(diagram.devicesIn(leafRow), 1024);
  QCOMPARE(diagram.devicesIn(spineRow), 1024);
  QCOMPARE(diagram.devicesIn(coreRow), 512);
  QCOMPARE(diagram.devicesIn(nodeRow), 4096);
  QCOMPARE(diagram.linksBelow(leafRow), s.cablesNodeToLeaf);
  QCOMPARE(diagram.linksBelow(spineRow), s.cablesLeafToSpine);
  QCOMPARE(diagram.linksBelow(coreRow), s.cablesSpineToCore);
  // Leaves of a pod go to that pod's spines only: each leaf box to one or two spine boxes.
  for (const FabricBundle& bundle : diagram.bundles) {
    if (bundle.lowerRow == leafRow) {
      QVERIFY(std::abs(bundle.upperBox - bundle.lowerBox * 11 * 8 / (3 * 32)) <= 1);
    }
  }

  // Painted on an A3 sheet: the merged titles print (DC_TEST_PDF_OUT keeps the page).
  const QString path = mDir.filePath(QStringLiteral("large-fabric.pdf"));
  {
    QPdfWriter writer(path);
    writer.setResolution(600);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A3), QPageLayout::Landscape,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    QPainter painter(&writer);
    painter.scale(600 / 25.4, 600 / 25.4);
    paintFabricDiagram(painter, QRectF(19, 30, 382, 220), diagram);
  }
  const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT");
  if (!folder.isEmpty()) {
    QFile::remove(QDir(folder).filePath(QStringLiteral("large-fabric.pdf")));
    QFile::copy(path, QDir(folder).filePath(QStringLiteral("large-fabric.pdf")));
  }
  const QString text = testsupport::pdfPageTexts(path).value(0);
  QVERIFY2(text.contains(QStringLiteral("SU 1–11")), qPrintable(text));
  QVERIFY(text.contains(QStringLiteral("32,768 links")));
}

void TestReportFabric::aDragonflyDrawsItsGroups() {
  // 96 nodes on 16-port routers: p = 4 terminals, a = 8 routers per group, h = 4 global links
  // per router (Kim, Dally, Scott, Abts 2008, balanced a = 2p = 2h): 3 groups of 8 routers,
  // 28 local links in each (a(a-1)/2), 16 global links between each pair (a·h / (g − 1)).
  fabric::DragonflySizing d;
  const FabricResult fabric = syntheticDragonfly(96, &d);
  QCOMPARE(d.routersPerGroup, 8);
  QCOMPARE(d.groups, 3);
  QCOMPARE(d.globalLinksPerGroupPair, 16);
  const Project project;
  const FabricDiagram diagram = fabricTopology(project, mCatalog.catalog, fabric, 0);
  QCOMPARE(diagram.rows.size(), 3);
  QCOMPARE(diagram.rows[0].title, QStringLiteral("Global"));
  QCOMPARE(diagram.rows[1].title, QStringLiteral("Router"));
  QCOMPARE(diagram.rows[2].title, QStringLiteral("Nodes"));
  QCOMPARE(diagram.rows[1].boxes.size(), 3);
  QCOMPARE(diagram.rows[1].boxes.first().title, QStringLiteral("Group 1"));
  QCOMPARE(diagram.rows[1].boxes.first().members.size(), 8);
  QCOMPARE(diagram.rows[1].boxes.first().lines.last().text, QStringLiteral("28 local links"));
  QCOMPARE(diagram.rows[0].boxes.first().lines.last().text,
           QStringLiteral("16 per pair of groups"));
  // Each group's bundle to the all-to-all carries its own global links: every link twice.
  QCOMPARE(diagram.linksBelow(0), 2 * d.cablesGlobal);
  QCOMPARE(diagram.linksBelow(1), 96);
  QCOMPARE(diagram.devicesIn(2), 96);
  const QString path = mDir.filePath(QStringLiteral("dragonfly.pdf"));
  {
    QPdfWriter writer(path);
    writer.setResolution(600);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A3), QPageLayout::Landscape,
                                     QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    QPainter painter(&writer);
    painter.scale(600 / 25.4, 600 / 25.4);
    paintFabricDiagram(painter, QRectF(19, 30, 382, 220), diagram);
  }
  const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT");
  if (!folder.isEmpty()) {
    QFile::remove(QDir(folder).filePath(QStringLiteral("dragonfly.pdf")));
    QFile::copy(path, QDir(folder).filePath(QStringLiteral("dragonfly.pdf")));
  }
  const QString text = testsupport::pdfPageTexts(path).value(0);
  QVERIFY2(text.contains(QStringLiteral("All-to-all between 3 groups")), qPrintable(text));
}

void TestReportFabric::sectionOfAHandBuiltFabric() {
  const HandFabric hand = handFabric();
  Analysis analysis;
  analysis.fabric = hand.fabric;
  ReportMeta meta;
  meta.fileName = QStringLiteral("hall.dcstudio");
  const ReportInput input{hand.project, mCatalog.catalog, analysis, meta, QLocale()};

  const Section drawings = fabricDiagramSection(input);
  QCOMPARE(drawings.page, PageFormat::A3Landscape);
  QCOMPARE(drawings.blocks.size(), 1);
  const auto* drawing = std::get_if<Drawing>(&drawings.blocks.first());
  QVERIFY(drawing != nullptr);
  QCOMPARE(drawing->kind, DrawingKind::FabricTopology);
  QCOMPARE(drawing->fabric, 0);
  QCOMPARE(drawing->caption, QStringLiteral("Hall A, Compute fabric: topology"));

  const Section section = fabricSection(input);
  QCOMPARE(section.id, QStringLiteral("fabric"));
  const QString text = allText(section);
  QVERIFY2(text.contains(QStringLiteral("rail-optimised: 1 scalable unit (SU) of 32 node slots")),
           qPrintable(text));
  QVERIFY(text.contains(QStringLiteral("formulas.md §3.1 (two-tier leaf/spine), §3.3")));
  QVERIFY(text.contains(QStringLiteral("RA-11333-001")));
  QVERIFY(text.contains(QStringLiteral("dcstudio-cli export-csv hall.dcstudio --what cables")));
  QCOMPARE(figureIn(section, QStringLiteral("Spines"))->value, QStringLiteral("4\u00A0/\u00A03"));
  QCOMPARE(figureIn(section, QStringLiteral("Spines"))->tone, Tone::Warning);
  QCOMPARE(figureIn(section, QStringLiteral("Node-leaf cables"))->value, QStringLiteral("65"));
  QCOMPARE(figureIn(section, QStringLiteral("Links not routed"))->value, QStringLiteral("16"));
  QCOMPARE(figureIn(section, QStringLiteral("Longest link"))->value, QStringLiteral("8.07\u00A0m"));

  const Table* tiers = tableIn(section, QStringLiteral("fabric-1-tiers"));
  QVERIFY(tiers != nullptr);
  const QList<Cell> nodeLeaf = rowOf(*tiers, QStringLiteral("Node to leaf"));
  const QList<Cell> leafSpine = rowOf(*tiers, QStringLiteral("Leaf to spine"));
  QCOMPARE(nodeLeaf.value(columnOf(*tiers, QStringLiteral("Links"))).text, QStringLiteral("65"));
  QCOMPARE(nodeLeaf.value(columnOf(*tiers, QStringLiteral("Needed"))).text, QStringLiteral("8"));
  QCOMPARE(leafSpine.value(columnOf(*tiers, QStringLiteral("Routed"))).text, QStringLiteral("48"));
  QCOMPARE(leafSpine.value(columnOf(*tiers, QStringLiteral("Placed"))).text, QStringLiteral("3"));
  QCOMPARE(rowOf(*tiers, QStringLiteral("Total")).value(1).text, QStringLiteral("129"));

  // Bundles: each node rack to the switch rack (multimode 10 m), the reserved port, the copper
  // between leaves and placed spines, and the unrouted links to the missing spine.
  const Table* cables = tableIn(section, QStringLiteral("fabric-1-cables"));
  QVERIFY(cables != nullptr);
  QCOMPARE(cables->rows.size(), 4 + 1 + 1 + 1);
  const QList<Cell> a01 = rowOf(*cables, QStringLiteral("Node to leaf"));
  QCOMPARE(a01.value(1).text, QStringLiteral("A01"));
  QCOMPARE(a01.value(2).text, QStringLiteral("Net \"1\", west"));
  QCOMPARE(a01.value(columnOf(*cables, QStringLiteral("Cables"))).text, QStringLiteral("16"));
  QCOMPARE(a01.value(columnOf(*cables, QStringLiteral("Stock length"))).text, QStringLiteral("10"));
  const QList<Cell> reserved = rowOf(*cables, linkTierName(LinkTier::Reserved));
  QCOMPARE(reserved.value(1).text, QStringLiteral("reserved"));
  QCOMPARE(reserved.value(3).text, QStringLiteral("to the fabric manager, by others"));
  QCOMPARE(reserved.value(3).tone, Tone::Muted);
  int copper = 0;
  for (const QList<Cell>& row : cables->rows) {
    if (row.value(3).text == QStringLiteral("passive copper (DAC)")) {
      copper += row.value(columnOf(*cables, QStringLiteral("Cables"))).text.toInt();
    }
  }
  QCOMPARE(copper, 24);  // 48 links on twin-port cables

  const Table* bom = tableIn(section, QStringLiteral("fabric-1-bom"));
  QVERIFY(bom != nullptr);
  const QList<Cell> optics = rowOf(*bom, QStringLiteral("MMA4Z00-NS"));
  QCOMPARE(optics.value(columnOf(*bom, QStringLiteral("Count"))).text, QStringLiteral("64"));
  const int total = columnOf(*bom, QStringLiteral("Total power"));
  QCOMPARE(bom->columns[total].unit, QStringLiteral("kW"));
  QCOMPARE(optics.value(total).csvText(), QStringLiteral("1.088"));  // 64 × 17 W

  const Table* longest = tableIn(section, QStringLiteral("fabric-1-longest"));
  QVERIFY(longest != nullptr);
  QCOMPARE(longest->rows.size(), 10);
  // Node 6 (A04, U2), port 8 to leaf 8: 5 m + 3 × 1 m + 70 mm (node 7 ties, later).
  QCOMPARE(longest->rows.first().value(2).text, QStringLiteral("A04 U2 DGX H100 port 8"));
  QCOMPARE(longest->rows.first().value(3).text,
           QStringLiteral("Net \"1\", west U24 Quantum-2 QM9700 port 7"));
  QCOMPARE(longest->rows.first().value(4).csvText(), QStringLiteral("8.07"));

  const Table* trays = tableIn(section, QStringLiteral("fabric-trays"));
  QVERIFY(trays != nullptr);
  QCOMPARE(trays->rows.first().last().text, QStringLiteral("over the limit"));
  QCOMPARE(trays->rows.first().last().tone, Tone::Error);
}

void TestReportFabric::handBuiltFabricPrints() {
  // The two fabric sections alone, written as a PDF: an A3 topology sheet, then A4 schedules.
  HandFabric hand = handFabric();
  ReportData data;
  data.analysis.fabric = hand.fabric;
  data.project = hand.project;
  data.catalog = mCatalog.catalog;
  ReportMeta meta;
  meta.projectName = QStringLiteral("Hand-built fabric");
  meta.fileName = QStringLiteral("hall.dcstudio");
  const ReportInput input{data.project, data.catalog, data.analysis, meta, QLocale()};
  data.document.meta = meta;
  data.document.sections = {fabricDiagramSection(input), fabricSection(input)};
  const QString path = mDir.filePath(QStringLiteral("hand-fabric.pdf"));
  QString error;
  QCOMPARE(exportReportPdf(path, true, data, {}, {}, &error), PdfOutcome::Written);
  const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT");
  if (!folder.isEmpty()) {
    QFile::remove(QDir(folder).filePath(QStringLiteral("hand-fabric.pdf")));
    QFile::copy(path, QDir(folder).filePath(QStringLiteral("hand-fabric.pdf")));
  }
  const QStringList pages = testsupport::pdfPageTexts(path);
  QVERIFY(pages.size() >= 2);
  QVERIFY2(pages[0].contains(QStringLiteral("Hall A, Compute fabric: topology")),
           qPrintable(pages[0]));
  QVERIFY(pages[0].contains(QStringLiteral("SU 1")));
  QVERIFY(pages[0].contains(QStringLiteral("3 of 4 placed")));
  QVERIFY(pages[0].contains(QStringLiteral("Not to scale")));
  QVERIFY(pages[1].contains(QStringLiteral("Network fabric")));
  QVERIFY(pages[1].contains(QStringLiteral("counts per tier")));
}

void TestReportFabric::cablesCsvHasOneRowPerCable() {
  const HandFabric hand = handFabric();
  qsizetype rows = 0;
  const QByteArray csv = cablesCsv(hand.project, hand.fabric, &rows);
  QCOMPARE(rows, qsizetype(hand.fabric.cables.size()));
  const QList<QStringList> records = testsupport::parseCsv(csv);
  QCOMPARE(records.size(), qsizetype(hand.fabric.cables.size()) + 1);
  QCOMPARE(records.first(),
           QStringList({"Fabric", "Tier", "A rack", "A U", "A device", "A port", "Z rack", "Z U",
                        "Z device", "Z port", "Speed (Gb/s)", "Routed length (m)", "Media class",
                        "Part number", "Stock length (m)", "Transceiver A", "Transceiver Z"}));
  for (const QStringList& record : records) {
    QCOMPARE(record.size(), 17);
  }
  // Node 0 port 1 in A01 U2 to rail 1's leaf, U10 of the switch rack, its port 1; 5 m routed.
  QCOMPARE(records[1], QStringList({"Compute fabric", linkTierKey(LinkTier::NodeToLeaf), "A01", "2",
                                    "nvidia/dgx-h100", "1", "Net \"1\", west", "10",
                                    "nvidia/qm9700", "1", "400", "5", "multimode", "MFP7E10-N010",
                                    "10", "nvidia/mma4z00-ns", "nvidia/mma4z00-ns"}));
  QCOMPARE(records[8][11], QStringLiteral("5.07"));
  // The reserved port: no A end.
  const QStringList& reserved = records[1 + HandFabric::kNodes * HandFabric::kPorts];
  QCOMPARE(reserved[1], linkTierKey(LinkTier::Reserved));
  QCOMPARE(reserved.mid(2, 4), QStringList({"", "", "", ""}));
  QCOMPARE(reserved[9], QStringLiteral("9"));
  QCOMPARE(reserved.mid(11), QStringList({"", "", "", "", "", ""}));  // not routed, no medium
  // To the missing spine: no Z rack or U, no length, no medium.
  const QStringList& unplaced = records[1 + 65 + 3];
  QCOMPARE(unplaced[6], QString());
  QCOMPARE(unplaced[7], QString());
  QCOMPARE(unplaced[8], QStringLiteral("nvidia/qm9700"));
  QCOMPARE(unplaced.mid(11), QStringList({"", "", "", "", "", ""}));
  // The rack name with a comma and quotes is quoted, its quotes doubled; CRLF line ends.
  QVERIFY(csv.contains(",\"Net \"\"1\"\", west\",10,"));
  QVERIFY(csv.endsWith("\r\n"));
  QVERIFY(!csv.contains("\n\n"));

  // Through the report's data: "cables" is one of the kinds, found when there is a fabric.
  QVERIFY(csvKinds().contains(QStringLiteral("cables")));
  ReportData data;
  data.project = hand.project;
  data.analysis.fabric = hand.fabric;
  bool found = false;
  qsizetype counted = 0;
  QCOMPARE(scheduleCsv(data, QStringLiteral("cables"), &found, &counted), csv);
  QVERIFY(found);
  QCOMPARE(counted, rows);
  data.analysis.fabric = {};
  QVERIFY(scheduleCsv(data, QStringLiteral("cables"), &found).isEmpty());
  QVERIFY(!found);
}

void TestReportFabric::twoHundredThousandCablesExportFast() {
  // A 100,000-GPU hall has about 200,000 links (reference: FabricResult's contract): the CSV
  // is written straight to bytes.
  HandFabric hand = handFabric();
  const std::vector<Cable> pattern = hand.fabric.cables;
  constexpr qsizetype kCables = 200'000;
  std::vector<Cable>& cables = hand.fabric.cables;
  cables.clear();
  cables.reserve(kCables);
  for (qsizetype i = 0; i < kCables; ++i) {
    Cable cable = pattern[size_t(i) % pattern.size()];
    cable.routedMm = cable.routedMm >= 0 ? cable.routedMm + i % 997 : -1;
    cables.push_back(cable);
  }
  hand.fabric.fabrics.first().cableCount = int(kCables);
  QElapsedTimer timer;
  timer.start();
  qsizetype rows = 0;
  const QByteArray csv = cablesCsv(hand.project, hand.fabric, &rows);
  const qint64 elapsedMs = timer.elapsed();
  QCOMPARE(rows, kCables);
  QCOMPARE(csv.count("\r\n"), kCables + 1);
  QVERIFY2(elapsedMs < 1000, qPrintable(QStringLiteral("%1 ms").arg(elapsedMs)));
  qInfo("200,000 cables: %lld ms, %lld MB", elapsedMs, csv.size() / 1'000'000);
}

void TestReportFabric::noFabricPrintsNothing() {
  // A design without a fabric spec: both fabric sections are empty, so the PDF prints neither.
  Project project = loadTemplateAgainst(
      QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"), mCatalog.catalog);
  for (const FabricSpec& spec : QList<FabricSpec>(project.fabricSpecs())) {
    project.removeFabricSpec(spec.id);
  }
  const Analysis analysis = analyze(project, mCatalog.catalog);
  const ReportInput input{project, mCatalog.catalog, analysis, ReportMeta{}, QLocale()};
  QVERIFY(fabricDiagramSection(input).blocks.isEmpty());
  QVERIFY(fabricSection(input).blocks.isEmpty());
}

void TestReportFabric::superPodFourSuFabric() {
  const FabricResult& fabric = mSuperPod.analysis.fabric;
  QCOMPARE(fabric.fabrics.size(), 4);
  const FabricSummary& f = fabric.fabrics.first();
  QCOMPARE(f.name, QStringLiteral("Compute fabric"));
  // Reference case 4 (NVIDIA RA-11333-001 Table 4, 4 SU): 127 nodes, 1,016 GPUs, 32 leaves,
  // 16 spines, 1,020 node(+UFM)-leaf and 1,024 leaf-spine cables.
  QCOMPARE(f.nodes, 127);
  QCOMPARE(f.gpus, 1016);
  QCOMPARE(f.sizing.leaves, 32);
  QCOMPARE(f.sizing.spines, 16);
  QCOMPARE(f.cablesNodeToLeaf, 1020);
  QCOMPARE(f.cablesLeafToSpine, 1024);

  const Section* all = nullptr;
  const Section* drawings = nullptr;
  for (const Section& s : mSuperPod.document.sections) {
    all = s.id == QLatin1String("fabric") ? &s : all;
    drawings = s.id == QLatin1String("fabric-topology") ? &s : drawings;
  }
  QVERIFY(all != nullptr && drawings != nullptr);
  // A topology sheet per fabric (with a page break between), the compute fabric's first.
  QCOMPARE(drawings->blocks.size(), 4 + 3);
  QCOMPARE(std::get<Drawing>(drawings->blocks.first()).caption,
           QStringLiteral("Hall A, Compute fabric: topology"));
  const Section compute = fabricPart(*all, QStringLiteral("Compute fabric, Hall A"));
  const Section* section = &compute;
  QVERIFY(!section->blocks.isEmpty());
  QCOMPARE(figureIn(*section, QStringLiteral("Nodes"))->value, QStringLiteral("127"));
  QCOMPARE(figureIn(*section, QStringLiteral("Leaves"))->value,
           QStringLiteral("32\u00A0/\u00A032"));
  QCOMPARE(figureIn(*section, QStringLiteral("Spines"))->value,
           QStringLiteral("16\u00A0/\u00A016"));
  QCOMPARE(figureIn(*section, QStringLiteral("Node-leaf cables"))->value, QStringLiteral("1,020"));
  QCOMPARE(figureIn(*section, QStringLiteral("Leaf-spine cables"))->value, QStringLiteral("1,024"));
  const Table* tiers = tableIn(*section, QStringLiteral("fabric-1-tiers"));
  QVERIFY(tiers != nullptr);
  QCOMPARE(rowOf(*tiers, QStringLiteral("Node to leaf")).value(1).text, QStringLiteral("1,020"));
  QCOMPARE(rowOf(*tiers, QStringLiteral("Leaf to spine")).value(1).text, QStringLiteral("1,024"));
  QCOMPARE(rowOf(*tiers, QStringLiteral("Node to leaf")).value(columnOf(*tiers, "Needed")).text,
           QStringLiteral("32"));
  QCOMPARE(rowOf(*tiers, QStringLiteral("Leaf to spine")).value(columnOf(*tiers, "Placed")).text,
           QStringLiteral("16"));
  QVERIFY(allText(*section).contains(QStringLiteral("4 scalable units (SU) of 32 node slots")));

  // The drawing: four scalable units of eight leaves, one group of 16 spines, the nodes under
  // their units (31 + 32 + 32 + 32).
  const FabricDiagram diagram =
      fabricTopology(mSuperPod.project, mSuperPod.catalog, fabric, 0, mSuperPod.locale);
  const int leafRow = diagram.rowIndex(QStringLiteral("Leaf"));
  const int spineRow = diagram.rowIndex(QStringLiteral("Spine"));
  QVERIFY(leafRow > spineRow && spineRow >= 0);
  QCOMPARE(diagram.rows[leafRow].boxes.size(), 4);
  for (const FabricBox& su : diagram.rows[leafRow].boxes) {
    QCOMPARE(su.members.size(), 8);
  }
  QCOMPARE(diagram.rows[spineRow].boxes.size(), 1);
  QCOMPARE(diagram.rows[spineRow].boxes.first().members.size(), 16);
  QCOMPARE(diagram.devicesIn(diagram.rowIndex(QStringLiteral("Nodes"))), 127);
  QCOMPARE(diagram.linksBelow(spineRow), 1024);

  // The CSV: one row per link of the fabric, 1,020 + 1,024 (SP-H100 Table 8: 2,040 NDR cables
  // for 1,016 node and 1,024 leaf-spine links, the 4 UFM links besides).
  bool found = false;
  qsizetype rows = 0;
  const QByteArray csv = scheduleCsv(mSuperPod, QStringLiteral("cables"), &found, &rows);
  QVERIFY(found);
  QCOMPARE(rows, qsizetype(fabric.cables.size()));  // every fabric's
  const QList<QStringList> records = testsupport::parseCsv(csv);
  QCOMPARE(records.size(), rows + 1);
  const qsizetype computeRows =
      std::count_if(records.cbegin(), records.cend(),
                    [&](const QStringList& record) { return record.value(0) == f.name; });
  QCOMPARE(computeRows, qsizetype(f.cablesNodeToLeaf + f.cablesLeafToSpine + f.cablesSpineToCore));
  QCOMPARE(computeRows, qsizetype(1020 + 1024));

  // The cables and optics, SP-H100 Table 8: 1,536 switch-side (48 switches x 32 twin-port
  // cages) and 508 node-side (127 DGX x 4) OSFP transceivers, 2,040 NDR cables (the 4 UFM
  // ports have nothing modelled at their other end).
  QCOMPARE(f.transceiversSwitchSide, 1536);
  QCOMPARE(f.transceiversNodeSide, 508);
  QCOMPARE(f.physicalCables, 2040);
  QCOMPARE(figureIn(*section, QStringLiteral("Switch-side transceivers"))->value,
           QStringLiteral("1,536"));
  QCOMPARE(figureIn(*section, QStringLiteral("Node-side transceivers"))->value,
           QStringLiteral("508"));
  QVERIFY(allText(*section).contains(QStringLiteral("optical where optics exist")));
  // The section's cables and optics table lists the pass's BOM: its transceivers add up.
  const Table* bom = tableIn(*section, QStringLiteral("fabric-1-bom"));
  QVERIFY(bom != nullptr);
  const int count = columnOf(*bom, QStringLiteral("Count"));
  int transceivers = 0, cables = 0;
  for (const FabricBomLine& line : fabric.bom) {
    if (line.fabricName == f.name) {
      (line.isTransceiver ? transceivers : cables) += line.count;
    }
  }
  QCOMPARE(transceivers, f.transceiversSwitchSide + f.transceiversNodeSide);
  QCOMPARE(cables, f.physicalCables);
  int printed = 0;
  for (const QList<Cell>& row : bom->rows.mid(0, bom->rows.size() - 1)) {
    printed += row.value(count).csvText().toInt();
  }
  QCOMPARE(printed, transceivers + cables);
  // The two twin-port modules: the switch's finned-top and the DGX's flat-top OSFP.
  QStringList twinPort;
  for (const QList<Cell>& row : bom->rows) {
    if (row.value(1).text.contains(QStringLiteral("twin-port OSFP 2x SR4"))) {
      twinPort.append(row.value(count).text);
    }
  }
  std::sort(twinPort.begin(), twinPort.end());
  QCOMPARE(twinPort, QStringList({QStringLiteral("1,536"), QStringLiteral("508")}));
  // Not routed: only the 4 reserved UFM ports, which are no links to route.
  QVERIFY(figureIn(*section, QStringLiteral("Links not routed")) == nullptr);
}

void TestReportFabric::superPodPdfHoldsTheFabric() {
  if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
    QFAIL("pdftotext (poppler-utils) is needed");
  }
  const ChartPictures charts = renderCharts(mSuperPod.document, mSuperPod.locale);
  const QString path = mDir.filePath(QStringLiteral("4su.pdf"));
  QString error;
  QCOMPARE(exportReportPdf(path, true, mSuperPod, charts, {}, &error), PdfOutcome::Written);
  const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT");
  if (!folder.isEmpty()) {
    QFile::remove(QDir(folder).filePath(QStringLiteral("4su-fabric.pdf")));
    QFile::copy(path, QDir(folder).filePath(QStringLiteral("4su-fabric.pdf")));
  }
  const QStringList pages = testsupport::pdfPageTexts(path);
  int topology = -1, schedule = -1;
  for (qsizetype p = 0; p < pages.size(); ++p) {
    if (topology < 0 && pages[p].contains(QStringLiteral("Compute fabric: topology"))) {
      topology = int(p);
    }
    if (schedule < 0 && pages[p].contains(QStringLiteral("Network fabric")) &&
        pages[p].contains(QStringLiteral("counts per tier"))) {
      schedule = int(p);
    }
  }
  QVERIFY2(topology > 0, "no topology sheet");
  QVERIFY2(schedule > topology, "no fabric section after the topology");
  // The drawing's margin and data, and the section's counts.
  QVERIFY(pages[topology].contains(QStringLiteral("1,024 links")));
  QVERIFY(pages[topology].contains(QStringLiteral("SU 4")));
  QVERIFY(pages[schedule].contains(QStringLiteral("1,020")));
  QVERIFY(pages[schedule].contains(QStringLiteral("1,024")));
  // The cover's contents lists both sections.
  QVERIFY(pages.first().contains(QStringLiteral("Network fabric topology")));
}

QTEST_MAIN(TestReportFabric)
#include "tst_reportfabric.moc"
