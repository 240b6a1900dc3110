// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzepower.h"

#include "engine/positionlabel.h"
#include "powercontext.h"
#include "support/enumtext.h"

#include <QMap>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <thread>
#include <vector>

namespace dc {

namespace {

using Severity = Finding::Severity;

constexpr EnumText<RackVerdict> kVerdicts[] = {
    {RackVerdict::Holds, "holds", "holds"},
    {RackVerdict::Degraded, "degraded", "degraded"},
    {RackVerdict::Down, "down", "down"},
    {RackVerdict::NotModelled, "not-modelled", "not modelled"},
};
constexpr EnumText<SupplyKind> kSupplies[] = {
    {SupplyKind::ThreePhaseWye, "ac-3ph-wye", "3-phase, outlets line to neutral"},
    {SupplyKind::ThreePhaseDelta, "ac-3ph-delta", "3-phase, outlets line to line"},
    {SupplyKind::SinglePhase, "ac-1ph", "single-phase"},
    {SupplyKind::Dc, "dc", "DC"},
};

void addTo(Figure& sum, const Figure& part) {
  sum.value += part.value;
  sum.addInputsOf(part);
}

Figure watts(const char* formula) {
  return {0.0, QStringLiteral("W"), QString::fromUtf8(formula), {}};
}

QString racksList(const QStringList& names) {
  constexpr qsizetype kShown = 6;  // a list in a sentence, not a threshold
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
    findings.append(power::finding(
        QStringLiteral("power.no-max-power"), Severity::Warning, ObjectRef::rack(rack->id()),
        rack->hallId(),
        what + counted +
            QStringLiteral(" (%1: %2)")
                .arg(it.value().size() == 1 ? QStringLiteral("rack") : QStringLiteral("racks"),
                     racksList(it.value()))));
  }
}

/// Devices whose PSU facts the catalog does not give: the feed-loss check then rests on an
/// assumption, which the user must see. One finding per catalog item, naming its racks.
void reportPsuGaps(const Project& project, const QHash<RackId, RackPower>& racks,
                   const Catalog& catalog, QList<Finding>& findings) {
  QMap<QString, QStringList> gaps;
  QHash<QString, const Rack*> firstRackOf;
  for (const Rack& rack : project.racks()) {
    const RackPower& power = *racks.constFind(rack.id());  // no copy: a const QHash [] copies
    if (power.pdus.isEmpty()) {
      continue;  // no feed is checked there anyway (power.no-pdu)
    }
    for (const DevicePower& device : power.devices) {
      if (!device.psuAssumed && !device.psuRequiredAssumed) {
        continue;
      }
      QStringList& names = gaps[device.catalogId];
      if (names.isEmpty() || names.last() != positionName(rack)) {
        names.append(positionName(rack));
      }
      if (!firstRackOf.contains(device.catalogId)) {
        firstRackOf.insert(device.catalogId, &rack);
      }
    }
  }
  for (auto it = gaps.cbegin(); it != gaps.cend(); ++it) {
    const CatalogItem* item = catalog.find(it.key());
    const Rack* rack = firstRackOf.value(it.key());
    const bool noCount = item->figureValue(QStringLiteral("psu.count")) <= 0;
    findings.append(power::finding(
        QStringLiteral("power.psu-data-missing"), Severity::Warning, ObjectRef::rack(rack->id()),
        rack->hallId(),
        QStringLiteral("%1 %2 publishes %3: the feed-loss check assumes %4 (%5: %6)")
            .arg(item->vendor, item->model,
                 noCount ? QStringLiteral("no PSU count")
                         : QStringLiteral("no PSU rating and no readable redundancy (\"%1\")")
                               .arg(item->texts.value(QStringLiteral("psu.redundancy"))),
                 noCount ? QStringLiteral("one inlet per feed, any one carrying it")
                         : QStringLiteral("any one PSU carries it"),
                 it.value().size() == 1 ? QStringLiteral("rack") : QStringLiteral("racks"),
                 racksList(it.value()))));
  }
}

HallTotals hallTotals(const Hall& hall) {
  HallTotals totals;
  totals.hallId = hall.id();
  totals.maxPowerW = watts("Σ rack max power");
  totals.typicalPowerW = watts("Σ rack typical power");
  totals.designPowerW = watts("Σ rack design power (utilisation of the design workload)");
  totals.coolingEquipmentPowerW =
      watts("Σ input power of cooling equipment placed in the hall (not IT load)");
  totals.floorAreaM2 = polygonAreaM2(hall.outlineMm());
  return totals;
}

/// Racks from `begin` to `end`: sums and feeds, with their findings, in rack order.
void analyzeRackRange(const Project& project, const DesignAssumptions& assumptions,
                      const Catalog& catalog, qsizetype begin, qsizetype end, RackPower* out,
                      QList<Finding>& findings) {
  power::PowerContext context(assumptions, catalog);
  power::MountItems items;
  for (qsizetype r = begin; r < end; ++r) {
    const Rack& rack = project.racks()[r];
    RackPower& power = out[r];
    power = power::sumRack(rack, context, findings, &items);
    power::analyzeRackFeeds(rack, items, context, project, power, findings);
  }
}

/// Every rack's sums and feeds. Racks are independent, so large designs are split into
/// contiguous ranges analysed side by side, each with its own context and findings, merged in
/// rack order: the result is the same for any number of threads.
QList<RackPower> analyzeRacks(const Project& project, const DesignAssumptions& assumptions,
                              const Catalog& catalog, QList<Finding>& findings) {
  const qsizetype count = project.racks().size();
  QList<RackPower> powers(count);
  RackPower* out = powers.data();  // detached once, here: the ranges write disjoint racks
  QList<QList<Finding>> chunkFindings(power::rackRangeCount(count));
  power::forRackRanges(count, [&](int range, qsizetype begin, qsizetype end) {
    analyzeRackRange(project, assumptions, catalog, begin, end, out, chunkFindings[range]);
  });
  for (const QList<Finding>& chunk : chunkFindings) {
    findings += chunk;
  }
  return powers;
}

}  // namespace

