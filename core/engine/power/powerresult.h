// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/figure.h"
#include "engine/finding.h"
#include "engine/snapshot.h"
#include "model/ids.h"
#include "model/mount.h"
#include "model/powernode.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>

namespace dc {

/// How a rack PDU, power shelf or node is connected electrically.
enum class SupplyKind {
  ThreePhaseWye,    ///< 3-phase, outlets line-to-neutral (400/415 V PDUs: 230/240 V outlets)
  ThreePhaseDelta,  ///< 3-phase, outlets line-to-line (208 V North-American PDUs)
  SinglePhase,
  Dc,  ///< 800 VDC (or any DC) distribution
};

QString supplyKindKey(SupplyKind kind);  ///< "ac-3ph-wye", "ac-3ph-delta", "ac-1ph", "dc"

/// Loads of one PDU or power shelf in one operating state (normal, or one feed lost).
struct PduState {
  double loadW = 0.0;                    ///< real power through the unit
  std::array<double, 3> legPowerW{};     ///< per outlet leg (wye: L-N; delta: L1-L2, L2-L3, L3-L1)
  std::array<double, 3> lineCurrentA{};  ///< input line currents L1, L2, L3 (DC/1φ: [0])
  double maxLineCurrentA = 0.0;
  double neutralCurrentA = 0.0;  ///< wye only
  double imbalancePct = 0.0;     ///< (largest − mean) / mean of the line currents
  double loadingPct = 0.0;       ///< largest line current / continuous current
};

/// One rack PDU or power shelf: its ratings and its loads, normal and on the loss of each
/// other feed (the 2N rule: either feed carries the whole rack when the other is lost).
struct PduLoad {
  MountId mountId;
  QString catalogId;
  QString model;
  QString label;  ///< "PDU 1 (feed A)"
  PowerFeed feed = PowerFeed::None;
  PowerNodeId upstreamId;  ///< the busway/RPP/power rack it is plugged into, or null
  bool rated = false;      ///< the catalog gives its voltage and current rating
  SupplyKind supply = SupplyKind::ThreePhaseWye;
  int phases = 3;
  double voltageV = 0.0;            ///< line-to-line AC, or DC
  double ratedCurrentA = 0.0;       ///< plug/breaker rating
  double continuousCurrentA = 0.0;  ///< rating × derating factor
  Figure capacityW;                 ///< continuous real-power capacity
  double capacityVA = 0.0;          ///< continuous apparent-power capacity (AC)
  PduState normal;
  PduState failover;                             ///< the worst of the states with another feed lost
  PowerFeed failoverLostFeed = PowerFeed::None;  ///< which feed's loss gives `failover`
  /// Normal imbalance above power.maxLegImbalancePct on a unit loaded at least
  /// power.imbalanceMinLoadingPct: the engine's judgement, which findings and panels show.
  bool imbalanced = false;
  /// The unit's state with feed A, B or C lost (index 0..2); its normal state when the rack has
  /// no PDU on that feed, an empty state when it is itself on it. What busways and UPS sum.
  std::array<PduState, 3> lostFeed;
};

/// Where one PSU inlet is plugged and what it carries.
struct InletLoad {
  int inlet = 0;
  MountId pduMountId;  ///< null when the rack has no PDU for it
  int pduIndex = -1;   ///< the same PDU as an index into RackPower::pdus; -1 when none
  int leg = 0;
  bool automatic = true;  ///< assigned by the phase balancing, not drawn by the architect
  double powerW = 0.0;    ///< normal share of the device's max power
};

/// Power facts of one IT device (or rack-scale system) in a rack.
struct DevicePower {
  MountId mountId;  ///< null for a rack-scale system (the rack type itself)
  QString catalogId;
  QString model;
  int lowestU = 0;
  double maxW = 0.0;
  double typicalW = 0.0;
  double idleW = 0.0;
  double designW = 0.0;  ///< P_idle + u · (P_max − P_idle)
  bool idlePublished = false;
  int psuCount = 0;                 ///< PSU inlets (catalog), or assumed
  bool psuAssumed = false;          ///< the catalog gives no PSU count: one inlet per feed assumed
  int psuRequired = 0;              ///< N of "N+M" (catalog redundancy text), or ⌈max / rating⌉
  bool psuRequiredAssumed = false;  ///< neither a readable "N+M" nor a PSU rating: N = 1 assumed
  double psuRatingW = 0.0;
  QString psuRedundancy;  ///< "4+2", as the catalog writes it
  QList<InletLoad> inlets;
  /// The worst loss of one feed: PSUs left and whether they carry the device's max.
  PowerFeed worstLostFeed = PowerFeed::None;
  int survivingPsus = 0;
  bool survivesFeedLoss = true;
};

/// Power of one rack position, summed over its devices from catalog figures, and its feeds.
struct RackPower {
  RackId rackId;
  Figure maxPowerW;               ///< Σ device max power
  Figure typicalPowerW;           ///< Σ device typical power; max where no typical is published
  Figure designPowerW;            ///< Σ P_idle + u · (P_max − P_idle), u of the design workload
  int typicalFromMaxCount = 0;    ///< devices with no typical figure whose max was used instead
  Figure coolingEquipmentPowerW;  ///< cooling equipment here (in-row cooler, CDU): not IT
  bool coolingUnit = false;       ///< the position holds a floor cooling unit, not a rack
  int acceleratorCount = 0;
  int usedU = 0;                 ///< rack units occupied by mounts
  int usableU = 0;               ///< rack units the rack type offers (0 for a rack-scale system)
  double weightKg = 0.0;         ///< rack plus devices, where published
  int weightMissingCount = 0;    ///< devices (and the rack) with no published weight: not counted
  QStringList unpoweredItemIds;  ///< IT devices with no published max power (typical or 0 W used)
  QList<PduLoad> pdus;
  QList<DevicePower> devices;
  QList<PowerFeed> feeds;              ///< feeds present, in A, B, C order
  double pduLoadingPct = 0.0;          ///< the most loaded PDU's loading, normal operation
  double pduFailoverLoadingPct = 0.0;  ///< the most loaded PDU's loading, worst feed lost
};

/// Load of one distribution node (UPS, switchboard, busway, RPP, power rack).
struct NodeLoad {
  PowerNodeId id;
  PowerNodeKind kind = PowerNodeKind::Busway;
  QString name;
  PowerFeed feed = PowerFeed::None;
  double voltageV = 0.0;
  bool dc = false;
  Figure capacityW;  ///< continuous (busway, RPP, switchboard) or usable (UPS) capacity
  double continuousCurrentA = 0.0;
  double loadW = 0.0;  ///< normal operation, at max power
  std::array<double, 3> lineCurrentA{};
  double loadingPct = 0.0;
  double failoverLoadW = 0.0;  ///< the worst load with another feed lost
  double failoverLoadingPct = 0.0;
  PowerFeed failoverLostFeed = PowerFeed::None;
  int rackCount = 0;  ///< racks with a PDU on it, directly or below it
  // UPS only
  int moduleCount = 0;
  double moduleRatingW = 0.0;
  int modulesRequired = 0;  ///< for its design load with its redundancy
  Redundancy redundancy = Redundancy::N;
};

/// Totals of one hall.
struct HallTotals {
  HallId hallId;
  int rackCount = 0;         ///< rack positions holding racks or rack-scale systems
  int coolingUnitCount = 0;  ///< positions holding in-row coolers, CRAH units or floor CDUs
  int acceleratorCount = 0;
  Figure maxPowerW;
  Figure typicalPowerW;
  Figure designPowerW;
  int typicalFromMaxCount = 0;    ///< devices counted at max in the typical sum
  Figure coolingEquipmentPowerW;  ///< Σ cooling-equipment input power in the hall; not IT load
  double floorAreaM2 = 0.0;
  double maxPowerDensityWPerM2 = 0.0;  ///< max power over the hall's floor area
  /// The hall against its UPS: Σ usable capacity of its UPS systems and the load they carry in
  /// normal operation (0 when the hall has no UPS modelled). With 2N or A/B/C sources each
  /// system is also checked alone on a feed loss (NodeLoad::failoverLoadingPct).
  Figure upsCapacityW;
  Figure upsLoadW;
};

/// Sums of a set of racks (a selection), from the analysis.
struct RackSetTotals {
  int rackCount = 0;         ///< racks and rack-scale systems
  int coolingUnitCount = 0;  ///< floor cooling units
  double maxPowerW = 0.0;
  double typicalPowerW = 0.0;
  int typicalFromMaxCount = 0;
  int acceleratorCount = 0;
};

/// Project totals: IT and facility power, energy, cost, carbon, generators.
struct PowerTotals {
  int rackCount = 0;
  int coolingUnitCount = 0;
  int acceleratorCount = 0;
  int typicalFromMaxCount = 0;
  Figure itPowerW;  ///< Σ IT max power: the load feeds, UPS and utility are sized for
  Figure itTypicalPowerW;
  Figure itDesignPowerW;          ///< at the design workload's utilisation
  Figure coolingEquipmentPowerW;  ///< placed cooling equipment (fans, pumps), facility side
  Figure pue;      ///< annual: by cooling architecture (cooling pass) or the fixed assumption
  Figure peakPue;  ///< the PUE assumption: utility and generator sizing on the design day
  Figure facilityPowerW;        ///< IT max × peak PUE: utility and generator sizing
  Figure facilityDesignPowerW;  ///< IT design × PUE: the average draw
  Figure annualEnergyKwh;       ///< IT design × PUE × hours
  Figure annualCostUsd;
  Figure annualCarbonT;    ///< tonnes CO₂
  int generatorCount = 0;  ///< with the assumed redundancy
  Figure generatorUnitW;
};

/// A rack's fate in the simulated failure.
/// A rack's fate in the simulated failure; NotModelled for a rack with IT load but no PDU.
enum class RackVerdict { Holds, Degraded, Down, NotModelled };
QString rackVerdictKey(RackVerdict verdict);   ///< "holds", "degraded", "down", "not-modelled"
QString rackVerdictName(RackVerdict verdict);  ///< as shown: "holds", ..., "not modelled"

struct RackOutcome {
  RackVerdict verdict = RackVerdict::Holds;
  QString
      reason;  ///< why, in words: "feed A lost: DGX H100 U3 keeps 3 of 6 PSUs (9.9 kW < 10.2 kW)"
};

/// The failure simulation's result: the scenario and every rack's verdict.
struct FailureResult {
  FailureScenario scenario;
  QString description;  ///< "Feed A lost", "Busway BW-A1 lost", "One module of UPS-A lost"
  QHash<RackId, RackOutcome> racks;
  QHash<PowerNodeId, double> nodeLoadW;  ///< loads of the surviving nodes in the failure
  int holds = 0, degraded = 0, down = 0, notModelled = 0;
};

/// The power pass's result. Everything keyed by id.
struct PowerResult {
  QHash<RackId, RackPower> racks;
  QList<HallTotals> halls;  ///< in the project's hall order
  QHash<PowerNodeId, NodeLoad> nodes;
  PowerTotals totals;
  FailureResult failure;    ///< scenario None when no failure was asked for
  QList<Finding> findings;  ///< the pass's own findings; analyze() concatenates them

  /// Totals over `ids` (unknown ids are skipped).
  RackSetTotals totalsOf(const QList<RackId>& ids) const;
  const HallTotals* hall(HallId id) const;
};

}  // namespace dc
