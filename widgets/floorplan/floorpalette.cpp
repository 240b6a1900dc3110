// SPDX-License-Identifier: GPL-3.0-or-later
#include "floorpalette.h"

#include <algorithm>
#include <cmath>

namespace dc {

const QList<QColor>& powerBandColors() {
  static const QList<QColor> colors{
      QColor(0xc8, 0xe6, 0xc9), QColor(0xff, 0xf5, 0x9d), QColor(0xff, 0xe0, 0x82),
      QColor(0xff, 0xb7, 0x4d), QColor(0xef, 0x9a, 0x9a), QColor(0xce, 0x93, 0xd8),
  };
  return colors;
}

QColor neutralRackColor() {
  return QColor(0xec, 0xef, 0xf1);
}

const QList<QColor>& loadingColors() {
  static const QList<QColor> colors{QColor(0xa5, 0xd6, 0xa7), QColor(0xff, 0xe0, 0x82),
                                    QColor(0xff, 0xb7, 0x4d), QColor(0xe5, 0x73, 0x73)};
  return colors;
}

QColor verdictColor(RackVerdict verdict) {
  switch (verdict) {
    case RackVerdict::Holds:
      return QColor(0xa5, 0xd6, 0xa7);
    case RackVerdict::Degraded:
      return QColor(0xff, 0xd5, 0x4f);
    case RackVerdict::Down:
      return QColor(0xe5, 0x73, 0x73);
    case RackVerdict::NotModelled:
      return QColor(0xcf, 0xd8, 0xdc);
  }
  return Qt::gray;
}

QColor coolingUnitColor() {
  return QColor(0xb3, 0xe5, 0xfc);
}

QColor cduColor() {
  return QColor(0xb2, 0xdf, 0xdb);
}

QColor coolingUnitOutlineColor() {
  return QColor(0x01, 0x57, 0x9b);
}

QColor rearDoorColor() {
  return QColor(0x29, 0x79, 0xff);
}

QColor coolingOptionColor(CoolingOption option) {
  switch (option) {
    case CoolingOption::AirContainment:
      return QColor(0xcf, 0xd8, 0xdc);
    case CoolingOption::RearDoorPassive:
      return QColor(0xbb, 0xde, 0xfb);
    case CoolingOption::RearDoorActive:
      return QColor(0x64, 0xb5, 0xf6);
    case CoolingOption::DirectToChip:
      return QColor(0x80, 0xcb, 0xc4);
    case CoolingOption::DirectToChipRearDoor:
      return QColor(0x4d, 0xb6, 0xac);
  }
  return Qt::gray;
}

QColor modeFailsColor() {
  return QColor(0xd3, 0x2f, 0x2f);
}

const QList<QColor>& liquidShareColors() {
  // Grey-blue (all heat to air) to deep teal (all to liquid), lightness falling at each stop.
  static const QList<QColor> colors{QColor(0xec, 0xef, 0xf1), QColor(0xb2, 0xdf, 0xdb),
                                    QColor(0x4d, 0xb6, 0xac), QColor(0x00, 0x89, 0x7b),
                                    QColor(0x00, 0x4d, 0x40)};
  return colors;
}

QColor liquidShareColor(double fraction) {
  const QList<QColor>& stops = liquidShareColors();
  const double f = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
  const double position = f * double(stops.size() - 1);
  const int i = std::min(int(position), int(stops.size()) - 2);
  const double t = position - i;
  const auto mix = [t](int from, int to) {
    return int(std::lround(from + (to - from) * t));
  };
  return QColor(mix(stops[i].red(), stops[i + 1].red()),
                mix(stops[i].green(), stops[i + 1].green()),
                mix(stops[i].blue(), stops[i + 1].blue()));
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

const QList<QColor>& heatRampColors() {
  // ColorBrewer RdYlBu, reversed: red minus blue rises at every stop, so hotter reads redder.
  static const QList<QColor> colors{QColor(0x2c, 0x7b, 0xb6), QColor(0xab, 0xd9, 0xe9),
                                    QColor(0xff, 0xff, 0xbf), QColor(0xfd, 0xae, 0x61),
                                    QColor(0xd7, 0x19, 0x1c)};
  return colors;
}

}  // namespace dc
