// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section findingsSection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("findings");
  section.title = QStringLiteral("Findings");
  return section;
}

}  // namespace dc::report
