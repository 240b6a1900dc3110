// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "catalog/catalogdock.h"
#include "catalogproblemsdialog.h"
#include "edit/cmdremoveracks.h"
#include "edit/cmdrotateracks.h"
#include "engine/analyze.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/floorplanview.h"
#include "floorplan/rackitem.h"
#include "format.h"
#include "panels/propertiespanel.h"
#include "settings.h"
#include "settingsdialog.h"
#include "support/plural.h"
#include "templates/templateloader.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

// The icons are compiled into the static dc_app library, whose resources must be registered
// explicitly; Q_INIT_RESOURCE cannot stand inside a namespace.
static void initStudioResources() {
  Q_INIT_RESOURCE(dcstudio);
}

namespace dc {

namespace {
constexpr int kRackIdRole = Qt::UserRole + 1;
constexpr int kFindingsHeightPx = 120;
constexpr int kCatalogWidthPx = 300;
constexpr int kPropertiesWidthPx = 460;

/// A template's own name ("DGX SuperPOD H100 — 1 scalable unit"), or its file name if unreadable.
QString templateTitle(const QString& path) {
  QFile file(path);
  if (file.open(QIODevice::ReadOnly)) {
    const QString name =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("name")).toString();
    if (!name.isEmpty()) {
      return name;
    }
  }
  return QFileInfo(path).completeBaseName();
}
}  // namespace

MainWindow::MainWindow(CatalogLoadResult catalog, QWidget* parent)
    : QMainWindow(parent), mCatalog(std::move(catalog)) {
  initStudioResources();
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/dcstudio.svg")));
  mCatalogDock = new CatalogDock(mCatalog.catalog, this);
  addDockWidget(Qt::LeftDockWidgetArea, mCatalogDock);

  mPropertiesDock = new QDockWidget(tr("Properties"), this);
  mPropertiesDock->setObjectName(QStringLiteral("propertiesDock"));
  addDockWidget(Qt::RightDockWidgetArea, mPropertiesDock);

  mFindingsDock = new QDockWidget(tr("Findings"), this);
  auto* findingsDock = mFindingsDock;
  findingsDock->setObjectName(QStringLiteral("findingsDock"));
  mFindings = new QListWidget;
  mFindings->setWordWrap(true);
  mFindings->setTextElideMode(Qt::ElideNone);
  mFindings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  findingsDock->setWidget(mFindings);
  addDockWidget(Qt::BottomDockWidgetArea, findingsDock);
  setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
  setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
  connect(mFindings, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    const RackId id = RackId::fromString(item->data(kRackIdRole).toString());
    if (!id.isNull()) {
      floorPlanScene()->selectRacks({id});
      mView->centerOn(floorPlanScene()->rackItem(id));
    }
  });

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
  // The view and panels refer to the document: delete them first.
  delete mView;
  delete mProperties;
}

FloorPlanScene* MainWindow::floorPlanScene() const noexcept {
  return mView ? mView->floorScene() : nullptr;
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newProject);
  QMenu* templates = file->addMenu(tr("New from &Template"));
  const QDir templateDir(shippedTemplatesFolder());
  for (const QFileInfo& info :
       templateDir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
    templates->addAction(templateTitle(info.absoluteFilePath()), this,
                         [this, path = info.absoluteFilePath()] {
                           if (maybeSave()) {
                             openTemplate(path);
                           }
                         });
  }
  file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::open);
  mRecentMenu = file->addMenu(tr("Open &Recent"));
  file->addSeparator();
  file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
  file->addAction(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), this,
                  &MainWindow::saveAs);
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
  mEditMenu->addSeparator();
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
  for (QDockWidget* dock : findChildren<QDockWidget*>()) {
    view->addAction(dock->toggleViewAction());
  }

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
  delete mView;
  delete mProperties;
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
    resizeDocks({mCatalogDock, mPropertiesDock}, widths, Qt::Horizontal);
    resizeDocks({mFindingsDock}, {findingsHeightPx}, Qt::Vertical);
    // The sizes are real only after that layout pass; from then on keep what the user has.
    QTimer::singleShot(0, this, [this] { mDocksSized = isVisible(); });
  });
  mProperties = new PropertiesPanel(*mDocument, mCatalog.catalog);
  mPropertiesDock->setWidget(mProperties);

  connect(scene, &FloorPlanScene::placementFailed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  connect(mProperties, &PropertiesPanel::editFailed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 10000); });
  connect(scene, &FloorPlanScene::rackSelectionChanged, mProperties,
          &PropertiesPanel::setSelection);
  connect(mCatalogDock, &CatalogDock::itemSelected, mProperties, [this, scene](const QString& id) {
    scene->clearSelection();
    mProperties->showCatalogItem(id);
  });
  connect(mDocument.get(), &DesignDocument::changed, this, &MainWindow::reanalyse);
  connect(&mDocument->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  reanalyse();
  updateTitle();
  QTimer::singleShot(0, mView, [view = mView] { view->zoomToFit(); });
}

