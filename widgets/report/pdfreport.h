// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportdata.h"

#include <QHash>
#include <QPicture>
#include <QString>

#include <functional>

class QIODevice;

namespace dc::report {

/// Every chart of the report drawn with Qt Charts, recorded as vector pictures by chart id.
/// Qt Charts are widgets: call this on the GUI thread (the CLI runs a QApplication on the
/// offscreen platform); the pictures then play back on any thread.
using ChartPictures = QHash<QString, QPicture>;
ChartPictures renderCharts(const ReportDocument& document, const QLocale& locale = QLocale());

/// Called after each sheet with sheets done and the total, on the thread that writes; return
/// false to cancel.
using PdfProgress = std::function<bool(int done, int total)>;

enum class PdfOutcome { Written, Cancelled, Failed };

/// Writes the report as a vector PDF (A4 portrait schedules, A3 landscape plans and diagrams,
/// header, footer and "page n of m" on every sheet, tables broken across pages with their
/// header repeated) to `device`, open for writing. Needs no widgets: safe on a worker thread.
///
/// How the document is printed: a section with id "cover" is the cover sheet (title, project
/// data, contents with the sheet each section starts on, approval boxes), its own blocks under
/// the contents; every other section is numbered, and a section without blocks prints nothing.
/// A4 sections open with their numbered heading; A3 sheets have a drawing frame and a title
/// block (the sheet's first drawing caption as title) instead. A Drawing takes the rest of its
/// sheet (a fresh sheet when less than 60 % of one is left); a chart is a box of 180 × 90 mm
/// at most; a paragraph or table longer than its sheet continues on the next. A chart missing
/// from `charts` prints as an empty, labelled box.
PdfOutcome writeReportPdf(const ReportData& data, const ChartPictures& charts, QIODevice& device,
                          const PdfProgress& progress = {}, QString* error = nullptr);

/// writeReportPdf() into `path` through a QSaveFile: written completely or not at all (a
/// cancelled or failed export leaves no file, an existing one untouched). Refuses an existing
/// file unless `overwrite`, and a folder that does not exist or cannot be written
/// (outputPathProblem()), with `error` naming the problem.
PdfOutcome exportReportPdf(const QString& path, bool overwrite, const ReportData& data,
                           const ChartPictures& charts, const PdfProgress& progress = {},
                           QString* error = nullptr);

}  // namespace dc::report
