// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "sections.h"

namespace dc::report {

Section powerDiagramSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("power-diagram");
  section.title = QStringLiteral("Power distribution");
  section.page = PageFormat::A3Landscape;
  for (const Hall& hall : input.project.halls()) {
    section.blocks.append(Drawing{DrawingKind::PowerSingleLine, hall.id(),
                                  QStringLiteral("%1: single-line diagram").arg(hall.name()), 0,
                                  1});
  }
  return section;
}

}  // namespace dc::report
