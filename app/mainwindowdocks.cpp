// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's docks and the panels in them: where each dock goes, which panels a document
// gets, and how the panels follow the floor plan's selection.
#include "catalog/catalogdock.h"
#include "cooling/coolingcharts.h"
#include "cooling/coolingloopspanel.h"
#include "cooling/rackcoolingpanel.h"
#include "fabric/fabricpanel.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/floorplanview.h"
#include "mainwindow.h"
#include "panels/propertiespanel.h"
#include "power/distributionpanel.h"
#include "power/failurepanel.h"
#include "power/powercharts.h"
#include "power/rackpowerpanel.h"
#include "workload/workloadpanel.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QTreeWidget>

namespace dc {

namespace {
QDockWidget* newDock(const QString& title, const char* objectName, QMainWindow* window) {
  auto* dock = new QDockWidget(title, window);
  dock->setObjectName(QString::fromLatin1(objectName));
  return dock;
}
}  // namespace

void MainWindow::createDocks() {
  mCatalogDock = new CatalogDock(mCatalog.catalog, this);
  addDockWidget(Qt::LeftDockWidgetArea, mCatalogDock);

  // Right: one tab per selected-rack or whole-design view. The charts stack several charts:
  // they need the right side's height, not the bottom's.
  mPropertiesDock = newDock(tr("Properties"), "propertiesDock", this);
  mRackPowerDock = newDock(tr("Rack Power"), "rackPowerDock", this);
  mRackCoolingDock = newDock(tr("Rack Cooling"), "rackCoolingDock", this);
  mChartsDock = newDock(tr("Power Charts"), "powerChartsDock", this);
  mCoolingChartsDock = newDock(tr("Cooling Charts"), "coolingChartsDock", this);
  // The Fabric panel stacks its list, counts and schedule: it needs the right side's height too.
  mFabricDock = newDock(tr("Fabric"), "fabricDock", this);
  // The Workloads panel stacks its lists, checks and charts: the right side's height too.
  mWorkloadDock = newDock(tr("Workloads"), "workloadDock", this);
  QDockWidget* previous = nullptr;
  for (QDockWidget* dock : {mPropertiesDock, mRackPowerDock, mRackCoolingDock, mChartsDock,
                            mCoolingChartsDock, mFabricDock, mWorkloadDock}) {
    addDockWidget(Qt::RightDockWidgetArea, dock);
    if (previous) {
      tabifyDockWidget(previous, dock);
    }
    previous = dock;
  }

  // Bottom: findings, the design-wide tables and the failure verdicts.
  mFindingsDock = newDock(tr("Findings"), "findingsDock", this);
  mFindings = new QTreeWidget;
  mFindings->setObjectName(QStringLiteral("findingsList"));
  mFindings->setColumnCount(3);
  mFindings->setHeaderLabels({tr("Severity"), tr("Code"), tr("Finding")});
  mFindings->setRootIsDecorated(false);
  mFindings->setWordWrap(true);
  mFindings->setUniformRowHeights(false);
  mFindings->setTextElideMode(Qt::ElideNone);
  mFindings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  mFindings->header()->setStretchLastSection(true);
  mFindings->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  mFindings->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  // QTreeView sizes rows before it wraps them: give each message row its wrapped height for the
  // current column width, and again whenever the column is resized.
  connect(mFindings->header(), &QHeaderView::sectionResized, mFindings, [this](int column) {
    if (column == 2) {
      wrapFindingRows();
    }
  });
  mFindingsDock->setWidget(mFindings);
  mDistributionDock = newDock(tr("Power Distribution"), "distributionDock", this);
  mCoolingLoopsDock = newDock(tr("Cooling Loops"), "coolingLoopsDock", this);
  mFailureDock = newDock(tr("Failure"), "failureDock", this);
  previous = nullptr;
  for (QDockWidget* dock : {mFindingsDock, mDistributionDock, mCoolingLoopsDock, mFailureDock}) {
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (previous) {
      tabifyDockWidget(previous, dock);
    }
    previous = dock;
  }
  mPropertiesDock->raise();
  mFindingsDock->raise();
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  const auto activate = [this](QTreeWidgetItem* item) {
    if (item) {
      activateFinding(item->data(0, kFindingIndexRole).toInt());
    }
  };
  connect(mFindings, &QTreeWidget::itemClicked, this, activate);
  connect(mFindings, &QTreeWidget::itemActivated, this, activate);
}

void MainWindow::deletePanels() {
  // The view and panels refer to the document: delete them before it.
  delete mView;
  delete mProperties;
  delete mRackPower;
  delete mDistribution;
  delete mCharts;
  delete mFailure;
  delete mRackCooling;
  delete mCoolingLoops;
  delete mCoolingCharts;
  delete mFabric;
  delete mWorkloads;
}

void MainWindow::createPanels(FloorPlanScene* scene) {
  mProperties = new PropertiesPanel(*mDocument, mCatalog.catalog);
  mPropertiesDock->setWidget(mProperties);
  mRackPower = new RackPowerPanel(*mDocument, mCatalog.catalog);
  mRackPowerDock->setWidget(mRackPower);
  mDistribution = new DistributionPanel(*mDocument, mCatalog.catalog);
  mDistributionDock->setWidget(mDistribution);
  mCharts = new PowerChartsPanel(*mDocument, mCatalog.catalog);
  mChartsDock->setWidget(mCharts);
  mFailure = new FailurePanel(*mDocument, mCatalog.catalog);
  mFailureDock->setWidget(mFailure);
  mRackCooling = new RackCoolingPanel(*mDocument, mCatalog.catalog);
  mRackCoolingDock->setWidget(mRackCooling);
  mCoolingLoops = new CoolingLoopsPanel(*mDocument, mCatalog.catalog);
  mCoolingLoopsDock->setWidget(mCoolingLoops);
  mCoolingCharts = new CoolingChartsPanel(*mDocument, mCatalog.catalog);
  mCoolingChartsDock->setWidget(mCoolingCharts);
  mFabric = new FabricPanel(*mDocument, mCatalog.catalog);
  mFabricDock->setWidget(mFabric);
  connect(mFabric, &FabricPanel::editFailed, this, &MainWindow::showStatus);
  connect(mFabric, &FabricPanel::drawTrayRequested, this, &MainWindow::drawTray);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mFabric, &FabricPanel::setSelection);
  createWorkloadPanel(scene);

