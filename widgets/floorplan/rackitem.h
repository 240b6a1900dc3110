// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/footprint.h"
#include "model/rack.h"

#include <QColor>
#include <QGraphicsItem>

namespace dc {

/// What a rack item shows, prepared by the scene from the model, the catalog and the analysis.
struct RackLook {
  RectMm footprintMm;   ///< on the floor, already turned by the rotation
  int rotationDeg = 0;  ///< to draw the front edge on the right side
  QString name;
  QString typeLabel;      ///< "DGX GB200 NVL72" or "4× DGX H100"
  QString powerLabel;     ///< "40.8 kW"
  double maxPowerW = 0;   ///< the rack's max power (the Power overlay's colour band)
  QColor fill;            ///< fill colour, chosen by the scene for the current overlay
  bool hatched = false;   ///< nothing to show in the overlay (a rack without PDUs)
  QString overlayLabel;   ///< the overlay's figure ("62 / 98 %", "degraded"); empty: power
  QString overlayDetail;  ///< a tooltip line for the overlay (the verdict's reason)
  CoolingMode coolingMode = CoolingMode::Air;
  bool hasError = false;     ///< an engine finding of severity Error concerns this rack
  bool coolingUnit = false;  ///< an in-row cooler, CRAH or floor CDU: drawn apart, no IT power
  QString rearDoorLabel;     ///< the fitted rear door's model; empty: none (no bar drawn)
  bool modeFails = false;    ///< cooling overlay: the chosen mode does not remove the heat
};

/// Draws one rack on the floor plan. A view, nothing more: it keeps the rack's id and cached
/// drawing values, and it changes only through sync(). Moving is done by the select tool through
/// CmdMoveRacks, so the item is selectable but not ItemIsMovable. 1 scene unit = 1 mm.
class RackItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 1 };

  explicit RackItem(RackId rackId);

  RackId rackId() const noexcept { return mRackId; }
  const RackLook& look() const noexcept { return mLook; }
  void sync(const RackLook& look);
  /// Draws the item shifted by `offsetMm` while a drag is under way (the model has not moved).
  void setDragOffset(QPointF offsetMm);
  /// The rear-door bar on the back edge (the side away from the front band), in item
  /// coordinates; empty when no door is fitted.
  QRectF rearDoorRect() const;

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QRectF localRect() const;

  RackId mRackId;
  RackLook mLook;
};

}  // namespace dc
