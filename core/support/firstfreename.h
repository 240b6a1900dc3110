// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace dc {

/// The first of `nameOf(1)`, `nameOf(2)`, ... not in `taken`: "R01", "CDU-2", "Loop 3".
template <typename NameOf>
QString firstFreeName(const QSet<QString>& taken, NameOf nameOf) {
  for (int n = 1;; ++n) {
    QString name = nameOf(n);
    if (!taken.contains(name)) {
      return name;
    }
  }
}

}  // namespace dc
