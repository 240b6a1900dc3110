// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyze.h"

namespace dc {

namespace {

void addTo(Figure& sum, const Figure& part) {
  sum.value += part.value;
  for (const QString& source : part.sources) {
    sum.addSource(source);
  }
}

}  // namespace

Analysis analyze(const Project& project, const Catalog& catalog) {
  Analysis analysis;
  analysis.projectMaxPowerW = {0.0, QStringLiteral("W"), QStringLiteral("Σ hall max power"), {}};
  analysis.projectTypicalPowerW = {
      0.0, QStringLiteral("W"), QStringLiteral("Σ hall typical power"), {}};
  QHash<HallId, qsizetype> hallIndex;
  for (const Hall& hall : project.halls()) {
    HallTotals totals;
    totals.hallId = hall.id();
    totals.maxPowerW = {0.0, QStringLiteral("W"), QStringLiteral("Σ rack max power"), {}};
    totals.typicalPowerW = {0.0, QStringLiteral("W"), QStringLiteral("Σ rack typical power"), {}};
    totals.floorAreaM2 = polygonAreaM2(hall.outlineMm());
    hallIndex.insert(hall.id(), analysis.halls.size());
    analysis.halls.append(totals);
  }
  analysis.racks.reserve(project.racks().size());
  for (const Rack& rack : project.racks()) {
    const RackPower power = analyzeRackPower(rack, catalog, analysis.findings);
    HallTotals& totals = analysis.halls[hallIndex.value(rack.hallId())];
    ++totals.rackCount;
    totals.acceleratorCount += power.acceleratorCount;
    addTo(totals.maxPowerW, power.maxPowerW);
    addTo(totals.typicalPowerW, power.typicalPowerW);
    analysis.racks.insert(rack.id(), power);
  }
  for (HallTotals& totals : analysis.halls) {
    totals.maxPowerDensityWPerM2 =
        totals.floorAreaM2 > 0 ? totals.maxPowerW.value / totals.floorAreaM2 : 0.0;
    addTo(analysis.projectMaxPowerW, totals.maxPowerW);
    addTo(analysis.projectTypicalPowerW, totals.typicalPowerW);
    analysis.projectAcceleratorCount += totals.acceleratorCount;
  }
  validatePlacement(project, catalog, analysis.findings);
  return analysis;
}

}  // namespace dc
