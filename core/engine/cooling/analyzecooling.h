// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coolingresult.h"
#include "engine/power/powerresult.h"
#include "engine/snapshot.h"

namespace dc {

/// The cooling pass: each rack's heat split into cold-plate liquid and air (catalog liquid
/// fractions), its rear door derated to the chilled water, its airflow and coolant flow, the
/// recommendation with its reason and margin, device and mode checks; CDU loops and air zones
/// against their units' capacity with redundancy; the ASHRAE air and liquid class checks,
/// rear-door condensation, the PUE estimate by architecture, and a CDU or CRAH loss when the
/// snapshot asks for one. Reads the power pass's rack powers (cooling is sized at IT max
/// power). `assumptions` must already be checked. Pure; its findings are in the result.
CoolingResult analyzeCooling(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                             const PowerResult& power);

}  // namespace dc
