// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace dc {

class LargeNumberEdit;
class ShapeEditor;

/// Adds or edits a workload with the fields of its kind: the model (parameters or architecture)
/// and precision for all; tokens, target days, parallelism (TP/PP/DP/CP and ZeRO, or automatic),
/// recompute, MFU and goodput for training, plus full or LoRA, dataset tokens and runs per
/// month for fine-tuning; prompt and output tokens, request rate, TTFT and TPOT targets,
/// batching and tiering (a share of the requests to a small model) for inference. Every edit
/// re-checks the entry: the first problem (workloadProblem(), naming the field) shows under the
/// form and OK stays disabled until there is none.
class WorkloadDialog final : public QDialog {
  Q_OBJECT

 public:
  using Submit = std::function<bool(const Workload& workload, QString* error)>;
  enum Tab { TabWorkload, TabKind, TabTiering };

  WorkloadDialog(const Workload& workload, const Project& project, bool editing,
                 QWidget* parent = nullptr);

  void setSubmit(Submit submit) { mSubmit = std::move(submit); }
  /// The workload as entered (id kept; fields the kind does not show keep their values).
  Workload workload() const;
  /// Why workload() cannot be used, naming the field; empty when it can.
  QString fieldProblem() const;
  /// The message under the form (a problem or the last refusal), or empty.
  QString errorText() const;
  /// Checks and submits; closes on success. What OK does.
  void submit();

  QLineEdit* nameEdit() const noexcept { return mName; }
  QComboBox* kindCombo() const noexcept { return mKind; }
  QComboBox* poolCombo() const noexcept { return mPool; }
  QComboBox* precisionCombo() const noexcept { return mPrecision; }
  ShapeEditor* modelEditor() const noexcept { return mModel; }
  LargeNumberEdit* tokensEdit() const noexcept { return mTokens; }
  QDoubleSpinBox* mfuBox() const noexcept { return mMfu; }
  QCheckBox* automaticParallelismBox() const noexcept { return mAutomatic; }
  QSpinBox* tpBox() const noexcept { return mTp; }
  QSpinBox* promptTokensBox() const noexcept { return mPromptTokens; }
  QSpinBox* outputTokensBox() const noexcept { return mOutputTokens; }
  QDoubleSpinBox* rateBox() const noexcept { return mRate; }
  QTabWidget* tabs() const noexcept { return mTabs; }
  QPushButton* okButton() const noexcept { return mOk; }

 private:
  QWidget* buildWorkloadPage(const Project& project);
  QWidget* buildTrainingPage();
  QWidget* buildInferencePage();
  QWidget* buildTieringPage();
  void watch(QWidget* widget);
  void showKindFields();
  void validate();

  Workload mWorkload;
  Submit mSubmit;
  QTabWidget* mTabs = nullptr;
  QLineEdit* mName = nullptr;
  QComboBox* mKind = nullptr;
  QComboBox* mPool = nullptr;
  QSpinBox* mGpus = nullptr;
  QComboBox* mPrecision = nullptr;
  ShapeEditor* mModel = nullptr;
  // Training and fine-tuning
  QWidget* mTrainingPage = nullptr;
  QFormLayout* mTrainingForm = nullptr;
  LargeNumberEdit* mTokens = nullptr;
  QComboBox* mMethod = nullptr;
  QSpinBox* mLoraRank = nullptr;
  QDoubleSpinBox* mRunsPerMonth = nullptr;
  QDoubleSpinBox* mTargetDays = nullptr;
  QCheckBox* mAutomatic = nullptr;
  QSpinBox* mTp = nullptr;
  QSpinBox* mPp = nullptr;
  QSpinBox* mDp = nullptr;
  QSpinBox* mCp = nullptr;
  QComboBox* mZero = nullptr;
  QComboBox* mRecompute = nullptr;
  QSpinBox* mMicroBatch = nullptr;
  LargeNumberEdit* mGlobalBatch = nullptr;
  QDoubleSpinBox* mMfu = nullptr;
  QDoubleSpinBox* mGoodput = nullptr;
  // Inference
  QWidget* mInferencePage = nullptr;
  QSpinBox* mPromptTokens = nullptr;
  QSpinBox* mOutputTokens = nullptr;
  QDoubleSpinBox* mRate = nullptr;
  QDoubleSpinBox* mTtft = nullptr;
  QDoubleSpinBox* mTpot = nullptr;
  QComboBox* mBatching = nullptr;
  QDoubleSpinBox* mSmallShare = nullptr;
  ShapeEditor* mSmallModel = nullptr;
  QLabel* mError = nullptr;
  QPushButton* mOk = nullptr;
};

}  // namespace dc
