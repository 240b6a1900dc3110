// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdremoveracks.h"

#include "support/plural.h"

#include <QCoreApplication>

#include <algorithm>
#include <stdexcept>

namespace dc {

CmdRemoveRacks::CmdRemoveRacks(DesignDocument& document, const QList<RackId>& ids)
    : QUndoCommand(QStringLiteral("Delete %1").arg(countOf(ids.size(), "rack", "racks"))),
      mDocument(document) {
  if (ids.isEmpty()) {
    throw std::invalid_argument("CmdRemoveRacks: nothing to delete");
  }
  for (RackId id : ids) {
    const qsizetype index = mDocument.project().rackIndex(id);
    if (index < 0) {
      throw std::invalid_argument("CmdRemoveRacks: unknown rack id");
    }
    if (std::none_of(mRemoved.cbegin(), mRemoved.cend(),
                     [&](const Removed& r) { return r.index == index; })) {
      mRemoved.append({index, mDocument.project().racks()[index]});
    }
  }
  std::sort(mRemoved.begin(), mRemoved.end(),
            [](const Removed& a, const Removed& b) { return a.index < b.index; });
}

void CmdRemoveRacks::redo() {
  QList<RackId> ids;
  for (const Removed& removed : mRemoved) {
    ids.append(removed.rack.id());
  }
  mDocument.removeRacks(ids);
}

void CmdRemoveRacks::undo() {
  // Ascending original indices: each insert puts a rack back where it was.
  QList<QPair<qsizetype, Rack>> racks;
  for (const Removed& removed : mRemoved) {
    racks.append({removed.index, removed.rack});
  }
  mDocument.insertRacks(racks);
}

}  // namespace dc
