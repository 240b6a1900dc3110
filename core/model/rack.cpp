// SPDX-License-Identifier: GPL-3.0-or-later
#include "rack.h"

#include "support/enumtext.h"

#include <stdexcept>

namespace dc {

namespace {
constexpr EnumText<CoolingMode> kModes[] = {
    {CoolingMode::Air, "air", "Air"},
    {CoolingMode::RearDoor, "rear-door", "Rear-door heat exchanger"},
    {CoolingMode::DirectToChip, "direct-to-chip", "Direct-to-chip liquid"},
    {CoolingMode::DirectToChipRearDoor, "direct-to-chip+rear-door", "Direct-to-chip + rear door"},
};
}  // namespace

QString coolingModeKey(CoolingMode mode) {
  return enumKey(kModes, mode);
}

QString coolingModeName(CoolingMode mode) {
  return enumName(kModes, mode);
}

bool coolingModeFromKey(const QString& key, CoolingMode* mode) {
  return enumFromKey(kModes, key, mode);
}

Rack::Rack(RackId id, HallId hallId, QString rackTypeId, PointMm positionMm, int rotationDeg)
    : mId(id), mHallId(hallId), mRackTypeId(std::move(rackTypeId)), mPositionMm(positionMm) {
  setRotationDeg(rotationDeg);
}

const Mount* Rack::findMount(MountId id) const noexcept {
  for (const Mount& mount : mMounts) {
    if (mount.id == id) {
      return &mount;
    }
  }
  return nullptr;
}

bool Rack::setName(const QString& name) {
  if (name == mName) {
    return false;
  }
  mName = name;
  return true;
}

bool Rack::setRow(const QString& row) {
  if (row == mRow) {
    return false;
  }
  mRow = row;
  return true;
}

bool Rack::setPositionMm(PointMm positionMm) noexcept {
  if (positionMm == mPositionMm) {
    return false;
  }
  mPositionMm = positionMm;
  return true;
}

bool Rack::setRotationDeg(int rotationDeg) {
  if (rotationDeg != 0 && rotationDeg != 90 && rotationDeg != 180 && rotationDeg != 270) {
    throw std::invalid_argument("rack rotation must be 0, 90, 180 or 270 degrees");
  }
  if (rotationDeg == mRotationDeg) {
    return false;
  }
  mRotationDeg = rotationDeg;
  return true;
}

bool Rack::setCoolingMode(CoolingMode mode) noexcept {
  if (mode == mCoolingMode) {
    return false;
  }
  mCoolingMode = mode;
  return true;
}

bool Rack::setRackTypeId(const QString& rackTypeId) {
  if (rackTypeId == mRackTypeId) {
    return false;
  }
  mRackTypeId = rackTypeId;
  return true;
}

bool Rack::setRearDoorId(const QString& rearDoorId) {
  if (rearDoorId == mRearDoorId) {
    return false;
  }
  mRearDoorId = rearDoorId;
  return true;
}

bool Rack::setLiquidLoopId(CoolingLoopId id) noexcept {
  if (id == mLiquidLoopId) {
    return false;
  }
  mLiquidLoopId = id;
  return true;
}

bool Rack::setAirZoneId(CoolingLoopId id) noexcept {
  if (id == mAirZoneId) {
    return false;
  }
  mAirZoneId = id;
  return true;
}

void Rack::insertMount(qsizetype index, Mount mount) {
  if (mount.lowestU < 1) {
    throw std::invalid_argument("a mount's lowest rack unit must be 1 or more");
  }
  if (index < 0 || index > mMounts.size()) {
    index = mMounts.size();
  }
  mMounts.insert(index, std::move(mount));
}

Mount Rack::removeMount(MountId id, qsizetype* indexOut) {
  for (qsizetype i = 0; i < mMounts.size(); ++i) {
    if (mMounts[i].id == id) {
      if (indexOut) {
        *indexOut = i;
      }
      return mMounts.takeAt(i);
    }
  }
  throw std::invalid_argument("unknown mount id");
}

}  // namespace dc
