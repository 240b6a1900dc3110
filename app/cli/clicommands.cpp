// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicommands.h"

#include "catalog/catalogloader.h"
#include "catalog/specrows.h"
#include "clicontext.h"
#include "clioutput.h"
#include "engine/analyze.h"
#include "storage/projectfile.h"
#include "support/plural.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

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
    "  templates [--json]    the reference designs: name, vendor, racks, hall size, revision,\n"
    "                        title; --json adds the description, sources, what was adapted and\n"
    "                        the findings each design is expected to have\n"
    "  new --template NAME -o FILE [--width-m W --depth-m D] [--force]\n"
    "                        write a new project from a reference design (a name that\n"
    "                        'templates' lists, or a template file); --width-m and --depth-m\n"
    "                        size a resizable one (empty-hall); 'new TEMPLATE FILE' works too\n"
    "  export-pdf FILE -o OUT.pdf [--revision R] [--author A] [--fail SCENARIO] [--force]\n"
    "                        the design report as a PDF: cover, summary, floor plans, rack\n"
    "                        elevations, single-line and cooling diagrams, schedules, findings\n"
    "  export-csv FILE --what bom|racks|power|cooling|cables -o OUT.csv|- [--force]\n"
    "                        one schedule of the report as CSV (RFC 4180, units named in the\n"
    "                        header row); -o - writes it to standard output\n"
    "  fabric --nodes N --gpus-per-node G --switch ID [--oversubscription R]\n"
    "         [--tiers auto|2|3] [--reserved-ports K] [--node-ports-per-cage C] [--json]\n"
    "                        size a rail-optimised fat-tree without a project: leaf, spine\n"
    "                        and core switches, cables per tier and transceivers\n"
    "  link --length-m L --speed-gbps S [--protocol infiniband|ethernet]\n"
    "       [--cage-a CAGE] [--cage-z CAGE] [--media cheapest|optical] [--json]\n"
    "                        the medium the engine picks for one link (cable, transceivers,\n"
    "                        reach, power) and why; exit 1 when none reaches\n"
    "  fit --gpu ID --gpus N [--kind training|finetune|inference] [--params P] [--tokens T]\n"
    "      [--layers L --hidden H --heads A ...] [--precision bf16|fp8|fp4|int4] [--json] ...\n"
    "                        does a workload fit N GPUs of a catalog accelerator, server or\n"
    "                        rack-scale system: training time, GPU-hours, memory, checkpoints;\n"
    "                        inference replicas, latency, cost per million tokens\n"
    "  fit WORKLOAD.json --gpu ID --gpus N [flags] [--json]\n"
    "                        the same for a workload file (flags override its fields)\n"
    "  fit FILE [--json]     the project's own workloads on their pools (full analysis);\n"
    "                        fit exits 1 when a workload does not fit\n"
    "\n"
    "Options:\n"
    "  --catalog DIR         also read the catalog folder DIR after the shipped one (repeatable;\n"
    "                        an item with an existing id overrides it)\n"
    "  --fail SCENARIO       analyze, validate, export-pdf: simulate a failure: feed-a, feed-b,\n"
    "                        feed-c, ups-module[:NAME], busway[:NAME] (NAME: a UPS, busway or\n"
    "                        RPP), cdu[:NAME] or crah[:NAME] (NAME: a floor cooling unit)\n"
    "  --json                machine-readable output (info, analyze, validate, catalog,\n"
    "                        templates, fabric, link, fit)\n"
    "  -o, --output FILE     new, export-pdf, export-csv: the file to write\n"
    "  --force               new, export-pdf, export-csv: replace an existing output file\n"
    "  --revision R          export-pdf: the revision on the cover (default: the project's)\n"
    "  --author A            export-pdf: the author on the cover (default: the project's)\n"
    "  --oversubscription R  fabric: node-facing to spine-facing leaf ports (default 1)\n"
    "  --tiers auto|2|3      fabric: the number of switch tiers (default auto: the fewest)\n"
    "  --reserved-ports K    fabric: leaf ports kept for the design, e.g. UFM (default 0)\n"
    "  --node-ports-per-cage C\n"
    "                        fabric: node ports per transceiver cage (default 2: DGX twin-port\n"
    "                        OSFP)\n"
    "  --cage-a CAGE, --cage-z CAGE\n"
    "                        link: the port cage at each end (osfp-twin-finned, osfp-twin-flat,\n"
    "                        osfp, qsfp112, ...): fibre needs a transceiver that fits it\n"
    "  --media cheapest|optical\n"
    "                        link: the cheapest medium that reaches (default), or no copper\n"
    "                        where a fibre or AOC serves the link (design assumption\n"
    "                        fabric.mediaPolicy)\n"
    "  fit workload flags:   --name, --kind, --params, --tokens, --layers, --hidden, --ffn,\n"
    "                        --heads, --kv-heads, --head-dim, --vocab, --seq, --precision,\n"
    "                        --mfu, --goodput, --target-days, --batch-tokens, --micro-batch,\n"
    "                        --tp, --pp, --dp, --cp, --zero, --recompute none|selective|full,\n"
    "                        --method full|lora, --lora-rank, --runs-per-month,\n"
    "                        --prompt-tokens, --output-tokens, --rate (requests/s), --ttft and\n"
    "                        --tpot (s), --batching static|continuous (docs/cli.md)\n"
    "  fit pool flags:       --gpu ID, --gpus N, --gpus-per-node G (NVLink domain),\n"
    "                        --scale-out-gbps (per GPU), --storage-read-gb-per-s,\n"
    "                        --storage-write-gb-per-s\n"
    "  --help                show this help\n"
    "  --version             print the version\n"
    "\n"
    "The shipped catalog is $DCSTUDIO_CATALOG_DIR when set, the templates "
    "$DCSTUDIO_TEMPLATES_DIR.\n"
    "Project files are only read. An output file is written completely or not at all, never over\n"
    "an existing file without --force, and nothing is written when a command fails.\n"
    "Exit codes: 0 done, 1 a file, template or the catalog has a problem, or an output cannot be\n"
    "written (validate: or the design has an error finding; fit: a workload does not fit), 2\n"
    "wrong command line or workload input.\n";

