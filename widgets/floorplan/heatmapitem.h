// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/cooling/heatmap.h"

#include <QColor>
#include <QGraphicsItem>
#include <QImage>

namespace dc {

/// The temperatures a heat-map colour ramp spans: minC is the coolest colour, maxC the hottest.
struct HeatRamp {
  double minC = 20.0;
  double maxC = 21.0;

  friend bool operator==(const HeatRamp&, const HeatRamp&) = default;
};

/// The ramp the heat-map overlay uses for `map` (and its legend shows): from the coolest to the
/// hottest cell, at least 1 K wide.
HeatRamp heatRampFor(const HeatMap& map);

/// The ramp colour of `tempC`, cool blue at ramp.minC to hot red at ramp.maxC, clamped outside;
/// transparent for NaN (a cell outside the hall).
QColor heatRampColor(const HeatRamp& ramp, double tempC);

/// One pixel per cell, row-major as the map; cells outside the hall are transparent.
QImage heatMapImage(const HeatMap& map, const HeatRamp& ramp);

/// The heat-map overlay: one item painting a cached image of a HeatMap over the hall floor, at
/// kHeatMapOpacity, above the floor and below the racks. The image is rebuilt only when the map
/// or the ramp changes. 1 scene unit = 1 mm.
class HeatMapItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 6 };
  static constexpr double kHeatMapOpacity = 0.6;

  HeatMapItem();

  /// Shows `map` on heatRampFor(map), or on a fixed `ramp` (e.g. to compare two designs).
  void setHeatMap(const HeatMap& map);
  void setHeatMap(const HeatMap& map, const HeatRamp& ramp);

  const QImage& image() const noexcept { return mImage; }
  const HeatRamp& ramp() const noexcept { return mRamp; }

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  // What the image was built from, to skip rebuilding it for an unchanged map.
  int mCols = 0;
  int mRows = 0;
  PointMm mOriginMm;
  double mCellMm = 0.0;
  std::vector<float> mAirTempC;
  HeatRamp mRamp;
  QImage mImage;
};

}  // namespace dc
