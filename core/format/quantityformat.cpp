// SPDX-License-Identifier: GPL-3.0-or-later
#include "quantityformat.h"

#include "engine/figure.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>

namespace dc {

namespace {

/// One unit a quantity may be written in: used from `from` (in the engine's unit) upwards.
struct UnitStep {
  const char* unit;  // UTF-8
  double factor;     // engine unit -> this unit
  double from;       // smallest |value| (engine unit) written in this unit
  int maxDecimals;
};

constexpr std::array kPower{UnitStep{"W", 1.0, 0.0, 0}, UnitStep{"kW", 1e-3, 1e3, 1},
                            UnitStep{"MW", 1e-6, 1e6, 2}};
constexpr std::array kCurrent{UnitStep{"A", 1.0, 0.0, 1}};
constexpr std::array kVoltage{UnitStep{"V", 1.0, 0.0, 0}, UnitStep{"kV", 1e-3, 1e4, 1}};
constexpr std::array kEnergy{UnitStep{"kWh", 1.0, 0.0, 0}, UnitStep{"MWh", 1e-3, 1e4, 1},
                             UnitStep{"GWh", 1e-6, 1e6, 2}};
constexpr std::array kFlow{UnitStep{"L/s", 1.0, 0.0, 2}};
constexpr std::array kAirflow{UnitStep{"m³/h", 1.0, 0.0, 0}};
constexpr std::array kTemperature{UnitStep{"°C", 1.0, 0.0, 1}};
constexpr std::array kDelta{UnitStep{"K", 1.0, 0.0, 1}};
constexpr std::array kLength{UnitStep{"mm", 1.0, 0.0, 0}, UnitStep{"m", 1e-3, 1e3, 2}};
constexpr std::array kArea{UnitStep{"m²", 1.0, 0.0, 1}};
constexpr std::array kMass{UnitStep{"kg", 1.0, 0.0, 0}, UnitStep{"t", 1e-3, 1e4, 1}};
constexpr std::array kDensity{UnitStep{"W/m²", 1.0, 0.0, 0}, UnitStep{"kW/m²", 1e-3, 1e3, 2}};
constexpr std::array kLoading{UnitStep{"kg/m²", 1.0, 0.0, 0}};
constexpr std::array kCost{UnitStep{"USD", 1.0, 0.0, 0}, UnitStep{"k USD", 1e-3, 1e4, 1},
                           UnitStep{"M USD", 1e-6, 1e6, 2}};
constexpr std::array kCarbon{UnitStep{"t CO₂", 1.0, 0.0, 1}, UnitStep{"kt CO₂", 1e-3, 1e4, 2}};
constexpr std::array kPercent{UnitStep{"%", 1.0, 0.0, 1}};
constexpr std::array kRatio{UnitStep{"", 1.0, 0.0, 2}};
constexpr std::array kCount{UnitStep{"", 1.0, 0.0, 0}};

std::span<const UnitStep> stepsFor(Quantity quantity) {
  switch (quantity) {
    case Quantity::PowerW:
      return kPower;
    case Quantity::CurrentA:
      return kCurrent;
    case Quantity::VoltageV:
      return kVoltage;
    case Quantity::EnergyKwh:
      return kEnergy;
    case Quantity::FlowLps:
      return kFlow;
    case Quantity::AirflowM3PerH:
      return kAirflow;
    case Quantity::TemperatureC:
      return kTemperature;
    case Quantity::TemperatureDeltaK:
      return kDelta;
    case Quantity::LengthMm:
      return kLength;
    case Quantity::AreaM2:
      return kArea;
    case Quantity::MassKg:
      return kMass;
    case Quantity::PowerDensityWPerM2:
      return kDensity;
    case Quantity::LoadingKgPerM2:
      return kLoading;
    case Quantity::CostUsd:
      return kCost;
    case Quantity::CarbonT:
      return kCarbon;
    case Quantity::Percent:
      return kPercent;
    case Quantity::Ratio:
      return kRatio;
    case Quantity::Count:
      return kCount;
  }
  return kCount;
}

const UnitStep& stepFor(double value, Quantity quantity) {
  const auto steps = stepsFor(quantity);
  const double magnitude = std::fabs(value);
  const UnitStep* chosen = &steps.front();
  for (const UnitStep& step : steps) {
    if (magnitude >= step.from) {
      chosen = &step;
    }
  }
  return *chosen;
}

const UnitStep* stepNamed(Quantity quantity, const QString& unit) {
  for (const UnitStep& step : stepsFor(quantity)) {
    if (QString::fromUtf8(step.unit) == unit) {
      return &step;
    }
  }
  return nullptr;
}

int decimalsFor(double scaled, const UnitStep& step, Quantity quantity, int significant) {
  if (quantity == Quantity::Ratio || quantity == Quantity::Count) {
    return step.maxDecimals;
  }
  if (scaled == 0.0 || !std::isfinite(scaled)) {
    return 0;
  }
  const int wholeDigits = static_cast<int>(std::floor(std::log10(std::fabs(scaled)))) + 1;
  return std::clamp(significant - wholeDigits, 0, step.maxDecimals);
}

QString number(double scaled, int decimals, const QLocale& locale) {
  if (!std::isfinite(scaled)) {
    return QStringLiteral("–");
  }
  // Rounding can carry into a new digit (99.96 -> "100.0"); a -0 prints as 0.
  const double rounded = scaled == 0.0 ? 0.0 : scaled;
  return locale.toString(rounded, 'f', decimals);
}

}  // namespace

NumberStyle NumberStyle::forConfidence(Confidence confidence, const QLocale& locale) {
  return NumberStyle{locale, dc::significantDigits(confidence)};
}

NumberStyle NumberStyle::plain(int digits) {
  return NumberStyle{QLocale::c(), digits};
}

int significantDigits(Confidence confidence) {
  return confidence == Confidence::Estimate ? 2 : 3;
}

ScaledValue scaleQuantity(double value, Quantity quantity, const NumberStyle& style) {
  const UnitStep& step = stepFor(value, quantity);
  const double scaled = value * step.factor;
  return ScaledValue{scaled, QString::fromUtf8(step.unit),
                     decimalsFor(scaled, step, quantity, style.significantDigits)};
}

QString formatQuantity(double value, Quantity quantity, const NumberStyle& style) {
  const ScaledValue scaled = scaleQuantity(value, quantity, style);
  const QString text = number(scaled.value, scaled.decimals, style.locale);
  return scaled.unit.isEmpty() ? text : text + QLatin1Char(' ') + scaled.unit;
}

QString formatFigure(const Figure& figure, Quantity quantity, const QLocale& locale) {
  return formatQuantity(figure.value, quantity,
                        NumberStyle::forConfidence(figure.confidence, locale));
}

QString columnUnit(double typical, Quantity quantity) {
  // The largest figure's own unit, one step smaller while the largest still reads in four
  // digits there (a BOM column up to 1,295 kW stays in kW, so that its 10.2 kW rows keep their
  // digits), but never down to the base unit of a scaled quantity (5.0 kW, not 5,000 W).
  constexpr double kFourDigits = 1.0e4;
  const auto steps = stepsFor(quantity);
  const UnitStep* chosen = &stepFor(typical, quantity);
  while (chosen - steps.data() > 1 && std::fabs(typical) * (chosen - 1)->factor < kFourDigits) {
    --chosen;
  }
  return QString::fromUtf8(chosen->unit);
}

double unitFactor(Quantity quantity, const QString& unit) {
  const UnitStep* step = stepNamed(quantity, unit);
  return step != nullptr ? step->factor : 1.0;
}

QString formatInUnit(double value, Quantity quantity, const QString& unit,
                     const NumberStyle& style) {
  const UnitStep* named = stepNamed(quantity, unit);
  const UnitStep& step = named != nullptr ? *named : stepsFor(quantity).front();
  const double scaled = value * step.factor;
  return number(scaled, decimalsFor(scaled, step, quantity, style.significantDigits), style.locale);
}

QString headerWithUnit(const QString& title, const QString& unit) {
  return unit.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, unit);
}

}  // namespace dc
