// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/rack.h"

#include <QColor>
#include <QList>
#include <QString>

namespace dc {

/// A band of rack power drawn in one colour on the floor plan and in its legend.
struct PowerBand {
  double belowW;  ///< upper bound (exclusive) of the band
  QColor color;
  QString label;
};

/// Rack power bands, low to high. The edges follow the density thresholds architects plan
/// cooling by (shared/reference/formulas.md 1.7): room air to ~15 kW, contained air to ~30 kW,
/// rear doors to ~75 kW, direct liquid beyond.
const QList<PowerBand>& powerBands();
/// Fill colour of a rack drawing `maxPowerW`; a neutral grey for 0 W (an empty rack).
QColor powerBandColor(double maxPowerW);
/// Fill colour of a floor cooling unit (in-row cooler, CRAH, floor CDU): not a power band.
QColor coolingUnitColor();
/// Colour of the front-edge band that shows a rack's cooling mode.
QColor coolingModeColor(CoolingMode mode);

}  // namespace dc
