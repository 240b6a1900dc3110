// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommands.h"

#include "catalog/catalogloader.h"
#include "catalog/specrows.h"
#include "clioutput.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "storage/projectfile.h"
#include "support/plural.h"
#include "templates/templateloader.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <exception>

namespace dc {

namespace {

const char kUsage[] =
    "Usage: dcstudio-cli [--catalog DIR]... COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  info FILE             project name, author, halls (floor area, tile size), racks, mounts\n"
    "  analyze FILE [--json] [--fail SCENARIO]\n"
    "                        power per hall and rack (max, typical, design), rack PDU feeds,\n"
    "                        UPS and busway loading, facility power, energy, generators, the\n"
    "                        cooling per rack (heat split, recommendation, flows), CDU loops\n"
    "                        and air zones, and findings; --json gives SI values with formulas\n"
    "                        and sources\n"
    "  validate FILE [--json] [--fail SCENARIO]\n"
    "                        the findings only, one a line, and a summary; exit 1 when any\n"
    "                        finding is an error\n"
    "  catalog [--json]      catalog items by vendor and kind; --json gives every figure with\n"
    "                        its value, source and confidence\n"
    "  new TEMPLATE OUT      write a new project from a reference design (a name in templates/,\n"
    "                        e.g. dgx-superpod-h100-1su, or a template file); never overwrites\n"
    "\n"
    "Options:\n"
    "  --catalog DIR         also read the catalog folder DIR after the shipped one (repeatable;\n"
    "                        an item with an existing id overrides it)\n"
    "  --fail SCENARIO       analyze, validate: simulate a failure: feed-a, feed-b, feed-c,\n"
    "                        ups-module[:NAME], busway[:NAME] (NAME: a UPS, busway or RPP),\n"
    "                        cdu[:NAME] or crah[:NAME] (NAME: a floor cooling unit)\n"
    "  --json                machine-readable output (analyze, validate, catalog, info)\n"
    "  --help                show this help\n"
    "\n"
    "The shipped catalog is $DCSTUDIO_CATALOG_DIR when set. Project files are only read, except\n"
    "the new file that 'new' writes.\n"
    "Exit codes: 0 done, 1 a file or the catalog has a problem (validate: or the design has an\n"
    "error finding), 2 wrong command line.\n";

/// The command line is wrong: exit 2.
struct UsageError {
  QString message;
};

/// A file or the catalog has a problem: exit 1. The message names it.
struct DataError {
  QString message;
};

struct Options {
  QString command;
  QStringList arguments;    ///< positional arguments after the command
  QStringList catalogDirs;  ///< --catalog, in order
  QString fail;             ///< --fail, parsed once the project is read
  bool failGiven = false;
  bool json = false;
  bool help = false;
};

Options parseOptions(const QStringList& args) {
  Options options;
  QStringList positional;
  for (qsizetype i = 0; i < args.size(); ++i) {
    const QString& arg = args[i];
    if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
      options.help = true;
    } else if (arg == QLatin1String("--json")) {
      options.json = true;
    } else if (arg == QLatin1String("--catalog")) {
      if (i + 1 >= args.size() || args[i + 1].isEmpty()) {
        throw UsageError{QStringLiteral("--catalog needs a folder")};
      }
      options.catalogDirs.append(args[++i]);
    } else if (arg.startsWith(QLatin1String("--catalog="))) {
      const QString dir = arg.mid(int(qstrlen("--catalog=")));
      if (dir.isEmpty()) {
        throw UsageError{QStringLiteral("--catalog needs a folder")};
      }
      options.catalogDirs.append(dir);
    } else if (arg == QLatin1String("--fail")) {
      if (i + 1 >= args.size() || args[i + 1].isEmpty()) {
        throw UsageError{
            QStringLiteral("--fail needs a scenario (feed-a, feed-b, feed-c, "
                           "ups-module[:NAME], busway[:NAME], cdu[:NAME] or crah[:NAME])")};
      }
      options.fail = args[++i];
      options.failGiven = true;
    } else if (arg.startsWith(QLatin1String("--fail="))) {
      options.fail = arg.mid(int(qstrlen("--fail=")));
      if (options.fail.isEmpty()) {
        throw UsageError{
            QStringLiteral("--fail needs a scenario (feed-a, feed-b, feed-c, "
                           "ups-module[:NAME], busway[:NAME], cdu[:NAME] or crah[:NAME])")};
      }
      options.failGiven = true;
    } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
      throw UsageError{QStringLiteral("unknown option '%1'").arg(arg)};
    } else {
      positional.append(arg);
    }
  }
  if (!positional.isEmpty()) {
    options.command = positional.takeFirst();
  }
  options.arguments = positional;
  return options;
}

/// The single FILE argument of `info`, `analyze` and `validate`.
QString fileArgument(const Options& options) {
  if (options.arguments.isEmpty()) {
    throw UsageError{QStringLiteral("'%1' needs a project file").arg(options.command)};
  }
  if (options.arguments.size() > 1) {
    throw UsageError{QStringLiteral("'%1' takes one project file, got %2 arguments")
                         .arg(options.command)
                         .arg(options.arguments.size())};
  }
  return options.arguments.first();
}

