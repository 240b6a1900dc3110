// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdeditproject.h"

#include <QCoreApplication>

namespace dc {

CmdEditProject::CmdEditProject(DesignDocument& document, QString name, QString author,
                               QString description)
    : QUndoCommand(QCoreApplication::translate("dc::CmdEditProject", "Edit project properties")),
      mDocument(document),
      mOld{document.project().name(), document.project().author(),
           document.project().description()},
      mNew{std::move(name), std::move(author), std::move(description)} {
  setObsolete(mOld[0] == mNew[0] && mOld[1] == mNew[1] && mOld[2] == mNew[2]);
}

void CmdEditProject::redo() {
  mDocument.setProjectInfo(mNew[0], mNew[1], mNew[2]);
}

void CmdEditProject::undo() {
  mDocument.setProjectInfo(mOld[0], mOld[1], mOld[2]);
}

}  // namespace dc
