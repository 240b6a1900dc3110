// SPDX-License-Identifier: GPL-3.0-or-later
#include "datafolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace dc {

QString shippedDataFolder(const char* envVar, const QString& name) {
  const QString fromEnv = qEnvironmentVariable(envVar);
  if (!fromEnv.isEmpty()) {
    return fromEnv;
  }
  const QString installed =
      QCoreApplication::applicationDirPath() + QStringLiteral("/../share/dcstudio/") + name;
  if (QFileInfo::exists(installed)) {
    return QDir::cleanPath(installed);
  }
  return QStringLiteral(DC_SOURCE_DATA_DIR "/") + name;
}

}  // namespace dc
