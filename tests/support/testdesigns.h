// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QList>
#include <QStringList>

#include <cstdint>

namespace dc::test {

/// An axis-aligned rectangle (x0, y0) to (x1, y1) as a polygon, counter-clockwise.
inline PolygonMm rectangleMm(std::int64_t x0, std::int64_t y0, std::int64_t x1, std::int64_t y1) {
  return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

/// A width × depth rectangle from the origin.
inline PolygonMm rectangleMm(std::int64_t widthMm, std::int64_t depthMm) {
  return rectangleMm(0, 0, widthMm, depthMm);
}

/// "nvidia/dgx-h100@9" -> a mount of that item at U9.
inline QList<Mount> mountsFrom(const QStringList& specs) {
  QList<Mount> mounts;
  for (const QString& spec : specs) {
    mounts.append({MountId::create(), spec.section(QLatin1Char('@'), 0, 0),
                   spec.section(QLatin1Char('@'), 1, 1).toInt()});
  }
  return mounts;
}

/// A named rack of `type` centred at `positionMm`, holding `mounts` ("id@U" each).
inline Rack makeRack(HallId hall, const QString& name, const QString& type, PointMm positionMm,
                     const QStringList& mounts = {}, int rotationDeg = 0) {
  Rack rack(RackId::create(), hall, type, positionMm, rotationDeg);
  rack.setName(name);
  for (const Mount& mount : mountsFrom(mounts)) {
    rack.insertMount(-1, mount);
  }
  return rack;
}

/// The project's rack ids in project order.
inline QList<RackId> rackIds(const Project& project) {
  QList<RackId> ids;
  for (const Rack& rack : project.racks()) {
    ids.append(rack.id());
  }
  return ids;
}

/// Adds `count` racks of distinct configurations to the first hall: rack Xk holds k QM9700
/// switches from U20 up. Elevations then need more than one sheet.
inline void addDistinctSwitchRacks(Project& project, int count) {
  const HallId hall = project.halls().first().id();
  for (int k = 1; k <= count; ++k) {
    Rack rack(RackId::create(), hall, QStringLiteral("conteg/ri7-48-80-120"),
              PointMm{1000 + 800 * k, 8000});
    rack.setName(QStringLiteral("X%1").arg(k));
    for (int u = 0; u < k; ++u) {
      rack.insertMount(-1, {MountId::create(), QStringLiteral("nvidia/qm9700"), 20 + u});
    }
    project.insertRack(-1, rack);
  }
}

}  // namespace dc::test
