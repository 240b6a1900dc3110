// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommands.h"

#include "catalog/catalogloader.h"
#include "catalog/specrows.h"
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
    "  analyze FILE [--json] power per hall and rack (max and typical), accelerators, rack units\n"
    "                        and findings; --json gives SI values with formulas and sources\n"
    "  catalog [--json]      catalog items by vendor and kind; --json gives every figure with\n"
    "                        its value, source and confidence\n"
    "  new TEMPLATE OUT      write a new project from a reference design (a name in templates/,\n"
    "                        e.g. dgx-superpod-h100-1su, or a template file); never overwrites\n"
    "\n"
    "Options:\n"
    "  --catalog DIR         also read the catalog folder DIR after the shipped one (repeatable;\n"
    "                        an item with an existing id overrides it)\n"
    "  --json                machine-readable output (analyze, catalog, info)\n"
    "  --help                show this help\n"
    "\n"
    "The shipped catalog is $DCSTUDIO_CATALOG_DIR when set. Project files are only read, except\n"
    "the new file that 'new' writes.\n"
    "Exit codes: 0 done, 1 a file or the catalog has a problem, 2 wrong command line.\n";

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

/// The single FILE argument of `info` and `analyze`.
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
    throw DataError{error.message()};
  }
}

QString severityKey(CatalogProblem::Severity severity) {
  return CatalogProblem::severityKey(severity);
}

QString severityKey(Finding::Severity severity) {
  return findingSeverityKey(severity);
}

