// SPDX-License-Identifier: GPL-3.0-or-later
#include "powernode.h"

#include "objectkind.h"
#include "powerfeed.h"
#include "support/enumtext.h"

namespace dc {

namespace {
constexpr EnumText<PowerNodeKind> kKinds[] = {
    {PowerNodeKind::Ups, "ups", "UPS"},
    {PowerNodeKind::Switchboard, "switchboard", "Switchboard"},
    {PowerNodeKind::Busway, "busway", "Busway"},
    {PowerNodeKind::Rpp, "rpp", "RPP"},
    {PowerNodeKind::PowerRack, "power-rack", "800 VDC power rack"},
};
constexpr EnumText<Redundancy> kRedundancies[] = {
    {Redundancy::N, "n", "N"},
    {Redundancy::NPlus1, "n+1", "N+1"},
    {Redundancy::TwoN, "2n", "2N"},
};
constexpr EnumText<PowerFeed> kFeeds[] = {
    {PowerFeed::None, "", "—"},
    {PowerFeed::A, "a", "A"},
    {PowerFeed::B, "b", "B"},
    {PowerFeed::C, "c", "C"},
};
constexpr EnumText<ObjectKind> kObjectKinds[] = {
    {ObjectKind::Project, "project", "Project"},
    {ObjectKind::Hall, "hall", "Hall"},
    {ObjectKind::Rack, "rack", "Rack"},
    {ObjectKind::Mount, "mount", "Device"},
    {ObjectKind::PowerNode, "power-node", "Power node"},
    {ObjectKind::Assumption, "assumption", "Design assumption"},
    {ObjectKind::CoolingLoop, "cooling-loop", "Cooling loop"},
    {ObjectKind::CoolingUnit, "cooling-unit", "Cooling unit"},
    {ObjectKind::FabricSpec, "fabric", "Fabric"},
    {ObjectKind::CableTray, "cable-tray", "Cable tray"},
    {ObjectKind::WorkloadPool, "workload-pool", "Workload pool"},
    {ObjectKind::Workload, "workload", "Workload"},
};
}  // namespace

QString objectKindKey(ObjectKind kind) {
  return enumKey(kObjectKinds, kind);
}

QString powerNodeKindKey(PowerNodeKind kind) {
  return enumKey(kKinds, kind);
}
QString powerNodeKindName(PowerNodeKind kind) {
  return enumName(kKinds, kind);
}
bool powerNodeKindFromKey(const QString& key, PowerNodeKind* kind) {
  return enumFromKey(kKinds, key, kind);
}

QString redundancyKey(Redundancy redundancy) {
  return enumKey(kRedundancies, redundancy);
}
QString redundancyName(Redundancy redundancy) {
  return enumName(kRedundancies, redundancy);
}
bool redundancyFromKey(const QString& key, Redundancy* redundancy) {
  return enumFromKey(kRedundancies, key, redundancy);
}

QString powerFeedKey(PowerFeed feed) {
  return enumKey(kFeeds, feed);
}
QString powerFeedName(PowerFeed feed) {
  return enumName(kFeeds, feed);
}
bool powerFeedFromKey(const QString& key, PowerFeed* feed) {
  return enumFromKey(kFeeds, key, feed);
}

}  // namespace dc