namespace power {

int rackRangeCount(qsizetype count) {
  constexpr qsizetype kRacksPerRange = 400;
  return int(std::clamp<qsizetype>(
      std::min<qsizetype>(count / kRacksPerRange, QThread::idealThreadCount()), 1, 8));
}

void forRackRanges(qsizetype count, const std::function<void(int, qsizetype, qsizetype)>& work) {
  const int ranges = rackRangeCount(count);
  std::vector<std::thread> workers;
  for (int t = 1; t < ranges; ++t) {
    workers.emplace_back([&, t] { work(t, count * t / ranges, count * (t + 1) / ranges); });
  }
  work(0, 0, count / ranges);
  for (std::thread& worker : workers) {
    worker.join();
  }
}

}  // namespace power

void facilityTotals(const DesignAssumptions& a, const Figure& pueFigure, PowerTotals& t) {
  // Energy follows the annual PUE (by cooling architecture, or fixed); utility and generator
  // sizing follow the peak PUE assumption: LBNL's figures are annual means, not design days.
  const double pue = pueFigure.value;
  const double peak = a.value(assumption::kPue);
  const double hours = a.value(assumption::kHoursPerYear);
  const double price = a.value(assumption::kPriceUsdPerKwh);
  const double carbon = a.value(assumption::kCarbonGPerKwh);
  t.pue = pueFigure;
  t.peakPue = {peak, QString(), QStringLiteral("design assumption %1").arg(assumption::kPue), {}};
  t.facilityPowerW = {t.itPowerW.value * peak, QStringLiteral("W"),
                      QStringLiteral("IT max power × peak PUE %1").arg(peak), t.itPowerW.sources};
  t.facilityDesignPowerW = {t.itDesignPowerW.value * pue, QStringLiteral("W"),
                            QStringLiteral("IT design power × annual PUE %1").arg(pue),
                            t.itDesignPowerW.sources};
  const double kwh = t.facilityDesignPowerW.value / 1000.0 * hours;
  t.annualEnergyKwh = {
      kwh, QStringLiteral("kWh"), QStringLiteral("facility design power × %1 h").arg(hours), {}};
  t.annualCostUsd = {kwh * price,
                     QStringLiteral("USD"),
                     QStringLiteral("annual energy × %1 USD/kWh").arg(price),
                     {}};
  t.annualCarbonT = {kwh * carbon / 1e6,
                     QStringLiteral("t CO2"),
                     QStringLiteral("annual energy × %1 g CO₂/kWh").arg(carbon),
                     {}};
  const double unitW = a.value(assumption::kGeneratorUnitW);
  const QString redundancy = a.choice(assumption::kGeneratorRedundancy);
  const int needed = unitW > 0 ? int(std::ceil(t.facilityPowerW.value / unitW - 1e-9)) : 0;
  t.generatorCount = redundancy == QLatin1String("2n")    ? 2 * needed
                     : redundancy == QLatin1String("n+1") ? (needed > 0 ? needed + 1 : 0)
                                                          : needed;
  t.generatorUnitW = {
      unitW,
      QStringLiteral("W"),
      QStringLiteral("⌈facility power / %1 W⌉, %2").arg(unitW).arg(redundancy.toUpper()),
      {}};
}

