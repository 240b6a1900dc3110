// SPDX-License-Identifier: GPL-3.0-or-later
// The floor plan as a user drives it: catalog drags dropped on the view, rack drags with the
// mouse, undo and redo. Runs on the offscreen platform.
#include "catalog/catalogloader.h"
#include "catalog/catalogmodel.h"
#include "edit/cmdmoveracks.h"
#include "edit/cmdobjects.h"
#include "edit/cmdremoveracks.h"
#include "edit/cmdrotateracks.h"
#include "edit/designdocument.h"
#include "engine/analyze.h"
#include "fixturecatalog.h"
#include "floorplan/coolingunititem.h"
#include "floorplan/floorpalette.h"
#include "floorplan/floorplanscene.h"
#include "floorplan/floorplanview.h"
#include "floorplan/heatmapitem.h"
#include "floorplan/rackitem.h"
#include "panels/propertiespanel.h"
#include "testprinters.h"

#include <QComboBox>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace dc;

class TestFloorPlan final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void init();
  void cleanup();
  void dropRackSnapsToTileGrid();
  void dropServerOnFloorMakesDefaultRack();
  void dropServerOnRackMountsIt();
  void dropOfUnplaceableItemChangesNothing();
  void dropIsUndoable();
  void mouseDragMovesSelectionByWholeTilesInOneStep();
  void sceneFollowsAnalysis();
  void coolingUnitIsDrawnApart();
  void coolingUnitDragIsOneStep();
  void rearDoorDropFitsAndShowsTheBar();
  void coolingOverlaysShowTheCoolingResult();
  void heatMapIsSolvedOncePerAnalysis();
  void failureOverlayShowsCoolingLoss();
  void propertiesShowCoolingAsCooling();
  void bothOverlappingRacksAreMarked();
  void droppedAndRestoredRacksBecomeTheSelection();
  void rubberBandSelectsTheRacksItTouches();
  void powerBandsComeFromTheAssumptions();
  void feedLoadingOverlayShowsAnOverloadedPdu();
  void failureOverlayShowsVerdictsAndCounts();

 private:
  bool drop(const QString& catalogId, QPointF scenePos);
  Project hallProject() const;

  CatalogLoadResult mCatalog;
  std::unique_ptr<DesignDocument> mDocument;
  FloorPlanScene* mScene = nullptr;
  std::unique_ptr<FloorPlanView> mView;
};

