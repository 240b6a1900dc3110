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
  int tiers = 0;              ///< 0 = auto: 1 without leaf uplinks, else 2 if it fits, else 3
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
                    ///< (every field below then keeps its default)
  int tiers = 0;
  int nodeSlotsPerSu = 0;  ///< node positions per scalable unit (32 for QM9700 DGX SU); 0 when
                           ///< not rail-optimised
  int scalableUnits = 0;   ///< 0 when not rail-optimised
  int leavesPerSu = 0;     ///< = portsPerNode when rail-optimised; 0 when not
  int leaves = 0;
  int spines = 0;
  int cores = 0;
  int pods = 0;  ///< 3-tier only: leaf groups that share a set of spines
  int leavesPerPod = 0;
  int spinesPerPod = 0;
  int linksLeafToSpine = 0;  ///< parallel links between one leaf and one of its spines
  int linksSpineToCore = 0;  ///< parallel links between one spine and one core of its plane
  int spineDownPorts = 0;    ///< 3-tier: spine ports facing leaves (splitRadix of spineRadix)
  int spineUpPorts = 0;      ///< 3-tier: spine ports facing cores
  int coresPerPlane = 0;     ///< 3-tier: cores = spinesPerPod planes x coresPerPlane
  int cablesNodeToLeaf = 0;  ///< nodes x portsPerNode + reservedPorts
  int cablesLeafToSpine = 0;
  int cablesSpineToCore = 0;
  double leafOversubscription = 1.0;  ///< leafDownPorts / leafUpPorts; 0 in one tier (no uplinks)
};

/// Sizes a two- or three-tier fat-tree (or one tier of leaves when leafUpPorts is 0).
/// Leaves: rail-optimised, slots = nodes + ceil(reservedPorts / portsPerNode) node slots in
/// ceil(slots / nodeSlotsPerSu) full scalable units of portsPerNode leaves; otherwise
/// ceil((nodes x portsPerNode + reservedPorts) / leafDownPorts) leaves.
/// 1-tier: one scalable unit (rail-optimised: rail-only, each rail a leaf of its own) or one leaf.
/// 2-tier: L leaves; spines S = the smallest divisor of leafUpPorts with S * spineRadix >=
/// L * leafUpPorts (so at most spineRadix leaves). 3-tier: the spine radix is split by
/// spineOversubscription; pods of up to spineDownPorts leaves (rounded down to whole scalable
/// units), each leaf one link to each of its pod's leafUpPorts spines; cores in leafUpPorts
/// planes (spine j of every pod), coresPerPlane = the smallest divisor of spineUpPorts with
/// coresPerPlane * spineRadix >= pods * spineUpPorts (so at most spineRadix pods). Full pods
/// of spines and all their uplinks are provisioned (k-ary fat-tree, Al-Fares et al. 2008;
/// SuperPOD Table 3). Bad or too large inputs give `problem`, never a crash.
FatTreeSizing sizeFatTree(const FatTreeInput& input);

/// Splits a switch's uniform radix into down and up ports for an oversubscription, no more
/// oversubscribed than asked (down : up <= ratio): up = ceil(radix / (1 + ratio)),
/// down = radix - up. 64 ports at 1:1 give 32/32; at 3:1 48/16. Returns false (and leaves the
/// outputs alone) for a radix < 2 or a ratio < 1 or not finite. Null outputs are skipped.
bool splitRadix(int radix, double oversubscription, int* downPorts, int* upPorts);

/// A dragonfly (Kim, Dally, Scott, Abts, ISCA 2008): p terminals per router, a routers per
/// group, h global channels per router; radix k = p + a + h - 1; groups up to a*h + 1.
/// Give p, a and h together, or none of them to balance a = 2p = 2h from the radix
/// (h = floor((radix + 1) / 4)). Each group is all-to-all inside; whole groups are provisioned;
/// every node port is a terminal.
struct DragonflyInput {
  int nodes = 0;
  int portsPerNode = 1;
  int radix = 0;               ///< router ports; 0 with explicit p, a, h: not checked
  int terminalsPerRouter = 0;  ///< p; 0: balanced a = 2p = 2h from the radix
  int routersPerGroup = 0;     ///< a
  int globalPerRouter = 0;     ///< h
};

struct DragonflySizing {
  QString problem;
  int terminalsPerRouter = 0;  ///< p
  int routersPerGroup = 0;     ///< a
  int globalPerRouter = 0;     ///< h
  int radixUsed = 0;           ///< p + a + h - 1
  int groups = 0;              ///< g needed for the endpoints (<= a*h + 1)
  int maxGroups = 0;           ///< a*h + 1
  long long maxEndpoints = 0;  ///< a*p*(a*h + 1)
  int routers = 0;             ///< a * g
  int cablesNodeToRouter = 0;
  int cablesLocal = 0;              ///< within groups: g * a(a-1)/2
  int cablesGlobal = 0;             ///< between groups: links spread evenly over group pairs
  int globalLinksPerGroupPair = 0;  ///< floor(a*h / (g - 1)); 0 for one group
};

DragonflySizing sizeDragonfly(const DragonflyInput& input);

}  // namespace dc::fabric
