// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorplanscene.h"

#include "catalog/catalogmodel.h"
#include "coolingunititem.h"
#include "edit/placement.h"
#include "engine/cooling/heatmapinput.h"
#include "fabric/fabricpalette.h"
#include "fabricoverlayitem.h"
#include "floorpalette.h"
#include "format/quantityformat.h"
#include "hallitem.h"
#include "heatmapitem.h"
#include "pooloverlayitem.h"
#include "rackitem.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace dc {

namespace {
/// Display bins of the feed-loading overlay (% of the PDU's continuous rating): comfortable,
/// watch, near the limit, overloaded. A colour scale, not an engine limit: the engine's own
/// overload findings use the derated rating, which 100 % here is.
/// The bins from the analysis' assumptions: watch, near the limit, the rating (100 %).
std::array<double, 3> loadingBinsPct(const Analysis& analysis) {
  return {analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWatchPct)),
          analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct)), 100.0};
}

/// A figure on a rack of the plan: two significant digits, a label to glance at ("60 / 120 %");
/// the tooltip and the panels carry three.
QString glancePercent(double pct) {
  return formatInUnit(pct, Quantity::Percent, QStringLiteral("%"), NumberStyle{QLocale(), 2});
}

/// A legend's bound: a design assumption, so nominal ("15 kW", "50 %").
QString nominal(double value, Quantity quantity) {
  return formatQuantity(value, quantity, NumberStyle::forNominal());
}

/// "5–30 kW": a band's bounds in one unit.
QString powerRange(double fromW, double toW) {
  const QString unit = columnUnit({fromW, toW}, Quantity::PowerW);
  const NumberStyle style = NumberStyle::forNominal();
  return QStringLiteral("%1–%2 %3")
      .arg(formatInUnit(fromW, Quantity::PowerW, unit, style),
           formatInUnit(toW, Quantity::PowerW, unit, style), unit);
}

/// The heat map is an estimate (not CFD): its temperatures have the digits of one.
QString estimatedTemperature(double tempC) {
  return formatQuantity(tempC, Quantity::TemperatureC,
                        NumberStyle::forConfidence(Confidence::Estimate));
}

constexpr CoolingOption kCoolingOptions[] = {
    CoolingOption::AirContainment, CoolingOption::RearDoorPassive, CoolingOption::RearDoorActive,
    CoolingOption::DirectToChip, CoolingOption::DirectToChipRearDoor};

/// The temperatures shown in the heat-map legend: one ramp over every hall's map.
HeatRamp commonRamp(const QHash<HallId, HeatMap>& maps) {
  HeatRamp ramp;
  bool first = true;
  for (const HeatMap& map : maps) {
    if (map.cols <= 0 || map.rows <= 0 || !std::isfinite(map.minAirTempC)) {
      continue;
    }
    const HeatRamp own = heatRampFor(map);
    ramp = first ? own : HeatRamp{std::min(ramp.minC, own.minC), std::max(ramp.maxC, own.maxC)};
    first = false;
  }
  return ramp;
}

}  // namespace

