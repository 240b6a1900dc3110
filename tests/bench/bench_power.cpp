// SPDX-License-Identifier: GPL-3.0-or-later
// Times the power pass on a synthetic 100,000-GPU hall with feeds, PDUs, busways and UPS:
//   bench_power [gpus=100000]
// Target (issue: power engine): the power pass under 25 ms on a 2-core machine. Prints the
// median of several runs of the pass alone, of the whole analysis, and of each failure.
#include "benchsupport.h"
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "engine/power/analyzepower.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace dc;

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int gpus = argc > 1 ? std::max(32, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  const Project project = bench::syntheticHall(gpus, /*power=*/true);
  const DesignAssumptions assumptions = project.assumptions();
  const DesignSnapshot snapshot{project, catalog.catalog, assumptions};
  PowerResult power;
  const double passMs = bench::medianMs(9, [&] { power = analyzePower(snapshot, assumptions); });
  qsizetype pdus = 0;
  for (const RackPower& rack : power.racks) {
    pdus += rack.pdus.size();
  }
  std::printf(
      "design: %lld racks, %d GPUs, %lld PDUs, %lld busways and UPS, %.1f MW IT, "
      "%.1f MW facility\n",
      static_cast<long long>(project.racks().size()), power.totals.acceleratorCount,
      static_cast<long long>(pdus), static_cast<long long>(project.powerNodes().size()),
      power.totals.itPowerW.value / 1.0e6, power.totals.facilityPowerW.value / 1.0e6);
  std::printf("power pass: %.1f ms (median of 9), %lld findings\n", passMs,
              static_cast<long long>(power.findings.size()));
  Analysis analysis;
  const double allMs = bench::medianMs(5, [&] { analysis = analyze(project, catalog.catalog); });
  std::printf("analyze (all passes): %.1f ms (median of 5), %d errors\n", allMs,
              analysis.errorCount());
  QMap<QString, int> byCode;
  for (const Finding& f : analysis.findings) {
    ++byCode[f.code];
  }
  for (auto it = byCode.cbegin(); it != byCode.cend(); ++it) {
    std::printf("  %s: %d\n", qPrintable(it.key()), it.value());
  }
  for (const FailureScenario& failure :
       {FailureScenario{FailureScenario::Kind::Feed, PowerFeed::A, {}},
        FailureScenario{FailureScenario::Kind::UpsModule, PowerFeed::None, {}},
        FailureScenario{FailureScenario::Kind::Busway, PowerFeed::None, {}}}) {
    const DesignSnapshot failed{project, catalog.catalog, assumptions, failure};
    const double ms = bench::medianMs(5, [&] { power = analyzePower(failed, assumptions); });
    std::printf("power pass with %s: %.1f ms (median of 5): %d hold, %d degraded, %d down\n",
                qPrintable(power.failure.description), ms, power.failure.holds,
                power.failure.degraded, power.failure.down);
  }
  return 0;
}
