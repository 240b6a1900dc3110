// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabricoverlayitem.h"

#include "fabric/fabricpalette.h"
#include "floormouseevent.h"
#include "format/quantityformat.h"

#include <QGraphicsSceneHoverEvent>
#include <QLineF>
#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {
constexpr double kLabelMarginMm = 3000.0;

QPointF toPoint(const PointMm& p) {
  return QPointF(double(p.xMm), double(p.yMm));
}

QPolygonF toPolygon(const QList<PointMm>& path) {
  QPolygonF polygon;
  for (const PointMm& p : path) {
    polygon.append(toPoint(p));
  }
  return polygon;
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
  const QPointF ab = b - a;
  const double length2 = QPointF::dotProduct(ab, ab);
  const double t =
      length2 > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
  const QPointF d = p - (a + t * ab);
  return std::hypot(d.x(), d.y());
}

QPen cosmeticPen(const QColor& color, double widthPx, Qt::PenStyle style = Qt::SolidLine) {
  QPen pen(color, widthPx, style, Qt::FlatCap, Qt::MiterJoin);
  pen.setCosmetic(true);
  return pen;
}

FabricOverlayLook::Tray trayLook(const TrayUse& use, int* maxLinks, QStringList* media) {
  FabricOverlayLook::Tray tray;
  tray.name = use.name;
  tray.pathMm = toPolygon(use.pathMm);
  tray.generated = use.trayId.isNull();
  tray.worstFillPct = use.worstFillPct;
  tray.fillLimitPct = use.fillLimitPct;
  tray.widthMm = use.widthMm;  // the engine's: drawn, or the generated trays' assumption
  for (qsizetype i = 0; i + 1 < use.pathMm.size(); ++i) {
    FabricOverlayLook::Segment segment;
    segment.fromMm = toPoint(use.pathMm[i]);
    segment.toMm = toPoint(use.pathMm[i + 1]);
    int dominant = 0;
    const QHash<QString, int> links = use.segmentLinks.value(i);
    // Keys in sorted order: the same class wins a tie on every run.
    QStringList keys = links.keys();
    keys.sort();
    for (const QString& key : keys) {
      segment.links += links.value(key);
      if (links.value(key) > dominant) {
        dominant = links.value(key);
        segment.media = key;
      }
      if (links.value(key) > 0 && !media->contains(key)) {
        media->append(key);
      }
    }
    segment.fillPct = use.segmentFillPct.value(i);  // the engine's, per segment
    segment.overFill = segment.fillPct > use.fillLimitPct;
    *maxLinks = std::max(*maxLinks, segment.links);
    tray.segments.append(segment);
  }
  return tray;
}
}  // namespace

double FabricOverlayLook::bundleWidthMm(int links, double trayWidthMm) const {
  if (links <= 0 || maxLinks <= 0) {
    return 0.0;
  }
  const double widest = 0.8 * trayWidthMm;
  return std::max(40.0, widest * double(links) / double(maxLinks));
}

FabricOverlayItem::FabricOverlayItem(Layer layer) : mLayer(layer) {
  // Trays under the racks, which the Fabric overlay draws translucent: the trays and bundles
  // show through them and the racks' names and figures stay on top, readable. Labels on top.
  setZValue(layer == Layer::Trays ? kZRack - 1 : kZOverlay);
  setAcceptedMouseButtons(Qt::NoButton);
  setAcceptHoverEvents(layer == Layer::Trays);
}

FabricOverlayLook FabricOverlayItem::lookFor(const FabricResult& result, HallId hallId) {
  FabricOverlayLook look;
  for (const TrayUse& use : result.trays) {
    if (use.hallId == hallId && use.pathMm.size() >= 2) {
      look.trays.append(trayLook(use, &look.maxLinks, &look.media));
    }
  }
  // Media in the engine's order (cheapest reach first), unknown classes last.
  std::stable_sort(look.media.begin(), look.media.end(), [](const QString& a, const QString& b) {
    const auto rank = [](const QString& key) {
      const qsizetype i = mediaClassKeys().indexOf(key);
      return i < 0 ? mediaClassKeys().size() : i;
    };
    return rank(a) < rank(b);
  });
  for (const FabricSummary& fabric : result.fabrics) {
    if (fabric.hallId != hallId) {
      continue;
    }
    for (qsizetype i = 0; i < fabric.longestRoutesMm.size(); ++i) {
      FabricOverlayLook::Route route;
      route.pathMm = toPolygon(fabric.longestRoutesMm[i]);
      route.fabric = fabric.name;
      const int cable = fabric.longestCables.value(i, -1);
      if (cable >= 0 && std::size_t(cable) < result.cables.size()) {
        route.lengthMm = result.cables[std::size_t(cable)].routedMm;
      }
      if (route.pathMm.size() >= 2) {
        look.longest.append(route);
      }
    }
  }
  std::stable_sort(look.longest.begin(), look.longest.end(),
                   [](const auto& a, const auto& b) { return a.lengthMm > b.lengthMm; });
  return look;
}

