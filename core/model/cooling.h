// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geometry.h"
#include "ids.h"
#include "powernode.h"

#include <QString>

namespace dc {

/// What a cooling loop carries: the secondary coolant of CDUs to racks' cold plates, or the
/// room air that CRAH units and in-row coolers cool.
enum class CoolingLoopKind { Liquid, Air };

QString coolingLoopKindKey(CoolingLoopKind kind);   ///< "liquid", "air"
QString coolingLoopKindName(CoolingLoopKind kind);  ///< "CDU loop", "Air zone"
bool coolingLoopKindFromKey(const QString& key, CoolingLoopKind* kind);

/// A CDU loop or an air zone of one hall: the units that serve it (CoolingUnit::loopId) and
/// the racks it serves (Rack::liquidLoopId / airZoneId, or every rack of the hall that names
/// none when the hall has one loop of this kind). Its redundancy says how many units may be
/// lost while the rest still carry the load.
struct CoolingLoop {
  CoolingLoopId id;
  HallId hallId;
  QString name;  ///< "Loop 1", "Zone A"
  CoolingLoopKind kind = CoolingLoopKind::Liquid;
  Redundancy redundancy = Redundancy::NPlus1;

  friend bool operator==(const CoolingLoop&, const CoolingLoop&) = default;
};

/// A floor-standing cooling unit: an in-row or floor CDU, a CRAH unit or an in-row cooler. Not a
/// rack: it carries no IT load and has no rack units; its capacity, flow and electrical input
/// come from its catalog item. The position is the centre of its footprint, rotation as racks.
struct CoolingUnit {
  CoolingUnitId id;
  HallId hallId;
  QString name;       ///< "CDU-1", "C01"
  QString catalogId;  ///< a catalog item of kind cdu, crah or in-row-cooler
  PointMm positionMm;
  int rotationDeg = 0;   ///< 0, 90, 180, 270
  CoolingLoopId loopId;  ///< the loop or zone it serves; null: its hall's only one of its kind

  friend bool operator==(const CoolingUnit&, const CoolingUnit&) = default;
};

}  // namespace dc
