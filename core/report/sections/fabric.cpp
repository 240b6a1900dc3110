// SPDX-License-Identifier: GPL-3.0-or-later
// The network fabric sections: each fabric's topology drawing (A3), then per fabric how it was
// sized, its key figures, counts per tier, the cable schedule grouped into bundles (the full
// per-cable schedule is the "cables" CSV), the cables and optics bill of materials and the
// longest links; the fill of the cable trays last.
#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "model/project.h"
#include "report/diagramfabric.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace dc::report {

namespace {

/// The printed cable schedule holds a row per bundle (A rack, Z rack, medium, stocked length)
/// up to this many; beyond, bundles are taken per switch rack (every A rack of it in one row).
constexpr int kMaxBundleRows = 400;
constexpr int kLongestLinks = 10;

struct FabricText {
  const CellWriter& cells;
  NumberStyle style;

  QString count(qint64 value) const {
    return formatQuantity(double(value), Quantity::Count, style);
  }
  /// "1 spine", "16 spines".
  QString of(qint64 value, const QString& one, const QString& many) const {
    return QStringLiteral("%1 %2").arg(count(value), value == 1 ? one : many);
  }
  QString length(std::int64_t mm) const {
    return formatQuantity(double(mm), Quantity::LengthMm, style);
  }
  /// "1:1", "3:1", "1.50:1".
  QString ratio(double value) const {
    const bool whole = std::abs(value - std::round(value)) < 1e-9;
    return QStringLiteral("%1:1").arg(
        formatQuantity(value, whole ? Quantity::Count : Quantity::Ratio, style));
  }
};

QString modelOf(const Catalog& catalog, const QString& id) {
  return shortModel(catalog, id);
}

QString rackNameOf(const Project& project, int rackIndex) {
  return rackIndex >= 0 && rackIndex < project.racks().size() ? project.racks()[rackIndex].name()
                                                              : QString();
}

/// The fabric's cables as a range of FabricResult::cables.
std::pair<qsizetype, qsizetype> cableSpan(const FabricResult& fabric, const FabricSummary& f) {
  const qsizetype size = qsizetype(fabric.cables.size());
  const qsizetype first = std::clamp<qsizetype>(f.firstCable, 0, size);
  return {first, std::clamp<qsizetype>(f.firstCable + f.cableCount, first, size)};
}

const LinkChoice* choiceOf(const FabricResult& fabric, const Cable& cable) {
  return cable.choice >= 0 && cable.choice < fabric.choices.size() ? &fabric.choices[cable.choice]
                                                                   : nullptr;
}

/// "A01 U9 DGX H100 port 3": one end of a cable as a reader finds it.
QString endText(const ReportInput& input, const FabricSummary& f, const CableEnd& end) {
  if (end.device < 0 || end.device >= f.devices.size()) {
    return QStringLiteral("reserved port");
  }
  const FabricDevice& device = f.devices[end.device];
  QStringList parts;
  const QString rack = rackNameOf(input.project, end.rackIndex);
  parts.append(rack.isEmpty() ? QStringLiteral("not placed") : rack);
  if (end.rackIndex >= 0 && end.mountIndex >= 0 && end.rackIndex < input.project.racks().size()) {
    const QList<Mount>& mounts = input.project.racks()[end.rackIndex].mounts();
    if (end.mountIndex < mounts.size()) {
      parts.append(QStringLiteral("U%1").arg(mounts[end.mountIndex].lowestU));
    }
  }
  parts.append(modelOf(input.catalog, device.catalogId));
  parts.append(QStringLiteral("port %1").arg(end.port + 1));
  return parts.join(QLatin1Char(' '));
}

// --- How it was sized ----------------------------------------------------------------------

/// How the media were chosen: the design assumption "Cable media".
QString mediaText(const ReportInput& input) {
  const bool optical =
      input.analysis.assumptions.choice(QString::fromLatin1(assumption::kMediaPolicy)) ==
      QLatin1String("optical");
  return optical ? QStringLiteral(
                       "Media: optical where optics exist, no copper (design assumption \"Cable "
                       "media\"; SP-H100 Table 8: all SuperPOD networking is multimode fibre), at "
                       "the stocked length the routed length rounds up to.")
                 : QStringLiteral(
                       "Media: the cheapest whose reach covers each routed length (design "
                       "assumption \"Cable media\", formulas.md §3.5), at the stocked length it "
                       "rounds up to.");
}

QString sizingText(const ReportInput& input, const FabricSummary& f, const FabricText& t) {
  const FabricSpec* spec = input.project.findFabricSpec(f.specId);
  const QString leaf = modelOf(input.catalog, f.leafSwitchId);
  const QString spine =
      modelOf(input.catalog, f.spineSwitchId.isEmpty() ? f.leafSwitchId : f.spineSwitchId);
  QStringList sentences;
  if (f.topology == FabricTopology::Dragonfly) {
    const fabric::DragonflySizing& d = f.dragonfly;
    if (!d.problem.isEmpty()) {
      return QStringLiteral("%1 could not be sized: %2.").arg(f.name, d.problem);
    }
    sentences.append(
        QStringLiteral("%1 connects %2 nodes (%3 GPUs) as a dragonfly of %4 %5 routers in %6 "
                       "groups of %7.")
            .arg(f.name, t.count(f.nodes), t.count(f.gpus), t.count(d.routers), leaf,
                 t.count(d.groups), t.count(d.routersPerGroup)));
    sentences.append(
        QStringLiteral("Each router has %1 node ports, %2 local links (every router of its group) "
                       "and %3 global links (radix %4 used); the groups are joined all-to-all, "
                       "%5 global links between each pair, for at most %6 groups.")
            .arg(t.count(d.terminalsPerRouter), t.count(d.routersPerGroup - 1),
                 t.count(d.globalPerRouter), t.count(d.radixUsed),
                 t.count(d.globalLinksPerGroupPair), t.count(d.maxGroups)));
    sentences.append(QStringLiteral(
        "Method: Kim, Dally, Scott and Abts, \"Technology-driven, highly-scalable dragonfly "
        "topology\" (ISCA 2008), as formulas.md §3 takes it; whole groups are provisioned."));
    sentences.append(mediaText(input));
    return sentences.join(QLatin1Char(' '));
  }
  const fabric::FatTreeSizing& s = f.sizing;
  if (!s.problem.isEmpty()) {
    return QStringLiteral("%1 could not be sized: %2.").arg(f.name, s.problem);
  }
  const QString tiers = s.tiers <= 1   ? QStringLiteral("a single tier of %1 leaves").arg(leaf)
                        : s.tiers == 2 ? QStringLiteral(
                                             "a two-tier fat-tree (folded Clos) of %1 leaves and "
                                             "%2 spines")
                                             .arg(leaf, spine)
                                       : QStringLiteral(
                                             "a three-tier fat-tree of %1 leaves, %2 spines and "
                                             "cores")
                                             .arg(leaf, spine);
  sentences.append(
      QStringLiteral("%1 connects %2 (%3 GPUs, %4 each) as %5.")
          .arg(f.name, t.of(f.nodes, QStringLiteral("node"), QStringLiteral("nodes")),
               t.count(f.gpus),
               t.of(f.nodePorts, QStringLiteral("fabric port"), QStringLiteral("fabric ports")),
               tiers));
  if (s.nodeSlotsPerSu > 0) {
    sentences.append(
        QStringLiteral("It is rail-optimised: %1 (SU) of %2 node slots, each with %3, one per "
                       "node port (rail), so that port i of every node of a unit reaches leaf i "
                       "in one hop.")
            .arg(t.of(s.scalableUnits, QStringLiteral("scalable unit"),
                      QStringLiteral("scalable units")),
                 t.count(s.nodeSlotsPerSu),
                 t.of(s.leavesPerSu, QStringLiteral("leaf"), QStringLiteral("leaves"))));
  }
  const int reserved = spec != nullptr ? spec->reservedPorts : f.cablesReserved;
  if (reserved > 0) {
    sentences.append(
        QStringLiteral("%1 for the design (the fabric manager, UFM), taken in node "
                       "slots.")
            .arg(reserved == 1
                     ? QStringLiteral("1 leaf port is reserved")
                     : QStringLiteral("%1 leaf ports are reserved").arg(t.count(reserved))));
  }
  if (s.tiers >= 2 && s.leaves > 0) {
    const int up = s.cablesLeafToSpine / s.leaves;
    const int down = int(std::lround(up * s.leafOversubscription));
    const bool blocking = s.leafOversubscription > 1.0 + 1e-9;
    sentences.append(QStringLiteral("Each leaf has %1 ports to nodes and %2 to spines (%3%4).")
                         .arg(t.count(down), t.count(up), t.ratio(s.leafOversubscription),
                              blocking ? QStringLiteral(" oversubscription")
                                       : QStringLiteral(", non-blocking")));
  }
  if (s.tiers == 2) {
    sentences.append(
        QStringLiteral("%1: each leaf runs %2 to every spine.")
            .arg(t.of(s.spines, QStringLiteral("spine"), QStringLiteral("spines")),
                 t.of(s.linksLeafToSpine, QStringLiteral("link"), QStringLiteral("links"))));
  } else if (s.tiers >= 3) {
    sentences.append(
        QStringLiteral("%1 pods of %2 leaves and %3 spines, each leaf %4 links to every spine of "
                       "its pod; each spine %5 ports down and %6 up (%7) to %8 cores in %9 planes.")
            .arg(t.count(s.pods), t.count(s.leavesPerPod), t.count(s.spinesPerPod),
                 t.count(s.linksLeafToSpine), t.count(s.spineDownPorts), t.count(s.spineUpPorts),
                 t.ratio(spec != nullptr ? spec->spineOversubscription : 1.0), t.count(s.cores),
                 t.count(s.spinesPerPod)));
  }
  if (s.nodeSlotsPerSu > 0) {
    sentences.append(QStringLiteral(
        "Every scalable unit is provisioned in full even when partly filled (NVIDIA: \"the "
        "fabric should be designed to support the full SU\")."));
  } else if (s.tiers >= 2) {
    sentences.append(QStringLiteral(
        "Every leaf's uplinks are provisioned in full even when its node ports are not all "
        "used."));
  }
  sentences.append(mediaText(input));
  QStringList method;
  if (s.tiers <= 2) {
    method.append(QStringLiteral("§3.1 (two-tier leaf/spine)"));
  } else {
    method.append(QStringLiteral("§3.2 (three tiers, pods and core planes)"));
  }
  if (s.nodeSlotsPerSu > 0) {
    method.append(QStringLiteral("§3.3 (rail-optimised design)"));
  }
  sentences.append(QStringLiteral("Method: formulas.md %1, checked against the NVIDIA DGX "
                                  "SuperPOD H100 reference architecture (RA-11333-001, Tables 4 "
                                  "and 8).")
                       .arg(method.join(QStringLiteral(", "))));
  return sentences.join(QLatin1Char(' '));
}

// --- Key figures ---------------------------------------------------------------------------

/// A reserved leaf port with no device at its A end (the fabric manager, not modelled).
bool isOpenReserved(const Cable& cable) {
  return cable.tier == LinkTier::Reserved && cable.a.device < 0;
}

int openReservedPorts(const FabricResult& fabric, const FabricSummary& f) {
  const auto [first, last] = cableSpan(fabric, f);
  int open = 0;
  for (qsizetype i = first; i < last; ++i) {
    open += isOpenReserved(fabric.cables[size_t(i)]) ? 1 : 0;
  }
  return open;
}

int countRole(const FabricSummary& f, SwitchRole role, bool placedOnly) {
  return int(std::count_if(f.devices.cbegin(), f.devices.cend(), [&](const FabricDevice& d) {
    return d.isSwitch && d.role == role && (!placedOnly || d.rackIndex >= 0);
  }));
}

KeyFigure switchFigure(const FabricSummary& f, SwitchRole role, const QString& label,
                       const QString& modelName, const FabricText& t) {
  const int needed = countRole(f, role, false);
  const int placed = countRole(f, role, true);
  return KeyFigure{label, QStringLiteral("%1\u00A0/\u00A0%2").arg(t.count(needed), t.count(placed)),
                   QStringLiteral("needed / placed, %1").arg(modelName),
                   placed < needed ? Tone::Warning : Tone::Normal};
}

KeyFigures keyFigures(const ReportInput& input, const FabricResult& fabric, const FabricSummary& f,
                      const FabricText& t) {
  const QString leaf = modelOf(input.catalog, f.leafSwitchId);
  const QString spine =
      modelOf(input.catalog, f.spineSwitchId.isEmpty() ? f.leafSwitchId : f.spineSwitchId);
  KeyFigures figures;
  figures.columns = 4;
  QList<KeyFigure>& items = figures.items;
  items.append({QStringLiteral("Nodes"), t.count(f.nodes),
                QStringLiteral("%1 GPUs, %2 each")
                    .arg(t.count(f.gpus),
                         t.of(f.nodePorts, QStringLiteral("port"), QStringLiteral("ports")))});
  const bool dragonfly = f.topology == FabricTopology::Dragonfly;
  items.append(
      {QStringLiteral("Tiers"), dragonfly ? QStringLiteral("dragonfly") : t.count(f.sizing.tiers),
       f.sizing.scalableUnits > 0
           ? QStringLiteral("%1, %2 SU").arg(fabricShapeText(f), t.count(f.sizing.scalableUnits))
           : fabricShapeText(f)});
  if (dragonfly) {
    items.append(switchFigure(f, SwitchRole::Router, QStringLiteral("Routers"), leaf, t));
  } else {
    items.append(switchFigure(f, SwitchRole::Leaf, QStringLiteral("Leaves"), leaf, t));
    if (f.sizing.tiers >= 2) {
      items.append(switchFigure(f, SwitchRole::Spine, QStringLiteral("Spines"), spine, t));
    }
    if (f.sizing.tiers >= 3) {
      items.append(switchFigure(f, SwitchRole::Core, QStringLiteral("Cores"), spine, t));
    }
  }
  items.append(
      {dragonfly ? QStringLiteral("Node-router cables") : QStringLiteral("Node-leaf cables"),
       t.count(f.cablesNodeToLeaf),
       f.cablesReserved > 0
           ? QStringLiteral("incl. %1 reserved ports").arg(t.count(f.cablesReserved))
           : QStringLiteral("one per node port")});
  if (dragonfly) {
    items.append({QStringLiteral("Local · global cables"),
                  QStringLiteral("%1 · %2").arg(t.count(f.cablesLocal), t.count(f.cablesGlobal)),
                  QStringLiteral("inside groups · between groups")});
  } else {
    if (f.sizing.tiers >= 2) {
      items.append(
          {QStringLiteral("Leaf-spine cables"), t.count(f.cablesLeafToSpine),
           QStringLiteral("%1 per leaf and spine").arg(t.count(f.sizing.linksLeafToSpine))});
    }
    if (f.sizing.tiers >= 3) {
      items.append(
          {QStringLiteral("Spine-core cables"), t.count(f.cablesSpineToCore),
           QStringLiteral("%1 per spine and core").arg(t.count(f.sizing.linksSpineToCore))});
    }
  }
  items.append({QStringLiteral("Switch-side transceivers"), t.count(f.transceiversSwitchSide),
                QStringLiteral("a module per switch cage with fibre")});
  items.append({QStringLiteral("Node-side transceivers"), t.count(f.transceiversNodeSide),
                QStringLiteral("a module per node cage with fibre")});
  items.append({QStringLiteral("Optics power"),
                formatQuantity(f.opticsPowerW, Quantity::PowerW, t.style)
                    .replace(QLatin1Char(' '), QChar(0x00A0)),
                QStringLiteral("Σ transceivers, in the racks' power")});
  if (f.longestLinkMm > 0) {
    QString detail = QStringLiteral("routed over the trays");
    if (f.longestCable >= 0 && f.longestCable < qsizetype(fabric.cables.size())) {
      const Cable& cable = fabric.cables[size_t(f.longestCable)];
      detail = QStringLiteral("%1 to %2")
                   .arg(rackNameOf(input.project, cable.a.rackIndex),
                        rackNameOf(input.project, cable.z.rackIndex));
      if (const LinkChoice* choice = choiceOf(fabric, cable)) {
        detail += QStringLiteral(", ") + mediaClassName(choice->mediaClass);
      }
    }
    items.append({QStringLiteral("Longest link"),
                  t.length(f.longestLinkMm).replace(QLatin1Char(' '), QChar(0x00A0)), detail});
  }
  // Reserved ports with nothing at their A end are not links to route.
  const int unrouted = f.unroutedLinks - openReservedPorts(fabric, f);
  if (unrouted > 0) {
    items.append({QStringLiteral("Links not routed"), t.count(unrouted),
                  QStringLiteral("an end not placed or no tray path"), Tone::Warning});
  }
  return figures;
}

// --- Counts per tier -----------------------------------------------------------------------

struct TierStats {
  int links = 0;
  int routed = 0;
  int open = 0;  // reserved ports with nothing at their A end
  std::int64_t longestMm = 0;
  QMap<QString, int> media;
};

QString mediaMix(const QMap<QString, int>& media, const FabricText& t) {
  QStringList parts;
  for (auto m = media.cbegin(); m != media.cend(); ++m) {
    parts.append(media.size() == 1
                     ? mediaClassName(m.key())
                     : QStringLiteral("%1 %2").arg(mediaClassName(m.key()), t.count(m.value())));
  }
  return parts.join(QStringLiteral(", "));
}

Table tierTable(const ReportInput& input, const FabricResult& fabric, const FabricSummary& f,
                int index, const FabricText& t) {
  const CellWriter& cells = t.cells;
  QMap<LinkTier, TierStats> stats;
  const auto [first, last] = cableSpan(fabric, f);
  for (qsizetype i = first; i < last; ++i) {
    const Cable& cable = fabric.cables[size_t(i)];
    // Reserved ports are node-to-leaf links (SP-H100 Table 4 counts "compute + UFM").
    const LinkTier tier = cable.tier == LinkTier::Reserved ? LinkTier::NodeToLeaf : cable.tier;
    TierStats& s = stats[tier];
    s.links += 1;
    if (isOpenReserved(cable)) {
      s.open += 1;
      continue;  // nothing to route or choose a medium for
    }
    if (cable.routedMm >= 0) {
      s.routed += 1;
      s.longestMm = std::max(s.longestMm, cable.routedMm);
    }
    const LinkChoice* choice = choiceOf(fabric, cable);
    s.media[choice != nullptr ? choice->mediaClass : QString()] += 1;
  }
  const bool dragonfly = f.topology == FabricTopology::Dragonfly;
  const QString leafModel = modelOf(input.catalog, f.leafSwitchId);
  const QString spineModel =
      modelOf(input.catalog, f.spineSwitchId.isEmpty() ? f.leafSwitchId : f.spineSwitchId);
  struct Row {
    LinkTier tier;
    int cablesPublished;  // the summary's count: what the sizing gives
    QString switches;     // the role at the tier's upper end
    SwitchRole role;
    QString model;
  };
  QList<Row> rows;
  if (dragonfly) {
    rows = {{LinkTier::NodeToLeaf, f.cablesNodeToLeaf, QStringLiteral("Routers"),
             SwitchRole::Router, leafModel},
            {LinkTier::Local, f.cablesLocal, QString(), SwitchRole::Router, QString()},
            {LinkTier::Global, f.cablesGlobal, QString(), SwitchRole::Router, QString()}};
  } else {
    rows.append({LinkTier::NodeToLeaf, f.cablesNodeToLeaf, QStringLiteral("Leaves"),
                 SwitchRole::Leaf, leafModel});
    if (f.sizing.tiers >= 2) {
      rows.append({LinkTier::LeafToSpine, f.cablesLeafToSpine, QStringLiteral("Spines"),
                   SwitchRole::Spine, spineModel});
    }
    if (f.sizing.tiers >= 3) {
      rows.append({LinkTier::SpineToCore, f.cablesSpineToCore, QStringLiteral("Cores"),
                   SwitchRole::Core, spineModel});
    }
  }
  const QString m = columnUnit(
      largestOf(stats, [](const TierStats& s) { return double(s.longestMm); }), Quantity::LengthMm);
  Table table;
  table.id = QStringLiteral("fabric-%1-tiers").arg(index + 1);
  table.caption = QStringLiteral("%1: counts per tier").arg(f.name);
  table.columns = {textColumn(QStringLiteral("Tier"), 0.8),
                   numberColumn(QStringLiteral("Links"), QString(), 0.45),
                   numberColumn(QStringLiteral("Routed"), QString(), 0.5),
                   textColumn(QStringLiteral("Media"), 1.25),
                   numberColumn(QStringLiteral("Longest"), m, 0.55),
                   textColumn(QStringLiteral("Switches"), 0.55),
                   textColumn(QStringLiteral("Model"), 0.95),
                   numberColumn(QStringLiteral("Needed"), QString(), 0.5),
                   numberColumn(QStringLiteral("Placed"), QString(), 0.45)};
  int totalLinks = 0, totalRouted = 0, totalNeeded = 0, totalPlaced = 0;
  for (const Row& row : rows) {
    const TierStats s = stats.value(row.tier);
    const int links = std::max(s.links, row.cablesPublished);
    totalLinks += links;
    totalRouted += s.routed;
    QList<Cell> cellsOfRow{
        CellWriter::text(linkTierName(row.tier)), cells.count(links),
        cells.count(s.routed, s.routed + s.open < links ? Tone::Warning : Tone::Normal),
        s.media.isEmpty() ? CellWriter::none() : CellWriter::text(mediaMix(s.media, t)),
        s.longestMm > 0 ? cells.number(double(s.longestMm), Quantity::LengthMm, m)
                        : CellWriter::none()};
    if (row.switches.isEmpty()) {
      cellsOfRow +=
          {CellWriter::none(), CellWriter::none(), CellWriter::none(), CellWriter::none()};
    } else {
      const int needed = countRole(f, row.role, false);
      const int placed = countRole(f, row.role, true);
      totalNeeded += needed;
      totalPlaced += placed;
      cellsOfRow +=
          {CellWriter::text(row.switches), CellWriter::text(row.model), cells.count(needed),
           cells.count(placed, placed < needed ? Tone::Warning : Tone::Normal)};
    }
    table.rows.append(cellsOfRow);
  }
  QList<Cell> total{CellWriter::text(QStringLiteral("Total")),
                    cells.count(totalLinks),
                    cells.count(totalRouted),
                    CellWriter::none(),
                    CellWriter::none(),
                    CellWriter::none(),
                    CellWriter::none(),
                    cells.count(totalNeeded),
                    cells.count(totalPlaced)};
  for (Cell& cell : total) {
    cell.bold = true;
  }
  table.rows.append(total);
  QString note = QStringLiteral(
      "Links: one per pair of ports joined (a twin-port cable carries two). Routed: links with "
      "both ends placed and a tray path between their racks; the longest is the routed length, "
      "rack to rack over the trays with the drops.");
  if (f.cablesReserved > 0) {
    note += QStringLiteral(
                " Node to leaf includes the %1 reserved leaf ports (for the fabric manager, "
                "UFM), as SP-H100 Table 4 counts \"compute + UFM\"; with nothing modelled at "
                "their other end they are not routed.")
                .arg(t.count(f.cablesReserved));
  }
  table.notes.append(note);
  return table;
}

// --- Cable schedule (bundles) --------------------------------------------------------------

struct BundleKey {
  int tier;
  int aOrder;  // schedule order of the A rack; -1: none
  int zOrder;
  QString media;
  std::int64_t stockMm;
  bool operator<(const BundleKey& o) const {
    return std::tie(tier, aOrder, zOrder, media, stockMm) <
           std::tie(o.tier, o.aOrder, o.zOrder, o.media, o.stockMm);
  }
};

struct Bundle {
  QString partNumber;
  int links = 0;
  int linksPerCable = 1;
  std::int64_t longestMm = -1;
  QList<int> aRacks;  // coarse bundles: the A racks
};

Table cableTable(const ReportInput& input, const FabricResult& fabric, const FabricSummary& f,
                 int index, const FabricText& t, int* bundleCount, bool* coarse) {
  const CellWriter& cells = t.cells;
  // Rack index -> schedule order (hall, then name), so that the bundles read rack by rack.
  QHash<const Rack*, int> orderOfRack;
  const QList<const Rack*> ordered = racksInScheduleOrder(input.project);
  for (qsizetype i = 0; i < ordered.size(); ++i) {
    orderOfRack.insert(ordered[i], int(i));
  }
  QList<int> order(input.project.racks().size(), -1);
  QList<int> rackOfOrder(ordered.size(), -1);
  for (qsizetype r = 0; r < input.project.racks().size(); ++r) {
    order[r] = orderOfRack.value(&input.project.racks()[r], -1);
    if (order[r] >= 0) {
      rackOfOrder[order[r]] = int(r);
    }
  }
  const auto orderOf = [&](int rackIndex) {
    return rackIndex >= 0 && rackIndex < order.size() ? order[rackIndex] : -1;
  };
  const auto [first, last] = cableSpan(fabric, f);
  const auto group = [&](bool byZRack) {
    std::map<BundleKey, Bundle> bundles;
    for (qsizetype i = first; i < last; ++i) {
      const Cable& cable = fabric.cables[size_t(i)];
      const LinkChoice* choice = choiceOf(fabric, cable);
      const int a = orderOf(cable.a.rackIndex);
      BundleKey key{int(cable.tier), byZRack ? 0 : a, orderOf(cable.z.rackIndex),
                    choice != nullptr ? choice->mediaClass : QString(),
                    choice != nullptr && cable.routedMm >= 0 ? choice->stockLengthMm : -1};
      Bundle& bundle = bundles[key];
      bundle.links += 1;
      bundle.longestMm = std::max(bundle.longestMm, cable.routedMm);
      if (choice != nullptr) {
        bundle.partNumber = choice->partNumber;
        bundle.linksPerCable = std::max(1, choice->linksPerCable);
      }
      if (byZRack && (bundle.aRacks.isEmpty() || bundle.aRacks.last() != a)) {
        bundle.aRacks.append(a);
      }
    }
    return bundles;
  };
  std::map<BundleKey, Bundle> bundles = group(false);
  *coarse = bundles.size() > size_t(kMaxBundleRows);
  if (*coarse) {
    bundles = group(true);
  }
  *bundleCount = int(bundles.size());
  double longest = 0.0;
  for (const auto& [key, bundle] : bundles) {
    longest = std::max(longest, double(bundle.longestMm));
  }
  const QString m = columnUnit(longest, Quantity::LengthMm);
  Table table;
  table.id = QStringLiteral("fabric-%1-cables").arg(index + 1);
  table.caption = QStringLiteral("%1: cable schedule by bundle").arg(f.name);
  table.columns = {textColumn(QStringLiteral("Tier"), 0.75),
                   textColumn(*coarse ? QStringLiteral("A racks") : QStringLiteral("A rack"),
                              *coarse ? 1.0 : 0.5),
                   textColumn(QStringLiteral("Z rack"), 0.5),
                   textColumn(QStringLiteral("Media"), 0.95),
                   textColumn(QStringLiteral("Part number"), 0.95),
                   numberColumn(QStringLiteral("Stock length"), QStringLiteral("m"), 0.6),
                   numberColumn(QStringLiteral("Cables"), QString(), 0.5),
                   numberColumn(QStringLiteral("Longest routed"), m, 0.65)};
  const auto rackName = [&](int scheduleOrder) {
    return scheduleOrder >= 0 ? rackNameOf(input.project, rackOfOrder[scheduleOrder]) : QString();
  };
  for (const auto& [key, bundle] : bundles) {
    QList<int> aOrders = bundle.aRacks;
    std::sort(aOrders.begin(), aOrders.end());
    aOrders.erase(std::unique(aOrders.begin(), aOrders.end()), aOrders.end());
    QStringList aNames;
    for (int a : aOrders) {
      aNames.append(rackName(a));
    }
    const QString aRack = *coarse ? rackNameRange(aNames, 3) : rackName(key.aOrder);
    const QString zRack = rackName(key.zOrder);
    const int physical = (bundle.links + bundle.linksPerCable - 1) / bundle.linksPerCable;
    const bool routed = bundle.longestMm >= 0;
    table.rows.append(
        {CellWriter::text(linkTierName(LinkTier(key.tier))),
         aRack.isEmpty()
             ? CellWriter::text(key.tier == int(LinkTier::Reserved) ? QStringLiteral("reserved")
                                                                    : QStringLiteral("not placed"),
                                Tone::Muted)
             : CellWriter::text(aRack),
         zRack.isEmpty() ? CellWriter::text(QStringLiteral("not placed"), Tone::Warning)
                         : CellWriter::text(zRack),
         !key.media.isEmpty() ? CellWriter::text(mediaClassName(key.media))
         : routed             ? CellWriter::text(QStringLiteral("none within reach"), Tone::Error)
         : key.tier == int(LinkTier::Reserved) && key.aOrder < 0
             ? CellWriter::text(QStringLiteral("to the fabric manager, by others"), Tone::Muted)
             : CellWriter::text(QStringLiteral("not routed"), Tone::Warning),
         bundle.partNumber.isEmpty() ? CellWriter::none() : CellWriter::text(bundle.partNumber),
         key.stockMm > 0
             ? Cell{formatInUnit(double(key.stockMm), Quantity::LengthMm, QStringLiteral("m"),
                                 NumberStyle::forNominal(cells.locale())),
                    QString::number(double(key.stockMm) / 1000.0, 'g', 10), Tone::Normal, false}
             : CellWriter::none(),
         cells.count(physical),
         routed ? cells.number(double(bundle.longestMm), Quantity::LengthMm, m)
                : CellWriter::none()});
  }
  table.notes.append(QStringLiteral(
      "A bundle: the links of one tier between two racks in one medium and stocked length. "
      "Cables: physical cables (a twin-port cable carries two links). Stock length: the "
      "catalog length the routed length rounds up to; longest routed: rack to rack over the "
      "trays, with the drops."));
  return table;
}

// --- Cables and optics BOM -----------------------------------------------------------------

/// A module's power in W; under half a watt (a passive DAC's 0.1 W) "< 1", the CSV exact.
Cell powerEachCell(const CellWriter& cells, double watts) {
  Cell cell = cells.number(watts, Quantity::PowerW, QStringLiteral("W"));
  if (watts > 0.0 && watts < 0.5) {
    cell.text = QStringLiteral("< 1");
  }
  return cell;
}

Table bomTable(const QList<FabricBomLine>& lines, const QString& id, const QString& caption,
               const FabricText& t) {
  const CellWriter& cells = t.cells;
  double largestW = 0.0;
  for (const FabricBomLine& line : lines) {
    largestW = std::max(largestW, line.powerWEach * line.count);
  }
  const QString kW = columnUnit(largestW, Quantity::PowerW);
  Table table;
  table.id = id;
  table.caption = caption;
  table.columns = {textColumn(QStringLiteral("Part number"), 1.1),
                   textColumn(QStringLiteral("Description"), 1.5),
                   numberColumn(QStringLiteral("Length"), QStringLiteral("m"), 0.5),
                   numberColumn(QStringLiteral("Count"), QString(), 0.5),
                   numberColumn(QStringLiteral("Power each"), QStringLiteral("W"), 0.6),
                   numberColumn(QStringLiteral("Total power"), kW, 0.6)};
  QList<FabricBomLine> sorted = lines;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const FabricBomLine& a, const FabricBomLine& b) {
                     if (a.isTransceiver != b.isTransceiver) {
                       return !a.isTransceiver;  // cables first
                     }
                     return std::tie(a.catalogId, a.lengthMm, a.partNumber) <
                            std::tie(b.catalogId, b.lengthMm, b.partNumber);
                   });
  int cablesTotal = 0, transceiversTotal = 0;
  double powerTotal = 0.0;
  for (const FabricBomLine& line : sorted) {
    (line.isTransceiver ? transceiversTotal : cablesTotal) += line.count;
    powerTotal += line.powerWEach * line.count;
    const bool powered = line.isTransceiver || line.powerWEach > 0.0;
    table.rows.append(
        {line.partNumber.isEmpty() ? CellWriter::text(line.catalogId, Tone::Muted)
                                   : CellWriter::text(line.partNumber),
         CellWriter::text(line.description),
         line.lengthMm > 0
             ? Cell{formatInUnit(double(line.lengthMm), Quantity::LengthMm, QStringLiteral("m"),
                                 NumberStyle::forNominal(cells.locale())),
                    QString::number(double(line.lengthMm) / 1000.0, 'g', 10), Tone::Normal, false}
             : CellWriter::none(),
         cells.count(line.count),
         powered ? powerEachCell(cells, line.powerWEach) : CellWriter::none(),
         powered ? cells.number(line.powerWEach * line.count, Quantity::PowerW, kW)
                 : CellWriter::none()});
  }
  QList<Cell> total{CellWriter::text(QStringLiteral("Total")),
                    CellWriter::text(QStringLiteral("%1 cables, %2 transceivers")
                                         .arg(t.count(cablesTotal), t.count(transceiversTotal))),
                    CellWriter::none(),
                    CellWriter::none(),
                    CellWriter::none(),
                    cells.number(powerTotal, Quantity::PowerW, kW)};
  for (Cell& cell : total) {
    cell.bold = true;
  }
  table.rows.append(total);
  table.notes.append(QStringLiteral(
      "Cables at their stocked length, transceivers per cage (a twin-port module serves two "
      "ports); power each: the catalog's figure per module."));
  return table;
}

