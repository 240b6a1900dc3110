// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a user drives it: a template opens, keyboard shortcuts edit the selection
// through the undo stack, Save / Open round-trip, and a bad file leaves the open project alone.
#include "catalog/catalogloader.h"
#include "cooling/coolingcharts.h"
#include "cooling/coolingloopspanel.h"
#include "cooling/rackcoolingpanel.h"
#include "dialogs/assumptionsdialog.h"
#include "dialogs/projectinfodialog.h"
#include "edit/cmdobjects.h"
#include "exportdialogs.h"
#include "exportjob.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/floorplanview.h"
#include "floorplan/rackitem.h"
#include "mainwindow.h"
#include "newfromtemplatedialog.h"
#include "power/failurepanel.h"
#include "report/csvexport.h"
#include "report/reportdata.h"
#include "storage/projectfile.h"
#include "templatepreview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

using namespace dc;

class TestMainWindow final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void templateOpensWithTotals();
  void rotateAndDeleteShortcutsAreUndoable();
  void saveThenOpenRoundTrips();
  void badFileIsRefusedAndProjectKept();
  void userCatalogOverridesAndBrokenFilesAreNotFatal();
  void redoShortcutIsUnambiguous();
  void renameFieldFollowsUndo();
  void coolingUnitShowsCapacityNotItPower();
  void assumptionsEditIsUndoable();
  void projectPropertiesEditIsUndoable();
  void feedALostAnalysesEveryRack();
  void failurePanelListsVerdictsAndSelectsRacks();
  void clickingARackFindingSelectsIt();
  void statusBarShowsFacilityPower();
  void powerDocksAreThere();
  void coolingDocksAreThere();
  void coolingOverlaysAndLoopSelection();
  void crahLossUpdatesTheFailurePanel();
  void oldSchemaFileSaysItWillBeUpgraded();
  void fileMenuHasTemplateAndExportEntries();
  void newFromTemplateDialogListsTemplatesByVendor();
  void newFromTemplateCreatesTheProject();
  void newFromTemplateRefusesABrokenTemplate();
  void pdfExportJobWritesTheReport();
  void cancelledPdfExportLeavesNoFile();
  void pdfExportWithProgressDialog();
  void csvExportWritesTheSchedule();
  void csvExportOfAMissingScheduleWritesNothing();

 private:
  static void dismissNextDialog(QString* text);
  RackId rackNamed(const QString& name) const;
  QString currentTab(const QString& dockTitle) const;
  void addCoolingUnits(const QString& catalogId, const QStringList& names);

  QTemporaryDir mDir;
  std::unique_ptr<MainWindow> mWindow;
};

void TestMainWindow::initTestCase() {
  QVERIFY(mDir.isValid());
  // Keep the user's recent files and preferences out of the test.
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                     mDir.filePath(QStringLiteral("settings")));
}

void TestMainWindow::init() {
  mWindow =
      std::make_unique<MainWindow>(loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")}));
  mWindow->show();
  QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
  QVERIFY(
      mWindow->openTemplate(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json")));
}

void TestMainWindow::cleanup() {
  mWindow->document()->undoStack().setClean();  // no save prompt on close
  mWindow.reset();
}

RackId TestMainWindow::rackNamed(const QString& name) const {
  for (const Rack& rack : mWindow->document()->project().racks()) {
    if (rack.name() == name) {
      return rack.id();
    }
  }
  return {};
}

/// The title of the current tab in the dock tab bar that holds `dockTitle`, or empty.
QString TestMainWindow::currentTab(const QString& dockTitle) const {
  for (const QTabBar* bar : mWindow->findChildren<QTabBar*>()) {
    for (int i = 0; i < bar->count(); ++i) {
      if (bar->tabText(i) == dockTitle) {
        return bar->tabText(bar->currentIndex());
      }
    }
  }
  return {};
}

/// Places floor cooling units of `catalogId` named `names` in the first hall, serving no explicit
/// loop (the hall's implicit loop or zone), through the generic insert command.
void TestMainWindow::addCoolingUnits(const QString& catalogId, const QStringList& names) {
  DesignDocument& document = *mWindow->document();
  QList<QPair<qsizetype, CoolingUnit>> units;
  for (int i = 0; i < names.size(); ++i) {
    CoolingUnit unit;
    unit.id = CoolingUnitId::create();
    unit.hallId = document.project().halls().first().id();
    unit.name = names[i];
    unit.catalogId = catalogId;
    unit.positionMm = PointMm{1'000 + 1'200 * i, 16'000};
    units.append({-1, unit});
  }
  QString error;
  QVERIFY2(document.tryPush(
               [&] {
                 return std::make_unique<CmdInsertObjects<CoolingUnit>>(document, units,
                                                                        QStringLiteral("Add"));
               },
               &error),
           qPrintable(error));
}

void TestMainWindow::dismissNextDialog(QString* text) {
  QTimer::singleShot(50, [text] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      *text = box->text();
      box->close();
    }
  });
}

void TestMainWindow::templateOpensWithTotals() {
  const Analysis& analysis = mWindow->analysis();
  QCOMPARE(mWindow->document()->project().racks().size(), 11);
  QCOMPARE(analysis.power.totals.acceleratorCount, 248);  // reference case 1: 31 DGX H100 × 8 GPUs
  QVERIFY(mWindow->windowTitle().contains(QStringLiteral("DGX SuperPOD H100")));
}

void TestMainWindow::rotateAndDeleteShortcutsAreUndoable() {
  const RackId id = rackNamed(QStringLiteral("A01"));
  QVERIFY(!id.isNull());
  mWindow->floorPlanScene()->selectRacks({id});
  mWindow->floorPlanView()->setFocus();
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_R);
  QCOMPARE(mWindow->document()->project().findRack(id)->rotationDeg(), 270);  // was 180
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_Delete);
  QVERIFY(!mWindow->document()->project().findRack(id));
  QCOMPARE(mWindow->analysis().power.totals.acceleratorCount, 248 - 32);
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_Z, Qt::ControlModifier);
  QVERIFY(mWindow->document()->project().findRack(id));
  QCOMPARE(mWindow->analysis().power.totals.acceleratorCount, 248);
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_Z, Qt::ControlModifier);
  QCOMPARE(mWindow->document()->project().findRack(id)->rotationDeg(), 180);
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  QCOMPARE(mWindow->document()->project().findRack(id)->rotationDeg(), 270);
}

