// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/cooling/coolingresult.h"
#include "engine/power/powerresult.h"
#include "model/rack.h"

#include <QColor>
#include <QList>
#include <QString>

namespace dc {

/// Colours of the floor plan. Colours only: every threshold that picks one (the kW band edges,
/// the display bins of the loading scale) comes from the scene, which reads the analysis.

/// The six rack-power colours, low to high: below band 1, band 1–2, ..., at or above band 5.
const QList<QColor>& powerBandColors();
/// A rack drawing no power (an empty rack), or one with nothing to show in an overlay.
QColor neutralRackColor();
/// The four colours of the feed-loading scale, low to overloaded.
const QList<QColor>& loadingColors();
/// Fill colour of a rack's verdict in the failure overlay.
QColor verdictColor(RackVerdict verdict);
/// Fill colour of a floor cooling unit (in-row cooler, CRAH, floor CDU): not a power band.
QColor coolingUnitColor();
/// Fill colour of a floor CDU (liquid to facility water): apart from the air units' colour.
QColor cduColor();
/// Outline of a cooling unit whose catalog item publishes no footprint (drawn dashed).
QColor coolingUnitOutlineColor();
/// The thick bar on a rack's back edge that shows a fitted rear-door heat exchanger.
QColor rearDoorColor();
/// Fill colour of a rack in the cooling overlay: the option the engine recommends for it.
QColor coolingOptionColor(CoolingOption option);
/// The marker of a rack whose chosen cooling mode does not remove its heat (cooling overlay).
QColor modeFailsColor();
/// Stops of the heat-to-liquid ramp, evenly spaced from 0 % (all heat to air) to 100 % liquid.
const QList<QColor>& liquidShareColors();
/// The colour of a liquid share 0..1 on liquidShareColors(), interpolated, clamped.
QColor liquidShareColor(double fraction);
/// Colour of the front-edge band that shows a rack's cooling mode.
QColor coolingModeColor(CoolingMode mode);
/// Stops of the heat-map ramp, evenly spaced, cool blue (coolest cell) to hot red (hottest).
const QList<QColor>& heatRampColors();

}  // namespace dc
