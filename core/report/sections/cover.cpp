// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/project.h"
#include "report/tablecells.h"
#include "sections.h"

namespace dc::report {

// The cover: what the document is, for which project, which revision, by whom and when. The
// PDF writer gives the section its own layout (id "cover").
Section coverSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("cover");
  section.title = input.meta.title;
  const ReportMeta& meta = input.meta;
  section.blocks.append(Paragraph{meta.projectName, Paragraph::Style::Lead, Tone::Normal});
  if (!input.project.description().isEmpty()) {
    section.blocks.append(
        Paragraph{input.project.description(), Paragraph::Style::Body, Tone::Normal});
  }
  Table table;
  table.id = QStringLiteral("cover");
  table.columns = {textColumn(QStringLiteral("Item"), 0.35), textColumn(QStringLiteral("Value"))};
  const auto row = [&](const QString& label, const QString& value) {
    table.rows.append(
        {CellWriter::text(label), value.isEmpty() ? CellWriter::none() : CellWriter::text(value)});
  };
  row(QStringLiteral("Project"), meta.projectName);
  row(QStringLiteral("Revision"), meta.revision);
  row(QStringLiteral("Date"), meta.date);
  row(QStringLiteral("Author"), meta.author);
  row(QStringLiteral("Project file"), meta.fileName);
  row(QStringLiteral("Prepared with"), meta.generator);
  section.blocks.append(table);
  section.blocks.append(Paragraph{
      QStringLiteral("Every figure in this report is computed from the design and the catalog by "
                     "the formulas named beside it; every catalog figure cites its public source "
                     "(section \"Design assumptions and sources\"). Figures are written with "
                     "three significant digits, two where an input is an engineering estimate."),
      Paragraph::Style::Note, Tone::Muted});
  return section;
}

}  // namespace dc::report
