// SPDX-License-Identifier: GPL-3.0-or-later
// Times the hall heat map on a 200 × 100 grid (a 120 m × 60 m hall, 600 mm cells) with 1,000
// racks as heat sources and 40 coolers as sinks:
//   bench_heatmap [runs=15]
// Target (issue: heat map): under 50 ms per solve on a 2-core machine. Prints the median of
// several runs with enough cooling, and with too little (every sink saturated).
#include "benchsupport.h"
#include "engine/cooling/heatmap.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

using namespace dc;

namespace {

/// Four blocks of 5 rows × 50 racks (600 × 1,200 mm, 3 m row pitch), 12 kW each; a 600 ×
/// 1,200 mm cooler at both ends of every row, each sized so the 40 share `capacityShare` of
/// the 12 MW.
HeatMapInput benchHall(double capacityShare) {
  HeatMapInput input;
  input.hallOutlineMm = PolygonMm{{0, 0}, {120'000, 0}, {120'000, 60'000}, {0, 60'000}};
  input.cellMm = 600.0;
  const double rackW = 12'000.0;
  const std::int64_t blockX[2] = {15'000, 75'000};
  const std::int64_t blockY[2] = {10'000, 35'000};
  for (const std::int64_t bx : blockX) {
    for (const std::int64_t by : blockY) {
      for (int row = 0; row < 5; ++row) {
        const std::int64_t y = by + row * 3'000;
        for (int i = 0; i < 50; ++i) {
          const std::int64_t x = bx + i * 600;
          input.sources.append(HeatSource{RectMm{x, y, x + 600, y + 1'200}, rackW});
        }
        for (const std::int64_t x : {bx - 600, bx + 50 * 600}) {
          input.sinks.append(HeatSink{RectMm{x, y, x + 600, y + 1'200}, 0.0});
        }
      }
    }
  }
  const double totalW = rackW * double(input.sources.size());
  for (HeatSink& sink : input.sinks) {
    sink.capacityW = capacityShare * totalW / double(input.sinks.size());
  }
  return input;
}

}  // namespace

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int runs = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 15;
  for (const double share : {1.5, 1.1, 0.8}) {
    const HeatMapInput input = benchHall(share);
    HeatMap map;
    const double ms = bench::medianMs(runs, [&] { map = solveHeatMap(input); });
    int saturated = 0;
    for (const bool s : map.sinkSaturated) {
      saturated += s ? 1 : 0;
    }
    std::printf(
        "heat map %d x %d, %lld sources, %lld sinks at %.0f %% of the heat: %.1f ms (median of "
        "%d), %d solves, %d saturated, max %.1f C, in %.2f MW, removed %.2f MW, unremoved "
        "%.3f MW, balance error %.2e\n",
        map.cols, map.rows, static_cast<long long>(input.sources.size()),
        static_cast<long long>(input.sinks.size()), share * 100.0, ms, runs, map.iterations,
        saturated, map.maxAirTempC, map.heatInW / 1.0e6, map.heatRemovedW / 1.0e6,
        map.heatUnremovedW / 1.0e6,
        (map.heatInW - map.heatRemovedW - map.heatUnremovedW) / map.heatInW);
  }
  return 0;
}
