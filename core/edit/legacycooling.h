// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"

namespace dc {

/// Files before schema 3 stored floor cooling units (in-row coolers, CRAH units, floor CDUs) as
/// racks. Turns each such rack of `project` into a CoolingUnit with the same name, position,
/// rotation and catalog item (its id derived from the rack's, so a second conversion finds
/// nothing), serving its hall's units without a loop. Racks with mounts are left alone (nothing
/// the user placed is dropped). Returns how many were converted.
int adoptFloorCoolingRacks(Project& project, const Catalog& catalog);

}  // namespace dc
