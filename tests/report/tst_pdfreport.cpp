// SPDX-License-Identifier: GPL-3.0-or-later
// The report PDF: a hand-made report (a 200-row schedule, paragraphs, key figures, a chart and
// an A3 drawing) is written and read back with poppler (pdftotext -layout, pdfinfo): the
// schedule's header repeats on every sheet it runs over, "Page n of m" counts the sheets, A3
// sheets are 420 × 297 mm; a cancelled export leaves no file and an existing file is refused
// unless overwriting. The shipped DGX SuperPOD H100 template's whole report writes too.
#include "catalog/catalogloader.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "poppler.h"
#include "report/pagelayout.h"
#include "report/pdfreport.h"
#include "report/reportdata.h"
#include "report/reportstyle.h"
#include "testdesigns.h"

#include <QBuffer>
#include <QDir>
#include <QPdfWriter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <memory>

using namespace dc;
using namespace dc::report;

namespace {

constexpr int kScheduleRows = 200;
constexpr int kLongParagraphSentences = 1400;

using testsupport::runPoppler;

/// The text of every page, in order.
QStringList pageTexts(const QString& pdf) {
  return testsupport::pdfPageTexts(pdf);
}

/// Each page's size in PDF points, from `pdfinfo -f 1 -l N`.
QList<QSizeF> pageSizesPt(const QString& pdf, int pages) {
  const QString info =
      runPoppler(QStringLiteral("pdfinfo"), {QStringLiteral("-f"), QStringLiteral("1"),
                                             QStringLiteral("-l"), QString::number(pages), pdf});
  static const QRegularExpression size(
      QStringLiteral(R"(Page\s+\d+\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts)"));
  QList<QSizeF> sizes;
  for (auto it = size.globalMatch(info); it.hasNext();) {
    const QRegularExpressionMatch match = it.next();
    sizes.append(QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble()));
  }
  return sizes;
}

/// DC_TEST_PDF_OUT=folder keeps a copy of each written PDF, to look at the pages.
void keepCopy(const QString& path) {
  const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT");
  if (!folder.isEmpty()) {
    const QString copy = QDir(folder).filePath(QFileInfo(path).fileName());
    QFile::remove(copy);
    QFile::copy(path, copy);
  }
}

double ptToMm(double pt) {
  return pt * 25.4 / 72.0;
}

Table longSchedule() {
  Table table;
  table.id = QStringLiteral("racks");
  table.caption = QStringLiteral("Rack schedule");
  table.columns = {{QStringLiteral("Rack"), {}, Align::Left, 0.8},
                   {QStringLiteral("Row"), {}, Align::Left, 0.5},
                   {QStringLiteral("Contents"), {}, Align::Left, 2.4},
                   {QStringLiteral("Power"), QStringLiteral("kW"), Align::Right, 0.8},
                   {QStringLiteral("Heat to liquid"), QStringLiteral("kW"), Align::Right, 0.9},
                   {QStringLiteral("Verdict"), {}, Align::Left, 0.9}};
  for (int r = 0; r < kScheduleRows; ++r) {
    const bool hot = r % 17 == 0;
    table.rows.append({Cell{QStringLiteral("R%1").arg(r + 1, 3, 10, QLatin1Char('0'))},
                       Cell{QStringLiteral("Row %1").arg(QChar(u'A' + r / 20))},
                       Cell{QStringLiteral("4 × DGX H100, 2 × QM9700")},
                       Cell{QStringLiteral("%1.2").arg(40 + r % 9), {}, Tone::Normal, hot},
                       Cell{QStringLiteral("%1.0").arg(10 + r % 5)},
                       Cell{hot ? QStringLiteral("Above air limit") : QStringLiteral("Holds"),
                            {},
                            hot ? Tone::Warning : Tone::Good}});
  }
  table.notes = {QStringLiteral("Power: design power per rack, P = P_idle + u·(P_max − P_idle)."),
                 QStringLiteral("Heat to liquid: the catalog's liquid-capture fraction.")};
  return table;
}

