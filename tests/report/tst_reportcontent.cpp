// SPDX-License-Identifier: GPL-3.0-or-later
// The report's content, which the PDF writer and the CSV export both read: every shipped
// template builds a report whose summary equals its analysis, whose bill of materials counts
// what the project places, whose schedules have one row per rack, and whose CSV is RFC 4180.
#include "catalog/catalogloader.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "format/quantityformat.h"
#include "report/csvexport.h"
#include "report/reportbuilder.h"
#include "report/sections/sections.h"
#include "templates/templatecatalog.h"

#include <QDir>
#include <QTest>

using namespace dc;
using namespace dc::report;

class TestReportContent final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void everyTemplateBuildsAReport_data();
  void everyTemplateBuildsAReport();
  void theFourScalableUnitBillOfMaterials();
  void csvQuotesAsRfc4180();
  void schedulesComeAsCsv();

 private:
  struct Built {
    Project project;
    Analysis analysis;
    ReportDocument document;
  };
  Built build(const QString& name) const;
  CatalogLoadResult mCatalog;
};

void TestReportContent::initTestCase() {
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
}

TestReportContent::Built TestReportContent::build(const QString& name) const {
  const QString path = QStringLiteral(DC_SOURCE_DIR "/templates/%1.json").arg(name);
  Built built{loadTemplateAgainst(path, mCatalog.catalog), {}, {}};
  built.analysis = analyze(built.project, mCatalog.catalog);
  ReportMeta meta;
  meta.projectName = built.project.name();
  meta.revision = QStringLiteral("A");
  built.document =
      buildReport(ReportInput{built.project, mCatalog.catalog, built.analysis, meta, QLocale()});
  return built;
}

void TestReportContent::everyTemplateBuildsAReport_data() {
  QTest::addColumn<QString>("name");
  for (const TemplateInfo& info :
       listTemplates(QStringLiteral(DC_SOURCE_DIR "/templates")).templates) {
    QTest::newRow(qPrintable(info.name)) << info.name;
  }
}

void TestReportContent::everyTemplateBuildsAReport() {
  QFETCH(QString, name);
  const Built b = build(name);
  // Every section of the registry, in order, each with its id.
  QCOMPARE(b.document.sections.size(), reportSectionBuilders().size());
  QCOMPARE(b.document.sections.front().id, QStringLiteral("cover"));
  QCOMPARE(b.document.sections.back().id, QStringLiteral("assumptions"));

  // The summary's headline figures are the analysis', written by the one formatting.
  const Section& summary = b.document.sections.at(1);
  QCOMPARE(summary.id, QStringLiteral("summary"));
  const KeyFigures* headline = nullptr;
  for (const Block& block : summary.blocks) {
    headline = headline != nullptr ? headline : std::get_if<KeyFigures>(&block);
  }
  QVERIFY(headline != nullptr);
  const auto valueOf = [&](const QString& label) {
    for (const KeyFigure& f : headline->items) {
      if (f.label == label) {
        return QString(f.value).replace(QChar(0x00A0), QLatin1Char(' '));  // kept together
      }
    }
    return QString();
  };
  const PowerTotals& t = b.analysis.power.totals;
  QCOMPARE(valueOf(QStringLiteral("IT power at peak")), formatFigure(t.itPowerW, Quantity::PowerW));
  QCOMPARE(valueOf(QStringLiteral("Facility power at peak")),
           formatFigure(t.facilityPowerW, Quantity::PowerW));
  QCOMPARE(valueOf(QStringLiteral("PUE (annual)")), formatQuantity(t.pue.value, Quantity::Ratio));
  QCOMPARE(valueOf(QStringLiteral("Racks")), QLocale().toString(t.rackCount));
  QCOMPARE(valueOf(QStringLiteral("GPUs and accelerators")),
           QLocale().toString(t.acceleratorCount));
  QCOMPARE(valueOf(QStringLiteral("Energy per year")),
           formatQuantity(t.annualEnergyKwh.value, Quantity::EnergyKwh));

  // The BOM counts exactly what the project places.
  const Table* bom = b.document.table(QStringLiteral("bom"));
  QVERIFY(bom != nullptr);
  int mounted = 0;
  for (const Rack& rack : b.project.racks()) {
    mounted += 1 + static_cast<int>(rack.mounts().size()) + (rack.rearDoorId().isEmpty() ? 0 : 1);
  }
  mounted += static_cast<int>(b.project.coolingUnits().size());
  for (const PowerNode& node : b.project.powerNodes()) {
    mounted += node.catalogId.isEmpty() ? 0 : 1;
  }
  int counted = 0;
  for (const QList<Cell>& row : bom->rows) {
    counted += row.at(4).csvText().toInt();
  }
  QCOMPARE(counted, mounted);

  // One schedule row per rack (floor cooling units are not racks).
  const Table* racks = b.document.table(QStringLiteral("racks"));
  const Table* power = b.document.table(QStringLiteral("power"));
  const Table* cooling = b.document.table(QStringLiteral("cooling"));
  QVERIFY(racks && power && cooling);
  QCOMPARE(racks->rows.size(), b.project.racks().size());
  QCOMPARE(power->rows.size(), b.project.racks().size());
  QCOMPARE(cooling->rows.size(), b.project.racks().size());
  // Every finding is in the findings table.
  const Table* findings = b.document.table(QStringLiteral("findings"));
  QCOMPARE(findings != nullptr ? findings->rows.size() : 0, b.analysis.findings.size());
}