/// The shipped catalog plus the --catalog folders. Every problem is printed on `err`; any error
/// stops the command: numbers from a half-loaded catalog would look complete and not be.
CatalogLoadResult loadCatalog(const Options& options, QTextStream& err) {
  const QStringList folders = QStringList{shippedCatalogFolder()} + options.catalogDirs;
  CatalogLoadResult result = loadCatalogFolders(folders);
  for (const CatalogProblem& problem : result.problems) {
    err << "dcstudio-cli: catalog " << severityKey(problem.severity) << ": " << problem.toString()
        << '\n';
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

qsizetype rackCount(const Project& project, HallId hall) {
  return std::count_if(project.racks().cbegin(), project.racks().cend(),
                       [&](const Rack& rack) { return rack.hallId() == hall; });
}

void printInfo(const Project& project, const Options& options, QTextStream& out) {
  if (options.json) {
    QJsonArray halls;
    for (const Hall& hall : project.halls()) {
      halls.append(QJsonObject{{"id", hall.id().toString()},
                               {"name", hall.name()},
                               {"floorAreaM2", polygonAreaM2(hall.outlineMm())},
                               {"tileMm", hall.tileMm()},
                               {"ceilingHeightMm", hall.ceilingHeightMm()},
                               {"rackCount", qint64(rackCount(project, hall.id()))},
                               {"mountCount", qint64(mountCount(project, hall.id()))}});
    }
    const QJsonObject root{{"format", "dcstudio-project-info"},
                           {"formatVersion", 1},
                           {"name", project.name()},
                           {"author", project.author()},
                           {"description", project.description()},
                           {"halls", halls},
                           {"rackCount", qint64(project.racks().size())},
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
        << rackCount(project, hall.id()) << " racks, " << mountCount(project, hall.id())
        << " mounts\n";
  }
  out << "Racks:   " << project.racks().size() << '\n';
  out << "Mounts:  " << mountCount(project, HallId()) << '\n';
}

// --- analyze ----------------------------------------------------------------------------------

/// Source title -> URL, from every figure in the catalog, so a report can link each total.
QHash<QString, QString> sourceUrls(const Catalog& catalog) {
  QHash<QString, QString> urls;
  for (const CatalogItem& item : catalog.items()) {
    urls.insert(item.source.title, item.source.url);
    for (const SpecValue& figure : item.figures) {
      if (!urls.contains(figure.source.title)) {
        urls.insert(figure.source.title, figure.source.url);
      }
    }
  }
  return urls;
}

QJsonObject figureJson(const Figure& figure, const QHash<QString, QString>& urls) {
  QJsonArray sources;
  for (const QString& title : figure.sources) {
    sources.append(QJsonObject{{"title", title}, {"url", urls.value(title)}});
  }
  return QJsonObject{{"value", figure.value},
                     {"unit", figure.unit},
                     {"formula", figure.formula},
                     {"sources", sources}};
}

/// Findings grouped by hall in project order (then those without a hall), keeping the engine's
/// order within a hall, so the output does not depend on hash order.
QList<Finding> orderedFindings(const Project& project, const Analysis& analysis) {
  QList<Finding> findings = analysis.findings;
  auto hallRank = [&](HallId id) {
    for (qsizetype i = 0; i < project.halls().size(); ++i) {
      if (project.halls()[i].id() == id) {
        return i;
      }
    }
    return project.halls().size();
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    return hallRank(a.hallId) < hallRank(b.hallId);
  });
  return findings;
}

QString modelOf(const Catalog& catalog, const QString& id) {
  const CatalogItem* item = catalog.find(id);
  return item ? item->model : QString();
}

QJsonObject rackJson(const Rack& rack, const RackPower& power, const Catalog& catalog,
                     const QHash<QString, QString>& urls) {
  QJsonArray mounts;
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    mounts.append(QJsonObject{
        {"id", mount.id.toString()},
        {"catalogId", mount.catalogId},
        {"model", item ? QJsonValue(item->model) : QJsonValue()},
        {"lowestU", mount.lowestU},
        {"heightU", item && item->heightU ? QJsonValue(*item->heightU) : QJsonValue()}});
  }
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  return QJsonObject{{"id", rack.id().toString()},
                     {"name", rack.name()},
                     {"row", rack.row()},
                     {"rackTypeId", rack.rackTypeId()},
                     {"rackType", type ? QJsonValue(type->model) : QJsonValue()},
                     {"positionMm", QJsonObject{{"x", qint64(rack.positionMm().xMm)},
                                                {"y", qint64(rack.positionMm().yMm)}}},
                     {"rotationDeg", rack.rotationDeg()},
                     {"coolingMode", coolingModeKey(rack.coolingMode())},
                     {"maxPowerW", figureJson(power.maxPowerW, urls)},
                     {"typicalPowerW", figureJson(power.typicalPowerW, urls)},
                     {"typicalFromMaxCount", power.typicalFromMaxCount},
                     {"acceleratorCount", power.acceleratorCount},
                     {"usedU", power.usedU},
                     {"usableU", power.usableU},
                     {"weightKg", power.weightKg},
                     {"mounts", mounts}};
}

void printAnalysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  const QHash<QString, QString> urls = sourceUrls(catalog);
  QJsonArray halls;
  for (const Hall& hall : project.halls()) {
    const HallTotals* totals = analysis.hall(hall.id());
    QJsonArray racks;
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() == hall.id()) {
        racks.append(rackJson(rack, analysis.racks.value(rack.id()), catalog, urls));
      }
    }
    const Figure density{totals->maxPowerDensityWPerM2, QStringLiteral("W/m2"),
                         QStringLiteral("hall max power / hall floor area (shoelace formula)"),
                         totals->maxPowerW.sources};
    halls.append(QJsonObject{{"id", hall.id().toString()},
                             {"name", hall.name()},
                             {"floorAreaM2", totals->floorAreaM2},
                             {"tileMm", hall.tileMm()},
                             {"rackCount", totals->rackCount},
                             {"acceleratorCount", totals->acceleratorCount},
                             {"maxPowerW", figureJson(totals->maxPowerW, urls)},
                             {"typicalPowerW", figureJson(totals->typicalPowerW, urls)},
                             {"maxPowerDensityWPerM2", figureJson(density, urls)},
                             {"racks", racks}});
  }
  QJsonArray findings;
  for (const Finding& f : orderedFindings(project, analysis)) {
    findings.append(QJsonObject{{"severity", severityKey(f.severity)},
                                {"hallId", f.hallId.isNull() ? QJsonValue() : f.hallId.toString()},
                                {"rackId", f.rackId.isNull() ? QJsonValue() : f.rackId.toString()},
                                {"message", f.message}});
  }
  const QJsonObject root{
      {"format", "dcstudio-analysis"},
      {"formatVersion", 1},
      {"project", QJsonObject{{"name", project.name()},
                              {"author", project.author()},
                              {"description", project.description()}}},
      {"totals", QJsonObject{{"maxPowerW", figureJson(analysis.projectMaxPowerW, urls)},
                             {"typicalPowerW", figureJson(analysis.projectTypicalPowerW, urls)},
                             {"acceleratorCount", analysis.projectAcceleratorCount},
                             {"rackCount", qint64(project.racks().size())}}},
      {"halls", halls},
      {"findings", findings}};
  out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString kW(double watts) {
  return QString::number(watts / 1000.0, 'f', 3);
}

