// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/storageerror.h"

#include <QSqlDatabase>
#include <QString>

#include <cstdint>

class QSqlError;

namespace dc {

/// The schema this build writes and the newest it reads. Raise it by one per released format
/// change, add one migration step in schema.cpp and a golden file tests/data/schema-vN.dcstudio.
constexpr int kSchemaVersion = 6;

/// SQLite header field `application_id` of every project file: 'DCST'. `file(1)` and our open
/// code use it to tell a project from any other SQLite database.
constexpr std::int32_t kApplicationId = 0x44435354;

/// `meta.format` of every project file, kept in all future schema versions.
inline constexpr char kFormatName[] = "dcstudio-project";

/// Creates the current schema in an empty database by running every migration step from
/// nothing, so a new file and an upgraded old file cannot differ. Throws StorageError.
void createCurrentSchema(QSqlDatabase& db);

/// Checks that an open database is a DC Studio project this build can read and returns its
/// schema version (1..kSchemaVersion). Reads only. Throws StorageError for a foreign SQLite
/// database, a project from a newer DC Studio or an unreadable file.
int checkProjectFile(QSqlDatabase& db);

/// Upgrades a project (or an empty database) to kSchemaVersion in one transaction, one step per
/// version. Call it on a working copy, never on the user's file: a failed upgrade is rolled back
/// but an interrupted one is not. Throws StorageError as checkProjectFile() does.
void upgradeToCurrent(QSqlDatabase& db);

/// Runs one statement whose result rows are not needed. Throws StorageError for `action`
/// quoting SQLite's message. Shared with projectfile.cpp.
void execSql(QSqlDatabase& db, const QString& sql, StorageError::Action action);

/// User-facing problem text for a failed SQL statement during `action`.
QString sqlProblem(const QSqlError& error, StorageError::Action action);

}  // namespace dc
