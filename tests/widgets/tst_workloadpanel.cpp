// SPDX-License-Identifier: GPL-3.0-or-later
// The Workloads panel, its dialogs, its charts and the pool overlay, offscreen, on the 4-SU
// DGX SuperPOD H100 template (RA-11333-001: 127 DGX H100, 1,016 GPUs in rows A-D): pools and
// workloads added through the panel's actions land on the undo stack and undo restores the
// project; the verdict shown is the engine's; bad input disables OK with the field named.
#include "catalog/catalogloader.h"
#include "edit/designdocument.h"
#include "engine/analyze.h"
#include "engine/workload/analyzeworkload.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/pooloverlayitem.h"
#include "format/quantityformat.h"
#include "templates/templateloader.h"
#include "workload/fitformat.h"
#include "workload/largenumberedit.h"
#include "workload/pooldialog.h"
#include "workload/shapeeditor.h"
#include "workload/workloadcharts.h"
#include "workload/workloaddialog.h"
#include "workload/workloadfitview.h"
#include "workload/workloadpanel.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QXYSeries>

#include <functional>

using namespace dc;

namespace {
const QString kTemplate = QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json");

/// The template's floor without any pools or workloads it may carry: each test adds its own.
Project bareTemplate() {
  Project project = loadTemplateFile(kTemplate);
  for (const Workload& w : QList<Workload>(project.workloads())) {
    project.removeWorkload(w.id);
  }
  for (const WorkloadPool& p : QList<WorkloadPool>(project.workloadPools())) {
    project.removeWorkloadPool(p.id);
  }
  return project;
}

QList<RackId> racksOfRow(const Project& project, const QString& row) {
  QList<RackId> ids;
  for (const Rack& rack : project.racks()) {
    if (rack.row() == row) {
      ids.append(rack.id());
    }
  }
  return ids;
}

/// Llama 2 70B as Touvron et al. 2023 (Table 1, Meta's model card) give it: 80 layers, hidden
/// 8,192, FFN 28,672, 64 heads with 8 KV heads, vocabulary 32,000, context 4,096.
void setLlama70b(ShapeEditor* editor) {
  editor->parametersEdit()->setText(QStringLiteral("70B"));
  editor->layersBox()->setValue(80);
  editor->findChild<QSpinBox*>(QStringLiteral("hiddenSize"))->setValue(8192);
  editor->findChild<QSpinBox*>(QStringLiteral("ffnSize"))->setValue(28672);
  editor->headsBox()->setValue(64);
  editor->findChild<QSpinBox*>(QStringLiteral("kvHeads"))->setValue(8);
  editor->findChild<QSpinBox*>(QStringLiteral("vocabSize"))->setValue(32000);
  editor->findChild<QSpinBox*>(QStringLiteral("sequenceLength"))->setValue(4096);
}

/// Runs `act` on the modal dialog `open` is about to show, then lets `open` run.
template <typename Dialog>
void withDialog(const std::function<void()>& open, const std::function<void(Dialog*)>& act) {
  bool seen = false;
  QTimer::singleShot(0, [&] {
    auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
    if (dialog) {
      seen = true;
      act(dialog);
    }
    if (QWidget* still = QApplication::activeModalWidget()) {
      still->close();  // never leave the test waiting on a dialog
    }
  });
  open();
  QVERIFY(seen);
}

Workload trainingOn(WorkloadPoolId pool) {
  Workload w;
  w.id = WorkloadId::create();
  w.poolId = pool;
  w.name = QStringLiteral("Llama 2 70B pre-training");
  w.kind = WorkloadKind::Training;
  w.model = {70e9, 80, 8192, 28672, 64, 8, 0, 32000, 4096};
  w.tokens = 2e12;  // Touvron et al. 2023: 2 T tokens
  w.targetDays = 30;
  return w;
}
}  // namespace

class TestWorkloadPanel final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void addingThroughThePanelIsUndoable();
  void verdictShownIsTheEngines();
  void invalidInputDisablesOkNamingTheField();
  void poolDialogNeedsRacks();
  void chartsShowTheEnginesCurves();
  void poolsDrawnOnTheFloorPlan();

 private:
  CatalogLoadResult mCatalog;
};

