// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/footprint.h"
#include "model/ids.h"

#include <QColor>
#include <QGraphicsItem>

namespace dc {

/// What a cooling-unit item shows, prepared by the scene from the model and the catalog.
struct CoolingUnitLook {
  RectMm footprintMm;     ///< on the floor, already turned by the rotation
  int rotationDeg = 0;    ///< to draw the air (or coolant) side on the right edge
  bool published = true;  ///< false: the item publishes no footprint, a dashed 600 × 1200 marker
  QString name;           ///< "C01", "CDU-1"
  QString typeLabel;      ///< "Liebert CW 4..." (vendor model)
  QString detail;         ///< tooltip lines: kind, capacity, loop
  QColor fill;            ///< from the floor palette, by kind (air unit or CDU)
  bool hasError = false;  ///< an engine finding of severity Error concerns this unit

  friend bool operator==(const CoolingUnitLook&, const CoolingUnitLook&) = default;
};

/// Draws one floor cooling unit (in-row cooler, CRAH, floor CDU) at its footprint with its name.
/// A view: it keeps the unit's id and changes only through sync(). Selectable; the view's select
/// tool moves it (one CmdReplaceObject when the drag ends). 1 scene unit = 1 mm.
class CoolingUnitItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 7 };

  explicit CoolingUnitItem(CoolingUnitId unitId);

  CoolingUnitId unitId() const noexcept { return mUnitId; }
  const CoolingUnitLook& look() const noexcept { return mLook; }
  void sync(const CoolingUnitLook& look);
  /// Draws the item shifted by `offsetMm` while a drag is under way (the model has not moved).
  void setDragOffset(QPointF offsetMm);

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QRectF localRect() const;
  QPointF centre() const;

  CoolingUnitId mUnitId;
  CoolingUnitLook mLook;
};

}  // namespace dc
