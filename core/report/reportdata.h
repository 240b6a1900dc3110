// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "model/project.h"
#include "reportmodel.h"

#include <QLocale>

namespace dc::report {

/// Everything a PDF export needs, owned (copies), so that it can be written on a worker
/// thread while the user goes on editing: the design, the catalog, its analysis and the
/// report content built from them.
struct ReportData {
  Project project;
  Catalog catalog;
  Analysis analysis;
  ReportDocument document;
  QLocale locale;
};

/// Analyses nothing: builds the report content of an analysed design (buildReport()).
ReportData makeReportData(Project project, Catalog catalog, Analysis analysis, ReportMeta meta,
                          const QLocale& locale = QLocale());

}  // namespace dc::report
