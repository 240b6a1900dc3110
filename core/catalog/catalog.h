// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogitem.h"

#include <QHash>
#include <QList>
#include <QString>

namespace dc {

/// Something the catalog loader has to tell the user: an error (the entry or file was left
/// out), a warning (loaded, but something is off) or a note (a user catalog overrode an item).
struct CatalogProblem {
  enum class Severity { Error, Warning, Note };

  Severity severity = Severity::Error;
  QString file;    ///< e.g. "catalog/nvidia/dgx.json"
  QString itemId;  ///< item id, or "items[3]" when the id itself is missing
  QString path;    ///< JSON path of the field, e.g. "maxPowerW.value"
  QString message;

  /// "catalog/nvidia/dgx.json: item "nvidia/dgx-h100": maxPowerW.value: must be a number"
  QString toString() const;
  /// "error", "warning", "note".
  static QString severityKey(Severity severity);
};

/// The vendor catalog: read-only items by stable id, in load order.
class Catalog final {
 public:
  const CatalogItem* find(const QString& id) const noexcept;
  const QList<CatalogItem>& items() const noexcept { return mItems; }
  qsizetype size() const noexcept { return mItems.size(); }
  bool isEmpty() const noexcept { return mItems.isEmpty(); }

  /// Adds an item, or replaces the one with the same id. Returns true when it replaced one.
  bool addOrReplace(CatalogItem item);

  /// Items whose vendor, model, id, family or description contain every word of `text`
  /// (case-insensitive). An empty text matches everything.
  QList<const CatalogItem*> search(const QString& text) const;

 private:
  QList<CatalogItem> mItems;
  QHash<QString, qsizetype> mIndex;
};

}  // namespace dc
