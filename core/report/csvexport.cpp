// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexport.h"

#include "format/quantityformat.h"

namespace dc::report {

namespace {

QByteArray field(const QString& text) {
  QByteArray utf8 = text.toUtf8();
  const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') ||
                     utf8.contains('\r') || utf8.startsWith(' ') || utf8.endsWith(' ');
  if (!quote) {
    return utf8;
  }
  utf8.replace("\"", "\"\"");
  return '"' + utf8 + '"';
}

void appendRecord(QByteArray& out, const QStringList& fields) {
  for (qsizetype i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += field(fields[i]);
  }
  out += "\r\n";
}

}  // namespace

QStringList csvKinds() {
  return {QStringLiteral("bom"), QStringLiteral("racks"), QStringLiteral("power"),
          QStringLiteral("cooling")};
}

QByteArray tableToCsv(const Table& table) {
  QByteArray out;
  QStringList header;
  for (const Column& column : table.columns) {
    header.append(headerWithUnit(column.title, column.unit));
  }
  appendRecord(out, header);
  for (const QList<Cell>& row : table.rows) {
    QStringList fields;
    for (const Cell& cell : row) {
      fields.append(cell.csvText());
    }
    appendRecord(out, fields);
  }
  return out;
}

QByteArray scheduleCsv(const ReportDocument& document, const QString& kind, bool* found) {
  const Table* table = csvKinds().contains(kind) ? document.table(kind) : nullptr;
  if (found != nullptr) {
    *found = table != nullptr;
  }
  return table != nullptr ? tableToCsv(*table) : QByteArray();
}

}  // namespace dc::report
