// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "figure.h"
#include "model/ids.h"
#include "model/objectkind.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace dc {

/// A typed reference to one model object: a rack, a device or PDU in a rack (its rack in
/// `rackId`), a UPS or busway, a hall, an assumption (by key). What the findings list selects
/// when clicked, and what the JSON and the report print.
struct ObjectRef {
  ObjectKind kind = ObjectKind::Project;
  QUuid id;       ///< the object's id; null for the project and for assumptions
  RackId rackId;  ///< the rack holding it (a rack's own id for kind Rack), or null
  QString key;    ///< an assumption's key; empty otherwise

  static ObjectRef project() { return {}; }
  static ObjectRef hall(HallId id) { return {ObjectKind::Hall, id.uuid(), {}, {}}; }
  static ObjectRef rack(RackId id) { return {ObjectKind::Rack, id.uuid(), id, {}}; }
  static ObjectRef mount(RackId rack, MountId id) {
    return {ObjectKind::Mount, id.uuid(), rack, {}};
  }
  static ObjectRef powerNode(PowerNodeId id) { return {ObjectKind::PowerNode, id.uuid(), {}, {}}; }
  static ObjectRef assumption(const QString& key) { return {ObjectKind::Assumption, {}, {}, key}; }
  static ObjectRef coolingLoop(CoolingLoopId id) {
    return {ObjectKind::CoolingLoop, id.uuid(), {}, {}};
  }
  static ObjectRef fabric(FabricSpecId id) { return {ObjectKind::FabricSpec, id.uuid(), {}, {}}; }
  static ObjectRef cableTray(CableTrayId id) { return {ObjectKind::CableTray, id.uuid(), {}, {}}; }
  static ObjectRef workloadPool(WorkloadPoolId id) {
    return {ObjectKind::WorkloadPool, id.uuid(), {}, {}};
  }
  static ObjectRef workload(WorkloadId id) { return {ObjectKind::Workload, id.uuid(), {}, {}}; }
  static ObjectRef coolingUnit(CoolingUnitId id) {
    return {ObjectKind::CoolingUnit, id.uuid(), {}, {}};
  }

  friend bool operator==(const ObjectRef&, const ObjectRef&) = default;
};

/// A finding about the design that the user must see: data, not a sentence. Tests compare the
/// code and the figures; the findings panel, the JSON and the report read the same fields.
struct Finding {
  enum class Severity { Error, Warning, Info };

  QString code;  ///< stable: "power.pdu-overload", "placement.overlap"
  Severity severity = Severity::Warning;
  ObjectRef subject;               ///< the object the finding is about
  HallId hallId;                   ///< the hall it is in, or null (project-wide)
  QList<ObjectRef> related;        ///< other objects involved (the other rack of an overlap, ...)
  std::optional<Figure> measured;  ///< the figure that crossed the limit
  std::optional<Figure> limit;     ///< the limit it crossed
  QString message;                 ///< one sentence naming the object, the figure and the limit

  /// The rack to select on the floor plan: the subject's rack, or null.
  RackId rackId() const noexcept { return subject.rackId; }
  /// The first related rack (the other rack of an overlap), or null.
  RackId relatedRackId() const noexcept;
};

/// "error", "warning", "info": how findings are named in the CLI, JSON and reports.
QString findingSeverityKey(Finding::Severity severity);

/// A figure for a finding's measured value or limit: value, unit and what it is.
Figure findingFigure(double value, const QString& unit, const QString& formula);

}  // namespace dc
