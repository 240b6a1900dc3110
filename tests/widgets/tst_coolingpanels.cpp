// SPDX-License-Identifier: GPL-3.0-or-later
// The cooling panels against a real analysis of a small design on the fixture catalog: the rack
// cooling panel shows the engine's heat split, flows, recommendation and findings; the loops
// table has one row per loop or zone, coloured by the loading bands, and adds, edits and
// deletes explicit loops through undoable commands; the charts stack heat per rack.
#include "cooling/coolingcharts.h"
#include "cooling/coolingloopdialog.h"
#include "cooling/coolingloopspanel.h"
#include "cooling/rackcoolingpanel.h"
#include "edit/designdocument.h"
#include "engine/analyze.h"
#include "fixturecatalog.h"
#include "format/quantityformat.h"
#include "power/powerformat.h"
#include "testdesigns.h"

#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace dc;
using namespace dc::test;

namespace {
const QString kRackType = QStringLiteral("conteg/ri7-48-60-120");
const QString kDgx = QStringLiteral("nvidia/dgx-h100");
const QString kLiquidServer = QStringLiteral("paneltest/liquid-server");
const QString kFloorCdu = QStringLiteral("paneltest/floor-cdu");
const QString kRearDoor = QStringLiteral("paneltest/rear-door");
const QString kInRowCooler = QStringLiteral("fixture/in-row-cooler");

/// What the fixture catalog lacks for these panels: a liquid-cooled device with a power figure,
/// a floor CDU and a rear door. Round figures, not products.
/// Written with single quotes, which the test turns into JSON's double quotes.
const char kPanelItems[] =
    "{'format': 'dcstudio-catalog', 'formatVersion': 1,"
    " 'sources': {'paneltest': {'title': 'Cooling panel test items (round figures)',"
    "   'url': 'https://example.org/dcstudio/panel-test', 'publisher': 'DC Studio tests'}},"
    " 'items': ["
    "  {'id': 'paneltest/liquid-server', 'vendor': 'Test', 'model': 'Liquid server 2U',"
    "   'kind': 'server', 'source': 'paneltest', 'confidence': 'estimate', 'heightU': {'value': 2, "
    "'note': 'test'},"
    "   'maxPowerW': {'value': 20000, 'note': 'test'}, 'cooling': 'liquid',"
    "   'liquidCaptureFraction': {'value': 0.8, 'note': 'test'}},"
    "  {'id': 'paneltest/floor-cdu', 'vendor': 'Test', 'model': 'Floor CDU 35 kW', 'kind': 'cdu',"
    "   'source': 'paneltest', 'confidence': 'estimate',"
    "   'widthMm': {'value': 600, 'note': 'test'}, 'depthMm': {'value': 1200, 'note': 'test'},"
    "   'coolingUnit': {'active': true, 'form': 'floor',"
    "     'capacityW': {'value': 35000, 'note': 'test'}, 'approachK': {'value': 3, 'note': "
    "'test'}}},"
    "  {'id': 'paneltest/rear-door', 'vendor': 'Test', 'model': 'Rear door 20 kW',"
    "   'kind': 'rear-door', 'source': 'paneltest', 'confidence': 'estimate',"
    "   'coolingUnit': {'active': false, 'form': 'door',"
    "     'capacityW': {'value': 20000, 'note': 'test'},"
    "     'waterSupplyTempC': {'value': 18, 'note': 'test'}}}"
    " ]}";
}  // namespace

class TestCoolingPanels final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void rackPanelShowsTheEngineFigures();
  void rackPanelShowsTheHeatSplitOfAnAirRack();
  void emptyStateWithoutSelection();
  void loopsTableHasOneRowPerLoopColouredByLoading();
  void selectingALoopRowEmitsItsUnits();
  void newLoopIsUndoableAndRefusalsNameTheLoop();
  void loopDialogShowsTheRefusalAndStaysOpen();
  void chartsStackHeatToLiquidAndAir();
  void manyRacksShowTheTopFortyByHeat();
  void screenshotsOfTheSmallDesign();

 private:
  Project smallProject();
  static Analysis analysed(const DesignDocument& document, const Catalog& catalog) {
    return analyze(document.project(), catalog);
  }

  QTemporaryDir mDir;
  CatalogLoadResult mCatalog;
  HallId mHall;
  RackId mAirRack;
  RackId mLiquidRack;
  CoolingLoopId mLoop;
  QList<CoolingUnitId> mCoolers;
  CoolingUnitId mCdu;
};

