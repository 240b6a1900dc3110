// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "fabricsizing.h"
#include "model/fabric.h"
#include "model/geometry.h"
#include "model/ids.h"

#include <QHash>
#include <QList>
#include <QString>

#include <cstdint>
#include <vector>

namespace dc {

/// Which tier a link belongs to.
enum class LinkTier : std::uint8_t {
  NodeToLeaf,  ///< a node port to a leaf (or dragonfly router) port
  Reserved,    ///< a leaf port the design reserves (UFM); no device at the A end
  LeafToSpine,
  SpineToCore,
  Local,   ///< dragonfly: router to router inside a group
  Global,  ///< dragonfly: router to router between groups
};
QString linkTierKey(LinkTier tier);   ///< "node-leaf", "reserved", "leaf-spine", ...
QString linkTierName(LinkTier tier);  ///< "Node to leaf", ...

/// The role a placed switch plays in its fabric.
enum class SwitchRole : std::uint8_t { Leaf, Spine, Core, Router };
QString switchRoleName(SwitchRole role);  ///< "Leaf", "Spine", "Core", "Router"

/// One end of a cable: a port of a mounted device (or a rack-scale system's tray).
struct CableEnd {
  int rackIndex =
      -1;  ///< into Project::racks(); -1: not placed (a missing switch, a reserved port)
  int mountIndex = -1;  ///< into the rack's mounts(); -1: the rack-scale system itself
  int device = -1;      ///< the fabric's device index (FabricSummary::devices)
  int port = 0;         ///< 0-based port of the device in this fabric
};

/// One cable of the generated fabric. Compact: a 100,000-GPU hall has 200,000 of them.
struct Cable {
  int fabric = 0;  ///< index into FabricResult::fabrics
  LinkTier tier = LinkTier::NodeToLeaf;
  CableEnd a;  ///< the lower-tier end (node, or leaf for leaf-spine)
  CableEnd z;  ///< the switch end (leaf, spine, core)
  double speedGbps = 0.0;
  std::int64_t routedMm =
      -1;           ///< routed length; -1 when not routed (an end not placed or unreached)
  int choice = -1;  ///< index into FabricResult::choices; -1: no medium (not routed, or too long)
};

/// The medium chosen for a set of links: a cable part at a stocked length, and the
/// transceiver at each end when the cable is a fibre.
struct LinkChoice {
  QString mediaClass;  ///< catalog link.media: "passive-copper", "multimode", ...
  QString cableId;     ///< catalog item of the cable (or AOC / DAC)
  QString partNumber;  ///< the cable's part number at this length ("MFP7E10-N030"); may be empty
  std::int64_t stockLengthMm = 0;  ///< the stocked length the routed length rounds up to
  bool madeToLength = false;       ///< longer than every stocked length (but within reach)
  QString transceiverAId;          ///< empty for copper and AOC
  QString transceiverZId;
  double reachM = 0.0;     ///< the link's reach: the least of cable and transceivers
  double speedGbps = 0.0;  ///< per link
  double diameterMm = 0.0;
  int linksPerCable = 1;  ///< 2 for a twin-port DAC

  friend bool operator==(const LinkChoice&, const LinkChoice&) = default;
};

/// A device the fabric connects or is built from.
struct FabricDevice {
  int rackIndex = -1;  ///< -1 for a switch the design needs but the floor does not hold
  int mountIndex = -1;
  QString catalogId;
  SwitchRole role = SwitchRole::Leaf;  ///< switches only
  bool isSwitch = false;
  int ports = 0;         ///< ports used by this fabric (node ports, or the switch radix)
  int portsPerCage = 1;  ///< for transceiver counts
  QString cage;          ///< the device's cage in this fabric ("osfp-twin-flat")
  int upFromPort = -1;   ///< leaves with separate uplink ports: the first of them; else -1
  QString upCage;        ///< their cage
  int upPortsPerCage = 1;
  int scalableUnit = -1;  ///< nodes and leaves of a rail-optimised fabric; -1 otherwise
  int rail = -1;          ///< leaves: the rail (port index of the nodes) it serves
};

/// A line of the cables and optics bill of materials.
struct FabricBomLine {
  QString catalogId;
  QString partNumber;
  QString description;  ///< the catalog model, "+ length" for cables
  bool isTransceiver = false;
  std::int64_t lengthMm = 0;  ///< cables: the stocked length; 0 for transceivers
  int count = 0;
  double powerWEach = 0.0;  ///< transceivers: catalog power per module
  QString fabricName;
  int fabric = -1;  ///< index into FabricResult::fabrics (names may repeat across halls)

