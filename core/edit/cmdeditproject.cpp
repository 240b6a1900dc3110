// SPDX-License-Identifier: GPL-3.0-or-later
#include "cmdeditproject.h"

#include <QCoreApplication>

#include <algorithm>
#include <iterator>

namespace dc {

CmdEditProject::CmdEditProject(DesignDocument& document, QString name, QString author,
                               QString description, QString revision)
    : QUndoCommand(QCoreApplication::translate("dc::CmdEditProject", "Edit project properties")),
      mDocument(document),
      mOld{document.project().name(), document.project().author(), document.project().description(),
           document.project().revision()},
      mNew{std::move(name), std::move(author), std::move(description), std::move(revision)} {
  setObsolete(std::equal(std::begin(mOld), std::end(mOld), std::begin(mNew)));
}

CmdEditProject::CmdEditProject(DesignDocument& document, QString name, QString author,
                               QString description)
    : CmdEditProject(document, std::move(name), std::move(author), std::move(description),
                     document.project().revision()) {
}

void CmdEditProject::redo() {
  mDocument.setProjectInfo(mNew[0], mNew[1], mNew[2], mNew[3]);
}

void CmdEditProject::undo() {
  mDocument.setProjectInfo(mOld[0], mOld[1], mOld[2], mOld[3]);
}

}  // namespace dc
