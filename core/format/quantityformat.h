// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/specvalue.h"

#include <QLocale>
#include <QString>

namespace dc {

struct Figure;

/// What a number measures, and the unit the engine holds it in (the enum names it). The one
/// formatting of figures for the studio, the CLI's text, the CSV headers and the report.
enum class Quantity {
  PowerW,              ///< W, kW, MW
  CurrentA,            ///< A
  VoltageV,            ///< V, kV
  EnergyKwh,           ///< kWh, MWh, GWh
  FlowLps,             ///< L/s
  AirflowM3PerH,       ///< m³/h
  TemperatureC,        ///< °C
  TemperatureDeltaK,   ///< K
  LengthMm,            ///< mm, m
  AreaM2,              ///< m²
  MassKg,              ///< kg, t
  PowerDensityWPerM2,  ///< W/m², kW/m²
  LoadingKgPerM2,      ///< kg/m²
  CostUsd,             ///< USD, k USD, M USD
  CarbonT,             ///< t CO₂, kt CO₂
  Percent,             ///< %
  Ratio,               ///< no unit (PUE): two decimals
  Count,               ///< whole number, grouped
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

  static NumberStyle forConfidence(Confidence confidence, const QLocale& locale = QLocale());
  /// Machine-readable: C locale (no grouping, '.'), same digits. CSV cells.
  static NumberStyle plain(int digits = 3);
};

/// Significant digits a figure of this confidence is written with.
int significantDigits(Confidence confidence);

/// Chooses the unit for the figure's magnitude (132 kW, 1.23 MW, 950 W) and the decimals for
/// its significant digits, never dropping whole digits (10,950 m³/h stays whole) and never more
/// decimals than the quantity carries (kW at most 1, PUE 2, °C 1, L/s 2).
ScaledValue scaleQuantity(double value, Quantity quantity, const NumberStyle& style = {});

/// "40.8 kW", "1.23 MW", "1,016", "1.30", "83.4 %": number and unit as an engineer writes them.
QString formatQuantity(double value, Quantity quantity, const NumberStyle& style = {});

/// A Figure in its quantity, with the significant digits of its confidence.
QString formatFigure(const Figure& figure, Quantity quantity, const QLocale& locale = QLocale());

/// A column of a table or CSV whose header names one unit, for a column whose largest figure is
/// `typical`: that figure's unit, or one smaller while it reads in four digits (1,295 kW), so
/// that every cell of the column is in the same unit and the small ones keep their digits.
QString columnUnit(double typical, Quantity quantity);
/// The number alone in a fixed unit from columnUnit(): "40.8" in "kW".
QString formatInUnit(double value, Quantity quantity, const QString& unit,
                     const NumberStyle& style = {});
/// The factor from the engine's unit to `unit` (1e-3 for W to kW).
double unitFactor(Quantity quantity, const QString& unit);
/// "Power (kW)": a header naming its unit; just `title` for Count and Ratio.
QString headerWithUnit(const QString& title, const QString& unit);

}  // namespace dc
