// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfreport.h"

// Placeholder until the PDF writer lands.
namespace dc::report {

ChartPictures renderCharts(const ReportDocument& document, const QLocale& locale) {
  Q_UNUSED(document);
  Q_UNUSED(locale);
  return {};
}

PdfOutcome writeReportPdf(const ReportData& data, const ChartPictures& charts, QIODevice& device,
                          const PdfProgress& progress, QString* error) {
  Q_UNUSED(data);
  Q_UNUSED(charts);
  Q_UNUSED(device);
  Q_UNUSED(progress);
  if (error != nullptr) {
    *error = QStringLiteral("not written yet");
  }
  return PdfOutcome::Failed;
}

PdfOutcome exportReportPdf(const QString& path, bool overwrite, const ReportData& data,
                           const ChartPictures& charts, const PdfProgress& progress,
                           QString* error) {
  Q_UNUSED(path);
  Q_UNUSED(overwrite);
  return writeReportPdf(data, charts, *static_cast<QIODevice*>(nullptr), progress, error);
}

}  // namespace dc::report
