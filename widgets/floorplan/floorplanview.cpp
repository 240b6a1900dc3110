// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorplanview.h"

#include "coolingunititem.h"
#include "fabric/fabricpalette.h"
#include "fabricoverlayitem.h"
#include "floorpalette.h"
#include "floorplanscene.h"
#include "rackitem.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace dc {

FloorPlanView::FloorPlanView(FloorPlanScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent),
      mScene(scene),
      mSelectTool(scene->document(), scene->document().project().halls().isEmpty()
                                         ? 600
                                         : scene->document().project().halls().first().tileMm()),
      mTrayTool(scene->document()) {
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(QGraphicsView::RubberBandDrag);
  setRubberBandSelectionMode(Qt::IntersectsItemShape);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
  setAcceptDrops(true);
  setBackgroundBrush(QColor(0xe8, 0xec, 0xef));
  setFrameShape(QFrame::NoFrame);
  setFocusPolicy(Qt::StrongFocus);
  scale(0.05, 0.05);
  connect(scene, &FloorPlanScene::legendChanged, this, [this] { viewport()->update(); });
}

void FloorPlanView::zoomToFit() {
  QRectF bounds;
  for (QGraphicsItem* item : mScene->items()) {
    // The fabric overlay lies on the halls; its bounds keep room for labels drawn in pixels.
    if (!item->parentItem() && item->type() != FabricOverlayItem::Type) {
      bounds |= item->sceneBoundingRect();
    }
  }
  if (bounds.isEmpty()) {
    return;
  }
  // Fit into the viewport above the legend and below the scale bar, so neither covers the drawing.
  const int legendPx = layoutLegend(nullptr, viewport()->rect()) + 8;
  const QRect free = viewport()->rect().adjusted(16, 44, -16, -(legendPx + 12));
  const double scale = std::clamp(
      std::min(free.width() / bounds.width(), free.height() / bounds.height()), 0.002, 2.0);
  setTransform(QTransform::fromScale(scale, scale));
  // Centre the drawing in the free area: shift the view centre right by half the reserve.
  const QPointF freeCentreOffsetPx = QPointF(viewport()->rect().center() - free.center());
  centerOn(bounds.center() + freeCentreOffsetPx / scale);
}

void FloorPlanView::resizeEvent(QResizeEvent* event) {
  QGraphicsView::resizeEvent(event);
  if (mFitPending) {
    zoomToFit();
  }
}

void FloorPlanView::zoomBy(double factor) {
  mFitPending = false;
  const double current = transform().m11();
  const double target = std::clamp(current * factor, 0.002, 2.0);  // 1 px = 500 mm … 0.5 mm
  scale(target / current, target / current);
}

void FloorPlanView::wheelEvent(QWheelEvent* event) {
  const double steps = event->angleDelta().y() / 120.0;
  zoomBy(std::pow(1.2, steps));
  event->accept();
}

FloorMouseEvent FloorPlanView::floorEvent(QMouseEvent* event) const {
  const QPointF p = mapToScene(event->position().toPoint());
  return {PointMm{std::llround(p.x()), std::llround(p.y())}, event->modifiers()};
}

void FloorPlanView::mousePressEvent(QMouseEvent* event) {
  if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && mSpaceHeld)) {
    mPanning = true;
    mFitPending = false;
    mPanLastPx = event->position().toPoint();
    viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
    return;
  }
  if (mTrayTool.isActive() && event->button() == Qt::LeftButton) {
    mTrayTool.press(floorEvent(event));
    viewport()->update();
    event->accept();
    return;
  }
  if (event->button() == Qt::LeftButton) {
    const QPointF at = mapToScene(event->position().toPoint());
    const RackId rackHit = mScene->rackAt(at);
    const CoolingUnitId unitHit = rackHit.isNull() ? mScene->coolingUnitAt(at) : CoolingUnitId();
    QGraphicsItem* item = !rackHit.isNull() ? static_cast<QGraphicsItem*>(mScene->rackItem(rackHit))
                          : !unitHit.isNull()
                              ? static_cast<QGraphicsItem*>(mScene->coolingUnitItem(unitHit))
                              : nullptr;
    if (item) {
      if (event->modifiers() & Qt::ControlModifier) {
        item->setSelected(!item->isSelected());
        event->accept();
        return;
      }
      if (!item->isSelected()) {
        if (!rackHit.isNull()) {
          mScene->selectRacks({rackHit});
        } else {
          mScene->selectCoolingUnits({unitHit});
        }
      }
      if (!mScene->document().project().halls().isEmpty()) {
        mSelectTool.setTileMm(mScene->document().project().halls().first().tileMm());
      }
      mSelectTool.press(floorEvent(event), mScene->selectedRackIds(),
                        mScene->selectedCoolingUnitIds());
      event->accept();
      return;
    }
  }
  QGraphicsView::mousePressEvent(event);
}

