// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/workload/workloadresult.h"

#include <QColor>
#include <QString>

namespace dc {

/// Display helpers of the Workloads panel: they write the fit pass's figures, they compute
/// nothing. Every number goes through format/quantityformat.h (bytes, durations, FLOPs and money
/// included), in the user's locale; these add only the panel's words.
namespace fitview {

QString formatDays(double days);  ///< a time in days as a duration: "12.3 days", "36.0 h"
/// "41,200 tok/s", "1.23 million tok/s".
QString formatTokensPerSecond(double tokensPerSecond);
QString formatUsdPerMillion(double usd);  ///< "0.421 USD / M tok"
/// A resource check's figure in its unit ("GPU", "B", "B/s", "s", "days", "W", "%").
QString formatCheckValue(double value, const QString& unit);
/// A margin as a signed percentage: "+12.3 %", "−23.0 %".
QString formatMargin(double margin);

QString resourceName(FitResource resource);  ///< "GPUs", "Memory", "Fabric", ...
/// "Fits", "Fits, tight", "Does not fit", "Not assessed" (the engine's names).
QString verdictName(FitVerdict verdict);
/// "Does not fit: memory −23.0 %"; the input problem when the workload was not analysed.
QString verdictSummary(const WorkloadFit& fit);
/// The verdict on two lines for a table cell: "Fits, tight" and "time +3.6 %".
QString verdictLines(const WorkloadFit& fit);
/// Green, amber, red; grey when not assessed.
QColor verdictColour(FitVerdict verdict);
/// The figures that matter for the kind, on two lines: training "12.3 days · 1.87 million GPU-h"
/// and "61.2 GB per GPU"; inference "41,200 tok/s · 8 × 4 GPUs" and "0.421 USD / M tok".
QString keyFigures(const WorkloadFit& fit);

}  // namespace fitview
}  // namespace dc