void FabricOverlayItem::setLook(FabricOverlayLook look) {
  prepareGeometryChange();
  mLook = std::move(look);
  mBands.clear();
  mShape = QPainterPath();
  QRectF bounds;
  for (const FabricOverlayLook::Tray& tray : mLook.trays) {
    QPainterPath centre;
    centre.addPolygon(tray.pathMm);
    QPainterPathStroker stroker;
    stroker.setWidth(tray.widthMm);
    stroker.setCapStyle(Qt::FlatCap);
    stroker.setJoinStyle(Qt::MiterJoin);
    const QPainterPath band = stroker.createStroke(centre).simplified();
    mBands.append(band);
    mShape.addPath(band);
    bounds |= band.boundingRect();
  }
  for (const FabricOverlayLook::Route& route : mLook.longest) {
    bounds |= route.pathMm.boundingRect();
  }
  mBounds = bounds.adjusted(-kLabelMarginMm, -kLabelMarginMm, kLabelMarginMm, kLabelMarginMm);
  update();
}

QRectF FabricOverlayItem::boundingRect() const {
  return mBounds;
}

QPainterPath FabricOverlayItem::shape() const {
  return mLayer == Layer::Trays ? mShape : QPainterPath();
}

void FabricOverlayItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing, true);
  if (mLayer == Layer::Labels) {
    drawLabels(painter);
    return;
  }
  // Trays: a light band with its edges, solid for the design's, dashed for generated ones.
  for (qsizetype i = 0; i < mLook.trays.size(); ++i) {
    const FabricOverlayLook::Tray& tray = mLook.trays[i];
    QColor fill = trayColor();
    fill.setAlpha(38);
    painter->setBrush(fill);
    QColor edge = trayColor();
    edge.setAlpha(170);
    painter->setPen(cosmeticPen(edge, 1.0, tray.generated ? Qt::DashLine : Qt::SolidLine));
    painter->drawPath(mBands[i]);
  }
  // Over-full segments: the tray band of the segment in red under the bundle.
  for (const FabricOverlayLook::Tray& tray : mLook.trays) {
    for (const FabricOverlayLook::Segment& s : tray.segments) {
      if (!s.overFill) {
        continue;
      }
      QColor red = trayOverFillColor();
      red.setAlpha(70);
      QPen band(red, tray.widthMm, Qt::SolidLine, Qt::FlatCap);
      painter->setPen(band);
      painter->drawLine(s.fromMm, s.toMm);
    }
  }
  // Bundles along the centre line; round caps join consecutive segments without gaps.
  for (const FabricOverlayLook::Tray& tray : mLook.trays) {
    for (const FabricOverlayLook::Segment& s : tray.segments) {
      const double width = mLook.bundleWidthMm(s.links, tray.widthMm);
      if (width <= 0.0) {
        continue;
      }
      QColor color = mediaClassColor(s.media);
      color.setAlpha(200);
      painter->setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      painter->drawLine(s.fromMm, s.toMm);
      if (s.overFill) {
        painter->setPen(cosmeticPen(trayOverFillColor(), 2.0));
        QPainterPath centre;
        centre.moveTo(s.fromMm);
        centre.lineTo(s.toMm);
        QPainterPathStroker stroker;
        stroker.setWidth(tray.widthMm);
        stroker.setCapStyle(Qt::FlatCap);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(stroker.createStroke(centre));
      }
    }
  }
  // The longest links: a dashed line from rack to rack over the trays, on top of the bundles
  // (a halo would hide the bundle the link runs in).
  painter->setBrush(Qt::NoBrush);
  QStringList dotted;  // the longest route of each fabric gets a dot at both ends
  for (const FabricOverlayLook::Route& route : mLook.longest) {
    QPen pen = cosmeticPen(longestLinkColor(), 2.2, Qt::DashLine);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(route.pathMm);
    if (!dotted.contains(route.fabric)) {
      dotted.append(route.fabric);
      painter->setBrush(longestLinkColor());
      painter->setPen(Qt::NoPen);
      const double dotMm = 3.5 / std::max(1e-6, painter->worldTransform().m11());
      painter->drawEllipse(route.pathMm.first(), dotMm, dotMm);
      painter->drawEllipse(route.pathMm.last(), dotMm, dotMm);
    }
  }
}