void TestFloorPlan::initTestCase() {
  mCatalog = test::loadFixtureCatalog();
  CatalogItem door;
  door.id = QStringLiteral("test/rear-door");
  door.vendor = QStringLiteral("Test");
  door.model = QStringLiteral("Door 50");
  door.kind = ItemKind::RearDoor;
  door.figures.insert(QStringLiteral("coolingUnit.capacityW"), SpecValue{50'000.0});
  mCatalog.catalog.addOrReplace(door);
}

Project TestFloorPlan::hallProject() const {
  Project project;
  project.insertHall(-1, Hall(HallId::create(), QStringLiteral("Test hall"),
                              PolygonMm{{0, 0}, {12'000, 0}, {12'000, 9'000}, {0, 9'000}}));
  return project;
}

void TestFloorPlan::init() {
  mDocument = std::make_unique<DesignDocument>(hallProject());
  mScene = new FloorPlanScene(*mDocument, mCatalog.catalog);
  mScene->setDefaultRackTypeId(QStringLiteral("apc/ar3300"));
  mView = std::make_unique<FloorPlanView>(mScene);
  mScene->setParent(mView.get());
  mView->resize(1000, 800);
  mView->show();
  QVERIFY(QTest::qWaitForWindowExposed(mView.get()));
  mView->zoomToFit();
}

void TestFloorPlan::cleanup() {
  mView.reset();
  mDocument.reset();
}

/// Sends the drag-enter, drag-move and drop a real drag from the catalog dock produces.
bool TestFloorPlan::drop(const QString& catalogId, QPointF scenePos) {
  QMimeData data;
  data.setData(QString::fromLatin1(kCatalogIdMimeType), catalogId.toUtf8());
  const QPoint at = mView->mapFromScene(scenePos);
  QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(mView->viewport(), &enter);
  QDragMoveEvent move(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(mView->viewport(), &move);
  if (!move.isAccepted()) {
    return false;
  }
  QDropEvent dropEvent(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(mView->viewport(), &dropEvent);
  return dropEvent.isAccepted();
}

void TestFloorPlan::dropRackSnapsToTileGrid() {
  // A 600 × 1200 mm rack dropped at (2750, 3130): its corner (2450, 2530) snaps to the nearest
  // 600 mm tile corner (2400, 2400), so its centre is (2700, 3000).
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  QCOMPARE(mDocument->project().racks().size(), 1);
  const Rack& rack = mDocument->project().racks().first();
  QCOMPARE(rack.rackTypeId(), QStringLiteral("apc/ar3300"));
  QCOMPARE(rack.positionMm(), (PointMm{2700, 3000}));
  QCOMPARE(rack.name(), QStringLiteral("R01"));
  QVERIFY(rack.mounts().isEmpty());
  QCOMPARE(mScene->rackItemCount(), 1);
  QCOMPARE(mScene->rackItem(rack.id())->pos(), QPointF(2700, 3000));
}

void TestFloorPlan::dropServerOnFloorMakesDefaultRack() {
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(6100, 4100)));
  QCOMPARE(mDocument->project().racks().size(), 1);
  const Rack& rack = mDocument->project().racks().first();
  QCOMPARE(rack.rackTypeId(), QStringLiteral("apc/ar3300"));
  QCOMPARE(rack.mounts().size(), 1);
  QCOMPARE(rack.mounts().first().catalogId, QStringLiteral("nvidia/dgx-h100"));
  QCOMPARE(rack.mounts().first().lowestU, 1);
  // corner (5800, 3500) -> (6000, 3600): centre (6300, 4200)
  QCOMPARE(rack.positionMm(), (PointMm{6300, 4200}));
}

void TestFloorPlan::dropServerOnRackMountsIt() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  for (int n = 0; n < 4; ++n) {
    QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  }
  QCOMPARE(mDocument->project().racks().size(), 1);
  const Rack* rack = mDocument->project().findRack(id);
  QCOMPARE(rack->mounts().size(), 4);
  // 8U each, stacked from U1: U1, U9, U17, U25.
  QCOMPARE(rack->mounts()[3].lowestU, 25);
  // Four DGX H100 at 10.2 kW max each (NVIDIA DGX H100 User Guide): 40.8 kW, the rack of
  // reference case 14 (DGX SuperPOD H100 RA: "power consumption per rack exceeds 40 kW").
  QCOMPARE(analyze(mDocument->project(), mCatalog.catalog).power.racks.value(id).maxPowerW.value,
           40'800.0);
  // A fifth 8U server still fits in 42U (U33–U40); a sixth does not and is refused.
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  QSignalSpy failed(mScene, &FloorPlanScene::placementFailed);
  QVERIFY(!drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  QCOMPARE(failed.size(), 1);
  QVERIFY(failed.first().first().toString().contains(QStringLiteral("free rack units")));
  QCOMPARE(mDocument->project().findRack(id)->mounts().size(), 5);
  const Analysis analysis = analyze(mDocument->project(), mCatalog.catalog);
  QCOMPARE(analysis.power.racks.value(id).maxPowerW.value, 5 * 10'200.0);
}

void TestFloorPlan::dropOfUnplaceableItemChangesNothing() {
  QSignalSpy failed(mScene, &FloorPlanScene::placementFailed);
  QVERIFY(!drop(QStringLiteral("nvidia/h100-sxm"), QPointF(3000, 3000)));
  QVERIFY(!drop(QStringLiteral("no/such-item"), QPointF(3000, 3000)));
  QCOMPARE(failed.size(), 2);
  QVERIFY(failed.last().first().toString().contains(QStringLiteral("no/such-item")));
  QVERIFY(mDocument->project().racks().isEmpty());
  QCOMPARE(mDocument->undoStack().count(), 0);
}

void TestFloorPlan::dropIsUndoable() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const Rack placed = mDocument->project().racks().first();
  mDocument->undoStack().undo();
  QVERIFY(mDocument->project().racks().isEmpty());
  QCOMPARE(mScene->rackItemCount(), 0);
  mDocument->undoStack().redo();
  QCOMPARE(mDocument->project().racks().size(), 1);
  QCOMPARE(mDocument->project().racks().first(), placed);
  QVERIFY(mScene->rackItem(placed.id()));
}

void TestFloorPlan::mouseDragMovesSelectionByWholeTilesInOneStep() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(3350, 3130)));
  QCOMPARE(mDocument->project().racks()[1].positionMm(), (PointMm{3300, 3000}));
  mScene->selectRacks({mDocument->project().racks()[0].id(), mDocument->project().racks()[1].id()});
  const int stepsBefore = mDocument->undoStack().count();

  const QPoint press = mView->mapFromScene(QPointF(2700, 3000));
  QTest::mousePress(mView->viewport(), Qt::LeftButton, Qt::NoModifier, press);
  // Drag by about +1 300 mm in x and +650 mm in y, through several intermediate moves.
  for (int i = 1; i <= 5; ++i) {
    const QPoint p = mView->mapFromScene(QPointF(2700 + 260.0 * i, 3000 + 130.0 * i));
    QMouseEvent move(QEvent::MouseMove, p, mView->viewport()->mapToGlobal(p), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(mView->viewport(), &move);
  }
  const QPoint end = mView->mapFromScene(QPointF(4000, 3650));
  QTest::mouseRelease(mView->viewport(), Qt::LeftButton, Qt::NoModifier, end);

  // Whole tiles: +1 300 -> +1 200, +650 -> +600; both racks keep their spacing.
  QCOMPARE(mDocument->project().racks()[0].positionMm(), (PointMm{3900, 3600}));
  QCOMPARE(mDocument->project().racks()[1].positionMm(), (PointMm{4500, 3600}));
  QCOMPARE(mDocument->undoStack().count(), stepsBefore + 1);
  mDocument->undoStack().undo();
  QCOMPARE(mDocument->project().racks()[0].positionMm(), (PointMm{2700, 3000}));
  QCOMPARE(mDocument->project().racks()[1].positionMm(), (PointMm{3300, 3000}));
}

void TestFloorPlan::sceneFollowsAnalysis() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  mScene->setAnalysis(analyze(mDocument->project(), mCatalog.catalog));
  QCOMPARE(mScene->rackItem(id)->look().powerLabel, QStringLiteral("10.2 kW"));
  QCOMPARE(mScene->rackItem(id)->look().maxPowerW, 10'200.0);
  QVERIFY(!mScene->rackItem(id)->look().hasError);
  QVERIFY(!mScene->rackItem(id)->look().coolingUnit);
}

// A dropped in-row cooler is a cooling unit, not a rack: its own item at its 300 × 1200 footprint
// in the cooling-unit colour with its name, never a power band a reader would add to IT load.
void TestFloorPlan::coolingUnitIsDrawnApart() {
  QVERIFY(drop(QStringLiteral("fixture/in-row-cooler"), QPointF(2750, 3130)));
  QVERIFY(mDocument->project().racks().isEmpty());
  QCOMPARE(mDocument->project().coolingUnits().size(), 1);
  const CoolingUnit cooler = mDocument->project().coolingUnits().first();
  QCOMPARE(cooler.name, QStringLiteral("C01"));
  mScene->setAnalysis(analyze(mDocument->project(), mCatalog.catalog));
  QCOMPARE(mScene->rackItemCount(), 0);
  QCOMPARE(mScene->coolingUnitItemCount(), 1);
  const CoolingUnitItem* item = mScene->coolingUnitItem(cooler.id);
  QVERIFY(item);
  QCOMPARE(item->look().name, QStringLiteral("C01"));
  QCOMPARE(item->look().fill, coolingUnitColor());
  QVERIFY(item->look().published);
  QCOMPARE(item->look().footprintMm.widthMm(), std::int64_t(300));
  QCOMPARE(item->look().footprintMm.heightMm(), std::int64_t(1'200));
  QCOMPARE(item->pos(), QPointF(cooler.positionMm.xMm, cooler.positionMm.yMm));
  QCOMPARE(mScene->selectedCoolingUnitIds(), QList<CoolingUnitId>{cooler.id});  // just dropped
  mDocument->undoStack().undo();
  QCOMPARE(mScene->coolingUnitItemCount(), 0);
  mDocument->undoStack().redo();
  QVERIFY(mScene->coolingUnitItem(cooler.id));
}

// A cooling unit drag previews the item and ends in one CmdReplaceObject: one undo step, the
// model untouched until the release.
void TestFloorPlan::coolingUnitDragIsOneStep() {
  QVERIFY(drop(QStringLiteral("fixture/in-row-cooler"), QPointF(2750, 3130)));
  const CoolingUnit cooler = mDocument->project().coolingUnits().first();
  const PointMm start = cooler.positionMm;
  const int steps = mDocument->undoStack().count();
  const QPoint press = mView->mapFromScene(QPointF(start.xMm, start.yMm));
  QTest::mousePress(mView->viewport(), Qt::LeftButton, Qt::NoModifier, press);
  for (int i = 1; i <= 4; ++i) {
    const QPoint p = mView->mapFromScene(QPointF(start.xMm + 310.0 * i, start.yMm));
    QMouseEvent move(QEvent::MouseMove, p, mView->viewport()->mapToGlobal(p), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(mView->viewport(), &move);
  }
  QCOMPARE(mDocument->project().coolingUnits().first().positionMm, start);  // only previewed
  QCOMPARE(mScene->coolingUnitItem(cooler.id)->pos().x(), double(start.xMm + 1'200));
  const QPoint end = mView->mapFromScene(QPointF(start.xMm + 1'240, start.yMm));
  QTest::mouseRelease(mView->viewport(), Qt::LeftButton, Qt::NoModifier, end);
  QCOMPARE(mDocument->project().coolingUnits().first().positionMm,
           (PointMm{start.xMm + 1'200, start.yMm}));
  QCOMPARE(mDocument->undoStack().count(), steps + 1);
  QCOMPARE(mScene->coolingUnitItem(cooler.id)->pos().x(), double(start.xMm + 1'200));
  mDocument->undoStack().undo();
  QCOMPARE(mDocument->project().coolingUnits().first().positionMm, start);
  QCOMPARE(mScene->coolingUnitItem(cooler.id)->pos().x(), double(start.xMm));

  // R turns it, Del deletes it: one step each, through the scene's selection.
  mScene->selectCoolingUnits({cooler.id});
  QVERIFY(mScene->rotateSelection());
  QCOMPARE(mDocument->project().coolingUnits().first().rotationDeg, 90);
  QCOMPARE(mScene->coolingUnitItem(cooler.id)->look().footprintMm.widthMm(), std::int64_t(1'200));
  QVERIFY(mScene->deleteSelection());
  QVERIFY(mDocument->project().coolingUnits().isEmpty());
  QCOMPARE(mScene->coolingUnitItemCount(), 0);
  mDocument->undoStack().undo();
  QCOMPARE(mScene->coolingUnitItemCount(), 1);
}

// A rear door dropped on a rack is fitted (one step) and drawn as a bar on the rack's back edge;
// on empty floor it is refused with a message saying where it goes.
void TestFloorPlan::rearDoorDropFitsAndShowsTheBar() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  QSignalSpy failed(mScene, &FloorPlanScene::placementFailed);
  QVERIFY(!drop(QStringLiteral("test/rear-door"), QPointF(8000, 6000)));
  QCOMPARE(failed.size(), 1);
  QVERIFY2(
      failed.last().first().toString().contains(QStringLiteral("drop a rear door onto a rack")),
      qPrintable(failed.last().first().toString()));
  QVERIFY(drop(QStringLiteral("test/rear-door"), QPointF(2700, 3000)));
  const Rack& rack = *mDocument->project().findRack(id);
  QCOMPARE(rack.rearDoorId(), QStringLiteral("test/rear-door"));
  QCOMPARE(rack.coolingMode(), CoolingMode::RearDoor);
  const RackItem* item = mScene->rackItem(id);
  QCOMPARE(item->look().rearDoorLabel, QStringLiteral("Test Door 50"));
  // Rotation 0: front up the drawing, the door along the bottom (back) edge, 120 mm thick.
  QCOMPARE(item->rearDoorRect(), QRectF(-300, 480, 600, 120));
  mDocument->undoStack().push(new CmdRotateRacks(*mDocument, {id}, 90));
  QCOMPARE(mScene->rackItem(id)->rearDoorRect(), QRectF(-600, -300, 120, 600));  // back: left
  // A second drop of the same door says so.
  QVERIFY(!drop(QStringLiteral("test/rear-door"), QPointF(2700, 3000)));
  QVERIFY(failed.last().first().toString().contains(QStringLiteral("already has")));
}

// The cooling overlays read the cooling result: the recommended option's colour with a marker
// where the chosen mode fails; the share to liquid on its ramp with the kW to liquid.
void TestFloorPlan::coolingOverlaysShowTheCoolingResult() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  Analysis analysis = analyze(mDocument->project(), mCatalog.catalog);
  RackCooling& cooling = analysis.cooling.racks[id];
  cooling.recommended = CoolingOption::DirectToChip;
  cooling.modeHolds = false;
  cooling.reason = QStringLiteral("48 kW: over the air limit");
  cooling.heatW.value = 48'000.0;
  cooling.heatToLiquidW.value = 36'000.0;
  cooling.heatToAirW.value = 12'000.0;
  mScene->setAnalysis(analysis);
  mScene->setOverlay(FloorOverlay::Cooling);
  QCOMPARE(mScene->rackItem(id)->look().fill, coolingOptionColor(CoolingOption::DirectToChip));
  QVERIFY(mScene->rackItem(id)->look().modeFails);
  QVERIFY(
      mScene->rackItem(id)->look().overlayDetail.contains(QStringLiteral("over the air limit")));
  QCOMPARE(mScene->legend().title, QStringLiteral("Recommended cooling"));
  QCOMPARE(mScene->legend().entries[3].label, coolingOptionName(CoolingOption::DirectToChip));
  mScene->setOverlay(FloorOverlay::HeatToLiquid);
  QCOMPARE(mScene->rackItem(id)->look().fill, liquidShareColor(0.75));
  QCOMPARE(mScene->rackItem(id)->look().overlayLabel, QStringLiteral("36.0 kW"));
  QVERIFY(!mScene->rackItem(id)->look().modeFails);
  QCOMPARE(mScene->legend().entries.first().label, QStringLiteral("0 %"));
  QCOMPARE(mScene->legend().entries[4].label, QStringLiteral("100 %"));
}

// The heat map is solved once per analysis shown with the overlay on, not on every repaint or
// overlay switch; the legend gives the ramp in °C.
void TestFloorPlan::heatMapIsSolvedOncePerAnalysis() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  QVERIFY(drop(QStringLiteral("fixture/in-row-cooler"), QPointF(3500, 3130)));
  const HallId hall = mDocument->project().halls().first().id();
  const Analysis analysis = analyze(mDocument->project(), mCatalog.catalog);
  mScene->setAnalysis(analysis);
  QCOMPARE(mScene->heatMapSolveCount(), 0);  // overlay off: nothing solved
  QVERIFY(!mScene->heatMapItem(hall));
  mScene->setOverlay(FloorOverlay::HeatMap);
  QCOMPARE(mScene->heatMapSolveCount(), 1);
  QVERIFY(mScene->heatMapItem(hall));
  QVERIFY(!mScene->heatMapItem(hall)->image().isNull());
  mView->viewport()->repaint();
  mScene->setOverlay(FloorOverlay::Power);
  QVERIFY(!mScene->heatMapItem(hall));
  mScene->setOverlay(FloorOverlay::HeatMap);
  QCOMPARE(mScene->heatMapSolveCount(), 1);  // same analysis: the cached map
  const FloorLegend legend = mScene->legend();
  QVERIFY2(legend.title.contains(QStringLiteral("hottest")), qPrintable(legend.title));
  QVERIFY(legend.entries.first().label.endsWith(QStringLiteral(" °C")));
  mScene->setAnalysis(analysis);
  QCOMPARE(mScene->heatMapSolveCount(), 2);
}

// A CDU or CRAH loss: the failure overlay shows the cooling pass's verdicts.
void TestFloorPlan::failureOverlayShowsCoolingLoss() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  Analysis analysis = analyze(mDocument->project(), mCatalog.catalog);
  analysis.cooling.failure.scenario.kind = FailureScenario::Kind::Crah;
  analysis.cooling.failure.description = QStringLiteral("CRAH C01 lost");
  analysis.cooling.failure.racks.insert(
      id, RackOutcome{RackVerdict::Degraded, QStringLiteral("air zone keeps 93 %")});
  analysis.cooling.failure.degraded = 1;
  mScene->setAnalysis(analysis);
  mScene->setOverlay(FloorOverlay::Failure);
  QCOMPARE(mScene->rackItem(id)->look().fill, verdictColor(RackVerdict::Degraded));
  QCOMPARE(mScene->rackItem(id)->look().overlayDetail, QStringLiteral("air zone keeps 93 %"));
  QCOMPARE(mScene->legend().title, QStringLiteral("CRAH C01 lost: 0 hold · 1 degraded · 0 down"));
}

void TestFloorPlan::bothOverlappingRacksAreMarked() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(5000, 3130)));
  const RackId a = mDocument->project().racks()[0].id();
  const RackId b = mDocument->project().racks()[1].id();
  // Move B half over A through the command stack, then show the analysis.
  mDocument->undoStack().push(new CmdMoveRacks(*mDocument, {{b, PointMm{3000, 3000}}}));
  mScene->setAnalysis(analyze(mDocument->project(), mCatalog.catalog));
  QVERIFY(mScene->rackItem(a)->look().hasError);
  QVERIFY(mScene->rackItem(b)->look().hasError);
}

void TestFloorPlan::droppedAndRestoredRacksBecomeTheSelection() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(5000, 3130)));
  const RackId a = mDocument->project().racks()[0].id();
  const RackId b = mDocument->project().racks()[1].id();
  QCOMPARE(mScene->selectedRackIds(), QList<RackId>{b});  // the rack just dropped
  mDocument->undoStack().push(new CmdRemoveRacks(*mDocument, {a, b}));
  QVERIFY(mScene->selectedRackIds().isEmpty());
  mDocument->undoStack().undo();  // both come back, selected
  QCOMPARE(mScene->selectedRackIds(), (QList<RackId>{a, b}));
}

void TestFloorPlan::rubberBandSelectsTheRacksItTouches() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));  // centre (2700, 3000)
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(3350, 3130)));  // centre (3300, 3000)
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(8150, 7330)));  // far away
  mScene->clearSelection();
  // Drag a band over empty floor from (2100, 1800) to (3700, 2600): it crosses the top of the
  // first two racks (y 2400–3600) and nothing else.
  const QPoint from = mView->mapFromScene(QPointF(2100, 1800));
  const QPoint to = mView->mapFromScene(QPointF(3700, 2600));
  QTest::mousePress(mView->viewport(), Qt::LeftButton, Qt::NoModifier, from);
  for (int i = 1; i <= 4; ++i) {
    const QPoint p = from + (to - from) * i / 4;
    QMouseEvent move(QEvent::MouseMove, p, mView->viewport()->mapToGlobal(p), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(mView->viewport(), &move);
  }
  QTest::mouseRelease(mView->viewport(), Qt::LeftButton, Qt::NoModifier, to);
  const QList<RackId> expected{mDocument->project().racks()[0].id(),
                               mDocument->project().racks()[1].id()};
  QCOMPARE(mScene->selectedRackIds(), expected);
  QCOMPARE(mDocument->project().racks()[0].positionMm(), (PointMm{2700, 3000}));  // not moved
}

