// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

#include <optional>

namespace dc {

/// A line edit for the large counts of workload fit (parameters, tokens): "70B", "1.4 T",
/// "7e10", "2,000,000" and an empty box (0: not given) are all understood. A spin box cannot
/// hold 15 trillion tokens, nor tell "15T" from a typo; this one says which it is.
class LargeNumberEdit final : public QLineEdit {
  Q_OBJECT

 public:
  explicit LargeNumberEdit(QWidget* parent = nullptr);

  /// Shows `value` with the largest suffix that keeps it readable ("70B", "15T"; "" for 0).
  void setValue(double value);
  /// The number typed; 0 for an empty box; nullopt when the text is not a number.
  std::optional<double> value() const;

  /// Parses "70B", "1.4 T", "7e10", "2,000", "" (0). k, M, B or G, T and P are 10³ … 10¹⁵.
  static std::optional<double> parse(const QString& text);
  static QString format(double value);
};

}  // namespace dc
