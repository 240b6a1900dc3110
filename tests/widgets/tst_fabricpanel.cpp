// SPDX-License-Identifier: GPL-3.0-or-later
// The Fabric panel, its spec dialog, the tray tool and the fabric overlay: the panel shows the
// fabric pass's counts for the 4-SU DGX SuperPOD H100 template (reference case 4, NVIDIA
// RA-11333-001 Table 4: 127 nodes, 1,016 GPUs, 32 leaves, 16 spines, 1,020 node(+UFM)-leaf and
// 1,024 leaf-spine cables); edits go through the generic undoable commands and bad input is
// refused with a message naming the field; the cable schedule reads 200,000 cables lazily.
#include "catalog/catalogloader.h"
#include "edit/designdocument.h"
#include "engine/analyze.h"
#include "fabric/cableschedulemodel.h"
#include "fabric/fabricpanel.h"
#include "fabric/fabricspecdialog.h"
#include "fabric/fabricsummaryview.h"
#include "fabric/traylistview.h"
#include "floorplan/fabricoverlayitem.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/traytool.h"
#include "format/quantityformat.h"
#include "templates/templateloader.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace dc;

namespace {
const QString kQm9700 = QStringLiteral("nvidia/qm9700");
const QString kTemplate = QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json");

RackId rackNamed(const Project& project, const QString& name) {
  for (const Rack& rack : project.racks()) {
    if (rack.name() == name) {
      return rack.id();
    }
  }
  return {};
}

/// The template's two InfiniBand fabrics as the RA builds them: compute on the switches of
/// N01-N03 (32 leaves + 16 spines, 4 leaf ports reserved for UFM), storage on N04's 16.
void addSuperPodFabrics(Project& project, FabricSpecId* computeId = nullptr) {
  const HallId hall = project.halls().first().id();
  FabricSpec compute;
  compute.id = FabricSpecId::create();
  compute.hallId = hall;
  compute.name = QStringLiteral("Compute fabric");
  compute.leafSwitchId = kQm9700;
  compute.reservedPorts = 4;  // RA Table 4: "compute + UFM"
  for (const char* name : {"N01", "N02", "N03"}) {
    compute.switchRackIds.append(rackNamed(project, QString::fromLatin1(name)));
  }
  project.insertFabricSpec(-1, compute);
  FabricSpec storage = compute;
  storage.id = FabricSpecId::create();
  storage.name = QStringLiteral("Storage fabric");
  storage.kind = FabricKind::Storage;
  storage.reservedPorts = 0;
  storage.switchRackIds = {rackNamed(project, QStringLiteral("N04"))};
  project.insertFabricSpec(-1, storage);
  if (computeId) {
    *computeId = compute.id;
  }
}
}  // namespace

class TestFabricPanel final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void showsTheFourSuTemplatesCounts();
  void specDialogRefusesOversubscriptionBelowOne();
  void undoOfAddFabricRemovesIt();
  void placeSwitchesIsOneUndoStep();
  void cableScheduleReads200000CablesLazily();
  void trayToolDrawsAndRefusesOutsideTheHall();
  void trayListRemovesATray();
  void overlayShowsBundlesByMediaAndOverFullSegments();

 private:
  CatalogLoadResult mCatalog;
};

/// The 4-SU template as the RA draws its floor, without the fabrics the template carries: each
/// test adds the ones it is about.
Project templateWithoutFabrics() {
  Project project = loadTemplateFile(kTemplate);
  for (const FabricSpec& spec : QList<FabricSpec>(project.fabricSpecs())) {
    project.removeFabricSpec(spec.id);
  }
  return project;
}

void TestFabricPanel::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
  QVERIFY(mCatalog.catalog.find(kQm9700));
}

