// SPDX-License-Identifier: GPL-3.0-or-later
// A diagram on paper: columns to slots, tiers to rows, the ports of each node, and the edges
// gathered into buses whose horizontal runs take lanes between the tiers without overlapping.
#include "drawdiagramlayout.h"

#include "drawsheet.h"
#include "drawsymbols.h"
#include "reportstyle.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace dc::report {

namespace {
constexpr double kMinSlotMm = 24.0;
constexpr double kMaxTextMm = 40.0;  // a longer line is elided rather than widening every slot
constexpr double kMaxBoxWidthMm = 76.0;
constexpr double kGapMm = 8.0;         // between tiers with no horizontal run
constexpr double kLaneMarginMm = 3.5;  // above the first lane and below the last
constexpr double kPowerLaneMm = 2.2;
constexpr double kPipeLaneMm = 3.6;  // a supply/return pair
constexpr double kLaneClearanceMm = 2.0;
constexpr double kMaxExtraGapMm = 22.0;
constexpr double kBoxPadMm = 1.8;

double textHeightMm(int lineCount) {
  return lineHeightMm(kDiagramTitlePt) * 0.95 + lineCount * lineHeightMm(kDiagramLinePt) * 0.95;
}

int tierCountOf(const Diagram& diagram) {
  int tiers = diagram.tierCount();
  for (const DiagramNode& n : diagram.nodes) {
    tiers = std::max(tiers, n.tier + 1);
  }
  return tiers;
}

double widestLineMm(const QPainter& painter, const DiagramNode& node) {
  const QStringList lines = nodeTextLines(node);
  double widest = 0.0;
  for (qsizetype i = 0; i < lines.size(); ++i) {
    widest = std::max(
        widest, textWidthMm(painter, reportFont(i == 0 ? kDiagramTitlePt : kDiagramLinePt, i == 0),
                            lines[i]));
  }
  return widest;
}

/// Room kept between a node's text and the next node when either is framed in a group (the
/// frames' margins).
constexpr double kGroupClearMm = 4.5;

QList<bool> groupedNodes(const Diagram& diagram) {
  QList<bool> grouped(diagram.nodes.size(), false);
  for (const DiagramGroup& group : diagram.groups) {
    for (int i : group.nodes) {
      grouped[i] = true;
    }
  }
  return grouped;
}

/// Per node: the next node to its right on its tier (its text runs up to it), or -1.
QList<int> nextOnTier(const Diagram& diagram) {
  QList<int> next(diagram.nodes.size(), -1);
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    for (qsizetype j = 0; j < diagram.nodes.size(); ++j) {
      const DiagramNode& a = diagram.nodes[i];
      const DiagramNode& b = diagram.nodes[j];
      if (b.tier == a.tier && b.column > a.column + 1e-6 &&
          (next[i] < 0 || b.column < diagram.nodes[next[i]].column)) {
        next[i] = int(j);
      }
    }
  }
  return next;
}

/// Half the width a node takes on its line at `slot` (its symbol, or its box).
double halfWidthMm(const DiagramNode& node, double slot) {
  return isBoxSymbol(node.symbol) ? std::min(slot * 0.88, kMaxBoxWidthMm) / 2.0
                                  : symbolSizeMm(node.symbol).width() / 2.0;
}

constexpr double kTextGapMm = 1.8;    // symbol to its text
constexpr double kTextClearMm = 1.5;  // text to the next symbol

/// The narrowest slot in which every node's text fits between its symbol and the next node on
/// its tier (boxes: their text inside them).
double requiredSlotMm(const QPainter& painter, const Diagram& diagram, const QList<int>& next) {
  double slot = kMinSlotMm;
  const QList<bool> grouped = groupedNodes(diagram);
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    const DiagramNode& node = diagram.nodes[i];
    const double text = std::min(kMaxTextMm, widestLineMm(painter, node));
    if (isBoxSymbol(node.symbol)) {
      slot = std::max(slot, (text + 2 * kBoxPadMm + 2.0) / 0.88);
      continue;
    }
    if (next[i] < 0) {
      continue;  // the last of its tier: its text may run into the right margin
    }
    const DiagramNode& right = diagram.nodes[next[i]];
    const double columns = right.column - node.column;
    const double fixed = symbolSizeMm(node.symbol).width() / 2.0 + kTextGapMm + text +
                         kTextClearMm + (grouped[i] || grouped[next[i]] ? kGroupClearMm : 0.0);
    slot = std::max(slot, isBoxSymbol(right.symbol) ? fixed / std::max(0.1, columns - 0.44)
                                                    : (fixed + halfWidthMm(right, 0.0)) / columns);
  }
  return slot;
}

