// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "designdocument.h"

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

/// The command for dropping catalog item `catalogId` on the floor at `dropMm`: a rack or
/// rack-scale system becomes a new rack position there; a mountable device becomes a new rack
/// of `defaultRackTypeId` with the device in its lowest units. The position snaps to the hall's
/// tile grid; a liquid or hybrid (cold-plate) item gets direct-to-chip cooling, anything else air.
/// Throws PlacementError (nothing is changed) for an unknown id, an item that cannot stand on the
/// floor or be mounted, or a project without a hall.
std::unique_ptr<QUndoCommand> makeDropOnFloorCommand(DesignDocument& document,
                                                     const Catalog& catalog,
                                                     const QString& catalogId, PointMm dropMm,
                                                     const QString& defaultRackTypeId);

/// The command for mounting `catalogId` in rack `rackId` at its lowest free units.
/// Throws PlacementError when the item is not mountable or does not fit.
std::unique_ptr<QUndoCommand> makeAddMountCommand(DesignDocument& document, const Catalog& catalog,
                                                  RackId rackId, const QString& catalogId);

/// The command for taking mount `mountId` out of rack `rackId`. Throws PlacementError.
std::unique_ptr<QUndoCommand> makeRemoveMountCommand(DesignDocument& document,
                                                     const Catalog& catalog, RackId rackId,
                                                     MountId mountId);

}  // namespace dc
