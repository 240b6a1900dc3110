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
class TrayGraph final {
 public:
  /// `maxAttachMm`: a rack further than this from every tray is not reached.
  TrayGraph(const QList<TrayPath>& trays, const QList<PointMm>& rackCentresMm,
            std::int64_t maxAttachMm);

  int nodeCount() const noexcept;
  const TrayAttach& attach(int rackIndex) const;  ///< rackIndex into rackCentresMm

  /// Shortest tray-path distance in mm from `sourceNode` to every node (INT64_MAX when not
  /// connected), and each node's predecessor edge (-1 at the source) for walking paths back.
  struct Tree {
    std::vector<std::int64_t> distanceMm;
    std::vector<int> parentEdge;
  };
  Tree shortestPaths(int sourceNode) const;

  /// The edges of the path from the tree's source to `node` (empty when unreachable or same).
  void pathEdges(const Tree& tree, int node, std::vector<int>* edges) const;

  int edgeCount() const noexcept;
  int edgeTray(int edge) const;  ///< the trayIndex the edge lies on (-1 for an attach stub)
  std::int64_t edgeLengthMm(int edge) const;
  PointMm edgeFromMm(int edge) const;
  PointMm edgeToMm(int edge) const;

 private:
  struct Impl;
  std::vector<PointMm> mNodes;
  struct Edge {
    int from, to;
    int tray;
    std::int64_t lengthMm;
  };
  std::vector<Edge> mEdges;
  std::vector<std::vector<int>> mAdjacency;  ///< node -> incident edges
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
std::int64_t routedLengthMm(const TrayAttach& a, const TrayAttach& z, std::int64_t trayPathMm,
                            const RouteEnds& ends);

/// The overhead trays a hall gets when the user has drawn none: one along each row of racks
/// (over the rack centres, from the first rack's end to the last's), and cross trays joining
/// the rows at both ends of the rows (and every `crossEveryMm` between). `rows`: each row's
/// rack centres and the rack footprint half-length along the row.
struct RowLine {
  QList<PointMm> rackCentresMm;
  std::int64_t halfLengthMm = 300;
};
QList<TrayPath> defaultTrays(const QList<RowLine>& rows, std::int64_t heightMm,
                             std::int64_t crossEveryMm);

}  // namespace dc::fabric
