// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabric.h"

#include "support/enumtext.h"

namespace dc {

namespace {
constexpr EnumText<FabricKind> kKinds[] = {
    {FabricKind::Compute, "compute", "Compute fabric"},
    {FabricKind::Storage, "storage", "Storage fabric"},
    {FabricKind::InBand, "in-band", "In-band management"},
    {FabricKind::OutOfBand, "out-of-band", "Out-of-band management"},
};
constexpr EnumText<FabricTopology> kTopologies[] = {
    {FabricTopology::FatTree, "fat-tree", "Fat-tree"},
    {FabricTopology::Dragonfly, "dragonfly", "Dragonfly"},
};
constexpr EnumText<TrayKind> kTrayKinds[] = {
    {TrayKind::Ladder, "ladder", "Ladder"},
    {TrayKind::WireMesh, "wire-mesh", "Wire mesh"},
    {TrayKind::SolidBottom, "solid-bottom", "Solid bottom"},
};
}  // namespace

QString fabricKindKey(FabricKind kind) {
  return enumKey(kKinds, kind);
}
QString fabricKindName(FabricKind kind) {
  return enumName(kKinds, kind);
}
bool fabricKindFromKey(const QString& key, FabricKind* kind) {
  return enumFromKey(kKinds, key, kind);
}
QString fabricTopologyKey(FabricTopology topology) {
  return enumKey(kTopologies, topology);
}
QString fabricTopologyName(FabricTopology topology) {
  return enumName(kTopologies, topology);
}
bool fabricTopologyFromKey(const QString& key, FabricTopology* topology) {
  return enumFromKey(kTopologies, key, topology);
}
QString trayKindKey(TrayKind kind) {
  return enumKey(kTrayKinds, kind);
}
QString trayKindName(TrayKind kind) {
  return enumName(kTrayKinds, kind);
}
bool trayKindFromKey(const QString& key, TrayKind* kind) {
  return enumFromKey(kTrayKinds, key, kind);
}

QString fabricSpecProblem(const FabricSpec& spec) {
  const QString who = spec.name.isEmpty() ? QStringLiteral("A fabric")
                                          : QStringLiteral("Fabric '%1'").arg(spec.name);
  if (spec.name.trimmed().isEmpty()) {
    return QStringLiteral("A fabric needs a name");
  }
  if (spec.leafSwitchId.trimmed().isEmpty()) {
    return QStringLiteral("%1 needs a switch model").arg(who);
  }
  if (!(spec.leafOversubscription >= 1.0) || !(spec.spineOversubscription >= 1.0) ||
      spec.leafOversubscription > 64.0 || spec.spineOversubscription > 64.0) {
    return QStringLiteral("%1: an oversubscription must be between 1 (non-blocking) and 64, not %2")
        .arg(who)
        .arg(spec.leafOversubscription < 1.0 || spec.leafOversubscription > 64.0
                 ? spec.leafOversubscription
                 : spec.spineOversubscription);
  }
  if (spec.tiers < 0 || spec.tiers > 3) {
    return QStringLiteral("%1: tiers must be 1, 2, 3 or automatic, not %2")
        .arg(who)
        .arg(spec.tiers);
  }
  if (spec.suNodes < 0 || spec.suNodes > 100000) {
    return QStringLiteral("%1: a scalable unit of %2 nodes is not possible")
        .arg(who)
        .arg(spec.suNodes);
  }
  if (spec.reservedPorts < 0 || spec.reservedPorts > 100000) {
    return QStringLiteral("%1: %2 reserved ports is not possible").arg(who).arg(spec.reservedPorts);
  }
  return {};
}

QString cableTrayProblem(const CableTray& tray) {
  const QString who = QStringLiteral("Tray '%1'").arg(tray.name);
  if (tray.name.trimmed().isEmpty()) {
    return QStringLiteral("A tray needs a name");
  }
  if (tray.pathMm.size() < 2) {
    return QStringLiteral("%1 needs at least two points").arg(who);
  }
  for (qsizetype i = 1; i < tray.pathMm.size(); ++i) {
    if (tray.pathMm[i] == tray.pathMm[i - 1]) {
      return QStringLiteral("%1 repeats point %2").arg(who).arg(i + 1);
    }
  }
  if (tray.heightMm < 0 || tray.heightMm > 20000) {
    return QStringLiteral("%1: a height of %2 mm is outside 0 to 20,000 mm")
        .arg(who)
        .arg(tray.heightMm);
  }
  if (tray.widthMm < 50 || tray.widthMm > 2000 || tray.depthMm < 20 || tray.depthMm > 500) {
    return QStringLiteral(
               "%1: a %2 x %3 mm cross-section is outside 50-2,000 mm wide and 20-500 mm deep")
        .arg(who)
        .arg(tray.widthMm)
        .arg(tray.depthMm);
  }
  return {};
}

}  // namespace dc
