// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "engine/workload/workloadresult.h"
#include "model/project.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace dc {

/// What the pool overlay draws of one hall, prepared by lookFor(): pure data in floor
/// millimetres, so tests can check it without painting.
struct PoolOverlayLook {
  struct Region {
    WorkloadPoolId poolId;
    QString name;    ///< "Training pool"
    QString detail;  ///< "Slurm · 512 GPUs" (GPUs once analysed)
    int colourIndex = 0;
    QPainterPath areaMm;  ///< the union of its racks' footprints, grown by kMarginMm
    int racks = 0;
  };
  QList<Region> regions;  ///< project order; pools without a rack in the hall are left out
};

/// The name of one pool on the floor plan: "Training pool  Slurm · 512 GPUs" on a white tag in
/// the pool's colour, just above its region's top-left corner. Drawn at a fixed pixel size
/// (ItemIgnoresTransformations), so it stays readable at every zoom and its scene bounds stay
/// small (Zoom to Fit frames the halls, not the labels). Takes no clicks.
class PoolOverlayItem;

class PoolLabelItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 10 };

  PoolLabelItem(const PoolOverlayLook::Region& region, PoolOverlayItem* owner);
  ~PoolLabelItem() override;
  PoolLabelItem(const PoolLabelItem&) = delete;
  PoolLabelItem& operator=(const PoolLabelItem&) = delete;

  const QString& name() const noexcept { return mName; }
  int type() const override { return Type; }
  QRectF boundingRect() const override { return mBox.adjusted(-2, -2, 2, 2); }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  friend class PoolOverlayItem;
  PoolOverlayItem* mOwner;  ///< forgets this label when the scene deletes it first
  QString mName;
  QString mDetail;
  int mColourIndex = 0;
  QRectF mBox;  ///< in pixels, its bottom-left at pos()
};

/// The workload pools of one hall as coloured regions: a translucent band in the pool's colour
/// around its racks with a solid outline, just under the racks so that their names and colours
/// stay readable; one PoolLabelItem per pool names it on top. One item for all the hall's
/// regions, painting cached paths; it takes no clicks (the racks over it do). 1 unit = 1 mm.
class PoolOverlayItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 9 };
  /// How far the region reaches beyond its racks' footprints.
  static constexpr double kMarginMm = 250.0;

  PoolOverlayItem();
  ~PoolOverlayItem() override;
  PoolOverlayItem(const PoolOverlayItem&) = delete;
  PoolOverlayItem& operator=(const PoolOverlayItem&) = delete;

  /// The regions of hall `hallId`: each pool's racks (Project::poolRackIds) in the hall, their
  /// footprints united; the GPUs from `result` (the fit pass) when it holds the pool.
  static PoolOverlayLook lookFor(const Project& project, const Catalog& catalog, HallId hallId,
                                 const WorkloadResult& result);

  /// Shows `look`; the item must be in a scene (its labels are added to the same scene).
  void setLook(PoolOverlayLook look);
  const PoolOverlayLook& look() const noexcept { return mLook; }
  const QList<PoolLabelItem*>& labels() const noexcept { return mLabels; }

  int type() const override { return Type; }
  QRectF boundingRect() const override { return mBounds; }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  friend class PoolLabelItem;
  void deleteLabels();

  PoolOverlayLook mLook;
  /// Owned, but top-level items of the same scene (so they stack above the racks): whichever
  /// of the two the scene deletes first, the other does not delete it again.
  QList<PoolLabelItem*> mLabels;
  QRectF mBounds;
};

}  // namespace dc