void TestCoolingPanels::initTestCase() {
  QVERIFY(mDir.isValid());
  QFile file(mDir.filePath(QStringLiteral("panel-items.json")));
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(QByteArray(kPanelItems).replace('\'', '"'));
  file.close();
  mCatalog = loadFixtureCatalog();
  const CatalogLoadResult extra = loadCatalogFolders({mDir.path()});
  for (const CatalogProblem& problem : extra.problems) {
    QVERIFY2(problem.severity != CatalogProblem::Severity::Error, qPrintable(problem.toString()));
  }
  for (const CatalogItem& item : extra.catalog.items()) {
    mCatalog.catalog.addOrReplace(item);
  }
  for (const QString& id : {kRackType, kDgx, kLiquidServer, kFloorCdu, kRearDoor, kInRowCooler}) {
    QVERIFY2(mCatalog.catalog.find(id), qPrintable(id));
  }
}

/// Hall A: A01 holds two air-cooled DGX H100 (20.4 kW) behind a 20 kW rear door; A02 holds two
/// 20 kW liquid servers (80 % to liquid) on the explicit CDU loop "Loop 1" (one 35 kW floor CDU,
/// N) with direct-to-chip cooling; two in-row coolers (40 kW each) name no zone, so the engine
/// forms the hall's implicit air zone from them.
Project TestCoolingPanels::smallProject() {
  Project project;
  mHall = HallId::create();
  project.insertHall(-1, Hall(mHall, QStringLiteral("Hall A"), rectangleMm(12'000, 9'000)));
  CoolingLoop loop;
  loop.id = mLoop = CoolingLoopId::create();
  loop.hallId = mHall;
  loop.name = QStringLiteral("Loop 1");
  loop.kind = CoolingLoopKind::Liquid;
  loop.redundancy = Redundancy::N;
  project.insertCoolingLoop(-1, loop);

  CoolingUnit cdu;
  cdu.id = mCdu = CoolingUnitId::create();
  cdu.hallId = mHall;
  cdu.name = QStringLiteral("CDU-1");
  cdu.catalogId = kFloorCdu;
  cdu.positionMm = PointMm{8'000, 6'000};
  cdu.loopId = mLoop;
  project.insertCoolingUnit(-1, cdu);

  Rack air = makeRack(mHall, QStringLiteral("A01"), kRackType, PointMm{2'000, 3'000},
                      {kDgx + QStringLiteral("@3"), kDgx + QStringLiteral("@13")});
  air.setCoolingMode(CoolingMode::RearDoor);
  air.setRearDoorId(kRearDoor);
  mAirRack = air.id();
  project.insertRack(-1, air);
  Rack liquid =
      makeRack(mHall, QStringLiteral("A02"), kRackType, PointMm{2'700, 3'000},
               {kLiquidServer + QStringLiteral("@3"), kLiquidServer + QStringLiteral("@5")});
  liquid.setCoolingMode(CoolingMode::DirectToChip);
  liquid.setLiquidLoopId(mLoop);
  mLiquidRack = liquid.id();
  project.insertRack(-1, liquid);

  mCoolers.clear();
  for (int i = 0; i < 2; ++i) {
    CoolingUnit unit;
    unit.id = CoolingUnitId::create();
    unit.hallId = mHall;
    unit.name = QStringLiteral("IRC-%1").arg(i + 1);
    unit.catalogId = kInRowCooler;
    unit.positionMm = PointMm{4'000 + 300 * i, 3'000};
    mCoolers.append(unit.id);
    project.insertCoolingUnit(-1, unit);
  }
  return project;
}

