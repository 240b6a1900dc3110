// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/rack.h"

#include <QColor>
#include <QList>
#include <QString>

namespace dc::report {

// Colours of the report's drawings: light fills that print and copy well, under black text.
// Colours only: the thresholds that pick one (the kW bands) come from the analysis'
// assumptions. The kW bands, CDUs and air coolers are the studio's (floorpalette.h); the
// mode fills are lighter tints of its hues, for print.

/// The six rack-power fills, low to high: below band 1, band 1–2, ..., at or above band 5.
const QList<QColor>& powerBandFills();
/// A rack with nothing to show (no power, not analysed).
QColor neutralFill();
/// Fill of a rack by its cooling mode (air, rear door, direct-to-chip, DTC + door).
QColor coolingModeFill(CoolingMode mode);
/// Distinct hues for CDU loops and air zones, by index (repeats after eight).
QColor loopColour(int index);
/// `colour` mixed with white: `amount` 0 keeps it, 1 is white. Light fills of strong hues.
QColor tint(const QColor& colour, double amount);
QColor cduFill();
QColor airCoolerFill();
QColor rearDoorColour();
QColor obstacleHatchColour();
QColor gridColour();
/// Pipes of the cooling schematic.
QColor supplyColour();
QColor returnColour();
/// Fill of a device in an elevation, by its catalog kind key ("server", "switch", ...).
QColor deviceFill(const QString& kindKey);

}  // namespace dc::report
