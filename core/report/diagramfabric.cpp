// SPDX-License-Identifier: GPL-3.0-or-later
// The fabric topology drawing's content: devices grouped into boxes per tier (scalable units,
// pods, planes, dragonfly groups), merged when a row would hold too many, and the links between
// the groups counted from the cables with their medium.
#include "diagramfabric.h"

#include "catalog/catalog.h"
#include "format/quantityformat.h"
#include "model/project.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <functional>
#include <map>
#include <tuple>

namespace dc::report {

namespace {

/// The rows of the drawing, top to bottom.
enum Tier { TierGlobal, TierCore, TierSpine, TierLeaf, TierNodes, TierCount };

/// A group of devices of one tier before boxes are merged: the fine grouping.
struct Group {
  QList<int> devices;  ///< fabric device indexes
};

class Builder {
 public:
  Builder(const Project& project, const Catalog& catalog, const FabricResult& fabric,
          const FabricSummary& summary, const QLocale& locale)
      : mProject(project),
        mCatalog(catalog),
        mFabric(fabric),
        mSummary(summary),
        mStyle{locale, 3},
        mGroupOf(summary.devices.size(), -1),
        mTierOf(summary.devices.size(), -1) {}

  FabricDiagram build() {
    FabricDiagram diagram;
    diagram.title = mSummary.name;
    if (mSummary.devices.isEmpty()) {
      return diagram;
    }
    classify();
    groupLeaves();
    groupNodes();
    groupUpper(TierSpine, TierLeaf, LinkTier::LeafToSpine);
    groupUpper(TierCore, TierSpine, LinkTier::SpineToCore);
    if (mSummary.topology == FabricTopology::Dragonfly && hasTier(LinkTier::Global)) {
      // The dragonfly's global links: every group to one all-to-all box.
      mGroups[TierGlobal] = {Group{}};
    }
    mergeGroups();
    makeRows(diagram);
    makeBundles(diagram);
    makeTierLinks(diagram);
    makeData(diagram);
    diagram.notes = notes();
    return diagram;
  }

 private:
  QString count(qint64 value) const {
    return formatQuantity(double(value), Quantity::Count, mStyle);
  }

  QString model(const QString& catalogId) const { return shortModel(mCatalog, catalogId); }

  QString rackName(int rackIndex) const {
    return rackIndex >= 0 && rackIndex < mProject.racks().size()
               ? mProject.racks()[rackIndex].name()
               : QString();
  }

  bool hasTier(LinkTier tier) const {
    return std::any_of(cableRange().first, cableRange().second,
                       [tier](const Cable& cable) { return cable.tier == tier; });
  }

  std::pair<std::vector<Cable>::const_iterator, std::vector<Cable>::const_iterator> cableRange()
      const {
    const qsizetype first =
        std::clamp<qsizetype>(mSummary.firstCable, 0, qsizetype(mFabric.cables.size()));
    const qsizetype last = std::clamp<qsizetype>(mSummary.firstCable + mSummary.cableCount, first,
                                                 qsizetype(mFabric.cables.size()));
    return {mFabric.cables.cbegin() + first, mFabric.cables.cbegin() + last};
  }

  bool validDevice(int device) const { return device >= 0 && device < mSummary.devices.size(); }

  void classify() {
    for (int d = 0; d < mSummary.devices.size(); ++d) {
      const FabricDevice& device = mSummary.devices[d];
      if (!device.isSwitch) {
        mTierOf[d] = TierNodes;
      } else if (device.role == SwitchRole::Spine) {
        mTierOf[d] = TierSpine;
      } else if (device.role == SwitchRole::Core) {
        mTierOf[d] = TierCore;
      } else {
        mTierOf[d] = TierLeaf;  // leaves and dragonfly routers
      }
      mByTier[mTierOf[d]].append(d);
    }
  }