Project openProject(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    throw DataError{QStringLiteral("cannot open '%1': no such file").arg(path)};
  }
  if (info.isDir()) {
    throw DataError{
        QStringLiteral("cannot open '%1': it is a folder, not a project file").arg(path)};
  }
  try {
    return loadProject(path);
  } catch (const StorageError& error) {
    // The path as the user typed it, like every other CLI message (the studio shows names only).
    throw DataError{QStringLiteral("cannot open '%1': %2").arg(path, error.problem)};
  }
}

/// The shipped catalog plus the --catalog folders. Every problem is printed on `err`; any error
/// stops the command: numbers from a half-loaded catalog would look complete and not be.
CatalogLoadResult loadCatalog(const Options& options, QTextStream& err) {
  const QStringList folders = QStringList{shippedCatalogFolder()} + options.catalogDirs;
  CatalogLoadResult result = loadCatalogFolders(folders);
  for (const CatalogProblem& problem : result.problems) {
    err << "dcstudio-cli: catalog " << CatalogProblem::severityKey(problem.severity) << ": "
        << problem.toString() << '\n';
  }
  if (result.errorCount() > 0) {
    throw DataError{QStringLiteral("the catalog has %1 (listed above); fix the files or "
                                   "leave out the folder")
                        .arg(countOf(result.errorCount(), "error", "errors"))};
  }
  return result;
}

// --- info -------------------------------------------------------------------------------------

qsizetype mountCount(const Project& project, HallId hall) {
  qsizetype n = 0;
  for (const Rack& rack : project.racks()) {
    n += hall.isNull() || rack.hallId() == hall ? rack.mounts().size() : 0;
  }
  return n;
}

/// Floor cooling units of `hall` (every hall when null), as the power pass counts them: the
/// CoolingUnit objects plus any legacy position that holds one as a rack.
int coolingUnitCount(const Project&, const Analysis& analysis, HallId hall) {
  return hall.isNull() ? analysis.power.totals.coolingUnitCount
                       : analysis.power.hall(hall)->coolingUnitCount;
}

/// "12 racks" or "12 racks, 2 cooling units": racks and floor cooling units are counted by the
/// engine, the same way in every command.
QString positionsText(int racks, int coolingUnits) {
  QString text = countOf(racks, "rack", "racks");
  if (coolingUnits > 0) {
    text += QStringLiteral(", ") + countOf(coolingUnits, "cooling unit", "cooling units");
  }
  return text;
}

