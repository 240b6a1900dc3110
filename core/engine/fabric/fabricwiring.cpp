// SPDX-License-Identifier: GPL-3.0-or-later
// Which devices a fabric connects, which placed switches play which role, and every cable port
// to port (rail-optimised scalable units, even uplink spreading, pods and core planes).
#include "fabricinternal.h"
#include "fabricsizing.h"
#include "format/quantityformat.h"

#include <algorithm>
#include <cmath>

namespace dc::fabric {

namespace {

Finding fabricFinding(const FabricSpec& spec, const char* code, Finding::Severity severity,
                      const QString& message) {
  Finding f;
  f.code = QString::fromLatin1(code);
  f.severity = severity;
  f.subject = ObjectRef::fabric(spec.id);
  f.message = message;
  return f;
}

/// The switch port groups a fabric of `kind` may use: its own purpose or "any".
bool usable(const PortGroup& group, FabricKind kind) {
  return group.count > 0 &&
         (group.purpose == QLatin1String("any") || group.purpose == fabricKindKey(kind));
}

/// Leaf down ports: the slowest usable group at or above the nodes' speed, the largest of equal
/// speed; uplinks: a faster usable group when the switch has one (SN2201: 48 x 1G down, 4 x 100G
/// up), else a share of the same group split by the oversubscription.
struct SwitchPorts {
  const PortGroup* down = nullptr;
  const PortGroup* up = nullptr;  ///< null: uplinks come out of `down`
};
SwitchPorts switchPorts(const CatalogItem& item, FabricKind kind, double nodeSpeedGbps) {
  SwitchPorts s;
  for (const PortGroup& g : item.ports) {
    if (!usable(g, kind) || g.speedGbps + 0.5 < nodeSpeedGbps) {
      continue;
    }
    if (!s.down || g.speedGbps < s.down->speedGbps ||
        (g.speedGbps == s.down->speedGbps && g.count > s.down->count)) {
      s.down = &g;
    }
  }
  if (!s.down) {  // nothing as fast as the nodes: the fastest group (links run at its speed)
    for (const PortGroup& g : item.ports) {
      if (usable(g, kind) && (!s.down || g.speedGbps > s.down->speedGbps)) {
        s.down = &g;
      }
    }
  }
  if (s.down) {
    for (const PortGroup& g : item.ports) {
      if (&g != s.down && usable(g, kind) && g.speedGbps > s.down->speedGbps &&
          (!s.up || g.count > s.up->count)) {
        s.up = &g;
      }
    }
  }
  return s;
}

/// The largest usable port group at or above `speed` (a spine's radix).
const PortGroup* radixGroup(const CatalogItem& item, FabricKind kind, double speedGbps) {
  const PortGroup* best = nullptr;
  for (const PortGroup& g : item.ports) {
    if (usable(g, kind) && g.speedGbps + 0.5 >= speedGbps && (!best || g.count > best->count)) {
      best = &g;
    }
  }
  return best;
}

struct NodeDevice {
  int rackIndex = -1;
  int mountIndex = -1;  ///< -1: a compute tray of the rack-scale system
  const CatalogItem* item = nullptr;
  PortSide ports;
  int gpus = 0;
  int domain = -1;  ///< the rack-scale system (NVLink domain) it belongs to
};

/// Squared distance: only compared, never shown.
double distance2(PointMm a, PointMm b) {
  const double dx = double(a.xMm - b.xMm);
  const double dy = double(a.yMm - b.yMm);
  return dx * dx + dy * dy;
}

}  // namespace

QString protocolOf(const QString& text) {
  const bool ib = text.contains(QLatin1String("InfiniBand"), Qt::CaseInsensitive);
  const bool eth = text.contains(QLatin1String("GbE"), Qt::CaseInsensitive) ||
                   text.contains(QLatin1String("Ethernet"), Qt::CaseInsensitive);
  if (ib && !eth) {
    return QStringLiteral("infiniband");
  }
  if (eth && !ib) {
    return QStringLiteral("ethernet");
  }
  return {};
}

std::optional<PortSide> nodePorts(const CatalogItem& item, FabricKind kind) {
  std::optional<PortSide> side;
  for (const PortGroup& g : item.ports) {
    if (g.purpose != fabricKindKey(kind) || g.count <= 0) {
      continue;
    }
    if (!side) {
      side = PortSide{g.count, g.speedGbps, g.cage, g.portsPerCage, protocolOf(g.protocol)};
    } else if (std::fabs(g.speedGbps - side->speedGbps) < 0.5) {
      side->count += g.count;
    }
  }
  return side;
}

SwitchPool switchPool(const Project& project, HallId hall) {
  SwitchPool pool;
  const QList<Rack>& racks = project.racks();
  for (qsizetype r = 0; r < racks.size(); ++r) {
    if (racks[r].hallId() != hall) {
      continue;
    }
    QList<int> order;
    for (qsizetype m = 0; m < racks[r].mounts().size(); ++m) {
      order.append(int(m));
    }
    const QList<Mount>& mounts = racks[r].mounts();
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return mounts[a].lowestU > mounts[b].lowestU; });
    for (int m : order) {
      pool.slotsByModel[mounts[m].catalogId].append(SwitchSlot{int(r), m, false});
    }
  }
  return pool;
}

