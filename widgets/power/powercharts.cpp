// SPDX-License-Identifier: GPL-3.0-or-later
#include "powercharts.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace dc {

namespace {

QChartView* makeView(QWidget* parent) {
  auto* view = new QChartView(new QChart, parent);
  view->setRenderHint(QPainter::Antialiasing);

  return view;
}

/// Replaces the view's chart with one horizontal bar series over `categories`, names on the
/// left where they can be read in full, the first at the top (a fresh chart: Qt Charts keeps
/// stale axes around when series and axes are swapped on a live chart).
void fillBars(QChartView* view, const QString& title, QStringList categories,
              const QList<QBarSet*>& sets, const QString& unit) {
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
  // Qt draws the first category at the bottom of a horizontal chart: reverse to read top-down.
  std::reverse(categories.begin(), categories.end());
  auto* series = new QHorizontalBarSeries;
  double top = 0.0;
  for (QBarSet* set : sets) {
    QList<qreal> values;
    for (int i = set->count() - 1; i >= 0; --i) {
      values.append(set->at(i));
      top = std::max(top, set->at(i));
    }
    set->remove(0, set->count());
    set->append(values);
    series->append(set);
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
  const int rowPx = 8 + 7 * int(sets.size());
  view->setFixedHeight(std::max(180, 110 + rowPx * int(categories.size())));
  QChart* old = view->chart();
  view->setChart(chart);
  delete old;
}

QBarSet* barSet(const QString& label, const QColor& colour) {
  auto* set = new QBarSet(label);
  set->setColor(colour);
  set->setBorderColor(colour.darker(115));
  return set;
}

}  // namespace

PowerChartsPanel::PowerChartsPanel(DesignDocument& document, const Catalog& catalog,
                                   QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  // Each chart is as tall as its rows need (names are never elided); the panel scrolls.
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto* content = new QWidget(scroll);
  auto* charts = new QVBoxLayout(content);
  charts->setContentsMargins(0, 0, 0, 0);
  mRackView = makeView(content);
  mRackView->setObjectName(QStringLiteral("rackChart"));
  mDistributionView = makeView(content);
  mDistributionView->setObjectName(QStringLiteral("distributionChart"));
  mUpsView = makeView(content);
  mUpsView->setObjectName(QStringLiteral("upsChart"));
  for (QChartView* view : {mRackView, mDistributionView, mUpsView}) {
    charts->addWidget(view);
  }
  charts->addStretch(1);
  scroll->setWidget(content);
  layout->addWidget(scroll);
  rebuildRacks();
  rebuildNodes();
}

QChart* PowerChartsPanel::rackChart() const {
  return mRackView->chart();
}
QChart* PowerChartsPanel::distributionChart() const {
  return mDistributionView->chart();
}
QChart* PowerChartsPanel::upsChart() const {
  return mUpsView->chart();
}

void PowerChartsPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuildRacks();
  rebuildNodes();
}

void PowerChartsPanel::setSelection(const QList<RackId>&) {
}

void PowerChartsPanel::rebuildRacks() {
  struct Bar {
    QString name;
    double maxW;
    double designW;
  };
  QList<Bar> bars;
  for (const Rack& rack : mDocument.project().racks()) {
    const auto found = mAnalysis.power.racks.constFind(rack.id());
    if (found == mAnalysis.power.racks.cend() || found->coolingUnit) {
      continue;
    }
    bars.append({rack.name().isEmpty() ? tr("(unnamed)") : rack.name(), found->maxPowerW.value,
                 found->designPowerW.value});
  }
  const qsizetype total = bars.size();
  QString title = tr("IT power per rack (%1 racks)").arg(total);
  if (total > kMaxRacks) {
    std::stable_sort(bars.begin(), bars.end(),
                     [](const Bar& a, const Bar& b) { return a.maxW > b.maxW; });
    bars.resize(kMaxRacks);
    title = tr("IT power per rack: the top %1 of %2 racks by max power").arg(kMaxRacks).arg(total);
  }
  if (total == 0) {
    title = tr("IT power per rack: no racks analysed");
  }
  QBarSet* max = barSet(tr("Max"), QColor(0x1f, 0x5f, 0xa8));
  QBarSet* design = barSet(tr("Design"), QColor(0x7f, 0xb3, 0xe0));
  QStringList names;
  for (const Bar& bar : bars) {
    names.append(bar.name);
    max->append(bar.maxW / 1000.0);
    design->append(bar.designW / 1000.0);
  }
  fillBars(mRackView, title, names, {max, design}, tr("kW"));
}

void PowerChartsPanel::rebuildNodes() {
  QStringList distNames, upsNames;
  QBarSet* distCapacity = barSet(tr("Capacity"), QColor(0xb0, 0xb7, 0xc0));
  QBarSet* distLoad = barSet(tr("Load"), QColor(0x1f, 0x5f, 0xa8));
  QBarSet* distFailover = barSet(tr("Load, worst feed lost"), QColor(0xd9, 0x8c, 0x00));
  QBarSet* upsCapacity = barSet(tr("Usable capacity"), QColor(0xb0, 0xb7, 0xc0));
  QBarSet* upsLoad = barSet(tr("Load"), QColor(0x1f, 0x5f, 0xa8));
  QBarSet* upsFailover = barSet(tr("Load, worst feed lost"), QColor(0xd9, 0x8c, 0x00));
  for (const PowerNode& node : mDocument.project().powerNodes()) {
    const auto found = mAnalysis.power.nodes.constFind(node.id);
    if (found == mAnalysis.power.nodes.cend()) {
      continue;
    }
    const bool ups = node.kind == PowerNodeKind::Ups;
    (ups ? upsNames : distNames).append(node.name);
    (ups ? upsCapacity : distCapacity)->append(found->capacityW.value / 1000.0);
    (ups ? upsLoad : distLoad)->append(found->loadW / 1000.0);
    (ups ? upsFailover : distFailover)->append(found->failoverLoadW / 1000.0);
  }
  fillBars(mDistributionView,
           distNames.isEmpty() ? tr("Busways, RPPs, power racks: none in the design")
                               : tr("Busways, RPPs, power racks: load against capacity"),
           distNames, {distCapacity, distLoad, distFailover}, tr("kW"));
  fillBars(mUpsView,
           upsNames.isEmpty() ? tr("UPS systems: none in the design")
                              : tr("UPS: load against usable capacity"),
           upsNames, {upsCapacity, upsLoad, upsFailover}, tr("kW"));
}

}  // namespace dc