// The kW bands are design assumptions: moving band 1 below a 10.2 kW rack moves it up a colour,
// and the legend names the new edges.
void TestFloorPlan::powerBandsComeFromTheAssumptions() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  mScene->setAnalysis(analyze(mDocument->project(), mCatalog.catalog));
  QCOMPARE(mScene->rackItem(id)->look().fill, powerBandColors()[0]);  // 10.2 kW < 15 kW
  QCOMPARE(mScene->legend().entries.first().label, QStringLiteral("< 15 kW"));
  QCOMPARE(mScene->legend().entries[5].label, QStringLiteral("≥ 300 kW"));

  Project project = mDocument->project();
  DesignAssumptions assumptions = project.assumptions();
  assumptions.setValue(QString::fromLatin1(assumption::kBand1W), 5'000.0);
  const Analysis analysis =
      analyze(DesignSnapshot{project, mCatalog.catalog, assumptions, FailureScenario{}});
  mScene->setAnalysis(analysis);
  QCOMPARE(mScene->rackItem(id)->look().fill, powerBandColors()[1]);  // 5–30 kW now
  QCOMPARE(mScene->legend().entries.first().label, QStringLiteral("< 5 kW"));
  QCOMPARE(mScene->legend().entries[1].label, QStringLiteral("5–30 kW"));
}

