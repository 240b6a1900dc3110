// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogproblemsdialog.h"

#include "support/plural.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dc {

CatalogProblemsDialog::CatalogProblemsDialog(const QList<CatalogProblem>& problems, QWidget* parent)
    : QDialog(parent) {
  setWindowTitle(tr("Catalog problems"));
  setObjectName(QStringLiteral("catalogProblemsDialog"));
  int errors = 0;
  for (const CatalogProblem& p : problems) {
    errors += p.severity == CatalogProblem::Severity::Error ? 1 : 0;
  }
  auto* summary =
      new QLabel(problems.isEmpty() ? tr("The catalog loaded without problems.")
                                    : tr("%1; %2 left out. Everything else loaded.")
                                          .arg(countOf(problems.size(), "problem", "problems"),
                                               countOf(errors, "entry", "entries")));
  auto* tree = new QTreeWidget;
  tree->setObjectName(QStringLiteral("problems"));
  tree->setRootIsDecorated(false);
  tree->setHeaderLabels({tr("Severity"), tr("File"), tr("Item"), tr("Field"), tr("Problem")});
  for (const CatalogProblem& p : problems) {
    auto* row = new QTreeWidgetItem(
        tree, {CatalogProblem::severityKey(p.severity), p.file, p.itemId, p.path, p.message});
    row->setIcon(0, style()->standardIcon(p.severity == CatalogProblem::Severity::Error
                                              ? QStyle::SP_MessageBoxCritical
                                          : p.severity == CatalogProblem::Severity::Warning
                                              ? QStyle::SP_MessageBoxWarning
                                              : QStyle::SP_MessageBoxInformation));
    row->setToolTip(4, p.toString());
  }
  for (int c = 0; c < 4; ++c) {
    tree->resizeColumnToContents(c);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary);
  layout->addWidget(tree, 1);
  layout->addWidget(buttons);
  resize(980, 420);
}

}  // namespace dc
