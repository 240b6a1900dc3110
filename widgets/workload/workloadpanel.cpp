// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadpanel.h"

#include "fitformat.h"
#include "format/quantityformat.h"
#include "panels/findingslist.h"
#include "poolpalette.h"
#include "power/powerformat.h"
#include "workloadcharts.h"
#include "workloadfitview.h"

#include <QBoxLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dc {

using namespace fitview;
using powerview::tableItem;
using powerview::tint;

namespace {
constexpr int kIdRole = Qt::UserRole + 1;

QTableWidget* listTable(int columns, const QStringList& headers, int rows, int lines,
                        QWidget* parent) {
  auto* table = new QTableWidget(0, columns, parent);
  table->setHorizontalHeaderLabels(headers);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setSelectionMode(QAbstractItemView::SingleSelection);
  table->setAlternatingRowColors(true);
  table->setWordWrap(false);
  table->verticalHeader()->hide();
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setStretchLastSection(true);
  table->verticalHeader()->setDefaultSectionSize(lines * table->fontMetrics().lineSpacing() + 8);
  table->setMaximumHeight(table->horizontalHeader()->sizeHint().height() +
                          rows * table->verticalHeader()->defaultSectionSize() + 4);
  return table;
}

/// A placeholder row spanning the table, not selectable.
void showHint(QTableWidget* table, const QString& text) {
  table->setRowCount(1);
  auto* hint = tableItem(text);
  hint->setFlags(Qt::NoItemFlags);
  table->setItem(0, 0, hint);
  table->setSpan(0, 0, 1, table->columnCount());
}

bool concerns(const Finding& finding, const Workload& workload) {
  const auto names = [&](const ObjectRef& ref) {
    return (ref.kind == ObjectKind::Workload && ref.id == workload.id.uuid()) ||
           (ref.kind == ObjectKind::WorkloadPool && ref.id == workload.poolId.uuid());
  };
  return names(finding.subject) ||
         std::any_of(finding.related.cbegin(), finding.related.cend(), names);
}
}  // namespace

WorkloadPanel::WorkloadPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  mLayout = new QBoxLayout(QBoxLayout::TopToBottom, this);
  mLayout->setContentsMargins(6, 6, 6, 6);
  mLayout->setSpacing(8);
  mLayout->addWidget(buildListPane());
  mLayout->addWidget(buildTabs(), 1);
  connect(&mDocument, &DesignDocument::changed, this, &WorkloadPanel::queueRebuild);
  rebuild();
}

WorkloadPanel::~WorkloadPanel() = default;

void WorkloadPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  const bool wide = width() > 2 * height();
  const QBoxLayout::Direction wanted = wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
  if (mLayout->direction() != wanted) {
    mLayout->setDirection(wanted);
    mLayout->setStretch(0, wide ? 1 : 0);
    mLayout->setStretch(1, 1);
  }
}

