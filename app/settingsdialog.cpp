// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace dc {

SettingsDialog::SettingsDialog(const Catalog& catalog, QWidget* parent)
    : QDialog(parent), mFolders(new QListWidget), mRackType(new QComboBox) {
  setWindowTitle(tr("Settings"));
  setObjectName(QStringLiteral("settingsDialog"));
  mFolders->setObjectName(QStringLiteral("catalogFolders"));
  mRackType->setObjectName(QStringLiteral("defaultRackType"));
  for (const CatalogItem& item : catalog.items()) {
    if (item.kind == ItemKind::Rack && item.widthMm() && item.depthMm()) {
      mRackType->addItem(QStringLiteral("%1 %2 (%3U, %4 × %5 mm)")
                             .arg(item.vendor, item.model)
                             .arg(item.usableU)
                             .arg(item.widthMm()->value)
                             .arg(item.depthMm()->value),
                         item.id);
    }
  }

  auto* add = new QPushButton(tr("Add folder…"));
  auto* remove = new QPushButton(tr("Remove"));
  connect(add, &QPushButton::clicked, this, &SettingsDialog::addFolder);
  connect(remove, &QPushButton::clicked, this, &SettingsDialog::removeFolder);
  auto* folderButtons = new QVBoxLayout;
  folderButtons->addWidget(add);
  folderButtons->addWidget(remove);
  folderButtons->addStretch(1);
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(mFolders, 1);
  folderRow->addLayout(folderButtons);

  auto* help = new QLabel(
      tr("User catalog folders are read after the shipped catalog, in this order. Their JSON files "
         "(format: docs/catalog.md) add items, and an item with an existing id replaces it. "
         "Problems are listed, never fatal: a broken entry is left out and the rest loads."));
  help->setWordWrap(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* form = new QFormLayout;
  form->addRow(tr("Rack for devices dropped on empty floor"), mRackType);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("<b>User catalog folders</b>")));
  layout->addWidget(help);
  layout->addLayout(folderRow, 1);
  layout->addLayout(form);
  layout->addWidget(buttons);
  resize(640, 380);
}

QStringList SettingsDialog::catalogFolders() const {
  QStringList folders;
  for (int i = 0; i < mFolders->count(); ++i) {
    folders.append(mFolders->item(i)->text());
  }
  return folders;
}

void SettingsDialog::setCatalogFolders(const QStringList& folders) {
  mFolders->clear();
  mFolders->addItems(folders);
}

QString SettingsDialog::defaultRackTypeId() const {
  return mRackType->currentData().toString();
}

void SettingsDialog::setDefaultRackTypeId(const QString& id) {
  const int index = mRackType->findData(id);
  if (index >= 0) {
    mRackType->setCurrentIndex(index);
  }
}

void SettingsDialog::addFolder() {
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Add catalog folder"));
  if (!folder.isEmpty() && !catalogFolders().contains(folder)) {
    mFolders->addItem(QDir::cleanPath(folder));
  }
}

void SettingsDialog::removeFolder() {
  delete mFolders->currentItem();
}

}  // namespace dc
