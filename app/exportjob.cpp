// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportjob.h"

#include <QThread>

#include <utility>

namespace dc {

PdfExportJob::PdfExportJob(report::ReportData data, QString path, bool overwrite, QObject* parent)
    : QObject(parent), mData(std::move(data)), mPath(std::move(path)), mOverwrite(overwrite) {
}

PdfExportJob::~PdfExportJob() {
  if (mThread != nullptr) {
    cancel();
    mThread->wait();
  }
}

void PdfExportJob::start() {
  Q_ASSERT(mThread == nullptr);
  if (!mCancelled.load()) {
    mCharts = report::renderCharts(mData.document, mData.locale);
  }
  mThread = QThread::create([this] { write(); });
  mThread->setParent(this);
  // Emitted by the worker as it ends; queued to this object's thread, where the results are
  // read only after the worker wrote them.
  connect(mThread, &QThread::finished, this, [this] {
    mFinished = true;
    Q_EMIT finished();
  });
  mThread->start();
}

void PdfExportJob::write() {
  if (mCancelled.load()) {
    mOutcome = report::PdfOutcome::Cancelled;
    return;
  }
  const report::PdfProgress progress = [this](int done, int total) {
    Q_EMIT progressed(done, total);
    return !mCancelled.load();
  };
  QString error;
  mOutcome = report::exportReportPdf(mPath, mOverwrite, mData, mCharts, progress, &error);
  mError = error;
}

}  // namespace dc
