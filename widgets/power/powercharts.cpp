// SPDX-License-Identifier: GPL-3.0-or-later
#include "powercharts.h"

#include "charts/barchart.h"

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

using chartview::barSet;

PowerChartsPanel::PowerChartsPanel(DesignDocument& document, const Catalog& catalog,
                                   QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  const QList<QChartView*> views = chartview::addScrollingViews(
      this, {QStringLiteral("rackChart"), QStringLiteral("distributionChart"),
             QStringLiteral("upsChart")});
  mRackView = views[0];
  mDistributionView = views[1];
  mUpsView = views[2];
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
  QList<chartview::RackBar> bars;
  for (const Rack& rack : mDocument.project().racks()) {
    const auto found = mAnalysis.power.racks.constFind(rack.id());
    if (found == mAnalysis.power.racks.cend() || found->coolingUnit) {
      continue;
    }
    bars.append({rack.name().isEmpty() ? tr("(unnamed)") : rack.name(),
                 found->maxPowerW.value,
                 {found->maxPowerW.value / 1000.0, found->designPowerW.value / 1000.0}});
  }
  const qsizetype total = bars.size();
  QString title = tr("IT power per rack (%1 racks)").arg(total);
  if (chartview::keepTopBars(bars, kMaxRacks)) {
    title = tr("IT power per rack: the top %1 of %2 racks by max power").arg(kMaxRacks).arg(total);
  }
  if (total == 0) {
    title = tr("IT power per rack: no racks analysed");
  }
  QBarSet* max = barSet(tr("Max"), QColor(0x1f, 0x5f, 0xa8));
  QBarSet* design = barSet(tr("Design"), QColor(0x7f, 0xb3, 0xe0));
  QStringList names;
  for (const chartview::RackBar& bar : bars) {
    names.append(bar.name);
    max->append(bar.values[0]);
    design->append(bar.values[1]);
  }
  chartview::fillHorizontalBars(mRackView, title, names, {max, design}, tr("kW"), false);
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
  chartview::fillHorizontalBars(mDistributionView,
                                distNames.isEmpty()
                                    ? tr("Busways, RPPs, power racks: none in the design")
                                    : tr("Busways, RPPs, power racks: load against capacity"),
                                distNames, {distCapacity, distLoad, distFailover}, tr("kW"), false);
  chartview::fillHorizontalBars(mUpsView,
                                upsNames.isEmpty() ? tr("UPS systems: none in the design")
                                                   : tr("UPS: load against usable capacity"),
                                upsNames, {upsCapacity, upsLoad, upsFailover}, tr("kW"), false);
}

}  // namespace dc
