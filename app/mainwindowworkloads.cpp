// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's workload fit: the Workloads dock's panel, View ▸ Workload Pools, the
// Analysis menu, and findings about workloads and pools.
#include "floorplan/floorplanscene.h"
#include "mainwindow.h"
#include "workload/workloadpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>

namespace dc {

void MainWindow::createWorkloadActions(QMenu* view) {
  view->addSeparator();
  mShowPoolsAction = view->addAction(tr("Workload &Pools on the Floor Plan"));
  mShowPoolsAction->setObjectName(QStringLiteral("showPoolsAction"));
  mShowPoolsAction->setCheckable(true);
  mShowPoolsAction->setChecked(true);
  mShowPoolsAction->setToolTip(tr("Draw each workload pool as a coloured region around its racks"));
  connect(mShowPoolsAction, &QAction::toggled, this, [this](bool shown) {
    if (FloorPlanScene* scene = floorPlanScene()) {
      scene->setPoolsVisible(shown);
    }
  });

  QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
  analysis->setObjectName(QStringLiteral("analysisMenu"));
  QAction* workloads = analysis->addAction(tr("&Workloads"), this, &MainWindow::showWorkloads);
  workloads->setObjectName(QStringLiteral("showWorkloadsAction"));
  analysis->addSeparator();
  QAction* pool = analysis->addAction(tr("New Workload &Pool from the Selection…"), this, [this] {
    showWorkloads();
    mWorkloads->openNewPoolDialog(false);
  });
  pool->setObjectName(QStringLiteral("newPoolAction"));
  QAction* workload = analysis->addAction(tr("New Work&load…"), this, [this] {
    showWorkloads();
    mWorkloads->openNewWorkloadDialog();
  });
  workload->setObjectName(QStringLiteral("newWorkloadAction"));
  connect(analysis, &QMenu::aboutToShow, this, [this, pool, workload] {
    pool->setEnabled(mWorkloads && mWorkloads->addPoolButton()->isEnabled());
    workload->setEnabled(mWorkloads && mWorkloads->addWorkloadButton()->isEnabled());
  });
}

void MainWindow::createWorkloadPanel(FloorPlanScene* scene) {
  mWorkloads = new WorkloadPanel(*mDocument, mCatalog.catalog);
  mWorkloadDock->setWidget(mWorkloads);
  connect(mWorkloads, &WorkloadPanel::editFailed, this, &MainWindow::showStatus);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mWorkloads, &WorkloadPanel::setSelection);
  connect(mWorkloads, &WorkloadPanel::poolRacksRequested, scene, &FloorPlanScene::selectRacks);
}

void MainWindow::showWorkloads() {
  mWorkloadDock->show();
  mWorkloadDock->raise();
}

bool MainWindow::activateWorkloadFinding(const Finding& finding) {
  const ObjectRef& subject = finding.subject;
  const Project& project = mDocument->project();
  WorkloadPoolId poolId;
  if (subject.kind == ObjectKind::Workload) {
    const Workload* workload = project.findWorkload(WorkloadId::fromUuid(subject.id));
    showWorkloads();
    if (!workload) {
      showStatus(tr("The workload of this finding no longer exists"));
      return true;
    }
    mWorkloads->selectWorkload(workload->id);
    poolId = workload->poolId;
  } else if (subject.kind == ObjectKind::WorkloadPool) {
    poolId = WorkloadPoolId::fromUuid(subject.id);
    showWorkloads();
    mWorkloads->selectPool(poolId);
  } else {
    return false;
  }
  // Where it runs: the pool's racks on the floor plan.
  if (const WorkloadPool* pool = project.findWorkloadPool(poolId)) {
    floorPlanScene()->selectRacks(project.poolRackIds(*pool));
  }
  return true;
}

}  // namespace dc
