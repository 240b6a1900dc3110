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

/// What the rack fill colours show.
enum class FloorOverlay {
  Power,        ///< max power in the kW bands of the design assumptions
  FeedLoading,  ///< the largest PDU loading, normal or failover
  Failure,      ///< each rack's verdict in the simulated failure
};

/// One colour of the legend and what it means.
struct LegendEntry {
  QColor color;
  QString label;
  bool hatched = false;
};

/// The legend of the current overlay, built by the scene from the analysis.
struct FloorLegend {
  QString title;  ///< "Rack max power", "Feed A lost: 30 hold · 8 degraded · 0 down"
  QList<LegendEntry> entries;
};

/// "Feed A lost: 30 hold · 8 degraded · 0 down" (+ " · 2 not modelled"); empty for no failure.
QString failureSummary(const FailureResult& failure);

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
  const Analysis& analysis() const noexcept { return mAnalysis; }

  /// Chooses what the rack colours show; re-colours every rack.
  void setOverlay(FloorOverlay overlay);
  FloorOverlay overlay() const noexcept { return mOverlay; }
  /// The legend of the current overlay, from the analysis (bands, bins, scenario, counts).
  FloorLegend legend() const;

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
  /// The overlay or the analysis changed: the legend must be redrawn.
  void legendChanged();

 protected:
  void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
  void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
  void dropEvent(QGraphicsSceneDragDropEvent* event) override;

 private:
  void addRackItem(RackId id);
  void removeRackItem(RackId id);
  void syncRackItems(const QList<RackId>& ids);
  void syncRackItem(RackItem* item, const Rack& rack);
  void syncAllRackItems();
  /// Upper edges (W) of the kW bands, from the analysis' assumptions.
  QList<double> bandEdgesW() const;

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  QString mDefaultRackTypeId;
  QHash<RackId, RackItem*> mRackItems;
  QHash<HallId, HallItem*> mHallItems;
  Analysis mAnalysis;
  QSet<RackId> mErrorRacks;  ///< racks with an Error finding, from mAnalysis
  FloorOverlay mOverlay = FloorOverlay::Power;
};

}  // namespace dc
