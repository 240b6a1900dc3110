// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace dc {

/// What the cover and every title block of the report carry.
struct ProjectInfo {
  QString name;
  QString author;
  QString revision;
  QString description;
};

/// File ▸ Project Properties: the project's name, author, revision and description. Edits a
/// copy; the caller pushes CmdEditProject.
class ProjectInfoDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit ProjectInfoDialog(const ProjectInfo& info, QWidget* parent = nullptr);
  ProjectInfo info() const;

 private:
  QLineEdit* mName = nullptr;
  QLineEdit* mAuthor = nullptr;
  QLineEdit* mRevision = nullptr;
  QPlainTextEdit* mDescription = nullptr;
};

}  // namespace dc
