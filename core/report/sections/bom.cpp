// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section bomSection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("bom");
  section.title = QStringLiteral("Bill of materials");
  return section;
}

}  // namespace dc::report
