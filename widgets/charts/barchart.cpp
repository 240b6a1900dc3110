// SPDX-License-Identifier: GPL-3.0-or-later
#include "barchart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace dc::chartview {

QChartView* makeView(QWidget* parent) {
  auto* view = new QChartView(new QChart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  return view;
}

QList<QChartView*> addScrollingViews(QWidget* panel, const QStringList& objectNames) {
  auto* layout = new QVBoxLayout(panel);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* scroll = new QScrollArea(panel);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* content = new QWidget(scroll);
  auto* charts = new QVBoxLayout(content);
  charts->setContentsMargins(0, 0, 0, 0);
  QList<QChartView*> views;
  for (const QString& name : objectNames) {
    QChartView* view = makeView(content);
    view->setObjectName(name);
    charts->addWidget(view);
    views.append(view);
  }
  charts->addStretch(1);
  scroll->setWidget(content);
  layout->addWidget(scroll);
  return views;
}

bool keepTopBars(QList<RackBar>& bars, qsizetype limit) {
  if (bars.size() <= limit) {
    return false;
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const RackBar& a, const RackBar& b) { return a.rankW > b.rankW; });
  bars.resize(limit);
  return true;
}

QBarSet* barSet(const QString& label, const QColor& colour) {
  auto* set = new QBarSet(label);
  set->setColor(colour);
  set->setBorderColor(colour.darker(115));
  return set;
}

void fillHorizontalBars(QChartView* view, const QString& title, QStringList categories,
                        const QList<QBarSet*>& sets, const QString& unit, bool stacked) {
  // A fresh chart: Qt Charts keeps stale axes around when series and axes are swapped live.
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
  QFont titleFont = chart->titleFont();
  titleFont.setBold(true);
  chart->setTitleFont(titleFont);
  chart->setTitle(title);
  // Category labels must be unique, or the axis merges bars of racks with the same name.
  QSet<QString> seen;
  for (QString& name : categories) {
    const QString base = name;
    for (int n = 2; seen.contains(name); ++n) {
      name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    }
    seen.insert(name);
  }
  if (categories.isEmpty()) {  // nothing to draw: the title says so, no empty axes
    qDeleteAll(sets);
    view->setFixedHeight(60);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    return;
  }
  // Qt draws the first category at the bottom of a horizontal chart: reverse to read top-down.
  std::reverse(categories.begin(), categories.end());
  QAbstractBarSeries* series =
      stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
              : new QHorizontalBarSeries;
  QList<double> totals(categories.size(), 0.0);
  double top = 0.0;
  for (QBarSet* set : sets) {
    QList<qreal> values;
    for (int i = set->count() - 1; i >= 0; --i) {
      values.append(set->at(i));
    }
    for (int i = 0; i < values.size() && i < totals.size(); ++i) {
      totals[i] = stacked ? totals[i] + values[i] : std::max(totals[i], values[i]);
    }
    set->remove(0, set->count());
    set->append(values);
    series->append(set);
  }
  for (double total : totals) {
    top = std::max(top, total);
  }
  chart->addSeries(series);
  auto* names = new QBarCategoryAxis;
  names->append(categories);
  QFont small = names->labelsFont();
  small.setPointSizeF(small.pointSizeF() * 0.85);  // many rows: names must not be elided
  names->setLabelsFont(small);
  names->setTruncateLabels(false);  // short rack names: Qt would elide them to "…" anyway
  chart->addAxis(names, Qt::AlignLeft);
  series->attachAxis(names);
  auto* values = new QValueAxis;
  values->setTitleText(unit);
  values->setRange(0, top > 0 ? top * 1.1 : 1.0);
  values->setLabelFormat(QStringLiteral("%.0f"));
  values->setTickCount(5);
  values->applyNiceNumbers();
  values->setLabelsFont(small);
  chart->addAxis(values, Qt::AlignBottom);
  series->attachAxis(values);
  chart->legend()->setVisible(!categories.isEmpty());
  // Title, legend and axis take about 110 px; each category row needs room for its bars.
  // (Qt elides a category label that gets less height than its text.)
  const int rowPx = stacked ? 20 : 12 + 8 * int(sets.size());
  view->setFixedHeight(std::max(180, 110 + rowPx * int(categories.size())));
  QChart* old = view->chart();
  view->setChart(chart);
  delete old;
}

}  // namespace dc::chartview