QString failureSummary(const FailureResult& failure) {
  if (failure.scenario.kind == FailureScenario::Kind::None) {
    return {};
  }
  QString text = QStringLiteral("%1: %2 hold · %3 degraded · %4 down")
                     .arg(failure.description)
                     .arg(failure.holds)
                     .arg(failure.degraded)
                     .arg(failure.down);
  if (failure.notModelled > 0) {
    text += QStringLiteral(" · %1 not modelled").arg(failure.notModelled);
  }
  return text;
}

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
  for (const CoolingUnit& unit : mDocument.project().coolingUnits()) {
    auto* item = new CoolingUnitItem(unit.id);
    addItem(item);
    mUnitItems.insert(unit.id, item);
    syncCoolingUnitItem(item, unit);
  }
  connect(&mDocument, &DesignDocument::objectsChanged, this,
          [this](ObjectKind kind, const QList<QUuid>& ids) {
            if (kind == ObjectKind::CoolingUnit) {
              syncCoolingUnits(ids);
            }
          });
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
  connect(&mDocument, &DesignDocument::changed, this, &FloorPlanScene::updatePoolOverlay);
  connect(this, &QGraphicsScene::selectionChanged, this, [this] {
    Q_EMIT rackSelectionChanged(selectedRackIds());
    Q_EMIT coolingUnitSelectionChanged(selectedCoolingUnitIds());
  });
  // Room around the halls to pan into and drop beside the walls.
  setSceneRect(itemsBoundingRect().adjusted(-6000, -6000, 6000, 6000));
  updatePoolOverlay();
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
  if (!rack.rearDoorId().isEmpty()) {
    const CatalogItem* door = mCatalog.find(rack.rearDoorId());
    look.rearDoorLabel = door ? door->vendor + QLatin1Char(' ') + door->model : rack.rearDoorId();
  }
  const auto power = mAnalysis.power.racks.constFind(rack.id());
  const bool analysed = power != mAnalysis.power.racks.cend();
  if (analysed && !look.coolingUnit) {
    look.maxPowerW = power->maxPowerW.value;
    look.powerLabel = formatFigure(power->maxPowerW, Quantity::PowerW);
  }
  look.fill = neutralRackColor();
  if (look.coolingUnit) {
    look.fill = coolingUnitColor();
  } else if (mOverlay == FloorOverlay::Power) {
    if (look.maxPowerW > 0) {
      const QList<double> edges = bandEdgesW();
      qsizetype band = 0;
      while (band < edges.size() && look.maxPowerW >= edges[band]) {
        ++band;
      }
      look.fill = powerBandColors().value(band, powerBandColors().last());
    }
  } else if (mOverlay == FloorOverlay::FeedLoading && analysed) {
    if (power->pdus.isEmpty()) {
      look.hatched = true;
      look.overlayLabel = QStringLiteral("no PDU");
      look.overlayDetail = QStringLiteral("No rack PDU or power shelf: feed loading not known");
    } else {
      const double normal = power->pduLoadingPct;
      const double failover = power->pduFailoverLoadingPct;
      const double worst = std::max(normal, failover);
      const std::array<double, 3> bins = loadingBinsPct(mAnalysis);
      int bin = 0;
      while (bin < 3 && (bin < 2 ? worst >= bins[bin] : worst > bins[bin])) {
        ++bin;
      }
      look.fill = loadingColors().value(bin);
      look.overlayLabel =
          QStringLiteral("%1 / %2 %").arg(glancePercent(normal), glancePercent(failover));
      look.overlayDetail = tr("Largest PDU loading: %1 normal, %2 failover")
                               .arg(formatQuantity(normal, Quantity::Percent),
                                    formatQuantity(failover, Quantity::Percent));
    }
  } else if (mOverlay == FloorOverlay::Failure) {
    const FailureResult& failure = mAnalysis.failure();
    const auto outcome = failure.racks.constFind(rack.id());
    if (outcome != failure.racks.cend()) {
      look.fill = verdictColor(outcome->verdict);
      look.hatched = outcome->verdict == RackVerdict::NotModelled;
      look.overlayLabel = rackVerdictName(outcome->verdict);
      look.overlayDetail = outcome->reason.isEmpty() ? failure.description + QStringLiteral(": ") +
                                                           rackVerdictName(outcome->verdict)
                                                     : outcome->reason;
    }
  } else if (mOverlay == FloorOverlay::Fabric && !look.coolingUnit) {
    applyFabricOverlay(look, rack);
  } else if (!look.coolingUnit) {
    applyCoolingOverlay(look, rack);
  }
  look.hasError = look.hasError || mErrorRacks.contains(rack.id());
  item->sync(look);
}

