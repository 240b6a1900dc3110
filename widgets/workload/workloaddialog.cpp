// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloaddialog.h"

#include "largenumberedit.h"
#include "shapeeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dc {

WorkloadDialog::WorkloadDialog(const Workload& workload, const Project& project, bool editing,
                               QWidget* parent)
    : QDialog(parent), mWorkload(workload) {
  setWindowTitle(editing ? tr("Edit workload %1").arg(workload.name) : tr("New workload"));
  auto* layout = new QVBoxLayout(this);
  mTabs = new QTabWidget(this);
  mTabs->setObjectName(QStringLiteral("workloadTabs"));
  mTabs->addTab(buildWorkloadPage(project), tr("Workload"));
  auto* kindPage = new QWidget;
  auto* kindLayout = new QVBoxLayout(kindPage);
  kindLayout->addWidget(buildTrainingPage());
  kindLayout->addWidget(buildInferencePage());
  kindLayout->addStretch(1);
  mTabs->addTab(kindPage, tr("Training"));
  mTabs->addTab(buildTieringPage(), tr("Tiering"));
  layout->addWidget(mTabs, 1);

  mError = new QLabel(this);
  mError->setObjectName(QStringLiteral("error"));
  mError->setWordWrap(true);
  mError->setStyleSheet(QStringLiteral("color: #c62828;"));
  layout->addWidget(mError);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  mOk = buttons->button(QDialogButtonBox::Ok);
  mOk->setText(editing ? tr("Apply") : tr("Add"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &WorkloadDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  for (QWidget* w : findChildren<QWidget*>()) {
    watch(w);
  }
  showKindFields();
  validate();
  setMinimumWidth(500);
}

QWidget* WorkloadDialog::buildWorkloadPage(const Project& project) {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  mName = new QLineEdit(mWorkload.name, page);
  mName->setObjectName(QStringLiteral("name"));
  mName->setPlaceholderText(tr("e.g. Llama-3-70B pre-training"));
  form->addRow(tr("&Name"), mName);

  mKind = new QComboBox(page);
  mKind->setObjectName(QStringLiteral("kind"));
  for (WorkloadKind kind :
       {WorkloadKind::Training, WorkloadKind::FineTuning, WorkloadKind::Inference}) {
    mKind->addItem(workloadKindName(kind), int(kind));
  }
  mKind->setCurrentIndex(std::max(0, mKind->findData(int(mWorkload.kind))));
  form->addRow(tr("&Kind"), mKind);

  mPool = new QComboBox(page);
  mPool->setObjectName(QStringLiteral("pool"));
  for (const WorkloadPool& pool : project.workloadPools()) {
    mPool->addItem(pool.name, pool.id.toString());
  }
  mPool->setCurrentIndex(mPool->findData(mWorkload.poolId.toString()));
  if (mPool->currentIndex() < 0 && mPool->count() > 0) {
    mPool->setCurrentIndex(0);
  }
  form->addRow(tr("&Pool"), mPool);

  mGpus = new QSpinBox(page);
  mGpus->setObjectName(QStringLiteral("gpus"));
  mGpus->setRange(0, 10'000'000);
  mGpus->setGroupSeparatorShown(true);
  mGpus->setSpecialValueText(tr("All of the pool"));
  mGpus->setValue(mWorkload.gpus);
  mGpus->setToolTip(tr("The pool's GPUs the workload uses"));
  form->addRow(tr("&GPUs"), mGpus);

  mPrecision = new QComboBox(page);
  mPrecision->setObjectName(QStringLiteral("precision"));
  for (Precision precision : {Precision::BF16, Precision::FP8, Precision::FP4, Precision::INT4}) {
    mPrecision->addItem(precisionName(precision), int(precision));
  }
  mPrecision->setItemData(3, tr("Weight-only 4-bit (W4A16): BF16 math and KV cache"),
                          Qt::ToolTipRole);
  mPrecision->setCurrentIndex(std::max(0, mPrecision->findData(int(mWorkload.precision))));
  form->addRow(tr("P&recision"), mPrecision);

  mModel = new ShapeEditor(mWorkload.model, page);
  mModel->setObjectName(QStringLiteral("model"));
  auto* title = new QLabel(tr("<b>Model</b> — the parameter count, or the architecture, or both"));
  form->addRow(title);
  form->addRow(mModel);
  return page;
}

void WorkloadDialog::watch(QWidget* widget) {
  if (qobject_cast<QAbstractSpinBox*>(widget->parentWidget())) {
    return;  // a spin box's own line edit: the box reports its value
  }
  if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
    connect(edit, &QLineEdit::textChanged, this, &WorkloadDialog::validate);
  } else if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
    connect(spin, &QSpinBox::valueChanged, this, &WorkloadDialog::validate);
  } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(widget)) {
    connect(dspin, &QDoubleSpinBox::valueChanged, this, &WorkloadDialog::validate);
  } else if (auto* combo = qobject_cast<QComboBox*>(widget)) {
    connect(combo, &QComboBox::currentIndexChanged, this, [this] {
      showKindFields();
      validate();
    });
  } else if (auto* check = qobject_cast<QCheckBox*>(widget)) {
    connect(check, &QCheckBox::toggled, this, [this] {
      showKindFields();
      validate();
    });
  }
}

