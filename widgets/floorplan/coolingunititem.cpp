// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingunititem.h"

#include "floormouseevent.h"
#include "floorpalette.h"
#include "footprintshape.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace dc {

CoolingUnitItem::CoolingUnitItem(CoolingUnitId unitId) : mUnitId(unitId) {
  setFlag(ItemIsSelectable);
  setZValue(kZRack);
  setAcceptHoverEvents(true);
}

QPointF CoolingUnitItem::centre() const {
  const RectMm& r = mLook.footprintMm;
  return {(r.x0Mm + r.x1Mm) / 2.0, (r.y0Mm + r.y1Mm) / 2.0};
}

void CoolingUnitItem::sync(const CoolingUnitLook& look) {
  if (look == mLook) {
    setPos(centre());  // a drag preview ends where the model is
    return;
  }
  const bool geometry = look.footprintMm != mLook.footprintMm;
  if (geometry) {
    prepareGeometryChange();
  }
  mLook = look;
  setPos(centre());
  setToolTip(QStringLiteral("%1 — %2\n%3").arg(look.name, look.typeLabel, look.detail));
  update();
}

void CoolingUnitItem::setDragOffset(QPointF offsetMm) {
  setPos(centre() + offsetMm);
}

QRectF CoolingUnitItem::localRect() const {
  return footprintshape::localRect(mLook.footprintMm);
}

QRectF CoolingUnitItem::boundingRect() const {
  return footprintshape::bounds(mLook.footprintMm);
}

QPainterPath CoolingUnitItem::shape() const {
  return footprintshape::shape(mLook.footprintMm);
}

void CoolingUnitItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QRectF r = localRect();
  const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setBrush(mLook.fill.isValid() ? mLook.fill : coolingUnitColor());
  QPen outline(mLook.hasError ? modeFailsColor() : coolingUnitOutlineColor());
  outline.setCosmetic(true);
  outline.setWidthF(mLook.hasError ? 2.0 : 1.0);
  if (!mLook.published) {
    outline.setStyle(Qt::DashLine);  // no published footprint: a marker, not to scale
  }
  painter->setPen(outline);
  painter->drawRect(r);

  // The front (the side it delivers cold air or coolant from): a band as racks have.
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
  painter->fillRect(front, coolingUnitOutlineColor());

  if (isSelected()) {
    QPen sel(QColor(0x15, 0x65, 0xc0));
    sel.setCosmetic(true);
    sel.setWidthF(2.5);
    painter->setPen(sel);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(r);
  }

  const QRectF device = painter->worldTransform().mapRect(r).adjusted(2, 1, -2, -1);
  QFont font = painter->font();
  font.setPixelSize(std::clamp(int(lod * 120.0), 7, 13));
  const QFontMetricsF metrics(font);
  if (metrics.horizontalAdvance(mLook.name) > device.width() ||
      device.height() < metrics.height()) {
    return;
  }
  painter->save();
  painter->resetTransform();
  painter->setFont(font);
  painter->setPen(QColor(0x21, 0x21, 0x21));
  painter->drawText(device, Qt::AlignCenter, mLook.name);
  painter->restore();
}

}  // namespace dc
