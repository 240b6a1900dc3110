// SPDX-License-Identifier: GPL-3.0-or-later
#include "quantityformat.h"

#include "engine/cooling/coolingphysics.h"
#include "engine/figure.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
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
// Units a figure is never scaled to but a second column may name (formatInUnit): L/min beside
// L/s, CFM beside m³/h (the engine's CFM constant).
constexpr double kNeverScaled = std::numeric_limits<double>::infinity();
constexpr std::array kFlow{UnitStep{"L/s", 1.0, 0.0, 2}, UnitStep{"L/min", 60.0, kNeverScaled, 1}};
constexpr std::array kAirflow{
    UnitStep{"m³/h", 1.0, 0.0, 0},
    UnitStep{"CFM", cooling::kCubicMetresPerSecondToCfm / 3600.0, kNeverScaled, 0}};
constexpr std::array kTemperature{UnitStep{"°C", 1.0, 0.0, 1}};
constexpr std::array kDelta{UnitStep{"K", 1.0, 0.0, 1}};
constexpr std::array kLength{UnitStep{"mm", 1.0, 0.0, 0}, UnitStep{"m", 1e-3, 1e3, 2}};
constexpr std::array kArea{UnitStep{"m²", 1.0, 0.0, 1}};
constexpr std::array kMass{UnitStep{"kg", 1.0, 0.0, 0}, UnitStep{"t", 1e-3, 1e4, 1}};
constexpr std::array kDensity{UnitStep{"W/m²", 1.0, 0.0, 0}, UnitStep{"kW/m²", 1e-3, 1e3, 2}};
constexpr std::array kLoading{UnitStep{"kg/m²", 1.0, 0.0, 0}};
// Whole dollars from 1,000 USD; below, the significant digits down to a tenth of a cent (the
// cost of a million tokens is 0.0312 USD).
constexpr std::array kCost{UnitStep{"USD", 1.0, 0.0, 4}, UnitStep{"k USD", 1e-3, 1e4, 1},
                           UnitStep{"M USD", 1e-6, 1e6, 2}};
constexpr std::array kCarbon{UnitStep{"t CO₂", 1.0, 0.0, 1}, UnitStep{"kt CO₂", 1e-3, 1e4, 2}};
constexpr std::array kPercent{UnitStep{"%", 1.0, 0.0, 1}};
constexpr std::array kRatio{UnitStep{"", 1.0, 0.0, 2}};
constexpr std::array kCount{UnitStep{"", 1.0, 0.0, 0}};
constexpr std::array kBytes{UnitStep{"B", 1.0, 0.0, 0},     UnitStep{"kB", 1e-3, 1e3, 2},
                            UnitStep{"MB", 1e-6, 1e6, 2},   UnitStep{"GB", 1e-9, 1e9, 2},
                            UnitStep{"TB", 1e-12, 1e12, 2}, UnitStep{"PB", 1e-15, 1e15, 2}};
constexpr std::array kBytesPerSecond{
    UnitStep{"B/s", 1.0, 0.0, 0},     UnitStep{"kB/s", 1e-3, 1e3, 2},
    UnitStep{"MB/s", 1e-6, 1e6, 2},   UnitStep{"GB/s", 1e-9, 1e9, 2},
    UnitStep{"TB/s", 1e-12, 1e12, 2}, UnitStep{"PB/s", 1e-15, 1e15, 2}};
// FLOPs are written as a power of ten (flopsText()); a fixed column names them in FLOP.
constexpr std::array kFlops{UnitStep{"FLOP", 1.0, 0.0, 0}};
constexpr std::array kFlopsPerSecond{
    UnitStep{"FLOP/s", 1.0, 0.0, 0},     UnitStep{"kFLOP/s", 1e-3, 1e3, 2},
    UnitStep{"MFLOP/s", 1e-6, 1e6, 2},   UnitStep{"GFLOP/s", 1e-9, 1e9, 2},
    UnitStep{"TFLOP/s", 1e-12, 1e12, 2}, UnitStep{"PFLOP/s", 1e-15, 1e15, 2},
    UnitStep{"EFLOP/s", 1e-18, 1e18, 2}};
constexpr std::array kDuration{
    UnitStep{"ms", 1e3, 0.0, 2}, UnitStep{"s", 1.0, 1.0, 2}, UnitStep{"min", 1.0 / 60.0, 120.0, 2},
    UnitStep{"h", 1.0 / 3'600.0, 7'200.0, 2}, UnitStep{"days", 1.0 / 86'400.0, 172'800.0, 2}};
constexpr std::array kEnergyJ{UnitStep{"mJ", 1e3, 0.0, 2}, UnitStep{"J", 1.0, 1.0, 2},
                              UnitStep{"kJ", 1e-3, 1e3, 2}, UnitStep{"MJ", 1e-6, 1e6, 2}};
