// SPDX-License-Identifier: GPL-3.0-or-later
// Times the report PDF of the DGX SuperPOD H100 4-SU design: the charts drawn by Qt Charts
// (renderCharts, GUI thread) and the PDF written (writeReportPdf, every sheet, drawings and
// schedules), into memory.
//   bench_pdfexport [OUT.pdf]
// Prints the median of several runs, the size and the sheet count; OUT.pdf keeps the last one.
// Target (issue 9): under 1 s and under 3 MB. Until templates/dgx-superpod-h100-4su.json exists
// the design is the 1-SU template loaded four times, one hall each.
#include "benchsupport.h"
#include "catalog/catalogloader.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "report/pdfreport.h"
#include "report/reportdata.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>

#include <cstdio>

using namespace dc;
using namespace dc::report;

namespace {

constexpr double kTargetMs = 1'000.0;
constexpr double kTargetBytes = 3.0 * 1024 * 1024;

/// The 4-SU template, or four 1-SU templates side by side as four halls.
Project fourScalableUnits(const Catalog& catalog) {
  const QString fourSu = QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-4su.json");
  if (QFile::exists(fourSu)) {
    return loadTemplateAgainst(fourSu, catalog);
  }
  const QString oneSu = QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json");
  Project project = loadTemplateAgainst(oneSu, catalog);
  project.setName(QStringLiteral("DGX SuperPOD H100, 4 scalable units (4 × 1 SU)"));
  Hall* first = project.findHall(project.halls().first().id());
  first->setName(QStringLiteral("SU 1"));
  for (int su = 2; su <= 4; ++su) {
    // Each load makes fresh ids, so the four copies never collide.
    const Project copy = loadTemplateAgainst(oneSu, catalog);
    for (Hall hall : copy.halls()) {
      hall.setName(QStringLiteral("SU %1").arg(su));
      project.insertHall(-1, hall);
    }
    for (const Rack& rack : copy.racks()) {
      project.insertRack(-1, rack);
    }
    for (const PowerNode& node : copy.powerNodes()) {
      project.insertPowerNode(-1, node);
    }
    for (const CoolingLoop& loop : copy.coolingLoops()) {
      project.insertCoolingLoop(-1, loop);
    }
    for (const CoolingUnit& unit : copy.coolingUnits()) {
      project.insertCoolingUnit(-1, unit);
    }
  }
  return project;
}

}  // namespace

int main(int argc, char* argv[]) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
  }
  QApplication app(argc, argv);  // Qt Charts are widgets
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  Project project = fourScalableUnits(catalog.catalog);
  std::printf("design: %s: %lld halls, %lld racks\n", qPrintable(project.name()),
              static_cast<long long>(project.halls().size()),
              static_cast<long long>(project.racks().size()));
  ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = QStringLiteral("1");
  meta.author = QStringLiteral("Benchmark");
  meta.date = QStringLiteral("2025-01-31");
  meta.generator = QStringLiteral("DC Studio bench");

  // The whole export, as File > Export PDF and dcstudio-cli export-pdf run it: analyse, build the
  // report's content (which analyses each feed's loss for the power schedule), draw the charts,
  // write the PDF.
  QByteArray pdf;
  int sheets = 0;
  qsizetype chartCount = 0;
  double contentMs = 0.0, chartsMs = 0.0;
  const double totalMs = bench::medianMs(5, [&] {
    QElapsedTimer timer;
    timer.start();
    Analysis analysis = analyze(project, catalog.catalog);
    const ReportData data = makeReportData(project, catalog.catalog, std::move(analysis), meta);
    contentMs = double(timer.nsecsElapsed()) / 1.0e6;
    timer.restart();
    const ChartPictures charts = renderCharts(data.document);
    chartsMs = double(timer.nsecsElapsed()) / 1.0e6;
    chartCount = data.document.charts().size();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    const PdfOutcome outcome = writeReportPdf(
        data, charts, buffer,
        [&sheets](int, int total) {
          sheets = total;
          return true;
        },
        &error);
    if (outcome != PdfOutcome::Written) {
      std::fprintf(stderr, "PDF not written: %s\n", qPrintable(error));
    }
    pdf = buffer.data();
  });
  std::printf("report: %d sheets, %lld charts, %.0f KB\n", sheets,
              static_cast<long long>(chartCount), double(pdf.size()) / 1024.0);
  std::printf(
      "export (analyse, content, charts, PDF): %.0f ms (median of 5; in the last: "
      "analysis and content %.0f ms, charts %.0f ms)\n",
      totalMs, contentMs, chartsMs);
  const bool ok = totalMs < kTargetMs && double(pdf.size()) < kTargetBytes;
  std::printf("target under %.0f ms and %.0f MB: %s\n", kTargetMs, kTargetBytes / 1024 / 1024,
              ok ? "met" : "MISSED");
  if (argc > 1) {
    QFile out(QString::fromLocal8Bit(argv[1]));
    if (!out.open(QIODevice::WriteOnly) || out.write(pdf) != pdf.size()) {
      std::fprintf(stderr, "cannot write %s\n", argv[1]);
      return 1;
    }
  }
  return ok ? 0 : 1;
}
