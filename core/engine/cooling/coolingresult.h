// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/figure.h"
#include "engine/finding.h"
#include "engine/power/powerresult.h"
#include "model/cooling.h"
#include "model/ids.h"
#include "model/rack.h"

#include <QHash>
#include <QList>
#include <QString>

namespace dc {

/// What the engine recommends for a rack. The architect's choice stays Rack::coolingMode; the
/// recommendation is what the rack's heat and its devices call for in this hall.
enum class CoolingOption {
  AirContainment,        ///< room air with hot/cold-aisle containment
  RearDoorPassive,       ///< passive rear-door heat exchanger (server fans push the air)
  RearDoorActive,        ///< fan-assisted rear door
  DirectToChip,          ///< cold plates; the rest of the heat to room air
  DirectToChipRearDoor,  ///< cold plates, and a rear door for the heat left in the air
};
QString coolingOptionKey(CoolingOption option);   ///< "air", "rear-door-passive", ...
QString coolingOptionName(CoolingOption option);  ///< "Air with containment", ...

/// Where one device's heat goes (catalog liquid-capture fraction).
struct DeviceHeat {
  MountId mountId;  ///< null for a rack-scale system (the rack type itself)
  QString catalogId;
  QString model;
  double heatW = 0.0;    ///< its max power
  double liquidW = 0.0;  ///< fraction × heat, for liquid and hybrid devices
  double airW = 0.0;
  double fraction = 0.0;
  bool fractionAssumed = false;  ///< the catalog gives none: cooling.defaultLiquidFraction
};

/// Heat and flows of one rack position, at its max IT power (cooling is sized for peak).
struct RackCooling {
  RackId rackId;
  HallId hallId;
  CoolingMode mode = CoolingMode::Air;  ///< the architect's choice (Rack::coolingMode)
  CoolingOption recommended = CoolingOption::AirContainment;
  /// Why, in words, with the margin: "48 kW: over this hall's 30 kW air limit; an active rear
  /// door rated 55 kW at 18 °C supply holds it with 13 % margin".
  QString reason;
  double marginPct = 0.0;  ///< (capacity − load) / capacity of the recommended option
  bool modeHolds = true;   ///< the chosen mode (and its door/CDU) removes the rack's heat
  Figure heatW;            ///< = IT max power
  Figure heatToLiquidW;    ///< captured by cold plates (Σ device liquid fraction × power)
  Figure heatToAirW;       ///< heat leaving the servers in air (heat − liquid)
  Figure heatToDoorW;      ///< removed by the rear door, ≤ its derated capacity
  Figure heatToRoomW;      ///< left for the room's air units: air − door
  Figure airflowM3PerH;    ///< through the servers, altitude-corrected
  double airflowCfm = 0.0;
  Figure coolantFlowLps;      ///< secondary coolant to the rack's cold plates
  QString rearDoorId;         ///< fitted door's catalog id, or empty
  Figure rearDoorCapacityW;   ///< derated to the chilled-water and exhaust temperatures
  int liquidLoopIndex = -1;   ///< into CoolingResult::loops; -1 when no loop serves the rack
  int airZoneIndex = -1;      ///< into CoolingResult::loops; -1 when no zone serves it
  bool inRackCdu = false;     ///< its liquid is served by CDUs mounted in the rack itself
  bool coolingUnit = false;   ///< the position holds a floor cooling unit stored as a rack (legacy)
  QList<DeviceHeat> devices;  ///< per device, in mount order
};

/// One CDU loop or air zone: the units serving it, the racks on it, load against capacity.
/// Loops drawn by the architect have their id; the units of a hall that name no loop form an
/// implicit one (null id, named "<hall> CDUs" / "<hall> air").
struct LoopLoad {
  CoolingLoopId id;  ///< null for an implicit loop
  HallId hallId;
  RackId rackId;  ///< an in-rack CDU loop: the rack it serves; null otherwise
  QString name;
  CoolingLoopKind kind = CoolingLoopKind::Liquid;
  Redundancy redundancy = Redundancy::NPlus1;
  QList<CoolingUnitId> unitIds;  ///< floor units; an in-rack loop has none (see unitCount)
  int unitCount = 0;
  double unitCapacityW = 0.0;       ///< the smallest unit's rated capacity (N+1 loses the largest)
  Figure installedCapacityW;        ///< Σ rated capacity of its units
  Figure usableCapacityW;           ///< with its redundancy (N+1: minus the largest unit)
  Figure loadW;                     ///< Σ heat to liquid (loop) or to room air (zone) of its racks
  double loadingPct = 0.0;          ///< load / usable capacity
  Figure flowLps;                   ///< liquid: Σ coolant flow its racks need
  Figure flowCapacityLps;           ///< liquid: usable Σ unit flow, 0 when no unit publishes one
  double coolantSupplyTempC = 0.0;  ///< liquid: facility supply + its CDUs' approach
  Figure airflowM3PerH;             ///< air: Σ airflow of its racks
  Figure airflowCapacityM3PerH;     ///< air: Σ unit airflow where published
  int unitsRequired = 0;            ///< for its load, with its redundancy
  int rackCount = 0;
  double unitInputPowerW = 0.0;  ///< Σ electrical input of its units (fans, pumps)
};

/// Totals of one hall.
struct HallCooling {
  HallId hallId;
  Figure heatW;
  Figure heatToLiquidW;
  Figure heatToDoorW;
  Figure heatToRoomW;
  Figure airCapacityW;     ///< usable capacity of its air zones
  Figure liquidCapacityW;  ///< usable capacity of its CDU loops (floor and in-rack)
  int rearDoorCount = 0;
  int liquidRackCount = 0;
};

/// Project totals and the PUE estimate that feeds the power pass's facility figures.
struct CoolingTotals {
  Figure heatW;
  Figure heatToLiquidW;
  Figure heatToDoorW;
  Figure heatToRoomW;
  Figure pue;                  ///< by architecture (heat-weighted) or the fixed assumption
  Figure coolantSupplyTempC;   ///< facility supply + approach
  QString facilityWaterClass;  ///< "W32"
};

/// The cooling pass's result. Everything keyed by id or index.
struct CoolingResult {
  QHash<RackId, RackCooling> racks;
  QList<LoopLoad> loops;  ///< CDU loops and air zones, per hall in hall order
  QList<HallCooling> halls;
  CoolingTotals totals;
  /// Failure::Kind Cdu / Crah: one unit lost; every rack's verdict (Holds, Degraded when its
  /// loop or zone keeps ≥ 90 % of what it needs, Down below). Scenario None otherwise.
  FailureResult failure;
  QList<Finding> findings;

  const HallCooling* hall(HallId id) const;
  const LoopLoad* loop(CoolingLoopId id) const;  ///< an explicit loop by id
};

}  // namespace dc