void TestMainWindow::saveThenOpenRoundTrips() {
  const QString path = mDir.filePath(QStringLiteral("su.dcstudio"));
  QVERIFY(mWindow->isWindowModified() || mWindow->document()->undoStack().isClean());
  QVERIFY(mWindow->saveTo(path));
  QVERIFY(mWindow->document()->undoStack().isClean());
  QVERIFY(!mWindow->isWindowModified());
  const Project saved = mWindow->document()->project();
  QVERIFY(mWindow->openFile(path));
  QVERIFY(mWindow->document()->project() == saved);
  QVERIFY(loadProject(path) == saved);
}

void TestMainWindow::badFileIsRefusedAndProjectKept() {
  const QString path = mDir.filePath(QStringLiteral("notes.dcstudio"));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("rack list, not a project\n");
  file.close();
  const Project before = mWindow->document()->project();
  QString message;
  dismissNextDialog(&message);
  QVERIFY(!mWindow->openFile(path));
  QVERIFY2(message.contains(QStringLiteral("notes.dcstudio")), qPrintable(message));
  QVERIFY(mWindow->document()->project() == before);
  QFile check(path);
  QVERIFY(check.open(QIODevice::ReadOnly));
  QCOMPARE(check.readAll(), QByteArray("rack list, not a project\n"));  // untouched
}

void TestMainWindow::userCatalogOverridesAndBrokenFilesAreNotFatal() {
  // A user folder that overrides the DGX H100 (a site measured 11 kW per node) and holds a
  // broken file: the override applies, the broken entry is reported, nothing else is lost.
  const QString folder = mDir.filePath(QStringLiteral("site-catalog"));
  QVERIFY(QDir().mkpath(folder));
  QFile good(folder + QStringLiteral("/site.json"));
  QVERIFY(good.open(QIODevice::WriteOnly));
  good.write(R"json({"format": "dcstudio-catalog", "formatVersion": 1,
    "sources": {"m": {"title": "Site power measurement 2026-10", "url": "https://example.org/m"}},
    "items": [{"id": "nvidia/dgx-h100", "vendor": "NVIDIA", "model": "DGX H100 (site)", "kind": "server",
               "source": "m", "confidence": "vendor", "heightU": 8,
               "accelerators": {"part": "nvidia/h100-sxm", "count": 8, "memoryGb": 80},
               "maxPowerW": 11000}]})json");
  good.close();
  QFile bad(folder + QStringLiteral("/broken.json"));
  QVERIFY(bad.open(QIODevice::WriteOnly));
  bad.write("{ not json");
  bad.close();

  const qsizetype itemsBefore = mWindow->catalog().size();
  mWindow->reloadCatalog({folder});
  QCOMPARE(mWindow->catalog().size(), itemsBefore);  // replaced, not added
  QCOMPARE(mWindow->catalog().find(QStringLiteral("nvidia/dgx-h100"))->model,
           QStringLiteral("DGX H100 (site)"));
  const RackId a01 = rackNamed(QStringLiteral("A01"));
  QCOMPARE(mWindow->analysis().power.racks.value(a01).maxPowerW.value, 4 * 11'000.0);
  int errors = 0;
  int notes = 0;
  for (const CatalogProblem& p : mWindow->catalogProblems()) {
    errors += p.severity == CatalogProblem::Severity::Error ? 1 : 0;
    notes += p.severity == CatalogProblem::Severity::Note ? 1 : 0;
    if (p.severity == CatalogProblem::Severity::Error) {
      QVERIFY2(p.file.endsWith(QLatin1String("broken.json")), qPrintable(p.toString()));
    }
  }
  QCOMPARE(errors, 1);
  QCOMPARE(notes, 1);
  mWindow->reloadCatalog({});  // back to the shipped catalog
  // Four DGX H100 at 10.2 kW and, with the shipped catalog's ports, the template's compute fabric
  // adds their DGX-side transceivers: 4 twin-port OSFP at 17 W each (NVIDIA LinkX).
  QCOMPARE(mWindow->analysis().power.racks.value(a01).maxPowerW.value, 4 * 10'200.0 + 4 * 4 * 17.0);
}

void TestMainWindow::redoShortcutIsUnambiguous() {
  // A key bound twice to one action is ambiguous to Qt, which then ignores it.
  for (QAction* action : mWindow->findChildren<QAction*>()) {
    const QList<QKeySequence> keys = action->shortcuts();
    for (qsizetype i = 0; i < keys.size(); ++i) {
      QVERIFY2(keys.indexOf(keys[i], i + 1) < 0, qPrintable(action->text()));
    }
    if (action->text().contains(QLatin1String("Redo"))) {
      QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
    }
  }
}

void TestMainWindow::renameFieldFollowsUndo() {
  const RackId id = rackNamed(QStringLiteral("A01"));
  mWindow->floorPlanScene()->selectRacks({id});
  auto* name = mWindow->findChild<QLineEdit*>(QStringLiteral("rackName"));
  QVERIFY(name);
  QCOMPARE(name->text(), QStringLiteral("A01"));
  name->setFocus();
  name->selectAll();
  QTest::keyClicks(name, QStringLiteral("XX"));
  QTest::keyClick(name, Qt::Key_Return);
  QCOMPARE(mWindow->document()->project().findRack(id)->name(), QStringLiteral("XX"));
  mWindow->document()->undoStack().undo();  // the field keeps focus, yet shows the model again
  QCOMPARE(mWindow->document()->project().findRack(id)->name(), QStringLiteral("A01"));
  QCOMPARE(name->text(), QStringLiteral("A01"));
  QTest::keyClick(name, Qt::Key_Return);  // nothing typed: no new edit, redo stays available
  QVERIFY(mWindow->document()->undoStack().canRedo());
}

// A STULZ CyberRow CRS 560 CW dropped on the floor (catalog: 60,700 W net at 10 °C water, fans
// 3,900 W at full speed, StulzSelect transcription) becomes floor cooling unit C01, not a rack:
// the IT totals and the rack count do not move, the status bar shows the fans as cooling
// equipment, Properties shows what the unit is placed for, and the CRAH-loss scenario names it.
void TestMainWindow::coolingUnitShowsCapacityNotItPower() {
  const double itBefore = mWindow->analysis().power.totals.itPowerW.value;
  const qsizetype racksBefore = mWindow->document()->project().racks().size();
  const qsizetype unitsBefore = mWindow->document()->project().coolingUnits().size();
  QVERIFY(mWindow->floorPlanScene()->placeCatalogItem(QStringLiteral("stulz/cyberrow-crs560cw"),
                                                      QPointF(9'900, 6'000)));
  QCOMPARE(mWindow->document()->project().racks().size(), racksBefore);
  QCOMPARE(mWindow->document()->project().coolingUnits().size(), unitsBefore + 1);
  const CoolingUnit& unit = mWindow->document()->project().coolingUnits().last();
  QVERIFY2(unit.name.startsWith(QLatin1Char('C')), qPrintable(unit.name));
  QCOMPARE(mWindow->analysis().power.totals.itPowerW.value, itBefore);
  // Its fans are facility load in the hall's cooling equipment, and in the zone it serves.
  QCOMPARE(mWindow->analysis().power.totals.coolingUnitCount, int(unitsBefore) + 1);
  bool inZone = false;
  for (const LoopLoad& loop : mWindow->analysis().cooling.loops) {
    inZone = inZone || loop.unitIds.contains(unit.id);
  }
  QVERIFY(inZone);
  auto* totals = mWindow->findChild<QLabel*>(QStringLiteral("hallTotals"));
  QVERIFY(totals);
  QVERIFY2(totals->text().contains(QStringLiteral("11 racks")), qPrintable(totals->text()));
  QVERIFY(mWindow->scenarioCombo()->findText(
              QStringLiteral("In-row cooler %1 lost").arg(unit.name)) > 0);

  mWindow->floorPlanScene()->selectCoolingUnits({unit.id});
  auto* heading = mWindow->findChild<QLabel*>(QStringLiteral("propertiesHeading"));
  QVERIFY(heading);
  QVERIFY2(heading->text().contains(QStringLiteral("In-row cooler C01")),
           qPrintable(heading->text()));
  // Delete removes the selected unit in one undoable step.
  mWindow->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
  mWindow->floorPlanView()->setFocus();
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_Delete);
  QCOMPARE(mWindow->document()->project().coolingUnits().size(), unitsBefore);
  mWindow->document()->undoStack().undo();
  QCOMPARE(mWindow->document()->project().coolingUnits().size(), unitsBefore + 1);
}

