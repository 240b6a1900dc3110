// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "powerresult.h"

namespace dc {

/// The power pass: device power by utilisation, rack sums, PDUs and feeds with phase
/// balancing, the 2N rule and PSU redundancy, busway/RPP/switchboard/UPS loading and sizing,
/// facility power, energy, cost and carbon, and the failure the snapshot asks for. `assumptions`
/// must already be checked (analyze() does it). Pure; its findings are in the result.
/// `opticsWByRack`: transceiver power per rack from the fabric pass, added to the racks' IT load.
PowerResult analyzePower(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                         const QHash<RackId, double>* opticsWByRack = nullptr);

/// Facility power (IT × PUE), annual energy, cost, carbon and generator count from `pue`: the
/// power pass uses the fixed PUE assumption; analyze() calls it again with the cooling pass's
/// estimate by architecture.
void facilityTotals(const DesignAssumptions& assumptions, const Figure& pue, PowerTotals& totals);

}  // namespace dc