void TestCoolingPanels::rackPanelShowsTheEngineFigures() {
  DesignDocument document(smallProject());
  const Analysis analysis = analysed(document, mCatalog.catalog);
  QVERIFY(analysis.cooling.racks.contains(mLiquidRack));
  const RackCooling& rc = analysis.cooling.racks.value(mLiquidRack);
  QCOMPARE(rc.heatW.value, 40'000.0);
  QCOMPARE(rc.heatToLiquidW.value, 32'000.0);
  QCOMPARE(rc.mode, CoolingMode::DirectToChip);

  RackCoolingPanel panel(document, mCatalog.catalog);
  panel.setAnalysis(analysis);
  panel.setSelection({mLiquidRack});
  QCOMPARE(panel.rackId(), mLiquidRack);
  QVERIFY2(panel.modeLabel()->text().contains(coolingModeName(CoolingMode::DirectToChip)),
           qPrintable(panel.modeLabel()->text()));
  QVERIFY2(panel.modeLabel()->text().contains(coolingOptionName(rc.recommended).toHtmlEscaped()),
           qPrintable(panel.modeLabel()->text()));
  QVERIFY(!rc.reason.isEmpty());
  QCOMPARE(panel.reasonLabel()->text(), rc.reason);
  QVERIFY(panel.modeLabel()->text().contains(
      QStringLiteral("(margin %1)").arg(formatQuantity(rc.marginPct, Quantity::Percent))));
  QCOMPARE(panel.verdictLabel()->text().contains(QStringLiteral("does not hold")), !rc.modeHolds);

  QTableWidget* table = panel.figureTable();
  const auto text = [table](int row, int column) {
    const QTableWidgetItem* item = table->item(row, column);
    return item ? item->text() : QString();
  };
  // The heat rows in the unit of the rack's heat, named in their labels; the digits of each
  // figure's confidence.
  QCOMPARE(table->verticalHeaderItem(RackCoolingPanel::RowHeat)->text(),
           QStringLiteral("Heat (kW)"));
  QCOMPARE(table->verticalHeaderItem(RackCoolingPanel::RowAirflow)->text(),
           QStringLiteral("Airflow (m³/h)"));
  const auto in = [](const Figure& figure, Quantity quantity, const char* unit) {
    return formatInUnit(figure.value, quantity, QString::fromUtf8(unit),
                        NumberStyle::forConfidence(figure.confidence));
  };
  QCOMPARE(text(RackCoolingPanel::RowHeat, 0), QStringLiteral("40.0"));
  QCOMPARE(text(RackCoolingPanel::RowToLiquid, 0), QStringLiteral("32.0"));
  QCOMPARE(text(RackCoolingPanel::RowToAir, 0), in(rc.heatToAirW, Quantity::PowerW, "kW"));
  QCOMPARE(text(RackCoolingPanel::RowToDoor, 0), in(rc.heatToDoorW, Quantity::PowerW, "kW"));
  QCOMPARE(text(RackCoolingPanel::RowToRoom, 0), in(rc.heatToRoomW, Quantity::PowerW, "kW"));
  QCOMPARE(text(RackCoolingPanel::RowToLiquid, 1), QStringLiteral("80.0 %"));
  QCOMPARE(text(RackCoolingPanel::RowAirflow, 0),
           in(rc.airflowM3PerH, Quantity::AirflowM3PerH, "m³/h"));
  QCOMPARE(text(RackCoolingPanel::RowAirflow, 1),
           in(rc.airflowM3PerH, Quantity::AirflowM3PerH, "CFM") + QStringLiteral(" CFM"));
  QCOMPARE(text(RackCoolingPanel::RowCoolantFlow, 0),
           in(rc.coolantFlowLps, Quantity::FlowLps, "L/s"));
  QCOMPARE(text(RackCoolingPanel::RowCoolantFlow, 1),
           in(rc.coolantFlowLps, Quantity::FlowLps, "L/min") + QStringLiteral(" L/min"));
  QCOMPARE(text(RackCoolingPanel::RowRearDoor, 0), QStringLiteral("none"));
  QVERIFY(rc.liquidLoopIndex >= 0);
  QCOMPARE(text(RackCoolingPanel::RowLiquidLoop, 0), QStringLiteral("Loop 1"));
  QCOMPARE(analysis.cooling.loops[rc.liquidLoopIndex].id, mLoop);
  QVERIFY(rc.airZoneIndex >= 0);
  QCOMPARE(text(RackCoolingPanel::RowAirZone, 0), analysis.cooling.loops[rc.airZoneIndex].name);

  // The rack's cooling findings, in the engine's order; none of another rack's.
  QStringList expected;
  for (const Finding& finding : analysis.findings) {
    bool concerns = finding.rackId() == mLiquidRack;
    for (const ObjectRef& related : finding.related) {
      concerns = concerns || related.rackId == mLiquidRack;
    }
    if (concerns && finding.code.startsWith(QLatin1String("cooling."))) {
      expected.append(finding.code);
    }
  }
  QCOMPARE(panel.findingCodes(), expected);
}

void TestCoolingPanels::rackPanelShowsTheHeatSplitOfAnAirRack() {
  DesignDocument document(smallProject());
  const Analysis analysis = analysed(document, mCatalog.catalog);
  const RackCooling& rc = analysis.cooling.racks.value(mAirRack);
  // Two DGX H100 at 10.2 kW each, all of it to air (the fixture's DGX is air-cooled); the rear
  // door takes what its derated capacity allows, the room the rest.
  QCOMPARE(rc.heatW.value, 20'400.0);
  QCOMPARE(rc.heatToLiquidW.value, 0.0);
  QCOMPARE(rc.heatToAirW.value, 20'400.0);
  QCOMPARE(rc.rearDoorId, kRearDoor);
  QVERIFY(rc.heatToDoorW.value > 0);
  QCOMPARE(rc.heatToDoorW.value + rc.heatToRoomW.value, rc.heatToAirW.value);

  RackCoolingPanel panel(document, mCatalog.catalog);
  panel.setAnalysis(analysis);
  panel.setSelection({mAirRack});
  QTableWidget* table = panel.figureTable();
  QCOMPARE(table->item(RackCoolingPanel::RowHeat, 0)->text(), QStringLiteral("20.4"));
  QCOMPARE(table->item(RackCoolingPanel::RowToAir, 0)->text(), QStringLiteral("20.4"));
  QCOMPARE(table->item(RackCoolingPanel::RowToAir, 1)->text(), QStringLiteral("100 %"));
  QCOMPARE(table->item(RackCoolingPanel::RowToLiquid, 1)->text(), QStringLiteral("0 %"));
  const auto kW = [](const Figure& figure) {
    return formatInUnit(figure.value, Quantity::PowerW, QStringLiteral("kW"),
                        NumberStyle::forConfidence(figure.confidence));
  };
  QCOMPARE(table->item(RackCoolingPanel::RowToDoor, 0)->text(), kW(rc.heatToDoorW));
  QCOMPARE(table->item(RackCoolingPanel::RowToDoor, 1)->text(),
           formatQuantity(100.0 * rc.heatToDoorW.value / rc.heatW.value, Quantity::Percent));
  QCOMPARE(table->item(RackCoolingPanel::RowToRoom, 0)->text(), kW(rc.heatToRoomW));
  QCOMPARE(table->item(RackCoolingPanel::RowRearDoor, 0)->text(),
           QStringLiteral("Test Rear door 20 kW"));
  QCOMPARE(table->item(RackCoolingPanel::RowDoorCapacity, 0)->text(), kW(rc.rearDoorCapacityW));
  QVERIFY(panel.modeLabel()->text().contains(coolingModeName(CoolingMode::RearDoor)));
  QCOMPARE(table->item(RackCoolingPanel::RowAirZone, 0)->text(),
           analysis.cooling.loops.value(rc.airZoneIndex).name);
  QCOMPARE(panel.verdictLabel()->text().contains(QStringLiteral("does not hold")), !rc.modeHolds);
}

void TestCoolingPanels::emptyStateWithoutSelection() {
  DesignDocument document(smallProject());
  RackCoolingPanel panel(document, mCatalog.catalog);
  panel.setAnalysis(analysed(document, mCatalog.catalog));
  auto* empty = panel.findChild<QLabel*>(QStringLiteral("rackCoolingEmpty"));
  QVERIFY(empty);
  panel.show();
  QVERIFY(empty->isVisible());
  QVERIFY(empty->text().contains(QStringLiteral("Select a rack")));
  panel.setSelection({mAirRack});
  QVERIFY(!empty->isVisible());
  panel.setSelection({});
  QVERIFY(empty->isVisible());
}

void TestCoolingPanels::loopsTableHasOneRowPerLoopColouredByLoading() {
  DesignDocument document(smallProject());
  const Analysis analysis = analysed(document, mCatalog.catalog);
  // Loop 1 (explicit, liquid) and the hall's implicit air zone of the two in-row coolers.
  QCOMPARE(analysis.cooling.loops.size(), 2);
  CoolingLoopsPanel panel(document, mCatalog.catalog);
  panel.setAnalysis(analysis);
  QTableWidget* table = panel.table();
  QCOMPARE(table->rowCount(), int(analysis.cooling.loops.size()));
  const double warnPct = powerview::loadingWarnPct(analysis);
  bool anyTinted = false;
  for (int row = 0; row < table->rowCount(); ++row) {
    const int index = panel.loopIndexAt(row);
    QCOMPARE(index, row);
    const LoopLoad& loop = analysis.cooling.loops[index];
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColName)->text(), loop.name);
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColKind)->text(), coolingLoopKindName(loop.kind));
    const auto kW = [](const Figure& figure) {
      return formatInUnit(figure.value, Quantity::PowerW, QStringLiteral("kW"),
                          NumberStyle::forConfidence(figure.confidence));
    };
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColLoad)->text(), kW(loop.loadW));
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColUsable)->text(), kW(loop.usableCapacityW));
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColInstalled)->text(),
             kW(loop.installedCapacityW));
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColLoading)->text(),
             formatInUnit(loop.loadingPct, Quantity::Percent, QStringLiteral("%")));
    QCOMPARE(table->item(row, CoolingLoopsPanel::ColRacks)->text(),
             QString::number(loop.rackCount));
    const QColor expected = powerview::loadingColour(loop.loadingPct, warnPct);
    const QBrush foreground = table->item(row, CoolingLoopsPanel::ColLoading)->foreground();
    if (expected.isValid()) {
      QCOMPARE(foreground.color(), expected);
      anyTinted = true;
    } else {
      QCOMPARE(foreground.style(), Qt::NoBrush);
    }
    // Explicit loops are editable, implicit ones are not.
    table->selectRow(row);
    QCOMPARE(panel.currentLoopId(), loop.id);
    QCOMPARE(panel.editButton()->isEnabled(), !loop.id.isNull());
    QCOMPARE(panel.deleteButton()->isEnabled(), !loop.id.isNull());
  }
  // Loop 1 carries A02's 32 kW to liquid on its one 35 kW CDU: 91 %, above the 80 % band.
  const LoopLoad* loop1 = analysis.cooling.loop(mLoop);
  QVERIFY(loop1);
  QCOMPARE(loop1->loadW.value, 32'000.0);
  QCOMPARE(loop1->usableCapacityW.value, 35'000.0);
  QCOMPARE(loop1->unitIds, QList<CoolingUnitId>{mCdu});
  QVERIFY(anyTinted);
  QCOMPARE(powerview::loadingColour(loop1->loadingPct, warnPct), powerview::warnColour());
  // Capacity and load in kW, named in the headers: "32.0" of "35.0" kW.
  QCOMPARE(table->horizontalHeaderItem(CoolingLoopsPanel::ColLoad)->text(),
           QStringLiteral("Load (kW)"));
}

void TestCoolingPanels::selectingALoopRowEmitsItsUnits() {
  DesignDocument document(smallProject());
  const Analysis analysis = analysed(document, mCatalog.catalog);
  CoolingLoopsPanel panel(document, mCatalog.catalog);
  panel.setAnalysis(analysis);
  QSignalSpy spy(&panel, &CoolingLoopsPanel::loopSelected);
  int zoneRow = -1;
  for (int row = 0; row < panel.table()->rowCount(); ++row) {
    if (analysis.cooling.loops[panel.loopIndexAt(row)].kind == CoolingLoopKind::Air) {
      zoneRow = row;
    }
  }
  QVERIFY(zoneRow >= 0);
  panel.table()->selectRow(zoneRow);
  QCOMPARE(spy.count(), 1);
  QList<CoolingUnitId> units = spy.first().first().value<QList<CoolingUnitId>>();
  std::sort(units.begin(), units.end());
  QList<CoolingUnitId> expected = mCoolers;
  std::sort(expected.begin(), expected.end());
  QCOMPARE(units, expected);
}

void TestCoolingPanels::newLoopIsUndoableAndRefusalsNameTheLoop() {
  DesignDocument document(smallProject());
  CoolingLoopsPanel panel(document, mCatalog.catalog);
  panel.setAnalysis(analysed(document, mCatalog.catalog));
  const int rowsBefore = panel.table()->rowCount();
  const qsizetype loopsBefore = document.project().coolingLoops().size();

  const CoolingLoop zone = panel.newLoop(CoolingLoopKind::Air);
  QCOMPARE(zone.name, QStringLiteral("Zone 1"));
  QCOMPARE(zone.hallId, mHall);
  QVERIFY(panel.addLoop(zone));
  QCOMPARE(document.project().coolingLoops().size(), loopsBefore + 1);
  QVERIFY(document.project().findCoolingLoop(zone.id));
  panel.setAnalysis(analysed(document, mCatalog.catalog));
  QCOMPARE(panel.table()->rowCount(), rowsBefore + 1);
  QStringList names;
  for (int row = 0; row < panel.table()->rowCount(); ++row) {
    names.append(panel.table()->item(row, CoolingLoopsPanel::ColName)->text());
  }
  QVERIFY2(names.contains(QStringLiteral("Zone 1")), qPrintable(names.join(", ")));

  document.undoStack().undo();
  QVERIFY(!document.project().findCoolingLoop(zone.id));
  panel.setAnalysis(analysed(document, mCatalog.catalog));
  QCOMPARE(panel.table()->rowCount(), rowsBefore);
  document.undoStack().redo();
  QCOMPARE(*document.project().findCoolingLoop(zone.id), zone);

  // An edit through the generic replace command, undone.
  CoolingLoop edited = zone;
  edited.redundancy = Redundancy::TwoN;
  QVERIFY(panel.replaceLoop(edited));
  QCOMPARE(document.project().findCoolingLoop(zone.id)->redundancy, Redundancy::TwoN);
  document.undoStack().undo();
  QCOMPARE(document.project().findCoolingLoop(zone.id)->redundancy, zone.redundancy);

  // Refusals carry the ObjectTraits message naming the loop; nothing changes.
  QSignalSpy failed(&panel, &CoolingLoopsPanel::editFailed);
  const int undoCount = document.undoStack().count();
  QString error;
  QVERIFY(!panel.removeLoop(mLoop, &error));
  QCOMPARE(error, QStringLiteral(
                      "CDU loop Loop 1: CDU-1 serves it; move that unit to another loop first"));
  QVERIFY(document.project().findCoolingLoop(mLoop));
  CoolingLoop unnamed = panel.newLoop(CoolingLoopKind::Liquid);
  unnamed.name.clear();
  QVERIFY(!panel.addLoop(unnamed, &error));
  QVERIFY2(error.contains(QStringLiteral("a name is needed")), qPrintable(error));
  QCOMPARE(failed.count(), 2);
  QCOMPARE(document.undoStack().count(), undoCount);

  // Deleting the unused zone works and is undoable.
  QVERIFY(panel.removeLoop(zone.id));
  QVERIFY(!document.project().findCoolingLoop(zone.id));
  document.undoStack().undo();
  QVERIFY(document.project().findCoolingLoop(zone.id));
}

void TestCoolingPanels::loopDialogShowsTheRefusalAndStaysOpen() {
  DesignDocument document(smallProject());
  CoolingLoopsPanel panel(document, mCatalog.catalog);
  CoolingLoop loop = panel.newLoop(CoolingLoopKind::Liquid);
  QCOMPARE(loop.name, QStringLiteral("Loop 2"));  // "Loop 1" is taken
  CoolingLoopDialog dialog(loop, false);
  dialog.setSubmit([&](const CoolingLoop& entered, QString* error) {
    QSignalBlocker block(&panel);
    return panel.addLoop(entered, error);
  });
  dialog.show();
  auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("name"));
  QVERIFY(name);
  name->clear();
  dialog.submit();
  QVERIFY(dialog.isVisible());
  QVERIFY2(dialog.errorText().contains(QStringLiteral("a name is needed")),
           qPrintable(dialog.errorText()));
  QVERIFY(!document.project().findCoolingLoop(loop.id));
  name->setText(QStringLiteral("Loop B"));
  dialog.submit();
  QVERIFY(!dialog.isVisible());
  QCOMPARE(document.project().findCoolingLoop(loop.id)->name, QStringLiteral("Loop B"));
}

