// SPDX-License-Identifier: GPL-3.0-or-later
// The report's drawings on the shipped DGX SuperPOD templates: the single-line diagram and the
// cooling schematic hold what the model holds (UPS, busways, CDUs, every rack in one group), the
// floor plan takes the scale that fits, elevations take the sheets they need at 1:20, and each
// drawing paints into a PDF whose text names the racks and its figures (no title block of its
// own: the sheet's title block carries drawingScale()).
//
// DC_DRAWINGS_OUT=/some/folder writes each drawing as an A3 PDF there, to look at.
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "poppler.h"
#include "report/diagram.h"
#include "report/drawfloorplan.h"
#include "report/drawingpainter.h"
#include "report/rackconfigurations.h"
#include "report/reportdata.h"
#include "report/reportstyle.h"
#include "templates/templateloader.h"
#include "testdesigns.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <thread>

using namespace dc;
using namespace dc::report;

namespace {

/// Where the PDF writer puts a drawing on an A3 landscape sheet: inside the margins, below the
/// header and above the footer (an approximation; the drawings fit whatever area they get).
const QRectF kA3DrawingArea(12.0, 20.0, 396.0, 262.0);

QByteArray drawingPdf(const ReportData& data, const Drawing& drawing) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  QPdfWriter writer(&buffer);
  writer.setResolution(kPdfResolutionDpi);
  writer.setPageSize(QPageSize(QPageSize::A3));
  writer.setPageOrientation(QPageLayout::Landscape);
  writer.setPageMargins(QMarginsF(0, 0, 0, 0));
  QPainter painter(&writer);
  painter.scale(kPdfResolutionDpi / 25.4, kPdfResolutionDpi / 25.4);
  paintDrawing(painter, kA3DrawingArea, drawing, data);
  painter.end();
  return bytes;
}

QString pdfText(const QByteArray& pdf) {
  if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()) {
    return {};
  }
  QTemporaryDir dir;
  QFile file(dir.filePath(QStringLiteral("d.pdf")));
  if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
    return {};
  }
  file.close();
  return testsupport::runPoppler(QStringLiteral("pdftotext"),
                                 {file.fileName(), QStringLiteral("-")});
}

}  // namespace

class TestReportDrawings final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void singleLineDiagramHoldsTheDistributionTree_data();
  void singleLineDiagramHoldsTheDistributionTree();
  void singleLineDiagramWritesRatingsAndSources();
  void coolingSchematicHoldsTheLoops();
  void coolingSchematicOfAirAndRearDoors();
  void rackNamesCollapseIntoRuns();
  void floorPlanTakesTheLargestScaleThatFits();
  void elevationsTakeTheSheetsTheyNeed();
  void drawingsPaintIntoAPdf_data();
  void drawingsPaintIntoAPdf();
  void drawingsPaintOnAWorkerThread();
  void everyTemplateDraws_data();
  void everyTemplateDraws();

 private:
  ReportData design(const QString& name) const;

  Catalog mCatalog;
  ReportData mH100;
  ReportData mGb200;
};

void TestReportDrawings::initTestCase() {
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(catalog.errorCount(), 0);
  mCatalog = catalog.catalog;
  mH100 = design(QStringLiteral("dgx-superpod-h100-1su"));
  mGb200 = design(QStringLiteral("dgx-superpod-gb200-1su"));
}

ReportData TestReportDrawings::design(const QString& name) const {
  const Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/%1.json").arg(name));
  Analysis analysis = analyze(project, mCatalog);
  ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = QStringLiteral("C");
  meta.date = QStringLiteral("2025-03-14");
  return makeReportData(project, mCatalog, std::move(analysis), meta, QLocale::c());
}

void TestReportDrawings::singleLineDiagramHoldsTheDistributionTree_data() {
  QTest::addColumn<QString>("name");
  QTest::newRow("H100") << QStringLiteral("h100");
  QTest::newRow("GB200") << QStringLiteral("gb200");
}

