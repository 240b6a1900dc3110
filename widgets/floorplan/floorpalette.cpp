// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorpalette.h"

#include <limits>

namespace dc {

const QList<PowerBand>& powerBands() {
  static const QList<PowerBand> bands{
      {15'000, QColor(0xc8, 0xe6, 0xc9), QStringLiteral("< 15 kW")},
      {30'000, QColor(0xff, 0xe0, 0x82), QStringLiteral("15–30 kW")},
      {75'000, QColor(0xff, 0xb7, 0x4d), QStringLiteral("30–75 kW")},
      {std::numeric_limits<double>::infinity(), QColor(0xef, 0x9a, 0x9a),
       QStringLiteral("≥ 75 kW")},
  };
  return bands;
}

QColor powerBandColor(double maxPowerW) {
  if (maxPowerW <= 0) {
    return QColor(0xec, 0xef, 0xf1);
  }
  for (const PowerBand& band : powerBands()) {
    if (maxPowerW < band.belowW) {
      return band.color;
    }
  }
  return powerBands().last().color;
}

QColor coolingUnitColor() {
  return QColor(0xb3, 0xe5, 0xfc);
}

QColor coolingModeColor(CoolingMode mode) {
  switch (mode) {
    case CoolingMode::Air:
      return QColor(0x90, 0xa4, 0xae);
    case CoolingMode::RearDoor:
      return QColor(0x29, 0x79, 0xff);
    case CoolingMode::DirectToChip:
      return QColor(0x00, 0x96, 0x88);
    case CoolingMode::DirectToChipRearDoor:
      return QColor(0x00, 0x60, 0x64);
  }
  return Qt::gray;
}

}  // namespace dc
