// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/positionlabel.h"
#include "powercontext.h"
#include "support/plural.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <cmath>

namespace dc::power {

namespace {

using Severity = Finding::Severity;

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

/// Units that carry power into the rack's devices: their mounts are not "extra devices" in a
/// rack-scale system.
bool carriesPower(ItemKind kind) {
  return kind == ItemKind::Pdu || kind == ItemKind::PowerShelf;
}

void addWeight(const PowerContext::ItemFigures& figures, RackPower& power) {
  if (const SpecValue* kg = figures.weightKg) {
    power.weightKg += kg->value;
  } else {
    ++power.weightMissingCount;
  }
}

/// "4+2" -> 4, "5+1" -> 5, "N+N" or "1+1" -> half the count; 0 when the text says nothing.
int requiredPsus(const QString& redundancy, int count) {
  // "4+2", "3+3 FTR" (fault-tolerant redundancy), "N+1", "N+N", "2N".
  static const QRegularExpression numbers(QStringLiteral("^\\s*(\\d+)\\s*\\+\\s*(\\d+)\\b"));
  const QRegularExpressionMatch match = numbers.match(redundancy);
  if (match.hasMatch()) {
    return match.captured(1).toInt();
  }
  const QString text = redundancy.trimmed().toUpper();
  if (text.startsWith(QLatin1String("N+N")) || text.startsWith(QLatin1String("2N"))) {
    return std::max(1, count / 2);
  }
  if (text.startsWith(QLatin1String("N+1"))) {
    return std::max(1, count - 1);
  }
  return 0;
}

/// Power facts of one IT device: max, typical, idle, design power and its PSUs.
DevicePower devicePower(const CatalogItem& item, const PowerContext& context) {
  DevicePower device;
  device.catalogId = item.id;
  device.model = item.model;
  const SpecValue* maxW = item.maxPowerW();
  const SpecValue* typicalW = item.typicalPowerW();
  device.maxW = maxW ? maxW->value : (typicalW ? typicalW->value : 0.0);
  device.typicalW = typicalW ? typicalW->value : device.maxW;
  if (const SpecValue* idle = item.figure(QStringLiteral("idlePowerW"))) {
    device.idleW = idle->value;
    device.idlePublished = true;
  } else {
    device.idleW = context.idleFraction * device.maxW;
  }
  device.designW = device.idleW + context.utilisation * std::max(0.0, device.maxW - device.idleW);
  device.psuCount = int(item.figureValue(QStringLiteral("psu.count")));
  device.psuRatingW = item.figureValue(QStringLiteral("psu.ratingW"));
  device.psuRedundancy = item.texts.value(QStringLiteral("psu.redundancy"));
  if (device.psuCount <= 0) {
    device.psuAssumed = true;  // analyzeRackFeeds() gives it one inlet per feed of the rack
  } else {
    device.psuRequired = requiredPsus(device.psuRedundancy, device.psuCount);
    if (device.psuRequired <= 0 && device.psuRatingW > 0) {
      device.psuRequired = std::max(1, int(std::ceil(device.maxW / device.psuRatingW - 1e-9)));
    }
    device.psuRequiredAssumed = device.psuRequired <= 0;
    device.psuRequired = std::clamp(device.psuRequired, 1, device.psuCount);
  }
  return device;
}

/// Adds one device's figures to the rack's sums; says so when a figure is missing. Power of
/// facility equipment (cooling units, CDU pumps) is kept apart from the IT load.
void addDevice(const CatalogItem& item, const Mount* mount, PowerContext& context,
               RackPower& power) {
  const PowerContext::ItemFigures& figures = context.figures(item);
  const SpecValue* maxW = figures.maxW;
  const SpecValue* typicalW = figures.typicalW;
  if (!isItLoad(item.kind)) {
    const SpecValue* w = maxW ? maxW : typicalW;
    if (w && isFacilityLoad(item.kind)) {
      power.coolingEquipmentPowerW.value += w->value;
      power.coolingEquipmentPowerW.addSpec(*w);
    }
    addWeight(figures, power);
    return;
  }
  // No published maximum: the typical draw is the best lower bound the sources give, so the max
  // sum never falls below the typical sum; the finding says so. (Sources are added below.)
  if (!maxW && !power.unpoweredItemIds.contains(item.id)) {
    power.unpoweredItemIds.append(item.id);  // analyze() reports it once per item, not per rack
  }
  if (!typicalW && maxW) {
    ++power.typicalFromMaxCount;
  }
  DevicePower device = context.device(item);
  // The optics the fabric pass fitted to this device draw through its own PSUs.
  if (context.opticsW) {
    const double optics = context.opticsW->value(mount ? mount->id.uuid() : power.rackId.uuid());
    device.maxW += optics;
    device.typicalW += optics;
    device.designW += optics;
    if (optics > 0 && !power.maxPowerW.formula.contains(QLatin1String("transceivers"))) {
      for (Figure* figure : {&power.maxPowerW, &power.typicalPowerW, &power.designPowerW}) {
        figure->formula += QStringLiteral(" + transceivers the fabric pass fitted");
      }
    }
  }
  device.mountId = mount ? mount->id : MountId();
  device.lowestU = mount ? mount->lowestU : 0;
  // Estimated devices' share of the sums: a rack of vendor-rated GPU servers and one estimated
  // switch is still written with three digits.
  if (const SpecValue* max = maxW ? maxW : typicalW) {
    power.maxPowerW.addSpec(*max, device.maxW);
  }
  if (const SpecValue* typical = typicalW ? typicalW : maxW) {
    power.typicalPowerW.addSpec(*typical, device.typicalW);
    power.designPowerW.addSpec(*typical, device.designW);
  }
  power.maxPowerW.value += device.maxW;
  power.typicalPowerW.value += device.typicalW;
  power.designPowerW.value += device.designW;
  if (device.maxW > 0) {
    power.devices.append(device);
  }
  power.acceleratorCount += item.acceleratorCount;
  addWeight(figures, power);
}

/// Checks that mounts stay inside the rack's usable units and do not overlap.
void checkMounts(const Rack& rack, const MountItems& items, const RackPower& power,
                 QList<Finding>& findings) {
  struct Span {
    int lowU, highU;
    QString model;
    MountId id;
  };
  QVarLengthArray<Span, 16> spans;
  for (qsizetype m = 0; m < rack.mounts().size(); ++m) {
    const Mount& mount = rack.mounts()[m];
    const CatalogItem* item = items[m];
    if (!item || !item->heightU || *item->heightU == 0) {
      continue;  // unknown ids are reported by the caller; zero-U devices use no slots
    }
    const Span span{mount.lowestU, mount.lowestU + *item->heightU - 1, item->model, mount.id};
    if (power.usableU > 0 && span.highU > power.usableU) {
      findings.append(finding(
          QStringLiteral("rack.u-overflow"), Severity::Error, ObjectRef::mount(rack.id(), mount.id),
          rack.hallId(),
          QStringLiteral("Rack %1: %2 at U%3–U%4 extends above the rack's %5 U")
              .arg(positionName(rack), span.model)
              .arg(span.lowU)
              .arg(span.highU)
              .arg(power.usableU),
          findingFigure(span.highU, QStringLiteral("U"), QStringLiteral("highest unit used")),
          findingFigure(power.usableU, QStringLiteral("U"),
                        QStringLiteral("usable units of the rack type"))));
    }
    for (const Span& other : spans) {
      if (span.lowU <= other.highU && other.lowU <= span.highU) {
        Finding f = finding(QStringLiteral("rack.u-overlap"), Severity::Error,
                            ObjectRef::mount(rack.id(), mount.id), rack.hallId(),
                            QStringLiteral("Rack %1: %2 at U%3–U%4 overlaps %5 at U%6–U%7")
                                .arg(positionName(rack), span.model)
                                .arg(span.lowU)
                                .arg(span.highU)
                                .arg(other.model)
                                .arg(other.lowU)
                                .arg(other.highU));
        f.related.append(ObjectRef::mount(rack.id(), other.id));
        findings.append(f);
      }
    }
    spans.append(span);
  }
}

}  // namespace

Finding finding(QString code, Finding::Severity severity, ObjectRef subject, HallId hallId,
                QString message, std::optional<Figure> measured, std::optional<Figure> limit) {
  Finding f;
  f.code = std::move(code);
  f.severity = severity;
  f.subject = std::move(subject);
  f.hallId = hallId;
  f.message = std::move(message);
  f.measured = std::move(measured);
  f.limit = std::move(limit);
  return f;
}

QString kw(double watts) {
  const double a = std::abs(watts);
  if (a >= 1e6) {
    return QStringLiteral("%1 MW").arg(watts / 1e6, 0, 'f', 2);
  }
  if (a >= 1e3) {
    return QStringLiteral("%1 kW").arg(watts / 1e3, 0, 'f', 1);
  }
  return QStringLiteral("%1 W").arg(watts, 0, 'f', 0);
}

PowerContext::PowerContext(const DesignAssumptions& a, const Catalog& c)
    : assumptions(a),
      catalog(c),
      powerFactor(a.value(assumption::kPowerFactor)),
      derating(a.value(assumption::kDeratingFactor)),
      idleFraction(a.value(assumption::kIdleFraction)),
      utilisation(a.designUtilisation()),
      supplyVoltageV(a.supplyVoltageV()),
      supplyDc(a.supplyIsDc()),
      maxImbalancePct(a.value(assumption::kMaxLegImbalancePct)),
      imbalanceMinLoadingPct(a.value(assumption::kImbalanceMinLoadingPct)),
      highDensityRackW(a.value(assumption::kHighDensityRackW)),
      voltageTolerancePct(a.value(assumption::kVoltageTolerancePct)),
      frequencyHz(a.choice(assumption::kFrequencyHz).toDouble()),
      highDensityText(kw(highDensityRackW)),
      highDensityFormula(QStringLiteral("design assumption %1").arg(assumption::kHighDensityRackW)),
      designFormula(
          QStringLiteral("Σ P_idle + u · (P_max − P_idle) over the rack's devices, u = %1 (%2)")
              .arg(a.designUtilisation())
              .arg(a.choice(assumption::kDesignWorkload))) {
}

const QString& PowerContext::typicalFormula(int fromMax) {
  auto it = mTypicalFormulas.find(fromMax);
  if (it == mTypicalFormulas.end()) {
    QString text =
        QStringLiteral("Σ typical power of the rack's devices (max where no typical is published)");
    if (fromMax > 0) {
      text += QStringLiteral("; %1 without a published typical figure counted at max")
                  .arg(countOf(fromMax, "device", "devices"));
    }
    it = mTypicalFormulas.insert(fromMax, text);
  }
  return *it;
}

const PowerContext::ItemFigures& PowerContext::figures(const CatalogItem& item) {
  auto it = mFigures.find(&item);
  if (it == mFigures.end()) {
    it = mFigures.insert(&item, {item.maxPowerW(), item.typicalPowerW(), item.weightKg()});
  }
  return *it;
}

const DevicePower& PowerContext::device(const CatalogItem& item) {
  auto it = mDevices.find(&item);
  if (it == mDevices.end()) {
    it = mDevices.insert(&item, devicePower(item, *this));
  }
  return *it;
}

RackPower sumRack(const Rack& rack, PowerContext& context, QList<Finding>& findings,
                  MountItems* itemsOut) {
  const Catalog& catalog = context.catalog;
  MountItems local;
  MountItems& items = itemsOut ? *itemsOut : local;
  items.clear();
  RackPower power;
  power.rackId = rack.id();
  power.maxPowerW = {
      0.0, QStringLiteral("W"), QStringLiteral("Σ max power of the rack's devices"), {}};
  power.typicalPowerW = {0.0, QStringLiteral("W"), context.typicalFormula(0), {}};
  power.designPowerW = {0.0, QStringLiteral("W"), context.designFormula, {}};
  power.coolingEquipmentPowerW = {
      0.0,
      QStringLiteral("W"),
      QStringLiteral("Σ input power of cooling equipment in this position (fans, pumps; max "
                     "where published, else typical): facility load, not IT"),
      {}};
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  if (!type) {
    findings.append(finding(QStringLiteral("catalog.unknown-rack-type"), Severity::Error,
                            ObjectRef::rack(rack.id()), rack.hallId(),
                            QStringLiteral("Rack %1: unknown rack type '%2' (not in the catalog)")
                                .arg(positionName(rack), rack.rackTypeId())));
  } else {
    addDevice(*type, nullptr, context, power);
    power.usableU = type->kind == ItemKind::Rack ? type->usableU : 0;
    power.coolingUnit = type->isFloorCoolingUnit();
  }
  // The rear door hangs on the rack: its weight bears on the floor under it (its heat removal
  // is the cooling pass's).
  if (!rack.rearDoorId().isEmpty()) {
    if (const CatalogItem* door = catalog.find(rack.rearDoorId())) {
      addWeight(context.figures(*door), power);
    }
  }
  int extraDevices = 0;
  power.devices.reserve(rack.mounts().size() + 1);
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    items.append(item);
    if (!item) {
      findings.append(finding(
          QStringLiteral("catalog.unknown-item"), Severity::Error,
          ObjectRef::mount(rack.id(), mount.id), rack.hallId(),
          QStringLiteral("Rack %1: unknown catalog id '%2' in U%3; its power is not counted")
              .arg(positionName(rack), mount.catalogId)
              .arg(mount.lowestU)));
      continue;
    }
    addDevice(*item, &mount, context, power);
    power.usedU += item->heightU.value_or(0);
    extraDevices += carriesPower(item->kind) ? 0 : 1;
  }
  if (type && type->fillsRack && extraDevices > 0) {
    findings.append(
        finding(QStringLiteral("rack.extra-devices"), Severity::Warning, ObjectRef::rack(rack.id()),
                rack.hallId(),
                QStringLiteral("Rack %1: %2 fills its rack; the %3 mounted in it are counted too")
                    .arg(positionName(rack), type->model,
                         countOf(extraDevices, "extra device", "extra devices"))));
  }
  if (power.typicalFromMaxCount > 0) {
    power.typicalPowerW.formula = context.typicalFormula(power.typicalFromMaxCount);
  }
  checkMounts(rack, items, power, findings);
  return power;
}

}  // namespace dc::power
