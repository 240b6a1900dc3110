// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/specvalue.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <initializer_list>

namespace dc {

struct Figure;

/// What a number measures, and the unit the engine holds it in (the enum names it). The one
/// formatting of figures for the studio, the CLI's text, the CSV headers and the report.
enum class Quantity {
  PowerW,              ///< W, kW, MW
  CurrentA,            ///< A
  VoltageV,            ///< V, kV
  EnergyKwh,           ///< kWh, MWh, GWh
  FlowLps,             ///< L/s (L/min by name)
  AirflowM3PerH,       ///< m³/h (CFM by name)
  TemperatureC,        ///< °C
  TemperatureDeltaK,   ///< K
  LengthMm,            ///< mm, m
  AreaM2,              ///< m²
  MassKg,              ///< kg, t
  PowerDensityWPerM2,  ///< W/m², kW/m²
  LoadingKgPerM2,      ///< kg/m²
  CostUsd,             ///< USD (small amounts to 3 significant digits: 0.0312 USD), k USD, M USD
  CarbonT,             ///< t CO₂, kt CO₂
  Percent,             ///< %
  Ratio,               ///< no unit (PUE): two decimals
  Count,               ///< whole number, grouped
  /// Decimal SI as GPU memory and storage are published (1 GB = 10⁹ B): B, kB, MB, GB, TB, PB.
  Bytes,
  BytesPerSecond,  ///< B/s, kB/s, MB/s, GB/s, TB/s, PB/s
  /// Operations: "950 FLOP" below a million, then "1.23 × 10²³ FLOP" (the mantissa with the
  /// significant digits, the power of ten in superscript).
  Flops,
  FlopsPerSecond,  ///< FLOP/s, kFLOP/s, MFLOP/s, GFLOP/s, TFLOP/s, PFLOP/s, EFLOP/s
  /// Seconds: ms below 1 s, s below 2 min, min below 2 h, h below 2 days, then days.
  DurationS,
  EnergyJ,     ///< mJ below 1 J, J, kJ, MJ
  LargeCount,  ///< whole and grouped below a million, then million, billion, trillion
};

/// A figure in the unit chosen for it: `value` already converted, `unit` as printed.
struct ScaledValue {
  double value = 0.0;
  QString unit;  ///< "kW", "m³/h", "" for Ratio and Count
  int decimals = 0;
};

/// How a number is written: the locale (grouping and decimal mark) and how many significant
/// digits its confidence supports (3 for vendor, secondary and derived figures, 2 for estimates).
struct NumberStyle {
  QLocale locale;  ///< the user's locale by default; QLocale::c() for CSV and JSON
  int significantDigits = 3;
  /// A nominal value (a rating, a set point, an assumption) is exact: its trailing zeros say
  /// nothing, so a 32 A plug is "32 A" and an 18 °C supply "18 °C", where a computed 32.0 A
  /// keeps its third digit. Ratios keep their two decimals.
  bool nominal = false;

  static NumberStyle forConfidence(Confidence confidence, const QLocale& locale = QLocale());
  /// Machine-readable: C locale (no grouping, '.'), same digits. CSV cells.
  static NumberStyle plain(int digits = 3);
  /// Ratings, set points and assumptions in `locale`: no trailing zeros ("32 A", "1.2 m").
  static NumberStyle forNominal(const QLocale& locale = QLocale());
};

/// Significant digits a figure of this confidence is written with.
int significantDigits(Confidence confidence);

/// Chooses the unit for the figure's magnitude (132 kW, 1.23 MW, 950 W) and the decimals for
/// its significant digits, never dropping whole digits (10,950 m³/h stays whole) and never more
/// decimals than the quantity carries (kW at most 1, PUE 2, °C 1, L/s 2). A rounding that carries
/// takes the next unit or drops a decimal (999.6 W is 1.0 kW, 99.96 kW is 100 kW). `value` is
/// converted, not rounded; `decimals` says how it is printed.
ScaledValue scaleQuantity(double value, Quantity quantity, const NumberStyle& style = {});

/// "40.8 kW", "1.23 MW", "1,016", "1.30", "83.4 %": number and unit as an engineer writes them.
/// NaN and infinity are "–" (no unit); a value that rounds to zero is "0", never "-0", and is
/// written in the engine's unit ("0 s", not "0 ms").
QString formatQuantity(double value, Quantity quantity, const NumberStyle& style = {});

/// A Figure in its quantity, with the significant digits of its confidence.
QString formatFigure(const Figure& figure, Quantity quantity, const QLocale& locale = QLocale());
/// A catalog figure as published: the digits of its confidence, nominal (no trailing zeros: a
/// vendor's 40,000 W rating is "40 kW", its 10,200 W "10.2 kW").
QString formatSpec(const SpecValue& spec, Quantity quantity, const QLocale& locale = QLocale());

/// A column of a table or CSV whose header names one unit, for a column whose largest figure is
/// `typical`: that figure's unit, or one smaller while it reads in four digits (1,295 kW), so
/// that every cell of the column is in the same unit and the small ones keep their digits.
QString columnUnit(double typical, Quantity quantity);
/// The unit for a column of these figures: columnUnit() of the largest, down to the engine's own
/// unit (W, mm) only where the smallest would show no digit at all (20 W beside 8.6 kW is a W
/// column, not "0.0" kW). Zeros and NaNs are skipped.
QString columnUnit(std::initializer_list<double> values, Quantity quantity);
QString columnUnit(const QList<double>& values, Quantity quantity);
/// The number alone in a fixed unit from columnUnit(): "40.8" in "kW"; "–" for NaN. Decimals
/// by significant digits in that unit, capped as in scaleQuantity() ("0.5" kW, "132" kW).
QString formatInUnit(double value, Quantity quantity, const QString& unit,
                     const NumberStyle& style = {});
/// The factor from the engine's unit to `unit` (1e-3 for W to kW).
double unitFactor(Quantity quantity, const QString& unit);
/// "Power (kW)": a header naming its unit; just `title` for Count and Ratio.
QString headerWithUnit(const QString& title, const QString& unit);

}  // namespace dc