// A rack whose PDU carries 120 % of its rating: the feed-loading overlay paints it in the
// overloaded colour with its figures, where the power overlay showed its kW band.
void TestFloorPlan::feedLoadingOverlayShowsAnOverloadedPdu() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(5000, 3130)));
  const RackId loaded = mDocument->project().racks()[0].id();
  const RackId bare = mDocument->project().racks()[1].id();
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  Analysis analysis = analyze(mDocument->project(), mCatalog.catalog);
  // The scene shows what the engine found; give the rack one overloaded PDU on feed A.
  PduLoad pdu;
  pdu.label = QStringLiteral("PDU 1 (feed A)");
  pdu.feed = PowerFeed::A;
  pdu.normal.loadingPct = 60.0;
  pdu.failover.loadingPct = 120.0;
  analysis.power.racks[loaded].pdus = {pdu};
  analysis.power.racks[loaded].pduLoadingPct = 60.0;  // the engine's most-loaded-PDU figures
  analysis.power.racks[loaded].pduFailoverLoadingPct = 120.0;
  mScene->setAnalysis(analysis);
  const QColor powerColour = mScene->rackItem(loaded)->look().fill;
  QCOMPARE(powerColour, powerBandColors()[0]);

  QSignalSpy legendChanged(mScene, &FloorPlanScene::legendChanged);
  mScene->setOverlay(FloorOverlay::FeedLoading);
  QCOMPARE(legendChanged.size(), 1);
  const RackLook& look = mScene->rackItem(loaded)->look();
  QVERIFY(look.fill != powerColour);
  QCOMPARE(look.fill, loadingColors().last());
  QCOMPARE(look.overlayLabel, QStringLiteral("60 / 120 %"));
  // The rack without PDUs is hatched grey: nothing to show, and said so.
  QVERIFY(mScene->rackItem(bare)->look().hatched);
  QCOMPARE(mScene->rackItem(bare)->look().fill, neutralRackColor());
  const FloorLegend legend = mScene->legend();
  QVERIFY(legend.title.contains(QStringLiteral("display bins")));
  QCOMPARE(legend.entries[3].label, QStringLiteral("> 100 %"));

  mScene->setOverlay(FloorOverlay::Power);
  QCOMPARE(mScene->rackItem(loaded)->look().fill, powerColour);
  QVERIFY(mScene->rackItem(loaded)->look().overlayLabel.isEmpty());
}