QString typicalKw(const Figure& typical, int fromMaxCount) {
  return kW(typical.value) + (fromMaxCount > 0 ? QStringLiteral("*") : QString());
}

void printAnalysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  bool anyFromMax = false;
  out << "Project: " << project.name() << '\n';
  for (const Hall& hall : project.halls()) {
    const HallTotals* t = analysis.hall(hall.id());
    out << '\n'
        << hall.name() << ": " << t->rackCount << " racks, " << t->acceleratorCount
        << " accelerators, max " << kW(t->maxPowerW.value) << " kW, typical "
        << kW(t->typicalPowerW.value) << " kW, floor " << QString::number(t->floorAreaM2, 'f', 2)
        << " m², " << QString::number(t->maxPowerDensityWPerM2, 'f', 1) << " W/m² at max\n";
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("Rack"), -10)
               .arg(QStringLiteral("Row"), -5)
               .arg(QStringLiteral("Type"), -28)
               .arg(QStringLiteral("Max kW"), 10)
               .arg(QStringLiteral("Typ kW"), 11)
               .arg(QStringLiteral("GPUs"), 5)
               .arg(QStringLiteral("U used"), 8);
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() != hall.id()) {
        continue;
      }
      const RackPower& p = analysis.racks.value(rack.id());
      const QString type = modelOf(catalog, rack.rackTypeId());
      const QString units = QStringLiteral("%1/%2").arg(p.usedU).arg(
          p.usableU > 0 ? QString::number(p.usableU) : QStringLiteral("-"));
      anyFromMax = anyFromMax || p.typicalFromMaxCount > 0;
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                 .arg(rack.name().isEmpty() ? rack.id().toString().left(8) : rack.name(), -10)
                 .arg(rack.row(), -5)
                 .arg(type.isEmpty() ? rack.rackTypeId() : type, -28)
                 .arg(kW(p.maxPowerW.value), 10)
                 .arg(typicalKw(p.typicalPowerW, p.typicalFromMaxCount), 11)
                 .arg(p.acceleratorCount, 5)
                 .arg(units, 8);
    }
  }
  const QList<Finding> findings = orderedFindings(project, analysis);
  out << "\nFindings: " << findings.size() << '\n';
  for (const Finding& f : findings) {
    out << "  " << severityKey(f.severity) << ": " << f.message << '\n';
  }
  out << "\nTotal: " << project.racks().size() << " racks, " << analysis.projectAcceleratorCount
      << " accelerators, max " << kW(analysis.projectMaxPowerW.value) << " kW, typical "
      << kW(analysis.projectTypicalPowerW.value) << " kW\n";
  if (anyFromMax) {
    out << "* no published typical power for some devices: their max power is counted.\n";
  }
}

// --- catalog ----------------------------------------------------------------------------------

QJsonObject sourceJson(const Source& source) {
  return QJsonObject{{"key", source.key},
                     {"title", source.title},
                     {"url", source.url},
                     {"publisher", source.publisher},
                     {"accessed", source.accessed}};
}

QJsonObject itemJson(const CatalogItem& item) {
  QJsonObject figures;
  for (auto it = item.figures.cbegin(); it != item.figures.cend(); ++it) {
    const SpecValue& f = it.value();
    figures.insert(it.key(), QJsonObject{{"value", f.value},
                                         {"text", formatSpec(it.key(), f.value)},
                                         {"source", sourceJson(f.source)},
                                         {"confidence", confidenceKey(f.confidence)},
                                         {"note", f.note}});
  }
  QJsonObject texts;
  for (auto it = item.texts.cbegin(); it != item.texts.cend(); ++it) {
    texts.insert(it.key(), it.value());
  }
  return QJsonObject{{"id", item.id},
                     {"vendor", item.vendor},
                     {"model", item.model},
                     {"kind", itemKindKey(item.kind)},
                     {"family", item.family},
                     {"description", item.description},
                     {"file", item.file},
                     {"confidence", confidenceKey(item.confidence)},
                     {"source", sourceJson(item.source)},
                     {"heightU", item.heightU ? QJsonValue(*item.heightU) : QJsonValue()},
                     {"figures", figures},
                     {"texts", texts}};
}

