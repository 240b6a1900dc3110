// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogitem.h"

#include "support/enumtext.h"

#include <QRegularExpression>

#include <algorithm>

namespace dc {

namespace {
constexpr EnumText<ItemKind> kKinds[] = {
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
    {ItemKind::Ups, "ups", "UPS"},
    {ItemKind::Busway, "busway", "Busway"},
    {ItemKind::PowerRack, "power-rack", "Power rack / sidecar"},
    {ItemKind::RearDoor, "rear-door", "Rear-door heat exchanger"},
    {ItemKind::Cdu, "cdu", "Coolant distribution unit"},
    {ItemKind::InRowCooler, "in-row-cooler", "In-row cooler"},
    {ItemKind::Crah, "crah", "CRAH unit"},
};
}  // namespace

QString itemKindKey(ItemKind kind) {
  return enumKey(kKinds, kind);
}

QString itemKindName(ItemKind kind) {
  return enumName(kKinds, kind);
}

bool itemKindFromKey(const QString& key, ItemKind* kind) {
  return enumFromKey(kKinds, key, kind);
}

QList<ItemKind> allItemKinds() {
  QList<ItemKind> kinds;
  for (const EnumText<ItemKind>& k : kKinds) {
    kinds.append(k.value);
  }
  return kinds;
}

bool CatalogItem::isFloorStanding() const {
  switch (kind) {
    case ItemKind::Rack:
    case ItemKind::RackScaleSystem:
    case ItemKind::PowerRack:
    case ItemKind::InRowCooler:
    case ItemKind::Crah:
      return true;
    case ItemKind::Cdu:
      return !heightU.has_value() || *heightU == 0;
    default:
      return false;
  }
}

int CatalogItem::arrayLength(const QString& arrayPath) const {
  const QRegularExpression element(QRegularExpression::escape(arrayPath) +
                                   QStringLiteral("\\[(\\d+)\\]\\."));
  int length = 0;
  const auto scan = [&](const QString& key) {
    const QRegularExpressionMatch m = element.match(key);
    if (m.hasMatch() && m.capturedStart() == 0) {
      length = std::max(length, m.captured(1).toInt() + 1);
    }
  };
  for (auto it = figures.keyBegin(); it != figures.keyEnd(); ++it) {
    scan(*it);
  }
  for (auto it = texts.keyBegin(); it != texts.keyEnd(); ++it) {
    scan(*it);
  }
  return length;
}

bool CatalogItem::isFloorCoolingUnit() const {
  return isFloorStanding() && kind != ItemKind::Rack && kind != ItemKind::RackScaleSystem &&
         kind != ItemKind::PowerRack;
}

bool CatalogItem::isMountable() const {
  return heightU.has_value() && !isFloorStanding();
}

}  // namespace dc
