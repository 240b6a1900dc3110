// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "powerresult.h"

#include <QSet>
#include <QVarLengthArray>

#include <functional>

namespace dc {

/// Helpers shared by the files of the power pass (not part of its interface).
namespace power {

/// Runs `work(range, begin, end)` over `count` racks split into contiguous ranges, one per core
/// for large designs (at least 400 racks a range: below that a thread costs more than it saves;
/// an implementation figure, not a design assumption), and waits for all. Range 0 runs on the
/// caller's thread. Results written per rack index or per range stay in rack order.
int rackRangeCount(qsizetype count);
void forRackRanges(qsizetype count, const std::function<void(int, qsizetype, qsizetype)>& work);

/// Index of a feed in PduLoad::lostFeed (A 0, B 1, C 2).
inline int feedIndex(PowerFeed feed) {
  return feed == PowerFeed::B ? 1 : feed == PowerFeed::C ? 2 : 0;
}

/// One finding, with its figures. `code` is a QStringLiteral: no copy per finding.
Finding finding(QString code, Finding::Severity severity, ObjectRef subject, HallId hallId,
                QString message, std::optional<Figure> measured = std::nullopt,
                std::optional<Figure> limit = std::nullopt);

/// "12.3 kW", "1.20 MW", "850 W": how findings and verdicts print power.
QString kw(double watts);

/// What one run of the power pass reads over and over: the assumption values it uses (looked
/// up once, not per rack) and, per catalog item, its device and PDU facts (read from the item's
/// figures once). Built by analyzePower() for one snapshot; nothing outlives the pass.
class PowerContext final {
 public:
  PowerContext(const DesignAssumptions& assumptions, const Catalog& catalog);

  const DesignAssumptions& assumptions;
  const Catalog& catalog;
  double powerFactor;
  double derating;
  double idleFraction;
  double utilisation;  ///< of the design workload
  double supplyVoltageV;
  bool supplyDc;
  double maxImbalancePct;
  double imbalanceMinLoadingPct;
  double highDensityRackW;
  double voltageTolerancePct;
  double frequencyHz;          ///< of the design's supply
  QString highDensityText;     ///< kw(highDensityRackW), for the findings
  QString highDensityFormula;  ///< "design assumption power.highDensityRackW"
  QString designFormula;       ///< the rack design-power formula, with u and the workload
  /// Transceiver power per device (mount id, or a rack-scale system's rack id) from the fabric
  /// pass; null when there is none.
  const QHash<QUuid, double>* opticsW = nullptr;

  /// The figures of `item` the sums read for every mount of it (looked up once per item).
  struct ItemFigures {
    const SpecValue* maxW = nullptr;
    const SpecValue* typicalW = nullptr;
    const SpecValue* weightKg = nullptr;
  };
  const ItemFigures& figures(const CatalogItem& item);
  /// The power facts of `item` as a device (no mount yet).
  const DevicePower& device(const CatalogItem& item);
  /// The ratings of `item` as a rack PDU (no mount, feed or load yet).
  const PduLoad& pdu(const CatalogItem& item);
  /// "PDU 2 (feed B)", "Shelf 1 (feed A)": made once per kind, number and feed.
  const QString& pduLabel(bool shelf, int number, PowerFeed feed);
  /// kw(watts), kept: a hall of identical racks formats one figure once.
  const QString& kwText(double watts);
  /// The typical-power formula of a rack with `fromMax` devices counted at max.
  const QString& typicalFormula(int fromMax);

 private:
  QHash<const CatalogItem*, ItemFigures> mFigures;
  QHash<const CatalogItem*, DevicePower> mDevices;
  QHash<const CatalogItem*, PduLoad> mPdus;
  QHash<int, QString> mLabels;
  QHash<double, QString> mKw;
  QHash<int, QString> mTypicalFormulas;
};

/// The catalog items of a rack's mounts, in mount order (null for an unknown id): looked up
/// once per rack and shared by the sums, the mount check and the feed check.
using MountItems = QVarLengthArray<const CatalogItem*, 16>;

/// Sums, device power by utilisation and PSU facts of one rack (no feeds yet); findings for
/// unknown ids, missing figures and mounts that do not fit. Fills `items` when given.
RackPower sumRack(const Rack& rack, PowerContext& context, QList<Finding>& findings,
                  MountItems* items = nullptr);

/// PDUs and feeds of one rack: phase balancing of the PSU inlets, leg currents, loading
/// against the derating policy, the 2N rule and PSU redundancy on the loss of each feed.
/// Fills `power.pdus`, `power.feeds` and each device's inlets.
void analyzeRackFeeds(const Rack& rack, const MountItems& items, PowerContext& context,
                      const Project& project, RackPower& power, QList<Finding>& findings);

/// The findings of one rack's feeds, from what analyzeRackFeeds() computed.
void reportRackFeeds(const Rack& rack, PowerContext& context, const Project& project,
                     const RackPower& power, QList<Finding>& findings);

/// Which of a rack's PDUs are lost, indexed like RackPower::pdus. Racks hold a handful of PDUs
/// and devices: these stay on the stack, the pass runs for every rack four times or more.
using PduMask = QVarLengthArray<bool, 8>;

/// Power a rack's PDUs carry in one state: every PDU kept, or the PDUs in `deadPdus` lost.
/// Used by the failover check and by the failure simulation.
struct RackState {
  QVarLengthArray<PduState, 8> pdus;            ///< like power.pdus
  QVarLengthArray<int, 16> survivingPsus;       ///< per device
  QVarLengthArray<bool, 16> devicePowered;      ///< per device: at least one inlet on a live PDU
  QVarLengthArray<bool, 16> deviceAtFullPower;  ///< per device: surviving PSUs carry its max
};
RackState rackState(const RackPower& power, const PduMask& deadPdus, double powerFactor);

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

/// A node's load in one state: per phase (current-equivalent watts) and in total (real W).
struct NodePhases {
  std::array<double, 3> phaseW{};
  double totalW = 0.0;
};

/// Loads of the live nodes, from the rack states `states` (the PDUs they lost carry nothing)
/// and without the nodes in `deadNodes` and below them. Summed in project order.
QHash<PowerNodeId, NodePhases> nodeLoads(const Project& project,
                                         const QHash<RackId, RackPower>& racks,
                                         const QHash<RackId, RackState>& states,
                                         const QSet<PowerNodeId>& deadNodes, double powerFactor);

/// The most loaded phase's line current of `node` carrying `phases` (DC: P / V).
double largestLineCurrentA(const NodeLoad& node, const NodePhases& phases, double powerFactor);

/// Checks of the distribution nodes themselves: a catalog item rated for another frequency, a
/// rating above the catalog item's, a voltage that differs from the node above, a 2N UPS with
/// no partner, two nodes of a hall with one name.
void checkNodes(const Project& project, const Catalog& catalog,
                const DesignAssumptions& assumptions, QList<Finding>& findings);

/// The failure the snapshot asks for: every rack's verdict and the surviving nodes' loads.
FailureResult simulateFailure(const DesignSnapshot& snapshot, const DesignAssumptions& assumptions,
                              const QHash<RackId, RackPower>& racks,
                              const QHash<PowerNodeId, NodeLoad>& nodes);

}  // namespace power
}  // namespace dc
