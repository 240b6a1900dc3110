// SPDX-License-Identifier: GPL-3.0-or-later
#include "traygraph.h"

// Boost.Geometry 1.74's rescale policy trips GCC 12's -Wmaybe-uninitialized inside Boost's own
// code once inlined here; the warning is Boost's (fixed upstream), not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// geometry.hpp still includes boost/detail/no_exceptions_support.hpp, which 1.74 deprecates with
// a #pragma message in every build; the header is Boost's to update, not ours.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <queue>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/segment.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <unordered_map>
#include <utility>

namespace dc::fabric {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
// Millimetres as doubles: exact for integers up to 2^53 mm, far beyond any hall.
using BgPoint = bg::model::d2::point_xy<double>;
using BgSegment = bg::model::segment<BgPoint>;
using BgBox = bg::model::box<BgPoint>;
using BoxValue = std::pair<BgBox, int>;  // a segment's envelope and its index
using SegmentTree = bgi::rtree<BoxValue, bgi::rstar<16>>;

constexpr std::int64_t kUnreached = std::numeric_limits<std::int64_t>::max();

BgPoint toBg(PointMm p) {
  return BgPoint(double(p.xMm), double(p.yMm));
}

std::int64_t lengthMm(PointMm a, PointMm b) {
  return std::llround(std::hypot(double(b.xMm - a.xMm), double(b.yMm - a.yMm)));
}

/// One straight piece of a tray.
struct Segment {
  PointMm a, b;
  std::int64_t heightMm;
  int trayPos;    ///< position in the caller's list (which trays may split each other)
  int trayIndex;  ///< the caller's index (ties, edgeTray)
  int order;      ///< segment order within the tray
};

struct NodeKey {
  std::int64_t x, y, h;
  friend bool operator==(const NodeKey&, const NodeKey&) = default;
};

struct NodeKeyHash {
  std::size_t operator()(const NodeKey& k) const noexcept {
    std::uint64_t v = std::uint64_t(k.x) * 0x9E3779B97F4A7C15ULL;
    v ^= std::uint64_t(k.y) + 0x7F4A7C159E3779B9ULL + (v << 6) + (v >> 2);
    v ^= std::uint64_t(k.h) + 0x94D049BB133111EBULL + (v << 6) + (v >> 2);
    return std::size_t(v);
  }
};

/// The closest point of segment [a, b] to `c`, rounded to whole mm.
PointMm closestPoint(const Segment& s, PointMm c) {
  const double dx = double(s.b.xMm - s.a.xMm);
  const double dy = double(s.b.yMm - s.a.yMm);
  const double t = std::clamp(
      (double(c.xMm - s.a.xMm) * dx + double(c.yMm - s.a.yMm) * dy) / (dx * dx + dy * dy), 0.0,
      1.0);
  return PointMm{s.a.xMm + std::llround(t * dx), s.a.yMm + std::llround(t * dy)};
}

std::int64_t squaredMm2(PointMm a, PointMm b) {
  const std::int64_t dx = b.xMm - a.xMm;
  const std::int64_t dy = b.yMm - a.yMm;
  return dx * dx + dy * dy;
}

}  // namespace