void FloorPlanScene::applyCoolingOverlay(RackLook& look, const Rack& rack) const {
  const auto cooling = mAnalysis.cooling.racks.constFind(rack.id());
  const bool analysed = cooling != mAnalysis.cooling.racks.cend();
  switch (mOverlay) {
    case FloorOverlay::Cooling:
      if (!analysed) {
        look.hatched = true;
        look.overlayDetail = tr("No cooling result for this rack");
        return;
      }
      look.fill = coolingOptionColor(cooling->recommended);
      look.modeFails = !cooling->modeHolds;
      look.overlayLabel = formatFigure(cooling->heatW, Quantity::PowerW);
      look.overlayDetail =
          tr("Recommended: %1 — %2").arg(coolingOptionName(cooling->recommended), cooling->reason);
      if (!cooling->modeHolds) {
        look.overlayDetail += tr("\nThe chosen mode (%1) does not remove this rack's heat")
                                  .arg(coolingModeName(cooling->mode));
      }
      return;
    case FloorOverlay::HeatToLiquid: {
      if (!analysed || cooling->heatW.value <= 0) {
        look.hatched = true;
        look.overlayDetail = tr("No heat: nothing to share between liquid and air");
        return;
      }
      const double share = cooling->heatToLiquidW.value / cooling->heatW.value;
      look.fill = liquidShareColor(share);
      look.overlayLabel = formatFigure(cooling->heatToLiquidW, Quantity::PowerW);
      look.overlayDetail = tr("%1 of %2 to liquid (%3), %4 to air")
                               .arg(formatFigure(cooling->heatToLiquidW, Quantity::PowerW),
                                    formatFigure(cooling->heatW, Quantity::PowerW),
                                    formatQuantity(share * 100.0, Quantity::Percent),
                                    formatFigure(cooling->heatToAirW, Quantity::PowerW));
      return;
    }
    case FloorOverlay::HeatMap: {
      const auto map = mHeatMaps.constFind(rack.hallId());
      if (map == mHeatMaps.cend()) {
        return;
      }
      // The hottest air around the rack's footprint: what its inlet may see.
      const double hottestC = map->maxAirTempInC(rackFootprintMm(rack, mCatalog));
      if (std::isfinite(hottestC)) {
        look.overlayLabel = estimatedTemperature(hottestC);
        look.overlayDetail =
            tr("Hottest estimated air over the rack: %1").arg(estimatedTemperature(hottestC));
      }
      return;
    }
    default:
      return;
  }
}

void FloorPlanScene::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  mErrorRacks.clear();
  mErrorUnits.clear();
  for (const Finding& finding : mAnalysis.findings) {
    if (finding.severity == Finding::Severity::Error) {
      for (RackId id : {finding.rackId(), finding.relatedRackId()}) {
        if (!id.isNull()) {
          mErrorRacks.insert(id);
        }
      }
      if (finding.subject.kind == ObjectKind::CoolingUnit) {
        mErrorUnits.insert(CoolingUnitId::fromUuid(finding.subject.id));
      }
    }
  }
  mSwitchRacks.clear();
  for (const FabricSummary& fabric : mAnalysis.fabric.fabrics) {
    for (const FabricDevice& device : fabric.devices) {
      if (device.isSwitch && device.rackIndex >= 0 &&
          device.rackIndex < mDocument.project().racks().size()) {
        mSwitchRacks.insert(mDocument.project().racks()[device.rackIndex].id());
      }
    }
  }
  mHeatMapsStale = true;
  updateHeatMaps();
  updateFabricOverlay();
  updatePoolOverlay();
  syncAllRackItems();
  syncAllCoolingUnitItems();
  Q_EMIT legendChanged();
}

