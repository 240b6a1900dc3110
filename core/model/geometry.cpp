// SPDX-License-Identifier: GPL-3.0-or-later
#include "geometry.h"

#include <algorithm>
#include <cmath>

namespace dc {

std::int64_t snapMm(std::int64_t valueMm, std::int64_t stepMm) noexcept {
  if (stepMm <= 0) {
    return valueMm;
  }
  const std::int64_t half = stepMm / 2;
  const std::int64_t shifted = valueMm >= 0 ? valueMm + half : valueMm - half;
  return (shifted / stepMm) * stepMm;
}

double polygonAreaM2(const PolygonMm& polygon) noexcept {
  const qsizetype n = polygon.size();
  if (n < 3) {
    return 0.0;
  }
  long double twiceAreaMm2 = 0;
  for (qsizetype i = 0; i < n; ++i) {
    const PointMm& a = polygon[i];
    const PointMm& b = polygon[(i + 1) % n];
    twiceAreaMm2 +=
        static_cast<long double>(a.xMm) * b.yMm - static_cast<long double>(b.xMm) * a.yMm;
  }
  return static_cast<double>(std::fabs(twiceAreaMm2) / 2.0L / 1.0e6L);
}

bool polygonContains(const PolygonMm& polygon, PointMm point) noexcept {
  const qsizetype n = polygon.size();
  if (n < 3) {
    return false;
  }
  bool inside = false;
  for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
    const PointMm& a = polygon[i];
    const PointMm& b = polygon[j];
    // On an edge counts as inside: a rack flush against a wall is in the hall.
    const long double cross =
        static_cast<long double>(b.xMm - a.xMm) * static_cast<long double>(point.yMm - a.yMm) -
        static_cast<long double>(b.yMm - a.yMm) * static_cast<long double>(point.xMm - a.xMm);
    if (cross == 0 && std::min(a.xMm, b.xMm) <= point.xMm && point.xMm <= std::max(a.xMm, b.xMm) &&
        std::min(a.yMm, b.yMm) <= point.yMm && point.yMm <= std::max(a.yMm, b.yMm)) {
      return true;
    }
    if ((a.yMm > point.yMm) != (b.yMm > point.yMm)) {
      const long double xCross = static_cast<long double>(b.xMm - a.xMm) * (point.yMm - a.yMm) /
                                     static_cast<long double>(b.yMm - a.yMm) +
                                 a.xMm;
      if (point.xMm < xCross) {
        inside = !inside;
      }
    }
  }
  return inside;
}

}  // namespace dc
