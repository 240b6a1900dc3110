// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drawsheet.h"
#include "report/diagram.h"
#include "report/reportdata.h"

#include <QList>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace dc::report {

/// What surrounds a diagram on its sheet: the legend and the drawing's data (the sheet's title
/// block and notes say the rest).
struct DiagramSheet {
  QString legendTitle;
  QList<LegendItem> legend;
  QList<DataRow> data;
  QString emptyText;  ///< said in the middle of the sheet when the model holds nothing to draw
};

/// Paints `diagram` into `areaMm`: tiers top to bottom with their titles in the left margin,
/// nodes at their columns (symbol on the line, ratings to its right; rack groups as boxes),
/// edges routed orthogonally through lanes between the tiers, groups framed; legend and data
/// along the bottom. Scaled down when the diagram needs more than the area.
void paintDiagram(QPainter& painter, const QRectF& areaMm, const Diagram& diagram,
                  const DiagramSheet& sheet);

/// The power single-line diagram sheet of `drawing.hallId` (the first hall when null).
void paintPowerSingleLine(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                          const ReportData& data);
/// The cooling-loop schematic sheet of `drawing.hallId` (the first hall when null).
void paintCoolingSchematic(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                           const ReportData& data);

/// The notes the single-line diagram's sheet prints: what is by the facility, how loading and
/// rack groups read.
QStringList powerSingleLineNotes(const Drawing& drawing, const ReportData& data);
/// The notes the cooling schematic's sheet prints.
QStringList coolingSchematicNotes(const Drawing& drawing, const ReportData& data);

}  // namespace dc::report