void TestWorkloadPanel::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
}

void TestWorkloadPanel::addingThroughThePanelIsUndoable() {
  const Project original = bareTemplate();
  DesignDocument document(original);
  WorkloadPanel panel(document, mCatalog.catalog);
  panel.show();
  QVERIFY(!panel.addPoolButton()->isEnabled());      // nothing selected on the floor plan
  QVERIFY(!panel.addWorkloadButton()->isEnabled());  // no pool yet
  const QList<RackId> rowA = racksOfRow(original, QStringLiteral("A"));
  QVERIFY(!rowA.isEmpty());
  panel.setSelection({rowA.first()});
  QVERIFY(panel.addPoolButton()->isEnabled());

  // Add pool ▸ From whole rows of the selection…: row A, OK.
  withDialog<PoolDialog>([&] { panel.openNewPoolDialog(true); },
                         [](PoolDialog* dialog) {
                           QCOMPARE(dialog->pool().rows, QStringList{QStringLiteral("A")});
                           QVERIFY(dialog->okButton()->isEnabled());
                           dialog->okButton()->click();
                         });
  QCOMPARE(document.undoStack().count(), 1);
  QCOMPARE(document.project().workloadPools().size(), 1);
  const WorkloadPool pool = document.project().workloadPools().first();
  QCOMPARE(pool.name, QStringLiteral("Training pool"));
  QCOMPARE(pool.scheduler, Scheduler::Slurm);
  QCOMPARE(document.project().poolRackIds(pool).size(), rowA.size());
  QCoreApplication::processEvents();  // the queued rebuild
  QCOMPARE(panel.poolTable()->rowCount(), 1);
  QCOMPARE(panel.poolTable()->item(0, WorkloadPanel::PoolRacks)->text(),
           QString::number(rowA.size()));

  // Add workload…: a training workload filled in the dialog, OK.
  QVERIFY(panel.addWorkloadButton()->isEnabled());
  withDialog<WorkloadDialog>([&] { panel.openNewWorkloadDialog(); },
                             [](WorkloadDialog* dialog) {
                               QCOMPARE(dialog->kindCombo()->currentData().toInt(),
                                        int(WorkloadKind::Training));  // on a Slurm pool
                               dialog->nameEdit()->setText(QStringLiteral("Llama 2 70B"));
                               setLlama70b(dialog->modelEditor());
                               dialog->tokensEdit()->setText(QStringLiteral("2T"));
                               QVERIFY2(dialog->okButton()->isEnabled(),
                                        qPrintable(dialog->errorText()));
                               dialog->okButton()->click();
                             });
  QCOMPARE(document.undoStack().count(), 2);
  QCOMPARE(document.project().workloads().size(), 1);
  const Workload& added = document.project().workloads().first();
  QCOMPARE(added.poolId, pool.id);
  QCOMPARE(added.tokens, 2e12);
  QCOMPARE(added.model.parameters, 70e9);
  QCOMPARE(added.model.kvHeads, 8);
  QVERIFY(added.parallelism.isAutomatic());

  // Removing the pool while a workload names it is refused, naming why; nothing changes.
  QSignalSpy failed(&panel, &WorkloadPanel::editFailed);
  QString error;
  QVERIFY(!panel.removePool(pool.id, &error));
  QVERIFY(!error.isEmpty());
  QCOMPARE(failed.count(), 1);
  QCOMPARE(document.undoStack().count(), 2);

  // Undo twice: the project is the template again, field for field.
  document.undoStack().undo();
  QVERIFY(document.project().workloads().isEmpty());
  document.undoStack().undo();
  QVERIFY(document.project() == original);
  document.undoStack().redo();
  document.undoStack().redo();
  QCOMPARE(document.project().workloads().size(), 1);

  // Edit and remove go through the same stack.
  Workload edited = document.project().workloads().first();
  edited.targetDays = 45;
  QVERIFY(panel.replaceWorkload(edited));
  QVERIFY(panel.removeWorkload(edited.id));
  QCOMPARE(document.undoStack().count(), 4);
  document.undoStack().undo();
  QCOMPARE(document.project().workloads().first().targetDays, 45.0);
}