ReportDocument handMadeReport(const Project& project) {
  ReportDocument document;
  document.meta.projectName = QStringLiteral("Test hall");
  document.meta.revision = QStringLiteral("B");
  document.meta.author = QStringLiteral("A. Engineer");
  document.meta.date = QStringLiteral("2025-01-31");
  document.meta.generator = QStringLiteral("DC Studio test");
  document.meta.fileName = QStringLiteral("test.dcstudio");

  Section cover;
  cover.id = QStringLiteral("cover");
  cover.title = QStringLiteral("Cover");
  document.sections.append(cover);

  Section summary;
  summary.id = QStringLiteral("summary");
  summary.title = QStringLiteral("Summary");
  summary.blocks.append(Paragraph{QStringLiteral("One hall of DGX H100 racks on three feeds."),
                                  Paragraph::Style::Lead});
  summary.blocks.append(KeyFigures{
      {{QStringLiteral("IT power at peak"), QStringLiteral("1.27 MW"),
        QStringLiteral("Σ rack design power")},
       {QStringLiteral("PUE"), QStringLiteral("1.31"), QStringLiteral("LBNL 2024, liquid")},
       {QStringLiteral("Racks"), QStringLiteral("38")},
       {QStringLiteral("GPUs"), QStringLiteral("1,016"), {}, Tone::Good}},
      3});
  summary.blocks.append(Paragraph{QStringLiteral("Why"), Paragraph::Style::Heading});
  summary.blocks.append(Paragraph{
      QStringLiteral("The body text wraps over several lines of the sheet. ").repeated(12)});
  summary.blocks.append(
      Paragraph{QStringLiteral("A note in small grey type."), Paragraph::Style::Note});
  Chart chart;
  chart.id = QStringLiteral("rack-power");
  chart.title = QStringLiteral("Rack power by row");
  chart.categories = {QStringLiteral("Row A"), QStringLiteral("Row B"), QStringLiteral("Row C")};
  chart.series = {{QStringLiteral("Liquid"), {120, 130, 90}},
                  {QStringLiteral("Air"), {30, 35, 20}}};
  chart.kind = Chart::Kind::StackedBars;
  chart.valueTitle = QStringLiteral("Power (kW)");
  chart.limit = 160;
  chart.limitLabel = QStringLiteral("Row rating");
  summary.blocks.append(chart);
  Chart racks;  // many categories: the labels stand on end
  racks.id = QStringLiteral("rack-heat");
  racks.title = QStringLiteral("Heat to air per rack");
  for (int r = 1; r <= 40; ++r) {
    racks.categories.append(QStringLiteral("A%1").arg(r, 2, 10, QLatin1Char('0')));
  }
  racks.series = {{QStringLiteral("Heat to air"), {}}};
  for (int r = 0; r < 40; ++r) {
    racks.series[0].values.append(8.0 + (r * 7) % 23);
  }
  racks.valueTitle = QStringLiteral("Heat (kW)");
  racks.limit = 25.0;
  racks.limitLabel = QStringLiteral("Air limit per rack");
  summary.blocks.append(racks);
  document.sections.append(summary);

  Section schedule;
  schedule.id = QStringLiteral("racks");
  schedule.title = QStringLiteral("Rack schedule");
  schedule.blocks.append(longSchedule());
  document.sections.append(schedule);

  Section plan;
  plan.id = QStringLiteral("floor-plan");
  plan.title = QStringLiteral("Floor plan");
  plan.page = PageFormat::A3Landscape;
  const HallId hall = project.halls().isEmpty() ? HallId() : project.halls().first().id();
  plan.blocks.append(
      Drawing{DrawingKind::FloorPlanPower, hall, QStringLiteral("Hall: rack power")});
  document.sections.append(plan);

  Section closing;
  closing.id = QStringLiteral("assumptions");
  closing.title = QStringLiteral("Design assumptions and sources");
  closing.blocks.append(Paragraph{QStringLiteral("Sources are listed with every figure.")});
  QStringList sentences;  // longer than a sheet: split at whole lines
  for (int n = 1; n <= kLongParagraphSentences; ++n) {
    sentences.append(QStringLiteral("w%1z").arg(n, 4, 10, QLatin1Char('0')));  // one word each
  }
  closing.blocks.append(Paragraph{sentences.join(QLatin1Char(' '))});
  document.sections.append(closing);
  return document;
}

}  // namespace

