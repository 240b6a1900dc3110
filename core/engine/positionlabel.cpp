// SPDX-License-Identifier: GPL-3.0-or-later
#include "positionlabel.h"

namespace dc {

QString positionName(const Rack& rack) {
  return rack.name().isEmpty() ? rack.id().toString().left(8) : rack.name();
}

QString positionLabel(const Rack& rack, const Catalog& catalog, bool capital) {
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  QString kind = QStringLiteral("Rack");
  if (type && type->isFloorCoolingUnit()) {
    kind = type->kind == ItemKind::Cdu ? QStringLiteral("CDU") : itemKindName(type->kind);
  }
  if (!capital && kind.size() > 1 && kind[1].isLower()) {
    kind[0] = kind[0].toLower();
  }
  return kind + QLatin1Char(' ') + positionName(rack);
}

}  // namespace dc
