// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogdock.h"

#include "catalogmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace dc {

CatalogDock::CatalogDock(const Catalog& catalog, QWidget* parent)
    : QDockWidget(tr("Catalog"), parent),
      mCatalog(&catalog),
      mFilter(new CatalogFilterModel(this)),
      mSearch(new QLineEdit),
      mTree(new QTreeView),
      mHint(new QLabel(tr("Drag an item onto the floor plan to place it; select it to see its "
                          "figures and their sources in Properties."))) {
  setObjectName(QStringLiteral("catalogDock"));
  mSearch->setPlaceholderText(tr("Search the catalog: H100, liquid, 415 V, Dell…"));
  mSearch->setClearButtonEnabled(true);
  mTree->setModel(mFilter);
  mTree->setHeaderHidden(true);
  mTree->setDragEnabled(true);
  mTree->setDragDropMode(QAbstractItemView::DragOnly);
  mTree->setUniformRowHeights(true);
  mTree->setAnimated(true);
  mHint->setWordWrap(true);
  mHint->setStyleSheet(QStringLiteral("color: palette(mid)"));

  auto* body = new QWidget;
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(mSearch);
  layout->addWidget(mTree, 1);
  layout->addWidget(mHint);
  setWidget(body);

  connect(mSearch, &QLineEdit::textChanged, this, &CatalogDock::setSearchText);
  setCatalog(catalog);
}

void CatalogDock::setCatalog(const Catalog& catalog) {
  mCatalog = &catalog;
  auto* model = new CatalogModel(catalog, this);
  mFilter->setSourceModel(model);
  delete mModel;
  mModel = model;
  connect(mTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
          &CatalogDock::showSelected);
  setSearchText(mSearch->text());
  showSelected();
}

void CatalogDock::setSearchText(const QString& text) {
  if (mSearch->text() != text) {
    mSearch->setText(text);  // re-enters through textChanged
    return;
  }
  mFilter->setSearchText(text);
  if (text.isEmpty()) {
    mTree->collapseAll();
    for (int r = 0; r < mFilter->rowCount(); ++r) {
      mTree->expand(mFilter->index(r, 0));
    }
  } else {
    mTree->expandAll();
  }
}

QStringList CatalogDock::visibleItemIds() const {
  QStringList ids;
  std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
    for (int r = 0; r < mFilter->rowCount(parent); ++r) {
      const QModelIndex index = mFilter->index(r, 0, parent);
      const QString id = index.data(CatalogModel::CatalogIdRole).toString();
      if (!id.isEmpty()) {
        ids.append(id);
      }
      walk(index);
    }
  };
  walk({});
  return ids;
}

void CatalogDock::showSelected() {
  const QString id = mTree->currentIndex().data(CatalogModel::CatalogIdRole).toString();
  if (mCatalog->find(id)) {
    Q_EMIT itemSelected(id);
  }
}

}  // namespace dc
