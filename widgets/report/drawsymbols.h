// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/diagram.h"

#include <QColor>
#include <QPointF>
#include <QSizeF>

class QPainter;

namespace dc::report {

// IEC-like symbols of the single-line diagram and the cooling schematic, drawn on the circuit
// or pipe line that runs vertically through them.

/// The size of a symbol on paper (rack groups, manifolds and zones are boxes sized by the
/// diagram painter instead).
QSizeF symbolSizeMm(DiagramSymbol symbol);
/// True for the symbols drawn as a box holding their text (rack groups, manifolds, zones).
bool isBoxSymbol(DiagramSymbol symbol);

/// Paints `symbol` centred on `centre` in `colour` (the feed's, or ink); dashed when it is the
/// facility's (not in the model).
void paintSymbol(QPainter& painter, DiagramSymbol symbol, const QPointF& centre,
                 const QColor& colour, bool byFacility);

}  // namespace dc::report
