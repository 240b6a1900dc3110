// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagegeometry.h"
#include "pagelayout.h"
#include "report/reportmodel.h"

#include <QString>
#include <QStringList>

class QPainter;

namespace dc::report {

/// What a sheet's header, footer and title block print about it.
struct SheetFrame {
  const ReportMeta* meta = nullptr;
  QString sectionTitle;
  QString drawingTitle;  ///< A3: the title block's title
  QString scale;         ///< A3: the drawing's scale ("1:100"), or empty when it states none
  QStringList notes;     ///< A3: the general notes left of the title block
  int sheetNumber = 1;   ///< from 1
  int sheetCount = 1;
  bool cover = false;  ///< the cover has its band instead of a header
};

/// The header (title, project, section, revision over a thin rule), the footer (date, generator
/// and file, "Page n of m" under one) and, on A3, the drawing frame and its title block.
void paintSheetFrame(QPainter& painter, const SheetGeometry& sheet, const SheetFrame& frame);

/// The cover's band (title, project, revision), its project data, the contents with the sheet
/// each section starts on, and the approval boxes for signatures.
void paintCover(QPainter& painter, const CoverGeometry& cover, const ReportMeta& meta,
                const QList<ContentsEntry>& contents);

}  // namespace dc::report