// --- Longest links -------------------------------------------------------------------------

Table longestTable(const ReportInput& input, const FabricResult& fabric, const FabricSummary& f,
                   int index, const FabricText& t) {
  const CellWriter& cells = t.cells;
  const auto [first, last] = cableSpan(fabric, f);
  QList<qsizetype> links;
  for (qsizetype i = first; i < last; ++i) {
    if (fabric.cables[size_t(i)].routedMm >= 0) {
      links.append(i);
    }
  }
  const qsizetype n = std::min<qsizetype>(kLongestLinks, links.size());
  std::partial_sort(links.begin(), links.begin() + n, links.end(), [&](qsizetype a, qsizetype b) {
    const std::int64_t la = fabric.cables[size_t(a)].routedMm;
    const std::int64_t lb = fabric.cables[size_t(b)].routedMm;
    return la != lb ? la > lb : a < b;
  });
  links.resize(n);
  const QString m =
      columnUnit(links.isEmpty() ? 0.0 : double(fabric.cables[size_t(links.first())].routedMm),
                 Quantity::LengthMm);
  Table table;
  table.id = QStringLiteral("fabric-%1-longest").arg(index + 1);
  table.caption = QStringLiteral("%1: longest links").arg(f.name);
  table.columns = {numberColumn(QStringLiteral("#"), QString(), 0.25),
                   textColumn(QStringLiteral("Tier"), 0.65),
                   textColumn(QStringLiteral("A end"), 1.35),
                   textColumn(QStringLiteral("Z end"), 1.35),
                   numberColumn(QStringLiteral("Routed"), m, 0.5),
                   textColumn(QStringLiteral("Medium"), 0.9),
                   numberColumn(QStringLiteral("Reach"), QStringLiteral("m"), 0.45)};
  for (qsizetype k = 0; k < links.size(); ++k) {
    const Cable& cable = fabric.cables[size_t(links[k])];
    const LinkChoice* choice = choiceOf(fabric, cable);
    QString medium = choice != nullptr ? mediaClassName(choice->mediaClass) : QString();
    if (choice != nullptr && !choice->partNumber.isEmpty()) {
      medium += QStringLiteral(", ") + choice->partNumber;
    }
    table.rows.append(
        {cells.count(k + 1), CellWriter::text(linkTierName(cable.tier)),
         CellWriter::text(endText(input, f, cable.a)), CellWriter::text(endText(input, f, cable.z)),
         cells.number(double(cable.routedMm), Quantity::LengthMm, m),
         choice != nullptr ? CellWriter::text(medium)
                           : CellWriter::text(QStringLiteral("none within reach"), Tone::Error),
         choice != nullptr && choice->reachM > 0.0
             ? Cell{formatInUnit(choice->reachM * 1000.0, Quantity::LengthMm, QStringLiteral("m"),
                                 NumberStyle::forNominal(cells.locale())),
                    QString::number(choice->reachM, 'g', 10), Tone::Normal, false}
             : CellWriter::none()});
  }
  table.notes.append(QStringLiteral(
      "Routed length: rack to rack along the trays (shortest path) with the drops from the trays "
      "into both racks; reach: the least of the cable's and the transceivers'."));
  return table;
}

