// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackitem.h"

#include "floormouseevent.h"
#include "floorpalette.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace dc {

RackItem::RackItem(RackId rackId) : mRackId(rackId) {
  setFlag(ItemIsSelectable);
  setZValue(kZRack);
  setAcceptHoverEvents(true);
}

void RackItem::sync(const RackLook& look) {
  prepareGeometryChange();
  mLook = look;
  const RectMm& r = mLook.footprintMm;
  setPos((r.x0Mm + r.x1Mm) / 2.0, (r.y0Mm + r.y1Mm) / 2.0);
  setToolTip(
      QStringLiteral("%1 — %2\n%3 max · %4")
          .arg(look.name, look.typeLabel, look.powerLabel, coolingModeName(look.coolingMode)));
  update();
}

QRectF RackItem::localRect() const {
  const double w = double(mLook.footprintMm.widthMm());
  const double h = double(mLook.footprintMm.heightMm());
  return {-w / 2.0, -h / 2.0, w, h};
}

QRectF RackItem::boundingRect() const {
  return localRect().adjusted(-40, -40, 40, 40);
}

QPainterPath RackItem::shape() const {
  QPainterPath path;
  path.addRect(localRect());
  return path;
}

void RackItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QRectF r = localRect();
  const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setBrush(powerBandColor(mLook.maxPowerW));
  QPen outline(mLook.hasError ? QColor(0xd3, 0x2f, 0x2f) : QColor(0x37, 0x47, 0x4f));
  outline.setCosmetic(true);
  outline.setWidthF(mLook.hasError ? 2.0 : 1.0);
  painter->setPen(outline);
  painter->drawRect(r);

  // Front edge (cold aisle side): a thick band in the cooling mode's colour.
  const double band = std::min(r.width(), r.height()) * 0.12;
  QRectF front;
  switch (mLook.rotationDeg) {
    case 90:
      front = QRectF(r.right() - band, r.top(), band, r.height());
      break;
    case 180:
      front = QRectF(r.left(), r.bottom() - band, r.width(), band);
      break;
    case 270:
      front = QRectF(r.left(), r.top(), band, r.height());
      break;
    default:
      front = QRectF(r.left(), r.top(), r.width(), band);
  }
  painter->fillRect(front, coolingModeColor(mLook.coolingMode));

  if (isSelected()) {
    QPen sel(QColor(0x15, 0x65, 0xc0));
    sel.setCosmetic(true);
    sel.setWidthF(2.5);
    painter->setPen(sel);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(r.adjusted(-25, -25, 25, 25));
  }

  // Labels in device pixels, so they stay legible at every zoom; left out when the rack is
  // too small on screen to hold them.
  const QRectF device = painter->worldTransform().mapRect(r);
  if (device.width() < 24 || device.height() < 20) {
    return;
  }
  painter->save();
  painter->resetTransform();
  QFont font = painter->font();
  font.setPixelSize(std::clamp(int(device.width() / 5.2), 7, 13));
  font.setBold(true);
  painter->setFont(font);
  painter->setPen(QColor(0x21, 0x21, 0x21));
  const QRectF text = device.adjusted(2, 2, -2, -2);
  painter->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter,
                    device.height() >= 2.6 * font.pixelSize() && device.width() >= 34
                        ? mLook.name + QLatin1Char('\n') + mLook.powerLabel
                        : mLook.name);
  painter->restore();
  Q_UNUSED(lod)
}

}  // namespace dc