/// An option that takes a value, and what the value is (for "--what needs a schedule ...").
struct ValueOption {
  const char* name;
  const char* shortName;  ///< "" for none
  const char* needs;
};

const ValueOption kValueOptions[] = {
    {"--fail", "",
     "a scenario (feed-a, feed-b, feed-c, ups-module[:NAME], busway[:NAME], cdu[:NAME] or "
     "crah[:NAME])"},
    {"--output", "-o", "a file (or - for standard output)"},
    {"--template", "", "a template name or file"},
    {"--width-m", "", "a hall width in metres"},
    {"--depth-m", "", "a hall depth in metres"},
    {"--revision", "", "a revision"},
    {"--author", "", "an author"},
    {"--what", "", "a schedule: bom, racks, power or cooling"},
    {"--nodes", "", "a node count"},
    {"--gpus-per-node", "", "a GPU count per node"},
    {"--switch", "", "a switch's catalog id"},
    {"--oversubscription", "", "a ratio of 1 or more"},
    {"--tiers", "", "auto, 2 or 3"},
    {"--reserved-ports", "", "a count of reserved leaf ports"},
    {"--node-ports-per-cage", "", "a count of node ports per cage"},
    {"--length-m", "", "a length in metres"},
    {"--speed-gbps", "", "a speed in Gb/s"},
    {"--protocol", "", "infiniband or ethernet"},
    {"--cage-a", "", "a port cage (osfp-twin-finned, osfp-twin-flat, osfp, qsfp112, ...)"},
    {"--cage-z", "", "a port cage (osfp-twin-finned, osfp-twin-flat, osfp, qsfp112, ...)"},
    {"--media", "", "a media policy: cheapest or optical"},
    // fit: the workload
    {"--name", "", "a workload name"},
    {"--kind", "", "a workload kind: training, finetune or inference"},
    {"--params", "", "a parameter count (70e9 or 70B)"},
    {"--tokens", "", "a token count (2e12 or 2T)"},
    {"--layers", "", "a layer count"},
    {"--hidden", "", "a hidden size"},
    {"--ffn", "", "an FFN size"},
    {"--heads", "", "an attention-head count"},
    {"--kv-heads", "", "a KV-head count"},
    {"--head-dim", "", "a head dimension"},
    {"--vocab", "", "a vocabulary size"},
    {"--seq", "", "a sequence length in tokens"},
    {"--precision", "", "a precision: bf16, fp8, fp4 or int4"},
    {"--mfu", "", "a model FLOPs utilisation (0-1)"},
    {"--goodput", "", "a goodput fraction (0-1)"},
    {"--target-days", "", "a number of days"},
    {"--batch-tokens", "", "a global batch in tokens"},
    {"--micro-batch", "", "a micro-batch in sequences"},
    {"--tp", "", "a tensor-parallel size"},
    {"--pp", "", "a pipeline-parallel size"},
    {"--dp", "", "a data-parallel size"},
    {"--cp", "", "a context-parallel size"},
    {"--zero", "", "a ZeRO stage (0-3)"},
    {"--recompute", "", "a recompute mode: none, selective or full"},
    {"--method", "", "a fine-tuning method: full or lora"},
    {"--lora-rank", "", "a LoRA rank"},
    {"--runs-per-month", "", "a number of fine-tuning runs per month"},
    {"--prompt-tokens", "", "a prompt length in tokens"},
    {"--output-tokens", "", "an output length in tokens"},
    {"--rate", "", "a request rate in requests/s"},
    {"--ttft", "", "a time-to-first-token target in seconds"},
    {"--tpot", "", "a time-per-output-token target in seconds"},
    {"--batching", "", "a batching mode: static or continuous"},
    // fit: the pool
    {"--gpu", "", "a catalog accelerator, server or rack-scale system id"},
    {"--gpus", "", "a GPU count"},
    {"--scale-out-gbps", "", "a scale-out bandwidth per GPU in Gb/s"},
    {"--storage-read-gb-per-s", "", "a storage read bandwidth in GB/s"},
    {"--storage-write-gb-per-s", "", "a storage write bandwidth in GB/s"},
};

