// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section elevationsSection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("elevations");
  section.title = QStringLiteral("Rack elevations");
  section.page = PageFormat::A3Landscape;
  section.blocks.append(
      Drawing{DrawingKind::RackElevations, HallId(), QStringLiteral("Front elevations"), 0, 1});
  return section;
}

}  // namespace dc::report
