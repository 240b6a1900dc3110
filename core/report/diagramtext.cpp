// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagramtext.h"

#include "model/designassumptions.h"

namespace dc::report {

DiagramText::DiagramText(const QLocale& l, const DesignAssumptions& assumptions)
    : locale(l), warnPct(assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct))) {
}

QString DiagramText::number(double value, Quantity quantity) const {
  NumberStyle style;
  style.locale = locale;
  return formatQuantity(value, quantity, style);
}

QString DiagramText::apparentPower(double va) const {
  NumberStyle style;
  style.locale = locale;
  // The power scale (VA, kVA, MVA) is the same as W's; only the unit letter differs.
  const ScaledValue scaled = scaleQuantity(va, Quantity::PowerW, style);
  return locale.toString(scaled.value, 'f', scaled.decimals) + QLatin1Char(' ') +
         QString(scaled.unit).replace(QLatin1Char('W'), QStringLiteral("VA"));
}

Tone DiagramText::loadingTone(double pct) const {
  if (pct > 100.0) {
    return Tone::Error;
  }
  return pct >= warnPct ? Tone::Warning : Tone::Normal;
}

DiagramLine DiagramText::loading(const QString& label, double pct) const {
  return {QStringLiteral("%1 %2").arg(label, number(pct, Quantity::Percent)), loadingTone(pct)};
}

int feedIndex(PowerFeed feed) {
  switch (feed) {
    case PowerFeed::A:
      return 0;
    case PowerFeed::B:
      return 1;
    case PowerFeed::C:
      return 2;
    case PowerFeed::None:
      break;
  }
  return -1;
}

}  // namespace dc::report
