// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace dc {

/// The colours a workload pool is drawn in (WorkloadPool::colourIndex picks one), on the floor
/// plan and in the Workloads panel's swatches. Colours only: which racks a pool holds is the
/// model's.
int poolColourCount();
/// The pool colour of `index`; an index beyond the palette wraps around.
QColor poolColour(int index);
/// "Blue", "Orange", ...: the colour's name in the pool dialog.
QString poolColourName(int index);
/// A small square swatch of the colour, for lists and combos.
QIcon poolSwatch(int index);

}  // namespace dc
