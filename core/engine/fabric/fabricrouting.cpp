// SPDX-License-Identifier: GPL-3.0-or-later
// Routes a hall's cables over its trays, chooses each medium, fills the trays, counts the
// transceivers and writes the cables/optics bill of materials.
#include "fabricinternal.h"
#include "format/quantityformat.h"
#include "media.h"
#include "traygraph.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <unordered_map>

namespace dc::fabric {

namespace {

constexpr std::int64_t kNoRoute = std::numeric_limits<std::int64_t>::max();
/// EIA-310 rack unit, 1.75 in; used when the rack type gives no unit height.
constexpr double kEia310UnitMm = 44.45;

int mediaClassIndex(const QString& media) {
  static const QStringList kClasses{
      QStringLiteral("passive-copper"), QStringLiteral("twisted-pair"),
      QStringLiteral("active-copper"),  QStringLiteral("aoc"),
      QStringLiteral("multimode"),      QStringLiteral("single-mode")};
  const qsizetype i = kClasses.indexOf(media);
  return i < 0 ? 0 : int(i);
}
constexpr int kClassCount = 6;
const char* const kClassKeys[kClassCount] = {
    "passive-copper", "twisted-pair", "active-copper", "aoc", "multimode", "single-mode"};

bool isFibre(const QString& media) {
  return media == QLatin1String("multimode") || media == QLatin1String("single-mode");
}

int downCages(const FabricDevice& d) {
  const int down = d.upFromPort >= 0 ? d.upFromPort : d.ports;
  return (down + std::max(1, d.portsPerCage) - 1) / std::max(1, d.portsPerCage);
}
/// The device's cage holding `port`: down cages first, then a leaf's separate uplink cages.
int cageIndex(const FabricDevice& d, int port) {
  if (d.upFromPort >= 0 && port >= d.upFromPort) {
    return downCages(d) + (port - d.upFromPort) / std::max(1, d.upPortsPerCage);
  }
  return port / std::max(1, d.portsPerCage);
}
/// Where each device's cages start in one flat array per fabric (one past the end last).
std::vector<int> cageStarts(const FabricSummary& s) {
  std::vector<int> base(size_t(s.devices.size()) + 1, 0);
  for (qsizetype d = 0; d < s.devices.size(); ++d) {
    const FabricDevice& dev = s.devices[d];
    int cages = downCages(dev);
    if (dev.upFromPort >= 0) {
      cages += (dev.ports - dev.upFromPort + std::max(1, dev.upPortsPerCage) - 1) /
               std::max(1, dev.upPortsPerCage);
    }
    base[size_t(d) + 1] = base[size_t(d)] + cages;
  }
  return base;
}

/// A rack-scale system's compute trays have no mount: their ports sit mid-rack.
std::int64_t rackMidHeightMm(const CatalogItem* item) {
  const double h = item ? item->figureValue(QStringLiteral("heightMm"), 2200.0) : 2200.0;
  return std::llround(h / 2.0);
}

/// Whether segments ab and cd cross properly (each strictly on both sides of the other): a tray
/// that touches or runs along a wall stays inside; one that passes through a wall does not.
bool crossesProperly(PointMm a, PointMm b, PointMm c, PointMm d) {
  const auto side = [](PointMm p, PointMm q, PointMm r) {
    // Halls are at most a few km (10^7 mm): the products stay far inside int64.
    const std::int64_t cross =
        (q.xMm - p.xMm) * (r.yMm - p.yMm) - (q.yMm - p.yMm) * (r.xMm - p.xMm);
    return cross > 0 ? 1 : cross < 0 ? -1 : 0;
  };
  const int d1 = side(a, b, c);
  const int d2 = side(a, b, d);
  const int d3 = side(c, d, a);
  const int d4 = side(c, d, b);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/// A tray stays inside its hall: every vertex inside (or on the outline) and no segment through
/// a wall (a concave hall's notch).
bool trayInside(const PolygonMm& outline, const QList<PointMm>& path) {
  for (const PointMm& p : path) {
    if (!polygonContains(outline, p)) {
      return false;
    }
  }
  for (qsizetype i = 0; i + 1 < path.size(); ++i) {
    for (qsizetype e = 0; e < outline.size(); ++e) {
      if (crossesProperly(path[i], path[i + 1], outline[e], outline[(e + 1) % outline.size()])) {
        return false;
      }
    }
  }
  return true;
}

Finding hallFinding(const char* code, Finding::Severity severity, ObjectRef subject,
                    const QString& message) {
  Finding f;
  f.code = QString::fromLatin1(code);
  f.severity = severity;
  f.subject = subject;
  f.message = message;
  return f;
}

QList<TrayPath> hallTrays(const Project& project, const Catalog& catalog,
                          const DesignAssumptions& assumptions, HallId hall,
                          const QList<int>& hallRacks, FabricResult& result) {
  QList<TrayPath> paths;
  const Hall* h = project.findHall(hall);
  for (const CableTray& tray : project.cableTrays()) {
    if (tray.hallId != hall) {
      continue;
    }
    const QString problem = cableTrayProblem(tray);
    const bool outside = h && !trayInside(h->outlineMm(), tray.pathMm);
    if (!problem.isEmpty() || outside) {
      result.findings.append(hallFinding(
          outside ? "fabric.tray-outside-hall" : "fabric.tray-invalid", Finding::Severity::Error,
          ObjectRef::cableTray(tray.id),
          outside ? QStringLiteral("Tray '%1' runs outside hall '%2'; no cable is routed on it")
                        .arg(tray.name, h ? h->name() : QString())
                  : problem + QStringLiteral("; no cable is routed on it")));
      continue;
    }
    TrayUse use;
    use.hallId = hall;
    use.trayId = tray.id;
    use.name = tray.name;
    use.pathMm = tray.pathMm;
    use.heightMm = tray.heightMm;
    use.widthMm = tray.widthMm;
    use.capacityMm2 = double(tray.widthMm) * tray.depthMm;
    use.fillLimitPct = assumptions.value(QString::fromLatin1(assumption::kTrayFillLimitPct));
    if (tray.kind == TrayKind::SolidBottom) {
      use.fillLimitPct = std::min(use.fillLimitPct, 40.0);  // NEC 392.22 solid bottom
    }
    paths.append(TrayPath{int(result.trays.size()), tray.pathMm, tray.heightMm});
    result.trays.append(use);
  }
  if (!paths
           .isEmpty()) {  // the valid drawn trays; a hall whose trays are all refused gets defaults
    return paths;
  }
  // None drawn: along every row and across the rows at their ends.
  QMap<QString, RowLine> rows;
  const QList<Rack>& racks = project.racks();
  for (int r : hallRacks) {
    const Rack& rack = racks[r];
    const QString key =
        rack.row().isEmpty() ? QStringLiteral("\x01y%1").arg(rack.positionMm().yMm) : rack.row();
    RowLine& line = rows[key];
    line.rackCentresMm.append(rack.positionMm());
    const CatalogItem* type = catalog.find(rack.rackTypeId());
    const double width = type ? type->figureValue(QStringLiteral("widthMm"), 600.0) : 600.0;
    line.halfLengthMm = std::max<std::int64_t>(line.halfLengthMm, std::llround(width / 2.0));
  }
  const std::int64_t height =
      std::llround(assumptions.value(QString::fromLatin1(assumption::kTrayHeightMm)));
  const QList<TrayPath> generated = defaultTrays(
      rows.values(), height,
      std::llround(assumptions.value(QString::fromLatin1(assumption::kCrossTrayEveryMm))));
  for (qsizetype i = 0; i < generated.size(); ++i) {
    TrayUse use;
    use.hallId = hall;
    use.name = QStringLiteral("Overhead %1").arg(i + 1);
    use.pathMm = generated[i].pointsMm;
    use.heightMm = int(generated[i].heightMm);
    use.widthMm = assumptions.value(QString::fromLatin1(assumption::kTrayWidthMm));
    use.capacityMm2 =
        use.widthMm * assumptions.value(QString::fromLatin1(assumption::kTrayDepthMm));
    use.fillLimitPct = assumptions.value(QString::fromLatin1(assumption::kTrayFillLimitPct));
    TrayPath path = generated[i];
    path.trayIndex = int(result.trays.size());
    paths.append(path);
    result.trays.append(use);
  }
  return paths;
}

/// Which segment of a polyline holds the point (the nearest one).
int segmentOf(const QList<PointMm>& path, PointMm p) {
  int best = 0;
  double bestD = std::numeric_limits<double>::max();
  for (qsizetype i = 0; i + 1 < path.size(); ++i) {
    const double ax = double(path[i].xMm), ay = double(path[i].yMm);
    const double bx = double(path[i + 1].xMm), by = double(path[i + 1].yMm);
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.xMm - ax) * dx + (p.yMm - ay) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double d = std::hypot(ax + t * dx - p.xMm, ay + t * dy - p.yMm);
    if (d < bestD) {
      bestD = d;
      best = int(i);
    }
  }
  return best;
}

}  // namespace

std::int64_t portHeightMm(const Project& project, const Catalog& catalog, const CableEnd& end) {
  if (end.rackIndex < 0) {
    return 0;
  }
  const Rack& rack = project.racks()[end.rackIndex];
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  if (end.mountIndex < 0) {
    return rackMidHeightMm(type);
  }
  const double unit =
      type ? type->figureValue(QStringLiteral("rack.unitHeightMm"), kEia310UnitMm) : kEia310UnitMm;
  const Mount& mount = rack.mounts()[end.mountIndex];
  const CatalogItem* item = catalog.find(mount.catalogId);
  const double heightU = item && item->heightU ? *item->heightU : 1.0;
  return std::llround((mount.lowestU - 1 + heightU / 2.0) * unit);
}

void routeHall(const Project& project, const Catalog& catalog, const DesignAssumptions& assumptions,
               HallId hall, FabricResult& result) {
  const QList<Rack>& racks = project.racks();
  QList<int> hallRacks;
  std::vector<int> localOf(size_t(racks.size()), -1);  // project rack index -> graph rack index
  QList<PointMm> centres;
  for (qsizetype r = 0; r < racks.size(); ++r) {
    if (racks[r].hallId() == hall) {
      localOf[size_t(r)] = int(centres.size());
      hallRacks.append(int(r));
      centres.append(racks[r].positionMm());
    }
  }
  QList<int> fabrics;
  for (qsizetype f = 0; f < result.fabrics.size(); ++f) {
    if (result.fabrics[f].hallId == hall && result.fabrics[f].cableCount > 0) {
      fabrics.append(int(f));
    }
  }
  if (fabrics.isEmpty()) {
    return;
  }
  const int firstTray = int(result.trays.size());
  const QList<TrayPath> trays = hallTrays(project, catalog, assumptions, hall, hallRacks, result);
  const TrayGraph graph(
      trays, centres,
      std::llround(assumptions.value(QString::fromLatin1(assumption::kMaxAttachMm))));
  RouteEnds ends;
  ends.slackPerEndMm =
      std::llround(assumptions.value(QString::fromLatin1(assumption::kSlackPerEndMm)));
  const std::int64_t inRack =
      std::llround(assumptions.value(QString::fromLatin1(assumption::kInRackAllowanceMm)));

  // Cables of the hall, grouped by their switch (Z) rack: one shortest-path tree per rack.
  // A counting sort by Z rack (unplaced switches, -1, first), stable in cable order.
  std::vector<int> order;
  {
    std::vector<int> start(size_t(racks.size()) + 2, 0);
    size_t total = 0;
    for (int f : fabrics) {
      const FabricSummary& s = result.fabrics[f];
      for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
        ++start[size_t(result.cables[size_t(c)].z.rackIndex + 2)];
        ++total;
      }
    }
    for (size_t k = 1; k < start.size(); ++k) {
      start[k] += start[k - 1];
    }
    order.resize(total);
    for (int f : fabrics) {
      const FabricSummary& s = result.fabrics[f];
      for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
        order[size_t(start[size_t(result.cables[size_t(c)].z.rackIndex + 1)]++)] = c;
      }
    }
  }

  MediaCatalog media(catalog);
  // Choice cache: per (A port type, Z port type) and routed length.
  std::unordered_map<std::uint64_t, int> choiceCache;  // lengths beyond the step table
  std::vector<std::vector<int>> choiceByStep;          // per port type, per length step
  constexpr std::uint64_t kStepTable = 1 << 16;
  constexpr int kUnset = std::numeric_limits<int>::min();
  const std::int64_t quantum = media.lengthQuantumMm();
  const bool opticalOnly =
      assumptions.choice(QString::fromLatin1(assumption::kMediaPolicy)) == QLatin1String("optical");
  QHash<QString, int> choiceIndex;
  std::vector<int> tooLongByFabric(size_t(result.fabrics.size()), 0);
  std::vector<int> noMediumByFabric(size_t(result.fabrics.size()), 0);
  std::vector<std::int64_t> tooLongMm(size_t(result.fabrics.size()), 0);
  std::vector<double> edgeArea;
  std::vector<std::vector<double>> edgeLinks(kClassCount);
  std::vector<double> nodeArea(size_t(graph.nodeCount()), 0.0);
  std::vector<std::vector<double>> nodeLinks(kClassCount,
                                             std::vector<double>(size_t(graph.nodeCount()), 0.0));
  QSet<int> unreachedReported;
  std::vector<int> touched;  // attach nodes loaded by the current tree
  struct Group {
    size_t begin, end;  ///< into `order`: the cables of one switch rack
    int tree;           ///< into `trees`, -1 when none was needed
  };
  std::vector<Group> groups;
  std::vector<TrayGraph::Tree> trees;

  // Per device, once: port height, protocol and cage ids (the loop below runs per cable).
  struct DeviceInfo {
    std::int64_t heightMm = 0;
    int protocol = 0;  ///< index into `protocols`
    int cage = 0;      ///< index into `cages`
    int upCage = 0;
    int upFromPort = -1;
  };
  QStringList protocols{QString()};
  QStringList cages{QString()};
  const auto idOf = [](QStringList& list, const QString& text) {
    qsizetype i = list.indexOf(text);
    if (i < 0) {
      i = list.size();
      list.append(text);
    }
    return int(i);
  };
  std::vector<std::vector<DeviceInfo>> deviceInfo(size_t(result.fabrics.size()));
  for (int f : fabrics) {
    const FabricSummary& s = result.fabrics[f];
    std::vector<DeviceInfo>& infos = deviceInfo[size_t(f)];
    infos.resize(size_t(s.devices.size()));
    for (qsizetype d = 0; d < s.devices.size(); ++d) {
      const FabricDevice& device = s.devices[d];
      DeviceInfo& info = infos[size_t(d)];
      info.heightMm =
          portHeightMm(project, catalog, CableEnd{device.rackIndex, device.mountIndex, int(d), 0});
      if (const CatalogItem* item = catalog.find(device.catalogId)) {
        for (const PortGroup& g : item->ports) {
          const QString p = protocolOf(g.protocol);
          if (!p.isEmpty()) {
            info.protocol = idOf(protocols, p);
            break;
          }
        }
      }
      info.cage = idOf(cages, device.cage);
      info.upCage = idOf(cages, device.upCage);
      info.upFromPort = device.upFromPort;
    }
  }
  std::unordered_map<std::uint64_t, int> portTypes;
  std::uint64_t lastTypeKey = ~std::uint64_t(0);
  int lastType = 0;
  std::uint64_t lastChoiceKey = ~std::uint64_t(0);
  int lastChoice = -1;

  size_t i = 0;
  while (i < order.size()) {
    const int zRack = result.cables[size_t(order[i])].z.rackIndex;
    size_t j = i;
    while (j < order.size() && result.cables[size_t(order[j])].z.rackIndex == zRack) {
      ++j;
    }
    const TrayAttach* zAttach = zRack >= 0 ? &graph.attach(localOf[size_t(zRack)]) : nullptr;
    groups.push_back({i, j, -1});
    TrayGraph::Tree tree;
    bool haveTree = false;
    for (size_t k = i; k < j; ++k) {
      Cable& c = result.cables[size_t(order[k])];
      if (c.a.rackIndex < 0 || c.z.rackIndex < 0) {
        continue;  // a reserved port or a switch not on the floor
      }
      std::int64_t length = kNoRoute;
      const DeviceInfo& ia = deviceInfo[size_t(c.fabric)][size_t(c.a.device)];
      const DeviceInfo& iz = deviceInfo[size_t(c.fabric)][size_t(c.z.device)];
      const std::int64_t ha = ia.heightMm;
      const std::int64_t hz = iz.heightMm;
      const TrayAttach& aAttach = graph.attach(localOf[size_t(c.a.rackIndex)]);
      if (c.a.rackIndex == c.z.rackIndex) {
        length = std::abs(ha - hz) + inRack;
      } else if (zAttach->reached && aAttach.reached) {
        if (!haveTree) {
          tree = graph.shortestPaths(zAttach->node);
          haveTree = true;
          groups.back().tree = int(trees.size());
        }
        ends.portHeightAMm = ha;
        ends.portHeightZMm = hz;
        const std::int64_t path = tree.distanceMm[size_t(aAttach.node)];
        length = routedLengthMm(aAttach, *zAttach, path, ends);
      }
      if (length == kNoRoute) {
        for (int rack : {c.a.rackIndex, c.z.rackIndex}) {
          const TrayAttach& at = graph.attach(localOf[size_t(rack)]);
          if (!at.reached && !unreachedReported.contains(rack)) {
            unreachedReported.insert(rack);
            result.findings.append(hallFinding(
                "fabric.rack-unreached", Finding::Severity::Error,
                ObjectRef::rack(racks[rack].id()),
                QStringLiteral("Rack %1 is further than %2 from every cable tray: its cables "
                               "cannot be routed; draw a tray over it")
                    .arg(racks[rack].name(), formatQuantity(assumptions.value(QString::fromLatin1(
                                                                assumption::kMaxAttachMm)),
                                                            Quantity::LengthMm))));
          }
        }
        if (aAttach.reached && zAttach->reached &&
            !unreachedReported.contains(-2 - c.a.rackIndex)) {
          unreachedReported.insert(-2 - c.a.rackIndex);
          result.findings.append(hallFinding(
              "fabric.rack-unreached", Finding::Severity::Error,
              ObjectRef::rack(racks[c.a.rackIndex].id()),
              QStringLiteral("No tray path joins rack %1 to switch rack %2: its cables cannot be "
                             "routed; join the trays")
                  .arg(racks[c.a.rackIndex].name(), racks[zRack].name())));
        }
        continue;
      }
      c.routedMm = length;
      const int cageA = ia.upFromPort >= 0 && c.a.port >= ia.upFromPort ? ia.upCage : ia.cage;
      const int cageZ = iz.upFromPort >= 0 && c.z.port >= iz.upFromPort ? iz.upCage : iz.cage;
      const int protocolId = iz.protocol != 0 ? iz.protocol : ia.protocol;
      const std::uint64_t typeKey = std::uint64_t(cageA) | std::uint64_t(cageZ) << 12 |
                                    std::uint64_t(protocolId) << 24 |
                                    std::uint64_t(std::llround(c.speedGbps * 10.0)) << 32;
      if (typeKey != lastTypeKey) {  // consecutive cables mostly share their port types
        lastTypeKey = typeKey;
        lastType = portTypes.emplace(typeKey, int(portTypes.size())).first->second;
      }
      const int type = lastType;
      // One choice per port type and length step (MediaCatalog::lengthQuantumMm).
      const std::uint64_t step = std::uint64_t((length + quantum - 1) / quantum);
      const std::uint64_t key = (std::uint64_t(type) << 40) | step;
      int chosen = lastChoice;
      if (key != lastChoiceKey) {
        if (size_t(type) >= choiceByStep.size()) {
          choiceByStep.resize(size_t(type) + 1);
        }
        std::vector<int>& steps = choiceByStep[size_t(type)];
        if (step < kStepTable && step >= steps.size()) {
          steps.resize(step + 1, kUnset);
        }
        auto cached = step < kStepTable ? choiceCache.end() : choiceCache.find(key);
        if (step < kStepTable && steps[step] != kUnset) {
          chosen = steps[step];
        } else if (cached != choiceCache.end()) {
          chosen = cached->second;
        } else {
          const QString& protocol = protocols[protocolId];
          const MediumVerdict verdict = media.choose(
              LinkNeed{c.speedGbps, length, protocol, cages[cageA], cages[cageZ], opticalOnly});
          int index = -1;
          if (verdict.found) {
            const LinkChoice& lc = verdict.choice;
            const QString ck = QStringLiteral("%1|%2|%3|%4")
                                   .arg(lc.cableId)
                                   .arg(lc.stockLengthMm)
                                   .arg(lc.transceiverAId, lc.transceiverZId);
            index = choiceIndex.value(ck, -1);
            if (index < 0) {
              index = int(result.choices.size());
              choiceIndex.insert(ck, index);
              result.choices.append(lc);
            }
          } else {
            index = media.longestReachM(c.speedGbps, protocols[protocolId]) > 0 ? -2 : -3;
          }
          chosen = index;
          if (step < kStepTable) {
            steps[step] = index;
          } else {
            choiceCache.emplace(key, index);
          }
        }
        lastChoiceKey = key;
        lastChoice = chosen;
      }
      if (chosen == -2) {
        ++tooLongByFabric[size_t(c.fabric)];
        tooLongMm[size_t(c.fabric)] = std::max(tooLongMm[size_t(c.fabric)], length);
        continue;
      }
      if (chosen == -3) {
        ++noMediumByFabric[size_t(c.fabric)];
        continue;
      }
      c.choice = chosen;
    }
    if (haveTree) {
      trees.push_back(std::move(tree));
    }
    i = j;
  }

  // One medium per cage: a twin-port module or cable serves both ports of its cage, so a link
  // sharing a cage with a fibre link goes optical too (repeated until no cage mixes them).
  for (int f : fabrics) {
    const FabricSummary& s = result.fabrics[f];
    const std::vector<int> base = cageStarts(s);
    std::vector<char> fibreCage(size_t(base.back()), 0);
    const auto slot = [&](const CableEnd& e) {
      return size_t(base[size_t(e.device)] + cageIndex(s.devices[e.device], e.port));
    };
    for (bool changed = true; changed;) {
      changed = false;
      for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
        const Cable& cable = result.cables[size_t(c)];
        if (cable.choice >= 0 && isFibre(result.choices[cable.choice].mediaClass)) {
          fibreCage[slot(cable.a)] = 1;
          fibreCage[slot(cable.z)] = 1;
        }
      }
      for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
        Cable& cable = result.cables[size_t(c)];
        if (cable.choice < 0 || isFibre(result.choices[cable.choice].mediaClass) ||
            (!fibreCage[slot(cable.a)] && !fibreCage[slot(cable.z)])) {
          continue;
        }
        const DeviceInfo& ia = deviceInfo[size_t(f)][size_t(cable.a.device)];
        const DeviceInfo& iz = deviceInfo[size_t(f)][size_t(cable.z.device)];
        const int cageA = ia.upFromPort >= 0 && cable.a.port >= ia.upFromPort ? ia.upCage : ia.cage;
        const int cageZ = iz.upFromPort >= 0 && cable.z.port >= iz.upFromPort ? iz.upCage : iz.cage;
        const MediumVerdict verdict =
            media.choose(LinkNeed{cable.speedGbps, cable.routedMm,
                                  protocols[iz.protocol != 0 ? iz.protocol : ia.protocol],
                                  cages[cageA], cages[cageZ], /*opticalOnly=*/true});
        if (!verdict.found || !isFibre(verdict.choice.mediaClass)) {
          continue;  // no optic serves it: the cage keeps the mix (a catalog gap)
        }
        const LinkChoice& lc = verdict.choice;
        const QString ck = QStringLiteral("%1|%2|%3|%4")
                               .arg(lc.cableId)
                               .arg(lc.stockLengthMm)
                               .arg(lc.transceiverAId, lc.transceiverZId);
        int index = choiceIndex.value(ck, -1);
        if (index < 0) {
          index = int(result.choices.size());
          choiceIndex.insert(ck, index);
          result.choices.append(lc);
        }
        cable.choice = index;
        changed = true;
      }
    }
  }

  // Tray loads: each switch rack's tree once more, with the final media.
  for (const Group& g : groups) {
    if (g.tree < 0) {
      continue;
    }
    unsigned classesLoaded = 0;
    for (size_t k = g.begin; k < g.end; ++k) {
      const Cable& c = result.cables[size_t(order[k])];
      if (c.choice < 0 || c.a.rackIndex == c.z.rackIndex) {
        continue;
      }
      const TrayAttach& aAttach = graph.attach(localOf[size_t(c.a.rackIndex)]);
      const LinkChoice& lc = result.choices[c.choice];
      const double area =
          std::numbers::pi * lc.diameterMm * lc.diameterMm / 4.0 / std::max(1, lc.linksPerCable);
      if (nodeArea[size_t(aAttach.node)] == 0.0) {
        touched.push_back(aAttach.node);
      }
      nodeArea[size_t(aAttach.node)] += area;
      const int mediaClass = mediaClassIndex(lc.mediaClass);
      nodeLinks[size_t(mediaClass)][size_t(aAttach.node)] += 1.0;
      classesLoaded |= 1u << mediaClass;
    }
    const TrayGraph::Tree& tree = trees[size_t(g.tree)];
    if (classesLoaded != 0) {
      graph.addTreeLoads(tree, nodeArea, &edgeArea);
      for (int m = 0; m < kClassCount; ++m) {
        if (classesLoaded & (1u << m)) {
          graph.addTreeLoads(tree, nodeLinks[size_t(m)], &edgeLinks[size_t(m)]);
        }
      }
    }
    for (int node : touched) {
      nodeArea[size_t(node)] = 0.0;
      for (int m = 0; m < kClassCount; ++m) {
        nodeLinks[size_t(m)][size_t(node)] = 0.0;
      }
    }
    touched.clear();
  }
  trees.clear();

  // Tray fill, per segment of each tray.
  const double limitDefault = assumptions.value(QString::fromLatin1(assumption::kTrayFillLimitPct));
  Q_UNUSED(limitDefault);
  for (int t = firstTray; t < result.trays.size(); ++t) {
    TrayUse& use = result.trays[t];
    use.segmentLinks.resize(std::max<qsizetype>(0, use.pathMm.size() - 1));
  }
  std::vector<std::vector<double>> segmentArea(size_t(result.trays.size()));
  for (int t = firstTray; t < result.trays.size(); ++t) {
    segmentArea[size_t(t)].assign(size_t(std::max<qsizetype>(0, result.trays[t].pathMm.size() - 1)),
                                  0.0);
  }
  std::vector<std::vector<int>> segmentCables(size_t(result.trays.size()));
  for (int t = firstTray; t < result.trays.size(); ++t) {
    segmentCables[size_t(t)].assign(segmentArea[size_t(t)].size(), 0);
  }
  for (int e = 0; e < graph.edgeCount(); ++e) {
    const int t = graph.edgeTray(e);
    if (t < 0 || t >= result.trays.size() || size_t(e) >= edgeArea.size()) {
      continue;
    }
    const PointMm a = graph.edgeFromMm(e);
    const PointMm b = graph.edgeToMm(e);
    const int seg =
        segmentOf(result.trays[t].pathMm, PointMm{(a.xMm + b.xMm) / 2, (a.yMm + b.yMm) / 2});
    TrayUse& use = result.trays[t];
    double& area = segmentArea[size_t(t)][size_t(seg)];
    int links = 0;
    for (int m = 0; m < kClassCount; ++m) {
      const int n = size_t(e) < edgeLinks[size_t(m)].size()
                        ? int(std::llround(edgeLinks[size_t(m)][size_t(e)]))
                        : 0;
      if (n > 0) {
        int& slot = use.segmentLinks[seg][QString::fromLatin1(kClassKeys[m])];
        slot = std::max(slot, n);  // a segment split at crossings carries its fullest piece
      }
      links += n;
    }
    if (edgeArea[size_t(e)] > area) {
      area = edgeArea[size_t(e)];
      segmentCables[size_t(t)][size_t(seg)] = links;
    }
  }
  for (int t = firstTray; t < result.trays.size(); ++t) {
    TrayUse& use = result.trays[t];
    for (size_t s = 0; s < segmentArea[size_t(t)].size(); ++s) {
      const double pct =
          use.capacityMm2 > 0 ? 100.0 * segmentArea[size_t(t)][s] / use.capacityMm2 : 0.0;
      use.segmentFillPct.append(pct);
      if (pct > use.worstFillPct) {
        use.worstFillPct = pct;
        use.cableAreaMm2 = segmentArea[size_t(t)][s];
        use.cablesOnWorst = segmentCables[size_t(t)][s];
      }
    }
    if (use.worstFillPct > use.fillLimitPct) {
      Finding f = hallFinding(
          "fabric.tray-overfill", Finding::Severity::Error,
          use.trayId.isNull() ? ObjectRef::hall(hall) : ObjectRef::cableTray(use.trayId),
          QStringLiteral(
              "Tray '%1' is %2 full (%3 of cable cross-section in %4) where the limit is "
              "%5; widen it or add a tray")
              .arg(use.name, formatQuantity(use.worstFillPct, Quantity::Percent),
                   QStringLiteral("%1 mm²").arg(std::llround(use.cableAreaMm2)),
                   QStringLiteral("%1 mm²").arg(std::llround(use.capacityMm2)),
                   formatQuantity(use.fillLimitPct, Quantity::Percent)));
      f.measured = findingFigure(use.worstFillPct, QStringLiteral("%"),
                                 QStringLiteral("Σ cable cross-sections / tray width × depth"));
      f.limit = findingFigure(use.fillLimitPct, QStringLiteral("%"),
                              QStringLiteral("NEC 392.22 fill limit (design assumption)"));
      result.findings.append(f);
    }
  }

  // Per fabric: counts, transceivers, optics power, BOM, longest links.
  for (int f : fabrics) {
    FabricSummary& s = result.fabrics[f];
    const FabricSpec* spec = project.findFabricSpec(s.specId);
    // Modules per device cage: a flat array per fabric (cage slots per device), -1 for none.
    const std::vector<int> cageBase = cageStarts(s);
    QStringList moduleIds;
    QHash<QString, int> moduleIndex;
    const auto moduleOf = [&](const QString& id) {
      auto it = moduleIndex.constFind(id);
      if (it != moduleIndex.cend()) {
        return it.value();
      }
      moduleIds.append(id);
      return moduleIndex.insert(id, int(moduleIds.size()) - 1).value();
    };
    std::vector<int> choiceModuleA(size_t(result.choices.size()), -1);
    std::vector<int> choiceModuleZ(size_t(result.choices.size()), -1);
    for (qsizetype k = 0; k < result.choices.size(); ++k) {
      if (isFibre(result.choices[k].mediaClass)) {
        choiceModuleA[size_t(k)] = moduleOf(result.choices[k].transceiverAId);
        choiceModuleZ[size_t(k)] = moduleOf(result.choices[k].transceiverZId);
      }
    }
    std::vector<int> cageModule(size_t(cageBase.back()), -1);
    const auto cageSlot = [&](int device, int port) {
      return std::int64_t(cageBase[size_t(device)] + cageIndex(s.devices[device], port));
    };
    const auto markCage = [&](int device, int port, int module) {
      cageModule[size_t(cageSlot(device, port))] = module;
    };
    // Cables carrying two links (twin-port DAC): one per pair of cages they join.
    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> cagePairs(
        size_t(result.choices.size()));
    QMap<QPair<QString, std::int64_t>, int> linksByCable;
    std::vector<int> linksByChoice(size_t(result.choices.size()), 0);
    std::vector<int> longest;
    for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
      const Cable& cable = result.cables[size_t(c)];
      if (cable.routedMm < 0) {
        ++s.unroutedLinks;
        continue;
      }
      ++s.routedLinks;
      if (cable.routedMm > s.longestLinkMm) {
        s.longestLinkMm = cable.routedMm;
        s.longestCable = c;
      }
      longest.push_back(c);
      if (cable.choice < 0) {
        continue;
      }
      ++linksByChoice[size_t(cable.choice)];
      if (result.choices[cable.choice].linksPerCable > 1) {
        cagePairs[size_t(cable.choice)].push_back(
            {cageSlot(cable.a.device, cable.a.port), cageSlot(cable.z.device, cable.z.port)});
      }
      if (choiceModuleA[size_t(cable.choice)] >= 0) {
        markCage(cable.a.device, cable.a.port, choiceModuleA[size_t(cable.choice)]);
        markCage(cable.z.device, cable.z.port, choiceModuleZ[size_t(cable.choice)]);
      }
    }
    for (qsizetype k = 0; k < result.choices.size(); ++k) {
      if (linksByChoice[size_t(k)] > 0) {
        const LinkChoice& lc = result.choices[k];
        int physical = linksByChoice[size_t(k)];
        if (lc.linksPerCable > 1) {
          std::vector<std::pair<std::int64_t, std::int64_t>>& pairs = cagePairs[size_t(k)];
          std::sort(pairs.begin(), pairs.end());
          physical = int(std::unique(pairs.begin(), pairs.end()) - pairs.begin());
        }
        linksByCable[{lc.cableId, lc.stockLengthMm}] += physical;
      }
    }
    QMap<QString, int> modules;
    std::vector<double> modulePowerW(size_t(moduleIds.size()), 0.0);
    for (qsizetype m = 0; m < moduleIds.size(); ++m) {
      const CatalogItem* module = catalog.find(moduleIds[m]);
      modulePowerW[size_t(m)] = module ? module->figureValue(QStringLiteral("link.powerW")) : 0.0;
    }
    std::vector<char> opticsIncluded(size_t(s.devices.size()), 0);
    for (qsizetype d = 0; d < s.devices.size(); ++d) {
      const CatalogItem* host = catalog.find(s.devices[d].catalogId);
      opticsIncluded[size_t(d)] =
          host && host->texts.value(QStringLiteral("opticsInMaxPower")) == QLatin1String("true");
    }
    std::vector<int> moduleCounts(size_t(moduleIds.size()), 0);
    const auto countModule = [&](int device, int module) {
      const FabricDevice& d = s.devices[device];
      ++moduleCounts[size_t(module)];
      (d.isSwitch ? s.transceiversSwitchSide : s.transceiversNodeSide) += 1;
      const double w = modulePowerW[size_t(module)];
      s.opticsPowerW += w;
      if (d.rackIndex >= 0 && !opticsIncluded[size_t(device)]) {
        const Rack& rack = racks[d.rackIndex];
        result.opticsWByRack[rack.id()] += w;
        result.opticsWByDevice[d.mountIndex >= 0 ? rack.mounts()[d.mountIndex].id.uuid()
                                                 : rack.id().uuid()] += w;
      }
    };
    for (qsizetype d = 0; d < s.devices.size(); ++d) {
      for (int slot = cageBase[size_t(d)]; slot < cageBase[size_t(d) + 1]; ++slot) {
        if (cageModule[size_t(slot)] >= 0) {
          countModule(int(d), cageModule[size_t(slot)]);
        }
      }
    }
    for (qsizetype m = 0; m < moduleIds.size(); ++m) {
      if (moduleCounts[size_t(m)] > 0) {
        modules.insert(moduleIds[m], moduleCounts[size_t(m)]);
      }
    }
    result.opticsPowerW += s.opticsPowerW;
    for (auto it = linksByCable.cbegin(); it != linksByCable.cend(); ++it) {
      const int physical = it.value();
      s.physicalCables += physical;
      const CatalogItem* item = catalog.find(it.key().first);
      FabricBomLine line;
      line.catalogId = it.key().first;
      line.partNumber = item ? partNumberAt(*item, it.key().second) : QString();
      line.description = item ? item->model : it.key().first;
      line.lengthMm = it.key().second;
      line.count = physical;
      line.powerWEach = item ? item->figureValue(QStringLiteral("link.powerW")) : 0.0;
      line.fabricName = s.name;
      line.fabric = f;
      result.bom.append(line);
    }
    for (auto it = modules.cbegin(); it != modules.cend(); ++it) {
      const CatalogItem* item = catalog.find(it.key());
      FabricBomLine line;
      line.catalogId = it.key();
      line.partNumber =
          item ? item->texts.value(QStringLiteral("link.partNumberPattern")) : QString();
      line.description = item ? item->model : it.key();
      line.isTransceiver = true;
      line.count = it.value();
      line.powerWEach = item ? item->figureValue(QStringLiteral("link.powerW")) : 0.0;
      line.fabricName = s.name;
      line.fabric = f;
      result.bom.append(line);
    }
    result.totalCables += s.physicalCables;
    // The five longest links and their routes over the trays.
    std::partial_sort(longest.begin(), longest.begin() + std::min<size_t>(5, longest.size()),
                      longest.end(), [&](int a, int b) {
                        return result.cables[size_t(a)].routedMm >
                               result.cables[size_t(b)].routedMm;
                      });
    longest.resize(std::min<size_t>(5, longest.size()));
    std::vector<int> edges;
    for (int c : longest) {
      const Cable& cable = result.cables[size_t(c)];
      QList<PointMm> route{racks[cable.a.rackIndex].positionMm()};
      if (cable.a.rackIndex != cable.z.rackIndex) {
        const TrayAttach& za = graph.attach(localOf[size_t(cable.z.rackIndex)]);
        const TrayAttach& aa = graph.attach(localOf[size_t(cable.a.rackIndex)]);
        const TrayGraph::Tree tree = graph.shortestPaths(za.node);
        graph.pathEdges(tree, aa.node, &edges);
        // Edges run from the Z end; walk them backwards from A.
        QList<PointMm> fromZ{graph.nodeMm(za.node)};
        int at = za.node;
        for (int e : edges) {
          at = graph.edgeFrom(e) == at ? graph.edgeTo(e) : graph.edgeFrom(e);
          fromZ.append(graph.nodeMm(at));
        }
        for (auto it = fromZ.crbegin(); it != fromZ.crend(); ++it) {
          if (route.last() != *it) {
            route.append(*it);
          }
        }
      }
      route.append(racks[cable.z.rackIndex].positionMm());
      s.longestRoutesMm.append(route);
      s.longestCables.append(c);
    }
    if (spec && tooLongByFabric[size_t(f)] > 0) {
      Finding fd = hallFinding(
          "fabric.link-too-long", Finding::Severity::Error, ObjectRef::fabric(s.specId),
          QStringLiteral("%1 links of fabric '%2' are longer than any medium reaches at %3 Gb/s "
                         "(longest %4, reach %5 m); move the switches closer")
              .arg(tooLongByFabric[size_t(f)])
              .arg(s.name)
              .arg(result.cables[size_t(s.firstCable)].speedGbps)
              .arg(formatQuantity(double(tooLongMm[size_t(f)]), Quantity::LengthMm))
              .arg(media.longestReachM(result.cables[size_t(s.firstCable)].speedGbps, QString())));
      fd.measured = findingFigure(tooLongMm[size_t(f)] / 1000.0, QStringLiteral("m"),
                                  QStringLiteral("routed length"));
      result.findings.append(fd);
    }
    if (spec && noMediumByFabric[size_t(f)] > 0) {
      result.findings.append(hallFinding(
          "fabric.no-medium", Finding::Severity::Error, ObjectRef::fabric(s.specId),
          QStringLiteral("The catalog has no cable or transceiver for %1 links of fabric '%2' "
                         "(%3 Gb/s): add one to the catalog")
              .arg(noMediumByFabric[size_t(f)])
              .arg(s.name)
              .arg(result.cables[size_t(s.firstCable)].speedGbps)));
    }
  }
}

}  // namespace dc::fabric
