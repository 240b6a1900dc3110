// SPDX-License-Identifier: GPL-3.0-or-later
#include "electrical.h"
#include "powercontext.h"

#include <cmath>
#include <numbers>

namespace dc::power {

namespace {

using Severity = Finding::Severity;

QString kindCode(PowerNodeKind kind) {
  return powerNodeKindKey(kind);  // "busway" -> "power.busway-overload"
}

struct Tree {
  QHash<PowerNodeId, QList<PowerNodeId>> children;
  QList<PowerNodeId> order;  ///< children before parents (post-order), nodes on a cycle left out
};

/// Orders the nodes so every node comes after everything below it, and reports upstreams that
/// are unknown, in another hall, or that close a cycle.
Tree buildTree(const Project& project, QList<Finding>* findings) {
  Tree tree;
  QList<PowerNodeId> roots;
  for (const PowerNode& node : project.powerNodes()) {
    const PowerNode* up =
        node.upstreamId.isNull() ? nullptr : project.findPowerNode(node.upstreamId);
    if (!node.upstreamId.isNull() && (!up || up->hallId != node.hallId)) {
      if (findings) {
        findings->append(finding(
            up ? "power.upstream-other-hall" : "power.upstream-unknown", Severity::Error,
            ObjectRef::powerNode(node.id), node.hallId,
            up ? QStringLiteral("%1 %2 is fed from %3, which is in another hall")
                     .arg(powerNodeKindName(node.kind), node.name, up->name)
               : QStringLiteral("%1 %2 is fed from power node %3, which is not in the project")
                     .arg(powerNodeKindName(node.kind), node.name,
                          node.upstreamId.toString().left(8))));
      }
      roots.append(node.id);
    } else if (!up) {
      roots.append(node.id);
    } else {
      tree.children[node.upstreamId].append(node.id);
    }
  }
  QSet<PowerNodeId> done;
  // Iterative post-order from each root; nodes never reached sit on a cycle.
  for (PowerNodeId root : roots) {
    QList<QPair<PowerNodeId, qsizetype>> stack{{root, 0}};
    while (!stack.isEmpty()) {
      auto& [id, next] = stack.last();
      const QList<PowerNodeId> kids = tree.children.value(id);
      if (next < kids.size()) {
        const PowerNodeId child = kids[next++];
        stack.append({child, 0});
      } else {
        done.insert(id);
        tree.order.append(id);
        stack.removeLast();
      }
    }
  }
  for (const PowerNode& node : project.powerNodes()) {
    if (!done.contains(node.id) && findings) {
      findings->append(finding(QStringLiteral("power.node-cycle"), Severity::Error,
                               ObjectRef::powerNode(node.id), node.hallId,
                               QStringLiteral("%1 %2 feeds itself through its upstream chain; its "
                                              "load is not counted")
                                   .arg(powerNodeKindName(node.kind), node.name)));
    }
  }
  return tree;
}

/// Formula texts by (voltage, rated current), for one run of the pass.
using FormulaCache = QHash<QPair<double, double>, QString>;

NodeLoad nodeFrom(const PowerNode& node, const DesignAssumptions& assumptions,
                  FormulaCache& formulas) {
  NodeLoad load;
  load.id = node.id;
  load.kind = node.kind;
  load.name = node.name;
  load.feed = node.feed;
  const bool ownVoltage = std::isfinite(node.voltageV) && node.voltageV > 0;
  load.voltageV = ownVoltage ? node.voltageV : assumptions.supplyVoltageV();
  load.dc = node.kind == PowerNodeKind::PowerRack || (!ownVoltage && assumptions.supplyIsDc());
  load.moduleCount = node.moduleCount;
  load.moduleRatingW = node.moduleRatingW;
  load.redundancy = node.redundancy;
  const double derating = assumptions.value(assumption::kDeratingFactor);
  const double pf = load.dc ? 1.0 : assumptions.value(assumption::kPowerFactor);
  const SupplyKind supply = load.dc ? SupplyKind::Dc : SupplyKind::ThreePhaseWye;
  switch (node.kind) {
    case PowerNodeKind::Ups: {
      const int usable =
          node.redundancy == Redundancy::NPlus1 ? node.moduleCount - 1 : node.moduleCount;
      load.capacityW = {std::max(0, usable) * node.moduleRatingW,
                        QStringLiteral("W"),
                        QStringLiteral("%1 of %2 modules × %3 W (%4)")
                            .arg(std::max(0, usable))
                            .arg(node.moduleCount)
                            .arg(node.moduleRatingW)
                            .arg(redundancyName(node.redundancy)),
                        {}};
      break;
    }
    case PowerNodeKind::PowerRack:
      load.capacityW = {node.ratedPowerW,
                        QStringLiteral("W"),
                        QStringLiteral("rated DC output of the power rack"),
                        {}};
      load.continuousCurrentA = load.voltageV > 0 ? node.ratedPowerW / load.voltageV : 0.0;
      break;
    default:
      load.continuousCurrentA = node.ratedCurrentA * derating;
      // Halls repeat a few busway ratings hundreds of times: one formula text per rating.
      const QPair<double, double> key(load.dc ? -load.voltageV : load.voltageV, node.ratedCurrentA);
      auto formula = formulas.find(key);
      if (formula == formulas.end()) {
        formula = formulas.insert(
            key, load.dc ? QStringLiteral("%1 V · %2 A · %3 (derating), DC")
                               .arg(load.voltageV)
                               .arg(node.ratedCurrentA)
                               .arg(derating)
                         : QStringLiteral("√3 · %1 V · %2 A · %3 (derating) · %4 (PF)")
                               .arg(load.voltageV)
                               .arg(node.ratedCurrentA)
                               .arg(derating)
                               .arg(pf));
      }
      load.capacityW = {
          electrical::continuousVA(supply, load.voltageV, node.ratedCurrentA, derating) * pf,
          QStringLiteral("W"),
          *formula,
          {}};
  }
  return load;
}

void finishLoad(NodeLoad& load, const std::array<double, 3>& phaseW, double totalW,
                double powerFactor) {
  load.loadW = totalW;
  if (load.dc) {
    load.lineCurrentA = {load.voltageV > 0 ? load.loadW / load.voltageV : 0.0, 0.0, 0.0};
  } else if (load.voltageV > 0) {
    const double phaseV = load.voltageV / std::numbers::sqrt3;
    for (int k = 0; k < 3; ++k) {
      load.lineCurrentA[k] = phaseW[k] / (phaseV * powerFactor);
    }
  }
  load.loadingPct = load.capacityW.value > 0 ? load.loadW / load.capacityW.value * 100.0 : 0.0;
  if (load.continuousCurrentA > 0 && load.kind != PowerNodeKind::Ups) {
    // Busways and panels trip on the most loaded phase, not on the total.
    const double largest = *std::max_element(load.lineCurrentA.begin(), load.lineCurrentA.end());
    load.loadingPct = std::max(load.loadingPct, largest / load.continuousCurrentA * 100.0);
  }
}

/// Why a node's rating cannot be used (empty when it can), naming the field and value.
QString unratedReason(const PowerNode& node) {
  auto bad = [](double v) {
    return !std::isfinite(v) || v <= 0;
  };
  switch (node.kind) {
    case PowerNodeKind::Ups:
      if (node.moduleCount <= 0) {
        return QStringLiteral("module count %1 must be at least 1").arg(node.moduleCount);
      }
      if (bad(node.moduleRatingW)) {
        return QStringLiteral("module rating %1 W must be a positive number")
            .arg(node.moduleRatingW);
      }
      if (node.redundancy == Redundancy::NPlus1 && node.moduleCount < 2) {
        return QStringLiteral("N+1 needs at least two modules (it has %1)").arg(node.moduleCount);
      }
      return {};
    case PowerNodeKind::PowerRack:
      return bad(node.ratedPowerW) ? QStringLiteral("rated power %1 W must be a positive number")
                                         .arg(node.ratedPowerW)
                                   : QString();
    default:
      return bad(node.ratedCurrentA)
                 ? QStringLiteral("rated current %1 A must be a positive number")
                       .arg(node.ratedCurrentA)
                 : QString();
  }
}

void reportNode(const PowerNode& node, const NodeLoad& load, const DesignAssumptions& assumptions,
                QList<Finding>& findings) {
  const QString why = unratedReason(node);
  const bool unratedNode = !why.isEmpty();
  const bool badVoltage = node.voltageV < 0 || !std::isfinite(node.voltageV);
  if (!badVoltage && !unratedNode && load.loadingPct <= 100.0 &&
      (load.failoverLostFeed == PowerFeed::None || load.failoverLoadingPct <= 100.0)) {
    return;  // the common case: a node that holds, no words built
  }
  const ObjectRef ref = ObjectRef::powerNode(node.id);
  const QString name = QStringLiteral("%1 %2").arg(powerNodeKindName(node.kind), node.name);
  if (badVoltage) {
    findings.append(finding(QStringLiteral("power.node-voltage-invalid"), Severity::Error, ref,
                            node.hallId,
                            QStringLiteral("%1: voltage %2 V must be positive (or 0 for the "
                                           "design's supply); the design's %3 V supply is used")
                                .arg(name)
                                .arg(node.voltageV)
                                .arg(assumptions.supplyVoltageV())));
  }
  if (unratedNode) {
    findings.append(
        finding(QStringLiteral("power.node-unrated"), Severity::Error, ref, node.hallId,
                QStringLiteral("%1: %2; its %3 load is not checked").arg(name, why, kw(load.loadW)),
                findingFigure(load.loadW, QStringLiteral("W"), QStringLiteral("load"))));
    return;
  }
  const auto capacity = load.capacityW;
  const QString code = QStringLiteral("power.%1-overload").arg(kindCode(node.kind));
  const double allModulesW = node.moduleCount * node.moduleRatingW;
  if (node.kind == PowerNodeKind::Ups && node.redundancy == Redundancy::NPlus1 &&
      load.loadingPct > 100.0 && load.loadW <= allModulesW) {
    findings.append(finding(
        QStringLiteral("power.ups-redundancy-lost"), Severity::Error, ref, node.hallId,
        QStringLiteral("%1 carries %2: more than its N+1 usable %3, so it has no spare module "
                       "(%4 modules required, %5 installed)")
            .arg(name, kw(load.loadW), kw(capacity.value))
            .arg(load.modulesRequired)
            .arg(node.moduleCount),
        findingFigure(load.loadW, QStringLiteral("W"), QStringLiteral("load at max power")),
        capacity));
    return;
  }
  if (load.loadingPct > 100.0) {
    Finding f =
        finding("", Severity::Error, ref, node.hallId,
                QStringLiteral("%1 carries %2 of %3 racks: %4 % of its %5 capacity (%6)")
                    .arg(name, kw(load.loadW))
                    .arg(load.rackCount)
                    .arg(load.loadingPct, 0, 'f', 0)
                    .arg(kw(capacity.value), capacity.formula),
                findingFigure(load.loadW, QStringLiteral("W"), QStringLiteral("load at max power")),
                capacity);
    f.code = code;
    findings.append(f);
    return;
  }
  if (node.kind == PowerNodeKind::Ups && node.redundancy == Redundancy::NPlus1 &&
      load.failoverLostFeed != PowerFeed::None && load.failoverLoadingPct > 100.0 &&
      load.failoverLoadW <= allModulesW) {
    findings.append(finding(
        QStringLiteral("power.ups-redundancy-lost"), Severity::Error, ref, node.hallId,
        QStringLiteral("%1 carries %2 when feed %3 is lost: more than its N+1 usable %4, so it "
                       "has no spare module then (%5 modules required, %6 installed)")
            .arg(name, kw(load.failoverLoadW), powerFeedName(load.failoverLostFeed),
                 kw(capacity.value))
            .arg(load.modulesRequired)
            .arg(node.moduleCount),
        findingFigure(
            load.failoverLoadW, QStringLiteral("W"),
            QStringLiteral("load with feed %1 lost").arg(powerFeedName(load.failoverLostFeed))),
        capacity));
    return;
  }
  if (load.failoverLostFeed != PowerFeed::None && load.failoverLoadingPct > 100.0) {
    Finding f = finding(
        "", Severity::Error, ref, node.hallId,
        QStringLiteral("%1 holds only until feed %2 is lost: it then carries %3, "
                       "%4 % of its %5 capacity")
            .arg(name, powerFeedName(load.failoverLostFeed), kw(load.failoverLoadW))
            .arg(load.failoverLoadingPct, 0, 'f', 0)
            .arg(kw(capacity.value)),
        findingFigure(
            load.failoverLoadW, QStringLiteral("W"),
            QStringLiteral("load with feed %1 lost").arg(powerFeedName(load.failoverLostFeed))),
        capacity);
    f.code = QStringLiteral("power.%1-failover-overload").arg(kindCode(node.kind));
    findings.append(f);
  }
}

}  // namespace

std::array<double, 3> phasePowerW(const PduLoad& pdu, const PduState& state, double powerFactor) {
  if (pdu.supply == SupplyKind::Dc || pdu.supply == SupplyKind::SinglePhase) {
    return {state.loadW, 0.0, 0.0};  // one phase carries it all (conservative: no rotation)
  }
  // Line current × phase voltage × PF: exact for wye units. For delta units the line currents
  // of an unbalanced unit add to more than its real power; they are kept as they are, so the
  // phase currents upstream are never understated.
  std::array<double, 3> w{};
  const double phaseV = pdu.voltageV / std::numbers::sqrt3;
  for (int k = 0; k < 3; ++k) {
    w[k] = state.lineCurrentA[k] * phaseV * powerFactor;
  }
  return w;
}

QHash<PowerNodeId, NodePhases> nodeLoads(const Project& project,
                                         const QHash<RackId, RackPower>& racks,
                                         const QHash<RackId, RackState>& states,
                                         const QSet<PowerNodeId>& deadNodes, double powerFactor) {
  QHash<PowerNodeId, NodePhases> loads;
  for (const Rack& rack : project.racks()) {  // project order: sums do not depend on hashing
    const auto state = states.constFind(rack.id());
    if (state == states.cend()) {
      continue;
    }
    const RackPower& power = *racks.constFind(rack.id());  // no copy: a const QHash [] copies
    for (qsizetype p = 0; p < power.pdus.size(); ++p) {
      const PowerNodeId up = power.pdus[p].upstreamId;
      if (!up.isNull() && !deadNodes.contains(up)) {
        NodePhases& node = loads[up];
        const auto w = phasePowerW(power.pdus[p], state->pdus[p], powerFactor);
        for (int k = 0; k < 3; ++k) {
          node.phaseW[k] += w[k];
        }
        node.totalW += state->pdus[p].loadW;
      }
    }
  }
  const Tree tree = buildTree(project, nullptr);
  for (PowerNodeId id : tree.order) {  // children first
    if (deadNodes.contains(id)) {
      loads.remove(id);
      continue;
    }
    const PowerNode* node = project.findPowerNode(id);
    if (node && !node->upstreamId.isNull() && !deadNodes.contains(node->upstreamId)) {
      const PowerNode* up = project.findPowerNode(node->upstreamId);
      if (up && up->hallId == node->hallId) {
        const NodePhases child = loads.value(id);
        NodePhases& parent = loads[node->upstreamId];
        for (int k = 0; k < 3; ++k) {
          parent.phaseW[k] += child.phaseW[k];
        }
        parent.totalW += child.totalW;
      }
    }
  }
  return loads;
}

double largestLineCurrentA(const NodeLoad& node, const NodePhases& phases, double powerFactor) {
  if (node.dc) {
    return node.voltageV > 0 ? phases.totalW / node.voltageV : 0.0;
  }
  const double phaseV = node.voltageV / std::numbers::sqrt3;
  const double largestW = *std::max_element(phases.phaseW.begin(), phases.phaseW.end());
  return phaseV > 0 ? largestW / (phaseV * powerFactor) : 0.0;
}

QHash<PowerNodeId, NodeLoad> analyzeDistribution(const Project& project,
                                                 const QHash<RackId, RackPower>& racks,
                                                 const DesignAssumptions& assumptions,
                                                 QList<Finding>& findings) {
  QHash<PowerNodeId, NodeLoad> loads;
  if (project.powerNodes().isEmpty()) {
    return loads;
  }
  const double pf = assumptions.value(assumption::kPowerFactor);
  const Tree tree = buildTree(project, &findings);
  FormulaCache formulas;
  // Per node: phase powers normal and with each feed lost, and the racks below it.
  // Per phase: current-equivalent watts (line current × phase voltage × PF, summed as
  // magnitudes: never below the phasor sum). In total: the real power.
  struct Sums {
    std::array<double, 3> normal{};
    double normalW = 0.0;
    std::array<std::array<double, 3>, 3> lost{};
    std::array<double, 3> lostW{};
    QSet<RackId> racks;
  };
  QHash<PowerNodeId, Sums> sums;
  for (const Rack& rack : project.racks()) {
    const RackPower& power = *racks.constFind(rack.id());  // no copy: a const QHash [] copies
    for (const PduLoad& pdu : power.pdus) {
      const PowerNode* up =
          pdu.upstreamId.isNull() ? nullptr : project.findPowerNode(pdu.upstreamId);
      if (!up || up->hallId != rack.hallId()) {
        continue;  // reported by the rack's feed check
      }
      Sums& s = sums[pdu.upstreamId];
      const auto n = phasePowerW(pdu, pdu.normal, pf);
      for (int k = 0; k < 3; ++k) {
        s.normal[k] += n[k];
      }
      s.normalW += pdu.normal.loadW;
      for (int f = 0; f < 3; ++f) {
        const auto l = phasePowerW(pdu, pdu.lostFeed[f], pf);
        for (int k = 0; k < 3; ++k) {
          s.lost[f][k] += l[k];
        }
        s.lostW[f] += pdu.lostFeed[f].loadW;
      }
      s.racks.insert(rack.id());
    }
  }
  QSet<PowerFeed> feedsInUse;
  for (const RackPower& power : racks) {
    for (PowerFeed feed : power.feeds) {
      feedsInUse.insert(feed);
    }
  }
  for (const PowerNode& node : project.powerNodes()) {
    feedsInUse.remove(PowerFeed::None);
    if (node.feed != PowerFeed::None) {
      feedsInUse.insert(node.feed);
    }
  }
  // A node is dead when feed F is lost if it, or a node above it, is on F.
  auto onFeed = [&](PowerNodeId id, PowerFeed feed) {
    for (int depth = 0; !id.isNull() && depth < 64; ++depth) {
      const PowerNode* node = project.findPowerNode(id);
      if (!node) {
        return false;
      }
      if (node->feed == feed) {
        return true;
      }
      id = node->upstreamId;
    }
    return false;
  };
  for (PowerNodeId id : tree.order) {
    const PowerNode& node = *project.findPowerNode(id);
    NodeLoad load = nodeFrom(node, assumptions, formulas);
    Sums s = sums.value(id);
    for (PowerNodeId child : tree.children.value(id)) {
      const Sums c = sums.value(child);
      s.normalW += c.normalW;
      for (int f = 0; f < 3; ++f) {
        const bool dead = onFeed(child, kPowerFeeds[f]);
        s.lostW[f] += dead ? 0.0 : c.lostW[f];
        for (int k = 0; k < 3; ++k) {
          s.lost[f][k] += dead ? 0.0 : c.lost[f][k];
        }
      }
      for (int k = 0; k < 3; ++k) {
        s.normal[k] += c.normal[k];
      }
      s.racks.unite(c.racks);
    }
    sums.insert(id, s);
    finishLoad(load, s.normal, s.normalW, pf);
    load.rackCount = int(s.racks.size());
    for (PowerFeed feed : kPowerFeeds) {
      if (!feedsInUse.contains(feed) || onFeed(id, feed)) {
        continue;
      }
      NodeLoad lost = load;
      finishLoad(lost, s.lost[feedIndex(feed)], s.lostW[feedIndex(feed)], pf);
      if (load.failoverLostFeed == PowerFeed::None ||
          lost.loadingPct > load.failoverLoadingPct + 1e-9 ||
          (lost.loadingPct >= load.failoverLoadingPct - 1e-9 && lost.loadW > load.failoverLoadW)) {
        load.failoverLoadW = lost.loadW;
        load.failoverLoadingPct = lost.loadingPct;
        load.failoverLostFeed = feed;
      }
    }
    if (node.kind == PowerNodeKind::Ups && node.moduleRatingW > 0) {
      const double designW = std::max(load.loadW, load.failoverLoadW);
      load.modulesRequired = int(std::ceil(designW / node.moduleRatingW - 1e-9)) +
                             (node.redundancy == Redundancy::NPlus1 ? 1 : 0);
    }
    loads.insert(id, load);
    reportNode(node, load, assumptions, findings);
  }
  return loads;
}

}  // namespace dc::power
