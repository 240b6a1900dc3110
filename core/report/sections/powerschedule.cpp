// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analyze.h"
#include "report/tablecells.h"
#include "sections.h"
#include "sectionsupport.h"

#include <QSet>

namespace dc::report {

namespace {

constexpr PowerFeed kFeeds[] = {PowerFeed::A, PowerFeed::B, PowerFeed::C};

/// The feeds some rack PDU is on, in A, B, C order.
QList<PowerFeed> feedsInUse(const Analysis& analysis) {
  QSet<PowerFeed> used;
  for (const RackPower& rack : analysis.power.racks) {
    for (const PduLoad& pdu : rack.pdus) {
      used.insert(pdu.feed);
    }
  }
  QList<PowerFeed> feeds;
  for (PowerFeed feed : kFeeds) {
    if (used.contains(feed)) {
      feeds.append(feed);
    }
  }
  return feeds;
}

Cell verdictCell(const FailureResult& failure, RackId rack) {
  const auto outcome = failure.racks.constFind(rack);
  if (outcome == failure.racks.cend()) {
    return CellWriter::none();
  }
  const Tone tone = outcome->verdict == RackVerdict::Holds      ? Tone::Good
                    : outcome->verdict == RackVerdict::Degraded ? Tone::Warning
                    : outcome->verdict == RackVerdict::Down     ? Tone::Error
                                                                : Tone::Muted;
  return Cell{rackVerdictName(outcome->verdict), rackVerdictKey(outcome->verdict), tone, false};
}

Cell loadingCell(const CellWriter& cells, double pct, double warnPct) {
  const Tone tone = pct > 100.0 ? Tone::Error : pct > warnPct ? Tone::Warning : Tone::Normal;
  return cells.number(pct, Quantity::Percent, QStringLiteral("%"), tone);
}

Table rackTable(const ReportInput& input, const QList<PowerFeed>& feeds,
                const QList<FailureResult>& feedLosses) {
  const CellWriter cells(input.locale);
  const Analysis& analysis = input.analysis;
  const double warnPct =
      analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct));
  const QString kW = columnUnit(
      largestOf(analysis.power.racks, [](const RackPower& p) { return p.maxPowerW.value; }),
      Quantity::PowerW);
  Table table;
  table.id = QStringLiteral("power");
  table.caption = QStringLiteral("Power schedule: racks");
  table.columns = {textColumn(QStringLiteral("Rack"), 0.55),
                   numberColumn(QStringLiteral("Max"), kW, 0.55),
                   numberColumn(QStringLiteral("Design"), kW, 0.6),
                   textColumn(QStringLiteral("Feeds"), 0.5),
                   numberColumn(QStringLiteral("PDUs"), QString(), 0.45),
                   numberColumn(QStringLiteral("PDU load"), QStringLiteral("%"), 0.65),
                   numberColumn(QStringLiteral("PDU load, feed lost"), QStringLiteral("%"), 0.85),
                   numberColumn(QStringLiteral("Leg imbalance"), QStringLiteral("%"), 0.75),
                   textColumn(QStringLiteral("Upstream"), 1.2)};
  for (PowerFeed feed : feeds) {
    table.columns.append(textColumn(QStringLiteral("Feed %1 lost").arg(powerFeedName(feed)), 0.65));
  }
  for (const Rack* rack : racksInScheduleOrder(input.project)) {
    const auto found = analysis.power.racks.constFind(rack->id());
    if (found == analysis.power.racks.cend() || found->coolingUnit) {
      continue;
    }
    const RackPower& power = *found;
    QStringList feedNames, upstream;
    double imbalancePct = 0.0;
    for (const PduLoad& pdu : power.pdus) {
      const QString feed = powerFeedName(pdu.feed);
      if (!feedNames.contains(feed)) {
        feedNames.append(feed);
      }
      const auto node = analysis.power.nodes.constFind(pdu.upstreamId);
      if (node != analysis.power.nodes.cend() && !upstream.contains(node->name)) {
        upstream.append(node->name);
      }
      imbalancePct = std::max(imbalancePct, pdu.normal.imbalancePct);
    }
    const bool hasPdus = !power.pdus.isEmpty();
    QList<Cell> row{
        CellWriter::text(rack->name()),
        cells.number(power.maxPowerW.value, Quantity::PowerW, kW, Tone::Normal,
                     power.maxPowerW.effectiveConfidence()),
        cells.number(power.designPowerW.value, Quantity::PowerW, kW, Tone::Normal,
                     power.designPowerW.effectiveConfidence()),
        hasPdus ? CellWriter::text(feedNames.join(QLatin1Char('/')))
                : CellWriter::text(QStringLiteral("none"), Tone::Error),
        cells.count(power.pdus.size()),
        hasPdus ? loadingCell(cells, power.pduLoadingPct, warnPct) : CellWriter::none(),
        hasPdus ? loadingCell(cells, power.pduFailoverLoadingPct, warnPct) : CellWriter::none(),
        hasPdus ? cells.number(imbalancePct, Quantity::Percent, QStringLiteral("%"))
                : CellWriter::none(),
        upstream.isEmpty() ? CellWriter::none()
                           : CellWriter::text(upstream.join(QStringLiteral(", ")))};
    for (const FailureResult& loss : feedLosses) {
      row.append(verdictCell(loss, rack->id()));
    }
    table.rows.append(row);
  }
  table.notes.append(
      QStringLiteral(
          "Max: Σ catalog max power, what feeds and UPS are sized for. Design: at the design "
          "workload's utilisation. PDU load: the most loaded PDU's largest line current over its "
          "continuous rating (%1 of the breaker), normally and with the worst other feed lost. "
          "Feed X lost: the rack's verdict when every PDU, busway and UPS of that feed is lost "
          "(holds: every device keeps enough PSUs and no PDU exceeds its rating).")
          .arg(formatQuantity(
              100.0 * analysis.assumptions.value(QString::fromLatin1(assumption::kDeratingFactor)),
              Quantity::Percent, NumberStyle::forNominal(input.locale))));
  return table;
}

