// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geometry.h"
#include "ids.h"
#include "mount.h"

#include <QList>
#include <QString>

namespace dc {

/// How heat leaves a rack. The engine recommends one; the architect chooses.
enum class CoolingMode { Air, RearDoor, DirectToChip, DirectToChipRearDoor };

/// Stable text for a cooling mode, used in files and the CLI ("air", "rear-door", ...).
QString coolingModeKey(CoolingMode mode);
/// Human-readable name ("Direct-to-chip + rear door").
QString coolingModeName(CoolingMode mode);
/// Parses coolingModeKey(); returns false on an unknown key.
bool coolingModeFromKey(const QString& key, CoolingMode* mode);

/// A rack position placed on a hall floor.
///
/// A plain value: copying a Rack copies a design fact, never a window or a scene item. Its
/// `rackTypeId` names a catalog item of kind `rack` (an empty rack to fill with mounts) or of kind
/// `rack-scale-system` (a system that fills its rack, e.g. GB200 NVL72). The position is the
/// centre of the footprint; rotation 0 has the front facing -y (up the drawing).
class Rack final {
 public:
  Rack() = default;
  Rack(RackId id, HallId hallId, QString rackTypeId, PointMm positionMm, int rotationDeg = 0);

  RackId id() const noexcept { return mId; }
  HallId hallId() const noexcept { return mHallId; }
  const QString& name() const noexcept { return mName; }
  const QString& row() const noexcept { return mRow; }
  const QString& rackTypeId() const noexcept { return mRackTypeId; }
  PointMm positionMm() const noexcept { return mPositionMm; }
  int rotationDeg() const noexcept { return mRotationDeg; }
  CoolingMode coolingMode() const noexcept { return mCoolingMode; }
  /// Catalog id of the rear-door heat exchanger fitted to the rack, or empty for none.
  const QString& rearDoorId() const noexcept { return mRearDoorId; }
  /// The CDU loop serving the rack's cold plates; null: its hall's only CDU loop.
  CoolingLoopId liquidLoopId() const noexcept { return mLiquidLoopId; }
  /// The air zone the rack exhausts into; null: its hall's only air zone.
  CoolingLoopId airZoneId() const noexcept { return mAirZoneId; }
  const QList<Mount>& mounts() const noexcept { return mMounts; }
  const Mount* findMount(MountId id) const noexcept;

  /// Setters return true when the value changed, so callers notify only then.
  bool setName(const QString& name);
  bool setRow(const QString& row);
  bool setPositionMm(PointMm positionMm) noexcept;
  bool setRotationDeg(int rotationDeg);  ///< Throws std::invalid_argument unless 0/90/180/270.
  bool setCoolingMode(CoolingMode mode) noexcept;
  bool setRackTypeId(const QString& rackTypeId);
  bool setRearDoorId(const QString& rearDoorId);
  bool setLiquidLoopId(CoolingLoopId id) noexcept;
  bool setAirZoneId(CoolingLoopId id) noexcept;
  void insertMount(qsizetype index, Mount mount);  ///< Throws std::invalid_argument if lowestU < 1.
  Mount removeMount(MountId id, qsizetype* indexOut = nullptr);  ///< Throws on an unknown id.

  friend bool operator==(const Rack&, const Rack&) = default;

 private:
  RackId mId;
  HallId mHallId;
  QString mName;
  QString mRow;
  QString mRackTypeId;
  PointMm mPositionMm;
  int mRotationDeg = 0;  ///< Invariant: one of 0, 90, 180, 270.
  CoolingMode mCoolingMode = CoolingMode::Air;
  QString mRearDoorId;
  CoolingLoopId mLiquidLoopId;
  CoolingLoopId mAirZoneId;
  QList<Mount> mMounts;
};

}  // namespace dc
