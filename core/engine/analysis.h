// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "finding.h"
#include "power/powerresult.h"

#include <QList>

namespace dc {

/// Everything the engine computes from one design snapshot: one typed result per pass
/// (power today; cooling, fabric and workload fit add theirs) and the findings of all passes,
/// in pass order. Results are keyed by id.
struct Analysis {
  DesignAssumptions assumptions;  ///< the values used: the project's, invalid ones at default
  PowerResult power;
  QList<Finding> findings;  ///< problems found while analysing; never skipped silently

  int errorCount() const;
  /// Findings whose code is `code` (tests and scripts gate on codes, not on sentences).
  QList<Finding> findingsWithCode(const QString& code) const;
};

}  // namespace dc