void TestReportDrawings::singleLineDiagramHoldsTheDistributionTree() {
  QFETCH(QString, name);
  const ReportData& data = name == QLatin1String("h100") ? mH100 : mGb200;
  const Hall& hall = data.project.halls().first();
  const Diagram sld =
      powerSingleLine(data.project, data.catalog, data.analysis, hall.id(), QLocale::c());
  int ups = 0;
  int switchboards = 0;
  int busways = 0;
  QSet<int> feeds;
  for (const PowerNode& node : data.project.powerNodes()) {
    ups += node.kind == PowerNodeKind::Ups ? 1 : 0;
    switchboards += node.kind == PowerNodeKind::Switchboard ? 1 : 0;
    busways += node.kind == PowerNodeKind::Busway ? 1 : 0;
    feeds.insert(int(node.feed));
  }
  QCOMPARE(sld.count(DiagramSymbol::Ups), ups);
  QCOMPARE(sld.count(DiagramSymbol::Switchboard), switchboards);
  QCOMPARE(sld.count(DiagramSymbol::Busway), busways);
  // One transformer and one LV switchgear per source (feeds A, B, C), one utility.
  QCOMPARE(sld.count(DiagramSymbol::Utility), 1);
  QCOMPARE(sld.count(DiagramSymbol::Transformer), int(feeds.size()));
  QCOMPARE(sld.count(DiagramSymbol::Switchgear), int(feeds.size()));
  QCOMPARE(sld.count(DiagramSymbol::Generator), data.analysis.power.totals.generatorCount > 0);
  // Every rack in exactly one group; each group fed once per upstream node its PDUs name.
  QSet<RackId> covered;
  for (const DiagramNode* group : sld.nodesWith(DiagramSymbol::RackGroup)) {
    for (const RackId& id : group->racks) {
      QVERIFY2(!covered.contains(id), qPrintable(group->title));
      covered.insert(id);
    }
  }
  QCOMPARE(covered.size(), data.project.racks().size());
  for (int i = 0; i < sld.nodes.size(); ++i) {
    if (sld.nodes[i].symbol != DiagramSymbol::RackGroup) {
      continue;
    }
    const Rack* rack = data.project.findRack(sld.nodes[i].racks.first());
    QSet<QString> upstreams;
    for (const Mount& mount : rack->mounts()) {
      if (!mount.upstreamId.isNull()) {
        upstreams.insert(QStringLiteral("node:") + mount.upstreamId.toString());
      }
    }
    QSet<QString> sources;
    for (const DiagramEdge& edge : sld.edges) {
      if (edge.to == i) {
        sources.insert(sld.nodes[edge.from].key);
        QVERIFY(edge.feed >= 0);
      }
    }
    QCOMPARE(sources, upstreams);
  }
  // Tiers run from the utility down, every edge downwards; columns inside the width.
  for (const DiagramEdge& edge : sld.edges) {
    QVERIFY(sld.nodes[edge.from].tier < sld.nodes[edge.to].tier);
  }
  for (const DiagramNode& node : sld.nodes) {
    QVERIFY(node.column >= 0.0 && node.column <= sld.columnCount - 1 + 1e-9);
  }
  QCOMPARE(sld.tierTitles.first(), QStringLiteral("Utility"));
  QCOMPARE(sld.tierTitles.last(), QStringLiteral("Racks"));
}

