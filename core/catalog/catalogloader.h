// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace dc {

/// The catalog and everything the loader had to say about it.
struct CatalogLoadResult {
  Catalog catalog;
  QList<CatalogProblem> problems;

  qsizetype errorCount() const;
};

/// Parses one catalog file's bytes into `result`. `fileLabel` names the file in messages.
/// A broken file adds one error and nothing else; a broken item adds an error naming the item
/// and the JSON path and is left out, the file's other items still load. Items whose id is
/// already in the catalog replace it when `mayOverride` (a user catalog; a note is added) and
/// are rejected otherwise (a duplicate in the shipped catalog is an error).
void loadCatalogJson(const QByteArray& json, const QString& fileLabel, bool mayOverride,
                     CatalogLoadResult& result);

/// Loads every `*.json` below each folder, in sorted path order; the first folder is the shipped
/// catalog, later ones are user catalogs that extend or override it. Then cross-checks the
/// whole catalog (accelerator parts exist and are accelerators). Never throws for bad data.
CatalogLoadResult loadCatalogFolders(const QStringList& folders);

/// The shipped catalog folder: $DCSTUDIO_CATALOG_DIR if set, else `catalog/` beside the
/// installed binary's share folder, else the source tree's `catalog/`.
QString shippedCatalogFolder();

}  // namespace dc