void placeNodes(const QPainter& painter, const Diagram& diagram, const QList<int>& next,
                DiagramLayout& layout) {
  layout.nodes.resize(diagram.nodes.size());
  const QList<bool> grouped = groupedNodes(diagram);
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    const DiagramNode& node = diagram.nodes[i];
    NodeGeometry& g = layout.nodes[i];
    const double cx = kTierMarginMm + (node.column + 0.5) * layout.slotMm;
    const int lines = int(nodeTextLines(node).size()) - 1;
    g.centre = QPointF(cx, 0);
    if (isBoxSymbol(node.symbol)) {
      const double w = 2.0 * halfWidthMm(node, layout.slotMm);
      g.symbol = QSizeF(w, textHeightMm(lines) + 2 * kBoxPadMm);
      g.text = QRectF(-w / 2 + kBoxPadMm, -g.symbol.height() / 2 + kBoxPadMm, w - 2 * kBoxPadMm,
                      textHeightMm(lines));
      g.textRoomMm = g.text.width();
      continue;
    }
    g.symbol = symbolSizeMm(node.symbol);
    g.textRoomMm = kMaxTextMm;
    if (next[i] >= 0) {
      const DiagramNode& right = diagram.nodes[next[i]];
      g.textRoomMm = (right.column - node.column) * layout.slotMm - g.symbol.width() / 2.0 -
                     kTextGapMm - kTextClearMm - halfWidthMm(right, layout.slotMm) -
                     (grouped[i] || grouped[next[i]] ? kGroupClearMm : 0.0);
    }
    g.textRoomMm = std::clamp(g.textRoomMm, 10.0, kMaxTextMm);
    const double textW = std::min(g.textRoomMm, widestLineMm(painter, node));
    const double textH = textHeightMm(lines);
    g.text = QRectF(g.symbol.width() / 2 + kTextGapMm, -textH / 2, textW, textH);
  }
}

/// Ports on each node's top, one per edge into it, in the order of their sources across.
void placePorts(const Diagram& diagram, DiagramLayout& layout) {
  QList<QList<int>> into(diagram.nodes.size());
  for (qsizetype e = 0; e < diagram.edges.size(); ++e) {
    into[diagram.edges[e].to].append(int(e));
  }
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    QList<int>& edges = into[i];
    std::stable_sort(edges.begin(), edges.end(), [&](int a, int b) {
      const double xa = layout.nodes[diagram.edges[a].from].centre.x();
      const double xb = layout.nodes[diagram.edges[b].from].centre.x();
      return xa != xb ? xa < xb : diagram.edges[a].feed < diagram.edges[b].feed;
    });
    NodeGeometry& g = layout.nodes[i];
    const qsizetype n = edges.size();
    const bool pipes = n > 0 && diagram.edges[edges.first()].style == EdgeStyle::Pipe;
    const double span =
        isBoxSymbol(diagram.nodes[i].symbol) ? g.symbol.width() * 0.6 : g.symbol.width() * 0.8;
    const double pitch = n > 1 ? std::min(pipes ? 7.0 : 5.0, span / double(n - 1)) : 0.0;
    // An edge from straight above keeps the centre (no jog); the others fan out beside it.
    double first = -double(n - 1) / 2.0;
    for (qsizetype k = 0; k < n; ++k) {
      if (std::abs(layout.nodes[diagram.edges[edges[k]].from].centre.x() - g.centre.x()) < 0.5) {
        first = -double(k);
        break;
      }
    }
    QHash<int, double> byEdge;
    for (qsizetype k = 0; k < n; ++k) {
      byEdge.insert(edges[k], g.centre.x() + (first + double(k)) * pitch);
    }
    g.inPortX.clear();
    for (qsizetype e = 0; e < diagram.edges.size(); ++e) {
      if (diagram.edges[e].to == i) {
        g.inPortX.append(byEdge.value(int(e)));
      }
    }
  }
}

/// The port of edge `e` on its target.
double portX(const Diagram& diagram, const DiagramLayout& layout, int e) {
  const int to = diagram.edges[e].to;
  int k = 0;
  for (int other = 0; other < e; ++other) {
    k += diagram.edges[other].to == to ? 1 : 0;
  }
  return layout.nodes[to].inPortX.value(k, layout.nodes[to].centre.x());
}

void gatherBuses(const Diagram& diagram, DiagramLayout& layout) {
  std::map<std::tuple<int, int, int, int>, int> index;
  for (qsizetype e = 0; e < diagram.edges.size(); ++e) {
    const DiagramEdge& edge = diagram.edges[e];
    const int tier = diagram.nodes[edge.to].tier;
    const auto key = std::make_tuple(edge.from, int(edge.style), edge.feed, tier);
    auto found = index.find(key);
    if (found == index.end()) {
      Bus bus;
      bus.from = edge.from;
      bus.style = edge.style;
      bus.feed = edge.feed;
      bus.targetTier = tier;
      bus.sourceX = layout.nodes[edge.from].centre.x();
      found = index.emplace(key, int(layout.buses.size())).first;
      layout.buses.append(bus);
    }
    Bus& bus = layout.buses[found->second];
    bus.edges.append(int(e));
    bus.drops.append(QPointF(portX(diagram, layout, int(e)), 0.0));
  }
}

