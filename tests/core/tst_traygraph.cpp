// SPDX-License-Identifier: GPL-3.0-or-later
// The tray network graph and routing (core/engine/fabric/traygraph.h): hand-made halls whose
// shortest paths and lengths are worked out by hand in the comments (plain plane geometry: no
// published figure exists for a hall this small), asserted to the millimetre. The routed-length
// rule is formulas.md §3.5 (rise + stubs + tray path + drop + slack at both ends); the slack is
// TIA-942-B's 2-3 m service loop per run (facts-fabric-workload.md §2.3), split 1.5 m per end.
#include "engine/fabric/traygraph.h"

#include <QTest>

#include <limits>

using namespace dc;
using namespace dc::fabric;

namespace {

constexpr std::int64_t kNoPath = std::numeric_limits<std::int64_t>::max();

TrayPath tray(int index, QList<PointMm> points, std::int64_t heightMm = 3'000) {
  TrayPath t;
  t.trayIndex = index;
  t.pointsMm = std::move(points);
  t.heightMm = heightMm;
  return t;
}

/// Shortest tray-path distance between the attach nodes of racks `a` and `z`.
std::int64_t distance(const TrayGraph& g, int a, int z) {
  return g.shortestPaths(g.attach(a).node).distanceMm[std::size_t(g.attach(z).node)];
}

/// The trays of the path from rack a's attach node to rack z's, in order, runs merged.
QList<int> pathTrays(const TrayGraph& g, int a, int z) {
  const TrayGraph::Tree tree = g.shortestPaths(g.attach(a).node);
  std::vector<int> edges;
  g.pathEdges(tree, g.attach(z).node, &edges);
  QList<int> trays;
  std::int64_t sum = 0;
  for (const int e : edges) {
    sum += g.edgeLengthMm(e);
    if (trays.isEmpty() || trays.back() != g.edgeTray(e)) {
      trays.append(g.edgeTray(e));
    }
  }
  // The edges walked back must add up to the tree's distance.
  if (sum != tree.distanceMm[std::size_t(g.attach(z).node)]) {
    trays.append(-999);
  }
  return trays;
}

}  // namespace

class TestTrayGraph final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void lShapedTray();
  void parallelRowsPickTheNearerCrossTray();
  void diagonalThreeFourFive();
  void diagonalsCrossAtTheirMidpoints();
  void attachTieGoesToTheLowestTrayIndex();
  void twoHeightsJoinedByAVertical();
  void unreachableRack();
  void disconnectedTray();
  void sharedVerticesAndColinearOverlapsAreOneNode();
  void treeLoadsMatchPathWalks();
  void routedLength();
  void defaultTraysTwoRowsOfThree();
  void defaultTraysRowsAlongY();
  void defaultTraysOneRackRow();
  void defaultTraysRoute();
};

