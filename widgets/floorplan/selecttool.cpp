// SPDX-License-Identifier: GPL-3.0-or-later
#include "selecttool.h"

#include "edit/cmdmoveracks.h"
#include "edit/placement.h"

namespace dc {

SelectTool::SelectTool(DesignDocument& document, int tileMm)
    : mDocument(document), mTileMm(tileMm) {
}

void SelectTool::press(const FloorMouseEvent& event, const QList<RackId>& racks,
                       const QList<CoolingUnitId>& units) {
  mStartPositionsMm.clear();
  mUnitStartPositionsMm.clear();
  mPressMm = event.posMm;
  mOffsetMm = {};
  for (RackId id : racks) {
    if (const Rack* rack = mDocument.project().findRack(id)) {
      mStartPositionsMm.insert(id, rack->positionMm());
    }
  }
  for (CoolingUnitId id : units) {
    if (const CoolingUnit* unit = mDocument.project().findCoolingUnit(id)) {
      mUnitStartPositionsMm.insert(id, unit->positionMm);
    }
  }
  mGesture = mNextGesture++;
}

PointMm SelectTool::snappedOffset(const FloorMouseEvent& event) const {
  return {snapMm(event.posMm.xMm - mPressMm.xMm, mTileMm),
          snapMm(event.posMm.yMm - mPressMm.yMm, mTileMm)};
}

void SelectTool::move(const FloorMouseEvent& event) {
  if (!isDragging()) {
    return;
  }
  mOffsetMm = snappedOffset(event);
  if (isPreviewing()) {
    return;  // the model moves once, on release
  }
  QHash<RackId, PointMm> targetsMm;
  for (auto it = mStartPositionsMm.cbegin(); it != mStartPositionsMm.cend(); ++it) {
    if (mDocument.project().findRack(it.key())) {  // a rack deleted meanwhile is left out
      targetsMm.insert(it.key(), PointMm{it->xMm + mOffsetMm.xMm, it->yMm + mOffsetMm.yMm});
    }
  }
  bool same = true;
  for (auto it = targetsMm.cbegin(); it != targetsMm.cend() && same; ++it) {
    const Rack* rack = mDocument.project().findRack(it.key());
    same = rack && rack->positionMm() == it.value();
  }
  if (!same && !targetsMm.isEmpty()) {
    mDocument.tryPush(
        [&] { return std::make_unique<CmdMoveRacks>(mDocument, std::move(targetsMm), mGesture); });
  }
}

bool SelectTool::release(const FloorMouseEvent& event, QString* error) {
  bool ok = true;
  if (isPreviewing()) {
    mOffsetMm = snappedOffset(event);
    QHash<RackId, PointMm> racksMm;
    QHash<CoolingUnitId, PointMm> unitsMm;
    if (mOffsetMm.xMm != 0 || mOffsetMm.yMm != 0) {
      for (auto it = mStartPositionsMm.cbegin(); it != mStartPositionsMm.cend(); ++it) {
        if (mDocument.project().findRack(it.key())) {
          racksMm.insert(it.key(), PointMm{it->xMm + mOffsetMm.xMm, it->yMm + mOffsetMm.yMm});
        }
      }
      for (auto it = mUnitStartPositionsMm.cbegin(); it != mUnitStartPositionsMm.cend(); ++it) {
        if (mDocument.project().findCoolingUnit(it.key())) {
          unitsMm.insert(it.key(), PointMm{it->xMm + mOffsetMm.xMm, it->yMm + mOffsetMm.yMm});
        }
      }
    }
    if (!racksMm.isEmpty() || !unitsMm.isEmpty()) {
      QString why;
      ok = mDocument.tryPush([&] { return makeMoveSelectionCommand(mDocument, racksMm, unitsMm); },
                             &why);
      if (error) {
        *error = why;
      }
      ok = ok || why.isEmpty();
    }
  } else {
    move(event);
  }
  mStartPositionsMm.clear();
  mUnitStartPositionsMm.clear();
  mOffsetMm = {};
  return ok;
}

}  // namespace dc
