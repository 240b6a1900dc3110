// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Reading CSV exports back as a spreadsheet would.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace dc::testsupport {

/// RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks.
inline QList<QStringList> parseCsv(const QByteArray& bytes) {
  const QString text = QString::fromUtf8(bytes);
  QList<QStringList> records;
  QStringList record;
  QString field;
  bool quoted = false;
  for (qsizetype i = 0; i < text.size(); ++i) {
    const QChar c = text[i];
    if (quoted) {
      if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
        field += c;
        ++i;
      } else if (c == QLatin1Char('"')) {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == QLatin1Char('"')) {
      quoted = true;
    } else if (c == QLatin1Char(',')) {
      record.append(field);
      field.clear();
    } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
      record.append(field);
      records.append(record);
      record.clear();
      field.clear();
      ++i;
    } else {
      field += c;
    }
  }
  if (!field.isEmpty() || !record.isEmpty()) {
    record.append(field);
    records.append(record);
  }
  return records;
}

}  // namespace dc::testsupport