// --- Tray fill -----------------------------------------------------------------------------

Table trayTable(const ReportInput& input, const FabricResult& fabric, const FabricText& t) {
  const CellWriter& cells = t.cells;
  const QHash<HallId, QString> halls = hallNames(input.project);
  Table table;
  table.id = QStringLiteral("fabric-trays");
  table.caption = QStringLiteral("Cable tray fill");
  table.columns = {textColumn(QStringLiteral("Tray"), 0.8),
                   textColumn(QStringLiteral("Hall"), 0.6),
                   numberColumn(QStringLiteral("Capacity"), QStringLiteral("mm²"), 0.6),
                   numberColumn(QStringLiteral("Cables"), QString(), 0.5),
                   numberColumn(QStringLiteral("Cable area"), QStringLiteral("mm²"), 0.6),
                   numberColumn(QStringLiteral("Fill"), QStringLiteral("%"), 0.45),
                   numberColumn(QStringLiteral("Limit"), QStringLiteral("%"), 0.45),
                   textColumn(QStringLiteral("Verdict"), 0.6)};
  QList<const TrayUse*> trays;
  for (const TrayUse& tray : fabric.trays) {
    trays.append(&tray);
  }
  std::stable_sort(trays.begin(), trays.end(), [](const TrayUse* a, const TrayUse* b) {
    return a->worstFillPct > b->worstFillPct;
  });
  for (const TrayUse* tray : trays) {
    const bool over = tray->worstFillPct > tray->fillLimitPct;
    QString name = tray->name;
    if (tray->trayId.isNull()) {
      name += QStringLiteral(" (default)");
    }
    table.rows.append({CellWriter::text(name), CellWriter::text(halls.value(tray->hallId)),
                       cells.number(tray->capacityMm2, Quantity::Count, QString()),
                       cells.count(tray->cablesOnWorst),
                       cells.number(tray->cableAreaMm2, Quantity::Count, QString()),
                       cells.number(tray->worstFillPct, Quantity::Percent, QStringLiteral("%"),
                                    over ? Tone::Error : Tone::Normal),
                       cells.number(tray->fillLimitPct, Quantity::Percent, QStringLiteral("%")),
                       over ? CellWriter::text(QStringLiteral("over the limit"), Tone::Error)
                            : CellWriter::text(QStringLiteral("within"), Tone::Good)});
  }
  table.notes.append(QStringLiteral(
      "Fill: the cables' cross-sections (π d²/4 each, the catalog diameter) over the tray's "
      "width × depth, on its fullest segment; limit: the share of the cross-section its kind may "
      "fill. A default tray is the one the routing assumes along a rack row where none is drawn."));
  return table;
}