Table nodeTable(const ReportInput& input) {
  const CellWriter cells(input.locale);
  const Analysis& analysis = input.analysis;
  const double warnPct =
      analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct));
  const QString kW = columnUnit(
      largestOf(analysis.power.nodes, [](const NodeLoad& n) { return n.capacityW.value; }),
      Quantity::PowerW);
  Table table;
  table.id = QStringLiteral("power-distribution");
  table.caption = QStringLiteral("Power schedule: UPS, switchboards, busways and RPPs");
  table.columns = {textColumn(QStringLiteral("Node"), 0.8),
                   textColumn(QStringLiteral("Kind"), 0.7),
                   textColumn(QStringLiteral("Feed"), 0.35),
                   numberColumn(QStringLiteral("Voltage"), QStringLiteral("V"), 0.55),
                   textColumn(QStringLiteral("Rating"), 1.1),
                   numberColumn(QStringLiteral("Capacity"), kW, 0.65),
                   numberColumn(QStringLiteral("Load"), kW, 0.55),
                   numberColumn(QStringLiteral("Loading"), QStringLiteral("%"), 0.6),
                   numberColumn(QStringLiteral("Feed lost"), QStringLiteral("%"), 0.6),
                   numberColumn(QStringLiteral("Racks"), QString(), 0.45)};
  for (const PowerNode& node : input.project.powerNodes()) {
    const auto found = analysis.power.nodes.constFind(node.id);
    if (found == analysis.power.nodes.cend()) {
      continue;
    }
    const NodeLoad& load = *found;
    QString rating;
    if (load.kind == PowerNodeKind::Ups) {
      rating = QStringLiteral("%1 × %2 modules, %3")
                   .arg(load.moduleCount)
                   .arg(cells.format(load.moduleRatingW, Quantity::PowerW),
                        redundancyName(load.redundancy));
    } else if (load.continuousCurrentA > 0.0) {
      rating = QStringLiteral("%1 continuous")
                   .arg(cells.format(load.continuousCurrentA, Quantity::CurrentA));
    } else {
      rating = cells.format(load.capacityW.value, Quantity::PowerW);
    }
    table.rows.append(
        {CellWriter::text(load.name), CellWriter::text(powerNodeKindName(load.kind)),
         CellWriter::text(powerFeedName(load.feed)),
         cells.number(load.voltageV, Quantity::VoltageV, QStringLiteral("V")),
         CellWriter::text(rating), cells.number(load.capacityW.value, Quantity::PowerW, kW),
         cells.number(load.loadW, Quantity::PowerW, kW),
         loadingCell(cells, load.loadingPct, warnPct),
         loadingCell(cells, load.failoverLoadingPct, warnPct), cells.count(load.rackCount)});
  }
  table.notes.append(QStringLiteral(
      "Capacity: continuous (busway, RPP, switchboard: rating × derating) or usable (UPS: the "
      "modules left with its redundancy). Feed lost: the worst loading with another feed lost."));
  return table;
}

Chart rackPowerChart(const ReportInput& input) {
  Chart chart;
  chart.id = QStringLiteral("power-racks");
  chart.title = QStringLiteral("Rack max power");
  chart.valueTitle = QStringLiteral("Power (kW)");
  ChartSeries max{QStringLiteral("Max"), {}, Tone::Normal};
  for (const Rack* rack : racksInScheduleOrder(input.project)) {
    const auto found = input.analysis.power.racks.constFind(rack->id());
    if (found == input.analysis.power.racks.cend() || found->coolingUnit) {
      continue;
    }
    chart.categories.append(rack->name());
    max.values.append(found->maxPowerW.value / 1000.0);
  }
  chart.series.append(max);
  chart.limit =
      input.analysis.assumptions.value(QString::fromLatin1(assumption::kAirLimitW)) / 1000.0;
  chart.limitLabel = QStringLiteral("air limit per rack");
  return chart;
}

}  // namespace

Section powerScheduleSection(const ReportInput& input) {
  Section section;
  section.id = QStringLiteral("power-schedule");
  section.title = QStringLiteral("Power schedule");
  const QList<PowerFeed> feeds = feedsInUse(input.analysis);
  QList<FailureResult> feedLosses;
  for (PowerFeed feed : feeds) {
    FailureScenario scenario;
    scenario.kind = FailureScenario::Kind::Feed;
    scenario.feed = feed;
    feedLosses.append(
        analyze(DesignSnapshot{input.project, input.catalog, input.analysis.assumptions, scenario})
            .power.failure);
  }
  section.blocks.append(rackPowerChart(input));
  section.blocks.append(rackTable(input, feeds, feedLosses));
  section.blocks.append(nodeTable(input));
  return section;
}

}  // namespace dc::report
