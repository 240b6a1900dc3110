// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "covergeometry.h"
#include "pagegeometry.h"
#include "pdfblocks.h"
#include "report/reportmodel.h"
#include "tablelayout.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QString>

#include <memory>

class QPaintDevice;

namespace dc::report {

/// One thing placed on a sheet by the layout pass, painted as is by the paint pass.
struct PlacedItem {
  enum class Kind { SectionHeading, Paragraph, KeyFigures, Table, Drawing, Chart };
  Kind kind = Kind::Paragraph;
  QRectF rectMm;
  int sectionIndex = -1;
  const Block* block = nullptr;  ///< into the document; null for a heading
  QString text;  ///< a paragraph split over sheets: this sheet's part; empty: the whole text
  KeyFiguresLayout figures;
  std::shared_ptr<const TableGeometry> table;  ///< shared by the slices of one table
  TableSlice slice;

  /// A heading keeps with what follows: it moves to the next sheet with it.
  bool keepsWithNext() const;
};

/// A sheet as the layout pass planned it: its format, the section it starts in, its items.
struct SheetPlan {
  PageFormat format = PageFormat::A4Portrait;
  int sectionIndex = -1;
  bool cover = false;
  QList<PlacedItem> items;

  /// A3: what the title block calls the sheet: its first drawing's caption, else the section.
  QString drawingTitle(const ReportDocument& document) const;
};

/// A section's number and title and the sheet it starts on, for the cover's contents.
struct ContentsEntry {
  int number = 0;
  QString title;
  int sheetIndex = 0;
};

struct ReportLayout {
  QList<SheetPlan> sheets;
  QList<ContentsEntry> contents;
  QHash<int, int> sectionNumbers;  ///< section index -> its number (the cover has none)
  CoverGeometry cover;             ///< the cover sheet's parts, when there is one
};

/// The layout pass: every section on sheets of its format, blocks flowed top to bottom, tables
/// cut into slices with their header repeated, a drawing given the rest of its sheet. Measures
/// text with `device`'s metrics (the PDF writer). A section with id "cover" is printed as the
/// cover sheet (title, project data, contents, approvals) with its blocks under the contents;
/// another section without blocks prints nothing.
ReportLayout layoutReport(const ReportDocument& document, const QPaintDevice* device);

}  // namespace dc::report
