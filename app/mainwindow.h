// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogloader.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"
#include "engine/snapshot.h"
#include "floorplan/floorplanscene.h"
#include "templates/templatecatalog.h"

#include <QMainWindow>
#include <QUndoGroup>

#include <memory>

class QActionGroup;
class QComboBox;
class QLabel;
class QMenu;
class QTreeWidget;

namespace dc::report {
struct ReportData;
}  // namespace dc::report

namespace dc {

class CatalogDock;
class CoolingChartsPanel;
class CoolingLoopsPanel;
class DistributionPanel;
class FabricPanel;
class FailurePanel;
class FloorPlanView;
class PowerChartsPanel;
class PropertiesPanel;
class RackCoolingPanel;
class RackPowerPanel;
class WorkloadPanel;

/// The studio's main window: catalog dock, floor plan, properties, power and cooling panels,
/// findings, menus, status bar with hall totals. It owns the open document and re-runs the engine
/// after every change.
class MainWindow final : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(CatalogLoadResult catalog, QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Opens a project file. On failure shows the reason and keeps the current project.
  bool openFile(const QString& path);
  /// Starts a new, unsaved project from a template file (a resizable one at `size`).
  bool openTemplate(const QString& path, const std::optional<HallSize>& size = std::nullopt);
  /// Saves to `path`; on failure shows the reason and the old file stays as it was.
  bool saveTo(const QString& path);
  /// Reloads the catalog from the shipped folder and `userFolders` and re-analyses the open
  /// design against it. Problems are kept for the problems dialog, never fatal.
  void reloadCatalog(const QStringList& userFolders);
  const QList<CatalogProblem>& catalogProblems() const noexcept { return mCatalog.problems; }

  DesignDocument* document() const noexcept { return mDocument.get(); }
  FloorPlanView* floorPlanView() const noexcept { return mView; }
  FloorPlanScene* floorPlanScene() const noexcept;
  CatalogDock* catalogDock() const noexcept { return mCatalogDock; }
  const Analysis& analysis() const noexcept { return mAnalysis; }
  const Catalog& catalog() const noexcept { return mCatalog.catalog; }
  /// The report of the open design and its analysis, as File ▸ Export writes it: owned copies,
  /// made on the GUI thread, that a worker may read while the user goes on editing.
  report::ReportData reportData() const;

  /// What the floor plan's rack colours show (View ▸ Overlay, and the toolbar's combo).
  void setOverlay(FloorOverlay overlay);
  /// The failure the analysis simulates; kept across edits, reset when a node it names is gone.
  void setFailureScenario(const FailureScenario& scenario);
  const FailureScenario& failureScenario() const noexcept { return mScenario; }
  /// Opens the Design Assumptions dialog (showing `focusKey` first) and pushes the change.
  void editAssumptions(const QString& focusKey = QString());
  /// Acts on finding `index` of the analysis as a click in the findings list does.
  void activateFinding(int index);
  QTreeWidget* findingsList() const noexcept { return mFindings; }
  QComboBox* overlayCombo() const noexcept { return mOverlayCombo; }
  QComboBox* scenarioCombo() const noexcept { return mScenarioCombo; }
  RackPowerPanel* rackPowerPanel() const noexcept { return mRackPower; }
  DistributionPanel* distributionPanel() const noexcept { return mDistribution; }
  PowerChartsPanel* powerChartsPanel() const noexcept { return mCharts; }
  FailurePanel* failurePanel() const noexcept { return mFailure; }
  QDockWidget* failureDock() const noexcept { return mFailureDock; }
  RackCoolingPanel* rackCoolingPanel() const noexcept { return mRackCooling; }
  CoolingLoopsPanel* coolingLoopsPanel() const noexcept { return mCoolingLoops; }
  CoolingChartsPanel* coolingChartsPanel() const noexcept { return mCoolingCharts; }
  FabricPanel* fabricPanel() const noexcept { return mFabric; }
  QDockWidget* fabricDock() const noexcept { return mFabricDock; }
  WorkloadPanel* workloadPanel() const noexcept { return mWorkloads; }
  QDockWidget* workloadDock() const noexcept { return mWorkloadDock; }
  /// Shows and raises the Workloads dock (Analysis ▸ Workloads).
  void showWorkloads();
  /// View ▸ Workload Pools: whether the floor plan draws the pools as coloured regions.
  QAction* showPoolsAction() const noexcept { return mShowPoolsAction; }
  /// Starts drawing a cable tray on the floor plan (Edit ▸ Draw Cable Tray, the Fabric panel).
  void drawTray();
  /// Selects rack `id` on the floor plan and centres the view on it.
  void showRack(RackId id);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  static constexpr int kFindingIndexRole = Qt::UserRole + 1;

  // Docks and panels (mainwindowdocks.cpp).
  void createDocks();
  void createPanels(FloorPlanScene* scene);
  void deletePanels();
  void setPanelAnalysis();

  void createActions();
  // Workload fit (mainwindowworkloads.cpp).
  /// View ▸ Workload Pools and the Analysis menu.
  void createWorkloadActions(QMenu* view);
  void createWorkloadPanel(FloorPlanScene* scene);
  /// Acts on a finding about a workload or a pool: selects it in the Workloads dock (and a
  /// pool's racks). False when the finding is about something else.
  bool activateWorkloadFinding(const Finding& finding);
  void setDocument(Project project, const QString& filePath);
  void reanalyse();
  void updateTitle();
  void updateRecentMenu();
  bool maybeSave();
  void newProject();
  void newFromTemplate();
  void exportPdf();
  void editProjectInfo();
  void exportCsv(const QString& kind);
  /// Beside the project file (else in the documents folder), named after it: "<name><suffix>".
  QString suggestedPath(const QString& suffix) const;
  void open();
  bool save();
  bool saveAs();
  void deleteSelection();
  void rotateSelection();
  void showFindings();
  void editSettings();
  void showCatalogProblems();
  void rebuildScenarioChoices();
  void wrapFindingRows();
  void showStatus(const QString& message);

  CatalogLoadResult mCatalog;
  std::unique_ptr<DesignDocument> mDocument;
  Analysis mAnalysis;
  QString mFilePath;
  FloorPlanView* mView = nullptr;
  CatalogDock* mCatalogDock = nullptr;
  PropertiesPanel* mProperties = nullptr;
  RackPowerPanel* mRackPower = nullptr;
  DistributionPanel* mDistribution = nullptr;
  PowerChartsPanel* mCharts = nullptr;
  FailurePanel* mFailure = nullptr;
  RackCoolingPanel* mRackCooling = nullptr;
  CoolingLoopsPanel* mCoolingLoops = nullptr;
  CoolingChartsPanel* mCoolingCharts = nullptr;
  FabricPanel* mFabric = nullptr;
  WorkloadPanel* mWorkloads = nullptr;
  QAction* mShowPoolsAction = nullptr;
  QTreeWidget* mFindings = nullptr;
  QComboBox* mOverlayCombo = nullptr;
  QComboBox* mScenarioCombo = nullptr;
  QActionGroup* mOverlayActions = nullptr;
  QMenu* mScenarioMenu = nullptr;
  FailureScenario mScenario;
  QList<FailureScenario> mScenarioChoices;  ///< the scenario combo's entries, in its order
  QString mUpgradeNote;  ///< "saved with schema v1; upgraded when you save", or empty
  QLabel* mTotals = nullptr;
  QMenu* mRecentMenu = nullptr;
  QMenu* mEditMenu = nullptr;
  QUndoGroup mUndoGroup;
  QDockWidget* mPropertiesDock = nullptr;
  QDockWidget* mFindingsDock = nullptr;
  QDockWidget* mRackPowerDock = nullptr;
  QDockWidget* mDistributionDock = nullptr;
  QDockWidget* mChartsDock = nullptr;
  QDockWidget* mFailureDock = nullptr;
  QDockWidget* mRackCoolingDock = nullptr;
  QDockWidget* mCoolingChartsDock = nullptr;
  QDockWidget* mCoolingLoopsDock = nullptr;
  QDockWidget* mFabricDock = nullptr;
  QDockWidget* mWorkloadDock = nullptr;
  bool mDocksSized = false;  ///< dock sizes were applied and laid out: keep them on reopen
};

}  // namespace dc
