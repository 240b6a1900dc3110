// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"
#include "engine/analysis.h"
#include "engine/footprint.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace dc::report {

namespace {

struct Requirement {
  QString what;
  QString figure;
  QString basis;
  Tone tone = Tone::Normal;
};

Table requirementTable(const QString& id, const QString& caption,
                       const QList<Requirement>& requirements) {
  Table table;
  table.id = id;
  table.caption = caption;
  table.columns = {textColumn(QStringLiteral("The building provides"), 1.1),
                   textColumn(QStringLiteral("Figure"), 1.0),
                   textColumn(QStringLiteral("Basis"), 1.9)};
  for (const Requirement& r : requirements) {
    table.rows.append(
        {CellWriter::text(r.what), Cell{r.figure, {}, r.tone, true}, CellWriter::text(r.basis)});
  }
  return table;
}

QStringList feedsInUse(const Analysis& analysis) {
  QSet<PowerFeed> used;
  for (const RackPower& rack : analysis.power.racks) {
    for (const PduLoad& pdu : rack.pdus) {
      if (pdu.feed != PowerFeed::None) {
        used.insert(pdu.feed);
      }
    }
  }
  QStringList names;
  for (PowerFeed feed : {PowerFeed::A, PowerFeed::B, PowerFeed::C}) {
    if (used.contains(feed)) {
      names.append(powerFeedName(feed));
    }
  }
  return names;
}

QList<Requirement> powerRequirements(const ReportInput& input, const CellWriter& cells) {
  const Analysis& analysis = input.analysis;
  const PowerTotals& t = analysis.power.totals;
  QList<Requirement> out;
  out.append({QStringLiteral("Utility supply at peak"),
              cells.format(t.facilityPowerW.value, Quantity::PowerW,
                           t.facilityPowerW.effectiveConfidence()),
              QStringLiteral("IT peak %1 × peak PUE %2 (design assumption facility.pue)")
                  .arg(cells.format(t.itPowerW.value, Quantity::PowerW),
                       cells.format(t.peakPue.value, Quantity::Ratio))});
  const QStringList feeds = feedsInUse(analysis);
  out.append({QStringLiteral("Independent sources"),
              feeds.isEmpty() ? QStringLiteral("none drawn") : feeds.join(QStringLiteral(", ")),
              feeds.size() >= 3   ? QStringLiteral("three sources: any two carry every rack")
              : feeds.size() == 2 ? QStringLiteral("two sources (2N): either carries every rack")
                                  : QStringLiteral("a single source: no concurrent maintenance"),
              feeds.size() >= 2 ? Tone::Normal : Tone::Warning});
  // Each source must carry what falls on it when another is lost: its UPS systems' worst load.
  QMap<QString, double> worstBySource;
  for (const NodeLoad& node : analysis.power.nodes) {
    if (node.kind == PowerNodeKind::Ups) {
      worstBySource[powerFeedName(node.feed)] += std::max(node.loadW, node.failoverLoadW);
    }
  }
  for (auto it = worstBySource.cbegin(); it != worstBySource.cend(); ++it) {
    out.append({QStringLiteral("Source %1: IT load to carry").arg(it.key()),
                cells.format(it.value(), Quantity::PowerW),
                QStringLiteral("its UPS load with the worst other source lost; its transformer "
                               "and switchgear are sized for this plus its share of the "
                               "mechanical load")});
  }
  QList<const NodeLoad*> upsSystems;
  for (const NodeLoad& node : analysis.power.nodes) {
    if (node.kind == PowerNodeKind::Ups) {
      upsSystems.append(&node);
    }
  }
  std::sort(upsSystems.begin(), upsSystems.end(), [](const NodeLoad* a, const NodeLoad* b) {
    return a->feed != b->feed ? a->feed < b->feed : a->name < b->name;
  });
  for (const NodeLoad* ups : upsSystems) {
    const NodeLoad& node = *ups;
    const double worstPct = std::max(node.loadingPct, node.failoverLoadingPct);
    out.append({node.name,
                QStringLiteral("%1 × %2, %3")
                    .arg(node.moduleCount)
                    .arg(cells.format(node.moduleRatingW, Quantity::PowerW),
                         redundancyName(node.redundancy)),
                QStringLiteral("usable %1, loaded %2 normally and %3 with a source lost")
                    .arg(cells.format(node.capacityW.value, Quantity::PowerW),
                         cells.format(node.loadingPct, Quantity::Percent),
                         cells.format(node.failoverLoadingPct, Quantity::Percent)),
                worstPct > 100.0 ? Tone::Error : Tone::Normal});
  }
  if (t.generatorCount > 0) {
    out.append(
        {QStringLiteral("Standby generation"),
         QStringLiteral("%1 × %2")
             .arg(t.generatorCount)
             .arg(cells.format(t.generatorUnitW.value, Quantity::PowerW)),
         QStringLiteral("facility power at peak over the generator set size, with %1 "
                        "redundancy (design assumptions)")
             .arg(analysis.assumptions.choice(QString::fromLatin1(assumption::kGeneratorRedundancy))
                      .toUpper())});
  }
  return out;
}

QList<Requirement> coolingRequirements(const ReportInput& input, const CellWriter& cells) {
  const Analysis& analysis = input.analysis;
  const CoolingTotals& c = analysis.cooling.totals;
  const DesignAssumptions& a = analysis.assumptions;
  QList<Requirement> out;
  double liquidFlowLps = 0.0, airflowM3PerH = 0.0;
  for (const LoopLoad& loop : analysis.cooling.loops) {
    (loop.kind == CoolingLoopKind::Liquid ? liquidFlowLps : airflowM3PerH) +=
        loop.kind == CoolingLoopKind::Liquid ? loop.flowLps.value : loop.airflowM3PerH.value;
  }
  const double equipmentW = analysis.power.totals.coolingEquipmentPowerW.value;
  out.append({QStringLiteral("Heat rejection (chiller and dry-cooler plant)"),
              cells.format(c.heatW.value + equipmentW, Quantity::PowerW),
              QStringLiteral("IT heat at peak %1 plus the cooling units' own input %2")
                  .arg(cells.format(c.heatW.value, Quantity::PowerW),
                       cells.format(equipmentW, Quantity::PowerW))});
  if (c.heatToLiquidW.value > 0.0) {
    out.append(
        {QStringLiteral("Facility water to the CDUs"),
         QStringLiteral("%1 at %2 supply (%3)")
             .arg(cells.format(c.heatToLiquidW.value, Quantity::PowerW),
                  cells.format(a.value(QString::fromLatin1(assumption::kFacilityWaterSupplyC)),
                               Quantity::TemperatureC),
                  c.facilityWaterClass),
         QStringLiteral("heat to liquid; the secondary loops circulate %1 at %2 supply")
             .arg(cells.format(liquidFlowLps, Quantity::FlowLps),
                  coolantSupplyText(input.analysis, input.locale))});
  }
  if (c.heatToDoorW.value + c.heatToRoomW.value > 0.0) {
    out.append(
        {QStringLiteral("Chilled water to rear doors and room units"),
         QStringLiteral("%1 at %2 supply")
             .arg(cells.format(c.heatToDoorW.value + c.heatToRoomW.value, Quantity::PowerW),
                  cells.format(a.value(QString::fromLatin1(assumption::kChilledWaterSupplyC)),
                               Quantity::TemperatureC)),
         QStringLiteral("heat to rear doors %1 and to room air %2; room supply air %3")
             .arg(cells.format(c.heatToDoorW.value, Quantity::PowerW),
                  cells.format(c.heatToRoomW.value, Quantity::PowerW),
                  cells.format(a.value(QString::fromLatin1(assumption::kSupplyAirTempC)),
                               Quantity::TemperatureC))});
  }
  if (airflowM3PerH > 0.0) {
    out.append({QStringLiteral("Room airflow"),
                cells.format(airflowM3PerH, Quantity::AirflowM3PerH),
                QStringLiteral("Σ server airflow of the air zones at ΔT %1")
                    .arg(cells.format(a.value(QString::fromLatin1(assumption::kAirDeltaTK)),
                                      Quantity::TemperatureDeltaK))});
  }
  return out;
}

QList<Requirement> floorRequirements(const ReportInput& input, const CellWriter& cells) {
  QList<Requirement> out;
  double worstKgPerM2 = 0.0, totalKg = 0.0;
  QString worstRack;
  for (const Rack& rack : input.project.racks()) {
    const auto power = input.analysis.power.racks.constFind(rack.id());
    if (power == input.analysis.power.racks.cend()) {
      continue;
    }
    totalKg += power->weightKg;
    const RackSizeMm size = rackSizeMm(input.catalog, rack.rackTypeId());
    const double areaM2 = double(size.widthMm) * double(size.depthMm) / 1.0e6;
    if (areaM2 > 0.0 && power->weightKg / areaM2 > worstKgPerM2) {
      worstKgPerM2 = power->weightKg / areaM2;
      worstRack = rack.name();
    }
  }
  if (worstKgPerM2 > 0.0) {
    out.append({QStringLiteral("Floor loading under a rack"),
                cells.format(worstKgPerM2, Quantity::LoadingKgPerM2),
                QStringLiteral("the heaviest rack (%1) over its footprint, where weights are "
                               "published; the slab or raised floor must carry it")
                    .arg(worstRack)});
  }
  double areaM2 = 0.0;
  for (const HallTotals& hall : input.analysis.power.halls) {
    areaM2 += hall.floorAreaM2;
  }
  if (areaM2 > 0.0 && totalKg > 0.0) {
    out.append({QStringLiteral("Floor loading over the halls"),
                cells.format(totalKg / areaM2, Quantity::LoadingKgPerM2),
                QStringLiteral("Σ rack weight %1 over %2 of floor")
                    .arg(cells.format(totalKg, Quantity::MassKg),
                         cells.format(areaM2, Quantity::AreaM2))});
  }
  return out;
}

/// Equipment with long manufacturing lead times that the design implies: what procurement must
/// order first.
Table longLeadTable(const ReportInput& input, const CellWriter& cells) {
  const Analysis& analysis = input.analysis;
  Table table;
  table.id = QStringLiteral("long-lead");
  table.caption = QStringLiteral("Long-lead items the design implies");
  table.columns = {textColumn(QStringLiteral("Item"), 1.0),
                   numberColumn(QStringLiteral("Quantity"), QString(), 0.45),
                   textColumn(QStringLiteral("Rating"), 1.1),
                   textColumn(QStringLiteral("From"), 1.6)};
  const QStringList feeds = feedsInUse(analysis);
  if (!feeds.isEmpty()) {
    table.rows.append({CellWriter::text(QStringLiteral("MV/LV transformers")),
                       cells.count(feeds.size()),
                       CellWriter::text(QStringLiteral("per source, as above")),
                       CellWriter::text(QStringLiteral("one per independent source"))});
  }
  // Alike equipment counted together by its rating, as procurement orders it.
  QMap<QString, int> switchboards, upsUnits, cdus, airUnits;
  for (const PowerNode& node : input.project.powerNodes()) {
    const auto load = analysis.power.nodes.constFind(node.id);
    if (load == analysis.power.nodes.cend()) {
      continue;
    }
    if (node.kind == PowerNodeKind::Switchboard) {
      switchboards[QStringLiteral("%1 · %2").arg(
          cells.format(node.ratedCurrentA, Quantity::CurrentA),
          cells.format(load->voltageV, Quantity::VoltageV))] += 1;
    } else if (node.kind == PowerNodeKind::Ups) {
      upsUnits[QStringLiteral("%1 × %2 modules, %3")
                   .arg(load->moduleCount)
                   .arg(cells.format(load->moduleRatingW, Quantity::PowerW),
                        redundancyName(load->redundancy))] += 1;
    }
  }
  for (const CoolingUnit& unit : input.project.coolingUnits()) {
    const CatalogItem* item = input.catalog.find(unit.catalogId);
    const QString label = item != nullptr ? item->model : unit.catalogId;
    (item != nullptr && item->kind == ItemKind::Cdu ? cdus : airUnits)[label] += 1;
  }
  const auto addAll = [&](const QMap<QString, int>& items, const QString& what,
                          const QString& from) {
    for (auto it = items.cbegin(); it != items.cend(); ++it) {
      table.rows.append({CellWriter::text(what), cells.count(it.value()),
                         CellWriter::text(it.key()), CellWriter::text(from)});
    }
  };
  addAll(switchboards, QStringLiteral("LV switchgear"), QStringLiteral("the power model"));
  addAll(upsUnits, QStringLiteral("UPS systems"), QStringLiteral("the power model"));
  if (analysis.power.totals.generatorCount > 0) {
    table.rows.append(
        {CellWriter::text(QStringLiteral("Generator sets")),
         cells.count(analysis.power.totals.generatorCount),
         CellWriter::text(
             cells.format(analysis.power.totals.generatorUnitW.value, Quantity::PowerW)),
         CellWriter::text(QStringLiteral("facility power at peak, with redundancy"))});
  }
  addAll(cdus, QStringLiteral("Coolant distribution units"), QStringLiteral("the cooling model"));
  addAll(airUnits, QStringLiteral("CRAH units and in-row coolers"),
         QStringLiteral("the cooling model"));
  const double heatW =
      analysis.cooling.totals.heatW.value + analysis.power.totals.coolingEquipmentPowerW.value;
  if (heatW > 0.0) {
    table.rows.append({CellWriter::text(QStringLiteral("Chillers / dry coolers")),
                       CellWriter::text(QStringLiteral("–")),
                       CellWriter::text(cells.format(heatW, Quantity::PowerW) +
                                        QStringLiteral(" of heat rejection")),
                       CellWriter::text(QStringLiteral("sized by the mechanical engineer, with "
                                                       "the site's redundancy"))});
  }
  return table;
}

}  // namespace

// Facility readiness: what the building must provide for this design, for the facility team.
Section readinessSection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  Section section;
  section.id = QStringLiteral("readiness");
  section.title = QStringLiteral("Facility readiness");
  section.blocks.append(Paragraph{
      QStringLiteral("What the building must provide for this design, with the basis of each "
                     "figure. Sizes of transformers, chillers and their redundancy are for the "
                     "facility engineers to confirm against the site."),
      Paragraph::Style::Body, Tone::Normal});
  section.blocks.append(requirementTable(QStringLiteral("readiness-power"),
                                         QStringLiteral("Electrical"),
                                         powerRequirements(input, cells)));
  section.blocks.append(requirementTable(QStringLiteral("readiness-cooling"),
                                         QStringLiteral("Mechanical"),
                                         coolingRequirements(input, cells)));
  const QList<Requirement> floor = floorRequirements(input, cells);
  if (!floor.isEmpty()) {
    section.blocks.append(
        requirementTable(QStringLiteral("readiness-floor"), QStringLiteral("Structure"), floor));
  }
  section.blocks.append(longLeadTable(input, cells));
  return section;
}

}  // namespace dc::report
