// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "engine/footprint.h"
#include "heatmap.h"
#include "model/project.h"

namespace dc {

/// Size of the marker drawn (and reserved on the floor) for a cooling unit whose catalog item
/// publishes no footprint: 600 × 1200 mm, one rack position.
inline constexpr RackSizeMm kCoolingUnitMarkerSizeMm{600, 1200};

/// The floor rectangle cooling unit `unit` covers: its catalog width × depth turned by its
/// rotation, centred on its position as racks are; the marker size when the item is unknown or
/// publishes no footprint (`published` says which).
RectMm coolingUnitFootprintMm(const CoolingUnit& unit, const Catalog& catalog,
                              bool* published = nullptr);

/// True when `unit` cools the room air (a CRAH or an in-row cooler): a heat-map sink. CDUs move
/// heat from liquid to facility water and take none from the room.
bool isAirCoolingUnit(const CoolingUnit& unit, const Catalog& catalog);

/// The heat-map input of hall `hallId` (docs/heatmap.md): its outline and ceiling, every rack of
/// the hall as a source at its footprint with the heat the cooling pass left in the room air
/// (analysis.cooling.racks[id].heatToRoomW; racks the pass did not cover add nothing), every air
/// cooling unit (CRAH, in-row cooler) as a sink at its footprint with its catalog capacity
/// (coolingUnit.capacityW), and the supply air of the design assumption cooling.supplyAirTempC.
/// An unknown hall gives an empty input (no outline).
HeatMapInput heatMapInputFor(const Project& project, const Catalog& catalog,
                             const Analysis& analysis, HallId hallId);

}  // namespace dc
