// SPDX-License-Identifier: GPL-3.0-or-later
#include "hallitem.h"

#include "floormouseevent.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace dc {

namespace {
QPainterPath pathOf(const PolygonMm& polygon) {
  QPolygonF points;
  for (const PointMm& p : polygon) {
    points.append(QPointF(double(p.xMm), double(p.yMm)));
  }
  QPainterPath path;
  path.addPolygon(points);
  path.closeSubpath();
  return path;
}
}  // namespace

HallItem::HallItem(const Hall& hall) : mHallId(hall.id()) {
  setZValue(kZHall);
  sync(hall);
}

void HallItem::sync(const Hall& hall) {
  prepareGeometryChange();
  mName = hall.name();
  mTileMm = hall.tileMm();
  mOutline = pathOf(hall.outlineMm());
  mObstacles.clear();
  mObstacleNames.clear();
  for (const Obstacle& obstacle : hall.obstacles()) {
    mObstacles.append(pathOf(obstacle.outlineMm));
    mObstacleNames.append(obstacle.name);
  }
  update();
}

QRectF HallItem::boundingRect() const {
  return mOutline.boundingRect().adjusted(-400, -1200, 400, 400);
}

void HallItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
  const QRectF box = mOutline.boundingRect();
  painter->fillPath(mOutline, QColor(0xfa, 0xfa, 0xfa));

  // Tile grid, clipped to the floor, drawn only where tiles are at least 4 px apart.
  if (mTileMm * lod >= 4) {
    painter->save();
    painter->setClipPath(mOutline);
    QPen grid(QColor(0xdd, 0xe3, 0xe8));
    grid.setCosmetic(true);
    painter->setPen(grid);
    const double x0 = std::floor(box.left() / mTileMm) * mTileMm;
    const double y0 = std::floor(box.top() / mTileMm) * mTileMm;
    for (double x = x0; x <= box.right(); x += mTileMm) {
      painter->drawLine(QPointF(x, box.top()), QPointF(x, box.bottom()));
    }
    for (double y = y0; y <= box.bottom(); y += mTileMm) {
      painter->drawLine(QPointF(box.left(), y), QPointF(box.right(), y));
    }
    painter->restore();
  }

  for (qsizetype i = 0; i < mObstacles.size(); ++i) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(QBrush(QColor(0x78, 0x90, 0x9c), Qt::BDiagPattern));
    painter->drawPath(mObstacles[i]);
    QPen pen(QColor(0x54, 0x6e, 0x7a));
    pen.setCosmetic(true);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(mObstacles[i]);
  }

  QPen wall(QColor(0x26, 0x32, 0x38));
  wall.setWidthF(200);  // 200 mm walls read as walls at any zoom
  wall.setJoinStyle(Qt::MiterJoin);
  painter->setPen(wall);
  painter->setBrush(Qt::NoBrush);
  painter->drawPath(mOutline);

  QFont font = painter->font();
  font.setPixelSize(500);
  font.setBold(true);
  painter->setFont(font);
  painter->setPen(QColor(0x37, 0x47, 0x4f));
  painter->drawText(QPointF(box.left(), box.top() - 350), mName);
}

}  // namespace dc
