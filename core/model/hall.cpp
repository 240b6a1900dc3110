// SPDX-License-Identifier: GPL-3.0-or-later
#include "hall.h"

#include <stdexcept>

namespace dc {

Hall::Hall(HallId id, QString name, PolygonMm outlineMm) : mId(id), mName(std::move(name)) {
  setOutlineMm(outlineMm);
}

bool Hall::setName(const QString& name) {
  if (name == mName) {
    return false;
  }
  mName = name;
  return true;
}

bool Hall::setOutlineMm(const PolygonMm& outlineMm) {
  if (outlineMm.size() < 3) {
    throw std::invalid_argument("a hall outline needs at least 3 corners");
  }
  if (outlineMm == mOutlineMm) {
    return false;
  }
  mOutlineMm = outlineMm;
  return true;
}

bool Hall::setTileMm(int tileMm) {
  if (tileMm < 100 || tileMm > 2000) {
    throw std::invalid_argument("floor tile size must be between 100 and 2000 mm");
  }
  if (tileMm == mTileMm) {
    return false;
  }
  mTileMm = tileMm;
  return true;
}

bool Hall::setCeilingHeightMm(int heightMm) {
  if (heightMm < 2000 || heightMm > 20000) {
    throw std::invalid_argument("ceiling height must be between 2000 and 20000 mm");
  }
  if (heightMm == mCeilingHeightMm) {
    return false;
  }
  mCeilingHeightMm = heightMm;
  return true;
}

void Hall::setObstacles(QList<Obstacle> obstacles) {
  for (const Obstacle& obstacle : obstacles) {
    if (obstacle.outlineMm.size() < 3) {
      throw std::invalid_argument("an obstacle outline needs at least 3 corners");
    }
  }
  mObstacles = std::move(obstacles);
}

}  // namespace dc
