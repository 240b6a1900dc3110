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

}  // namespace dc::test
