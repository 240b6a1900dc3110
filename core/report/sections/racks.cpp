// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

namespace dc::report {

// The rack schedule: where every rack stands and what it holds (CSV "racks").
Section rackScheduleSection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  Section section;
  section.id = QStringLiteral("racks");
  section.title = QStringLiteral("Rack schedule");
  const QHash<HallId, QString> halls = hallNames(input.project);
  const QList<const Rack*> racks = racksInScheduleOrder(input.project);
  const QString kW = columnUnit(
      largestOf(input.analysis.power.racks, [](const RackPower& p) { return p.maxPowerW.value; }),
      Quantity::PowerW);
  Table table;
  table.id = QStringLiteral("racks");
  table.caption = QStringLiteral("Racks and rack-scale systems");
  table.columns = {textColumn(QStringLiteral("Rack"), 0.6),
                   textColumn(QStringLiteral("Hall"), 0.7),
                   textColumn(QStringLiteral("Type"), 2.2),
                   numberColumn(QStringLiteral("x"), QStringLiteral("m"), 0.55),
                   numberColumn(QStringLiteral("y"), QStringLiteral("m"), 0.55),
                   numberColumn(QStringLiteral("Rotation"), QStringLiteral("°"), 0.55),
                   numberColumn(QStringLiteral("U used"), QString(), 0.5),
                   numberColumn(QStringLiteral("U"), QString(), 0.4),
                   numberColumn(QStringLiteral("GPUs"), QString(), 0.45),
                   numberColumn(QStringLiteral("Max"), kW, 0.55),
                   numberColumn(QStringLiteral("Typical"), kW, 0.6),
                   numberColumn(QStringLiteral("Weight"), QStringLiteral("kg"), 0.6),
                   textColumn(QStringLiteral("Cooling"), 1.4)};
  for (const Rack* rack : racks) {
    const CatalogItem* type = input.catalog.find(rack->rackTypeId());
    const auto power = input.analysis.power.racks.constFind(rack->id());
    const bool known = power != input.analysis.power.racks.cend();
    const auto metres = [&](std::int64_t mm) {
      return cells.number(double(mm), Quantity::LengthMm, QStringLiteral("m"));
    };
    table.rows.append(
        {CellWriter::text(rack->name()), CellWriter::text(halls.value(rack->hallId())),
         CellWriter::text(type != nullptr ? type->model : rack->rackTypeId(),
                          type != nullptr ? Tone::Normal : Tone::Error),
         metres(rack->positionMm().xMm), metres(rack->positionMm().yMm),
         cells.count(rack->rotationDeg()), known ? cells.count(power->usedU) : CellWriter::none(),
         known && power->usableU > 0 ? cells.count(power->usableU) : CellWriter::none(),
         known ? cells.count(power->acceleratorCount) : CellWriter::none(),
         known ? cells.number(power->maxPowerW.value, Quantity::PowerW, kW, Tone::Normal,
                              power->maxPowerW.effectiveConfidence())
               : CellWriter::none(),
         known ? cells.number(power->typicalPowerW.value, Quantity::PowerW, kW, Tone::Normal,
                              power->typicalPowerW.effectiveConfidence())
               : CellWriter::none(),
         known && power->weightKg > 0.0
             ? cells.number(power->weightKg, Quantity::MassKg, QStringLiteral("kg"),
                            power->weightMissingCount > 0 ? Tone::Muted : Tone::Normal)
             : CellWriter::none(),
         CellWriter::text(coolingModeName(rack->coolingMode()))});
  }
  table.notes.append(QStringLiteral(
      "x, y: centre of the footprint from the hall origin. Rotation 0: front facing −y (up the "
      "plan). Max: Σ catalog max power; Typical: Σ typical power, max where none is published. "
      "Weight in grey: a device or the rack publishes no weight and is not counted."));
  section.blocks.append(table);
  return section;
}

}  // namespace dc::report
