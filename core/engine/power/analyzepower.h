// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "powerresult.h"

namespace dc {

/// The power pass: device power by utilisation, rack sums, PDUs and feeds with phase
/// balancing, the 2N rule and PSU redundancy, busway/RPP/switchboard/UPS loading and sizing,
/// facility power, energy, cost and carbon, and the failure the snapshot asks for. `assumptions`
/// must already be checked (analyze() does it). Pure; its findings are in the result.
PowerResult analyzePower(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions);

}  // namespace dc
