// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "format/quantityformat.h"
#include "reportmodel.h"

#include <QLocale>

namespace dc::report {

/// Builds cells and columns with the one number formatting: the printed text in the report's
/// locale and the CSV text in the C locale, both in the column's unit.
class CellWriter {
 public:
  explicit CellWriter(const QLocale& locale) : mLocale(locale) {}

  /// A number in `unit` (columnUnit()), with the significant digits of `confidence`.
  Cell number(double value, Quantity quantity, const QString& unit, Tone tone = Tone::Normal,
              Confidence confidence = Confidence::Derived) const;
  /// A whole count, grouped on paper ("1,016"), plain in CSV.
  Cell count(qint64 value, Tone tone = Tone::Normal) const;
  /// A figure with its unit ("40.8 kW") for key-value tables; the CSV has the same text.
  Cell quantity(double value, Quantity quantity, Tone tone = Tone::Normal) const;
  static Cell text(const QString& text, Tone tone = Tone::Normal);
  /// "–": nothing to show.
  static Cell none();

  QString format(double value, Quantity quantity,
                 Confidence confidence = Confidence::Derived) const;
  const QLocale& locale() const { return mLocale; }

 private:
  QLocale mLocale;
};

Column textColumn(const QString& title, double width = 1.0);
Column numberColumn(const QString& title, const QString& unit, double width = 0.7);

}  // namespace dc::report