/// Items by vendor (case-insensitive), then kind in docs/catalog.md order, then id.
QList<const CatalogItem*> sortedItems(const Catalog& catalog) {
  const QList<ItemKind> kinds = allItemKinds();
  QList<const CatalogItem*> items;
  for (const CatalogItem& item : catalog.items()) {
    items.append(&item);
  }
  std::sort(items.begin(), items.end(), [&](const CatalogItem* a, const CatalogItem* b) {
    const int byVendor = a->vendor.compare(b->vendor, Qt::CaseInsensitive);
    if (byVendor != 0) {
      return byVendor < 0;
    }
    if (a->kind != b->kind) {
      return kinds.indexOf(a->kind) < kinds.indexOf(b->kind);
    }
    return a->id < b->id;
  });
  return items;
}

void printCatalog(const CatalogLoadResult& loaded, const Options& options, QTextStream& out) {
  const QList<const CatalogItem*> items = sortedItems(loaded.catalog);
  if (options.json) {
    QJsonArray array;
    for (const CatalogItem* item : items) {
      array.append(itemJson(*item));
    }
    QJsonArray problems;
    for (const CatalogProblem& p : loaded.problems) {
      problems.append(QJsonObject{{"severity", severityKey(p.severity)},
                                  {"file", p.file},
                                  {"itemId", p.itemId},
                                  {"path", p.path},
                                  {"message", p.message}});
    }
    const QJsonObject root{{"format", "dcstudio-catalog-listing"},
                           {"formatVersion", 1},
                           {"items", array},
                           {"problems", problems}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    return;
  }
  QString vendor;
  int kind = -1;
  for (const CatalogItem* item : items) {
    if (item->vendor != vendor) {
      vendor = item->vendor;
      kind = -1;
      out << vendor << '\n';
    }
    if (int(item->kind) != kind) {
      kind = int(item->kind);
      out << "  " << itemKindName(item->kind) << '\n';
    }
    const SpecValue* maxW = item->maxPowerW();
    out << QStringLiteral("    %1 %2 %3 %4 %5\n")
               .arg(item->id, -32)
               .arg(item->model, -34)
               .arg(item->heightU       ? QStringLiteral("%1U").arg(*item->heightU)
                    : item->usableU > 0 ? QStringLiteral("%1U").arg(item->usableU)
                                        : QStringLiteral("-"),
                    4)
               .arg(maxW ? formatSpec(QStringLiteral("maxPowerW"), maxW->value)
                         : QStringLiteral("-"),
                    10)
               .arg(confidenceKey(maxW ? maxW->confidence : item->confidence));
  }
  out << items.size() << " items\n";
}

// --- new -------------------------------------------------------------------------------------

void createFromTemplate(const Options& options, QTextStream& out) {
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
    const Project project = loadTemplateFile(templatePath);
    saveProject(project, outPath);
    out << QStringLiteral("wrote %1: %2 (%3 racks)\n")
               .arg(outPath, project.name())
               .arg(project.racks().size());
  } catch (const TemplateError& error) {
    throw DataError{QString::fromUtf8(error.what())};
  } catch (const StorageError& error) {
    throw DataError{error.message()};
  }
}

// --- dispatch ---------------------------------------------------------------------------------

int run(const Options& options, QTextStream& out, QTextStream& err) {
  if (options.command == QLatin1String("info")) {
    printInfo(openProject(fileArgument(options)), options, out);
    return kCliOk;
  }
  if (options.command == QLatin1String("analyze")) {
    const QString path = fileArgument(options);
    const Project project = openProject(path);  // a missing file is reported before the catalog
    const CatalogLoadResult loaded = loadCatalog(options, err);
    const Analysis analysis = analyze(project, loaded.catalog);
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
    printCatalog(loadCatalog(options, err), options, out);
    return kCliOk;
  }
  if (options.command == QLatin1String("new")) {
    createFromTemplate(options, out);
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
    err << "dcstudio-cli: " << error.message << "\n\n" << kUsage;
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