// File ▸ Project Properties…: the revision the report's cover and title blocks carry is set in
// one undoable step.
void TestMainWindow::projectPropertiesEditIsUndoable() {
  const QString nameBefore = mWindow->document()->project().name();
  QAction* action = mWindow->findChild<QAction*>(QStringLiteral("projectPropertiesAction"));
  QVERIFY(action);
  bool seen = false;
  QTimer::singleShot(50, [&] {
    auto* dialog = qobject_cast<ProjectInfoDialog*>(QApplication::activeModalWidget());
    if (dialog) {
      seen = true;
      const QList<QLineEdit*> edits = dialog->findChildren<QLineEdit*>();
      QCOMPARE(edits.size(), 3);  // name, author, revision
      edits.at(2)->setText(QStringLiteral("C — issued for construction"));
      dialog->accept();
    }
  });
  action->trigger();
  QVERIFY(seen);
  QCOMPARE(mWindow->document()->project().revision(),
           QStringLiteral("C — issued for construction"));
  QCOMPARE(mWindow->document()->project().name(), nameBefore);
  mWindow->document()->undoStack().undo();
  QVERIFY(mWindow->document()->project().revision().isEmpty());
}

// Edit ▸ Design Assumptions…: the PUE of room-air cooling 1.5 in the dialog, OK; the PUE (by
// cooling architecture, heat-weighted) follows the share of heat left to room air, the facility
// design power follows, and Ctrl+Z brings the default (LBNL 2024: 1.118) back.
void TestMainWindow::assumptionsEditIsUndoable() {
  const QString pue = QString::fromLatin1(assumption::kPueAir);
  const double facilityBefore = mWindow->analysis().power.totals.facilityDesignPowerW.value;
  QAction* action = mWindow->findChild<QAction*>(QStringLiteral("editAssumptionsAction"));
  QVERIFY(action);
  bool seen = false;
  QTimer::singleShot(50, [&] {
    auto* dialog = qobject_cast<AssumptionsDialog*>(QApplication::activeModalWidget());
    if (dialog) {
      seen = true;
      dialog->setEditorValue(pue, 1.5);
      dialog->accept();
    }
  });
  action->trigger();
  QVERIFY(seen);
  QCOMPARE(mWindow->document()->project().assumptions().value(pue), 1.5);
  const CoolingTotals& heat = mWindow->analysis().cooling.totals;
  const double room = heat.heatToRoomW.value / heat.heatW.value;
  const double door = heat.heatToDoorW.value / heat.heatW.value;
  const double liquid = heat.heatToLiquidW.value / heat.heatW.value;
  QVERIFY(room > 0);
  QVERIFY(qAbs(mWindow->analysis().power.totals.pue.value -
               (1.0 + room * 0.5 + door * 0.118 + liquid * 0.093)) < 1e-9);
  QVERIFY(mWindow->analysis().power.totals.facilityDesignPowerW.value > facilityBefore);
  QVERIFY(mWindow->document()->undoStack().canUndo());
  mWindow->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
  mWindow->floorPlanView()->setFocus();
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_Z, Qt::ControlModifier);
  QCOMPARE(mWindow->document()->project().assumptions().value(pue), 1.118);
  QCOMPARE(mWindow->analysis().power.totals.facilityDesignPowerW.value, facilityBefore);
}

