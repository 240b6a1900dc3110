// SPDX-License-Identifier: GPL-3.0-or-later
// Times the fabric pass on a synthetic 100,000-GPU hall:
//   bench_fabric [gpus=100000]
// 12,500 DGX B300 (8 x 800G compute ports) in rows of 20 racks of 4, three network racks of ten
// Quantum-X800 Q3400 (144 x 800G) at the end of each row, no trays drawn (the overhead default
// network along and across the rows). Target (issue 10): fabric generation and routing under
// 150 ms on this machine. Prints the median of several runs and what was generated.
#include "benchsupport.h"
#include "catalog/catalogloader.h"
#include "engine/fabric/analyzefabric.h"

#include <QCoreApplication>

#include <cstdio>
#include <ctime>

using namespace dc;

namespace {
Project fabricHall(int gpus) {
  const int nodes = (gpus + 7) / 8;
  const int racks = (nodes + 3) / 4;
  const int rows = (racks + 19) / 20;
  constexpr int kNetworkRacks = 3;
  Project project;
  const std::int64_t widthMm = (20 + kNetworkRacks) * 600 + 4'000;
  const std::int64_t depthMm = rows * 3'000 + 4'000;
  const HallId hall = HallId::create();
  project.insertHall(-1, Hall(hall, QStringLiteral("Synthetic hall"),
                              PolygonMm{{0, 0}, {widthMm, 0}, {widthMm, depthMm}, {0, depthMm}}));
  int placed = 0;
  for (int row = 0; row < rows; ++row) {
    const QString rowName = QStringLiteral("R%1").arg(row + 1, 3, 10, QLatin1Char('0'));
    for (int i = 0; i < 20 + kNetworkRacks; ++i) {
      const bool network = i >= 20;
      if (!network && placed >= nodes) {
        continue;
      }
      Rack rack(RackId::create(), hall, QStringLiteral("conteg/ri7-48-80-120"),
                PointMm{2'000 + 600 * i + 300, 2'000 + 3'000 * row + 600});
      rack.setName(QStringLiteral("%1-%2").arg(rowName).arg(i + 1, 2, 10, QLatin1Char('0')));
      rack.setRow(rowName);
      for (int k = 0; k < (network ? 10 : 4) && (network || placed < nodes); ++k) {
        rack.insertMount(-1, Mount{MountId::create(),
                                   network ? QStringLiteral("nvidia/q3400-ra")
                                           : QStringLiteral("nvidia/dgx-b300"),
                                   network ? 1 + 4 * k : 1 + 10 * k});
        placed += network ? 0 : 1;
      }
      project.insertRack(-1, rack);
    }
  }
  FabricSpec spec;
  spec.id = FabricSpecId::create();
  spec.hallId = hall;
  spec.name = QStringLiteral("Compute fabric");
  spec.leafSwitchId = QStringLiteral("nvidia/q3400-ra");
  project.insertFabricSpec(-1, spec);
  return project;
}
}  // namespace

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int gpus = argc > 1 ? std::max(8, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  const Project project = fabricHall(gpus);
  const DesignAssumptions assumptions = project.assumptions();
  const DesignSnapshot snapshot{project, catalog.catalog, assumptions};
  FabricResult result;
  // Wall time is the target; CPU time is printed too, since a loaded machine stretches the wall.
  QList<double> cpuMs;
  const double ms = bench::medianMs(5, [&] {
    timespec start{};
    timespec end{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
    result = analyzeFabric(snapshot, assumptions);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
    cpuMs.append((end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6);
  });
  std::sort(cpuMs.begin(), cpuMs.end());
  const FabricSummary& s = result.fabrics.first();
  std::printf("design: %lld racks, %d nodes, %d GPUs\n",
              static_cast<long long>(project.racks().size()), s.nodes, s.gpus);
  std::printf("fabric: %d tiers, %d leaf, %d spine, %d core (%d placed)\n", s.sizing.tiers,
              s.sizing.leaves, s.sizing.spines, s.sizing.cores, s.switchesPlaced);
  std::printf("links: %d node-leaf, %d leaf-spine, %d spine-core; %zu in all, %d routed\n",
              s.cablesNodeToLeaf, s.cablesLeafToSpine, s.cablesSpineToCore, result.cables.size(),
              s.routedLinks);
  std::printf(
      "longest link %.1f m, %d switch-side and %d node-side transceivers, %.0f kW optics, "
      "%lld trays\n",
      s.longestLinkMm / 1000.0, s.transceiversSwitchSide, s.transceiversNodeSide,
      s.opticsPowerW / 1000.0, static_cast<long long>(result.trays.size()));
  std::printf(
      "fabric pass (generation + routing + media + trays): %.1f ms wall, %.1f ms CPU "
      "(medians of 5)\n",
      ms, cpuMs[cpuMs.size() / 2]);
  QMap<QString, int> byCode;
  for (const Finding& f : result.findings) {
    ++byCode[f.code];
  }
  for (auto it = byCode.cbegin(); it != byCode.cend(); ++it) {
    std::printf("  %s: %d\n", qPrintable(it.key()), it.value());
  }
  return 0;
}
