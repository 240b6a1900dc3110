// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/positionlabel.h"
#include "powercontext.h"

#include <algorithm>

namespace dc::power {

namespace {

/// Nodes lost in the scenario: the busway asked for (or the most loaded one), or every node of
/// the lost feed, with everything below them.
QSet<PowerNodeId> deadNodes(const Project& project, const FailureScenario& scenario,
                            PowerNodeId busway) {
  QSet<PowerNodeId> dead;
  for (const PowerNode& node : project.powerNodes()) {
    // Walk up: a node is dead when it or a node above it is lost.
    PowerNodeId id = node.id;
    for (int depth = 0; !id.isNull() && depth < 64; ++depth) {
      const PowerNode* n = project.findPowerNode(id);
      if (!n) {
        break;
      }
      const bool lost =
          scenario.kind == FailureScenario::Kind::Feed ? n->feed == scenario.feed : n->id == busway;
      if (lost) {
        dead.insert(node.id);
        break;
      }
      id = n->upstreamId;
    }
  }
  return dead;
}

PowerNodeId mostLoadedBusway(const QHash<PowerNodeId, NodeLoad>& nodes, const Project& project) {
  PowerNodeId best;
  double bestPct = -1.0;
  for (const PowerNode& node : project.powerNodes()) {  // project order: deterministic ties
    if (node.kind != PowerNodeKind::Busway && node.kind != PowerNodeKind::Rpp) {
      continue;
    }
    const double pct = nodes.value(node.id).loadingPct;
    if (pct > bestPct) {
      bestPct = pct;
      best = node.id;
    }
  }
  return best;
}

void worsen(RackOutcome& outcome, RackVerdict verdict, const QString& reason) {
  if (outcome.verdict == RackVerdict::NotModelled) {
    return;
  }
  if (int(verdict) > int(outcome.verdict)) {
    outcome.verdict = verdict;
    outcome.reason = reason;
  } else if (verdict == outcome.verdict && outcome.reason.isEmpty()) {
    outcome.reason = reason;
  }
}

/// One rack in the failure: its state with the PDUs it loses, and its verdict from its own
/// devices and PDUs (the nodes above are judged afterwards).
RackOutcome judgeRack(const RackPower& power, const FailureScenario& scenario,
                      const QSet<PowerNodeId>& dead, double pf, RackState& state) {
  PduMask deadPdus(power.pdus.size());
  for (qsizetype p = 0; p < power.pdus.size(); ++p) {
    const PduLoad& pdu = power.pdus[p];
    deadPdus[p] = (scenario.kind == FailureScenario::Kind::Feed && pdu.feed == scenario.feed) ||
                  dead.contains(pdu.upstreamId);
  }
  state = rackState(power, deadPdus, pf);
  RackOutcome outcome;
  if (power.pdus.isEmpty() && !power.devices.isEmpty()) {
    outcome = {RackVerdict::NotModelled, QStringLiteral("no PDU or power shelf modelled")};
  }
  for (qsizetype d = 0; d < power.devices.size(); ++d) {
    const DevicePower& device = power.devices[d];
    if (state.devicePowered[d] && state.deviceAtFullPower[d]) {
      continue;  // the common case: no words built
    }
    const QString what = device.mountId.isNull()
                             ? device.model
                             : QStringLiteral("%1 U%2").arg(device.model).arg(device.lowestU);
    if (!state.devicePowered[d]) {
      worsen(outcome, RackVerdict::Down, QStringLiteral("%1 loses every PSU").arg(what));
    } else if (!state.deviceAtFullPower[d]) {
      worsen(outcome, RackVerdict::Degraded,
             QStringLiteral("%1 keeps %2 of %3 PSUs (%4), short of its %5 max: power-capped")
                 .arg(what)
                 .arg(state.survivingPsus[d])
                 .arg(device.psuCount)
                 .arg(kw(state.survivingPsus[d] * device.psuRatingW), kw(device.maxW)));
    }
  }
  for (qsizetype p = 0; p < power.pdus.size(); ++p) {
    const PduLoad& pdu = power.pdus[p];
    const PduState& s = state.pdus[p];
    // A lost PDU is the failure itself: the rack holds when the others carry it at full
    // power within their ratings (its redundancy is then spent, which the description says).
    if (deadPdus[p]) {
      continue;
    }
    if (pdu.rated && s.maxLineCurrentA > pdu.ratedCurrentA + 1e-9) {
      worsen(outcome, RackVerdict::Down,
             QStringLiteral("%1 trips: %2 A over its %3 A rating")
                 .arg(pdu.label)
                 .arg(s.maxLineCurrentA, 0, 'f', 1)
                 .arg(pdu.ratedCurrentA));
    } else if (pdu.rated && s.loadingPct > 100.0) {
      worsen(outcome, RackVerdict::Degraded,
             QStringLiteral("%1 over its continuous rating: %2 A of %3 A")
                 .arg(pdu.label)
                 .arg(s.maxLineCurrentA, 0, 'f', 1)
                 .arg(pdu.continuousCurrentA, 0, 'f', 1));
    }
  }
  if (outcome.verdict == RackVerdict::Holds && outcome.reason.isEmpty()) {
    // Say what held it: the lost PDUs and the largest load left on one survivor.
    QStringList lost;
    qsizetype largest = -1;
    for (qsizetype p = 0; p < power.pdus.size(); ++p) {
      if (deadPdus[p]) {
        lost.append(power.pdus[p].label.section(QLatin1Char(' '), 0, 1));
      } else if (largest < 0 || state.pdus[p].loadingPct >= state.pdus[largest].loadingPct) {
        largest = p;
      }
    }
    if (!lost.isEmpty() && largest >= 0) {
      outcome.reason = QStringLiteral("%1 lost; the others carry it at full power, %2 at %3 % (%4)")
                           .arg(lost.join(QStringLiteral(", ")),
                                power.pdus[largest].label.section(QLatin1Char(' '), 0, 1))
                           .arg(state.pdus[largest].loadingPct, 0, 'f', 0)
                           .arg(kw(state.pdus[largest].loadW));
    }
  }
  return outcome;
}

}  // namespace

FailureResult simulateFailure(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                              const QHash<RackId, RackPower>& racks,
                              const QHash<PowerNodeId, NodeLoad>& nodes) {
  FailureResult result;
  result.scenario = snapshot.failure;
  const FailureScenario& scenario = snapshot.failure;
  if (scenario.kind == FailureScenario::Kind::None || scenario.kind == FailureScenario::Kind::Cdu ||
      scenario.kind == FailureScenario::Kind::Crah) {
    result.scenario = {};  // cooling failures are the cooling pass's
    return result;
  }
  const Project& project = snapshot.project;
  const double pf = assumptions.value(assumption::kPowerFactor);
  const double derating = assumptions.value(assumption::kDeratingFactor);
  PowerNodeId busway = scenario.nodeId;
  if (scenario.kind == FailureScenario::Kind::Busway && busway.isNull()) {
    busway = mostLoadedBusway(nodes, project);
  }
  const QSet<PowerNodeId> dead = scenario.kind == FailureScenario::Kind::UpsModule
                                     ? QSet<PowerNodeId>{}
                                     : deadNodes(project, scenario, busway);
  switch (scenario.kind) {
    case FailureScenario::Kind::Feed:
      result.description = QStringLiteral("Feed %1 lost").arg(powerFeedName(scenario.feed));
      break;
    case FailureScenario::Kind::Busway: {
      const PowerNode* node = project.findPowerNode(busway);
      result.description =
          node ? QStringLiteral("%1 %2 lost").arg(powerNodeKindName(node->kind), node->name)
               : QStringLiteral("No busway or RPP to lose");
      break;
    }
    case FailureScenario::Kind::UpsModule: {
      const PowerNode* node = project.findPowerNode(scenario.nodeId);
      result.description = node ? QStringLiteral("One power module of %1 lost").arg(node->name)
                                : QStringLiteral("One power module of every UPS lost");
      break;
    }
    case FailureScenario::Kind::None:
    case FailureScenario::Kind::Cdu:
    case FailureScenario::Kind::Crah:
      break;
  }
  // Rack states with the lost PDUs: on the lost feed, or plugged into a lost node. Racks are
  // independent: large designs are judged in contiguous ranges side by side, merged in order.
  const qsizetype count = project.racks().size();
  QList<RackState> rackStates(count);
  QList<RackOutcome> outcomes(count);
  RackState* statesOut = rackStates.data();
  RackOutcome* outcomesOut = outcomes.data();
  forRackRanges(count, [&](int, qsizetype begin, qsizetype end) {
    for (qsizetype r = begin; r < end; ++r) {
      outcomesOut[r] =
          judgeRack(*racks.constFind(project.racks()[r].id()), scenario, dead, pf, statesOut[r]);
    }
  });
  QHash<RackId, RackState> states;
  states.reserve(count);
  result.racks.reserve(count);
  for (qsizetype r = 0; r < count; ++r) {
    result.racks.insert(project.racks()[r].id(), outcomes[r]);
    states.insert(project.racks()[r].id(), std::move(rackStates[r]));
  }
  // Surviving nodes with their new loads; an overload trips (busways, panels) or sends a UPS
  // to bypass (racks stay up, unprotected).
  const QHash<PowerNodeId, NodePhases> loads = nodeLoads(project, racks, states, dead, pf);
  QHash<PowerNodeId, QPair<RackVerdict, QString>> nodeVerdict;
  for (const PowerNode& node : project.powerNodes()) {
    if (dead.contains(node.id)) {
      continue;  // its racks are judged through the PDUs it took down
    }
    const NodeLoad load = nodes.value(node.id);
    const NodePhases phases = loads.value(node.id);
    const double w = phases.totalW;
    result.nodeLoadW.insert(node.id, w);
    if (node.kind == PowerNodeKind::Ups) {
      // What the installed modules carry, less the one lost: an N+1 UPS spends its spare
      // before it goes to bypass.
      const bool moduleLost = scenario.kind == FailureScenario::Kind::UpsModule &&
                              (scenario.nodeId.isNull() || scenario.nodeId == node.id);
      const double installedW =
          std::max(0, node.moduleCount - (moduleLost ? 1 : 0)) * node.moduleRatingW;
      if (w > installedW + 1e-9) {
        nodeVerdict.insert(node.id,
                           {RackVerdict::Degraded,
                            QStringLiteral("%1 overloaded (%2 of %3 on its modules): on bypass, "
                                           "unprotected")
                                .arg(node.name, kw(w), kw(installedW))});
      }
      continue;
    }
    if (node.kind == PowerNodeKind::PowerRack) {
      if (load.capacityW.value > 0 && w > load.capacityW.value + 1e-9) {
        nodeVerdict.insert(node.id, {RackVerdict::Down,
                                     QStringLiteral("%1 overloaded: %2 over its %3 rated output")
                                         .arg(node.name, kw(w), kw(load.capacityW.value))});
      }
      continue;
    }
    // Busways, RPPs and switchboards trip on their most loaded phase.
    const double lineA = largestLineCurrentA(load, phases, load.dc ? 1.0 : pf);
    const double ratedA = derating > 0 ? load.continuousCurrentA / derating : 0.0;
    if (ratedA > 0 && lineA > ratedA + 1e-9) {
      nodeVerdict.insert(node.id, {RackVerdict::Down,
                                   QStringLiteral("%1 trips: %2 A on its most loaded phase, over "
                                                  "its %3 A rating")
                                       .arg(node.name)
                                       .arg(lineA, 0, 'f', 0)
                                       .arg(ratedA, 0, 'f', 0)});
    } else if (load.continuousCurrentA > 0 && lineA > load.continuousCurrentA + 1e-9) {
      nodeVerdict.insert(node.id, {RackVerdict::Degraded,
                                   QStringLiteral("%1 over its continuous rating: %2 A of %3 A")
                                       .arg(node.name)
                                       .arg(lineA, 0, 'f', 0)
                                       .arg(load.continuousCurrentA, 0, 'f', 0)});
    }
  }
  if (!nodeVerdict.isEmpty()) {
    for (const Rack& rack : project.racks()) {
      RackOutcome& outcome = result.racks[rack.id()];
      for (const PduLoad& pdu : racks.constFind(rack.id())->pdus) {
        PowerNodeId id = pdu.upstreamId;
        for (int depth = 0; !id.isNull() && depth < 64; ++depth) {
          const auto it = nodeVerdict.constFind(id);
          if (it != nodeVerdict.cend()) {
            worsen(outcome, it->first, it->second);
          }
          const PowerNode* n = project.findPowerNode(id);
          id = n ? n->upstreamId : PowerNodeId();
        }
      }
    }
  }
  for (const RackOutcome& outcome : result.racks) {
    switch (outcome.verdict) {
      case RackVerdict::Holds:
        ++result.holds;
        break;
      case RackVerdict::Degraded:
        ++result.degraded;
        break;
      case RackVerdict::Down:
        ++result.down;
        break;
      case RackVerdict::NotModelled:
        ++result.notModelled;
        break;
    }
  }
  return result;
}

}  // namespace dc::power
