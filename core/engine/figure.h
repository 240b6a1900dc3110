// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/specvalue.h"

#include <QString>
#include <QStringList>

#include <algorithm>

namespace dc {

/// A computed number that a reviewer can check by hand: its value, unit, the formula in words
/// or symbols as printed in the report, and the titles of the published figures it used.
struct Figure {
  double value = 0.0;
  QString unit;         ///< "W", "A", "L/s"
  QString formula;      ///< "Σ device max power (catalog)"
  QStringList sources;  ///< titles of the documents the inputs came from
  /// The weakest confidence of its inputs: how many significant digits it is written with.
  Confidence confidence = Confidence::Derived;

  void addSource(const QString& title) {
    if (!title.isEmpty() && !sources.contains(title)) {
      sources.append(title);
    }
  }
  /// A catalog input: its source, and its confidence when weaker than the figure's.
  void addSpec(const SpecValue& spec) {
    addSource(spec.source.title);
    confidence = std::max(confidence, spec.confidence);
  }
  /// Another figure it was computed from: its sources and confidence.
  void addInputsOf(const Figure& input) {
    for (const QString& title : input.sources) {
      addSource(title);
    }
    confidence = std::max(confidence, input.confidence);
  }
};

}  // namespace dc
