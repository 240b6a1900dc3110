// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeswitchesdialog.h"

#include "support/plural.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dc {

PlaceSwitchesDialog::PlaceSwitchesDialog(const QString& fabricName, const QStringList& rows,
                                         const SwitchCounts& missing, int perRack, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Place switches of %1").arg(fabricName));
  auto* layout = new QVBoxLayout(this);
  QStringList parts;
  if (missing.leaves > 0) {
    parts.append(countOf(missing.leaves, "leaf", "leaves"));
  }
  if (missing.spines > 0) {
    parts.append(countOf(missing.spines, "spine", "spines"));
  }
  if (missing.cores > 0) {
    parts.append(countOf(missing.cores, "core", "cores"));
  }
  auto* intro = new QLabel(
      tr("%1 lacks %2 on the floor. New network racks of the hall's usual rack type extend the "
         "row, the switches stacked from the top unit down; one undo step.")
          .arg(fabricName, parts.join(QStringLiteral(", "))),
      this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto* form = new QFormLayout;
  layout->addLayout(form);
  mRow = new QComboBox(this);
  mRow->setObjectName(QStringLiteral("row"));
  mRow->addItems(rows);
  form->addRow(tr("&Row"), mRow);
  mPerRack = new QSpinBox(this);
  mPerRack->setObjectName(QStringLiteral("perRack"));
  mPerRack->setRange(0, 200);
  mPerRack->setSpecialValueText(tr("As many as fit"));
  mPerRack->setValue(perRack);
  form->addRow(tr("Switches per &rack"), mPerRack);

  mError = new QLabel(this);
  mError->setObjectName(QStringLiteral("error"));
  mError->setWordWrap(true);
  mError->setStyleSheet(QStringLiteral("color: #c62828;"));
  mError->hide();
  layout->addWidget(mError);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Place"));
  buttons->button(QDialogButtonBox::Ok)->setEnabled(!rows.isEmpty());
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &PlaceSwitchesDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  setMinimumWidth(400);
}

SwitchRowRequest PlaceSwitchesDialog::request() const {
  return SwitchRowRequest{mRow->currentText(), mPerRack->value()};
}

QString PlaceSwitchesDialog::errorText() const {
  return mError->isHidden() ? QString() : mError->text();
}

void PlaceSwitchesDialog::submit() {
  QString error;
  if (mSubmit && !mSubmit(request(), &error)) {
    mError->setText(error.isEmpty() ? tr("The switches could not be placed.") : error);
    mError->show();
    return;
  }
  accept();
}

}  // namespace dc
