// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's file handling: new, open, save, save as, recent files and the window title.
#include "edit/legacycooling.h"
#include "edit/templateimport.h"
#include "mainwindow.h"
#include "settings.h"
#include "storage/projectfile.h"
#include "storage/schema.h"
#include "templates/templateloader.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>

namespace dc {

namespace {
const char kFileFilter[] = "DC Studio projects (*.dcstudio);;All files (*)";
}  // namespace

void MainWindow::updateTitle() {
  const QString name = mFilePath.isEmpty() ? tr("Untitled") : QFileInfo(mFilePath).fileName();
  const QString note = mUpgradeNote.isEmpty() ? QString() : tr(" (schema upgrade on save)");
  setWindowTitle(
      QStringLiteral("%1[*]%2 — %3 — DC Studio").arg(name, note, mDocument->project().name()));
  setWindowModified(!mDocument->undoStack().isClean());
}

void MainWindow::updateRecentMenu() {
  mRecentMenu->clear();
  for (const QString& path : Settings::recentFiles()) {
    mRecentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] {
      if (maybeSave()) {
        openFile(path);
      }
    });
  }
  mRecentMenu->setEnabled(!mRecentMenu->isEmpty());
}

bool MainWindow::openFile(const QString& path) {
  try {
    int fileVersion = kSchemaVersion;
    Project project = loadProject(path, &fileVersion);
    // Before schema 3, floor cooling units were stored as racks: they become cooling units now
    // (the file itself is untouched until the user saves).
    const int adopted = fileVersion < 3 ? adoptFloorCoolingRacks(project, mCatalog.catalog) : 0;
    setDocument(std::move(project), path);
    Settings::addRecentFile(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    if (fileVersion < kSchemaVersion) {
      mUpgradeNote = tr("This file was saved with schema v%1; it will be upgraded to v%2 when "
                        "you save")
                         .arg(fileVersion)
                         .arg(kSchemaVersion);
      if (adopted > 0) {
        mUpgradeNote += tr(" (%n floor cooling unit(s) stored as racks become cooling units)",
                           nullptr, adopted);
      }
      updateTitle();
      statusBar()->showMessage(mUpgradeNote, 30000);
    } else {
      statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
    return true;
  } catch (const StorageError& error) {
    QMessageBox::critical(this, tr("Cannot open project"), QString::fromUtf8(error.what()));
    return false;
  }
}

bool MainWindow::openTemplate(const QString& path) {
  try {
    setDocument(loadTemplateAgainst(path, mCatalog.catalog), QString());
    statusBar()->showMessage(
        tr("New project from template %1").arg(QFileInfo(path).completeBaseName()), 5000);
    return true;
  } catch (const TemplateError& error) {
    QMessageBox::critical(this, tr("Cannot read template"), QString::fromUtf8(error.what()));
    return false;
  }
}

bool MainWindow::saveTo(const QString& path) {
  try {
    saveProject(mDocument->project(), path);
  } catch (const StorageError& error) {
    QMessageBox::critical(
        this, tr("Cannot save project"),
        QString::fromUtf8(error.what()) + tr("\n\nThe previous file, if any, is unchanged."));
    return false;
  }
  mFilePath = path;
  mUpgradeNote.clear();
  mDocument->undoStack().setClean();
  Settings::addRecentFile(QFileInfo(path).absoluteFilePath());
  updateRecentMenu();
  updateTitle();
  statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
  return true;
}

bool MainWindow::maybeSave() {
  if (mDocument->undoStack().isClean()) {
    return true;
  }
  const auto answer = QMessageBox::warning(
      this, tr("Unsaved changes"), tr("The project has unsaved changes. Save them first?"),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) {
    return save();
  }
  return answer == QMessageBox::Discard;
}

void MainWindow::newProject() {
  if (maybeSave()) {
    setDocument(Project(), QString());
  }
}

void MainWindow::open() {
  if (!maybeSave()) {
    return;
  }
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Open project"), QString(), tr(kFileFilter));
  if (!path.isEmpty()) {
    openFile(path);
  }
}

bool MainWindow::save() {
  return mFilePath.isEmpty() ? saveAs() : saveTo(mFilePath);
}

bool MainWindow::saveAs() {
  // A new project is offered under its own name in the user's documents, never the working dir.
  QString suggested = mFilePath;
  if (suggested.isEmpty()) {
    QString name = mDocument->project().name();
    name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral(" "));
    name = name.simplified();
    suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath((name.isEmpty() ? tr("Untitled") : name) + QStringLiteral(".dcstudio"));
  }
  QString path =
      QFileDialog::getSaveFileName(this, tr("Save project as"), suggested, tr(kFileFilter));
  if (path.isEmpty()) {
    return false;
  }
  if (QFileInfo(path).suffix().isEmpty()) {
    path += QStringLiteral(".dcstudio");
  }
  return saveTo(path);
}

}  // namespace dc
