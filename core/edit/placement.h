// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "designdocument.h"
#include "engine/cooling/heatmapinput.h"

#include <QUndoCommand>

#include <memory>
#include <stdexcept>

namespace dc {

/// A placement the user asked for that cannot be made; the message says why, for the user.
struct PlacementError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Lowest rack unit from which `heightU` free units follow in the rack, or -1 when there is no
/// such gap (rack types without usable units, e.g. rack-scale systems, have none).
int lowestFreeU(const Rack& rack, const Catalog& catalog, int heightU);

/// "R01", "R02", ... (or "C01", ... for prefix C): the first such name not used in the project.
QString nextRackName(const Project& project, QChar prefix = QLatin1Char('R'));

/// The first free name for a new floor cooling unit in hall `hallId`: "CDU-1", "CDU-2", ... for a
/// CDU, "C01", "C02", ... for an in-row cooler or CRAH; unique among the hall's cooling units and
/// its racks (older designs kept cooling units as racks named C01, ...).
QString nextCoolingUnitName(const Project& project, HallId hallId, bool cdu);

/// What a drop of `catalogId` at `dropMm` onto rack `targetRack` (null: empty floor) does:
/// - a rear door (kind rear-door) is fitted to the target rack (makeFitRearDoorCommand); on
///   empty floor it is refused ("drop a rear door onto a rack");
/// - a mountable device (an in-rack CDU too) dropped on a rack is mounted at its lowest free
///   units (makeAddMountCommand);
/// - anything else goes to the floor (makeDropOnFloorCommand).
/// Throws PlacementError (nothing is changed) with the reason for the user.
std::unique_ptr<QUndoCommand> makeDropCommand(DesignDocument& document, const Catalog& catalog,
                                              const QString& catalogId, PointMm dropMm,
                                              RackId targetRack, const QString& defaultRackTypeId);

/// The command for dropping catalog item `catalogId` on the floor at `dropMm`: a rack or
/// rack-scale system becomes a new rack position there; a mountable device becomes a new rack
/// of `defaultRackTypeId` with the device in its lowest units. The position snaps to the hall's
/// tile grid; a liquid or hybrid (cold-plate) item gets direct-to-chip cooling, anything else air.
/// A floor cooling unit (in-row cooler, CRAH, floor CDU) becomes a CoolingUnit (CmdInsertObjects),
/// named by nextCoolingUnitName(), snapped like a rack; it is refused when it would stand partly
/// outside the hall or over a rack, an obstacle or another cooling unit.
/// Throws PlacementError (nothing is changed) for an unknown id, an item that cannot stand on the
/// floor or be mounted, a rear door (it goes onto a rack), or a project without a hall.
std::unique_ptr<QUndoCommand> makeDropOnFloorCommand(DesignDocument& document,
                                                     const Catalog& catalog,
                                                     const QString& catalogId, PointMm dropMm,
                                                     const QString& defaultRackTypeId);

/// The command for mounting `catalogId` in rack `rackId` at its lowest free units.
/// Throws PlacementError when the item is not mountable or does not fit.
std::unique_ptr<QUndoCommand> makeAddMountCommand(DesignDocument& document, const Catalog& catalog,
                                                  RackId rackId, const QString& catalogId);

/// The command for fitting rear door `doorId` to rack `rackId`: one CmdEditRack setting the door
/// and the cooling mode (air -> rear door, direct-to-chip -> direct-to-chip + rear door). Throws
/// PlacementError when the item is not a rear door, the rack's type has no rear-door provision
/// (`rearDoor: none`), or the rack already has that door.
std::unique_ptr<QUndoCommand> makeFitRearDoorCommand(DesignDocument& document,
                                                     const Catalog& catalog, RackId rackId,
                                                     const QString& doorId);

/// The command for taking the rear door off rack `rackId` (rear door -> air, direct-to-chip +
/// rear door -> direct-to-chip). Throws PlacementError when the rack has no door.
std::unique_ptr<QUndoCommand> makeRemoveRearDoorCommand(DesignDocument& document,
                                                        const Catalog& catalog, RackId rackId);

/// One undoable step for a drag of racks and cooling units to new absolute positions (racks
/// through CmdMoveRacks, each unit through CmdReplaceObject). Throws on unknown ids; returns
/// null when nothing moves.
std::unique_ptr<QUndoCommand> makeMoveSelectionCommand(
    DesignDocument& document, const QHash<RackId, PointMm>& rackPositionsMm,
    const QHash<CoolingUnitId, PointMm>& unitPositionsMm);

/// One undoable step turning the racks and cooling units by 90° (CmdRotateRacks and
/// CmdReplaceObject per unit). Null when both lists are empty.
std::unique_ptr<QUndoCommand> makeRotateSelectionCommand(DesignDocument& document,
                                                         const QList<RackId>& rackIds,
                                                         const QList<CoolingUnitId>& unitIds);

/// One undoable step deleting the racks and cooling units. Null when both lists are empty.
std::unique_ptr<QUndoCommand> makeRemoveSelectionCommand(DesignDocument& document,
                                                         const QList<RackId>& rackIds,
                                                         const QList<CoolingUnitId>& unitIds);

/// The command for taking mount `mountId` out of rack `rackId`. Throws PlacementError.
std::unique_ptr<QUndoCommand> makeRemoveMountCommand(DesignDocument& document,
                                                     const Catalog& catalog, RackId rackId,
                                                     MountId mountId);

}  // namespace dc
