// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "powerresult.h"

#include <QSet>

namespace dc {

/// Helpers shared by the files of the power pass (not part of its interface).
namespace power {

/// Index of a feed in PduLoad::lostFeed (A 0, B 1, C 2).
inline int feedIndex(PowerFeed feed) {
  return feed == PowerFeed::B ? 1 : feed == PowerFeed::C ? 2 : 0;
}

/// One finding, with its figures.
Finding finding(const char* code, Finding::Severity severity, ObjectRef subject, HallId hallId,
                QString message, std::optional<Figure> measured = std::nullopt,
                std::optional<Figure> limit = std::nullopt);

/// "12.3 kW", "1.20 MW", "850 W": how findings and verdicts print power.
QString kw(double watts);

/// Sums, device power by utilisation and PSU facts of one rack (no feeds yet); findings for
/// unknown ids, missing figures and mounts that do not fit.
RackPower sumRack(const Rack& rack, const Catalog& catalog, const DesignAssumptions& assumptions,
                  QList<Finding>& findings);

/// PDUs and feeds of one rack: phase balancing of the PSU inlets, leg currents, loading
/// against the derating policy, the 2N rule and PSU redundancy on the loss of each feed.
/// Fills `power.pdus`, `power.feeds` and each device's inlets.
void analyzeRackFeeds(const Rack& rack, const Catalog& catalog,
                      const DesignAssumptions& assumptions, const QList<PowerNode>& nodes,
                      RackPower& power, QList<Finding>& findings);

/// Power a rack's PDUs carry in one state: every PDU and device kept, or the PDUs `dead` lost
/// (indexed like power.pdus). Updates each device's surviving-inlet count in `survivors` when
/// given. Used by the failover check and by the failure simulation.
struct RackState {
  QList<PduState> pdus;           ///< like power.pdus
  QList<int> survivingPsus;       ///< per device
  QList<bool> devicePowered;      ///< per device: at least one inlet on a live PDU
  QList<bool> deviceAtFullPower;  ///< per device: surviving PSUs carry its max
};
RackState rackState(const RackPower& power, const QList<bool>& deadPdus, double powerFactor,
                    double derating);

/// Per-phase real power one PDU state puts on the node above it (P_k = I_k · V/√3 · PF on AC,
/// P on DC in [0]).
std::array<double, 3> phasePowerW(const PduLoad& pdu, const PduState& state, double powerFactor);

/// Loads every distribution node of the project from the racks' PDUs: normal, and the worst
/// loss of one feed; UPS sizing with its redundancy; findings for overloads, missing ratings,
/// unknown or cyclic upstreams.
QHash<PowerNodeId, NodeLoad> analyzeDistribution(const Project& project,
                                                 const QHash<RackId, RackPower>& racks,
                                                 const DesignAssumptions& assumptions,
                                                 QList<Finding>& findings);

/// Capacity of a node as the failure simulation sees it: its continuous rating, or a UPS's
/// capacity with `modulesLost` modules out.
double nodeCapacityW(const NodeLoad& node, int modulesLost);
/// A node's rating before derating (what trips): continuous capacity / derating.
double nodeTripW(const NodeLoad& node, double derating);

/// Loads of the live nodes when the PDUs in `deadPdus` (by rack, indexed like power.pdus) and
/// the nodes in `deadNodes` are lost, from the rack states `states`.
QHash<PowerNodeId, double> nodeLoadsW(const Project& project, const QHash<RackId, RackPower>& racks,
                                      const QHash<RackId, RackState>& states,
                                      const QSet<PowerNodeId>& deadNodes);

/// The failure the snapshot asks for: every rack's verdict and the surviving nodes' loads.
FailureResult simulateFailure(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                              const QHash<RackId, RackPower>& racks,
                              const QHash<PowerNodeId, NodeLoad>& nodes);

}  // namespace power
}  // namespace dc
