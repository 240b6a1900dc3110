// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog.h"

#include "support/enumtext.h"

#include <QStringList>

namespace dc {

namespace {
constexpr EnumText<CatalogProblem::Severity> kSeverities[] = {
    {CatalogProblem::Severity::Error, "error", "Error"},
    {CatalogProblem::Severity::Warning, "warning", "Warning"},
    {CatalogProblem::Severity::Note, "note", "Note"},
};
}  // namespace

QString CatalogProblem::severityKey(Severity severity) {
  return enumKey(kSeverities, severity);
}

QString CatalogProblem::toString() const {
  QString text = file;
  if (!itemId.isEmpty()) {
    text += QStringLiteral(": item \"%1\"").arg(itemId);
  }
  if (!path.isEmpty()) {
    text += QStringLiteral(": %1").arg(path);
  }
  return text + QStringLiteral(": ") + message;
}

const CatalogItem* Catalog::find(const QString& id) const noexcept {
  const auto it = mIndex.constFind(id);
  return it == mIndex.cend() ? nullptr : &mItems[it.value()];
}

bool Catalog::addOrReplace(CatalogItem item) {
  const auto it = mIndex.constFind(item.id);
  if (it != mIndex.cend()) {
    mItems[it.value()] = std::move(item);
    return true;
  }
  mIndex.insert(item.id, mItems.size());
  mItems.append(std::move(item));
  return false;
}

QList<const CatalogItem*> Catalog::search(const QString& text) const {
  const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  QList<const CatalogItem*> found;
  for (const CatalogItem& item : mItems) {
    const QString haystack =
        QStringList{item.vendor,         item.model,       item.id,
                    item.family,         item.description, itemKindName(item.kind),
                    item.acceleratorPart}
            .join(QLatin1Char(' '));
    bool all = true;
    for (const QString& word : words) {
      if (!haystack.contains(word, Qt::CaseInsensitive)) {
        all = false;
        break;
      }
    }
    if (all) {
      found.append(&item);
    }
  }
  return found;
}

}  // namespace dc
