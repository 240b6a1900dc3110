// SPDX-License-Identifier: GPL-3.0-or-later
#include "fitformat.h"

#include "format/quantityformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace dc::fitview {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("dc::fitview", text);
}

/// `value` with three significant digits (never dropping whole digits) in the user's locale.
QString significant(double value) {
  if (!std::isfinite(value)) {
    return QStringLiteral("–");
  }
  const double magnitude = std::fabs(value);
  const int whole = magnitude < 1.0 ? 1 : int(std::floor(std::log10(magnitude))) + 1;
  int decimals = std::clamp(3 - whole, 0, 2);
  if (magnitude > 0.0 && magnitude < 0.01) {
    decimals = 3;
  }
  QString text = QLocale().toString(value, 'f', decimals);
  return text == QStringLiteral("-0") ? QStringLiteral("0") : text;
}

/// Scales `value` to the largest SI prefix that keeps it at 1 or above (k, M, G, T, P, E).
QString withPrefix(double value, const QString& unit) {
  static constexpr std::array<const char*, 7> kPrefixes{"", "k", "M", "G", "T", "P", "E"};
  double scaled = value;
  std::size_t prefix = 0;
  while (std::fabs(scaled) >= 999.5 && prefix + 1 < kPrefixes.size()) {
    scaled /= 1000.0;
    ++prefix;
  }
  return significant(scaled) + QLatin1Char(' ') + QString::fromLatin1(kPrefixes[prefix]) + unit;
}

QString superscript(int exponent) {
  static const QString kDigits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
  QString text = exponent < 0 ? QStringLiteral("⁻") : QString();
  for (QChar c : QString::number(std::abs(exponent))) {
    text += kDigits[c.digitValue()];
  }
  return text;
}
}  // namespace

QString formatBytes(double bytes) {
  return withPrefix(bytes, QStringLiteral("B"));
}

QString formatBytesPerSecond(double bps) {
  return withPrefix(bps, QStringLiteral("B/s"));
}

