// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportbuilder.h"

namespace dc::report {

// One builder per section, each in its own file; reportbuilder.cpp lists them in order.
Section coverSection(const ReportInput& input);
Section summarySection(const ReportInput& input);
Section floorPlanSection(const ReportInput& input);
Section elevationsSection(const ReportInput& input);
Section powerSection(const ReportInput& input);
Section coolingSection(const ReportInput& input);
Section bomSection(const ReportInput& input);
Section readinessSection(const ReportInput& input);
Section findingsSection(const ReportInput& input);
Section assumptionsSection(const ReportInput& input);

}  // namespace dc::report
