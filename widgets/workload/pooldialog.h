// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace dc {

/// Adds or edits a workload pool: its name, scheduler, colour, the rows of its hall it takes
/// whole and the racks it names one by one. The selection on the floor plan can tick its racks
/// or its rows. The first problem (naming the field) shows under the form and OK stays disabled
/// until there is none; on OK `submit` pushes the command, and a refusal is shown here with the
/// dialog kept open, so nothing typed is lost.
class PoolDialog final : public QDialog {
  Q_OBJECT

 public:
  using Submit = std::function<bool(const WorkloadPool& pool, QString* error)>;

  PoolDialog(const WorkloadPool& pool, const Project& project, const QList<RackId>& selection,
             bool editing, QWidget* parent = nullptr);

  void setSubmit(Submit submit) { mSubmit = std::move(submit); }
  /// The pool as entered (id and hall kept).
  WorkloadPool pool() const;
  /// Why pool() cannot be used, naming the field; empty when it can.
  QString fieldProblem() const;
  /// The message shown under the form (a problem or the last refusal), or empty.
  QString errorText() const;
  /// Checks and submits; closes on success. What OK does.
  void submit();

  QLineEdit* nameEdit() const noexcept { return mName; }
  QListWidget* rowList() const noexcept { return mRows; }
  QListWidget* rackList() const noexcept { return mRacks; }
  QPushButton* okButton() const noexcept { return mOk; }

 private:
  void fillLists();
  void tickSelection(bool wholeRows);
  void validate();

  WorkloadPool mPool;
  const Project& mProject;
  QList<RackId> mSelection;
  Submit mSubmit;
  QLineEdit* mName = nullptr;
  QComboBox* mScheduler = nullptr;
  QComboBox* mColour = nullptr;
  QListWidget* mRows = nullptr;
  QListWidget* mRacks = nullptr;
  QLabel* mError = nullptr;
  QPushButton* mOk = nullptr;
};

}  // namespace dc
