// SPDX-License-Identifier: GPL-3.0-or-later
#include "sectionsupport.h"

#include "format/quantityformat.h"

#include <limits>

namespace dc::report {

QList<const Rack*> racksInScheduleOrder(const Project& project) {
  QHash<HallId, int> hallOrder;
  for (const Hall& hall : project.halls()) {
    hallOrder.insert(hall.id(), static_cast<int>(hallOrder.size()));
  }
  QList<const Rack*> racks;
  racks.reserve(project.racks().size());
  for (const Rack& rack : project.racks()) {
    racks.append(&rack);
  }
  std::stable_sort(racks.begin(), racks.end(), [&](const Rack* a, const Rack* b) {
    const int ha = hallOrder.value(a->hallId()), hb = hallOrder.value(b->hallId());
    if (ha != hb) {
      return ha < hb;
    }
    return QString::localeAwareCompare(a->name(), b->name()) < 0;
  });
  return racks;
}

QString coolantSupplyText(const Analysis& analysis, const QLocale& locale) {
  double low = std::numeric_limits<double>::max(), high = std::numeric_limits<double>::lowest();
  for (const LoopLoad& loop : analysis.cooling.loops) {
    if (loop.kind == CoolingLoopKind::Liquid && loop.loadW.value > 0.0) {
      low = std::min(low, loop.coolantSupplyTempC);
      high = std::max(high, loop.coolantSupplyTempC);
    }
  }
  if (low > high) {
    return {};
  }
  const NumberStyle style{locale, 3};
  const QString from = formatQuantity(low, Quantity::TemperatureC, style);
  return high - low < 0.05 ? from
                           : QStringLiteral("%1 to %2")
                                 .arg(from, formatQuantity(high, Quantity::TemperatureC, style));
}

QHash<HallId, QString> hallNames(const Project& project) {
  QHash<HallId, QString> names;
  for (const Hall& hall : project.halls()) {
    names.insert(hall.id(), hall.name());
  }
  return names;
}

}  // namespace dc::report