  friend bool operator==(const FabricBomLine&, const FabricBomLine&) = default;
};

/// One fabric as generated: its sizing, its devices, per-tier counts and figures.
struct FabricSummary {
  FabricSpecId specId;
  HallId hallId;
  QString name;
  FabricKind kind = FabricKind::Compute;
  FabricTopology topology = FabricTopology::FatTree;
  QString leafSwitchId;
  QString spineSwitchId;
  fabric::FatTreeSizing sizing;       ///< fat-tree fabrics
  fabric::DragonflySizing dragonfly;  ///< dragonfly fabrics
  QList<FabricDevice> devices;        ///< nodes first, then switches (leaves, spines, cores)
  int nodes = 0;
  int nodePorts = 0;  ///< ports per node in this fabric
  /// Speed of one node-to-leaf link (the slower of the node's and the leaf's ports); 0 until
  /// the fabric is sized. nodePorts x this / GPUs per node is the injection bandwidth per GPU.
  double nodePortSpeedGbps = 0.0;
  /// Bandwidth oversubscription between the nodes and the top of the tree: leaf down / up
  /// bandwidth (x the spine's in three tiers); 1 for one tier and for dragonflies (minimal
  /// routing over a balanced a = 2p = 2h group). The fit pass divides by it.
  double oversubscription = 1.0;
  int gpus = 0;            ///< accelerators of the connected nodes
  int scaleUpDomains = 0;  ///< rack-scale NVLink domains among the nodes
  int switchesNeeded = 0;
  int switchesPlaced = 0;    ///< of those, how many stand on the floor
  int cablesNodeToLeaf = 0;  ///< incl. reserved ports (SP-H100 Table 4 "compute + UFM")
  int cablesReserved = 0;
  int cablesLeafToSpine = 0;
  int cablesSpineToCore = 0;
  int cablesLocal = 0;
  int cablesGlobal = 0;
  int physicalCables = 0;  ///< after twin-port cables carrying 2 links
  int transceiversSwitchSide = 0;
  int transceiversNodeSide = 0;
  double opticsPowerW = 0.0;  ///< all transceivers of the fabric
  int routedLinks = 0;
  int unroutedLinks = 0;
  std::int64_t longestLinkMm = 0;
  int longestCable = -1;  ///< index into FabricResult::cables
  int firstCable = 0;     ///< this fabric's cables are [firstCable, firstCable + cableCount)
  int cableCount = 0;
  /// The routes of the longest links (longest first, up to 5), floor-plan polylines from rack
  /// to rack over the trays, for the overlay to highlight.
  QList<QList<PointMm>> longestRoutesMm;
  QList<int> longestCables;  ///< the same links' indices into FabricResult::cables
};

/// A tray of the routing network (drawn, or generated when the hall has none) and its fill.
struct TrayUse {
  HallId hallId;
  CableTrayId trayId;  ///< null for a generated default tray
  QString name;
  QList<PointMm> pathMm;
  int heightMm = 0;
  double widthMm = 0.0;
  double capacityMm2 = 0.0;  ///< width x depth
  double fillLimitPct = 50.0;
  double worstFillPct = 0.0;  ///< the fullest segment
  double cableAreaMm2 = 0.0;  ///< cross-sections on the fullest segment
  int cablesOnWorst = 0;
  /// Per segment of the path (pathMm.size() - 1): links crossing it, by media class key.
  QList<QHash<QString, int>> segmentLinks;
  QList<double> segmentFillPct;  ///< per segment: cable cross-sections / width x depth, in %
};

/// The network-rack position that minimises the longest link, against the current placement.
struct PlacementSuggestion {
  int fabric = -1;
  int rackIndex = -1;  ///< the rack position suggested for the fabric's switches
  std::int64_t currentLongestMm = 0;
  std::int64_t suggestedLongestMm = 0;
  QString message;
};

/// What the fabric pass computes: every fabric of every hall, each cable with its route and
/// medium, the cables/optics BOM, tray fill and the optics power it adds to racks.
struct FabricResult {
  QList<FabricSummary> fabrics;
  std::vector<Cable> cables;
  QList<LinkChoice> choices;
  QList<FabricBomLine> bom;
  QList<TrayUse> trays;
  QHash<RackId, double> opticsWByRack;  ///< transceiver power the power pass adds, per rack
  /// The same per device: a mount's id, or a rack-scale system's rack id. The power pass adds it
  /// to the device's max, typical and design power, so PDU, feed, busway and UPS loads carry it.
  QHash<QUuid, double> opticsWByDevice;
  double opticsPowerW = 0.0;
  int totalCables = 0;
  QList<Finding> findings;
};

}  // namespace dc
