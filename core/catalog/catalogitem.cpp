// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogitem.h"

namespace dc {

namespace {
struct KindText {
  ItemKind kind;
  const char* key;
  const char* name;
};
constexpr KindText kKinds[] = {
    {ItemKind::Accelerator, "accelerator", "Accelerator"},
    {ItemKind::Server, "server", "Server"},
    {ItemKind::RackScaleSystem, "rack-scale-system", "Rack-scale system"},
    {ItemKind::Switch, "switch", "Switch"},
    {ItemKind::Appliance, "appliance", "Appliance"},
    {ItemKind::Storage, "storage", "Storage"},
    {ItemKind::Transceiver, "transceiver", "Transceiver"},
    {ItemKind::Cable, "cable", "Cable"},
    {ItemKind::Rack, "rack", "Rack"},
    {ItemKind::Pdu, "pdu", "Rack PDU"},
    {ItemKind::PowerShelf, "power-shelf", "Power shelf"},
    {ItemKind::BuswayTapoff, "busway-tapoff", "Busway tap-off"},
    {ItemKind::RearDoor, "rear-door", "Rear-door heat exchanger"},
    {ItemKind::Cdu, "cdu", "Coolant distribution unit"},
    {ItemKind::InRowCooler, "in-row-cooler", "In-row cooler"},
    {ItemKind::Crah, "crah", "CRAH unit"},
};
}  // namespace

QString itemKindKey(ItemKind kind) {
  for (const KindText& k : kKinds) {
    if (k.kind == kind) {
      return QString::fromLatin1(k.key);
    }
  }
  return {};
}

QString itemKindName(ItemKind kind) {
  for (const KindText& k : kKinds) {
    if (k.kind == kind) {
      return QString::fromLatin1(k.name);
    }
  }
  return {};
}

bool itemKindFromKey(const QString& key, ItemKind* kind) {
  for (const KindText& k : kKinds) {
    if (key == QLatin1String(k.key)) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

QList<ItemKind> allItemKinds() {
  QList<ItemKind> kinds;
  for (const KindText& k : kKinds) {
    kinds.append(k.kind);
  }
  return kinds;
}

bool CatalogItem::isFloorStanding() const {
  switch (kind) {
    case ItemKind::Rack:
    case ItemKind::RackScaleSystem:
    case ItemKind::InRowCooler:
    case ItemKind::Crah:
      return true;
    case ItemKind::Cdu:
      return !heightU.has_value() || *heightU == 0;
    default:
      return false;
  }
}

bool CatalogItem::isMountable() const {
  return heightU.has_value() && !isFloorStanding();
}

}  // namespace dc