void TestCoolingPanels::chartsStackHeatToLiquidAndAir() {
  DesignDocument document(smallProject());
  const Analysis analysis = analysed(document, mCatalog.catalog);
  CoolingChartsPanel charts(document, mCatalog.catalog);
  charts.setAnalysis(analysis);
  QChart* chart = charts.heatChart();
  QCOMPARE(chart->series().size(), 1);
  auto* series = qobject_cast<QHorizontalStackedBarSeries*>(chart->series().first());
  QVERIFY(series);
  QCOMPARE(series->barSets().size(), 2);
  QBarSet* liquid = series->barSets()[0];
  QBarSet* air = series->barSets()[1];
  QCOMPARE(liquid->label(), QStringLiteral("To liquid"));
  QCOMPARE(liquid->count(), 2);
  // The first rack is drawn at the top, i.e. last in Qt's bottom-up order.
  const RackCooling& a01 = analysis.cooling.racks.value(mAirRack);
  const RackCooling& a02 = analysis.cooling.racks.value(mLiquidRack);
  QCOMPARE(air->at(1), a01.heatToAirW.value / 1000.0);
  QCOMPARE(liquid->at(1), a01.heatToLiquidW.value / 1000.0);
  QCOMPARE(air->at(0), a02.heatToAirW.value / 1000.0);
  QCOMPARE(liquid->at(0), a02.heatToLiquidW.value / 1000.0);

  auto* loops = qobject_cast<QHorizontalBarSeries*>(charts.liquidLoopChart()->series().first());
  QVERIFY(loops);
  QCOMPARE(loops->barSets().size(), 2);
  const LoopLoad* loop1 = analysis.cooling.loop(mLoop);
  QVERIFY(loop1);
  QCOMPARE(loops->barSets()[1]->label(), QStringLiteral("Load"));
  QCOMPARE(loops->barSets()[1]->at(0), loop1->loadW.value / 1000.0);
  auto* zones = qobject_cast<QHorizontalBarSeries*>(charts.airZoneChart()->series().first());
  QVERIFY(zones);
  QCOMPARE(zones->barSets()[0]->count(), 1);
}

