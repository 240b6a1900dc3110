// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Moves racks to absolute positions. Undo restores the positions they had when the command was
/// made.
///
/// A drag pushes one command per mouse move with the same `gesture`; the stack merges them into
/// one undo step, and each push already moved the model, so the engine re-analyses live.
/// Absolute positions (not deltas) keep redo() idempotent.
class CmdMoveRacks final : public QUndoCommand {
 public:
  /// Throws std::invalid_argument on an unknown id. `gesture` 0 never merges.
  CmdMoveRacks(DesignDocument& document, QHash<RackId, PointMm> newPositionsMm,
               quint64 gesture = 0);

  int id() const override;
  bool mergeWith(const QUndoCommand* other) override;
  void redo() override;
  void undo() override;

 private:
  DesignDocument& mDocument;
  QHash<RackId, PointMm> mOldPositionsMm;
  QHash<RackId, PointMm> mNewPositionsMm;
  quint64 mGesture;
};

}  // namespace dc