void TestFabricPanel::showsTheFourSuTemplatesCounts() {
  Project project = templateWithoutFabrics();
  QVERIFY(project.fabricSpecs().isEmpty());  // add the RA's two
  FabricSpecId computeId;
  addSuperPodFabrics(project, &computeId);
  DesignAssumptions optical = project.assumptions();
  QVERIFY(
      optical.setChoice(QString::fromLatin1(assumption::kMediaPolicy), QStringLiteral("optical")));
  project.setAssumptions(optical);
  DesignDocument document(project);
  FabricPanel panel(document, mCatalog.catalog);
  panel.resize(1400, 320);
  panel.show();
  const Analysis analysis = analyze(document.project(), mCatalog.catalog);
  QCOMPARE(analysis.fabric.fabrics.size(), 2);
  panel.setAnalysis(analysis);
  panel.selectFabric(computeId);
  QCOMPARE(panel.currentFabricId(), computeId);

  // RA-11333-001 Table 4, 4 SU (reference case 4).
  const FabricSummaryView* view = panel.summaryView();
  using F = FabricSummaryView::Figure;
  QCOMPARE(view->figureText(F::FigNodes), QStringLiteral("127"));
  QCOMPARE(view->figureText(F::FigGpus), QStringLiteral("1,016"));
  QCOMPARE(view->figureText(F::FigLeaves), QStringLiteral("32 of 32 placed"));
  QCOMPARE(view->figureText(F::FigSpines), QStringLiteral("16 of 16 placed"));
  QCOMPARE(view->figureText(F::FigCores), QStringLiteral("0 of 0 placed"));
  QCOMPARE(view->figureText(F::FigCablesNodeLeaf), QStringLiteral("1,020"));
  QCOMPARE(view->figureText(F::FigCablesReserved), QStringLiteral("4"));
  QCOMPARE(view->figureText(F::FigCablesLeafSpine), QStringLiteral("1,024"));
  QCOMPARE(view->figureText(F::FigCablesSpineCore), QStringLiteral("0"));
  // RA Table 8: 1,536 switch OSFP transceivers (48 switches x 32 twin-port cages) and 508 on
  // the DGX systems (127 x 4): "all networking components are multi-mode fiber", the media
  // policy set above.
  QCOMPARE(view->figureText(F::FigTransceivers), QStringLiteral("1,536 / 508"));
  const int index = panel.summaryIndex(computeId);
  const FabricSummary& summary = analysis.fabric.fabrics[index];
  QVERIFY(!view->figureText(F::FigLongest).isEmpty());
  QVERIFY(view->figureText(F::FigLongest).endsWith(QStringLiteral(" m")));
  QVERIFY(view->figureText(F::FigOptics).endsWith(QStringLiteral("kW")));

  // The list row, the cable schedule and the BOM of the same fabric.
  QCOMPARE(panel.cableModel()->rowCount(), summary.cableCount);
  QCOMPARE(summary.cableCount, 1016 + 4 + 1024);  // node, reserved and leaf-spine links
  QVERIFY(panel.bomTable()->rowCount() > 0);
  // RA Table 8: 2,040 NDR cables, one fibre per link, beside the 4 reserved UFM ports.
  QVERIFY2(panel.bomTotals()->text().startsWith(QStringLiteral("2,040 cables for 2,040 links")),
           qPrintable(panel.bomTotals()->text()));
  QCOMPARE(panel.fabricTable()->item(0, FabricPanel::ColSwitches)->text(),
           QStringLiteral("48 / 48"));
  QVERIFY(!panel.placeButton()->isEnabled());  // nothing missing
}

void TestFabricPanel::specDialogRefusesOversubscriptionBelowOne() {
  Project project = templateWithoutFabrics();
  DesignDocument document(project);
  FabricPanel panel(document, mCatalog.catalog);
  FabricSpecDialog dialog(panel.newFabric(), document.project(), mCatalog.catalog, false);
  dialog.setSubmit(
      [&panel](const FabricSpec& spec, QString* error) { return panel.addFabric(spec, error); });
  QCOMPARE(dialog.spec().leafSwitchId, kQm9700);  // the hall's most mounted switch
  dialog.nameEdit()->setText(QStringLiteral("Compute"));
  dialog.leafOversubscriptionBox()->setValue(0.5);
  dialog.submit();
  QVERIFY2(dialog.errorText().startsWith(QStringLiteral("Leaf oversubscription")),
           qPrintable(dialog.errorText()));
  QVERIFY(dialog.errorText().contains(QStringLiteral("0.5")));
  QVERIFY(dialog.result() != QDialog::Accepted);
  QCOMPARE(document.undoStack().count(), 0);
  QVERIFY(document.project().fabricSpecs().isEmpty());
  // Nothing was lost: the name is still there; fixing the field adds the fabric.
  QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("Compute"));
  dialog.spineOversubscriptionBox()->setValue(0.8);
  dialog.leafOversubscriptionBox()->setValue(2.0);
  dialog.submit();
  QVERIFY(dialog.errorText().startsWith(QStringLiteral("Spine oversubscription")));
  dialog.spineOversubscriptionBox()->setValue(1.0);
  dialog.submit();
  QVERIFY(dialog.errorText().isEmpty());
  QCOMPARE(dialog.result(), int(QDialog::Accepted));
  QCOMPARE(document.project().fabricSpecs().size(), 1);
  QCOMPARE(document.project().fabricSpecs().first().leafOversubscription, 2.0);
  // An empty name is refused naming the field.
  FabricSpecDialog second(panel.newFabric(), document.project(), mCatalog.catalog, false);
  second.nameEdit()->clear();
  second.submit();
  QVERIFY(second.errorText().startsWith(QStringLiteral("Name")));
}

