// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"

#include <QDialog>

class QComboBox;
class QListWidget;

namespace dc {

/// Preferences: the user catalog folders (read after the shipped catalog; their items extend
/// or override it) and the rack type used when a device is dropped on empty floor.
class SettingsDialog final : public QDialog {
  Q_OBJECT

 public:
  SettingsDialog(const Catalog& catalog, QWidget* parent = nullptr);

  QStringList catalogFolders() const;
  QString defaultRackTypeId() const;
  void setCatalogFolders(const QStringList& folders);
  void setDefaultRackTypeId(const QString& id);

 private:
  void addFolder();
  void removeFolder();

  QListWidget* mFolders;
  QComboBox* mRackType;
};

}  // namespace dc
