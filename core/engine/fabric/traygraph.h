// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/geometry.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <vector>

namespace dc::fabric {

/// One cable tray as the router sees it: a polyline on the floor at a height above it.
struct TrayPath {
  int trayIndex = 0;          ///< the caller's index (model tray, or a generated default)
  QList<PointMm> pointsMm;    ///< >= 2 vertices
  std::int64_t heightMm = 0;  ///< underside of the tray above the finished floor
};

/// Where a rack meets the tray network: the point on the nearest tray straight above or beside
/// the rack, and the horizontal run from the rack's top centre to it.
struct TrayAttach {
  bool reached = false;           ///< false: no tray within reach of this rack
  int node = -1;                  ///< graph node of the attach point
  std::int64_t horizontalMm = 0;  ///< rack top centre -> attach point, on the floor plane
  std::int64_t trayHeightMm = 0;  ///< height of the tray at the attach point
};

/// The tray network as a graph: vertices are polyline vertices, crossings of trays (at the same
/// height, or joined by a vertical drop between heights) and rack attach points; edges are tray
/// segments with their length in whole millimetres. Built once per hall; shortest paths are
/// Dijkstra from one source node (one tree per switch rack, never one per cable).
///
/// The rules, exactly:
/// - A node is a point (x, y) at a tray height: the same coordinates and height are one node,
///   whichever trays bring them (shared vertices, colinear overlaps, T-junctions).
/// - Segments of *different* trays that meet in plan (cross, touch, or overlap colinearly) are
///   split at the meeting points (Boost.Geometry segment intersection in double, rounded to whole
///   mm); a tray crossing itself is not split. Overlapping stretches keep one edge per tray.
/// - Every rack attaches at the closest point of the nearest tray segment (the projection of its
///   centre, clamped to the segment and rounded to whole mm); ties of the rounded distance go to
///   the lowest trayIndex, then the lower segment of that tray. The segment is split there.
/// - Edge length = Euclidean distance between its nodes, std::llround to whole mm.
/// - Nodes at the same plan point but different heights (trays at two heights crossing in plan)
///   are joined by a vertical edge of |h1 - h2| mm, consecutive heights only; its edgeTray is -1.
/// Construction is O((s + r) log s + crossings) for s segments and r racks: one packed R-tree of
/// segment boxes answers both the crossing and the nearest-segment queries.
class TrayGraph final {
 public:
  /// `maxAttachMm`: a rack further than this (rounded horizontal distance) from every tray is not
  /// reached: attach().reached is false and node -1.
  TrayGraph(const QList<TrayPath>& trays, const QList<PointMm>& rackCentresMm,
            std::int64_t maxAttachMm);

  int nodeCount() const noexcept;
  PointMm nodeMm(int node) const;                 ///< plan position of a node
  std::int64_t nodeHeightMm(int node) const;      ///< tray height at a node
  const TrayAttach& attach(int rackIndex) const;  ///< rackIndex into rackCentresMm

  /// Shortest tray-path distance in mm from `sourceNode` to every node (INT64_MAX when not
  /// connected), and each node's predecessor edge (-1 at the source) for walking paths back.
  /// Of equal distances the predecessor that got there first stays: the same tree every run.
  struct Tree {
    std::vector<std::int64_t> distanceMm;
    std::vector<int> parentEdge;
    std::vector<int> settled;  ///< the reached nodes, source first, each after its predecessor
  };
  Tree shortestPaths(int sourceNode) const;

  /// The edges of the path from the tree's source to `node`, in order from the source (empty
  /// when unreachable or same). `edges` is cleared first.
  void pathEdges(const Tree& tree, int node, std::vector<int>* edges) const;

  /// Adds to (*edgeLoad)[e], for every edge e of the tree, the sum of `nodeLoad` over the nodes
  /// whose path from the source runs through e: the same sums as adding nodeLoad[z] along
  /// pathEdges(tree, z) for every node z, but in O(nodes) for the whole tree, not O(path) per
  /// cable (tray fill of every cable from one switch rack at once). `nodeLoad` has nodeCount()
  /// entries; `edgeLoad` is grown to edgeCount() when shorter and otherwise only added to.
  void addTreeLoads(const Tree& tree, const std::vector<double>& nodeLoad,
                    std::vector<double>* edgeLoad) const;

