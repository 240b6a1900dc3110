// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ids.h"
#include "powerfeed.h"

#include <QList>
#include <QString>

namespace dc {

/// Where one power-supply inlet of a device is plugged: which PDU (or power shelf) of the same
/// rack, and which of its legs (0, 1, 2 for L1, L2, L3; 0 on single-phase and DC units).
struct InletPlug {
  int inlet = 0;  ///< 0-based PSU inlet of the device; invariant: < the device's PSU count
  MountId pduMountId;
  int leg = 0;  ///< invariant: 0..2

  friend bool operator==(const InletPlug&, const InletPlug&) = default;
};

/// A device mounted in a rack: which catalog item, and where (the lowest rack unit it occupies,
/// counted from 1 at the bottom). Its height comes from the catalog item.
///
/// A PDU or power shelf also says which feed it is on and which busway, RPP or power rack it
/// is plugged into; a device says where its PSU inlets are plugged. Inlets with no plug are
/// assigned by the engine's phase balancing (and shown as such), so a rack analyses before the
/// architect has drawn every cord.
struct Mount {
  MountId id;
  QString catalogId;                 ///< e.g. "nvidia/dgx-h100"; resolved against the Catalog.
  int lowestU = 1;                   ///< Invariant: >= 1.
  PowerFeed feed = PowerFeed::None;  ///< PDUs and power shelves: the feed they are on
  PowerNodeId upstreamId;            ///< PDUs and power shelves: busway/RPP/power rack, or null
  QList<InletPlug> plugs;            ///< devices: explicit inlet plugs (others are automatic)

  friend bool operator==(const Mount&, const Mount&) = default;
};

}  // namespace dc