void TestReportDrawings::singleLineDiagramWritesRatingsAndSources() {
  const Hall& hall = mH100.project.halls().first();
  const Diagram sld =
      powerSingleLine(mH100.project, mH100.catalog, mH100.analysis, hall.id(), QLocale::c());
  const auto lineTexts = [](const DiagramNode* node) {
    QStringList texts;
    for (const DiagramLine& line : node->lines) {
      texts.append(line.text);
    }
    return texts;
  };
  for (const DiagramNode* ups : sld.nodesWith(DiagramSymbol::Ups)) {
    QVERIFY2(lineTexts(ups).contains(QStringLiteral("2 × 300 kW · N+1")),
             qPrintable(lineTexts(ups).join(" | ")));
    QVERIFY(lineTexts(ups).join(' ').contains(QStringLiteral("load ")));
    QVERIFY(ups->feed >= 0);
  }
  const QList<const DiagramNode*> busways = sld.nodesWith(DiagramSymbol::Busway);
  QVERIFY(std::any_of(busways.cbegin(), busways.cend(), [&](const DiagramNode* n) {
    return n->title == QLatin1String("BW-A1") &&
           lineTexts(n).contains(QStringLiteral("400 A · 415 V"));
  }));
  // The compute racks A01–A08 share BW-A1/B1/C1: one group, fed on A, B and C.
  const auto groups = sld.nodesWith(DiagramSymbol::RackGroup);
  const auto compute = std::find_if(groups.cbegin(), groups.cend(), [](const DiagramNode* n) {
    return n->title == QStringLiteral("A01–A08");
  });
  QVERIFY(compute != groups.cend());
  QCOMPARE((*compute)->rackCountText, QStringLiteral("8 racks"));
  QVERIFY2(lineTexts(*compute).first().startsWith(QStringLiteral("8 racks · ")),
           qPrintable(lineTexts(*compute).first()));
  QVERIFY(lineTexts(*compute).contains(QStringLiteral("3 PDUs/rack · A/B/C")));
  // The transformers are the facility's, sized in kVA/MVA, and the notes say how.
  for (const DiagramNode* tx : sld.nodesWith(DiagramSymbol::Transformer)) {
    QVERIFY(tx->byFacility);
    QVERIFY2(tx->lines.first().text.contains(QStringLiteral("VA")),
             qPrintable(tx->lines.first().text));
  }
  QVERIFY(sld.notes.join(' ').contains(QStringLiteral("by the facility")));
}

void TestReportDrawings::coolingSchematicHoldsTheLoops() {
  const Hall& hall = mGb200.project.halls().first();
  const Diagram schematic =
      coolingSchematic(mGb200.project, mGb200.catalog, mGb200.analysis, hall.id(), QLocale::c());
  int cduUnits = 0;
  int airUnits = 0;
  for (const LoopLoad& loop : mGb200.analysis.cooling.loops) {
    (loop.kind == CoolingLoopKind::Liquid ? cduUnits : airUnits) += int(loop.unitIds.size());
  }
  QCOMPARE(cduUnits, 2);
  QCOMPARE(schematic.count(DiagramSymbol::Cdu), cduUnits);
  QCOMPARE(schematic.count(DiagramSymbol::AirCooler), airUnits);
  QCOMPARE(schematic.count(DiagramSymbol::FacilityWater), 1);
  QCOMPARE(schematic.count(DiagramSymbol::ChilledWater), 1);
  // The eight NVL72 racks on the CDU loop's secondary side; every CDU pipes to them.
  const auto manifolds = schematic.nodesWith(DiagramSymbol::RackManifold);
  QCOMPARE(manifolds.size(), 1);
  QCOMPARE(manifolds.first()->title, QStringLiteral("A01–A08"));
  QVERIFY(manifolds.first()->lines.first().text.contains(QStringLiteral("to liquid")));
  int pipesIn = 0;
  for (const DiagramEdge& edge : schematic.edges) {
    if (schematic.nodes[edge.to].symbol == DiagramSymbol::RackManifold) {
      QCOMPARE(edge.style, EdgeStyle::Pipe);
      ++pipesIn;
    }
  }
  QCOMPARE(pipesIn, cduUnits);
  // The loop's redundancy and loading are its group's caption.
  QVERIFY(std::any_of(
      schematic.groups.cbegin(), schematic.groups.cend(),
      [](const DiagramGroup& g) { return g.title == QStringLiteral("CDU loop 1 · N+1"); }));
}