QString rackVerdictKey(RackVerdict verdict) {
  return enumKey(kVerdicts, verdict);
}

QString rackVerdictName(RackVerdict verdict) {
  return enumName(kVerdicts, verdict);
}

QString supplyKindKey(SupplyKind kind) {
  return enumKey(kSupplies, kind);
}

RackSetTotals PowerResult::totalsOf(const QList<RackId>& ids) const {
  RackSetTotals totals;
  for (RackId id : ids) {
    const auto it = racks.constFind(id);
    if (it != racks.cend()) {
      ++(it->coolingUnit ? totals.coolingUnitCount : totals.rackCount);
      totals.maxPowerW += it->maxPowerW.value;
      totals.typicalPowerW += it->typicalPowerW.value;
      totals.typicalFromMaxCount += it->typicalFromMaxCount;
      totals.acceleratorCount += it->acceleratorCount;
    }
  }
  return totals;
}

const HallTotals* PowerResult::hall(HallId id) const {
  for (const HallTotals& h : halls) {
    if (h.hallId == id) {
      return &h;
    }
  }
  return nullptr;
}

PowerResult analyzePower(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                         const QHash<RackId, double>* opticsWByRack) {
  const Project& project = snapshot.project;
  const Catalog& catalog = snapshot.catalog;
  PowerResult result;
  PowerTotals& totals = result.totals;
  totals.itPowerW = watts("Σ hall max power");
  totals.itTypicalPowerW = watts("Σ hall typical power");
  totals.itDesignPowerW = watts("Σ hall design power");
  totals.coolingEquipmentPowerW =
      watts("Σ hall cooling-equipment input power (facility load, not IT)");
  QHash<HallId, qsizetype> hallIndex;
  QHash<HallId, QList<PowerNode>> hallNodes;
  for (const Hall& hall : project.halls()) {
    hallIndex.insert(hall.id(), result.halls.size());
    result.halls.append(hallTotals(hall));
  }
  for (const PowerNode& node : project.powerNodes()) {
    hallNodes[node.hallId].append(node);
  }
  result.racks.reserve(project.racks().size());
  // Catalog items without a published max power: one finding per item, naming its racks.
  QMap<QString, QStringList> unpowered;
  QHash<QString, const Rack*> firstRackOf;
  QSet<HallId> hallsWithPdus;
  QList<RackPower> powers = analyzeRacks(project, assumptions, catalog, result.findings);
  for (qsizetype r = 0; r < project.racks().size(); ++r) {
    const Rack& rack = project.racks()[r];
    RackPower& power = powers[r];
    // Transceivers the fabric pass fitted to the rack's devices (not those a switch's max power
    // already includes) draw power on top of the devices' own figures.
    if (const double optics = opticsWByRack ? opticsWByRack->value(rack.id()) : 0.0; optics > 0) {
      for (Figure* figure : {&power.maxPowerW, &power.typicalPowerW, &power.designPowerW}) {
        figure->value += optics;
        figure->formula += QStringLiteral(" + transceivers (fabric pass, catalog max power)");
      }
    }
    if (!power.pdus.isEmpty()) {
      hallsWithPdus.insert(rack.hallId());
    }
    HallTotals& hall = result.halls[hallIndex.value(rack.hallId())];
    ++(power.coolingUnit ? hall.coolingUnitCount : hall.rackCount);
    hall.acceleratorCount += power.acceleratorCount;
    hall.typicalFromMaxCount += power.typicalFromMaxCount;
    for (const QString& id : power.unpoweredItemIds) {
      unpowered[id].append(positionName(rack));
      if (!firstRackOf.contains(id)) {
        firstRackOf.insert(id, &rack);
      }
    }
    addTo(hall.maxPowerW, power.maxPowerW);
    addTo(hall.typicalPowerW, power.typicalPowerW);
    addTo(hall.designPowerW, power.designPowerW);
    addTo(hall.coolingEquipmentPowerW, power.coolingEquipmentPowerW);
    result.racks.insert(rack.id(), std::move(power));
  }
  // Floor cooling units (CDUs, CRAH units, in-row coolers): their fans and pumps are facility
  // load, not IT, counted in the hall's cooling-equipment power.
  for (const CoolingUnit& unit : project.coolingUnits()) {
    const auto h = hallIndex.constFind(unit.hallId);
    if (h == hallIndex.cend()) {
      continue;
    }
    HallTotals& hall = result.halls[h.value()];
    ++hall.coolingUnitCount;
    const CatalogItem* item = catalog.find(unit.catalogId);
    // Its electrical input: max power, else the typical figure (fans at their rating point).
    const SpecValue* input =
        item ? (item->maxPowerW() ? item->maxPowerW() : item->typicalPowerW()) : nullptr;
    if (input) {
      hall.coolingEquipmentPowerW.value += input->value;
      hall.coolingEquipmentPowerW.addSource(input->source.title);
    }
  }
  for (const Hall& hall : project.halls()) {
    if (hallsWithPdus.contains(hall.id()) && !hallNodes.contains(hall.id())) {
      result.findings.append(power::finding(
          QStringLiteral("power.no-distribution"), Severity::Info, ObjectRef::hall(hall.id()),
          hall.id(),
          QStringLiteral("Hall %1 has no UPS, busway or RPP modelled: rack feeds are checked, "
                         "busway and UPS loading are not")
              .arg(hall.name())));
    }
  }
  for (HallTotals& hall : result.halls) {
    hall.maxPowerDensityWPerM2 =
        hall.floorAreaM2 > 0 ? hall.maxPowerW.value / hall.floorAreaM2 : 0.0;
    addTo(totals.itPowerW, hall.maxPowerW);
    addTo(totals.itTypicalPowerW, hall.typicalPowerW);
    addTo(totals.itDesignPowerW, hall.designPowerW);
    addTo(totals.coolingEquipmentPowerW, hall.coolingEquipmentPowerW);
    totals.rackCount += hall.rackCount;
    totals.coolingUnitCount += hall.coolingUnitCount;
    totals.acceleratorCount += hall.acceleratorCount;
    totals.typicalFromMaxCount += hall.typicalFromMaxCount;
  }
  reportUnpowered(unpowered, firstRackOf, catalog, result.findings);
  reportPsuGaps(project, result.racks, catalog, result.findings);
  result.nodes = power::analyzeDistribution(project, result.racks, assumptions, result.findings);
  for (HallTotals& hall : result.halls) {
    hall.upsCapacityW = watts("Σ usable capacity of the hall's UPS systems");
    hall.upsLoadW = watts("Σ load of the hall's UPS systems, normal operation");
  }
  power::checkNodes(project, catalog, assumptions, result.findings);
  for (const PowerNode& node : project.powerNodes()) {
    const auto load = result.nodes.constFind(node.id);
    if (node.kind == PowerNodeKind::Ups && load != result.nodes.cend()) {
      HallTotals& hall = result.halls[hallIndex.value(node.hallId)];
      hall.upsCapacityW.value += load->capacityW.value;
      hall.upsLoadW.value += load->loadW;
    }
  }
  facilityTotals(assumptions,
                 {assumptions.value(assumption::kPue),
                  QString(),
                  QStringLiteral("design assumption %1").arg(assumption::kPue),
                  {}},
                 totals);
  result.failure = power::simulateFailure(snapshot, assumptions, result.racks, result.nodes);
  return result;
}

}  // namespace dc
