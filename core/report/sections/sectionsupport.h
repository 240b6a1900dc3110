// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/analysis.h"
#include "model/project.h"

#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

#include <algorithm>

namespace dc::report {

/// Racks in schedule order: by hall (the project's order), then by name.
QList<const Rack*> racksInScheduleOrder(const Project& project);

/// Hall names by id.
QHash<HallId, QString> hallNames(const Project& project);

/// The secondary coolant's supply temperature as the CDU loops give it (facility water plus each
/// loop's CDU approach): "34.0 °C", or "34.0 °C to 35.0 °C" when loops differ; empty without loops.
QString coolantSupplyText(const Analysis& analysis, const QLocale& locale);

/// The column unit for the largest of `values` (kW for a column up to 999 kW).
template <typename Range, typename Value>
double largestOf(const Range& range, Value value) {
  double largest = 0.0;
  for (const auto& item : range) {
    largest = std::max(largest, std::abs(value(item)));
  }
  return largest;
}

}  // namespace dc::report
