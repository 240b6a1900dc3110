// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/specrows.h"
#include "clioutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace dc {

namespace {

// --- catalog ----------------------------------------------------------------------------------

QJsonObject sourceJson(const Source& source) {
  return QJsonObject{{"key", source.key},
                     {"title", source.title},
                     {"url", source.url},
                     {"publisher", source.publisher},
                     {"accessed", source.accessed}};
}

QJsonObject itemJson(const CatalogItem& item) {
  QJsonObject figures;
  for (auto it = item.figures.cbegin(); it != item.figures.cend(); ++it) {
    const SpecValue& f = it.value();
    figures.insert(it.key(), QJsonObject{{"value", f.value},
                                         {"text", formatSpec(it.key(), f.value)},
                                         {"source", sourceJson(f.source)},
                                         {"confidence", confidenceKey(f.confidence)},
                                         {"note", f.note}});
  }
  QJsonObject texts;
  for (auto it = item.texts.cbegin(); it != item.texts.cend(); ++it) {
    texts.insert(it.key(), it.value());
  }
  return QJsonObject{{"id", item.id},
                     {"vendor", item.vendor},
                     {"model", item.model},
                     {"kind", itemKindKey(item.kind)},
                     {"family", item.family},
                     {"description", item.description},
                     {"file", item.file},
                     {"confidence", confidenceKey(item.confidence)},
                     {"source", sourceJson(item.source)},
                     {"heightU", item.heightU ? QJsonValue(*item.heightU) : QJsonValue()},
                     {"figures", figures},
                     {"texts", texts}};
}

/// Items by vendor (case-insensitive), then kind in docs/catalog.md order, then id.
QList<const CatalogItem*> sortedItems(const Catalog& catalog) {
  const QList<ItemKind> kinds = allItemKinds();
  QList<const CatalogItem*> items;
  for (const CatalogItem& item : catalog.items()) {
    items.append(&item);
  }
  std::sort(items.begin(), items.end(), [&](const CatalogItem* a, const CatalogItem* b) {
    const int byVendor = a->vendor.compare(b->vendor, Qt::CaseInsensitive);
    if (byVendor != 0) {
      return byVendor < 0;
    }
    if (a->kind != b->kind) {
      return kinds.indexOf(a->kind) < kinds.indexOf(b->kind);
    }
    return a->id < b->id;
  });
  return items;
}

void catalogListing(const CatalogLoadResult& loaded, bool json, QTextStream& out) {
  const QList<const CatalogItem*> items = sortedItems(loaded.catalog);
  if (json) {
    QJsonArray array;
    for (const CatalogItem* item : items) {
      array.append(itemJson(*item));
    }
    QJsonArray problems;
    for (const CatalogProblem& p : loaded.problems) {
      problems.append(QJsonObject{{"severity", CatalogProblem::severityKey(p.severity)},
                                  {"file", p.file},
                                  {"itemId", p.itemId},
                                  {"path", p.path},
                                  {"message", p.message}});
    }
    const QJsonObject root{{"format", "dcstudio-catalog-listing"},
                           {"formatVersion", 1},
                           {"items", array},
                           {"problems", problems}};
    out << QJsonDocument(root).toJson(QJsonDocument::Indented);
    return;
  }
  QString vendor;
  int kind = -1;
  for (const CatalogItem* item : items) {
    if (item->vendor != vendor) {
      vendor = item->vendor;
      kind = -1;
      out << vendor << '\n';
    }
    if (int(item->kind) != kind) {
      kind = int(item->kind);
      out << "  " << itemKindName(item->kind) << '\n';
    }
    const SpecValue* maxW = item->maxPowerW();
    out << QStringLiteral("    %1 %2 %3 %4 %5\n")
               .arg(item->id, -32)
               .arg(item->model, -34)
               .arg(item->heightU       ? QStringLiteral("%1U").arg(*item->heightU)
                    : item->usableU > 0 ? QStringLiteral("%1U").arg(item->usableU)
                                        : QStringLiteral("-"),
                    4)
               .arg(maxW ? formatSpec(QStringLiteral("maxPowerW"), maxW->value)
                         : QStringLiteral("-"),
                    10)
               .arg(confidenceKey(maxW ? maxW->confidence : item->confidence));
  }
  out << items.size() << " items\n";
}

}  // namespace

void printCatalog(const CatalogLoadResult& loaded, bool json, QTextStream& out) {
  catalogListing(loaded, json, out);
}

}  // namespace dc
