// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/designassumptions.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QTabWidget;
class QToolButton;

namespace dc {

/// The Design Assumptions dialog: one form generated from DesignAssumptions::specs(), a tab per
/// group, each row with its editor, a reset-to-default button and the public source of the
/// default. Values are checked with DesignAssumptions::problem() as they are typed; OK stays
/// disabled while any is out of range. The dialog edits a copy: the caller pushes the command.
class AssumptionsDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit AssumptionsDialog(const DesignAssumptions& assumptions, QWidget* parent = nullptr);

  /// The edited assumptions (only meaningful while problems() is empty).
  DesignAssumptions assumptions() const;
  /// Why the current values cannot be accepted, one line per assumption; empty when they can.
  QStringList problems() const;
  /// Sets the editor of `key` to `value` in the spec's unit (W, not kW), as a user would.
  void setEditorValue(const QString& key, double value);
  /// Shows the tab of `key` and focuses its editor.
  void focusAssumption(const QString& key);
  bool okEnabled() const;
  QString problemText() const;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Row {
    const AssumptionSpec* spec = nullptr;
    double scale = 1.0;  ///< editor unit per spec unit (1/1000 for W shown in kW)
    QDoubleSpinBox* number = nullptr;
    QComboBox* choice = nullptr;
    QToolButton* reset = nullptr;
    QLabel* label = nullptr;
    int tab = 0;
  };

  double rowValue(const Row& row) const;
  void setRowValue(Row& row, double value);
  void showDetails(const Row& row);
  void revalidate();

  DesignAssumptions mOriginal;
  QList<Row> mRows;
  QTabWidget* mTabs = nullptr;
  QLabel* mDetails = nullptr;
  QLabel* mProblems = nullptr;
  QDialogButtonBox* mButtons = nullptr;
};

}  // namespace dc
