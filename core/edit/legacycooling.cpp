// SPDX-License-Identifier: GPL-3.0-or-later
#include "legacycooling.h"

namespace dc {

int adoptFloorCoolingRacks(Project& project, const Catalog& catalog) {
  QList<RackId> ids;
  for (const Rack& rack : project.racks()) {
    const CatalogItem* item = catalog.find(rack.rackTypeId());
    if (item && item->isFloorCoolingUnit() && rack.mounts().isEmpty()) {
      ids.append(rack.id());
    }
  }
  for (RackId id : ids) {
    const Rack rack = project.removeRack(id);
    CoolingUnit unit;
    unit.id = CoolingUnitId::fromUuid(rack.id().uuid());
    unit.hallId = rack.hallId();
    unit.name = rack.name().isEmpty() ? QStringLiteral("C?") : rack.name();
    unit.catalogId = rack.rackTypeId();
    unit.positionMm = rack.positionMm();
    unit.rotationDeg = rack.rotationDeg();
    project.insertCoolingUnit(-1, unit);
  }
  return int(ids.size());
}

}  // namespace dc
