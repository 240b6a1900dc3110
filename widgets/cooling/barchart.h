// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>

class QBarSet;
class QChartView;
class QWidget;

namespace dc::chartview {

/// A chart view for one bar chart, antialiased.
QChartView* makeView(QWidget* parent);

/// A bar set in `colour` with a slightly darker border.
QBarSet* barSet(const QString& label, const QColor& colour);

/// Replaces the view's chart with one horizontal bar series over `categories` (stacked when
/// `stacked`), names on the left where they can be read in full, the first at the top. Category
/// names are made unique ("A01 (2)"), the view is as tall as its rows need. Takes the sets.
/// The look of the power charts (PowerChartsPanel), so the two docks read alike.
void fillHorizontalBars(QChartView* view, const QString& title, QStringList categories,
                        const QList<QBarSet*>& sets, const QString& unit, bool stacked);

}  // namespace dc::chartview