struct Extent {
  double lo = 0.0;
  double hi = 0.0;
  bool overlaps(const Extent& o) const {
    return lo < o.hi + kLaneClearanceMm && o.lo < hi + kLaneClearanceMm;
  }
  bool inside(double x) const { return x > lo + 0.05 && x < hi - 0.05; }
};

Extent extentOf(const Bus& bus) {
  Extent e{bus.sourceX, bus.sourceX};
  for (const QPointF& drop : bus.drops) {
    e.lo = std::min(e.lo, drop.x());
    e.hi = std::max(e.hi, drop.x());
  }
  return e;
}

/// Crossings when bus `x` runs in a lane above bus `y`: x's drops through y's run, and y's
/// source line down through x's run.
int crossingsAbove(const Bus& x, const Extent& ex, const Bus& y, const Extent& ey) {
  int count = 0;
  for (const QPointF& drop : x.drops) {
    count += ey.inside(drop.x()) ? 1 : 0;
  }
  return count + (ex.inside(y.sourceX) ? 1 : 0);
}

/// Lanes of one gap: runs that would cross fewer lines higher up go first (a vertical
/// constraint graph, cycles broken by the fewest constraints), each in the lowest lane below
/// the runs it must pass under and clear of the runs already in that lane.
int assignGapLanes(DiagramLayout& layout, const QList<int>& buses) {
  const qsizetype n = buses.size();
  QList<Extent> extents;
  for (int b : buses) {
    extents.append(extentOf(layout.buses[b]));
  }
  QList<QList<bool>> above(n, QList<bool>(n, false));  // above[i][j]: i runs higher than j
  for (qsizetype i = 0; i < n; ++i) {
    for (qsizetype j = i + 1; j < n; ++j) {
      if (!extents[i].overlaps(extents[j])) {
        continue;
      }
      const Bus& bi = layout.buses[buses[i]];
      const Bus& bj = layout.buses[buses[j]];
      const int iHigh = crossingsAbove(bi, extents[i], bj, extents[j]);
      const int jHigh = crossingsAbove(bj, extents[j], bi, extents[i]);
      (iHigh <= jHigh ? above[i][j] : above[j][i]) = true;
    }
  }
  QList<bool> done(n, false);
  QList<int> lane(n, -1);
  QList<QList<Extent>> lanes;
  for (qsizetype step = 0; step < n; ++step) {
    qsizetype next = -1;
    int fewest = int(n) + 1;
    for (qsizetype i = 0; i < n; ++i) {
      if (done[i]) {
        continue;
      }
      int waiting = 0;
      for (qsizetype j = 0; j < n; ++j) {
        waiting += !done[j] && above[j][i] ? 1 : 0;
      }
      if (waiting < fewest || (waiting == fewest && extents[i].lo < extents[next].lo)) {
        fewest = waiting;
        next = i;
      }
    }
    int l = 0;
    for (qsizetype j = 0; j < n; ++j) {
      if (done[j] && above[j][next]) {
        l = std::max(l, lane[j] + 1);
      }
    }
    const auto clear = [&](int candidate) {
      if (candidate >= lanes.size()) {
        return true;
      }
      return std::none_of(lanes[candidate].cbegin(), lanes[candidate].cend(),
                          [&](const Extent& e) { return e.overlaps(extents[next]); });
    };
    while (!clear(l)) {
      ++l;
    }
    if (l >= lanes.size()) {
      lanes.resize(l + 1);
    }
    lanes[l].append(extents[next]);
    lane[next] = l;
    done[next] = true;
    layout.buses[buses[next]].lane = l;
  }
  return int(lanes.size());
}

/// Lanes per target tier for the buses with a horizontal run. Returns the lane count of each
/// tier's gap and whether pipes run in it.
QList<int> assignLanes(DiagramLayout& layout, int tiers, QList<bool>* pipes) {
  QList<int> lanes(tiers, 0);
  pipes->fill(false, tiers);
  QList<QList<int>> byTier(tiers);
  for (qsizetype b = 0; b < layout.buses.size(); ++b) {
    const Bus& bus = layout.buses[b];
    (*pipes)[bus.targetTier] = (*pipes)[bus.targetTier] || bus.style == EdgeStyle::Pipe;
    const Extent e = extentOf(bus);
    if (e.hi - e.lo >= 0.05) {
      byTier[bus.targetTier].append(int(b));
    }
  }
  for (int t = 0; t < tiers; ++t) {
    lanes[t] = assignGapLanes(layout, byTier[t]);
  }
  return lanes;
}

}  // namespace

