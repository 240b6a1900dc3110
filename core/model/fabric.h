// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geometry.h"
#include "ids.h"

#include <QList>
#include <QString>

namespace dc {

/// Which network a fabric is: it connects the node ports of the same purpose in the catalog.
enum class FabricKind { Compute, Storage, InBand, OutOfBand };

QString fabricKindKey(FabricKind kind);   ///< "compute", "storage", "in-band", "out-of-band"
QString fabricKindName(FabricKind kind);  ///< "Compute fabric", ...
bool fabricKindFromKey(const QString& key, FabricKind* kind);

/// How the switches are wired: a folded-Clos fat-tree (2 or 3 tiers), or a dragonfly (groups
/// of routers, local links inside a group and global links between groups).
enum class FabricTopology { FatTree, Dragonfly };

QString fabricTopologyKey(FabricTopology topology);   ///< "fat-tree", "dragonfly"
QString fabricTopologyName(FabricTopology topology);  ///< "Fat-tree", "Dragonfly"
bool fabricTopologyFromKey(const QString& key, FabricTopology* topology);

/// One network of a hall as the architect specifies it. The fabric pass generates its switches'
/// roles and every cable from this and from what is placed on the floor: the nodes are the
/// mounted devices with ports of the fabric's purpose; the switches are the mounted items of
/// `leafSwitchId` (and `spineSwitchId`) in the fabric's switch racks.
struct FabricSpec {
  FabricSpecId id;
  HallId hallId;
  QString name;  ///< "Compute fabric"
  FabricKind kind = FabricKind::Compute;
  FabricTopology topology = FabricTopology::FatTree;
  QString leafSwitchId;                ///< catalog id of the leaf (and dragonfly router) switch
  QString spineSwitchId;               ///< spine and core switch; empty: the leaf model
  double leafOversubscription = 1.0;   ///< node-facing : spine-facing bandwidth at a leaf, >= 1
  double spineOversubscription = 1.0;  ///< leaf-facing : core-facing at a spine (3 tiers), >= 1
  int tiers = 0;                       ///< 0: the fewest that hold the nodes; else 1, 2 or 3
  bool railOptimised = true;           ///< port i of every node of a scalable unit to leaf i
  int suNodes = 0;                     ///< node slots per scalable unit; 0: the leaf's down ports
  int reservedPorts = 0;               ///< leaf ports kept for the design (UFM: 4)
  /// The racks whose switches this fabric uses, in order; empty: every rack of the hall holding
  /// its switch model that no other fabric of the hall names.
  QList<RackId> switchRackIds;

  friend bool operator==(const FabricSpec&, const FabricSpec&) = default;
};

/// What a tray is built as: the share of its cross-section cables may fill differs.
enum class TrayKind { Ladder, WireMesh, SolidBottom };

QString trayKindKey(TrayKind kind);   ///< "ladder", "wire-mesh", "solid-bottom"
QString trayKindName(TrayKind kind);  ///< "Ladder", "Wire mesh", "Solid bottom"
bool trayKindFromKey(const QString& key, TrayKind* kind);

/// A cable tray drawn in a hall: a polyline on the floor plan at a height, with its cross-section.
/// Cables are routed rack -> tray -> ... -> rack along the trays by shortest path.
struct CableTray {
  CableTrayId id;
  HallId hallId;
  QString name;           ///< "T-1"
  QList<PointMm> pathMm;  ///< Invariant: >= 2 vertices
  int heightMm = 2800;    ///< underside of the tray above the finished floor
  int widthMm = 600;
  int depthMm = 100;  ///< usable depth of the cable bed
  TrayKind kind = TrayKind::Ladder;

  friend bool operator==(const CableTray&, const CableTray&) = default;
};

/// Why a fabric spec cannot be used, naming the field; empty when it can.
QString fabricSpecProblem(const FabricSpec& spec);
/// Why a tray cannot be used (fewer than 2 vertices, zero length, sizes out of range); empty
/// when it can. Whether it lies inside its hall is the engine's finding.
QString cableTrayProblem(const CableTray& tray);

}  // namespace dc
