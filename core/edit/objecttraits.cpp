// SPDX-License-Identifier: GPL-3.0-or-later
#include "objecttraits.h"

#include <cmath>
#include <stdexcept>

namespace dc {

namespace {
[[noreturn]] void refuse(const PowerNode& node, const QString& why) {
  throw std::invalid_argument(
      QStringLiteral("%1 %2: %3")
          .arg(powerNodeKindName(node.kind),
               node.name.isEmpty() ? QStringLiteral("(unnamed)") : node.name, why)
          .toStdString());
}

void checkFinite(const PowerNode& node, double value, const char* field, bool allowZero) {
  if (!std::isfinite(value) || value < 0 || (!allowZero && value == 0)) {
    refuse(node, QStringLiteral("%1 must be %2 (got %3)")
                     .arg(QString::fromLatin1(field), allowZero ? QStringLiteral("zero or positive")
                                                                : QStringLiteral("positive"))
                     .arg(value));
  }
}
}  // namespace

void ObjectTraits<PowerNode>::check(const Project& project, const PowerNode& node) {
  if (!project.findHall(node.hallId)) {
    refuse(node, QStringLiteral("its hall is not in the project"));
  }
  if (node.name.trimmed().isEmpty()) {
    refuse(node, QStringLiteral("a name is needed"));
  }
  if (node.voltageV < 0 || !std::isfinite(node.voltageV)) {
    refuse(node, QStringLiteral(
                     "voltage must be positive, or 0 for the design's supply voltage (got %1 V)")
                     .arg(node.voltageV));
  }
  switch (node.kind) {
    case PowerNodeKind::Ups:
      if (node.moduleCount < 1) {
        refuse(node,
               QStringLiteral("it needs at least one power module (got %1)").arg(node.moduleCount));
      }
      if (node.redundancy == Redundancy::NPlus1 && node.moduleCount < 2) {
        refuse(node, QStringLiteral("N+1 needs at least two modules"));
      }
      checkFinite(node, node.moduleRatingW, "module rating (W)", false);
      break;
    case PowerNodeKind::PowerRack:
      checkFinite(node, node.ratedPowerW, "rated power (W)", false);
      break;
    default:
      checkFinite(node, node.ratedCurrentA, "rated current (A)", false);
  }
  PowerNodeId up = node.upstreamId;
  for (int depth = 0; !up.isNull(); ++depth) {
    if (up == node.id || depth > 64) {
      refuse(node, QStringLiteral("its upstream chain leads back to itself"));
    }
    const PowerNode* parent = project.findPowerNode(up);
    if (!parent) {
      refuse(node, QStringLiteral("its upstream node is not in the project"));
    }
    if (parent->hallId != node.hallId) {
      refuse(
          node,
          QStringLiteral("it cannot be fed from %1, which is in another hall").arg(parent->name));
    }
    up = parent->upstreamId;
  }
}

void ObjectTraits<PowerNode>::checkRemovable(const Project& project, PowerNodeId id) {
  const PowerNode* node = project.findPowerNode(id);
  if (!node) {
    throw std::invalid_argument("unknown power node id");
  }
  for (const PowerNode& other : project.powerNodes()) {
    if (other.upstreamId == id) {
      refuse(*node, QStringLiteral("it feeds %1; connect that elsewhere first").arg(other.name));
    }
  }
  for (const Rack& rack : project.racks()) {
    for (const Mount& mount : rack.mounts()) {
      if (mount.upstreamId == id) {
        refuse(*node, QStringLiteral("PDUs of rack %1 are plugged into it; unplug them first")
                          .arg(rack.name()));
      }
    }
  }
}

namespace {
[[noreturn]] void refuseNamed(const QString& what, const QString& name, const QString& why) {
  throw std::invalid_argument(
      QStringLiteral("%1 %2: %3")
          .arg(what, name.isEmpty() ? QStringLiteral("(unnamed)") : name, why)
          .toStdString());
}
}  // namespace

void ObjectTraits<CoolingLoop>::check(const Project& project, const CoolingLoop& loop) {
  const QString what = coolingLoopKindName(loop.kind);
  if (!project.findHall(loop.hallId)) {
    refuseNamed(what, loop.name, QStringLiteral("its hall is not in the project"));
  }
  if (loop.name.trimmed().isEmpty()) {
    refuseNamed(what, loop.name, QStringLiteral("a name is needed"));
  }
}

void ObjectTraits<CoolingLoop>::checkRemovable(const Project& project, CoolingLoopId id) {
  const CoolingLoop* loop = project.findCoolingLoop(id);
  if (!loop) {
    throw std::invalid_argument("unknown cooling loop id");
  }
  const QString what = coolingLoopKindName(loop->kind);
  for (const CoolingUnit& unit : project.coolingUnits()) {
    if (unit.loopId == id) {
      refuseNamed(
          what, loop->name,
          QStringLiteral("%1 serves it; move that unit to another loop first").arg(unit.name));
    }
  }
  for (const Rack& rack : project.racks()) {
    if (rack.liquidLoopId() == id || rack.airZoneId() == id) {
      refuseNamed(
          what, loop->name,
          QStringLiteral("rack %1 is assigned to it; reassign the rack first").arg(rack.name()));
    }
  }
}

void ObjectTraits<CoolingUnit>::check(const Project& project, const CoolingUnit& unit) {
  const QString what = QStringLiteral("Cooling unit");
  if (!project.findHall(unit.hallId)) {
    refuseNamed(what, unit.name, QStringLiteral("its hall is not in the project"));
  }
  if (unit.name.trimmed().isEmpty()) {
    refuseNamed(what, unit.name, QStringLiteral("a name is needed"));
  }
  if (unit.catalogId.isEmpty()) {
    refuseNamed(what, unit.name, QStringLiteral("it needs a catalog item"));
  }
  if (unit.rotationDeg % 90 != 0 || unit.rotationDeg < 0 || unit.rotationDeg >= 360) {
    refuseNamed(what, unit.name,
                QStringLiteral("rotation must be 0, 90, 180 or 270 degrees (got %1)")
                    .arg(unit.rotationDeg));
  }
  if (!unit.loopId.isNull()) {
    const CoolingLoop* loop = project.findCoolingLoop(unit.loopId);
    if (!loop) {
      refuseNamed(what, unit.name, QStringLiteral("its cooling loop is not in the project"));
    }
    if (loop->hallId != unit.hallId) {
      refuseNamed(what, unit.name,
                  QStringLiteral("it cannot serve %1, which is in another hall").arg(loop->name));
    }
  }
}

void ObjectTraits<CoolingUnit>::checkRemovable(const Project& project, CoolingUnitId id) {
  if (!project.findCoolingUnit(id)) {
    throw std::invalid_argument("unknown cooling unit id");
  }
}

void ObjectTraits<FabricSpec>::check(const Project& project, const FabricSpec& spec) {
  if (!project.findHall(spec.hallId)) {
    refuseNamed(QStringLiteral("Fabric"), spec.name,
                QStringLiteral("its hall is not in the project"));
  }
  const QString problem = fabricSpecProblem(spec);
  if (!problem.isEmpty()) {
    throw std::invalid_argument(problem.toStdString());
  }
  for (RackId rackId : spec.switchRackIds) {
    const Rack* rack = project.findRack(rackId);
    if (!rack || rack->hallId() != spec.hallId) {
      refuseNamed(QStringLiteral("Fabric"), spec.name,
                  QStringLiteral("one of its switch racks is not a rack of its hall"));
    }
  }
}

void ObjectTraits<FabricSpec>::checkRemovable(const Project& project, FabricSpecId id) {
  if (!project.findFabricSpec(id)) {
    throw std::invalid_argument("unknown fabric id");
  }
}

void ObjectTraits<CableTray>::check(const Project& project, const CableTray& tray) {
  if (!project.findHall(tray.hallId)) {
    refuseNamed(QStringLiteral("Cable tray"), tray.name,
                QStringLiteral("its hall is not in the project"));
  }
  const QString problem = cableTrayProblem(tray);
  if (!problem.isEmpty()) {
    throw std::invalid_argument(problem.toStdString());
  }
}

void ObjectTraits<CableTray>::checkRemovable(const Project& project, CableTrayId id) {
  if (!project.findCableTray(id)) {
    throw std::invalid_argument("unknown cable tray id");
  }
}

void ObjectTraits<WorkloadPool>::check(const Project& project, const WorkloadPool& pool) {
  const QString what = QStringLiteral("Workload pool");
  if (!project.findHall(pool.hallId)) {
    refuseNamed(what, pool.name, QStringLiteral("its hall is not in the project"));
  }
  const QString problem = workloadPoolProblem(pool);
  if (!problem.isEmpty()) {
    throw std::invalid_argument(problem.toStdString());
  }
  for (RackId rackId : pool.rackIds) {
    const Rack* rack = project.findRack(rackId);
    if (!rack || rack->hallId() != pool.hallId) {
      refuseNamed(what, pool.name, QStringLiteral("one of its racks is not a rack of its hall"));
    }
  }
}

void ObjectTraits<WorkloadPool>::checkRemovable(const Project& project, WorkloadPoolId id) {
  const WorkloadPool* pool = project.findWorkloadPool(id);
  if (!pool) {
    throw std::invalid_argument("unknown workload pool id");
  }
  for (const Workload& workload : project.workloads()) {
    if (workload.poolId == id) {
      refuseNamed(QStringLiteral("Workload pool"), pool->name,
                  QStringLiteral("workload %1 runs on it; move or delete that workload first")
                      .arg(workload.name));
    }
  }
}

void ObjectTraits<Workload>::check(const Project& project, const Workload& workload) {
  if (!project.findWorkloadPool(workload.poolId)) {
    refuseNamed(QStringLiteral("Workload"), workload.name,
                QStringLiteral("its pool is not in the project"));
  }
  const QString problem = workloadProblem(workload);
  if (!problem.isEmpty()) {
    throw std::invalid_argument(problem.toStdString());
  }
}

void ObjectTraits<Workload>::checkRemovable(const Project& project, WorkloadId id) {
  if (!project.findWorkload(id)) {
    throw std::invalid_argument("unknown workload id");
  }
}

}  // namespace dc
