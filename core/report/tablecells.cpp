// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablecells.h"

#include <cmath>

namespace dc::report {

Cell CellWriter::number(double value, Quantity quantity, const QString& unit, Tone tone,
                        Confidence confidence) const {
  const int digits = significantDigits(confidence);
  // The CSV keeps the value (in the column's unit, C locale) for sums and checks: 127 × 10.2 kW
  // is 1295.4 there, written 1,295 on paper.
  constexpr int kMachineDigits = 10;
  return Cell{formatInUnit(value, quantity, unit, NumberStyle{mLocale, digits}),
              std::isfinite(value)
                  ? QString::number(value * unitFactor(quantity, unit), 'g', kMachineDigits)
                  : QString(),
              tone, false, !std::isfinite(value)};
}

Cell CellWriter::count(qint64 value, Tone tone) const {
  return Cell{mLocale.toString(value), QString::number(value), tone, false};
}

Cell CellWriter::quantity(double value, Quantity quantity, Tone tone) const {
  return Cell{format(value, quantity), formatQuantity(value, quantity, NumberStyle::plain()), tone,
              false};
}

Cell CellWriter::text(const QString& text, Tone tone) {
  return Cell{text, {}, tone, false};
}

Cell CellWriter::none() {
  return Cell{QStringLiteral("–"), QString(), Tone::Muted, false, true};
}

QString CellWriter::format(double value, Quantity quantity, Confidence confidence) const {
  return formatQuantity(value, quantity, NumberStyle::forConfidence(confidence, mLocale));
}

Column textColumn(const QString& title, double width) {
  return Column{title, QString(), Align::Left, width};
}

Column numberColumn(const QString& title, const QString& unit, double width) {
  return Column{title, unit, Align::Right, width};
}

}  // namespace dc::report
