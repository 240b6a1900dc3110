// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/objectkind.h"
#include "model/project.h"

#include <QUuid>

namespace dc {

/// How the generic commands (CmdInsertObjects, CmdRemoveObjects, CmdReplaceObject) reach one
/// kind of model object in a Project, and how they check it before anything changes. A new
/// object kind adds a specialisation here and needs no command class of its own.
template <typename T>
struct ObjectTraits;

template <>
struct ObjectTraits<PowerNode> {
  using IdType = PowerNodeId;
  static constexpr ObjectKind kind = ObjectKind::PowerNode;
  static IdType idOf(const PowerNode& node) { return node.id; }
  static const PowerNode* find(const Project& project, IdType id) {
    return project.findPowerNode(id);
  }
  static void insert(Project& project, qsizetype index, PowerNode node) {
    project.insertPowerNode(index, std::move(node));
  }
  static PowerNode remove(Project& project, IdType id, qsizetype* index) {
    return project.removePowerNode(id, index);
  }
  static void replace(Project& project, const PowerNode& node) { project.replacePowerNode(node); }
  /// Throws std::invalid_argument naming the node and the field when `node` may not stand in
  /// `project` (ratings, voltage, upstream in another hall or closing a cycle).
  static void check(const Project& project, const PowerNode& node);
  /// Throws when removing `id` would leave PDUs or nodes pointing at nothing.
  static void checkRemovable(const Project& project, IdType id);
};

template <>
struct ObjectTraits<CoolingLoop> {
  using IdType = CoolingLoopId;
  static constexpr ObjectKind kind = ObjectKind::CoolingLoop;
  static IdType idOf(const CoolingLoop& loop) { return loop.id; }
  static const CoolingLoop* find(const Project& project, IdType id) {
    return project.findCoolingLoop(id);
  }
  static void insert(Project& project, qsizetype index, CoolingLoop loop) {
    project.insertCoolingLoop(index, std::move(loop));
  }
  static CoolingLoop remove(Project& project, IdType id, qsizetype* index) {
    return project.removeCoolingLoop(id, index);
  }
  static void replace(Project& project, const CoolingLoop& loop) {
    project.replaceCoolingLoop(loop);
  }
  /// Throws naming the loop when it has no name or its hall is not in the project.
  static void check(const Project& project, const CoolingLoop& loop);
  /// Throws when units or racks still name the loop.
  static void checkRemovable(const Project& project, IdType id);
};

template <>
struct ObjectTraits<CoolingUnit> {
  using IdType = CoolingUnitId;
  static constexpr ObjectKind kind = ObjectKind::CoolingUnit;
  static IdType idOf(const CoolingUnit& unit) { return unit.id; }
  static const CoolingUnit* find(const Project& project, IdType id) {
    return project.findCoolingUnit(id);
  }
  static void insert(Project& project, qsizetype index, CoolingUnit unit) {
    project.insertCoolingUnit(index, std::move(unit));
  }
  static CoolingUnit remove(Project& project, IdType id, qsizetype* index) {
    return project.removeCoolingUnit(id, index);
  }
  static void replace(Project& project, const CoolingUnit& unit) {
    project.replaceCoolingUnit(unit);
  }
  /// Throws naming the unit when it has no name or catalog item, a bad rotation, or a loop
  /// that is not in its hall.
  static void check(const Project& project, const CoolingUnit& unit);
  static void checkRemovable(const Project& project, IdType id);
};

template <>
struct ObjectTraits<FabricSpec> {
  using IdType = FabricSpecId;
  static constexpr ObjectKind kind = ObjectKind::FabricSpec;
  static IdType idOf(const FabricSpec& spec) { return spec.id; }
  static const FabricSpec* find(const Project& project, IdType id) {
    return project.findFabricSpec(id);
  }
  static void insert(Project& project, qsizetype index, FabricSpec spec) {
    project.insertFabricSpec(index, std::move(spec));
  }
  static FabricSpec remove(Project& project, IdType id, qsizetype* index) {
    return project.removeFabricSpec(id, index);
  }
  static void replace(Project& project, const FabricSpec& spec) { project.replaceFabricSpec(spec); }
  /// Throws naming the fabric and the field (fabricSpecProblem), or a switch rack that is not a
  /// rack of its hall.
  static void check(const Project& project, const FabricSpec& spec);
  static void checkRemovable(const Project& project, IdType id);
};

template <>
struct ObjectTraits<CableTray> {
  using IdType = CableTrayId;
  static constexpr ObjectKind kind = ObjectKind::CableTray;
  static IdType idOf(const CableTray& tray) { return tray.id; }
  static const CableTray* find(const Project& project, IdType id) {
    return project.findCableTray(id);
  }
  static void insert(Project& project, qsizetype index, CableTray tray) {
    project.insertCableTray(index, std::move(tray));
  }
  static CableTray remove(Project& project, IdType id, qsizetype* index) {
    return project.removeCableTray(id, index);
  }
  static void replace(Project& project, const CableTray& tray) { project.replaceCableTray(tray); }
  /// Throws naming the tray (cableTrayProblem) or its hall.
  static void check(const Project& project, const CableTray& tray);
  static void checkRemovable(const Project& project, IdType id);
};

template <>
struct ObjectTraits<WorkloadPool> {
  using IdType = WorkloadPoolId;
  static constexpr ObjectKind kind = ObjectKind::WorkloadPool;
  static IdType idOf(const WorkloadPool& pool) { return pool.id; }
  static const WorkloadPool* find(const Project& project, IdType id) {
    return project.findWorkloadPool(id);
  }
  static void insert(Project& project, qsizetype index, WorkloadPool pool) {
    project.insertWorkloadPool(index, std::move(pool));
  }
  static WorkloadPool remove(Project& project, IdType id, qsizetype* index) {
    return project.removeWorkloadPool(id, index);
  }
  static void replace(Project& project, const WorkloadPool& pool) {
    project.replaceWorkloadPool(pool);
  }
  /// Throws naming the pool and the field (workloadPoolProblem), its hall, or a rack that is not
  /// a rack of its hall.
  static void check(const Project& project, const WorkloadPool& pool);
  /// Throws when workloads still run on the pool.
  static void checkRemovable(const Project& project, IdType id);
};

template <>
struct ObjectTraits<Workload> {
  using IdType = WorkloadId;
  static constexpr ObjectKind kind = ObjectKind::Workload;
  static IdType idOf(const Workload& workload) { return workload.id; }
  static const Workload* find(const Project& project, IdType id) {
    return project.findWorkload(id);
  }
  static void insert(Project& project, qsizetype index, Workload workload) {
    project.insertWorkload(index, std::move(workload));
  }
  static Workload remove(Project& project, IdType id, qsizetype* index) {
    return project.removeWorkload(id, index);
  }
  static void replace(Project& project, const Workload& workload) {
    project.replaceWorkload(workload);
  }
  /// Throws naming the workload and the field (workloadProblem), or a pool that is not in the
  /// project.
  static void check(const Project& project, const Workload& workload);
  static void checkRemovable(const Project& project, IdType id);
};

}  // namespace dc