void TestWorkloadPanel::verdictShownIsTheEngines() {
  Project project = bareTemplate();
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = project.halls().first().id();
  pool.name = QStringLiteral("Training pool");
  pool.rows = {QStringLiteral("A"), QStringLiteral("B")};
  project.insertWorkloadPool(-1, pool);
  const Workload training = trainingOn(pool.id);
  project.insertWorkload(-1, training);
  DesignDocument document(project);
  WorkloadPanel panel(document, mCatalog.catalog);
  const Analysis analysis = analyze(document.project(), mCatalog.catalog);
  const WorkloadFit* fit = analysis.workload.fit(training.id);
  QVERIFY(fit);
  QVERIFY2(fit->problem.isEmpty(), qPrintable(fit->problem));
  panel.setAnalysis(analysis);
  panel.selectWorkload(training.id);
  QCOMPARE(panel.currentWorkloadId(), training.id);

  const QTableWidgetItem* cell = panel.workloadTable()->item(0, WorkloadPanel::WlVerdict);
  QCOMPARE(cell->text(), fitview::verdictLines(*fit));
  QCOMPARE(cell->toolTip(), fitview::verdictSummary(*fit));
  QVERIFY2(cell->text().startsWith(fitVerdictName(fit->verdict)), qPrintable(cell->text()));
  if (fit->limitingResource != FitResource::None) {
    QVERIFY(cell->text().contains(fitview::formatMargin(fit->margin)));
  }
  QVERIFY(panel.workloadTable()
              ->item(0, WorkloadPanel::WlFigures)
              ->text()
              .startsWith(fitview::formatDays(fit->training.days)));
  // The pool's GPUs are the fit pass's: rows A and B hold half the SuperPOD.
  const PoolSummary* summary = analysis.workload.pool(pool.id);
  QVERIFY(summary);
  QCOMPARE(panel.poolTable()->item(0, WorkloadPanel::PoolGpus)->text(),
           formatQuantity(summary->gpus, Quantity::Count));

  // The checks table: one row per check of the engine, in its order and units.
  const QTableWidget* checks = panel.fitView()->checksTable();
  QCOMPARE(checks->rowCount(), int(fit->checks.size()));
  for (int r = 0; r < fit->checks.size(); ++r) {
    const ResourceCheck& check = fit->checks[r];
    QCOMPARE(checks->item(r, WorkloadFitView::ColRequired)->text(),
             fitview::formatCheckValue(check.required, check.unit));
    if (check.assessed) {
      QCOMPARE(checks->item(r, WorkloadFitView::ColMargin)->text(),
               fitview::formatMargin(check.margin));
    }
  }
  QVERIFY(panel.fitView()->verdictLabel()->text().contains(fitVerdictName(fit->verdict)));
}