void FloorPlanView::mouseMoveEvent(QMouseEvent* event) {
  if (mPanning) {
    const QPoint delta = event->position().toPoint() - mPanLastPx;
    mPanLastPx = event->position().toPoint();
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    event->accept();
    return;
  }
  if (mTrayTool.isActive()) {
    mTrayTool.move(floorEvent(event));
    viewport()->update();
    event->accept();
    return;
  }
  if (mSelectTool.isDragging()) {
    mSelectTool.move(floorEvent(event));
    if (mSelectTool.isPreviewing()) {
      showDragPreview(mSelectTool.previewOffsetMm());
    }
    event->accept();
    return;
  }
  QGraphicsView::mouseMoveEvent(event);
}

void FloorPlanView::mouseReleaseEvent(QMouseEvent* event) {
  if (mPanning) {
    mPanning = false;
    viewport()->setCursor(mSpaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
    event->accept();
    return;
  }
  if (mTrayTool.isActive()) {
    event->accept();
    return;
  }
  if (mSelectTool.isDragging()) {
    if (mSelectTool.isPreviewing()) {
      showDragPreview({});  // back to the model; the command (if any) moves them for good
    }
    QString error;
    if (!mSelectTool.release(floorEvent(event), &error) && !error.isEmpty()) {
      Q_EMIT mScene->placementFailed(error);
    }
    event->accept();
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

void FloorPlanView::mouseDoubleClickEvent(QMouseEvent* event) {
  if (mTrayTool.isActive() && event->button() == Qt::LeftButton) {
    mTrayTool.press(floorEvent(event));  // the double-click's point (a repeat is ignored)
    finishTray();
    event->accept();
    return;
  }
  QGraphicsView::mouseDoubleClickEvent(event);
}

void FloorPlanView::startTrayTool() {
  mTrayTool.start();
  if (mTrayTool.isActive()) {
    viewport()->setCursor(Qt::CrossCursor);
    setFocus();
  }
  viewport()->update();
}

void FloorPlanView::stopTrayTool() {
  mTrayTool.cancel();
  viewport()->setCursor(mSpaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
  viewport()->update();
}

void FloorPlanView::finishTray() {
  QString error;
  if (mTrayTool.finish(&error)) {
    stopTrayTool();
  } else if (!error.isEmpty()) {
    Q_EMIT mScene->placementFailed(error);
  }
  viewport()->update();
}

void FloorPlanView::showDragPreview(PointMm offsetMm) {
  const QPointF offset(double(offsetMm.xMm), double(offsetMm.yMm));
  for (RackId id : mSelectTool.draggedRacks()) {
    if (RackItem* item = mScene->rackItem(id)) {
      item->setDragOffset(offset);
    }
  }
  for (CoolingUnitId id : mSelectTool.draggedUnits()) {
    if (CoolingUnitItem* item = mScene->coolingUnitItem(id)) {
      item->setDragOffset(offset);
    }
  }
}

void FloorPlanView::keyPressEvent(QKeyEvent* event) {
  if (mTrayTool.isActive()) {
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
      finishTray();
      event->accept();
      return;
    }
    if (event->key() == Qt::Key_Escape) {
      stopTrayTool();
      event->accept();
      return;
    }
  }
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    mSpaceHeld = true;
    viewport()->setCursor(Qt::OpenHandCursor);
    event->accept();
    return;
  }
  QGraphicsView::keyPressEvent(event);
}

void FloorPlanView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    mSpaceHeld = false;
    viewport()->setCursor(Qt::ArrowCursor);
    event->accept();
    return;
  }
  QGraphicsView::keyReleaseEvent(event);
}

