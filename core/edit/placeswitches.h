// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "designdocument.h"

#include <QUndoCommand>

#include <memory>

namespace dc {

/// How many switches of each role a fabric lacks on the floor: what its sizing needs less what
/// stands in its switch racks (FabricSummary::switchesNeeded - switchesPlaced, by role).
struct SwitchCounts {
  int leaves = 0;  ///< of the spec's leaf model (dragonfly routers too)
  int spines = 0;  ///< of the spine model (the leaf model when the spec names none)
  int cores = 0;   ///< of the spine model

  int total() const noexcept { return leaves + spines + cores; }
  friend bool operator==(const SwitchCounts&, const SwitchCounts&) = default;
};

/// Where and how the new network racks go.
struct SwitchRowRequest {
  QString row;              ///< the row they extend (Rack::row() of racks in the spec's hall)
  int switchesPerRack = 0;  ///< at most this many switches in one rack; 0: as many as fit
};

/// The rack type (catalog kind `rack`) the most racks of hall `hallId` use, the first to reach
/// that count in project order on a tie; empty when the hall has none.
QString commonRackTypeId(const Project& project, const Catalog& catalog, HallId hallId);

/// The most switches of model `switchId` any one rack of hall `hallId` holds; 0 when none does.
/// What "Place switches in row…" proposes as switches per rack, so new racks look like the
/// design's own network racks.
int switchesPerExistingRack(const Project& project, HallId hallId, const QString& switchId);

/// New network racks for the `missing` switches of fabric `spec`, placed at the end of row
/// `request.row`. Pure: reads its arguments, changes nothing.
///
/// - Rack type: commonRackTypeId() of the spec's hall.
/// - Mounts: leaves (the spec's leaf model), then spines and cores (its spine model, or the
///   leaf model), stacked from the rack's top unit down, a rack filled before the next begins.
/// - Names: the first free "N01", "N02", ...; row: `request.row`; air cooling.
/// - Position: the row's axis and facing come from its racks (rotation 0/180: along x, else y).
///   The first new rack stands beyond the row's far end (largest x or y), its near edge on the
///   first tile line clear of the row, its front in line with the row's last rack; the others
///   follow side by side. When that end is blocked, the row's near end is tried.
/// Throws PlacementError (a sentence for the user) when there is nothing to place, the row has
/// no racks in the hall, the hall has no rack type, a switch model is unknown or not
/// mountable, it does not fit the rack type, or the new racks would stand outside the hall or on
/// an obstacle, a rack or a cooling unit at both ends of the row.
QList<Rack> placeSwitchesInRow(const Project& project, const Catalog& catalog,
                               const FabricSpec& spec, const SwitchCounts& missing,
                               const SwitchRowRequest& request);

/// The one undoable step of the studio's "Place switches in row…": inserts the racks of
/// placeSwitchesInRow() (one DesignDocument::insertRacks) and, when the fabric names its switch
/// racks, appends them to its list (so the fabric pass uses them). Undo removes both. Throws
/// PlacementError as placeSwitchesInRow(), std::invalid_argument for an unknown fabric.
std::unique_ptr<QUndoCommand> makePlaceSwitchesCommand(DesignDocument& document,
                                                       const Catalog& catalog, FabricSpecId specId,
                                                       const SwitchCounts& missing,
                                                       const SwitchRowRequest& request);

}  // namespace dc
