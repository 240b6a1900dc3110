// SPDX-License-Identifier: GPL-3.0-or-later
#include "templateimport.h"

namespace dc {

TemplateCatalogIds templateCatalogIds(const Catalog& catalog) {
  TemplateCatalogIds ids;
  for (const CatalogItem& item : catalog.items()) {
    ids.kinds.insert(item.id, itemKindKey(item.kind));
    if (item.isFloorCoolingUnit()) {
      ids.floorCoolingUnits.insert(item.id);
    }
  }
  return ids;
}

Project loadTemplateAgainst(const QString& path, const Catalog& catalog,
                            const std::optional<HallSize>& size) {
  const TemplateCatalogIds ids = templateCatalogIds(catalog);
  return loadTemplateFileSized(path, size, &ids);
}

}  // namespace dc