// Choosing "Feed A lost" re-runs the engine with that failure: every rack gets a verdict, the
// overlay switches to Failure and the status bar gives the counts. Edits keep the scenario.
void TestMainWindow::feedALostAnalysesEveryRack() {
  QComboBox* combo = mWindow->scenarioCombo();
  QVERIFY(combo);
  const int index = combo->findText(QStringLiteral("Feed A lost"));
  QVERIFY(index > 0);
  combo->setCurrentIndex(index);
  Q_EMIT combo->activated(index);
  const FailureResult& failure = mWindow->analysis().power.failure;
  QCOMPARE(failure.scenario.kind, FailureScenario::Kind::Feed);
  QCOMPARE(failure.scenario.feed, PowerFeed::A);
  QCOMPARE(failure.holds + failure.degraded + failure.down + failure.notModelled,
           int(mWindow->document()->project().racks().size()));
  QCOMPARE(mWindow->floorPlanScene()->overlay(), FloorOverlay::Failure);
  auto* totals = mWindow->findChild<QLabel*>(QStringLiteral("hallTotals"));
  QVERIFY2(totals->text().contains(QStringLiteral("Feed A lost: %1 hold").arg(failure.holds)),
           qPrintable(totals->text()));
  const RackId id = rackNamed(QStringLiteral("A01"));
  QVERIFY(!mWindow->floorPlanScene()->rackItem(id)->look().overlayLabel.isEmpty());
  // An edit re-analyses with the same scenario.
  mWindow->floorPlanScene()->selectRacks({id});
  mWindow->floorPlanView()->setFocus();
  QTest::keyClick(mWindow->floorPlanView(), Qt::Key_R);
  QCOMPARE(mWindow->analysis().power.failure.scenario.feed, PowerFeed::A);
  QCOMPARE(combo->currentText(), QStringLiteral("Feed A lost"));
}

// With no scenario the Failure panel asks for one; "Feed A lost" raises its tab and lists the 11
// racks (all hold on the 2N template); Enter and a double-click on a row select that rack.
void TestMainWindow::failurePanelListsVerdictsAndSelectsRacks() {
  FailurePanel* panel = mWindow->failurePanel();
  QVERIFY(panel);
  auto* empty = panel->findChild<QLabel*>(QStringLiteral("failureEmptyText"));
  QVERIFY(empty && !empty->isHidden());
  QTRY_COMPARE(currentTab(QStringLiteral("Failure")), QStringLiteral("Findings"));
  QVERIFY(empty->text().contains(QStringLiteral("Choose a failure scenario")));
  QCOMPARE(panel->table()->rowCount(), 0);

  QComboBox* combo = mWindow->scenarioCombo();
  const int index = combo->findText(QStringLiteral("Feed A lost"));
  QVERIFY(index > 0);
  combo->setCurrentIndex(index);
  Q_EMIT combo->activated(index);
  // The Failure tab is raised over Findings and Power Distribution.
  QTRY_COMPARE(currentTab(QStringLiteral("Failure")), QStringLiteral("Failure"));
  QVERIFY(empty->isHidden());
  QCOMPARE(panel->summary(),
           QStringLiteral("Feed A lost — 11 hold · 0 degraded · 0 down · 0 not modelled"));
  auto* header = panel->findChild<QLabel*>(QStringLiteral("failureSummary"));
  QVERIFY(header && header->text().contains(QStringLiteral("11 hold · 0 degraded")));

  QTableWidget* table = panel->table();
  QCOMPARE(table->rowCount(), 11);
  QStringList names;
  for (int row = 0; row < table->rowCount(); ++row) {
    QCOMPARE(table->item(row, FailurePanel::ColVerdict)->text(), QStringLiteral("holds"));
    names.append(table->item(row, FailurePanel::ColRack)->text());
  }
  QCOMPARE(names.first(), QStringLiteral("A01"));  // all hold: then by name

  const RackId a01 = rackNamed(QStringLiteral("A01"));
  const int last = table->rowCount() - 1;
  const RackId lastRack = panel->rackAt(last);
  QVERIFY(!lastRack.isNull() && lastRack != a01);
  mWindow->floorPlanScene()->clearSelection();
  table->setFocus();
  table->setCurrentCell(last, FailurePanel::ColRack);
  QTest::keyClick(table, Qt::Key_Return);
  QCOMPARE(mWindow->floorPlanScene()->selectedRackIds(), QList<RackId>{lastRack});
  // The floor plan's selection comes back to the panel as the selected row.
  QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
  QCOMPARE(table->selectionModel()->selectedRows().first().row(), last);

  mWindow->floorPlanScene()->clearSelection();
  const QRect rect = table->visualItemRect(table->item(0, FailurePanel::ColRack));
  // A double-click is a press, release, double-click press and release, as a user's is.
  QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
  QCOMPARE(mWindow->floorPlanScene()->selectedRackIds(), QList<RackId>{});  // one click: no
  QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
  QCOMPARE(mWindow->floorPlanScene()->selectedRackIds(), QList<RackId>{a01});

  // Back to normal operation: the panel asks for a scenario again.
  combo->setCurrentIndex(0);
  Q_EMIT combo->activated(0);
  QCOMPARE(table->rowCount(), 0);
  QVERIFY(panel->summary().isEmpty());
}

