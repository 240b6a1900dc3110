// SPDX-License-Identifier: GPL-3.0-or-later
#include "assumptionsdialog.h"

namespace dc {

AssumptionsDialog::AssumptionsDialog(const DesignAssumptions& assumptions, QWidget* parent)
    : QDialog(parent), mAssumptions(assumptions) {}

}  // namespace dc
