// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadfitview.h"

#include "fitformat.h"
#include "format/quantityformat.h"
#include "power/powerformat.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dc {

using namespace fitview;
using powerview::tableItem;
using powerview::tint;

namespace {
/// An HTML table of (name, value) pairs, two pairs to a row: compact in a narrow dock.
QString figureTable(const QList<std::pair<QString, QString>>& figures) {
  QString html = QStringLiteral("<table cellspacing='0' cellpadding='1'>");
  for (qsizetype i = 0; i < figures.size(); i += 2) {
    html += QStringLiteral("<tr>");
    for (qsizetype j = i; j < i + 2; ++j) {
      if (j < figures.size()) {
        html += QStringLiteral(
                    "<td style='color:#607d8b'>%1</td><td style='padding-right:14px'>"
                    "&nbsp;<b>%2</b></td>")
                    .arg(figures[j].first.toHtmlEscaped(), figures[j].second.toHtmlEscaped());
      }
    }
    html += QStringLiteral("</tr>");
  }
  return html + QStringLiteral("</table>");
}

QString parallelismText(const Parallelism& p) {
  return QObject::tr("TP %1 · PP %2 · DP %3 · CP %4 · ZeRO %5")
      .arg(p.tp)
      .arg(p.pp)
      .arg(p.dp)
      .arg(p.cp)
      .arg(p.zeroStage);
}
}  // namespace

WorkloadFitView::WorkloadFitView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  mVerdict = new QLabel(this);
  mVerdict->setObjectName(QStringLiteral("verdict"));
  mVerdict->setTextFormat(Qt::RichText);
  mVerdict->setWordWrap(true);
  layout->addWidget(mVerdict);
  mFigures = new QLabel(this);
  mFigures->setObjectName(QStringLiteral("figures"));
  mFigures->setTextFormat(Qt::RichText);
  mFigures->setWordWrap(true);
  mFigures->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(mFigures);
  mChecks = new QTableWidget(0, ColumnCount, this);
  mChecks->setObjectName(QStringLiteral("fitChecks"));
  mChecks->setHorizontalHeaderLabels({tr("Check"), tr("Required"), tr("Available"), tr("Margin")});
  mChecks->horizontalHeaderItem(ColMargin)->setToolTip(tr("Available / required − 1"));
  mChecks->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mChecks->setSelectionBehavior(QAbstractItemView::SelectRows);
  mChecks->setAlternatingRowColors(true);
  mChecks->setWordWrap(false);
  mChecks->verticalHeader()->hide();
  mChecks->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  mChecks->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mChecks->horizontalHeader()->setSectionResizeMode(ColCheck, QHeaderView::Stretch);
  layout->addWidget(mChecks, 1);
  showFit(nullptr);
}

void WorkloadFitView::showFit(const WorkloadFit* fit, const QString& note) {
  mChecks->clearContents();
  mChecks->setRowCount(0);
  if (!fit) {
    mVerdict->setText(note.isEmpty() ? tr("<i>Select a workload to see its fit.</i>") : note);
    mFigures->clear();
    return;
  }
  mVerdict->setText(QStringLiteral("<b>%1</b> · <span style='color:%2'><b>%3</b></span>")
                        .arg(fit->name.toHtmlEscaped(), verdictColour(fit->verdict).name(),
                             verdictSummary(*fit).toHtmlEscaped()));
  if (fit->verdict == FitVerdict::NotAssessed && !fit->problem.isEmpty()) {
    mFigures->clear();
    return;
  }
  mFigures->setText(fit->kind == WorkloadKind::Inference ? inferenceFigures(*fit)
                                                         : trainingFigures(*fit));
  mChecks->setRowCount(int(fit->checks.size()));
  for (int r = 0; r < fit->checks.size(); ++r) {
    const ResourceCheck& check = fit->checks[r];
    QString name = check.what.isEmpty() ? resourceName(check.resource) : check.what;
    name[0] = name[0].toUpper();  // the engine's "memory per GPU" heads a row here
    auto* what = tableItem(name);
    what->setToolTip(resourceName(check.resource));
    mChecks->setItem(r, ColCheck, what);
    mChecks->setItem(r, ColRequired, tableItem(formatCheckValue(check.required, check.unit), true));
    if (!check.assessed) {
      auto* none = tableItem(tr("not in the design"));
      none->setForeground(QColor(0x78, 0x90, 0x9c));
      none->setToolTip(tr("The design holds nothing to check this against: not assessed"));
      mChecks->setItem(r, ColAvailable, none);
      mChecks->setItem(r, ColMargin, tableItem(QStringLiteral("–"), true));
      continue;
    }
    mChecks->setItem(r, ColAvailable,
                     tableItem(formatCheckValue(check.available, check.unit), true));
    auto* margin = tableItem(formatMargin(check.margin), true);
    const bool limiting = check.resource == fit->limitingResource && check.margin == fit->margin;
    tint(margin, check.margin < 0.0 ? verdictColour(FitVerdict::DoesNotFit)
                 : limiting         ? verdictColour(fit->verdict)
                                    : QColor());
    mChecks->setItem(r, ColMargin, margin);
  }
}

