// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawpalette.h"

#include "floorplan/floorpalette.h"

namespace dc::report {

// The kW bands, CDUs and air coolers in the studio's own colours: plan and paper read alike.
const QList<QColor>& powerBandFills() {
  return powerBandColors();
}

QColor neutralFill() {
  return QColor(0xf1, 0xf3, 0xf5);
}

QColor coolingModeFill(CoolingMode mode) {
  switch (mode) {
    case CoolingMode::Air:
      return QColor(0xe3, 0xe8, 0xec);
    case CoolingMode::RearDoor:
      return QColor(0xbb, 0xde, 0xfb);
    case CoolingMode::DirectToChip:
      return QColor(0xb2, 0xdf, 0xdb);
    case CoolingMode::DirectToChipRearDoor:
      return QColor(0x80, 0xcb, 0xc4);
  }
  return neutralFill();
}

QColor loopColour(int index) {
  // Warm and violet hues first: the racks' mode fills are greys, blues and teals.
  static const QList<QColor> colours{
      QColor(0xe6, 0x51, 0x00), QColor(0x8e, 0x24, 0xaa), QColor(0x9e, 0x9d, 0x24),
      QColor(0xad, 0x14, 0x57), QColor(0x6d, 0x4c, 0x41), QColor(0x3f, 0x51, 0xb5),
      QColor(0xf9, 0xa8, 0x25), QColor(0x55, 0x8b, 0x2f),
  };
  return colours[((index % colours.size()) + colours.size()) % colours.size()];
}

QColor tint(const QColor& colour, double amount) {
  const auto mix = [amount](int c) {
    return int(c + (255 - c) * amount + 0.5);
  };
  return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

QColor cduFill() {
  return cduColor();
}

QColor airCoolerFill() {
  return coolingUnitColor();
}

QColor rearDoorColour() {
  return QColor(0x1e, 0x63, 0xd6);
}

QColor obstacleHatchColour() {
  return QColor(0x45, 0x4d, 0x57);
}

QColor gridColour() {
  return QColor(0xdd, 0xe1, 0xe6);
}

QColor supplyColour() {
  return QColor(0x1f, 0x5f, 0xbf);
}

QColor returnColour() {
  return QColor(0xc0, 0x39, 0x2b);
}

QColor deviceFill(const QString& kindKey) {
  if (kindKey == QLatin1String("server") || kindKey == QLatin1String("rack-scale-system")) {
    return QColor(0xd6, 0xe4, 0xf5);
  }
  if (kindKey == QLatin1String("switch")) {
    return QColor(0xdc, 0xef, 0xdc);
  }
  if (kindKey == QLatin1String("storage")) {
    return QColor(0xf7, 0xe6, 0xc4);
  }
  if (kindKey == QLatin1String("appliance")) {
    return QColor(0xe8, 0xde, 0xf2);
  }
  if (kindKey == QLatin1String("power-shelf") || kindKey == QLatin1String("pdu")) {
    return QColor(0xf6, 0xd5, 0xd0);
  }
  if (kindKey == QLatin1String("cdu")) {
    return cduFill();
  }
  return QColor(0xec, 0xee, 0xf0);
}

}  // namespace dc::report
