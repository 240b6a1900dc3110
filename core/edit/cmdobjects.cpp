// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdobjects.h"

namespace dc {

CmdSetAssumptions::CmdSetAssumptions(DesignDocument& document, DesignAssumptions assumptions,
                                     const QString& text)
    : QUndoCommand(text),
      mDocument(document),
      mOld(document.project().assumptions()),
      mNew(std::move(assumptions)) {
  const QMap<QString, double> values = mNew.overrides();
  for (auto it = values.cbegin(); it != values.cend(); ++it) {
    const QString problem =
        DesignAssumptions::problem(*DesignAssumptions::spec(it.key()), it.value());
    if (!problem.isEmpty()) {
      throw std::invalid_argument(problem.toStdString());
    }
  }
  setObsolete(mOld == mNew);
}

}  // namespace dc
