// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section readinessSection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("readiness");
  section.title = QStringLiteral("Facility readiness");
  return section;
}

}  // namespace dc::report
