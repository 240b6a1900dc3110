// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablelayout.h"

#include "format/quantityformat.h"
#include "pdfblocks.h"
#include "reportstyle.h"

#include <QPainter>

#include <algorithm>

namespace dc::report {

namespace {

constexpr double kCellPt = 7.5;
constexpr double kHeaderPt = 7.0;
constexpr double kNotePt = 7.0;
constexpr double kCellPadXMm = 1.6;
constexpr double kCellPadYMm = 1.1;
constexpr double kCaptionGapMm = 1.8;
constexpr double kNotesGapMm = 2.0;
constexpr double kNoteGapMm = 0.6;

QFont cellFont(bool bold) {
  return reportFont(kCellPt, bold);
}

QFont headerFont() {
  return reportFont(kHeaderPt, true);
}

QFont noteFont() {
  return reportFont(kNotePt);
}

QColor headerFill() {
  return QColor(0xe6, 0xea, 0xef);
}

QColor zebraFill() {
  return QColor(0xf5, 0xf6, 0xf8);
}

QString headerText(const Column& column) {
  return headerWithUnit(column.title, column.unit);
}

QString continuedCaption(const QString& caption) {
  return QStringLiteral("%1 (continued)").arg(caption);
}

Qt::Alignment alignment(Align align) {
  switch (align) {
    case Align::Right:
      return Qt::AlignRight;
    case Align::Center:
      return Qt::AlignHCenter;
    case Align::Left:
      break;
  }
  return Qt::AlignLeft;
}

// One line needs no layout: most cells are short numbers, so measure them by their advance.
double cellTextHeightMm(const TextMetrics& metrics, const QFont& font, double widthMm,
                        const QString& text) {
  if (text.isEmpty() ||
      (!text.contains(QLatin1Char('\n')) && metrics.widthMm(font, text) <= widthMm)) {
    return metrics.lineMm(font);
  }
  return metrics.wrappedHeightMm(font, widthMm, text);
}

/// The widest word of `text` (a header is never cut inside a word: "Rotation", "Weight").
/// Addresses, catalog ids and dates beyond `kLongWordChars` do not count: they break anywhere
/// (pdftext's wrap), so that one URL does not starve the other columns.
double longestWordMm(const TextMetrics& metrics, const QFont& font, const QString& text) {
  constexpr qsizetype kLongWordChars = 14;
  double widest = 0.0;
  QString spaced = text;
  spaced.replace(QLatin1Char('\n'), QLatin1Char(' '));
  for (const QString& word : spaced.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
    if (word.size() <= kLongWordChars) {
      widest = std::max(widest, metrics.widthMm(font, word));
    }
  }
  return widest;
}

/// Columns narrower than their longest header word (or cell word) take the room they need from
/// the columns with room to spare, in proportion to that room; the table keeps its width.
void widenToLongestWords(const TextMetrics& metrics, const Table& table, double widthMm,
                         QList<double>& columnsMm) {
  const qsizetype count = columnsMm.size();
  QList<double> needMm(count, 0.0);
  for (qsizetype c = 0; c < count; ++c) {
    double word = longestWordMm(metrics, headerFont(), headerText(table.columns[c]));
    for (const QList<Cell>& row : table.rows) {
      if (c < row.size()) {
        word = std::max(word, longestWordMm(metrics, cellFont(row[c].bold), row[c].text));
      }
    }
    // A single word never claims more than a third of the table: it wraps there instead.
    needMm[c] = std::min(word + 2 * kCellPadXMm + 0.2, widthMm / 3.0);
  }
  double shortMm = 0.0;
  double spareMm = 0.0;
  for (qsizetype c = 0; c < count; ++c) {
    shortMm += std::max(0.0, needMm[c] - columnsMm[c]);
    spareMm += std::max(0.0, columnsMm[c] - needMm[c]);
  }
  if (shortMm <= 0.0 || spareMm <= 0.0) {
    return;
  }
  const double taken = std::min(1.0, shortMm / spareMm);
  const double given = std::min(1.0, spareMm / shortMm);
  for (qsizetype c = 0; c < count; ++c) {
    const double gap = needMm[c] - columnsMm[c];
    columnsMm[c] += gap > 0.0 ? gap * given : gap * taken;
  }
}

}  // namespace

TableGeometry measureTable(const TextMetrics& metrics, const Table& table, double widthMm) {
  TableGeometry geometry;
  geometry.widthMm = widthMm;
  double totalWeight = 0.0;
  for (const Column& column : table.columns) {
    totalWeight += std::max(0.0, column.width);
  }
  for (const Column& column : table.columns) {
    const double share = totalWeight > 0.0 ? std::max(0.0, column.width) / totalWeight
                                           : 1.0 / double(table.columns.size());
    geometry.columnWidthMm.append(widthMm * share);
  }
  widenToLongestWords(metrics, table, widthMm, geometry.columnWidthMm);
  double x = 0.0;
  for (double columnMm : geometry.columnWidthMm) {
    geometry.columnLeftMm.append(x);
    x += columnMm;
  }
  if (!table.caption.isEmpty()) {
    geometry.captionMm =
        metrics.wrappedHeightMm(captionFont(), widthMm, table.caption) + kCaptionGapMm;
    geometry.continuedCaptionMm =
        metrics.wrappedHeightMm(captionFont(), widthMm, continuedCaption(table.caption)) +
        kCaptionGapMm;
  }
  double headerTextMm = metrics.lineMm(headerFont());
  for (qsizetype c = 0; c < table.columns.size(); ++c) {
    headerTextMm =
        std::max(headerTextMm, cellTextHeightMm(metrics, headerFont(),
                                                geometry.columnWidthMm[c] - 2 * kCellPadXMm,
                                                headerText(table.columns[c])));
  }
  geometry.headerMm = headerTextMm + 2 * kCellPadYMm;
  const double plainLineMm = metrics.lineMm(cellFont(false));
  geometry.rowMm.reserve(table.rows.size());
  for (const QList<Cell>& row : table.rows) {
    double textMm = plainLineMm;
    for (qsizetype c = 0; c < row.size() && c < table.columns.size(); ++c) {
      textMm = std::max(textMm,
                        cellTextHeightMm(metrics, cellFont(row[c].bold),
                                         geometry.columnWidthMm[c] - 2 * kCellPadXMm, row[c].text));
    }
    geometry.rowMm.append(textMm + 2 * kCellPadYMm);
  }
  for (const QString& note : table.notes) {
    geometry.notesMm += metrics.wrappedHeightMm(noteFont(), widthMm, note) + kNoteGapMm;
  }
  if (!table.notes.isEmpty()) {
    geometry.notesMm += kNotesGapMm - kNoteGapMm;
  }
  return geometry;
}

double tableSliceHeightMm(const TableGeometry& geometry, const TableSlice& slice) {
  double heightMm = 0.0;
  if (slice.rowCount > 0 || !slice.withNotes || geometry.rowMm.isEmpty()) {
    heightMm +=
        (slice.continued ? geometry.continuedCaptionMm : geometry.captionMm) + geometry.headerMm;
  }
  for (int r = slice.firstRow; r < slice.firstRow + slice.rowCount; ++r) {
    heightMm += geometry.rowMm[r];
  }
  if (slice.withNotes) {
    heightMm += geometry.notesMm;
  }
  return heightMm;
}

QList<TableSlice> sliceTable(const TableGeometry& geometry, double firstAvailableMm,
                             double sheetAvailableMm) {
  QList<TableSlice> slices;
  const int rowCount = int(geometry.rowMm.size());
  if (rowCount == 0) {
    const TableSlice whole{0, 0, false, true};
    if (tableSliceHeightMm(geometry, whole) > firstAvailableMm &&
        firstAvailableMm < sheetAvailableMm) {
      slices.append(TableSlice{});  // nothing fits here: start on the next sheet
    }
    slices.append(whole);
    return slices;
  }
  int row = 0;
  bool continued = false;
  double availableMm = firstAvailableMm;
  while (row < rowCount) {
    double usedMm =
        (continued ? geometry.continuedCaptionMm : geometry.captionMm) + geometry.headerMm;
    int count = 0;
    while (row + count < rowCount && usedMm + geometry.rowMm[row + count] <= availableMm) {
      usedMm += geometry.rowMm[row + count];
      ++count;
    }
    if (count == 0) {
      if (slices.isEmpty() && availableMm < sheetAvailableMm) {
        slices.append(TableSlice{});  // not even the header and one row: the next sheet
        availableMm = sheetAvailableMm;
        continue;
      }
      count = 1;  // a row taller than a whole sheet: place it, clipped, rather than loop
    }
    bool last = row + count == rowCount;
    bool withNotes = last;
    if (last && geometry.notesMm > 0.0 && usedMm + geometry.notesMm > availableMm) {
      if (count > 1) {
        --count;  // the last row goes over with the notes, which never stand alone
        last = false;
      }
      withNotes = false;
    }
    slices.append(TableSlice{row, count, continued, withNotes});
    row += count;
    continued = true;
    availableMm = sheetAvailableMm;
    if (row == rowCount && !withNotes && geometry.notesMm > 0.0) {
      slices.append(TableSlice{rowCount, 0, true, true});  // a single huge last row: notes alone
    }
  }
  return slices;
}

void paintTableSlice(QPainter& painter, const QPointF& topLeftMm, const Table& table,
                     const TableGeometry& geometry, const TableSlice& slice) {
  const double left = topLeftMm.x();
  const double right = left + geometry.widthMm;
  double y = topLeftMm.y();
  const bool notesOnly = slice.rowCount == 0 && slice.withNotes && !geometry.rowMm.isEmpty();
  if (!notesOnly) {
    const QString caption = slice.continued ? continuedCaption(table.caption) : table.caption;
    const double captionMm = slice.continued ? geometry.continuedCaptionMm : geometry.captionMm;
    paintText(painter, QRectF(left, y, geometry.widthMm, captionMm), captionFont(), inkColour(),
              Qt::AlignLeft | Qt::AlignTop, caption);
    y += captionMm;

    painter.fillRect(QRectF(left, y, geometry.widthMm, geometry.headerMm), headerFill());
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
      const QRectF cell(left + geometry.columnLeftMm[c] + kCellPadXMm, y + kCellPadYMm,
                        geometry.columnWidthMm[c] - 2 * kCellPadXMm,
                        geometry.headerMm - 2 * kCellPadYMm);
      paintText(painter, cell, headerFont(), inkColour(),
                alignment(table.columns[c].align) | Qt::AlignBottom, headerText(table.columns[c]));
    }
    painter.setPen(QPen(inkColour(), kMediumMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(left, y), QPointF(right, y));
    y += geometry.headerMm;
    painter.setPen(QPen(inkColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(left, y), QPointF(right, y));

    for (int r = slice.firstRow; r < slice.firstRow + slice.rowCount; ++r) {
      const double rowMm = geometry.rowMm[r];
      if (r % 2 == 1) {
        painter.fillRect(QRectF(left, y, geometry.widthMm, rowMm), zebraFill());
      }
      const QList<Cell>& row = table.rows[r];
      for (qsizetype c = 0; c < row.size() && c < table.columns.size(); ++c) {
        const Cell& cell = row[c];
        const QRectF rect(left + geometry.columnLeftMm[c] + kCellPadXMm, y + kCellPadYMm,
                          geometry.columnWidthMm[c] - 2 * kCellPadXMm, rowMm - 2 * kCellPadYMm);
        paintText(painter, rect, cellFont(cell.bold), toneColour(cell.tone),
                  alignment(table.columns[c].align) | Qt::AlignTop, cell.text);
      }
      y += rowMm;
    }
    painter.setPen(QPen(inkColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(left, y), QPointF(right, y));
  }
  if (slice.withNotes && !table.notes.isEmpty()) {
    const TextMetrics metrics(painter.device());
    y += notesOnly ? 0.0 : kNotesGapMm;
    for (const QString& note : table.notes) {
      const double noteMm = metrics.wrappedHeightMm(noteFont(), geometry.widthMm, note);
      paintText(painter, QRectF(left, y, geometry.widthMm, noteMm), noteFont(),
                secondaryInkColour(), Qt::AlignLeft | Qt::AlignTop, note);
      y += noteMm + kNoteGapMm;
    }
  }
}

}  // namespace dc::report
