// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

class QBarSet;
class QChartView;
class QWidget;

namespace dc::chartview {

/// A chart view for one bar chart, antialiased.
QChartView* makeView(QWidget* parent);

/// Fills `panel` with a scrolling column of chart views named `objectNames` (each as tall as its
/// rows need, so names are never elided); returns them in order.
QList<QChartView*> addScrollingViews(QWidget* panel, const QStringList& objectNames);

/// One rack's bar: its name, what it is ranked by, and the values of its bar sets.
struct RackBar {
  QString name;
  double rankW = 0.0;
  QList<double> values;  ///< one per bar set, in kW
};

/// Keeps the `limit` bars of largest rank (the rest of a large design would not be readable);
/// returns whether any was cut. Stable: equal ranks keep their rack order.
bool keepTopBars(QList<RackBar>& bars, qsizetype limit);

/// A bar set in `colour` with a slightly darker border.
QBarSet* barSet(const QString& label, const QColor& colour);

/// Replaces the view's chart with one horizontal bar series over `categories` (stacked when
/// `stacked`), names on the left where they can be read in full, the first at the top. Category
/// names are made unique ("A01 (2)"), the view is as tall as its rows need. Takes the sets.
/// One look for the power and cooling charts, so the docks read alike.
void fillHorizontalBars(QChartView* view, const QString& title, QStringList categories,
                        const QList<QBarSet*>& sets, const QString& unit, bool stacked);

}  // namespace dc::chartview
