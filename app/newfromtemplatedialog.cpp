// SPDX-License-Identifier: GPL-3.0-or-later
#include "newfromtemplatedialog.h"

#include "edit/templateimport.h"
#include "format/quantityformat.h"
#include "support/plural.h"
#include "templatepreview.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dc {

namespace {

constexpr int kTemplateIndexRole = Qt::UserRole + 1;
constexpr double kTileStepM = 0.6;  ///< the size fields step by one floor tile

/// "Title, https://..." as a link to the URL, the text escaped.
QString sourceHtml(const QString& source) {
  static const QRegularExpression url(QStringLiteral("^(.*),\\s*(https?://\\S+)\\s*$"));
  const QRegularExpressionMatch match = url.match(source);
  if (!match.hasMatch()) {
    return source.toHtmlEscaped();
  }
  return QStringLiteral("<a href=\"%1\">%2</a>")
      .arg(match.captured(2).toHtmlEscaped(), match.captured(1).toHtmlEscaped());
}

QString listHtml(const QString& heading, const QStringList& items) {
  if (items.isEmpty()) {
    return {};
  }
  QString html = QStringLiteral("<h4>%1</h4><ul>").arg(heading.toHtmlEscaped());
  for (const QString& item : items) {
    html += QStringLiteral("<li>%1</li>").arg(item);
  }
  return html + QStringLiteral("</ul>");
}

QStringList escaped(const QStringList& items) {
  QStringList out;
  for (const QString& item : items) {
    out.append(item.toHtmlEscaped());
  }
  return out;
}

QDoubleSpinBox* sizeField(const QString& objectName) {
  auto* field = new QDoubleSpinBox;
  field->setObjectName(objectName);
  field->setRange(kMinHallSideMm / 1000.0, kMaxHallSideMm / 1000.0);
  field->setDecimals(1);
  field->setSingleStep(kTileStepM);
  field->setSuffix(QStringLiteral(" m"));
  field->setKeyboardTracking(false);  // reload the preview once per value, not per keystroke
  return field;
}

}  // namespace

NewFromTemplateDialog::NewFromTemplateDialog(const Catalog& catalog, QWidget* parent,
                                             const QString& folder)
    : QDialog(parent), mCatalog(catalog), mTemplates(listTemplates(folder)) {
  setObjectName(QStringLiteral("newFromTemplateDialog"));
  setWindowTitle(tr("New from Template"));

  mList = new QTreeWidget;
  mList->setObjectName(QStringLiteral("templateList"));
  mList->setHeaderHidden(true);
  mList->setMinimumWidth(300);
  auto* left = new QWidget;
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(mList);
  if (!mTemplates.problems.isEmpty()) {
    auto* problems = new QLabel(
        tr("%1 could not be read:")
            .arg(countOf(mTemplates.problems.size(), "template file", "template files")) +
        QStringLiteral("<br>") + escaped(mTemplates.problems).join(QStringLiteral("<br>")));
    problems->setObjectName(QStringLiteral("templateProblems"));
    problems->setWordWrap(true);
    problems->setStyleSheet(QStringLiteral("color: #b71c1c"));
    leftLayout->addWidget(problems);
  }

  mTitle = new QLabel;
  QFont titleFont = mTitle->font();
  titleFont.setBold(true);
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
  mTitle->setFont(titleFont);
  mTitle->setWordWrap(true);
  mFacts = new QLabel;
  mFacts->setObjectName(QStringLiteral("templateFacts"));
  mFacts->setStyleSheet(QStringLiteral("color: #546e7a"));
  mPreview = new TemplatePreview;
  mWidthM = sizeField(QStringLiteral("hallWidth"));
  mDepthM = sizeField(QStringLiteral("hallDepth"));
  mSizeNote = new QLabel;
  mSizeNote->setStyleSheet(QStringLiteral("color: #546e7a"));
  auto* sizeRow = new QHBoxLayout;
  sizeRow->addWidget(new QLabel(tr("Hall width")));
  sizeRow->addWidget(mWidthM);
  sizeRow->addSpacing(12);
  sizeRow->addWidget(new QLabel(tr("depth")));
  sizeRow->addWidget(mDepthM);
  sizeRow->addSpacing(12);
  sizeRow->addWidget(mSizeNote, 1);
  mDetails = new QTextBrowser;
  mDetails->setObjectName(QStringLiteral("templateDetails"));
  mDetails->setOpenExternalLinks(true);

  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(mTitle);
  rightLayout->addWidget(mFacts);
  rightLayout->addWidget(mPreview, 3);
  rightLayout->addLayout(sizeRow);
  rightLayout->addWidget(mDetails, 2);

  auto* splitter = new QSplitter;
  splitter->addWidget(left);
  splitter->addWidget(right);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({340, 640});

  mButtons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
  mButtons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
  connect(mButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(mButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter, 1);
  layout->addWidget(mButtons);
  resize(1020, 700);

  fillList();
  connect(mList, &QTreeWidget::currentItemChanged, this, [this] { showSelected(); });
  connect(mList, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (item->data(0, kTemplateIndexRole).isValid() && mLoadProblem.isEmpty()) {
      accept();
    }
  });
  for (QDoubleSpinBox* field : {mWidthM, mDepthM}) {
    connect(field, &QDoubleSpinBox::valueChanged, this, [this] { reloadPreview(); });
  }
  if (mList->topLevelItemCount() > 0 && mList->topLevelItem(0)->childCount() > 0) {
    mList->setCurrentItem(mList->topLevelItem(0)->child(0));
  } else {
    showSelected();
  }
}