QString formatDuration(double seconds) {
  if (!std::isfinite(seconds)) {
    return QStringLiteral("–");
  }
  if (seconds >= 2 * 86'400.0) {
    return formatDays(seconds / 86'400.0);
  }
  if (seconds >= 3'600.0) {
    return significant(seconds / 3'600.0) + QStringLiteral(" h");
  }
  if (seconds >= 60.0) {
    return significant(seconds / 60.0) + QStringLiteral(" min");
  }
  if (seconds > 0.0 && seconds < 1.0) {
    return significant(seconds * 1000.0) + QStringLiteral(" ms");
  }
  return significant(seconds) + QStringLiteral(" s");
}

QString formatDays(double days) {
  return significant(days) + tr(" days");
}

QString formatFlops(double flops) {
  if (!(flops > 0.0) || !std::isfinite(flops)) {
    return QStringLiteral("–");
  }
  const int exponent = int(std::floor(std::log10(flops)));
  if (exponent < 6) {
    return significant(flops) + QStringLiteral(" FLOP");
  }
  return QStringLiteral("%1 × 10%2 FLOP")
      .arg(QLocale().toString(flops / std::pow(10.0, exponent), 'f', 2), superscript(exponent));
}

QString formatCount(double count) {
  return formatQuantity(count, Quantity::Count);
}

QString formatLargeCount(double count) {
  if (!std::isfinite(count) || std::fabs(count) < 10'000.0) {
    return formatCount(count);
  }
  static constexpr std::array<const char*, 6> kSuffixes{"", "k", "M", "B", "T", "P"};
  double scaled = count;
  std::size_t suffix = 0;
  while (std::fabs(scaled) >= 999.5 && suffix + 1 < kSuffixes.size()) {
    scaled /= 1000.0;
    ++suffix;
  }
  return significant(scaled) + QLatin1Char(' ') + QString::fromLatin1(kSuffixes[suffix]);
}

QString formatTokensPerSecond(double tokensPerSecond) {
  return tokensPerSecond < 1e6 ? formatCount(tokensPerSecond) + tr(" tok/s")
                               : withPrefix(tokensPerSecond, tr("tok/s"));
}

QString formatUsdPerMillion(double usd) {
  return significant(usd) + tr(" USD / M tok");
}

QString formatCheckValue(double value, const QString& unit) {
  if (unit == QLatin1String("B")) {
    return formatBytes(value);
  }
  if (unit == QLatin1String("B/s")) {
    return formatBytesPerSecond(value);
  }
  if (unit == QLatin1String("s")) {
    return formatDuration(value);
  }
  if (unit == QLatin1String("W")) {
    return formatQuantity(value, Quantity::PowerW);
  }
  if (unit == QLatin1String("%")) {
    return formatQuantity(value, Quantity::Percent);
  }
  if (unit == QLatin1String("GPU")) {
    return formatCount(value);
  }
  if (unit.isEmpty()) {  // a share of a whole (the all-reduce's of a step)
    return formatQuantity(value * 100.0, Quantity::Percent);
  }
  return significant(value) + QLatin1Char(' ') + unit;
}

QString formatMargin(double margin) {
  if (!std::isfinite(margin)) {
    return QStringLiteral("–");
  }
  const QString pct = formatQuantity(std::fabs(margin) * 100.0, Quantity::Percent);
  return (margin < 0.0 ? QStringLiteral("−") : QStringLiteral("+")) + pct;
}

QString resourceName(FitResource resource) {
  switch (resource) {
    case FitResource::None:
      return tr("Nothing");
    case FitResource::Gpus:
      return tr("GPUs");
    case FitResource::Memory:
      return tr("Memory");
    case FitResource::Fabric:
      return tr("Fabric");
    case FitResource::Storage:
      return tr("Storage");
    case FitResource::Power:
      return tr("Power");
    case FitResource::Time:
      return tr("Time");
    case FitResource::Latency:
      return tr("Latency");
  }
  return {};
}

QString verdictName(FitVerdict verdict) {
  return fitVerdictName(verdict);
}

QString verdictSummary(const WorkloadFit& fit) {
  if (fit.verdict == FitVerdict::NotAssessed) {
    return fit.problem.isEmpty() ? verdictName(fit.verdict)
                                 : verdictName(fit.verdict) + QStringLiteral(": ") + fit.problem;
  }
  if (fit.limitingResource == FitResource::None) {
    return verdictName(fit.verdict);
  }
  return QStringLiteral("%1: %2 %3")
      .arg(verdictName(fit.verdict), resourceName(fit.limitingResource).toLower(),
           formatMargin(fit.margin));
}

QString verdictLines(const WorkloadFit& fit) {
  if (fit.verdict == FitVerdict::NotAssessed) {
    return fit.problem.isEmpty() ? verdictName(fit.verdict)
                                 : verdictName(fit.verdict) + QLatin1Char('\n') + fit.problem;
  }
  if (fit.limitingResource == FitResource::None) {
    return verdictName(fit.verdict);
  }
  return verdictName(fit.verdict) + QLatin1Char('\n') +
         resourceName(fit.limitingResource).toLower() + QLatin1Char(' ') + formatMargin(fit.margin);
}

QColor verdictColour(FitVerdict verdict) {
  switch (verdict) {
    case FitVerdict::Fits:
      return QColor(0x2e, 0x7d, 0x32);
    case FitVerdict::Tight:
      return QColor(0xd9, 0x8c, 0x00);
    case FitVerdict::DoesNotFit:
      return QColor(0xc6, 0x28, 0x28);
    case FitVerdict::NotAssessed:
      break;
  }
  return QColor(0x78, 0x90, 0x9c);
}

QString keyFigures(const WorkloadFit& fit) {
  const QString dot = QStringLiteral(" · ");
  if (fit.verdict == FitVerdict::NotAssessed && !fit.problem.isEmpty()) {
    return QStringLiteral("–");
  }
  if (fit.kind == WorkloadKind::Inference) {
    const InferenceFit& i = fit.inference;
    const QString replicas =
        i.replica.gpus == 1
            ? tr("%1 × 1 GPU").arg(formatCount(i.replicas))
            : tr("%1 × %2 GPUs").arg(formatCount(i.replicas), formatCount(i.replica.gpus));
    return formatTokensPerSecond(i.tokensPerSecond) + dot + replicas + QLatin1Char('\n') +
           formatUsdPerMillion(i.cost.usdPerMillion);
  }
  const TrainingFit& t = fit.training;
  QString hours = formatLargeCount(t.gpuHours) + tr(" GPU-h");
  if (fit.kind == WorkloadKind::FineTuning && t.gpuHoursPerMonth > 0.0) {
    hours = formatLargeCount(t.gpuHoursPerMonth) + tr(" GPU-h / month");
  }
  return formatDays(t.days) + dot + hours + QLatin1Char('\n') + formatBytes(t.memoryPerGpuBytes) +
         tr(" per GPU");
}

}  // namespace dc::fitview
