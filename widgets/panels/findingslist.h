// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"

#include <QList>
#include <QString>

class QTreeWidget;

namespace dc {

/// The Findings tab of an analysis panel (fabric, workloads): one row a finding, its code with
/// the severity's icon and its message in full in the tooltip.
QTreeWidget* newFindingsList(const QString& objectName);

/// Shows `findings` in `list` in the order given; a grey `none` line when there are none.
/// Returns how many are shown, for the tab's title.
int showFindingsIn(QTreeWidget* list, const QList<const Finding*>& findings, const QString& none);

}  // namespace dc
