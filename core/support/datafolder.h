// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// Where a folder of shipped data (`catalog`, `templates`) is: the environment variable
/// `envVar` when set, else `../share/dcstudio/<name>` beside the installed binary, else the
/// source tree's `<name>/` (a build that was not installed).
QString shippedDataFolder(const char* envVar, const QString& name);

}  // namespace dc