  void addTo(Tier tier, int key, int device, std::map<int, int>& groupOfKey) {
    auto found = groupOfKey.find(key);
    if (found == groupOfKey.end()) {
      found = groupOfKey.emplace(key, int(mGroups[tier].size())).first;
      mGroups[tier].append(Group{});
    }
    mGroups[tier][found->second].devices.append(device);
    mGroupOf[device] = found->second;
  }

  /// Leaves by scalable unit; dragonfly routers by group (joined by their local links); other
  /// leaves in runs (a pod each in three tiers).
  void groupLeaves() {
    const QList<int>& leaves = mByTier[TierLeaf];
    if (leaves.isEmpty()) {
      return;
    }
    std::map<int, int> groupOfKey;
    if (mSummary.topology == FabricTopology::Dragonfly) {
      // Union-find over the local links.
      QHash<int, int> parent;
      const std::function<int(int)> root = [&](int d) {
        int r = d;
        while (parent.value(r, r) != r) {
          r = parent.value(r, r);
        }
        parent.insert(d, r);
        return r;
      };
      for (auto it = cableRange().first; it != cableRange().second; ++it) {
        if (it->tier == LinkTier::Local && validDevice(it->a.device) && validDevice(it->z.device)) {
          const int ra = root(it->a.device), rz = root(it->z.device);
          if (ra != rz) {
            parent.insert(std::max(ra, rz), std::min(ra, rz));
          }
        }
      }
      for (int d : leaves) {
        addTo(TierLeaf, root(d), d, groupOfKey);
      }
      return;
    }
    const bool bySu = std::all_of(leaves.cbegin(), leaves.cend(),
                                  [&](int d) { return mSummary.devices[d].scalableUnit >= 0; });
    const int run =
        mSummary.sizing.pods > 1 && mSummary.sizing.leavesPerPod > 0
            ? mSummary.sizing.leavesPerPod
            : std::max<int>(1, int((leaves.size() + kMaxFabricBoxes - 1) / kMaxFabricBoxes));
    for (qsizetype i = 0; i < leaves.size(); ++i) {
      const int d = leaves[i];
      addTo(TierLeaf, bySu ? mSummary.devices[d].scalableUnit : int(i / run), d, groupOfKey);
    }
    mLeavesBySu = bySu;
    mLeafRun = run;
  }

  /// Nodes under the leaf group their first port reaches.
  void groupNodes() {
    QHash<int, int> leafOfNode;
    for (auto it = cableRange().first; it != cableRange().second; ++it) {
      if (it->tier == LinkTier::NodeToLeaf && validDevice(it->a.device) &&
          validDevice(it->z.device) && !leafOfNode.contains(it->a.device)) {
        leafOfNode.insert(it->a.device, it->z.device);
      }
    }
    // One node group per leaf group, in the same order, so that the rows line up.
    mGroups[TierNodes] = QList<Group>(mGroups[TierLeaf].size());
    for (int d : mByTier[TierNodes]) {
      const int leaf = leafOfNode.value(d, -1);
      const int group = leaf >= 0 ? mGroupOf[leaf] : -1;
      if (group < 0) {
        mUnconnectedNodes.append(d);
        continue;
      }
      mGroups[TierNodes][group].devices.append(d);
      mGroupOf[d] = group;
    }
  }

  /// Spines by the first leaf they serve (one group in two tiers, a pod each in three); cores by
  /// the first spine (a plane each).
  void groupUpper(Tier tier, Tier lower, LinkTier linkTier) {
    QHash<int, int> firstLower;
    for (auto it = cableRange().first; it != cableRange().second; ++it) {
      if (it->tier == linkTier && validDevice(it->a.device) && validDevice(it->z.device) &&
          mTierOf[it->a.device] == lower) {
        const int previous = firstLower.value(it->z.device, -1);
        if (previous < 0 || it->a.device < previous) {
          firstLower.insert(it->z.device, it->a.device);
        }
      }
    }
    std::map<int, int> groupOfKey;
    for (int d : mByTier[tier]) {
      addTo(tier, firstLower.value(d, -1), d, groupOfKey);
    }
    // Groups in the order of what they serve (the unconnected, key -1, first: moved last).
    if (!mGroups[tier].isEmpty() && groupOfKey.count(-1) > 0 && mGroups[tier].size() > 1) {
      const int unconnected = groupOfKey[-1];
      Group moved = mGroups[tier].takeAt(unconnected);
      mGroups[tier].append(moved);
      for (int g = 0; g < mGroups[tier].size(); ++g) {
        for (int d : mGroups[tier][g].devices) {
          mGroupOf[d] = g;
        }
      }
    }
  }

