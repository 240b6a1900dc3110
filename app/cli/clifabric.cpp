// SPDX-License-Identifier: GPL-3.0-or-later
// dcstudio-cli fabric and link: a fat-tree sized from a switch model without a project, and the
// medium the engine picks for one link and why. Both read the catalog only.
#include "clicommands.h"
#include "clicontext.h"
#include "engine/fabric/fabricsizing.h"
#include "engine/fabric/media.h"
#include "format/quantityformat.h"
#include "support/plural.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>

namespace dc {

namespace {

// --- option values ----------------------------------------------------------------------------

/// A whole number from `option`, at least `minimum`; `fallback` when the option is not given.
/// `what` says what it counts, for the message ("a node count").
int intOption(const Options& options, const char* option, int fallback, int minimum,
              const char* what) {
  return options.has(option) ? wholeOption(options, option, minimum, what) : fallback;
}

/// A required whole number.
int requiredIntOption(const Options& options, const char* option, int minimum, const char* what) {
  if (!options.has(option)) {
    throw UsageError{QStringLiteral("'%1' needs %2 (%3)")
                         .arg(options.command, QLatin1String(option), QLatin1String(what))};
  }
  return intOption(options, option, 0, minimum, what);
}

/// A finite number from `option`; the caller checks its range.
double numberOption(const Options& options, const char* option, const char* what) {
  const QString text = options.value(option);
  bool ok = false;
  const double value = QLocale::c().toDouble(text, &ok);
  if (!ok || !std::isfinite(value)) {
    throw UsageError{QStringLiteral("%1: '%2' is not a number (%3)")
                         .arg(QLatin1String(option), text, QLatin1String(what))};
  }
  return value;
}

void checkNoArguments(const Options& options) {
  if (!options.arguments.isEmpty()) {
    throw UsageError{QStringLiteral("'%1' takes options only, got '%2'")
                         .arg(options.command, options.arguments.first())};
  }
}

QString countText(qint64 n) {
  return formatQuantity(double(n), Quantity::Count);
}

// --- fabric -----------------------------------------------------------------------------------

/// The switch's fabric ports: the largest port group of purpose any or compute (the most ports;
/// of equal counts the faster one), or null when it has none.
const PortGroup* fabricPortGroup(const CatalogItem& item) {
  const PortGroup* best = nullptr;
  for (const PortGroup& group : item.ports) {
    if (group.purpose != QLatin1String("any") && group.purpose != QLatin1String("compute")) {
      continue;
    }
    if (best == nullptr || group.count > best->count ||
        (group.count == best->count && group.speedGbps > best->speedGbps)) {
      best = &group;
    }
  }
  return best;
}

/// The --switch item: a catalog switch with fabric ports.
std::pair<const CatalogItem*, const PortGroup*> fabricSwitch(const Options& options,
                                                             const Catalog& catalog) {
  if (!options.has("--switch")) {
    throw UsageError{QStringLiteral("'fabric' needs --switch (a switch's catalog id)")};
  }
  const QString id = options.value("--switch");
  const CatalogItem* item = catalog.find(id);
  if (item == nullptr) {
    throw UsageError{
        QStringLiteral("--switch: no catalog item '%1' (dcstudio-cli catalog lists them)").arg(id)};
  }
  if (item->kind != ItemKind::Switch) {
    throw UsageError{QStringLiteral("--switch: '%1' (%2) is not a switch: its kind is %3")
                         .arg(id, item->model, itemKindKey(item->kind))};
  }
  const PortGroup* group = fabricPortGroup(*item);
  if (group == nullptr || group->count < 2) {
    throw UsageError{QStringLiteral("--switch: '%1' (%2) has no radix: no group of two or more "
                                    "ports of purpose any or compute in the catalog")
                         .arg(id, item->model)};
  }
  return {item, group};
}

/// What `dcstudio-cli fabric` computes.
struct FabricRun {
  const CatalogItem* item = nullptr;
  const PortGroup* ports = nullptr;
  int nodes = 0;
  int gpusPerNode = 0;
  double oversubscription = 1.0;
  int reservedPorts = 0;
  int nodePortsPerCage = 2;
  QString tiersAsked;  ///< "auto", "2" or "3"
  int leafDownPorts = 0;
  int leafUpPorts = 0;
  fabric::FatTreeSizing sizing;
  int switchCages = 0;    ///< cages of one switch
  int nodeCages = 0;      ///< cages of one node
  qint64 switchSide = 0;  ///< transceivers
  qint64 nodeSide = 0;
};

FabricRun sizeFabric(const Options& options, const Catalog& catalog) {
  FabricRun run;
  run.nodes = requiredIntOption(options, "--nodes", 1, "a node count");
  run.gpusPerNode = requiredIntOption(options, "--gpus-per-node", 1, "a GPU count per node");
  run.reservedPorts =
      intOption(options, "--reserved-ports", 0, 0, "a count of reserved leaf ports");
  run.nodePortsPerCage =
      intOption(options, "--node-ports-per-cage", 2, 1, "a count of node ports per cage");
  if (options.has("--oversubscription")) {
    run.oversubscription =
        numberOption(options, "--oversubscription", "a leaf oversubscription ratio");
    if (run.oversubscription < 1.0) {
      throw UsageError{QStringLiteral("--oversubscription: %1 is below 1; the ratio of node-facing "
                                      "to spine-facing leaf ports is 1 (non-blocking) or more")
                           .arg(options.value("--oversubscription"))};
    }
  }
  run.tiersAsked = options.has("--tiers") ? options.value("--tiers") : QStringLiteral("auto");
  int tiers = 0;
  if (run.tiersAsked == QLatin1String("2") || run.tiersAsked == QLatin1String("3")) {
    tiers = run.tiersAsked.toInt();
  } else if (run.tiersAsked != QLatin1String("auto")) {
    throw UsageError{
        QStringLiteral("--tiers: '%1' is not auto, 2 or 3").arg(options.value("--tiers"))};
  }
  const auto [item, ports] = fabricSwitch(options, catalog);
  run.item = item;
  run.ports = ports;
  if (!fabric::splitRadix(ports->count, run.oversubscription, &run.leafDownPorts,
                          &run.leafUpPorts)) {
    throw UsageError{QStringLiteral("--switch: the %1 ports of '%2' cannot be split at %3:1")
                         .arg(ports->count)
                         .arg(item->id)
                         .arg(run.oversubscription)};
  }
  fabric::FatTreeInput input;
  input.nodes = run.nodes;
  input.portsPerNode = run.gpusPerNode;  // rail-optimised: one fabric port per GPU
  input.leafDownPorts = run.leafDownPorts;
  input.leafUpPorts = run.leafUpPorts;
  input.spineRadix = ports->count;
  input.tiers = tiers;
  input.reservedPorts = run.reservedPorts;
  input.railOptimised = true;
  run.sizing = fabric::sizeFatTree(input);
  if (!run.sizing.problem.isEmpty()) {
    throw UsageError{QStringLiteral("cannot size %1 nodes of %2 GPUs on '%3': %4")
                         .arg(run.nodes)
                         .arg(run.gpusPerNode)
                         .arg(item->id, run.sizing.problem)};
  }
  // NVIDIA provisions every cage of a fabric switch (SP-H100 Table 8: 1,536 = 48 x 32).
  const int perCage = std::max(1, ports->portsPerCage);
  run.switchCages = (ports->count + perCage - 1) / perCage;
  run.nodeCages = (run.gpusPerNode + run.nodePortsPerCage - 1) / run.nodePortsPerCage;
  const qint64 switches =
      qint64(run.sizing.leaves) + qint64(run.sizing.spines) + qint64(run.sizing.cores);
  run.switchSide = switches * run.switchCages;
  run.nodeSide = qint64(run.nodes) * run.nodeCages;
  return run;
}

QJsonObject fabricJson(const FabricRun& run) {
  const fabric::FatTreeSizing& s = run.sizing;
  return QJsonObject{{"format", "dcstudio-fabric-sizing"},
                     {"formatVersion", 1},
                     {"switch", run.item->id},
                     {"radix", run.ports->count},
                     {"portSpeedGbps", run.ports->speedGbps},
                     {"oversubscription", run.oversubscription},
                     {"leafDownPorts", run.leafDownPorts},
                     {"leafUpPorts", run.leafUpPorts},
                     {"reservedPorts", run.reservedPorts},
                     {"tiers", s.tiers},
                     {"scalableUnits", s.scalableUnits},
                     {"nodeSlotsPerSu", s.nodeSlotsPerSu},
                     {"nodes", run.nodes},
                     {"gpus", qint64(run.nodes) * run.gpusPerNode},
                     {"leafSwitches", s.leaves},
                     {"spineSwitches", s.spines},
                     {"coreSwitches", s.cores},
                     {"cables", QJsonObject{{"nodeToLeaf", s.cablesNodeToLeaf},
                                            {"leafToSpine", s.cablesLeafToSpine},
                                            {"spineToCore", s.cablesSpineToCore}}},
                     {"transceivers", QJsonObject{{"switchSide", run.switchSide},
                                                  {"nodeSide", run.nodeSide},
                                                  {"switchCages", run.switchCages},
                                                  {"nodeCages", run.nodeCages}}}};
}

/// "1:1", "1.33:1": the ratio as an engineer writes it.
QString ratioText(double ratio) {
  return QLocale::c().toString(ratio, 'g', 3) + QStringLiteral(":1");
}

void printFabricText(const FabricRun& run, QTextStream& out) {
  const fabric::FatTreeSizing& s = run.sizing;
  out << "Fabric: " << countText(run.nodes) << ' ' << (run.nodes == 1 ? "node" : "nodes") << " x "
      << run.gpusPerNode << " GPUs (" << countText(qint64(run.nodes) * run.gpusPerNode)
      << " GPUs), rail-optimised, on " << run.item->id << " (" << run.item->model << ", "
      << run.ports->count << " x " << run.ports->speedGbps << " Gb/s ports)\n";
  out << "Leaf: " << run.leafDownPorts << " ports down, " << run.leafUpPorts << " up ("
      << ratioText(run.oversubscription) << " asked), "
      << countOf(run.reservedPorts, "reserved port", "reserved ports") << '\n';
  out << "Tiers: " << s.tiers << (run.tiersAsked == QLatin1String("auto") ? " (auto)" : "");
  if (s.scalableUnits > 0) {
    out << ", " << countOf(s.scalableUnits, "scalable unit", "scalable units") << " of "
        << s.nodeSlotsPerSu << " node slots";
  }
  if (s.pods > 0) {
    out << ", " << countOf(s.pods, "pod", "pods") << " of " << s.leavesPerPod << " leaves";
  }
  out << "\n\n";
  const QString row = QStringLiteral("  %1 %2  %3 %4\n");
  out << row.arg(QStringLiteral("Tier"), -7)
             .arg(QStringLiteral("Switches"), 9)
             .arg(QStringLiteral("Links below"), -14)
             .arg(QStringLiteral("Cables"), 7);
  out << row.arg(QStringLiteral("Leaf"), -7)
             .arg(countText(s.leaves), 9)
             .arg(QStringLiteral("node to leaf"), -14)
             .arg(countText(s.cablesNodeToLeaf), 7);
  out << row.arg(QStringLiteral("Spine"), -7)
             .arg(countText(s.spines), 9)
             .arg(QStringLiteral("leaf to spine"), -14)
             .arg(countText(s.cablesLeafToSpine), 7);
  out << row.arg(QStringLiteral("Core"), -7)
             .arg(countText(s.cores), 9)
             .arg(QStringLiteral("spine to core"), -14)
             .arg(countText(s.cablesSpineToCore), 7);
  out << row.arg(QStringLiteral("Total"), -7)
             .arg(countText(qint64(s.leaves) + s.spines + s.cores), 9)
             .arg(QString(), -14)
             .arg(countText(qint64(s.cablesNodeToLeaf) + s.cablesLeafToSpine + s.cablesSpineToCore),
                  7);
  out << "\nTransceivers: " << countText(run.switchSide) << " switch side (" << run.switchCages
      << " cages per switch, all populated), " << countText(run.nodeSide) << " node side ("
      << run.nodeCages << " per node, " << run.nodePortsPerCage << " ports per cage)\n";
  if (run.reservedPorts > 0) {
    out << "Node-to-leaf cables include the "
        << countOf(run.reservedPorts, "reserved port", "reserved ports") << ".\n";
  }
}

// --- link -------------------------------------------------------------------------------------

QString protocolOption(const Options& options) {
  if (!options.has("--protocol")) {
    return {};
  }
  const QString protocol = options.value("--protocol").toLower();
  if (protocol != QLatin1String("infiniband") && protocol != QLatin1String("ethernet")) {
    throw UsageError{QStringLiteral("--protocol: '%1' is not infiniband or ethernet")
                         .arg(options.value("--protocol"))};
  }
  return protocol;
}

/// A catalog item as "id (model)", or "-" for none.
QString itemText(const fabric::MediaCatalog& media, const QString& id) {
  if (id.isEmpty()) {
    return QStringLiteral("-");
  }
  const CatalogItem* item = media.item(id);
  return item == nullptr || item->model.isEmpty()
             ? id
             : id + QStringLiteral(" (") + item->model + QLatin1Char(')');
}

QJsonValue idOrNull(const QString& id) {
  return id.isEmpty() ? QJsonValue() : QJsonValue(id);
}

/// Power of the whole link: an active cable's two ends and the two transceivers.
double linkPowerW(const fabric::MediumVerdict& v) {
  return 2.0 * v.cablePowerW + v.transceiverPowerWA + v.transceiverPowerWZ;
}

QJsonObject linkJson(const fabric::MediumVerdict& v, const fabric::LinkNeed& need, double lengthM,
                     double longestReachM) {
  const QString& protocol = need.protocol;
  QJsonArray considered;
  for (const QString& line : v.considered) {
    considered.append(line);
  }
  const LinkChoice& c = v.choice;
  return QJsonObject{
      {"format", "dcstudio-link"},
      {"formatVersion", 1},
      {"lengthM", lengthM},
      {"speedGbps", need.speedGbps},
      {"protocol", protocol.isEmpty() ? QJsonValue() : QJsonValue(protocol)},
      {"cageA", idOrNull(need.cageA)},
      {"cageZ", idOrNull(need.cageZ)},
      {"media", need.opticalOnly ? "optical" : "cheapest"},
      {"found", v.found},
      {"mediaClass", v.found ? QJsonValue(c.mediaClass) : QJsonValue()},
      {"cable", v.found ? idOrNull(c.cableId) : QJsonValue()},
      {"partNumber", v.found ? idOrNull(c.partNumber) : QJsonValue()},
      {"stockLengthM", v.found ? QJsonValue(double(c.stockLengthMm) / 1000.0) : QJsonValue()},
      {"madeToLength", v.found && c.madeToLength},
      {"transceiverA", v.found ? idOrNull(c.transceiverAId) : QJsonValue()},
      {"transceiverZ", v.found ? idOrNull(c.transceiverZId) : QJsonValue()},
      {"reachM", v.found ? QJsonValue(c.reachM) : QJsonValue()},
      {"linksPerCable", v.found ? QJsonValue(c.linksPerCable) : QJsonValue()},
      {"diameterMm", v.found ? QJsonValue(c.diameterMm) : QJsonValue()},
      {"power", QJsonObject{{"cablePerEndW", v.cablePowerW},
                            {"transceiverAW", v.transceiverPowerWA},
                            {"transceiverZW", v.transceiverPowerWZ},
                            {"linkW", linkPowerW(v)}}},
      {"longestReachM", longestReachM},
      {"reason", v.reason},
      {"considered", considered}};
}

QString metres(double m) {
  return formatQuantity(m * 1000.0, Quantity::LengthMm, NumberStyle::forNominal());
}

/// Watts with up to three significant digits: a 0.1 W DAC end or a 1.5 W LACC end as published.
QString watts(double w) {
  return QLocale::c().toString(w, 'g', 3) + QStringLiteral(" W");
}

void printLinkText(const fabric::MediaCatalog& media, const fabric::MediumVerdict& v,
                   const fabric::LinkNeed& need, double lengthM, double longestReachM,
                   QTextStream& out) {
  out << "Link: " << metres(lengthM) << " at " << QLocale::c().toString(need.speedGbps, 'g', 6)
      << " Gb/s" << (need.protocol.isEmpty() ? QString() : QStringLiteral(", ") + need.protocol);
  if (!need.cageA.isEmpty() || !need.cageZ.isEmpty()) {
    out << ", cages " << (need.cageA.isEmpty() ? QStringLiteral("any") : need.cageA) << " / "
        << (need.cageZ.isEmpty() ? QStringLiteral("any") : need.cageZ);
  }
  out << '\n';
  if (v.found) {
    const LinkChoice& c = v.choice;
    out << "Medium:       " << c.mediaClass << '\n';
    out << "Cable:        " << itemText(media, c.cableId);
    if (!c.partNumber.isEmpty()) {
      out << ", " << c.partNumber;
    }
    out << ", " << metres(double(c.stockLengthMm) / 1000.0)
        << (c.madeToLength ? " (made to length)" : " stocked") << '\n';
    if (!c.transceiverAId.isEmpty() || !c.transceiverZId.isEmpty()) {
      out << "Transceivers: " << itemText(media, c.transceiverAId) << " / "
          << itemText(media, c.transceiverZId) << '\n';
    }
    out << "Reach:        " << metres(c.reachM) << '\n';
    out << "Power:        " << watts(linkPowerW(v)) << " for the link (cable "
        << watts(v.cablePowerW) << " per end, transceivers " << watts(v.transceiverPowerWA) << " + "
        << watts(v.transceiverPowerWZ) << ")\n";
  } else {
    out << "Medium:       none reaches " << metres(lengthM) << "; the longest reach at this speed"
        << " is " << metres(longestReachM) << '\n';
  }
  out << "Why:          " << v.reason << '\n';
  if (!v.considered.isEmpty()) {
    out << "Considered:\n";
    for (const QString& line : v.considered) {
      out << "  " << line << '\n';
    }
  }
}

}  // namespace

int runFabric(const Options& options, QTextStream& out, QTextStream& err) {
  checkNoArguments(options);
  // The numbers are checked before the catalog is read, the switch after.
  requiredIntOption(options, "--nodes", 1, "a node count");
  requiredIntOption(options, "--gpus-per-node", 1, "a GPU count per node");
  const CatalogLoadResult loaded = loadCatalog(options, err);
  const FabricRun run = sizeFabric(options, loaded.catalog);
  if (options.json) {
    out << QJsonDocument(fabricJson(run)).toJson(QJsonDocument::Indented);
  } else {
    printFabricText(run, out);
  }
  return kCliOk;
}

int runLink(const Options& options, QTextStream& out, QTextStream& err) {
  checkNoArguments(options);
  if (!options.has("--length-m")) {
    throw UsageError{QStringLiteral("'link' needs --length-m (the routed length in metres)")};
  }
  if (!options.has("--speed-gbps")) {
    throw UsageError{QStringLiteral("'link' needs --speed-gbps (the link's speed in Gb/s)")};
  }
  const double lengthM = numberOption(options, "--length-m", "a length in metres");
  if (lengthM <= 0.0 || lengthM > 1.0e6) {
    throw UsageError{QStringLiteral("--length-m: %1 is not a length above 0 m (up to 1,000 km)")
                         .arg(options.value("--length-m"))};
  }
  const double speedGbps = numberOption(options, "--speed-gbps", "a speed in Gb/s");
  if (speedGbps <= 0.0) {
    throw UsageError{QStringLiteral("--speed-gbps: %1 is not a speed above 0 Gb/s")
                         .arg(options.value("--speed-gbps"))};
  }
  const QString protocol = protocolOption(options);
  const CatalogLoadResult loaded = loadCatalog(options, err);
  const fabric::MediaCatalog media(loaded.catalog);
  fabric::LinkNeed need;
  need.speedGbps = speedGbps;
  need.lengthMm = std::llround(lengthM * 1000.0);
  need.protocol = protocol;
  need.cageA = options.value("--cage-a");
  need.cageZ = options.value("--cage-z");
  if (options.has("--media")) {
    const QString media = options.value("--media");
    if (media != QLatin1String("cheapest") && media != QLatin1String("optical")) {
      throw UsageError{QStringLiteral("--media: '%1' is not cheapest or optical").arg(media)};
    }
    need.opticalOnly = media == QLatin1String("optical");
  }
  const fabric::MediumVerdict verdict = media.choose(need);
  const double longest = media.longestReachM(speedGbps, protocol);
  if (options.json) {
    out << QJsonDocument(linkJson(verdict, need, lengthM, longest)).toJson(QJsonDocument::Indented);
  } else {
    printLinkText(media, verdict, need, lengthM, longest, out);
  }
  if (!verdict.found) {
    err << "dcstudio-cli: no medium in the catalog reaches " << metres(lengthM) << " at "
        << QLocale::c().toString(speedGbps, 'g', 6) << " Gb/s"
        << (protocol.isEmpty() ? QString() : QStringLiteral(" (") + protocol + QLatin1Char(')'))
        << "; the longest reach is " << metres(longest) << '\n';
    return kCliDataError;
  }
  return kCliOk;
}

}  // namespace dc
