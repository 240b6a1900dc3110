// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstddef>

namespace dc {

/// One row of an enum's text table: the stable key written in files and on command lines, and
/// the name shown to people.
template <typename E>
struct EnumText {
  E value;
  const char* key;
  const char* name;
};

template <typename E, std::size_t N>
QString enumKey(const EnumText<E> (&table)[N], E value) {
  for (const EnumText<E>& row : table) {
    if (row.value == value) {
      return QString::fromLatin1(row.key);
    }
  }
  return {};
}

template <typename E, std::size_t N>
QString enumName(const EnumText<E> (&table)[N], E value) {
  for (const EnumText<E>& row : table) {
    if (row.value == value) {
      return QString::fromUtf8(row.name);
    }
  }
  return {};
}

/// Sets `*value` and returns true when `key` is in the table.
template <typename E, std::size_t N>
bool enumFromKey(const EnumText<E> (&table)[N], const QString& key, E* value) {
  for (const EnumText<E>& row : table) {
    if (key == QLatin1String(row.key)) {
      *value = row.value;
      return true;
    }
  }
  return false;
}

}  // namespace dc
