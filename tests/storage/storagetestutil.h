// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/projectfile.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QUuid>

/// File helpers shared by the storage tests; they use raw SQL, never the code under test.
namespace dc::testdata {

/// Runs raw SQL on a file, bypassing the storage code, to forge foreign or damaged files.
/// Returns false (after a warning naming the statement) when a statement fails.
inline bool execOn(const QString& path, const QStringList& statements) {
  const QString name = QUuid::createUuid().toString();
  bool ok = true;
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    ok = db.open();
    for (const QString& sql : statements) {
      QSqlQuery query(db);
      if (ok && !query.exec(sql)) {
        qWarning("failed: %s", qPrintable(sql));
        ok = false;
      }
    }
  }
  QSqlDatabase::removeDatabase(name);
  return ok;
}

/// Every row of every table as text, in insertion order; meta.saved_at left out (it is a clock).
inline QStringList dumpRows(const QString& path) {
  QStringList rows;
  const QString name = QUuid::createUuid().toString();
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    db.open();
    for (const QString& table : db.tables()) {
      QSqlQuery query(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table), db);
      while (query.next()) {
        QStringList cells{table};
        for (int c = 0; c < query.record().count(); ++c) {
          cells << query.value(c).toString();
        }
        if (cells.value(1) != QLatin1String("saved_at")) {
          rows << cells.join(QLatin1Char('|'));
        }
      }
    }
  }
  QSqlDatabase::removeDatabase(name);
  return rows;
}

inline QByteArray readBytes(const QString& path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline QString openError(const QString& path) {
  try {
    loadProject(path);
  } catch (const StorageError& e) {
    return e.message();
  }
  return QStringLiteral("(no error)");
}

}  // namespace dc::testdata
