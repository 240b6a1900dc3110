// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/pdfreport.h"
#include "report/reportdata.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace dc {

/// One PDF export of the design report, written on a worker thread while the studio stays
/// responsive. It owns its ReportData (copies made on the GUI thread), so the user may go on
/// editing; start() draws the charts on the GUI thread (Qt Charts are widgets) and hands the
/// writing to the worker. cancel() stops it at the next sheet; a cancelled or failed export
/// leaves no file and an existing one untouched (exportReportPdf() writes through QSaveFile).
class PdfExportJob final : public QObject {
  Q_OBJECT

 public:
  PdfExportJob(report::ReportData data, QString path, bool overwrite, QObject* parent = nullptr);
  /// Cancels a running export and waits for the worker: the job never outlives its thread.
  ~PdfExportJob() override;

  /// Call once, on the GUI thread. finished() follows, also when cancelled before it began.
  void start();
  /// Asks the worker to stop after the sheet it is writing. Safe from any thread.
  void cancel() noexcept { mCancelled.store(true); }
  bool isCancelled() const noexcept { return mCancelled.load(); }
  bool isFinished() const noexcept { return mFinished; }

  const QString& path() const noexcept { return mPath; }
  /// Valid once finished() was emitted.
  report::PdfOutcome outcome() const noexcept { return mOutcome; }
  const QString& error() const noexcept { return mError; }

 Q_SIGNALS:
  /// After each sheet, from the worker thread: `done` of `total` sheets written.
  void progressed(int done, int total);
  /// On the job's thread once the worker is done.
  void finished();

 private:
  void write();  ///< the worker's part

  report::ReportData mData;
  report::ChartPictures mCharts;
  QString mPath;
  bool mOverwrite = false;
  std::atomic_bool mCancelled{false};
  QThread* mThread = nullptr;
  bool mFinished = false;
  report::PdfOutcome mOutcome = report::PdfOutcome::Failed;
  QString mError;
};

}  // namespace dc