void TestWorkloadPanel::invalidInputDisablesOkNamingTheField() {
  Project project = bareTemplate();
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = project.halls().first().id();
  pool.name = QStringLiteral("Training pool");
  pool.rows = {QStringLiteral("A")};
  project.insertWorkloadPool(-1, pool);
  DesignDocument document(project);
  WorkloadPanel panel(document, mCatalog.catalog);
  WorkloadDialog dialog(panel.newWorkload(), document.project(), false);
  setLlama70b(dialog.modelEditor());
  dialog.tokensEdit()->setText(QStringLiteral("2T"));
  QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.errorText()));

  // Text that is not a count.
  dialog.tokensEdit()->setText(QStringLiteral("two trillion"));
  QVERIFY(!dialog.okButton()->isEnabled());
  QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Tokens")), qPrintable(dialog.errorText()));
  dialog.tokensEdit()->setText(QStringLiteral("2e12"));
  QVERIFY(dialog.okButton()->isEnabled());

  // An MFU above 1 (workloadProblem names it).
  dialog.mfuBox()->setValue(1.5);
  QVERIFY(!dialog.okButton()->isEnabled());
  QVERIFY2(dialog.errorText().contains(QStringLiteral("MFU")), qPrintable(dialog.errorText()));
  QCOMPARE(dialog.errorText(), workloadProblem(dialog.workload()));
  dialog.mfuBox()->setValue(0.4);

  // A TP that does not divide the 64 heads.
  dialog.automaticParallelismBox()->setChecked(false);
  dialog.tpBox()->setValue(3);
  QVERIFY(!dialog.okButton()->isEnabled());
  QVERIFY2(dialog.errorText().contains(QStringLiteral("tensor parallel 3")),
           qPrintable(dialog.errorText()));
  dialog.tpBox()->setValue(8);
  QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.errorText()));

  // Inference needs its request: prompt, output, rate.
  dialog.kindCombo()->setCurrentIndex(dialog.kindCombo()->findData(int(WorkloadKind::Inference)));
  QVERIFY(!dialog.okButton()->isEnabled());
  QVERIFY2(dialog.errorText().contains(QStringLiteral("prompt tokens")),
           qPrintable(dialog.errorText()));
  dialog.promptTokensBox()->setValue(1024);
  dialog.outputTokensBox()->setValue(256);
  QVERIFY(dialog.errorText().contains(QStringLiteral("request rate")));
  dialog.rateBox()->setValue(10);
  QVERIFY2(dialog.okButton()->isEnabled(), qPrintable(dialog.errorText()));
  QCOMPARE(dialog.workload().kind, WorkloadKind::Inference);
  QCOMPARE(dialog.workload().requestsPerSecond, 10.0);

  // Nothing reached the document.
  QCOMPARE(document.undoStack().count(), 0);
  QCOMPARE(LargeNumberEdit::parse(QStringLiteral("1.4 T")).value_or(0), 1.4e12);
  QCOMPARE(LargeNumberEdit::parse(QStringLiteral("")).value_or(-1), 0.0);
  QVERIFY(!LargeNumberEdit::parse(QStringLiteral("7x")));
}

void TestWorkloadPanel::poolDialogNeedsRacks() {
  Project project = bareTemplate();
  DesignDocument document(project);
  WorkloadPanel panel(document, mCatalog.catalog);
  PoolDialog dialog(panel.newPool(false), document.project(), {}, false);
  QVERIFY(!dialog.okButton()->isEnabled());
  QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Racks")), qPrintable(dialog.errorText()));
  dialog.rowList()->item(0)->setCheckState(Qt::Checked);
  QVERIFY(dialog.okButton()->isEnabled());
  dialog.nameEdit()->clear();
  QVERIFY(!dialog.okButton()->isEnabled());
  QVERIFY(dialog.errorText().startsWith(QStringLiteral("Name")));
}

