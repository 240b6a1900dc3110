// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Places a new rack. Undo removes it again; redo puts back the identical rack (same id).
class CmdAddRack final : public QUndoCommand {
 public:
  /// Throws std::invalid_argument (before anything is pushed) on a null or existing id, or a
  /// hall that is not in the project.
  CmdAddRack(DesignDocument& document, Rack rack);

  void redo() override;
  void undo() override;

 private:
  DesignDocument& mDocument;
  Rack mRack;
};

}  // namespace dc
