// SPDX-License-Identifier: GPL-3.0-or-later
#include "powercharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace dc {

namespace {

QChartView* makeView(QWidget* parent) {
  auto* view = new QChartView(new QChart, parent);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(180);
  return view;
}

/// Replaces the view's chart with one bar series over `categories` (a fresh chart: Qt Charts
/// keeps stale axes around when series and axes are swapped on a live chart).
void fillBars(QChartView* view, const QString& title, QStringList categories,
              const QList<QBarSet*>& sets, const QString& unit, bool rotateLabels) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->setAlignment(Qt::AlignTop);
  chart->setMargins(QMargins(4, 4, 4, 4));
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
  auto* series = new QBarSeries;
  double top = 0.0;
  for (QBarSet* set : sets) {
    series->append(set);
    for (int i = 0; i < set->count(); ++i) {
      top = std::max(top, set->at(i));
    }
  }
  chart->addSeries(series);
  auto* x = new QBarCategoryAxis;
  x->append(categories);
  if (rotateLabels) {
    x->setLabelsAngle(-90);
  }
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  auto* y = new QValueAxis;
  y->setTitleText(unit);
  y->setRange(0, top > 0 ? top * 1.1 : 1.0);
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->applyNiceNumbers();
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(y);
  chart->legend()->setVisible(!categories.isEmpty());
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
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  mRackView = makeView(splitter);
  mRackView->setObjectName(QStringLiteral("rackChart"));
  auto* nodes = new QSplitter(Qt::Horizontal, splitter);
  mDistributionView = makeView(nodes);
  mDistributionView->setObjectName(QStringLiteral("distributionChart"));
  mUpsView = makeView(nodes);
  mUpsView->setObjectName(QStringLiteral("upsChart"));
  nodes->addWidget(mDistributionView);
  nodes->addWidget(mUpsView);
  nodes->setStretchFactor(0, 3);
  nodes->setStretchFactor(1, 2);
  splitter->addWidget(mRackView);
  splitter->addWidget(nodes);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  layout->addWidget(splitter);
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
  fillBars(mRackView, title, names, {max, design}, tr("kW"), names.size() > 12);
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
                               : tr("Load against capacity: busways, RPPs, power racks"),
           distNames, {distCapacity, distLoad, distFailover}, tr("kW"), distNames.size() > 8);
  fillBars(mUpsView,
           upsNames.isEmpty() ? tr("UPS systems: none in the design")
                              : tr("Load against usable capacity: UPS"),
           upsNames, {upsCapacity, upsLoad, upsFailover}, tr("kW"), upsNames.size() > 8);
}

}  // namespace dc
