// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QSqlDatabase>

namespace dc {

/// Writes every table row of `project` into an open, empty database of the current schema, in
/// one transaction. Throws StorageError.
void writeProjectRows(QSqlDatabase& db, const Project& project);

/// Reads a database of the current schema into a Project, checking every row (ids, rotations,
/// references, duplicates). Throws StorageError naming the damage.
Project readProjectRows(QSqlDatabase& db);

}  // namespace dc
