// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdmoveracks.h"

#include "commandids.h"
#include "support/plural.h"

#include <QCoreApplication>

#include <stdexcept>

namespace dc {

namespace {
bool sameRacks(const QHash<RackId, PointMm>& a, const QHash<RackId, PointMm>& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (auto it = a.cbegin(); it != a.cend(); ++it) {
    if (!b.contains(it.key())) {
      return false;
    }
  }
  return true;
}
}  // namespace

CmdMoveRacks::CmdMoveRacks(DesignDocument& document, QHash<RackId, PointMm> newPositionsMm,
                           quint64 gesture)
    : QUndoCommand(QStringLiteral("Move %1").arg(countOf(newPositionsMm.size(), "rack", "racks"))),
      mDocument(document),
      mNewPositionsMm(std::move(newPositionsMm)),
      mGesture(gesture) {
  for (auto it = mNewPositionsMm.cbegin(); it != mNewPositionsMm.cend(); ++it) {
    const Rack* rack = mDocument.project().findRack(it.key());
    if (!rack) {
      throw std::invalid_argument("CmdMoveRacks: unknown rack id");  // before push: stack untouched
    }
    mOldPositionsMm.insert(it.key(), rack->positionMm());
  }
  setObsolete(mNewPositionsMm == mOldPositionsMm);  // QUndoStack drops no-op commands
}

int CmdMoveRacks::id() const {
  return CommandId::MoveRacks;
}

bool CmdMoveRacks::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const CmdMoveRacks*>(other);  // same id() => same type
  if (mGesture == 0 || next->mGesture != mGesture ||
      !sameRacks(next->mNewPositionsMm, mNewPositionsMm)) {
    return false;
  }
  mNewPositionsMm = next->mNewPositionsMm;
  setObsolete(mNewPositionsMm == mOldPositionsMm);  // dragged back to start: no undo step
  return true;
}

void CmdMoveRacks::redo() {
  mDocument.moveRacks(mNewPositionsMm);
}

void CmdMoveRacks::undo() {
  mDocument.moveRacks(mOldPositionsMm);
}

}  // namespace dc
