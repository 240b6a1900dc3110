// SPDX-License-Identifier: GPL-3.0-or-later
#include "pooldialog.h"

#include "poolpalette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace dc {

namespace {
constexpr int kKeyRole = Qt::UserRole + 1;

QListWidgetItem* checkItem(const QString& text, const QString& key, bool checked,
                           QListWidget* list) {
  auto* item = new QListWidgetItem(text, list);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
  item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
  item->setData(kKeyRole, key);
  return item;
}
}  // namespace

PoolDialog::PoolDialog(const WorkloadPool& pool, const Project& project,
                       const QList<RackId>& selection, bool editing, QWidget* parent)
    : QDialog(parent), mPool(pool), mProject(project), mSelection(selection) {
  setWindowTitle(editing ? tr("Edit pool %1").arg(pool.name) : tr("New workload pool"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  layout->addLayout(form);

  mName = new QLineEdit(pool.name, this);
  mName->setObjectName(QStringLiteral("name"));
  mName->setPlaceholderText(tr("e.g. Training pool"));
  form->addRow(tr("&Name"), mName);

  mScheduler = new QComboBox(this);
  mScheduler->setObjectName(QStringLiteral("scheduler"));
  mScheduler->addItem(tr("Slurm (gang-scheduled training)"), int(Scheduler::Slurm));
  mScheduler->addItem(tr("Kubernetes (inference, elastic fine-tuning)"),
                      int(Scheduler::Kubernetes));
  mScheduler->setCurrentIndex(std::max(0, mScheduler->findData(int(pool.scheduler))));
  form->addRow(tr("&Scheduler"), mScheduler);

  mColour = new QComboBox(this);
  mColour->setObjectName(QStringLiteral("colour"));
  for (int i = 0; i < poolColourCount(); ++i) {
    mColour->addItem(poolSwatch(i), poolColourName(i), i);
  }
  mColour->setCurrentIndex(std::max(0, mColour->findData(pool.colourIndex)));
  form->addRow(tr("&Colour"), mColour);

  mRows = new QListWidget(this);
  mRows->setObjectName(QStringLiteral("rows"));
  mRows->setToolTip(tr("Rows taken whole: a rack added to the row later joins the pool"));
  mRows->setMaximumHeight(110);
  form->addRow(tr("Whole &rows"), mRows);
  mRacks = new QListWidget(this);
  mRacks->setObjectName(QStringLiteral("racks"));
  mRacks->setToolTip(tr("Racks named one by one (besides those of the rows ticked above)"));
  mRacks->setMinimumHeight(140);
  form->addRow(tr("R&acks"), mRacks);
  fillLists();

  auto* fromSelection = new QHBoxLayout;
  auto* selected = new QPushButton(tr("Tick the selected racks"), this);
  selected->setObjectName(QStringLiteral("tickSelectedRacks"));
  auto* rows = new QPushButton(tr("Tick their rows"), this);
  rows->setObjectName(QStringLiteral("tickSelectedRows"));
  selected->setEnabled(!mSelection.isEmpty());
  rows->setEnabled(!mSelection.isEmpty());
  fromSelection->addWidget(selected);
  fromSelection->addWidget(rows);
  fromSelection->addStretch(1);
  form->addRow(tr("From the floor plan"), fromSelection);
  connect(selected, &QPushButton::clicked, this, [this] { tickSelection(false); });
  connect(rows, &QPushButton::clicked, this, [this] { tickSelection(true); });

  mError = new QLabel(this);
  mError->setObjectName(QStringLiteral("error"));
  mError->setWordWrap(true);
  mError->setStyleSheet(QStringLiteral("color: #c62828;"));
  layout->addWidget(mError);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  mOk = buttons->button(QDialogButtonBox::Ok);
  mOk->setText(editing ? tr("Apply") : tr("Add"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &PoolDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(mName, &QLineEdit::textChanged, this, &PoolDialog::validate);
  connect(mRows, &QListWidget::itemChanged, this, &PoolDialog::validate);
  connect(mRacks, &QListWidget::itemChanged, this, &PoolDialog::validate);
  validate();
  setMinimumWidth(440);
}

void PoolDialog::fillLists() {
  QStringList rows;
  for (const Rack& rack : mProject.racks()) {
    if (rack.hallId() == mPool.hallId && !rack.row().isEmpty() && !rows.contains(rack.row())) {
      rows.append(rack.row());
    }
  }
  for (const QString& row : mPool.rows) {
    if (!rows.contains(row)) {
      rows.append(row);  // a row the pool names that holds no rack today
    }
  }
  for (const QString& row : rows) {
    checkItem(tr("Row %1").arg(row), row, mPool.rows.contains(row), mRows);
  }
  for (const Rack& rack : mProject.racks()) {
    if (rack.hallId() != mPool.hallId) {
      continue;
    }
    const QString name = rack.name().isEmpty() ? tr("(unnamed rack)") : rack.name();
    checkItem(rack.row().isEmpty() ? name : tr("%1 (row %2)").arg(name, rack.row()),
              rack.id().toString(), mPool.rackIds.contains(rack.id()), mRacks);
  }
}

void PoolDialog::tickSelection(bool wholeRows) {
  QStringList rows;
  for (RackId id : mSelection) {
    const Rack* rack = mProject.findRack(id);
    if (rack && !rack->row().isEmpty() && !rows.contains(rack->row())) {
      rows.append(rack->row());
    }
  }
  for (int i = 0; i < mRows->count(); ++i) {
    QListWidgetItem* item = mRows->item(i);
    if (wholeRows && rows.contains(item->data(kKeyRole).toString())) {
      item->setCheckState(Qt::Checked);
    }
  }
  for (int i = 0; i < mRacks->count(); ++i) {
    QListWidgetItem* item = mRacks->item(i);
    if (!wholeRows && mSelection.contains(RackId::fromString(item->data(kKeyRole).toString()))) {
      item->setCheckState(Qt::Checked);
    }
  }
}

WorkloadPool PoolDialog::pool() const {
  WorkloadPool pool = mPool;
  pool.name = mName->text().trimmed();
  pool.scheduler = Scheduler(mScheduler->currentData().toInt());
  pool.colourIndex = mColour->currentData().toInt();
  pool.rows.clear();
  for (int i = 0; i < mRows->count(); ++i) {
    if (mRows->item(i)->checkState() == Qt::Checked) {
      pool.rows.append(mRows->item(i)->data(kKeyRole).toString());
    }
  }
  pool.rackIds.clear();
  for (int i = 0; i < mRacks->count(); ++i) {
    if (mRacks->item(i)->checkState() == Qt::Checked) {
      pool.rackIds.append(RackId::fromString(mRacks->item(i)->data(kKeyRole).toString()));
    }
  }
  return pool;
}

QString PoolDialog::fieldProblem() const {
  const WorkloadPool entered = pool();
  if (entered.name.isEmpty()) {
    return tr("Name: a pool needs a name.");
  }
  if (entered.rows.isEmpty() && entered.rackIds.isEmpty()) {
    return tr(
        "Racks: tick the rows or racks of the pool (or select racks on the floor plan "
        "first).");
  }
  return workloadPoolProblem(entered);
}

QString PoolDialog::errorText() const {
  return mError->text();
}

void PoolDialog::validate() {
  const QString problem = fieldProblem();
  mError->setText(problem);
  mError->setVisible(!problem.isEmpty());
  mOk->setEnabled(problem.isEmpty());
}

void PoolDialog::submit() {
  QString error = fieldProblem();
  if (error.isEmpty() && mSubmit && !mSubmit(pool(), &error) && error.isEmpty()) {
    error = tr("The pool could not be saved.");
  }
  if (!error.isEmpty()) {
    mError->setText(error);
    mError->show();
    return;
  }
  accept();
}

}  // namespace dc
