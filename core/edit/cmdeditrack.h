// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Replaces one rack's properties (name, row, cooling mode, rack type, mounts) with new values.
/// Stores the whole old and new rack, so any property edit is one exact undo step.
class CmdEditRack final : public QUndoCommand {
 public:
  /// Throws std::invalid_argument on an unknown id or a changed hall.
  CmdEditRack(DesignDocument& document, Rack newRack, const QString& text);

  void redo() override;
  void undo() override;

 private:
  DesignDocument& mDocument;
  Rack mOldRack;
  Rack mNewRack;
};

}  // namespace dc