constexpr std::array kLargeCount{UnitStep{"", 1.0, 0.0, 0}, UnitStep{"million", 1e-6, 1e6, 2},
                                 UnitStep{"billion", 1e-9, 1e9, 2},
                                 UnitStep{"trillion", 1e-12, 1e12, 2}};

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
    case Quantity::Bytes:
      return kBytes;
    case Quantity::BytesPerSecond:
      return kBytesPerSecond;
    case Quantity::Flops:
      return kFlops;
    case Quantity::FlopsPerSecond:
      return kFlopsPerSecond;
    case Quantity::DurationS:
      return kDuration;
    case Quantity::EnergyJ:
      return kEnergyJ;
    case Quantity::LargeCount:
      return kLargeCount;
  }
  return kCount;
}

/// The unit for a figure of this magnitude; zero in the engine's own unit ("0 s", not "0 ms").
const UnitStep& stepFor(double value, Quantity quantity) {
  const auto steps = stepsFor(quantity);
  const double magnitude = std::fabs(value);
  if (magnitude == 0.0) {
    const auto own = std::find_if(steps.begin(), steps.end(),
                                  [](const UnitStep& step) { return step.factor == 1.0; });
    return own != steps.end() ? *own : steps.front();
  }
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

double roundedTo(double value, int decimals) {
  const double factor = std::pow(10.0, decimals);
  return std::round(value * factor) / factor;
}

/// A number as it is printed: in its unit, rounded to its decimals.
struct Rounded {
  const UnitStep* step;
  double value;  // rounded, in `step`'s unit; never -0
  int decimals;
};

/// Rounds `value` (engine unit) in `step`. Rounding can carry into a new whole digit (99.96 kW to
/// 100.0): the figure then has one digit fewer to spend on decimals, so 3 significant digits
/// stay 3 ("100 kW", not "100.0 kW"). A nominal value also drops its trailing zeros.
Rounded roundIn(double value, const UnitStep& step, Quantity quantity, const NumberStyle& style) {
  const double scaled = value * step.factor;
  int decimals = decimalsFor(scaled, step, quantity, style.significantDigits);
  double rounded = roundedTo(scaled, decimals);
  const int carried = decimalsFor(rounded, step, quantity, style.significantDigits);
  if (rounded != 0.0 && carried < decimals) {
    decimals = carried;
    rounded = roundedTo(scaled, decimals);
  }
  if (style.nominal && quantity != Quantity::Ratio) {
    while (decimals > 0 && roundedTo(rounded, decimals - 1) == rounded) {
      --decimals;
    }
  }
  return Rounded{&step, rounded == 0.0 ? 0.0 : rounded, decimals};
}

/// Rounds in the unit for the figure's magnitude, moving up a unit when rounding carries past it
/// (999.6 W is "1.0 kW", not "1000 W").
Rounded roundScaled(double value, Quantity quantity, const NumberStyle& style) {
  const auto steps = stepsFor(quantity);
  const UnitStep& first = stepFor(value, quantity);
  Rounded rounded = roundIn(value, first, quantity, style);
  for (auto i = static_cast<std::size_t>(&first - steps.data()) + 1; i < steps.size(); ++i) {
    // The next unit's threshold in this unit, with a little slack for the binary factors.
    const double threshold = steps[i].from * rounded.step->factor * (1.0 - 1e-12);
    if (std::fabs(rounded.value) < threshold) {
      break;
    }
    rounded = roundIn(value, steps[i], quantity, style);
  }
  return rounded;
}

/// Significant digits a rounded number shows: "0.04" 1, "0.25" 2, "132" 3, "0" none.
int shownDigits(const Rounded& rounded) {
  if (rounded.value == 0.0) {
    return 0;
  }
  const int wholeDigits = static_cast<int>(std::floor(std::log10(std::fabs(rounded.value)))) + 1;
  return wholeDigits + rounded.decimals;
}

/// The unit of a column of figures: columnUnit() of the largest, and one unit further down, to the
/// engine's own unit too, while the smallest would show no digit at all there and the largest
/// stays under 10,000 (20 W beside 8.6 kW is a W column, not "0.0" kW).
template <typename Values>
const UnitStep& columnStep(const Values& values, Quantity quantity) {
  double largest = 0.0;
  double smallest = std::numeric_limits<double>::infinity();
  for (const double value : values) {
    if (std::isfinite(value) && value != 0.0) {
      largest = std::max(largest, std::fabs(value));
      smallest = std::min(smallest, std::fabs(value));
    }
  }
  const NumberStyle style = NumberStyle::plain();
  const auto steps = stepsFor(quantity);
  const UnitStep* chosen = stepNamed(quantity, columnUnit(largest, quantity));
  auto index = static_cast<std::size_t>(chosen - steps.data());
  while (index > 0 && std::isfinite(smallest) &&
         shownDigits(roundIn(smallest, steps[index], quantity, style)) == 0 &&
         std::fabs(roundIn(largest, steps[index - 1], quantity, style).value) < 1e4) {
    --index;
  }
  return steps[index];
}

/// "²³": an exponent in superscript digits.
QString superscript(int exponent) {
  static const QString kDigits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
  QString text = exponent < 0 ? QStringLiteral("⁻") : QString();
  for (const QChar c : QString::number(std::abs(exponent))) {
    text += kDigits[c.digitValue()];
  }
  return text;
}

/// FLOPs from a million up as a mantissa and a power of ten: 3.15e23 is 3.15 and "× 10²³ FLOP";
/// a mantissa that rounds to 10 takes the next power (9.996e23 is 1.00 × 10²⁴).
ScaledValue flopsScaled(double value, const NumberStyle& style) {
  constexpr double kFromAMillion = 1e6;
  if (std::fabs(value) < kFromAMillion) {
    const Rounded whole = roundIn(value, kFlops.front(), Quantity::Flops, style);
    return ScaledValue{whole.value, QString::fromUtf8(kFlops.front().unit), whole.decimals};
  }
  int exponent = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  const int decimals = std::max(style.significantDigits - 1, 0);
  double mantissa = roundedTo(value / std::pow(10.0, exponent), decimals);
  if (std::fabs(mantissa) >= 10.0) {
    ++exponent;
    mantissa = roundedTo(value / std::pow(10.0, exponent), decimals);
  }
  int shown = decimals;
  if (style.nominal) {
    while (shown > 0 && roundedTo(mantissa, shown - 1) == mantissa) {
      --shown;
    }
  }
  return ScaledValue{
      mantissa, QStringLiteral("× 10") + superscript(exponent) + QStringLiteral(" FLOP"), shown};
}

QString number(const Rounded& rounded, const QLocale& locale) {
  if (!std::isfinite(rounded.value)) {
    return QStringLiteral("–");
  }
  return locale.toString(rounded.value, 'f', rounded.decimals);
}

}  // namespace

