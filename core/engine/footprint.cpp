// SPDX-License-Identifier: GPL-3.0-or-later
#include "footprint.h"

#include <cmath>

namespace dc {

RackSizeMm rackSizeMm(const Catalog& catalog, const QString& rackTypeId) {
  const CatalogItem* type = catalog.find(rackTypeId);
  if (!type || !type->widthMm() || !type->depthMm()) {
    return {};
  }
  return {std::llround(type->widthMm()->value), std::llround(type->depthMm()->value)};
}

RectMm rackFootprintMm(const Rack& rack, const Catalog& catalog) {
  RackSizeMm size = rackSizeMm(catalog, rack.rackTypeId());
  if (rack.rotationDeg() == 90 || rack.rotationDeg() == 270) {
    std::swap(size.widthMm, size.depthMm);
  }
  const PointMm c = rack.positionMm();
  // Odd sizes put the extra millimetre on the right/bottom so that the rectangle stays exact.
  return {c.xMm - size.widthMm / 2, c.yMm - size.depthMm / 2,
          c.xMm - size.widthMm / 2 + size.widthMm, c.yMm - size.depthMm / 2 + size.depthMm};
}

}  // namespace dc

namespace dc {

PointMm snapRackCentreMm(PointMm dropMm, RackSizeMm size, int rotationDeg, int tileMm) {
  if (rotationDeg == 90 || rotationDeg == 270) {
    std::swap(size.widthMm, size.depthMm);
  }
  const std::int64_t x0 = snapMm(dropMm.xMm - size.widthMm / 2, tileMm);
  const std::int64_t y0 = snapMm(dropMm.yMm - size.depthMm / 2, tileMm);
  return {x0 + size.widthMm / 2, y0 + size.depthMm / 2};
}

}  // namespace dc
