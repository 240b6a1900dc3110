// SPDX-License-Identifier: GPL-3.0-or-later
// The findings of a rack's feed check: no PDU, one feed, high density, PDUs on no feed, PDU
// ratings and loading, upstream connections, PSU redundancy. The figures come from
// analyzeRackFeeds() (rackfeeds.cpp); this file only judges and words them.
#include "engine/positionlabel.h"
#include "powercontext.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dc::power {

namespace {

using Severity = Finding::Severity;

void reportPdu(const Rack& rack, const PduLoad& pdu, const PowerContext& context,
               QList<Finding>& findings) {
  const bool imbalanced = pdu.imbalanced;
  const bool overloaded =
      pdu.normal.loadingPct > 100.0 ||
      (pdu.failoverLostFeed != PowerFeed::None && pdu.failover.loadingPct > 100.0);
  if (pdu.rated && !imbalanced && !overloaded) {
    return;  // the common case: no words built for a PDU that holds
  }
  const ObjectRef ref = ObjectRef::mount(rack.id(), pdu.mountId);
  const QString where =
      QStringLiteral("Rack %1: %2, %3").arg(positionName(rack), pdu.label, pdu.model);
  const QString a = QStringLiteral("A");
  if (!pdu.rated) {
    findings.append(finding(QStringLiteral("power.pdu-unrated"), Severity::Error, ref,
                            rack.hallId(),
                            QStringLiteral("%1 has no rated voltage and current in the catalog: "
                                           "its %2 is not checked")
                                .arg(where, kw(pdu.normal.loadW)),
                            findingFigure(pdu.normal.loadW, QStringLiteral("W"),
                                          QStringLiteral("load at device max power"))));
    return;
  }
  const auto limit = findingFigure(
      pdu.continuousCurrentA, a,
      QStringLiteral("%1 A rating × %2 derating").arg(pdu.ratedCurrentA).arg(context.derating));
  if (pdu.normal.loadingPct > 100.0) {
    findings.append(finding(
        QStringLiteral("power.pdu-overload"), Severity::Error, ref, rack.hallId(),
        QStringLiteral("%1 carries %2: %3 A on its most loaded line, over its %4 A continuous "
                       "rating (%5 %)")
            .arg(where, kw(pdu.normal.loadW))
            .arg(pdu.normal.maxLineCurrentA, 0, 'f', 1)
            .arg(pdu.continuousCurrentA, 0, 'f', 1)
            .arg(pdu.normal.loadingPct, 0, 'f', 0),
        findingFigure(pdu.normal.maxLineCurrentA, a, QStringLiteral("largest line current")),
        limit));
  } else if (pdu.failoverLostFeed != PowerFeed::None && pdu.failover.loadingPct > 100.0) {
    findings.append(finding(
        QStringLiteral("power.feed-failover-overload"), Severity::Error, ref, rack.hallId(),
        QStringLiteral("%1 holds only until feed %2 is lost: it then carries %3, %4 A on its "
                       "most loaded line, over its %5 A continuous rating (%6 %)")
            .arg(where, powerFeedName(pdu.failoverLostFeed), kw(pdu.failover.loadW))
            .arg(pdu.failover.maxLineCurrentA, 0, 'f', 1)
            .arg(pdu.continuousCurrentA, 0, 'f', 1)
            .arg(pdu.failover.loadingPct, 0, 'f', 0),
        findingFigure(pdu.failover.maxLineCurrentA, a,
                      QStringLiteral("largest line current with feed %1 lost")
                          .arg(powerFeedName(pdu.failoverLostFeed))),
        limit));
  }
  if (imbalanced) {
    findings.append(finding(
        QStringLiteral("power.leg-imbalance"), Severity::Warning, ref, rack.hallId(),
        QStringLiteral("%1: line currents %2 / %3 / %4 A are %5 % out of balance (limit %6 %)")
            .arg(where)
            .arg(pdu.normal.lineCurrentA[0], 0, 'f', 1)
            .arg(pdu.normal.lineCurrentA[1], 0, 'f', 1)
            .arg(pdu.normal.lineCurrentA[2], 0, 'f', 1)
            .arg(pdu.normal.imbalancePct, 0, 'f', 0)
            .arg(context.maxImbalancePct),
        findingFigure(pdu.normal.imbalancePct, QStringLiteral("%"),
                      QStringLiteral("(largest − mean) / mean line current")),
        findingFigure(
            context.maxImbalancePct, QStringLiteral("%"),
            QStringLiteral("design assumption %1").arg(assumption::kMaxLegImbalancePct))));
  }
}

void reportUpstream(const Rack& rack, const PduLoad& pdu, const Project& project,
                    const PowerContext& context, QList<Finding>& findings) {
  if (pdu.upstreamId.isNull()) {
    return;
  }
  const ObjectRef ref = ObjectRef::mount(rack.id(), pdu.mountId);
  const PowerNode* node = project.findPowerNode(pdu.upstreamId);
  if (!node) {
    findings.append(
        finding(QStringLiteral("power.upstream-unknown"), Severity::Error, ref, rack.hallId(),
                QStringLiteral("Rack %1: %2 is plugged into power node %3, which is "
                               "not in the project; its load is on no busway or UPS")
                    .arg(positionName(rack), pdu.label, pdu.upstreamId.toString().left(8))));
    return;
  }
  if (node->hallId != rack.hallId()) {
    Finding f =
        finding(QStringLiteral("power.upstream-other-hall"), Severity::Error, ref, rack.hallId(),
                QStringLiteral("Rack %1: %2 is plugged into %3 %4, which is in another "
                               "hall; its load is not counted there")
                    .arg(positionName(rack), pdu.label, powerNodeKindName(node->kind), node->name));
    f.related.append(ObjectRef::powerNode(node->id));
    findings.append(f);
    return;
  }
  const double nodeV = node->voltageV > 0 ? node->voltageV : context.supplyVoltageV;
  const bool nodeDc =
      node->kind == PowerNodeKind::PowerRack || (node->voltageV <= 0 && context.supplyDc);
  const double tolerance = context.voltageTolerancePct / 100.0;
  auto near = [&](double v) {
    return std::abs(pdu.voltageV - v) <= v * tolerance;
  };
  // A single-phase unit may take line to line or line to neutral (230 V on a 400 V busway).
  const bool voltageFits =
      near(nodeV) || (pdu.supply == SupplyKind::SinglePhase && near(nodeV / std::numbers::sqrt3));
  if (pdu.rated && node->kind != PowerNodeKind::Ups &&
      ((pdu.supply == SupplyKind::Dc) != nodeDc || !voltageFits)) {
    Finding f = finding(
        QStringLiteral("power.voltage-mismatch"), Severity::Error, ref, rack.hallId(),
        QStringLiteral("Rack %1: %2 is rated %3 V %4 but plugged into %5 %6 at %7 V %8")
            .arg(positionName(rack), pdu.label)
            .arg(pdu.voltageV)
            .arg(pdu.supply == SupplyKind::Dc ? QStringLiteral("DC") : QStringLiteral("AC"))
            .arg(powerNodeKindName(node->kind), node->name)
            .arg(nodeV)
            .arg(nodeDc ? QStringLiteral("DC") : QStringLiteral("AC")),
        findingFigure(pdu.voltageV, QStringLiteral("V"), QStringLiteral("PDU rated input voltage")),
        findingFigure(nodeV, QStringLiteral("V"),
                      QStringLiteral("voltage of %1, ±%2 % (%3)")
                          .arg(node->name)
                          .arg(context.voltageTolerancePct)
                          .arg(assumption::kVoltageTolerancePct)));
    f.related.append(ObjectRef::powerNode(node->id));
    findings.append(f);
  }
  if (node->feed != PowerFeed::None && pdu.feed != PowerFeed::None && node->feed != pdu.feed) {
    Finding f =
        finding(QStringLiteral("power.feed-mismatch"), Severity::Warning, ref, rack.hallId(),
                QStringLiteral("Rack %1: %2 is plugged into %3 %4 of feed %5")
                    .arg(positionName(rack), pdu.label, powerNodeKindName(node->kind), node->name,
                         powerFeedName(node->feed)));
    f.related.append(ObjectRef::powerNode(node->id));
    findings.append(f);
  }
}

}  // namespace

