// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>

namespace dc {

/// Colours and names of the fabric views (the floor-plan overlay, its legend, the Fabric panel).
/// Colours only: which class a link is, and what a tray's fill limit is, come from the analysis.

/// The media classes of the catalog's links (link.media), cheapest reach first: the order the
/// engine tries them in, and the legend's order.
const QStringList& mediaClassKeys();
/// "Passive copper (DAC)", "Single-mode fibre", ...; the key itself when unknown.
QString mediaClassName(const QString& key);
/// The bundle colour of a media class; a grey for an unknown one.
QColor mediaClassColor(const QString& key);
/// A tray segment whose cables fill more of it than its fill limit.
QColor trayOverFillColor();
/// Outline of a tray drawn in the design, and of one the engine generated (drawn dashed).
QColor trayColor();
/// The highlighted longest links and their length labels.
QColor longestLinkColor();
/// Racks that hold a fabric's switches, in the fabric overlay. Translucent, as the next: the
/// overlay lies under the racks (so their names stay on top) and the overhead trays show through.
QColor networkRackColor();
/// Racks without switches in the fabric overlay.
QColor fabricNeutralRackColor();

}  // namespace dc
