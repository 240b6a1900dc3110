// SPDX-License-Identifier: GPL-3.0-or-later
#include "electrical.h"
#include "engine/positionlabel.h"
#include "powercontext.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace dc::power {

namespace {

using Severity = Finding::Severity;

bool isPowerUnit(const CatalogItem& item) {
  return item.kind == ItemKind::Pdu || item.kind == ItemKind::PowerShelf;
}

SupplyKind supplyOf(const CatalogItem& item, double voltageV, int phases) {
  const QString text = item.texts.value(QStringLiteral("electrical.supply"));
  if (text == QLatin1String("dc")) {
    return SupplyKind::Dc;
  }
  if (text == QLatin1String("ac-1ph") || phases == 1) {
    return SupplyKind::SinglePhase;
  }
  if (text == QLatin1String("ac-3ph-delta")) {
    return SupplyKind::ThreePhaseDelta;
  }
  if (text == QLatin1String("ac-3ph-wye")) {
    return SupplyKind::ThreePhaseWye;
  }
  // Not stated: North-American 208 V units feed their outlets line to line, IEC 400/415 V
  // units line to neutral (230/240 V outlets).
  return voltageV > 0 && voltageV < 300 ? SupplyKind::ThreePhaseDelta : SupplyKind::ThreePhaseWye;
}

int legCount(SupplyKind supply) {
  return supply == SupplyKind::ThreePhaseWye || supply == SupplyKind::ThreePhaseDelta ? 3 : 1;
}

/// Reads one PDU's ratings from the catalog; unrated units get the design's supply voltage so
/// their currents can still be shown. No mount yet: PowerContext::pdu() keeps one per item.
PduLoad pduRatings(const CatalogItem& item, const PowerContext& context) {
  PduLoad pdu;
  pdu.catalogId = item.id;
  pdu.model = item.model;
  const double voltageV = item.figureValue(QStringLiteral("electrical.inputVoltageV"));
  const double currentA = item.figureValue(QStringLiteral("electrical.inputCurrentA"));
  pdu.phases = int(item.figureValue(QStringLiteral("electrical.phases"), 3));
  pdu.supply = supplyOf(item, voltageV, pdu.phases);
  pdu.rated = voltageV > 0 && currentA > 0;
  pdu.voltageV = voltageV > 0 ? voltageV : context.supplyVoltageV;
  pdu.ratedCurrentA = pdu.rated ? currentA : 0.0;
  const double derating = context.derating;
  const double pf = pdu.supply == SupplyKind::Dc ? 1.0 : context.powerFactor;
  pdu.continuousCurrentA = pdu.ratedCurrentA * derating;
  pdu.capacityVA = electrical::continuousVA(pdu.supply, pdu.voltageV, pdu.ratedCurrentA, derating);
  const QString factors = QStringLiteral("%1 V · %2 A · %3 (derating) · %4 (PF)")
                              .arg(pdu.voltageV)
                              .arg(pdu.ratedCurrentA)
                              .arg(derating)
                              .arg(pf);
  pdu.capacityW = {pdu.capacityVA * pf,
                   QStringLiteral("W"),
                   legCount(pdu.supply) == 3 ? QStringLiteral("√3 · ") + factors : factors,
                   {}};
  if (const SpecValue* v = item.figure(QStringLiteral("electrical.inputCurrentA"))) {
    pdu.capacityW.addSource(v->source.title);
  }
  return pdu;
}

void finishState(const PduLoad& pdu, PduState& state, double powerFactor) {
  const double pf = pdu.supply == SupplyKind::Dc ? 1.0 : powerFactor;
  state.loadW = state.legPowerW[0] + state.legPowerW[1] + state.legPowerW[2];
  state.lineCurrentA = electrical::lineCurrentsA(pdu.supply, pdu.voltageV, state.legPowerW, pf);
  state.maxLineCurrentA = *std::max_element(state.lineCurrentA.begin(), state.lineCurrentA.end());
  state.neutralCurrentA = electrical::neutralCurrentA(pdu.supply, state.lineCurrentA);
  state.imbalancePct = electrical::imbalancePct(pdu.supply, state.lineCurrentA);
  state.loadingPct =
      pdu.continuousCurrentA > 0 ? state.maxLineCurrentA / pdu.continuousCurrentA * 100.0 : 0.0;
}

/// Index of the rack's PDU with mount id `id`, or -1.
qsizetype pduIndex(const QList<PduLoad>& pdus, MountId id) {
  for (qsizetype i = 0; i < pdus.size(); ++i) {
    if (pdus[i].mountId == id) {
      return i;
    }
  }
  return -1;
}

/// Keeps the architect's plugs that name a PDU of this rack and a leg it has; reports the rest,
/// whose inlets are then balanced automatically.
void takeExplicitPlugs(const Rack& rack, const Mount& mount, const QList<PduLoad>& pdus,
                       DevicePower& device, QList<Finding>& findings) {
  for (const InletPlug& plug : mount.plugs) {
    const qsizetype index = pduIndex(pdus, plug.pduMountId);
    QString problem;
    const char* code = "power.plug-unknown-pdu";
    if (plug.inlet < 0 || plug.inlet >= device.psuCount) {
      code = "power.plug-bad-inlet";
      problem = QStringLiteral("inlet %1 does not exist (it has %2)")
                    .arg(plug.inlet + 1)
                    .arg(device.psuCount);
    } else if (index < 0) {
      problem = QStringLiteral("inlet %1 is plugged into PDU %2, which is not in this rack")
                    .arg(plug.inlet + 1)
                    .arg(plug.pduMountId.toString().left(8));
    } else if (plug.leg < 0 || plug.leg >= legCount(pdus[index].supply)) {
      code = "power.plug-bad-leg";
      problem = QStringLiteral("inlet %1 is on leg %2 of %3, which has %4")
                    .arg(plug.inlet + 1)
                    .arg(plug.leg + 1)
                    .arg(pdus[index].label)
                    .arg(legCount(pdus[index].supply));
    }
    if (!problem.isEmpty()) {
      findings.append(finding(code, Severity::Error, ObjectRef::mount(rack.id(), mount.id),
                              rack.hallId(),
                              QStringLiteral("Rack %1: %2 in U%3: %4; it is balanced automatically")
                                  .arg(positionName(rack), device.model)
                                  .arg(mount.lowestU)
                                  .arg(problem)));
      continue;
    }
    const bool taken = std::any_of(device.inlets.cbegin(), device.inlets.cend(),
                                   [&](const InletLoad& in) { return in.inlet == plug.inlet; });
    if (!taken) {
      device.inlets.append({plug.inlet, plug.pduMountId, int(index), plug.leg, false, 0.0});
    }
  }
}

/// Phase balancing: every inlet without a plug goes to the feed this device has the fewest
/// inlets on, then to the leg of that feed's PDUs with the least load relative to its rating.
/// Devices are placed largest inlet load first (longest-processing-time rule), which keeps the
/// largest leg close to the mean.
void balanceInlets(RackPower& power, const QList<PowerFeed>& feeds) {
  QVarLengthArray<qsizetype, 16> order;
  for (qsizetype d = 0; d < power.devices.size(); ++d) {
    order.append(d);
  }
  auto perInlet = [&](qsizetype d) {
    const DevicePower& device = power.devices[d];
    return device.psuCount > 0 ? device.maxW / device.psuCount : 0.0;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](qsizetype a, qsizetype b) { return perInlet(a) > perInlet(b); });
  QVarLengthArray<std::array<double, 3>, 8> legW(power.pdus.size(), std::array<double, 3>{});
  for (const DevicePower& device : power.devices) {
    for (const InletLoad& in : device.inlets) {  // explicit plugs load their legs first
      legW[in.pduIndex][in.leg] += device.maxW / device.psuCount;
    }
  }
  for (qsizetype d : order) {
    DevicePower& device = power.devices[d];
    const double w = perInlet(d);
    QVarLengthArray<bool, 16> plugged(device.psuCount, false);
    std::array<int, 4> perFeed{};  // this device's inlets per feed (index = PowerFeed)
    for (const InletLoad& in : device.inlets) {
      plugged[in.inlet] = true;
      ++perFeed[int(power.pdus[in.pduIndex].feed)];
    }
    device.inlets.reserve(device.psuCount);
    for (int inlet = 0; inlet < device.psuCount; ++inlet) {
      if (plugged[inlet]) {
        continue;
      }
      // The feed with the fewest of this device's inlets (ties: A before B before C).
      PowerFeed feed = feeds.value(0, PowerFeed::None);
      for (PowerFeed f : feeds) {
        if (perFeed[int(f)] < perFeed[int(feed)]) {
          feed = f;
        }
      }
      qsizetype bestPdu = -1;
      int bestLeg = 0;
      double bestScore = std::numeric_limits<double>::infinity();
      for (qsizetype p = 0; p < power.pdus.size(); ++p) {
        const PduLoad& pdu = power.pdus[p];
        if (pdu.feed != feed) {
          continue;
        }
        const int legs = legCount(pdu.supply);
        const double legCapacity =
            pdu.capacityW.value > 0 ? pdu.capacityW.value / legs : 1.0;  // unrated: raw watts
        for (int leg = 0; leg < legs; ++leg) {
          const double score = (legW[p][leg] + w) / legCapacity;
          if (score < bestScore - 1e-12) {
            bestScore = score;
            bestPdu = p;
            bestLeg = leg;
          }
        }
      }
      ++perFeed[int(feed)];
      if (bestPdu < 0) {
        device.inlets.append({inlet, {}, -1, 0, true, 0.0});
        continue;
      }
      legW[bestPdu][bestLeg] += w;
      device.inlets.append({inlet, power.pdus[bestPdu].mountId, int(bestPdu), bestLeg, true, 0.0});
    }
    std::sort(device.inlets.begin(), device.inlets.end(),
              [](const InletLoad& a, const InletLoad& b) { return a.inlet < b.inlet; });
  }
}

