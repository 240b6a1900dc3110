// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Deletes racks (with their mounts). Undo puts each back at its old place in the rack list, so
/// the project is identical to what it was.
class CmdRemoveRacks final : public QUndoCommand {
 public:
  /// Throws std::invalid_argument on an empty list or an unknown id.
  CmdRemoveRacks(DesignDocument& document, const QList<RackId>& ids);

  void redo() override;
  void undo() override;

 private:
  struct Removed {
    qsizetype index;
    Rack rack;
  };

  DesignDocument& mDocument;
  QList<Removed> mRemoved;  ///< ascending by index in the original list
};

}  // namespace dc