void TestReportDrawings::coolingSchematicOfAirAndRearDoors() {
  const Hall& hall = mH100.project.halls().first();
  const Diagram schematic =
      coolingSchematic(mH100.project, mH100.catalog, mH100.analysis, hall.id(), QLocale::c());
  QCOMPARE(schematic.count(DiagramSymbol::Cdu), 0);
  QCOMPARE(schematic.count(DiagramSymbol::FacilityWater), 0);
  QCOMPARE(schematic.count(DiagramSymbol::AirCooler), 2);  // IRC-1, IRC-2
  const auto doors = schematic.nodesWith(DiagramSymbol::RearDoor);
  QCOMPARE(doors.size(), 1);
  QCOMPARE(doors.first()->racks.size(), 8);
  QCOMPARE(doors.first()->lines.first().text, QStringLiteral("A01–A08"));
  const auto zones = schematic.nodesWith(DiagramSymbol::AirZone);
  QCOMPARE(zones.size(), 1);
  const auto zone =
      std::find_if(mH100.analysis.cooling.loops.cbegin(), mH100.analysis.cooling.loops.cend(),
                   [](const LoopLoad& loop) { return loop.kind == CoolingLoopKind::Air; });
  QCOMPARE(zones.first()->racks.size(), zone->rackCount);
}

void TestReportDrawings::rackNamesCollapseIntoRuns() {
  QCOMPARE(rackNameRange({"A01", "A02", "A03", "A04"}), QStringLiteral("A01–A04"));
  QCOMPARE(rackNameRange({"N01", "N02", "N03", "M01"}), QStringLiteral("N01–N03, M01"));
  QCOMPARE(rackNameRange({"A01", "A02"}), QStringLiteral("A01, A02"));
  QCOMPARE(rackNameRange({"A01", "A03", "B1", "B2", "B3", "X"}),
           QStringLiteral("A01, A03, B1–B3, X"));
  QCOMPARE(rackNameRange({"a", "b", "c", "d", "e", "f"}, 4), QStringLiteral("a, b, c, d, … (+2)"));
}

void TestReportDrawings::floorPlanTakesTheLargestScaleThatFits() {
  // The SuperPOD hall, 13.2 m × 9.60 m, on A3: 1:50 (264 × 192 mm) fits beside the legend.
  const Hall& hall = mH100.project.halls().first();
  const FloorPlanLayout layout = floorPlanLayout(hall, kA3DrawingArea);
  QCOMPARE(layout.scale, 50);
  QVERIFY(layout.fieldMm.contains(layout.hallMm));
  QVERIFY(!layout.hallMm.intersects(layout.sideMm));
  QCOMPARE(layout.hallMm.width(), 13200.0 / 50);
  // Larger halls step down the standard scales.
  QCOMPARE(floorPlanScale(30000, 20000, {280, 230}), 200);  // 1:100 is 300 mm wide
  QCOMPARE(floorPlanScale(28000, 20000, {280, 230}), 100);
  QCOMPARE(floorPlanScale(60000, 40000, {280, 230}), 250);
  QCOMPARE(floorPlanScale(1.0e6, 1.0e6, {280, 230}), 5000);  // nothing fits: the smallest
  // The sheet's title block writes the scale the drawing takes in its area.
  const Drawing plan{DrawingKind::FloorPlanPower, hall.id(), QStringLiteral("plan")};
  QCOMPARE(drawingScale(plan, mH100, kA3DrawingArea), QStringLiteral("1:50"));
  const Drawing sld{DrawingKind::PowerSingleLine, hall.id(), QStringLiteral("sld")};
  QCOMPARE(drawingScale(sld, mH100, kA3DrawingArea), QStringLiteral("Not to scale"));
  QVERIFY(drawingNotes(sld, mH100).join(' ').contains(QStringLiteral("by the facility")));
}

