// SPDX-License-Identifier: GPL-3.0-or-later
// dcstudio-cli export-pdf and export-csv: the design report as a PDF, its schedules as CSV.
#include "clicommands.h"
#include "clicontext.h"
#include "engine/analyze.h"
#include "report/csvexport.h"
#include "report/outputfile.h"
#include "report/pdfreport.h"
#include "report/reportdata.h"

#include <QDate>
#include <QFileInfo>
#include <QLocale>

namespace dc {

namespace {

/// The -o file of an export, checked before any work so that a refused output costs nothing
/// and leaves nothing behind. `stdoutAllowed`: "-" writes to standard output.
QString outputOption(const Options& options, const char* example, bool stdoutAllowed) {
  if (!options.has("--output")) {
    throw UsageError{QStringLiteral("'%1' needs an output file (-o %2)")
                         .arg(options.command, QLatin1String(example))};
  }
  const QString path = options.value("--output");
  if (path == QLatin1String("-")) {
    if (!stdoutAllowed) {
      throw UsageError{QStringLiteral("'%1' writes a file: -o - (standard output) is for "
                                      "export-csv")
                           .arg(options.command)};
    }
    return path;
  }
  const QString problem = report::outputPathProblem(path, options.force);
  if (!problem.isEmpty()) {
    throw DataError{problem};
  }
  return path;
}

/// The design read, its catalog loaded and the design analysed, as `analyze` does.
struct AnalysedDesign {
  Project project;
  CatalogLoadResult loaded;
  Analysis analysis;
};

AnalysedDesign analysedDesign(const Options& options, const QString& path, QTextStream& err) {
  AnalysedDesign design{openProject(path), {}, {}};  // a missing file before the catalog
  const FailureScenario scenario = failureScenario(options, design.project);
  design.loaded = loadCatalog(options, err);
  design.analysis = analyze(DesignSnapshot{design.project, design.loaded.catalog,
                                           design.project.assumptions(), scenario});
  return design;
}

/// The cover and page headers: --revision and --author, else the project's own, and today.
report::ReportMeta reportMeta(const Options& options, const Project& project, const QString& path) {
  report::ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = options.has("--revision") ? options.value("--revision") : project.revision();
  meta.author = options.has("--author") ? options.value("--author") : project.author();
  meta.date = QDate::currentDate().toString(Qt::ISODate);
  meta.generator = QStringLiteral("DC Studio ") + cliVersion();
  meta.fileName = QFileInfo(path).fileName();
  return meta;
}

report::ReportData reportData(const Options& options, const QString& path, QTextStream& err) {
  AnalysedDesign design = analysedDesign(options, path, err);
  report::ReportMeta meta = reportMeta(options, design.project, path);
  return report::makeReportData(std::move(design.project), std::move(design.loaded.catalog),
                                std::move(design.analysis), std::move(meta));
}

QString fileSizeText(const QString& path) {
  return QLocale::c().formattedDataSize(QFileInfo(path).size(), 1, QLocale::DataSizeSIFormat);
}

}  // namespace

int runExportPdf(const Options& options, QTextStream& out, QTextStream& err) {
  const QString path = fileArgument(options);
  const QString outPath = outputOption(options, "OUT.pdf", false);
  const report::ReportData data = reportData(options, path, err);
  // Qt Charts are widgets: drawn here, on the thread of the QApplication main() made.
  const report::ChartPictures charts = report::renderCharts(data.document, data.locale);
  QString error;
  const report::PdfOutcome outcome =
      report::exportReportPdf(outPath, options.force, data, charts, {}, &error);
  if (outcome != report::PdfOutcome::Written) {
    throw DataError{QStringLiteral("cannot write '%1': %2").arg(outPath, error)};
  }
  out << QStringLiteral("wrote %1: the design report of %2 (%3)\n")
             .arg(outPath, data.project.name(), fileSizeText(outPath));
  return kCliOk;
}

int runExportCsv(const Options& options, QTextStream& out, QTextStream& err) {
  const QString path = fileArgument(options);
  const QStringList kinds = report::csvKinds();
  if (!options.has("--what")) {
    throw UsageError{QStringLiteral("'export-csv' needs a schedule (--what %1)")
                         .arg(kinds.join(QLatin1Char('|')))};
  }
  const QString kind = options.value("--what");
  if (!kinds.contains(kind)) {
    throw UsageError{QStringLiteral("--what: unknown schedule '%1' (one of %2)")
                         .arg(kind, kinds.join(QStringLiteral(", ")))};
  }
  const QString outPath = outputOption(options, "OUT.csv", true);
  const report::ReportData data = reportData(options, path, err);
  bool found = false;
  qsizetype rows = 0;
  const QByteArray csv = report::scheduleCsv(data, kind, &found, &rows);
  if (!found) {
    throw DataError{QStringLiteral("this design's report has no '%1' schedule").arg(kind)};
  }
  if (outPath == QLatin1String("-")) {
    out << QString::fromUtf8(csv);
    return kCliOk;
  }
  QString error;
  if (!report::writeFileAtomically(outPath, csv, options.force, &error)) {
    throw DataError{error};
  }
  out << QStringLiteral("wrote %1: the %2 schedule of %3, %4 rows\n")
             .arg(outPath, kind, data.project.name())
             .arg(rows);
  return kCliOk;
}

}  // namespace dc