  connect(mFailure, &FailurePanel::rackActivated, this, &MainWindow::showRack);
  connect(mRackPower, &RackPowerPanel::editFailed, this, &MainWindow::showStatus);
  connect(mDistribution, &DistributionPanel::editFailed, this, &MainWindow::showStatus);
  connect(mCharts, &PowerChartsPanel::editFailed, this, &MainWindow::showStatus);
  connect(mCoolingLoops, &CoolingLoopsPanel::editFailed, this, &MainWindow::showStatus);
  connect(mProperties, &PropertiesPanel::editFailed, this, &MainWindow::showStatus);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mProperties,
          &PropertiesPanel::setSelection);
  connect(scene, &FloorPlanScene::coolingUnitSelectionChanged, mProperties,
          &PropertiesPanel::setCoolingUnitSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mRackPower, &RackPowerPanel::setSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mDistribution,
          &DistributionPanel::setSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mCharts, &PowerChartsPanel::setSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mFailure, &FailurePanel::setSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mRackCooling,
          &RackCoolingPanel::setSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mCoolingLoops,
          &CoolingLoopsPanel::setSelection);
  connect(scene, &FloorPlanScene::rackSelectionChanged, mCoolingCharts,
          &CoolingChartsPanel::setSelection);
  // A loop or zone chosen in the table selects the floor units that serve it.
  connect(mCoolingLoops, &CoolingLoopsPanel::loopSelected, scene,
          &FloorPlanScene::selectCoolingUnits);
  connect(mCatalogDock, &CatalogDock::itemSelected, mProperties, [this, scene](const QString& id) {
    scene->clearSelection();
    mProperties->showCatalogItem(id);
  });
}

void MainWindow::setPanelAnalysis() {
  floorPlanScene()->setAnalysis(mAnalysis);
  mProperties->setAnalysis(mAnalysis);
  mRackPower->setAnalysis(mAnalysis);
  mDistribution->setAnalysis(mAnalysis);
  mCharts->setAnalysis(mAnalysis);
  mFailure->setAnalysis(mAnalysis);
  mRackCooling->setAnalysis(mAnalysis);
  mCoolingLoops->setAnalysis(mAnalysis);
  mCoolingCharts->setAnalysis(mAnalysis);
  mFabric->setAnalysis(mAnalysis);
  mWorkloads->setAnalysis(mAnalysis);
}

void MainWindow::drawTray() {
  mView->startTrayTool();
  if (mView->isDrawingTray()) {
    showStatus(
        tr("Drawing a cable tray: click points on the floor plan, double-click or Enter "
           "to finish, Esc to cancel"));
  }
}

}  // namespace dc