int FloorPlanView::layoutLegend(QPainter* painter, const QRect& area) const {
  // Sections along the bottom right: the overlay's colours (rack fill), then the cooling mode of
  // the front-edge band. Each section is a bold heading followed by its chips, wrapped to the
  // view's width so no label is ever clipped.
  struct Section {
    QString heading;
    QList<LegendEntry> entries;
    bool edge;
  };
  const FloorLegend legend = mScene->legend();
  const QList<Section> sections{
      {legend.title, legend.entries, false},
      {tr("Front edge"),
       {{coolingModeColor(CoolingMode::Air), tr("Air")},
        {coolingModeColor(CoolingMode::RearDoor), tr("Rear door")},
        {coolingModeColor(CoolingMode::DirectToChip), tr("Direct-to-chip")},
        {coolingModeColor(CoolingMode::DirectToChipRearDoor), tr("DTC + rear door")}},
       true}};
  QFont bold = font();
  bold.setBold(true);
  const QFontMetrics metrics(font());
  const QFontMetrics boldMetrics(bold);
  const int row = metrics.height() + 6;
  const int maxWidth = std::max(200, area.width() - 20);
  const auto entryWidth = [&](const LegendEntry& e) {
    return 18 + 6 + metrics.horizontalAdvance(e.label) + 14;
  };
  // First pass: lines of each section, and the box width.
  struct Line {
    int section;
    QString heading;
    QList<LegendEntry> entries;
  };
  QList<Line> lines;
  int width = 0;
  for (int si = 0; si < sections.size(); ++si) {
    const Section& section = sections[si];
    const int headingWidth = boldMetrics.horizontalAdvance(section.heading) + 12;
    int rowWidth = 0;
    for (const LegendEntry& e : section.entries) {
      rowWidth += entryWidth(e);
    }
    if (headingWidth + rowWidth + 16 <= maxWidth) {
      lines.append({si, section.heading, section.entries});
      width = std::max(width, headingWidth + rowWidth + 16);
      continue;
    }
    // Heading on its own line (elided to the width), chips wrapped below it.
    lines.append({si, boldMetrics.elidedText(section.heading, Qt::ElideRight, maxWidth - 16), {}});
    width = std::max(width, std::min(headingWidth, maxWidth - 4) + 16);
    Line current{si, QString(), {}};
    int x = 0;
    for (const LegendEntry& e : section.entries) {
      if (x > 0 && x + entryWidth(e) + 16 > maxWidth) {
        lines.append(current);
        current.entries.clear();
        x = 0;
      }
      current.entries.append(e);
      x += entryWidth(e);
      width = std::max(width, x + 16);
    }
    if (!current.entries.isEmpty()) {
      lines.append(current);
    }
  }
  const int height = int(lines.size()) * row + 6;
  if (!painter) {
    return height;
  }
  const QRect box(area.right() - width - 10, area.bottom() - height - 8, width, height);
  painter->fillRect(box, QColor(255, 255, 255, 230));
  painter->setPen(QColor(0xb0, 0xbe, 0xc5));
  painter->drawRect(box);
  int y = box.top() + 3;
  for (const Line& line : lines) {
    int x = box.left() + 8;
    if (!line.heading.isEmpty()) {
      painter->setFont(bold);
      painter->setPen(QColor(0x26, 0x32, 0x38));
      const int w = boldMetrics.horizontalAdvance(line.heading);
      painter->drawText(QRect(x, y, w + 2, row), Qt::AlignVCenter, line.heading);
      x += w + 12;
    }
    painter->setFont(font());
    const bool edge = sections[line.section].edge;
    for (const LegendEntry& e : line.entries) {
      const QRect chip(x, y + 4, 18, row - 8);
      if (e.chip == LegendEntry::Chip::Fill) {
        painter->fillRect(edge ? chip.adjusted(0, 0, 0, -(chip.height() * 2) / 3) : chip, e.color);
        if (e.hatched) {
          painter->fillRect(chip, QBrush(QColor(0x90, 0xa4, 0xae), Qt::BDiagPattern));
        }
        painter->setPen(QColor(0x54, 0x6e, 0x7a));
        painter->drawRect(chip);
      } else {
        drawLegendChip(painter, chip, e);
      }
      painter->setPen(QColor(0x26, 0x32, 0x38));
      const int textWidth = metrics.horizontalAdvance(e.label);
      painter->drawText(QRect(chip.right() + 6, y, textWidth + 2, row), Qt::AlignVCenter, e.label);
      x = chip.right() + 6 + textWidth + 14;
    }
    y += row;
  }
  return height;
}