void reportPdu(const Rack& rack, const PduLoad& pdu, const PowerContext& context,
               QList<Finding>& findings) {
  const bool imbalanced = pdu.normal.loadingPct >= context.imbalanceMinLoadingPct &&
                          pdu.normal.imbalancePct > context.maxImbalancePct;
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

RackState rackState(const RackPower& power, const PduMask& deadPdus, double powerFactor) {
  RackState state;
  state.pdus.resize(power.pdus.size());

  for (const DevicePower& device : power.devices) {
    int living = 0;
    for (const InletLoad& in : device.inlets) {
      living += in.pduIndex >= 0 && !deadPdus[in.pduIndex] ? 1 : 0;
    }
    state.survivingPsus.append(living);
    state.devicePowered.append(living > 0);
    const bool enoughPsus = device.psuAssumed || living >= device.psuRequired;
    const bool enoughWatts =
        device.psuRatingW <= 0 || living * device.psuRatingW >= device.maxW - 1e-9;
    state.deviceAtFullPower.append(living > 0 && enoughPsus && enoughWatts);
    if (living == 0) {
      continue;
    }
    const double w = device.maxW / living;  // PSUs share the load equally
    for (const InletLoad& in : device.inlets) {
      if (in.pduIndex >= 0 && !deadPdus[in.pduIndex]) {
        state.pdus[in.pduIndex].legPowerW[in.leg] += w;
      }
    }
  }
  for (qsizetype p = 0; p < power.pdus.size(); ++p) {
    finishState(power.pdus[p], state.pdus[p], powerFactor);
  }
  return state;
}

const QString& PowerContext::pduLabel(bool shelf, int number, PowerFeed feed) {
  const int key = (number * 4 + int(feed)) * 2 + (shelf ? 1 : 0);
  auto it = mLabels.find(key);
  if (it == mLabels.end()) {
    it = mLabels.insert(key, QStringLiteral("%1 %2 (feed %3)")
                                 .arg(shelf ? QStringLiteral("Shelf") : QStringLiteral("PDU"))
                                 .arg(number)
                                 .arg(powerFeedName(feed)));
  }
  return *it;
}

const QString& PowerContext::kwText(double watts) {
  auto it = mKw.find(watts);
  if (it == mKw.end()) {
    it = mKw.insert(watts, kw(watts));
  }
  return *it;
}

const PduLoad& PowerContext::pdu(const CatalogItem& item) {
  auto it = mPdus.find(&item);
  if (it == mPdus.end()) {
    it = mPdus.insert(&item, pduRatings(item, *this));
  }
  return *it;
}

void analyzeRackFeeds(const Rack& rack, const MountItems& items, PowerContext& context,
                      const Project& project, RackPower& power, QList<Finding>& findings) {
  power.pdus.reserve(rack.mounts().size());
  for (qsizetype m = 0; m < rack.mounts().size(); ++m) {
    const Mount& mount = rack.mounts()[m];
    const CatalogItem* item = items[m];
    if (item && isPowerUnit(*item)) {
      PduLoad pdu = context.pdu(*item);
      pdu.mountId = mount.id;
      pdu.feed = mount.feed;
      pdu.upstreamId = mount.upstreamId;
      pdu.label = context.pduLabel(item->kind == ItemKind::PowerShelf, int(power.pdus.size()) + 1,
                                   mount.feed);
      power.pdus.append(std::move(pdu));
    }
  }
  for (PowerFeed feed : kPowerFeeds) {
    if (std::any_of(power.pdus.cbegin(), power.pdus.cend(),
                    [&](const PduLoad& p) { return p.feed == feed; })) {
      power.feeds.append(feed);
    }
  }
  QList<PowerFeed> balanceFeeds = power.feeds;
  if (std::any_of(power.pdus.cbegin(), power.pdus.cend(),
                  [](const PduLoad& p) { return p.feed == PowerFeed::None; })) {
    balanceFeeds.append(PowerFeed::None);
  }
  // Devices: their inlets (catalog PSU count, else one per feed), explicit plugs first.
  for (DevicePower& device : power.devices) {
    if (device.psuAssumed) {
      device.psuCount = std::max<int>(1, int(balanceFeeds.size()));
      device.psuRequired = 1;
    }
  }
  for (const Mount& mount : rack.mounts()) {  // plugs are rare: look devices up only for them
    if (mount.plugs.isEmpty()) {
      continue;
    }
    for (DevicePower& device : power.devices) {
      if (device.mountId == mount.id) {
        takeExplicitPlugs(rack, mount, power.pdus, device, findings);
      }
    }
  }
  balanceInlets(power, balanceFeeds);
  const double pf = context.powerFactor;
  const RackState normal = rackState(power, PduMask(power.pdus.size(), false), pf);
  for (qsizetype p = 0; p < power.pdus.size(); ++p) {
    power.pdus[p].normal = normal.pdus[p];
    power.pdus[p].lostFeed.fill(normal.pdus[p]);
    if (power.pdus[p].feed != PowerFeed::None) {
      // On its own feed's loss a unit carries nothing, whatever else the rack has.
      power.pdus[p].lostFeed[feedIndex(power.pdus[p].feed)] = PduState{};
    }
  }
  for (DevicePower& device : power.devices) {
    for (InletLoad& in : device.inlets) {
      in.powerW = in.pduMountId.isNull() ? 0.0 : device.maxW / device.psuCount;
    }
    device.survivingPsus = device.psuCount;
  }
  // The 2N rule and PSU redundancy: lose each feed in turn.
  if (power.feeds.size() >= 2) {
    for (PowerFeed lost : power.feeds) {
      PduMask dead(power.pdus.size());
      for (qsizetype p = 0; p < power.pdus.size(); ++p) {
        dead[p] = power.pdus[p].feed == lost;
      }
      const RackState state = rackState(power, dead, pf);
      for (qsizetype p = 0; p < power.pdus.size(); ++p) {
        PduLoad& pdu = power.pdus[p];
        pdu.lostFeed[feedIndex(lost)] = state.pdus[p];
        // The worst state is the one that loads the unit most against its rating (its most
        // loaded line), not the largest total: explicit plugs can load one leg unevenly.
        const double key = pdu.rated ? state.pdus[p].loadingPct : state.pdus[p].loadW;
        const double kept = pdu.rated ? pdu.failover.loadingPct : pdu.failover.loadW;
        const bool worse = pdu.failoverLostFeed == PowerFeed::None || key > kept + 1e-9;
        if (!dead[p] && worse) {
          pdu.failover = state.pdus[p];
          pdu.failoverLostFeed = lost;
        }
      }
      for (qsizetype d = 0; d < power.devices.size(); ++d) {
        DevicePower& device = power.devices[d];
        if (state.survivingPsus[d] < device.survivingPsus) {
          device.survivingPsus = state.survivingPsus[d];
          device.worstLostFeed = lost;
        }
        if (!state.deviceAtFullPower[d] && device.survivesFeedLoss) {
          device.survivesFeedLoss = false;
          device.worstLostFeed = lost;
          device.survivingPsus = state.survivingPsus[d];
        }
      }
    }
  }
  // Findings.
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
      findings.append(finding(
          QStringLiteral("power.psu-feed-loss"), Severity::Error, ref, rack.hallId(),
          QStringLiteral("Rack %1: %2 keeps %3 of %4 PSUs when feed %5 is lost%6, short of its "
                         "%7 max%8")
              .arg(positionName(rack), what)
              .arg(device.survivingPsus)
              .arg(device.psuCount)
              .arg(powerFeedName(device.worstLostFeed),
                   device.psuRatingW > 0 ? QStringLiteral(" (%1)").arg(kw(left)) : QString(),
                   kw(device.maxW),
                   device.psuRedundancy.isEmpty() ? QString()
                                                  : QStringLiteral("; %1 needs %2")
                                                        .arg(device.psuRedundancy)
                                                        .arg(device.psuRequired)),
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
