// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/snapshot.h"
#include "fabricresult.h"

namespace dc {

/// The fabric pass: for every FabricSpec of every hall, sizes the fabric from the placed nodes
/// and the switch's catalog radix, gives the placed switches their roles, generates every cable
/// port to port, routes it over the hall's trays (drawn, or generated along and across the rows),
/// chooses its medium and stocked length, fills the trays, counts transceivers and their power.
/// Pure: reads only the snapshot.
FabricResult analyzeFabric(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions);

/// The single rack position that, holding every switch of fabric `fabric`, would make its
/// longest node-to-switch tray route shortest, against the longest route now. Costs one
/// shortest-path tree per candidate position, so the studio asks for it on demand.
PlacementSuggestion suggestSwitchPlacement(const DesignSnapshot& snapshot,
                                           const DesignAssumptions& assumptions,
                                           const FabricResult& result, int fabric);

}  // namespace dc
