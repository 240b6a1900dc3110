// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's file handling: new, new from template, open, save, save as, export PDF and
// CSV, recent files and the window title.
#include "edit/legacycooling.h"
#include "edit/templateimport.h"
#include "exportdialogs.h"
#include "exportjob.h"
#include "mainwindow.h"
#include "newfromtemplatedialog.h"
#include "report/csvexport.h"
#include "report/reportdata.h"
#include "settings.h"
#include "storage/projectfile.h"
#include "storage/schema.h"
#include "templates/templateloader.h"

#include <QApplication>
#include <QDate>
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

bool MainWindow::openTemplate(const QString& path, const std::optional<HallSize>& size) {
  try {
    setDocument(loadTemplateAgainst(path, mCatalog.catalog, size), QString());
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

void MainWindow::newFromTemplate() {
  if (!maybeSave()) {
    return;
  }
  NewFromTemplateDialog dialog(mCatalog.catalog, this);
  if (dialog.exec() == QDialog::Accepted && !dialog.templatePath().isEmpty()) {
    openTemplate(dialog.templatePath(), dialog.hallSize());
  }
}

report::ReportData MainWindow::reportData() const {
  const Project& project = mDocument->project();
  report::ReportMeta meta;
  meta.projectName = project.name();
  meta.revision = project.revision();
  meta.author = project.author();
  meta.date = QDate::currentDate().toString(Qt::ISODate);
  meta.generator = QStringLiteral("DC Studio ") + QApplication::applicationVersion();
  meta.fileName = mFilePath.isEmpty() ? QString() : QFileInfo(mFilePath).fileName();
  // Copies: the export reads them on a worker while the document goes on changing.
  return report::makeReportData(project, mCatalog.catalog, mAnalysis, std::move(meta));
}

QString MainWindow::suggestedPath(const QString& suffix) const {
  if (!mFilePath.isEmpty()) {
    const QFileInfo file(mFilePath);
    return file.dir().filePath(file.completeBaseName() + suffix);
  }
  // A new project is offered under its own name in the user's documents, never the working dir.
  QString name = mDocument->project().name();
  name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]+")), QStringLiteral(" "));
  name = name.simplified();
  return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
      .filePath((name.isEmpty() ? tr("Untitled") : name) + suffix);
}

void MainWindow::exportPdf() {
  const QString path =
      askExportPath(this, tr("Export the design report"), suggestedPath(QStringLiteral(".pdf")),
                    tr("PDF documents (*.pdf)"), QStringLiteral("pdf"));
  if (path.isEmpty()) {
    return;
  }
  // The dialog asked before replacing a file: overwrite.
  PdfExportJob job(reportData(), path, true);
  switch (runPdfExportWithProgress(this, job)) {
    case report::PdfOutcome::Written:
      statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 8000);
      break;
    case report::PdfOutcome::Cancelled:
      statusBar()->showMessage(tr("Export cancelled: no file was written"), 8000);
      break;
    case report::PdfOutcome::Failed:
      break;  // said in a message box
  }
}

void MainWindow::exportCsv(const QString& kind) {
  const report::ReportData data = reportData();
  bool found = false;
  report::scheduleCsv(data, kind, &found);
  if (!found) {
    // Said before asking where to save: there is nothing to write.
    QMessageBox::information(this, tr("Export CSV"),
                             tr("This design's report has no '%1' schedule.").arg(kind));
    return;
  }
  const QString title = csvScheduleTitle(kind);
  const QString path =
      askExportPath(this, tr("Export the %1 as CSV").arg(title.toLower()),
                    suggestedPath(QLatin1Char(' ') + kind + QStringLiteral(".csv")),
                    tr("CSV files (*.csv)"), QStringLiteral("csv"));
  if (path.isEmpty()) {
    return;
  }
  QString error;
  if (!writeCsvSchedule(data, kind, path, &error)) {
    QMessageBox::critical(this, tr("Cannot export CSV"),
                          error + tr("\n\nNo file was written; an existing file is unchanged."));
    return;
  }
  statusBar()->showMessage(
      tr("Wrote the %1 to %2").arg(title.toLower(), QDir::toNativeSeparators(path)), 8000);
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
  const QString suggested =
      mFilePath.isEmpty() ? suggestedPath(QStringLiteral(".dcstudio")) : mFilePath;
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
