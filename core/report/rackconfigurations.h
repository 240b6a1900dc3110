// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ids.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace dc {
class Catalog;
class Project;
struct Analysis;
}  // namespace dc

namespace dc::report {

/// One device of a rack configuration, as a front elevation draws it.
struct ElevationDevice {
  int lowestU = 0;  ///< 1-based; 0 for zero-U (side-mounted PDUs)
  int heightU = 0;
  QString catalogId;
  QString label;  ///< "DGX H100"
  QString kind;   ///< catalog kind key: "server", "switch", "pdu", "cdu", ...
  double maxPowerW = 0.0;
};

/// Racks that hold the same devices in the same U: drawn once, with the racks that use it.
struct RackConfiguration {
  QString rackCatalogId;
  QString rackLabel;               ///< "EIA-310 48U 800 × 1200 mm"
  int heightU = 0;                 ///< usable U; 0 for a rack-scale system drawn as one block
  QList<ElevationDevice> devices;  ///< by lowest U
  QStringList racks;               ///< names of the racks with it, in plan order
  QList<RackId> rackIds;
  double rackMaxPowerW = 0.0;  ///< the engine's max power of one such rack
  QString cooling;             ///< the engine's recommendation or mode, in words
};

/// Every distinct rack configuration of the project (the same rack type and the same devices at
/// the same U), the largest group first. Ids not in the catalog appear with their id as label.
QList<RackConfiguration> rackConfigurations(const Project& project, const Catalog& catalog,
                                            const Analysis& analysis);

}  // namespace dc::report
