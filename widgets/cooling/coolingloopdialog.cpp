// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingloopdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dc {

CoolingLoopDialog::CoolingLoopDialog(const CoolingLoop& loop, bool editing, QWidget* parent)
    : QDialog(parent), mLoop(loop) {
  setWindowTitle(editing ? tr("Edit %1 %2").arg(coolingLoopKindName(loop.kind), loop.name)
                         : tr("New cooling loop"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  layout->addLayout(form);

  mName = new QLineEdit(loop.name, this);
  mName->setObjectName(QStringLiteral("name"));
  mName->setPlaceholderText(tr("e.g. Loop 1, Zone A"));
  form->addRow(tr("&Name"), mName);

  mKind = new QComboBox(this);
  mKind->setObjectName(QStringLiteral("kind"));
  for (CoolingLoopKind kind : {CoolingLoopKind::Liquid, CoolingLoopKind::Air}) {
    mKind->addItem(coolingLoopKindName(kind), int(kind));
  }
  mKind->setCurrentIndex(mKind->findData(int(loop.kind)));
  mKind->setToolTip(
      tr("A CDU loop carries coolant to cold plates; an air zone is the room air "
         "its CRAH units and in-row coolers cool"));
  form->addRow(tr("&Kind"), mKind);

  mRedundancy = new QComboBox(this);
  mRedundancy->setObjectName(QStringLiteral("redundancy"));
  for (Redundancy redundancy : {Redundancy::N, Redundancy::NPlus1, Redundancy::TwoN}) {
    mRedundancy->addItem(redundancyName(redundancy), int(redundancy));
  }
  mRedundancy->setCurrentIndex(mRedundancy->findData(int(loop.redundancy)));
  mRedundancy->setToolTip(tr("N: every unit carries load; N+1: one spare; 2N: half are spares"));
  form->addRow(tr("&Redundancy"), mRedundancy);

  mError = new QLabel(this);
  mError->setObjectName(QStringLiteral("error"));
  mError->setWordWrap(true);
  mError->setStyleSheet(QStringLiteral("color: #c62828;"));
  mError->hide();
  layout->addWidget(mError);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Apply") : tr("Add"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &CoolingLoopDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  setMinimumWidth(360);
}

CoolingLoop CoolingLoopDialog::loop() const {
  CoolingLoop loop = mLoop;
  loop.name = mName->text().trimmed();
  loop.kind = CoolingLoopKind(mKind->currentData().toInt());
  loop.redundancy = Redundancy(mRedundancy->currentData().toInt());
  return loop;
}

QString CoolingLoopDialog::errorText() const {
  return mError->isHidden() ? QString() : mError->text();
}

void CoolingLoopDialog::submit() {
  QString error;
  if (mSubmit && !mSubmit(loop(), &error)) {
    mError->setText(error.isEmpty() ? tr("The loop could not be saved.") : error);
    mError->show();
    return;
  }
  mError->hide();
  accept();
}

}  // namespace dc
