// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogitem.h"

#include <QTableWidget>

namespace dc {

/// A read-only table of a catalog item's specification: figure, value, and confidence with source,
/// with the source's URL and the figure's note in the tooltip. Used wherever an item's figures
/// are shown, so they always come with where they came from.
class SpecTable final : public QTableWidget {
  Q_OBJECT

 public:
  explicit SpecTable(QWidget* parent = nullptr);

  /// Shows `item`'s figures; null clears the table.
  void showItem(const CatalogItem* item);
};

}  // namespace dc
