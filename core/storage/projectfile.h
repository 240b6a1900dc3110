// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"
#include "storage/storageerror.h"

#include <QString>

namespace dc {

/// Reads a .dcstudio project file (an SQLite database, schema in storage/schema.cpp).
///
/// Never changes the file, not even its modification time: it is opened read-only, and a file
/// from an older schema is upgraded in a temporary working copy. Throws StorageError, worded for
/// the architect, when the file is missing, is not a DC Studio project, was saved by a newer
/// DC Studio or holds rows the model cannot accept (bad id, rotation, dangling reference...).
/// Reentrant: each call uses its own database connection. `fileVersion`, when given, receives
/// the schema version the file was saved with: below kSchemaVersion, the file will be upgraded
/// when the user saves it (the studio says so); the file itself is never changed by opening.
Project loadProject(const QString& path, int* fileVersion = nullptr);

/// Writes `project` to `path`, replacing any previous file atomically.
///
/// The whole database is written to `path + ".tmp"`, flushed to disk and renamed over `path`, so
/// a crash, a full disk or a kill during the save leaves the previous file as it was. Follows a
/// symbolic link at `path` and keeps the old file's permissions. Throws StorageError (the old file
/// untouched) on any failure. Reentrant for different paths.
void saveProject(const Project& project, const QString& path);

}  // namespace dc
