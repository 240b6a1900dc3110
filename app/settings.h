// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace dc {

/// The studio's persistent preferences (QSettings, organisation "DC Studio").
class Settings final {
 public:
  static QStringList recentFiles();
  /// Puts `path` first in the recent list (at most 8 entries, no duplicates).
  static void addRecentFile(const QString& path);
  static void removeRecentFile(const QString& path);

  /// Extra catalog folders whose JSON extends or overrides the shipped catalog.
  static QStringList userCatalogFolders();
  /// The shipped catalog folder followed by the user folders: what the studio loads.
  static QStringList catalogFolderChain();
  static void setUserCatalogFolders(const QStringList& folders);

  /// Rack type for devices dropped on empty floor.
  static QString defaultRackTypeId();
  static void setDefaultRackTypeId(const QString& id);

  static constexpr int kMaxRecentFiles = 8;
};

}  // namespace dc
