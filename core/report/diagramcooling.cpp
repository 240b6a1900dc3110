// SPDX-License-Identifier: GPL-3.0-or-later
// The cooling-loop schematic of a hall: facility water to the CDUs of each liquid loop and
// their secondary loop to the rack manifolds; chilled water to the air coolers of each zone and
// to the racks' rear doors. The plant itself is not in the model: "by the facility".
#include "catalog/catalog.h"
#include "diagram.h"
#include "diagramtext.h"
#include "engine/analysis.h"
#include "model/project.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <tuple>

namespace dc::report {

namespace {

constexpr int kTierPlant = 0;
constexpr int kTierExchangers = 1;
constexpr int kTierRacks = 2;

/// Racks of one group: names in plan order and their sums.
struct RackSet {
  QStringList names;
  QList<RackId> ids;
  double heatW = 0.0;
  double flowLps = 0.0;
  QString label;  ///< what set them apart (the rear door's model)
};

class SchematicBuilder final {
 public:
  SchematicBuilder(const Project& project, const Catalog& catalog, const Analysis& analysis,
                   HallId hallId, const QLocale& locale)
      : mProject(project),
        mCatalog(catalog),
        mAnalysis(analysis),
        mHallId(hallId),
        mText(locale, analysis.assumptions) {}

  Diagram build();

 private:
  int add(DiagramNode node) {
    mDiagram.nodes.append(std::move(node));
    return int(mDiagram.nodes.size()) - 1;
  }
  void addEdge(int from, int to, EdgeStyle style) { mDiagram.edges.append({from, to, style, -1}); }
  int plant(bool facilityWater);
  void addLiquidLoop(int loopIndex, const LoopLoad& loop);
  void addInRackLoops(const QList<int>& loopIndexes);
  void addManifolds(const QList<int>& loopIndexes, const QList<int>& cdus, double coolantSupplyC);
  void addAirZone(int loopIndex, const LoopLoad& loop);
  void addRearDoors();
  QString modelOf(const QString& catalogId) const {
    const CatalogItem* item = mCatalog.find(catalogId);
    return item != nullptr ? item->model : catalogId;
  }
  QString rackName(RackId id) const {
    const Rack* rack = mProject.findRack(id);
    return rack != nullptr ? rack->name() : QString();
  }
  QList<DiagramLine> loopLines(const LoopLoad& loop) const;

