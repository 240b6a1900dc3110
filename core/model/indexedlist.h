// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>

#include <stdexcept>
#include <utility>

namespace dc {

/// An ordered list of model objects with an id -> index map, so look-ups stay O(1) in designs
/// with tens of thousands of objects. `T` has a public `id` member of type `IdT` and, when it
/// belongs to a hall, a `hallId` (a Workload belongs to a pool, which it may change).
/// The index is derived from the list and compares equal whenever the lists do.
template <typename T, typename IdT>
class IndexedList final {
 public:
  const QList<T>& items() const noexcept { return mItems; }
  qsizetype indexOf(IdT id) const noexcept { return mIndex.value(id, -1); }
  const T* find(IdT id) const noexcept {
    const qsizetype index = indexOf(id);
    return index < 0 ? nullptr : &mItems[index];
  }

  /// Throws (naming `what`) on a null or duplicate id.
  void insert(qsizetype index, T item, const char* what) {
    if (item.id.isNull() || indexOf(item.id) >= 0) {
      throw std::invalid_argument(std::string("a ") + what + " needs a new, non-null id");
    }
    if (index < 0 || index > mItems.size()) {
      index = mItems.size();
    }
    mItems.insert(index, std::move(item));
    reindex(index);
  }
  T remove(IdT id, qsizetype* indexOut, const char* what) {
    const qsizetype index = indexOf(id);
    if (index < 0) {
      throw std::invalid_argument(std::string("unknown ") + what + " id");
    }
    if (indexOut) {
      *indexOut = index;
    }
    T item = mItems.takeAt(index);
    mIndex.remove(id);
    reindex(index);
    return item;
  }
  /// Replaces the object with the same id; throws on an unknown id or a changed hall.
  void replace(const T& item, const char* what) {
    const qsizetype index = indexOf(item.id);
    if (index < 0) {
      throw std::invalid_argument(std::string("unknown ") + what + " id");
    }
    if constexpr (requires { item.hallId; }) {
      if (mItems[index].hallId != item.hallId) {
        throw std::invalid_argument(std::string("a ") + what + " cannot change hall");
      }
    }
    mItems[index] = item;
  }

  friend bool operator==(const IndexedList& a, const IndexedList& b) {
    return a.mItems == b.mItems;
  }

 private:
  void reindex(qsizetype from) {
    for (qsizetype i = from; i < mItems.size(); ++i) {
      mIndex.insert(mItems[i].id, i);
    }
  }

  QList<T> mItems;
  QHash<IdT, qsizetype> mIndex;  ///< Invariant: mItems[mIndex[id]].id == id.
};

}  // namespace dc
