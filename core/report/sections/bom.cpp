// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"
#include "model/project.h"
#include "report/tablecells.h"
#include "sections.h"

#include <QMap>

#include <algorithm>

namespace dc::report {

namespace {

/// Schedule order of catalog kinds: racks first, then what goes in them, then the floor.
int kindOrder(ItemKind kind) {
  switch (kind) {
    case ItemKind::Rack:
      return 0;
    case ItemKind::RackScaleSystem:
      return 1;
    case ItemKind::Server:
      return 2;
    case ItemKind::Storage:
      return 3;
    case ItemKind::Switch:
      return 4;
    case ItemKind::Appliance:
      return 5;
    default:
      break;
  }
  return 6;
}

}  // namespace

QMap<QString, int> billOfMaterialsCounts(const Project& project) {
  QMap<QString, int> counts;
  for (const Rack& rack : project.racks()) {
    counts[rack.rackTypeId()] += 1;
    if (!rack.rearDoorId().isEmpty()) {
      counts[rack.rearDoorId()] += 1;
    }
    for (const Mount& mount : rack.mounts()) {
      counts[mount.catalogId] += 1;
    }
  }
  for (const CoolingUnit& unit : project.coolingUnits()) {
    counts[unit.catalogId] += 1;
  }
  for (const PowerNode& node : project.powerNodes()) {
    if (!node.catalogId.isEmpty()) {
      counts[node.catalogId] += 1;
    }
  }
  return counts;
}

// The bill of materials: every catalog item the design places, with its count, power and the
// document its figures come from (CSV "bom").
Section bomSection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  Section section;
  section.id = QStringLiteral("bom");
  section.title = QStringLiteral("Bill of materials");
  const QMap<QString, int> counts = billOfMaterialsCounts(input.project);

  struct Line {
    QString id;
    const CatalogItem* item;
    int count;
  };
  QList<Line> lines;
  double largestW = 0.0;
  for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
    const CatalogItem* item = input.catalog.find(it.key());
    lines.append({it.key(), item, it.value()});
    if (item != nullptr) {
      largestW = std::max(largestW, item->figureValue(QStringLiteral("maxPowerW")) * it.value());
    }
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    const int ka = a.item != nullptr ? kindOrder(a.item->kind) : 7;
    const int kb = b.item != nullptr ? kindOrder(b.item->kind) : 7;
    if (ka != kb) {
      return ka < kb;
    }
    const QString va = a.item != nullptr ? a.item->vendor : QString();
    const QString vb = b.item != nullptr ? b.item->vendor : QString();
    return va != vb ? va < vb : a.id < b.id;
  });
  const QString kW = columnUnit(largestW, Quantity::PowerW);
  Table table;
  table.id = QStringLiteral("bom");
  table.caption = QStringLiteral("Catalog items placed in the design");
  table.columns = {textColumn(QStringLiteral("Item"), 1.3),
                   textColumn(QStringLiteral("Vendor"), 0.7),
                   textColumn(QStringLiteral("Kind"), 0.75),
                   textColumn(QStringLiteral("Catalog id"), 1.2),
                   numberColumn(QStringLiteral("Count"), QString(), 0.45),
                   numberColumn(QStringLiteral("Unit max"), kW, 0.6),
                   numberColumn(QStringLiteral("Total max"), kW, 0.6),
                   textColumn(QStringLiteral("Source"), 1.6),
                   textColumn(QStringLiteral("Confidence"), 0.65)};
  for (const Line& line : lines) {
    if (line.item == nullptr) {
      table.rows.append({CellWriter::text(line.id, Tone::Error), CellWriter::none(),
                         CellWriter::none(), CellWriter::text(line.id), cells.count(line.count),
                         CellWriter::none(), CellWriter::none(),
                         CellWriter::text(QStringLiteral("not in the catalog"), Tone::Error),
                         CellWriter::none()});
      continue;
    }
    const CatalogItem& item = *line.item;
    const SpecValue* power = item.maxPowerW();
    const Source& source = power != nullptr ? power->source : item.source;
    const Confidence confidence = power != nullptr ? power->confidence : item.confidence;
    const bool itLoad = item.kind != ItemKind::Rack && power != nullptr;
    table.rows.append(
        {CellWriter::text(item.model), CellWriter::text(item.vendor),
         CellWriter::text(itemKindName(item.kind)), CellWriter::text(item.id),
         cells.count(line.count),
         itLoad ? cells.number(power->value, Quantity::PowerW, kW, Tone::Normal, confidence)
                : CellWriter::none(),
         itLoad ? cells.number(power->value * line.count, Quantity::PowerW, kW, Tone::Normal,
                               confidence)
                : CellWriter::none(),
         // On paper the title (its address is in "Catalog sources used by this design"); the
         // CSV has both.
         Cell{source.title,
              source.url.isEmpty() ? source.title
                                   : QStringLiteral("%1, %2").arg(source.title, source.url),
              Tone::Normal, false},
         CellWriter::text(confidenceKey(confidence),
                          confidence == Confidence::Estimate ? Tone::Warning : Tone::Normal)});
  }
  table.notes.append(QStringLiteral(
      "Count: racks by rack type, devices by mount, rear doors by rack, floor cooling units and "
      "distribution equipment as placed. Unit max: the catalog's max power (for cooling units, "
      "their input power where published); the source and confidence are those of that figure."));
  section.blocks.append(table);
  return section;
}

}  // namespace dc::report
