// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogmodel.h"

#include "format/quantityformat.h"

#include <QMimeData>

namespace dc {

namespace {

QString summary(const CatalogItem& item) {
  QStringList parts;
  if (item.heightU && *item.heightU > 0) {
    parts.append(QStringLiteral("%1U").arg(*item.heightU));
  }
  if (item.kind == ItemKind::Rack && item.usableU > 0) {
    parts.append(QStringLiteral("%1U").arg(item.usableU));
  }
  if (item.acceleratorCount > 0) {
    parts.append(QStringLiteral("%1 GPU").arg(item.acceleratorCount));
  }
  if (const SpecValue* w = item.maxPowerW(); w && item.kind != ItemKind::Accelerator) {
    // An estimated power figure says so where the architect picks the item (and has the two
    // digits of an estimate).
    parts.append(w->confidence == Confidence::Estimate
                     ? formatSpec(*w, Quantity::PowerW) + QStringLiteral(" (est.)")
                     : formatSpec(*w, Quantity::PowerW));
  }
  return parts.join(QStringLiteral(" · "));
}

QString plural(const QString& name) {
  if (name == QLatin1String("Storage")) {
    return name;
  }
  if (name.endsWith(QLatin1String("shelf"))) {
    return name.chopped(1) + QStringLiteral("ves");  // "Power shelves"
  }
  return name + (name.endsWith(QLatin1Char('h')) ? QStringLiteral("es") : QStringLiteral("s"));
}

QStandardItem* child(QStandardItem* parent, const QString& text) {
  for (int r = 0; r < parent->rowCount(); ++r) {
    if (parent->child(r)->text() == text) {
      return parent->child(r);
    }
  }
  auto* node = new QStandardItem(text);
  node->setData(text.toCaseFolded(), CatalogModel::SortKeyRole);
  node->setFlags(Qt::ItemIsEnabled);
  parent->appendRow(node);
  return node;
}

}  // namespace

CatalogModel::CatalogModel(const Catalog& catalog, QObject* parent) : QStandardItemModel(parent) {
  QStandardItem* root = invisibleRootItem();
  for (const CatalogItem& item : catalog.items()) {
    QStandardItem* kindNode = child(child(root, item.vendor), plural(itemKindName(item.kind)));
    const QString detail = summary(item);
    auto* node = new QStandardItem(detail.isEmpty() ? item.model
                                                    : item.model + QStringLiteral("   ") + detail);
    node->setData(item.id, CatalogIdRole);
    node->setData(QStringList{item.vendor, item.model, item.id, item.family, item.description,
                              itemKindName(item.kind), item.acceleratorPart}
                      .join(QLatin1Char(' ')),
                  SearchTextRole);
    QString tip = QStringLiteral("%1 %2\n%3\n%4\n\nSource: %5\nConfidence: %6")
                      .arg(item.vendor, item.model, item.id, item.description, item.source.title,
                           confidenceName(item.confidence));
    if (const SpecValue* w = item.maxPowerW()) {
      tip += QStringLiteral("\nMax power: %1 (%2, %3)")
                 .arg(formatSpec(*w, Quantity::PowerW), confidenceName(w->confidence),
                      w->source.title);
    }
    node->setToolTip(tip);
    node->setData(node->text().toCaseFolded(), SortKeyRole);
    const bool placeable = item.isFloorStanding() || item.isMountable();
    node->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable |
                   (placeable ? Qt::ItemIsDragEnabled : Qt::NoItemFlags));
    kindNode->appendRow(node);
  }
  // Vendors, kinds and models read in alphabetical order whatever their case ("STULZ" after
  // "Schneider Electric").
  setSortRole(SortKeyRole);
  sort(0);
}

QStringList CatalogModel::mimeTypes() const {
  return {QString::fromLatin1(kCatalogIdMimeType)};
}

QMimeData* CatalogModel::mimeData(const QModelIndexList& indexes) const {
  for (const QModelIndex& index : indexes) {
    const QString id = index.data(CatalogIdRole).toString();
    if (!id.isEmpty()) {
      auto* data = new QMimeData;
      data->setData(QString::fromLatin1(kCatalogIdMimeType), id.toUtf8());
      data->setText(id);
      return data;
    }
  }
  return nullptr;
}

CatalogFilterModel::CatalogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
  setRecursiveFilteringEnabled(true);
}

void CatalogFilterModel::setSearchText(const QString& text) {
  mWords = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  invalidateFilter();
}

bool CatalogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
  if (mWords.isEmpty()) {
    return true;
  }
  const QString haystack = sourceModel()
                               ->index(sourceRow, 0, sourceParent)
                               .data(CatalogModel::SearchTextRole)
                               .toString();
  if (haystack.isEmpty()) {
    return false;  // a vendor or kind node: shown when one of its items matches (recursive)
  }
  for (const QString& word : mWords) {
    if (!haystack.contains(word, Qt::CaseInsensitive)) {
      return false;
    }
  }
  return true;
}

}  // namespace dc
