// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace dc {

/// The catalog and everything the loader had to say about it.
struct CatalogLoadResult {
  Catalog catalog;
  QList<CatalogProblem> problems;

  qsizetype errorCount() const;

  QHash<QString, int> layerOfItem;  ///< which layer (0 shipped, 1.. user) defined each id
};

/// Parses one catalog file's bytes into `result`. `fileLabel` names the file in messages.
/// A broken file adds one error and nothing else; a broken item adds an error naming the item
/// and the JSON path and is left out, the file's other items still load. `layer` is 0 for the
/// shipped catalog and 1, 2, ... for the user folders in order: an item whose id came from a
/// lower layer replaces it (a note is added); an id already defined in the same layer is a
/// duplicate and an error.
void loadCatalogJson(const QByteArray& json, const QString& fileLabel, int layer,
                     CatalogLoadResult& result);

/// Loads every `*.json` below each folder, in sorted path order; the first folder is the shipped
/// catalog, later ones are user catalogs that extend or override it. Then cross-checks the
/// whole catalog (accelerator parts exist and are accelerators). Never throws for bad data.
CatalogLoadResult loadCatalogFolders(const QStringList& folders);

/// The shipped catalog folder: $DCSTUDIO_CATALOG_DIR if set, else `catalog/` beside the
/// installed binary's share folder, else the source tree's `catalog/`.
QString shippedCatalogFolder();

}  // namespace dc
