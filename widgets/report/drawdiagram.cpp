// SPDX-License-Identifier: GPL-3.0-or-later
// Paints a laid-out diagram: tier titles, group frames, edges (circuits in their feed's colour,
// pipes as supply and return pairs, air dashed), symbols and their text, legend and data.
#include "drawdiagram.h"

#include "drawdiagramlayout.h"
#include "drawpalette.h"
#include "drawsymbols.h"
#include "pdftext.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace dc::report {

namespace {
constexpr double kPipeOffsetMm = 0.75;  // half the distance between supply and return
constexpr double kArrowMm = 1.5;
// A sparse diagram spreads its slots and gaps over the sheet rather than growing: its text
// stays at the sizes asked for.
constexpr double kMaxEnlargement = 1.0;
constexpr double kStripGapMm = 6.0;  // between the diagram and the legend strip
constexpr double kDataWidthMm = 82.0;
constexpr double kStripSpacingMm = 6.0;
constexpr int kLegendColumns = 4;
constexpr double kTierTitlePt = 6.5;

QColor edgeColour(const Bus& bus) {
  switch (bus.style) {
    case EdgeStyle::Power:
    case EdgeStyle::Assumed:
      return feedColour(bus.feed);
    case EdgeStyle::Standby:
      return inkColour();
    case EdgeStyle::Pipe:
      return supplyColour();
    case EdgeStyle::Air:
      return toneColour(Tone::Muted);
  }
  return inkColour();
}

QPen edgePen(const Bus& bus, double widthMm) {
  QPen pen(edgeColour(bus), widthMm, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
  if (bus.style == EdgeStyle::Standby || bus.style == EdgeStyle::Air) {
    pen.setDashPattern({5.0, 2.5});
  } else if (bus.style == EdgeStyle::Assumed) {
    pen.setDashPattern({1.0, 2.0});
  }
  return pen;
}

/// The orthogonal path of one edge of a bus: down, across at the lane, down into the port.
QList<QPointF> edgePath(const Bus& bus, const QPointF& drop) {
  if (bus.lane < 0) {
    return {QPointF(bus.sourceX, bus.sourceY), QPointF(bus.sourceX, drop.y())};
  }
  return {QPointF(bus.sourceX, bus.sourceY), QPointF(bus.sourceX, bus.laneY),
          QPointF(drop.x(), bus.laneY), drop};
}

/// The path shifted `d` to the left of its direction of travel (segment by segment, corners
/// where the shifted segments meet): one line of a pipe pair.
QPolygonF offsetPath(const QList<QPointF>& points, double d) {
  QList<QPointF> normals;
  for (qsizetype i = 0; i + 1 < points.size(); ++i) {
    const QPointF v = points[i + 1] - points[i];
    const double length = std::hypot(v.x(), v.y());
    normals.append(length > 0 ? QPointF(v.y(), -v.x()) / length * d : QPointF());
  }
  QPolygonF shifted;
  for (qsizetype i = 0; i < points.size(); ++i) {
    const QPointF before = i > 0 ? normals[i - 1] : normals.value(0);
    const QPointF after = i < normals.size() ? normals[i] : normals.value(normals.size() - 1);
    // Orthogonal segments: x from the vertical one's shift, y from the horizontal one's.
    const QPointF shift(std::abs(before.x()) > std::abs(after.x()) ? before.x() : after.x(),
                        std::abs(before.y()) > std::abs(after.y()) ? before.y() : after.y());
    shifted.append(points[i] + shift);
  }
  return shifted;
}

void arrowHead(QPainter& painter, const QPointF& tip, bool down, const QColor& colour) {
  const double s = down ? 1.0 : -1.0;
  QPainterPath head;
  head.moveTo(tip);
  head.lineTo(tip + QPointF(-kArrowMm * 0.55, -s * kArrowMm));
  head.lineTo(tip + QPointF(kArrowMm * 0.55, -s * kArrowMm));
  head.closeSubpath();
  painter.fillPath(head, colour);
}

void paintPipe(QPainter& painter, const Bus& bus) {
  for (const QPointF& drop : bus.drops) {
    const QList<QPointF> path = edgePath(bus, drop);
    const QPolygonF supply = offsetPath(path, kPipeOffsetMm);
    const QPolygonF back = offsetPath(path, -kPipeOffsetMm);
    painter.setPen(QPen(supplyColour(), kThinMm * 1.4, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter.drawPolyline(supply);
    painter.setPen(QPen(returnColour(), kThinMm * 1.4, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
    painter.drawPolyline(back);
    // Flow arrows on the last leg: supply down to the consumer, return back up.
    const QPointF a = supply[supply.size() - 2];
    const QPointF b = supply.last();
    if (b.y() - a.y() > 4 * kArrowMm) {
      arrowHead(painter, QPointF(b.x(), (a.y() + b.y()) / 2 + kArrowMm / 2), true, supplyColour());
      const QPointF c = back[back.size() - 2];
      const QPointF e = back.last();
      arrowHead(painter, QPointF(e.x(), (c.y() + e.y()) / 2 - kArrowMm / 2), false, returnColour());
    }
  }
}

void paintBus(QPainter& painter, const Bus& bus, bool heavy) {
  if (bus.style == EdgeStyle::Pipe) {
    paintPipe(painter, bus);
    return;
  }
  painter.setPen(edgePen(bus, heavy ? kThickMm : kMediumMm));
  painter.setBrush(Qt::NoBrush);
  for (const QPointF& drop : bus.drops) {
    QPolygonF line;
    for (const QPointF& p : edgePath(bus, drop)) {
      line.append(p);
    }
    painter.drawPolyline(line);
    if (bus.style == EdgeStyle::Air) {
      arrowHead(painter, drop, true, edgeColour(bus));
    }
  }
  if (bus.lane < 0 || bus.style != EdgeStyle::Power) {
    return;
  }
  // Junction dots where a drop leaves the run between its ends.
  double lo = bus.sourceX;
  double hi = bus.sourceX;
  for (const QPointF& drop : bus.drops) {
    lo = std::min(lo, drop.x());
    hi = std::max(hi, drop.x());
  }
  painter.setPen(Qt::NoPen);
  painter.setBrush(edgeColour(bus));
  QList<double> xs{bus.sourceX};
  for (const QPointF& drop : bus.drops) {
    xs.append(drop.x());
  }
  for (double x : xs) {
    if (x > lo + 0.05 && x < hi - 0.05) {
      painter.drawEllipse(QPointF(x, bus.laneY), 0.55, 0.55);
    }
  }
}

void paintNodeText(QPainter& painter, const DiagramNode& node, const NodeGeometry& g) {
  const bool box = isBoxSymbol(node.symbol);
  const QFont titleFont = reportFont(kDiagramTitlePt, true);
  const QFont lineFont = reportFont(kDiagramLinePt);
  double y = g.text.top();
  const auto put = [&](const QString& text, const QFont& font, const QColor& colour, double h) {
    const QString shown = elidedText(painter, font, text, g.text.width());
    if (box) {
      drawTextAt(painter, QPointF(g.text.center().x(), y), Qt::AlignHCenter | Qt::AlignTop, shown,
                 font, colour);
    } else {
      drawTextAt(painter, QPointF(g.text.left(), y), Qt::AlignLeft | Qt::AlignTop, shown, font,
                 colour);
    }
    y += h;
  };
  put(node.title, titleFont, inkColour(), lineHeightMm(kDiagramTitlePt) * 0.95);
  for (const DiagramLine& line : node.lines) {
    put(line.text, lineFont, toneColour(line.tone), lineHeightMm(kDiagramLinePt) * 0.95);
  }
  if (node.byFacility) {
    QFont italic = lineFont;
    italic.setItalic(true);
    put(QStringLiteral("by the facility"), italic, toneColour(Tone::Muted), 0);
  }
}

void paintBox(QPainter& painter, const DiagramNode& node, const NodeGeometry& g) {
  const QRectF r(g.centre - QPointF(g.symbol.width(), g.symbol.height()) / 2.0, g.symbol);
  QColor fill = QColor(0xf4, 0xf6, 0xf8);
  if (node.symbol == DiagramSymbol::RackManifold) {
    fill = tint(cduFill(), 0.5);
  } else if (node.symbol == DiagramSymbol::AirZone) {
    fill = tint(airCoolerFill(), 0.5);
  }
  painter.setPen(QPen(inkColour(), kMediumMm));
  painter.setBrush(fill);
  painter.drawRect(r);
}

/// A dashed frame around a group's nodes, its caption under the first node's text (where no
/// line runs: circuits and pipes pass through the symbols).
void paintGroups(QPainter& painter, const Diagram& diagram, const DiagramLayout& layout) {
  for (const DiagramGroup& group : diagram.groups) {
    if (group.nodes.isEmpty()) {
      continue;
    }
    QRectF frame;
    for (int i : group.nodes) {
      frame = frame.isNull() ? layout.nodes[i].bounds : frame.united(layout.nodes[i].bounds);
    }
    const NodeGeometry& first = layout.nodes[group.nodes.first()];
    const QRectF caption(first.text.left(), frame.bottom() + 1.6, first.textRoomMm,
                         groupCaptionHeightMm(group));
    double captionW = textWidthMm(painter, reportFont(7.0, true), group.title);
    for (const DiagramLine& line : group.lines) {
      captionW = std::max(captionW, textWidthMm(painter, reportFont(kDiagramLinePt), line.text));
    }
    frame = frame
                .united(QRectF(caption.topLeft(),
                               QSizeF(std::min(captionW, caption.width()), caption.height())))
                .adjusted(-2.0, -2.0, 2.0, 0.6);
    QPen pen(toneColour(Tone::Muted), kThinMm);
    pen.setDashPattern({4.0, 2.0});
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawRoundedRect(frame, 1.5, 1.5);
    double y = caption.top();
    const QFont titleFont = reportFont(7.0, true);
    drawTextAt(painter, QPointF(caption.left(), y), Qt::AlignLeft | Qt::AlignTop,
               elidedText(painter, titleFont, group.title, caption.width()), titleFont,
               inkColour());
    y += lineHeightMm(7.0);
    const QFont font = reportFont(kDiagramLinePt);
    for (const DiagramLine& line : group.lines) {
      drawTextAt(painter, QPointF(caption.left(), y), Qt::AlignLeft | Qt::AlignTop,
                 elidedText(painter, font, line.text, caption.width()), font,
                 toneColour(line.tone));
      y += lineHeightMm(kDiagramLinePt) * 0.95;
    }
  }
}

void paintTierTitles(QPainter& painter, const Diagram& diagram, const DiagramLayout& layout) {
  const TextMetrics metrics(painter.device());
  const double widthMm = kTierMarginMm - 4;
  for (qsizetype t = 0; t < layout.rowTop.size() && t < diagram.tierTitles.size(); ++t) {
    const double cy = layout.rowTop[t] + (layout.rowHeight[t] - layout.captionHeight[t]) / 2.0;
    const QString title = diagram.tierTitles[t].toUpper();
    // Each word on one line: a long one ("TRANSFORMERS") sets the title a little smaller.
    double pt = kTierTitlePt;
    for (const QString& word : title.split(QLatin1Char(' '))) {
      while (pt > kMinLabelPt && metrics.widthMm(reportFont(pt, true), word) > widthMm) {
        pt -= 0.5;
      }
    }
    paintText(painter, QRectF(0, cy - 6, widthMm, 12), reportFont(pt, true),
              toneColour(Tone::Muted), Qt::AlignLeft | Qt::AlignVCenter, title);
  }
  painter.setPen(QPen(ruleColour(), kHairlineMm));
  painter.drawLine(QPointF(kTierMarginMm - 2, 0),
                   QPointF(kTierMarginMm - 2, layout.sizeMm.height()));
}

/// The feed letter beside each circuit entering a box (a rack group's PDU feeds).
void paintFeedLetters(QPainter& painter, const Diagram& diagram, const DiagramLayout& layout) {
  QList<int> seen(diagram.nodes.size(), 0);
  const QFont font = reportFont(5.5, true);
  for (const DiagramEdge& edge : diagram.edges) {
    const int k = seen[edge.to]++;
    const DiagramNode& target = diagram.nodes[edge.to];
    if (!isBoxSymbol(target.symbol) || edge.feed < 0 || edge.style == EdgeStyle::Pipe) {
      continue;
    }
    const NodeGeometry& g = layout.nodes[edge.to];
    const double top = g.centre.y() - g.symbol.height() / 2.0;
    drawTextAt(painter, QPointF(g.inPortX.value(k) + 0.6, top - 0.5),
               Qt::AlignLeft | Qt::AlignBottom, QString(QChar(u'A' + edge.feed)), font,
               feedColour(edge.feed));
  }
}

/// Circuits above the UPS carry the whole source: drawn heavier.
bool heavyBus(const Diagram& diagram, const Bus& bus) {
  const DiagramSymbol symbol = diagram.nodes[bus.from].symbol;
  return symbol == DiagramSymbol::Utility || symbol == DiagramSymbol::Transformer ||
         symbol == DiagramSymbol::Switchgear;
}

double diagramStripHeightMm(const DiagramSheet& sheet) {
  return std::max(legendHeightMm(int(sheet.legend.size()), kLegendColumns),
                  dataBoxHeightMm(sheet.data.size()));
}

}  // namespace

void paintDiagram(QPainter& painter, const QRectF& areaMm, const Diagram& diagram,
                  const DiagramSheet& sheet) {
  const double stripH = diagramStripHeightMm(sheet);
  const QRectF field(areaMm.left(), areaMm.top(), areaMm.width(),
                     areaMm.height() - stripH - kStripGapMm);
  const DiagramLayout layout = layoutOnPaper(painter, diagram, field.width() / kMaxEnlargement,
                                             field.height() / kMaxEnlargement);
  // Shrunk to fit when its text needs more than the sheet (many busways on one tier).
  const double scale =
      std::min({kMaxEnlargement, field.width() / std::max(1.0, layout.sizeMm.width()),
                field.height() / std::max(1.0, layout.sizeMm.height())});
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  painter.translate(field.left() + (field.width() - layout.sizeMm.width() * scale) / 2.0,
                    field.top() + (field.height() - layout.sizeMm.height() * scale) / 2.0);
  painter.scale(scale, scale);
  paintTierTitles(painter, diagram, layout);
  paintGroups(painter, diagram, layout);
  for (const Bus& bus : layout.buses) {
    paintBus(painter, bus, heavyBus(diagram, bus));
  }
  for (qsizetype i = 0; i < diagram.nodes.size(); ++i) {
    const DiagramNode& node = diagram.nodes[i];
    const NodeGeometry& g = layout.nodes[i];
    if (isBoxSymbol(node.symbol)) {
      paintBox(painter, node, g);
    } else {
      paintSymbol(painter, node.symbol, g.centre, feedColour(node.feed), node.byFacility);
    }
    paintNodeText(painter, node, g);
  }
  paintFeedLetters(painter, diagram, layout);
  painter.restore();
  if (!sheet.emptyText.isEmpty()) {
    // Under whatever little is drawn (the utility alone stands in the middle).
    drawTextAt(painter, field.center() + QPointF(0, 24.0), Qt::AlignHCenter | Qt::AlignVCenter,
               sheet.emptyText, reportFont(9.0), toneColour(Tone::Muted));
  }

  const QRectF strip(areaMm.left(), areaMm.bottom() - stripH, areaMm.width(), stripH);
  paintLegend(
      painter,
      QRectF(strip.left(), strip.top(), strip.width() - kDataWidthMm - kStripSpacingMm, stripH),
      sheet.legendTitle, sheet.legend, kLegendColumns, true);
  paintDataBox(painter, QRectF(strip.right() - kDataWidthMm, strip.top(), kDataWidthMm, stripH),
               QStringLiteral("Drawing data"), sheet.data, true);
}

}  // namespace dc::report
