// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "edit/designdocument.h"
#include "floormouseevent.h"

#include <QHash>
#include <QList>

namespace dc {

/// Drags racks and floor cooling units on the floor. A press on the selection starts a gesture.
/// Racks alone follow the mouse live: every move pushes one CmdMoveRacks with the gesture's id,
/// so the model (and the analysis) follow the mouse and the whole drag is one undo step. When the
/// selection holds cooling units, the items are only previewed (previewOffsetMm()) and the
/// release pushes one command (CmdReplaceObject per unit, with CmdMoveRacks for the racks).
/// Movement snaps to whole floor tiles, so what was on the tile grid stays on it.
class SelectTool final {
 public:
  SelectTool(DesignDocument& document, int tileMm);

  void setTileMm(int tileMm) noexcept { mTileMm = tileMm; }
  /// Starts dragging `racks` and `units` (the selection under the cursor).
  void press(const FloorMouseEvent& event, const QList<RackId>& racks,
             const QList<CoolingUnitId>& units = {});
  void move(const FloorMouseEvent& event);
  /// Ends the drag. False with the reason in `error` when the final move was refused.
  bool release(const FloorMouseEvent& event, QString* error = nullptr);
  bool isDragging() const noexcept {
    return !mStartPositionsMm.isEmpty() || !mUnitStartPositionsMm.isEmpty();
  }
  /// True while the items are previewed rather than moved in the model (cooling units held).
  bool isPreviewing() const noexcept { return !mUnitStartPositionsMm.isEmpty(); }
  /// The snapped offset of the drag so far (what the preview shows).
  PointMm previewOffsetMm() const noexcept { return mOffsetMm; }
  QList<RackId> draggedRacks() const { return mStartPositionsMm.keys(); }
  QList<CoolingUnitId> draggedUnits() const { return mUnitStartPositionsMm.keys(); }

 private:
  PointMm snappedOffset(const FloorMouseEvent& event) const;

  DesignDocument& mDocument;
  int mTileMm;
  PointMm mPressMm;
  PointMm mOffsetMm;
  QHash<RackId, PointMm> mStartPositionsMm;
  QHash<CoolingUnitId, PointMm> mUnitStartPositionsMm;
  quint64 mGesture = 0;
  quint64 mNextGesture = 1;
};

}  // namespace dc
