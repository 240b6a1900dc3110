// SPDX-License-Identifier: GPL-3.0-or-later
#include "failurepanel.h"

#include "floorplan/floorpalette.h"

#include <QCollator>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dc {

namespace {

constexpr int kRackIdRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2;

/// Worst first: down, degraded, not modelled, holds.
int verdictRank(RackVerdict verdict) {
  switch (verdict) {
    case RackVerdict::Down:
      return 0;
    case RackVerdict::Degraded:
      return 1;
    case RackVerdict::NotModelled:
      return 2;
    case RackVerdict::Holds:
      return 3;
  }
  return 4;
}

/// Sorts by its kSortRole (a position in the worst-first, then natural-name order) when it has
/// one, else by its text in natural order ("A2" before "A10").
class SortItem final : public QTableWidgetItem {
 public:
  using QTableWidgetItem::QTableWidgetItem;
  bool operator<(const QTableWidgetItem& other) const override {
    const QVariant mine = data(kSortRole);
    const QVariant theirs = other.data(kSortRole);
    if (mine.isValid() && theirs.isValid()) {
      return mine.toInt() < theirs.toInt();
    }
    return collator().compare(text(), other.text()) < 0;
  }
  static const QCollator& collator() {
    static const QCollator c = [] {
      QCollator made;
      made.setNumericMode(true);
      made.setCaseSensitivity(Qt::CaseInsensitive);
      return made;
    }();
    return c;
  }
};

/// Enter or Return on a row activates it, as a double-click does, on every platform.
class VerdictTable final : public QTableWidget {
 public:
  using QTableWidget::QTableWidget;

 protected:
  void keyPressEvent(QKeyEvent* event) override {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        currentIndex().isValid()) {
      Q_EMIT activated(currentIndex());
      event->accept();
      return;
    }
    QTableWidget::keyPressEvent(event);
  }
  void mouseDoubleClickEvent(QMouseEvent* event) override {
    QTableWidget::mouseDoubleClickEvent(event);
    // Styles that activate on a single click do not activate again on the double-click.
    if (style()->styleHint(QStyle::SH_ItemView_ActivateItemOnSingleClick, nullptr, this) &&
        currentIndex().isValid()) {
      Q_EMIT activated(currentIndex());
    }
  }
};

}  // namespace

FailurePanel::FailurePanel(DesignDocument& document, const Catalog& /*catalog*/, QWidget* parent)
    : QWidget(parent), mDocument(document) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  mStack = new QStackedWidget(this);
  layout->addWidget(mStack);

  mEmpty = new QLabel(tr("Normal operation: no failure is simulated. Choose a failure scenario "
                         "in the toolbar (Failure scenario) to see which racks hold, degrade or "
                         "go down."),
                      this);
  mEmpty->setObjectName(QStringLiteral("failureEmptyText"));
  mEmpty->setWordWrap(true);
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setForegroundRole(QPalette::PlaceholderText);
  mStack->addWidget(mEmpty);

  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 0);
  mHeader = new QLabel(page);
  mHeader->setObjectName(QStringLiteral("failureSummary"));
  mHeader->setTextFormat(Qt::RichText);
  pageLayout->addWidget(mHeader);
  mTable = new VerdictTable(0, ColumnCount, page);
  mTable->setObjectName(QStringLiteral("failureTable"));
  mTable->setHorizontalHeaderLabels({tr("Rack"), tr("Row"), tr("Verdict"), tr("Reason")});
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
  mTable->setAlternatingRowColors(true);
  mTable->setWordWrap(false);
  mTable->setTextElideMode(Qt::ElideRight);
  mTable->verticalHeader()->hide();
  mTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  mTable->verticalHeader()->setDefaultSectionSize(mTable->fontMetrics().height() + 8);
  mTable->horizontalHeader()->setHighlightSections(false);
  mTable->horizontalHeader()->setSectionResizeMode(ColRack, QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setSectionResizeMode(ColRow, QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setSectionResizeMode(ColVerdict, QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setStretchLastSection(true);
  mTable->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  mTable->setSortingEnabled(true);
  mTable->sortByColumn(ColVerdict, Qt::AscendingOrder);
  pageLayout->addWidget(mTable, 1);
  mStack->addWidget(page);

  connect(mTable, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
    const RackId id = rackAt(index.row());
    if (!id.isNull()) {
      Q_EMIT rackActivated(id);
    }
  });
  rebuild();
}

void FailurePanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuild();
}

