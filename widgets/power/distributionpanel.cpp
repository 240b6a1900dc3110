// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributionpanel.h"

namespace dc {

DistributionPanel::DistributionPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {}

void DistributionPanel::setAnalysis(const Analysis&) {}

void DistributionPanel::setSelection(const QList<RackId>&) {}

}  // namespace dc