void NewFromTemplateDialog::fillList() {
  QTreeWidgetItem* vendor = nullptr;
  for (int i = 0; i < mTemplates.templates.size(); ++i) {
    const TemplateInfo& info = mTemplates.templates[i];
    if (vendor == nullptr || vendor->text(0) != info.vendor) {
      vendor = new QTreeWidgetItem(mList, {info.vendor});
      vendor->setFlags(Qt::ItemIsEnabled);  // a heading, not a choice
      QFont bold = vendor->font(0);
      bold.setBold(true);
      vendor->setFont(0, bold);
    }
    auto* item = new QTreeWidgetItem(vendor, {info.title});
    item->setData(0, kTemplateIndexRole, i);
    item->setToolTip(0, info.title + QLatin1Char('\n') + info.name);
  }
  mList->expandAll();
}

const TemplateInfo* NewFromTemplateDialog::selected() const {
  const QTreeWidgetItem* item = mList->currentItem();
  const QVariant index = item != nullptr ? item->data(0, kTemplateIndexRole) : QVariant();
  return index.isValid() ? &mTemplates.templates[index.toInt()] : nullptr;
}

bool NewFromTemplateDialog::selectTemplate(const QString& name) {
  for (int v = 0; v < mList->topLevelItemCount(); ++v) {
    QTreeWidgetItem* vendor = mList->topLevelItem(v);
    for (int c = 0; c < vendor->childCount(); ++c) {
      QTreeWidgetItem* item = vendor->child(c);
      if (mTemplates.templates[item->data(0, kTemplateIndexRole).toInt()].name == name) {
        mList->setCurrentItem(item);
        return true;
      }
    }
  }
  return false;
}

QString NewFromTemplateDialog::templatePath() const {
  const TemplateInfo* info = selected();
  return info != nullptr ? info->path : QString();
}

std::optional<HallSize> NewFromTemplateDialog::hallSize() const {
  const TemplateInfo* info = selected();
  if (info == nullptr || !info->resizable) {
    return std::nullopt;
  }
  return HallSize{mWidthM->value() * 1000.0, mDepthM->value() * 1000.0};
}

