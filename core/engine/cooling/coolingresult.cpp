// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingresult.h"

#include "support/enumtext.h"

namespace dc {

namespace {
constexpr EnumText<CoolingOption> kOptions[] = {
    {CoolingOption::AirContainment, "air", "Air with containment"},
    {CoolingOption::RearDoorPassive, "rear-door-passive", "Passive rear door"},
    {CoolingOption::RearDoorActive, "rear-door-active", "Active rear door"},
    {CoolingOption::DirectToChip, "direct-to-chip", "Direct-to-chip"},
    {CoolingOption::DirectToChipRearDoor, "direct-to-chip+rear-door", "Direct-to-chip + rear door"},
};
}  // namespace

QString coolingOptionKey(CoolingOption option) {
  return enumKey(kOptions, option);
}

QString coolingOptionName(CoolingOption option) {
  return enumName(kOptions, option);
}

const HallCooling* CoolingResult::hall(HallId id) const {
  for (const HallCooling& h : halls) {
    if (h.hallId == id) {
      return &h;
    }
  }
  return nullptr;
}

const LoopLoad* CoolingResult::loop(CoolingLoopId id) const {
  for (const LoopLoad& l : loops) {
    if (!id.isNull() && l.id == id) {
      return &l;
    }
  }
  return nullptr;
}

}  // namespace dc
