// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialogs.h"

#include "exportjob.h"
#include "report/csvexport.h"
#include "report/outputfile.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>

namespace dc {

namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("ExportDialogs", text);
}

/// A quick export never flashes a dialog; a long one shows its progress.
constexpr int kProgressDelayMs = 400;

}  // namespace

QString csvScheduleTitle(const QString& kind) {
  if (kind == QLatin1String("bom")) {
    return tr("Bill of materials");
  }
  if (kind == QLatin1String("racks")) {
    return tr("Rack schedule");
  }
  if (kind == QLatin1String("power")) {
    return tr("Power schedule");
  }
  if (kind == QLatin1String("cooling")) {
    return tr("Cooling schedule");
  }
  if (kind == QLatin1String("cables")) {
    return tr("Cable schedule");
  }
  return kind;
}

QString askExportPath(QWidget* parent, const QString& title, const QString& suggested,
                      const QString& filter, const QString& suffix) {
  QString path = QFileDialog::getSaveFileName(parent, title, suggested, filter);
  if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
    path += QLatin1Char('.') + suffix;
  }
  return path;
}

report::PdfOutcome runPdfExportWithProgress(QWidget* parent, PdfExportJob& job) {
  QProgressDialog progress(
      tr("Writing the design report to %1…").arg(QFileInfo(job.path()).fileName()), tr("Cancel"), 0,
      0, parent);
  progress.setObjectName(QStringLiteral("pdfExportProgress"));
  progress.setWindowTitle(tr("Export PDF"));
  progress.setWindowModality(Qt::WindowModal);
  progress.setMinimumDuration(kProgressDelayMs);
  progress.setAutoReset(false);
  progress.setAutoClose(false);
  // Progress comes from the worker thread: queued to the dialog on the GUI thread.
  QObject::connect(&job, &PdfExportJob::progressed, &progress, [&progress](int done, int total) {
    progress.setMaximum(total);
    progress.setValue(done);
  });
  QObject::connect(&progress, &QProgressDialog::canceled, &job, [&job, &progress] {
    job.cancel();
    progress.setLabelText(tr("Cancelling…"));
  });
  QEventLoop loop;
  QObject::connect(&job, &PdfExportJob::finished, &loop, &QEventLoop::quit);
  job.start();
  if (!job.isFinished()) {
    loop.exec();
  }
  progress.close();
  if (job.outcome() == report::PdfOutcome::Failed) {
    QMessageBox::critical(parent, tr("Cannot export the report"),
                          tr("The design report could not be written:\n\n%1\n\nNo file was "
                             "written; an existing file is unchanged.")
                              .arg(job.error()));
  }
  return job.outcome();
}

bool writeCsvSchedule(const report::ReportDocument& document, const QString& kind,
                      const QString& path, QString* error) {
  bool found = false;
  const QByteArray csv = report::scheduleCsv(document, kind, &found);
  if (!found) {
    if (error != nullptr) {
      *error = tr("This design's report has no '%1' schedule.").arg(kind);
    }
    return false;
  }
  return report::writeFileAtomically(path, csv, true, error);
}

bool writeCsvSchedule(const report::ReportData& data, const QString& kind, const QString& path,
                      QString* error) {
  bool found = false;
  const QByteArray csv = report::scheduleCsv(data, kind, &found);
  if (!found) {
    if (error != nullptr) {
      *error = tr("This design's report has no '%1' schedule.").arg(kind);
    }
    return false;
  }
  return report::writeFileAtomically(path, csv, true, error);
}

}  // namespace dc
