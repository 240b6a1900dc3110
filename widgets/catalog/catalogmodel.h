// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"

#include <QSortFilterProxyModel>
#include <QStandardItemModel>

namespace dc {

/// MIME type of a catalog drag: the payload is the catalog id, UTF-8.
inline constexpr char kCatalogIdMimeType[] = "application/x-dcstudio-catalog-id";

/// The catalog as a tree, vendor -> kind -> item, for the catalog dock. Items are drag sources
/// whose MIME data carries the catalog id, nothing else.
class CatalogModel final : public QStandardItemModel {
  Q_OBJECT

 public:
  enum Role { CatalogIdRole = Qt::UserRole + 1, SearchTextRole, SortKeyRole };

  explicit CatalogModel(const Catalog& catalog, QObject* parent = nullptr);

  QStringList mimeTypes() const override;
  QMimeData* mimeData(const QModelIndexList& indexes) const override;
  Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }
};

/// Filters the catalog tree by a search text: an item shows when every word of the text occurs
/// in its vendor, model, kind, id, family, description or accelerator; its vendor and kind
/// nodes show when any of their items does.
class CatalogFilterModel final : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  explicit CatalogFilterModel(QObject* parent = nullptr);

  void setSearchText(const QString& text);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

 private:
  QStringList mWords;
};

}  // namespace dc