void TestFloorPlan::failureOverlayShowsVerdictsAndCounts() {
  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(2750, 3130)));
  const RackId id = mDocument->project().racks().first().id();
  QVERIFY(drop(QStringLiteral("nvidia/dgx-h100"), QPointF(2700, 3000)));
  Analysis analysis = analyze(mDocument->project(), mCatalog.catalog);
  analysis.power.failure.scenario = FailureScenario{FailureScenario::Kind::Feed, PowerFeed::A, {}};
  analysis.power.failure.description = QStringLiteral("Feed A lost");
  analysis.power.failure.racks.insert(
      id, RackOutcome{RackVerdict::Down, QStringLiteral("feed A lost: no PSU left")});
  analysis.power.failure.down = 1;
  mScene->setAnalysis(analysis);
  mScene->setOverlay(FloorOverlay::Failure);
  const RackLook& look = mScene->rackItem(id)->look();
  QCOMPARE(look.fill, verdictColor(RackVerdict::Down));
  QCOMPARE(look.overlayLabel, QStringLiteral("down"));
  QCOMPARE(look.overlayDetail, QStringLiteral("feed A lost: no PSU left"));
  QCOMPARE(mScene->legend().title, QStringLiteral("Feed A lost: 0 hold · 0 degraded · 1 down"));
}

