// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "sections.h"

namespace dc::report {

Section floorPlanSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("floor-plan");
  section.title = QStringLiteral("Floor plan");
  section.page = PageFormat::A3Landscape;
  for (const Hall& hall : input.project.halls()) {
    section.blocks.append(Drawing{DrawingKind::FloorPlanPower, hall.id(),
                                  QStringLiteral("%1: rack power").arg(hall.name()), 0, 1});
    section.blocks.append(PageBreak{});
    section.blocks.append(Drawing{DrawingKind::FloorPlanCooling, hall.id(),
                                  QStringLiteral("%1: cooling").arg(hall.name()), 0, 1});
  }
  return section;
}

}  // namespace dc::report