void FloorPlanView::drawLegendChip(QPainter* painter, const QRect& chip, const LegendEntry& e) {
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing, true);
  if (e.chip == LegendEntry::Chip::Line) {
    painter->setPen(QPen(e.color, 4.0, Qt::SolidLine, Qt::RoundCap));
    painter->drawLine(QPointF(chip.left() + 2, chip.center().y() + 0.5),
                      QPointF(chip.right() - 2, chip.center().y() + 0.5));
  } else {
    QColor fill = e.color;
    fill.setAlpha(50);
    painter->fillRect(chip, fill);
    painter->setPen(
        QPen(e.color, 1.2, e.chip == LegendEntry::Chip::Dashed ? Qt::DashLine : Qt::SolidLine));
    painter->drawRect(QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5));
  }
  painter->restore();
}

void FloorPlanView::drawTrayPreview(QPainter* painter) const {
  QPolygonF points;
  for (const PointMm& p : mTrayTool.points()) {
    points.append(mapFromScene(QPointF(double(p.xMm), double(p.yMm))));
  }
  const bool hover = mTrayTool.hasHover() && !points.isEmpty();
  const QPointF hoverPx =
      mapFromScene(QPointF(double(mTrayTool.hoverMm().xMm), double(mTrayTool.hoverMm().yMm)));
  painter->setRenderHint(QPainter::Antialiasing, true);
  const double widthPx =
      TrayTool::defaultWidthMm(mScene->document().project().assumptions()) * transform().m11();
  QColor band = trayColor();
  band.setAlpha(60);
  painter->setPen(QPen(band, std::max(3.0, widthPx), Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin));
  painter->drawPolyline(points);
  painter->setPen(QPen(trayColor(), 1.5, Qt::SolidLine));
  painter->drawPolyline(points);
  if (hover) {
    painter->setPen(QPen(trayColor(), 1.5, Qt::DashLine));
    painter->drawLine(points.last(), hoverPx);
  }
  painter->setBrush(Qt::white);
  painter->setPen(QPen(trayColor(), 1.5));
  for (const QPointF& p : points) {
    painter->drawEllipse(p, 3.5, 3.5);
  }
  const QString hint =
      tr("Drawing tray: click to add points · double-click or Enter to finish · Esc to cancel");
  const QFontMetrics metrics(font());
  const QRect box(viewport()->rect().center().x() - metrics.horizontalAdvance(hint) / 2 - 10, 8,
                  metrics.horizontalAdvance(hint) + 20, metrics.height() + 10);
  painter->setPen(QColor(0xb0, 0xbe, 0xc5));
  painter->setBrush(QColor(255, 255, 255, 235));
  painter->drawRoundedRect(box, 4, 4);
  painter->setPen(QColor(0x26, 0x32, 0x38));
  painter->drawText(box, Qt::AlignCenter, hint);
}

void FloorPlanView::drawLegend(QPainter* painter, const QRect& area) const {
  layoutLegend(painter, area);
}

void FloorPlanView::drawForeground(QPainter* painter, const QRectF&) {
  // Scale bar in device pixels: the longest round length (1, 2, 5 × 10^n m) under 160 px.
  const double pxPerMm = transform().m11();
  if (pxPerMm <= 0) {
    return;
  }
  double lengthM = 1.0;
  for (double candidate : {0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0}) {
    if (candidate * 1000.0 * pxPerMm <= 160.0) {
      lengthM = candidate;
    }
  }
  const int barPx = int(std::lround(lengthM * 1000.0 * pxPerMm));
  painter->save();
  painter->resetTransform();
  const QRect area = viewport()->rect();
  const QPoint origin(area.left() + 16, area.top() + 26);
  painter->setRenderHint(QPainter::Antialiasing, false);
  painter->fillRect(QRect(origin.x() - 6, origin.y() - 22, barPx + 60, 32),
                    QColor(255, 255, 255, 210));
  painter->setPen(QPen(QColor(0x26, 0x32, 0x38), 2));
  painter->drawLine(origin, origin + QPoint(barPx, 0));
  painter->drawLine(origin + QPoint(0, -5), origin + QPoint(0, 5));
  painter->drawLine(origin + QPoint(barPx, -5), origin + QPoint(barPx, 5));
  painter->drawText(origin + QPoint(barPx + 6, 5), lengthM < 1
                                                       ? QStringLiteral("%1 mm").arg(lengthM * 1000)
                                                       : QStringLiteral("%1 m").arg(lengthM));
  drawLegend(painter, area);
  if (mTrayTool.isActive()) {
    drawTrayPreview(painter);
  }
  painter->restore();
}

}  // namespace dc
