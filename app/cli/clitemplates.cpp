// SPDX-License-Identifier: GPL-3.0-or-later
// dcstudio-cli templates and new: the reference designs, and a new project from one of them.
#include "clicommands.h"
#include "clicontext.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "format/quantityformat.h"
#include "report/outputfile.h"
#include "storage/projectfile.h"
#include "support/plural.h"
#include "templates/templatecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {

// --- templates --------------------------------------------------------------------------------

QJsonArray stringsJson(const QStringList& strings) {
  QJsonArray array;
  for (const QString& s : strings) {
    array.append(s);
  }
  return array;
}

QJsonObject templateJson(const TemplateInfo& info) {
  QJsonArray findings;
  for (const ExpectedFinding& f : info.expectedFindings) {
    findings.append(QJsonObject{
        {"code", f.code}, {"severity", f.severity}, {"count", f.count}, {"why", f.why}});
  }
  return QJsonObject{{"name", info.name},
                     {"path", info.path},
                     {"title", info.title},
                     {"vendor", info.vendor},
                     {"revision", info.revision},
                     {"description", info.description},
                     {"sources", stringsJson(info.sources)},
                     {"adapted", stringsJson(info.adapted)},
                     {"notes", stringsJson(info.notes)},
                     {"expectedFindings", findings},
                     {"resizable", info.resizable},
                     {"hallCount", info.hallCount},
                     {"rackCount", info.rackCount},
                     {"widthMm", info.widthMm},
                     {"depthMm", info.depthMm}};
}

/// "13.2 m × 9.6 m", "2 halls, 40.0 m × 30.0 m" (the extent of their outlines), "-" for none.
QString hallSizeText(const TemplateInfo& info) {
  if (info.widthMm <= 0.0 || info.depthMm <= 0.0) {
    return QStringLiteral("-");
  }
  const QString size = formatQuantity(info.widthMm, Quantity::LengthMm) + QStringLiteral(" × ") +
                       formatQuantity(info.depthMm, Quantity::LengthMm);
  return info.hallCount > 1 ? countOf(info.hallCount, "hall", "halls") + QStringLiteral(", ") + size
                            : size;
}

void printTemplatesText(const TemplateList& list, QTextStream& out) {
  const QStringList header{QStringLiteral("NAME"),  QStringLiteral("VENDOR"),
                           QStringLiteral("RACKS"), QStringLiteral("HALL"),
                           QStringLiteral("REV"),   QStringLiteral("TITLE")};
  QList<QStringList> rows{header};
  QStringList resizable;
  for (const TemplateInfo& info : list.templates) {
    rows.append({info.name, info.vendor, QString::number(info.rackCount), hallSizeText(info),
                 info.revision.isEmpty() ? QStringLiteral("-") : info.revision, info.title});
    if (info.resizable) {
      resizable.append(info.name);
    }
  }
  QList<qsizetype> widths(header.size(), 0);
  for (const QStringList& row : rows) {
    for (qsizetype c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], row[c].size());
    }
  }
  for (const QStringList& row : rows) {
    QString line;
    for (qsizetype c = 0; c < row.size(); ++c) {
      const bool last = c + 1 == row.size();
      const int width = last ? 0 : int(widths[c]);
      // Counts right-aligned, as figures are in every table of the CLI.
      line += (c == 2 ? row[c].rightJustified(width) : row[c].leftJustified(width)) +
              (last ? QString() : QStringLiteral("  "));
    }
    out << line << '\n';
  }
  out << countOf(list.templates.size(), "template", "templates") << '\n';
  if (!resizable.isEmpty()) {
    out << "Resizable (new --template NAME --width-m W --depth-m D): "
        << resizable.join(QStringLiteral(", ")) << '\n';
  }
}

// --- new -------------------------------------------------------------------------------------

/// A length in metres from --width-m or --depth-m, within the hall sides a size may give.
double metresOption(const Options& options, const char* option) {
  const QString text = options.value(option);
  bool ok = false;
  const double m = QLocale::c().toDouble(text, &ok);
  if (!ok || !std::isfinite(m)) {
    throw UsageError{
        QStringLiteral("%1: '%2' is not a length in metres").arg(QLatin1String(option), text)};
  }
  const double minM = kMinHallSideMm / 1000.0;
  const double maxM = kMaxHallSideMm / 1000.0;
  if (m < minM || m > maxM) {
    throw UsageError{QStringLiteral("%1: %2 m is outside %3 m to %4 m")
                         .arg(QLatin1String(option), text)
                         .arg(minM)
                         .arg(maxM)};
  }
  return m;
}

std::optional<HallSize> hallSizeOption(const Options& options) {
  if (!options.has("--width-m") && !options.has("--depth-m")) {
    return std::nullopt;
  }
  if (!options.has("--width-m") || !options.has("--depth-m")) {
    throw UsageError{QStringLiteral("--width-m and --depth-m go together: give both")};
  }
  return HallSize{metresOption(options, "--width-m") * 1000.0,
                  metresOption(options, "--depth-m") * 1000.0};
}

