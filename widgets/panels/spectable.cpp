// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectable.h"

#include "catalog/specrows.h"

#include <QFont>
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
    if (index.column() >= 2) {  // the source column
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

SpecTable::SpecTable(QWidget* parent) : QTableWidget(0, 3, parent) {
  setHorizontalHeaderLabels({tr("Figure"), tr("Value"), tr("Source")});
  // Figure names and values wrap so nothing of them is hidden; the source column leads with the
  // confidence and is elided after it, whole in the tooltip, so it never pushes the table wider.
  horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
  horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
  setColumnWidth(0, fontMetrics().horizontalAdvance(QStringLiteral("Accelerators: Memory ")));
  setColumnWidth(1, fontMetrics().horizontalAdvance(QStringLiteral("8 × 400 Gb/s · QSFP112 ·  ")));
  setTextElideMode(Qt::ElideRight);
  horizontalHeader()->setStretchLastSection(true);
  horizontalHeader()->setMinimumSectionSize(
      fontMetrics().horizontalAdvance(QStringLiteral("Secondary · ")));
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
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
    QString tip = confidenceName(f.confidence) + QStringLiteral("\n") + f.source.title +
                  QLatin1Char('\n') + f.source.url;
    if (!f.note.isEmpty()) {
      tip += QStringLiteral("\n\n") + f.note;
    }
    setItem(r, 1, cell(row.text, f.note));
    QTableWidgetItem* source =
        cell(confidenceBadge(f.confidence) + QStringLiteral(" · ") + f.source.title, tip);
    if (f.confidence == Confidence::Estimate) {
      // An estimate is the one figure a reviewer must check first: it stands out.
      source->setForeground(QColor(0x9c, 0x57, 0x00));
      QFont italic = source->font();
      italic.setItalic(true);
      source->setFont(italic);
    }
    setItem(r, 2, source);
  }
  resizeRowsToContents();
}

}  // namespace dc