void FabricOverlayItem::drawLabels(QPainter* painter) const {
  // One label per fabric and switch end: routes that end at the same rack read as one, with
  // the longest length among them.
  struct Label {
    QPointF anchorMm;
    QString fabric;
    std::int64_t lengthMm = 0;
  };
  QList<Label> labels;
  for (const FabricOverlayLook::Route& route : mLook.longest) {
    const QPointF end = route.pathMm.last();
    const auto same = std::find_if(labels.begin(), labels.end(), [&](const Label& l) {
      return l.fabric == route.fabric && QLineF(l.anchorMm, end).length() < 1000.0;
    });
    if (same == labels.end()) {
      labels.append({end, route.fabric, route.lengthMm});
    } else {
      same->lengthMm = std::max(same->lengthMm, route.lengthMm);
    }
  }
  if (labels.isEmpty()) {
    return;
  }
  const QTransform toDevice = painter->worldTransform();
  painter->save();
  painter->resetTransform();
  QFont font = painter->font();
  font.setPixelSize(11);
  painter->setFont(font);
  QFont bold = font;
  bold.setBold(true);
  const QFontMetrics metrics(font);
  const QFontMetrics boldMetrics(bold);
  QList<QRectF> placed;
  for (const Label& label : labels) {
    const QPointF anchor = toDevice.map(label.anchorMm);
    const QString length = formatQuantity(double(label.lengthMm), Quantity::LengthMm);
    const QString name = label.fabric + QStringLiteral("  ");
    const double width = metrics.horizontalAdvance(name) + boldMetrics.horizontalAdvance(length);
    QRectF box(anchor + QPointF(10, -metrics.height() - 12),
               QSizeF(width + 12, metrics.height() + 6));
    for (const QRectF& other : placed) {
      if (box.intersects(other)) {
        box.moveTop(other.bottom() + 3);
      }
    }
    placed.append(box);
    painter->setPen(cosmeticPen(longestLinkColor(), 1.0));
    painter->drawLine(anchor, QPointF(box.left(), box.center().y()));
    painter->setBrush(QColor(255, 255, 255, 240));
    painter->drawRoundedRect(box, 3, 3);
    const QRectF text = box.adjusted(6, 0, -6, 0);
    painter->setPen(QColor(0x37, 0x47, 0x4f));
    painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, name);
    painter->setFont(bold);
    painter->setPen(longestLinkColor());
    painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, length);
    painter->setFont(font);
  }
  painter->restore();
}

QString FabricOverlayItem::segmentToolTip(const QPointF& posMm) const {
  for (const FabricOverlayLook::Tray& tray : mLook.trays) {
    for (qsizetype i = 0; i < tray.segments.size(); ++i) {
      const FabricOverlayLook::Segment& s = tray.segments[i];
      if (distanceToSegment(posMm, s.fromMm, s.toMm) > tray.widthMm / 2.0) {
        continue;
      }
      QString text = QObject::tr("Tray %1%2, segment %3: %4 links")
                         .arg(tray.name, tray.generated ? QObject::tr(" (generated)") : QString())
                         .arg(i + 1)
                         .arg(formatQuantity(s.links, Quantity::Count));
      if (!s.media.isEmpty()) {
        text += QObject::tr(", mostly %1").arg(mediaClassName(s.media).toLower());
      }
      text +=
          QObject::tr("\nFill about %1 (limit %2)")
              .arg(formatQuantity(s.fillPct, Quantity::Percent),
                   formatQuantity(tray.fillLimitPct, Quantity::Percent, NumberStyle::forNominal()));
      return text;
    }
  }
  return {};
}

void FabricOverlayItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event) {
  setToolTip(segmentToolTip(event->pos()));
  QGraphicsItem::hoverMoveEvent(event);
}

}  // namespace dc
