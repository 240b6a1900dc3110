// SPDX-License-Identifier: GPL-3.0-or-later
#include "powernodedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace dc {

namespace {

constexpr PowerNodeKind kKinds[] = {PowerNodeKind::Ups, PowerNodeKind::Switchboard,
                                    PowerNodeKind::Busway, PowerNodeKind::Rpp,
                                    PowerNodeKind::PowerRack};

/// The catalog kind whose items can preset a node of `kind`.
bool presetKind(PowerNodeKind kind, ItemKind* item) {
  switch (kind) {
    case PowerNodeKind::Ups:
      *item = ItemKind::Ups;
      return true;
    case PowerNodeKind::Busway:
      *item = ItemKind::Busway;
      return true;
    case PowerNodeKind::PowerRack:
      *item = ItemKind::PowerRack;
      return true;
    default:
      return false;
  }
}

QDoubleSpinBox* spin(double max, int decimals, const QString& suffix, QWidget* parent) {
  auto* box = new QDoubleSpinBox(parent);
  box->setRange(0, max);
  box->setDecimals(decimals);
  box->setSuffix(suffix);
  box->setAlignment(Qt::AlignRight);
  return box;
}

}  // namespace

PowerNodeDialog::PowerNodeDialog(const Project& project, const Catalog& catalog,
                                 const PowerNode& node, bool editing, QWidget* parent)
    : QDialog(parent), mProject(project), mCatalog(catalog), mNode(node) {
  setWindowTitle(editing ? tr("Edit %1 %2").arg(powerNodeKindName(node.kind), node.name)
                         : tr("Add power node"));
  auto* layout = new QVBoxLayout(this);
  mForm = new QFormLayout;
  layout->addLayout(mForm);

  mKind = new QComboBox(this);
  mKind->setObjectName(QStringLiteral("kind"));
  for (PowerNodeKind kind : kKinds) {
    mKind->addItem(powerNodeKindName(kind), int(kind));
  }
  mForm->addRow(tr("&Kind"), mKind);

  mPreset = new QComboBox(this);
  mPreset->setObjectName(QStringLiteral("preset"));
  mPreset->setToolTip(tr("Copy the ratings of a catalog item (they stay editable)"));
  mForm->addRow(tr("Catalog &preset"), mPreset);

  mName = new QLineEdit(node.name, this);
  mName->setObjectName(QStringLiteral("name"));
  mName->setPlaceholderText(tr("e.g. UPS-A, BW-A1"));
  mForm->addRow(tr("&Name"), mName);

  mFeed = new QComboBox(this);
  mFeed->setObjectName(QStringLiteral("feed"));
  mFeed->addItem(tr("— (serves all feeds)"), int(PowerFeed::None));
  for (PowerFeed feed : kPowerFeeds) {
    mFeed->addItem(tr("Feed %1").arg(powerFeedName(feed)), int(feed));
  }
  mFeed->setCurrentIndex(mFeed->findData(int(node.feed)));
  mForm->addRow(tr("&Feed"), mFeed);

  mUpstream = new QComboBox(this);
  mUpstream->setObjectName(QStringLiteral("upstream"));
  mForm->addRow(tr("Fed &from"), mUpstream);

  mRatedCurrent = spin(100000, 0, tr(" A"), this);
  mRatedCurrent->setObjectName(QStringLiteral("ratedCurrent"));
  mRatedCurrent->setValue(node.ratedCurrentA);
  mForm->addRow(tr("Rated &current per phase"), mRatedCurrent);

  mVoltage = spin(100000, 0, tr(" V"), this);
  mVoltage->setObjectName(QStringLiteral("voltage"));
  mVoltage->setSpecialValueText(tr("design supply"));
  mVoltage->setToolTip(tr("Line-to-line (AC) or DC voltage; 0: the design's supply voltage"));
  mVoltage->setValue(node.voltageV);
  mForm->addRow(tr("&Voltage"), mVoltage);

  mModuleCount = new QSpinBox(this);
  mModuleCount->setObjectName(QStringLiteral("moduleCount"));
  mModuleCount->setRange(0, 64);
  mModuleCount->setAlignment(Qt::AlignRight);
  mModuleCount->setValue(node.moduleCount);
  mForm->addRow(tr("Power &modules installed"), mModuleCount);

  mModuleKw = spin(100000, 1, tr(" kW"), this);
  mModuleKw->setObjectName(QStringLiteral("moduleKw"));
  mModuleKw->setValue(node.moduleRatingW / 1000.0);
  mForm->addRow(tr("Module &rating"), mModuleKw);

  mRedundancy = new QComboBox(this);
  mRedundancy->setObjectName(QStringLiteral("redundancy"));
  for (Redundancy r : {Redundancy::N, Redundancy::NPlus1, Redundancy::TwoN}) {
    mRedundancy->addItem(redundancyName(r), int(r));
  }
  mRedundancy->setCurrentIndex(mRedundancy->findData(int(node.redundancy)));
  mForm->addRow(tr("Re&dundancy"), mRedundancy);

  mRatedPowerKw = spin(1.0e6, 1, tr(" kW"), this);
  mRatedPowerKw->setObjectName(QStringLiteral("ratedPowerKw"));
  mRatedPowerKw->setValue(node.ratedPowerW / 1000.0);
  mForm->addRow(tr("Rated output &power"), mRatedPowerKw);

  mError = new QLabel(this);
  mError->setObjectName(QStringLiteral("error"));
  mError->setWordWrap(true);
  mError->setStyleSheet(QStringLiteral("color: #c62828;"));
  mError->hide();
  layout->addWidget(mError);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Apply") : tr("Add"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &PowerNodeDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  mKind->setCurrentIndex(mKind->findData(int(node.kind)));
  setKind(node.kind);
  connect(mKind, &QComboBox::currentIndexChanged, this,
          [this](int) { setKind(PowerNodeKind(mKind->currentData().toInt())); });
  connect(mPreset, &QComboBox::currentIndexChanged, this,
          [this](int) { applyPreset(mPreset->currentData().toString()); });
  setMinimumWidth(420);
}