/// The template's file; an unknown name lists the names there are.
QString templatePath(const QString& name) {
  const QString path = resolveTemplate(name);
  if (!path.isEmpty()) {
    return path;
  }
  QStringList names;
  for (const TemplateInfo& info : listTemplates().templates) {
    names.append(info.name);
  }
  throw DataError{
      QStringLiteral("no template '%1'; the templates are: %2 (dcstudio-cli templates lists them)")
          .arg(name, names.isEmpty() ? QStringLiteral("none in ") + shippedTemplatesFolder()
                                     : names.join(QStringLiteral(", ")))};
}

/// A size is for a resizable template only: said before any work, with the ones that are.
void checkResizable(const QString& name, const QString& path) {
  TemplateInfo info;
  try {
    info = readTemplateInfo(path);
  } catch (const TemplateError& error) {
    throw DataError{QString::fromUtf8(error.what())};
  }
  if (info.resizable) {
    return;
  }
  QStringList resizable;
  for (const TemplateInfo& other : listTemplates().templates) {
    if (other.resizable) {
      resizable.append(other.name);
    }
  }
  throw UsageError{QStringLiteral("--width-m and --depth-m size a resizable template (%1); "
                                  "'%2' has a fixed layout")
                       .arg(resizable.join(QStringLiteral(", ")), name)};
}

/// `new --template NAME -o FILE` or `new TEMPLATE FILE`: the template, then the output.
std::pair<QString, QString> templateAndOutput(const Options& options) {
  QStringList positional = options.arguments;
  const QString name = options.has("--template") ? options.value("--template")
                       : positional.isEmpty()    ? QString()
                                                 : positional.takeFirst();
  const QString output = options.has("--output") ? options.value("--output")
                         : positional.isEmpty()  ? QString()
                                                 : positional.takeFirst();
  if (name.isEmpty()) {
    throw UsageError{QStringLiteral("'new' needs a template (--template NAME)")};
  }
  if (output.isEmpty()) {
    throw UsageError{QStringLiteral("'new' needs an output file (-o FILE)")};
  }
  if (!positional.isEmpty()) {
    throw UsageError{
        QStringLiteral("'new' takes one template and one output file; '%1' is one too many")
            .arg(positional.first())};
  }
  if (output == QLatin1String("-")) {
    throw UsageError{
        QStringLiteral("'new' writes a project file: -o - (standard output) is "
                       "for export-csv")};
  }
  return {name, output};
}

}  // namespace

int runTemplates(const Options& options, QTextStream& out, QTextStream& err) {
  if (!options.arguments.isEmpty()) {
    throw UsageError{
        QStringLiteral("'templates' takes no arguments, got '%1'").arg(options.arguments.first())};
  }
  const TemplateList list = listTemplates();
  if (options.json) {
    QJsonArray templates;
    for (const TemplateInfo& info : list.templates) {
      templates.append(templateJson(info));
    }
    const QJsonObject root{{"format", "dcstudio-template-listing"},
                           {"formatVersion", 1},
                           {"folder", shippedTemplatesFolder()},
                           {"templates", templates},
                           {"problems", stringsJson(list.problems)}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
  } else {
    printTemplatesText(list, out);
  }
  for (const QString& problem : list.problems) {
    err << "dcstudio-cli: template error: " << problem << '\n';
  }
  return list.problems.isEmpty() ? kCliOk : kCliDataError;
}

int runNew(const Options& options, QTextStream& out, QTextStream& err) {
  const auto [name, outPath] = templateAndOutput(options);
  const std::optional<HallSize> size = hallSizeOption(options);
  const QString path = templatePath(name);
  if (size) {
    checkResizable(name, path);
  }
  // Before any work: a refused output is said at once, and nothing is written.
  const QString problem = report::outputPathProblem(outPath, options.force);
  if (!problem.isEmpty()) {
    throw DataError{problem};
  }
  try {
    // The catalog first: the template's cooling units and rear doors are checked against it.
    const CatalogLoadResult loaded = loadCatalog(options, err);
    const Project project = loadTemplateAgainst(path, loaded.catalog, size);
    const Analysis analysis = analyze(project, loaded.catalog);
    saveProject(project, outPath);
    out << QStringLiteral("wrote %1: %2 (%3)\n")
               .arg(outPath, project.name(), positionsText(project, analysis));
  } catch (const TemplateError& error) {
    throw DataError{QString::fromUtf8(error.what())};
  } catch (const StorageError& error) {
    throw DataError{QStringLiteral("cannot write '%1': %2").arg(outPath, error.problem)};
  }
  return kCliOk;
}

}  // namespace dc
