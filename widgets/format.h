// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// "40.8 kW" from watts, with one decimal below 100 kW and none above; "1.23 MW" from 1 MW up.
QString formatPowerW(double powerW);

}  // namespace dc
