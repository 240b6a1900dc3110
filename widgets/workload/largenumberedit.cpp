// SPDX-License-Identifier: GPL-3.0-or-later
#include "largenumberedit.h"

#include <QLocale>

#include <cmath>

namespace dc {

LargeNumberEdit::LargeNumberEdit(QWidget* parent) : QLineEdit(parent) {
  setPlaceholderText(tr("e.g. 70B or 7e10"));
  setToolTip(tr("A count: suffixes k, M, B (or G), T and P stand for 10³ … 10¹⁵"));
}

void LargeNumberEdit::setValue(double value) {
  setText(format(value));
}

std::optional<double> LargeNumberEdit::value() const {
  return parse(text());
}

std::optional<double> LargeNumberEdit::parse(const QString& text) {
  QString t = text.trimmed();
  t.remove(QLatin1Char(' '));
  t.remove(QLatin1Char(','));
  t.remove(QLatin1Char('_'));
  if (t.isEmpty()) {
    return 0.0;
  }
  double scale = 1.0;
  const QChar last = t.back().toUpper();
  const struct {
    QChar suffix;
    double factor;
  } kSuffixes[] = {{QLatin1Char('K'), 1e3}, {QLatin1Char('M'), 1e6},  {QLatin1Char('B'), 1e9},
                   {QLatin1Char('G'), 1e9}, {QLatin1Char('T'), 1e12}, {QLatin1Char('P'), 1e15}};
  for (const auto& s : kSuffixes) {
    if (last == s.suffix) {
      scale = s.factor;
      t.chop(1);
      break;
    }
  }
  bool ok = false;
  double value = t.toDouble(&ok);  // C locale: "1.4", "7e10"
  if (!ok) {
    value = QLocale().toDouble(t, &ok);
  }
  if (!ok || !std::isfinite(value * scale)) {
    return std::nullopt;
  }
  return value * scale;
}

QString LargeNumberEdit::format(double value) {
  if (value == 0.0) {
    return {};
  }
  const struct {
    double factor;
    const char* suffix;
  } kSuffixes[] = {{1e15, "P"}, {1e12, "T"}, {1e9, "B"}, {1e6, "M"}};
  for (const auto& s : kSuffixes) {
    if (std::fabs(value) >= s.factor) {
      return QString::number(value / s.factor, 'g', 6) + QString::fromLatin1(s.suffix);
    }
  }
  return QString::number(value, 'g', 12);
}

}  // namespace dc
