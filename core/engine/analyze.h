// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis.h"
#include "snapshot.h"

namespace dc {

/// Analyses one design snapshot: checks the assumptions, then runs each pass (power,
/// placement; later cooling, fabric, fit) and concatenates their findings.
///
/// Pure: reads only its argument, writes only its result, deterministic. The Project is a
/// value, so a copy is the snapshot a worker thread can analyse while the user edits.
Analysis analyze(const DesignSnapshot& snapshot);
/// The project with its own assumptions, normal operation.
Analysis analyze(const Project& project, const Catalog& catalog);

/// Power sums, accelerators, rack units and weight of one rack with default assumptions, no
/// feeds; findings for anything that could not be counted.
RackPower analyzeRackPower(const Rack& rack, const Catalog& catalog, QList<Finding>& findings);

/// Checks every assumption of `assumptions`; invalid values (read from a file) are reported as
/// findings and replaced by their defaults in the returned copy.
DesignAssumptions checkAssumptions(const DesignAssumptions& assumptions, QList<Finding>& findings);

/// Placement checks: racks outside their hall, on an obstacle, or overlapping each other.
QList<Finding> validatePlacement(const Project& project, const Catalog& catalog);

}  // namespace dc
