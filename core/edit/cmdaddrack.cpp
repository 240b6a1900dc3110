// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdaddrack.h"

#include <QCoreApplication>

#include <stdexcept>

namespace dc {

CmdAddRack::CmdAddRack(DesignDocument& document, Rack rack)
    : QUndoCommand(QCoreApplication::translate("dc::CmdAddRack", "Add rack %1").arg(rack.name())),
      mDocument(document),
      mRack(std::move(rack)) {
  if (mRack.id().isNull() || mDocument.project().findRack(mRack.id())) {
    throw std::invalid_argument("CmdAddRack: the rack needs a new id");
  }
  if (!mDocument.project().findHall(mRack.hallId())) {
    throw std::invalid_argument("CmdAddRack: the rack's hall is not in the project");
  }
}

void CmdAddRack::redo() {
  mDocument.insertRack(-1, mRack);
}

void CmdAddRack::undo() {
  mDocument.removeRack(mRack.id());
}

}  // namespace dc