TrayGraph::TrayGraph(const QList<TrayPath>& trays, const QList<PointMm>& rackCentresMm,
                     std::int64_t maxAttachMm) {
  std::unordered_map<NodeKey, int, NodeKeyHash> nodeIds;
  auto nodeAt = [&](PointMm p, std::int64_t h) {
    const auto [it, added] = nodeIds.try_emplace(NodeKey{p.xMm, p.yMm, h}, int(mNodes.size()));
    if (added) {
      mNodes.push_back(p);
      mNodeHeightsMm.push_back(h);
    }
    return it->second;
  };

  // Segments, and a node at every vertex (a tray of one repeated point is a lone node).
  std::vector<Segment> segments;
  std::vector<std::vector<int>> splits;  // per segment: the nodes on it, ends included
  for (int t = 0; t < trays.size(); ++t) {
    const TrayPath& tray = trays[t];
    int order = 0;
    for (int i = 0; i < tray.pointsMm.size(); ++i) {
      const int node = nodeAt(tray.pointsMm[i], tray.heightMm);
      if (i == 0 || tray.pointsMm[i] == tray.pointsMm[i - 1]) {
        continue;
      }
      segments.push_back(Segment{tray.pointsMm[i - 1], tray.pointsMm[i], tray.heightMm, t,
                                 tray.trayIndex, order++});
      splits.push_back({nodeAt(tray.pointsMm[i - 1], tray.heightMm), node});
    }
  }

  std::vector<BoxValue> boxes;
  boxes.reserve(segments.size());
  for (int i = 0; i < int(segments.size()); ++i) {
    BgBox box;
    bg::envelope(BgSegment(toBg(segments[i].a), toBg(segments[i].b)), box);
    boxes.emplace_back(box, i);
  }
  const SegmentTree tree(boxes.begin(), boxes.end());  // packed (bulk) construction

  // Crossings of different trays: each pair once (j > i), candidates from the R-tree.
  std::vector<BoxValue> hits;
  std::vector<BgPoint> points;
  for (int i = 0; i < int(segments.size()); ++i) {
    hits.clear();
    tree.query(bgi::intersects(boxes[std::size_t(i)].first), std::back_inserter(hits));
    const Segment& si = segments[std::size_t(i)];
    const BgSegment bi(toBg(si.a), toBg(si.b));
    for (const BoxValue& hit : hits) {
      const int j = hit.second;
      const Segment& sj = segments[std::size_t(j)];
      if (j <= i || sj.trayPos == si.trayPos) {
        continue;
      }
      points.clear();
      bg::intersection(bi, BgSegment(toBg(sj.a), toBg(sj.b)), points);
      for (const BgPoint& q : points) {
        const PointMm p{std::llround(q.x()), std::llround(q.y())};
        splits[std::size_t(i)].push_back(nodeAt(p, si.heightMm));
        splits[std::size_t(j)].push_back(nodeAt(p, sj.heightMm));
      }
    }
  }

  // Attach points: the k nearest segment boxes (k doubling) until no box left out can hold a
  // segment as near: a segment's rounded distance is within 0.71 mm of its true one, which is
  // >= its box's distance.
  mAttach.resize(std::size_t(rackCentresMm.size()));
  std::vector<BoxValue> nearest;
  for (int r = 0; r < rackCentresMm.size(); ++r) {
    const PointMm c = rackCentresMm[r];
    const BgPoint bc = toBg(c);
    int best = -1;
    std::int64_t bestSq = 0;
    PointMm bestPoint;
    for (unsigned k = 4;; k *= 2) {
      nearest.clear();
      tree.query(bgi::nearest(bc, k), std::back_inserter(nearest));
      double farthestBoxMm = 0.0;
      for (const BoxValue& value : nearest) {
        farthestBoxMm = std::max(farthestBoxMm, double(bg::distance(bc, value.first)));
        const Segment& s = segments[std::size_t(value.second)];
        const PointMm p = closestPoint(s, c);
        const std::int64_t sq = squaredMm2(c, p);
        if (best >= 0) {
          const Segment& b = segments[std::size_t(best)];
          if (std::tie(sq, s.trayIndex, s.trayPos, s.order) >=
              std::tie(bestSq, b.trayIndex, b.trayPos, b.order)) {
            continue;
          }
        }
        best = value.second;
        bestSq = sq;
        bestPoint = p;
      }
      const double reachMm = best >= 0 ? std::sqrt(double(bestSq)) : double(maxAttachMm);
      if (nearest.size() < k || farthestBoxMm > reachMm + 1.0) {
        break;
      }
    }
    if (best < 0) {
      continue;
    }
    const std::int64_t horizontalMm = std::llround(std::sqrt(double(bestSq)));
    if (horizontalMm > maxAttachMm) {
      continue;
    }
    const Segment& s = segments[std::size_t(best)];
    TrayAttach& a = mAttach[std::size_t(r)];
    a.reached = true;
    a.node = nodeAt(bestPoint, s.heightMm);
    a.horizontalMm = horizontalMm;
    a.trayHeightMm = s.heightMm;
    splits[std::size_t(best)].push_back(a.node);
  }

  // Split every segment at its nodes, in order along it.
  std::vector<std::pair<std::int64_t, int>> along;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    const std::int64_t dx = s.b.xMm - s.a.xMm;
    const std::int64_t dy = s.b.yMm - s.a.yMm;
    along.clear();
    for (const int n : splits[i]) {
      const PointMm p = mNodes[std::size_t(n)];
      along.emplace_back((p.xMm - s.a.xMm) * dx + (p.yMm - s.a.yMm) * dy, n);
    }
    std::sort(along.begin(), along.end());
    along.erase(std::unique(along.begin(), along.end()), along.end());
    for (std::size_t k = 1; k < along.size(); ++k) {
      const int from = along[k - 1].second;
      const int to = along[k].second;
      if (from != to) {
        mEdges.push_back(Edge{from, to, s.trayIndex,
                              lengthMm(mNodes[std::size_t(from)], mNodes[std::size_t(to)])});
      }
    }
  }

  // Vertical joins between heights at one plan point.
  std::vector<int> byPlace(mNodes.size());
  for (std::size_t n = 0; n < byPlace.size(); ++n) {
    byPlace[n] = int(n);
  }
  auto place = [&](int n) {
    return std::tuple(mNodes[std::size_t(n)].xMm, mNodes[std::size_t(n)].yMm,
                      mNodeHeightsMm[std::size_t(n)]);
  };
  std::sort(byPlace.begin(), byPlace.end(), [&](int l, int r) { return place(l) < place(r); });
  for (std::size_t k = 1; k < byPlace.size(); ++k) {
    const int lower = byPlace[k - 1];
    const int upper = byPlace[k];
    if (mNodes[std::size_t(lower)] == mNodes[std::size_t(upper)]) {
      mEdges.push_back(
          Edge{lower, upper, -1,
               mNodeHeightsMm[std::size_t(upper)] - mNodeHeightsMm[std::size_t(lower)]});
    }
  }

  // Flat adjacency (counting sort by node, edges in index order).
  mAdjacencyStart.assign(mNodes.size() + 1, 0);
  for (const Edge& e : mEdges) {
    ++mAdjacencyStart[std::size_t(e.from) + 1];
    ++mAdjacencyStart[std::size_t(e.to) + 1];
  }
  for (std::size_t n = 0; n < mNodes.size(); ++n) {
    mAdjacencyStart[n + 1] += mAdjacencyStart[n];
  }
  mAdjacency.resize(mEdges.size() * 2);
  std::vector<int> fill(mAdjacencyStart.begin(), mAdjacencyStart.end() - 1);
  for (int e = 0; e < int(mEdges.size()); ++e) {
    const Edge& edge = mEdges[std::size_t(e)];
    mAdjacency[std::size_t(fill[std::size_t(edge.from)]++)] = Arc{e, edge.to, edge.lengthMm};
    mAdjacency[std::size_t(fill[std::size_t(edge.to)]++)] = Arc{e, edge.from, edge.lengthMm};
  }
}

