// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"

#include <QDockWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace dc {

class CatalogFilterModel;
class CatalogModel;

/// The catalog browser: a search box and the vendor/kind tree, a drag source for the floor plan.
/// Selecting an item emits itemSelected(); the properties panel shows its sourced figures.
class CatalogDock final : public QDockWidget {
  Q_OBJECT

 public:
  CatalogDock(const Catalog& catalog, QWidget* parent = nullptr);

  /// Replaces the catalog shown (after the user changed catalog folders). The catalog must
  /// outlive the dock or the next call.
  void setCatalog(const Catalog& catalog);
  void setSearchText(const QString& text);
  QTreeView* treeView() const noexcept { return mTree; }
  /// Catalog ids of the items the search currently shows, in tree order.
  QStringList visibleItemIds() const;

 Q_SIGNALS:
  /// The user picked an item (to show or place it).
  void itemSelected(const QString& catalogId);

 private:
  void showSelected();

  const Catalog* mCatalog;
  CatalogModel* mModel = nullptr;
  CatalogFilterModel* mFilter;
  QLineEdit* mSearch;
  QTreeView* mTree;
  QLabel* mHint;
};

}  // namespace dc