class TestPdfReport final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void longTableRepeatsItsHeaderAndPagesAreCounted();
  void drawingSheetsAreA3Landscape();
  void layoutKeepsItemsOnTheirSheets_data();
  void layoutKeepsItemsOnTheirSheets();
  void writesOnAWorkerThread();
  void cancelledExportLeavesNoFile();
  void existingFileIsRefusedUnlessOverwriting();
  void missingFolderIsRefused();
  void shippedTemplateReportWrites();
  void elevationsOfManyConfigurationsTakeSeveralSheets();

 private:
  QString writeHandMade(const QString& name);

  QTemporaryDir mDir;
  CatalogLoadResult mCatalog;
  ReportData mData;
  ChartPictures mCharts;
};

void TestPdfReport::initTestCase() {
  QVERIFY(mDir.isValid());
  for (const QString& tool : {QStringLiteral("pdfinfo"), QStringLiteral("pdftotext")}) {
    QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
             qPrintable(tool + QStringLiteral(" (poppler-utils) is needed")));
  }
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
  Project project = loadTemplateAgainst(
      QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"), mCatalog.catalog);
  Analysis analysis = analyze(project, mCatalog.catalog);
  mData.document = handMadeReport(project);
  mData.project = std::move(project);
  mData.catalog = mCatalog.catalog;
  mData.analysis = std::move(analysis);
  mCharts = renderCharts(mData.document);
  QCOMPARE(mCharts.size(), 2);
}

QString TestPdfReport::writeHandMade(const QString& name) {
  const QString path = mDir.filePath(name);
  QString error;
  const PdfOutcome outcome = exportReportPdf(path, true, mData, mCharts, {}, &error);
  keepCopy(path);
  return outcome == PdfOutcome::Written ? path : QString();
}

void TestPdfReport::longTableRepeatsItsHeaderAndPagesAreCounted() {
  const QString pdf = writeHandMade(QStringLiteral("hand.pdf"));
  QVERIFY(!pdf.isEmpty());
  const QStringList pages = pageTexts(pdf);
  QVERIFY2(pages.size() >= 5, qPrintable(QString::number(pages.size())));
  const int n = int(pages.size());

  // The header row as one line of text: the columns in order, the unit in the header.
  static const QRegularExpression header(
      QStringLiteral(R"(Rack\s+Row\s+Contents\s+Power \(kW\).*Verdict)"));
  int withHeader = 0;
  int continued = 0;
  for (const QString& page : pages) {
    withHeader += page.contains(header) ? 1 : 0;
    continued += page.contains(QLatin1String("Rack schedule (continued)")) ? 1 : 0;
  }
  // 200 rows do not fit one A4 sheet: the header is on every sheet the schedule runs over, and
  // every sheet after the first says "(continued)".
  QVERIFY2(withHeader >= 2, qPrintable(QString::number(withHeader)));
  QCOMPARE(continued, withHeader - 1);
  // Every row made it, once: R001 .. R200.
  const QString all = pages.join(QLatin1Char('\n'));
  for (int r = 1; r <= kScheduleRows; ++r) {
    QCOMPARE(all.count(QStringLiteral("R%1 ").arg(r, 3, 10, QLatin1Char('0'))), 1);
  }
  // The long paragraph runs over sheets, every sentence printed once.
  for (int n = 1; n <= kLongParagraphSentences; ++n) {
    QCOMPARE(all.count(QStringLiteral("w%1z").arg(n, 4, 10, QLatin1Char('0'))), 1);
  }
  const auto first = std::find_if(pages.cbegin(), pages.cend(),
                                  [](const QString& page) { return page.contains(u"w0001z"); });
  QVERIFY(first != pages.cend() && first + 1 != pages.cend());
  QVERIFY(pages.last().contains(QStringLiteral("w%1z").arg(kLongParagraphSentences)));
  QVERIFY(!pages.last().contains(u"w0001z"));
  // Page numbers count the sheets.
  for (int p = 0; p < n; ++p) {
    QVERIFY2(pages[p].contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(n)),
             qPrintable(QStringLiteral("sheet %1").arg(p + 1)));
  }
  // The key figures, the chart's vector text and the cover's contents are text in the PDF.
  QVERIFY(all.contains(QLatin1String("1.27 MW")));
  QVERIFY(all.contains(QLatin1String("1,016")));
  QVERIFY(all.contains(QLatin1String("Row B")));
  QVERIFY(pages.first().contains(QLatin1String("Contents")));
  QVERIFY(pages.first().contains(QLatin1String("A. Engineer")));
}