void FloorPlanScene::updateHeatMaps() {
  if (mOverlay != FloorOverlay::HeatMap) {
    qDeleteAll(mHeatMapItems);
    mHeatMapItems.clear();
    return;
  }
  if (mHeatMapsStale) {
    // Solved once per analysis shown, never per repaint: the items keep the image.
    mHeatMaps.clear();
    for (const Hall& hall : mDocument.project().halls()) {
      mHeatMaps.insert(hall.id(), solveHeatMap(heatMapInputFor(mDocument.project(), mCatalog,
                                                               mAnalysis, hall.id())));
      ++mHeatMapSolveCount;
    }
    mHeatMapsStale = false;
  }
  const HeatRamp ramp = commonRamp(mHeatMaps);
  for (auto it = mHeatMaps.cbegin(); it != mHeatMaps.cend(); ++it) {
    HeatMapItem* item = mHeatMapItems.value(it.key());
    if (!item) {
      item = new HeatMapItem;
      addItem(item);
      mHeatMapItems.insert(it.key(), item);
    }
    item->setHeatMap(it.value(), ramp);
  }
}

void FloorPlanScene::updateFabricOverlay() {
  if (mOverlay != FloorOverlay::Fabric) {
    qDeleteAll(mFabricItems);
    mFabricItems.clear();
    qDeleteAll(mFabricLabelItems);
    mFabricLabelItems.clear();
    return;
  }
  for (const Hall& hall : mDocument.project().halls()) {
    FabricOverlayItem* item = mFabricItems.value(hall.id());
    FabricOverlayItem* labels = mFabricLabelItems.value(hall.id());
    if (!item) {
      item = new FabricOverlayItem(FabricOverlayItem::Layer::Trays);
      labels = new FabricOverlayItem(FabricOverlayItem::Layer::Labels);
      addItem(item);
      addItem(labels);
      mFabricItems.insert(hall.id(), item);
      mFabricLabelItems.insert(hall.id(), labels);
    }
    item->setLook(FabricOverlayItem::lookFor(mAnalysis.fabric, hall.id()));
    labels->setLook(item->look());
  }
}

void FloorPlanScene::setPoolsVisible(bool visible) {
  mPoolsVisible = visible;
  updatePoolOverlay();
}

void FloorPlanScene::updatePoolOverlay() {
  for (const Hall& hall : mDocument.project().halls()) {
    PoolOverlayLook look;
    if (mPoolsVisible) {
      look = PoolOverlayItem::lookFor(mDocument.project(), mCatalog, hall.id(), mAnalysis.workload);
    }
    if (look.regions.isEmpty()) {
      delete mPoolItems.take(hall.id());
      continue;
    }
    if (!mPoolItems.contains(hall.id())) {
      mPoolItems.insert(hall.id(), new PoolOverlayItem);
      addItem(mPoolItems.value(hall.id()));
    }
    mPoolItems.value(hall.id())->setLook(std::move(look));
  }
}

void FloorPlanScene::applyFabricOverlay(RackLook& look, const Rack& rack) const {
  const bool network = mSwitchRacks.contains(rack.id());
  look.fill = network ? networkRackColor() : fabricNeutralRackColor();
  const double opticsW = mAnalysis.fabric.opticsWByRack.value(rack.id());
  if (opticsW > 0) {
    look.overlayLabel = formatQuantity(opticsW, Quantity::PowerW);
    look.overlayDetail = tr("Transceivers in this rack: %1 (in its power)")
                             .arg(formatQuantity(opticsW, Quantity::PowerW));
  } else {
    // A label on every rack, so none falls back to its power figure in this overlay.
    look.overlayLabel = network ? tr("switches") : QStringLiteral("–");
    look.overlayDetail = network ? tr("Holds switches of a fabric; no transceiver power added "
                                      "to the rack (none, or in the switches' own max power)")
                                 : tr("No transceivers of a fabric in this rack");
  }
}

