// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/rack.h"

#include <cstdint>

namespace dc {

/// An axis-aligned rectangle on the floor, in millimetres: [x0, x1) × [y0, y1).
struct RectMm {
  std::int64_t x0Mm = 0;
  std::int64_t y0Mm = 0;
  std::int64_t x1Mm = 0;
  std::int64_t y1Mm = 0;

  std::int64_t widthMm() const noexcept { return x1Mm - x0Mm; }
  std::int64_t heightMm() const noexcept { return y1Mm - y0Mm; }
  bool isEmpty() const noexcept { return x1Mm <= x0Mm || y1Mm <= y0Mm; }
  /// Interiors overlap (touching edges do not count: racks stand side by side in a row).
  bool overlaps(const RectMm& o) const noexcept {
    return x0Mm < o.x1Mm && o.x0Mm < x1Mm && y0Mm < o.y1Mm && o.y0Mm < y1Mm;
  }
  friend bool operator==(const RectMm&, const RectMm&) = default;
};

/// Width (side to side) and depth (front to back) of a rack type, from its catalog figures.
struct RackSizeMm {
  std::int64_t widthMm = 0;
  std::int64_t depthMm = 0;
};

/// The rack type's size; {0, 0} when the type is unknown or has no published footprint.
RackSizeMm rackSizeMm(const Catalog& catalog, const QString& rackTypeId);

/// The floor rectangle a rack covers: its size turned by its rotation, centred on its position.
/// Empty when the rack type is unknown.
RectMm rackFootprintMm(const Rack& rack, const Catalog& catalog);

}  // namespace dc

namespace dc {

/// Where a rack dropped at `dropMm` stands: its footprint's corner snaps to the nearest tile
/// corner (`tileMm` grid from the hall origin), so racks line up with the floor tiles whatever
/// their width. Returns the centre. `tileMm` <= 0 disables snapping.
PointMm snapRackCentreMm(PointMm dropMm, RackSizeMm size, int rotationDeg, int tileMm);

}  // namespace dc