void TestMainWindow::clickingARackFindingSelectsIt() {
  const QList<Finding>& findings = mWindow->analysis().findings;
  int index = -1;
  for (int i = 0; i < findings.size(); ++i) {
    if (findings[i].subject.kind == ObjectKind::Rack) {
      index = i;
      break;
    }
  }
  QVERIFY2(index >= 0, "the H100 template has a rack finding (power.high-density)");
  const RackId rack = findings[index].rackId();
  QTreeWidget* list = mWindow->findingsList();
  QTreeWidgetItem* item = list->topLevelItem(index);
  QVERIFY(item);
  QCOMPARE(item->text(1), findings[index].code);
  QCOMPARE(item->text(0), findingSeverityKey(findings[index].severity));
  mWindow->floorPlanScene()->clearSelection();
  list->scrollToItem(item);
  const QRect rect = list->visualItemRect(item);
  QVERIFY(rect.isValid());
  QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
  QCOMPARE(mWindow->floorPlanScene()->selectedRackIds(), QList<RackId>{rack});
}

void TestMainWindow::statusBarShowsFacilityPower() {
  auto* totals = mWindow->findChild<QLabel*>(QStringLiteral("hallTotals"));
  QVERIFY(totals);
  // Facility power at the peak PUE assumption (1.3); the annual PUE by cooling architecture: rear
  // doors and room air both at LBNL 2024's 1.118.
  QVERIFY2(totals->text().contains(QStringLiteral("at peak PUE 1.30 · annual PUE 1.12")),
           qPrintable(totals->text()));
  QVERIFY2(totals->text().contains(QStringLiteral("· facility ")), qPrintable(totals->text()));
}

void TestMainWindow::powerDocksAreThere() {
  for (const char* name : {"rackPowerDock", "distributionDock", "powerChartsDock", "failureDock"}) {
    auto* dock = mWindow->findChild<QDockWidget*>(QString::fromLatin1(name));
    QVERIFY2(dock && dock->widget(), name);
  }
  QVERIFY(mWindow->rackPowerPanel() && mWindow->distributionPanel() && mWindow->powerChartsPanel());
  QVERIFY(mWindow->failurePanel());
  // The Failure dock is tabbed with Findings and Power Distribution at the bottom.
  const QList<QDockWidget*> tabs = mWindow->tabifiedDockWidgets(mWindow->failureDock());
  QVERIFY(tabs.contains(mWindow->findChild<QDockWidget*>(QStringLiteral("findingsDock"))));
  QVERIFY(tabs.contains(mWindow->findChild<QDockWidget*>(QStringLiteral("distributionDock"))));
  QCOMPARE(mWindow->dockWidgetArea(mWindow->failureDock()), Qt::BottomDockWidgetArea);
}

// Rack Cooling and Cooling Charts sit on the right with Rack Power and Power Charts; Cooling
// Loops at the bottom with Power Distribution. Each holds its panel, fed with the analysis.
void TestMainWindow::coolingDocksAreThere() {
  const auto dock = [this](const char* name) {
    return mWindow->findChild<QDockWidget*>(QString::fromLatin1(name));
  };
  for (const char* name : {"rackCoolingDock", "coolingChartsDock", "coolingLoopsDock"}) {
    QVERIFY2(dock(name) && dock(name)->widget(), name);
  }
  QCOMPARE(dock("rackCoolingDock")->windowTitle(), QStringLiteral("Rack Cooling"));
  QCOMPARE(dock("coolingChartsDock")->windowTitle(), QStringLiteral("Cooling Charts"));
  QCOMPARE(dock("coolingLoopsDock")->windowTitle(), QStringLiteral("Cooling Loops"));
  QCOMPARE(dock("rackCoolingDock")->widget(), mWindow->rackCoolingPanel());
  QCOMPARE(dock("coolingChartsDock")->widget(), mWindow->coolingChartsPanel());
  QCOMPARE(dock("coolingLoopsDock")->widget(), mWindow->coolingLoopsPanel());
  QCOMPARE(mWindow->dockWidgetArea(dock("rackCoolingDock")), Qt::RightDockWidgetArea);
  QCOMPARE(mWindow->dockWidgetArea(dock("coolingChartsDock")), Qt::RightDockWidgetArea);
  QCOMPARE(mWindow->dockWidgetArea(dock("coolingLoopsDock")), Qt::BottomDockWidgetArea);
  const QList<QDockWidget*> right = mWindow->tabifiedDockWidgets(dock("rackCoolingDock"));
  QVERIFY(right.contains(dock("rackPowerDock")));
  QVERIFY(right.contains(dock("powerChartsDock")));
  QVERIFY(right.contains(dock("coolingChartsDock")));
  const QList<QDockWidget*> bottom = mWindow->tabifiedDockWidgets(dock("coolingLoopsDock"));
  QVERIFY(bottom.contains(dock("distributionDock")));
  QVERIFY(bottom.contains(dock("failureDock")));

  // The panels show the window's analysis: selecting A01 shows its heat in Rack Cooling.
  const RackId a01 = rackNamed(QStringLiteral("A01"));
  mWindow->floorPlanScene()->selectRacks({a01});
  RackCoolingPanel* panel = mWindow->rackCoolingPanel();
  QCOMPARE(panel->rackId(), a01);
  const RackCooling& rc = mWindow->analysis().cooling.racks.value(a01);
  QVERIFY(rc.heatW.value > 0);
  QCOMPARE(panel->figureTable()->item(RackCoolingPanel::RowHeat, 0)->text(),
           QLocale(QLocale::English).toString(rc.heatW.value / 1000.0, 'f', 1));
  QCOMPARE(mWindow->coolingLoopsPanel()->table()->rowCount(),
           std::max(1, int(mWindow->analysis().cooling.loops.size())));
}

