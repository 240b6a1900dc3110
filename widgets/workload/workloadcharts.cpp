// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadcharts.h"

#include "charts/barchart.h"
#include "engine/workload/analyzeworkload.h"
#include "fitformat.h"
#include "format/quantityformat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {
QChart* freshChart(const QString& title) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setMargins(QMargins(4, 4, 4, 4));
  QFont font = chart->titleFont();
  font.setBold(true);
  chart->setTitleFont(font);
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignBottom);
  return chart;
}

/// Qt Charts keeps stale axes when series are swapped live: each update gets a new chart.
void replaceChart(QChartView* view, QChart* chart) {
  QChart* old = view->chart();
  view->setChart(chart);
  delete old;
}

QFont smallFont(const QFont& base) {
  QFont small = base;
  small.setPointSizeF(base.pointSizeF() * 0.85);
  return small;
}
}  // namespace

WorkloadCharts::WorkloadCharts(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  mTimeView = chartview::makeView(this);
  mTimeView->setObjectName(QStringLiteral("timeToTrainChart"));
  mTimeView->setMinimumHeight(260);
  mCostView = chartview::makeView(this);
  mCostView->setObjectName(QStringLiteral("costByPrecisionChart"));
  mCostView->setMinimumHeight(220);
  mCostView->setMaximumHeight(360);  // four bars: more height only fattens them
  layout->addWidget(mTimeView, 1);
  layout->addWidget(mCostView, 1);
  layout->addStretch(0);  // the room the cost chart's maximum height leaves, below it
  showWorkload(nullptr, nullptr, DesignAssumptions());
}

QChart* WorkloadCharts::timeChart() const {
  return mTimeView->chart();
}

QChart* WorkloadCharts::costChart() const {
  return mCostView->chart();
}

QList<int> WorkloadCharts::gpuCounts(int poolGpus, int domainGpus) {
  QList<int> counts;
  const int top = 4 * std::max(1, poolGpus);
  for (int n = std::max(8, domainGpus); n <= top; n *= 2) {
    counts.append(n);
  }
  if (poolGpus > 0 && !counts.contains(poolGpus)) {
    counts.append(poolGpus);
    std::sort(counts.begin(), counts.end());
  }
  return counts;
}

QList<Precision> WorkloadCharts::chartPrecisions() {
  return {Precision::BF16, Precision::FP8, Precision::FP4, Precision::INT4};
}

void WorkloadCharts::showWorkload(const Workload* workload, const PoolSummary* pool,
                                  const DesignAssumptions& assumptions) {
  const bool serving = workload && workload->kind == WorkloadKind::Inference;
  mTimeView->setVisible(!serving);
  mCostView->setVisible(serving || !workload);
  if (!workload || !pool || pool->gpus <= 0) {
    const QString why = !workload ? tr("select a workload")
                        : !pool   ? tr("not analysed yet")
                                  : tr("the pool holds no GPUs");
    showEmpty(mTimeView, tr("Time to train against GPUs: %1").arg(why));
    showEmpty(mCostView, tr("Cost per million tokens by precision: %1").arg(why));
    return;
  }
  if (serving) {
    showCost(*workload, *pool, assumptions);
  } else {
    showTime(*workload, *pool, assumptions);
  }
}

void WorkloadCharts::showEmpty(QChartView* view, const QString& title) {
  QChart* chart = freshChart(title);
  chart->legend()->hide();
  replaceChart(view, chart);
}