FloorLegend FloorPlanScene::fabricLegend() const {
  FloorLegend legend;
  std::int64_t longestMm = 0;
  for (const FabricSummary& fabric : mAnalysis.fabric.fabrics) {
    longestMm = std::max(longestMm, fabric.longestLinkMm);
  }
  legend.title = mAnalysis.fabric.fabrics.isEmpty()
                     ? tr("Fabric: no fabric yet (add one in the Fabric panel)")
                     : tr("Cables by medium (width: links) · %1 cables")
                           .arg(formatQuantity(mAnalysis.fabric.totalCables, Quantity::Count));
  QStringList media;
  for (FabricOverlayItem* item : mFabricItems) {
    for (const QString& key : item->look().media) {
      if (!media.contains(key)) {
        media.append(key);
      }
    }
  }
  for (const QString& key : mediaClassKeys()) {
    if (media.contains(key)) {
      legend.entries.append(
          {mediaClassColor(key), mediaClassName(key), false, LegendEntry::Chip::Line});
    }
  }
  legend.entries.append({trayColor(), tr("tray"), false, LegendEntry::Chip::Outline});
  legend.entries.append({trayColor(), tr("generated tray"), false, LegendEntry::Chip::Dashed});
  legend.entries.append({trayOverFillColor(), tr("over fill limit"), false});
  if (longestMm > 0) {
    legend.entries.append(
        {longestLinkColor(),
         tr("longest links (%1)").arg(formatQuantity(double(longestMm), Quantity::LengthMm)), false,
         LegendEntry::Chip::Line});
  }
  legend.entries.append({networkRackColor(), tr("switch rack")});
  return legend;
}

void FloorPlanScene::syncCoolingUnits(const QList<QUuid>& ids) {
  QList<CoolingUnitId> added;
  for (const QUuid& uuid : ids) {
    const CoolingUnitId id = CoolingUnitId::fromUuid(uuid);
    const CoolingUnit* unit = mDocument.project().findCoolingUnit(id);
    CoolingUnitItem* item = mUnitItems.value(id);
    if (!unit) {
      delete mUnitItems.take(id);
      continue;
    }
    if (!item) {
      item = new CoolingUnitItem(id);
      addItem(item);
      mUnitItems.insert(id, item);
      added.append(id);
    }
    syncCoolingUnitItem(item, *unit);
  }
  if (!added.isEmpty()) {
    selectCoolingUnits(added);  // as racks: what was just placed (or restored) is selected
  }
}

void FloorPlanScene::syncCoolingUnitItem(CoolingUnitItem* item, const CoolingUnit& unit) {
  CoolingUnitLook look;
  look.footprintMm = coolingUnitFootprintMm(unit, mCatalog, &look.published);
  look.rotationDeg = unit.rotationDeg;
  look.name = unit.name;
  const CatalogItem* type = mCatalog.find(unit.catalogId);
  look.typeLabel = type ? type->vendor + QLatin1Char(' ') + type->model
                        : tr("unknown catalog item '%1'").arg(unit.catalogId);
  look.fill = type && type->kind == ItemKind::Cdu ? cduColor() : coolingUnitColor();
  QStringList detail;
  if (type) {
    detail.append(itemKindName(type->kind));
    if (const SpecValue* capacity = type->figure(QStringLiteral("coolingUnit.capacityW"))) {
      detail.append(tr("%1 cooling capacity").arg(formatSpec(*capacity, Quantity::PowerW)));
    }
  }
  if (!look.published) {
    detail.append(tr("no published footprint: drawn as a 600 × 1200 mm marker"));
  }
  if (const CoolingLoop* loop = mDocument.project().findCoolingLoop(unit.loopId)) {
    detail.append(tr("serves %1").arg(loop->name));
  }
  look.detail = detail.join(QLatin1Char('\n'));
  look.hasError = !type || mErrorUnits.contains(unit.id);
  item->sync(look);
}

void FloorPlanScene::syncAllCoolingUnitItems() {
  for (auto it = mUnitItems.cbegin(); it != mUnitItems.cend(); ++it) {
    if (const CoolingUnit* unit = mDocument.project().findCoolingUnit(it.key())) {
      syncCoolingUnitItem(it.value(), *unit);
    }
  }
}

