// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportmodel.h"

#include <QLocale>

namespace dc {
class Catalog;
class Project;
struct Analysis;
}  // namespace dc

namespace dc::report {

/// What the report is made from: the design, its catalog, the analysis of it, the cover data
/// and the locale figures are written in.
struct ReportInput {
  const Project& project;
  const Catalog& catalog;
  const Analysis& analysis;
  ReportMeta meta;
  QLocale locale;
};

/// A capability's section of the report.
using SectionBuilder = Section (*)(const ReportInput& input);

/// The sections in report order: cover, summary, floor plans, elevations, rack schedule, power
/// (single-line diagram, schedule), cooling (schematic, schedule), bill of materials, facility
/// readiness, findings, assumptions and sources. A capability
/// (fabric, workload fit) adds its builder here and its own file in sections/.
const QList<SectionBuilder>& reportSectionBuilders();

/// The whole report content, which the PDF writer and the CSV export both read.
ReportDocument buildReport(const ReportInput& input);

}  // namespace dc::report
