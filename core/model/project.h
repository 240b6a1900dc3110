// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cooling.h"
#include "designassumptions.h"
#include "fabric.h"
#include "hall.h"
#include "ids.h"
#include "indexedlist.h"
#include "powernode.h"
#include "rack.h"
#include "workload.h"

#include <QHash>
#include <QList>
#include <QString>

namespace dc {

/// A whole design: its halls, the racks placed in them, the halls' power distribution and
/// cooling, and the design assumptions it is analysed with.
///
/// A plain value: copying a Project *is* taking a snapshot (Qt containers are implicitly
/// shared, so the copy is cheap until one side changes). Racks are kept in one list with an
/// id -> index map so look-ups stay O(1) in designs with tens of thousands of racks.
class Project final {
 public:
  Project() = default;

  const QString& name() const noexcept { return mName; }
  const QString& author() const noexcept { return mAuthor; }
  const QString& description() const noexcept { return mDescription; }
  /// The design's revision as the drawings carry it ("A", "B", "P1"); empty before the first issue.
  const QString& revision() const noexcept { return mRevision; }
  bool setName(const QString& name);
  bool setAuthor(const QString& author);
  bool setDescription(const QString& description);
  bool setRevision(const QString& revision);

  const QList<Hall>& halls() const noexcept { return mHalls; }
  const Hall* findHall(HallId id) const noexcept;
  Hall* findHall(HallId id) noexcept;
  void insertHall(qsizetype index, Hall hall);  ///< Throws on a null or duplicate id.
  Hall removeHall(HallId id,
                  qsizetype* indexOut = nullptr);  ///< Throws if racks still stand in it.

  const QList<Rack>& racks() const noexcept { return mRacks; }
  const Rack* findRack(RackId id) const noexcept;
  Rack* findRack(RackId id) noexcept;
  qsizetype rackIndex(RackId id) const noexcept;  ///< -1 when unknown.
  /// Throws on a null or duplicate id, or a hall id that is not in the project.
  void insertRack(qsizetype index, Rack rack);
  Rack removeRack(RackId id, qsizetype* indexOut = nullptr);  ///< Throws on an unknown id.

  /// UPS systems, switchboards, busways, RPPs and power racks of every hall, in order.
  const QList<PowerNode>& powerNodes() const noexcept { return mPowerNodes; }
  const PowerNode* findPowerNode(PowerNodeId id) const noexcept;
  qsizetype powerNodeIndex(PowerNodeId id) const noexcept;  ///< -1 when unknown.
  /// Throws on a null or duplicate id, or a hall id that is not in the project.
  void insertPowerNode(qsizetype index, PowerNode node);
  PowerNode removePowerNode(PowerNodeId id, qsizetype* indexOut = nullptr);  ///< Throws if unknown.
  /// Replaces the node with the same id; throws on an unknown id or a changed hall.
  void replacePowerNode(const PowerNode& node);

  /// CDU loops and air zones of every hall, in order.
  const QList<CoolingLoop>& coolingLoops() const noexcept { return mCoolingLoops.items(); }
  const CoolingLoop* findCoolingLoop(CoolingLoopId id) const noexcept {
    return mCoolingLoops.find(id);
  }
  qsizetype coolingLoopIndex(CoolingLoopId id) const noexcept { return mCoolingLoops.indexOf(id); }
  /// Throws on a null or duplicate id, or a hall that is not in the project.
  void insertCoolingLoop(qsizetype index, CoolingLoop loop);
  CoolingLoop removeCoolingLoop(CoolingLoopId id, qsizetype* indexOut = nullptr);
  void replaceCoolingLoop(const CoolingLoop& loop);  ///< Throws on an unknown id or a new hall.

  /// Floor CDUs, CRAH units and in-row coolers of every hall, in order.
  const QList<CoolingUnit>& coolingUnits() const noexcept { return mCoolingUnits.items(); }
  const CoolingUnit* findCoolingUnit(CoolingUnitId id) const noexcept {
    return mCoolingUnits.find(id);
  }
  qsizetype coolingUnitIndex(CoolingUnitId id) const noexcept { return mCoolingUnits.indexOf(id); }
  /// Throws on a null or duplicate id, a hall that is not in the project, or a rotation other
  /// than 0/90/180/270.
  void insertCoolingUnit(qsizetype index, CoolingUnit unit);
  CoolingUnit removeCoolingUnit(CoolingUnitId id, qsizetype* indexOut = nullptr);
  void replaceCoolingUnit(const CoolingUnit& unit);  ///< Throws on an unknown id or a new hall.

