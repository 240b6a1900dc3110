// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "figure.h"
#include "model/ids.h"

#include <QHash>
#include <QList>
#include <QString>

namespace dc {

/// A finding about the design that the user must see, pointing at the object it concerns.
struct Finding {
  enum class Severity { Error, Warning, Info };

  Severity severity = Severity::Warning;
  RackId rackId;  ///< the rack concerned, or null
  HallId hallId;  ///< the hall concerned, or null
  QString message;
  RackId relatedRackId = {};  ///< a second rack involved (the other rack of an overlap), or null
};

/// "error", "warning", "info": how findings are named in the CLI, JSON and reports.
QString findingSeverityKey(Finding::Severity severity);

/// Sums of a set of racks (a selection), from the analysis.
struct RackSetTotals {
  int rackCount = 0;         ///< racks and rack-scale systems
  int coolingUnitCount = 0;  ///< floor cooling units
  double maxPowerW = 0.0;
  double typicalPowerW = 0.0;
  int typicalFromMaxCount = 0;
  int acceleratorCount = 0;
};

/// Power of one rack position, summed over its devices from catalog figures.
struct RackPower {
  RackId rackId;
  Figure maxPowerW;      ///< Σ device max power
  Figure typicalPowerW;  ///< Σ device typical power; max where no typical figure is published
  int typicalFromMaxCount = 0;  ///< devices with no typical figure whose max was used instead
  Figure facilityPowerW;        ///< cooling equipment here (in-row cooler, CDU): not in the IT sums
  bool coolingUnit = false;     ///< the position holds a floor cooling unit, not a rack
  int acceleratorCount = 0;
  int usedU = 0;                 ///< rack units occupied by mounts
  int usableU = 0;               ///< rack units the rack type offers (0 for a rack-scale system)
  double weightKg = 0.0;         ///< rack plus devices, where published
  int weightMissingCount = 0;    ///< devices (and the rack) with no published weight: not counted
  QStringList unpoweredItemIds;  ///< IT devices with no published max power (typical or 0 W used)
};

/// Totals of one hall.
struct HallTotals {
  HallId hallId;
  int rackCount = 0;         ///< rack positions holding racks or rack-scale systems
  int coolingUnitCount = 0;  ///< positions holding in-row coolers, CRAH units or floor CDUs
  int acceleratorCount = 0;
  Figure maxPowerW;
  Figure typicalPowerW;
  int typicalFromMaxCount =
      0;                  ///< devices counted at max in the typical sum (no typical published)
  Figure facilityPowerW;  ///< Σ cooling-equipment input power placed in the hall; not IT load
  double floorAreaM2 = 0.0;
  double maxPowerDensityWPerM2 = 0.0;  ///< max power over the hall's floor area
};

/// Everything the engine computes from one design snapshot. Results are keyed by id.
struct Analysis {
  QHash<RackId, RackPower> racks;
  QList<HallTotals> halls;  ///< in the project's hall order
  Figure projectMaxPowerW;
  Figure projectTypicalPowerW;
  Figure projectFacilityPowerW;     ///< Σ cooling-equipment input power; not in the IT sums
  int projectRackCount = 0;         ///< racks and rack-scale systems, over all halls
  int projectCoolingUnitCount = 0;  ///< floor cooling units, over all halls
  int projectAcceleratorCount = 0;
  int projectTypicalFromMaxCount = 0;
  QList<Finding> findings;  ///< problems found while analysing; never skipped silently

  /// Totals over `ids` (unknown ids are skipped).
  RackSetTotals totalsOf(const QList<RackId>& ids) const {
    RackSetTotals totals;
    for (RackId id : ids) {
      const auto it = racks.constFind(id);
      if (it != racks.cend()) {
        ++(it->coolingUnit ? totals.coolingUnitCount : totals.rackCount);
        totals.maxPowerW += it->maxPowerW.value;
        totals.typicalPowerW += it->typicalPowerW.value;
        totals.typicalFromMaxCount += it->typicalFromMaxCount;
        totals.acceleratorCount += it->acceleratorCount;
      }
    }
    return totals;
  }

  const HallTotals* hall(HallId id) const {
    for (const HallTotals& h : halls) {
      if (h.hallId == id) {
        return &h;
      }
    }
    return nullptr;
  }
};

}  // namespace dc