void MainWindow::reanalyse() {
  mAnalysis = analyze(mDocument->project(), mCatalog.catalog);
  floorPlanScene()->setAnalysis(mAnalysis);
  mProperties->setAnalysis(mAnalysis);
  showFindings();
  QStringList parts;
  for (const HallTotals& hall : mAnalysis.power.halls) {
    const Hall* h = mDocument->project().findHall(hall.hallId);
    QString part =
        tr("%1: %2 · %3 GPUs · %4 max · %5 typical%6 · %7 W/m²")
            .arg(h ? h->name() : QString(), countOf(hall.rackCount, "rack", "racks"))
            .arg(hall.acceleratorCount)
            .arg(formatPowerW(hall.maxPowerW.value), formatPowerW(hall.typicalPowerW.value),
                 hall.typicalFromMaxCount > 0 ? QStringLiteral("*") : QString())
            .arg(hall.maxPowerDensityWPerM2, 0, 'f', 0);
    if (hall.coolingEquipmentPowerW.value > 0) {
      part += tr(" · cooling equipment %1").arg(formatPowerW(hall.coolingEquipmentPowerW.value));
    }
    parts.append(part);
    if (hall.typicalFromMaxCount > 0) {
      mTotals->setToolTip(tr("* typical counts %1 at max: no typical power is published for them")
                              .arg(countOf(hall.typicalFromMaxCount, "device", "devices")));
    }
  }
  int errors = 0;
  for (const Finding& f : mAnalysis.findings) {
    errors += f.severity == Finding::Severity::Error ? 1 : 0;
  }
  parts.append(
      countOf(mAnalysis.findings.size(), "finding", "findings") +
      (errors ? QStringLiteral(" (%1)").arg(countOf(errors, "error", "errors")) : QString()));
  mTotals->setText(parts.join(QStringLiteral("   |   ")));
}

void MainWindow::showFindings() {
  mFindings->clear();
  for (const Finding& finding : mAnalysis.findings) {
    auto* item = new QListWidgetItem(finding.message, mFindings);
    item->setData(kRackIdRole, finding.rackId().toString());
    item->setIcon(style()->standardIcon(
        finding.severity == Finding::Severity::Error     ? QStyle::SP_MessageBoxCritical
        : finding.severity == Finding::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxInformation));
  }
}

void MainWindow::deleteSelection() {
  const QList<RackId> ids = floorPlanScene()->selectedRackIds();
  QString error;
  if (!ids.isEmpty() &&
      !mDocument->tryPush([&] { return std::make_unique<CmdRemoveRacks>(*mDocument, ids); },
                          &error)) {
    statusBar()->showMessage(error, 10000);
  }
}

void MainWindow::rotateSelection() {
  const QList<RackId> ids = floorPlanScene()->selectedRackIds();
  QString error;
  if (!ids.isEmpty() &&
      !mDocument->tryPush([&] { return std::make_unique<CmdRotateRacks>(*mDocument, ids, 90); },
                          &error)) {
    statusBar()->showMessage(error, 10000);
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
