// SPDX-License-Identifier: GPL-3.0-or-later
#include "format.h"

#include <QLocale>

#include <cmath>

namespace dc {

QString formatPowerW(double powerW) {
  const QLocale c(QLocale::English);
  if (std::fabs(powerW) >= 1.0e6) {
    return c.toString(powerW / 1.0e6, 'f', 2) + QStringLiteral(" MW");
  }
  const double kW = powerW / 1000.0;
  return c.toString(kW, 'f', std::fabs(kW) < 100.0 ? 1 : 0) + QStringLiteral(" kW");
}

}  // namespace dc
