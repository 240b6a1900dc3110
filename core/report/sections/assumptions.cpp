// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "model/project.h"
#include "report/tablecells.h"
#include "sections.h"

#include <QMap>
#include <QSet>

namespace dc::report {

namespace {

QString assumptionValue(const AssumptionSpec& spec, const DesignAssumptions& assumptions,
                        const QLocale& locale) {
  if (!spec.choices.isEmpty()) {
    const int index = spec.choices.indexOf(assumptions.choice(spec.key));
    return spec.choiceNames.value(index, assumptions.choice(spec.key));
  }
  const double value = assumptions.value(spec.key);
  // Power in W is written scaled; other units as the assumption names them.
  if (spec.unit == QLatin1String("W")) {
    return formatQuantity(value, Quantity::PowerW, NumberStyle{locale, 3});
  }
  const QString number = locale.toString(value, 'g', 6);
  return spec.unit.isEmpty() ? number : QStringLiteral("%1 %2").arg(number, spec.unit);
}

Table assumptionTable(const ReportInput& input) {
  const DesignAssumptions& assumptions = input.analysis.assumptions;
  Table table;
  table.id = QStringLiteral("assumptions");
  table.caption = QStringLiteral("Design assumptions");
  table.columns = {textColumn(QStringLiteral("Group"), 0.55),
                   textColumn(QStringLiteral("Assumption"), 1.3),
                   textColumn(QStringLiteral("Value"), 0.8),
                   textColumn(QStringLiteral("Source of the default"), 2.2)};
  for (const AssumptionSpec& spec : DesignAssumptions::specs()) {
    const bool changed = !assumptions.isDefault(spec.key);
    table.rows.append(
        {CellWriter::text(spec.group), CellWriter::text(spec.label),
         Cell{assumptionValue(spec, assumptions, input.locale),
              {},
              changed ? Tone::Warning : Tone::Normal,
              changed},
         CellWriter::text(
             changed ? QStringLiteral("set for this design (default from: %1)").arg(spec.source)
                     : spec.source)});
  }
  table.notes.append(QStringLiteral(
      "In bold: a value set for this design rather than the default. Keys of the sources are "
      "expanded in docs/engine.md."));
  return table;
}

/// Every public document behind a catalog figure the design uses, with the weakest confidence
/// of the figures taken from it.
Table sourceTable(const ReportInput& input) {
  const QMap<QString, int> counts = billOfMaterialsCounts(input.project);
  struct Use {
    Source source;
    QSet<QString> items;
    Confidence weakest = Confidence::Vendor;
  };
  QMap<QString, Use> uses;  // by title + URL: the same document cited from several files
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
    const CatalogItem* item = input.catalog.find(it.key());
    if (item == nullptr) {
      continue;
    }
    const auto add = [&](const Source& source, Confidence confidence) {
      if (source.title.isEmpty()) {
        return;
      }
      Use& use = uses[source.title + QLatin1Char('|') + source.url];
      if (use.items.isEmpty()) {
        use.source = source;
        use.weakest = confidence;
      }
      use.items.insert(item->id);
      use.weakest = std::max(use.weakest, confidence);
    };
    add(item->source, item->confidence);
    for (const SpecValue& figure : item->figures) {
      add(figure.source, figure.confidence);
    }
  }
  Table table;
  table.id = QStringLiteral("sources");
  table.caption = QStringLiteral("Catalog sources used by this design");
  table.columns = {textColumn(QStringLiteral("Document"), 1.7),
                   textColumn(QStringLiteral("Publisher"), 0.6),
                   textColumn(QStringLiteral("Address"), 1.9),
                   textColumn(QStringLiteral("Read"), 0.45),
                   numberColumn(QStringLiteral("Items"), QString(), 0.35),
                   textColumn(QStringLiteral("Confidence"), 0.6)};
  for (const Use& use : uses) {
    table.rows.append(
        {CellWriter::text(use.source.title), CellWriter::text(use.source.publisher),
         use.source.url.isEmpty() ? CellWriter::none() : CellWriter::text(use.source.url),
         CellWriter::text(use.source.accessed),
         Cell{QString::number(use.items.size()), {}, Tone::Normal, false},
         CellWriter::text(confidenceKey(use.weakest),
                          use.weakest == Confidence::Estimate ? Tone::Warning : Tone::Normal)});
  }
  table.notes.append(QStringLiteral(
      "Confidence: the weakest of the figures taken from the document. Vendor: read in the "
      "vendor's own document; secondary: a third-party transcription; derived: arithmetic on "
      "cited figures; estimate: no public figure, an engineering estimate whose basis is in the "
      "catalog note."));
  return table;
}

}  // namespace

Section assumptionsSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("assumptions");
  section.title = QStringLiteral("Design assumptions and sources");
  section.blocks.append(assumptionTable(input));
  section.blocks.append(sourceTable(input));
  return section;
}

}  // namespace dc::report
