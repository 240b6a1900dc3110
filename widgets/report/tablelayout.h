// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdftext.h"
#include "report/reportmodel.h"

#include <QList>
#include <QPointF>

class QPainter;

namespace dc::report {

/// A table measured for a width: columns by relative width, the header row and every body row
/// as tall as its wrapped cells. Lengths in millimetres, x from the table's left edge.
struct TableGeometry {
  double widthMm = 0.0;
  QList<double> columnLeftMm;
  QList<double> columnWidthMm;
  double captionMm = 0.0;           ///< the caption line(s) with the gap under them
  double continuedCaptionMm = 0.0;  ///< the same with " (continued)"
  double headerMm = 0.0;
  QList<double> rowMm;
  double notesMm = 0.0;  ///< the notes under the table with the gap over them
};

TableGeometry measureTable(const TextMetrics& metrics, const Table& table, double widthMm);

/// The part of a table on one sheet: its caption ("(continued)" after the first part), the
/// header row repeated, rows [firstRow, firstRow + rowCount) and, on the last part, the notes.
struct TableSlice {
  int firstRow = 0;
  int rowCount = 0;
  bool continued = false;
  bool withNotes = false;
};

double tableSliceHeightMm(const TableGeometry& geometry, const TableSlice& slice);

/// Cuts the table into slices: the first fits `firstAvailableMm`, each next one a fresh sheet of
/// `sheetAvailableMm`. A slice holds at least one row (a row taller than a sheet is clipped
/// rather than looping); the first slice is empty (rowCount 0, nothing placed) when not even the
/// caption, header and first row fit, so the table starts on the next sheet.
QList<TableSlice> sliceTable(const TableGeometry& geometry, double firstAvailableMm,
                             double sheetAvailableMm);

void paintTableSlice(QPainter& painter, const QPointF& topLeftMm, const Table& table,
                     const TableGeometry& geometry, const TableSlice& slice);

}  // namespace dc::report
