// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 9, "must show": every shipped template loads, analyses and exports its PDF report and
// every CSV schedule; the PDF's text (pdftotext) holds the summary figures and they equal the
// analysis; the BOM counts equal the project's mounts.
#include "catalog/catalogloader.h"
#include "csvrecords.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "format/quantityformat.h"
#include "poppler.h"
#include "report/csvexport.h"
#include "report/pdfreport.h"
#include "report/reportdata.h"
#include "report/sections/sections.h"
#include "templates/templatecatalog.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dc;
using namespace dc::report;

class TestReportExport final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void everyTemplateExports_data();
  void everyTemplateExports();

 private:
  CatalogLoadResult mCatalog;
  QTemporaryDir mDir;
};

void TestReportExport::initTestCase() {
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
  QVERIFY(mDir.isValid());
  QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
           "poppler-utils (pdftotext) is needed: scripts/dev.sh installs it");
}

void TestReportExport::everyTemplateExports_data() {
  QTest::addColumn<QString>("path");
  for (const TemplateInfo& info :
       listTemplates(QStringLiteral(DC_SOURCE_DIR "/templates")).templates) {
    QTest::newRow(qPrintable(info.name)) << info.path;
  }
}

void TestReportExport::everyTemplateExports() {
  QFETCH(QString, path);
  Project project = loadTemplateAgainst(path, mCatalog.catalog);
  project.setRevision(QStringLiteral("P1"));
  Analysis analysis = analyze(project, mCatalog.catalog);
  const PowerTotals totals = analysis.power.totals;
  const QMap<QString, int> placed = billOfMaterialsCounts(project);
  ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = project.revision();
  meta.author = QStringLiteral("Test");
  meta.date = QStringLiteral("2026-12-01");
  const ReportData data =
      makeReportData(project, mCatalog.catalog, std::move(analysis), meta, QLocale());

  // The PDF.
  const QString pdf = mDir.filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".pdf"));
  QString error;
  QCOMPARE(exportReportPdf(pdf, false, data, renderCharts(data.document, data.locale), {}, &error),
           PdfOutcome::Written);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QStringList pages = testsupport::pdfPageTexts(pdf);
  for (QString& page : pages) {
    page.replace(QChar(0x00A0), QLatin1Char(' '));  // figures keep number and unit together
  }
  QVERIFY(pages.size() >= 8);
  const QString text = pages.join(QLatin1Char('\n'));
  // The summary's figures, as the analysis gives them, written the one way.
  const QStringList figures{
      formatFigure(totals.itPowerW, Quantity::PowerW),
      formatFigure(totals.facilityPowerW, Quantity::PowerW),
      formatQuantity(totals.pue.value, Quantity::Ratio),
      QLocale().toString(totals.rackCount),
      QLocale().toString(totals.acceleratorCount),
      formatQuantity(totals.annualEnergyKwh.value, Quantity::EnergyKwh),
      formatQuantity(totals.annualCostUsd.value, Quantity::CostUsd),
      formatQuantity(totals.annualCarbonT.value, Quantity::CarbonT),
  };
  QString summaryPage;
  for (const QString& page : pages) {
    if (page.contains(QLatin1String("IT power at peak"))) {
      summaryPage = page;
      break;
    }
  }
  QVERIFY2(!summaryPage.isEmpty(), "no summary page");
  for (const QString& figure : figures) {
    QVERIFY2(summaryPage.contains(figure),
             qPrintable(QStringLiteral("summary lacks %1").arg(figure)));
  }
  QVERIFY(text.contains(QLatin1String("P1")));  // the revision on the cover and sheets
  QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages.size())));
  for (const Rack& rack : project.racks()) {
    QVERIFY2(text.contains(rack.name()), qPrintable(rack.name()));
  }

  // Every CSV schedule, and the BOM's counts against what the project places.
  for (const QString& kind : csvKinds()) {
    bool found = false;
    const QByteArray csv = scheduleCsv(data, kind, &found);
    if (kind == QLatin1String("cables")) {
      // The fabric pass's cables: there when the design specifies a fabric.
      QCOMPARE(found, !data.analysis.fabric.fabrics.isEmpty());
      QVERIFY(!found || csv.startsWith("Fabric,Tier,"));
      continue;
    }
    QVERIFY2(found, qPrintable(kind));
    QVERIFY(csv.startsWith(kind == QLatin1String("bom") ? "Item," : "Rack,"));
  }
  bool found = false;
  const QByteArray bom = scheduleCsv(data.document, QStringLiteral("bom"), &found);
  QMap<QString, int> counted;
  const QList<QStringList> records = testsupport::parseCsv(bom);
  for (qsizetype i = 1; i < records.size(); ++i) {
    if (records[i].size() > 4) {
      counted[records[i][3]] += records[i][4].toInt();
    }
  }
  QCOMPARE(counted, placed);
  int mounts = 0;
  for (const Rack& rack : project.racks()) {
    mounts += static_cast<int>(rack.mounts().size());
  }
  int mountedInBom = 0;
  for (auto it = counted.cbegin(); it != counted.cend(); ++it) {
    const CatalogItem* item = mCatalog.catalog.find(it.key());
    if (item != nullptr && item->isMountable()) {
      mountedInBom += it.value();
    }
  }
  QCOMPARE(mountedInBom, mounts);
}

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