void WorkloadDialog::showKindFields() {
  if (!mKind || !mTrainingForm) {
    return;
  }
  const auto kind = WorkloadKind(mKind->currentData().toInt());
  const bool inference = kind == WorkloadKind::Inference;
  const bool fineTuning = kind == WorkloadKind::FineTuning;
  mTrainingPage->setVisible(!inference);
  mInferencePage->setVisible(inference);
  mTabs->setTabText(TabKind, inference    ? tr("Serving")
                             : fineTuning ? tr("Fine-tuning")
                                          : tr("Training"));
  mTabs->setTabEnabled(TabTiering, inference);
  for (QWidget* w : {static_cast<QWidget*>(mMethod), static_cast<QWidget*>(mRunsPerMonth)}) {
    mTrainingForm->setRowVisible(w, fineTuning);
  }
  const bool lora = FineTuneMethod(mMethod->currentData().toInt()) == FineTuneMethod::LoRA;
  mTrainingForm->setRowVisible(mLoraRank, fineTuning && lora);
  mTrainingForm->labelForField(mTokens)->setProperty(
      "text", fineTuning ? tr("Dataset &tokens per run") : tr("Training &tokens"));
  const bool manual = !mAutomatic->isChecked();
  for (QSpinBox* box : {mTp, mPp, mDp, mCp}) {
    box->setEnabled(manual);
  }
  mSmallModel->setEnabled(mSmallShare->value() > 0.0);
}

Workload WorkloadDialog::workload() const {
  Workload w = mWorkload;
  w.name = mName->text().trimmed();
  w.kind = WorkloadKind(mKind->currentData().toInt());
  w.poolId = WorkloadPoolId::fromString(mPool->currentData().toString());
  w.gpus = mGpus->value();
  w.precision = Precision(mPrecision->currentData().toInt());
  w.model = mModel->shape();
  w.tokens = mTokens->value().value_or(0.0);
  w.fineTuneMethod = FineTuneMethod(mMethod->currentData().toInt());
  w.loraRank = mLoraRank->value();
  w.runsPerMonth = mRunsPerMonth->value();
  w.targetDays = mTargetDays->value();
  w.parallelism.tp = mAutomatic->isChecked() ? 0 : mTp->value();
  w.parallelism.pp = mAutomatic->isChecked() ? 1 : mPp->value();
  w.parallelism.dp = mAutomatic->isChecked() ? 0 : mDp->value();
  w.parallelism.cp = mAutomatic->isChecked() ? 1 : mCp->value();
  w.parallelism.zeroStage = mZero->currentData().toInt();
  w.recompute = RecomputeMode(mRecompute->currentData().toInt());
  w.microBatch = mMicroBatch->value();
  w.globalBatchTokens = mGlobalBatch->value().value_or(0.0);
  w.mfu = mMfu->value();
  w.goodput = mGoodput->value();
  w.promptTokens = mPromptTokens->value();
  w.outputTokens = mOutputTokens->value();
  w.requestsPerSecond = mRate->value();
  w.ttftTargetS = mTtft->value();
  w.tpotTargetS = mTpot->value() / 1000.0;
  w.batching = Batching(mBatching->currentData().toInt());
  w.smallModelShare = mSmallShare->value() / 100.0;
  w.smallModel = mSmallModel->shape();
  return w;
}

QString WorkloadDialog::fieldProblem() const {
  const auto kind = WorkloadKind(mKind->currentData().toInt());
  if (mName->text().trimmed().isEmpty()) {
    return tr("Name: a workload needs a name.");
  }
  if (mPool->currentIndex() < 0) {
    return tr("Pool: add a pool of racks first (Add pool in the Workloads panel).");
  }
  QString problem = mModel->parseProblem();
  if (problem.isEmpty() && kind != WorkloadKind::Inference) {
    if (!mTokens->value()) {
      problem = tr("Tokens: '%1' is not a number (write e.g. 2T or 2e12).")
                    .arg(mTokens->text().trimmed());
    } else if (!mGlobalBatch->value()) {
      problem = tr("Global batch: '%1' is not a number (write e.g. 4M; empty: the assumption).")
                    .arg(mGlobalBatch->text().trimmed());
    }
  }
  if (problem.isEmpty() && kind == WorkloadKind::Inference && mSmallShare->value() > 0.0) {
    problem = mSmallModel->parseProblem(tr("Small model"));
  }
  return problem.isEmpty() ? workloadProblem(workload()) : problem;
}

QString WorkloadDialog::errorText() const {
  return mError->text();
}

void WorkloadDialog::validate() {
  if (!mOk || !mError) {
    return;  // still building
  }
  const QString problem = fieldProblem();
  mError->setText(problem);
  mError->setVisible(!problem.isEmpty());
  mOk->setEnabled(problem.isEmpty());
}

void WorkloadDialog::submit() {
  QString error = fieldProblem();
  if (error.isEmpty() && mSubmit && !mSubmit(workload(), &error) && error.isEmpty()) {
    error = tr("The workload could not be saved.");
  }
  if (!error.isEmpty()) {
    mError->setText(error);
    mError->show();
    return;
  }
  accept();
}

}  // namespace dc
