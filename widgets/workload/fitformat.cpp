// SPDX-License-Identifier: GPL-3.0-or-later
#include "fitformat.h"

#include "format/quantityformat.h"

#include <QCoreApplication>

namespace dc::fitview {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("dc::fitview", text);
}
}  // namespace

QString formatDays(double days) {
  return formatQuantity(days * 86'400.0, Quantity::DurationS);
}

QString formatTokensPerSecond(double tokensPerSecond) {
  return formatQuantity(tokensPerSecond, Quantity::LargeCount) + tr(" tok/s");
}

QString formatUsdPerMillion(double usd) {
  return formatQuantity(usd, Quantity::CostUsd) + tr(" / M tok");
}

QString formatCheckValue(double value, const QString& unit) {
  return checkValueText(value, unit);
}

QString formatMargin(double margin) {
  return marginText(margin);
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
    const QString replicas = i.replica.gpus == 1
                                 ? tr("%1 × 1 GPU").arg(formatQuantity(i.replicas, Quantity::Count))
                                 : tr("%1 × %2 GPUs")
                                       .arg(formatQuantity(i.replicas, Quantity::Count),
                                            formatQuantity(i.replica.gpus, Quantity::Count));
    return formatTokensPerSecond(i.tokensPerSecond) + dot + replicas + QLatin1Char('\n') +
           formatUsdPerMillion(i.cost.usdPerMillion);
  }
  const TrainingFit& t = fit.training;
  QString hours = formatQuantity(t.gpuHours, Quantity::LargeCount) + tr(" GPU-h");
  if (fit.kind == WorkloadKind::FineTuning && t.gpuHoursPerMonth > 0.0) {
    hours = formatQuantity(t.gpuHoursPerMonth, Quantity::LargeCount) + tr(" GPU-h / month");
  }
  return formatDays(t.days) + dot + hours + QLatin1Char('\n') +
         formatQuantity(t.memoryPerGpuBytes, Quantity::Bytes) + tr(" per GPU");
}

}  // namespace dc::fitview
