// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/analysis.h"
#include "engine/power/powerresult.h"

#include <QColor>
#include <QString>

class QTableWidgetItem;
class QTreeWidgetItem;

namespace dc {

/// Display helpers shared by the power panels. They format engine results; they compute nothing.
namespace powerview {

// Numbers are written by format/quantityformat.h; these helpers name and colour them.
QString pduRating(const PduLoad& pdu);         ///< "415 V 3φ 32 A"; "not rated"
QString shortPduLabel(const QString& label);   ///< "PDU 1 (feed A)" -> "PDU 1"
QString legName(const PduLoad* pdu, int leg);  ///< "L1"; "DC" or "L" on one-leg units
/// Amber above `warnPct` (the design assumption floorPlan.loadingWarnPct), red above 100 %;
/// invalid colour (no tint) otherwise.
QColor loadingColour(double pct, double warnPct);
/// The analysis' floorPlan.loadingWarnPct.
double loadingWarnPct(const Analysis& analysis);
QColor errorColour();
QColor warnColour();

/// A table cell: numbers right-aligned, text left-aligned, both vertically centred.
QTableWidgetItem* tableItem(const QString& text, bool numeric = false);
/// Shows a loading or verdict colour on a cell: its text in `colour`, bold; nothing when invalid.
void tint(QTableWidgetItem* item, const QColor& colour);

}  // namespace powerview
}  // namespace dc
