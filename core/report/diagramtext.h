// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram.h"
#include "format/quantityformat.h"
#include "model/powerfeed.h"

#include <QLocale>
#include <QString>

namespace dc {
class DesignAssumptions;
}

namespace dc::report {

/// Figures and verdicts as the diagrams write them (shared by the single-line diagram and the
/// cooling schematic).
struct DiagramText {
  QLocale locale;
  double warnPct = 80.0;  ///< loading drawn amber from here (floorPlan.loadingWarnPct), red > 100 %

  DiagramText(const QLocale& l, const DesignAssumptions& assumptions);

  QString number(double value, Quantity quantity) const;
  /// "1.1 MVA" for an apparent power given in VA.
  QString apparentPower(double va) const;
  /// A loading's verdict: red over 100 %, amber from `warnPct`.
  Tone loadingTone(double pct) const;
  /// "load 54 %", toned.
  DiagramLine loading(const QString& label, double pct) const;
};

/// 0, 1, 2 for feeds A, B, C; -1 for none.
int feedIndex(PowerFeed feed);

}  // namespace dc::report
