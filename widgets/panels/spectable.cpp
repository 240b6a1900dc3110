// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectable.h"

#include "catalog/specrows.h"

#include <QHeaderView>
#include <QStyledItemDelegate>

namespace dc {

namespace {
QTableWidgetItem* cell(const QString& text, const QString& tip = {}) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  if (!tip.isEmpty()) {
    item->setToolTip(tip);
  }
  return item;
}

/// Figure names and values wrap onto a second line rather than hide their end; confidence and
/// source stay on one line (elided, whole in the tooltip) so a row never grows for them.
class WrapFigureColumns final : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;

 protected:
  void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() >= 2) {
      option->features &= ~QStyleOptionViewItem::WrapText;
    }
  }
};

QString confidenceBadge(Confidence confidence) {
  switch (confidence) {
    case Confidence::Vendor:
      return QStringLiteral("Vendor");
    case Confidence::Secondary:
      return QStringLiteral("Secondary");
    case Confidence::Derived:
      return QStringLiteral("Derived");
    case Confidence::Estimate:
      return QStringLiteral("Estimate");
  }
  return {};
}
}  // namespace

SpecTable::SpecTable(QWidget* parent) : QTableWidget(0, 4, parent) {
  setHorizontalHeaderLabels({tr("Figure"), tr("Value"), tr("Confidence"), tr("Source")});
  // Figure and value columns keep a readable width and wrap long texts; the source column is
  // elided and shown whole in the tooltip, so it stays on screen.
  horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
  horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
  setColumnWidth(0, fontMetrics().horizontalAdvance(QStringLiteral("Accelerators: Memory  ")));
  setColumnWidth(1, fontMetrics().horizontalAdvance(QStringLiteral("10,200,000 W   ")));
  setTextElideMode(Qt::ElideRight);
  horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(true);
  verticalHeader()->hide();
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setAlternatingRowColors(true);
  setWordWrap(true);
  setItemDelegate(new WrapFigureColumns(this));
  connect(horizontalHeader(), &QHeaderView::sectionResized, this,
          [this] { resizeRowsToContents(); });
}

void SpecTable::showItem(const CatalogItem* item) {
  setRowCount(0);
  if (!item) {
    return;
  }
  const QList<SpecRow> rows = specRows(*item);
  setRowCount(int(rows.size()));
  for (int r = 0; r < rows.size(); ++r) {
    const SpecRow& row = rows[r];
    setItem(r, 0, cell(row.label, row.path));
    if (!row.figure) {
      setItem(r, 1, cell(row.text, row.text));
      continue;
    }
    const SpecValue& f = *row.figure;
    QString tip = f.source.title + QLatin1Char('\n') + f.source.url;
    if (!f.note.isEmpty()) {
      tip += QStringLiteral("\n\n") + f.note;
    }
    setItem(r, 1, cell(row.text, f.note));
    setItem(r, 2, cell(confidenceBadge(f.confidence), confidenceName(f.confidence)));
    setItem(r, 3, cell(f.source.title, tip));
  }
  resizeRowsToContents();
}

}  // namespace dc
