// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/workload/workloadresult.h"
#include "model/designassumptions.h"
#include "model/workload.h"

#include <QList>
#include <QWidget>

class QChart;
class QChartView;

namespace dc {

/// The Qt Charts of one workload, views of what the engine computes (they compute nothing):
/// time to train against the GPU count (trainingDaysByGpuCount over powers of two up to four
/// times the pool, with the pool's size and the target marked) for training and fine-tuning,
/// and the cost per million output tokens by precision (costPerMillionByPrecision; a precision
/// the GPU cannot run shown as such) for inference.
class WorkloadCharts final : public QWidget {
  Q_OBJECT

 public:
  explicit WorkloadCharts(QWidget* parent = nullptr);

  /// Shows the charts of `workload` on `pool` (null: nothing to chart) with `assumptions`.
  void showWorkload(const Workload* workload, const PoolSummary* pool,
                    const DesignAssumptions& assumptions);

  QChart* timeChart() const;
  QChart* costChart() const;
  QChartView* timeView() const noexcept { return mTimeView; }
  QChartView* costView() const noexcept { return mCostView; }

  /// The GPU counts the time chart asks the engine about: powers of two from the pool's
  /// scale-up domain (at least 8) up to 4 × `poolGpus`, with `poolGpus` itself among them.
  static QList<int> gpuCounts(int poolGpus, int domainGpus);
  /// The precisions the cost chart compares, in its order.
  static QList<Precision> chartPrecisions();

 private:
  void showTime(const Workload& workload, const PoolSummary& pool,
                const DesignAssumptions& assumptions);
  void showCost(const Workload& workload, const PoolSummary& pool,
                const DesignAssumptions& assumptions);
  void showEmpty(QChartView* view, const QString& title);

  QChartView* mTimeView = nullptr;
  QChartView* mCostView = nullptr;
};

}  // namespace dc
