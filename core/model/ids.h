// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHashFunctions>
#include <QString>
#include <QUuid>

namespace dc {

/// A stable identifier for one kind of model object.
///
/// Ids are created once, saved with the object and never reused, so commands, scene items,
/// analysis results and validation messages can all point at the same rack without holding a
/// pointer to it. `Id<RackTag>` and `Id<HallTag>` are different types: mixing them up is a
/// compile error.
template <typename Tag>
class Id final {
 public:
  Id() = default;  ///< The null id.

  static Id create() { return Id(QUuid::createUuid()); }
  /// Parses "xxxxxxxx-xxxx-...", with or without braces; a malformed text gives the null id.
  static Id fromString(QAnyStringView text) { return Id(QUuid::fromString(text)); }

  bool isNull() const noexcept { return mUuid.isNull(); }
  QString toString() const { return mUuid.toString(QUuid::WithoutBraces); }
  /// The untyped UUID, for references that may name any kind of object (ObjectRef).
  QUuid uuid() const noexcept { return mUuid; }
  static Id fromUuid(const QUuid& uuid) { return Id(uuid); }

  friend bool operator==(const Id& a, const Id& b) noexcept { return a.mUuid == b.mUuid; }
  friend bool operator!=(const Id& a, const Id& b) noexcept { return a.mUuid != b.mUuid; }
  friend bool operator<(const Id& a, const Id& b) noexcept { return a.mUuid < b.mUuid; }
  friend size_t qHash(const Id& id, size_t seed = 0) noexcept { return qHash(id.mUuid, seed); }

 private:
  explicit Id(const QUuid& uuid) : mUuid(uuid) {}

  QUuid mUuid;
};

using RackId = Id<struct RackTag>;
using HallId = Id<struct HallTag>;
using MountId = Id<struct MountTag>;
using ObstacleId = Id<struct ObstacleTag>;
/// A UPS system, switchboard, busway, RPP or 800 VDC power rack of a hall's distribution tree.
using PowerNodeId = Id<struct PowerNodeTag>;
/// A CDU secondary loop or an air zone of a hall.
using CoolingLoopId = Id<struct CoolingLoopTag>;
/// A floor-standing CDU, CRAH unit or in-row cooler.
using CoolingUnitId = Id<struct CoolingUnitTag>;
/// A network fabric's specification (compute, storage, in-band, out-of-band).
using FabricSpecId = Id<struct FabricSpecTag>;
/// A cable tray drawn in a hall.
using CableTrayId = Id<struct CableTrayTag>;
/// A pool of GPU nodes one scheduler runs (racks and rows of a hall).
using WorkloadPoolId = Id<struct WorkloadPoolTag>;
/// A training, fine-tuning or inference workload on a pool.
using WorkloadId = Id<struct WorkloadTag>;

}  // namespace dc