void FloorPlanScene::syncAllRackItems() {
  for (auto it = mRackItems.cbegin(); it != mRackItems.cend(); ++it) {
    if (const Rack* rack = mDocument.project().findRack(it.key())) {
      syncRackItem(it.value(), *rack);
    }
  }
}

void FloorPlanScene::setOverlay(FloorOverlay overlay) {
  if (overlay == mOverlay) {
    return;
  }
  mOverlay = overlay;
  updateHeatMaps();
  updateFabricOverlay();
  syncAllRackItems();
  Q_EMIT legendChanged();
}

QList<double> FloorPlanScene::bandEdgesW() const {
  const DesignAssumptions& a = mAnalysis.assumptions;
  return {a.value(assumption::kBand1W), a.value(assumption::kBand2W), a.value(assumption::kBand3W),
          a.value(assumption::kBand4W), a.value(assumption::kBand5W)};
}

FloorLegend FloorPlanScene::legend() const {
  FloorLegend legend;
  switch (mOverlay) {
    case FloorOverlay::Power: {
      legend.title = tr("Rack max power");
      const QList<double> edges = bandEdgesW();
      const QList<QColor>& colors = powerBandColors();
      legend.entries.append(
          {colors[0], QStringLiteral("< %1").arg(nominal(edges[0], Quantity::PowerW))});
      for (qsizetype i = 1; i < edges.size(); ++i) {
        legend.entries.append({colors.value(i), powerRange(edges[i - 1], edges[i])});
      }
      legend.entries.append({colors.value(edges.size(), colors.last()),
                             QStringLiteral("≥ %1").arg(nominal(edges.last(), Quantity::PowerW))});
      break;
    }
    case FloorOverlay::FeedLoading: {
      legend.title = tr("Largest PDU loading, normal / failover (display bins)");
      const QList<QColor>& colors = loadingColors();
      const std::array<double, 3> bins = loadingBinsPct(mAnalysis);
      const auto bound = [](double pct) {
        return formatInUnit(pct, Quantity::Percent, QStringLiteral("%"), NumberStyle::forNominal());
      };
      legend.entries = {
          {colors[0], QStringLiteral("< %1 %").arg(bound(bins[0]))},
          {colors[1], QStringLiteral("%1–%2 %").arg(bound(bins[0]), bound(bins[1]))},
          {colors[2], QStringLiteral("%1–%2 %").arg(bound(bins[1]), bound(bins[2]))},
          {colors[3], QStringLiteral("> %1 %").arg(bound(bins[2]))},
          {neutralRackColor(), tr("no PDU"), true},
      };
      break;
    }
    case FloorOverlay::Failure: {
      const FailureResult& failure = mAnalysis.failure();
      legend.title = failure.scenario.kind == FailureScenario::Kind::None
                         ? tr("Failure: normal operation (choose a scenario in View ▸ Failure "
                              "Scenario)")
                         : failureSummary(failure);
      legend.entries = {
          {verdictColor(RackVerdict::Holds), tr("holds")},
          {verdictColor(RackVerdict::Degraded), tr("degraded")},
          {verdictColor(RackVerdict::Down), tr("down")},
          {verdictColor(RackVerdict::NotModelled), tr("not modelled"), true},
      };
      break;
    }
    case FloorOverlay::Cooling: {
      legend.title = tr("Recommended cooling");
      for (CoolingOption option : kCoolingOptions) {
        legend.entries.append({coolingOptionColor(option), coolingOptionName(option)});
      }
      legend.entries.append({modeFailsColor(), tr("chosen mode does not hold (corner)")});
      break;
    }
    case FloorOverlay::HeatToLiquid: {
      legend.title = tr("Heat to liquid (share of the rack's heat; label: power to liquid)");
      const QList<QColor>& colors = liquidShareColors();
      for (qsizetype i = 0; i < colors.size(); ++i) {
        const double share = double(i) / double(colors.size() - 1);
        legend.entries.append({colors[i], nominal(share * 100.0, Quantity::Percent)});
      }
      legend.entries.append({neutralRackColor(), tr("no heat"), true});
      break;
    }
    case FloorOverlay::Fabric:
      legend = fabricLegend();
      break;
    case FloorOverlay::HeatMap: {
      const HeatRamp ramp = commonRamp(mHeatMaps);
      double hottestC = std::numeric_limits<double>::quiet_NaN();
      for (const HeatMap& map : mHeatMaps) {
        if (map.cols > 0 && (std::isnan(hottestC) || map.maxAirTempC > hottestC)) {
          hottestC = map.maxAirTempC;
        }
      }
      legend.title = std::isnan(hottestC)
                         ? tr("Room air (estimate, not CFD): no hall to map")
                         : tr("Room air (estimate, not CFD): hottest %1; label: over the rack")
                               .arg(estimatedTemperature(hottestC));
      const int stops = int(heatRampColors().size());
      for (int i = 0; i < stops; ++i) {
        const double tempC = ramp.minC + (ramp.maxC - ramp.minC) * i / double(stops - 1);
        legend.entries.append({heatRampColor(ramp, tempC), estimatedTemperature(tempC)});
      }
      break;
    }
  }
  legend.entries.append({coolingUnitColor(), tr("air cooling unit")});
  legend.entries.append({cduColor(), tr("CDU")});
  return legend;
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

QList<CoolingUnitId> FloorPlanScene::selectedCoolingUnitIds() const {
  QList<CoolingUnitId> ids;
  for (QGraphicsItem* item : selectedItems()) {
    if (item->type() == CoolingUnitItem::Type) {
      ids.append(static_cast<CoolingUnitItem*>(item)->unitId());
    }
  }
  std::sort(ids.begin(), ids.end(), [this](CoolingUnitId a, CoolingUnitId b) {
    return mDocument.project().coolingUnitIndex(a) < mDocument.project().coolingUnitIndex(b);
  });
  return ids;
}

void FloorPlanScene::selectCoolingUnits(const QList<CoolingUnitId>& ids) {
  QSignalBlocker blocker(this);
  clearSelection();
  for (CoolingUnitId id : ids) {
    if (CoolingUnitItem* item = mUnitItems.value(id)) {
      item->setSelected(true);
    }
  }
  blocker.unblock();
  Q_EMIT selectionChanged();
}

CoolingUnitId FloorPlanScene::coolingUnitAt(const QPointF& scenePos) const {
  for (QGraphicsItem* item : items(scenePos)) {
    if (item->type() == CoolingUnitItem::Type) {
      return static_cast<CoolingUnitItem*>(item)->unitId();
    }
  }
  return {};
}

bool FloorPlanScene::deleteSelection(QString* error) {
  const QList<RackId> racks = selectedRackIds();
  const QList<CoolingUnitId> units = selectedCoolingUnitIds();
  if (racks.isEmpty() && units.isEmpty()) {
    return false;
  }
  return mDocument.tryPush([&] { return makeRemoveSelectionCommand(mDocument, racks, units); },
                           error);
}

bool FloorPlanScene::rotateSelection(QString* error) {
  const QList<RackId> racks = selectedRackIds();
  const QList<CoolingUnitId> units = selectedCoolingUnitIds();
  if (racks.isEmpty() && units.isEmpty()) {
    return false;
  }
  return mDocument.tryPush([&] { return makeRotateSelectionCommand(mDocument, racks, units); },
                           error);
}

bool FloorPlanScene::placeCatalogItem(const QString& catalogId, const QPointF& scenePos) {
  const RackId target = rackAt(scenePos);
  QString error;
  const bool pushed = mDocument.tryPush(
      [&]() -> std::unique_ptr<QUndoCommand> {
        const PointMm dropMm{std::llround(scenePos.x()), std::llround(scenePos.y())};
        return makeDropCommand(mDocument, mCatalog, catalogId, dropMm, target, mDefaultRackTypeId);
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
