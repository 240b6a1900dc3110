// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "edit/designdocument.h"
#include "floormouseevent.h"

#include <QList>

namespace dc {

/// Draws a cable tray on the floor plan: each click adds a vertex (snapped to half a floor
/// tile), a double-click or Enter finishes, Esc cancels. Finishing pushes one
/// CmdInsertObjects<CableTray>: a ladder tray of the design's default tray section and height
/// (fabric.trayWidthMm, trayDepthMm, trayHeightMm: 600 x 100 mm at 2,800 mm by default), named
/// "T-1", "T-2", .... A tray that leaves the hall is refused with a message naming it and
/// nothing changes. Model-space events only, so tests drive it without a window.
class TrayTool final {
 public:
  explicit TrayTool(DesignDocument& document);

  /// Starts a tray in hall `hallId` (a null id: the document's active hall).
  void start(HallId hallId = {});
  bool isActive() const noexcept { return mActive; }
  /// Adds the (snapped) point; a repeat of the last vertex is ignored (the second click of a
  /// double-click).
  void press(const FloorMouseEvent& event);
  /// Follows the mouse for the preview's rubber-band segment.
  void move(const FloorMouseEvent& event);
  /// Ends the tray (double-click or Enter). True when a tray was inserted; false with the reason
  /// in `error` when refused or too short (the tool then stays active with its points, so the
  /// user can go on or press Esc).
  bool finish(QString* error = nullptr);
  /// Drops the points and stops (Esc).
  void cancel();

  const QList<PointMm>& points() const noexcept { return mPoints; }
  /// The snapped mouse position (the end of the rubber-band segment), if the mouse has moved.
  const PointMm& hoverMm() const noexcept { return mHoverMm; }
  bool hasHover() const noexcept { return mHasHover; }
  HallId hallId() const noexcept { return mHallId; }

  /// The tray height a new tray gets in `hall`: the design assumption fabric.trayHeightMm when
  /// the project has one, else 1,200 mm under the ceiling, at least 2,400 mm.
  static int defaultHeightMm(const Hall& hall, const DesignAssumptions& assumptions);
  static int defaultWidthMm(const DesignAssumptions& assumptions);  ///< fabric.trayWidthMm
  static int defaultDepthMm(const DesignAssumptions& assumptions);  ///< fabric.trayDepthMm
  /// The tray the points make now (not yet checked).
  CableTray trayFromPoints() const;

 private:
  PointMm snapped(PointMm p) const;

  DesignDocument& mDocument;
  HallId mHallId;
  bool mActive = false;
  QList<PointMm> mPoints;
  PointMm mHoverMm;
  bool mHasHover = false;
};

}  // namespace dc