void TestReportDrawings::elevationsTakeTheSheetsTheyNeed() {
  const auto sheets = [](const ReportData& data) {
    const int configurations =
        int(rackConfigurations(data.project, data.catalog, data.analysis).size());
    return (configurations + 5) / 6;
  };
  QCOMPARE(drawingSheetCount(DrawingKind::RackElevations, mH100), sheets(mH100));
  QCOMPARE(drawingSheetCount(DrawingKind::RackElevations, mGb200), sheets(mGb200));
  QCOMPARE(drawingSheetCount(DrawingKind::PowerSingleLine, mH100), 1);
  // Elevations at an ISO 5455 scale: a 48 U rack at 1:20 stands on an A3 sheet.
  QCOMPARE(drawingScale({DrawingKind::RackElevations, HallId(), QStringLiteral("e")}, mH100,
                        kA3DrawingArea),
           QStringLiteral("1:20"));
  // Seven distinct racks more (k switches each) need a second sheet.
  Project project = mH100.project;
  test::addDistinctSwitchRacks(project, 7);
  const ReportData more =
      makeReportData(project, mCatalog, analyze(project, mCatalog), {}, QLocale::c());
  QVERIFY(sheets(more) >= 2);
  QCOMPARE(drawingSheetCount(DrawingKind::RackElevations, more), sheets(more));
}

void TestReportDrawings::drawingsPaintIntoAPdf_data() {
  QTest::addColumn<QString>("design");
  QTest::addColumn<int>("kind");
  QTest::addColumn<QStringList>("texts");
  const auto row = [](const char* name, const QString& design, DrawingKind kind,
                      const QStringList& texts) {
    QTest::newRow(name) << design << int(kind) << texts;
  };
  row("H100 plan power", "h100", DrawingKind::FloorPlanPower,
      {"A01", "A08", "N01", "M01", "ROW A", "Drawing data", "13200", "9600", "IRC-1",
       "13.2 m × 9.60 m"});
  row("H100 plan cooling", "h100", DrawingKind::FloorPlanCooling,
      // 40.8 kW of DGX H100 and 272 W of their fabric transceivers to the door.
      {"A01", "Rear-door heat exchanger", "door 41.1 kW", "Zone A", "Heat to room air"});
  row("GB200 plan power", "gb200", DrawingKind::FloorPlanPower, {"A01", "CDU-1", "CRAH-1"});
  row("GB200 plan cooling", "gb200", DrawingKind::FloorPlanCooling, {"A08", "liq"});
  row("H100 elevations", "h100", DrawingKind::RackElevations,
      {"DGX H100", "A01–A07", "Drawing data", "types 1 – "});
  row("GB200 elevations", "gb200", DrawingKind::RackElevations, {"DGX GB200 NVL72"});
  row("H100 single line", "h100", DrawingKind::PowerSingleLine,
      {"UPS-A", "BW-A1", "TX-A", "A01–A08", "by the facility"});
  row("GB200 single line", "gb200", DrawingKind::PowerSingleLine, {"UPS-C", "BW-C2", "A05–A08"});
  row("H100 cooling schematic", "h100", DrawingKind::CoolingSchematic,
      {"Chilled water", "IRC-1", "Rear doors"});
  row("GB200 cooling schematic", "gb200", DrawingKind::CoolingSchematic,
      {"Facility water", "CDU-1", "CDU loop 1", "A01–A08"});
}

