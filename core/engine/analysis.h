// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cooling/coolingresult.h"
#include "fabric/fabricresult.h"
#include "finding.h"
#include "power/powerresult.h"
#include "workload/workloadresult.h"

#include <QList>

namespace dc {

/// Everything the engine computes from one design snapshot: one typed result per pass
/// (power, cooling, fabric, workload fit) and the findings of all passes,
/// in pass order. Results are keyed by id.
struct Analysis {
  DesignAssumptions assumptions;  ///< the values used: the project's, invalid ones at default
  PowerResult power;
  CoolingResult cooling;
  FabricResult fabric;      ///< runs first: its optics power feeds the power pass
  WorkloadResult workload;  ///< runs last: pools, fits and verdicts (PUE from the facility totals)
  QList<Finding> findings;  ///< problems found while analysing; never skipped silently

  int errorCount() const;
  /// The simulated failure's verdicts: the power pass's (feed, UPS, busway) or the cooling
  /// pass's (CDU, CRAH), whichever the snapshot asked for.
  const FailureResult& failure() const {
    return cooling.failure.scenario.kind != FailureScenario::Kind::None ? cooling.failure
                                                                        : power.failure;
  }
  /// Findings whose code is `code` (tests and scripts gate on codes, not on sentences).
  QList<Finding> findingsWithCode(const QString& code) const;
};

}  // namespace dc
