// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <cstdint>

namespace dc {

/// A point on the hall floor, in millimetres from the hall origin (x to the right, y down the
/// drawing). Integers: positions snap to tiles and must compare exactly.
struct PointMm {
  std::int64_t xMm = 0;
  std::int64_t yMm = 0;

  friend bool operator==(const PointMm&, const PointMm&) = default;
};

/// A closed polygon on the floor, vertices in order; the last vertex connects to the first.
using PolygonMm = QList<PointMm>;

/// Rounds `valueMm` to the nearest multiple of `stepMm` (half away from zero); `stepMm` <= 0
/// returns the value unchanged.
std::int64_t snapMm(std::int64_t valueMm, std::int64_t stepMm) noexcept;

/// Area of a simple polygon in square metres (shoelace formula), always >= 0.
double polygonAreaM2(const PolygonMm& polygon) noexcept;

/// True when `point` lies inside or on the border of the simple polygon.
bool polygonContains(const PolygonMm& polygon, PointMm point) noexcept;

}  // namespace dc
