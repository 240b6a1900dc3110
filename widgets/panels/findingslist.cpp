// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingslist.h"

#include <QColor>
#include <QCoreApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>

namespace dc {

QTreeWidget* newFindingsList(const QString& objectName) {
  auto* list = new QTreeWidget;
  list->setObjectName(objectName);
  list->setColumnCount(2);
  list->setHeaderLabels({QCoreApplication::translate("dc::FindingsList", "Code"),
                         QCoreApplication::translate("dc::FindingsList", "Finding")});
  list->setRootIsDecorated(false);
  list->setWordWrap(true);
  list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  list->header()->setStretchLastSection(true);
  return list;
}

int showFindingsIn(QTreeWidget* list, const QList<const Finding*>& findings, const QString& none) {
  list->clear();
  for (const Finding* finding : findings) {
    auto* item = new QTreeWidgetItem(list);
    item->setText(0, finding->code);
    item->setText(1, finding->message);
    item->setToolTip(1, finding->message);
    item->setIcon(0, list->style()->standardIcon(finding->severity == Finding::Severity::Error
                                                     ? QStyle::SP_MessageBoxCritical
                                                 : finding->severity == Finding::Severity::Warning
                                                     ? QStyle::SP_MessageBoxWarning
                                                     : QStyle::SP_MessageBoxInformation));
  }
  if (findings.isEmpty()) {
    auto* item = new QTreeWidgetItem(list);
    item->setText(1, none);
    item->setForeground(1, QColor(0x78, 0x90, 0x9c));
    item->setFlags(Qt::NoItemFlags);
  }
  return int(findings.size());
}

}  // namespace dc
