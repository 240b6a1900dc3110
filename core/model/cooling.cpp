// SPDX-License-Identifier: GPL-3.0-or-later
#include "cooling.h"

#include "support/enumtext.h"

namespace dc {

namespace {
constexpr EnumText<CoolingLoopKind> kLoopKinds[] = {
    {CoolingLoopKind::Liquid, "liquid", "CDU loop"},
    {CoolingLoopKind::Air, "air", "Air zone"},
};
}  // namespace

QString coolingLoopKindKey(CoolingLoopKind kind) {
  return enumKey(kLoopKinds, kind);
}
QString coolingLoopKindName(CoolingLoopKind kind) {
  return enumName(kLoopKinds, kind);
}
bool coolingLoopKindFromKey(const QString& key, CoolingLoopKind* kind) {
  return enumFromKey(kLoopKinds, key, kind);
}

}  // namespace dc
