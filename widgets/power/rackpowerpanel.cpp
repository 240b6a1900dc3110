// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackpowerpanel.h"

namespace dc {

RackPowerPanel::RackPowerPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {}

void RackPowerPanel::setAnalysis(const Analysis&) {}

void RackPowerPanel::setSelection(const QList<RackId>&) {}

}  // namespace dc
