// SPDX-License-Identifier: GPL-3.0-or-later
// The cover sheet lays out from what it prints: for 10 to 20 sections, short and long project
// names, a short and a long cover note, the band's title, project and facts stay inside the
// band and apart, and the band, the project data, the contents, the note and the approval boxes
// follow one another without overlapping, all above the footer. The note is placed whole on the
// cover, and the written PDF's first page holds it, every contents entry and the approvals.
#include "poppler.h"
#include "report/pagelayout.h"
#include "report/pdfreport.h"
#include "report/reportstyle.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dc;
using namespace dc::report;

namespace {

const QString kShortName = QStringLiteral("Test hall");
const QString kLongName = QStringLiteral(
    "Hyperscale AI campus, phase 2: building C, data halls 1 to 4, liquid-cooled GB200 NVL72 "
    "racks with rear-door heat exchangers on the north side");
const QString kShortNote = QStringLiteral("Every figure is computed from the design.");
const QString kLongNote =
    QStringLiteral(
        "Every figure in this report is computed from the design and the catalog by "
        "the formulas named beside it; every catalog figure cites its public source "
        "(section \"Design assumptions and sources\"). Figures are written with three "
        "significant digits, two where an input is an engineering estimate. ")
        .repeated(2)
        .trimmed() +
    QStringLiteral(" Closing word.");

ReportDocument coverReport(int sections, const QString& projectName, const QString& note) {
  ReportDocument document;
  document.meta.projectName = projectName;
  document.meta.revision = QStringLiteral("C");
  document.meta.author = QStringLiteral("A. Engineer");
  document.meta.date = QStringLiteral("2026-12-01");
  document.meta.generator = QStringLiteral("DC Studio test");
  document.meta.fileName = QStringLiteral("campus.dcstudio");
  Section cover;
  cover.id = QStringLiteral("cover");
  cover.title = document.meta.title;
  cover.blocks.append(Paragraph{note, Paragraph::Style::Note, Tone::Muted});
  document.sections.append(cover);
  for (int n = 1; n <= sections; ++n) {
    Section section;
    section.id = QStringLiteral("s%1").arg(n);
    section.title = QStringLiteral("Section title %1").arg(n);
    section.blocks.append(Paragraph{QStringLiteral("Body of section %1.").arg(n)});
    document.sections.append(section);
  }
  return document;
}

/// `upper` ends at or above where `lower` starts (a hair of rounding allowed).
bool above(const QRectF& upper, const QRectF& lower) {
  return upper.bottom() <= lower.top() + 1e-6;
}

bool inside(const QRectF& inner, const QRectF& outer) {
  return inner.left() >= outer.left() - 1e-6 && inner.right() <= outer.right() + 1e-6 &&
         inner.top() >= outer.top() - 1e-6 && inner.bottom() <= outer.bottom() + 1e-6;
}

}  // namespace

class TestReportCover final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QVERIFY(mDir.isValid()); }
  void regionsNeverOverlap_data();
  void regionsNeverOverlap();

 private:
  QTemporaryDir mDir;
};

void TestReportCover::regionsNeverOverlap_data() {
  QTest::addColumn<int>("sections");
  QTest::addColumn<QString>("projectName");
  QTest::addColumn<QString>("note");
  for (int sections = 10; sections <= 20; ++sections) {
    QTest::newRow(qPrintable(QStringLiteral("%1 short").arg(sections)))
        << sections << kShortName << kShortNote;
    QTest::newRow(qPrintable(QStringLiteral("%1 long").arg(sections)))
        << sections << kLongName << kLongNote;
  }
}

