// SPDX-License-Identifier: GPL-3.0-or-later
// Times the tray graph of a 100,000-GPU hall's worth of racks: 100 rows of 30 racks (600 mm
// pitch, 3,000 mm between rows), the default trays (one per row, cross trays every 6 m), every
// rack attached, then 100 Dijkstras (one per switch rack) and 200,000 cables looked up and
// walked back edge by edge:
//   bench_traygraph [runs=15]
// Target (issue 10): the whole fabric pass routes 200,000 cables in under 150 ms, so the graph
// and its trees must take a small part of that on a 2-core machine.
#include "benchsupport.h"
#include "engine/fabric/traygraph.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace dc;
using namespace dc::fabric;

namespace {

constexpr int kRows = 100;
constexpr int kRacksPerRow = 30;
constexpr int kSwitchRacks = 100;
constexpr int kCables = 200'000;

}  // namespace

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 15;

  QList<RowLine> rows;
  QList<PointMm> racks;
  for (int r = 0; r < kRows; ++r) {
    RowLine row;
    for (int i = 0; i < kRacksPerRow; ++i) {
      row.rackCentresMm.append(PointMm{2'000 + 300 + i * 600, 2'000 + 600 + r * 3'000});
    }
    racks.append(row.rackCentresMm);
    rows.append(row);
  }

  QList<TrayPath> trays;
  const double traysMs = bench::medianMs(runs, [&] { trays = defaultTrays(rows, 3'000, 6'000); });
  std::optional<TrayGraph> graph;
  const double buildMs = bench::medianMs(runs, [&] { graph.emplace(trays, racks, 3'000); });
  const TrayGraph& g = *graph;

  // Switch racks spread over the hall; cables from every switch rack to racks in turn.
  QList<int> switchRacks;
  for (int s = 0; s < kSwitchRacks; ++s) {
    switchRacks.append(int((std::int64_t(s) * racks.size()) / kSwitchRacks));
  }
  std::vector<TrayGraph::Tree> treesOut(static_cast<std::size_t>(kSwitchRacks));
  const double dijkstraMs = bench::medianMs(runs, [&] {
    for (int s = 0; s < kSwitchRacks; ++s) {
      treesOut[std::size_t(s)] = g.shortestPaths(g.attach(switchRacks[s]).node);
    }
  });

  std::int64_t totalMm = 0;
  std::size_t totalEdges = 0;
  std::vector<int> edges;
  const RouteEnds ends{1'200, 1'200, 1'500};
  const double cablesMs = bench::medianMs(runs, [&] {
    totalMm = 0;
    totalEdges = 0;
    for (int c = 0; c < kCables; ++c) {
      const int s = c % kSwitchRacks;
      const int z = int((std::int64_t(c) * 7919) % racks.size());
      const TrayGraph::Tree& tree = treesOut[std::size_t(s)];
      const TrayAttach& za = g.attach(z);
      totalMm +=
          routedLengthMm(g.attach(switchRacks[s]), za, tree.distanceMm[std::size_t(za.node)], ends);
      g.pathEdges(tree, za.node, &edges);
      totalEdges += edges.size();
    }
  });

  // The same cables' tray loads (one per cable) summed per tree instead of walked per cable.
  std::vector<std::vector<double>> nodeLoads(static_cast<std::size_t>(kSwitchRacks));
  std::vector<double> edgeLoad;
  const double loadsMs = bench::medianMs(runs, [&] {
    for (std::vector<double>& loads : nodeLoads) {
      loads.assign(std::size_t(g.nodeCount()), 0.0);
    }
    for (int c = 0; c < kCables; ++c) {
      const int z = int((std::int64_t(c) * 7919) % racks.size());
      nodeLoads[std::size_t(c % kSwitchRacks)][std::size_t(g.attach(z).node)] += 1.0;
    }
    edgeLoad.assign(std::size_t(g.edgeCount()), 0.0);
    for (int s = 0; s < kSwitchRacks; ++s) {
      g.addTreeLoads(treesOut[std::size_t(s)], nodeLoads[std::size_t(s)], &edgeLoad);
    }
  });
  double loadSum = 0.0;
  for (const double l : edgeLoad) {
    loadSum += l;
  }

  std::printf("trays %lld, nodes %d, edges %d, racks %lld\n", static_cast<long long>(trays.size()),
              g.nodeCount(), g.edgeCount(), static_cast<long long>(racks.size()));
  std::printf("defaultTrays          %8.3f ms\n", traysMs);
  std::printf("TrayGraph build       %8.3f ms\n", buildMs);
  std::printf("%d Dijkstras         %8.3f ms\n", kSwitchRacks, dijkstraMs);
  std::printf("%d cables walked %8.3f ms (mean %.1f m, %.1f edges a cable)\n", kCables, cablesMs,
              double(totalMm) / kCables / 1000.0, double(totalEdges) / kCables);
  std::printf("%d cables, tree loads %8.3f ms (%.1f edges a cable: %s)\n", kCables, loadsMs,
              loadSum / kCables, loadSum == double(totalEdges) ? "same as walked" : "DIFFERENT");
  std::printf("total, walking cables %8.3f ms (median of %d runs)\n",
              traysMs + buildMs + dijkstraMs + cablesMs, runs);
  std::printf("total, tree loads     %8.3f ms\n", traysMs + buildMs + dijkstraMs + loadsMs);
  return 0;
}
