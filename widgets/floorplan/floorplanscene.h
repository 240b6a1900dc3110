// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"
#include "engine/cooling/heatmap.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

namespace dc {

class CoolingUnitItem;
class FabricOverlayItem;
class HallItem;
class HeatMapItem;
class PoolOverlayItem;
class RackItem;
struct RackLook;

/// What the rack fill colours show.
enum class FloorOverlay {
  Power,         ///< max power in the kW bands of the design assumptions
  FeedLoading,   ///< the largest PDU loading, normal or failover
  Failure,       ///< each rack's verdict in the simulated failure (power or cooling)
  Cooling,       ///< the cooling option the engine recommends; a marker where the mode fails
  HeatToLiquid,  ///< the share of the rack's heat captured by liquid
  HeatMap,       ///< the estimated room-air temperature of each hall (docs/heatmap.md)
  Fabric,        ///< cable trays, bundles by medium, over-full trays, the longest links
};

/// One colour of the legend and what it means.
struct LegendEntry {
  /// How the chip is drawn: a filled box (rack colours), a thick line (cable bundles, links), a
  /// light box with a solid outline (a drawn tray) or a dashed one (a generated tray).
  enum class Chip { Fill, Line, Outline, Dashed };

  QColor color;
  QString label;
  bool hatched = false;
  Chip chip = Chip::Fill;
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
  CoolingUnitItem* coolingUnitItem(CoolingUnitId id) const { return mUnitItems.value(id); }
  int coolingUnitItemCount() const noexcept { return int(mUnitItems.size()); }
  /// The heat-map item of a hall (exists while the HeatMap overlay is shown), or null.
  HeatMapItem* heatMapItem(HallId id) const { return mHeatMapItems.value(id); }
  /// The fabric overlay item of a hall (exists while the Fabric overlay is shown), or null.
  FabricOverlayItem* fabricOverlayItem(HallId id) const { return mFabricItems.value(id); }
  /// The workload-pool regions of a hall (exist while pools are shown and the hall has some).
  PoolOverlayItem* poolOverlayItem(HallId id) const { return mPoolItems.value(id); }
  /// Shows or hides the workload pools as coloured regions (View ▸ Workload Pools).
  void setPoolsVisible(bool visible);
  bool poolsVisible() const noexcept { return mPoolsVisible; }
  /// How many times the heat map was solved: once per analysis shown with the overlay on.
  int heatMapSolveCount() const noexcept { return mHeatMapSolveCount; }

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
  /// Selected floor cooling units, in project order.
  QList<CoolingUnitId> selectedCoolingUnitIds() const;
  void selectCoolingUnits(const QList<CoolingUnitId>& ids);
  /// The cooling unit under a floor point, or null.
  CoolingUnitId coolingUnitAt(const QPointF& scenePos) const;

  /// Deletes the selected racks and cooling units as one undo step (Del). False with the
  /// reason in `error` when refused; false and no error when nothing is selected.
  bool deleteSelection(QString* error = nullptr);
  /// Turns the selected racks and cooling units by 90° as one undo step (R).
  bool rotateSelection(QString* error = nullptr);

  /// Places catalog item `catalogId` at `scenePos` as a drop would (makeDropCommand): a device
  /// into the rack under the point, a rear door onto it, a floor cooling unit as a new cooling
  /// unit, anything else as a new rack. Returns false and emits placementFailed()
  /// with the reason when it cannot.
  bool placeCatalogItem(const QString& catalogId, const QPointF& scenePos);

 Q_SIGNALS:
  void placementFailed(const QString& message);
  void rackSelectionChanged(const QList<dc::RackId>& ids);
  /// The selected cooling units changed (emitted with rackSelectionChanged on every change).
  void coolingUnitSelectionChanged(const QList<dc::CoolingUnitId>& ids);
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
  void syncCoolingUnits(const QList<QUuid>& ids);
  void syncCoolingUnitItem(CoolingUnitItem* item, const CoolingUnit& unit);
  void syncAllCoolingUnitItems();
  /// Solves (once per analysis) and shows the heat maps while the HeatMap overlay is on; drops
  /// them otherwise.
  void updateHeatMaps();
  /// Rack colours and labels of the Cooling, HeatToLiquid and HeatMap overlays.
  void applyCoolingOverlay(RackLook& look, const Rack& rack) const;
  /// Shows the fabric overlay items (one per hall) while the Fabric overlay is on; drops them
  /// otherwise.
  void updateFabricOverlay();
  /// Rack colours and labels of the Fabric overlay: switch racks apart, optics power.
  void applyFabricOverlay(RackLook& look, const Rack& rack) const;
  FloorLegend fabricLegend() const;
  /// Re-reads the pools' regions (one item per hall with pools) while they are shown.
  void updatePoolOverlay();

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  QString mDefaultRackTypeId;
  QHash<RackId, RackItem*> mRackItems;
  QHash<CoolingUnitId, CoolingUnitItem*> mUnitItems;
  QHash<HallId, HallItem*> mHallItems;
  QHash<HallId, HeatMapItem*> mHeatMapItems;
  QHash<HallId, FabricOverlayItem*> mFabricItems;       ///< trays and bundles, under the racks
  QHash<HallId, FabricOverlayItem*> mFabricLabelItems;  ///< the longest links' lengths, on top
  QHash<HallId, PoolOverlayItem*> mPoolItems;           ///< pool regions (and their labels)
  bool mPoolsVisible = true;
  QSet<RackId> mSwitchRacks;  ///< racks holding a switch of a generated fabric, from mAnalysis
  QHash<HallId, HeatMap> mHeatMaps;  ///< solved for mAnalysis; cleared by setAnalysis()
  bool mHeatMapsStale = true;
  int mHeatMapSolveCount = 0;
  Analysis mAnalysis;
  QSet<RackId> mErrorRacks;  ///< racks with an Error finding, from mAnalysis
  QSet<CoolingUnitId> mErrorUnits;
  FloorOverlay mOverlay = FloorOverlay::Power;
};

}  // namespace dc
