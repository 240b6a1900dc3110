// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/specvalue.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace dc {

/// A computed number that a reviewer can check by hand: its value, unit, the formula in words
/// or symbols as printed in the report, and the titles of the published figures it used.
struct Figure {
  double value = 0.0;
  QString unit;         ///< "W", "A", "L/s"
  QString formula;      ///< "Σ device max power (catalog)"
  QStringList sources;  ///< titles of the documents the inputs came from
  /// The weakest confidence of its inputs.
  Confidence confidence = Confidence::Derived;
  /// How much of `value` comes from estimated inputs (absolute), where tracked: a sum is written
  /// as an estimate only when estimates make up a tenth of it or more.
  double estimatePart = 0.0;

  /// The confidence the figure is written with (its significant digits): an estimate only when
  /// estimated inputs weigh (a tenth of the value or more, or untracked).
  Confidence effectiveConfidence() const {
    if (confidence != Confidence::Estimate || estimatePart <= 0.0) {
      return confidence;
    }
    constexpr double kEstimateShare = 0.1;
    return estimatePart >= kEstimateShare * std::fabs(value) ? Confidence::Estimate
                                                             : Confidence::Derived;
  }

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
  /// A catalog input that adds `contributed` to the value (a device in a rack's sum).
  void addSpec(const SpecValue& spec, double contributed) {
    addSpec(spec);
    if (spec.confidence == Confidence::Estimate) {
      estimatePart += std::fabs(contributed);
    }
  }
  /// Another figure it was computed from: its sources and confidence.
  void addInputsOf(const Figure& input) {
    for (const QString& title : input.sources) {
      addSource(title);
    }
    confidence = std::max(confidence, input.confidence);
    estimatePart += input.estimatePart > 0.0                   ? input.estimatePart
                    : input.confidence == Confidence::Estimate ? std::fabs(input.value)
                                                               : 0.0;
  }
};

}  // namespace dc
