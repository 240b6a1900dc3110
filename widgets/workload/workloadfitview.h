// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/workload/workloadresult.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace dc {

/// One workload's fit as the engine found it: the verdict, the figures of its kind (FLOPs,
/// time, GPU-hours, memory, parallelism, checkpoints; or replicas, batch, latency, throughput,
/// cost) and the table of its resource checks (required, available, margin). A view: it formats
/// the WorkloadFit it is given and computes nothing.
class WorkloadFitView final : public QWidget {
  Q_OBJECT

 public:
  enum Column { ColCheck, ColRequired, ColAvailable, ColMargin, ColumnCount };

  explicit WorkloadFitView(QWidget* parent = nullptr);

  /// Shows `fit` (null: nothing selected, or not analysed yet: `note` says which).
  void showFit(const WorkloadFit* fit, const QString& note = QString());

  QLabel* verdictLabel() const noexcept { return mVerdict; }
  QLabel* figuresLabel() const noexcept { return mFigures; }
  QTableWidget* checksTable() const noexcept { return mChecks; }

 private:
  static QString trainingFigures(const WorkloadFit& fit);
  static QString inferenceFigures(const WorkloadFit& fit);

  QLabel* mVerdict = nullptr;
  QLabel* mFigures = nullptr;
  QTableWidget* mChecks = nullptr;
};

}  // namespace dc
