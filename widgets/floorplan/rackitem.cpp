// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackitem.h"

#include "floormouseevent.h"
#include "floorpalette.h"
#include "footprintshape.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
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
  QString tip =
      QStringLiteral("%1 — %2\n%3 max · %4")
          .arg(look.name, look.typeLabel, look.powerLabel, coolingModeName(look.coolingMode));
  if (!look.rearDoorLabel.isEmpty()) {
    tip += QStringLiteral("\nRear door: ") + look.rearDoorLabel;
  }
  if (!look.overlayDetail.isEmpty()) {
    tip += QLatin1Char('\n') + look.overlayDetail;
  }
  setToolTip(tip);
  update();
}

void RackItem::setDragOffset(QPointF offsetMm) {
  const RectMm& r = mLook.footprintMm;
  setPos(QPointF((r.x0Mm + r.x1Mm) / 2.0, (r.y0Mm + r.y1Mm) / 2.0) + offsetMm);
}

QRectF RackItem::rearDoorRect() const {
  if (mLook.rearDoorLabel.isEmpty()) {
    return {};
  }
  const QRectF r = localRect();
  // A thick bar, a fifth of the short side, on the back edge: opposite the front (rotation 0
  // has the front up the drawing, so the door is at the bottom).
  const double bar = std::min(r.width(), r.height()) * 0.2;
  switch (mLook.rotationDeg) {
    case 90:
      return {r.left(), r.top(), bar, r.height()};
    case 180:
      return {r.left(), r.top(), r.width(), bar};
    case 270:
      return {r.right() - bar, r.top(), bar, r.height()};
    default:
      return {r.left(), r.bottom() - bar, r.width(), bar};
  }
}

QRectF RackItem::localRect() const {
  return footprintshape::localRect(mLook.footprintMm);
}

QRectF RackItem::boundingRect() const {
  return footprintshape::bounds(mLook.footprintMm);
}

QPainterPath RackItem::shape() const {
  return footprintshape::shape(mLook.footprintMm);
}

void RackItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  const QRectF r = localRect();
  const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->setBrush(mLook.fill.isValid() ? mLook.fill : neutralRackColor());
  QPen outline(mLook.hasError ? QColor(0xd3, 0x2f, 0x2f) : QColor(0x37, 0x47, 0x4f));
  outline.setCosmetic(true);
  outline.setWidthF(mLook.hasError ? 2.0 : 1.0);
  painter->setPen(outline);
  painter->drawRect(r);
  if (mLook.hatched) {
    painter->fillRect(r, QBrush(QColor(0x90, 0xa4, 0xae), Qt::BDiagPattern));
  }

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
  // A cooling unit has no cooling mode: its front band marks the side it blows cold air from.
  painter->fillRect(
      front, mLook.coolingUnit ? QColor(0x02, 0x77, 0xbd) : coolingModeColor(mLook.coolingMode));

  if (!mLook.rearDoorLabel.isEmpty()) {
    painter->fillRect(rearDoorRect(), rearDoorColor());
  }
  if (mLook.modeFails) {
    // A red corner triangle: the chosen cooling mode does not remove the rack's heat.
    const double side = std::min(r.width(), r.height()) * 0.45;
    QPainterPath corner;
    corner.moveTo(r.topRight());
    corner.lineTo(r.topRight() - QPointF(side, 0));
    corner.lineTo(r.topRight() + QPointF(0, side));
    corner.closeSubpath();
    painter->fillPath(corner, modeFailsColor());
  }

  if (isSelected()) {
    QPen sel(QColor(0x15, 0x65, 0xc0));
    sel.setCosmetic(true);
    sel.setWidthF(2.5);
    painter->setPen(sel);
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(r);  // on the outline: a cosmetic pen stays within boundingRect()
  }

  const QRectF device = painter->worldTransform().mapRect(r).adjusted(2, 1, -2, -1);
  // One text size for the whole view (about 120 mm tall on the floor, 7 to 13 px), so racks of
  // any width read alike. The power figure comes first: it is what the plan is read for.
  QFont font = painter->font();
  font.setPixelSize(std::clamp(int(lod * 120.0), 7, 13));
  const QFontMetricsF metrics(font);
  // The figure line: the power, or what the current overlay shows instead.
  const QString figure = mLook.overlayLabel.isEmpty() ? mLook.powerLabel : mLook.overlayLabel;
  const QString compactPower = QString(figure).remove(QLatin1Char(' '));
  // Narrow racks at low zoom: the number alone, in kW as the legend's bands are.
  const QString kwSuffix = QStringLiteral(" kW");
  const QString bareKw = figure.endsWith(kwSuffix) ? figure.chopped(kwSuffix.size()) : QString();
  const auto fits = [&](const QString& line) {
    return metrics.horizontalAdvance(line) <= device.width();
  };
  QStringList lines;
  if (figure.isEmpty()) {
    if (fits(mLook.name)) {
      lines = {mLook.name};  // a cooling unit, or a rack not yet analysed
    }
  } else if (device.height() >= 2.2 * metrics.height() && fits(mLook.name) && fits(figure)) {
    lines = {mLook.name, figure};
  } else if (fits(figure)) {
    lines = {figure};
  } else if (!compactPower.isEmpty() && fits(compactPower)) {
    lines = {compactPower};
  } else if (!bareKw.isEmpty() && fits(bareKw)) {
    lines = {bareKw};
  } else if (fits(mLook.name)) {
    lines = {mLook.name};
  }
  if (lines.isEmpty() || device.height() < metrics.height()) {
    return;
  }
  painter->save();
  painter->resetTransform();
  painter->setFont(font);
  painter->setPen(QColor(0x21, 0x21, 0x21));
  painter->drawText(device, Qt::AlignCenter, lines.join(QLatin1Char('\n')));
  painter->restore();
}

}  // namespace dc
