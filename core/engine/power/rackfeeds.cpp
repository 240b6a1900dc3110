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
    power.pdus[p].imbalanced = normal.pdus[p].loadingPct >= context.imbalanceMinLoadingPct &&
                               normal.pdus[p].imbalancePct > context.maxImbalancePct;
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
  for (const PduLoad& pdu : power.pdus) {
    power.pduLoadingPct = std::max(power.pduLoadingPct, pdu.normal.loadingPct);
    power.pduFailoverLoadingPct = std::max(power.pduFailoverLoadingPct, pdu.failover.loadingPct);
  }
  reportRackFeeds(rack, context, project, power, findings);
}

}  // namespace dc::power
