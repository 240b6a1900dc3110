// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorplanscene.h"

#include "catalog/catalogmodel.h"
#include "edit/placement.h"
#include "floorpalette.h"
#include "format.h"
#include "hallitem.h"
#include "rackitem.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>

#include <algorithm>
#include <array>
#include <cmath>

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

QString kw(double w) {
  return QString::number(w / 1000.0, 'g', 4);
}

QString percent(double pct) {
  return QString::number(pct, 'f', 0);
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
  const bool analysed = power != mAnalysis.power.racks.cend();
  if (analysed && !look.coolingUnit) {
    look.maxPowerW = power->maxPowerW.value;
    look.powerLabel = formatPowerW(power->maxPowerW.value);
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
      look.overlayLabel = QStringLiteral("%1 / %2 %").arg(percent(normal), percent(failover));
      look.overlayDetail = QStringLiteral("Largest PDU loading: %1 % normal, %2 % failover")
                               .arg(percent(normal), percent(failover));
    }
  } else if (mOverlay == FloorOverlay::Failure) {
    const auto outcome = mAnalysis.power.failure.racks.constFind(rack.id());
    if (outcome != mAnalysis.power.failure.racks.cend()) {
      look.fill = verdictColor(outcome->verdict);
      look.hatched = outcome->verdict == RackVerdict::NotModelled;
      look.overlayLabel = rackVerdictName(outcome->verdict);
      look.overlayDetail = outcome->reason.isEmpty()
                               ? mAnalysis.power.failure.description + QStringLiteral(": ") +
                                     rackVerdictName(outcome->verdict)
                               : outcome->reason;
    }
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
  syncAllRackItems();
  Q_EMIT legendChanged();
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
      legend.entries.append({colors[0], QStringLiteral("< %1 kW").arg(kw(edges[0]))});
      for (qsizetype i = 1; i < edges.size(); ++i) {
        legend.entries.append(
            {colors.value(i), QStringLiteral("%1–%2 kW").arg(kw(edges[i - 1]), kw(edges[i]))});
      }
      legend.entries.append({colors.value(edges.size(), colors.last()),
                             QStringLiteral("≥ %1 kW").arg(kw(edges.last()))});
      break;
    }
    case FloorOverlay::FeedLoading: {
      legend.title = tr("Largest PDU loading, normal / failover (display bins)");
      const QList<QColor>& colors = loadingColors();
      const std::array<double, 3> bins = loadingBinsPct(mAnalysis);
      legend.entries = {
          {colors[0], QStringLiteral("< %1 %").arg(bins[0])},
          {colors[1], QStringLiteral("%1–%2 %").arg(bins[0]).arg(bins[1])},
          {colors[2], QStringLiteral("%1–%2 %").arg(bins[1]).arg(bins[2])},
          {colors[3], QStringLiteral("> %1 %").arg(bins[2])},
          {neutralRackColor(), tr("no PDU"), true},
      };
      break;
    }
    case FloorOverlay::Failure: {
      const FailureResult& failure = mAnalysis.power.failure;
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
  }
  legend.entries.append({coolingUnitColor(), tr("cooling unit")});
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