void TestReportCover::regionsNeverOverlap() {
  QFETCH(int, sections);
  QFETCH(QString, projectName);
  QFETCH(QString, note);
  ReportData data;
  data.document = coverReport(sections, projectName, note);
  QBuffer buffer;
  QVERIFY(buffer.open(QIODevice::WriteOnly));
  QPdfWriter writer(&buffer);
  writer.setResolution(kPdfResolutionDpi);
  const ReportLayout layout = layoutReport(data.document, &writer);
  QVERIFY(!layout.sheets.isEmpty() && layout.sheets.first().cover);
  QCOMPARE(int(layout.contents.size()), sections);

  const SheetGeometry sheet = sheetGeometry(PageFormat::A4Portrait);
  const CoverGeometry& cover = layout.cover;
  // The band's text: inside the band, top to bottom, apart.
  QVERIFY(inside(cover.titleMm, cover.bandMm));
  QVERIFY(inside(cover.projectMm, cover.bandMm));
  QVERIFY(inside(cover.factsMm, cover.bandMm));
  QVERIFY(cover.titleMm.top() >= sheet.bodyMm.top() - 10.0);  // blue over the title
  QVERIFY(above(cover.titleMm, cover.projectMm));
  QVERIFY(above(cover.projectMm, cover.factsMm));
  // The regions, top to bottom, apart, the approvals above the footer.
  QVERIFY(above(cover.bandMm, cover.metaMm));
  QVERIFY(above(cover.metaMm, cover.contentsMm));
  QVERIFY(above(cover.contentsMm, cover.blocksMm));
  QVERIFY(above(cover.blocksMm, cover.approvalMm));
  QVERIFY(cover.approvalMm.bottom() <= sheet.bodyMm.bottom() + 1e-6);
  // The contents hold their title and a row per section, each row tall enough for its line.
  QVERIFY(cover.contentsMm.height() + 1e-6 >=
          cover.contentsTitleMm + double(sections) * cover.contentsRowMm);
  QVERIFY2(cover.contentsRowMm >= lineHeightMm(9.0),
           qPrintable(QString::number(cover.contentsRowMm)));
  QVERIFY(cover.metaMm.height() + 1e-6 >= kCoverMetaRows * cover.metaRowMm);
  QVERIFY(cover.metaRowMm >= lineHeightMm(9.0));
  // The note: whole, on the cover, in its region; nothing of the cover on another sheet.
  const QList<PlacedItem>& items = layout.sheets.first().items;
  QCOMPARE(int(items.size()), 1);
  QVERIFY(items.first().text.isEmpty());
  QVERIFY2(inside(items.first().rectMm, cover.blocksMm),
           qPrintable(QStringLiteral("note %1..%2 mm, room %3..%4 mm")
                          .arg(items.first().rectMm.top())
                          .arg(items.first().rectMm.bottom())
                          .arg(cover.blocksMm.top())
                          .arg(cover.blocksMm.bottom())));
  for (qsizetype s = 1; s < layout.sheets.size(); ++s) {
    QVERIFY(layout.sheets[s].sectionIndex != 0);
  }

  // As printed: the first page holds the note, every entry and the approval boxes.
  // poppler-utils is one of the packages scripts/dev.sh installs: missing, the test fails.
  QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
           "pdftotext (poppler-utils) is needed to read the cover back");
  QBuffer pdf;
  QVERIFY(pdf.open(QIODevice::WriteOnly));
  QString error;
  QVERIFY2(writeReportPdf(data, {}, pdf, {}, &error) == PdfOutcome::Written, qPrintable(error));
  const QString path = mDir.filePath(QStringLiteral("cover-%1.pdf")
                                         .arg(QTest::currentDataTag())
                                         .replace(QLatin1Char(' '), QLatin1Char('-')));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(pdf.data());
  file.close();
  if (const QString folder = qEnvironmentVariable("DC_TEST_PDF_OUT"); !folder.isEmpty()) {
    const QString copy = QDir(folder).filePath(QFileInfo(path).fileName());
    QFile::remove(copy);
    QFile::copy(path, copy);
  }
  const QStringList pages = testsupport::pdfPageTexts(path);
  QVERIFY(!pages.isEmpty());
  const QString first = pages.first();
  QVERIFY(first.contains(note.section(QLatin1Char(' '), -1)));  // its last word
  for (int n = 1; n <= sections; ++n) {
    QVERIFY2(first.contains(QStringLiteral("Section title %1 ").arg(n)),
             qPrintable(QString::number(n)));
  }
  QVERIFY(first.contains(QLatin1String("APPROVED BY")));
}

QTEST_MAIN(TestReportCover)
#include "tst_reportcover.moc"
