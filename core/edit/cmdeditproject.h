// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Changes the project's name, author and description.
class CmdEditProject final : public QUndoCommand {
 public:
  CmdEditProject(DesignDocument& document, QString name, QString author, QString description);

  void redo() override;
  void undo() override;

 private:
  DesignDocument& mDocument;
  QString mOld[3];
  QString mNew[3];
};

}  // namespace dc