void TestFabricPanel::undoOfAddFabricRemovesIt() {
  Project project = templateWithoutFabrics();
  DesignDocument document(project);
  FabricPanel panel(document, mCatalog.catalog);
  const FabricSpec spec = panel.newFabric();
  QVERIFY(panel.addFabric(spec));
  QCOMPARE(document.project().fabricSpecs().size(), 1);
  QCOMPARE(panel.fabricTable()->item(0, FabricPanel::ColName)->text(), spec.name);
  QCOMPARE(panel.currentFabricId(), spec.id);
  QCOMPARE(document.undoStack().undoText(), QStringLiteral("Add fabric Compute fabric"));
  document.undoStack().undo();
  QVERIFY(document.project().fabricSpecs().isEmpty());
  QCoreApplication::processEvents();  // the panel rebuilds after the change
  QVERIFY(panel.currentFabricId().isNull());
  QVERIFY(panel.fabricTable()
              ->item(0, FabricPanel::ColName)
              ->text()
              .startsWith(QStringLiteral("No fabric yet")));
  document.undoStack().redo();
  QCOMPARE(document.project().fabricSpecs().size(), 1);
  // Remove is undoable too.
  QVERIFY(panel.removeFabric(spec.id));
  QVERIFY(document.project().fabricSpecs().isEmpty());
  document.undoStack().undo();
  QCOMPARE(document.project().fabricSpecs().first(), spec);
}

void TestFabricPanel::placeSwitchesIsOneUndoStep() {
  // Without N03 the compute fabric lacks 16 of its 48 switches.
  Project project = templateWithoutFabrics();
  project.removeRack(rackNamed(project, QStringLiteral("N03")));
  FabricSpecId computeId;
  FabricSpec compute;
  compute.id = computeId = FabricSpecId::create();
  compute.hallId = project.halls().first().id();
  compute.name = QStringLiteral("Compute fabric");
  compute.leafSwitchId = kQm9700;
  compute.reservedPorts = 4;
  compute.switchRackIds = {rackNamed(project, QStringLiteral("N01")),
                           rackNamed(project, QStringLiteral("N02"))};
  project.insertFabricSpec(-1, compute);
  DesignDocument document(project);
  FabricPanel panel(document, mCatalog.catalog);
  const Analysis before = analyze(document.project(), mCatalog.catalog);
  panel.setAnalysis(before);
  panel.selectFabric(computeId);
  const FabricSummary& summary = before.fabric.fabrics.first();
  QCOMPARE(summary.switchesNeeded, 48);
  QCOMPARE(summary.switchesPlaced, 32);
  QCOMPARE(FabricSummaryView::missingSwitches(summary).total(), 16);
  QVERIFY(panel.placeButton()->isEnabled());
  const qsizetype racks = document.project().racks().size();
  QString error;
  QVERIFY2(panel.placeSwitches(computeId, SwitchRowRequest{QStringLiteral("A"), 16}, &error),
           qPrintable(error));
  QCOMPARE(document.undoStack().count(), 1);
  QCOMPARE(document.project().racks().size(), racks + 1);
  const Rack& added = document.project().racks().last();
  QCOMPARE(added.row(), QStringLiteral("A"));
  QCOMPARE(added.mounts().size(), 16);
  QCOMPARE(document.project().findFabricSpec(computeId)->switchRackIds.size(), 3);
  const Analysis after = analyze(document.project(), mCatalog.catalog);
  QCOMPARE(after.fabric.fabrics.first().switchesPlaced, 48);
  document.undoStack().undo();
  QCOMPARE(document.project().racks().size(), racks);
  QCOMPARE(document.project().findFabricSpec(computeId)->switchRackIds.size(), 2);
}