// The Overlay combo offers the cooling overlays of the floor plan; a zone chosen in the Cooling
// Loops table selects the units that serve it on the floor plan.
void TestMainWindow::coolingOverlaysAndLoopSelection() {
  QComboBox* overlays = mWindow->overlayCombo();
  for (const auto& [name, overlay] :
       {std::pair<const char*, FloorOverlay>{"Cooling", FloorOverlay::Cooling},
        {"Heat to liquid", FloorOverlay::HeatToLiquid},
        {"Heat map", FloorOverlay::HeatMap}}) {
    const int index = overlays->findText(QString::fromUtf8(name));
    QVERIFY2(index >= 0, name);
    Q_EMIT overlays->activated(index);
    QCOMPARE(mWindow->floorPlanScene()->overlay(), overlay);
  }
  addCoolingUnits(QStringLiteral("schneider/uniflair-hdcv5300f-ht"),
                  {QStringLiteral("CRAH-1"), QStringLiteral("CRAH-2")});
  CoolingLoopsPanel* loops = mWindow->coolingLoopsPanel();
  const QList<LoopLoad>& analysed = mWindow->analysis().cooling.loops;
  int zoneRow = -1;
  for (int row = 0; row < loops->table()->rowCount(); ++row) {
    const int index = loops->loopIndexAt(row);
    if (index >= 0 && analysed[index].kind == CoolingLoopKind::Air) {
      zoneRow = row;
    }
  }
  QVERIFY(zoneRow >= 0);
  loops->table()->selectRow(zoneRow);
  QList<CoolingUnitId> selected = mWindow->floorPlanScene()->selectedCoolingUnitIds();
  QList<CoolingUnitId> expected = analysed[loops->loopIndexAt(zoneRow)].unitIds;
  std::sort(selected.begin(), selected.end());
  std::sort(expected.begin(), expected.end());
  QCOMPARE(expected.size(), 2);
  QCOMPARE(selected, expected);
}

// Two CRAH units placed in the hall: the failure combo gains one entry per unit next to the
// generic "one CDU / one CRAH lost"; choosing "CRAH CRAH-1 lost" re-runs the engine with that
// unit lost, and the Failure panel and the status bar show the cooling pass's verdicts.
void TestMainWindow::crahLossUpdatesTheFailurePanel() {
  QComboBox* combo = mWindow->scenarioCombo();
  QVERIFY(combo->findText(QStringLiteral("One CDU lost (most loaded loop)")) > 0);
  QVERIFY(combo->findText(QStringLiteral("One CRAH lost (most loaded zone)")) > 0);
  QCOMPARE(combo->findText(QStringLiteral("CRAH CRAH-1 lost")), -1);
  addCoolingUnits(QStringLiteral("schneider/uniflair-hdcv5300f-ht"),
                  {QStringLiteral("CRAH-1"), QStringLiteral("CRAH-2")});
  addCoolingUnits(QStringLiteral("vertiv/coolchip-cdu-600"), {QStringLiteral("CDU-1")});
  QVERIFY(combo->findText(QStringLiteral("CRAH CRAH-2 lost")) > 0);
  QVERIFY(combo->findText(QStringLiteral("CDU CDU-1 lost")) > 0);
  const int index = combo->findText(QStringLiteral("CRAH CRAH-1 lost"));
  QVERIFY(index > 0);

  combo->setCurrentIndex(index);
  Q_EMIT combo->activated(index);
  const CoolingUnit* crah1 = nullptr;
  for (const CoolingUnit& unit : mWindow->document()->project().coolingUnits()) {
    crah1 = unit.name == QStringLiteral("CRAH-1") ? &unit : crah1;
  }
  QVERIFY(crah1);
  QCOMPARE(mWindow->failureScenario().kind, FailureScenario::Kind::Crah);
  QCOMPARE(mWindow->failureScenario().unitId, crah1->id);
  const FailureResult& failure = mWindow->analysis().failure();
  QCOMPARE(failure.scenario.kind, FailureScenario::Kind::Crah);
  QCOMPARE(failure.scenario.unitId, crah1->id);
  QCOMPARE(failure.description, QStringLiteral("CRAH CRAH-1 lost (Air zone Hall A air)"));
  QCOMPARE(mWindow->analysis().power.failure.scenario.kind, FailureScenario::Kind::None);

  FailurePanel* panel = mWindow->failurePanel();
  QCOMPARE(panel->summary(),
           QStringLiteral("%1 — %2 hold · %3 degraded · %4 down · %5 not modelled")
               .arg(failure.description)
               .arg(failure.holds)
               .arg(failure.degraded)
               .arg(failure.down)
               .arg(failure.notModelled));
  QCOMPARE(panel->table()->rowCount(), int(failure.racks.size()));
  QVERIFY(panel->table()->rowCount() > 0);
  for (int row = 0; row < panel->table()->rowCount(); ++row) {
    const RackOutcome outcome = failure.racks.value(panel->rackAt(row));
    QCOMPARE(panel->table()->item(row, FailurePanel::ColVerdict)->text(),
             rackVerdictName(outcome.verdict));
    QCOMPARE(panel->table()->item(row, FailurePanel::ColReason)->text(), outcome.reason);
  }
  QTRY_COMPARE(currentTab(QStringLiteral("Failure")), QStringLiteral("Failure"));
  auto* totals = mWindow->findChild<QLabel*>(QStringLiteral("hallTotals"));
  QVERIFY2(totals->text().contains(failure.description), qPrintable(totals->text()));

  // Removing the unit resets the scenario to normal operation.
  QString error;
  DesignDocument& document = *mWindow->document();
  const CoolingUnitId lost = crah1->id;
  QVERIFY(document.tryPush(
      [&] {
        return std::make_unique<CmdRemoveObjects<CoolingUnit>>(document, QList<CoolingUnitId>{lost},
                                                               QStringLiteral("Remove"));
      },
      &error));
  QCOMPARE(combo->findText(QStringLiteral("CRAH CRAH-1 lost")), -1);
  QCOMPARE(mWindow->failureScenario().kind, FailureScenario::Kind::None);
}

