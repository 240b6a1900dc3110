// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagegeometry.h"
#include "pdftext.h"
#include "report/reportmodel.h"

#include <QRectF>
#include <QString>

namespace dc::report {

/// The cover's parts, laid out from what it prints, top to bottom: the accent band (title,
/// project, revision and date), the project data, the contents, the cover section's own blocks
/// and the approval boxes at the foot. None overlaps another: with many sections the gaps and
/// rows are set tighter and the band gives up its empty top, down to what its text needs.
/// Shared by the layout (where the blocks go) and the painter.
struct CoverGeometry {
  QRectF bandMm;     ///< the accent band, from the paper's top edge
  QRectF titleMm;    ///< in the band: the report's title, wrapped
  QRectF projectMm;  ///< in the band: the project's name, wrapped
  QRectF factsMm;    ///< in the band: "Revision A · 2026-12-01"
  QRectF metaMm;     ///< project, revision, date, author, file, generator
  double metaRowMm = 0.0;
  QRectF contentsMm;  ///< the contents list: its title, then a row per section
  double contentsTitleMm = 0.0;
  double contentsRowMm = 0.0;
  QRectF blocksMm;    ///< where the cover section's own blocks flow
  QRectF approvalMm;  ///< prepared / checked / approved, for signatures
};

inline constexpr int kCoverMetaRows = 6;

/// The band's last line: the revision and the date, as the band prints them.
QString coverFacts(const ReportMeta& meta);

/// The cover for `contentsCount` sections with `blocksHeightMm` of its own blocks, measured with
/// `metrics` (the PDF writer's). When even the tightest setting leaves the blocks too little
/// room, blocksMm is what is left (the blocks then run on to the next sheet).
CoverGeometry coverGeometry(const TextMetrics& metrics, const SheetGeometry& sheet,
                            const ReportMeta& meta, qsizetype contentsCount, double blocksHeightMm);

}  // namespace dc::report