void TestReportDrawings::drawingsPaintIntoAPdf() {
  QFETCH(QString, design);
  QFETCH(int, kind);
  QFETCH(QStringList, texts);
  const ReportData& data = design == QLatin1String("h100") ? mH100 : mGb200;
  Drawing drawing;
  drawing.kind = DrawingKind(kind);
  drawing.hallId =
      drawing.kind == DrawingKind::RackElevations ? HallId() : data.project.halls().first().id();
  drawing.caption = QString::fromUtf8(QTest::currentDataTag());
  drawing.partCount = drawingSheetCount(drawing.kind, data);
  const QByteArray pdf = drawingPdf(data, drawing);
  QVERIFY(pdf.startsWith("%PDF"));
  QVERIFY2(pdf.size() < 400'000, qPrintable(QString::number(pdf.size())));
  const QString out = qEnvironmentVariable("DC_DRAWINGS_OUT");
  if (!out.isEmpty()) {
    QFile file(QDir(out).filePath(QString::fromUtf8(QTest::currentDataTag()).replace(' ', '-') +
                                  QStringLiteral(".pdf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pdf);
  }
  const QString text = pdfText(pdf);
  QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils, installed by scripts/dev.sh) read nothing");
  for (const QString& expected : texts) {
    QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + text));
  }
}

void TestReportDrawings::drawingsPaintOnAWorkerThread() {
  // The studio exports on a worker thread: every drawing paints there (no widgets, no pixmaps).
  QList<qsizetype> sizes;
  std::thread worker([this, &sizes] {
    for (const DrawingKind kind :
         {DrawingKind::FloorPlanPower, DrawingKind::FloorPlanCooling, DrawingKind::RackElevations,
          DrawingKind::PowerSingleLine, DrawingKind::CoolingSchematic}) {
      sizes.append(
          drawingPdf(mGb200, {kind, mGb200.project.halls().first().id(), "worker"}).size());
    }
  });
  worker.join();
  QCOMPARE(sizes.size(), 5);
  for (qsizetype size : sizes) {
    QVERIFY(size > 2000);
  }
}

void TestReportDrawings::everyTemplateDraws_data() {
  QTest::addColumn<QString>("path");
  // DC_DRAWINGS_TEMPLATES and DC_DRAWINGS_CATALOG draw another tree's templates (to look at).
  const QString folder =
      qEnvironmentVariable("DC_DRAWINGS_TEMPLATES", QStringLiteral(DC_SOURCE_DIR "/templates"));
  for (const QFileInfo& info :
       QDir(folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
    QTest::newRow(qPrintable(info.baseName())) << info.absoluteFilePath();
  }
}

void TestReportDrawings::everyTemplateDraws() {
  QFETCH(QString, path);
  Catalog catalog = mCatalog;
  if (qEnvironmentVariableIsSet("DC_DRAWINGS_CATALOG")) {
    catalog = loadCatalogFolders({qEnvironmentVariable("DC_DRAWINGS_CATALOG")}).catalog;
  }
  const Project project = loadTemplateFile(path);
  const ReportData data =
      makeReportData(project, catalog, analyze(project, catalog), {}, QLocale::c());
  const QString out = qEnvironmentVariable("DC_DRAWINGS_OUT");
  const QString name = QFileInfo(path).baseName();
  for (const DrawingKind kind :
       {DrawingKind::FloorPlanPower, DrawingKind::FloorPlanCooling, DrawingKind::RackElevations,
        DrawingKind::PowerSingleLine, DrawingKind::CoolingSchematic}) {
    const int sheets = drawingSheetCount(kind, data);
    QVERIFY(sheets >= 1);
    for (int part = 0; part < sheets; ++part) {
      Drawing drawing{kind, data.project.halls().first().id(), name, part, sheets};
      const QByteArray pdf = drawingPdf(data, drawing);
      QVERIFY(pdf.startsWith("%PDF"));
      QVERIFY2(pdf.size() < 400'000, qPrintable(QString::number(pdf.size())));
      if (!out.isEmpty()) {
        QFile file(QDir(out).filePath(
            QStringLiteral("tpl-%1-%2-%3.pdf").arg(name).arg(int(kind)).arg(part + 1)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf);
      }
    }
  }
}

QTEST_MAIN(TestReportDrawings)
#include "tst_reportdrawings.moc"