  /// Runs of fine groups merged into one box each when a row would hold more than
  /// kMaxFabricBoxes. Leaves and nodes merge alike, so that they stay one above the other.
  void mergeGroups() {
    for (int tier = 0; tier < TierCount; ++tier) {
      const qsizetype n = mGroups[tier].size();
      const int per = tier == TierNodes
                          ? mMergeRun[TierLeaf]
                          : std::max<int>(1, int((n + kMaxFabricBoxes - 1) / kMaxFabricBoxes));
      mMergeRun[tier] = std::max(1, per);
    }
  }

  int boxOf(int device) const {
    const int tier = mTierOf[device];
    return mGroupOf[device] < 0 ? -1 : mGroupOf[device] / mMergeRun[tier];
  }

  int boxCount(int tier) const {
    return int((mGroups[tier].size() + mMergeRun[tier] - 1) / mMergeRun[tier]);
  }

  /// "SU 3", "SU 1–4", "Pods 1–2": a box's title from its first and last group.
  static QString rangeTitle(const QString& one, const QString& many, int first, int last) {
    return first == last ? QStringLiteral("%1 %2").arg(one).arg(first + 1)
                         : QStringLiteral("%1 %2–%3").arg(many).arg(first + 1).arg(last + 1);
  }

  QString groupTitle(int tier, int first, int last) const {
    switch (tier) {
      case TierLeaf:
        if (mSummary.topology == FabricTopology::Dragonfly) {
          return rangeTitle(QStringLiteral("Group"), QStringLiteral("Groups"), first, last);
        }
        if (mLeavesBySu) {
          return rangeTitle(QStringLiteral("SU"), QStringLiteral("SU"), first, last);
        }
        if (mSummary.sizing.pods > 1) {
          return rangeTitle(QStringLiteral("Pod"), QStringLiteral("Pods"), first, last);
        }
        // Runs of leaves in order: named by the leaves they hold ("Leaf 3", "Leaves 1–3").
        return rangeTitle(QStringLiteral("Leaf"), QStringLiteral("Leaves"), first * mLeafRun,
                          std::min<int>(int(mByTier[TierLeaf].size()), (last + 1) * mLeafRun) - 1);
      case TierSpine:
        return mGroups[TierSpine].size() > 1
                   ? rangeTitle(QStringLiteral("Pod"), QStringLiteral("Pods"), first, last)
               : mByTier[TierSpine].size() == 1 ? QStringLiteral("Spine")
                                                : QStringLiteral("Spines");
      case TierCore:
        return mGroups[TierCore].size() > 1
                   ? rangeTitle(QStringLiteral("Plane"), QStringLiteral("Planes"), first, last)
               : mByTier[TierCore].size() == 1 ? QStringLiteral("Core")
                                               : QStringLiteral("Cores");
      default:
        break;
    }
    return {};
  }

