// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "edit/designdocument.h"
#include "floormouseevent.h"

#include <QHash>
#include <QList>

namespace dc {

/// Drags racks on the floor. A press on selected racks starts a gesture; every move pushes one
/// CmdMoveRacks with the gesture's id, so the model (and the analysis) follow the mouse live and
/// the whole drag is one undo step. Movement snaps to whole floor tiles, so racks that were on
/// the tile grid stay on it.
class SelectTool final {
 public:
  SelectTool(DesignDocument& document, int tileMm);

  void setTileMm(int tileMm) noexcept { mTileMm = tileMm; }
  /// Starts dragging `racks` (the selection under the cursor).
  void press(const FloorMouseEvent& event, const QList<RackId>& racks);
  void move(const FloorMouseEvent& event);
  void release(const FloorMouseEvent& event);
  bool isDragging() const noexcept { return !mStartPositionsMm.isEmpty(); }

 private:
  DesignDocument& mDocument;
  int mTileMm;
  PointMm mPressMm;
  QHash<RackId, PointMm> mStartPositionsMm;
  quint64 mGesture = 0;
  quint64 mNextGesture = 1;
};

}  // namespace dc
