// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geometry.h"
#include "ids.h"

#include <QList>
#include <QString>

namespace dc {

/// A column or other fixed obstacle on the hall floor that racks may not stand on.
struct Obstacle {
  ObstacleId id;
  QString name;         ///< e.g. "C-12"
  PolygonMm outlineMm;  ///< Invariant: at least 3 vertices.

  friend bool operator==(const Obstacle&, const Obstacle&) = default;
};

/// One data hall: its outline on the floor, its obstacles and its raised-floor tile grid.
/// A plain value; racks refer to it by id.
class Hall final {
 public:
  Hall() = default;
  Hall(HallId id, QString name, PolygonMm outlineMm);

  HallId id() const noexcept { return mId; }
  const QString& name() const noexcept { return mName; }
  const PolygonMm& outlineMm() const noexcept { return mOutlineMm; }
  const QList<Obstacle>& obstacles() const noexcept { return mObstacles; }
  /// Edge of a floor tile (600 mm is the usual raised-floor tile); racks snap to this grid.
  int tileMm() const noexcept { return mTileMm; }
  /// Clear height from floor to ceiling (or to the underside of the cable trays).
  int ceilingHeightMm() const noexcept { return mCeilingHeightMm; }

  bool setName(const QString& name);
  bool setOutlineMm(const PolygonMm& outlineMm);  ///< Throws unless >= 3 vertices.
  bool setTileMm(int tileMm);                     ///< Throws unless 100..2000.
  bool setCeilingHeightMm(int heightMm);          ///< Throws unless 2000..20000.
  void setObstacles(QList<Obstacle> obstacles);   ///< Throws on an outline with < 3 vertices.

  friend bool operator==(const Hall&, const Hall&) = default;

 private:
  HallId mId;
  QString mName;
  PolygonMm mOutlineMm;  ///< Invariant: at least 3 vertices once set.
  QList<Obstacle> mObstacles;
  int mTileMm = 600;
  int mCeilingHeightMm = 4000;
};

}  // namespace dc
