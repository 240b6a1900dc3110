// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyze.h"
#include "positionlabel.h"
#include "support/plural.h"

#include <algorithm>

namespace dc {

namespace {

/// IT equipment is the load the hall is built for.
bool isItLoad(ItemKind kind) {
  switch (kind) {
    case ItemKind::Server:
    case ItemKind::RackScaleSystem:
    case ItemKind::Switch:
    case ItemKind::Appliance:
    case ItemKind::Storage:
      return true;
    default:
      return false;
  }
}

/// Cooling equipment draws power for its fans and pumps: facility load, counted apart from IT.
/// Racks, PDUs, power shelves, tap-offs, cables and optics only carry power or signal: a power
/// figure on them (a PDU's own electronics) is neither.
bool isFacilityLoad(ItemKind kind) {
  switch (kind) {
    case ItemKind::InRowCooler:
    case ItemKind::Crah:
    case ItemKind::Cdu:
    case ItemKind::RearDoor:
      return true;
    default:
      return false;
  }
}

void addWeight(const CatalogItem& item, RackPower& power) {
  if (const SpecValue* kg = item.weightKg()) {
    power.weightKg += kg->value;
  } else {
    ++power.weightMissingCount;
  }
}

/// Adds one device's figures to the rack's sums; says so when a figure is missing. Power of
/// facility equipment (cooling units, CDU pumps) is kept apart from the IT load.
void addDevice(const CatalogItem& item, RackPower& power) {
  const SpecValue* maxW = item.maxPowerW();
  const SpecValue* typicalW = item.typicalPowerW();
  if (!isItLoad(item.kind)) {
    const SpecValue* w = maxW ? maxW : typicalW;
    if (w && isFacilityLoad(item.kind)) {
      power.facilityPowerW.value += w->value;
      power.facilityPowerW.addSource(w->source.title);
    }
    addWeight(item, power);
    return;
  }
  if (maxW) {
    power.maxPowerW.value += maxW->value;
    power.maxPowerW.addSource(maxW->source.title);
  } else if (typicalW) {
    // No published maximum: the typical draw is the best lower bound the sources give, so the
    // max sum never falls below the typical sum; the finding says so.
    power.maxPowerW.value += typicalW->value;
    power.maxPowerW.addSource(typicalW->source.title);
  }
  if (!maxW && !power.unpoweredItemIds.contains(item.id)) {
    power.unpoweredItemIds.append(item.id);  // analyze() reports it once per item, not per rack
  }
  if (typicalW) {
    power.typicalPowerW.value += typicalW->value;
    power.typicalPowerW.addSource(typicalW->source.title);
  } else if (maxW) {
    power.typicalPowerW.value += maxW->value;
    power.typicalPowerW.addSource(maxW->source.title);
    ++power.typicalFromMaxCount;
  }
  power.acceleratorCount += item.acceleratorCount;
  addWeight(item, power);
}

/// Checks that mounts stay inside the rack's usable units and do not overlap.
void checkMounts(const Rack& rack, const Catalog& catalog, const RackPower& power,
                 QList<Finding>& findings) {
  struct Span {
    int lowU, highU;
    QString model;
  };
  QList<Span> spans;
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    if (!item || !item->heightU || *item->heightU == 0) {
      continue;  // unknown ids are reported by the caller; zero-U devices use no slots
    }
    const Span span{mount.lowestU, mount.lowestU + *item->heightU - 1, item->model};
    if (power.usableU > 0 && span.highU > power.usableU) {
      findings.append({Finding::Severity::Error, rack.id(), rack.hallId(),
                       QStringLiteral("Rack %1: %2 at U%3–U%4 extends above the rack's %5 U")
                           .arg(positionName(rack), span.model)
                           .arg(span.lowU)
                           .arg(span.highU)
                           .arg(power.usableU)});
    }
    for (const Span& other : spans) {
      if (span.lowU <= other.highU && other.lowU <= span.highU) {
        findings.append({Finding::Severity::Error, rack.id(), rack.hallId(),
                         QStringLiteral("Rack %1: %2 at U%3–U%4 overlaps %5 at U%6–U%7")
                             .arg(positionName(rack), span.model)
                             .arg(span.lowU)
                             .arg(span.highU)
                             .arg(other.model)
                             .arg(other.lowU)
                             .arg(other.highU)});
      }
    }
    spans.append(span);
  }
}

}  // namespace

RackPower analyzeRackPower(const Rack& rack, const Catalog& catalog, QList<Finding>& findings) {
  RackPower power;
  power.rackId = rack.id();
  power.maxPowerW = {
      0.0, QStringLiteral("W"), QStringLiteral("Σ max power of the rack's devices"), {}};
  power.typicalPowerW = {
      0.0,
      QStringLiteral("W"),
      QStringLiteral("Σ typical power of the rack's devices (max where no typical is published)"),
      {}};
  power.facilityPowerW = {
      0.0,
      QStringLiteral("W"),
      QStringLiteral("Σ input power of cooling equipment in this position (fans, pumps; max "
                     "where published, else typical): facility load, not IT"),
      {}};
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  if (!type) {
    findings.append({Finding::Severity::Error, rack.id(), rack.hallId(),
                     QStringLiteral("Rack %1: unknown rack type '%2' (not in the catalog)")
                         .arg(positionName(rack), rack.rackTypeId())});
  } else {
    addDevice(*type, power);
    power.usableU = type->kind == ItemKind::Rack ? type->usableU : 0;
    power.coolingUnit = type->isFloorCoolingUnit();
  }
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    if (!item) {
      findings.append(
          {Finding::Severity::Error, rack.id(), rack.hallId(),
           QStringLiteral("Rack %1: unknown catalog id '%2' in U%3; its power is not counted")
               .arg(positionName(rack), mount.catalogId)
               .arg(mount.lowestU)});
      continue;
    }
    addDevice(*item, power);
    power.usedU += item->heightU.value_or(0);
  }
  if (type && type->fillsRack && !rack.mounts().isEmpty()) {
    findings.append(
        {Finding::Severity::Warning, rack.id(), rack.hallId(),
         QStringLiteral("Rack %1: %2 fills its rack; the %3 mounted in it are counted too")
             .arg(positionName(rack), type->model,
                  countOf(rack.mounts().size(), "extra device", "extra devices"))});
  }
  if (power.typicalFromMaxCount > 0) {
    power.typicalPowerW.formula +=
        QStringLiteral("; %1 without a published typical figure counted at max")
            .arg(countOf(power.typicalFromMaxCount, "device", "devices"));
  }
  checkMounts(rack, catalog, power, findings);
  return power;
}

}  // namespace dc