QWidget* WorkloadPanel::buildListPane() {
  auto* pane = new QWidget;
  auto* layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  mTitle = new QLabel(pane);
  mTitle->setTextFormat(Qt::RichText);
  layout->addWidget(mTitle);
  mPools = listTable(PoolColumnCount, {tr("Pool"), tr("Scheduler"), tr("Racks"), tr("GPUs")}, 3, 1,
                     pane);
  mPools->horizontalHeader()->setStretchLastSection(false);
  mPools->horizontalHeader()->setSectionResizeMode(PoolName, QHeaderView::Stretch);
  mPools->setObjectName(QStringLiteral("poolTable"));
  layout->addWidget(mPools);
  auto* poolButtons = new QHBoxLayout;
  mAddPool = new QPushButton(tr("Add pool"), pane);
  mAddPool->setObjectName(QStringLiteral("addPoolButton"));
  auto* addMenu = new QMenu(mAddPool);
  addMenu->addAction(tr("From the selected racks…"), this, [this] { openNewPoolDialog(false); });
  addMenu->addAction(tr("From whole rows of the selection…"), this,
                     [this] { openNewPoolDialog(true); });
  mAddPool->setMenu(addMenu);
  mEditPool = new QPushButton(tr("Edit…"), pane);
  mEditPool->setObjectName(QStringLiteral("editPoolButton"));
  mRemovePool = new QPushButton(tr("Remove"), pane);
  mRemovePool->setObjectName(QStringLiteral("removePoolButton"));
  for (QPushButton* b : {mAddPool, mEditPool, mRemovePool}) {
    poolButtons->addWidget(b);
  }
  poolButtons->addStretch(1);
  layout->addLayout(poolButtons);

  mWorkloads =
      listTable(WlColumnCount, {tr("Workload"), tr("Verdict"), tr("Key figures")}, 3, 2, pane);
  mWorkloads->setObjectName(QStringLiteral("workloadTable"));
  mWorkloads->horizontalHeaderItem(WlVerdict)->setToolTip(
      tr("The verdict, the limiting resource and its margin (available / required "
         "− 1)"));
  layout->addWidget(mWorkloads);
  auto* workloadButtons = new QHBoxLayout;
  mAddWorkload = new QPushButton(tr("Add workload…"), pane);
  mAddWorkload->setObjectName(QStringLiteral("addWorkloadButton"));
  mEditWorkload = new QPushButton(tr("Edit…"), pane);
  mEditWorkload->setObjectName(QStringLiteral("editWorkloadButton"));
  mRemoveWorkload = new QPushButton(tr("Remove"), pane);
  mRemoveWorkload->setObjectName(QStringLiteral("removeWorkloadButton"));
  for (QPushButton* b : {mAddWorkload, mEditWorkload, mRemoveWorkload}) {
    workloadButtons->addWidget(b);
  }
  workloadButtons->addStretch(1);
  layout->addLayout(workloadButtons);

  connect(mEditPool, &QPushButton::clicked, this, &WorkloadPanel::openEditPoolDialog);
  connect(mRemovePool, &QPushButton::clicked, this, [this] { removePool(currentPoolId()); });
  connect(mAddWorkload, &QPushButton::clicked, this, &WorkloadPanel::openNewWorkloadDialog);
  connect(mEditWorkload, &QPushButton::clicked, this, &WorkloadPanel::openEditWorkloadDialog);
  connect(mRemoveWorkload, &QPushButton::clicked, this,
          [this] { removeWorkload(currentWorkloadId()); });
  connect(mPools, &QTableWidget::itemSelectionChanged, this, &WorkloadPanel::updateButtons);
  connect(mPools, &QTableWidget::cellClicked, this, [this] {
    if (const WorkloadPool* pool = mDocument.project().findWorkloadPool(currentPoolId())) {
      Q_EMIT poolRacksRequested(mDocument.project().poolRackIds(*pool));
    }
  });
  connect(mPools, &QTableWidget::cellDoubleClicked, this, &WorkloadPanel::openEditPoolDialog);
  connect(mWorkloads, &QTableWidget::itemSelectionChanged, this, [this] {
    updateButtons();
    showCurrent();
  });
  connect(mWorkloads, &QTableWidget::cellDoubleClicked, this,
          &WorkloadPanel::openEditWorkloadDialog);
  return pane;
}

QWidget* WorkloadPanel::buildTabs() {
  mTabs = new QTabWidget;
  mTabs->setObjectName(QStringLiteral("workloadTabs"));
  mTabs->setDocumentMode(true);
  mFitView = new WorkloadFitView;
  mTabs->addTab(mFitView, tr("Fit"));
  mCharts = new WorkloadCharts;
  mTabs->addTab(mCharts, tr("Charts"));
  mFindings = newFindingsList(QStringLiteral("workloadFindings"));
  mTabs->addTab(mFindings, tr("Findings"));
  return mTabs;
}

void WorkloadPanel::setAnalysis(const Analysis& analysis) {
  mResult = std::make_shared<const WorkloadResult>(analysis.workload);
  mAssumptions = analysis.assumptions;
  rebuild();
}

void WorkloadPanel::setSelection(const QList<RackId>& ids) {
  mSelection = ids;
  updateButtons();
}

