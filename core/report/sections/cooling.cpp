// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "sections.h"

namespace dc::report {

Section coolingSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("cooling");
  section.title = QStringLiteral("Cooling");
  section.page = PageFormat::A3Landscape;
  for (const Hall& hall : input.project.halls()) {
    section.blocks.append(Drawing{DrawingKind::CoolingSchematic, hall.id(),
                                  QStringLiteral("%1: cooling-loop schematic").arg(hall.name()), 0,
                                  1});
  }
  return section;
}

}  // namespace dc::report
