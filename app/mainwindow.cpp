// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "catalog/catalogdock.h"
#include "catalogproblemsdialog.h"
#include "dialogs/assumptionsdialog.h"
#include "dialogs/projectinfodialog.h"
#include "edit/cmdeditproject.h"
#include "edit/cmdobjects.h"
#include "edit/placement.h"
#include "engine/analyze.h"
#include "exportdialogs.h"
#include "fabric/fabricpanel.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/floorplanview.h"
#include "floorplan/rackitem.h"
#include "format/quantityformat.h"
#include "report/csvexport.h"
#include "settings.h"
#include "settingsdialog.h"
#include "support/plural.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>

// The icons are compiled into the static dc_app library, whose resources must be registered
// explicitly; Q_INIT_RESOURCE cannot stand inside a namespace.
static void initStudioResources() {
  Q_INIT_RESOURCE(dcstudio);
}

namespace dc {

namespace {
constexpr int kFindingsHeightPx = 190;
constexpr int kCatalogWidthPx = 280;
constexpr int kPropertiesWidthPx = 440;

}  // namespace

MainWindow::MainWindow(CatalogLoadResult catalog, QWidget* parent)
    : QMainWindow(parent), mCatalog(std::move(catalog)) {
  initStudioResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/dcstudio.svg")));
  createDocks();

  mTotals = new QLabel;
  mTotals->setObjectName(QStringLiteral("hallTotals"));
  statusBar()->addPermanentWidget(mTotals);
  createActions();
  resize(1440, 900);

  setDocument(Project(), QString());

  for (const CatalogProblem& problem : mCatalog.problems) {
    if (problem.severity == CatalogProblem::Severity::Error) {
      qWarning("catalog: %s", qPrintable(problem.toString()));
    }
  }
  if (mCatalog.errorCount() > 0) {
    statusBar()->showMessage(
        tr("%1 could not be loaded: see Help ▸ Catalog Problems")
            .arg(countOf(mCatalog.errorCount(), "catalog entry", "catalog entries")),
        15000);
  }
}

MainWindow::~MainWindow() {
  deletePanels();
}

FloorPlanScene* MainWindow::floorPlanScene() const noexcept {
  return mView ? mView->floorScene() : nullptr;
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newProject);
  QAction* fromTemplate =
      file->addAction(tr("New from &Template…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                      this, &MainWindow::newFromTemplate);
  fromTemplate->setObjectName(QStringLiteral("newFromTemplateAction"));
  file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
  mRecentMenu = file->addMenu(tr("Open &Recent"));
  file->addSeparator();
  file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
  file->addAction(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                  &MainWindow::saveAs);
  file->addSeparator();
  QAction* properties =
      file->addAction(tr("Project &Properties…"), this, &MainWindow::editProjectInfo);
  properties->setObjectName(QStringLiteral("projectPropertiesAction"));
  file->addSeparator();
  QAction* exportPdfAction = file->addAction(tr("&Export PDF…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                                             this, &MainWindow::exportPdf);
  exportPdfAction->setObjectName(QStringLiteral("exportPdfAction"));
  QMenu* exportCsvMenu = file->addMenu(tr("Export &CSV"));
  exportCsvMenu->setObjectName(QStringLiteral("exportCsvMenu"));
  for (const QString& kind : report::csvKinds()) {
    QAction* action = exportCsvMenu->addAction(csvScheduleTitle(kind) + QStringLiteral("…"), this,
                                               [this, kind] { exportCsv(kind); });
    action->setObjectName(QStringLiteral("exportCsv-") + kind);
  }
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
  updateRecentMenu();

  mEditMenu = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = mUndoGroup.createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  QAction* redo = mUndoGroup.createRedoAction(this, tr("&Redo"));
  // Ctrl+Shift+Z and Ctrl+Y on every platform; QKeySequence::Redo would repeat one of them on
  // Linux, and a doubled shortcut is ambiguous to Qt, which then ignores the key.
  redo->setShortcuts(
      {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
  mEditMenu->addAction(undo);
  mEditMenu->addAction(redo);
  mEditMenu->addSeparator();
  mEditMenu->addAction(tr("&Delete"), QKeySequence::Delete, this, &MainWindow::deleteSelection);
  mEditMenu->addAction(tr("&Rotate 90°"), QKeySequence(Qt::Key_R), this,
                       &MainWindow::rotateSelection);
  QAction* drawTrayAction = mEditMenu->addAction(tr("Draw Cable &Tray"), QKeySequence(Qt::Key_T),
                                                 this, &MainWindow::drawTray);
  drawTrayAction->setObjectName(QStringLiteral("drawTrayAction"));
  mEditMenu->addSeparator();
  QAction* assumptions =
      mEditMenu->addAction(tr("Design &Assumptions…"), this, [this] { editAssumptions(); });
  assumptions->setObjectName(QStringLiteral("editAssumptionsAction"));
  mEditMenu->addAction(tr("&Settings…"), QKeySequence::Preferences, this,
                       &MainWindow::editSettings);
  mEditMenu->addAction(tr("Select &All"), QKeySequence::SelectAll, this, [this] {
    QList<RackId> ids;
    for (const Rack& rack : mDocument->project().racks()) {
      ids.append(rack.id());
    }
    floorPlanScene()->selectRacks(ids);
  });

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [this] { mView->zoomBy(1.25); });
  view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [this] { mView->zoomBy(0.8); });
  view->addAction(tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                  [this] { mView->zoomToFit(); });
  view->addSeparator();
  QMenu* overlayMenu = view->addMenu(tr("&Overlay"));
  mOverlayActions = new QActionGroup(this);
  mOverlayCombo = new QComboBox;
  mOverlayCombo->setObjectName(QStringLiteral("overlayCombo"));
  const QList<std::pair<FloorOverlay, QString>> overlays{
      {FloorOverlay::Power, tr("Power (kW)")},
      {FloorOverlay::FeedLoading, tr("Feed loading")},
      {FloorOverlay::Failure, tr("Failure")},
      {FloorOverlay::Cooling, tr("Cooling")},
      {FloorOverlay::HeatToLiquid, tr("Heat to liquid")},
      {FloorOverlay::HeatMap, tr("Heat map")},
      {FloorOverlay::Fabric, tr("Fabric (trays and cables)")}};
  for (const auto& [overlay, name] : overlays) {
    QAction* action = overlayMenu->addAction(name);
    action->setCheckable(true);
    action->setChecked(overlay == FloorOverlay::Power);
    action->setData(int(overlay));
    mOverlayActions->addAction(action);
    connect(action, &QAction::triggered, this, [this, o = overlay] { setOverlay(o); });
    mOverlayCombo->addItem(name, int(overlay));
  }
  connect(mOverlayCombo, &QComboBox::activated, this,
          [this](int index) { setOverlay(FloorOverlay(mOverlayCombo->itemData(index).toInt())); });
  mScenarioMenu = view->addMenu(tr("Failure &Scenario"));
  connect(mScenarioMenu, &QMenu::aboutToShow, this, [this] {
    mScenarioMenu->clear();
    for (int i = 0; i < mScenarioChoices.size(); ++i) {
      QAction* action = mScenarioMenu->addAction(mScenarioCombo->itemText(i));
      action->setCheckable(true);
      action->setChecked(mScenarioChoices[i] == mScenario);
      connect(action, &QAction::triggered, this,
              [this, scenario = mScenarioChoices[i]] { setFailureScenario(scenario); });
    }
  });
  mScenarioCombo = new QComboBox;
  mScenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
  mScenarioCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(mScenarioCombo, &QComboBox::activated, this, [this](int index) {
    if (index >= 0 && index < mScenarioChoices.size()) {
      setFailureScenario(mScenarioChoices[index]);
    }
  });
  QToolBar* toolbar = addToolBar(tr("Analysis"));
  toolbar->setObjectName(QStringLiteral("analysisToolBar"));
  toolbar->setMovable(false);
  auto* overlayLabel = new QLabel(tr("Overlay: "));
  overlayLabel->setContentsMargins(6, 0, 0, 0);
  toolbar->addWidget(overlayLabel);
  toolbar->addWidget(mOverlayCombo);
  toolbar->addSeparator();
  auto* scenarioLabel = new QLabel(tr("Failure scenario: "));
  scenarioLabel->setContentsMargins(6, 0, 0, 0);
  toolbar->addWidget(scenarioLabel);
  toolbar->addWidget(mScenarioCombo);
  view->addSeparator();
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    view->addAction(dock->toggleViewAction());
  }
  createWorkloadActions(view);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("Catalog &Problems…"), this, &MainWindow::showCatalogProblems);
  help->addAction(tr("&About DC Studio"), this, [this] {
    QMessageBox::about(this, tr("About DC Studio"),
                       tr("<h3>DC Studio %1</h3><p>Design data-center halls for AI workloads.</p>"
                          "<p>Catalog: %2 items from public sources.</p><p>GPL-3.0-or-later.</p>")
                           .arg(QApplication::applicationVersion())
                           .arg(mCatalog.catalog.size()));
  });
}

void MainWindow::setDocument(Project project, const QString& filePath) {
  if (project.halls().isEmpty()) {
    project.insertHall(-1, Hall(HallId::create(), tr("Hall 1"),
                                PolygonMm{{0, 0}, {24'000, 0}, {24'000, 18'000}, {0, 18'000}}));
  }
  // Replacing the central widget makes QMainWindow re-split the space by size hints; keep the
  // docks at the sizes they had (the user's, or the defaults before the first layout).
  const bool laidOut = mDocksSized;
  const QList<int> widths = laidOut ? QList<int>{mCatalogDock->width(), mPropertiesDock->width()}
                                    : QList<int>{kCatalogWidthPx, kPropertiesWidthPx};
  const int findingsHeightPx = laidOut ? mFindingsDock->height() : kFindingsHeightPx;
  deletePanels();
  mUpgradeNote.clear();
  auto document = std::make_unique<DesignDocument>(std::move(project));
  mUndoGroup.addStack(&document->undoStack());
  mUndoGroup.setActiveStack(&document->undoStack());
  mDocument = std::move(document);
  mFilePath = filePath;

  auto* scene = new FloorPlanScene(*mDocument, mCatalog.catalog, this);
  scene->setDefaultRackTypeId(Settings::defaultRackTypeId());
  mView = new FloorPlanView(scene);
  scene->setParent(mView);
  setCentralWidget(mView);
  QTimer::singleShot(0, this, [this, widths, findingsHeightPx] {
    mPropertiesDock->raise();
    (mScenario.kind == FailureScenario::Kind::None ? mFindingsDock : mFailureDock)->raise();
    resizeDocks({mCatalogDock, mPropertiesDock}, widths, Qt::Horizontal);
    resizeDocks({mFindingsDock}, {findingsHeightPx}, Qt::Vertical);
    // The sizes are real only after that layout pass; from then on keep what the user has.
    QTimer::singleShot(0, this, [this] { mDocksSized = isVisible(); });
  });
  createPanels(scene);
  scene->setOverlay(FloorOverlay(mOverlayCombo->currentData().toInt()));
  scene->setPoolsVisible(mShowPoolsAction->isChecked());
  connect(mDocument.get(), &DesignDocument::objectsChanged, this, [this](ObjectKind kind) {
    if (kind == ObjectKind::PowerNode || kind == ObjectKind::CoolingUnit) {
      rebuildScenarioChoices();
    }
  });
  rebuildScenarioChoices();

  connect(scene, &FloorPlanScene::placementFailed, this, &MainWindow::showStatus);
  connect(mDocument.get(), &DesignDocument::changed, this, &MainWindow::reanalyse);
  connect(&mDocument->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  reanalyse();
  updateTitle();
  QTimer::singleShot(0, mView, [view = mView] { view->zoomToFit(); });
}

void MainWindow::reanalyse() {
  const Project& project = mDocument->project();
  mAnalysis = analyze(DesignSnapshot{project, mCatalog.catalog, project.assumptions(), mScenario});
  setPanelAnalysis();
  showFindings();
  QStringList parts;
  for (const HallTotals& hall : mAnalysis.power.halls) {
    const Hall* h = mDocument->project().findHall(hall.hallId);
    QString part =
        tr("%1: %2 · %3 GPUs · %4 max · %5 typical%6 · %7")
            .arg(h ? h->name() : QString(), countOf(hall.rackCount, "rack", "racks"),
                 formatQuantity(hall.acceleratorCount, Quantity::Count),
                 formatFigure(hall.maxPowerW, Quantity::PowerW),
                 formatFigure(hall.typicalPowerW, Quantity::PowerW),
                 hall.typicalFromMaxCount > 0 ? QStringLiteral("*") : QString(),
                 formatQuantity(hall.maxPowerDensityWPerM2, Quantity::PowerDensityWPerM2));
    if (hall.coolingEquipmentPowerW.value > 0) {
      part += tr(" · cooling equipment %1")
                  .arg(formatFigure(hall.coolingEquipmentPowerW, Quantity::PowerW));
    }
    parts.append(part);
    if (hall.typicalFromMaxCount > 0) {
      mTotals->setToolTip(tr("* typical counts %1 at max: no typical power is published for them")
                              .arg(countOf(hall.typicalFromMaxCount, "device", "devices")));
    }
  }
  const PowerTotals& totals = mAnalysis.power.totals;
  if (totals.itPowerW.value > 0) {
    parts.append(tr("IT %1 · facility %2 at peak PUE %3 · annual PUE %4")
                     .arg(formatFigure(totals.itPowerW, Quantity::PowerW),
                          formatFigure(totals.facilityPowerW, Quantity::PowerW),
                          formatFigure(totals.peakPue, Quantity::Ratio),
                          formatFigure(totals.pue, Quantity::Ratio)));
  }
  const QString failure = failureSummary(mAnalysis.failure());
  if (!failure.isEmpty()) {
    parts.append(failure);
  }
  int errors = 0;
  for (const Finding& f : mAnalysis.findings) {
    errors += f.severity == Finding::Severity::Error ? 1 : 0;
  }
  parts.append(
      countOf(mAnalysis.findings.size(), "finding", "findings") +
      (errors ? QStringLiteral(" (%1)").arg(countOf(errors, "error", "errors")) : QString()));
  mTotals->setText(parts.join(QStringLiteral("  |  ")));
}

void MainWindow::showStatus(const QString& message) {
  statusBar()->showMessage(message, 10000);
}

void MainWindow::setOverlay(FloorOverlay overlay) {
  floorPlanScene()->setOverlay(overlay);
  mOverlayCombo->setCurrentIndex(mOverlayCombo->findData(int(overlay)));
  for (QAction* action : mOverlayActions->actions()) {
    action->setChecked(action->data().toInt() == int(overlay));
  }
}

void MainWindow::setFailureScenario(const FailureScenario& scenario) {
  mScenario = scenario;
  mScenarioCombo->setCurrentIndex(int(mScenarioChoices.indexOf(scenario)));
  reanalyse();
  if (scenario.kind != FailureScenario::Kind::None) {
    setOverlay(FloorOverlay::Failure);
    mFailureDock->show();
    mFailureDock->raise();
  }
}

void MainWindow::showRack(RackId id) {
  if (!mDocument->project().findRack(id)) {
    return;
  }
  floorPlanScene()->selectRacks({id});
  if (RackItem* item = floorPlanScene()->rackItem(id)) {
    mView->centerOn(item);
  }
}

void MainWindow::rebuildScenarioChoices() {
  mScenarioChoices.clear();
  mScenarioCombo->clear();
  const auto add = [this](const FailureScenario& scenario, const QString& name) {
    mScenarioChoices.append(scenario);
    mScenarioCombo->addItem(name);
  };
  using Kind = FailureScenario::Kind;
  add({}, tr("Normal operation"));
  add({Kind::Feed, PowerFeed::A, {}}, tr("Feed A lost"));
  add({Kind::Feed, PowerFeed::B, {}}, tr("Feed B lost"));
  add({Kind::Feed, PowerFeed::C, {}}, tr("Feed C lost"));
  add({Kind::UpsModule, PowerFeed::None, {}}, tr("One UPS module lost"));
  add({Kind::Busway, PowerFeed::None, {}}, tr("Most loaded busway lost"));
  add({Kind::Cdu, PowerFeed::None, {}, {}}, tr("One CDU lost (most loaded loop)"));
  add({Kind::Crah, PowerFeed::None, {}, {}}, tr("One CRAH lost (most loaded zone)"));
  for (const PowerNode& node : mDocument->project().powerNodes()) {
    if (node.kind == PowerNodeKind::Ups) {
      add({Kind::UpsModule, PowerFeed::None, node.id}, tr("One module of %1 lost").arg(node.name));
    }
  }
  for (const PowerNode& node : mDocument->project().powerNodes()) {
    if (node.kind == PowerNodeKind::Busway || node.kind == PowerNodeKind::Rpp) {
      add({Kind::Busway, PowerFeed::None, node.id},
          tr("%1 %2 lost").arg(powerNodeKindName(node.kind), node.name));
    }
  }
  // One entry per floor CDU, then per air unit (CRAH, in-row cooler), by name.
  for (ItemKind unitKind : {ItemKind::Cdu, ItemKind::Crah}) {
    for (const CoolingUnit& unit : mDocument->project().coolingUnits()) {
      const CatalogItem* item = mCatalog.catalog.find(unit.catalogId);
      const bool cdu = item && item->kind == ItemKind::Cdu;
      if (item && item->isFloorCoolingUnit() && cdu == (unitKind == ItemKind::Cdu)) {
        const QString what = cdu                                   ? tr("CDU")
                             : item->kind == ItemKind::InRowCooler ? tr("In-row cooler")
                                                                   : tr("CRAH");
        add({cdu ? Kind::Cdu : Kind::Crah, PowerFeed::None, {}, unit.id},
            tr("%1 %2 lost").arg(what, unit.name));
      }
    }
  }
  if (!mScenarioChoices.contains(mScenario)) {
    mScenario = {};  // the node or unit it named is gone
  }
  mScenarioCombo->setCurrentIndex(int(mScenarioChoices.indexOf(mScenario)));
}

void MainWindow::editProjectInfo() {
  const Project& project = mDocument->project();
  ProjectInfoDialog dialog(
      ProjectInfo{project.name(), project.author(), project.revision(), project.description()},
      this);
  if (dialog.exec() != QDialog::Accepted) {
    return;
  }
  const ProjectInfo info = dialog.info();
  auto* command =
      new CmdEditProject(*mDocument, info.name, info.author, info.description, info.revision);
  if (command->isObsolete()) {
    delete command;
    return;
  }
  mDocument->undoStack().push(command);
}

void MainWindow::editAssumptions(const QString& focusKey) {
  AssumptionsDialog dialog(mDocument->project().assumptions(), this);
  if (!focusKey.isEmpty()) {
    dialog.focusAssumption(focusKey);
  }
  if (dialog.exec() != QDialog::Accepted) {
    return;
  }
  const DesignAssumptions edited = dialog.assumptions();
  if (edited == mDocument->project().assumptions()) {
    return;
  }
  QString error;
  if (!mDocument->tryPush([&] { return std::make_unique<CmdSetAssumptions>(*mDocument, edited); },
                          &error)) {
    showStatus(error);
  }
}

void MainWindow::activateFinding(int index) {
  if (index < 0 || index >= mAnalysis.findings.size()) {
    return;
  }
  const Finding& finding = mAnalysis.findings[index];
  const ObjectRef& subject = finding.subject;
  if (subject.kind == ObjectKind::Assumption) {
    editAssumptions(subject.key);
    return;
  }
  if (subject.kind == ObjectKind::PowerNode) {
    const PowerNode* node = mDocument->project().findPowerNode(PowerNodeId::fromUuid(subject.id));
    mDistributionDock->show();
    mDistributionDock->raise();
    showStatus(node ? tr("%1 %2: see the Power Distribution panel")
                          .arg(powerNodeKindName(node->kind), node->name)
                    : tr("The power node of this finding no longer exists"));
    return;
  }
  if (activateWorkloadFinding(finding)) {
    return;
  }
  if (subject.kind == ObjectKind::FabricSpec || subject.kind == ObjectKind::CableTray) {
    mFabricDock->show();
    mFabricDock->raise();
    if (subject.kind == ObjectKind::FabricSpec) {
      mFabric->selectFabric(FabricSpecId::fromUuid(subject.id));
    } else {
      mFabric->tabs()->setCurrentIndex(FabricPanel::TabTrays);
    }
  }
  QList<RackId> racks;
  if (!finding.rackId().isNull()) {
    racks.append(finding.rackId());
  }
  for (const ObjectRef& related : finding.related) {
    if (!related.rackId.isNull() && !racks.contains(related.rackId)) {
      racks.append(related.rackId);
    }
  }
  if (racks.isEmpty()) {
    return;
  }
  floorPlanScene()->selectRacks(racks);
  if (RackItem* item = floorPlanScene()->rackItem(racks.first())) {
    mView->centerOn(item);
  }
}

void MainWindow::showFindings() {
  mFindings->clear();
  for (int i = 0; i < mAnalysis.findings.size(); ++i) {
    const Finding& finding = mAnalysis.findings[i];
    auto* item = new QTreeWidgetItem(mFindings);
    item->setText(0, findingSeverityKey(finding.severity));
    item->setText(1, finding.code);
    item->setText(2, finding.message);
    item->setToolTip(2, finding.message);
    item->setForeground(1, QColor(0x78, 0x90, 0x9c));
    item->setData(0, kFindingIndexRole, i);
    item->setIcon(0, style()->standardIcon(finding.severity == Finding::Severity::Error
                                               ? QStyle::SP_MessageBoxCritical
                                           : finding.severity == Finding::Severity::Warning
                                               ? QStyle::SP_MessageBoxWarning
                                               : QStyle::SP_MessageBoxInformation));
  }
  wrapFindingRows();
}

void MainWindow::wrapFindingRows() {
  const int width = std::max(80, mFindings->header()->sectionSize(2) - 12);
  const QFontMetrics metrics(mFindings->font());
  for (int i = 0; i < mFindings->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = mFindings->topLevelItem(i);
    const QRect text =
        metrics.boundingRect(QRect(0, 0, width, 100'000), Qt::TextWordWrap, item->text(2));
    item->setSizeHint(2, QSize(width, text.height() + 2));
  }
}

void MainWindow::deleteSelection() {
  const QList<RackId> racks = floorPlanScene()->selectedRackIds();
  const QList<CoolingUnitId> units = floorPlanScene()->selectedCoolingUnitIds();
  QString error;
  if ((!racks.isEmpty() || !units.isEmpty()) &&
      !mDocument->tryPush([&] { return makeRemoveSelectionCommand(*mDocument, racks, units); },
                          &error)) {
    showStatus(error);
  }
}

void MainWindow::rotateSelection() {
  const QList<RackId> racks = floorPlanScene()->selectedRackIds();
  const QList<CoolingUnitId> units = floorPlanScene()->selectedCoolingUnitIds();
  QString error;
  if ((!racks.isEmpty() || !units.isEmpty()) &&
      !mDocument->tryPush([&] { return makeRotateSelectionCommand(*mDocument, racks, units); },
                          &error)) {
    showStatus(error);
  }
}

void MainWindow::reloadCatalog(const QStringList& userFolders) {
  mCatalog = loadCatalogFolders(QStringList{shippedCatalogFolder()} + userFolders);
  mCatalogDock->setCatalog(mCatalog.catalog);
  reanalyse();
  const qsizetype errors = mCatalog.errorCount();
  statusBar()->showMessage(
      errors == 0
          ? tr("Catalog reloaded: %1").arg(countOf(mCatalog.catalog.size(), "item", "items"))
          : tr("Catalog reloaded: %1; %2 left out (Help ▸ Catalog Problems)")
                .arg(countOf(mCatalog.catalog.size(), "item", "items"),
                     countOf(errors, "entry", "entries")),
      10000);
}

void MainWindow::editSettings() {
  SettingsDialog dialog(mCatalog.catalog, this);
  dialog.setCatalogFolders(Settings::userCatalogFolders());
  dialog.setDefaultRackTypeId(Settings::defaultRackTypeId());
  if (dialog.exec() != QDialog::Accepted) {
    return;
  }
  Settings::setDefaultRackTypeId(dialog.defaultRackTypeId());
  floorPlanScene()->setDefaultRackTypeId(dialog.defaultRackTypeId());
  if (dialog.catalogFolders() != Settings::userCatalogFolders()) {
    Settings::setUserCatalogFolders(dialog.catalogFolders());
    reloadCatalog(dialog.catalogFolders());
    if (mCatalog.errorCount() > 0) {
      showCatalogProblems();
    }
  }
}

void MainWindow::showCatalogProblems() {
  CatalogProblemsDialog dialog(mCatalog.problems, this);
  dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (maybeSave()) {
    event->accept();
  } else {
    event->ignore();
  }
}

}  // namespace dc