void TestFabricPanel::cableScheduleReads200000CablesLazily() {
  // 200,000 cables between two racks: the model answers from the vector, row by row.
  Project project = templateWithoutFabrics();
  auto result = std::make_shared<FabricResult>();
  FabricSummary summary;
  summary.name = QStringLiteral("Big");
  summary.firstCable = 0;
  summary.cableCount = 200'000;
  result->fabrics.append(summary);
  LinkChoice dac;
  dac.mediaClass = QStringLiteral("passive-copper");
  dac.partNumber = QStringLiteral("MCP4Y10-N002");
  result->choices.append(dac);
  result->cables.resize(200'000);
  for (int i = 0; i < 200'000; ++i) {
    Cable& c = result->cables[std::size_t(i)];
    c.a = CableEnd{0, 0, 0, i % 8};
    c.z = CableEnd{1, -1, 1, i % 64};
    c.routedMm = 1'000 + i % 5'000;
    c.choice = 0;
  }
  CableScheduleModel model;
  model.setFabric(result, 0, project.racks());
  QCOMPARE(model.rowCount(), 200'000);
  const QModelIndex last = model.index(199'999, CableScheduleModel::ColLength);
  // 1,000 + 199,999 % 5,000 = 5,999 mm: three significant digits in metres.
  QCOMPARE(model.data(last).toString(), QStringLiteral("6.00"));
  QCOMPARE(model.data(model.index(199'999, CableScheduleModel::ColAPort)).toString(),
           QStringLiteral("8"));  // 199,999 % 8 = 7, shown 1-based
  QCOMPARE(model.data(model.index(199'999, CableScheduleModel::ColARack)).toString(),
           project.racks()[0].name());
  QCOMPARE(model.data(model.index(0, CableScheduleModel::ColPart)).toString(),
           QStringLiteral("MCP4Y10-N002"));
  QCOMPARE(model.data(model.index(0, CableScheduleModel::ColMedia)).toString(),
           QStringLiteral("Passive copper (DAC)"));
  QTableView view;
  view.setModel(&model);
  view.resize(800, 400);
  view.show();
  view.scrollToBottom();
  QCoreApplication::processEvents();
  QVERIFY(view.rowAt(view.viewport()->height() - 2) > 199'900);
}

void TestFabricPanel::trayToolDrawsAndRefusesOutsideTheHall() {
  Project project = templateWithoutFabrics();  // Hall A: 12.6 x 12.6 m
  DesignDocument document(project);
  TrayTool tool(document);
  tool.start();
  QVERIFY(tool.isActive());
  tool.press({PointMm{1'000, 3'400}});  // snaps to 300 mm: (900, 3300)
  tool.press({PointMm{9'000, 3'400}});
  tool.press({PointMm{9'000, 3'400}});  // the double-click's repeat is ignored
  tool.press({PointMm{9'000, 7'000}});
  QCOMPARE(tool.points().size(), 3);
  QVERIFY(tool.finish());
  QVERIFY(!tool.isActive());
  QCOMPARE(document.project().cableTrays().size(), 1);
  const CableTray& tray = document.project().cableTrays().first();
  QCOMPARE(tray.name, QStringLiteral("T-1"));
  QCOMPARE(tray.pathMm.first(), (PointMm{900, 3'300}));
  QCOMPARE(tray.heightMm, 2'800);  // the design assumption fabric.trayHeightMm (its default)
  QCOMPARE(tray.widthMm, 600);
  QCOMPARE(tray.depthMm, 100);
  QCOMPARE(tray.kind, TrayKind::Ladder);
  document.undoStack().undo();
  QVERIFY(document.project().cableTrays().isEmpty());

  // Outside the 12.6 m hall: refused, naming the tray and the hall; the points stay for a fix.
  tool.start();
  tool.press({PointMm{6'000, 3'000}});
  tool.press({PointMm{14'000, 3'000}});
  QString error;
  QVERIFY(!tool.finish(&error));
  QVERIFY2(error.contains(QStringLiteral("T-1")) && error.contains(QStringLiteral("Hall A")),
           qPrintable(error));
  QVERIFY(tool.isActive());
  QVERIFY(document.project().cableTrays().isEmpty());
  tool.cancel();  // Esc
  QVERIFY(!tool.isActive());
  QVERIFY(tool.points().isEmpty());
  // One point is not a tray.
  tool.start();
  tool.press({PointMm{6'000, 3'000}});
  QVERIFY(!tool.finish(&error));
  QVERIFY(error.contains(QStringLiteral("two points")));
  QCOMPARE(document.undoStack().count(), 1);  // only the undone first tray
}

void TestFabricPanel::trayListRemovesATray() {
  Project project = templateWithoutFabrics();
  CableTray tray;
  tray.id = CableTrayId::create();
  tray.hallId = project.halls().first().id();
  tray.name = QStringLiteral("T-1");
  tray.pathMm = {{1'200, 3'600}, {9'000, 3'600}};
  project.insertCableTray(-1, tray);
  DesignDocument document(project);
  FabricPanel panel(document, mCatalog.catalog);
  TrayListView* trays = panel.trayList();
  QVERIFY(trays->table()->rowCount() >= 1);
  QCOMPARE(trays->table()->item(0, TrayListView::ColName)->text(), QStringLiteral("T-1"));
  trays->table()->selectRow(0);
  QCOMPARE(trays->currentTrayId(), tray.id);
  QVERIFY(trays->removeButton()->isEnabled());
  trays->removeButton()->click();
  QVERIFY(document.project().cableTrays().isEmpty());
  document.undoStack().undo();
  QCOMPARE(document.project().cableTrays().size(), 1);
}

void TestFabricPanel::overlayShowsBundlesByMediaAndOverFullSegments() {
  Project project = templateWithoutFabrics();
  const HallId hall = project.halls().first().id();
  FabricResult result;
  TrayUse use;
  use.hallId = hall;
  use.name = QStringLiteral("default-1");
  use.pathMm = {{1'000, 3'600}, {5'000, 3'600}, {9'000, 3'600}};
  use.widthMm = 600.0;
  use.capacityMm2 = 600.0 * 100.0;
  use.fillLimitPct = 50.0;
  use.worstFillPct = 80.0;            // on the first segment (400 links)
  use.segmentFillPct = {80.0, 40.0};  // the engine's per segment; the overlay draws them as given
  use.segmentLinks = {{{QStringLiteral("passive-copper"), 300}, {QStringLiteral("multimode"), 100}},
                      {{QStringLiteral("multimode"), 200}}};
  result.trays.append(use);
  const FabricOverlayLook look = FabricOverlayItem::lookFor(result, hall);
  QCOMPARE(look.trays.size(), 1);
  const FabricOverlayLook::Tray& tray = look.trays.first();
  QVERIFY(tray.generated);
  QCOMPARE(tray.widthMm, 600.0);
  QCOMPARE(tray.segments.size(), 2);
  QCOMPARE(tray.segments[0].links, 400);
  QCOMPARE(tray.segments[0].media, QStringLiteral("passive-copper"));
  QVERIFY(tray.segments[0].overFill);  // 80 % > 50 %
  QCOMPARE(tray.segments[1].media, QStringLiteral("multimode"));
  QCOMPARE(tray.segments[1].fillPct, 40.0);
  QVERIFY(!tray.segments[1].overFill);
  QCOMPARE(look.maxLinks, 400);
  QCOMPARE(look.bundleWidthMm(400, 600.0), 480.0);  // 80 % of the tray
  QCOMPARE(look.bundleWidthMm(200, 600.0), 240.0);
  QCOMPARE(look.media,
           (QStringList{QStringLiteral("passive-copper"), QStringLiteral("multimode")}));

  // On the scene: one overlay item per hall while the Fabric overlay is on; its legend.
  DesignDocument document(project);
  FloorPlanScene scene(document, mCatalog.catalog);
  Analysis analysis = analyze(document.project(), mCatalog.catalog);
  analysis.fabric = result;
  scene.setAnalysis(analysis);
  QVERIFY(!scene.fabricOverlayItem(hall));
  scene.setOverlay(FloorOverlay::Fabric);
  QVERIFY(scene.fabricOverlayItem(hall));
  QCOMPARE(scene.fabricOverlayItem(hall)->look().trays.size(), 1);
  QStringList labels;
  for (const LegendEntry& entry : scene.legend().entries) {
    labels.append(entry.label);
  }
  QVERIFY2(labels.contains(QStringLiteral("Passive copper (DAC)")), qPrintable(labels.join(',')));
  QVERIFY(labels.contains(QStringLiteral("Multimode fibre")));
  QVERIFY(labels.contains(QStringLiteral("over fill limit")));
  scene.setOverlay(FloorOverlay::Power);
  QVERIFY(!scene.fabricOverlayItem(hall));
}

QTEST_MAIN(TestFabricPanel)
#include "tst_fabricpanel.moc"
