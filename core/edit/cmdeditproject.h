// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

namespace dc {

/// Changes the project's name, author, description and revision.
class CmdEditProject final : public QUndoCommand {
 public:
  CmdEditProject(DesignDocument& document, QString name, QString author, QString description,
                 QString revision);
  /// Keeps the revision.
  CmdEditProject(DesignDocument& document, QString name, QString author, QString description);

  void redo() override;
  void undo() override;

 private:
  DesignDocument& mDocument;
  QString mOld[4];
  QString mNew[4];
};

}  // namespace dc
