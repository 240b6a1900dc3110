// SPDX-License-Identifier: GPL-3.0-or-later
#include "sectionsupport.h"

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

QHash<HallId, QString> hallNames(const Project& project) {
  QHash<HallId, QString> names;
  for (const Hall& hall : project.halls()) {
    names.insert(hall.id(), hall.name());
  }
  return names;
}

}  // namespace dc::report
