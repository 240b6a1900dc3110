// SPDX-License-Identifier: GPL-3.0-or-later
#include "pooloverlayitem.h"

#include "engine/footprint.h"
#include "floormouseevent.h"
#include "format/quantityformat.h"
#include "workload/poolpalette.h"

#include <QFontMetrics>
#include <QGraphicsScene>
#include <QPainter>

#include <utility>

namespace dc {

namespace {
QPen cosmeticPen(const QColor& color, double widthPx) {
  QPen pen(color, widthPx, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
  pen.setCosmetic(true);
  return pen;
}
}  // namespace

PoolOverlayItem::PoolOverlayItem() {
  // Just under the racks (above the hall and any heat map): the racks keep their overlay
  // colours and names, the region shows as a coloured band around and between them.
  setZValue(kZRack - 2);
  setAcceptedMouseButtons(Qt::NoButton);
}

PoolOverlayItem::~PoolOverlayItem() {
  deleteLabels();
}

void PoolOverlayItem::deleteLabels() {
  const QList<PoolLabelItem*> labels = std::exchange(mLabels, {});
  for (PoolLabelItem* label : labels) {
    label->mOwner = nullptr;
    delete label;
  }
}

PoolOverlayLook PoolOverlayItem::lookFor(const Project& project, const Catalog& catalog,
                                         HallId hallId, const WorkloadResult& result) {
  PoolOverlayLook look;
  for (const WorkloadPool& pool : project.workloadPools()) {
    if (pool.hallId != hallId) {
      continue;
    }
    PoolOverlayLook::Region region;
    region.poolId = pool.id;
    region.name = pool.name;
    region.colourIndex = pool.colourIndex;
    QPainterPath racks;
    racks.setFillRule(Qt::WindingFill);
    for (RackId id : project.poolRackIds(pool)) {
      const Rack* rack = project.findRack(id);
      const RectMm f = rack ? rackFootprintMm(*rack, catalog) : RectMm{};
      if (!rack || rack->hallId() != hallId || f.isEmpty()) {
        continue;
      }
      racks.addRect(
          QRectF(double(f.x0Mm), double(f.y0Mm), double(f.widthMm()), double(f.heightMm()))
              .adjusted(-kMarginMm, -kMarginMm, kMarginMm, kMarginMm));
      ++region.racks;
    }
    if (region.racks == 0) {
      continue;
    }
    region.areaMm = racks.simplified();  // one outline around touching and overlapping racks
    const PoolSummary* summary = result.pool(pool.id);
    region.detail = schedulerName(pool.scheduler);
    if (summary && summary->gpus > 0) {
      region.detail +=
          QObject::tr(" · %1 GPUs").arg(formatQuantity(summary->gpus, Quantity::Count));
    }
    look.regions.append(region);
  }
  return look;
}

void PoolOverlayItem::setLook(PoolOverlayLook look) {
  prepareGeometryChange();
  mLook = std::move(look);
  QRectF bounds;
  for (const PoolOverlayLook::Region& region : mLook.regions) {
    bounds = bounds.united(region.areaMm.boundingRect());
  }
  mBounds = bounds.isNull() ? QRectF() : bounds.adjusted(-50, -50, 50, 50);  // the pen
  deleteLabels();
  for (const PoolOverlayLook::Region& region : mLook.regions) {
    auto* label = new PoolLabelItem(region, this);
    label->setPos(region.areaMm.boundingRect().topLeft());
    if (scene()) {
      scene()->addItem(label);
    }
    mLabels.append(label);
  }
  update();
}

void PoolOverlayItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing);
  for (const PoolOverlayLook::Region& region : mLook.regions) {
    QColor fill = poolColour(region.colourIndex);
    fill.setAlpha(90);
    painter->setBrush(fill);
    painter->setPen(cosmeticPen(poolColour(region.colourIndex).darker(115), 2.5));
    painter->drawPath(region.areaMm);
  }
}

namespace {
QFont labelFont(bool bold) {
  QFont font;
  font.setPixelSize(12);
  font.setBold(bold);
  return font;
}
}  // namespace

PoolLabelItem::PoolLabelItem(const PoolOverlayLook::Region& region, PoolOverlayItem* owner)
    : mOwner(owner), mName(region.name), mDetail(region.detail), mColourIndex(region.colourIndex) {
  setFlag(ItemIgnoresTransformations);
  setAcceptedMouseButtons(Qt::NoButton);
  setZValue(kZOverlay + 1);
  const QFontMetrics bold(labelFont(true));
  const QFontMetrics plain(labelFont(false));
  const double width = 18 + bold.horizontalAdvance(mName + QStringLiteral("  ")) +
                       plain.horizontalAdvance(mDetail) + 8;
  const double height = bold.height() + 6;
  mBox = QRectF(0, -height - 4, width, height);  // just above the region's corner
}

PoolLabelItem::~PoolLabelItem() {
  if (mOwner) {
    mOwner->mLabels.removeOne(this);
  }
}

void PoolLabelItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing);
  const QColor colour = poolColour(mColourIndex);
  painter->setPen(cosmeticPen(colour.darker(115), 1.5));
  painter->setBrush(QColor(255, 255, 255, 235));
  painter->drawRoundedRect(mBox, 3, 3);
  painter->setPen(Qt::NoPen);
  painter->setBrush(colour);
  painter->drawRect(QRectF(mBox.left() + 6, mBox.center().y() - 4, 8, 8));
  const QRectF text = mBox.adjusted(18, 0, -6, 0);
  painter->setFont(labelFont(true));
  painter->setPen(QColor(0x26, 0x32, 0x38));
  painter->drawText(text, Qt::AlignLeft | Qt::AlignVCenter, mName);
  painter->setFont(labelFont(false));
  painter->setPen(QColor(0x54, 0x6e, 0x7a));
  painter->drawText(text, Qt::AlignRight | Qt::AlignVCenter, mDetail);
}

}  // namespace dc