HallId WorkloadPanel::hallId() const {
  const Rack* rack = mSelection.isEmpty() ? nullptr : mDocument.project().findRack(mSelection[0]);
  return rack ? rack->hallId() : mDocument.activeHallId();
}

WorkloadPoolId WorkloadPanel::currentPoolId() const {
  const int row = mPools->currentRow();
  const QTableWidgetItem* item = row >= 0 ? mPools->item(row, PoolName) : nullptr;
  return item ? WorkloadPoolId::fromString(item->data(kIdRole).toString()) : WorkloadPoolId();
}

WorkloadId WorkloadPanel::currentWorkloadId() const {
  const int row = mWorkloads->currentRow();
  const QTableWidgetItem* item = row >= 0 ? mWorkloads->item(row, WlName) : nullptr;
  return item ? WorkloadId::fromString(item->data(kIdRole).toString()) : WorkloadId();
}

void WorkloadPanel::selectPool(WorkloadPoolId id) {
  for (int row = 0; row < mPools->rowCount(); ++row) {
    const QTableWidgetItem* item = mPools->item(row, PoolName);
    if (item && item->data(kIdRole).toString() == id.toString()) {
      mPools->selectRow(row);
      return;
    }
  }
}

void WorkloadPanel::selectWorkload(WorkloadId id) {
  for (int row = 0; row < mWorkloads->rowCount(); ++row) {
    const QTableWidgetItem* item = mWorkloads->item(row, WlName);
    if (item && item->data(kIdRole).toString() == id.toString()) {
      mWorkloads->selectRow(row);
      return;
    }
  }
}

void WorkloadPanel::queueRebuild() {
  if (!mRebuildQueued) {
    mRebuildQueued = true;
    QMetaObject::invokeMethod(this, &WorkloadPanel::rebuild, Qt::QueuedConnection);
  }
}

void WorkloadPanel::rebuild() {
  mRebuildQueued = false;
  rebuildPools();
  rebuildWorkloads();
  const Project& project = mDocument.project();
  int fits = 0;
  for (const Workload& workload : project.workloads()) {
    const WorkloadFit* fit = mResult ? mResult->fit(workload.id) : nullptr;
    fits +=
        fit && fit->verdict != FitVerdict::DoesNotFit && fit->verdict != FitVerdict::NotAssessed;
  }
  mTitle->setText(
      project.workloads().isEmpty()
          ? tr("<b>Workloads</b>")
          : tr("<b>Workloads</b> · %1 of %2 fit").arg(fits).arg(project.workloads().size()));
  updateButtons();
  showCurrent();
}

void WorkloadPanel::rebuildPools() {
  const Project& project = mDocument.project();
  const WorkloadPoolId keep = currentPoolId();
  const QSignalBlocker blocker(mPools);
  mPools->clearContents();
  mPools->clearSpans();
  mPools->setRowCount(int(project.workloadPools().size()));
  int current = project.workloadPools().isEmpty() ? -1 : 0;
  for (int r = 0; r < project.workloadPools().size(); ++r) {
    const WorkloadPool& pool = project.workloadPools()[r];
    const PoolSummary* summary = mResult ? mResult->pool(pool.id) : nullptr;
    auto* name = tableItem(pool.name);
    name->setIcon(poolSwatch(pool.colourIndex));
    name->setData(kIdRole, pool.id.toString());
    mPools->setItem(r, PoolName, name);
    mPools->setItem(r, PoolScheduler, tableItem(schedulerName(pool.scheduler)));
    mPools->setItem(
        r, PoolRacks,
        tableItem(formatQuantity(double(project.poolRackIds(pool).size()), Quantity::Count), true));
    auto* gpus = tableItem(
        summary ? formatQuantity(summary->gpus, Quantity::Count) : QStringLiteral("—"), true);
    if (summary) {
      gpus->setToolTip(summary->mixedGpus
                           ? tr("%1 (mixed: the most common)").arg(summary->gpu.model)
                           : summary->gpu.model);
    }
    mPools->setItem(r, PoolGpus, gpus);
    current = pool.id == keep ? r : current;
  }
  if (project.workloadPools().isEmpty()) {
    showHint(mPools, tr("No pool yet: select racks on the floor plan, then Add pool"));
  } else if (current >= 0) {
    mPools->selectRow(current);
  }
}

