// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "edit/placeswitches.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QSpinBox;

namespace dc {

/// "Place switches in row…": which row of the fabric's hall the new network racks extend, and
/// how many switches go into one rack (proposed from the design's own network racks). On OK the
/// request goes to `submit`, which pushes the command; a refusal (no room at either end of the
/// row, ...) is shown here and the dialog stays open.
class PlaceSwitchesDialog final : public QDialog {
  Q_OBJECT

 public:
  using Submit = std::function<bool(const SwitchRowRequest& request, QString* error)>;

  /// `rows`: the hall's row names; `missing`: what the fabric lacks (shown); `perRack`: the
  /// proposed switches per rack (0: as many as fit).
  PlaceSwitchesDialog(const QString& fabricName, const QStringList& rows,
                      const SwitchCounts& missing, int perRack, QWidget* parent = nullptr);

  void setSubmit(Submit submit) { mSubmit = std::move(submit); }
  SwitchRowRequest request() const;
  QString errorText() const;
  void submit();

  QComboBox* rowCombo() const noexcept { return mRow; }

 private:
  Submit mSubmit;
  QComboBox* mRow = nullptr;
  QSpinBox* mPerRack = nullptr;
  QLabel* mError = nullptr;
};

}  // namespace dc