// Properties of a cooling unit: its capacity under Cooling, its input power named as fans and
// pumps, the zone it serves changed through one command; of a rack: its door with a remove button.
void TestFloorPlan::propertiesShowCoolingAsCooling() {
  const HallId hall = mDocument->project().halls().first().id();
  CoolingLoop zone{CoolingLoopId::create(), hall, QStringLiteral("Zone A"), CoolingLoopKind::Air,
                   Redundancy::NPlus1};
  mDocument->undoStack().push(new CmdInsertObjects<CoolingLoop>(
      *mDocument, QList<QPair<qsizetype, CoolingLoop>>{{-1, zone}}, QStringLiteral("zone")));
  QVERIFY(drop(QStringLiteral("fixture/in-row-cooler"), QPointF(2750, 3130)));
  const CoolingUnitId unit = mDocument->project().coolingUnits().first().id;
  PropertiesPanel panel(*mDocument, mCatalog.catalog);
  panel.setCoolingUnitSelection({unit});
  auto* capacity = panel.findChild<QLabel*>(QStringLiteral("coolingUnitCapacity"));
  auto* loop = panel.findChild<QComboBox*>(QStringLiteral("coolingUnitLoop"));
  auto* heading = panel.findChild<QLabel*>(QStringLiteral("propertiesHeading"));
  QVERIFY(capacity && loop && heading);
  QVERIFY2(heading->text().contains(QStringLiteral("In-row cooler C01")),
           qPrintable(heading->text()));
  QVERIFY2(capacity->text().contains(QStringLiteral("40 kW</b> cooling capacity at 18 °C")),
           qPrintable(capacity->text()));
  QVERIFY(capacity->text().contains(QStringLiteral("1.5 kW input power (fans, pumps)")));
  QCOMPARE(loop->count(), 2);
  QCOMPARE(loop->itemText(1), QStringLiteral("Zone A"));
  const int steps = mDocument->undoStack().count();
  loop->setCurrentIndex(1);
  Q_EMIT loop->activated(1);
  QCOMPARE(mDocument->project().coolingUnits().first().loopId, zone.id);
  QCOMPARE(mDocument->undoStack().count(), steps + 1);

  QVERIFY(drop(QStringLiteral("apc/ar3300"), QPointF(6150, 4130)));
  const RackId rack = mDocument->project().racks().first().id();
  QVERIFY(drop(QStringLiteral("test/rear-door"), QPointF(6100, 4100)));
  panel.setCoolingUnitSelection({});
  panel.setSelection({rack});
  auto* door = panel.findChild<QLabel*>(QStringLiteral("rackRearDoor"));
  auto* remove = panel.findChild<QPushButton*>(QStringLiteral("removeRearDoor"));
  QVERIFY(door && remove);
  QVERIFY2(door->text().contains(QStringLiteral("Test Door 50 · 50 kW rated")),
           qPrintable(door->text()));
  QVERIFY(remove->isEnabled());
  remove->click();
  QVERIFY(mDocument->project().findRack(rack)->rearDoorId().isEmpty());
  QCOMPARE(mDocument->project().findRack(rack)->coolingMode(), CoolingMode::Air);
  panel.setAnalysis(analyze(mDocument->project(), mCatalog.catalog));  // as the window re-analyses
  QVERIFY(!remove->isEnabled());
  QVERIFY(door->text().startsWith(QStringLiteral("none")));
}

QTEST_MAIN(TestFloorPlan)
#include "tst_floorplan.moc"
