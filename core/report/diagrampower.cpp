// SPDX-License-Identifier: GPL-3.0-or-later
// The power single-line diagram of a hall, from the model's distribution tree and the power
// pass's loads. The utility, transformers and LV switchgear are not in the model: they are
// drawn from the analysis' facility figures and marked "by the facility".
#include "catalog/catalog.h"
#include "diagram.h"
#include "diagramtext.h"
#include "engine/analysis.h"
#include "model/project.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>

namespace dc::report {

namespace {

// Tiers before compaction: a hall without switchboards loses that row.
constexpr int kTierUtility = 0;
constexpr int kTierTransformer = 1;
constexpr int kTierSwitchgear = 2;
constexpr int kTierUps = 3;
constexpr int kTierSwitchboard = 4;
constexpr int kTierDistribution = 5;

int kindTier(PowerNodeKind kind) {
  switch (kind) {
    case PowerNodeKind::Ups:
      return kTierUps;
    case PowerNodeKind::Switchboard:
      return kTierSwitchboard;
    case PowerNodeKind::Busway:
    case PowerNodeKind::Rpp:
    case PowerNodeKind::PowerRack:
      break;
  }
  return kTierDistribution;
}

DiagramSymbol symbolOf(PowerNodeKind kind) {
  switch (kind) {
    case PowerNodeKind::Ups:
      return DiagramSymbol::Ups;
    case PowerNodeKind::Switchboard:
      return DiagramSymbol::Switchboard;
    case PowerNodeKind::Busway:
      return DiagramSymbol::Busway;
    case PowerNodeKind::Rpp:
      return DiagramSymbol::Rpp;
    case PowerNodeKind::PowerRack:
      return DiagramSymbol::PowerRack;
  }
  return DiagramSymbol::Busway;
}

QString feedSuffix(int feed) {
  return feed >= 0 ? QString(QChar(u'A' + feed)) : QStringLiteral("1");
}

/// A rack's connection: which node (or none) each of its PDUs is plugged into, on which feed.
struct RackInlet {
  PowerNodeId upstreamId;  ///< null when the PDU names none (or one outside the hall)
  int feed = -1;
  friend bool operator==(const RackInlet&, const RackInlet&) = default;
};

struct RackGroup {
  QList<RackInlet> inlets;  ///< distinct, by feed
  int pduCount = 0;         ///< PDUs of one rack
  QStringList names;
  QList<RackId> ids;
  double maxPowerW = 0.0;
};

class SingleLineBuilder final {
 public:
  SingleLineBuilder(const Project& project, const Analysis& analysis, HallId hallId,
                    const QLocale& locale)
      : mProject(project),
        mAnalysis(analysis),
        mHallId(hallId),
        mText(locale, analysis.assumptions) {}

  Diagram build();

 private:
  int add(DiagramNode node);
  void addEdge(int from, int to, EdgeStyle style, int feed) {
    mDiagram.edges.append({from, to, style, feed});
  }
  void collectNodes();
  int tierOf(const PowerNode& node, int depth = 0) const;
  void addSources();
  QList<int> sourceFeeds() const;
  int addUtility();
  int addGenerators();
  void addFeedSource(int feed, int utility, bool generators);
  double peakPue() const {
    return mAnalysis.assumptions.value(QString::fromLatin1(assumption::kPue));
  }
  void addPowerNodes();
  DiagramNode powerNode(const PowerNode& node) const;
  void addRackGroups();
  QList<RackGroup> rackGroups() const;
  void compactTiers();