void TestWorkloadPanel::chartsShowTheEnginesCurves() {
  Project project = bareTemplate();
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = project.halls().first().id();
  pool.name = QStringLiteral("All racks");
  pool.rows = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
  project.insertWorkloadPool(-1, pool);
  const Workload training = trainingOn(pool.id);
  project.insertWorkload(-1, training);
  Workload serving = training;
  serving.id = WorkloadId::create();
  serving.name = QStringLiteral("Llama 2 70B serving");
  serving.kind = WorkloadKind::Inference;
  serving.precision = Precision::FP8;
  serving.promptTokens = 1024;
  serving.outputTokens = 256;
  serving.requestsPerSecond = 10;
  project.insertWorkload(-1, serving);
  DesignDocument document(project);
  WorkloadPanel panel(document, mCatalog.catalog);
  const Analysis analysis = analyze(document.project(), mCatalog.catalog);
  panel.setAnalysis(analysis);
  const PoolSummary* summary = analysis.workload.pool(pool.id);
  QVERIFY(summary);
  QVERIFY(summary->gpus > 0);

  // Time to train: the engine's days at powers of two up to 4x the pool, the pool among them.
  panel.selectWorkload(training.id);
  const QList<int> counts = WorkloadCharts::gpuCounts(summary->gpus, summary->scaleUpDomainGpus);
  QVERIFY(counts.contains(summary->gpus));
  QVERIFY(counts.last() <= 4 * summary->gpus);
  QVERIFY(counts.last() * 2 > 4 * summary->gpus);
  const QList<double> days =
      trainingDaysByGpuCount(training, *summary, analysis.assumptions, counts);
  const QChart* time = panel.charts()->timeChart();
  QVERIFY(!time->series().isEmpty());
  const auto* curve = qobject_cast<const QXYSeries*>(time->series().first());
  QVERIFY(curve);
  int plotted = 0;
  for (int i = 0; i < counts.size(); ++i) {
    if (days[i] > 0) {
      QCOMPARE(curve->at(plotted).x(), double(counts[i]));
      QCOMPARE(curve->at(plotted).y(), days[i]);
      ++plotted;
    }
  }
  QCOMPARE(curve->count(), plotted);
  QVERIFY(plotted > 0);

  // Cost by precision: H100 has no FP4 math, and the chart says so.
  panel.selectWorkload(serving.id);
  const QChart* cost = panel.charts()->costChart();
  const auto axes = cost->axes(Qt::Vertical);
  QVERIFY(!axes.isEmpty());
  auto* categories = qobject_cast<QBarCategoryAxis*>(axes.first());
  QVERIFY(categories);
  const QList<double> usd = costPerMillionByPrecision(serving, *summary, analysis.assumptions,
                                                      WorkloadCharts::chartPrecisions());
  QCOMPARE(usd.size(), 4);
  QCOMPARE(summary->gpu.fp4DenseFlops, 0.0);
  QCOMPARE(usd[2], 0.0);
  bool fp4Named = false;
  for (const QString& name : categories->categories()) {
    fp4Named |= name.startsWith(QStringLiteral("FP4")) && name.contains(QStringLiteral("cannot"));
  }
  QVERIFY2(fp4Named, qPrintable(categories->categories().join(QStringLiteral(" | "))));
}

void TestWorkloadPanel::poolsDrawnOnTheFloorPlan() {
  const Project original = bareTemplate();
  DesignDocument document(original);
  FloorPlanScene scene(document, mCatalog.catalog);
  WorkloadPanel panel(document, mCatalog.catalog);
  const HallId hall = original.halls().first().id();
  QVERIFY(!scene.poolOverlayItem(hall));
  const QList<RackId> rowC = racksOfRow(original, QStringLiteral("C"));
  panel.setSelection(rowC);
  const WorkloadPool pool = panel.newPool(false);
  QCOMPARE(pool.rackIds, rowC);
  QVERIFY(panel.addPool(pool));
  const PoolOverlayItem* item = scene.poolOverlayItem(hall);
  QVERIFY(item);
  QCOMPARE(item->look().regions.size(), 1);
  QCOMPARE(item->look().regions.first().racks, int(rowC.size()));
  QCOMPARE(item->labels().size(), 1);
  QCOMPARE(item->labels().first()->name(), pool.name);
  QVERIFY(item->labels().first()->scene() == &scene);
  // The region holds every rack of the pool, grown by the margin.
  const QRectF area = item->look().regions.first().areaMm.boundingRect();
  for (RackId id : rowC) {
    const Rack* rack = document.project().findRack(id);
    QVERIFY(area.contains(QPointF(double(rack->positionMm().xMm), double(rack->positionMm().yMm))));
  }

  // Clicking the pool asks the floor plan to select its racks.
  panel.show();
  QCoreApplication::processEvents();
  QSignalSpy requested(&panel, &WorkloadPanel::poolRacksRequested);
  const QRect cell = panel.poolTable()->visualItemRect(panel.poolTable()->item(0, 0));
  QTest::mouseClick(panel.poolTable()->viewport(), Qt::LeftButton, {}, cell.center());
  QCOMPARE(requested.count(), 1);
  QCOMPARE(requested.first().first().value<QList<RackId>>(), rowC);

  scene.setPoolsVisible(false);
  QVERIFY(!scene.poolOverlayItem(hall));
  scene.setPoolsVisible(true);
  QVERIFY(scene.poolOverlayItem(hall));
  document.undoStack().undo();
  QVERIFY(!scene.poolOverlayItem(hall));
}

QTEST_MAIN(TestWorkloadPanel)
#include "tst_workloadpanel.moc"