/// The commands an option applies to; an option given to another command is a usage error.
const QList<std::pair<const char*, QStringList>>& optionCommands() {
  static const QList<std::pair<const char*, QStringList>> table{
      {"--fail", {"analyze", "validate", "export-pdf"}},
      {"--json", {"info", "analyze", "validate", "catalog", "templates", "fabric", "link", "fit"}},
      {"--output", {"new", "export-pdf", "export-csv"}},
      {"--force", {"new", "export-pdf", "export-csv"}},
      {"--template", {"new"}},
      {"--width-m", {"new"}},
      {"--depth-m", {"new"}},
      {"--revision", {"export-pdf"}},
      {"--author", {"export-pdf"}},
      {"--what", {"export-csv"}},
      {"--nodes", {"fabric"}},
      {"--gpus-per-node", {"fabric", "fit"}},
      {"--switch", {"fabric"}},
      {"--oversubscription", {"fabric"}},
      {"--tiers", {"fabric"}},
      {"--reserved-ports", {"fabric"}},
      {"--node-ports-per-cage", {"fabric"}},
      {"--length-m", {"link"}},
      {"--speed-gbps", {"link"}},
      {"--protocol", {"link"}},
      {"--cage-a", {"link"}},
      {"--cage-z", {"link"}},
      {"--media", {"link"}},
      {"--name", {"fit"}},
      {"--kind", {"fit"}},
      {"--params", {"fit"}},
      {"--tokens", {"fit"}},
      {"--layers", {"fit"}},
      {"--hidden", {"fit"}},
      {"--ffn", {"fit"}},
      {"--heads", {"fit"}},
      {"--kv-heads", {"fit"}},
      {"--head-dim", {"fit"}},
      {"--vocab", {"fit"}},
      {"--seq", {"fit"}},
      {"--precision", {"fit"}},
      {"--mfu", {"fit"}},
      {"--goodput", {"fit"}},
      {"--target-days", {"fit"}},
      {"--batch-tokens", {"fit"}},
      {"--micro-batch", {"fit"}},
      {"--tp", {"fit"}},
      {"--pp", {"fit"}},
      {"--dp", {"fit"}},
      {"--cp", {"fit"}},
      {"--zero", {"fit"}},
      {"--recompute", {"fit"}},
      {"--method", {"fit"}},
      {"--lora-rank", {"fit"}},
      {"--runs-per-month", {"fit"}},
      {"--prompt-tokens", {"fit"}},
      {"--output-tokens", {"fit"}},
      {"--rate", {"fit"}},
      {"--ttft", {"fit"}},
      {"--tpot", {"fit"}},
      {"--batching", {"fit"}},
      {"--gpu", {"fit"}},
      {"--gpus", {"fit"}},
      {"--scale-out-gbps", {"fit"}},
      {"--storage-read-gb-per-s", {"fit"}},
      {"--storage-write-gb-per-s", {"fit"}},
  };
  return table;
}