QString hallNameOf(const ReportInput& input, HallId id) {
  const Hall* hall = input.project.findHall(id);
  return hall != nullptr ? hall->name() : QString();
}

}  // namespace

Section fabricDiagramSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("fabric-topology");
  section.title = QStringLiteral("Network fabric topology");
  section.page = PageFormat::A3Landscape;
  const QList<FabricSummary>& fabrics = input.analysis.fabric.fabrics;
  for (int i = 0; i < fabrics.size(); ++i) {
    if (i > 0) {
      section.blocks.append(PageBreak{});
    }
    const QString hall = hallNameOf(input, fabrics[i].hallId);
    Drawing drawing{DrawingKind::FabricTopology, fabrics[i].hallId,
                    hall.isEmpty() ? QStringLiteral("%1: topology").arg(fabrics[i].name)
                                   : QStringLiteral("%1, %2: topology").arg(hall, fabrics[i].name),
                    0, 1};
    drawing.fabric = i;
    section.blocks.append(drawing);
  }
  return section;
}

Section fabricSection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  const FabricText t{cells, NumberStyle{input.locale, 3}};
  const FabricResult& fabric = input.analysis.fabric;
  Section section;
  section.id = QStringLiteral("fabric");
  section.title = QStringLiteral("Network fabric");
  if (fabric.fabrics.isEmpty()) {
    return section;
  }
  const QString file = input.meta.fileName.isEmpty() ? QStringLiteral("FILE") : input.meta.fileName;
  const bool bomByFabric = std::any_of(fabric.bom.cbegin(), fabric.bom.cend(),
                                       [](const FabricBomLine& line) { return line.fabric >= 0; });
  for (int i = 0; i < fabric.fabrics.size(); ++i) {
    const FabricSummary& f = fabric.fabrics[i];
    const QString hall = hallNameOf(input, f.hallId);
    if (i > 0) {
      section.blocks.append(PageBreak{});
    }
    section.blocks.append(
        Paragraph{hall.isEmpty() ? f.name : QStringLiteral("%1, %2").arg(f.name, hall),
                  Paragraph::Style::Heading});
    section.blocks.append(Paragraph{sizingText(input, f, t), Paragraph::Style::Body});
    section.blocks.append(keyFigures(input, fabric, f, t));
    section.blocks.append(tierTable(input, fabric, f, i, t));
    int bundles = 0;
    bool coarse = false;
    Table cablesTable = cableTable(input, fabric, f, i, t, &bundles, &coarse);
    const int links = int(cableSpan(fabric, f).second - cableSpan(fabric, f).first);
    section.blocks.append(Paragraph{
        QStringLiteral("The %1 links are scheduled in %2 bundles%3. The full schedule, one row "
                       "per cable with both ends' rack, U and port, its routed length, part "
                       "number and transceivers, is the CSV: dcstudio-cli export-csv %4 --what "
                       "cables (File ▸ Export CSV in the studio).")
            .arg(t.count(links), t.count(bundles),
                 coarse ? QStringLiteral(", one per switch rack, medium and stocked length (a "
                                         "bundle per pair of racks would take too many pages)")
                        : QStringLiteral(", one per pair of racks, medium and stocked length"),
                 file),
        Paragraph::Style::Note});
    section.blocks.append(cablesTable);
    if (bomByFabric) {
      QList<FabricBomLine> lines;
      for (const FabricBomLine& line : fabric.bom) {
        if (line.fabric == i) {
          lines.append(line);
        }
      }
      if (!lines.isEmpty()) {
        section.blocks.append(bomTable(lines, QStringLiteral("fabric-%1-bom").arg(i + 1),
                                       QStringLiteral("%1: cables and optics").arg(f.name), t));
      }
    }
    section.blocks.append(longestTable(input, fabric, f, i, t));
  }
  if (!bomByFabric && !fabric.bom.isEmpty()) {
    section.blocks.append(bomTable(fabric.bom, QStringLiteral("fabric-bom"),
                                   QStringLiteral("Cables and optics, every fabric"), t));
  }
  if (!fabric.trays.isEmpty()) {
    section.blocks.append(Paragraph{QStringLiteral("Cable trays"), Paragraph::Style::Heading});
    section.blocks.append(trayTable(input, fabric, t));
  }
  return section;
}

}  // namespace dc::report