int TrayGraph::nodeCount() const noexcept {
  return int(mNodes.size());
}

PointMm TrayGraph::nodeMm(int node) const {
  return mNodes.at(std::size_t(node));
}

std::int64_t TrayGraph::nodeHeightMm(int node) const {
  return mNodeHeightsMm.at(std::size_t(node));
}

const TrayAttach& TrayGraph::attach(int rackIndex) const {
  return mAttach.at(std::size_t(rackIndex));
}

TrayGraph::Tree TrayGraph::shortestPaths(int sourceNode) const {
  Tree tree;
  tree.distanceMm.assign(mNodes.size(), kUnreached);
  tree.parentEdge.assign(mNodes.size(), -1);
  tree.settled.reserve(mNodes.size());
  if (sourceNode < 0 || sourceNode >= int(mNodes.size())) {
    return tree;
  }
  using Item = std::pair<std::int64_t, int>;  // distance, node
  std::vector<Item> heapStorage;
  heapStorage.reserve(mNodes.size());
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap(std::greater<>(),
                                                                    std::move(heapStorage));
  tree.distanceMm[std::size_t(sourceNode)] = 0;
  heap.emplace(0, sourceNode);
  while (!heap.empty()) {
    const auto [d, n] = heap.top();
    heap.pop();
    if (d != tree.distanceMm[std::size_t(n)]) {
      continue;  // a stale entry: the node was settled closer
    }
    tree.settled.push_back(n);
    const int end = mAdjacencyStart[std::size_t(n) + 1];
    for (int k = mAdjacencyStart[std::size_t(n)]; k < end; ++k) {
      const Arc& arc = mAdjacency[std::size_t(k)];
      const std::int64_t via = d + arc.lengthMm;
      std::int64_t& best = tree.distanceMm[std::size_t(arc.to)];
      if (via < best) {
        best = via;
        tree.parentEdge[std::size_t(arc.to)] = arc.edge;
        heap.emplace(via, arc.to);
      }
    }
  }
  return tree;
}