QStringList nodeTextLines(const DiagramNode& node) {
  QStringList lines{node.title};
  for (const DiagramLine& line : node.lines) {
    lines.append(line.text);
  }
  if (node.byFacility) {
    lines.append(QStringLiteral("by the facility"));
  }
  return lines;
}

double groupCaptionHeightMm(const DiagramGroup& group) {
  return lineHeightMm(7.0) + group.lines.size() * lineHeightMm(kDiagramLinePt) * 0.95 + 1.0;
}

DiagramLayout layoutOnPaper(const QPainter& painter, const Diagram& diagram, double widthMm,
                            double heightMm) {
  DiagramLayout layout;
  const int columns = std::max(1, diagram.columnCount);
  const int tiers = tierCountOf(diagram);
  const QList<int> next = nextOnTier(diagram);
  layout.slotMm =
      std::max(requiredSlotMm(painter, diagram, next), (widthMm - kTierMarginMm) / columns);
  placeNodes(painter, diagram, next, layout);
  placePorts(diagram, layout);
  gatherBuses(diagram, layout);
  QList<bool> pipes;
  const QList<int> lanes = assignLanes(layout, tiers, &pipes);

  layout.rowHeight.fill(0.0, tiers);
  layout.captionHeight.fill(0.0, tiers);
  for (const DiagramGroup& group : diagram.groups) {
    if (!group.nodes.isEmpty()) {
      const int tier = diagram.nodes[group.nodes.first()].tier;
      layout.captionHeight[tier] =
          std::max(layout.captionHeight[tier], groupCaptionHeightMm(group) + 2.0);
    }
  }
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    const NodeGeometry& g = layout.nodes[i];
    const int tier = diagram.nodes[i].tier;
    layout.rowHeight[tier] =
        std::max(layout.rowHeight[tier], std::max(g.symbol.height(), g.text.height()));
  }
  QList<double> gaps(tiers, 0.0);
  double natural = 0.0;
  for (int t = 0; t < tiers; ++t) {
    layout.rowHeight[t] += layout.captionHeight[t];
    if (t > 0) {
      const double pitch = pipes[t] ? kPipeLaneMm : kPowerLaneMm;
      gaps[t] = lanes[t] == 0 ? kGapMm : 2 * kLaneMarginMm + (lanes[t] - 1) * pitch + 3.0;
    }
    natural += layout.rowHeight[t] + gaps[t];
  }
  const double extra =
      tiers > 1 ? std::clamp((heightMm - natural) / (tiers - 1), 0.0, kMaxExtraGapMm) : 0.0;
  double y = 0.0;
  layout.rowTop.fill(0.0, tiers);
  for (int t = 0; t < tiers; ++t) {
    y += t > 0 ? gaps[t] + extra : 0.0;
    layout.rowTop[t] = y;
    y += layout.rowHeight[t];
  }
  layout.sizeMm = QSizeF(kTierMarginMm + columns * layout.slotMm, y);
  for (const NodeGeometry& g : layout.nodes) {  // the last nodes' text may run past the slots
    layout.sizeMm.setWidth(std::max(layout.sizeMm.width(), g.centre.x() + g.symbol.width() / 2 +
                                                               kTextGapMm + g.text.width() + 1.0));
  }
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    const int tier = diagram.nodes[i].tier;
    NodeGeometry& g = layout.nodes[i];
    const double cy =
        layout.rowTop[tier] + (layout.rowHeight[tier] - layout.captionHeight[tier]) / 2.0;
    g.centre.setY(cy);
    g.text.translate(g.centre);
    const QRectF symbol(g.centre - QPointF(g.symbol.width(), g.symbol.height()) / 2.0, g.symbol);
    g.bounds = symbol.united(g.text);
  }
  for (Bus& bus : layout.buses) {
    const NodeGeometry& source = layout.nodes[bus.from];
    bus.sourceY = source.centre.y() + source.symbol.height() / 2.0;
    for (qsizetype k = 0; k < bus.drops.size(); ++k) {
      const NodeGeometry& target = layout.nodes[diagram.edges[bus.edges[k]].to];
      bus.drops[k].setY(target.centre.y() - target.symbol.height() / 2.0);
    }
    // The lanes centred in the gap, so that runs sit midway between the tiers.
    const int t = bus.targetTier;
    const double gapTop = layout.rowTop[t] - gaps[t] - extra;
    const double pitch = pipes[t] ? kPipeLaneMm : kPowerLaneMm;
    const double lanesH = std::max(0, lanes[t] - 1) * pitch;
    bus.laneY = gapTop + (gaps[t] + extra - lanesH) / 2.0 + std::max(0, bus.lane) * pitch;
  }
  return layout;
}

}  // namespace dc::report
