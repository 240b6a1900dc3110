// SPDX-License-Identifier: GPL-3.0-or-later
#include "selecttool.h"

#include "edit/cmdmoveracks.h"

namespace dc {

SelectTool::SelectTool(DesignDocument& document, int tileMm)
    : mDocument(document), mTileMm(tileMm) {
}

void SelectTool::press(const FloorMouseEvent& event, const QList<RackId>& racks) {
  mStartPositionsMm.clear();
  mPressMm = event.posMm;
  for (RackId id : racks) {
    if (const Rack* rack = mDocument.project().findRack(id)) {
      mStartPositionsMm.insert(id, rack->positionMm());
    }
  }
  mGesture = mNextGesture++;
}

void SelectTool::move(const FloorMouseEvent& event) {
  if (mStartPositionsMm.isEmpty()) {
    return;
  }
  const std::int64_t dxMm = snapMm(event.posMm.xMm - mPressMm.xMm, mTileMm);
  const std::int64_t dyMm = snapMm(event.posMm.yMm - mPressMm.yMm, mTileMm);
  QHash<RackId, PointMm> targetsMm;
  for (auto it = mStartPositionsMm.cbegin(); it != mStartPositionsMm.cend(); ++it) {
    if (mDocument.project().findRack(it.key())) {  // a rack deleted meanwhile is left out
      targetsMm.insert(it.key(), PointMm{it->xMm + dxMm, it->yMm + dyMm});
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

void SelectTool::release(const FloorMouseEvent& event) {
  move(event);
  mStartPositionsMm.clear();
}

}  // namespace dc
