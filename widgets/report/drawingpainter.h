// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportdata.h"
#include "report/reportmodel.h"

#include <QRectF>

class QPainter;

namespace dc::report {

/// Paints `drawing` (floor plan with an overlay, rack elevations, single-line diagram, cooling
/// schematic) from `data` into `areaMm`. The painter's unit is one millimetre on paper (the PDF
/// writer sets it up); fonts come from reportstyle.h. Pure painting: safe on a worker thread
/// (no widgets, no pixmaps).
void paintDrawing(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                  const ReportData& data);

/// How many sheets a drawing kind takes for this design (elevations: configurations / per sheet).
int drawingSheetCount(DrawingKind kind, const ReportData& data);

}  // namespace dc::report
