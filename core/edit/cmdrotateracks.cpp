// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdrotateracks.h"

#include "support/plural.h"

#include <QCoreApplication>

#include <stdexcept>

namespace dc {

CmdRotateRacks::CmdRotateRacks(DesignDocument& document, const QList<RackId>& ids, int stepDeg)
    : QUndoCommand(QStringLiteral("Rotate %1").arg(countOf(ids.size(), "rack", "racks"))),
      mDocument(document) {
  if (stepDeg % 90 != 0) {
    throw std::invalid_argument("CmdRotateRacks: racks turn in steps of 90 degrees");
  }
  for (RackId id : ids) {
    const Rack* rack = mDocument.project().findRack(id);
    if (!rack) {
      throw std::invalid_argument("CmdRotateRacks: unknown rack id");
    }
    mOldDeg.insert(id, rack->rotationDeg());
    mNewDeg.insert(id, ((rack->rotationDeg() + stepDeg) % 360 + 360) % 360);
  }
  setObsolete(mOldDeg == mNewDeg);
}

void CmdRotateRacks::redo() {
  mDocument.rotateRacks(mNewDeg);
}

void CmdRotateRacks::undo() {
  mDocument.rotateRacks(mOldDeg);
}

}  // namespace dc
