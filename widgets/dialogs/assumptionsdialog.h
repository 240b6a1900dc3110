// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/designassumptions.h"

#include <QDialog>

namespace dc {

/// Placeholder: the Design Assumptions dialog (implemented by the studio work).
class AssumptionsDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit AssumptionsDialog(const DesignAssumptions& assumptions, QWidget* parent = nullptr);
  DesignAssumptions assumptions() const { return mAssumptions; }

 private:
  DesignAssumptions mAssumptions;
};

}  // namespace dc
