// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/finding.h"
#include "model/project.h"
#include "report/reportbuilder.h"

#include <QMap>

namespace dc::report {

// One builder per section, each in its own file; reportbuilder.cpp lists them in order.
Section coverSection(const ReportInput& input);
Section summarySection(const ReportInput& input);
Section floorPlanSection(const ReportInput& input);
Section elevationsSection(const ReportInput& input);
Section rackScheduleSection(const ReportInput& input);
Section powerDiagramSection(const ReportInput& input);
Section powerScheduleSection(const ReportInput& input);
Section coolingDiagramSection(const ReportInput& input);
Section coolingScheduleSection(const ReportInput& input);
Section fabricDiagramSection(const ReportInput& input);  // fabric.cpp, with fabricSection
Section fabricSection(const ReportInput& input);
Section workloadSection(const ReportInput& input);  // workload.cpp: pools, fits, checks
Section bomSection(const ReportInput& input);
Section readinessSection(const ReportInput& input);
Section findingsSection(const ReportInput& input);
/// The findings table of findingsSection() (severity, code, where, finding) for any of them in
/// the order given: the workload section lists its pools' and each workload's with it.
Table findingsTable(const QList<const Finding*>& findings, const Project& project,
                    const QString& id, const QString& caption);
Section assumptionsSection(const ReportInput& input);

/// Catalog id -> count of everything the design places: rack types, mounts, rear doors, floor
/// cooling units and distribution equipment with a catalog id. The BOM's counts.
QMap<QString, int> billOfMaterialsCounts(const Project& project);

}  // namespace dc::report
