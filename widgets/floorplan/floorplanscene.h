// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

namespace dc {

class HallItem;
class RackItem;

/// The floor plan: a scene that mirrors the document. It builds one item per hall and rack,
/// follows the document's signals to keep them in sync, and turns catalog drops into commands.
/// It never owns design data; it shows the analysis it is given (power labels, errors).
class FloorPlanScene final : public QGraphicsScene {
  Q_OBJECT

 public:
  FloorPlanScene(DesignDocument& document, const Catalog& catalog, QObject* parent = nullptr);
  FloorPlanScene(const FloorPlanScene&) = delete;
  FloorPlanScene& operator=(const FloorPlanScene&) = delete;

  DesignDocument& document() noexcept { return mDocument; }
  RackItem* rackItem(RackId id) const { return mRackItems.value(id); }
  int rackItemCount() const noexcept { return int(mRackItems.size()); }

  /// Rack type used when a device (not a rack) is dropped on empty floor.
  void setDefaultRackTypeId(const QString& id) { mDefaultRackTypeId = id; }
  const QString& defaultRackTypeId() const noexcept { return mDefaultRackTypeId; }

  /// Shows the engine's results: power labels, colours, error outlines.
  void setAnalysis(const Analysis& analysis);

  QList<RackId> selectedRackIds() const;
  void selectRacks(const QList<RackId>& ids);
  /// The rack under a floor point, or null.
  RackId rackAt(const QPointF& scenePos) const;

  /// Places catalog item `catalogId` at `scenePos` as a drop would: into the rack under the
  /// point if it is a device, else as a new rack. Returns false and emits placementFailed()
  /// with the reason when it cannot.
  bool placeCatalogItem(const QString& catalogId, const QPointF& scenePos);

 Q_SIGNALS:
  void placementFailed(const QString& message);
  void rackSelectionChanged(const QList<dc::RackId>& ids);

 protected:
  void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
  void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
  void dropEvent(QGraphicsSceneDragDropEvent* event) override;

 private:
  void addRackItem(RackId id);
  void removeRackItem(RackId id);
  void syncRackItems(const QList<RackId>& ids);
  void syncRackItem(RackItem* item, const Rack& rack);

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  QString mDefaultRackTypeId;
  QHash<RackId, RackItem*> mRackItems;
  QHash<HallId, HallItem*> mHallItems;
  Analysis mAnalysis;
  QSet<RackId> mErrorRacks;  ///< racks with an Error finding, from mAnalysis
};

}  // namespace dc
