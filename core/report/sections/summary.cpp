// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analysis.h"
#include "model/project.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

namespace dc::report {

namespace {

QString percentOf(double part, double whole, const CellWriter& cells) {
  return cells.format(whole > 0.0 ? 100.0 * part / whole : 0.0, Quantity::Percent);
}

/// Coolant the CDU loops circulate: Σ of the liquid loops' flows.
double coolantFlowLps(const Analysis& analysis) {
  double flow = 0.0;
  for (const LoopLoad& loop : analysis.cooling.loops) {
    if (loop.kind == CoolingLoopKind::Liquid) {
      flow += loop.flowLps.value;
    }
  }
  return flow;
}

/// A figure that never breaks between number and unit in a tile ("588 t CO₂").
QString unbroken(QString text) {
  return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

KeyFigure figure(const QString& label, const QString& value, const QString& detail,
                 Tone tone = Tone::Normal) {
  return KeyFigure{label, value, detail, tone};
}

}  // namespace

Section summarySection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  const PowerTotals& power = input.analysis.power.totals;
  const CoolingTotals& cooling = input.analysis.cooling.totals;
  Section section;
  section.id = QStringLiteral("summary");
  section.title = QStringLiteral("Summary");

  const int errors = input.analysis.errorCount();
  section.blocks.append(Paragraph{
      errors == 0
          ? QStringLiteral("The design analyses with no errors: %1 racks, %2 accelerators, %3 of "
                           "IT load at peak.")
                .arg(cells.locale().toString(power.rackCount),
                     cells.locale().toString(power.acceleratorCount),
                     cells.format(power.itPowerW.value, Quantity::PowerW,
                                  power.itPowerW.effectiveConfidence()))
          : QStringLiteral("The design has %1 error findings (section \"Findings\"): they must be "
                           "resolved before the figures below are built on.")
                .arg(cells.locale().toString(errors)),
      Paragraph::Style::Lead, errors == 0 ? Tone::Normal : Tone::Error});

  if (!input.project.description().isEmpty()) {
    section.blocks.append(
        Paragraph{input.project.description(), Paragraph::Style::Body, Tone::Normal});
  }

  KeyFigures headline;
  headline.columns = 3;
  // A cooling path the design does not use says so, rather than "0 W · 0 %".
  const auto heatFigure = [&](const QString& label, double heatW, const QString& share,
                              const QString& none) {
    return heatW > 0.0 ? figure(label, unbroken(cells.format(heatW, Quantity::PowerW)),
                                QStringLiteral("%1 %2").arg(
                                    percentOf(heatW, cooling.heatW.value, cells), share))
                       : figure(label, QStringLiteral("none"), none, Tone::Muted);
  };
  headline.items = {
      figure(QStringLiteral("IT power at peak"),
             unbroken(cells.format(power.itPowerW.value, Quantity::PowerW,
                                   power.itPowerW.effectiveConfidence())),
             QStringLiteral("%1; %2 at the design load")
                 .arg(power.itPowerW.formula,
                      cells.format(power.itDesignPowerW.value, Quantity::PowerW,
                                   power.itDesignPowerW.effectiveConfidence()))),
      figure(QStringLiteral("Facility power at peak"),
             unbroken(cells.format(power.facilityPowerW.value, Quantity::PowerW,
                                   power.facilityPowerW.effectiveConfidence())),
             QStringLiteral("IT peak × peak PUE %1: utility and generator sizing")
                 .arg(cells.format(power.peakPue.value, Quantity::Ratio))),
      figure(QStringLiteral("PUE (annual)"), cells.format(power.pue.value, Quantity::Ratio),
             power.pue.formula),
      figure(QStringLiteral("Racks"), cells.locale().toString(power.rackCount),
             QStringLiteral("%1 floor cooling units besides")
                 .arg(cells.locale().toString(power.coolingUnitCount))),
      figure(QStringLiteral("GPUs and accelerators"),
             cells.locale().toString(power.acceleratorCount), QStringLiteral("from the catalog")),
      coolantFlowLps(input.analysis) > 0.0
          ? figure(QStringLiteral("Coolant flow"),
                   unbroken(cells.format(coolantFlowLps(input.analysis), Quantity::FlowLps)),
                   QStringLiteral("secondary loops, supply at %1")
                       .arg(coolantSupplyText(input.analysis, input.locale)))
          : figure(QStringLiteral("Coolant flow"), QStringLiteral("none"),
                   QStringLiteral("no CDU loop in this design"), Tone::Muted),
      heatFigure(QStringLiteral("Heat to liquid"), cooling.heatToLiquidW.value,
                 QStringLiteral("of the heat: cold plates, to CDU loops"),
                 QStringLiteral("no cold-plate cooling in this design")),
      heatFigure(QStringLiteral("Heat to rear doors"), cooling.heatToDoorW.value,
                 QStringLiteral("of the heat: chilled-water rear doors"),
                 QStringLiteral("no rear doors in this design")),
      heatFigure(QStringLiteral("Heat to room air"), cooling.heatToRoomW.value,
                 QStringLiteral("of the heat: CRAH units and in-row coolers"),
                 QStringLiteral("nothing left to room air")),
      figure(QStringLiteral("Energy per year"),
             unbroken(cells.format(power.annualEnergyKwh.value, Quantity::EnergyKwh)),
             power.annualEnergyKwh.formula),
      figure(QStringLiteral("Cost per year"),
             unbroken(cells.format(power.annualCostUsd.value, Quantity::CostUsd)),
             QStringLiteral("energy × tariff (design assumption)")),
      figure(QStringLiteral("Carbon per year"),
             unbroken(cells.format(power.annualCarbonT.value, Quantity::CarbonT)),
             QStringLiteral("energy × grid carbon intensity (design assumption)")),
  };
  section.blocks.append(headline);