void TestMainWindow::oldSchemaFileSaysItWillBeUpgraded() {
  QVERIFY(mWindow->openFile(QStringLiteral(DC_TEST_DATA_DIR "/schema-v1.dcstudio")));
  const QString message = mWindow->statusBar()->currentMessage();
  QVERIFY2(message.contains(QStringLiteral("saved with schema v1; it will be upgraded to v6")),
           qPrintable(message));
  QVERIFY2(mWindow->windowTitle().contains(QStringLiteral("schema upgrade on save")),
           qPrintable(mWindow->windowTitle()));
}

// --- New from Template, Export -------------------------------------------------------------

void TestMainWindow::fileMenuHasTemplateAndExportEntries() {
  for (const char* name : {"newFromTemplateAction", "exportPdfAction"}) {
    QVERIFY2(mWindow->findChild<QAction*>(QLatin1String(name)) != nullptr, name);
  }
  auto* csv = mWindow->findChild<QMenu*>(QStringLiteral("exportCsvMenu"));
  QVERIFY(csv != nullptr);
  QStringList kinds;
  for (const QAction* action : csv->actions()) {
    kinds.append(action->objectName().section(QLatin1Char('-'), 1));
  }
  QCOMPARE(kinds, report::csvKinds());
}

void TestMainWindow::newFromTemplateDialogListsTemplatesByVendor() {
  NewFromTemplateDialog dialog(mWindow->catalog(), mWindow.get());
  const TemplateList shipped = listTemplates();
  QTreeWidget* list = dialog.templateList();
  QSet<QString> vendors;
  int templates = 0;
  for (int v = 0; v < list->topLevelItemCount(); ++v) {
    const QTreeWidgetItem* vendor = list->topLevelItem(v);
    QVERIFY(!(vendor->flags() & Qt::ItemIsSelectable));  // a heading
    vendors.insert(vendor->text(0));
    templates += vendor->childCount();
  }
  QCOMPARE(templates, int(shipped.templates.size()));
  QCOMPARE(list->topLevelItemCount(), int(vendors.size()));  // each vendor once
  for (const TemplateInfo& info : shipped.templates) {
    QVERIFY2(vendors.contains(info.vendor), qPrintable(info.vendor));
  }

  // A fixed layout: drawn to scale with its racks by kind, no size to choose.
  QVERIFY(dialog.selectTemplate(QStringLiteral("dgx-superpod-h100-1su")));
  QVERIFY2(dialog.loadProblem().isEmpty(), qPrintable(dialog.loadProblem()));
  const TemplatePreview* preview = dialog.preview();
  QCOMPARE(preview->rackCount(), 11);
  QVERIFY(preview->rackCount(PreviewRackKind::Compute) >= 8);
  QVERIFY(preview->rackCount(PreviewRackKind::Network) >= 1);
  QCOMPARE(preview->coolingUnitCount(), 2);
  QCOMPARE(preview->hallBoundsMm(), QRectF(0, 0, 13'200, 9'600));
  QVERIFY(!dialog.widthField()->isEnabled() && !dialog.depthField()->isEnabled());
  QVERIFY(!dialog.hallSize().has_value());
  const auto* details = dialog.findChild<QTextBrowser*>(QStringLiteral("templateDetails"));
  QVERIFY(details->toPlainText().contains(QLatin1String("Sources")));
  QVERIFY(details->toPlainText().contains(QLatin1String("DGX H100")));

  // The empty hall takes a size, and the preview follows it.
  QVERIFY(dialog.selectTemplate(QStringLiteral("empty-hall")));
  QVERIFY(dialog.widthField()->isEnabled() && dialog.depthField()->isEnabled());
  dialog.setHallSizeM(30.0, 20.0);
  QCOMPARE(preview->hallBoundsMm(), QRectF(0, 0, 30'000, 20'000));
  QCOMPARE(preview->rackCount(), 0);
  QCOMPARE(dialog.hallSize()->widthMm, 30'000.0);
  QCOMPARE(dialog.hallSize()->depthMm, 20'000.0);
}

void TestMainWindow::newFromTemplateCreatesTheProject() {
  bool shown = false;
  QTimer::singleShot(50, [&shown] {
    auto* dialog = qobject_cast<NewFromTemplateDialog*>(QApplication::activeModalWidget());
    if (dialog == nullptr) {
      return;
    }
    shown = dialog->selectTemplate(QStringLiteral("empty-hall"));
    dialog->setHallSizeM(30.0, 20.0);
    dialog->accept();
  });
  mWindow->findChild<QAction*>(QStringLiteral("newFromTemplateAction"))->trigger();
  QVERIFY(shown);
  const Project& project = mWindow->document()->project();
  QCOMPARE(project.racks().size(), 0);
  QCOMPARE(project.halls().size(), 1);
  QCOMPARE(polygonAreaM2(project.halls().first().outlineMm()), 600.0);
  QVERIFY(mWindow->windowTitle().contains(QLatin1String("Untitled")));  // new, not yet saved
  QCOMPARE(project.name(), QStringLiteral("Empty hall"));

  // Cancel keeps the project.
  QTimer::singleShot(50, [] {
    if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
      dialog->reject();
    }
  });
  mWindow->findChild<QAction*>(QStringLiteral("newFromTemplateAction"))->trigger();
  QCOMPARE(mWindow->document()->project().name(), QStringLiteral("Empty hall"));
}

void TestMainWindow::newFromTemplateRefusesABrokenTemplate() {
  const QString folder = mDir.filePath(QStringLiteral("templates"));
  QVERIFY(QDir().mkpath(folder));
  QFile h100(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"));
  QVERIFY(h100.open(QIODevice::ReadOnly));
  QByteArray json = h100.readAll();
  json.replace("stulz/cyberrow-crs560cw", "stulz/no-such-cooler");
  QFile broken(folder + QStringLiteral("/broken-unit.json"));
  QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write(json) == json.size());
  broken.close();
  QFile notJson(folder + QStringLiteral("/not-json.json"));
  QVERIFY(notJson.open(QIODevice::WriteOnly) && notJson.write("{ nope") > 0);
  notJson.close();

  NewFromTemplateDialog dialog(mWindow->catalog(), mWindow.get(), folder);
  QVERIFY(dialog.selectTemplate(QStringLiteral("broken-unit")));
  QVERIFY2(dialog.loadProblem().contains(QLatin1String("no catalog item \"stulz/no-such-cooler\"")),
           qPrintable(dialog.loadProblem()));
  QVERIFY(dialog.preview()->message().contains(dialog.loadProblem()));
  const auto* buttons = dialog.findChild<QDialogButtonBox*>();
  QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
  const auto* problems = dialog.findChild<QLabel*>(QStringLiteral("templateProblems"));
  QVERIFY(problems != nullptr);
  QVERIFY2(problems->text().contains(QLatin1String("not-json.json")), qPrintable(problems->text()));
}

// Needs the PDF writer (widgets/report/pdfreport.cpp): today's placeholder fails every export.
void TestMainWindow::pdfExportJobWritesTheReport() {
  const QString path = mDir.filePath(QStringLiteral("job.pdf"));
  QFile::remove(path);
  PdfExportJob job(mWindow->reportData(), path, false);
  QSignalSpy finished(&job, &PdfExportJob::finished);
  QSignalSpy progressed(&job, &PdfExportJob::progressed);
  job.start();
  QVERIFY(finished.wait(60'000));
  QVERIFY2(job.outcome() == report::PdfOutcome::Written, qPrintable(job.error()));
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  QVERIFY(file.read(5) == "%PDF-");
  QVERIFY(!progressed.isEmpty());
  QCOMPARE(progressed.last().at(0).toInt(), progressed.last().at(1).toInt());  // all sheets
}

void TestMainWindow::cancelledPdfExportLeavesNoFile() {
  // Cancelled before the worker began: nothing is drawn or written.
  const QString fresh = mDir.filePath(QStringLiteral("cancelled.pdf"));
  QFile::remove(fresh);
  {
    PdfExportJob job(mWindow->reportData(), fresh, false);
    QSignalSpy finished(&job, &PdfExportJob::finished);
    job.cancel();
    job.start();
    QVERIFY(finished.wait(10'000));
    QCOMPARE(job.outcome(), report::PdfOutcome::Cancelled);
    QVERIFY(!QFileInfo::exists(fresh));
  }
  // Cancelled at its first sheet (a progress that cancels, on the worker): no new file, and an
  // existing one it was to replace is left as it was. Needs the PDF writer's progress calls.
  const QString existing = mDir.filePath(QStringLiteral("existing.pdf"));
  QFile old(existing);
  QVERIFY(old.open(QIODevice::WriteOnly) && old.write("old report\n") > 0);
  old.close();
  for (const QString& path : {fresh, existing}) {
    PdfExportJob job(mWindow->reportData(), path, true);
    connect(
        &job, &PdfExportJob::progressed, &job, [&job] { job.cancel(); }, Qt::DirectConnection);
    QSignalSpy finished(&job, &PdfExportJob::finished);
    job.start();
    QVERIFY(finished.wait(60'000));
    QVERIFY2(job.outcome() == report::PdfOutcome::Cancelled, qPrintable(job.error()));
    if (path == fresh) {
      QVERIFY(!QFileInfo::exists(fresh));
    } else {
      QFile file(existing);
      QVERIFY(file.open(QIODevice::ReadOnly));
      QCOMPARE(file.readAll(), QByteArray("old report\n"));
    }
    QCOMPARE(QDir(mDir.path()).entryList({QStringLiteral("*.pdf.*")}, QDir::Files),
             QStringList());  // no temporary left beside it
  }
}

// What File ▸ Export PDF does after its save dialog. Needs the PDF writer; a failure is said in a
// message box, which is dismissed here so that the test cannot hang on it.
void TestMainWindow::pdfExportWithProgressDialog() {
  const QString path = mDir.filePath(QStringLiteral("studio.pdf"));
  QFile::remove(path);
  PdfExportJob job(mWindow->reportData(), path, true);
  QString failure;
  dismissNextDialog(&failure);
  const report::PdfOutcome outcome = runPdfExportWithProgress(mWindow.get(), job);
  QVERIFY2(outcome == report::PdfOutcome::Written, qPrintable(failure));
  QVERIFY(QFileInfo(path).size() > 0);
  QVERIFY(QApplication::activeModalWidget() == nullptr);  // the progress dialog is gone
}

// Needs the report's schedules (core/report/sections): they come with the report content.
void TestMainWindow::csvExportWritesTheSchedule() {
  const report::ReportData data = mWindow->reportData();
  const QString path = mDir.filePath(QStringLiteral("racks.csv"));
  QString error;
  QVERIFY2(writeCsvSchedule(data.document, QStringLiteral("racks"), path, &error),
           qPrintable(error));
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  const QList<QByteArray> lines = file.readAll().split('\n');
  QVERIFY(lines.first().startsWith("Rack,"));
  QCOMPARE(lines.size() - 2, 11);  // header, 11 racks, the empty piece after the last CRLF
}

void TestMainWindow::csvExportOfAMissingScheduleWritesNothing() {
  const QString path = mDir.filePath(QStringLiteral("cables.csv"));
  QString error;
  QVERIFY(
      !writeCsvSchedule(mWindow->reportData().document, QStringLiteral("cables"), path, &error));
  QVERIFY2(error.contains(QLatin1String("no 'cables' schedule")), qPrintable(error));
  QVERIFY(!QFileInfo::exists(path));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
