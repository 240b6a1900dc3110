// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/diagramfabric.h"
#include "report/reportdata.h"

#include <QLocale>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace dc::report {

/// Paints `diagram` into `areaMm`: its tiers as rows of boxes (switch groups with a cell per
/// switch when few, node groups at the bottom), the row titles and each tier's links in the left
/// margin, the bundles between the rows as lines in their medium's colour, labelled with their
/// count; a legend of the media and the drawing's data along the bottom.
void paintFabricDiagram(QPainter& painter, const QRectF& areaMm, const FabricDiagram& diagram,
                        const QLocale& locale = QLocale());

/// The topology sheet of fabric `drawing.fabric` (an index into Analysis::fabric.fabrics).
void paintFabricTopology(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                         const ReportData& data);

/// The notes the topology sheet prints: how to read the boxes and the lines.
QStringList fabricTopologyNotes(const Drawing& drawing, const ReportData& data);

/// The colour a link medium is drawn in: the usual jacket colours (multimode aqua, single-mode
/// yellow, copper brown), darkened for print; red for none.
QColor mediaColour(const QString& mediaClass);

}  // namespace dc::report
