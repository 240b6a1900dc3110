// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc::cooling {

/// Volumetric heat capacity of air at sea level, ρ · c_p = 1.2 kg/m³ × 1.005 kJ/(kg·K)
/// (formulas.md §1.1: V̇ [m³/s] = P [kW] / (1.206 · ΔT)).
inline constexpr double kAirRhoCpSeaLevelJPerM3K = 1206.0;
/// Treated water: ρ 997 kg/m³ × c_p 4.18 kJ/(kg·K) (formulas.md §1.2: 14.4 / ΔT L/min per kW).
inline constexpr double kWaterRhoCpJPerM3K = 997.0 * 4180.0;
/// PG25 (25 % propylene glycol by mass) at 30 °C: 4.003 MJ/(m³·K), Melinder (2010) as coded in
/// the IBPSA Modelica library (facts-power-cooling.md §9: 15.0 / ΔT L/min per kW).
inline constexpr double kPg25RhoCpJPerM3K = 4.003e6;
inline constexpr double kCubicMetresPerSecondToCfm = 2118.880003;

/// Local over sea-level air pressure at `altitudeM` (US Standard Atmosphere 1976 barometric
/// formula, p = p₀ (1 − 0.0065 h / 288.15)^5.2559; facts-power-cooling.md §9).
double pressureRatio(double altitudeM);
/// Air volume flow that carries `heatW` at a temperature rise of `deltaTK`, at `altitudeM`:
/// V̇ = P / (ρ c_p ΔT), ρ scaled with the local pressure. m³/s.
double airflowM3PerS(double heatW, double deltaTK, double altitudeM);
/// Coolant volume flow for `heatW` at a rise of `deltaTK`: V̇ = P / (ρ c_p ΔT). L/s.
double coolantFlowLps(double heatW, double rhoCpJPerM3K, double deltaTK);
/// ρ · c_p of the coolant named by the assumption key ("water", "pg25").
double coolantRhoCp(const QString& coolantKey);

/// An ASHRAE TC 9.9 (2021, Table 2.1) air class: recommended and allowable inlet dry-bulb
/// ranges and the maximum dew point (NaN for H1, which the summary gives none).
struct AirClass {
  QString name;  ///< "A1"
  double recommendedMinC, recommendedMaxC, allowableMinC, allowableMaxC, maxDewPointC;
};
/// "a1".."a4", "h1" (case-insensitive); returns false for anything else.
bool airClass(const QString& key, AirClass* out);

/// ASHRAE liquid classes (2021): W17, W27, W32, W40, W45 name the maximum facility supply
/// temperature; above 45 °C is W+. The lowest class whose maximum is at or above `supplyC`.
QString facilityClassFor(double supplyC);
/// The maximum supply temperature of a class key ("w32" or "W32" → 32); NaN for unknown, +inf
/// for "W+".
double facilityClassMaxC(const QString& classKey);

/// Dew point (°C) of air at `dryBulbC` and relative humidity `rhPct`, Magnus formula with the
/// Sonntag (1990) constants a = 17.62, b = 243.12 °C (facts-power-cooling.md §9).
double dewPointC(double dryBulbC, double rhPct);

/// Rear-door capacity at water `waterC` and door air inlet (rack exhaust) `airInC`, from one
/// rating point (rated capacity at `ratedWaterC`, rated air inlet `ratedAirC`, or the same air
/// inlet when NaN). ε-NTU with the door's ε and C_min unchanged: Q ∝ (T_air,in − T_water);
/// never above the rated capacity (vendors rate doors "up to"). W.
double rearDoorCapacityW(double ratedW, double ratedWaterC, double ratedAirC, double waterC,
                         double airInC);

}  // namespace dc::cooling
