// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectinfodialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dc {

ProjectInfoDialog::ProjectInfoDialog(const ProjectInfo& info, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Project Properties"));
  mName = new QLineEdit(info.name, this);
  mAuthor = new QLineEdit(info.author, this);
  mRevision = new QLineEdit(info.revision, this);
  mRevision->setPlaceholderText(tr("e.g. A, B, P1 — printed on the report's cover and sheets"));
  mDescription = new QPlainTextEdit(info.description, this);
  mDescription->setTabChangesFocus(true);
  auto* form = new QFormLayout;
  form->addRow(tr("&Name:"), mName);
  form->addRow(tr("&Author:"), mAuthor);
  form->addRow(tr("&Revision:"), mRevision);
  form->addRow(tr("&Description:"), mDescription);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  // A project needs a name: the report and the window title carry it.
  const auto updateOk = [this, buttons] {
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!mName->text().trimmed().isEmpty());
  };
  connect(mName, &QLineEdit::textChanged, this, updateOk);
  updateOk();
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
  resize(520, 360);
}

ProjectInfo ProjectInfoDialog::info() const {
  return ProjectInfo{mName->text().trimmed(), mAuthor->text().trimmed(),
                     mRevision->text().trimmed(), mDescription->toPlainText().trimmed()};
}

}  // namespace dc
