// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "sections.h"

namespace dc::report {

// The cover: the PDF writer lays it out from the report's meta (project, revision, date,
// author, file, generator), with the contents and the approvals; the section adds how to read
// the figures.
Section coverSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("cover");
  section.title = input.meta.title;
  section.blocks.append(Paragraph{
      QStringLiteral("Every figure in this report is computed from the design and the catalog by "
                     "the formulas named beside it; every catalog figure cites its public source "
                     "(section \"Design assumptions and sources\"). Figures are written with "
                     "three significant digits, two where an input is an engineering estimate."),
      Paragraph::Style::Note, Tone::Muted});
  return section;
}

}  // namespace dc::report
