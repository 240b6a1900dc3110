// SPDX-License-Identifier: GPL-3.0-or-later
#include "spectable.h"

#include "catalog/specrows.h"

#include <QHeaderView>

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
  // Figure and value columns keep a readable width; long texts are elided and shown whole in
  // the tooltip, so the source column stays on screen.
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
  setWordWrap(false);
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
}

}  // namespace dc