void NewFromTemplateDialog::setHallSizeM(double widthM, double depthM) {
  mWidthM->setValue(widthM);
  mDepthM->setValue(depthM);
}

void NewFromTemplateDialog::showSelected() {
  const TemplateInfo* info = selected();
  if (info == nullptr) {
    mTitle->clear();
    mFacts->clear();
    mDetails->clear();
    mPreview->setMessage(mTemplates.templates.isEmpty() ? tr("No templates were found.")
                                                        : tr("Choose a template."));
    mWidthM->setEnabled(false);
    mDepthM->setEnabled(false);
    mSizeNote->clear();
    mButtons->button(QDialogButtonBox::Ok)->setEnabled(false);
    return;
  }
  mTitle->setText(info->title);
  QStringList facts{countOf(info->rackCount, "rack", "racks")};
  if (info->widthMm > 0.0 && info->depthMm > 0.0) {
    facts.append(formatQuantity(info->widthMm, Quantity::LengthMm) + QStringLiteral(" × ") +
                 formatQuantity(info->depthMm, Quantity::LengthMm));
  }
  if (info->hallCount > 1) {
    facts.append(countOf(info->hallCount, "hall", "halls"));
  }
  if (!info->revision.isEmpty()) {
    facts.append(tr("revision %1").arg(info->revision));
  }
  facts.append(info->name);
  mFacts->setText(facts.join(QStringLiteral(" · ")));
  // A fixed layout keeps its size; only a resizable template takes one.
  for (QDoubleSpinBox* field : {mWidthM, mDepthM}) {
    field->blockSignals(true);
    field->setEnabled(info->resizable);
  }
  mWidthM->setValue(info->widthMm / 1000.0);
  mDepthM->setValue(info->depthMm / 1000.0);
  for (QDoubleSpinBox* field : {mWidthM, mDepthM}) {
    field->blockSignals(false);
  }
  mSizeNote->setText(info->resizable ? tr("any size from %1 m to %2 m a side")
                                           .arg(kMinHallSideMm / 1000.0)
                                           .arg(kMaxHallSideMm / 1000.0)
                                     : tr("the size of the published layout"));
  mDetails->setHtml(detailsHtml(*info));
  reloadPreview();
}

void NewFromTemplateDialog::reloadPreview() {
  const TemplateInfo* info = selected();
  if (info == nullptr) {
    return;
  }
  try {
    mPreview->setProject(loadTemplateAgainst(info->path, mCatalog, hallSize()), mCatalog);
    mLoadProblem.clear();
  } catch (const TemplateError& error) {
    mLoadProblem = QString::fromUtf8(error.what());
    mPreview->setMessage(tr("This template cannot be opened:\n%1").arg(mLoadProblem));
  }
  mButtons->button(QDialogButtonBox::Ok)->setEnabled(mLoadProblem.isEmpty());
}

QString NewFromTemplateDialog::detailsHtml(const TemplateInfo& info) const {
  QString html = QStringLiteral("<p>%1</p>").arg(info.description.toHtmlEscaped());
  QStringList sources;
  for (const QString& source : info.sources) {
    sources.append(sourceHtml(source));
  }
  html += listHtml(tr("Sources"), sources);
  html += listHtml(tr("Adapted from the published design"), escaped(info.adapted));
  QStringList findings;
  for (const ExpectedFinding& f : info.expectedFindings) {
    findings.append(QStringLiteral("<code>%1</code> %2%3: %4")
                        .arg(f.code.toHtmlEscaped(), f.severity.toHtmlEscaped(),
                             f.count > 1 ? QStringLiteral(" ×%1").arg(f.count) : QString(),
                             f.why.toHtmlEscaped()));
  }
  html += listHtml(tr("Expected findings"), findings);
  if (info.expectedFindings.isEmpty()) {
    html += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Expected findings"), tr("None stated."));
  }
  html += listHtml(tr("Notes"), escaped(info.notes));
  return html;
}

}  // namespace dc
