// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "sections.h"

namespace dc::report {

Section coolingDiagramSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("cooling-diagram");
  section.title = QStringLiteral("Cooling loops");
  section.page = PageFormat::A3Landscape;
  for (const Hall& hall : input.project.halls()) {
    section.blocks.append(Drawing{DrawingKind::CoolingSchematic, hall.id(),
                                  QStringLiteral("%1: cooling-loop schematic").arg(hall.name()), 0,
                                  1});
  }
  return section;
}

}  // namespace dc::report
