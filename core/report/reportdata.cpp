// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportdata.h"

#include "reportbuilder.h"

#include <utility>

namespace dc::report {

ReportData makeReportData(Project project, Catalog catalog, Analysis analysis, ReportMeta meta,
                          const QLocale& locale) {
  ReportData data{std::move(project), std::move(catalog), std::move(analysis), {}, locale};
  data.document =
      buildReport(ReportInput{data.project, data.catalog, data.analysis, std::move(meta), locale});
  return data;
}

}  // namespace dc::report