void TestPdfReport::drawingSheetsAreA3Landscape() {
  const QString pdf = writeHandMade(QStringLiteral("sizes.pdf"));
  QVERIFY(!pdf.isEmpty());
  const QStringList pages = pageTexts(pdf);
  const QList<QSizeF> sizes = pageSizesPt(pdf, int(pages.size()));
  QCOMPARE(sizes.size(), pages.size());
  int a3 = 0;
  int a3Index = -1;
  for (qsizetype p = 0; p < sizes.size(); ++p) {
    const QSizeF mm(ptToMm(sizes[p].width()), ptToMm(sizes[p].height()));
    const bool isA3 = pages[p].contains(QLatin1String("Hall: rack power"));
    const QSizeF expected = isA3 ? QSizeF(420, 297) : QSizeF(210, 297);
    QVERIFY2(
        qAbs(mm.width() - expected.width()) < 0.5 && qAbs(mm.height() - expected.height()) < 0.5,
        qPrintable(
            QStringLiteral("page %1: %2 x %3 mm").arg(p + 1).arg(mm.width()).arg(mm.height())));
    a3 += isA3 ? 1 : 0;
    a3Index = isA3 ? int(p) : a3Index;
  }
  QCOMPARE(a3, 1);
  // One title block on the sheet: the drawing's title once, with the scale the plan is drawn at
  // (the 13.2 × 9.6 m SuperPOD hall fits A3 at 1:50), not "As indicated".
  const QString& sheet = pages[a3Index];
  QCOMPARE(sheet.count(QLatin1String("Hall: rack power")), 1);
  QVERIFY2(sheet.contains(QRegularExpression(QStringLiteral(R"(SCALE[^\n]*\n(\s*\n)?[^\n]*1:50)"))),
           qPrintable(sheet));
  QVERIFY(!sheet.contains(QLatin1String("As indicated")));
  QVERIFY(sheet.contains(QLatin1String("Drawing data")));
  // The sheet after the A3 drawing is A4 again.
  QVERIFY(pages[a3Index + 1].contains(QLatin1String("Design assumptions and sources")));
}

void TestPdfReport::layoutKeepsItemsOnTheirSheets_data() {
  QTest::addColumn<int>("fillerSentences");
  // Paragraphs of every length before a heading and a table move the sheet break through the
  // heading, the caption, the header row and the first rows.
  for (int sentences : {0, 20, 40, 60, 70, 80, 90, 100, 110, 120, 130}) {
    QTest::newRow(qPrintable(QStringLiteral("%1 sentences").arg(sentences))) << sentences;
  }
}

