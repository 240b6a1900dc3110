// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyze.h"

#include "positionlabel.h"

#include <QMap>

namespace dc {

namespace {

void addTo(Figure& sum, const Figure& part) {
  sum.value += part.value;
  for (const QString& source : part.sources) {
    sum.addSource(source);
  }
}

QString racksList(const QStringList& names) {
  constexpr qsizetype kShown = 6;
  QString text = names.mid(0, kShown).join(QStringLiteral(", "));
  if (names.size() > kShown) {
    text += QStringLiteral(" and %1 more").arg(names.size() - kShown);
  }
  return text;
}

void reportUnpowered(const QMap<QString, QStringList>& unpowered,
                     const QHash<QString, const Rack*>& firstRackOf, const Catalog& catalog,
                     QList<Finding>& findings) {
  for (auto it = unpowered.cbegin(); it != unpowered.cend(); ++it) {
    const CatalogItem* item = catalog.find(it.key());
    const Rack* rack = firstRackOf.value(it.key());
    const SpecValue* typicalW = item->typicalPowerW();
    const QString what =
        QStringLiteral("%1 %2 has no published max power; ").arg(item->vendor, item->model);
    const QString counted =
        typicalW ? QStringLiteral("its typical %1 W is counted as max").arg(typicalW->value)
                 : QStringLiteral("counted as 0 W");
    findings.append(
        {Finding::Severity::Warning, rack->id(), rack->hallId(),
         what + counted +
             QStringLiteral(" (%1: %2)")
                 .arg(it.value().size() == 1 ? QStringLiteral("rack") : QStringLiteral("racks"),
                      racksList(it.value()))});
  }
}

}  // namespace

Analysis analyze(const Project& project, const Catalog& catalog) {
  Analysis analysis;
  analysis.projectMaxPowerW = {0.0, QStringLiteral("W"), QStringLiteral("Σ hall max power"), {}};
  analysis.projectTypicalPowerW = {
      0.0, QStringLiteral("W"), QStringLiteral("Σ hall typical power"), {}};
  analysis.projectFacilityPowerW = {
      0.0,
      QStringLiteral("W"),
      QStringLiteral("Σ hall cooling-equipment input power (facility load, not IT)"),
      {}};
  QHash<HallId, qsizetype> hallIndex;
  for (const Hall& hall : project.halls()) {
    HallTotals totals;
    totals.hallId = hall.id();
    totals.maxPowerW = {0.0, QStringLiteral("W"), QStringLiteral("Σ rack max power"), {}};
    totals.typicalPowerW = {0.0, QStringLiteral("W"), QStringLiteral("Σ rack typical power"), {}};
    totals.facilityPowerW = {
        0.0,
        QStringLiteral("W"),
        QStringLiteral("Σ input power of cooling equipment placed in the hall (not IT load)"),
        {}};
    totals.floorAreaM2 = polygonAreaM2(hall.outlineMm());
    hallIndex.insert(hall.id(), analysis.halls.size());
    analysis.halls.append(totals);
  }
  analysis.racks.reserve(project.racks().size());
  // Catalog items without a published max power: one finding per item, naming its racks.
  QMap<QString, QStringList> unpowered;
  QHash<QString, const Rack*> firstRackOf;
  for (const Rack& rack : project.racks()) {
    const RackPower power = analyzeRackPower(rack, catalog, analysis.findings);
    HallTotals& totals = analysis.halls[hallIndex.value(rack.hallId())];
    if (power.coolingUnit) {
      ++totals.coolingUnitCount;  // a floor unit in a rack position is not a rack
    } else {
      ++totals.rackCount;
    }
    totals.acceleratorCount += power.acceleratorCount;
    totals.typicalFromMaxCount += power.typicalFromMaxCount;
    for (const QString& id : power.unpoweredItemIds) {
      unpowered[id].append(positionName(rack));
      if (!firstRackOf.contains(id)) {
        firstRackOf.insert(id, &rack);
      }
    }
    addTo(totals.maxPowerW, power.maxPowerW);
    addTo(totals.typicalPowerW, power.typicalPowerW);
    addTo(totals.facilityPowerW, power.facilityPowerW);
    analysis.racks.insert(rack.id(), power);
  }
  for (HallTotals& totals : analysis.halls) {
    totals.maxPowerDensityWPerM2 =
        totals.floorAreaM2 > 0 ? totals.maxPowerW.value / totals.floorAreaM2 : 0.0;
    addTo(analysis.projectMaxPowerW, totals.maxPowerW);
    addTo(analysis.projectTypicalPowerW, totals.typicalPowerW);
    addTo(analysis.projectFacilityPowerW, totals.facilityPowerW);
    analysis.projectRackCount += totals.rackCount;
    analysis.projectCoolingUnitCount += totals.coolingUnitCount;
    analysis.projectAcceleratorCount += totals.acceleratorCount;
    analysis.projectTypicalFromMaxCount += totals.typicalFromMaxCount;
  }
  reportUnpowered(unpowered, firstRackOf, catalog, analysis.findings);
  validatePlacement(project, catalog, analysis.findings);
  return analysis;
}

}  // namespace dc