void TestTrayGraph::lShapedTray() {
  // (0,0) -> (3000,0) -> (3000,4000): 3 m then 4 m. Racks 600 mm beside either end.
  const TrayGraph g({tray(0, {{0, 0}, {3'000, 0}, {3'000, 4'000}})}, {{0, -600}, {3'600, 4'000}},
                    2'000);
  QCOMPARE(g.nodeCount(), 3);  // the attach points are the two end vertices
  QCOMPARE(g.edgeCount(), 2);
  QVERIFY(g.attach(0).reached);
  QCOMPARE(g.nodeMm(g.attach(0).node), (PointMm{0, 0}));
  QCOMPARE(g.attach(0).horizontalMm, 600);
  QCOMPARE(g.attach(0).trayHeightMm, 3'000);
  QCOMPARE(g.nodeMm(g.attach(1).node), (PointMm{3'000, 4'000}));
  QCOMPARE(g.attach(1).horizontalMm, 600);
  QCOMPARE(distance(g, 0, 1), 7'000);  // 3,000 + 4,000
  QCOMPARE(distance(g, 1, 0), 7'000);
  const TrayGraph::Tree tree = g.shortestPaths(g.attach(0).node);
  std::vector<int> edges;
  g.pathEdges(tree, g.attach(1).node, &edges);
  QCOMPARE(edges.size(), std::size_t(2));
  QCOMPARE(g.edgeFromMm(edges[0]), (PointMm{0, 0}));
  QCOMPARE(g.edgeToMm(edges[0]), (PointMm{3'000, 0}));
  QCOMPARE(g.edgeLengthMm(edges[0]), 3'000);
  QCOMPARE(g.edgeLengthMm(edges[1]), 4'000);
  QCOMPARE(tree.parentEdge[std::size_t(g.attach(0).node)], -1);
  g.pathEdges(tree, g.attach(0).node, &edges);  // source to itself: no edges
  QVERIFY(edges.empty());
}

void TestTrayGraph::parallelRowsPickTheNearerCrossTray() {
  // Row trays A (y = 0) and B (y = 3000), 20 m long; cross trays at x = 0 and x = 20000.
  const QList<TrayPath> trays{tray(0, {{0, 0}, {20'000, 0}}),
                              tray(1, {{0, 3'000}, {20'000, 3'000}}), tray(2, {{0, 0}, {0, 3'000}}),
                              tray(3, {{20'000, 0}, {20'000, 3'000}})};
  // Racks 600 mm outside the rows: two near x = 0, two near x = 20000.
  const TrayGraph g(trays, {{2'000, -600}, {3'000, 3'600}, {19'000, -600}, {17'000, 3'600}}, 1'000);
  QCOMPARE(g.nodeMm(g.attach(1).node), (PointMm{3'000, 3'000}));
  // Near end: 2,000 along A + 3,000 across + 3,000 along B = 8,000 (the far cross tray would
  // be 18,000 + 3,000 + 17,000 = 38,000).
  QCOMPARE(distance(g, 0, 1), 8'000);
  QCOMPARE(pathTrays(g, 0, 1), (QList<int>{0, 2, 1}));
  // Far end: 1,000 + 3,000 + 3,000 = 7,000 through x = 20000 (via x = 0: 19,000 + 3,000 +
  // 17,000 = 39,000).
  QCOMPARE(distance(g, 2, 3), 7'000);
  QCOMPARE(pathTrays(g, 2, 3), (QList<int>{0, 3, 1}));
  // Along one row: 17,000 on A.
  QCOMPARE(distance(g, 0, 2), 17'000);
  QCOMPARE(pathTrays(g, 0, 2), (QList<int>{0}));
}

void TestTrayGraph::diagonalThreeFourFive() {
  // (0,0) -> (3000,4000) is 5,000 mm. A rack at (2300,1400) projects onto (1500,2000), the
  // midpoint: (2300,1400)·(0.6,0.8) = 2,500 along, and (800,-600) off, 1,000 mm.
  const TrayGraph g({tray(7, {{0, 0}, {3'000, 4'000}})}, {{0, 0}, {3'000, 4'000}, {2'300, 1'400}},
                    1'500);
  QCOMPARE(distance(g, 0, 1), 5'000);
  QCOMPARE(g.attach(0).horizontalMm, 0);
  QCOMPARE(g.nodeMm(g.attach(2).node), (PointMm{1'500, 2'000}));
  QCOMPARE(g.attach(2).horizontalMm, 1'000);
  QCOMPARE(distance(g, 0, 2), 2'500);
  QCOMPARE(distance(g, 2, 1), 2'500);
  QCOMPARE(g.edgeCount(), 2);  // split at the attach point
  QCOMPARE(g.edgeTray(0), 7);
}

void TestTrayGraph::diagonalsCrossAtTheirMidpoints() {
  // Two 3-4-5 diagonals crossing at (1500,2000): from (0,0) to (3000,0) is 2,500 + 2,500.
  const TrayGraph g({tray(0, {{0, 0}, {3'000, 4'000}}), tray(1, {{0, 4'000}, {3'000, 0}})},
                    {{0, 0}, {3'000, 0}}, 100);
  QCOMPARE(g.nodeCount(), 5);
  QCOMPARE(g.edgeCount(), 4);
  QCOMPARE(distance(g, 0, 1), 5'000);
  QCOMPARE(pathTrays(g, 0, 1), (QList<int>{0, 1}));
  // A crossing at a fraction of a millimetre is rounded: (0,0)-(1000,1) and (0,1)-(1000,0)
  // cross at (500, 0.5), which rounds (half away from zero) to (500,1).
  const TrayGraph h({tray(0, {{0, 0}, {1'000, 1}}), tray(1, {{0, 1}, {1'000, 0}})},
                    {{0, 0}, {1'000, 0}}, 10);
  QCOMPARE(h.nodeCount(), 5);
  bool found = false;
  for (int n = 0; n < h.nodeCount(); ++n) {
    found = found || h.nodeMm(n) == PointMm{500, 1};
  }
  QVERIFY(found);
  QCOMPARE(distance(h, 0, 1), 1'000);  // llround(hypot(500, 1)) = 500 twice
}

void TestTrayGraph::attachTieGoesToTheLowestTrayIndex() {
  // A rack midway (1,000 mm) between two parallel trays: the lower trayIndex (2) wins,
  // whatever the list order.
  const QList<TrayPath> trays{tray(5, {{0, 0}, {6'000, 0}}), tray(2, {{0, 2'000}, {6'000, 2'000}})};
  const TrayGraph g(trays, {{3'000, 1'000}}, 1'000);
  QVERIFY(g.attach(0).reached);
  QCOMPARE(g.nodeMm(g.attach(0).node), (PointMm{3'000, 2'000}));
  QCOMPARE(g.attach(0).horizontalMm, 1'000);
  // Between two segments of one tray (an L whose corner is equidistant): the first segment.
  // Rack at (1000,1000) is 1,000 from (1000,0) on segment 0 and from (0,1000) on segment 1.
  const TrayGraph h({tray(0, {{0, 1'000}, {0, 0}, {3'000, 0}})}, {{1'000, 1'000}}, 2'000);
  QCOMPARE(h.nodeMm(h.attach(0).node), (PointMm{0, 1'000}));
}

void TestTrayGraph::twoHeightsJoinedByAVertical() {
  // Tray A at 2,400 mm along y = 0; tray B at 3,000 mm along x = 5000 crossing it in plan. The
  // crossing (5000,0) is two nodes joined by a 600 mm vertical.
  const TrayGraph g(
      {tray(0, {{0, 0}, {10'000, 0}}, 2'400), tray(1, {{5'000, -5'000}, {5'000, 5'000}}, 3'000)},
      {{1'000, -600}, {5'600, 4'000}}, 1'000);
  QCOMPARE(g.attach(0).trayHeightMm, 2'400);
  QCOMPARE(g.attach(1).trayHeightMm, 3'000);
  QCOMPARE(g.nodeMm(g.attach(1).node), (PointMm{5'000, 4'000}));
  // 4,000 along A + 600 up + 4,000 along B.
  QCOMPARE(distance(g, 0, 1), 8'600);
  QCOMPARE(pathTrays(g, 0, 1), (QList<int>{0, -1, 1}));
  int verticals = 0;
  for (int e = 0; e < g.edgeCount(); ++e) {
    if (g.edgeTray(e) == -1) {
      ++verticals;
      QCOMPARE(g.edgeLengthMm(e), 600);
      QCOMPARE(g.edgeFromMm(e), (PointMm{5'000, 0}));
      QCOMPARE(g.nodeHeightMm(g.edgeFrom(e)), 2'400);
      QCOMPARE(g.nodeHeightMm(g.edgeTo(e)), 3'000);
    }
  }
  QCOMPARE(verticals, 1);
  // Routed: rise 2,400 - 2,000 = 400, stub 600, trays 8,600, stub 600, drop 3,000 - 1,000 =
  // 2,000, slack 2 × 1,500: 15,200 mm.
  const RouteEnds ends{2'000, 1'000, 1'500};
  QCOMPARE(routedLengthMm(g.attach(0), g.attach(1), distance(g, 0, 1), ends), 15'200);
}

void TestTrayGraph::unreachableRack() {
  // maxAttach 2,000: a rack 2,000 mm off is reached, one 2,500 mm off is not.
  const TrayGraph g({tray(0, {{0, 0}, {10'000, 0}})}, {{1'000, 2'000}, {5'000, -2'500}}, 2'000);
  QVERIFY(g.attach(0).reached);
  QCOMPARE(g.attach(0).horizontalMm, 2'000);
  QVERIFY(!g.attach(1).reached);
  QCOMPARE(g.attach(1).node, -1);
  QCOMPARE(g.nodeCount(), 3);  // the ends and rack 0's attach point only
  const RouteEnds ends{0, 0, 1'500};
  QCOMPARE(routedLengthMm(g.attach(0), g.attach(1), 0, ends), kNoPath);
  // No trays at all: nothing is reached.
  const TrayGraph empty({}, {{0, 0}}, 1'000'000);
  QVERIFY(!empty.attach(0).reached);
  QCOMPARE(empty.nodeCount(), 0);
}

void TestTrayGraph::disconnectedTray() {
  // Two trays 5 m apart in plan that never meet.
  const TrayGraph g({tray(0, {{0, 0}, {4'000, 0}}), tray(1, {{0, 5'000}, {4'000, 5'000}})},
                    {{0, 0}, {4'000, 5'000}}, 100);
  const TrayGraph::Tree tree = g.shortestPaths(g.attach(0).node);
  const int z = g.attach(1).node;
  QCOMPARE(tree.distanceMm[std::size_t(z)], kNoPath);
  QCOMPARE(tree.parentEdge[std::size_t(z)], -1);
  std::vector<int> edges{42};
  g.pathEdges(tree, z, &edges);
  QVERIFY(edges.empty());
  QCOMPARE(routedLengthMm(g.attach(0), g.attach(1), kNoPath, RouteEnds{}), kNoPath);
}

void TestTrayGraph::sharedVerticesAndColinearOverlapsAreOneNode() {
  // Tray 0 (0,0)-(6000,0); tray 1 (3000,0)-(9000,0) overlaps it from 3000 to 6000; tray 2 ends
  // on tray 0's interior at (1000,0) (a T) and tray 3 starts at tray 1's end (9000,0).
  const TrayGraph g({tray(0, {{0, 0}, {6'000, 0}}), tray(1, {{3'000, 0}, {9'000, 0}}),
                     tray(2, {{1'000, 2'000}, {1'000, 0}}), tray(3, {{9'000, 0}, {9'000, 2'000}})},
                    {{1'000, 2'000}, {9'000, 2'000}}, 10);
  // Nodes: 0, 1000, 3000, 6000, 9000 on y = 0, plus (1000,2000) and (9000,2000).
  QCOMPARE(g.nodeCount(), 7);
  // Edges: tray 0 in three (0-1000-3000-6000), tray 1 in two (3000-6000-9000), trays 2, 3.
  QCOMPARE(g.edgeCount(), 7);
  // 2,000 down + 8,000 along + 2,000 up.
  QCOMPARE(distance(g, 0, 1), 12'000);
}

void TestTrayGraph::treeLoadsMatchPathWalks() {
  // The parallel rows of parallelRowsPickTheNearerCrossTray, from rack 0 at (2000,0): 1 cable to
  // rack 1 (3000,3000) and 10 to rack 3 (17000,3000). Both go through the cross tray at x = 0
  // (to rack 3: 2,000 + 3,000 + 17,000 = 22,000 against 18,000 + 3,000 + 3,000 = 24,000 via
  // x = 20000), so it carries 11; B from x = 0 to 3000 carries 11, from 3000 on only 10.
  const QList<TrayPath> trays{tray(0, {{0, 0}, {20'000, 0}}),
                              tray(1, {{0, 3'000}, {20'000, 3'000}}), tray(2, {{0, 0}, {0, 3'000}}),
                              tray(3, {{20'000, 0}, {20'000, 3'000}})};
  const TrayGraph g(trays, {{2'000, -600}, {3'000, 3'600}, {19'000, -600}, {17'000, 3'600}}, 1'000);
  const TrayGraph::Tree tree = g.shortestPaths(g.attach(0).node);
  QCOMPARE(tree.settled.size(), std::size_t(g.nodeCount()));
  QCOMPARE(tree.settled.front(), g.attach(0).node);
  std::vector<double> nodeLoad(std::size_t(g.nodeCount()), 0.0);
  nodeLoad[std::size_t(g.attach(1).node)] = 1.0;
  nodeLoad[std::size_t(g.attach(3).node)] = 10.0;
  std::vector<double> edgeLoad;
  g.addTreeLoads(tree, nodeLoad, &edgeLoad);
  QCOMPARE(edgeLoad.size(), std::size_t(g.edgeCount()));
  std::vector<double> walked(std::size_t(g.edgeCount()), 0.0);
  std::vector<int> edges;
  for (int n = 0; n < g.nodeCount(); ++n) {
    g.pathEdges(tree, n, &edges);
    for (const int e : edges) {
      walked[std::size_t(e)] += nodeLoad[std::size_t(n)];
    }
  }
  for (int e = 0; e < g.edgeCount(); ++e) {
    QCOMPARE(edgeLoad[std::size_t(e)], walked[std::size_t(e)]);
    if (g.edgeTray(e) == 2) {
      QCOMPARE(edgeLoad[std::size_t(e)], 11.0);
    }
    if (g.edgeTray(e) == 3) {
      QCOMPARE(edgeLoad[std::size_t(e)], 0.0);
    }
    if (g.edgeTray(e) == 1) {
      const bool westOfRack1 = std::max(g.edgeFromMm(e).xMm, g.edgeToMm(e).xMm) <= 3'000;
      const bool eastOfRack3 = std::min(g.edgeFromMm(e).xMm, g.edgeToMm(e).xMm) >= 17'000;
      QCOMPARE(edgeLoad[std::size_t(e)], westOfRack1 ? 11.0 : eastOfRack3 ? 0.0 : 10.0);
    }
  }
  // A second tree adds to the same loads.
  g.addTreeLoads(tree, nodeLoad, &edgeLoad);
  for (int e = 0; e < g.edgeCount(); ++e) {
    QCOMPARE(edgeLoad[std::size_t(e)], 2.0 * walked[std::size_t(e)]);
  }
}

void TestTrayGraph::routedLength() {
  TrayAttach a;
  a.reached = true;
  a.node = 3;
  a.horizontalMm = 450;
  a.trayHeightMm = 2'700;
  TrayAttach z = a;
  z.node = 8;
  z.horizontalMm = 250;
  z.trayHeightMm = 3'000;
  // Ports at 1,200 and 2,100 mm: 1,500 + 450 + 20,000 + 250 + 900 + 2 × 1,500 = 26,100.
  QCOMPARE(routedLengthMm(a, z, 20'000, RouteEnds{1'200, 2'100, 1'500}), 26'100);
  // A port above its tray (3,100 > 3,000) clamps the drop to 0: 1,500 + 450 + 20,000 + 250 +
  // 0 + 3,000 = 25,200.
  QCOMPARE(routedLengthMm(a, z, 20'000, RouteEnds{1'200, 3'100, 1'500}), 25'200);
  // Both ends on one node: the tray path is 0 whatever is passed: 1,500 + 450 + 450 + 1,500 +
  // 3,000 = 6,900.
  QCOMPARE(routedLengthMm(a, a, 12'345, RouteEnds{1'200, 1'200, 1'500}), 6'900);
  QCOMPARE(routedLengthMm(a, a, kNoPath, RouteEnds{1'200, 1'200, 1'500}), 6'900);
}

void TestTrayGraph::defaultTraysTwoRowsOfThree() {
  // Rows at y = 2000 and y = 5000, racks at x = 1300, 1900, 2500 (600 mm pitch), half-length
  // 300: row trays from 1000 to 2800; cross trays at 1000 and 2800 (the ends) and every
  // 600 mm from 1000 between (1600, 2200), each from y = 2000 to y = 5000.
  const QList<RowLine> rows{RowLine{{{1'300, 2'000}, {1'900, 2'000}, {2'500, 2'000}}, 300},
                            RowLine{{{1'300, 5'000}, {1'900, 5'000}, {2'500, 5'000}}, 300}};
  const QList<TrayPath> trays = defaultTrays(rows, 2'900, 600);
  QCOMPARE(trays.size(), 6);
  const QList<QList<PointMm>> expected{
      {{1'000, 2'000}, {2'800, 2'000}}, {{1'000, 5'000}, {2'800, 5'000}},
      {{1'000, 2'000}, {1'000, 5'000}}, {{1'600, 2'000}, {1'600, 5'000}},
      {{2'200, 2'000}, {2'200, 5'000}}, {{2'800, 2'000}, {2'800, 5'000}}};
  for (int i = 0; i < trays.size(); ++i) {
    QCOMPARE(trays[i].trayIndex, i);
    QCOMPARE(trays[i].heightMm, 2'900);
    QCOMPARE(trays[i].pointsMm, expected[i]);
  }
  // crossEvery 0: only the two end cross trays; 1,000: 1000, 2000, 2800.
  QCOMPARE(defaultTrays(rows, 2'900, 0).size(), 4);
  const QList<TrayPath> every1000 = defaultTrays(rows, 2'900, 1'000);
  QCOMPARE(every1000.size(), 5);
  QCOMPARE(every1000[3].pointsMm, (QList<PointMm>{{2'000, 2'000}, {2'000, 5'000}}));
  QCOMPARE(every1000[4].pointsMm, (QList<PointMm>{{2'800, 2'000}, {2'800, 5'000}}));
}

void TestTrayGraph::defaultTraysRowsAlongY() {
  // Two rows along y (x = 1000 and x = 4000, racks at y = 600, 1200, 1800, half-length 300),
  // listed out of order: row trays from y = 300 to 2100, cross trays along x at y = 300 and
  // 2100 from x = 1000 to 4000.
  const QList<RowLine> rows{RowLine{{{4'000, 1'200}, {4'000, 600}, {4'000, 1'800}}, 300},
                            RowLine{{{1'000, 600}, {1'000, 1'200}, {1'000, 1'800}}, 300}};
  const QList<TrayPath> trays = defaultTrays(rows, 3'000, 0);
  QCOMPARE(trays.size(), 4);
  QCOMPARE(trays[0].pointsMm, (QList<PointMm>{{4'000, 300}, {4'000, 2'100}}));
  QCOMPARE(trays[1].pointsMm, (QList<PointMm>{{1'000, 300}, {1'000, 2'100}}));
  QCOMPARE(trays[2].pointsMm, (QList<PointMm>{{1'000, 300}, {4'000, 300}}));
  QCOMPARE(trays[3].pointsMm, (QList<PointMm>{{1'000, 2'100}, {4'000, 2'100}}));
}

void TestTrayGraph::defaultTraysOneRackRow() {
  // A row of one rack runs along x; a single row gets no cross trays; an empty row is skipped.
  const QList<TrayPath> one = defaultTrays({RowLine{{{5'000, 7'000}}, 300}, RowLine{}}, 3'000, 600);
  QCOMPARE(one.size(), 1);
  QCOMPARE(one[0].pointsMm, (QList<PointMm>{{4'700, 7'000}, {5'300, 7'000}}));
  // Two one-rack rows at y = 0 and 3000: cross trays at x = 4700 and 5300.
  const QList<TrayPath> two =
      defaultTrays({RowLine{{{5'000, 0}}, 300}, RowLine{{{5'000, 3'000}}, 300}}, 3'000, 0);
  QCOMPARE(two.size(), 4);
  QCOMPARE(two[2].pointsMm, (QList<PointMm>{{4'700, 0}, {4'700, 3'000}}));
  QCOMPARE(two[3].pointsMm, (QList<PointMm>{{5'300, 0}, {5'300, 3'000}}));
}

void TestTrayGraph::defaultTraysRoute() {
  // The two rows of three above, routed from the first rack of row 1 to the last of row 2:
  // via x = 1600 (300 + 3,000 + 900) or x = 2200 (900 + 3,000 + 300) = 4,200; via the end cross
  // trays it would be 4,800.
  const QList<PointMm> racks{{1'300, 2'000}, {1'900, 2'000}, {2'500, 2'000},
                             {1'300, 5'000}, {1'900, 5'000}, {2'500, 5'000}};
  const QList<RowLine> rows{RowLine{racks.mid(0, 3), 300}, RowLine{racks.mid(3, 3), 300}};
  const TrayGraph g(defaultTrays(rows, 2'900, 600), racks, 1'000);
  for (int r = 0; r < racks.size(); ++r) {
    QVERIFY(g.attach(r).reached);
    QCOMPARE(g.attach(r).horizontalMm, 0);
    QCOMPARE(g.nodeMm(g.attach(r).node), racks[r]);
  }
  QCOMPARE(distance(g, 0, 5), 4'200);
  QCOMPARE(distance(g, 1, 4), 3'600);  // 300 + 3,000 + 300 via x = 1600 (or 2200)
  QCOMPARE(distance(g, 0, 2), 1'200);
  // Racks 0 and 3 sit above each other across: 300 + 3,000 + 300 via x = 1000.
  QCOMPARE(distance(g, 0, 3), 3'600);
}

QTEST_APPLESS_MAIN(TestTrayGraph)
#include "tst_traygraph.moc"