void TestPdfReport::layoutKeepsItemsOnTheirSheets() {
  QFETCH(int, fillerSentences);
  ReportDocument document = mData.document;
  Section section;
  section.id = QStringLiteral("stress");
  section.title = QStringLiteral("Stress");
  section.blocks.append(Paragraph{
      QStringLiteral("A filler sentence of the body. ").repeated(fillerSentences).trimmed()});
  section.blocks.append(Paragraph{QStringLiteral("Schedule"), Paragraph::Style::Heading});
  Table table = longSchedule();
  table.rows.resize(30);
  section.blocks.append(table);
  section.blocks.append(Paragraph{QStringLiteral("After"), Paragraph::Style::Heading});
  section.blocks.append(KeyFigures{{{QStringLiteral("A"), QStringLiteral("1")}}, 3});
  document.sections.insert(2, section);

  QBuffer buffer;
  QVERIFY(buffer.open(QIODevice::WriteOnly));
  QPdfWriter writer(&buffer);
  writer.setResolution(kPdfResolutionDpi);
  const ReportLayout layout = layoutReport(document, &writer);
  QHash<const Block*, int> rowsPlaced;
  for (qsizetype s = 0; s < layout.sheets.size(); ++s) {
    const SheetPlan& sheet = layout.sheets[s];
    const QRectF body = sheetGeometry(sheet.format).bodyMm;
    double bottom = sheet.cover ? 0.0 : body.top();
    for (const PlacedItem& item : sheet.items) {
      const QString where =
          QStringLiteral("sheet %1 item at %2 mm").arg(s + 1).arg(item.rectMm.top());
      QVERIFY2(item.rectMm.top() >= bottom - 1e-6,
               qPrintable(where + QStringLiteral(": overlaps")));
      QVERIFY2(item.rectMm.bottom() <= body.bottom() + 1e-6,
               qPrintable(where + QStringLiteral(": below the body")));
      bottom = item.rectMm.bottom();
      if (item.kind == PlacedItem::Kind::Table) {
        rowsPlaced[item.block] += item.slice.rowCount;
      }
    }
    if (s + 1 < layout.sheets.size() && !sheet.items.isEmpty()) {
      QVERIFY2(!sheet.items.last().keepsWithNext(),
               qPrintable(QStringLiteral("sheet %1 ends with a heading").arg(s + 1)));
    }
  }
  for (const Section& each : document.sections) {
    for (const Block& block : each.blocks) {
      if (const auto* placed = std::get_if<Table>(&block)) {
        QCOMPARE(rowsPlaced.value(&block), int(placed->rows.size()));
      }
    }
  }
}