// Reference case 4 (NVIDIA DGX SuperPOD RA, DGX H100, Tables 4, 7, 8): 127 DGX H100, 1,016 GPUs,
// 4 UFM appliances, 8 in-band SN4600C, 8 OOB SN2201, 108 rack PDUs.
void TestReportContent::theFourScalableUnitBillOfMaterials() {
  const Built b = build(QStringLiteral("dgx-superpod-h100-4su"));
  const QMap<QString, int> counts = billOfMaterialsCounts(b.project);
  QCOMPARE(counts.value(QStringLiteral("nvidia/dgx-h100")), 127);
  QCOMPARE(counts.value(QStringLiteral("nvidia/ufm-enterprise-appliance-ndr")), 4);
  QCOMPARE(counts.value(QStringLiteral("nvidia/sn4600c")), 8);
  QCOMPARE(counts.value(QStringLiteral("nvidia/sn2201")), 8);
  QCOMPARE(b.analysis.power.totals.acceleratorCount, 1016);
  // Floor loading counts what hangs on the rack: A01 = Conteg rack 157 kg + 4 DGX H100 × 130.45
  // kg (NVIDIA user guide) + Vertiv Liebert DCD50 rear door 111 kg (catalog) = 789.8 kg.
  for (const Rack& rack : b.project.racks()) {
    if (rack.name() == QLatin1String("A01")) {
      QCOMPARE(b.analysis.power.racks.value(rack.id()).weightKg, 157.0 + 4 * 130.45 + 111.0);
    }
  }
  int pdus = 0;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
    const CatalogItem* item = mCatalog.catalog.find(it.key());
    pdus += item != nullptr && item->kind == ItemKind::Pdu ? it.value() : 0;
  }
  QCOMPARE(pdus, 108);
  const Table* bom = b.document.table(QStringLiteral("bom"));
  bool found = false;
  for (const QList<Cell>& row : bom->rows) {
    if (row.at(3).text == QLatin1String("nvidia/dgx-h100")) {
      found = true;
      QCOMPARE(row.at(4).text, QStringLiteral("127"));
      QCOMPARE(row.at(5).text, QStringLiteral("10.2"));   // kW: NVIDIA DGX H100 max 10.2 kW
      QCOMPARE(row.at(6).text, QStringLiteral("1,295"));  // 127 × 10.2 kW in kW, grouped
      QCOMPARE(row.at(6).csv, QStringLiteral("1295.4"));  // the value, for sums
    }
  }
  QVERIFY(found);
}

void TestReportContent::csvQuotesAsRfc4180() {
  Table table;
  table.columns = {Column{QStringLiteral("Name"), {}, Align::Left, 1.0},
                   Column{QStringLiteral("Power"), QStringLiteral("kW"), Align::Right, 1.0}};
  table.rows = {{Cell{QStringLiteral("Rack \"A\", row 1"), {}, Tone::Normal, false},
                 Cell{QStringLiteral("1,295"), QStringLiteral("1295"), Tone::Normal, false}},
                {Cell{QStringLiteral("two\nlines"), {}, Tone::Normal, false},
                 Cell{QStringLiteral("40.8"), {}, Tone::Normal, false}}};
  QCOMPARE(
      tableToCsv(table),
      QByteArray("Name,Power (kW)\r\n\"Rack \"\"A\"\", row 1\",1295\r\n\"two\nlines\",40.8\r\n"));
}

void TestReportContent::schedulesComeAsCsv() {
  const Built b = build(QStringLiteral("dgx-superpod-h100-1su"));
  for (const QString& kind : csvKinds()) {
    if (kind == QLatin1String("cables")) {
      continue;  // not a table of the report: the fabric pass's cables (tst_reportfabric)
    }
    bool found = false;
    const QByteArray csv = scheduleCsv(b.document, kind, &found);
    QVERIFY2(found, qPrintable(kind));
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY2(lines.size() > 2, qPrintable(kind));
    QVERIFY2(lines.front().endsWith('\r'), "CRLF line ends");
  }
  bool found = true;
  QVERIFY(scheduleCsv(b.document, QStringLiteral("nonsense"), &found).isEmpty());
  QVERIFY(!found);
  // Units named in the header; numbers in the C locale, no grouping.
  const QByteArray power = scheduleCsv(b.document, QStringLiteral("power"), &found);
  QVERIFY2(power.startsWith("Rack,Max (kW),Design (kW),Feeds,PDUs,PDU load (%)"), power.left(120));
  // A01: four DGX H100 at 10.2 kW plus the 272 W of DGX-side transceivers the template's compute
  // fabric adds (4 x 4 OSFP at 17 W): 41,072 W, in kW.
  QVERIFY2(power.contains("\r\nA01,41.072,"), power.left(400));
  // Nothing to show is an empty field, not a dash: a rack type has no power of its own.
  const QByteArray bom = scheduleCsv(b.document, QStringLiteral("bom"), &found);
  QVERIFY2(bom.contains("conteg/ri7-48-80-120,11,,,"), bom.left(600));  // 11 racks
}

QTEST_GUILESS_MAIN(TestReportContent)
#include "tst_reportcontent.moc"
