// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// What kind of model object a command, a document signal, a finding or a result refers to.
enum class ObjectKind {
  Project,
  Hall,
  Rack,
  Mount,
  PowerNode,
  Assumption,
  CoolingLoop,   ///< a CDU secondary loop or an air zone
  CoolingUnit,   ///< a floor CDU, CRAH or in-row cooler
  FabricSpec,    ///< a network fabric's specification
  CableTray,     ///< a cable tray
  WorkloadPool,  ///< a pool of GPU nodes with its scheduler
  Workload,      ///< a training, fine-tuning or inference workload
};

QString objectKindKey(ObjectKind kind);  ///< "project", "hall", "rack", "mount", "power-node", ...

}  // namespace dc