NumberStyle NumberStyle::forConfidence(Confidence confidence, const QLocale& locale) {
  return NumberStyle{locale, dc::significantDigits(confidence)};
}

NumberStyle NumberStyle::plain(int digits) {
  return NumberStyle{QLocale::c(), digits};
}

NumberStyle NumberStyle::forNominal(const QLocale& locale) {
  return NumberStyle{locale, 3, true};
}

int significantDigits(Confidence confidence) {
  return confidence == Confidence::Estimate ? 2 : 3;
}

ScaledValue scaleQuantity(double value, Quantity quantity, const NumberStyle& style) {
  if (!std::isfinite(value)) {
    return ScaledValue{value, QString(), 0};
  }
  if (quantity == Quantity::Flops) {
    return flopsScaled(value, style);
  }
  const Rounded rounded = roundScaled(value, quantity, style);
  return ScaledValue{value * rounded.step->factor, QString::fromUtf8(rounded.step->unit),
                     rounded.decimals};
}

QString formatQuantity(double value, Quantity quantity, const NumberStyle& style) {
  if (!std::isfinite(value)) {
    return QStringLiteral("–");  // no unit either: "– kW" would claim a magnitude
  }
  if (quantity == Quantity::Flops) {
    const ScaledValue flops = flopsScaled(value, style);
    return style.locale.toString(flops.value, 'f', flops.decimals) + QLatin1Char(' ') + flops.unit;
  }
  const Rounded rounded = roundScaled(value, quantity, style);
  const QString text = number(rounded, style.locale);
  const QString unit = QString::fromUtf8(rounded.step->unit);
  return unit.isEmpty() ? text : text + QLatin1Char(' ') + unit;
}

QString formatFigure(const Figure& figure, Quantity quantity, const QLocale& locale) {
  return formatQuantity(figure.value, quantity,
                        NumberStyle::forConfidence(figure.effectiveConfidence(), locale));
}

QString formatSpec(const SpecValue& spec, Quantity quantity, const QLocale& locale) {
  NumberStyle style = NumberStyle::forConfidence(spec.confidence, locale);
  style.nominal = true;
  return formatQuantity(spec.value, quantity, style);
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

QString columnUnit(std::initializer_list<double> values, Quantity quantity) {
  return QString::fromUtf8(columnStep(values, quantity).unit);
}

QString columnUnit(const QList<double>& values, Quantity quantity) {
  return QString::fromUtf8(columnStep(values, quantity).unit);
}

double unitFactor(Quantity quantity, const QString& unit) {
  const UnitStep* step = stepNamed(quantity, unit);
  return step != nullptr ? step->factor : 1.0;
}

QString formatInUnit(double value, Quantity quantity, const QString& unit,
                     const NumberStyle& style) {
  if (!std::isfinite(value)) {
    return QStringLiteral("–");
  }
  const UnitStep* named = stepNamed(quantity, unit);
  const UnitStep& step = named != nullptr ? *named : stepsFor(quantity).front();
  return number(roundIn(value, step, quantity, style), style.locale);
}

QString headerWithUnit(const QString& title, const QString& unit) {
  return unit.isEmpty() ? title : QStringLiteral("%1 (%2)").arg(title, unit);
}

}  // namespace dc