void TrayGraph::pathEdges(const Tree& tree, int node, std::vector<int>* edges) const {
  edges->clear();
  if (node < 0 || node >= int(tree.parentEdge.size()) ||
      tree.distanceMm[std::size_t(node)] == kUnreached) {
    return;
  }
  for (int e = tree.parentEdge[std::size_t(node)]; e >= 0; e = tree.parentEdge[std::size_t(node)]) {
    edges->push_back(e);
    const Edge& edge = mEdges[std::size_t(e)];
    node = edge.from == node ? edge.to : edge.from;
  }
  std::reverse(edges->begin(), edges->end());
}

void TrayGraph::addTreeLoads(const Tree& tree, const std::vector<double>& nodeLoad,
                             std::vector<double>* edgeLoad) const {
  if (edgeLoad->size() < mEdges.size()) {
    edgeLoad->resize(mEdges.size(), 0.0);
  }
  std::vector<double> below(nodeLoad);  // each node's load plus everything hanging below it
  below.resize(mNodes.size(), 0.0);
  for (auto it = tree.settled.rbegin(); it != tree.settled.rend(); ++it) {
    const int n = *it;
    const int e = tree.parentEdge[std::size_t(n)];
    if (e < 0) {
      continue;
    }
    const Edge& edge = mEdges[std::size_t(e)];
    (*edgeLoad)[std::size_t(e)] += below[std::size_t(n)];
    below[std::size_t(edge.from == n ? edge.to : edge.from)] += below[std::size_t(n)];
  }
}

int TrayGraph::edgeCount() const noexcept {
  return int(mEdges.size());
}

int TrayGraph::edgeTray(int edge) const {
  return mEdges.at(std::size_t(edge)).tray;
}

std::int64_t TrayGraph::edgeLengthMm(int edge) const {
  return mEdges.at(std::size_t(edge)).lengthMm;
}

PointMm TrayGraph::edgeFromMm(int edge) const {
  return mNodes[std::size_t(mEdges.at(std::size_t(edge)).from)];
}

PointMm TrayGraph::edgeToMm(int edge) const {
  return mNodes[std::size_t(mEdges.at(std::size_t(edge)).to)];
}

int TrayGraph::edgeFrom(int edge) const {
  return mEdges.at(std::size_t(edge)).from;
}

int TrayGraph::edgeTo(int edge) const {
  return mEdges.at(std::size_t(edge)).to;
}

