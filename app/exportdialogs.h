// SPDX-License-Identifier: GPL-3.0-or-later
// The studio's side of File ▸ Export: where to save, the progress of a PDF export, and
// writing a CSV schedule.
#pragma once

#include "report/pdfreport.h"
#include "report/reportmodel.h"

#include <QString>

class QWidget;

namespace dc {

class PdfExportJob;

/// "Bill of materials", "Rack schedule", "Power schedule", "Cooling schedule": a CSV kind
/// (report::csvKinds()) as the File ▸ Export CSV menu names it.
QString csvScheduleTitle(const QString& kind);

/// Asks where to write an export, starting at `suggested`. The dialog itself asks before an
/// existing file is replaced, so the caller writes with overwrite = true. Adds `suffix`
/// ("pdf") when the name given has none. Empty when cancelled.
QString askExportPath(QWidget* parent, const QString& title, const QString& suggested,
                      const QString& filter, const QString& suffix);

/// Runs `job` behind a progress dialog whose Cancel stops it, and returns once it has finished.
/// A failed export is said in a message box naming the problem; a cancelled one quietly (the
/// caller says so in the status bar).
report::PdfOutcome runPdfExportWithProgress(QWidget* parent, PdfExportJob& job);

/// Writes schedule `kind` of `document` to `path` as CSV in one step, replacing the file.
/// False with `error` set when the report has no such schedule or the file cannot be written.
bool writeCsvSchedule(const report::ReportDocument& document, const QString& kind,
                      const QString& path, QString* error);
/// The same for every kind of report::csvKinds(), the fabric's "cables" included.
bool writeCsvSchedule(const report::ReportData& data, const QString& kind, const QString& path,
                      QString* error);

}  // namespace dc