  /// Network fabric specifications of every hall, in order.
  const QList<FabricSpec>& fabricSpecs() const noexcept { return mFabricSpecs.items(); }
  const FabricSpec* findFabricSpec(FabricSpecId id) const noexcept { return mFabricSpecs.find(id); }
  qsizetype fabricSpecIndex(FabricSpecId id) const noexcept { return mFabricSpecs.indexOf(id); }
  /// Throws on a null or duplicate id, or a hall that is not in the project.
  void insertFabricSpec(qsizetype index, FabricSpec spec);
  FabricSpec removeFabricSpec(FabricSpecId id, qsizetype* indexOut = nullptr);
  void replaceFabricSpec(const FabricSpec& spec);  ///< Throws on an unknown id or a new hall.

  /// Cable trays of every hall, in order.
  const QList<CableTray>& cableTrays() const noexcept { return mCableTrays.items(); }
  const CableTray* findCableTray(CableTrayId id) const noexcept { return mCableTrays.find(id); }
  qsizetype cableTrayIndex(CableTrayId id) const noexcept { return mCableTrays.indexOf(id); }
  /// Throws on a null or duplicate id, a hall that is not in the project, or fewer than 2 points.
  void insertCableTray(qsizetype index, CableTray tray);
  CableTray removeCableTray(CableTrayId id, qsizetype* indexOut = nullptr);
  void replaceCableTray(const CableTray& tray);  ///< Throws on an unknown id or a new hall.

  /// Pools of GPU nodes of every hall, in order.
  const QList<WorkloadPool>& workloadPools() const noexcept { return mWorkloadPools.items(); }
  const WorkloadPool* findWorkloadPool(WorkloadPoolId id) const noexcept {
    return mWorkloadPools.find(id);
  }
  qsizetype workloadPoolIndex(WorkloadPoolId id) const noexcept {
    return mWorkloadPools.indexOf(id);
  }
  /// Throws on a null or duplicate id, or a hall that is not in the project.
  void insertWorkloadPool(qsizetype index, WorkloadPool pool);
  WorkloadPool removeWorkloadPool(WorkloadPoolId id, qsizetype* indexOut = nullptr);
  void replaceWorkloadPool(const WorkloadPool& pool);  ///< Throws on an unknown id or a new hall.

  /// Workloads, in order (each names its pool).
  const QList<Workload>& workloads() const noexcept { return mWorkloads.items(); }
  const Workload* findWorkload(WorkloadId id) const noexcept { return mWorkloads.find(id); }
  qsizetype workloadIndex(WorkloadId id) const noexcept { return mWorkloads.indexOf(id); }
  /// Throws on a null or duplicate id, or a pool that is not in the project.
  void insertWorkload(qsizetype index, Workload workload);
  Workload removeWorkload(WorkloadId id, qsizetype* indexOut = nullptr);
  void replaceWorkload(const Workload& workload);  ///< Throws on an unknown id or pool.

  /// The racks of a pool: its named racks, then the other racks of its rows (in project order).
  /// Racks of other halls and unknown ids are skipped.
  QList<RackId> poolRackIds(const WorkloadPool& pool) const;

  const DesignAssumptions& assumptions() const noexcept { return mAssumptions; }
  bool setAssumptions(const DesignAssumptions& assumptions);

  /// Every field takes part, so the round-trip, migration and undo tests see any field a
  /// writer or a command forgets (the rack index is derived from mRacks and compares equal).
  friend bool operator==(const Project&, const Project&) = default;

 private:
  void reindexRacks(qsizetype from);
  void reindexPowerNodes(qsizetype from);

  QString mName;
  QString mAuthor;
  QString mDescription;
  QString mRevision;
  QList<Hall> mHalls;
  QList<Rack> mRacks;
  QHash<RackId, qsizetype> mRackIndex;  ///< Invariant: mRacks[mRackIndex[id]].id() == id.
  QList<PowerNode> mPowerNodes;
  QHash<PowerNodeId, qsizetype> mPowerNodeIndex;  ///< Invariant: like mRackIndex, for nodes.
  IndexedList<CoolingLoop, CoolingLoopId> mCoolingLoops;
  IndexedList<CoolingUnit, CoolingUnitId> mCoolingUnits;
  IndexedList<FabricSpec, FabricSpecId> mFabricSpecs;
  IndexedList<CableTray, CableTrayId> mCableTrays;
  IndexedList<WorkloadPool, WorkloadPoolId> mWorkloadPools;
  IndexedList<Workload, WorkloadId> mWorkloads;
  DesignAssumptions mAssumptions;
};

}  // namespace dc
