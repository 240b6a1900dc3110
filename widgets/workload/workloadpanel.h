// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

#include <memory>

class QBoxLayout;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;

namespace dc {

class WorkloadCharts;
class WorkloadFitView;

/// The Workloads dock: the pools of GPU nodes (name, scheduler, racks, GPUs, colour) and the
/// workloads on them (kind, pool, the live verdict with its limiting resource and margin, and
/// the key figures of the kind), with Add/Edit/Remove for both through the generic undoable
/// object commands. For the selected workload: its checks (WorkloadFitView), its charts
/// (WorkloadCharts) and its fit.* findings. Clicking a pool asks the floor plan to select its
/// racks. Shows the analysis it is given; computes nothing itself.
class WorkloadPanel final : public QWidget {
  Q_OBJECT

 public:
  enum PoolColumn { PoolName, PoolScheduler, PoolRacks, PoolGpus, PoolColumnCount };
  /// A workload's row: its name over its kind and pool, its verdict over the limiting resource
  /// and margin, its key figures on two lines.
  enum WorkloadColumn { WlName, WlVerdict, WlFigures, WlColumnCount };
  enum Tab { TabFit, TabCharts, TabFindings };

  WorkloadPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  ~WorkloadPanel() override;

  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan: what Add pool takes.
  void setSelection(const QList<dc::RackId>& ids);

  QTableWidget* poolTable() const noexcept { return mPools; }
  QTableWidget* workloadTable() const noexcept { return mWorkloads; }
  QPushButton* addPoolButton() const noexcept { return mAddPool; }
  QPushButton* editPoolButton() const noexcept { return mEditPool; }
  QPushButton* removePoolButton() const noexcept { return mRemovePool; }
  QPushButton* addWorkloadButton() const noexcept { return mAddWorkload; }
  QPushButton* editWorkloadButton() const noexcept { return mEditWorkload; }
  QPushButton* removeWorkloadButton() const noexcept { return mRemoveWorkload; }
  WorkloadFitView* fitView() const noexcept { return mFitView; }
  WorkloadCharts* charts() const noexcept { return mCharts; }
  QTreeWidget* findingsList() const noexcept { return mFindings; }
  QTabWidget* tabs() const noexcept { return mTabs; }

  WorkloadPoolId currentPoolId() const;
  WorkloadId currentWorkloadId() const;
  void selectPool(WorkloadPoolId id);
  void selectWorkload(WorkloadId id);

  /// A new pool of the selection: its racks one by one, or (`wholeRows`) the rows they stand
  /// in; fresh id, a free name, the next colour, Slurm for the first pool, Kubernetes after.
  WorkloadPool newPool(bool wholeRows) const;
  /// A new workload on the current pool (else the first): training on a Slurm pool, inference
  /// on a Kubernetes one.
  Workload newWorkload() const;
  /// The command paths behind the buttons. False with the command's message in `error` (and
  /// editFailed() emitted) when refused; nothing changed then.
  bool addPool(const WorkloadPool& pool, QString* error = nullptr);
  bool replacePool(const WorkloadPool& pool, QString* error = nullptr);
  bool removePool(WorkloadPoolId id, QString* error = nullptr);
  bool addWorkload(const Workload& workload, QString* error = nullptr);
  bool replaceWorkload(const Workload& workload, QString* error = nullptr);
  bool removeWorkload(WorkloadId id, QString* error = nullptr);

  void openNewPoolDialog(bool wholeRows);
  void openEditPoolDialog();
  void openNewWorkloadDialog();
  void openEditWorkloadDialog();

 Q_SIGNALS:
  void editFailed(const QString& message);
  /// A pool was clicked: the floor plan should select these racks.
  void poolRacksRequested(const QList<dc::RackId>& ids);

 protected:
  /// Lists beside the tabs in a wide dock (the bottom), above them in a tall one (the right).
  void resizeEvent(QResizeEvent* event) override;

 private:
  QWidget* buildListPane();
  QWidget* buildTabs();
  void queueRebuild();
  void rebuild();
  void rebuildPools();
  void rebuildWorkloads();
  void showCurrent();
  void showFindings(const Workload* workload);
  void updateButtons();
  HallId hallId() const;

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  std::shared_ptr<const WorkloadResult> mResult;
  DesignAssumptions mAssumptions;  ///< the analysis' (checked) assumptions
  QList<RackId> mSelection;
  QBoxLayout* mLayout = nullptr;
  QLabel* mTitle = nullptr;
  QTableWidget* mPools = nullptr;
  QTableWidget* mWorkloads = nullptr;
  QPushButton* mAddPool = nullptr;
  QPushButton* mEditPool = nullptr;
  QPushButton* mRemovePool = nullptr;
  QPushButton* mAddWorkload = nullptr;
  QPushButton* mEditWorkload = nullptr;
  QPushButton* mRemoveWorkload = nullptr;
  QTabWidget* mTabs = nullptr;
  WorkloadFitView* mFitView = nullptr;
  WorkloadCharts* mCharts = nullptr;
  QTreeWidget* mFindings = nullptr;
  bool mRebuildQueued = false;
};

}  // namespace dc
