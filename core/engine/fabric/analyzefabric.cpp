// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzefabric.h"

#include "fabricinternal.h"
#include "format/quantityformat.h"
#include "support/enumtext.h"
#include "traygraph.h"

#include <algorithm>
#include <limits>

namespace dc {

namespace {
constexpr EnumText<LinkTier> kTiers[] = {
    {LinkTier::NodeToLeaf, "node-leaf", "Node to leaf"},
    {LinkTier::Reserved, "reserved", "Reserved (UFM)"},
    {LinkTier::LeafToSpine, "leaf-spine", "Leaf to spine"},
    {LinkTier::SpineToCore, "spine-core", "Spine to core"},
    {LinkTier::Local, "local", "Local (in group)"},
    {LinkTier::Global, "global", "Global (between groups)"},
};
constexpr EnumText<SwitchRole> kRoles[] = {
    {SwitchRole::Leaf, "leaf", "Leaf"},
    {SwitchRole::Spine, "spine", "Spine"},
    {SwitchRole::Core, "core", "Core"},
    {SwitchRole::Router, "router", "Router"},
};
}  // namespace

QString linkTierKey(LinkTier tier) {
  return enumKey(kTiers, tier);
}
QString linkTierName(LinkTier tier) {
  return enumName(kTiers, tier);
}
QString switchRoleName(SwitchRole role) {
  return enumName(kRoles, role);
}

FabricResult analyzeFabric(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions) {
  const Project& project = snapshot.project;
  FabricResult result;
  for (const Hall& hall : project.halls()) {
    bool any = false;
    fabric::SwitchPool pool;
    for (const FabricSpec& spec : project.fabricSpecs()) {
      if (spec.hallId != hall.id()) {
        continue;
      }
      if (!any) {
        pool = fabric::switchPool(project, hall.id());
        any = true;
      }
      fabric::wireFabric(project, snapshot.catalog, spec, pool, result);
    }
    if (any) {
      fabric::routeHall(project, snapshot.catalog, assumptions, hall.id(), result);
    }
  }
  // Switch racks a fabric names that are gone or in another hall.
  for (const FabricSpec& spec : project.fabricSpecs()) {
    for (RackId id : spec.switchRackIds) {
      const Rack* rack = project.findRack(id);
      if (!rack || rack->hallId() != spec.hallId) {
        Finding f;
        f.code = QStringLiteral("fabric.switch-rack-missing");
        f.severity = Finding::Severity::Warning;
        f.subject = ObjectRef::fabric(spec.id);
        f.message = QStringLiteral(
                        "Fabric '%1' names a switch rack that is not in its hall (%2); "
                        "its switches are not used")
                        .arg(spec.name, id.toString());
        result.findings.append(f);
      }
    }
  }
  return result;
}

PlacementSuggestion suggestSwitchPlacement(const DesignSnapshot& snapshot,
                                           const DesignAssumptions& assumptions,
                                           const FabricResult& result, int fabricIndex) {
  PlacementSuggestion suggestion;
  suggestion.fabric = fabricIndex;
  if (fabricIndex < 0 || fabricIndex >= result.fabrics.size()) {
    return suggestion;
  }
  const FabricSummary& summary = result.fabrics[fabricIndex];
  const Project& project = snapshot.project;
  const QList<Rack>& racks = project.racks();
  QList<PointMm> centres;
  QHash<int, int> localOf;
  QList<int> hallRacks;
  for (qsizetype r = 0; r < racks.size(); ++r) {
    if (racks[r].hallId() == summary.hallId) {
      localOf.insert(int(r), int(centres.size()));
      hallRacks.append(int(r));
      centres.append(racks[r].positionMm());
    }
  }
  QList<fabric::TrayPath> paths;
  for (const TrayUse& use : result.trays) {
    if (use.hallId == summary.hallId) {
      paths.append(fabric::TrayPath{int(paths.size()), use.pathMm, use.heightMm});
    }
  }
  const fabric::TrayGraph graph(
      paths, centres,
      std::llround(assumptions.value(QString::fromLatin1(assumption::kMaxAttachMm))));
  // The node racks, and the current longest node-to-switch route.
  QSet<int> nodeRacks;
  for (int c = summary.firstCable; c < summary.firstCable + summary.cableCount; ++c) {
    const Cable& cable = result.cables[size_t(c)];
    if (cable.tier == LinkTier::NodeToLeaf && cable.a.rackIndex >= 0) {
      nodeRacks.insert(cable.a.rackIndex);
      suggestion.currentLongestMm = std::max(suggestion.currentLongestMm, cable.routedMm);
    }
  }
  if (nodeRacks.isEmpty()) {
    return suggestion;
  }
  // Candidates: every rack position of the hall, sampled to at most 200 (evenly in rack order).
  const int step = std::max<int>(1, int(hallRacks.size()) / 200);
  std::int64_t best = std::numeric_limits<std::int64_t>::max();
  for (qsizetype i = 0; i < hallRacks.size(); i += step) {
    const int candidate = hallRacks[i];
    const fabric::TrayAttach& at = graph.attach(localOf.value(candidate));
    if (!at.reached) {
      continue;
    }
    const fabric::TrayGraph::Tree tree = graph.shortestPaths(at.node);
    std::int64_t worst = 0;
    for (int n : nodeRacks) {
      const fabric::TrayAttach& na = graph.attach(localOf.value(n));
      const std::int64_t d =
          na.reached ? tree.distanceMm[size_t(na.node)] : std::numeric_limits<std::int64_t>::max();
      if (d == std::numeric_limits<std::int64_t>::max()) {
        worst = d;
        break;
      }
      worst = std::max(worst, d + na.horizontalMm + at.horizontalMm);
    }
    if (worst < best) {
      best = worst;
      suggestion.rackIndex = candidate;
    }
  }
  if (suggestion.rackIndex < 0) {
    return suggestion;
  }
  // The same route model as the cables: rises, drops and slack on top of the tray path.
  const std::int64_t rises =
      2 * std::llround(assumptions.value(QString::fromLatin1(assumption::kSlackPerEndMm))) +
      2 * std::llround(assumptions.value(QString::fromLatin1(assumption::kTrayHeightMm)) / 2.0);
  suggestion.suggestedLongestMm = best + rises;
  const std::int64_t saved = suggestion.currentLongestMm - suggestion.suggestedLongestMm;
  suggestion.message =
      saved > 0
          ? QStringLiteral(
                "Switches of '%1' at rack position %2 would cut the longest node link "
                "from %3 to about %4 (%5 shorter)")
                .arg(summary.name, racks[suggestion.rackIndex].name(),
                     formatQuantity(double(suggestion.currentLongestMm), Quantity::LengthMm),
                     formatQuantity(double(suggestion.suggestedLongestMm), Quantity::LengthMm),
                     formatQuantity(double(saved), Quantity::LengthMm))
          : QStringLiteral(
                "The switches of '%1' already stand where the longest node link (%2) "
                "is about as short as one position can make it")
                .arg(summary.name,
                     formatQuantity(double(suggestion.currentLongestMm), Quantity::LengthMm));
  return suggestion;
}

}  // namespace dc
