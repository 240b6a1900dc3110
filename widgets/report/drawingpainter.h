// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportdata.h"
#include "report/reportmodel.h"

#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace dc::report {

/// Paints `drawing` (floor plan with an overlay, rack elevations, single-line diagram, cooling
/// schematic) from `data` into `areaMm`. The painter's unit is one millimetre on paper (the PDF
/// writer sets it up); fonts come from reportstyle.h. Pure painting: safe on a worker thread
/// (no widgets, no pixmaps). The drawing paints no title block: the sheet's (pageframe.h) says
/// what it is, at drawingScale(), with drawingNotes() beside it.
void paintDrawing(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                  const ReportData& data);

/// The scale `drawing` is drawn at in `areaMm`, as a title block writes it: "1:100", "1:20",
/// or "Not to scale" for the single-line diagram and the cooling schematic.
QString drawingScale(const Drawing& drawing, const ReportData& data, const QRectF& areaMm);

/// The notes of `drawing` for its sheet's notes: how to read it, where its figures come from.
QStringList drawingNotes(const Drawing& drawing, const ReportData& data);

/// How many sheets a drawing kind takes for this design (elevations: configurations / per sheet).
int drawingSheetCount(DrawingKind kind, const ReportData& data);

}  // namespace dc::report
