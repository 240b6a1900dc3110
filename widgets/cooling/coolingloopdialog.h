// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/cooling.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace dc {

/// Adds or edits one explicit CDU loop or air zone: name, kind and redundancy (its id and hall
/// are kept). On OK it hands the loop to `submit`, which pushes the command; when that refuses,
/// the command's message is shown here and the dialog stays open, so no input is lost.
class CoolingLoopDialog final : public QDialog {
  Q_OBJECT

 public:
  using Submit = std::function<bool(const CoolingLoop& loop, QString* error)>;

  CoolingLoopDialog(const CoolingLoop& loop, bool editing, QWidget* parent = nullptr);

  void setSubmit(Submit submit) { mSubmit = std::move(submit); }
  /// The loop as entered.
  CoolingLoop loop() const;
  /// The message of the last refused submit (also shown in the dialog), or empty.
  QString errorText() const;
  /// Tries to submit; closes on success. What OK does.
  void submit();

 private:
  CoolingLoop mLoop;
  Submit mSubmit;
  QLineEdit* mName = nullptr;
  QComboBox* mKind = nullptr;
  QComboBox* mRedundancy = nullptr;
  QLabel* mError = nullptr;
};

}  // namespace dc
