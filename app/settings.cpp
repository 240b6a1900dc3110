// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "catalog/catalogloader.h"

#include <QSettings>

namespace dc {

namespace {
QVariant read(const QString& key, const QVariant& fallback = {}) {
  return QSettings(QStringLiteral("DC Studio"), QStringLiteral("dcstudio")).value(key, fallback);
}

void write(const QString& key, const QVariant& value) {
  QSettings(QStringLiteral("DC Studio"), QStringLiteral("dcstudio")).setValue(key, value);
}
}  // namespace

QStringList Settings::recentFiles() {
  return read(QStringLiteral("recentFiles")).toStringList();
}

void Settings::addRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecentFiles) {
    files.removeLast();
  }
  write(QStringLiteral("recentFiles"), files);
}

void Settings::removeRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  write(QStringLiteral("recentFiles"), files);
}

QStringList Settings::userCatalogFolders() {
  return read(QStringLiteral("userCatalogFolders")).toStringList();
}

QStringList Settings::catalogFolderChain() {
  return QStringList{shippedCatalogFolder()} + userCatalogFolders();
}

void Settings::setUserCatalogFolders(const QStringList& folders) {
  write(QStringLiteral("userCatalogFolders"), folders);
}

QString Settings::defaultRackTypeId() {
  return read(QStringLiteral("defaultRackTypeId"), QStringLiteral("apc/ar3300")).toString();
}

void Settings::setDefaultRackTypeId(const QString& id) {
  write(QStringLiteral("defaultRackTypeId"), id);
}

}  // namespace dc