void reportRackFeeds(const Rack& rack, PowerContext& context, const Project& project,
                     const RackPower& power, QList<Finding>& findings) {
  const ObjectRef rackRef = ObjectRef::rack(rack.id());
  if (power.maxPowerW.value > 0 && power.pdus.isEmpty() && !power.coolingUnit) {
    findings.append(finding(QStringLiteral("power.no-pdu"), Severity::Warning, rackRef,
                            rack.hallId(),
                            QStringLiteral("Rack %1 draws %2 but has no PDU or power shelf: no "
                                           "feed, leg or breaker is checked")
                                .arg(positionName(rack), kw(power.maxPowerW.value)),
                            findingFigure(power.maxPowerW.value, QStringLiteral("W"),
                                          QStringLiteral("rack max power"))));
  } else if (power.maxPowerW.value > 0 && power.feeds.size() == 1) {
    findings.append(finding(QStringLiteral("power.single-feed"), Severity::Warning, rackRef,
                            rack.hallId(),
                            QStringLiteral("Rack %1: every PDU is on feed %2: losing it loses the "
                                           "rack (no A/B redundancy)")
                                .arg(positionName(rack), powerFeedName(power.feeds.first()))));
  }
  const double highDensityW = context.highDensityRackW;
  if (power.maxPowerW.value > highDensityW) {
    findings.append(finding(
        QStringLiteral("power.high-density"), Severity::Info, rackRef, rack.hallId(),
        QStringLiteral("Rack %1 draws %2 at max, above %3: plan its feeds "
                       "and cooling with the facility team")
            .arg(positionName(rack), context.kwText(power.maxPowerW.value),
                 context.highDensityText),
        findingFigure(power.maxPowerW.value, QStringLiteral("W"), QStringLiteral("rack max power")),
        findingFigure(highDensityW, QStringLiteral("W"), context.highDensityFormula)));
  }
  // One finding per rack, not per PDU: a hall drawn before its feeds are assigned would
  // otherwise bury everything else.
  const qsizetype noFeed =
      std::count_if(power.pdus.cbegin(), power.pdus.cend(),
                    [](const PduLoad& p) { return p.feed == PowerFeed::None; });
  if (noFeed > 0) {
    const PduLoad& first =
        *std::find_if(power.pdus.cbegin(), power.pdus.cend(),
                      [](const PduLoad& p) { return p.feed == PowerFeed::None; });
    findings.append(finding(
        QStringLiteral("power.pdu-no-feed"), Severity::Warning,
        ObjectRef::mount(rack.id(), first.mountId), rack.hallId(),
        QStringLiteral("Rack %1: %2 on no feed (A, B or C): the feed-loss checks cannot lose %3")
            .arg(positionName(rack),
                 noFeed == power.pdus.size()
                     ? (noFeed == 1 ? QStringLiteral("its PDU is")
                                    : QStringLiteral("its %1 PDUs are").arg(noFeed))
                     : QStringLiteral("%1 of its %2 PDUs are").arg(noFeed).arg(power.pdus.size()),
                 noFeed == 1 ? QStringLiteral("it") : QStringLiteral("them")),
        findingFigure(double(noFeed), QStringLiteral("PDUs"),
                      QStringLiteral("PDUs without a feed"))));
  }
  for (const PduLoad& pdu : power.pdus) {
    reportPdu(rack, pdu, context, findings);
    reportUpstream(rack, pdu, project, context, findings);
  }
  for (const DevicePower& device : power.devices) {
    const bool undersized = !device.psuAssumed && device.psuRatingW > 0 &&
                            device.psuCount * device.psuRatingW < device.maxW - 1e-9;
    if (!undersized && device.survivesFeedLoss) {
      continue;  // the common case: nothing to say, no words built
    }
    const ObjectRef ref =
        device.mountId.isNull() ? rackRef : ObjectRef::mount(rack.id(), device.mountId);
    const QString what = device.mountId.isNull()
                             ? device.model
                             : QStringLiteral("%1 in U%2").arg(device.model).arg(device.lowestU);
    if (!device.psuAssumed && device.psuRatingW > 0 &&
        device.psuCount * device.psuRatingW < device.maxW - 1e-9) {
      findings.append(finding(
          QStringLiteral("power.psu-undersized"), Severity::Error, ref, rack.hallId(),
          QStringLiteral("Rack %1: %2 has %3 × %4 PSUs, less than its %5 max")
              .arg(positionName(rack), what)
              .arg(device.psuCount)
              .arg(kw(device.psuRatingW), kw(device.maxW)),
          findingFigure(device.psuCount * device.psuRatingW, QStringLiteral("W"),
                        QStringLiteral("installed PSU capacity")),
          findingFigure(device.maxW, QStringLiteral("W"), QStringLiteral("device max power"))));
    } else if (!device.survivesFeedLoss) {
      const double left = device.survivingPsus * device.psuRatingW;
      // Short of its max but above its design draw, the device runs power-capped until the feed
      // returns (the failure simulation's "degraded"): a warning. Below its design draw, or with
      // no PSU rating to tell, the workload stops: an error.
      const bool capped =
          device.psuRatingW > 0 && device.survivingPsus > 0 && left >= device.designW - 1e-9;
      findings.append(finding(
          QStringLiteral("power.psu-feed-loss"), capped ? Severity::Warning : Severity::Error, ref,
          rack.hallId(),
          QStringLiteral("Rack %1: %2 keeps %3 of %4 PSUs when feed %5 is lost%6, short of its "
                         "%7 max%8%9")
              .arg(positionName(rack), what)
              .arg(device.survivingPsus)
              .arg(device.psuCount)
              .arg(powerFeedName(device.worstLostFeed),
                   device.psuRatingW > 0 ? QStringLiteral(" (%1)").arg(kw(left)) : QString(),
                   kw(device.maxW),
                   device.psuRedundancy.isEmpty() ? QString()
                                                  : QStringLiteral("; %1 needs %2")
                                                        .arg(device.psuRedundancy)
                                                        .arg(device.psuRequired))
              .arg(capped ? QStringLiteral(": it runs power-capped, above its %1 design draw, "
                                           "until the feed returns")
                                .arg(kw(device.designW))
                          : QString()),
          device.psuRatingW > 0
              ? findingFigure(left, QStringLiteral("W"), QStringLiteral("surviving PSU capacity"))
              : findingFigure(device.survivingPsus, QStringLiteral("PSUs"),
                              QStringLiteral("surviving PSUs")),
          device.psuRatingW > 0
              ? findingFigure(device.maxW, QStringLiteral("W"), QStringLiteral("device max power"))
              : findingFigure(device.psuRequired, QStringLiteral("PSUs"),
                              QStringLiteral("PSUs required (N of N+M)"))));
    }
  }
}

}  // namespace dc::power
