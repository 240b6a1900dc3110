// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorplanscene.h"

#include "catalog/catalogmodel.h"
#include "edit/placement.h"
#include "format.h"
#include "hallitem.h"
#include "rackitem.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>

#include <cmath>

namespace dc {

FloorPlanScene::FloorPlanScene(DesignDocument& document, const Catalog& catalog, QObject* parent)
    : QGraphicsScene(parent), mDocument(document), mCatalog(catalog) {
  setItemIndexMethod(QGraphicsScene::BspTreeIndex);
  for (const Hall& hall : mDocument.project().halls()) {
    auto* item = new HallItem(hall);
    addItem(item);
    mHallItems.insert(hall.id(), item);
  }
  for (const Rack& rack : mDocument.project().racks()) {
    addRackItem(rack.id());
  }
  connect(&mDocument, &DesignDocument::racksInserted, this, [this](const QList<RackId>& ids) {
    for (RackId id : ids) {
      addRackItem(id);
    }
    // What just appeared (a drop, or racks brought back by undo) becomes the selection, so the
    // properties show it and the next R or Del acts on it.
    selectRacks(ids);
  });
  connect(&mDocument, &DesignDocument::racksRemoved, this, [this](const QList<RackId>& ids) {
    for (RackId id : ids) {
      removeRackItem(id);
    }
  });
  connect(&mDocument, &DesignDocument::racksChanged, this, &FloorPlanScene::syncRackItems);
  connect(this, &QGraphicsScene::selectionChanged, this,
          [this] { Q_EMIT rackSelectionChanged(selectedRackIds()); });
  // Room around the halls to pan into and drop beside the walls.
  setSceneRect(itemsBoundingRect().adjusted(-6000, -6000, 6000, 6000));
}

void FloorPlanScene::addRackItem(RackId id) {
  const Rack* rack = mDocument.project().findRack(id);
  if (!rack || mRackItems.contains(id)) {
    return;
  }
  auto* item = new RackItem(id);
  addItem(item);
  mRackItems.insert(id, item);
  syncRackItem(item, *rack);
}

void FloorPlanScene::removeRackItem(RackId id) {
  delete mRackItems.take(id);
}

void FloorPlanScene::syncRackItems(const QList<RackId>& ids) {
  for (RackId id : ids) {
    RackItem* item = mRackItems.value(id);
    const Rack* rack = mDocument.project().findRack(id);
    if (item && rack) {
      syncRackItem(item, *rack);
    }
  }
}

void FloorPlanScene::syncRackItem(RackItem* item, const Rack& rack) {
  RackLook look;
  look.footprintMm = rackFootprintMm(rack, mCatalog);
  if (look.footprintMm.isEmpty()) {
    // Unknown rack type: keep it visible (600 × 1200) so the user can find and fix it.
    look.footprintMm = {rack.positionMm().xMm - 300, rack.positionMm().yMm - 600,
                        rack.positionMm().xMm + 300, rack.positionMm().yMm + 600};
    look.hasError = true;
  }
  look.rotationDeg = rack.rotationDeg();
  look.name = rack.name();
  look.coolingMode = rack.coolingMode();
  const CatalogItem* type = mCatalog.find(rack.rackTypeId());
  look.typeLabel = type ? type->model : rack.rackTypeId();
  look.coolingUnit = type && type->isFloorCoolingUnit();
  const auto power = mAnalysis.power.racks.constFind(rack.id());
  if (power != mAnalysis.power.racks.cend() && !look.coolingUnit) {
    look.maxPowerW = power->maxPowerW.value;
    look.powerLabel = formatPowerW(power->maxPowerW.value);
  }
  look.hasError = look.hasError || mErrorRacks.contains(rack.id());
  item->sync(look);
}

void FloorPlanScene::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  mErrorRacks.clear();
  for (const Finding& finding : mAnalysis.findings) {
    if (finding.severity == Finding::Severity::Error) {
      for (RackId id : {finding.rackId(), finding.relatedRackId()}) {
        if (!id.isNull()) {
          mErrorRacks.insert(id);
        }
      }
    }
  }
  for (auto it = mRackItems.cbegin(); it != mRackItems.cend(); ++it) {
    if (const Rack* rack = mDocument.project().findRack(it.key())) {
      syncRackItem(it.value(), *rack);
    }
  }
}

QList<RackId> FloorPlanScene::selectedRackIds() const {
  QList<RackId> ids;
  for (QGraphicsItem* item : selectedItems()) {
    if (item->type() == RackItem::Type) {
      ids.append(static_cast<RackItem*>(item)->rackId());
    }
  }
  // Stable order (the project's), so commands and panels do not depend on hash order.
  std::sort(ids.begin(), ids.end(), [this](RackId a, RackId b) {
    return mDocument.project().rackIndex(a) < mDocument.project().rackIndex(b);
  });
  return ids;
}

void FloorPlanScene::selectRacks(const QList<RackId>& ids) {
  QSignalBlocker blocker(this);
  clearSelection();
  for (RackId id : ids) {
    if (RackItem* item = mRackItems.value(id)) {
      item->setSelected(true);
    }
  }
  blocker.unblock();
  Q_EMIT selectionChanged();
}

RackId FloorPlanScene::rackAt(const QPointF& scenePos) const {
  for (QGraphicsItem* item : items(scenePos)) {
    if (item->type() == RackItem::Type) {
      return static_cast<RackItem*>(item)->rackId();
    }
  }
  return {};
}

bool FloorPlanScene::placeCatalogItem(const QString& catalogId, const QPointF& scenePos) {
  const CatalogItem* item = mCatalog.find(catalogId);
  const RackId target = rackAt(scenePos);
  QString error;
  const bool pushed = mDocument.tryPush(
      [&]() -> std::unique_ptr<QUndoCommand> {
        if (item && item->isMountable() && !target.isNull()) {
          return makeAddMountCommand(mDocument, mCatalog, target, catalogId);
        }
        const PointMm dropMm{std::llround(scenePos.x()), std::llround(scenePos.y())};
        return makeDropOnFloorCommand(mDocument, mCatalog, catalogId, dropMm, mDefaultRackTypeId);
      },
      &error);
  if (!pushed) {
    Q_EMIT placementFailed(error);
  }
  return pushed;
}

void FloorPlanScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event) {
  event->setAccepted(event->mimeData()->hasFormat(QString::fromLatin1(kCatalogIdMimeType)));
  if (event->isAccepted()) {
    event->setDropAction(Qt::CopyAction);
  }
}

void FloorPlanScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event) {
  // The scene must accept moves itself, or drops on empty floor are refused.
  dragEnterEvent(event);
}

void FloorPlanScene::dropEvent(QGraphicsSceneDragDropEvent* event) {
  const QString catalogId =
      QString::fromUtf8(event->mimeData()->data(QString::fromLatin1(kCatalogIdMimeType)));
  if (catalogId.isEmpty()) {
    event->ignore();
    return;
  }
  event->setDropAction(Qt::CopyAction);
  event->setAccepted(placeCatalogItem(catalogId, event->scenePos()));
}

}  // namespace dc