  const Project& mProject;
  const Analysis& mAnalysis;
  HallId mHallId;
  DiagramText mText;
  Diagram mDiagram;
  QList<const PowerNode*> mNodes;  ///< the hall's nodes, by feed, tier, name
  QHash<PowerNodeId, const PowerNode*> mById;
  QHash<PowerNodeId, int> mDiagramIndex;
  std::map<int, int> mSwitchgearByFeed;  ///< feed (-1 none) -> diagram index
  std::map<int, double> mFeedLoadW;      ///< feed -> worst PDU load through it
};

int SingleLineBuilder::add(DiagramNode node) {
  mDiagram.nodes.append(std::move(node));
  return int(mDiagram.nodes.size()) - 1;
}

void SingleLineBuilder::collectNodes() {
  for (const PowerNode& node : mProject.powerNodes()) {
    if (node.hallId == mHallId) {
      mNodes.append(&node);
      mById.insert(node.id, &node);
    }
  }
  std::stable_sort(mNodes.begin(), mNodes.end(), [this](const PowerNode* a, const PowerNode* b) {
    const int fa = feedIndex(a->feed) < 0 ? 3 : feedIndex(a->feed);
    const int fb = feedIndex(b->feed) < 0 ? 3 : feedIndex(b->feed);
    if (fa != fb) {
      return fa < fb;
    }
    const int ta = tierOf(*a);
    const int tb = tierOf(*b);
    return ta != tb ? ta < tb : a->name < b->name;
  });
  // The worst load each source carries: its PDUs' loads with another feed lost.
  for (const Rack& rack : mProject.racks()) {
    const auto power = mAnalysis.power.racks.constFind(rack.id());
    if (rack.hallId() != mHallId || power == mAnalysis.power.racks.cend()) {
      continue;
    }
    for (const PduLoad& pdu : power->pdus) {
      mFeedLoadW[feedIndex(pdu.feed)] += std::max(pdu.normal.loadW, pdu.failover.loadW);
    }
  }
}

/// A node's tier: its kind's, and below its upstream node when that is of the same kind
/// (a busway feeding an RPP). A loop in the tree (an invalid model) stops at depth 16.
int SingleLineBuilder::tierOf(const PowerNode& node, int depth) const {
  const PowerNode* upstream = mById.value(node.upstreamId);
  if (upstream == nullptr || upstream == &node || depth > 16) {
    return kindTier(node.kind);
  }
  return std::max(kindTier(node.kind), tierOf(*upstream, depth + 1) + 1);
}

/// The feeds that need a source: those of the tree's top nodes and of PDUs the tree does not
/// reach. A, B, C, then the unfed.
QList<int> SingleLineBuilder::sourceFeeds() const {
  QSet<int> feeds;
  for (const PowerNode* node : mNodes) {
    if (!mById.contains(node->upstreamId)) {
      feeds.insert(feedIndex(node->feed));
    }
  }
  for (const auto& [feed, loadW] : mFeedLoadW) {
    feeds.insert(feed);
  }
  QList<int> ordered(feeds.cbegin(), feeds.cend());
  std::sort(ordered.begin(), ordered.end(),
            [](int x, int y) { return (x < 0 ? 3 : x) < (y < 0 ? 3 : y); });
  return ordered;
}

int SingleLineBuilder::addUtility() {
  const HallTotals* hall = mAnalysis.power.hall(mHallId);
  const double hallItW = hall != nullptr ? hall->maxPowerW.value : 0.0;
  DiagramNode utility{QStringLiteral("utility"), DiagramSymbol::Utility, QStringLiteral("Utility")};
  utility.tier = kTierUtility;
  utility.byFacility = true;
  utility.lines = {
      {QStringLiteral("MV incomer")},
      {QStringLiteral("demand %1").arg(mText.number(hallItW * peakPue(), Quantity::PowerW))}};
  return add(utility);
}

/// The standby generators the analysis sizes (for the whole project), or -1.
int SingleLineBuilder::addGenerators() {
  const PowerTotals& totals = mAnalysis.power.totals;
  if (totals.generatorCount <= 0) {
    return -1;
  }
  DiagramNode gen{QStringLiteral("generators"), DiagramSymbol::Generator,
                  QStringLiteral("Generators")};
  gen.tier = kTierUtility;
  gen.byFacility = true;
  const QString redundancy =
      mAnalysis.assumptions.choice(QString::fromLatin1(assumption::kGeneratorRedundancy));
  gen.lines = {
      {QStringLiteral("%1 × %2 · %3")
           .arg(totals.generatorCount)
           .arg(mText.number(totals.generatorUnitW.value, Quantity::PowerW), redundancy.toUpper())},
      {QStringLiteral("standby, project")}};
  return add(gen);
}

/// A transformer sized for the feed's worst load and the LV switchgear under it.
void SingleLineBuilder::addFeedSource(int feed, int utility, bool generators) {
  const DesignAssumptions& a = mAnalysis.assumptions;
  const double powerFactor = a.value(QString::fromLatin1(assumption::kPowerFactor));
  const QString suffix = feedSuffix(feed);
  const double sourceW = mFeedLoadW.count(feed) != 0 ? mFeedLoadW.at(feed) * peakPue() : 0.0;
  DiagramNode tx{QStringLiteral("tx:%1").arg(suffix), DiagramSymbol::Transformer,
                 QStringLiteral("TX-%1").arg(suffix)};
  tx.tier = kTierTransformer;
  tx.feed = feed;
  tx.byFacility = true;
  // An 800 VDC design still takes AC from its transformers: the power racks rectify it.
  const QString secondary =
      a.supplyIsDc()
          ? QStringLiteral("MV / LV AC")
          : QStringLiteral("MV / %1").arg(mText.number(a.supplyVoltageV(), Quantity::VoltageV));
  tx.lines = {{QStringLiteral("≥ %1").arg(
                  mText.apparentPower(powerFactor > 0 ? sourceW / powerFactor : sourceW))},
              {secondary}};
  const int txIndex = add(tx);
  addEdge(utility, txIndex, EdgeStyle::Power, feed);

  DiagramNode lv{QStringLiteral("lv:%1").arg(suffix), DiagramSymbol::Switchgear,
                 QStringLiteral("MSB-%1").arg(suffix)};
  lv.tier = kTierSwitchgear;
  lv.feed = feed;
  lv.byFacility = true;
  lv.lines = {{QStringLiteral("LV switchgear")}};
  if (generators) {
    lv.lines.append({QStringLiteral("mains / generator")});
  }
  const int lvIndex = add(lv);
  addEdge(txIndex, lvIndex, EdgeStyle::Power, feed);
  mSwitchgearByFeed[feed] = lvIndex;
}

void SingleLineBuilder::addSources() {
  const int utility = addUtility();
  const int generators = addGenerators();
  for (int feed : sourceFeeds()) {
    addFeedSource(feed, utility, generators >= 0);
  }
  if (generators >= 0) {
    for (const auto& [feed, lvIndex] : mSwitchgearByFeed) {
      addEdge(generators, lvIndex, EdgeStyle::Standby, -1);
    }
  }
  const double powerFactor =
      mAnalysis.assumptions.value(QString::fromLatin1(assumption::kPowerFactor));
  mDiagram.notes.append(
      QStringLiteral("Utility, transformers, LV switchgear and generators by the facility. Each "
                     "transformer is sized for its feed's worst rack load (another feed lost) "
                     "× peak PUE %1 ÷ power factor %2.")
          .arg(formatQuantity(peakPue(), Quantity::Ratio, NumberStyle{mText.locale, 3}),
               formatQuantity(powerFactor, Quantity::Ratio, NumberStyle{mText.locale, 3})));
}

DiagramNode SingleLineBuilder::powerNode(const PowerNode& node) const {
  DiagramNode n{QStringLiteral("node:%1").arg(node.id.toString()), symbolOf(node.kind), node.name};
  n.tier = tierOf(node);
  n.feed = feedIndex(node.feed);
  const auto load = mAnalysis.power.nodes.constFind(node.id);
  const bool analysed = load != mAnalysis.power.nodes.cend();
  const double voltageV = analysed && load->voltageV > 0 ? load->voltageV : node.voltageV;
  const QString voltage = voltageV > 0 ? mText.number(voltageV, Quantity::VoltageV) +
                                             (analysed && load->dc ? QStringLiteral(" DC") : "")
                                       : QString();
  switch (node.kind) {
    case PowerNodeKind::Ups:
      n.lines.append({QStringLiteral("%1 × %2 · %3")
                          .arg(node.moduleCount)
                          .arg(mText.number(node.moduleRatingW, Quantity::PowerW),
                               redundancyName(node.redundancy))});
      if (analysed) {
        n.lines.append({QStringLiteral("usable %1")
                            .arg(mText.number(load->capacityW.value, Quantity::PowerW))});
      }
      break;
    case PowerNodeKind::PowerRack:
      n.lines.append({mText.number(node.ratedPowerW, Quantity::PowerW) +
                      (voltage.isEmpty() ? QString() : QStringLiteral(" · ") + voltage)});
      break;
    case PowerNodeKind::Switchboard:
    case PowerNodeKind::Busway:
    case PowerNodeKind::Rpp:
      n.lines.append({mText.number(node.ratedCurrentA, Quantity::CurrentA) +
                      (voltage.isEmpty() ? QString() : QStringLiteral(" · ") + voltage)});
      break;
  }
  if (analysed) {
    n.lines.append(mText.loading(QStringLiteral("load"), load->loadingPct));
    if (load->failoverLostFeed != PowerFeed::None) {
      n.lines.append(
          mText.loading(QStringLiteral("%1 lost:").arg(powerFeedName(load->failoverLostFeed)),
                        load->failoverLoadingPct));
    }
  }
  return n;
}

void SingleLineBuilder::addPowerNodes() {
  for (const PowerNode* node : mNodes) {
    mDiagramIndex.insert(node->id, add(powerNode(*node)));
  }
  for (const PowerNode* node : mNodes) {
    const int to = mDiagramIndex.value(node->id);
    const int feed = feedIndex(node->feed);
    if (const PowerNode* upstream = mById.value(node->upstreamId); upstream && upstream != node) {
      addEdge(mDiagramIndex.value(upstream->id), to, EdgeStyle::Power, feed);
    } else if (mSwitchgearByFeed.count(feed) != 0) {
      addEdge(mSwitchgearByFeed.at(feed), to, EdgeStyle::Power, feed);
    }
  }
}

QList<RackGroup> SingleLineBuilder::rackGroups() const {
  QList<RackGroup> groups;
  for (const Rack& rack : mProject.racks()) {
    const auto power = mAnalysis.power.racks.constFind(rack.id());
    if (rack.hallId() != mHallId || (power != mAnalysis.power.racks.cend() && power->coolingUnit)) {
      continue;
    }
    QList<RackInlet> inlets;
    int pduCount = 0;
    if (power != mAnalysis.power.racks.cend()) {
      for (const PduLoad& pdu : power->pdus) {
        ++pduCount;
        const RackInlet inlet{mById.contains(pdu.upstreamId) ? pdu.upstreamId : PowerNodeId(),
                              feedIndex(pdu.feed)};
        if (!inlets.contains(inlet)) {
          inlets.append(inlet);
        }
      }
    }
    std::sort(inlets.begin(), inlets.end(), [](const RackInlet& x, const RackInlet& y) {
      return x.feed != y.feed ? x.feed < y.feed : x.upstreamId < y.upstreamId;
    });
    auto group = std::find_if(groups.begin(), groups.end(), [&](const RackGroup& g) {
      return g.inlets == inlets && g.pduCount == pduCount;
    });
    if (group == groups.end()) {
      groups.append({inlets, pduCount, {}, {}, 0.0});
      group = groups.end() - 1;
    }
    group->names.append(rack.name());
    group->ids.append(rack.id());
    group->maxPowerW += power != mAnalysis.power.racks.cend() ? power->maxPowerW.value : 0.0;
  }
  return groups;
}

void SingleLineBuilder::addRackGroups() {
  const QList<RackGroup> groups = rackGroups();
  int tier = kTierDistribution;
  for (const DiagramNode& n : mDiagram.nodes) {
    tier = std::max(tier, n.tier);
  }
  for (qsizetype i = 0; i < groups.size(); ++i) {
    const RackGroup& group = groups[i];
    DiagramNode n{QStringLiteral("group:%1").arg(i), DiagramSymbol::RackGroup,
                  rackNameRange(group.names)};
    n.tier = tier + 1;
    n.racks = group.ids;
    n.rackNames = group.names;
    n.rackCountText = group.names.size() == 1 ? QStringLiteral("1 rack")
                                              : QStringLiteral("%1 racks").arg(group.names.size());
    n.lines.append({n.rackCountText + QStringLiteral(" · ") +
                    mText.number(group.maxPowerW, Quantity::PowerW)});
    QStringList feeds;
    for (const RackInlet& inlet : group.inlets) {
      const QString name = inlet.feed >= 0 ? QString(QChar(u'A' + inlet.feed)) : QString();
      if (!name.isEmpty() && !feeds.contains(name)) {
        feeds.append(name);
      }
    }
    if (group.pduCount == 0) {
      n.lines.append({QStringLiteral("no rack PDU modelled"), Tone::Warning});
    } else {
      n.lines.append(
          {QStringLiteral("%1 PDU%2/rack%3")
               .arg(group.pduCount)
               .arg(group.pduCount == 1 ? "" : "s")
               .arg(feeds.isEmpty() ? QString() : QStringLiteral(" · ") + feeds.join(u'/'))});
    }
    const int to = add(n);
    for (const RackInlet& inlet : group.inlets) {
      if (!inlet.upstreamId.isNull()) {
        addEdge(mDiagramIndex.value(inlet.upstreamId), to, EdgeStyle::Power, inlet.feed);
      } else if (mSwitchgearByFeed.count(inlet.feed) != 0) {
        addEdge(mSwitchgearByFeed.at(inlet.feed), to, EdgeStyle::Assumed, inlet.feed);
      }
    }
  }
}

QString tierName(DiagramSymbol symbol) {
  switch (symbol) {
    case DiagramSymbol::Utility:
      return QStringLiteral("Utility");
    case DiagramSymbol::Generator:
      return QStringLiteral("Standby");
    case DiagramSymbol::Transformer:
      return QStringLiteral("Transformers");
    case DiagramSymbol::Switchgear:
      return QStringLiteral("LV switchgear");
    case DiagramSymbol::Ups:
      return QStringLiteral("UPS");
    case DiagramSymbol::Switchboard:
      return QStringLiteral("Switchboards");
    case DiagramSymbol::Busway:
      return QStringLiteral("Busways");
    case DiagramSymbol::Rpp:
      return QStringLiteral("RPPs");
    case DiagramSymbol::PowerRack:
      return QStringLiteral("Power racks");
    case DiagramSymbol::RackGroup:
      return QStringLiteral("Racks");
    default:
      break;
  }
  return {};
}

/// Drops empty tiers and names the rest after what stands on them.
void SingleLineBuilder::compactTiers() {
  int highest = 0;
  for (const DiagramNode& n : mDiagram.nodes) {
    highest = std::max(highest, n.tier);
  }
  QList<QStringList> names(highest + 1);
  for (const DiagramNode& n : mDiagram.nodes) {
    const QString name = tierName(n.symbol);
    if (n.symbol != DiagramSymbol::Generator && !names[n.tier].contains(name)) {
      names[n.tier].append(name);
    }
  }
  QList<int> newTier(highest + 1, -1);
  for (int t = 0; t <= highest; ++t) {
    if (!names[t].isEmpty()) {
      newTier[t] = int(mDiagram.tierTitles.size());
      mDiagram.tierTitles.append(names[t].join(QStringLiteral(" / ")));
    }
  }
  for (DiagramNode& n : mDiagram.nodes) {
    n.tier = std::max(0, newTier[n.tier]);
  }
}

Diagram SingleLineBuilder::build() {
  const Hall* hall = mProject.findHall(mHallId);
  mDiagram.title = QStringLiteral("Power single-line diagram") +
                   (hall != nullptr ? QStringLiteral(" — ") + hall->name() : QString());
  collectNodes();
  addSources();
  addPowerNodes();
  addRackGroups();
  compactTiers();
  layoutDiagram(mDiagram);
  return mDiagram;
}

}  // namespace

Diagram powerSingleLine(const Project& project, const Catalog& catalog, const Analysis& analysis,
                        HallId hallId, const QLocale& locale) {
  Q_UNUSED(catalog);  // ratings are the nodes' own (copied from the catalog when made)
  return SingleLineBuilder(project, analysis, hallId, locale).build();
}

}  // namespace dc::report
