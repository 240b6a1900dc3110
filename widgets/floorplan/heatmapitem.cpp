// SPDX-License-Identifier: GPL-3.0-or-later
#include "heatmapitem.h"

#include "floormouseevent.h"
#include "floorpalette.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dc {

HeatRamp heatRampFor(const HeatMap& map) {
  if (map.cols <= 0 || map.rows <= 0 || !std::isfinite(map.minAirTempC) ||
      !std::isfinite(map.maxAirTempC)) {
    return HeatRamp{};
  }
  return HeatRamp{map.minAirTempC, std::max(map.maxAirTempC, map.minAirTempC + 1.0)};
}

QColor heatRampColor(const HeatRamp& ramp, double tempC) {
  if (std::isnan(tempC)) {
    return QColor(0, 0, 0, 0);
  }
  const QList<QColor>& stops = heatRampColors();
  const double span = ramp.maxC - ramp.minC;
  const double fraction = span > 0.0 ? std::clamp((tempC - ramp.minC) / span, 0.0, 1.0) : 0.0;
  const double position = fraction * double(stops.size() - 1);
  const int i = std::min(int(position), int(stops.size()) - 2);
  const double t = position - i;
  const QColor& a = stops[i];
  const QColor& b = stops[i + 1];
  const auto mix = [t](int from, int to) {
    return int(std::lround(from + (to - from) * t));
  };
  return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QImage heatMapImage(const HeatMap& map, const HeatRamp& ramp) {
  if (map.cols <= 0 || map.rows <= 0) {
    return QImage();
  }
  QImage image(map.cols, map.rows, QImage::Format_ARGB32_Premultiplied);
  for (int r = 0; r < map.rows; ++r) {
    auto* line = reinterpret_cast<QRgb*>(image.scanLine(r));
    for (int c = 0; c < map.cols; ++c) {
      // Opaque or fully transparent: premultiplied and plain ARGB agree.
      line[c] = heatRampColor(ramp, map.airTempC[std::size_t(map.index(c, r))]).rgba();
    }
  }
  return image;
}

HeatMapItem::HeatMapItem() {
  setZValue(kZHall + 1);  // on the floor, under obstacles and racks
  setOpacity(kHeatMapOpacity);
  setAcceptedMouseButtons(Qt::NoButton);
}

void HeatMapItem::setHeatMap(const HeatMap& map) {
  setHeatMap(map, heatRampFor(map));
}

void HeatMapItem::setHeatMap(const HeatMap& map, const HeatRamp& ramp) {
  // Compared bit by bit: cells outside the hall are NaN, which never compares equal.
  const bool sameTemps = map.airTempC.size() == mAirTempC.size() &&
                         (mAirTempC.empty() || std::memcmp(map.airTempC.data(), mAirTempC.data(),
                                                           mAirTempC.size() * sizeof(float)) == 0);
  const bool sameGeometry =
      map.cols == mCols && map.rows == mRows && map.originMm == mOriginMm && map.cellMm == mCellMm;
  if (sameTemps && sameGeometry && ramp == mRamp && !mImage.isNull()) {
    return;
  }
  if (!sameGeometry) {
    prepareGeometryChange();
  }
  mCols = map.cols;
  mRows = map.rows;
  mOriginMm = map.originMm;
  mCellMm = map.cellMm;
  mAirTempC = map.airTempC;
  mRamp = ramp;
  mImage = heatMapImage(map, ramp);
  update();
}

QRectF HeatMapItem::boundingRect() const {
  return QRectF(double(mOriginMm.xMm), double(mOriginMm.yMm), mCols * mCellMm, mRows * mCellMm);
}

void HeatMapItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  if (mImage.isNull()) {
    return;
  }
  // One pixel per cell, scaled without smoothing: cells stay crisp and the hall's edge sharp.
  painter->setRenderHint(QPainter::SmoothPixmapTransform, false);
  painter->drawImage(boundingRect(), mImage);
}

}  // namespace dc
