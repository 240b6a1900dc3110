// SPDX-License-Identifier: GPL-3.0-or-later
// The kind pages of the workload dialog: training and fine-tuning, serving, tiering.
#include "largenumberedit.h"
#include "shapeeditor.h"
#include "workloaddialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>
#include <utility>

namespace dc {

namespace {
QDoubleSpinBox* doubleBox(const QString& objectName, double value, double maximum, int decimals,
                          const QString& suffix, QWidget* parent) {
  auto* box = new QDoubleSpinBox(parent);
  box->setObjectName(objectName);
  box->setRange(0.0, maximum);
  box->setDecimals(decimals);
  box->setSuffix(suffix);
  box->setGroupSeparatorShown(true);
  box->setValue(value);
  return box;
}

QSpinBox* intBox(const QString& objectName, int value, int minimum, int maximum, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  box->setObjectName(objectName);
  box->setRange(minimum, maximum);
  box->setGroupSeparatorShown(true);
  box->setValue(value);
  return box;
}
}  // namespace

QWidget* WorkloadDialog::buildTrainingPage() {
  mTrainingPage = new QWidget;
  mTrainingForm = new QFormLayout(mTrainingPage);
  mTrainingForm->setContentsMargins(0, 0, 0, 0);
  QFormLayout* form = mTrainingForm;
  mTokens = new LargeNumberEdit(mTrainingPage);
  mTokens->setObjectName(QStringLiteral("tokens"));
  mTokens->setValue(mWorkload.tokens);
  mTokens->setPlaceholderText(tr("e.g. 2T or 2e12"));
  form->addRow(tr("Training &tokens"), mTokens);

  mMethod = new QComboBox(mTrainingPage);
  mMethod->setObjectName(QStringLiteral("method"));
  mMethod->addItem(tr("Full (all weights)"), int(FineTuneMethod::Full));
  mMethod->addItem(tr("LoRA (low-rank adapters)"), int(FineTuneMethod::LoRA));
  mMethod->setCurrentIndex(std::max(0, mMethod->findData(int(mWorkload.fineTuneMethod))));
  form->addRow(tr("&Method"), mMethod);
  mLoraRank = intBox(QStringLiteral("loraRank"), mWorkload.loraRank, 0, 65'536, mTrainingPage);
  mLoraRank->setToolTip(tr("Rank r of the adapters on the q, k, v and o projections"));
  form->addRow(tr("LoRA &rank"), mLoraRank);
  mRunsPerMonth = doubleBox(QStringLiteral("runsPerMonth"), mWorkload.runsPerMonth, 100'000, 1,
                            tr(" per month"), mTrainingPage);
  form->addRow(tr("R&uns"), mRunsPerMonth);

  mTargetDays = doubleBox(QStringLiteral("targetDays"), mWorkload.targetDays, 100'000, 1,
                          tr(" days"), mTrainingPage);
  mTargetDays->setSpecialValueText(tr("None"));
  mTargetDays->setToolTip(tr("The wall-clock time the run must finish in"));
  form->addRow(tr("Target &time"), mTargetDays);

  const Parallelism& p = mWorkload.parallelism;
  mAutomatic = new QCheckBox(tr("Automatic (the smallest TP, then PP, that fits)"), mTrainingPage);
  mAutomatic->setObjectName(QStringLiteral("automaticParallelism"));
  mAutomatic->setChecked(p.isAutomatic());
  form->addRow(tr("&Parallelism"), mAutomatic);
  auto* split = new QHBoxLayout;
  mTp = intBox(QStringLiteral("tp"), std::max(1, p.tp), 0, 1'024, mTrainingPage);
  mPp = intBox(QStringLiteral("pp"), p.pp, 0, 1'024, mTrainingPage);
  mDp = intBox(QStringLiteral("dp"), p.dp, 0, 10'000'000, mTrainingPage);
  mDp->setSpecialValueText(tr("rest"));
  mCp = intBox(QStringLiteral("cp"), p.cp, 0, 1'024, mTrainingPage);
  for (auto [label, box] : {std::pair{tr("TP"), mTp}, std::pair{tr("PP"), mPp},
                            std::pair{tr("DP"), mDp}, std::pair{tr("CP"), mCp}}) {
    split->addWidget(new QLabel(label, mTrainingPage));
    split->addWidget(box, 1);
  }
  mTp->setToolTip(tr("Tensor parallel: must divide the attention heads"));
  mPp->setToolTip(tr("Pipeline parallel: must divide the layers"));
  mDp->setToolTip(tr("Data parallel; rest: the GPUs left over"));
  mCp->setToolTip(tr("Context parallel: the sequence split this many ways"));
  form->addRow(QString(), split);
  mZero = new QComboBox(mTrainingPage);
  mZero->setObjectName(QStringLiteral("zeroStage"));
  mZero->addItem(tr("0 (none)"), 0);
  mZero->addItem(tr("1 (optimizer states)"), 1);
  mZero->addItem(tr("2 (+ gradients)"), 2);
  mZero->addItem(tr("3 (+ weights)"), 3);
  mZero->setCurrentIndex(std::max(0, mZero->findData(p.zeroStage)));
  form->addRow(tr("&ZeRO stage"), mZero);

  mRecompute = new QComboBox(mTrainingPage);
  mRecompute->setObjectName(QStringLiteral("recompute"));
  for (RecomputeMode mode : {RecomputeMode::None, RecomputeMode::Selective, RecomputeMode::Full}) {
    mRecompute->addItem(recomputeModeName(mode), int(mode));
  }
  mRecompute->setCurrentIndex(std::max(0, mRecompute->findData(int(mWorkload.recompute))));
  mRecompute->setToolTip(tr("Activation recomputation (Korthikanti et al. 2022)"));
  form->addRow(tr("Re&compute"), mRecompute);
  mMicroBatch =
      intBox(QStringLiteral("microBatch"), mWorkload.microBatch, 0, 100'000, mTrainingPage);
  form->addRow(tr("M&icro-batch (sequences)"), mMicroBatch);
  mGlobalBatch = new LargeNumberEdit(mTrainingPage);
  mGlobalBatch->setObjectName(QStringLiteral("globalBatchTokens"));
  mGlobalBatch->setValue(mWorkload.globalBatchTokens);
  mGlobalBatch->setPlaceholderText(tr("the assumption fit.globalBatchTokens"));
  form->addRow(tr("&Global batch (tokens)"), mGlobalBatch);

  mMfu = doubleBox(QStringLiteral("mfu"), mWorkload.mfu, 2.0, 2, QString(), mTrainingPage);
  mMfu->setSingleStep(0.01);
  mMfu->setSpecialValueText(tr("By GPU and scale (assumption)"));
  mMfu->setToolTip(
      tr("Model FLOPs utilisation, 0–1: the share of the dense peak the counted "
         "FLOPs run at"));
  form->addRow(tr("&MFU"), mMfu);
  mGoodput =
      doubleBox(QStringLiteral("goodput"), mWorkload.goodput, 2.0, 2, QString(), mTrainingPage);
  mGoodput->setSingleStep(0.01);
  mGoodput->setSpecialValueText(tr("The assumption fit.goodput"));
  mGoodput->setToolTip(
      tr("Share of the wall clock spent training (restarts and checkpoints "
         "take the rest), 0–1"));
  form->addRow(tr("G&oodput"), mGoodput);
  return mTrainingPage;
}

QWidget* WorkloadDialog::buildInferencePage() {
  mInferencePage = new QWidget;
  auto* form = new QFormLayout(mInferencePage);
  form->setContentsMargins(0, 0, 0, 0);
  mPromptTokens = intBox(QStringLiteral("promptTokens"), mWorkload.promptTokens, 0, 100'000'000,
                         mInferencePage);
  mPromptTokens->setSuffix(tr(" tokens"));
  form->addRow(tr("&Prompt"), mPromptTokens);
  mOutputTokens = intBox(QStringLiteral("outputTokens"), mWorkload.outputTokens, 0, 100'000'000,
                         mInferencePage);
  mOutputTokens->setSuffix(tr(" tokens"));
  form->addRow(tr("&Output"), mOutputTokens);
  mRate = doubleBox(QStringLiteral("requestsPerSecond"), mWorkload.requestsPerSecond, 1e7, 2,
                    tr(" requests/s"), mInferencePage);
  form->addRow(tr("Request &rate"), mRate);
  mTtft = doubleBox(QStringLiteral("ttftTarget"), mWorkload.ttftTargetS, 3'600, 2, tr(" s"),
                    mInferencePage);
  mTtft->setToolTip(tr("Time to the first token (prefill): MLPerf v4.1 Llama-2-70B server: 2 s"));
  form->addRow(tr("&TTFT target"), mTtft);
  mTpot = doubleBox(QStringLiteral("tpotTarget"), mWorkload.tpotTargetS * 1000.0, 1e6, 0, tr(" ms"),
                    mInferencePage);
  mTpot->setToolTip(tr("Time per output token (decode): MLPerf v4.1 Llama-2-70B server: 200 ms"));
  form->addRow(tr("T&POT target"), mTpot);
  mBatching = new QComboBox(mInferencePage);
  mBatching->setObjectName(QStringLiteral("batching"));
  mBatching->addItem(tr("Continuous (admits requests at every decode step)"),
                     int(Batching::Continuous));
  mBatching->addItem(tr("Static (a batch runs to its longest sequence)"), int(Batching::Static));
  mBatching->setCurrentIndex(std::max(0, mBatching->findData(int(mWorkload.batching))));
  form->addRow(tr("&Batching"), mBatching);
  return mInferencePage;
}

QWidget* WorkloadDialog::buildTieringPage() {
  auto* page = new QWidget;
  auto* form = new QFormLayout(page);
  mSmallShare = doubleBox(QStringLiteral("smallModelShare"), mWorkload.smallModelShare * 100.0,
                          100.0, 1, tr(" %"), page);
  mSmallShare->setSpecialValueText(tr("No tiering"));
  mSmallShare->setToolTip(
      tr("The share of the requests a small model answers; the rest go to "
         "the model of the Workload page"));
  form->addRow(tr("Requests to the &small model"), mSmallShare);
  mSmallModel = new ShapeEditor(mWorkload.smallModel, page);
  mSmallModel->setObjectName(QStringLiteral("smallModel"));
  form->addRow(new QLabel(tr("<b>Small model</b>"), page));
  form->addRow(mSmallModel);
  return page;
}

}  // namespace dc