void TestPdfReport::writesOnAWorkerThread() {
  // The studio exports on a worker: charts rendered here, the sheets painted there, no pixmap
  // or widget touched off the GUI thread (Qt warns when one is).
  QTest::failOnWarning(QRegularExpression(QStringLiteral("(?i)pixmap|thread|widget")));
  QBuffer buffer;
  QVERIFY(buffer.open(QIODevice::WriteOnly));
  PdfOutcome outcome = PdfOutcome::Failed;
  QString error;
  std::unique_ptr<QThread> worker(
      QThread::create([&] { outcome = writeReportPdf(mData, mCharts, buffer, {}, &error); }));
  worker->start();
  QVERIFY(worker->wait(60'000));
  QVERIFY2(outcome == PdfOutcome::Written, qPrintable(error));
  const QString path = mDir.filePath(QStringLiteral("worker.pdf"));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(buffer.data());
  file.close();
  const QStringList pages = pageTexts(path);
  QVERIFY(pages.size() >= 5);
  QVERIFY(pages.join(QString()).contains(QLatin1String("Row B")));  // the chart played back
}

void TestPdfReport::cancelledExportLeavesNoFile() {
  const QString path = mDir.filePath(QStringLiteral("cancelled.pdf"));
  int calls = 0;
  QString error;
  const PdfOutcome outcome = exportReportPdf(
      path, false, mData, mCharts,
      [&calls](int done, int total) {
        ++calls;
        return done < 2 && total > 2;
      },
      &error);
  QCOMPARE(outcome, PdfOutcome::Cancelled);
  QCOMPARE(calls, 2);
  QVERIFY(!QFile::exists(path));
  // Nor any temporary beside it.
  QVERIFY(QDir(mDir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).isEmpty());
}

void TestPdfReport::existingFileIsRefusedUnlessOverwriting() {
  const QString path = mDir.filePath(QStringLiteral("existing.pdf"));
  {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("keep me");
  }
  QString error;
  QCOMPARE(exportReportPdf(path, false, mData, mCharts, {}, &error), PdfOutcome::Failed);
  QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
  {
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
  }
  // A cancelled overwrite keeps it too.
  QCOMPARE(exportReportPdf(
               path, true, mData, mCharts, [](int, int) { return false; }, &error),
           PdfOutcome::Cancelled);
  {
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me"));
  }
  QCOMPARE(exportReportPdf(path, true, mData, mCharts, {}, &error), PdfOutcome::Written);
  QFile file(path);
  QVERIFY(file.open(QIODevice::ReadOnly));
  QVERIFY(file.read(5) == "%PDF-");
}

void TestPdfReport::missingFolderIsRefused() {
  const QString path = mDir.filePath(QStringLiteral("no/such/folder/report.pdf"));
  QString error;
  QCOMPARE(exportReportPdf(path, false, mData, mCharts, {}, &error), PdfOutcome::Failed);
  QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
  QVERIFY(!QFile::exists(path));
}

void TestPdfReport::shippedTemplateReportWrites() {
  Project project = loadTemplateAgainst(
      QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"), mCatalog.catalog);
  Analysis analysis = analyze(project, mCatalog.catalog);
  ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = QStringLiteral("1");
  meta.date = QStringLiteral("2025-01-31");
  meta.generator = QStringLiteral("DC Studio test");
  const ReportData data =
      makeReportData(std::move(project), mCatalog.catalog, std::move(analysis), meta);
  const ChartPictures charts = renderCharts(data.document);
  QBuffer buffer;
  QVERIFY(buffer.open(QIODevice::WriteOnly));
  int sheets = 0;
  QString error;
  const PdfOutcome outcome = writeReportPdf(
      data, charts, buffer,
      [&sheets](int done, int total) {
        sheets = total;
        return done <= total;
      },
      &error);
  QVERIFY2(outcome == PdfOutcome::Written, qPrintable(error));
  QVERIFY(sheets >= 2);
  QVERIFY(buffer.data().startsWith("%PDF-"));
  const QString path = mDir.filePath(QStringLiteral("template.pdf"));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(buffer.data());
  file.close();
  keepCopy(path);
  const QStringList pages = pageTexts(path);
  QCOMPARE(int(pages.size()), sheets);
  QVERIFY(pages.last().contains(QStringLiteral("Page %1 of %1").arg(sheets)));
}

void TestPdfReport::elevationsOfManyConfigurationsTakeSeveralSheets() {
  // Seven racks of a configuration each (k switches) besides the template's: more than one A3
  // sheet of elevations holds. The report's one elevations drawing prints on as many sheets,
  // each titled with its part, every one at the same scale.
  Project project = mData.project;
  test::addDistinctSwitchRacks(project, 7);
  ReportDocument document;
  document.meta.projectName = QStringLiteral("Many racks");
  Section elevations;
  elevations.id = QStringLiteral("elevations");
  elevations.title = QStringLiteral("Rack elevations");
  elevations.page = PageFormat::A3Landscape;
  elevations.blocks.append(
      Drawing{DrawingKind::RackElevations, HallId(), QStringLiteral("Front elevations"), 0, 1});
  document.sections.append(elevations);
  ReportData data;
  data.analysis = analyze(project, mCatalog.catalog);
  data.project = std::move(project);
  data.catalog = mCatalog.catalog;
  data.document = document;
  const QString path = mDir.filePath(QStringLiteral("elevations.pdf"));
  QString error;
  QCOMPARE(exportReportPdf(path, true, data, {}, {}, &error), PdfOutcome::Written);
  keepCopy(path);
  const QStringList pages = pageTexts(path);
  QCOMPARE(pages.size(), 2);
  for (int p = 0; p < 2; ++p) {
    QCOMPARE(pages[p].count(QStringLiteral("Front elevations (%1 of 2)").arg(p + 1)), 1);
    QVERIFY(pages[p].contains(QLatin1String("1:20")));
  }
  QVERIFY(pages[1].contains(QLatin1String("Type 7")));
}

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
