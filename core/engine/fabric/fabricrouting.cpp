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

/// The cage of a device's port (leaves with separate uplinks have two).
const QString& cageOf(const FabricDevice& d, int port) {
  return d.upFromPort >= 0 && port >= d.upFromPort ? d.upCage : d.cage;
}
int cageIndex(const FabricDevice& d, int port) {
  if (d.upFromPort >= 0 && port >= d.upFromPort) {
    return 100000 + (port - d.upFromPort) / std::max(1, d.upPortsPerCage);
  }
  return port / std::max(1, d.portsPerCage);
}

/// A rack-scale system's compute trays have no mount: their ports sit mid-rack.
std::int64_t rackMidHeightMm(const CatalogItem* item) {
  const double h = item ? item->figureValue(QStringLiteral("heightMm"), 2200.0) : 2200.0;
  return std::llround(h / 2.0);
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
    bool outside = false;
    for (const PointMm& p : tray.pathMm) {
      outside = outside || (h && !polygonContains(h->outlineMm(), p));
    }
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
    use.capacityMm2 = double(tray.widthMm) * tray.depthMm;
    use.fillLimitPct = assumptions.value(QString::fromLatin1(assumption::kTrayFillLimitPct));
    if (tray.kind == TrayKind::SolidBottom) {
      use.fillLimitPct = std::min(use.fillLimitPct, 40.0);  // NEC 392.22 solid bottom
    }
    paths.append(TrayPath{int(result.trays.size()), tray.pathMm, tray.heightMm});
    result.trays.append(use);
  }
  bool drawn = false;
  for (const CableTray& tray : project.cableTrays()) {
    drawn = drawn || tray.hallId == hall;
  }
  if (drawn) {
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
    use.capacityMm2 = assumptions.value(QString::fromLatin1(assumption::kTrayWidthMm)) *
                      assumptions.value(QString::fromLatin1(assumption::kTrayDepthMm));
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
  QHash<int, int> localOf;  // project rack index -> graph rack index
  QList<PointMm> centres;
  for (qsizetype r = 0; r < racks.size(); ++r) {
    if (racks[r].hallId() == hall) {
      localOf.insert(int(r), int(centres.size()));
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
  std::vector<int> order;
  for (int f : fabrics) {
    const FabricSummary& s = result.fabrics[f];
    for (int c = s.firstCable; c < s.firstCable + s.cableCount; ++c) {
      order.push_back(c);
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return result.cables[size_t(a)].z.rackIndex < result.cables[size_t(b)].z.rackIndex;
  });

  MediaCatalog media(catalog);
  // Choice cache: per (A port type, Z port type) and routed length.
  QHash<QString, int> portTypes;
  std::unordered_map<std::uint64_t, int> choiceCache;
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

  const auto protocolFor = [&](const FabricDevice& a, const FabricDevice& z) {
    const CatalogItem* zi = catalog.find(z.catalogId);
    QString protocol;
    if (zi) {
      for (const PortGroup& g : zi->ports) {
        const QString p = protocolOf(g.protocol);
        if (!p.isEmpty()) {
          protocol = p;
          break;
        }
      }
    }
    if (protocol.isEmpty()) {
      if (const CatalogItem* ai = catalog.find(a.catalogId)) {
        for (const PortGroup& g : ai->ports) {
          if (!protocolOf(g.protocol).isEmpty()) {
            return protocolOf(g.protocol);
          }
        }
      }
    }
    return protocol;
  };

  size_t i = 0;
  while (i < order.size()) {
    const int zRack = result.cables[size_t(order[i])].z.rackIndex;
    size_t j = i;
    while (j < order.size() && result.cables[size_t(order[j])].z.rackIndex == zRack) {
      ++j;
    }
    const TrayAttach* zAttach = zRack >= 0 ? &graph.attach(localOf.value(zRack)) : nullptr;
    TrayGraph::Tree tree;
    bool haveTree = false;
    bool loaded = false;
    for (size_t k = i; k < j; ++k) {
      Cable& c = result.cables[size_t(order[k])];
      const FabricSummary& summary = result.fabrics[c.fabric];
      if (c.a.rackIndex < 0 || c.z.rackIndex < 0) {
        continue;  // a reserved port or a switch not on the floor
      }
      std::int64_t length = kNoRoute;
      const std::int64_t ha = portHeightMm(project, catalog, c.a);
      const std::int64_t hz = portHeightMm(project, catalog, c.z);
      const TrayAttach& aAttach = graph.attach(localOf.value(c.a.rackIndex));
      if (c.a.rackIndex == c.z.rackIndex) {
        length = std::abs(ha - hz) + inRack;
      } else if (zAttach->reached && aAttach.reached) {
        if (!haveTree) {
          tree = graph.shortestPaths(zAttach->node);
          haveTree = true;
        }
        ends.portHeightAMm = ha;
        ends.portHeightZMm = hz;
        const std::int64_t path = tree.distanceMm[size_t(aAttach.node)];
        length = routedLengthMm(aAttach, *zAttach, path, ends);
      }
      if (length == kNoRoute) {
        for (int rack : {c.a.rackIndex, c.z.rackIndex}) {
          const TrayAttach& at = graph.attach(localOf.value(rack));
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
      const FabricDevice& da = summary.devices[c.a.device];
      const FabricDevice& dz = summary.devices[c.z.device];
      const QString protocol = protocolFor(da, dz);
      const QString typeKey = QStringLiteral("%1|%2|%3|%4")
                                  .arg(cageOf(da, c.a.port), cageOf(dz, c.z.port), protocol)
                                  .arg(c.speedGbps);
      int type = portTypes.value(typeKey, -1);
      if (type < 0) {
        type = int(portTypes.size());
        portTypes.insert(typeKey, type);
      }
      const std::uint64_t key = (std::uint64_t(type) << 40) | std::uint64_t(length);
      auto cached = choiceCache.find(key);
      if (cached == choiceCache.end()) {
        const MediumVerdict verdict = media.choose(
            LinkNeed{c.speedGbps, length, protocol, cageOf(da, c.a.port), cageOf(dz, c.z.port)});
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
          index = media.longestReachM(c.speedGbps, protocol) > 0 ? -2 : -3;
        }
        cached = choiceCache.emplace(key, index).first;
      }
      if (cached->second == -2) {
        ++tooLongByFabric[size_t(c.fabric)];
        tooLongMm[size_t(c.fabric)] = std::max(tooLongMm[size_t(c.fabric)], length);
        continue;
      }
      if (cached->second == -3) {
        ++noMediumByFabric[size_t(c.fabric)];
        continue;
      }
      c.choice = cached->second;
      if (c.a.rackIndex != c.z.rackIndex) {
        const LinkChoice& lc = result.choices[c.choice];
        const double area =
            std::numbers::pi * lc.diameterMm * lc.diameterMm / 4.0 / std::max(1, lc.linksPerCable);
        nodeArea[size_t(aAttach.node)] += area;
        nodeLinks[size_t(mediaClassIndex(lc.mediaClass))][size_t(aAttach.node)] += 1.0;
        loaded = true;
      }
    }
    if (loaded && haveTree) {
      graph.addTreeLoads(tree, nodeArea, &edgeArea);
      for (int m = 0; m < kClassCount; ++m) {
        graph.addTreeLoads(tree, nodeLinks[size_t(m)], &edgeLinks[size_t(m)]);
      }
      for (int node : tree.settled) {
        nodeArea[size_t(node)] = 0.0;
        for (int m = 0; m < kClassCount; ++m) {
          nodeLinks[size_t(m)][size_t(node)] = 0.0;
        }
      }
    }
    i = j;
  }

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
    QHash<QPair<int, int>, QString> fibreCages;  // (device, cage) -> transceiver id
    QMap<QPair<QString, std::int64_t>, int> linksByCable;
    QHash<QString, int> linksPerCableOf;
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
      const LinkChoice& lc = result.choices[cable.choice];
      linksByCable[{lc.cableId, lc.stockLengthMm}] += 1;
      linksPerCableOf.insert(lc.cableId, lc.linksPerCable);
      if (isFibre(lc.mediaClass)) {
        fibreCages.insert({cable.a.device, cageIndex(s.devices[cable.a.device], cable.a.port)},
                          lc.transceiverAId);
        fibreCages.insert({cable.z.device, cageIndex(s.devices[cable.z.device], cable.z.port)},
                          lc.transceiverZId);
      }
    }
    QMap<QString, int> modules;
    for (auto it = fibreCages.cbegin(); it != fibreCages.cend(); ++it) {
      const FabricDevice& d = s.devices[it.key().first];
      ++modules[it.value()];
      (d.isSwitch ? s.transceiversSwitchSide : s.transceiversNodeSide) += 1;
      const CatalogItem* module = catalog.find(it.value());
      const double w = module ? module->figureValue(QStringLiteral("link.powerW")) : 0.0;
      s.opticsPowerW += w;
      const CatalogItem* host = catalog.find(d.catalogId);
      const bool included =
          host && host->texts.value(QStringLiteral("opticsInMaxPower")) == QLatin1String("true");
      if (d.rackIndex >= 0 && !included) {
        result.opticsWByRack[racks[d.rackIndex].id()] += w;
      }
    }
    result.opticsPowerW += s.opticsPowerW;
    for (auto it = linksByCable.cbegin(); it != linksByCable.cend(); ++it) {
      const int per = std::max(1, linksPerCableOf.value(it.key().first, 1));
      const int physical = (it.value() + per - 1) / per;
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
        const TrayAttach& za = graph.attach(localOf.value(cable.z.rackIndex));
        const TrayAttach& aa = graph.attach(localOf.value(cable.a.rackIndex));
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
