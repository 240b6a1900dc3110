// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/rackconfigurations.h"
#include "report/reportdata.h"

#include <QRectF>
#include <QStringList>

class QPainter;

namespace dc::report {

/// Front elevations drawn side by side on one A3 sheet.
inline constexpr int kElevationsPerSheet = 6;
/// The ISO 5455 scales an elevation may be drawn at (1:n), largest first. A 48 U rack is
/// 113 mm tall at 1:20, so six stand on one A3 sheet with their titles and legend.
inline constexpr int kElevationScales[] = {10, 20, 50};

/// Sheets the elevations of every distinct rack configuration take (at least one).
int elevationSheetCount(const ReportData& data);

/// The one scale (1:n) every elevation sheet of the design is drawn at in `areaMm`.
int elevationScale(const ReportData& data, const QRectF& areaMm);

/// The notes an elevation sheet prints: how units are numbered, where the figures come from.
QStringList elevationNotes();

/// Paints the front elevations of configurations part·6 … part·6 + 5 (`drawing.part`), U by U,
/// to one scale for every sheet, with a legend and the drawing's data.
void paintElevations(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                     const ReportData& data);

}  // namespace dc::report
