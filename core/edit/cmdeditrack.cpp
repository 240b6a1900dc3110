// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdeditrack.h"

#include <stdexcept>

namespace dc {

CmdEditRack::CmdEditRack(DesignDocument& document, Rack newRack, const QString& text)
    : QUndoCommand(text), mDocument(document), mNewRack(std::move(newRack)) {
  const Rack* current = mDocument.project().findRack(mNewRack.id());
  if (!current) {
    throw std::invalid_argument("CmdEditRack: unknown rack id");
  }
  if (current->hallId() != mNewRack.hallId()) {
    throw std::invalid_argument("CmdEditRack: a rack cannot change hall");
  }
  mOldRack = *current;
  setObsolete(mOldRack == mNewRack);
}

void CmdEditRack::redo() {
  mDocument.replaceRack(mNewRack);
}

void CmdEditRack::undo() {
  mDocument.replaceRack(mOldRack);
}

}  // namespace dc
