// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "coolingresult.h"
#include "engine/power/powerresult.h"
#include "model/designassumptions.h"

#include <QHash>
#include <QList>
#include <QString>

#include <limits>

namespace dc::cooling {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// What the cooling pass reads from one catalog device.
struct DeviceCooling {
  bool liquid = false;           ///< `cooling` is liquid or hybrid: cold plates are plumbed
  double fraction = 0.0;         ///< share of its heat to liquid (0 for air devices)
  bool fractionAssumed = false;  ///< no liquidCaptureFraction: the assumption was used
  double flowLpmPerKw = 0.0;     ///< published minimum coolant flow per kW of liquid heat, or 0
  double supplyMinC = kNaN, supplyMaxC = kNaN;  ///< coolant supply range it accepts
  QString facilityClass;                        ///< "W45", or empty
  double airInletMaxC = kNaN;                   ///< max inlet air in operation
  bool rearDoorNone = false;                    ///< `rearDoor: none` (rack-scale systems)
};

/// A rear door of the catalog, derated to this design's chilled water and rack exhaust.
struct DoorOption {
  const CatalogItem* item = nullptr;
  bool active = false;
  double capacityW = 0.0;
};

/// What a rack's recommendation depends on; racks alike share one (reasons are sentences, and
/// building 100,000 of them costs more than the rest of the pass).
struct RecommendationKey {
  double heatW, liquidW, airW;
  const CatalogItem* liquidItem;
  bool doorPossible;
  friend bool operator==(const RecommendationKey&, const RecommendationKey&) = default;
};
inline size_t qHash(const RecommendationKey& k, size_t seed = 0) noexcept {
  return qHashMulti(seed, k.heatW, k.liquidW, k.airW, k.liquidItem, k.doorPossible);
}
struct Recommendation {
  CoolingOption option;
  double marginPct;
  QString reason;
};

/// The figures one analysis reads again and again: assumption values, device facts by catalog
/// id, the catalog's rear doors at this design's water temperature. Built once per pass.
class CoolingContext final {
 public:
  CoolingContext(const DesignAssumptions& assumptions, const Catalog& catalog);

  const DeviceCooling& device(const CatalogItem& item);
  /// A door's capacity at the chilled-water supply and the rack exhaust temperature (computed
  /// once per door type).
  double doorCapacityW(const CatalogItem& door) const;

  const DesignAssumptions& assumptions;
  const Catalog& catalog;
  double airLimitW;
  double supplyAirC;
  double airDeltaTK;
  double exhaustC;  ///< supply air + air ΔT: the air entering a rear door
  double altitudeM;
  double liquidDeltaTK;
  QString coolantKey;
  double rhoCp;  ///< of the coolant, J/(m³·K)
  double chilledWaterC;
  double dewPointC;
  double facilityWaterC;
  double approachK;
  double defaultFraction;
  QString facilityClass;  ///< the design's class, "W32"
  double facilityClassMaxC;
  QList<DoorOption> doors;  ///< passive first, then by capacity, smallest first
  // The formulas every rack's figures print, built once.
  QString coolantFlowFormula;
  QString airflowFormula;
  QString doorFormula;
  QHash<RecommendationKey, Recommendation> recommendations;

 private:
  double computeDoorCapacityW(const CatalogItem& door) const;

  QHash<QString, DeviceCooling> mDevices;
  QHash<QString, double> mDoorCapacityW;
};

/// Per-rack part of the pass (rackcooling.cpp): heat split, door, flows, recommendation and
/// the rack's own findings. `deviceRacks` collects, per catalog id, the racks using a device,
/// for the device checks made once per hall after the loops are known.
RackCooling coolRack(const Rack& rack, const RackPower& power, CoolingContext& context,
                     QHash<QString, QList<RackId>>& deviceRacks, QList<Finding>& findings);

/// Loops and zones (coolingloops.cpp): builds them per hall, assigns racks, sums loads and
/// checks capacity, flow and redundancy.
void analyzeLoops(const Project& project, const PowerResult& power, CoolingContext& context,
                  CoolingResult& result);

/// The CDU / CRAH loss (coolingfailure.cpp).
FailureResult simulateCoolingFailure(const DesignSnapshot& snapshot, const CoolingResult& result,
                                     const CoolingContext& context, QList<Finding>& findings);

}  // namespace dc::cooling
