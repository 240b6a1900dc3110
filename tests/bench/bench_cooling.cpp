// SPDX-License-Identifier: GPL-3.0-or-later
// Times the power and cooling passes together on the synthetic 100,000-GPU hall, with a rear
// door on every rack and CRAH units along the walls:
//   bench_cooling [gpus=100000]
// Target (issue: cooling engine): power + cooling under 50 ms on this machine (2 cores).
#include "benchsupport.h"
#include "catalog/catalogloader.h"
#include "engine/cooling/analyzecooling.h"
#include "engine/power/analyzepower.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>

using namespace dc;

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int gpus = argc > 1 ? std::max(32, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  Project project = bench::syntheticHall(gpus, /*power=*/true);
  const HallId hall = project.halls().first().id();
  // Rear doors on every rack; one 436 kW CRAH per 10 racks of residual heat, N+1 (implicit zone).
  for (const Rack& r : QList<Rack>(project.racks())) {
    Rack rack = r;
    rack.setRearDoorId(QStringLiteral("motivair/chilleddoor"));
    rack.setCoolingMode(CoolingMode::RearDoor);
    *project.findRack(rack.id()) = rack;
  }
  const int crahs = int(project.racks().size()) / 40 + 2;
  for (int i = 0; i < crahs; ++i) {
    project.insertCoolingUnit(-1,
                              CoolingUnit{CoolingUnitId::create(),
                                          hall,
                                          QStringLiteral("C%1").arg(i + 1, 3, 10, QLatin1Char('0')),
                                          QStringLiteral("springer/396fwa500"),
                                          PointMm{1'000, 2'000 + i * 2'000},
                                          0,
                                          {}});
  }
  const DesignAssumptions assumptions = project.assumptions();
  const DesignSnapshot snapshot{project, catalog.catalog, assumptions};
  PowerResult power;
  CoolingResult cooling;
  const double coolingMs = bench::medianMs(9, [&] { power = analyzePower(snapshot, assumptions); });
  const double bothMs = bench::medianMs(9, [&] {
    power = analyzePower(snapshot, assumptions);
    cooling = analyzeCooling(snapshot, assumptions, power);
  });
  const double aloneMs =
      bench::medianMs(9, [&] { cooling = analyzeCooling(snapshot, assumptions, power); });
  std::printf("design: %lld racks, %d GPUs, %lld cooling units, %.1f MW heat (%.1f MW to doors)\n",
              static_cast<long long>(project.racks().size()), power.totals.acceleratorCount,
              static_cast<long long>(project.coolingUnits().size()),
              cooling.totals.heatW.value / 1e6, cooling.totals.heatToDoorW.value / 1e6);
  std::printf(
      "power pass: %.1f ms; cooling pass: %.1f ms; power + cooling: %.1f ms (medians of 9), "
      "%lld cooling findings\n",
      coolingMs, aloneMs, bothMs, static_cast<long long>(cooling.findings.size()));
  const DesignSnapshot failed{
      project, catalog.catalog, assumptions,
      FailureScenario{FailureScenario::Kind::Crah, PowerFeed::None, {}, {}}};
  const double failMs =
      bench::medianMs(5, [&] { cooling = analyzeCooling(failed, assumptions, power); });
  std::printf("cooling pass with %s: %.1f ms: %d hold, %d degraded, %d down\n",
              qPrintable(cooling.failure.description), failMs, cooling.failure.holds,
              cooling.failure.degraded, cooling.failure.down);
  return 0;
}
