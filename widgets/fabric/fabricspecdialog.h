// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace dc {

/// Adds or edits one fabric of a hall: name, kind, topology, leaf and spine switch models (from
/// the catalog's switches), oversubscriptions, tiers, rail optimisation, scalable-unit size,
/// reserved ports and the racks whose switches it uses. On OK the spec is checked field by field
/// (a message naming the field), then handed to `submit`, which pushes the command; when that
/// refuses, its message is shown here and the dialog stays open, so no input is lost.
class FabricSpecDialog final : public QDialog {
  Q_OBJECT

 public:
  using Submit = std::function<bool(const FabricSpec& spec, QString* error)>;

  FabricSpecDialog(const FabricSpec& spec, const Project& project, const Catalog& catalog,
                   bool editing, QWidget* parent = nullptr);

  void setSubmit(Submit submit) { mSubmit = std::move(submit); }
  /// The spec as entered (id and hall kept).
  FabricSpec spec() const;
  /// Why spec() cannot be used, naming the field; empty when it can (then the command decides).
  QString fieldProblem() const;
  /// The message of the last refusal (also shown in the dialog), or empty.
  QString errorText() const;
  /// Checks and submits; closes on success. What OK does.
  void submit();

  QLineEdit* nameEdit() const noexcept { return mName; }
  QComboBox* leafCombo() const noexcept { return mLeaf; }
  QComboBox* spineCombo() const noexcept { return mSpine; }
  QDoubleSpinBox* leafOversubscriptionBox() const noexcept { return mLeafOversubscription; }
  QDoubleSpinBox* spineOversubscriptionBox() const noexcept { return mSpineOversubscription; }
  QListWidget* switchRackList() const noexcept { return mRacks; }

 private:
  void fillSwitchCombo(QComboBox* combo, const QString& current, bool allowSame);
  void fillRackList();
  void updateEnabled();

  FabricSpec mSpec;
  const Project& mProject;
  const Catalog& mCatalog;
  Submit mSubmit;
  QLineEdit* mName = nullptr;
  QComboBox* mKind = nullptr;
  QComboBox* mTopology = nullptr;
  QComboBox* mLeaf = nullptr;
  QComboBox* mSpine = nullptr;
  QDoubleSpinBox* mLeafOversubscription = nullptr;
  QDoubleSpinBox* mSpineOversubscription = nullptr;
  QComboBox* mTiers = nullptr;
  QCheckBox* mRail = nullptr;
  QSpinBox* mSuNodes = nullptr;
  QSpinBox* mReserved = nullptr;
  QListWidget* mRacks = nullptr;
  QLabel* mError = nullptr;
};

}  // namespace dc
