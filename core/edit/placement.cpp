// SPDX-License-Identifier: GPL-3.0-or-later
#include "placement.h"

#include "cmdaddrack.h"
#include "cmdeditrack.h"
#include "engine/footprint.h"

#include <QCoreApplication>
#include <QSet>

namespace dc {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("dc::placement", text);
}

const CatalogItem& requireItem(const Catalog& catalog, const QString& catalogId) {
  const CatalogItem* item = catalog.find(catalogId);
  if (!item) {
    throw PlacementError(tr("'%1' is not in the catalog.").arg(catalogId).toStdString());
  }
  return *item;
}
}  // namespace

int lowestFreeU(const Rack& rack, const Catalog& catalog, int heightU) {
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  if (!type || type->kind != ItemKind::Rack || type->usableU <= 0) {
    return -1;
  }
  if (heightU <= 0) {
    return 1;  // zero-U devices (vertical PDUs) use no slots
  }
  QList<bool> used(type->usableU + 1, false);
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    const int h = item && item->heightU ? *item->heightU : 0;
    for (int u = mount.lowestU; u < mount.lowestU + h && u <= type->usableU; ++u) {
      used[u] = true;
    }
  }
  for (int low = 1; low + heightU - 1 <= type->usableU; ++low) {
    bool free = true;
    for (int u = low; u < low + heightU && free; ++u) {
      free = !used[u];
    }
    if (free) {
      return low;
    }
  }
  return -1;
}

QString nextRackName(const Project& project, QChar prefix) {
  QSet<QString> names;
  for (const Rack& rack : project.racks()) {
    names.insert(rack.name());
  }
  for (int n = 1;; ++n) {
    const QString name = prefix + QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
    if (!names.contains(name)) {
      return name;
    }
  }
}

std::unique_ptr<QUndoCommand> makeDropOnFloorCommand(DesignDocument& document,
                                                     const Catalog& catalog,
                                                     const QString& catalogId, PointMm dropMm,
                                                     const QString& defaultRackTypeId) {
  const CatalogItem& item = requireItem(catalog, catalogId);
  const Hall* hall = document.project().findHall(document.activeHallId());
  if (!hall) {
    throw PlacementError(tr("The project has no hall to place racks in.").toStdString());
  }
  QString rackTypeId = catalogId;
  QList<Mount> mounts;
  if (!item.isFloorStanding()) {
    if (!item.isMountable()) {
      throw PlacementError(tr("%1 %2 (%3) is neither a rack nor mountable in one.")
                               .arg(item.vendor, item.model, itemKindName(item.kind))
                               .toStdString());
    }
    const CatalogItem& rackType = requireItem(catalog, defaultRackTypeId);
    if (rackType.kind != ItemKind::Rack || item.heightU.value_or(0) > rackType.usableU) {
      throw PlacementError(tr("%1 %2 does not fit in the default rack %3.")
                               .arg(item.vendor, item.model, rackType.model)
                               .toStdString());
    }
    rackTypeId = defaultRackTypeId;
    mounts.append({MountId::create(), catalogId, 1});
  }
  const RackSizeMm size = rackSizeMm(catalog, rackTypeId);
  if (size.widthMm <= 0 || size.depthMm <= 0) {
    throw PlacementError(
        tr("%1 has no published footprint (width and depth) in the catalog, so it "
           "cannot be drawn to scale. Add the figures with their source in a user catalog.")
            .arg(catalog.find(rackTypeId)->model)
            .toStdString());
  }
  const PointMm centreMm = snapRackCentreMm(dropMm, size, 0, hall->tileMm());
  Rack rack(RackId::create(), hall->id(), rackTypeId, centreMm);
  // Cooling units are named apart (C01, C02, ...) so rack names stay a count of racks.
  rack.setName(nextRackName(document.project(),
                            item.isFloorCoolingUnit() ? QLatin1Char('C') : QLatin1Char('R')));
  // Liquid-cooled systems (cold plates) arrive with the cooling they are built for; the
  // architect can still change it in the properties.
  if (item.cooling == QLatin1String("liquid") || item.cooling == QLatin1String("hybrid")) {
    rack.setCoolingMode(CoolingMode::DirectToChip);
  }
  for (const Mount& mount : mounts) {
    rack.insertMount(-1, mount);
  }
  return std::make_unique<CmdAddRack>(document, std::move(rack));
}

std::unique_ptr<QUndoCommand> makeAddMountCommand(DesignDocument& document, const Catalog& catalog,
                                                  RackId rackId, const QString& catalogId) {
  const CatalogItem& item = requireItem(catalog, catalogId);
  const Rack* rack = document.project().findRack(rackId);
  if (!rack) {
    throw PlacementError(tr("The rack no longer exists.").toStdString());
  }
  if (!item.isMountable()) {
    throw PlacementError(tr("%1 %2 (%3) cannot be mounted in a rack.")
                             .arg(item.vendor, item.model, itemKindName(item.kind))
                             .toStdString());
  }
  const CatalogItem* rackType = catalog.find(rack->rackTypeId());
  if (!rackType || rackType->kind != ItemKind::Rack || rackType->usableU <= 0) {
    throw PlacementError(
        tr("Rack %1 is %2, which takes no mounted devices.")
            .arg(rack->name(), rackType ? rackType->vendor + QLatin1Char(' ') + rackType->model
                                        : tr("of an unknown type"))
            .toStdString());
  }
  const int lowU = lowestFreeU(*rack, catalog, item.heightU.value_or(0));
  if (lowU < 0) {
    throw PlacementError(tr("Rack %1 has no %2 free rack units for %3 %4.")
                             .arg(rack->name())
                             .arg(item.heightU.value_or(0))
                             .arg(item.vendor, item.model)
                             .toStdString());
  }
  Rack edited = *rack;
  edited.insertMount(-1, {MountId::create(), catalogId, lowU});
  return std::make_unique<CmdEditRack>(document, std::move(edited),
                                       tr("Mount %1 in %2").arg(item.model, rack->name()));
}

std::unique_ptr<QUndoCommand> makeRemoveMountCommand(DesignDocument& document,
                                                     const Catalog& catalog, RackId rackId,
                                                     MountId mountId) {
  const Rack* rack = document.project().findRack(rackId);
  if (!rack || !rack->findMount(mountId)) {
    throw PlacementError(tr("That device is no longer in the rack.").toStdString());
  }
  Rack edited = *rack;
  const Mount removed = edited.removeMount(mountId);
  const CatalogItem* item = catalog.find(removed.catalogId);
  return std::make_unique<CmdEditRack>(
      document, std::move(edited),
      tr("Remove %1 from %2").arg(item ? item->model : removed.catalogId, rack->name()));
}

}  // namespace dc