std::int64_t routedLengthMm(const TrayAttach& a, const TrayAttach& z, std::int64_t trayPathMm,
                            const RouteEnds& ends) {
  if (!a.reached || !z.reached) {
    return kUnreached;
  }
  if (a.node == z.node) {
    trayPathMm = 0;
  } else if (trayPathMm == kUnreached) {
    return kUnreached;
  }
  return std::max<std::int64_t>(0, a.trayHeightMm - ends.portHeightAMm) + a.horizontalMm +
         trayPathMm + z.horizontalMm +
         std::max<std::int64_t>(0, z.trayHeightMm - ends.portHeightZMm) + 2 * ends.slackPerEndMm;
}

QList<TrayPath> defaultTrays(const QList<RowLine>& rows, std::int64_t heightMm,
                             std::int64_t crossEveryMm) {
  struct Line {
    bool alongY;
    std::int64_t lo, hi;  // tray ends along the axis
    std::int64_t across;  // the perpendicular coordinate
  };
  QList<Line> lines;
  for (const RowLine& row : rows) {
    if (row.rackCentresMm.isEmpty()) {
      continue;
    }
    std::int64_t x0 = row.rackCentresMm.front().xMm, x1 = x0;
    std::int64_t y0 = row.rackCentresMm.front().yMm, y1 = y0;
    long double sumX = 0, sumY = 0;
    for (const PointMm& c : row.rackCentresMm) {
      x0 = std::min(x0, c.xMm);
      x1 = std::max(x1, c.xMm);
      y0 = std::min(y0, c.yMm);
      y1 = std::max(y1, c.yMm);
      sumX += c.xMm;
      sumY += c.yMm;
    }
    const long double n = row.rackCentresMm.size();
    const bool alongY = y1 - y0 > x1 - x0;
    lines.append(alongY ? Line{true, y0 - row.halfLengthMm, y1 + row.halfLengthMm,
                               std::llround(double(sumX / n))}
                        : Line{false, x0 - row.halfLengthMm, x1 + row.halfLengthMm,
                               std::llround(double(sumY / n))});
  }

  int rowsAlongY = 0;
  for (const Line& l : lines) {
    rowsAlongY += l.alongY ? 1 : 0;
  }
  const bool crossAlongX = 2 * rowsAlongY > lines.size();  // rows along y: cross trays along x
  bool any = false;
  std::int64_t lo = 0, hi = 0, first = 0, last = 0;
  for (const Line& l : lines) {
    if (l.alongY != crossAlongX) {
      continue;
    }
    lo = any ? std::min(lo, l.lo) : l.lo;
    hi = any ? std::max(hi, l.hi) : l.hi;
    first = any ? std::min(first, l.across) : l.across;
    last = any ? std::max(last, l.across) : l.across;
    any = true;
  }
  // Every row tray runs the full extent of the rows, so a short row still meets the cross trays
  // at the row ends.
  if (any && first != last) {
    for (Line& l : lines) {
      if (l.alongY != crossAlongX) {
        l.lo = lo;
        l.hi = hi;
      }
    }
  }

  QList<TrayPath> trays;
  auto add = [&](PointMm a, PointMm b) {
    TrayPath t;
    t.trayIndex = int(trays.size());
    t.pointsMm = {a, b};
    t.heightMm = heightMm;
    trays.append(t);
  };
  for (const Line& l : lines) {
    if (l.alongY) {
      add(PointMm{l.across, l.lo}, PointMm{l.across, l.hi});
    } else {
      add(PointMm{l.lo, l.across}, PointMm{l.hi, l.across});
    }
  }

  if (!any || first == last) {
    return trays;
  }
  auto cross = [&](std::int64_t at) {
    if (crossAlongX) {
      add(PointMm{first, at}, PointMm{last, at});
    } else {
      add(PointMm{at, first}, PointMm{at, last});
    }
  };
  cross(lo);
  if (crossEveryMm > 0) {
    for (std::int64_t at = lo + crossEveryMm; at < hi; at += crossEveryMm) {
      cross(at);
    }
  }
  if (hi != lo) {
    cross(hi);
  }
  return trays;
}

}  // namespace dc::fabric

#pragma GCC diagnostic pop
