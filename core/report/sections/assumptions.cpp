// SPDX-License-Identifier: GPL-3.0-or-later
#include "sections.h"

namespace dc::report {

Section assumptionsSection(const ReportInput& input) {
  Q_UNUSED(input);
  Section section;
  section.id = QStringLiteral("assumptions");
  section.title = QStringLiteral("Design assumptions and sources");
  return section;
}

}  // namespace dc::report
