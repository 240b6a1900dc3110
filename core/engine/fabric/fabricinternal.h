// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "fabricresult.h"
#include "model/designassumptions.h"
#include "model/project.h"

#include <QHash>

#include <optional>

namespace dc::fabric {

/// The ports of one device a fabric uses: count, speed, cage, protocol.
struct PortSide {
  int count = 0;
  double speedGbps = 0.0;
  QString cage;
  int perCage = 1;
  QString protocol;  ///< "infiniband", "ethernet" or empty (either)
};

/// "infiniband" / "ethernet" / empty from a catalog protocol text ("InfiniBand NDR", "400GbE").
QString protocolOf(const QString& text);
/// A device's ports of the fabric's purpose (summed over groups of the first group's speed).
std::optional<PortSide> nodePorts(const CatalogItem& item, FabricKind kind);

/// Switches of one model standing in a hall, handed out to fabrics in order.
struct SwitchSlot {
  int rackIndex = -1;
  int mountIndex = -1;
  bool taken = false;
};

/// Per hall: the switch slots of each catalog model, in rack order and from the top U down.
struct SwitchPool {
  QHash<QString, QList<SwitchSlot>> slotsByModel;
};
SwitchPool switchPool(const Project& project, HallId hall);

/// Generates one fabric: sizes it, gives placed switches their roles, and appends every cable
/// (port to port) to `result`. Routing and media come after, per hall.
void wireFabric(const Project& project, const Catalog& catalog, const FabricSpec& spec,
                SwitchPool& pool, FabricResult& result);

/// Routes every cable of the hall over its trays (drawn, or generated along and across the rows),
/// chooses each medium, fills trays, counts transceivers and writes the BOM and findings.
void routeHall(const Project& project, const Catalog& catalog, const DesignAssumptions& assumptions,
               HallId hall, FabricResult& result);

/// Height above the floor of a device's ports: the middle of its rack units.
std::int64_t portHeightMm(const Project& project, const Catalog& catalog, const CableEnd& end);

}  // namespace dc::fabric
