// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"

#include <QDialog>

namespace dc {

/// Lists what the catalog loader reported: errors (entries left out), warnings and overrides,
/// each with its file, item and JSON path, so a broken user catalog can be fixed.
class CatalogProblemsDialog final : public QDialog {
  Q_OBJECT

 public:
  CatalogProblemsDialog(const QList<CatalogProblem>& problems, QWidget* parent = nullptr);
};

}  // namespace dc
