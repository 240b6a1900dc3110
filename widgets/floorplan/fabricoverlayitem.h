// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/fabric/fabricresult.h"
#include "model/project.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace dc {

/// What the fabric overlay draws of one hall, prepared from the analysis by lookFor(): pure
/// data in floor millimetres, so tests can check it without painting.
struct FabricOverlayLook {
  struct Segment {
    QPointF fromMm;
    QPointF toMm;
    int links = 0;          ///< links crossing the segment, every media class
    QString media;          ///< the class most of them use (the bundle's colour); empty: none
    double fillPct = 0.0;   ///< estimated: the tray's fullest fill scaled by its links
    bool overFill = false;  ///< fillPct above the tray's fill limit
  };
  struct Tray {
    QString name;
    QPolygonF pathMm;
    double widthMm = 0.0;    ///< drawn width of the tray
    bool generated = false;  ///< a default tray of the engine (dashed), not one of the design's
    double worstFillPct = 0.0;
    double fillLimitPct = 0.0;
    QList<Segment> segments;
  };
  struct Route {
    QPolygonF pathMm;
    std::int64_t lengthMm = 0;
    QString fabric;
  };
  QList<Tray> trays;
  QList<Route> longest;  ///< the longest links of the hall's fabrics, longest first
  int maxLinks = 0;      ///< the most links on any segment: the widest bundle
  QStringList media;     ///< media classes present, for the legend

  /// The bundle width of a segment of `links` on a tray `trayWidthMm` wide: proportional to the
  /// links against the hall's fullest segment, at most 80 % of the tray, at least 40 mm.
  double bundleWidthMm(int links, double trayWidthMm) const;
};

/// The fabric overlay of one hall: trays (drawn solid, generated dashed), cable bundles along
/// their segments (width by link count, colour by the dominant media class), segments over the
/// fill limit in red, and the longest links highlighted with their length. One item per layer
/// painting cached paths (not one item per cable): the Trays layer just under the racks, which
/// the Fabric overlay makes translucent (trays run overhead: seen through the racks, the racks'
/// names on top); the Labels layer, the longest links' lengths, above everything. 1 unit = 1 mm.
class FabricOverlayItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 8 };
  enum class Layer { Trays, Labels };

  explicit FabricOverlayItem(Layer layer = Layer::Trays);

  Layer layer() const noexcept { return mLayer; }

  /// The look of hall `hallId` from `result`: its trays with their widths and per-segment fill
  /// (FabricResult::trays, all computed by the engine) and its fabrics' longest routes.
  static FabricOverlayLook lookFor(const FabricResult& result, HallId hallId);

  void setLook(FabricOverlayLook look);
  const FabricOverlayLook& look() const noexcept { return mLook; }

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 protected:
  void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;

 private:
  void drawLabels(QPainter* painter) const;
  QString segmentToolTip(const QPointF& posMm) const;

  Layer mLayer;
  FabricOverlayLook mLook;
  QList<QPainterPath> mBands;  ///< each tray's outline at its width, in mLook.trays order
  QPainterPath mShape;
  QRectF mBounds;
};

}  // namespace dc