void TestCoolingPanels::manyRacksShowTheTopFortyByHeat() {
  Project project = smallProject();
  for (int i = 0; i < 48; ++i) {
    project.insertRack(-1, makeRack(mHall, QStringLiteral("B%1").arg(i + 1), kRackType,
                                    PointMm{1'000 + 620 * (i % 16), 5'000 + 1'300 * (i / 16)},
                                    {kDgx + QStringLiteral("@3")}));
  }
  DesignDocument document(std::move(project));
  CoolingChartsPanel charts(document, mCatalog.catalog);
  charts.setAnalysis(analysed(document, mCatalog.catalog));
  QVERIFY2(charts.heatChart()->title().contains(QStringLiteral("the top 40 of 50 racks")),
           qPrintable(charts.heatChart()->title()));
  auto* series = qobject_cast<QHorizontalStackedBarSeries*>(charts.heatChart()->series().first());
  QVERIFY(series);
  QCOMPARE(series->barSets()[0]->count(), CoolingChartsPanel::kMaxRacks);
  // The NVL72 has the most heat: it comes first, drawn at the top.
  const double top = series->barSets()[0]->at(CoolingChartsPanel::kMaxRacks - 1) +
                     series->barSets()[1]->at(CoolingChartsPanel::kMaxRacks - 1);
  QCOMPARE(top, analysed(document, mCatalog.catalog).cooling.racks.value(mLiquidRack).heatW.value /
                    1000.0);
}

// Renders the three panels at dock sizes; with DC_COOLING_SCREENSHOTS=<folder> saves them there
// for review.
void TestCoolingPanels::screenshotsOfTheSmallDesign() {
  const QString folder = qEnvironmentVariable("DC_COOLING_SCREENSHOTS");
  DesignDocument document(smallProject());
  const Analysis analysis = analysed(document, mCatalog.catalog);
  RackCoolingPanel rack(document, mCatalog.catalog);
  CoolingLoopsPanel loops(document, mCatalog.catalog);
  CoolingChartsPanel charts(document, mCatalog.catalog);
  rack.resize(460, 820);  // the right dock of the main window at 1440×900
  loops.resize(1000, 300);
  charts.resize(600, 800);
  for (QWidget* widget : std::initializer_list<QWidget*>{&rack, &loops, &charts}) {
    widget->show();
  }
  rack.setAnalysis(analysis);
  rack.setSelection({mLiquidRack});
  loops.setAnalysis(analysis);
  charts.setAnalysis(analysis);
  QCoreApplication::processEvents();
  for (auto [widget, name] : {std::pair<QWidget*, const char*>{&rack, "rackcooling.png"},
                              {&loops, "coolingloops.png"},
                              {&charts, "coolingcharts.png"}}) {
    const QPixmap image = widget->grab();
    QVERIFY(!image.isNull() && image.width() > 100 && image.height() > 100);
    if (!folder.isEmpty()) {
      QVERIFY(image.save(folder + QLatin1Char('/') + QLatin1String(name)));
    }
  }
}

QTEST_MAIN(TestCoolingPanels)
#include "tst_coolingpanels.moc"
