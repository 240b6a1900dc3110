// SPDX-License-Identifier: GPL-3.0-or-later
// The heat-map overlay: one pixel per cell, transparent outside the hall, the hottest cell the
// reddest, the image rebuilt only for a changed map. Runs on the offscreen platform.
#include "engine/cooling/heatmap.h"
#include "floorplan/floorpalette.h"
#include "floorplan/heatmapitem.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QTest>

#include <cmath>

using namespace dc;

namespace {

/// An L-shaped hall (12 m × 6 m less its top-right 6 m × 3 m), 600 mm cells, one hot rack and
/// a cooler.
HeatMapInput lHall(double rackW) {
  HeatMapInput input;
  input.hallOutlineMm =
      PolygonMm{{0, 0}, {6'000, 0}, {6'000, 3'000}, {12'000, 3'000}, {12'000, 6'000}, {0, 6'000}};
  input.cellMm = 600.0;
  input.sources.append({RectMm{1'200, 1'200, 1'800, 2'400}, rackW});
  input.sinks.append({RectMm{9'000, 4'200, 9'600, 5'400}, 60'000.0});
  return input;
}

int redness(QRgb pixel) {
  return qRed(pixel) - qBlue(pixel);
}

}  // namespace

class TestHeatMapItem final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rampRunsBlueToRed();
  void imageHasOnePixelPerCell();
  void imageIsRebuiltOnlyForAChangedMap();
  void sceneShowsTheMapOverTheFloor();
};

void TestHeatMapItem::rampRunsBlueToRed() {
  const HeatRamp ramp{20.0, 40.0};
  QCOMPARE(heatRampColor(ramp, 20.0), heatRampColors().front());
  QCOMPARE(heatRampColor(ramp, 40.0), heatRampColors().back());
  QCOMPARE(heatRampColor(ramp, 10.0), heatRampColors().front());  // clamped
  QCOMPARE(heatRampColor(ramp, 90.0), heatRampColors().back());
  QCOMPARE(heatRampColor(ramp, 30.0), heatRampColors()[2]);  // the middle stop
  QCOMPARE(heatRampColor(ramp, std::nan("")).alpha(), 0);
  int last = -1'000;
  for (double t = 20.0; t <= 40.0; t += 0.5) {
    const QColor c = heatRampColor(ramp, t);
    QCOMPARE(c.alpha(), 255);
    QVERIFY(c.red() - c.blue() >= last);  // hotter is never less red
    last = c.red() - c.blue();
  }
  QVERIFY(heatRampColor(ramp, 20.0).blue() > heatRampColor(ramp, 20.0).red());
  QVERIFY(heatRampColor(ramp, 40.0).red() > 200);

  HeatMap flat;
  flat.cols = 1;
  flat.rows = 1;
  flat.minAirTempC = flat.maxAirTempC = 25.0;
  QCOMPARE(heatRampFor(flat), (HeatRamp{25.0, 26.0}));  // at least 1 K wide
}

void TestHeatMapItem::imageHasOnePixelPerCell() {
  const HeatMap map = solveHeatMap(lHall(30'000.0));
  HeatMapItem item;
  item.setHeatMap(map);
  const QImage& image = item.image();
  QCOMPARE(image.size(), QSize(map.cols, map.rows));
  QCOMPARE(image.size(), QSize(20, 10));
  QCOMPARE(item.ramp(), (HeatRamp{map.minAirTempC, map.maxAirTempC}));
  QCOMPARE(item.boundingRect(), QRectF(0, 0, 12'000, 6'000));
  QCOMPARE(item.opacity(), HeatMapItem::kHeatMapOpacity);

  int hottestCol = 0;
  int hottestRow = 0;
  QVERIFY(map.cellAt(map.hottestMm, &hottestCol, &hottestRow));
  const int hottestRedness = redness(image.pixel(hottestCol, hottestRow));
  QCOMPARE(image.pixel(hottestCol, hottestRow), heatRampColors().back().rgba());
  int transparent = 0;
  for (int r = 0; r < map.rows; ++r) {
    for (int c = 0; c < map.cols; ++c) {
      const QRgb pixel = image.pixel(c, r);
      if (!map.inHall(c, r)) {
        QCOMPARE(qAlpha(pixel), 0);
        ++transparent;
        continue;
      }
      QCOMPARE(qAlpha(pixel), 255);
      QVERIFY(redness(pixel) <= hottestRedness);
    }
  }
  QCOMPARE(transparent, 50);  // the cut-away 10 × 5 cells
  // The coolest cell (at the cooler) is the bluest.
  int sinkCol = 0;
  int sinkRow = 0;
  QVERIFY(map.cellAt(PointMm{9'300, 4'500}, &sinkCol, &sinkRow));
  QVERIFY(redness(image.pixel(sinkCol, sinkRow)) < 0);
}

void TestHeatMapItem::imageIsRebuiltOnlyForAChangedMap() {
  const HeatMap map = solveHeatMap(lHall(30'000.0));
  HeatMapItem item;
  item.setHeatMap(map);
  const qint64 key = item.image().cacheKey();
  item.setHeatMap(map);  // the same values, NaN cells included
  QCOMPARE(item.image().cacheKey(), key);
  item.setHeatMap(solveHeatMap(lHall(30'000.0)));  // an equal map solved again
  QCOMPARE(item.image().cacheKey(), key);
  item.setHeatMap(solveHeatMap(lHall(45'000.0)));
  QVERIFY(item.image().cacheKey() != key);
  const qint64 hotterKey = item.image().cacheKey();
  item.setHeatMap(solveHeatMap(lHall(45'000.0)), HeatRamp{18.0, 27.0});  // a fixed ramp
  QVERIFY(item.image().cacheKey() != hotterKey);
  QCOMPARE(item.ramp(), (HeatRamp{18.0, 27.0}));
}

void TestHeatMapItem::sceneShowsTheMapOverTheFloor() {
  const HeatMap map = solveHeatMap(lHall(30'000.0));
  QGraphicsScene scene;
  auto* item = new HeatMapItem;
  item->setHeatMap(map);
  scene.addItem(item);
  // 1 px per 100 mm on white.
  QImage canvas(120, 60, QImage::Format_ARGB32_Premultiplied);
  canvas.fill(Qt::white);
  {
    QPainter painter(&canvas);
    scene.render(&painter, QRectF(0, 0, 120, 60), QRectF(0, 0, 12'000, 6'000));
  }
  QCOMPARE(canvas.pixel(100, 10), QColor(Qt::white).rgba());  // outside the hall: the floor
  const QRgb hot = canvas.pixel(int(map.hottestMm.xMm / 100), int(map.hottestMm.yMm / 100));
  // 60 % of the ramp's red over white: red stays high, blue drops well below white.
  QVERIFY(qRed(hot) > 200);
  QVERIFY(qBlue(hot) < 150);
  QVERIFY(qBlue(hot) > 28);  // not opaque: the floor shows through
}

QTEST_MAIN(TestHeatMapItem)
#include "tst_heatmapitem.moc"
