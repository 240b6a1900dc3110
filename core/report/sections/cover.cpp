// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section coverSection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("cover");
  section.title = QStringLiteral("Cover");
  return section;
}

}  // namespace dc::report