  Table halls;
  halls.id = QStringLiteral("halls");
  halls.caption = QStringLiteral("Halls");
  double largestW = 1.0;
  for (const HallTotals& hall : input.analysis.power.halls) {
    largestW = std::max(largestW, hall.maxPowerW.value);
  }
  const QString kW = columnUnit(largestW, Quantity::PowerW);
  double densest = 0.0;
  for (const HallTotals& hall : input.analysis.power.halls) {
    densest = std::max(densest, hall.maxPowerDensityWPerM2);
  }
  const QString density = columnUnit(densest, Quantity::PowerDensityWPerM2);
  halls.columns = {textColumn(QStringLiteral("Hall"), 1.2),
                   numberColumn(QStringLiteral("Floor"), QStringLiteral("m²")),
                   numberColumn(QStringLiteral("Racks"), QString(), 0.5),
                   numberColumn(QStringLiteral("GPUs"), QString(), 0.5),
                   numberColumn(QStringLiteral("IT peak"), kW),
                   numberColumn(QStringLiteral("Density"), density),
                   numberColumn(QStringLiteral("UPS usable, all sources"), kW),
                   numberColumn(QStringLiteral("To liquid"), kW),
                   numberColumn(QStringLiteral("To air"), kW)};
  for (const Hall& hall : input.project.halls()) {
    const HallTotals* p = input.analysis.power.hall(hall.id());
    const HallCooling* c = input.analysis.cooling.hall(hall.id());
    if (p == nullptr) {
      continue;
    }
    const double toAir = c != nullptr ? c->heatToDoorW.value + c->heatToRoomW.value : 0.0;
    halls.rows.append(
        {CellWriter::text(hall.name()),
         cells.number(p->floorAreaM2, Quantity::AreaM2, QStringLiteral("m²")),
         cells.count(p->rackCount), cells.count(p->acceleratorCount),
         cells.number(p->maxPowerW.value, Quantity::PowerW, kW),
         cells.number(p->maxPowerDensityWPerM2, Quantity::PowerDensityWPerM2, density),
         p->upsCapacityW.value > 0.0 ? cells.number(p->upsCapacityW.value, Quantity::PowerW, kW)
                                     : CellWriter::none(),
         cells.number(c != nullptr ? c->heatToLiquidW.value : 0.0, Quantity::PowerW, kW),
         cells.number(toAir, Quantity::PowerW, kW)});
  }
  halls.notes.append(QStringLiteral(
      "IT peak: Σ catalog max power of the devices. Density: IT peak over the hall's floor area. "
      "To air: heat leaving the servers in air, to rear doors and room units."));
  section.blocks.append(halls);
  return section;
}

}  // namespace dc::report
