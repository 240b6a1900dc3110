// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackconfigurations.h"

#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "model/project.h"

#include <QHash>

#include <algorithm>

namespace dc::report {

namespace {

QString labelOf(const CatalogItem* item, const QString& id) {
  return item != nullptr ? item->model : id;
}

/// The same rack type with the same devices at the same U (PDU feeds and plugs aside).
QString signatureOf(const Rack& rack) {
  QStringList parts{rack.rackTypeId(), rack.rearDoorId()};
  QList<const Mount*> mounts;
  for (const Mount& mount : rack.mounts()) {
    mounts.append(&mount);
  }
  std::sort(mounts.begin(), mounts.end(), [](const Mount* a, const Mount* b) {
    return a->lowestU != b->lowestU ? a->lowestU < b->lowestU : a->catalogId < b->catalogId;
  });
  for (const Mount* mount : mounts) {
    parts.append(QStringLiteral("%1@%2").arg(mount->catalogId).arg(mount->lowestU));
  }
  return parts.join(QLatin1Char('|'));
}

}  // namespace

QList<RackConfiguration> rackConfigurations(const Project& project, const Catalog& catalog,
                                            const Analysis& analysis) {
  QList<RackConfiguration> configurations;
  QHash<QString, qsizetype> bySignature;
  for (const Rack& rack : project.racks()) {
    const QString signature = signatureOf(rack);
    auto found = bySignature.constFind(signature);
    if (found != bySignature.cend()) {
      configurations[*found].racks.append(rack.name());
      configurations[*found].rackIds.append(rack.id());
      continue;
    }
    RackConfiguration configuration;
    const CatalogItem* rackItem = catalog.find(rack.rackTypeId());
    configuration.rackCatalogId = rack.rackTypeId();
    configuration.rackLabel = labelOf(rackItem, rack.rackTypeId());
    configuration.heightU = rackItem != nullptr && !rackItem->fillsRack ? rackItem->usableU : 0;
    for (const Mount& mount : rack.mounts()) {
      const CatalogItem* item = catalog.find(mount.catalogId);
      ElevationDevice device;
      device.lowestU = item != nullptr && item->heightU.value_or(0) == 0 ? 0 : mount.lowestU;
      device.heightU = item != nullptr ? item->heightU.value_or(0) : 1;
      device.catalogId = mount.catalogId;
      device.label = labelOf(item, mount.catalogId);
      device.kind = item != nullptr ? itemKindKey(item->kind) : QString();
      device.maxPowerW = item != nullptr ? item->figureValue(QStringLiteral("maxPowerW")) : 0.0;
      configuration.devices.append(device);
    }
    std::sort(configuration.devices.begin(), configuration.devices.end(),
              [](const ElevationDevice& a, const ElevationDevice& b) {
                return a.lowestU != b.lowestU ? a.lowestU < b.lowestU : a.label < b.label;
              });
    if (const auto power = analysis.power.racks.constFind(rack.id());
        power != analysis.power.racks.cend()) {
      configuration.rackMaxPowerW = power->maxPowerW.value;
    }
    if (const auto cooling = analysis.cooling.racks.constFind(rack.id());
        cooling != analysis.cooling.racks.cend()) {
      configuration.cooling = coolingOptionName(cooling->recommended);
    }
    configuration.racks.append(rack.name());
    configuration.rackIds.append(rack.id());
    bySignature.insert(signature, configurations.size());
    configurations.append(configuration);
  }
  std::stable_sort(configurations.begin(), configurations.end(),
                   [](const RackConfiguration& a, const RackConfiguration& b) {
                     return a.racks.size() > b.racks.size();
                   });
  return configurations;
}

}  // namespace dc::report
