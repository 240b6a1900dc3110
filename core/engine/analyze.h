// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysis.h"
#include "catalog/catalog.h"
#include "model/project.h"

namespace dc {

/// Analyses one design snapshot against the catalog.
///
/// Pure: reads only its arguments, writes only its result, deterministic. The Project is a
/// value, so a copy is the snapshot a worker thread can analyse while the user edits.
Analysis analyze(const Project& project, const Catalog& catalog);

/// Power, accelerators, rack units and weight of one rack, with findings for anything that
/// could not be counted (unknown ids, missing figures, mounts that do not fit).
RackPower analyzeRackPower(const Rack& rack, const Catalog& catalog, QList<Finding>& findings);

/// Placement checks: racks outside their hall, on an obstacle, or overlapping each other.
void validatePlacement(const Project& project, const Catalog& catalog, QList<Finding>& findings);

}  // namespace dc
