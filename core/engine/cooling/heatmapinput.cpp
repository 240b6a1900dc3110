// SPDX-License-Identifier: GPL-3.0-or-later
#include "heatmapinput.h"

#include <cmath>

namespace dc {

RectMm coolingUnitFootprintMm(const CoolingUnit& unit, const Catalog& catalog, bool* published) {
  RackSizeMm size = rackSizeMm(catalog, unit.catalogId);
  const bool known = size.widthMm > 0 && size.depthMm > 0;
  if (!known) {
    size = kCoolingUnitMarkerSizeMm;
  }
  if (published) {
    *published = known;
  }
  if (unit.rotationDeg == 90 || unit.rotationDeg == 270) {
    std::swap(size.widthMm, size.depthMm);
  }
  const PointMm c = unit.positionMm;
  return {c.xMm - size.widthMm / 2, c.yMm - size.depthMm / 2,
          c.xMm - size.widthMm / 2 + size.widthMm, c.yMm - size.depthMm / 2 + size.depthMm};
}

bool isAirCoolingUnit(const CoolingUnit& unit, const Catalog& catalog) {
  const CatalogItem* item = catalog.find(unit.catalogId);
  return item && (item->kind == ItemKind::Crah || item->kind == ItemKind::InRowCooler);
}

HeatMapInput heatMapInputFor(const Project& project, const Catalog& catalog,
                             const Analysis& analysis, HallId hallId) {
  HeatMapInput input;
  const Hall* hall = project.findHall(hallId);
  if (!hall) {
    return input;
  }
  input.hallOutlineMm = hall->outlineMm();
  input.ceilingHeightM = hall->ceilingHeightMm() / 1000.0;
  const double supplyC =
      analysis.assumptions.value(QString::fromLatin1(assumption::kSupplyAirTempC));
  if (std::isfinite(supplyC)) {
    input.supplyAirTempC = supplyC;
  }
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() != hallId) {
      continue;
    }
    const auto cooling = analysis.cooling.racks.constFind(rack.id());
    if (cooling == analysis.cooling.racks.cend() || cooling->heatToRoomW.value <= 0) {
      continue;
    }
    const RectMm footprint = rackFootprintMm(rack, catalog);
    if (footprint.isEmpty()) {
      continue;  // an unknown rack type: the placement check reports it
    }
    input.sources.append({footprint, cooling->heatToRoomW.value});
  }
  for (const CoolingUnit& unit : project.coolingUnits()) {
    if (unit.hallId != hallId || !isAirCoolingUnit(unit, catalog)) {
      continue;
    }
    const double capacityW =
        catalog.find(unit.catalogId)->figureValue(QStringLiteral("coolingUnit.capacityW"));
    if (capacityW <= 0) {
      continue;  // no published capacity: it cannot be modelled as a sink
    }
    input.sinks.append({coolingUnitFootprintMm(unit, catalog), capacityW});
  }
  return input;
}

}  // namespace dc