void FailurePanel::setSelection(const QList<RackId>& ids) {
  mSelection = ids;
  applySelection();
}

QString FailurePanel::summary() const {
  const FailureResult& failure = mAnalysis.failure();
  if (failure.scenario.kind == FailureScenario::Kind::None) {
    return {};
  }
  return tr("%1 — %2 hold · %3 degraded · %4 down · %5 not modelled")
      .arg(failure.description)
      .arg(failure.holds)
      .arg(failure.degraded)
      .arg(failure.down)
      .arg(failure.notModelled);
}

RackId FailurePanel::rackAt(int row) const {
  const QTableWidgetItem* item = row >= 0 ? mTable->item(row, ColRack) : nullptr;
  return item ? RackId::fromUuid(item->data(kRackIdRole).toUuid()) : RackId();
}

void FailurePanel::rebuild() {
  const FailureResult& failure = mAnalysis.failure();
  if (failure.scenario.kind == FailureScenario::Kind::None) {
    mTable->setRowCount(0);
    mHeader->clear();
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  mStack->setCurrentIndex(1);
  mHeader->setText(tr("<b>%1</b> — %2 hold · %3 degraded · %4 down · %5 not modelled")
                       .arg(failure.description.toHtmlEscaped())
                       .arg(failure.holds)
                       .arg(failure.degraded)
                       .arg(failure.down)
                       .arg(failure.notModelled));

  struct Row {
    const Rack* rack;
    RackOutcome outcome;
  };
  QList<Row> rows;
  for (const Rack& rack : mDocument.project().racks()) {
    const auto it = failure.racks.constFind(rack.id());
    if (it != failure.racks.cend()) {
      rows.append({&rack, *it});
    }
  }
  const QCollator& collator = SortItem::collator();
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const int ra = verdictRank(a.outcome.verdict);
    const int rb = verdictRank(b.outcome.verdict);
    return ra != rb ? ra < rb : collator.compare(a.rack->name(), b.rack->name()) < 0;
  });

  // Fill unsorted, then let the header's sort (worst first unless the user chose another
  // column) order the rows.
  const int sortColumn = mTable->horizontalHeader()->sortIndicatorSection();
  const Qt::SortOrder sortOrder = mTable->horizontalHeader()->sortIndicatorOrder();
  mTable->setSortingEnabled(false);
  mTable->clearContents();
  mTable->setRowCount(int(rows.size()));
  for (int i = 0; i < rows.size(); ++i) {
    const Row& row = rows[i];
    const QColor colour = verdictColor(row.outcome.verdict);
    auto* name = new SortItem(row.rack->name());
    name->setData(kRackIdRole, row.rack->id().uuid());
    auto* rowItem = new SortItem(row.rack->row());
    auto* verdict = new SortItem(rackVerdictName(row.outcome.verdict));
    verdict->setData(kSortRole, i);
    verdict->setBackground(colour);
    verdict->setForeground(QColor(0x21, 0x21, 0x21));
    verdict->setTextAlignment(Qt::AlignCenter);
    auto* reason = new SortItem(row.outcome.reason);
    reason->setToolTip(row.outcome.reason);
    mTable->setItem(i, ColRack, name);
    mTable->setItem(i, ColRow, rowItem);
    mTable->setItem(i, ColVerdict, verdict);
    mTable->setItem(i, ColReason, reason);
  }
  mTable->setSortingEnabled(true);
  mTable->sortByColumn(sortColumn, sortOrder);
  applySelection();
}

void FailurePanel::applySelection() {
  const QSignalBlocker blocker(mTable->selectionModel());
  mTable->clearSelection();
  int first = -1;
  for (int row = 0; row < mTable->rowCount(); ++row) {
    if (mSelection.contains(rackAt(row))) {
      mTable->selectRow(row);
      first = first < 0 ? row : first;
    }
  }
  if (first >= 0) {
    mTable->scrollToItem(mTable->item(first, ColRack));
  }
}

}  // namespace dc
