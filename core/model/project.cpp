// SPDX-License-Identifier: GPL-3.0-or-later
#include "project.h"

#include <QSet>

#include <stdexcept>

namespace dc {

bool Project::setName(const QString& name) {
  if (name == mName) {
    return false;
  }
  mName = name;
  return true;
}

bool Project::setAuthor(const QString& author) {
  if (author == mAuthor) {
    return false;
  }
  mAuthor = author;
  return true;
}

bool Project::setDescription(const QString& description) {
  if (description == mDescription) {
    return false;
  }
  mDescription = description;
  return true;
}

bool Project::setRevision(const QString& revision) {
  if (revision == mRevision) {
    return false;
  }
  mRevision = revision;
  return true;
}

const Hall* Project::findHall(HallId id) const noexcept {
  for (const Hall& hall : mHalls) {
    if (hall.id() == id) {
      return &hall;
    }
  }
  return nullptr;
}

Hall* Project::findHall(HallId id) noexcept {
  for (Hall& hall : mHalls) {
    if (hall.id() == id) {
      return &hall;
    }
  }
  return nullptr;
}

void Project::insertHall(qsizetype index, Hall hall) {
  if (hall.id().isNull() || findHall(hall.id())) {
    throw std::invalid_argument("a hall needs a new, non-null id");
  }
  if (index < 0 || index > mHalls.size()) {
    index = mHalls.size();
  }
  mHalls.insert(index, std::move(hall));
}

Hall Project::removeHall(HallId id, qsizetype* indexOut) {
  for (const Rack& rack : mRacks) {
    if (rack.hallId() == id) {
      throw std::invalid_argument("a hall with racks in it cannot be removed");
    }
  }
  for (const PowerNode& node : mPowerNodes) {
    if (node.hallId == id) {
      throw std::invalid_argument("a hall with power distribution in it cannot be removed");
    }
  }
  for (const CoolingLoop& loop : mCoolingLoops.items()) {
    if (loop.hallId == id) {
      throw std::invalid_argument("a hall with cooling loops in it cannot be removed");
    }
  }
  for (const CoolingUnit& unit : mCoolingUnits.items()) {
    if (unit.hallId == id) {
      throw std::invalid_argument("a hall with cooling units in it cannot be removed");
    }
  }
  for (const FabricSpec& spec : mFabricSpecs.items()) {
    if (spec.hallId == id) {
      throw std::invalid_argument("a hall with network fabrics in it cannot be removed");
    }
  }
  for (const CableTray& tray : mCableTrays.items()) {
    if (tray.hallId == id) {
      throw std::invalid_argument("a hall with cable trays in it cannot be removed");
    }
  }
  for (const WorkloadPool& pool : mWorkloadPools.items()) {
    if (pool.hallId == id) {
      throw std::invalid_argument("a hall with workload pools in it cannot be removed");
    }
  }
  for (qsizetype i = 0; i < mHalls.size(); ++i) {
    if (mHalls[i].id() == id) {
      if (indexOut) {
        *indexOut = i;
      }
      return mHalls.takeAt(i);
    }
  }
  throw std::invalid_argument("unknown hall id");
}

const Rack* Project::findRack(RackId id) const noexcept {
  const qsizetype index = rackIndex(id);
  return index < 0 ? nullptr : &mRacks[index];
}

Rack* Project::findRack(RackId id) noexcept {
  const qsizetype index = rackIndex(id);
  return index < 0 ? nullptr : &mRacks[index];
}

qsizetype Project::rackIndex(RackId id) const noexcept {
  return mRackIndex.value(id, -1);
}

void Project::insertRack(qsizetype index, Rack rack) {
  if (rack.id().isNull() || mRackIndex.contains(rack.id())) {
    throw std::invalid_argument("a rack needs a new, non-null id");
  }
  if (!findHall(rack.hallId())) {
    throw std::invalid_argument("a rack must stand in a hall of the project");
  }
  if (index < 0 || index > mRacks.size()) {
    index = mRacks.size();
  }
  mRacks.insert(index, std::move(rack));
  reindexRacks(index);
}

Rack Project::removeRack(RackId id, qsizetype* indexOut) {
  const qsizetype index = rackIndex(id);
  if (index < 0) {
    throw std::invalid_argument("unknown rack id");
  }
  if (indexOut) {
    *indexOut = index;
  }
  Rack rack = mRacks.takeAt(index);
  mRackIndex.remove(id);
  reindexRacks(index);
  return rack;
}

const PowerNode* Project::findPowerNode(PowerNodeId id) const noexcept {
  const qsizetype index = powerNodeIndex(id);
  return index < 0 ? nullptr : &mPowerNodes[index];
}

qsizetype Project::powerNodeIndex(PowerNodeId id) const noexcept {
  return mPowerNodeIndex.value(id, -1);
}

void Project::reindexPowerNodes(qsizetype from) {
  for (qsizetype i = from; i < mPowerNodes.size(); ++i) {
    mPowerNodeIndex.insert(mPowerNodes[i].id, i);
  }
}

void Project::insertPowerNode(qsizetype index, PowerNode node) {
  if (node.id.isNull() || powerNodeIndex(node.id) >= 0) {
    throw std::invalid_argument("a power node needs a new, non-null id");
  }
  if (!findHall(node.hallId)) {
    throw std::invalid_argument("a power node must belong to a hall of the project");
  }
  if (index < 0 || index > mPowerNodes.size()) {
    index = mPowerNodes.size();
  }
  mPowerNodes.insert(index, std::move(node));
  reindexPowerNodes(index);
}

PowerNode Project::removePowerNode(PowerNodeId id, qsizetype* indexOut) {
  const qsizetype index = powerNodeIndex(id);
  if (index < 0) {
    throw std::invalid_argument("unknown power node id");
  }
  if (indexOut) {
    *indexOut = index;
  }
  PowerNode node = mPowerNodes.takeAt(index);
  mPowerNodeIndex.remove(id);
  reindexPowerNodes(index);
  return node;
}

void Project::replacePowerNode(const PowerNode& node) {
  const qsizetype index = powerNodeIndex(node.id);
  if (index < 0) {
    throw std::invalid_argument("unknown power node id");
  }
  if (mPowerNodes[index].hallId != node.hallId) {
    throw std::invalid_argument("a power node cannot change hall");
  }
  mPowerNodes[index] = node;
}

void Project::insertCoolingLoop(qsizetype index, CoolingLoop loop) {
  if (!findHall(loop.hallId)) {
    throw std::invalid_argument("a cooling loop must belong to a hall of the project");
  }
  mCoolingLoops.insert(index, std::move(loop), "cooling loop");
}

CoolingLoop Project::removeCoolingLoop(CoolingLoopId id, qsizetype* indexOut) {
  return mCoolingLoops.remove(id, indexOut, "cooling loop");
}

void Project::replaceCoolingLoop(const CoolingLoop& loop) {
  mCoolingLoops.replace(loop, "cooling loop");
}

void Project::insertCoolingUnit(qsizetype index, CoolingUnit unit) {
  if (!findHall(unit.hallId)) {
    throw std::invalid_argument("a cooling unit must belong to a hall of the project");
  }
  if (unit.rotationDeg % 90 != 0 || unit.rotationDeg < 0 || unit.rotationDeg >= 360) {
    throw std::invalid_argument("a cooling unit's rotation must be 0, 90, 180 or 270 degrees");
  }
  mCoolingUnits.insert(index, std::move(unit), "cooling unit");
}

CoolingUnit Project::removeCoolingUnit(CoolingUnitId id, qsizetype* indexOut) {
  return mCoolingUnits.remove(id, indexOut, "cooling unit");
}

void Project::replaceCoolingUnit(const CoolingUnit& unit) {
  if (unit.rotationDeg % 90 != 0 || unit.rotationDeg < 0 || unit.rotationDeg >= 360) {
    throw std::invalid_argument("a cooling unit's rotation must be 0, 90, 180 or 270 degrees");
  }
  mCoolingUnits.replace(unit, "cooling unit");
}

void Project::insertFabricSpec(qsizetype index, FabricSpec spec) {
  if (!findHall(spec.hallId)) {
    throw std::invalid_argument("a fabric must belong to a hall of the project");
  }
  mFabricSpecs.insert(index, std::move(spec), "fabric");
}

FabricSpec Project::removeFabricSpec(FabricSpecId id, qsizetype* indexOut) {
  return mFabricSpecs.remove(id, indexOut, "fabric");
}

void Project::replaceFabricSpec(const FabricSpec& spec) {
  mFabricSpecs.replace(spec, "fabric");
}

void Project::insertCableTray(qsizetype index, CableTray tray) {
  if (!findHall(tray.hallId)) {
    throw std::invalid_argument("a cable tray must belong to a hall of the project");
  }
  if (tray.pathMm.size() < 2) {
    throw std::invalid_argument("a cable tray needs at least two points");
  }
  mCableTrays.insert(index, std::move(tray), "cable tray");
}

CableTray Project::removeCableTray(CableTrayId id, qsizetype* indexOut) {
  return mCableTrays.remove(id, indexOut, "cable tray");
}

void Project::replaceCableTray(const CableTray& tray) {
  if (tray.pathMm.size() < 2) {
    throw std::invalid_argument("a cable tray needs at least two points");
  }
  mCableTrays.replace(tray, "cable tray");
}

void Project::insertWorkloadPool(qsizetype index, WorkloadPool pool) {
  if (!findHall(pool.hallId)) {
    throw std::invalid_argument("a workload pool must belong to a hall of the project");
  }
  mWorkloadPools.insert(index, std::move(pool), "workload pool");
}

WorkloadPool Project::removeWorkloadPool(WorkloadPoolId id, qsizetype* indexOut) {
  // Workloads naming it are refused by ObjectTraits<WorkloadPool>::checkRemovable, so the
  // commands never get here with one; a direct caller may leave them dangling (they then fail
  // the fit pass's pool look-up, as a file would).
  return mWorkloadPools.remove(id, indexOut, "workload pool");
}

void Project::replaceWorkloadPool(const WorkloadPool& pool) {
  mWorkloadPools.replace(pool, "workload pool");
}

void Project::insertWorkload(qsizetype index, Workload workload) {
  if (!findWorkloadPool(workload.poolId)) {
    throw std::invalid_argument("a workload must run on a pool of the project");
  }
  mWorkloads.insert(index, std::move(workload), "workload");
}

Workload Project::removeWorkload(WorkloadId id, qsizetype* indexOut) {
  return mWorkloads.remove(id, indexOut, "workload");
}

void Project::replaceWorkload(const Workload& workload) {
  if (!findWorkloadPool(workload.poolId)) {
    throw std::invalid_argument("a workload must run on a pool of the project");
  }
  mWorkloads.replace(workload, "workload");
}

QList<RackId> Project::poolRackIds(const WorkloadPool& pool) const {
  // Deleting a rack leaves its id in the pools that name it (as in a fabric's switch racks):
  // it is skipped here, and the pool editor drops it on the next edit.
  QList<RackId> ids;
  QSet<RackId> seen;
  for (RackId id : pool.rackIds) {
    const Rack* rack = findRack(id);
    if (rack && rack->hallId() == pool.hallId && !seen.contains(id)) {
      ids.append(id);
      seen.insert(id);
    }
  }
  if (pool.rows.isEmpty()) {
    return ids;
  }
  for (const Rack& rack : mRacks) {
    if (rack.hallId() == pool.hallId && pool.rows.contains(rack.row()) &&
        !seen.contains(rack.id())) {
      ids.append(rack.id());
      seen.insert(rack.id());
    }
  }
  return ids;
}

bool Project::setAssumptions(const DesignAssumptions& assumptions) {
  if (assumptions == mAssumptions) {
    return false;
  }
  mAssumptions = assumptions;
  return true;
}

void Project::reindexRacks(qsizetype from) {
  for (qsizetype i = from; i < mRacks.size(); ++i) {
    mRackIndex.insert(mRacks[i].id(), i);
  }
}

}  // namespace dc