  /// "N01", "N01, N03": the racks the devices stand in, in name order.
  QString racksOf(const QList<int>& devices) const {
    QStringList names;
    for (int d : devices) {
      const QString name = rackName(mSummary.devices[d].rackIndex);
      if (!name.isEmpty()) {
        names.append(name);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return rackNameRange(names, 3);
  }

  /// "DGX H100", or "27 × DGX H100 · 4 × DGX B200" for mixed nodes.
  QString modelsOf(const QList<int>& devices) const {
    QMap<QString, int> models;
    QStringList order;
    for (int d : devices) {
      const QString id = mSummary.devices[d].catalogId;
      if (!models.contains(id)) {
        order.append(id);
      }
      models[id] += 1;
    }
    if (order.size() == 1) {
      return model(order.first());
    }
    QStringList parts;
    for (const QString& id : order) {
      parts.append(QStringLiteral("%1 × %2").arg(count(models.value(id)), model(id)));
    }
    return parts.join(QStringLiteral(" · "));
  }

  QString memberLabel(int tier, int device, int indexInTier) const {
    const FabricDevice& d = mSummary.devices[device];
    if (tier == TierLeaf && d.rail >= 0 && mSummary.topology != FabricTopology::Dragonfly) {
      return QStringLiteral("R%1").arg(d.rail + 1);
    }
    const QString prefix = tier == TierSpine                                ? QStringLiteral("S")
                           : tier == TierCore                               ? QStringLiteral("C")
                           : mSummary.topology == FabricTopology::Dragonfly ? QStringLiteral("R")
                                                                            : QStringLiteral("L");
    return prefix + QString::number(indexInTier + 1);
  }

  /// "8 leaves", "1 spine", "4 routers".
  QString roleCount(int tier, int devices) const {
    const bool one = devices == 1;
    QString noun;
    switch (tier) {
      case TierSpine:
        noun = one ? QStringLiteral("spine") : QStringLiteral("spines");
        break;
      case TierCore:
        noun = one ? QStringLiteral("core") : QStringLiteral("cores");
        break;
      default:
        noun = mSummary.topology == FabricTopology::Dragonfly
                   ? (one ? QStringLiteral("router") : QStringLiteral("routers"))
                   : (one ? QStringLiteral("leaf") : QStringLiteral("leaves"));
        break;
    }
    return QStringLiteral("%1 %2").arg(count(devices), noun);
  }

  /// The models of a tier's devices: "Quantum-2 QM9700", or several joined.
  QString rowModels(int tier) const {
    QStringList models;
    for (int d : mByTier[tier]) {
      const QString name = model(mSummary.devices[d].catalogId);
      if (!models.contains(name)) {
        models.append(name);
      }
    }
    return models.join(QStringLiteral(", "));
  }

  FabricBox switchBox(int tier, int box) const {
    FabricBox out;
    const int first = box * mMergeRun[tier];
    const int last = std::min<int>(int(mGroups[tier].size()), first + mMergeRun[tier]) - 1;
    QList<int> devices;
    for (int g = first; g <= last; ++g) {
      devices += mGroups[tier][g].devices;
    }
    out.title = groupTitle(tier, first, last);
    out.devices = int(devices.size());
    for (int d : devices) {
      out.placed += mSummary.devices[d].rackIndex >= 0 ? 1 : 0;
    }
    out.lines.append({roleCount(tier, int(devices.size())), Tone::Normal});
    const QString racks = racksOf(devices);
    if (!racks.isEmpty()) {
      out.lines.append({racks, Tone::Normal});
    }
    if (out.placed < out.devices) {
      out.lines.append(
          {QStringLiteral("%1 of %2 placed").arg(count(out.placed), count(out.devices)),
           out.placed == 0 ? Tone::Error : Tone::Warning});
    }
    const int reserved = reservedPortsOn(devices);
    if (reserved > 0) {
      out.lines.append({QStringLiteral("%1 %2 reserved")
                            .arg(count(reserved),
                                 reserved == 1 ? QStringLiteral("port") : QStringLiteral("ports")),
                        Tone::Muted});
    }
    if (devices.size() <= kMaxFabricMembers) {
      for (int d : devices) {
        out.members.append(memberLabel(tier, d, int(mByTier[tier].indexOf(d))));
        out.memberPlaced.append(mSummary.devices[d].rackIndex >= 0);
      }
    }
    return out;
  }

  int reservedPortsOn(const QList<int>& devices) const {
    const QSet<int> set(devices.cbegin(), devices.cend());
    int reserved = 0;
    for (auto it = cableRange().first; it != cableRange().second; ++it) {
      reserved += it->tier == LinkTier::Reserved && set.contains(it->z.device) ? 1 : 0;
    }
    return reserved;
  }

  FabricBox nodeBox(int box) const {
    const int first = box * mMergeRun[TierNodes];
    const int last =
        std::min<int>(int(mGroups[TierNodes].size()), first + mMergeRun[TierNodes]) - 1;
    QList<int> devices;
    for (int g = first; g <= last; ++g) {
      devices += mGroups[TierNodes][g].devices;
    }
    return nodeBoxOf(devices);
  }

  FabricBox nodeBoxOf(const QList<int>& devices) const {
    FabricBox out;
    out.devices = int(devices.size());
    out.placed = out.devices;
    if (devices.isEmpty()) {
      out.title = QStringLiteral("No nodes");
      out.lines.append({QStringLiteral("slots free"), Tone::Muted});
      return out;
    }
    out.title = QStringLiteral("%1 %2").arg(count(devices.size()), devices.size() == 1
                                                                       ? QStringLiteral("node")
                                                                       : QStringLiteral("nodes"));
    out.lines.append({modelsOf(devices), Tone::Normal});
    int ports = 0;
    for (int d : devices) {
      ports += mSummary.devices[d].ports;
    }
    out.lines.append({QStringLiteral("%1 ports").arg(count(ports)), Tone::Normal});
    const QString racks = racksOf(devices);
    if (!racks.isEmpty()) {
      out.lines.append({racks, Tone::Normal});
    }
    return out;
  }

  void makeRows(FabricDiagram& diagram) {
    const bool dragonfly = mSummary.topology == FabricTopology::Dragonfly;
    for (int tier = 0; tier < TierCount; ++tier) {
      if (tier == TierNodes) {
        if (mByTier[TierNodes].isEmpty()) {
          continue;
        }
      } else if (mGroups[tier].isEmpty()) {
        continue;
      }
      FabricRow row;
      mRowOf[tier] = int(diagram.rows.size());
      switch (tier) {
        case TierGlobal: {
          row.title = QStringLiteral("Global");
          row.mesh = true;
          FabricBox all;
          all.title =
              QStringLiteral("All-to-all between %1 groups").arg(count(mGroups[TierLeaf].size()));
          all.lines.append(
              {QStringLiteral("%1 global links").arg(count(mSummary.cablesGlobal)), Tone::Normal});
          if (mSummary.dragonfly.globalLinksPerGroupPair > 0) {
            all.lines.append({QStringLiteral("%1 per pair of groups")
                                  .arg(count(mSummary.dragonfly.globalLinksPerGroupPair)),
                              Tone::Normal});
          }
          row.boxes.append(all);
          break;
        }
        case TierCore:
        case TierSpine:
        case TierLeaf:
          row.title = tier == TierCore    ? QStringLiteral("Core")
                      : tier == TierSpine ? QStringLiteral("Spine")
                      : dragonfly         ? QStringLiteral("Router")
                                          : QStringLiteral("Leaf");
          row.detail = rowModels(tier);
          for (int b = 0; b < boxCount(tier); ++b) {
            row.boxes.append(switchBox(tier, b));
          }
          if (tier == TierLeaf && dragonfly) {
            addLocalLinks(row);
          }
          break;
        case TierNodes:
          row.title = QStringLiteral("Nodes");
          row.detail = rowModels(TierNodes);
          row.nodes = true;
          for (int b = 0; b < boxCount(TierLeaf); ++b) {
            row.boxes.append(nodeBox(b));
          }
          if (!mUnconnectedNodes.isEmpty()) {
            FabricBox box = nodeBoxOf(mUnconnectedNodes);
            box.lines.prepend({QStringLiteral("not connected"), Tone::Error});
            row.boxes.append(box);
          }
          break;
        default:
          break;
      }
      diagram.rows.append(row);
    }
  }

  /// Dragonfly groups say how many local links join their routers.
  void addLocalLinks(FabricRow& row) const {
    QList<int> local(row.boxes.size(), 0);
    for (auto it = cableRange().first; it != cableRange().second; ++it) {
      if (it->tier == LinkTier::Local && validDevice(it->a.device)) {
        const int box = boxOf(it->a.device);
        if (box >= 0 && box < local.size()) {
          local[box] += 1;
        }
      }
    }
    for (qsizetype b = 0; b < row.boxes.size(); ++b) {
      row.boxes[b].lines.append(
          {QStringLiteral("%1 local links").arg(count(local[b])), Tone::Normal});
    }
  }

  QString choiceMedia(int choice) const {
    return choice >= 0 && choice < mFabric.choices.size() ? mFabric.choices[choice].mediaClass
                                                          : QString();
  }

  /// Links between boxes of adjacent rows, with the medium most of them use.
  /// Links between boxes of adjacent rows, a bundle per medium (a bundle of two media is two
  /// lines side by side).
  void makeBundles(FabricDiagram& diagram) {
    using Key = std::tuple<int, int, int, QString>;  // lower row, lower box, upper box, medium
    std::map<Key, int> links;
    const auto add = [&](int lowerRow, int lowerBox, int upperBox, const QString& medium) {
      if (lowerRow >= 0 && lowerBox >= 0 && upperBox >= 0) {
        links[Key{lowerRow, lowerBox, upperBox, medium}] += 1;
      }
    };
    const int unconnectedBox =
        mRowOf[TierNodes] >= 0 ? int(diagram.rows[mRowOf[TierNodes]].boxes.size()) - 1 : -1;
    for (auto it = cableRange().first; it != cableRange().second; ++it) {
      const QString medium = choiceMedia(it->choice);
      const bool a = validDevice(it->a.device), z = validDevice(it->z.device);
      switch (it->tier) {
        case LinkTier::NodeToLeaf:
          if (a && z) {
            const int box = mGroupOf[it->a.device] < 0 && !mUnconnectedNodes.isEmpty()
                                ? unconnectedBox
                                : boxOf(it->a.device);
            add(mRowOf[TierNodes], box, boxOf(it->z.device), medium);
          }
          break;
        case LinkTier::LeafToSpine:
        case LinkTier::SpineToCore:
          if (a && z) {
            add(mRowOf[mTierOf[it->a.device]], boxOf(it->a.device), boxOf(it->z.device), medium);
          }
          break;
        case LinkTier::Global:
          if (a && z) {
            add(mRowOf[TierLeaf], boxOf(it->a.device), 0, medium);
            add(mRowOf[TierLeaf], boxOf(it->z.device), 0, medium);
          }
          break;
        case LinkTier::Reserved:  // no device at the A end: said in the margin
        case LinkTier::Local:     // inside a group: said in the group's box
          break;
      }
    }
    for (const auto& [key, count] : links) {
      const auto& [lowerRow, lowerBox, upperBox, medium] = key;
      diagram.bundles.append(FabricBundle{lowerRow, lowerBox, upperBox, count, medium});
      if (!diagram.mediaClasses.contains(medium)) {
        diagram.mediaClasses.append(medium);
      }
    }
  }

  /// "multimode fibre 1,016 · passive copper (DAC) 4", or the one medium.
  QList<DiagramLine> mediaLines(LinkTier tier, LinkTier also) const {
    QMap<QString, int> media;
    for (auto it = cableRange().first; it != cableRange().second; ++it) {
      // A reserved port with nothing at its A end has no cable yet: the detail line says so.
      const bool open = it->tier == LinkTier::Reserved && !validDevice(it->a.device);
      if ((it->tier == tier || it->tier == also) && !open) {
        media[choiceMedia(it->choice)] += 1;
      }
    }
    QList<std::pair<QString, int>> sorted;
    for (auto m = media.cbegin(); m != media.cend(); ++m) {
      sorted.append({m.key(), m.value()});
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    QList<DiagramLine> lines;
    for (const auto& [key, links] : sorted) {
      if (key.isEmpty()) {
        lines.append({QStringLiteral("%1 with no medium").arg(count(links)), Tone::Error});
      } else if (sorted.size() == 1) {
        lines.append({mediaClassName(key), Tone::Normal});
      } else {
        lines.append(
            {QStringLiteral("%1 %2").arg(mediaClassName(key), count(links)), Tone::Normal});
      }
    }
    return lines;
  }

  void makeTierLinks(FabricDiagram& diagram) {
    const fabric::FatTreeSizing& sizing = mSummary.sizing;
    const auto add = [&](Tier lower, const QString& title, int links, LinkTier tier, LinkTier also,
                         const QString& detail) {
      if (mRowOf[lower] < 0 || links <= 0) {
        return;
      }
      FabricTierLinks entry{mRowOf[lower], title, {}};
      entry.lines.append({QStringLiteral("%1 links").arg(count(links)), Tone::Normal});
      if (!detail.isEmpty()) {
        entry.lines.append({detail, Tone::Muted});
      }
      entry.lines += mediaLines(tier, also);
      diagram.tierLinks.append(entry);
    };
    const bool dragonfly = mSummary.topology == FabricTopology::Dragonfly;
    add(TierNodes, dragonfly ? QStringLiteral("Node to router") : QStringLiteral("Node to leaf"),
        mSummary.cablesNodeToLeaf, LinkTier::NodeToLeaf, LinkTier::Reserved,
        mSummary.cablesReserved > 0
            ? QStringLiteral("incl. %1 reserved").arg(count(mSummary.cablesReserved))
            : QString());
    if (dragonfly) {
      add(TierLeaf, QStringLiteral("Global"), mSummary.cablesGlobal, LinkTier::Global,
          LinkTier::Global, QString());
      return;
    }
    add(TierLeaf, QStringLiteral("Leaf to spine"), mSummary.cablesLeafToSpine,
        LinkTier::LeafToSpine, LinkTier::LeafToSpine,
        sizing.linksLeafToSpine > 0
            ? QStringLiteral("%1 per leaf and spine").arg(count(sizing.linksLeafToSpine))
            : QString());
    add(TierSpine, QStringLiteral("Spine to core"), mSummary.cablesSpineToCore,
        LinkTier::SpineToCore, LinkTier::SpineToCore,
        sizing.linksSpineToCore > 0
            ? QStringLiteral("%1 per spine and core").arg(count(sizing.linksSpineToCore))
            : QString());
  }

  void makeData(FabricDiagram& diagram) const {
    QList<QPair<QString, QString>>& data = diagram.data;
    data.append({QStringLiteral("Fabric"), mSummary.name});
    data.append({QStringLiteral("Built as"), fabricShapeText(mSummary)});
    data.append({QStringLiteral("Nodes · GPUs"),
                 QStringLiteral("%1 · %2").arg(count(mSummary.nodes), count(mSummary.gpus))});
    data.append({QStringLiteral("Switches placed"),
                 QStringLiteral("%1 of %2")
                     .arg(count(mSummary.switchesPlaced), count(mSummary.switchesNeeded))});
    data.append(
        {QStringLiteral("Cables"),
         count(mSummary.physicalCables > 0 ? mSummary.physicalCables : mSummary.cableCount)});
    if (mSummary.longestLinkMm > 0) {
      data.append({QStringLiteral("Longest link"),
                   formatQuantity(double(mSummary.longestLinkMm), Quantity::LengthMm, mStyle)});
    }
  }

  QStringList notes() const {
    QStringList notes{QStringLiteral(
        "Schematic, not to scale: a box stands for a group of switches (a scalable unit's leaves, "
        "a pod's spines, a core plane) or the nodes they serve; a cell inside is one switch, "
        "leaves numbered by the rail (node port) they serve.")};
    notes.append(
        QStringLiteral("A line is the bundle of links between two groups, in the colour of its "
                       "medium, with its count; the margin gives each tier's total."));
    if (mSummary.switchesPlaced < mSummary.switchesNeeded) {
      notes.append(QStringLiteral(
          "Dashed cells: switches the fabric needs that no switch rack of the floor holds."));
    }
    return notes;
  }

  const Project& mProject;
  const Catalog& mCatalog;
  const FabricResult& mFabric;
  const FabricSummary& mSummary;
  NumberStyle mStyle;
  QList<int> mGroupOf;  ///< per device: its fine group in its tier
  QList<int> mTierOf;
  QList<int> mByTier[TierCount];
  QList<Group> mGroups[TierCount];
  int mMergeRun[TierCount] = {1, 1, 1, 1, 1};
  int mRowOf[TierCount] = {-1, -1, -1, -1, -1};
  QList<int> mUnconnectedNodes;
  bool mLeavesBySu = false;
  int mLeafRun = 1;  ///< leaves per fine group when not by scalable unit
};

}  // namespace

int FabricDiagram::rowIndex(const QString& rowTitle) const {
  for (qsizetype r = 0; r < rows.size(); ++r) {
    if (rows[r].title == rowTitle) {
      return int(r);
    }
  }
  return -1;
}

int FabricDiagram::devicesIn(int row) const {
  int devices = 0;
  if (row >= 0 && row < rows.size()) {
    for (const FabricBox& box : rows[row].boxes) {
      devices += box.devices;
    }
  }
  return devices;
}

int FabricDiagram::linksBelow(int row) const {
  int links = 0;
  for (const FabricBundle& bundle : bundles) {
    links += bundle.lowerRow == row + 1 ? bundle.links : 0;
  }
  return links;
}

FabricDiagram fabricTopology(const Project& project, const Catalog& catalog,
                             const FabricResult& fabric, int fabricIndex, const QLocale& locale) {
  if (fabricIndex < 0 || fabricIndex >= fabric.fabrics.size()) {
    return {};
  }
  return Builder(project, catalog, fabric, fabric.fabrics[fabricIndex], locale).build();
}

QString mediaClassName(const QString& mediaClass) {
  static const QHash<QString, QString> names{
      {QStringLiteral("passive-copper"), QStringLiteral("passive copper (DAC)")},
      {QStringLiteral("active-copper"), QStringLiteral("active copper")},
      {QStringLiteral("aoc"), QStringLiteral("active optical (AOC)")},
      {QStringLiteral("multimode"), QStringLiteral("multimode fibre")},
      {QStringLiteral("single-mode"), QStringLiteral("single-mode fibre")},
      {QStringLiteral("twisted-pair"), QStringLiteral("twisted pair")},
  };
  return mediaClass.isEmpty() ? QStringLiteral("no medium") : names.value(mediaClass, mediaClass);
}

QString shortModel(const Catalog& catalog, const QString& catalogId) {
  const CatalogItem* item = catalog.find(catalogId);
  if (item == nullptr || item->model.isEmpty()) {
    return catalogId;
  }
  QString model = item->model;
  if (model.endsWith(QLatin1Char(')'))) {
    const qsizetype open = model.lastIndexOf(QStringLiteral(" ("));
    if (open > 0) {
      model.truncate(open);
    }
  }
  return model;
}

QString fabricShapeText(const FabricSummary& summary) {
  if (summary.topology == FabricTopology::Dragonfly) {
    return QStringLiteral("dragonfly");
  }
  const int tiers = summary.sizing.tiers;
  QString text =
      tiers <= 1 ? QStringLiteral("single-tier") : QStringLiteral("%1-tier fat-tree").arg(tiers);
  if (summary.sizing.nodeSlotsPerSu > 0) {
    text += QStringLiteral(", rail-optimised");
  }
  return text;
}

}  // namespace dc::report
