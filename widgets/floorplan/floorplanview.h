// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "selecttool.h"
#include "traytool.h"

#include <QGraphicsView>

namespace dc {

class FloorPlanScene;
struct LegendEntry;

/// The floor-plan view: wheel zoom about the cursor, pan with the middle button (or Space +
/// drag), rubber-band selection on empty floor, and rack and cooling-unit drags through the
/// SelectTool in floor millimetres. A scale bar in the corner keeps the drawing readable at any
/// zoom.
class FloorPlanView final : public QGraphicsView {
  Q_OBJECT

 public:
  explicit FloorPlanView(FloorPlanScene* scene, QWidget* parent = nullptr);

  FloorPlanScene* floorScene() const noexcept { return mScene; }
  /// Zooms so that every hall is visible.
  void zoomToFit();
  void zoomBy(double factor);
  /// Starts drawing a cable tray (TrayTool): clicks add points, double-click or Enter finishes,
  /// Esc cancels. A refusal is reported through the scene's placementFailed().
  void startTrayTool();
  bool isDrawingTray() const noexcept { return mTrayTool.isActive(); }
  TrayTool& trayTool() noexcept { return mTrayTool; }

 protected:
  void wheelEvent(QWheelEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mouseDoubleClickEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void keyReleaseEvent(QKeyEvent* event) override;
  void drawForeground(QPainter* painter, const QRectF& rect) override;

 private:
  FloorMouseEvent floorEvent(QMouseEvent* event) const;
  /// Draws the dragged items shifted by `offsetMm` (cooling units move in the model on release).
  void showDragPreview(PointMm offsetMm);
  void drawLegend(QPainter* painter, const QRect& area) const;
  static void drawLegendChip(QPainter* painter, const QRect& chip, const LegendEntry& entry);
  /// The tray being drawn: its points, the rubber-band segment to the mouse and a hint.
  void drawTrayPreview(QPainter* painter) const;
  void finishTray();
  void stopTrayTool();
  /// Lays out (and, with a painter, draws) the legend in `area`; returns its height in px.
  int layoutLegend(QPainter* painter, const QRect& area) const;

  FloorPlanScene* mScene;
  SelectTool mSelectTool;
  TrayTool mTrayTool;
  bool mPanning = false;
  bool mFitPending = true;  ///< keep fitting the drawing on resize until the user zooms or pans
  bool mSpaceHeld = false;
  QPoint mPanLastPx;
};

}  // namespace dc