void WorkloadCharts::showTime(const Workload& workload, const PoolSummary& pool,
                              const DesignAssumptions& assumptions) {
  const int used = workload.gpus > 0 ? std::min(workload.gpus, pool.gpus) : pool.gpus;
  const QList<int> counts = gpuCounts(used, pool.scaleUpDomainGpus);
  const QList<double> days = trainingDaysByGpuCount(workload, pool, assumptions, counts);
  QChart* chart = freshChart(tr("Time to train against GPUs (%1)").arg(pool.gpu.model));
  auto* curve = new QLineSeries;
  curve->setName(tr("Days at the MFU for the scale"));
  curve->setPointsVisible(true);
  curve->setPen(QPen(QColor(0x1f, 0x5f, 0xa8), 2.0));
  auto* here = new QScatterSeries;
  here->setName(tr("This pool: %1 GPUs").arg(formatQuantity(used, Quantity::Count)));
  here->setMarkerSize(11);
  here->setColor(QColor(0xff, 0x7f, 0x0e));
  double low = 0.0;
  double high = 0.0;
  for (int i = 0; i < counts.size() && i < days.size(); ++i) {
    if (!(days[i] > 0.0)) {
      continue;  // does not fit in memory at this count
    }
    curve->append(counts[i], days[i]);
    if (counts[i] == used) {
      here->append(counts[i], days[i]);
    }
    low = low > 0.0 ? std::min(low, days[i]) : days[i];
    high = std::max(high, days[i]);
  }
  if (curve->count() == 0) {
    delete curve;
    delete here;
    chart->setTitle(tr("Time to train: the model fits in memory at none of %1–%2 GPUs")
                        .arg(formatQuantity(counts.first(), Quantity::Count),
                             formatQuantity(counts.last(), Quantity::Count)));
    chart->legend()->hide();
    replaceChart(mTimeView, chart);
    return;
  }
  chart->addSeries(curve);
  chart->addSeries(here);
  if (workload.targetDays > 0.0) {
    auto* target = new QLineSeries;
    target->setName(tr("Target: %1").arg(fitview::formatDays(workload.targetDays)));
    QPen pen(QColor(0xc6, 0x28, 0x28), 1.5, Qt::DashLine);
    target->setPen(pen);
    target->append(counts.first(), workload.targetDays);
    target->append(counts.last(), workload.targetDays);
    chart->addSeries(target);
    low = std::min(low, workload.targetDays);
    high = std::max(high, workload.targetDays);
  }
  auto* gpus = new QLogValueAxis;
  gpus->setBase(2.0);
  gpus->setLabelFormat(QStringLiteral("%d"));
  gpus->setTitleText(tr("GPUs"));
  gpus->setRange(counts.first() / 1.3, counts.last() * 1.3);
  gpus->setMinorTickCount(0);
  gpus->setLabelsFont(smallFont(gpus->labelsFont()));
  auto* time = new QLogValueAxis;
  time->setBase(10.0);
  time->setLabelFormat(QStringLiteral("%g"));
  time->setTitleText(tr("Days (log)"));
  time->setRange(std::pow(10.0, std::floor(std::log10(low))),
                 std::pow(10.0, std::ceil(std::log10(high * 1.01))));
  time->setMinorTickCount(8);
  time->setLabelsFont(smallFont(time->labelsFont()));
  chart->addAxis(gpus, Qt::AlignBottom);
  chart->addAxis(time, Qt::AlignLeft);
  for (QAbstractSeries* series : chart->series()) {
    series->attachAxis(gpus);
    series->attachAxis(time);
  }
  chart->legend()->setFont(smallFont(chart->legend()->font()));
  replaceChart(mTimeView, chart);
}

void WorkloadCharts::showCost(const Workload& workload, const PoolSummary& pool,
                              const DesignAssumptions& assumptions) {
  const QList<Precision> precisions = chartPrecisions();
  const QList<double> usd = costPerMillionByPrecision(workload, pool, assumptions, precisions);
  QChart* chart = freshChart(tr("Cost per million output tokens (%1)").arg(pool.gpu.model));
  auto* set = chartview::barSet(tr("USD per million output tokens"), QColor(0x7f, 0xb3, 0xe0));
  set->setSelectedColor(QColor(0x1f, 0x5f, 0xa8));
  set->setLabelColor(QColor(0x26, 0x32, 0x38));
  QStringList categories;
  double top = 0.0;
  // Qt draws the first category at the bottom of a horizontal chart: fill bottom-up.
  for (qsizetype i = precisions.size() - 1; i >= 0; --i) {
    const Precision precision = precisions[i];
    const double value = i < usd.size() ? usd[i] : 0.0;
    QString name = precisionName(precision);
    if (!(value > 0.0)) {
      name += pool.gpu.denseFlops(precision) > 0.0 ? tr(": no replica fits")
                                                   : tr(": %1 cannot run it").arg(pool.gpu.model);
    }
    categories.append(name);
    set->append(value > 0.0 ? value : 0.0);
    if (precision == workload.precision) {
      set->selectBar(set->count() - 1);
    }
    top = std::max(top, value);
  }
  auto* series = new QHorizontalBarSeries;
  series->append(set);
  series->setBarWidth(0.6);
  series->setLabelsVisible(true);
  series->setLabelsFormat(QStringLiteral("@value"));
  series->setLabelsPrecision(3);
  series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
  chart->addSeries(series);
  auto* names = new QBarCategoryAxis;
  names->append(categories);
  names->setTruncateLabels(false);
  names->setLabelsFont(smallFont(names->labelsFont()));
  chart->addAxis(names, Qt::AlignLeft);
  series->attachAxis(names);
  auto* values = new QValueAxis;
  values->setTitleText(tr("USD per million output tokens · dark: %1, the workload's")
                           .arg(precisionName(workload.precision)));
  values->setRange(0.0, top > 0.0 ? top * 1.25 : 1.0);
  values->setTickCount(5);
  values->applyNiceNumbers();
  values->setLabelFormat(QStringLiteral("%.2f"));
  values->setLabelsFont(smallFont(values->labelsFont()));
  chart->addAxis(values, Qt::AlignBottom);
  series->attachAxis(values);
  chart->legend()->hide();
  replaceChart(mCostView, chart);
}

}  // namespace dc