const QStringList kCommands{
    QStringLiteral("info"),       QStringLiteral("analyze"),    QStringLiteral("validate"),
    QStringLiteral("catalog"),    QStringLiteral("templates"),  QStringLiteral("new"),
    QStringLiteral("export-pdf"), QStringLiteral("export-csv"), QStringLiteral("fabric"),
    QStringLiteral("link"),       QStringLiteral("fit")};

/// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
QString quotedList(const QStringList& names) {
  QStringList quoted;
  for (const QString& name : names) {
    quoted.append(QLatin1Char('\'') + name + QLatin1Char('\''));
  }
  const QString last = quoted.takeLast();
  return quoted.isEmpty() ? last
                          : quoted.join(QStringLiteral(", ")) + QStringLiteral(" and ") + last;
}

/// Reads the value of option `option` at `args[*i]` ("--what bom" or "--what=bom").
/// Returns false when `args[*i]` is not this option.
bool takeValue(const QStringList& args, qsizetype* i, const ValueOption& option, Options* out) {
  const QString& arg = args[*i];
  const QLatin1String name(option.name);
  const QLatin1String shortName(option.shortName);
  QString value;
  if (arg == name || (!shortName.isEmpty() && arg == shortName)) {
    if (*i + 1 >= args.size() || args[*i + 1].isEmpty()) {
      throw UsageError{QStringLiteral("%1 needs %2").arg(arg, QLatin1String(option.needs))};
    }
    value = args[++*i];
  } else if (arg.startsWith(name + QLatin1Char('='))) {
    value = arg.mid(name.size() + 1);
    if (value.isEmpty()) {
      throw UsageError{QStringLiteral("%1 needs %2").arg(name, QLatin1String(option.needs))};
    }
  } else {
    return false;
  }
  if (out->values.contains(name)) {
    throw UsageError{QStringLiteral("%1 is given twice").arg(name)};
  }
  out->values.insert(name, value);
  return true;
}

bool takeValueOption(const QStringList& args, qsizetype* i, Options* options) {
  for (const ValueOption& option : kValueOptions) {
    if (takeValue(args, i, option, options)) {
      return true;
    }
  }
  return false;
}

