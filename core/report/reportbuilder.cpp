// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportbuilder.h"

#include "sections/sections.h"

namespace dc::report {

const QList<SectionBuilder>& reportSectionBuilders() {
  static const QList<SectionBuilder> builders{
      coverSection,         summarySection,        floorPlanSection,
      elevationsSection,    rackScheduleSection,   powerDiagramSection,
      powerScheduleSection, coolingDiagramSection, coolingScheduleSection,
      fabricDiagramSection, fabricSection,         workloadSection,
      bomSection,           readinessSection,      findingsSection,
      assumptionsSection,
  };
  return builders;
}

ReportDocument buildReport(const ReportInput& input) {
  ReportDocument document{input.meta, {}};
  for (SectionBuilder build : reportSectionBuilders()) {
    document.sections.append(build(input));
  }
  return document;
}

}  // namespace dc::report