  int edgeCount() const noexcept;
  int edgeTray(int edge) const;  ///< the trayIndex the edge lies on (-1 for a vertical join)
  std::int64_t edgeLengthMm(int edge) const;
  PointMm edgeFromMm(int edge) const;
  PointMm edgeToMm(int edge) const;
  int edgeFrom(int edge) const;  ///< node at the edge's from end
  int edgeTo(int edge) const;    ///< node at the edge's to end

 private:
  std::vector<PointMm> mNodes;
  std::vector<std::int64_t> mNodeHeightsMm;
  struct Edge {
    int from, to;
    int tray;
    std::int64_t lengthMm;
  };
  std::vector<Edge> mEdges;
  /// node -> incident edges, flattened: node n's arcs are mAdjacency[mAdjacencyStart[n] ..
  /// mAdjacencyStart[n + 1]), each with the far node and the length, for Dijkstra.
  struct Arc {
    int edge;
    int to;
    std::int64_t lengthMm;
  };
  std::vector<int> mAdjacencyStart;
  std::vector<Arc> mAdjacency;
  std::vector<TrayAttach> mAttach;
};

/// Routed length of one cable between two racks attached to the graph, per formulas.md §3.5:
/// A-end vertical rise (tray height - port height) + A horizontal stub + tray path + Z stub +
/// Z vertical drop + slack at each end. All in whole millimetres.
struct RouteEnds {
  std::int64_t portHeightAMm = 0;
  std::int64_t portHeightZMm = 0;
  std::int64_t slackPerEndMm = 0;
};
/// Each vertical part (tray height - port height) clamps to 0 when the port is above the tray.
/// When both ends attach to the same node the tray path is 0, whatever `trayPathMm` says. When
/// either end is not reached, or `trayPathMm` is INT64_MAX (not connected), the result is
/// INT64_MAX: there is no route.
std::int64_t routedLengthMm(const TrayAttach& a, const TrayAttach& z, std::int64_t trayPathMm,
                            const RouteEnds& ends);

/// The overhead trays a hall gets when the user has drawn none: one along each row of racks
/// (over the rack centres, from the first rack's end to the last's), and cross trays joining
/// the rows at both ends of the rows (and every `crossEveryMm` between). `rows`: each row's
/// rack centres and the rack footprint half-length along the row.
///
/// The rule, exactly:
/// - A row's axis is the one along which its centres spread most (max - min); a tie, and a row
///   of one rack, take the x axis. Rows without racks are skipped.
/// - Row tray: a straight two-point line at the row's perpendicular coordinate (the rounded mean
///   of its centres'), from (min along the axis - halfLengthMm) to (max + halfLengthMm), lowest
///   coordinate first.
/// - Cross trays run along the other axis, perpendicular to the rows of the majority axis (a tie
///   takes x rows; rows of the other axis get their row tray but shape no cross tray). They sit
///   at the lowest row-tray start and the highest row-tray end over those rows, and every
///   `crossEveryMm` from the lowest (strictly between; none when crossEveryMm <= 0), each from
///   the lowest row line to the highest, lowest coordinate first. With a single row line there
///   are no cross trays. With two or more, every row tray of the majority axis is extended to
///   that lowest start and highest end, so a row shorter than its neighbours still meets the
///   cross trays.
/// - Order and trayIndex: the row trays in row order, then the cross trays by coordinate;
///   trayIndex = position in the returned list. Every tray at `heightMm`.
struct RowLine {
  QList<PointMm> rackCentresMm;
  std::int64_t halfLengthMm = 300;
};
QList<TrayPath> defaultTrays(const QList<RowLine>& rows, std::int64_t heightMm,
                             std::int64_t crossEveryMm);

}  // namespace dc::fabric