void PowerNodeDialog::setKind(PowerNodeKind kind) {
  mNode.kind = kind;
  const bool ups = kind == PowerNodeKind::Ups;
  const bool rack = kind == PowerNodeKind::PowerRack;
  mForm->setRowVisible(mRatedCurrent, !ups && !rack);
  mForm->setRowVisible(mModuleCount, ups);
  mForm->setRowVisible(mModuleKw, ups);
  mForm->setRowVisible(mRedundancy, ups);
  mForm->setRowVisible(mRatedPowerKw, rack);
  fillPresets();
  fillUpstreams();
}

void PowerNodeDialog::fillPresets() {
  QSignalBlocker block(mPreset);
  mPreset->clear();
  mPreset->addItem(tr("(none: enter the ratings)"), QString());
  ItemKind itemKind;
  if (presetKind(mNode.kind, &itemKind)) {
    for (const CatalogItem& item : mCatalog.items()) {
      if (item.kind == itemKind) {
        mPreset->addItem(QStringLiteral("%1 %2").arg(item.vendor, item.model), item.id);
        mPreset->setItemData(mPreset->count() - 1, item.description, Qt::ToolTipRole);
      }
    }
  }
  const int current = mNode.catalogId.isEmpty() ? 0 : mPreset->findData(mNode.catalogId);
  mPreset->setCurrentIndex(std::max(current, 0));
  mForm->setRowVisible(mPreset, mPreset->count() > 1);
}

void PowerNodeDialog::fillUpstreams() {
  const QString current =
      mUpstream->count() > 0 ? mUpstream->currentData().toString() : mNode.upstreamId.toString();
  mUpstream->clear();
  mUpstream->addItem(tr("— (top of the tree)"), QString());
  for (const PowerNode& other : mProject.powerNodes()) {
    if (other.hallId == mNode.hallId && other.id != mNode.id) {
      mUpstream->addItem(QStringLiteral("%1 (%2)").arg(other.name, powerNodeKindName(other.kind)),
                         other.id.toString());
    }
  }
  mUpstream->setCurrentIndex(std::max(0, mUpstream->findData(current)));
}

void PowerNodeDialog::applyPreset(const QString& catalogId) {
  mNode.catalogId = catalogId;
  const CatalogItem* item = catalogId.isEmpty() ? nullptr : mCatalog.find(catalogId);
  if (!item) {
    return;
  }
  auto value = [item](const char* field) {
    return item->figureValue(QStringLiteral("electrical.") + QLatin1String(field));
  };
  switch (mNode.kind) {
    case PowerNodeKind::Ups: {
      const double module = value("moduleRatingW");
      const double frame = value("frameRatingW");
      int count = int(value("maxModuleCount"));
      if (count == 0 && module > 0 && frame > 0) {
        count = int(std::lround(frame / module));
      }
      mModuleKw->setValue((module > 0 ? module : frame) / 1000.0);
      mModuleCount->setValue(std::max(count, 1));
      mVoltage->setValue(value("outputVoltageV"));
      break;
    }
    case PowerNodeKind::PowerRack:
      mRatedPowerKw->setValue(value("outputCapacityW") / 1000.0);
      mVoltage->setValue(value("outputVoltageV"));
      break;
    default:
      // A busway's catalog voltage is its product class maximum, not the site voltage: the
      // design's supply voltage is kept (0) unless the architect enters one.
      mRatedCurrent->setValue(value("ratedCurrentA"));
      break;
  }
  if (mName->text().trimmed().isEmpty()) {
    mName->setText(item->model);
  }
}

PowerNode PowerNodeDialog::node() const {
  PowerNode node = mNode;
  node.kind = PowerNodeKind(mKind->currentData().toInt());
  node.name = mName->text().trimmed();
  node.feed = PowerFeed(mFeed->currentData().toInt());
  node.upstreamId = PowerNodeId::fromString(mUpstream->currentData().toString());
  node.catalogId = mPreset->currentData().toString();
  node.voltageV = mVoltage->value();
  node.ratedCurrentA = 0;
  node.moduleCount = 0;
  node.moduleRatingW = 0;
  node.ratedPowerW = 0;
  node.redundancy = Redundancy::N;
  switch (node.kind) {
    case PowerNodeKind::Ups:
      node.moduleCount = mModuleCount->value();
      node.moduleRatingW = mModuleKw->value() * 1000.0;
      node.redundancy = Redundancy(mRedundancy->currentData().toInt());
      break;
    case PowerNodeKind::PowerRack:
      node.ratedPowerW = mRatedPowerKw->value() * 1000.0;
      break;
    default:
      node.ratedCurrentA = mRatedCurrent->value();
  }
  return node;
}

QString PowerNodeDialog::errorText() const {
  return mError->isHidden() ? QString() : mError->text();
}

void PowerNodeDialog::submit() {
  QString error;
  if (mSubmit && !mSubmit(node(), &error)) {
    mError->setText(error.isEmpty() ? tr("The node could not be saved.") : error);
    mError->show();
    return;
  }
  mError->hide();
  accept();
}

}  // namespace dc
