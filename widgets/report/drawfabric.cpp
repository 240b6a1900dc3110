// SPDX-License-Identifier: GPL-3.0-or-later
// The fabric topology sheet: rows of switch groups over the node groups, bundles of links
// between the rows in their medium's colour, the tiers and their links in the left margin.
#include "drawfabric.h"

#include "drawpalette.h"
#include "drawsheet.h"
#include "engine/analysis.h"
#include "format/quantityformat.h"
#include "pdftext.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace dc::report {

namespace {

constexpr double kMarginMm = 34.0;  // left margin: tier titles and each tier's links
constexpr double kStripGapMm = 6.0;
constexpr double kDataWidthMm = 92.0;
constexpr double kStripSpacingMm = 6.0;
constexpr int kLegendColumns = 3;

constexpr double kTitlePt = 7.5;
constexpr double kLinePt = 6.0;
constexpr double kMemberPt = 5.0;
constexpr double kTierPt = 7.0;
constexpr double kTierLinePt = 5.5;
constexpr double kBundlePt = 6.0;

constexpr double kPadMm = 1.8;
constexpr double kCellWMm = 7.0;  // a switch's cell, as wide as "R8" / "S16" needs
constexpr double kMinCellWMm = 4.6;
constexpr double kCellHMm = 4.4;
constexpr double kCellGapMm = 0.8;
constexpr double kMaxBoxWMm = 150.0;
constexpr double kMinGapMm = 16.0;  // between rows, for the bundles
constexpr double kMaxGapMm = 48.0;
constexpr int kMaxDirectBundles = 16;  // more between two rows: drawn as a bus

QColor switchFill() {
  return deviceFill(QStringLiteral("switch"));
}
QColor nodeFill() {
  return deviceFill(QStringLiteral("server"));
}

/// A box on paper, with its cell grid.
struct BoxGeometry {
  QRectF rect;
  int cellColumns = 0;  // 0: no cells drawn
  double cellW = kCellWMm;
};

struct Layout {
  QList<QList<BoxGeometry>> boxes;  // per row
  QList<double> rowTop;
  QList<double> rowHeight;
  double left = 0.0;  // of the boxes' field (after the margin)
  double right = 0.0;
  double bottom = 0.0;
};

double textHeight(const FabricBox& box) {
  return lineHeightMm(kTitlePt) + double(box.lines.size()) * lineHeightMm(kLinePt) * 0.95;
}

/// How many cell columns fit `widthMm`, and the cell width: one row of full cells if possible,
/// else as many rows as needed (up to four), narrower cells last; 0 when none fits.
std::pair<int, double> cellGrid(int members, double widthMm) {
  if (members <= 0) {
    return {0, kCellWMm};
  }
  const double room = widthMm - 2 * kPadMm;
  for (const double cellW : {kCellWMm, kMinCellWMm}) {
    const int columns = std::max(1, int((room + kCellGapMm) / (cellW + kCellGapMm)));
    const int rows = (members + columns - 1) / columns;
    if (rows <= 4) {
      return {std::min(columns, members), cellW};
    }
  }
  return {0, kCellWMm};
}

double boxHeight(const FabricBox& box, int cellColumns) {
  double h = 2 * kPadMm + textHeight(box);
  if (cellColumns > 0) {
    const int rows = (int(box.members.size()) + cellColumns - 1) / cellColumns;
    h += 1.0 + rows * kCellHMm + (rows - 1) * kCellGapMm;
  }
  return h;
}

/// The width a box would like: its text, and its cells in one row.
double wantedWidth(const QPainter& painter, const FabricBox& box) {
  double w = textWidthMm(painter, reportFont(kTitlePt, true), box.title);
  for (const DiagramLine& line : box.lines) {
    w = std::max(w, textWidthMm(painter, reportFont(kLinePt), line.text));
  }
  w += 2 * kPadMm + 1.0;
  if (!box.members.isEmpty()) {
    w = std::max(w, 2 * kPadMm + box.members.size() * (kCellWMm + kCellGapMm) - kCellGapMm);
  }
  return std::min(w, kMaxBoxWMm);
}

/// Centres `wanted` along [left, right] near `ideal`, without overlaps, in order.
QList<double> spread(const QList<double>& ideal, const QList<double>& widths, double left,
                     double right, double gap) {
  const qsizetype n = ideal.size();
  QList<double> x(n);
  for (qsizetype i = 0; i < n; ++i) {
    x[i] = std::clamp(ideal[i] - widths[i] / 2.0, left, std::max(left, right - widths[i]));
  }
  for (qsizetype i = 1; i < n; ++i) {
    x[i] = std::max(x[i], x[i - 1] + widths[i - 1] + gap);
  }
  // Pushed past the right edge: back to the left, keeping the gaps.
  for (qsizetype i = n - 1; i >= 0; --i) {
    const double limit = i == n - 1 ? right - widths[i] : x[i + 1] - gap - widths[i];
    x[i] = std::min(x[i], limit);
  }
  return x;
}

/// True when every box of `lowerRow` has links to every box of the row above (every pod to
/// every core plane): the gap is drawn as a bus, the upper row spaced evenly.
bool joinsEveryBox(const FabricDiagram& diagram, int lowerRow) {
  if (lowerRow < 1 || lowerRow >= diagram.rows.size()) {
    return false;
  }
  const qsizetype lower = diagram.rows[lowerRow].boxes.size();
  const qsizetype upper = diagram.rows[lowerRow - 1].boxes.size();
  std::set<std::pair<int, int>> pairs;
  for (const FabricBundle& bundle : diagram.bundles) {
    if (bundle.lowerRow == lowerRow && bundle.links > 0) {
      pairs.insert({bundle.lowerBox, bundle.upperBox});
    }
  }
  return lower > 1 && upper > 1 && qsizetype(pairs.size()) == lower * upper;
}

Layout layoutDiagram(const QPainter& painter, const FabricDiagram& diagram, const QRectF& field) {
  Layout layout;
  layout.left = field.left() + kMarginMm;
  layout.right = field.right();
  const double width = layout.right - layout.left;
  const int rows = int(diagram.rows.size());
  layout.boxes = QList<QList<BoxGeometry>>(rows);
  // The bottom rows (leaves and nodes, aligned) take the widest slots; rows above are centred
  // over what they serve.
  int lowestSwitchRow = -1;
  for (int r = 0; r < rows; ++r) {
    if (!diagram.rows[r].nodes) {
      lowestSwitchRow = r;
    }
  }
  const int alignedSlots = std::max<int>(
      1,
      std::max(lowestSwitchRow >= 0 ? int(diagram.rows[lowestSwitchRow].boxes.size()) : 0,
               rows > 0 && diagram.rows.last().nodes ? int(diagram.rows.last().boxes.size()) : 0));
  const double slotW = width / alignedSlots;
  const double gapW = std::clamp(slotW * 0.12, 2.5, 12.0);
  // Widths of the aligned rows' boxes: the widest want of the two rows, within the slot.
  double alignedW = 0.0;
  for (int r = std::max(0, lowestSwitchRow); r < rows; ++r) {
    for (const FabricBox& box : diagram.rows[r].boxes) {
      alignedW = std::max(alignedW, wantedWidth(painter, box));
    }
  }
  alignedW = std::min(alignedW, slotW - gapW);
  const auto place = [&](int r, qsizetype b, double x, double w) {
    BoxGeometry g;
    const FabricBox& box = diagram.rows[r].boxes[b];
    const auto [columns, cellW] = cellGrid(int(box.members.size()), w);
    g.cellColumns = columns;
    g.cellW = cellW;
    g.rect = QRectF(x, 0.0, w, boxHeight(box, columns));
    layout.boxes[r].append(g);
  };
  for (int r = std::max(0, lowestSwitchRow); r < rows; ++r) {
    for (qsizetype b = 0; b < diagram.rows[r].boxes.size(); ++b) {
      place(r, b, layout.left + (double(b) + 0.5) * slotW - alignedW / 2.0, alignedW);
    }
  }
  // Upper rows, bottom up: each box over the mean of the boxes it connects to below.
  for (int r = lowestSwitchRow - 1; r >= 0; --r) {
    const FabricRow& row = diagram.rows[r];
    QList<double> sum(row.boxes.size(), 0.0), weight(row.boxes.size(), 0.0);
    for (const FabricBundle& bundle : diagram.bundles) {
      if (bundle.lowerRow == r + 1 && bundle.upperBox < row.boxes.size() &&
          bundle.lowerBox < layout.boxes[r + 1].size()) {
        // Weighted by links: a box's bundles in two media pull no harder than one.
        sum[bundle.upperBox] +=
            layout.boxes[r + 1][bundle.lowerBox].rect.center().x() * bundle.links;
        weight[bundle.upperBox] += bundle.links;
      }
    }
    const double rowSlot = width / std::max<qsizetype>(1, row.boxes.size());
    QList<double> ideal, widths;
    for (qsizetype b = 0; b < row.boxes.size(); ++b) {
      ideal.append(weight[b] > 0 ? sum[b] / weight[b] : layout.left + (double(b) + 0.5) * rowSlot);
      widths.append(std::min(wantedWidth(painter, row.boxes[b]), std::max(rowSlot - gapW, 20.0)));
    }
    if (joinsEveryBox(diagram, r + 1)) {
      // Every box above serves every box below: evenly along the row.
      for (qsizetype b = 0; b < row.boxes.size(); ++b) {
        ideal[b] = layout.left + (double(b) + 0.5) * rowSlot;
      }
    }
    const QList<double> x = spread(ideal, widths, layout.left, layout.right, gapW);
    for (qsizetype b = 0; b < row.boxes.size(); ++b) {
      place(r, b, x[b], widths[b]);
    }
  }
  // Rows top to bottom: heights, then the gaps share what is left.
  double total = 0.0;
  for (int r = 0; r < rows; ++r) {
    double h = 0.0;
    for (const BoxGeometry& g : layout.boxes[r]) {
      h = std::max(h, g.rect.height());
    }
    layout.rowHeight.append(h);
    total += h;
  }
  const double gap =
      rows > 1 ? std::clamp((field.height() - total) / (rows - 1), kMinGapMm, kMaxGapMm) : 0.0;
  const double used = total + gap * (rows - 1);
  double y = field.top() + std::max(0.0, (field.height() - used) / 2.0);
  for (int r = 0; r < rows; ++r) {
    layout.rowTop.append(y);
    for (BoxGeometry& g : layout.boxes[r]) {
      // The boxes of a row are as tall as its tallest, their cells along their bottoms.
      g.rect = QRectF(g.rect.left(), y, g.rect.width(), layout.rowHeight[r]);
    }
    y += layout.rowHeight[r] + gap;
  }
  layout.bottom = y - gap;
  return layout;
}

void paintBox(QPainter& painter, const FabricBox& box, const BoxGeometry& g, const FabricRow& row) {
  const bool nodes = row.nodes;
  const bool nonePlaced = !nodes && !row.mesh && box.devices > 0 && box.placed == 0;
  QPen pen(row.mesh ? toneColour(Tone::Muted) : inkColour(), kThinMm * 1.4);
  if (nonePlaced) {
    pen.setColor(toneColour(Tone::Warning));
    pen.setDashPattern({3.0, 1.5});
  }
  painter.setPen(pen);
  painter.setBrush(row.mesh ? QColor(Qt::white)
                   : nodes  ? tint(nodeFill(), 0.35)
                            : tint(switchFill(), 0.35));
  painter.drawRoundedRect(g.rect, 1.2, 1.2);
  const double textW = g.rect.width() - 2 * kPadMm;
  const QFont titleFont = reportFont(kTitlePt, true);
  const QFont lineFont = reportFont(kLinePt);
  double y = g.rect.top() + kPadMm;
  drawTextAt(painter, QPointF(g.rect.left() + kPadMm, y), Qt::AlignLeft | Qt::AlignTop,
             elidedText(painter, titleFont, box.title, textW), titleFont, inkColour());
  y += lineHeightMm(kTitlePt);
  for (const DiagramLine& line : box.lines) {
    drawTextAt(painter, QPointF(g.rect.left() + kPadMm, y), Qt::AlignLeft | Qt::AlignTop,
               elidedText(painter, lineFont, line.text, textW), lineFont,
               line.tone == Tone::Normal ? inkColour() : toneColour(line.tone));
    y += lineHeightMm(kLinePt) * 0.95;
  }
  if (g.cellColumns <= 0) {
    return;
  }
  const int cellRows = (int(box.members.size()) + g.cellColumns - 1) / g.cellColumns;
  y = g.rect.bottom() - kPadMm - cellRows * kCellHMm - (cellRows - 1) * kCellGapMm;
  const QFont memberFont = reportFont(kMemberPt);
  for (qsizetype m = 0; m < box.members.size(); ++m) {
    const int row = int(m) / g.cellColumns;
    const int column = int(m) % g.cellColumns;
    const QRectF cell(g.rect.left() + kPadMm + column * (g.cellW + kCellGapMm),
                      y + row * (kCellHMm + kCellGapMm), g.cellW, kCellHMm);
    const bool placed = box.memberPlaced.value(m, true);
    QPen cellPen(placed ? inkColour() : toneColour(Tone::Warning), kHairlineMm * 1.5);
    if (!placed) {
      cellPen.setDashPattern({2.0, 1.2});
    }
    painter.setPen(cellPen);
    painter.setBrush(placed ? switchFill() : QColor(Qt::white));
    painter.drawRect(cell);
    drawTextAt(painter, cell.center(), Qt::AlignHCenter | Qt::AlignVCenter,
               elidedText(painter, memberFont, box.members[m], g.cellW - 0.4), memberFont,
               placed ? inkColour() : toneColour(Tone::Warning));
  }
}

struct BundleLine {
  QPointF from;  // on the lower box's top
  QPointF to;    // on the upper box's bottom
  double widthMm = kThinMm;
  QColor colour;
  int links = 0;
};

/// Attach points spread along a box edge, in the order of the other ends' x.
QList<BundleLine> bundleLines(const FabricDiagram& diagram, const Layout& layout) {
  QList<BundleLine> lines(diagram.bundles.size());
  int most = 1;
  for (const FabricBundle& bundle : diagram.bundles) {
    most = std::max(most, bundle.links);
  }
  // Per box edge, the bundles that attach to it, ordered along it.
  std::map<std::pair<int, int>, QList<int>> upperEnds, lowerEnds;
  for (qsizetype i = 0; i < diagram.bundles.size(); ++i) {
    const FabricBundle& b = diagram.bundles[i];
    if (b.lowerRow < 1 || b.lowerRow >= layout.boxes.size() ||
        b.lowerBox >= layout.boxes[b.lowerRow].size() ||
        b.upperBox >= layout.boxes[b.lowerRow - 1].size()) {
      continue;
    }
    upperEnds[{b.lowerRow - 1, b.upperBox}].append(int(i));
    lowerEnds[{b.lowerRow, b.lowerBox}].append(int(i));
  }
  const auto rectOf = [&](int row, int box) {
    return layout.boxes[row][box].rect;
  };
  const auto attach = [&](const QRectF& edge, int index, int count) {
    // Inside the middle 80 % of the edge, evenly.
    const double inset = edge.width() * (count > 1 ? 0.1 : 0.5);
    return count > 1 ? edge.left() + inset + (edge.width() - 2 * inset) * index / (count - 1)
                     : edge.center().x();
  };
  for (auto& [key, ends] : upperEnds) {
    std::stable_sort(ends.begin(), ends.end(), [&](int a, int b) {
      return rectOf(diagram.bundles[a].lowerRow, diagram.bundles[a].lowerBox).center().x() <
             rectOf(diagram.bundles[b].lowerRow, diagram.bundles[b].lowerBox).center().x();
    });
    const QRectF rect = rectOf(key.first, key.second);
    for (qsizetype k = 0; k < ends.size(); ++k) {
      lines[ends[k]].to = QPointF(attach(rect, int(k), int(ends.size())), rect.bottom());
    }
  }
  for (auto& [key, ends] : lowerEnds) {
    std::stable_sort(ends.begin(), ends.end(), [&](int a, int b) {
      return rectOf(diagram.bundles[a].lowerRow - 1, diagram.bundles[a].upperBox).center().x() <
             rectOf(diagram.bundles[b].lowerRow - 1, diagram.bundles[b].upperBox).center().x();
    });
    const QRectF rect = rectOf(key.first, key.second);
    // The lower ends gather near the box's middle: the lines fan out from there.
    const QRectF middle(rect.center().x() - rect.width() * 0.3, rect.top(), rect.width() * 0.6,
                        0.0);
    for (qsizetype k = 0; k < ends.size(); ++k) {
      BundleLine& line = lines[ends[k]];
      const FabricBundle& b = diagram.bundles[ends[k]];
      line.from = QPointF(attach(middle, int(k), int(ends.size())), rect.top());
      line.links = b.links;
      line.colour = mediaColour(b.mediaClass);
      line.widthMm = 0.3 + 0.9 * std::sqrt(double(b.links) / most);
    }
  }
  return lines;
}

void paintBundleLabel(QPainter& painter, const QPointF& at, const QString& text,
                      const QColor& colour) {
  const QFont font = reportFont(kBundlePt, true);
  const double w = textWidthMm(painter, font, text) + 1.6;
  const double h = lineHeightMm(kBundlePt) * 0.9;
  const QRectF label(at.x() - w / 2.0, at.y() - h / 2.0, w, h);
  painter.setPen(QPen(colour, kHairlineMm));
  painter.setBrush(Qt::white);
  painter.drawRoundedRect(label, 0.8, 0.8);
  drawTextAt(painter, label.center(), Qt::AlignHCenter | Qt::AlignVCenter, text, font, inkColour());
}

/// The medium most links of `bundles` use.
QString dominantMedium(const FabricDiagram& diagram, const QList<int>& bundles) {
  std::map<QString, int> media;
  for (int i : bundles) {
    media[diagram.bundles[i].mediaClass] += diagram.bundles[i].links;
  }
  QString best;
  int most = -1;
  for (const auto& [medium, links] : media) {
    if (links > most) {
      most = links;
      best = medium;
    }
  }
  return best;
}

/// A gap with many bundles (every pod to every plane) is drawn as a bus: each box of both rows
/// joins one bar across the gap, labelled with the links it carries.
void paintBus(QPainter& painter, const FabricDiagram& diagram, const Layout& layout, int lowerRow,
              const QList<int>& bundles, const NumberStyle& style) {
  const double gapTop = layout.rowTop[lowerRow - 1] + layout.rowHeight[lowerRow - 1];
  const double gapBottom = layout.rowTop[lowerRow];
  const double busY = (gapTop + gapBottom) / 2.0;
  std::map<int, int> lowerLinks, upperLinks;
  int total = 0;
  for (int i : bundles) {
    const FabricBundle& b = diagram.bundles[i];
    lowerLinks[b.lowerBox] += b.links;
    upperLinks[b.upperBox] += b.links;
    total += b.links;
  }
  int most = 1;
  for (const auto& [box, links] : lowerLinks) {
    most = std::max(most, links);
  }
  for (const auto& [box, links] : upperLinks) {
    most = std::max(most, links);
  }
  const QColor colour = mediaColour(dominantMedium(diagram, bundles));
  double lo = 1e9, hi = -1e9;
  const auto stub = [&](const QRectF& rect, bool fromTop, int links) {
    const double x = rect.center().x();
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    painter.setPen(
        QPen(colour, 0.3 + 0.9 * std::sqrt(double(links) / most), Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(x, fromTop ? rect.top() : rect.bottom()), QPointF(x, busY));
  };
  for (const auto& [box, links] : lowerLinks) {
    stub(layout.boxes[lowerRow][box].rect, true, links);
  }
  for (const auto& [box, links] : upperLinks) {
    stub(layout.boxes[lowerRow - 1][box].rect, false, links);
  }
  painter.setPen(QPen(colour, 1.4, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(QPointF(lo, busY), QPointF(hi, busY));
  paintBundleLabel(painter, QPointF((lo + hi) / 2.0, busY),
                   QStringLiteral("%1 links: every group to every group above")
                       .arg(formatQuantity(double(total), Quantity::Count, style)),
                   colour);
}

void paintBundles(QPainter& painter, const FabricDiagram& diagram, const Layout& layout,
                  const QLocale& locale) {
  const QList<BundleLine> lines = bundleLines(diagram, layout);
  std::map<int, QList<int>> perGap;
  for (qsizetype i = 0; i < diagram.bundles.size(); ++i) {
    if (lines[i].links > 0) {
      perGap[diagram.bundles[i].lowerRow].append(int(i));
    }
  }
  const NumberStyle style{locale, 3};
  for (const auto& [row, indexes] : perGap) {
    if (indexes.size() > kMaxDirectBundles && joinsEveryBox(diagram, row)) {
      paintBus(painter, diagram, layout, row, indexes, style);
      continue;
    }
    for (int i : indexes) {
      const BundleLine& line = lines[i];
      painter.setPen(QPen(line.colour, line.widthMm, Qt::SolidLine, Qt::FlatCap));
      painter.drawLine(line.from, line.to);
    }
    if (indexes.size() > kMaxDirectBundles) {
      continue;  // too many to label: the margin gives the tier's total
    }
    // Counts on the lines, at the middle of each, moved along the line when two would touch.
    QList<QRectF> taken;
    for (int i : indexes) {
      const BundleLine& line = lines[i];
      const QString text = formatQuantity(double(line.links), Quantity::Count, style);
      const QFont font = reportFont(kBundlePt, true);
      const double w = textWidthMm(painter, font, text) + 1.6;
      const double h = lineHeightMm(kBundlePt) * 0.9;
      for (const double t : {0.5, 0.62, 0.38, 0.74, 0.26}) {
        const QPointF at = line.from + (line.to - line.from) * t;
        const QRectF rect(at.x() - w / 2.0 - 0.6, at.y() - h / 2.0 - 0.4, w + 1.2, h + 0.8);
        const bool clear = std::none_of(taken.cbegin(), taken.cend(), [&](const QRectF& other) {
          return other.intersects(rect);
        });
        if (clear) {
          taken.append(rect);
          paintBundleLabel(painter, at, text, line.colour);
          break;
        }
      }
    }
  }
}

void paintMargin(QPainter& painter, const FabricDiagram& diagram, const Layout& layout,
                 const QRectF& field) {
  const double x = field.left();
  const double w = kMarginMm - 4.0;
  const QFont tierFont = reportFont(kTierPt, true);
  const QFont detailFont = reportFont(kTierLinePt);
  const TextMetrics metrics(painter.device());
  for (qsizetype r = 0; r < diagram.rows.size(); ++r) {
    const FabricRow& row = diagram.rows[r];
    const double detailH = row.detail.isEmpty()
                               ? 0.0
                               : std::min(metrics.wrappedHeightMm(detailFont, w, row.detail),
                                          2.0 * lineHeightMm(kTierLinePt));
    const double titleH = lineHeightMm(kTierPt);
    double y = layout.rowTop[r] + (layout.rowHeight[r] - titleH - detailH) / 2.0;
    drawTextAt(painter, QPointF(x, y), Qt::AlignLeft | Qt::AlignTop,
               elidedText(painter, tierFont, row.title.toUpper(), w), tierFont,
               toneColour(Tone::Muted));
    y += titleH;
    if (detailH > 0.0) {
      paintText(painter, QRectF(x, y, w, detailH), detailFont, toneColour(Tone::Muted),
                Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, row.detail);
    }
  }
  const QFont titleFont = reportFont(kTierLinePt, true);
  const QFont lineFont = reportFont(kTierLinePt);
  for (const FabricTierLinks& tier : diagram.tierLinks) {
    const int r = tier.lowerRow;
    if (r < 1 || r >= layout.rowTop.size()) {
      continue;
    }
    const double gapTop = layout.rowTop[r - 1] + layout.rowHeight[r - 1];
    const double gapBottom = layout.rowTop[r];
    const double step = lineHeightMm(kTierLinePt) * 0.95;
    const double h = step * (tier.lines.size() + 1);
    double y = (gapTop + gapBottom) / 2.0 - h / 2.0;
    drawTextAt(painter, QPointF(x, y), Qt::AlignLeft | Qt::AlignTop,
               elidedText(painter, titleFont, tier.title, w), titleFont, inkColour());
    y += step;
    for (const DiagramLine& line : tier.lines) {
      drawTextAt(painter, QPointF(x, y), Qt::AlignLeft | Qt::AlignTop,
                 elidedText(painter, lineFont, line.text, w), lineFont,
                 line.tone == Tone::Normal ? inkColour() : toneColour(line.tone));
      y += step;
    }
  }
  painter.setPen(QPen(ruleColour(), kHairlineMm));
  painter.drawLine(QPointF(x + kMarginMm - 2.0, layout.rowTop.value(0, field.top())),
                   QPointF(x + kMarginMm - 2.0, layout.bottom));
}

LegendItem cellItem(bool placed, const QString& text) {
  LegendItem item{LegendItem::Kind::Custom, inkColour(), text};
  item.paint = [placed](QPainter& painter, const QRectF& swatch) {
    QPen pen(placed ? inkColour() : toneColour(Tone::Warning), kHairlineMm * 1.5);
    if (!placed) {
      pen.setDashPattern({2.0, 1.2});
    }
    painter.setPen(pen);
    painter.setBrush(placed ? switchFill() : QColor(Qt::white));
    painter.drawRect(swatch.adjusted(1.2, 0, -1.2, 0));
  };
  return item;
}

double stripHeight(int legendItems, int dataRows) {
  return std::max(legendHeightMm(legendItems, kLegendColumns), dataBoxHeightMm(dataRows));
}

}  // namespace

QColor mediaColour(const QString& mediaClass) {
  if (mediaClass == QLatin1String("multimode")) {
    return QColor(0x1b, 0x9a, 0xaa);  // OM3/OM4 aqua
  }
  if (mediaClass == QLatin1String("single-mode")) {
    return QColor(0xc8, 0x9b, 0x00);  // OS2 yellow
  }
  if (mediaClass == QLatin1String("passive-copper") ||
      mediaClass == QLatin1String("active-copper")) {
    return QColor(0xa0, 0x5a, 0x2c);  // copper
  }
  if (mediaClass == QLatin1String("aoc")) {
    return QColor(0x7b, 0x4f, 0xa0);
  }
  if (mediaClass == QLatin1String("twisted-pair")) {
    return QColor(0x4a, 0x6f, 0xa5);
  }
  return toneColour(Tone::Error);
}

void paintFabricDiagram(QPainter& painter, const QRectF& areaMm, const FabricDiagram& diagram,
                        const QLocale& locale) {
  QList<LegendItem> legend;
  for (const QString& media : diagram.mediaClasses) {
    legend.append({LegendItem::Kind::Line, mediaColour(media), mediaClassName(media), 1.0});
  }
  legend.append({LegendItem::Kind::Fill, tint(switchFill(), 0.35),
                 QStringLiteral("Group of switches (cells: one switch each)")});
  legend.append(cellItem(true, QStringLiteral("Switch placed")));
  legend.append(cellItem(false, QStringLiteral("Switch needed, not placed")));
  legend.append({LegendItem::Kind::Fill, tint(nodeFill(), 0.35), QStringLiteral("Nodes")});
  legend.append({LegendItem::Kind::Custom, inkColour(), QStringLiteral("Links in the bundle"),
                 kThinMm, [](QPainter& painter, const QRectF& swatch) {
                   paintBundleLabel(painter, swatch.center(), QStringLiteral("256"), inkColour());
                 }});
  QList<DataRow> data;
  for (const auto& [label, value] : diagram.data) {
    data.append({label, value});
  }
  const double stripH = stripHeight(int(legend.size()), int(data.size()));
  const QRectF field(areaMm.left(), areaMm.top(), areaMm.width(),
                     areaMm.height() - stripH - kStripGapMm);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  if (diagram.rows.isEmpty()) {
    drawTextAt(painter, field.center(), Qt::AlignHCenter | Qt::AlignVCenter,
               QStringLiteral("The fabric has no devices to draw"), reportFont(9.0),
               toneColour(Tone::Muted));
  } else {
    const Layout layout = layoutDiagram(painter, diagram, field);
    paintBundles(painter, diagram, layout, locale);
    for (qsizetype r = 0; r < diagram.rows.size(); ++r) {
      for (qsizetype b = 0; b < diagram.rows[r].boxes.size(); ++b) {
        paintBox(painter, diagram.rows[r].boxes[b], layout.boxes[r][b], diagram.rows[r]);
      }
    }
    paintMargin(painter, diagram, layout, field);
  }
  painter.restore();
  const QRectF strip(areaMm.left(), areaMm.bottom() - stripH, areaMm.width(), stripH);
  paintLegend(
      painter,
      QRectF(strip.left(), strip.top(), strip.width() - kDataWidthMm - kStripSpacingMm, stripH),
      QStringLiteral("Legend"), legend, kLegendColumns, true);
  paintDataBox(painter, QRectF(strip.right() - kDataWidthMm, strip.top(), kDataWidthMm, stripH),
               QStringLiteral("Drawing data"), data, true);
}

void paintFabricTopology(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                         const ReportData& data) {
  paintFabricDiagram(
      painter, areaMm,
      fabricTopology(data.project, data.catalog, data.analysis.fabric, drawing.fabric, data.locale),
      data.locale);
}

QStringList fabricTopologyNotes(const Drawing& drawing, const ReportData& data) {
  return fabricTopology(data.project, data.catalog, data.analysis.fabric, drawing.fabric,
                        data.locale)
      .notes;
}

}  // namespace dc::report