void WorkloadPanel::rebuildWorkloads() {
  const Project& project = mDocument.project();
  const WorkloadId keep = currentWorkloadId();
  const QSignalBlocker blocker(mWorkloads);
  mWorkloads->clearContents();
  mWorkloads->clearSpans();
  mWorkloads->setRowCount(int(project.workloads().size()));
  int current = project.workloads().isEmpty() ? -1 : 0;
  for (int r = 0; r < project.workloads().size(); ++r) {
    const Workload& workload = project.workloads()[r];
    const WorkloadFit* fit = mResult ? mResult->fit(workload.id) : nullptr;
    const WorkloadPool* pool = project.findWorkloadPool(workload.poolId);
    auto* name = tableItem(workload.name + QLatin1Char('\n') + workloadKindName(workload.kind) +
                           QStringLiteral(" · ") + (pool ? pool->name : tr("no pool")));
    name->setData(kIdRole, workload.id.toString());
    if (pool) {
      name->setIcon(poolSwatch(pool->colourIndex));
    }
    mWorkloads->setItem(r, WlName, name);
    auto* verdict = tableItem(fit ? verdictLines(*fit) : tr("not analysed yet"));
    verdict->setToolTip(fit ? verdictSummary(*fit) : QString());
    tint(verdict, fit ? verdictColour(fit->verdict) : QColor());
    mWorkloads->setItem(r, WlVerdict, verdict);
    auto* figures = tableItem(fit ? keyFigures(*fit) : QStringLiteral("—"));
    figures->setToolTip(figures->text().replace(QLatin1Char('\n'), QStringLiteral(" · ")));
    mWorkloads->setItem(r, WlFigures, figures);
    current = workload.id == keep ? r : current;
  }
  if (project.workloads().isEmpty()) {
    showHint(mWorkloads, project.workloadPools().isEmpty()
                             ? tr("No workload yet: add a pool first")
                             : tr("No workload yet: Add workload… to check what the pool fits"));
  } else if (current >= 0) {
    mWorkloads->selectRow(current);
  }
}

void WorkloadPanel::showCurrent() {
  const Workload* workload = mDocument.project().findWorkload(currentWorkloadId());
  const WorkloadFit* fit = workload && mResult ? mResult->fit(workload->id) : nullptr;
  const PoolSummary* pool = workload && mResult ? mResult->pool(workload->poolId) : nullptr;
  mFitView->showFit(
      fit, workload ? tr("<i>%1: not analysed yet.</i>").arg(workload->name.toHtmlEscaped())
                    : QString());
  mCharts->showWorkload(workload, pool, mAssumptions);
  showFindings(workload);
}

void WorkloadPanel::showFindings(const Workload* workload) {
  QList<const Finding*> shown;
  for (const Finding& finding : mResult ? mResult->findings : QList<Finding>()) {
    if (!workload || concerns(finding, *workload)) {
      shown.append(&finding);
    }
  }
  const int count = showFindingsIn(mFindings, shown, tr("No workload findings"));
  mTabs->setTabText(TabFindings, count > 0 ? tr("Findings (%1)").arg(count) : tr("Findings"));
}

void WorkloadPanel::updateButtons() {
  const bool pool = !currentPoolId().isNull();
  const bool workload = !currentWorkloadId().isNull();
  mAddPool->setEnabled(!mSelection.isEmpty());
  mAddPool->setToolTip(
      mSelection.isEmpty()
          ? tr("Select the pool's racks on the floor plan first")
          : tr("A pool of the %1 selected racks, or of their rows").arg(mSelection.size()));
  mEditPool->setEnabled(pool);
  mRemovePool->setEnabled(pool);
  mAddWorkload->setEnabled(!mDocument.project().workloadPools().isEmpty());
  mEditWorkload->setEnabled(workload);
  mRemoveWorkload->setEnabled(workload);
}

}  // namespace dc
