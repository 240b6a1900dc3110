// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Turns racks about their own centres by a multiple of 90°. Stores absolute old and new
/// rotations, so undo and redo are exact.
class CmdRotateRacks final : public QUndoCommand {
 public:
  /// Throws std::invalid_argument on an unknown id or a step that is not a multiple of 90.
  CmdRotateRacks(DesignDocument& document, const QList<RackId>& ids, int stepDeg = 90);

  void redo() override;
  void undo() override;

 private:
  DesignDocument& mDocument;
  QHash<RackId, int> mOldDeg;
  QHash<RackId, int> mNewDeg;
};

}  // namespace dc