QString WorkloadFitView::trainingFigures(const WorkloadFit& fit) {
  const TrainingFit& t = fit.training;
  QList<std::pair<QString, QString>> figures{
      {tr("Parameters"), formatQuantity(t.parameters, Quantity::LargeCount)},
      {tr("Tokens"), formatQuantity(t.tokens, Quantity::LargeCount)},
      {tr("FLOPs"), formatQuantity(t.flops, Quantity::Flops)},
      {tr("GPUs"), formatQuantity(t.gpus, Quantity::Count)},
      {tr("MFU"), formatQuantity(t.mfu * 100.0, Quantity::Percent)},
      {tr("Goodput"), formatQuantity(t.goodput * 100.0, Quantity::Percent)},
      {tr("Time"), formatDays(t.days)},
      {tr("GPU-hours"), formatQuantity(t.gpuHours, Quantity::LargeCount)},
      {tr("Memory / GPU"), formatQuantity(t.memoryPerGpuBytes, Quantity::Bytes)},
      {tr("Min GPUs for memory"), formatQuantity(t.minGpusForMemory, Quantity::Count)},
      {tr("Step"), formatQuantity(t.stepSeconds, Quantity::DurationS)},
      {tr("All-reduce / step"), formatQuantity(t.commFraction * 100.0, Quantity::Percent)},
      {tr("Checkpoint"), formatQuantity(t.checkpointBytes, Quantity::Bytes)},
      {tr("Checkpoint interval"), formatQuantity(t.checkpointIntervalSeconds, Quantity::DurationS)},
  };
  if (fit.kind == WorkloadKind::FineTuning && t.gpuHoursPerMonth > 0.0) {
    figures.insert(
        8, {tr("GPU-hours / month"), formatQuantity(t.gpuHoursPerMonth, Quantity::LargeCount)});
  }
  return figureTable(figures) +
         QStringLiteral("<p style='color:#607d8b'>%1 · MFU: %2</p>")
             .arg(parallelismText(t.parallelism).toHtmlEscaped(), t.mfuSource.toHtmlEscaped());
}

QString WorkloadFitView::inferenceFigures(const WorkloadFit& fit) {
  const InferenceFit& i = fit.inference;
  const auto& r = i.replica;
  QList<std::pair<QString, QString>> figures{
      {tr("Parameters"), formatQuantity(i.parameters, Quantity::LargeCount)},
      {tr("Weights"), formatQuantity(r.weightsBytes, Quantity::Bytes)},
      {tr("KV cache / token"), formatQuantity(r.kvBytesPerToken, Quantity::Bytes)},
      {tr("Replica"),
       (r.gpus == 1 ? tr("1 GPU") : tr("%1 GPUs").arg(formatQuantity(r.gpus, Quantity::Count))) +
           tr(", batch %1").arg(formatQuantity(r.batch, Quantity::Count))},
      {tr("Replicas"), formatQuantity(i.replicas, Quantity::Count)},
      {tr("GPUs"), formatQuantity(i.gpus, Quantity::Count)},
      {tr("TTFT"), formatQuantity(r.ttftS, Quantity::DurationS)},
      {tr("TPOT"), formatQuantity(r.tpotS, Quantity::DurationS)},
      {tr("Served"), formatTokensPerSecond(i.tokensPerSecond)},
      {tr("Capacity"), formatTokensPerSecond(i.capacityTokensPerSecond)},
      {tr("Cost"), formatUsdPerMillion(i.cost.usdPerMillion)},
      {tr("At full load"), formatUsdPerMillion(i.costAtFullLoad.usdPerMillion)},
      {tr("Energy / token"), formatQuantity(i.cost.joulesPerToken, Quantity::EnergyJ)},
  };
  if (i.tiered) {
    figures.append({tr("Untiered cost"), formatUsdPerMillion(i.untieredUsdPerMillion)});
    figures.append({tr("Tiering saves"), formatQuantity(i.tieringSavingPct, Quantity::Percent)});
  }
  QString note = tr("Batch limited by %1; energy %2, hardware %3")
                     .arg(r.limit.isEmpty() ? tr("—") : r.limit,
                          formatUsdPerMillion(i.cost.energyUsdPerMillion),
                          formatUsdPerMillion(i.cost.hardwareUsdPerMillion));
  return figureTable(figures) +
         QStringLiteral("<p style='color:#607d8b'>%1</p>").arg(note.toHtmlEscaped());
}

}  // namespace dc
