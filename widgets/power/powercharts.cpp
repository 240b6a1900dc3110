// SPDX-License-Identifier: GPL-3.0-or-later
#include "powercharts.h"

namespace dc {

PowerChartsPanel::PowerChartsPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {}

void PowerChartsPanel::setAnalysis(const Analysis&) {}

void PowerChartsPanel::setSelection(const QList<RackId>&) {}

}  // namespace dc