void wireFabric(const Project& project, const Catalog& catalog, const FabricSpec& spec,
                SwitchPool& pool, FabricResult& result) {
  const int fabricIndex = int(result.fabrics.size());
  FabricSummary summary;
  summary.specId = spec.id;
  summary.hallId = spec.hallId;
  summary.name = spec.name;
  summary.kind = spec.kind;
  summary.topology = spec.topology;
  summary.leafSwitchId = spec.leafSwitchId;
  summary.spineSwitchId = spec.spineSwitchId.isEmpty() ? spec.leafSwitchId : spec.spineSwitchId;
  summary.firstCable = int(result.cables.size());
  const auto finish = [&]() {
    summary.cableCount = int(result.cables.size()) - summary.firstCable;
    result.fabrics.append(summary);
  };
  const QString problem = fabricSpecProblem(spec);
  if (!problem.isEmpty()) {
    result.findings.append(
        fabricFinding(spec, "fabric.spec-invalid", Finding::Severity::Error, problem));
    return finish();
  }
  const CatalogItem* leafItem = catalog.find(spec.leafSwitchId);
  const CatalogItem* spineItem = catalog.find(summary.spineSwitchId);
  for (const auto& [id, item] :
       {std::pair{spec.leafSwitchId, leafItem}, std::pair{summary.spineSwitchId, spineItem}}) {
    if (!item) {
      result.findings.append(
          fabricFinding(spec, "fabric.switch-unknown", Finding::Severity::Error,
                        QStringLiteral("Fabric '%1' names switch '%2', which is not in the catalog")
                            .arg(spec.name, id)));
      return finish();
    }
  }

  // The nodes: every placed device with ports of this fabric's purpose that is not one of its
  // own switches, rack by rack in row order and along each row.
  const QList<Rack>& racks = project.racks();
  QList<int> rackOrder;
  for (qsizetype r = 0; r < racks.size(); ++r) {
    if (racks[r].hallId() == spec.hallId) {
      rackOrder.append(int(r));
    }
  }
  std::stable_sort(rackOrder.begin(), rackOrder.end(), [&](int a, int b) {
    if (racks[a].row() != racks[b].row()) {
      return racks[a].row() < racks[b].row();
    }
    const PointMm pa = racks[a].positionMm();
    const PointMm pb = racks[b].positionMm();
    return pa.yMm != pb.yMm ? pa.yMm < pb.yMm : pa.xMm < pb.xMm;
  });
  std::vector<NodeDevice> nodes;
  int domains = 0;
  for (int r : rackOrder) {
    const Rack& rack = racks[r];
    const CatalogItem* system = catalog.find(rack.rackTypeId());
    if (system && system->fillsRack) {
      if (const std::optional<PortSide> ports = nodePorts(*system, spec.kind)) {
        const int trays = std::max(1, int(system->figureValue(QStringLiteral("computeTrays"), 1)));
        PortSide perTray = *ports;
        perTray.count = std::max(1, ports->count / trays);
        for (int t = 0; t < trays; ++t) {
          nodes.push_back({r, -1, system, perTray, system->acceleratorCount / trays, domains});
        }
        ++domains;
      }
    }
    const QList<Mount>& mounts = rack.mounts();
    for (qsizetype m = 0; m < mounts.size(); ++m) {
      if (mounts[m].catalogId == spec.leafSwitchId ||
          mounts[m].catalogId == summary.spineSwitchId) {
        continue;
      }
      const CatalogItem* item = catalog.find(mounts[m].catalogId);
      if (!item) {
        continue;  // the power pass reports unknown items
      }
      if (const std::optional<PortSide> ports = nodePorts(*item, spec.kind)) {
        nodes.push_back({r, int(m), item, *ports, item->acceleratorCount, -1});
      }
    }
  }
  summary.scaleUpDomains = domains;
  summary.nodes = int(nodes.size());
  if (nodes.empty()) {
    result.findings.append(
        fabricFinding(spec, "fabric.no-nodes", Finding::Severity::Warning,
                      QStringLiteral("Fabric '%1' connects nothing: no placed device has %2 ports")
                          .arg(spec.name, fabricKindKey(spec.kind))));
    return finish();
  }
  // Ports per node: the most common count (a node with more leaves the rest uncabled).
  QHash<int, int> portCounts;
  for (const NodeDevice& n : nodes) {
    ++portCounts[n.ports.count];
  }
  int portsPerNode = 0;
  for (auto it = portCounts.cbegin(); it != portCounts.cend(); ++it) {
    if (it.value() > portCounts.value(portsPerNode) ||
        (it.value() == portCounts.value(portsPerNode) && it.key() > portsPerNode)) {
      portsPerNode = it.key();
    }
  }
  summary.nodePorts = portsPerNode;
  const double nodeSpeed = nodes.front().ports.speedGbps;
  for (const NodeDevice& n : nodes) {
    summary.gpus += n.gpus;
  }

  const SwitchPorts leafPorts = switchPorts(*leafItem, spec.kind, nodeSpeed);
  if (!leafPorts.down) {
    result.findings.append(fabricFinding(
        spec, "fabric.switch-no-radix", Finding::Severity::Error,
        QStringLiteral("Switch %1 of fabric '%2' has no ports a %3 fabric can use: the catalog "
                       "gives it no radix")
            .arg(leafItem->model, spec.name, fabricKindKey(spec.kind))));
    return finish();
  }
  int down = leafPorts.down->count;
  int up = 0;
  double upSpeed = leafPorts.down->speedGbps;
  if (leafPorts.up) {
    up = leafPorts.up->count;
    upSpeed = leafPorts.up->speedGbps;
  } else if (spec.tiers != 1) {
    splitRadix(leafPorts.down->count, spec.leafOversubscription, &down, &up);
  }
  const PortGroup* spineGroup = radixGroup(*spineItem, spec.kind, upSpeed);
  if (up > 0 && !spineGroup) {
    result.findings.append(fabricFinding(
        spec, "fabric.switch-no-radix", Finding::Severity::Error,
        QStringLiteral("Spine switch %1 of fabric '%2' has no ports at the leaves' uplink speed "
                       "(%3 Gb/s)")
            .arg(spineItem->model, spec.name)
            .arg(upSpeed)));
    return finish();
  }
  const double linkSpeed = std::min(nodeSpeed, leafPorts.down->speedGbps);

  // Size it.
  int leaves = 0;
  int spines = 0;
  int cores = 0;
  if (spec.topology == FabricTopology::Dragonfly) {
    DragonflyInput in;
    in.nodes = summary.nodes;
    in.portsPerNode = portsPerNode;
    in.radix = leafPorts.down->count;
    summary.dragonfly = sizeDragonfly(in);
    if (!summary.dragonfly.problem.isEmpty()) {
      result.findings.append(fabricFinding(
          spec, "fabric.size-problem", Finding::Severity::Error,
          QStringLiteral("Fabric '%1': %2").arg(spec.name, summary.dragonfly.problem)));
      return finish();
    }
    leaves = summary.dragonfly.routers;
  } else {
    FatTreeInput in;
    in.nodes = summary.nodes;
    in.portsPerNode = portsPerNode;
    in.leafDownPorts = down;
    in.leafUpPorts = spec.tiers == 1 ? 0 : up;
    in.spineRadix = spineGroup ? spineGroup->count : 0;
    in.spineOversubscription = spec.spineOversubscription;
    in.tiers = spec.tiers;
    in.reservedPorts = spec.reservedPorts;
    in.railOptimised = spec.railOptimised && portsPerNode > 1;
    in.suNodes = spec.suNodes;
    summary.sizing = sizeFatTree(in);
    if (!summary.sizing.problem.isEmpty()) {
      result.findings.append(fabricFinding(
          spec, "fabric.switch-ports-exhausted", Finding::Severity::Error,
          QStringLiteral("Fabric '%1' does not fit: %2").arg(spec.name, summary.sizing.problem)));
      return finish();
    }
    leaves = summary.sizing.leaves;
    spines = summary.sizing.spines;
    cores = summary.sizing.cores;
  }
  summary.switchesNeeded = leaves + spines + cores;
  summary.nodePortSpeedGbps = linkSpeed;
  if (spec.topology == FabricTopology::FatTree && summary.sizing.tiers >= 2 && up > 0) {
    const double upLinkGbps = std::min(upSpeed, spineGroup ? spineGroup->speedGbps : upSpeed);
    summary.oversubscription =
        std::max(1.0, (double(down) * linkSpeed) / (double(up) * upLinkGbps));
    if (summary.sizing.tiers == 3 && summary.sizing.spineUpPorts > 0) {
      summary.oversubscription *= std::max(
          1.0, double(summary.sizing.spineDownPorts) / double(summary.sizing.spineUpPorts));
    }
  }

  // Placed switches: the fabric's switch racks (or any rack), taken in order.
  const auto takeSlots = [&](const QString& model, int count) {
    QList<SwitchSlot> taken;
    QList<SwitchSlot>& modelSlots = pool.slotsByModel[model];
    const auto allowed = [&](int rackIndex) {
      const RackId id = racks[rackIndex].id();
      if (!spec.switchRackIds.isEmpty()) {
        return spec.switchRackIds.contains(id);
      }
      for (const FabricSpec& other : project.fabricSpecs()) {  // racks another fabric names
        if (other.id != spec.id && other.hallId == spec.hallId &&
            other.switchRackIds.contains(id)) {
          return false;
        }
      }
      return true;
    };
    // Named racks in the order the spec names them; otherwise rack order.
    QList<int> order;
    for (qsizetype i = 0; i < modelSlots.size(); ++i) {
      if (!modelSlots[i].taken && allowed(modelSlots[i].rackIndex)) {
        order.append(int(i));
      }
    }
    if (!spec.switchRackIds.isEmpty()) {
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return spec.switchRackIds.indexOf(racks[modelSlots[a].rackIndex].id()) <
               spec.switchRackIds.indexOf(racks[modelSlots[b].rackIndex].id());
      });
    }
    for (int i : order) {
      if (taken.size() == count) {
        break;
      }
      modelSlots[i].taken = true;
      taken.append(modelSlots[i]);
    }
    return taken;
  };
  QList<SwitchSlot> leafSlots;
  QList<SwitchSlot> upperSlots;
  if (summary.spineSwitchId == spec.leafSwitchId) {
    QList<SwitchSlot> all = takeSlots(spec.leafSwitchId, leaves + spines + cores);
    // Leaves go nearest their scalable unit's nodes (below); spines and cores take the rest.
    leafSlots = all;
  } else {
    leafSlots = takeSlots(spec.leafSwitchId, leaves);
    upperSlots = takeSlots(summary.spineSwitchId, spines + cores);
  }

  // Devices: nodes first.
  for (const NodeDevice& n : nodes) {
    FabricDevice d;
    d.rackIndex = n.rackIndex;
    d.mountIndex = n.mountIndex;
    d.catalogId = n.item->id;
    d.ports = n.ports.count;
    d.portsPerCage = n.ports.perCage;
    d.cage = n.ports.cage;
    summary.devices.append(d);
  }
  const int firstSwitch = int(summary.devices.size());
  const int slotsPerSu = summary.sizing.nodeSlotsPerSu;
  const bool rail = summary.sizing.scalableUnits > 0 && summary.sizing.leavesPerSu > 0;
  const int reservedSlots = rail ? (spec.reservedPorts + portsPerNode - 1) / portsPerNode : 0;
  // Node slot of each node: SU 0 keeps its last modelSlots for the reserved ports.
  std::vector<int> nodeSu(nodes.size(), -1);
  std::vector<int> nodeSlot(nodes.size(), -1);
  if (rail) {
    int su = 0;
    int slot = 0;
    for (size_t n = 0; n < nodes.size(); ++n) {
      const int capacity = su == 0 ? slotsPerSu - reservedSlots : slotsPerSu;
      if (slot >= capacity) {
        ++su;
        slot = 0;
      }
      nodeSu[n] = su;
      nodeSlot[n] = slot++;
    }
  }
  // Leaf modelSlots nearest each SU's nodes.
  std::vector<int> leafSlotOf(size_t(leaves), -1);
  {
    std::vector<bool> used(size_t(leafSlots.size()), false);
    std::vector<PointMm> slotPositions;
    slotPositions.reserve(size_t(leafSlots.size()));
    for (const SwitchSlot& slot : leafSlots) {
      slotPositions.push_back(racks[slot.rackIndex].positionMm());
    }
    std::vector<std::pair<double, int>> candidates;
    // Each rail-optimised unit's node centroid, in one pass over the nodes.
    std::vector<double> sumX(size_t(std::max(0, rail ? summary.sizing.scalableUnits : leaves)),
                             0.0);
    std::vector<double> sumY(sumX.size(), 0.0);
    std::vector<int> members(sumX.size(), 0);
    for (size_t n = 0; n < nodes.size(); ++n) {
      const int g = rail ? nodeSu[n] : int(n) * portsPerNode / std::max(1, down);
      if (g >= 0 && size_t(g) < members.size()) {
        sumX[size_t(g)] += double(racks[nodes[n].rackIndex].positionMm().xMm);
        sumY[size_t(g)] += double(racks[nodes[n].rackIndex].positionMm().yMm);
        ++members[size_t(g)];
      }
    }
    const int groups = rail ? summary.sizing.scalableUnits : leaves;
    const int perGroup = rail ? summary.sizing.leavesPerSu : 1;
    for (int g = 0; g < groups; ++g) {
      const double cx = sumX[size_t(g)];
      const double cy = sumY[size_t(g)];
      const int count = members[size_t(g)];
      const PointMm centre =
          count ? PointMm{std::int64_t(cx / count), std::int64_t(cy / count)} : PointMm{};
      // The unit's leaves: the perGroup free slots nearest its nodes (ties: slot order).
      candidates.clear();
      for (qsizetype s = 0; s < leafSlots.size(); ++s) {
        if (!used[size_t(s)]) {
          candidates.push_back({count ? distance2(slotPositions[size_t(s)], centre) : 0.0, int(s)});
        }
      }
      const size_t take = std::min(candidates.size(), size_t(perGroup));
      std::partial_sort(candidates.begin(), candidates.begin() + take, candidates.end());
      for (size_t k = 0; k < take; ++k) {
        used[size_t(candidates[k].second)] = true;
        leafSlotOf[size_t(g * perGroup + int(k))] = candidates[k].second;
      }
    }
    if (summary.spineSwitchId == spec.leafSwitchId) {
      for (qsizetype s = 0; s < leafSlots.size(); ++s) {
        if (!used[size_t(s)]) {
          upperSlots.append(leafSlots[s]);
        }
      }
    }
  }
  const auto addSwitch = [&](SwitchRole role, const SwitchSlot* slot, const CatalogItem* item,
                             int ports, const PortGroup* group, int su, int railIndex) {
    FabricDevice d;
    d.isSwitch = true;
    d.role = role;
    d.catalogId = item->id;
    d.ports = ports;
    d.portsPerCage = group ? group->portsPerCage : 1;
    d.cage = group ? group->cage : QString();
    d.scalableUnit = su;
    d.rail = railIndex;
    if (role != SwitchRole::Spine && role != SwitchRole::Core && leafPorts.up) {
      d.upFromPort = leafPorts.down->count;
      d.upCage = leafPorts.up->cage;
      d.upPortsPerCage = leafPorts.up->portsPerCage;
    }
    if (slot) {
      d.rackIndex = slot->rackIndex;
      d.mountIndex = slot->mountIndex;
      ++summary.switchesPlaced;
    }
    summary.devices.append(d);
  };
  const SwitchRole leafRole =
      spec.topology == FabricTopology::Dragonfly ? SwitchRole::Router : SwitchRole::Leaf;
  for (int l = 0; l < leaves; ++l) {
    const int s = leafSlotOf[size_t(l)];
    const int su = rail ? l / summary.sizing.leavesPerSu : -1;
    const int railIndex = rail ? l % summary.sizing.leavesPerSu : -1;
    addSwitch(leafRole, s >= 0 ? &leafSlots[s] : nullptr, leafItem,
              leafPorts.down->count + (leafPorts.up ? leafPorts.up->count : 0), leafPorts.down, su,
              railIndex);
  }
  const int firstSpine = int(summary.devices.size());
  for (int s = 0; s < spines + cores; ++s) {
    addSwitch(s < spines ? SwitchRole::Spine : SwitchRole::Core,
              s < upperSlots.size() ? &upperSlots[s] : nullptr, spineItem,
              spineGroup ? spineGroup->count : 0, spineGroup, -1, -1);
  }
  const int firstCore = firstSpine + spines;
  if (summary.switchesPlaced < summary.switchesNeeded) {
    // Which models are short: the leaves' and the spines' (they may differ).
    int leavesPlaced = 0;
    for (int d = firstSwitch; d < firstSwitch + leaves; ++d) {
      leavesPlaced += summary.devices[d].rackIndex >= 0 ? 1 : 0;
    }
    const int upperShort = (spines + cores) - (summary.switchesPlaced - leavesPlaced);
    QStringList shortOf;
    if (summary.spineSwitchId == spec.leafSwitchId) {
      shortOf.append(QStringLiteral("%1 %2")
                         .arg(summary.switchesNeeded - summary.switchesPlaced)
                         .arg(leafItem->model));
    } else {
      if (leaves > leavesPlaced) {
        shortOf.append(QStringLiteral("%1 %2").arg(leaves - leavesPlaced).arg(leafItem->model));
      }
      if (upperShort > 0) {
        shortOf.append(QStringLiteral("%1 %2").arg(upperShort).arg(spineItem->model));
      }
    }
    Finding f = fabricFinding(
        spec, "fabric.switches-missing", Finding::Severity::Error,
        QStringLiteral("Fabric '%1' needs %2 switches (%3 leaf, %4 spine, %5 core) but %6 stand "
                       "in its switch racks; place %7 more (Fabric panel: Place switches)")
            .arg(spec.name)
            .arg(summary.switchesNeeded)
            .arg(leaves)
            .arg(spines)
            .arg(cores)
            .arg(summary.switchesPlaced)
            .arg(shortOf.join(QStringLiteral(" and "))));
    f.measured =
        findingFigure(summary.switchesPlaced, QString(), QStringLiteral("switches placed"));
    f.limit = findingFigure(summary.switchesNeeded, QString(), QStringLiteral("switches needed"));
    result.findings.append(f);
  }

  // Cables, port to port.
  const auto end = [&](int device, int port) {
    const FabricDevice& d = summary.devices[device];
    return CableEnd{d.rackIndex, d.mountIndex, device, port};
  };
  result.cables.reserve(result.cables.size() + size_t(summary.nodes) * size_t(portsPerNode) +
                        size_t(spec.reservedPorts) + size_t(leaves) * size_t(up) +
                        size_t(spines) * size_t(std::max(0, summary.sizing.spineUpPorts)) +
                        size_t(summary.dragonfly.cablesLocal + summary.dragonfly.cablesGlobal));
  const auto cable = [&](LinkTier tier, CableEnd a, CableEnd z, double speed) {
    Cable c;
    c.fabric = fabricIndex;
    c.tier = tier;
    c.a = a;
    c.z = z;
    c.speedGbps = speed;
    result.cables.push_back(c);
  };
  int uncabled = 0;
  QString firstUncabled;
  for (size_t n = 0; n < nodes.size(); ++n) {
    const int ports = nodes[n].ports.count;
    for (int i = 0; i < ports; ++i) {
      int leaf = -1;
      int port = 0;
      if (i >= portsPerNode) {
        leaf = -1;
      } else if (spec.topology == FabricTopology::Dragonfly) {
        const int index = int(n) * portsPerNode + i;
        leaf = index / summary.dragonfly.terminalsPerRouter;
        port = index % summary.dragonfly.terminalsPerRouter;
      } else if (rail) {
        leaf = nodeSu[n] * summary.sizing.leavesPerSu + i;
        port = nodeSlot[n];
      } else {
        const int index = int(n) * portsPerNode + i;
        leaf = index / down;
        port = index % down;
      }
      if (leaf < 0 || leaf >= leaves) {
        ++uncabled;
        if (firstUncabled.isEmpty()) {
          firstUncabled = racks[nodes[n].rackIndex].name();
        }
        continue;
      }
      cable(LinkTier::NodeToLeaf, end(int(n), i), end(firstSwitch + leaf, port), linkSpeed);
      ++summary.cablesNodeToLeaf;
    }
  }
  if (uncabled > 0) {
    result.findings.append(fabricFinding(
        spec, "fabric.nic-uncabled", Finding::Severity::Warning,
        QStringLiteral("Fabric '%1' leaves %2 node ports uncabled (first in rack %3): those nodes "
                       "have more %4 ports than the fabric's %5 per node")
            .arg(spec.name)
            .arg(uncabled)
            .arg(firstUncabled, fabricKindKey(spec.kind))
            .arg(portsPerNode)));
  }
  // Reserved ports: the last modelSlots of SU 0 (NVIDIA: "a DGX system must be removed to
  // accommodate for UFM connectivity", SP-H100 Table 4), or the ports after the nodes.
  for (int r = 0; r < spec.reservedPorts && spec.topology == FabricTopology::FatTree; ++r) {
    int leaf = 0;
    int port = 0;
    if (rail) {
      leaf = r % portsPerNode;
      port = slotsPerSu - reservedSlots + r / portsPerNode;
    } else {
      const int index = summary.nodes * portsPerNode + r;
      leaf = index / down;
      port = index % down;
    }
    if (leaf < leaves) {
      cable(LinkTier::Reserved, CableEnd{}, end(firstSwitch + leaf, port), linkSpeed);
      ++summary.cablesReserved;
      ++summary.cablesNodeToLeaf;
    }
  }
  const double upLinkSpeed = std::min(upSpeed, spineGroup ? spineGroup->speedGbps : upSpeed);
  if (spec.topology == FabricTopology::Dragonfly) {
    const DragonflySizing& df = summary.dragonfly;
    const int p = df.terminalsPerRouter;
    const int a = df.routersPerGroup;
    for (int g = 0; g < df.groups; ++g) {
      for (int i = 0; i < a; ++i) {
        for (int j = i + 1; j < a; ++j) {
          cable(LinkTier::Local, end(firstSwitch + g * a + i, p + j - 1),
                end(firstSwitch + g * a + j, p + i), leafPorts.down->speedGbps);
          ++summary.cablesLocal;
        }
      }
    }
    std::vector<int> nextGlobal(size_t(df.groups), 0);
    const int globalBase = p + a - 1;
    for (int k = 0; k < df.globalLinksPerGroupPair; ++k) {
      for (int g1 = 0; g1 < df.groups; ++g1) {
        for (int g2 = g1 + 1; g2 < df.groups; ++g2) {
          const int s1 = nextGlobal[size_t(g1)]++;
          const int s2 = nextGlobal[size_t(g2)]++;
          cable(LinkTier::Global, end(firstSwitch + g1 * a + s1 % a, globalBase + s1 / a),
                end(firstSwitch + g2 * a + s2 % a, globalBase + s2 / a), leafPorts.down->speedGbps);
          ++summary.cablesGlobal;
        }
      }
    }
  } else if (summary.sizing.tiers >= 2) {
    const FatTreeSizing& sz = summary.sizing;
    const bool three = sz.tiers == 3;
    const int spinesPerPod = three ? sz.spinesPerPod : spines;
    const int linksLS = std::max(1, sz.linksLeafToSpine);
    for (int l = 0; l < leaves; ++l) {
      const int pod = three ? l / sz.leavesPerPod : 0;
      const int li = three ? l % sz.leavesPerPod : l;
      for (int u = 0; u < up; ++u) {
        const int spine = pod * spinesPerPod + u % spinesPerPod;
        const int port = li * linksLS + u / spinesPerPod;
        cable(LinkTier::LeafToSpine, end(firstSwitch + l, down + u), end(firstSpine + spine, port),
              upLinkSpeed);
        ++summary.cablesLeafToSpine;
      }
    }
    if (three) {
      const int linksSC = std::max(1, sz.linksSpineToCore);
      for (int s = 0; s < spines; ++s) {
        const int pod = s / spinesPerPod;
        const int plane = s % spinesPerPod;
        for (int v = 0; v < sz.spineUpPorts; ++v) {
          const int core = plane * sz.coresPerPlane + v % sz.coresPerPlane;
          const int port = pod * linksSC + v / sz.coresPerPlane;
          cable(LinkTier::SpineToCore, end(firstSpine + s, sz.spineDownPorts + v),
                end(firstCore + core, port), upLinkSpeed);
          ++summary.cablesSpineToCore;
        }
      }
    }
  }
  finish();
}

}  // namespace dc::fabric