void printInfo(const Project& project, const Analysis& analysis, const Options& options,
               QTextStream& out) {
  if (options.json) {
    QJsonArray halls;
    for (const Hall& hall : project.halls()) {
      const HallTotals* totals = analysis.power.hall(hall.id());
      halls.append(QJsonObject{{"id", hall.id().toString()},
                               {"name", hall.name()},
                               {"floorAreaM2", polygonAreaM2(hall.outlineMm())},
                               {"tileMm", hall.tileMm()},
                               {"ceilingHeightMm", hall.ceilingHeightMm()},
                               {"rackCount", totals->rackCount},
                               {"coolingUnitCount", coolingUnitCount(project, analysis, hall.id())},
                               {"mountCount", qint64(mountCount(project, hall.id()))}});
    }
    // Version 2: rackCount counts racks only; floor cooling units are in coolingUnitCount.
    const QJsonObject root{{"format", "dcstudio-project-info"},
                           {"formatVersion", 2},
                           {"name", project.name()},
                           {"author", project.author()},
                           {"description", project.description()},
                           {"halls", halls},
                           {"rackCount", analysis.power.totals.rackCount},
                           {"coolingUnitCount", coolingUnitCount(project, analysis, HallId())},
                           {"mountCount", qint64(mountCount(project, HallId()))}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    return;
  }
  out << "Project: " << project.name() << '\n';
  out << "Author:  " << project.author() << '\n';
  if (!project.description().isEmpty()) {
    out << "About:   " << project.description() << '\n';
  }
  out << "Halls:   " << project.halls().size() << '\n';
  for (const Hall& hall : project.halls()) {
    out << "  " << hall.name() << ": floor "
        << QString::number(polygonAreaM2(hall.outlineMm()), 'f', 2) << " m², tiles "
        << hall.tileMm() << " mm, ceiling " << hall.ceilingHeightMm() << " mm, "
        << positionsText(analysis.power.hall(hall.id())->rackCount,
                         coolingUnitCount(project, analysis, hall.id()))
        << ", " << mountCount(project, hall.id()) << " mounts\n";
  }
  out << "Racks:   " << analysis.power.totals.rackCount << '\n';
  if (coolingUnitCount(project, analysis, HallId()) > 0) {
    out << "Cooling units: " << coolingUnitCount(project, analysis, HallId()) << '\n';
  }
  out << "Mounts:  " << mountCount(project, HallId()) << '\n';
}

// --- new -------------------------------------------------------------------------------------

void createFromTemplate(const Options& options, QTextStream& out, QTextStream& err) {
  if (options.arguments.size() != 2) {
    throw UsageError{QStringLiteral("'new' needs a template and an output file")};
  }
  QString templatePath = options.arguments[0];
  if (!QFileInfo(templatePath).isFile()) {
    const QString name = templatePath.endsWith(QLatin1String(".json"))
                             ? templatePath
                             : templatePath + QStringLiteral(".json");
    templatePath = QDir(shippedTemplatesFolder()).filePath(name);
  }
  if (!QFileInfo(templatePath).isFile()) {
    throw DataError{QStringLiteral("no template '%1' (see %2)")
                        .arg(options.arguments[0], shippedTemplatesFolder())};
  }
  const QString outPath = options.arguments[1];
  if (QFileInfo::exists(outPath)) {
    throw DataError{
        QStringLiteral("'%1' already exists; 'new' never overwrites a file").arg(outPath)};
  }
  try {
    // The catalog first: the template's cooling units and rear doors are checked against it.
    const CatalogLoadResult loaded = loadCatalog(options, err);
    const Project project = loadTemplateAgainst(templatePath, loaded.catalog);
    const Analysis analysis = analyze(project, loaded.catalog);
    saveProject(project, outPath);
    out << QStringLiteral("wrote %1: %2 (%3)\n")
               .arg(outPath, project.name(),
                    positionsText(analysis.power.totals.rackCount,
                                  coolingUnitCount(project, analysis, HallId())));
  } catch (const TemplateError& error) {
    throw DataError{QString::fromUtf8(error.what())};
  } catch (const StorageError& error) {
    throw DataError{QStringLiteral("cannot write '%1': %2").arg(outPath, error.problem)};
  }
}

// --- analyze, validate ------------------------------------------------------------------------

/// The --fail scenario for `project`; a scenario the design cannot have is a usage error.
FailureScenario failureScenario(const Options& options, const Project& project) {
  FailureScenario scenario;
  if (options.failGiven) {
    const QString problem = parseFailureScenario(options.fail, project, &scenario);
    if (!problem.isEmpty()) {
      throw UsageError{QStringLiteral("--fail: %1").arg(problem)};
    }
  }
  return scenario;
}

// --- dispatch ---------------------------------------------------------------------------------

int run(const Options& options, QTextStream& out, QTextStream& err) {
  const bool analyzing =
      options.command == QLatin1String("analyze") || options.command == QLatin1String("validate");
  if (options.failGiven && !analyzing) {
    throw UsageError{QStringLiteral("--fail applies to 'analyze' and 'validate' only")};
  }
  if (options.command == QLatin1String("info")) {
    const Project project = openProject(fileArgument(options));
    const CatalogLoadResult loaded = loadCatalog(options, err);
    printInfo(project, analyze(project, loaded.catalog), options, out);
    return kCliOk;
  }
  if (analyzing) {
    const QString path = fileArgument(options);
    const Project project = openProject(path);  // a missing file is reported before the catalog
    const FailureScenario scenario = failureScenario(options, project);
    const CatalogLoadResult loaded = loadCatalog(options, err);
    const Analysis analysis =
        analyze(DesignSnapshot{project, loaded.catalog, project.assumptions(), scenario});
    if (options.command == QLatin1String("validate")) {
      printValidation(project, loaded.catalog, analysis, options.json, out);
      return analysis.errorCount() > 0 ? kCliDataError : kCliOk;
    }
    if (options.json) {
      printAnalysisJson(project, loaded.catalog, analysis, out);
    } else {
      printAnalysisText(project, loaded.catalog, analysis, out);
    }
    return kCliOk;
  }
  if (options.command == QLatin1String("catalog")) {
    if (!options.arguments.isEmpty()) {
      throw UsageError{
          QStringLiteral("'catalog' takes no arguments, got '%1'").arg(options.arguments.first())};
    }
    printCatalog(loadCatalog(options, err), options.json, out);
    return kCliOk;
  }
  if (options.command == QLatin1String("new")) {
    createFromTemplate(options, out, err);
    return kCliOk;
  }
  if (options.command.isEmpty()) {
    throw UsageError{QStringLiteral("no command given")};
  }
  throw UsageError{QStringLiteral("unknown command '%1'").arg(options.command)};
}

}  // namespace

int runCli(const QStringList& args, QTextStream& out, QTextStream& err) {
  try {
    const Options options = parseOptions(args);
    if (options.help) {
      out << kUsage;
      return kCliOk;
    }
    return run(options, out, err);
  } catch (const UsageError& error) {
    // The error and one usage line, so the error stays in view; --help lists the commands.
    err << "dcstudio-cli: " << error.message << '\n'
        << QString::fromUtf8(kUsage).section(QLatin1Char('\n'), 0, 0) << '\n'
        << "Run 'dcstudio-cli --help' for the commands.\n";
    return kCliUsageError;
  } catch (const DataError& error) {
    err << "dcstudio-cli: " << error.message << '\n';
    return kCliDataError;
  } catch (const std::exception& error) {
    err << "dcstudio-cli: internal error: " << error.what() << '\n';
    return kCliDataError;
  }
}

}  // namespace dc
