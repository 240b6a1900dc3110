// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogdock.h"

#include "catalogmodel.h"
#include "panels/spectable.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
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
      mTitle(new QLabel),
      mSource(new QLabel),
      mSpec(new SpecTable) {
  setObjectName(QStringLiteral("catalogDock"));
  mSearch->setPlaceholderText(tr("Search the catalog: H100, liquid, 415 V, Dell…"));
  mSearch->setClearButtonEnabled(true);
  mTree->setModel(mFilter);
  mTree->setHeaderHidden(true);
  mTree->setDragEnabled(true);
  mTree->setDragDropMode(QAbstractItemView::DragOnly);
  mTree->setUniformRowHeights(true);
  mTree->setAnimated(true);
  mTitle->setWordWrap(true);
  mTitle->setTextFormat(Qt::RichText);
  mSource->setWordWrap(true);
  mSource->setOpenExternalLinks(true);
  mSource->setTextFormat(Qt::RichText);

  auto* details = new QWidget;
  auto* detailsLayout = new QVBoxLayout(details);
  detailsLayout->setContentsMargins(0, 4, 0, 0);
  detailsLayout->addWidget(mTitle);
  detailsLayout->addWidget(mSource);
  detailsLayout->addWidget(mSpec, 1);

  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(mTree);
  splitter->addWidget(details);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 1);

  auto* body = new QWidget;
  auto* layout = new QVBoxLayout(body);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(mSearch);
  layout->addWidget(splitter, 1);
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
  const CatalogItem* item = mCatalog->find(id);
  mSpec->showItem(item);
  mSpec->setVisible(item != nullptr);
  if (!item) {
    mTitle->setText(
        tr("<i>Select an item to see its figures; drag it onto the floor plan to place it.</i>"));
    mSource->clear();
    return;
  }
  mTitle->setText(QStringLiteral("<b>%1 %2</b> <span style='color:gray'>%3 · %4</span><br>%5")
                      .arg(item->vendor.toHtmlEscaped(), item->model.toHtmlEscaped(),
                           itemKindName(item->kind), item->id.toHtmlEscaped(),
                           item->description.toHtmlEscaped()));
  mSource->setText(tr("Source: <a href=\"%1\">%2</a> · %3")
                       .arg(item->source.url.toHtmlEscaped(), item->source.title.toHtmlEscaped(),
                            confidenceName(item->confidence)));
  Q_EMIT itemSelected(id);
}

}  // namespace dc
