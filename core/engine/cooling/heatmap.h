// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/footprint.h"
#include "model/geometry.h"

#include <QList>

#include <cstdint>
#include <limits>
#include <vector>

namespace dc {

/// A steady-state 2-D estimate of the hall's air temperature on a floor grid (docs/heatmap.md).
/// Not CFD: the IBM advection-diffusion form ρ c_p v·∇T + ∇·(k∇T) + h = 0 with v = 0, i.e. heat
/// spreads sideways by an assumed effective mixing, sources where the racks stand and sinks where
/// the coolers stand. Independent of the model classes: the cooling pass builds the input.

/// Air-side heat of one rack (or any heat load), spread evenly over its footprint.
struct HeatSource {
  RectMm footprintMm;
  double heatToAirW = 0.0;  ///< the part of its heat that goes to the room air
};

/// A CRAH, in-row cooler or active rear door: removes heat from the cells it covers, in
/// proportion to (T − supplyAirTempC), up to its capacity.
struct HeatSink {
  RectMm footprintMm;
  double capacityW = 0.0;  ///< sensible capacity at HeatMapInput::sinkRatedDeltaTK
  /// Air temperature it delivers; NaN (the default) takes HeatMapInput::supplyAirTempC.
  double supplyAirTempC = std::numeric_limits<double>::quiet_NaN();
};

/// What solveHeatMap() works on. The defaults are the documented assumptions (docs/heatmap.md).
struct HeatMapInput {
  PolygonMm hallOutlineMm;  ///< the grid covers its bounding box; cells whose centre is outside
                            ///< are excluded
  double cellMm = 0.0;      ///< square cell side; <= 0 picks heatMapCellMm(hallOutlineMm)
  QList<HeatSource> sources;
  QList<HeatSink> sinks;
  double supplyAirTempC = 20.0;  ///< the hall's supply air; the far-field reference of the leakage
  double ceilingHeightM = 4.0;   ///< height of the mixed air layer (floor to ceiling)
  /// Effective lateral (turbulent) mixing diffusivity of the room air, D in m²/s: the conductivity
  /// is k = ρ c_p D. An assumption of order aisle velocity × mixing length (≈ 1 m/s × 1 m); no
  /// source fixes it (facts-power-cooling §10).
  double mixingDiffusivityM2PerS = 1.0;
  double airDensityKgPerM3 = 1.2;          ///< formulas.md §1.1
  double airSpecificHeatJPerKgK = 1005.0;  ///< formulas.md §1.1
  /// Air temperature rise across a sink at full capacity (return − supply): its conductance is
  /// capacityW / sinkRatedDeltaTK, i.e. ρ c_p × its rated airflow (formulas.md §1.1).
  double sinkRatedDeltaTK = 12.0;
  /// Weak heat loss of every cell to the far field at supplyAirTempC (envelope, unmodelled
  /// paths), per m² of floor. Keeps the system well posed when the sinks cannot take the heat;
  /// values below kMinLeakageWPerM2K are raised to it.
  double leakageWPerM2K = 0.5;
  int maxIterations = 50;  ///< cap on the linear solves of the sink-saturation loop
};

/// Lower bound of HeatMapInput::leakageWPerM2K: the system needs some leakage to stay regular.
inline constexpr double kMinLeakageWPerM2K = 1.0e-3;

/// The solved map. Cell (col, row) covers [originMm + col·cellMm, + cellMm) × [originMm.y +
/// row·cellMm, + cellMm); the vectors are row-major (index = row·cols + col). Cells outside the
/// hall hold NaN in both vectors.
struct HeatMap {
  int cols = 0;
  int rows = 0;
  PointMm originMm;
  double cellMm = 0.0;
  std::vector<float> heatDensityWPerM2;  ///< heat deposited by the sources
  std::vector<float> airTempC;
  double minAirTempC = 0.0;
  double maxAirTempC = 0.0;
  PointMm hottestMm;                 ///< centre of the hottest cell
  double heatInW = 0.0;              ///< heat of the sources placed on the map
  double heatOutsideW = 0.0;         ///< heat of sources with no cell in the hall (not on the map)
  double sinkCapacityW = 0.0;        ///< capacity of the sinks placed on the map
  double heatRemovedW = 0.0;         ///< by the sinks
  double heatUnremovedW = 0.0;       ///< lost to the far field through the leakage
  std::vector<double> sinkRemovedW;  ///< per input sink, in order (0 for a sink outside the hall)
  std::vector<bool> sinkSaturated;   ///< per input sink: at its capacity
  int iterations = 0;                ///< linear solves
  bool converged = false;            ///< the sink-saturation loop settled

  int index(int col, int row) const noexcept { return row * cols + col; }
  bool inHall(int col, int row) const noexcept;
  /// The cell holding `pointMm`; false when outside the grid.
  bool cellAt(PointMm pointMm, int* col, int* row) const noexcept;
  /// Air temperature of the cell holding `pointMm`; NaN outside the hall.
  double airTempAtC(PointMm pointMm) const noexcept;
  /// Hottest cell overlapping `rectMm` (e.g. a rack's inlet); NaN when none is in the hall.
  double maxAirTempInC(const RectMm& rectMm) const noexcept;
};

/// Square cell side (mm, a multiple of 50) so the outline's bounding box fits in at most
/// maxLong × maxShort cells (long side × short side). 0 for an empty outline.
double heatMapCellMm(const PolygonMm& outlineMm, int maxLong = 200, int maxShort = 100);

/// Solves the steady-state map. Pure and deterministic.
HeatMap solveHeatMap(const HeatMapInput& input);

}  // namespace dc
