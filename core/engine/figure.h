// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace dc {

/// A computed number that a reviewer can check by hand: its value, unit, the formula in words
/// or symbols as printed in the report, and the titles of the published figures it used.
struct Figure {
  double value = 0.0;
  QString unit;         ///< "W", "A", "L/s"
  QString formula;      ///< "Σ device max power (catalog)"
  QStringList sources;  ///< titles of the documents the inputs came from

  void addSource(const QString& title) {
    if (!title.isEmpty() && !sources.contains(title)) {
      sources.append(title);
    }
  }
};

}  // namespace dc
