// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace dc {

/// Adds or edits one power node (UPS, switchboard, busway, RPP, power rack): kind, name, feed,
/// upstream node and the ratings its kind needs, optionally copied from a catalog preset.
/// On OK it hands the node to `submit` (which pushes the command); when that refuses, the
/// command's message is shown here and the dialog stays open, so no input is lost.
class PowerNodeDialog final : public QDialog {
  Q_OBJECT

 public:
  using Submit = std::function<bool(const PowerNode& node, QString* error)>;

  /// `node` is the starting value (its id and hall are kept); `editing` locks nothing but
  /// changes the title.
  PowerNodeDialog(const Project& project, const Catalog& catalog, const PowerNode& node,
                  bool editing, QWidget* parent = nullptr);

  void setSubmit(Submit submit) { mSubmit = std::move(submit); }
  /// The node as entered.
  PowerNode node() const;
  /// The message of the last refused submit (also shown in the dialog), or empty.
  QString errorText() const;

  /// Fills the fields from a catalog item of kind ups, busway or power-rack.
  void applyPreset(const QString& catalogId);
  /// Tries to submit; closes on success. What OK does.
  void submit();

 private:
  void setKind(PowerNodeKind kind);
  void fillPresets();
  void fillUpstreams();

  const Project& mProject;
  const Catalog& mCatalog;
  PowerNode mNode;
  Submit mSubmit;
  QFormLayout* mForm = nullptr;
  QComboBox* mKind = nullptr;
  QComboBox* mPreset = nullptr;
  QLineEdit* mName = nullptr;
  QComboBox* mFeed = nullptr;
  QComboBox* mUpstream = nullptr;
  QDoubleSpinBox* mRatedCurrent = nullptr;
  QDoubleSpinBox* mVoltage = nullptr;
  QSpinBox* mModuleCount = nullptr;
  QDoubleSpinBox* mModuleKw = nullptr;
  QComboBox* mRedundancy = nullptr;
  QDoubleSpinBox* mRatedPowerKw = nullptr;
  QLabel* mError = nullptr;
};

}  // namespace dc
