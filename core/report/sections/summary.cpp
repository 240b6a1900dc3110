// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section summarySection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("summary");
  section.title = QStringLiteral("Summary");
  return section;
}

}  // namespace dc::report
