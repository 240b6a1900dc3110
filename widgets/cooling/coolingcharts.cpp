// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingcharts.h"

#include "charts/barchart.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace dc {

using namespace chartview;

namespace {
const QColor kLiquid(0x1f, 0x5f, 0xa8);
const QColor kAir(0xe0, 0x8a, 0x3c);
const QColor kCapacity(0xb0, 0xb7, 0xc0);
}  // namespace

CoolingChartsPanel::CoolingChartsPanel(DesignDocument& document, const Catalog& /*catalog*/,
                                       QWidget* parent)
    : QWidget(parent), mDocument(document) {
  const QList<QChartView*> views = chartview::addScrollingViews(
      this, {QStringLiteral("heatChart"), QStringLiteral("liquidLoopChart"),
             QStringLiteral("airZoneChart")});
  mHeatView = views[0];
  mLiquidView = views[1];
  mAirView = views[2];
  rebuildRacks();
  rebuildLoops();
}

QChart* CoolingChartsPanel::heatChart() const {
  return mHeatView->chart();
}
QChart* CoolingChartsPanel::liquidLoopChart() const {
  return mLiquidView->chart();
}
QChart* CoolingChartsPanel::airZoneChart() const {
  return mAirView->chart();
}

void CoolingChartsPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuildRacks();
  rebuildLoops();
}

void CoolingChartsPanel::setSelection(const QList<RackId>&) {
}

void CoolingChartsPanel::rebuildRacks() {
  QList<chartview::RackBar> bars;
  for (const Rack& rack : mDocument.project().racks()) {
    const auto found = mAnalysis.cooling.racks.constFind(rack.id());
    if (found == mAnalysis.cooling.racks.cend() || found->coolingUnit) {
      continue;
    }
    bars.append({rack.name().isEmpty() ? tr("(unnamed)") : rack.name(),
                 found->heatW.value,
                 {found->heatToLiquidW.value / 1000.0, found->heatToAirW.value / 1000.0}});
  }
  const qsizetype total = bars.size();
  QString title = tr("Heat per rack: to liquid and to air (%1 racks)").arg(total);
  if (chartview::keepTopBars(bars, kMaxRacks)) {
    title = tr("Heat per rack: the top %1 of %2 racks by heat").arg(kMaxRacks).arg(total);
  }
  if (total == 0) {
    title = tr("Heat per rack: no racks analysed");
  }
  QBarSet* liquid = barSet(tr("To liquid"), kLiquid);
  QBarSet* air = barSet(tr("To air"), kAir);
  QStringList names;
  for (const chartview::RackBar& bar : bars) {
    names.append(bar.name);
    liquid->append(bar.values[0]);
    air->append(bar.values[1]);
  }
  fillHorizontalBars(mHeatView, title, names, {liquid, air}, tr("kW"), true);
}

void CoolingChartsPanel::rebuildLoops() {
  QStringList liquidNames, airNames;
  QBarSet* liquidCapacity = barSet(tr("Usable capacity"), kCapacity);
  QBarSet* liquidLoad = barSet(tr("Load"), kLiquid);
  QBarSet* airCapacity = barSet(tr("Usable capacity"), kCapacity);
  QBarSet* airLoad = barSet(tr("Load"), kAir);
  for (const LoopLoad& loop : mAnalysis.cooling.loops) {
    const bool liquid = loop.kind == CoolingLoopKind::Liquid;
    (liquid ? liquidNames : airNames).append(loop.name);
    (liquid ? liquidCapacity : airCapacity)->append(loop.usableCapacityW.value / 1000.0);
    (liquid ? liquidLoad : airLoad)->append(loop.loadW.value / 1000.0);
  }
  fillHorizontalBars(mLiquidView,
                     liquidNames.isEmpty() ? tr("CDU loops: none in the design")
                                           : tr("CDU loops: load against usable capacity"),
                     liquidNames, {liquidCapacity, liquidLoad}, tr("kW"), false);
  fillHorizontalBars(mAirView,
                     airNames.isEmpty() ? tr("Air zones: none in the design")
                                        : tr("Air zones: load against usable capacity"),
                     airNames, {airCapacity, airLoad}, tr("kW"), false);
}

}  // namespace dc
