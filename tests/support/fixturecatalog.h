// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogloader.h"

#include <QtGlobal>

namespace dc::test {

/// The fixture catalog: tests/data/catalog (items from the reference documents) plus
/// tests/data/catalog-cooling (round-figure cooling units). A fixture that does not load is a
/// broken test set-up, so the test stops there and names the first problem.
inline CatalogLoadResult loadFixtureCatalog() {
  CatalogLoadResult loaded =
      loadCatalogFolders({QStringLiteral(DC_TEST_DATA_DIR "/catalog"),
                          QStringLiteral(DC_TEST_DATA_DIR "/catalog-cooling")});
  for (const CatalogProblem& problem : loaded.problems) {
    if (problem.severity == CatalogProblem::Severity::Error) {
      qFatal("fixture catalog: %s: %s", qPrintable(problem.file), qPrintable(problem.message));
    }
  }
  return loaded;
}

}  // namespace dc::test
