// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/workload/workloadresult.h"

#include <QColor>
#include <QString>

namespace dc {

/// Display helpers of the Workloads panel: they write the fit pass's figures, they compute
/// nothing. Power, percentages, counts and money go through format/quantityformat.h; the sizes
/// it has no quantity for (bytes, bytes/s, durations, FLOPs) are scaled here to SI prefixes and
/// written with the same three significant digits in the user's locale.
namespace fitview {

QString formatBytes(double bytes);         ///< "61.2 GB", "2.30 TB"
QString formatBytesPerSecond(double bps);  ///< "1.20 GB/s", "40.0 TB/s"
/// "45 s", "12.5 min", "4.20 h", "12.3 days": the largest unit that keeps the figure above 1
/// (days from two days up).
QString formatDuration(double seconds);
QString formatDays(double days);    ///< "12.3 days"
QString formatFlops(double flops);  ///< "1.20 × 10²⁴ FLOP"
QString formatCount(double count);  ///< "1,016"
/// A large count as people say it: "70.0 B" parameters, "2.00 T" tokens, "706 k"; below
/// 10,000 as a plain count.
QString formatLargeCount(double count);
QString formatTokensPerSecond(double tokensPerSecond);  ///< "41,200 tok/s", "1.23 M tok/s"
QString formatUsdPerMillion(double usd);                ///< "0.421 USD / M tok"
/// A resource check's figure in its unit ("GPU", "B", "B/s", "s", "W", "%"; none: a share).
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
/// The figures that matter for the kind, on two lines: training "12.3 days · 706 k GPU-h" and
/// "61.2 GB per GPU"; inference "41,200 tok/s · 8 × 4 GPUs" and "0.421 USD / M tok".
QString keyFigures(const WorkloadFit& fit);

}  // namespace fitview
}  // namespace dc