  const Project& mProject;
  const Catalog& mCatalog;
  const Analysis& mAnalysis;
  HallId mHallId;
  DiagramText mText;
  Diagram mDiagram;
  int mFacilityWater = -1;
  int mChilledWater = -1;
};

/// The facility-water or chilled-water plant node, made when first needed.
int SchematicBuilder::plant(bool facilityWater) {
  int& index = facilityWater ? mFacilityWater : mChilledWater;
  if (index >= 0) {
    return index;
  }
  const DesignAssumptions& a = mAnalysis.assumptions;
  DiagramNode n;
  n.tier = kTierPlant;
  n.byFacility = true;
  if (facilityWater) {
    const double supplyC = a.value(QString::fromLatin1(assumption::kFacilityWaterSupplyC));
    const double deltaK = a.value(QString::fromLatin1(assumption::kLiquidDeltaTK));
    n.key = QStringLiteral("facility-water");
    n.symbol = DiagramSymbol::FacilityWater;
    n.title = QStringLiteral("Facility water");
    const QString wClass = mAnalysis.cooling.totals.facilityWaterClass;
    n.lines = {{(wClass.isEmpty() ? QString() : wClass + QStringLiteral(" · ")) +
                QStringLiteral("supply %1").arg(mText.number(supplyC, Quantity::TemperatureC))},
               {QStringLiteral("return ≈ %1")
                    .arg(mText.number(supplyC + deltaK, Quantity::TemperatureC))}};
    mDiagram.notes.append(
        QStringLiteral("Facility-water return estimated at supply + the liquid ΔT (%1).")
            .arg(mText.number(deltaK, Quantity::TemperatureDeltaK)));
  } else {
    n.key = QStringLiteral("chilled-water");
    n.symbol = DiagramSymbol::ChilledWater;
    n.title = QStringLiteral("Chilled water");
    n.lines = {
        {QStringLiteral("supply %1")
             .arg(mText.number(a.value(QString::fromLatin1(assumption::kChilledWaterSupplyC)),
                               Quantity::TemperatureC))}};
  }
  index = add(n);
  return index;
}

QList<DiagramLine> SchematicBuilder::loopLines(const LoopLoad& loop) const {
  QList<DiagramLine> lines;
  lines.append({QStringLiteral("usable %1 of %2")
                    .arg(mText.number(loop.usableCapacityW.value, Quantity::PowerW),
                         mText.number(loop.installedCapacityW.value, Quantity::PowerW))});
  DiagramLine load = mText.loading(
      QStringLiteral("load %1 ·").arg(mText.number(loop.loadW.value, Quantity::PowerW)),
      loop.loadingPct);
  lines.append(load);
  if (loop.kind == CoolingLoopKind::Liquid && loop.flowLps.value > 0) {
    QString flow =
        QStringLiteral("flow %1").arg(mText.number(loop.flowLps.value, Quantity::FlowLps));
    if (loop.flowCapacityLps.value > 0) {
      flow +=
          QStringLiteral(" of %1").arg(mText.number(loop.flowCapacityLps.value, Quantity::FlowLps));
    }
    lines.append(
        {flow, loop.flowCapacityLps.value > 0 && loop.flowLps.value > loop.flowCapacityLps.value
                   ? Tone::Error
                   : Tone::Normal});
  }
  return lines;
}

void SchematicBuilder::addLiquidLoop(int loopIndex, const LoopLoad& loop) {
  const int source = plant(true);
  QList<int> cdus;
  for (const CoolingUnitId& id : loop.unitIds) {
    const CoolingUnit* unit = mProject.findCoolingUnit(id);
    if (unit == nullptr) {
      continue;
    }
    DiagramNode n{QStringLiteral("unit:%1").arg(id.toString()), DiagramSymbol::Cdu, unit->name};
    n.tier = kTierExchangers;
    const CatalogItem* item = mCatalog.find(unit->catalogId);
    n.lines.append({modelOf(unit->catalogId)});
    if (item != nullptr) {
      QString rating = mText.number(item->figureValue(QStringLiteral("coolingUnit.capacityW")),
                                    Quantity::PowerW);
      if (const double flow = item->figureValue(QStringLiteral("coolingUnit.flowLps")); flow > 0) {
        rating += QStringLiteral(" · ") + mText.number(flow, Quantity::FlowLps);
      }
      n.lines.append({rating});
    }
    const int index = add(n);
    addEdge(source, index, EdgeStyle::Pipe);
    cdus.append(index);
  }
  if (!cdus.isEmpty()) {
    mDiagram.groups.append(
        {QStringLiteral("%1 · %2").arg(loop.name, redundancyName(loop.redundancy)), loopLines(loop),
         cdus});
  }
  addManifolds({loopIndex}, cdus, loop.coolantSupplyTempC);
}

/// Racks that carry their own CDUs, alike (the same units, capacity and redundancy): one node
/// for their CDUs, one manifold group for the racks, so that forty such racks stay one column.
void SchematicBuilder::addInRackLoops(const QList<int>& loopIndexes) {
  const QList<LoopLoad>& loops = mAnalysis.cooling.loops;
  const LoopLoad& first = loops[loopIndexes.first()];
  QStringList names;
  double loadW = 0.0;
  double flowLps = 0.0;
  double worstPct = 0.0;
  for (int i : loopIndexes) {
    names.append(rackName(loops[i].rackId));
    loadW += loops[i].loadW.value;
    flowLps += loops[i].flowLps.value;
    worstPct = std::max(worstPct, loops[i].loadingPct);
  }
  DiagramNode n{QStringLiteral("in-rack-cdu:%1").arg(first.rackId.toString()), DiagramSymbol::Cdu,
                loopIndexes.size() == 1 ? QStringLiteral("CDU in %1").arg(names.first())
                                        : QStringLiteral("In-rack CDUs")};
  n.tier = kTierExchangers;
  n.lines = {
      {QStringLiteral("%1 × %2 per rack · %3")
           .arg(first.unitCount)
           .arg(mText.number(first.unitCapacityW, Quantity::PowerW),
                redundancyName(first.redundancy))},
      mText.loading(loopIndexes.size() == 1 ? QStringLiteral("load") : QStringLiteral("load ≤"),
                    worstPct)};
  if (loopIndexes.size() > 1) {
    n.lines.prepend({rackNameRange(names, 2)});
  }
  const int cdu = add(n);
  addEdge(plant(true), cdu, EdgeStyle::Pipe);
  addManifolds(loopIndexes, {cdu}, first.coolantSupplyTempC);
}

/// The racks on loops `loopIndexes`' secondary side, one manifold group per rack type, piped
/// from every CDU of the loop.
void SchematicBuilder::addManifolds(const QList<int>& loopIndexes, const QList<int>& cdus,
                                    double coolantSupplyC) {
  std::map<QString, RackSet> byType;
  QStringList typeOrder;
  for (const Rack& rack : mProject.racks()) {
    const auto cooling = mAnalysis.cooling.racks.constFind(rack.id());
    if (cooling == mAnalysis.cooling.racks.cend() ||
        !loopIndexes.contains(cooling->liquidLoopIndex) || cooling->heatToLiquidW.value <= 0) {
      continue;
    }
    if (!typeOrder.contains(rack.rackTypeId())) {
      typeOrder.append(rack.rackTypeId());
    }
    RackSet& set = byType[rack.rackTypeId()];
    set.names.append(rack.name());
    set.ids.append(rack.id());
    set.heatW += cooling->heatToLiquidW.value;
    set.flowLps += cooling->coolantFlowLps.value;
  }
  const double deltaK =
      mAnalysis.assumptions.value(QString::fromLatin1(assumption::kLiquidDeltaTK));
  for (const QString& type : typeOrder) {
    const RackSet& set = byType.at(type);
    DiagramNode n{QStringLiteral("manifold:%1:%2").arg(loopIndexes.first()).arg(type),
                  DiagramSymbol::RackManifold, rackNameRange(set.names)};
    n.tier = kTierRacks;
    n.racks = set.ids;
    n.rackNames = set.names;
    n.rackCountText =
        QStringLiteral("%1 rack%2").arg(set.names.size()).arg(set.names.size() == 1 ? "" : "s");
    n.lines = {{n.rackCountText +
                QStringLiteral(" · %1 to liquid").arg(mText.number(set.heatW, Quantity::PowerW))},
               {QStringLiteral("%1 · %2 → %3")
                    .arg(mText.number(set.flowLps, Quantity::FlowLps),
                         mText.number(coolantSupplyC, Quantity::TemperatureC),
                         mText.number(coolantSupplyC + deltaK, Quantity::TemperatureC))}};
    if (cdus.isEmpty()) {
      n.lines.append({QStringLiteral("no CDU serves this loop"), Tone::Error});
    }
    const int to = add(n);
    for (int cdu : cdus) {
      addEdge(cdu, to, EdgeStyle::Pipe);
    }
  }
}

void SchematicBuilder::addAirZone(int loopIndex, const LoopLoad& loop) {
  QList<int> coolers;
  for (const CoolingUnitId& id : loop.unitIds) {
    const CoolingUnit* unit = mProject.findCoolingUnit(id);
    if (unit == nullptr) {
      continue;
    }
    DiagramNode n{QStringLiteral("unit:%1").arg(id.toString()), DiagramSymbol::AirCooler,
                  unit->name};
    n.tier = kTierExchangers;
    n.lines.append({modelOf(unit->catalogId)});
    if (const CatalogItem* item = mCatalog.find(unit->catalogId)) {
      n.lines.append({mText.number(item->figureValue(QStringLiteral("coolingUnit.capacityW")),
                                   Quantity::PowerW)});
    }
    coolers.append(add(n));
  }
  for (int cooler : coolers) {
    addEdge(plant(false), cooler, EdgeStyle::Pipe);
  }
  if (!coolers.isEmpty()) {
    mDiagram.groups.append(
        {QStringLiteral("%1 · %2").arg(loop.name, redundancyName(loop.redundancy)), loopLines(loop),
         coolers});
  }
  RackSet set;
  for (const Rack& rack : mProject.racks()) {
    const auto cooling = mAnalysis.cooling.racks.constFind(rack.id());
    // The racks whose heat reaches the room air (a rear door may take all of it), as the
    // engine counts the zone's racks.
    if (cooling != mAnalysis.cooling.racks.cend() && cooling->airZoneIndex == loopIndex &&
        !cooling->coolingUnit && cooling->heatToRoomW.value > 0) {
      set.names.append(rack.name());
      set.ids.append(rack.id());
      set.heatW += cooling->heatToRoomW.value;
    }
  }
  DiagramNode n{QStringLiteral("zone:%1").arg(loopIndex), DiagramSymbol::AirZone, loop.name};
  n.tier = kTierRacks;
  n.racks = set.ids;
  n.rackNames = set.names;
  n.rackCountText =
      QStringLiteral("%1 rack%2").arg(set.names.size()).arg(set.names.size() == 1 ? "" : "s");
  n.lines = {{rackNameRange(set.names, 3)},
             {n.rackCountText +
              QStringLiteral(" · %1 to room air").arg(mText.number(set.heatW, Quantity::PowerW))}};
  if (loop.airflowM3PerH.value > 0) {
    n.lines.append({QStringLiteral("airflow %1")
                        .arg(mText.number(loop.airflowM3PerH.value, Quantity::AirflowM3PerH))});
  }
  if (coolers.isEmpty()) {
    n.lines.append({QStringLiteral("no air cooler serves this zone"), Tone::Error});
  }
  const int to = add(n);
  for (int cooler : coolers) {
    addEdge(cooler, to, EdgeStyle::Air);
  }
}

void SchematicBuilder::addRearDoors() {
  std::map<QString, RackSet> byDoor;
  QStringList order;
  for (const Rack& rack : mProject.racks()) {
    const auto cooling = mAnalysis.cooling.racks.constFind(rack.id());
    if (rack.hallId() != mHallId || rack.rearDoorId().isEmpty() ||
        cooling == mAnalysis.cooling.racks.cend()) {
      continue;
    }
    if (!order.contains(rack.rearDoorId())) {
      order.append(rack.rearDoorId());
    }
    RackSet& set = byDoor[rack.rearDoorId()];
    set.names.append(rack.name());
    set.ids.append(rack.id());
    set.heatW += cooling->heatToDoorW.value;
  }
  for (const QString& door : order) {
    const RackSet& set = byDoor.at(door);
    DiagramNode n{QStringLiteral("doors:%1").arg(door), DiagramSymbol::RearDoor,
                  QStringLiteral("Rear doors")};
    n.tier = kTierExchangers;
    n.racks = set.ids;
    n.rackNames = set.names;
    n.rackCountText =
        QStringLiteral("%1 rack%2").arg(set.names.size()).arg(set.names.size() == 1 ? "" : "s");
    n.lines = {{rackNameRange(set.names, 3)},
               {QStringLiteral("%1 × %2").arg(set.names.size()).arg(modelOf(door))},
               {QStringLiteral("removes %1").arg(mText.number(set.heatW, Quantity::PowerW))}};
    addEdge(plant(false), add(n), EdgeStyle::Pipe);
  }
}

Diagram SchematicBuilder::build() {
  const Hall* hall = mProject.findHall(mHallId);
  mDiagram.title = QStringLiteral("Cooling-loop schematic") +
                   (hall != nullptr ? QStringLiteral(" — ") + hall->name() : QString());
  const QList<LoopLoad>& loops = mAnalysis.cooling.loops;
  // Plants first, so that facility water stands left of chilled water.
  for (const LoopLoad& loop : loops) {
    if (loop.hallId == mHallId && loop.kind == CoolingLoopKind::Liquid) {
      plant(true);
      break;
    }
  }
  // Racks with their own CDUs, alike, as one group each (by units, capacity, redundancy).
  std::map<std::tuple<int, double, int>, QList<int>> inRack;
  QList<std::tuple<int, double, int>> inRackOrder;
  for (int i = 0; i < loops.size(); ++i) {
    if (loops[i].hallId != mHallId || loops[i].kind != CoolingLoopKind::Liquid) {
      continue;
    }
    if (loops[i].rackId.isNull()) {
      addLiquidLoop(i, loops[i]);
      continue;
    }
    const auto key =
        std::make_tuple(loops[i].unitCount, loops[i].unitCapacityW, int(loops[i].redundancy));
    if (!inRack.count(key)) {
      inRackOrder.append(key);
    }
    inRack[key].append(i);
  }
  for (const auto& key : inRackOrder) {
    addInRackLoops(inRack.at(key));
  }
  for (int i = 0; i < loops.size(); ++i) {
    if (loops[i].hallId == mHallId && loops[i].kind == CoolingLoopKind::Air) {
      addAirZone(i, loops[i]);
    }
  }
  addRearDoors();
  mDiagram.tierTitles = {QStringLiteral("Plant"), QStringLiteral("Heat exchangers"),
                         QStringLiteral("Racks")};
  if (mChilledWater >= 0) {
    mDiagram.notes.append(QStringLiteral(
        "Air coolers and rear doors drawn on chilled water; plant by the facility."));
  }
  layoutDiagram(mDiagram);
  return mDiagram;
}

}  // namespace

Diagram coolingSchematic(const Project& project, const Catalog& catalog, const Analysis& analysis,
                         HallId hallId, const QLocale& locale) {
  return SchematicBuilder(project, catalog, analysis, hallId, locale).build();
}

}  // namespace dc::report
