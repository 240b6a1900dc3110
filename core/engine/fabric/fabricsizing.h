// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc::fabric {

/// What sizes one fat-tree: the endpoints it connects and the switches it is built from.
/// Pure numbers, no catalog: the fabric pass and `dcstudio-cli fabric` fill it from catalog
/// ports. The published NVIDIA SuperPOD counts are checks on the result, not the algorithm
/// (formulas.md §3.1-3.3, reference-cases.md cases 1, 2, 4, 10).
struct FatTreeInput {
  int nodes = 0;                       ///< endpoints (servers, compute trays, storage controllers)
  int portsPerNode = 1;                ///< fabric ports of each node (8 for a DGX compute fabric)
  int leafDownPorts = 0;               ///< leaf ports facing nodes
  int leafUpPorts = 0;                 ///< leaf ports facing spines (0: a single-tier fabric)
  int spineRadix = 0;                  ///< ports of a spine (and core) switch at the uplink speed
  double spineOversubscription = 1.0;  ///< spine down:up in a 3-tier tree (>= 1)
  int tiers = 0;                       ///< 0 = auto (the fewest that fit), 1, 2 or 3
  int reservedPorts = 0;      ///< leaf ports the design reserves (UFM: 4), taken in node slots
  bool railOptimised = true;  ///< port i of every node of a scalable unit to leaf i
  int suNodes = 0;            ///< node slots per scalable unit; 0 = leafDownPorts
};

/// The counts of one sized fat-tree. Every leaf spreads its uplinks evenly over the spines
/// (and every spine over the cores of its plane), and the full scalable unit / pod is
/// provisioned even when partly filled (NVIDIA SP-H100: "the fabric should be designed to
/// support the full SU").
struct FatTreeSizing {
  QString problem;  ///< empty when the inputs could be sized; else what is wrong, in words
  int tiers = 0;
  int nodeSlotsPerSu = 0;  ///< node positions per scalable unit (32 for QM9700 DGX SU)
  int scalableUnits = 0;
  int leavesPerSu = 0;  ///< = portsPerNode when rail-optimised
  int leaves = 0;
  int spines = 0;
  int cores = 0;
  int pods = 0;  ///< 3-tier only: leaf groups that share a set of spines
  int leavesPerPod = 0;
  int spinesPerPod = 0;
  int linksLeafToSpine = 0;  ///< parallel links between one leaf and one of its spines
  int linksSpineToCore = 0;  ///< parallel links between one spine and one core of its plane
  int spineUpPorts = 0;      ///< 3-tier: spine ports facing cores
  int cablesNodeToLeaf = 0;  ///< nodes x portsPerNode + reservedPorts
  int cablesLeafToSpine = 0;
  int cablesSpineToCore = 0;
  double leafOversubscription = 1.0;  ///< node-facing / spine-facing bandwidth at a leaf
};

/// Sizes a two- or three-tier fat-tree (or one tier of leaves when leafUpPorts is 0).
/// 2-tier: L leaves; spines S = the smallest divisor of leafUpPorts with S * spineRadix >=
/// L * leafUpPorts. 3-tier: pods of spineDown leaves, leafUpPorts spines per pod, cores in
/// leafUpPorts planes (k-ary fat-tree, Al-Fares et al. 2008; SuperPOD Table 3).
FatTreeSizing sizeFatTree(const FatTreeInput& input);

/// Splits a switch's uniform radix into leaf down and up ports for an oversubscription
/// (down : up >= ratio): up = ceil(radix / (1 + ratio)), down = radix - up. 64 ports at 1:1
/// give 32/32; at 3:1 48/16. Returns false for a radix < 2 or a ratio < 1.
bool splitRadix(int radix, double oversubscription, int* downPorts, int* upPorts);

/// A dragonfly (Kim, Dally, Scott, Abts, ISCA 2008): p terminals per router, a routers per
/// group, h global channels per router; radix k = p + a + h - 1; groups up to a*h + 1.
struct DragonflyInput {
  int nodes = 0;
  int portsPerNode = 1;
  int radix = 0;
  int terminalsPerRouter = 0;  ///< p; 0: balanced a = 2p = 2h from the radix
  int routersPerGroup = 0;     ///< a
  int globalPerRouter = 0;     ///< h
};

struct DragonflySizing {
  QString problem;
  int terminalsPerRouter = 0;  ///< p
  int routersPerGroup = 0;     ///< a
  int globalPerRouter = 0;     ///< h
  int groups = 0;              ///< g needed for the endpoints (<= a*h + 1)
  int maxGroups = 0;           ///< a*h + 1
  long long maxEndpoints = 0;  ///< a*p*(a*h + 1)
  int routers = 0;             ///< a * g
  int cablesNodeToRouter = 0;
  int cablesLocal = 0;   ///< within groups: g * a(a-1)/2
  int cablesGlobal = 0;  ///< between groups: links spread evenly over group pairs
  int globalLinksPerGroupPair = 0;
};

DragonflySizing sizeDragonfly(const DragonflyInput& input);

}  // namespace dc::fabric