Options parseOptions(const QStringList& args) {
  Options options;
  QStringList positional;
  for (qsizetype i = 0; i < args.size(); ++i) {
    const QString& arg = args[i];
    if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
      options.help = true;
    } else if (arg == QLatin1String("--version")) {
      options.version = true;
    } else if (arg == QLatin1String("--json")) {
      options.json = true;
    } else if (arg == QLatin1String("--force")) {
      options.force = true;
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
    } else if (takeValueOption(args, &i, &options)) {
      continue;
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

/// Every option given applies to the command: `--what` on `analyze` is a mistake to say.
void checkOptionsApply(const Options& options) {
  for (const auto& [option, commands] : optionCommands()) {
    const QLatin1String name(option);
    const bool given = name == QLatin1String("--json")    ? options.json
                       : name == QLatin1String("--force") ? options.force
                                                          : options.values.contains(name);
    if (given && !commands.contains(options.command)) {
      const QString shown =
          name == QLatin1String("--output") ? QStringLiteral("-o/--output") : QString(name);
      throw UsageError{QStringLiteral("%1 applies to %2 only").arg(shown, quotedList(commands))};
    }
  }
}

}  // namespace

int wholeOption(const Options& options, const char* option, int minimum, const char* what,
                int maximum) {
  const QString text = options.value(option);
  bool ok = false;
  const qlonglong value = QLocale::c().toLongLong(text, &ok);
  if (!ok) {
    throw UsageError{QStringLiteral("%1: '%2' is not a whole number (%3)")
                         .arg(QLatin1String(option), text, QLatin1String(what))};
  }
  if (value < minimum) {
    throw UsageError{QStringLiteral("%1: %2 is not %3 of %4 or more")
                         .arg(QLatin1String(option), text, QLatin1String(what))
                         .arg(minimum)};
  }
  if (value > maximum) {
    throw UsageError{QStringLiteral("%1: %2 is not %3 of at most %4")
                         .arg(QLatin1String(option), text, QLatin1String(what))
                         .arg(maximum)};
  }
  return int(value);
}

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

FailureScenario failureScenario(const Options& options, const Project& project) {
  FailureScenario scenario;
  if (options.has("--fail")) {
    const QString problem = parseFailureScenario(options.value("--fail"), project, &scenario);
    if (!problem.isEmpty()) {
      throw UsageError{QStringLiteral("--fail: %1").arg(problem)};
    }
  }
  return scenario;
}

QString cliVersion() {
  return QStringLiteral(DCSTUDIO_VERSION);
}

namespace {

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

// --- dispatch ---------------------------------------------------------------------------------

int run(const Options& options, QTextStream& out, QTextStream& err) {
  if (options.command.isEmpty()) {
    throw UsageError{QStringLiteral("no command given")};
  }
  if (!kCommands.contains(options.command)) {
    throw UsageError{QStringLiteral("unknown command '%1'").arg(options.command)};
  }
  checkOptionsApply(options);
  if (options.command == QLatin1String("info")) {
    const Project project = openProject(fileArgument(options));
    const CatalogLoadResult loaded = loadCatalog(options, err);
    printInfo(project, analyze(project, loaded.catalog), options, out);
    return kCliOk;
  }
  if (options.command == QLatin1String("analyze") || options.command == QLatin1String("validate")) {
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
  if (options.command == QLatin1String("templates")) {
    return runTemplates(options, out, err);
  }
  if (options.command == QLatin1String("new")) {
    return runNew(options, out, err);
  }
  if (options.command == QLatin1String("export-pdf")) {
    return runExportPdf(options, out, err);
  }
  if (options.command == QLatin1String("fabric")) {
    return runFabric(options, out, err);
  }
  if (options.command == QLatin1String("link")) {
    return runLink(options, out, err);
  }
  if (options.command == QLatin1String("fit")) {
    return runFit(options, out, err);
  }
  return runExportCsv(options, out, err);
}

}  // namespace

QString positionsText(const Project& project, const Analysis& analysis) {
  return positionsText(analysis.power.totals.rackCount,
                       coolingUnitCount(project, analysis, HallId()));
}

bool cliNeedsWidgets(const QStringList& args) {
  try {
    const Options options = parseOptions(args);
    return !options.help && !options.version && options.command == QLatin1String("export-pdf");
  } catch (const UsageError&) {
    return false;  // runCli() reports it, without a window system
  }
}

int runCli(const QStringList& args, QTextStream& out, QTextStream& err) {
  try {
    const Options options = parseOptions(args);
    if (options.help) {
      out << kUsage;
      return kCliOk;
    }
    if (options.version) {
      out << "dcstudio-cli " << cliVersion() << '\n';
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
