// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabricspecdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace dc {

namespace {
constexpr int kRackIdRole = Qt::UserRole + 1;

QDoubleSpinBox* oversubscriptionBox(double value, QWidget* parent) {
  auto* box = new QDoubleSpinBox(parent);
  // Below 1 is allowed to be typed, then refused with a message naming the field: a box that
  // silently clamps 0.5 to 1 would change the design without saying so.
  box->setRange(0.0, 64.0);
  box->setDecimals(2);
  box->setSingleStep(0.5);
  box->setSuffix(QStringLiteral(" : 1"));
  box->setValue(value);
  return box;
}

QString switchLabel(const CatalogItem& item) {
  int ports = 0;
  double speedGbps = 0.0;
  for (const PortGroup& group : item.ports) {
    if (group.count > ports) {
      ports = group.count;
      speedGbps = group.speedGbps;
    }
  }
  QString label = item.vendor + QLatin1Char(' ') + item.model;
  if (ports > 0) {
    label += QStringLiteral(" (%1 × %2G)").arg(ports).arg(speedGbps);
  }
  return label;
}
}  // namespace

FabricSpecDialog::FabricSpecDialog(const FabricSpec& spec, const Project& project,
                                   const Catalog& catalog, bool editing, QWidget* parent)
    : QDialog(parent), mSpec(spec), mProject(project), mCatalog(catalog) {
  setWindowTitle(editing ? tr("Edit fabric %1").arg(spec.name) : tr("New fabric"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  layout->addLayout(form);

  mName = new QLineEdit(spec.name, this);
  mName->setObjectName(QStringLiteral("name"));
  mName->setPlaceholderText(tr("e.g. Compute fabric"));
  form->addRow(tr("&Name"), mName);

  mKind = new QComboBox(this);
  mKind->setObjectName(QStringLiteral("kind"));
  for (FabricKind kind :
       {FabricKind::Compute, FabricKind::Storage, FabricKind::InBand, FabricKind::OutOfBand}) {
    mKind->addItem(fabricKindName(kind), int(kind));
  }
  mKind->setCurrentIndex(mKind->findData(int(spec.kind)));
  mKind->setToolTip(tr("The node ports it connects: those of this purpose in the catalog"));
  form->addRow(tr("&Kind"), mKind);

  mTopology = new QComboBox(this);
  mTopology->setObjectName(QStringLiteral("topology"));
  for (FabricTopology topology : {FabricTopology::FatTree, FabricTopology::Dragonfly}) {
    mTopology->addItem(fabricTopologyName(topology), int(topology));
  }
  mTopology->setCurrentIndex(mTopology->findData(int(spec.topology)));
  form->addRow(tr("&Topology"), mTopology);

  mLeaf = new QComboBox(this);
  mLeaf->setObjectName(QStringLiteral("leafSwitch"));
  fillSwitchCombo(mLeaf, spec.leafSwitchId, false);
  form->addRow(tr("&Leaf switch"), mLeaf);
  mSpine = new QComboBox(this);
  mSpine->setObjectName(QStringLiteral("spineSwitch"));
  fillSwitchCombo(mSpine, spec.spineSwitchId, true);
  form->addRow(tr("S&pine switch"), mSpine);

  mLeafOversubscription = oversubscriptionBox(spec.leafOversubscription, this);
  mLeafOversubscription->setObjectName(QStringLiteral("leafOversubscription"));
  mLeafOversubscription->setToolTip(
      tr("Node-facing to spine-facing bandwidth at a leaf: 1 : 1 is non-blocking"));
  form->addRow(tr("Leaf &oversubscription"), mLeafOversubscription);
  mSpineOversubscription = oversubscriptionBox(spec.spineOversubscription, this);
  mSpineOversubscription->setObjectName(QStringLiteral("spineOversubscription"));
  mSpineOversubscription->setToolTip(tr("Leaf-facing to core-facing at a spine (3 tiers)"));
  form->addRow(tr("Spine o&versubscription"), mSpineOversubscription);

  mTiers = new QComboBox(this);
  mTiers->setObjectName(QStringLiteral("tiers"));
  mTiers->addItem(tr("Automatic (the fewest that hold the nodes)"), 0);
  for (int tiers = 1; tiers <= 3; ++tiers) {
    mTiers->addItem(QString::number(tiers), tiers);
  }
  mTiers->setCurrentIndex(std::max(0, mTiers->findData(spec.tiers)));
  form->addRow(tr("T&iers"), mTiers);

  mRail = new QCheckBox(tr("Port i of every node of a scalable unit to leaf i"), this);
  mRail->setObjectName(QStringLiteral("railOptimised"));
  mRail->setChecked(spec.railOptimised);
  form->addRow(tr("&Rail-optimised"), mRail);

  mSuNodes = new QSpinBox(this);
  mSuNodes->setObjectName(QStringLiteral("suNodes"));
  mSuNodes->setRange(0, 100000);
  mSuNodes->setSpecialValueText(tr("Automatic (the leaf's down ports)"));
  mSuNodes->setValue(spec.suNodes);
  mSuNodes->setSuffix(tr(" nodes"));
  form->addRow(tr("Scalable &unit"), mSuNodes);

  mReserved = new QSpinBox(this);
  mReserved->setObjectName(QStringLiteral("reservedPorts"));
  mReserved->setRange(0, 100000);
  mReserved->setValue(spec.reservedPorts);
  mReserved->setToolTip(tr("Leaf ports kept for the design, e.g. 4 for UFM in a DGX SuperPOD"));
  form->addRow(tr("Reser&ved ports"), mReserved);

  mRacks = new QListWidget(this);
  mRacks->setObjectName(QStringLiteral("switchRacks"));
  mRacks->setToolTip(
      tr("Tick the racks whose switches this fabric uses. None ticked: every rack "
         "of the hall holding its switch model that no other fabric names"));
  mRacks->setMinimumHeight(120);
  fillRackList();
  form->addRow(tr("Switch &racks"), mRacks);

  mError = new QLabel(this);
  mError->setObjectName(QStringLiteral("error"));
  mError->setWordWrap(true);
  mError->setStyleSheet(QStringLiteral("color: #c62828;"));
  mError->hide();
  layout->addWidget(mError);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(editing ? tr("Apply") : tr("Add"));
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &FabricSpecDialog::submit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(mTopology, &QComboBox::currentIndexChanged, this, &FabricSpecDialog::updateEnabled);
  updateEnabled();
  setMinimumWidth(460);
}

void FabricSpecDialog::fillSwitchCombo(QComboBox* combo, const QString& current, bool allowSame) {
  if (allowSame) {
    combo->addItem(tr("Same as the leaf"), QString());
  }
  for (const CatalogItem& item : mCatalog.items()) {
    if (item.kind == ItemKind::Switch) {
      combo->addItem(switchLabel(item), item.id);
      combo->setItemData(combo->count() - 1, item.id, Qt::ToolTipRole);
    }
  }
  if (!current.isEmpty() && combo->findData(current) < 0) {
    combo->addItem(tr("'%1' (not in the catalog)").arg(current), current);
  }
  combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void FabricSpecDialog::fillRackList() {
  // Racks of the hall that hold a switch, and any the spec names: the spec's in its order first.
  const auto holdsSwitch = [this](const Rack& rack) {
    for (const Mount& mount : rack.mounts()) {
      const CatalogItem* item = mCatalog.find(mount.catalogId);
      if (item && item->kind == ItemKind::Switch) {
        return true;
      }
    }
    return false;
  };
  const auto add = [this](const Rack& rack, bool checked) {
    const CatalogItem* type = mCatalog.find(rack.rackTypeId());
    auto* item = new QListWidgetItem(
        rack.row().isEmpty() ? rack.name() : tr("%1 (row %2)").arg(rack.name(), rack.row()),
        mRacks);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    item->setData(kRackIdRole, rack.id().toString());
    item->setToolTip(type ? type->vendor + QLatin1Char(' ') + type->model : rack.rackTypeId());
  };
  for (RackId id : mSpec.switchRackIds) {
    if (const Rack* rack = mProject.findRack(id)) {
      add(*rack, true);
    }
  }
  for (const Rack& rack : mProject.racks()) {
    if (rack.hallId() == mSpec.hallId && !mSpec.switchRackIds.contains(rack.id()) &&
        holdsSwitch(rack)) {
      add(rack, false);
    }
  }
}

void FabricSpecDialog::updateEnabled() {
  const bool fatTree = FabricTopology(mTopology->currentData().toInt()) == FabricTopology::FatTree;
  for (QWidget* w : {static_cast<QWidget*>(mSpine), static_cast<QWidget*>(mLeafOversubscription),
                     static_cast<QWidget*>(mSpineOversubscription), static_cast<QWidget*>(mTiers),
                     static_cast<QWidget*>(mRail), static_cast<QWidget*>(mSuNodes)}) {
    w->setEnabled(fatTree);
  }
}

FabricSpec FabricSpecDialog::spec() const {
  FabricSpec spec = mSpec;
  spec.name = mName->text().trimmed();
  spec.kind = FabricKind(mKind->currentData().toInt());
  spec.topology = FabricTopology(mTopology->currentData().toInt());
  spec.leafSwitchId = mLeaf->currentData().toString();
  spec.spineSwitchId = mSpine->currentData().toString();
  spec.leafOversubscription = mLeafOversubscription->value();
  spec.spineOversubscription = mSpineOversubscription->value();
  spec.tiers = mTiers->currentData().toInt();
  spec.railOptimised = mRail->isChecked();
  spec.suNodes = mSuNodes->value();
  spec.reservedPorts = mReserved->value();
  spec.switchRackIds.clear();
  for (int i = 0; i < mRacks->count(); ++i) {
    const QListWidgetItem* item = mRacks->item(i);
    if (item->checkState() == Qt::Checked) {
      spec.switchRackIds.append(RackId::fromString(item->data(kRackIdRole).toString()));
    }
  }
  return spec;
}

QString FabricSpecDialog::fieldProblem() const {
  const FabricSpec entered = spec();
  if (entered.name.isEmpty()) {
    return tr("Name: a fabric needs a name.");
  }
  if (entered.leafSwitchId.isEmpty()) {
    return tr("Leaf switch: choose the switch model of the leaves (the catalog has no switch?).");
  }
  const auto ratio = [](double value) {
    return QString::number(value, 'g', 4);
  };
  if (entered.leafOversubscription < 1.0) {
    return tr("Leaf oversubscription: must be at least 1 : 1 (non-blocking), not %1 : 1.")
        .arg(ratio(entered.leafOversubscription));
  }
  if (entered.spineOversubscription < 1.0) {
    return tr("Spine oversubscription: must be at least 1 : 1 (non-blocking), not %1 : 1.")
        .arg(ratio(entered.spineOversubscription));
  }
  return fabricSpecProblem(entered);
}

QString FabricSpecDialog::errorText() const {
  return mError->isHidden() ? QString() : mError->text();
}

void FabricSpecDialog::submit() {
  QString error = fieldProblem();
  if (error.isEmpty() && mSubmit && !mSubmit(spec(), &error) && error.isEmpty()) {
    error = tr("The fabric could not be saved.");
  }
  if (!error.isEmpty()) {
    mError->setText(error);
    mError->show();
    return;
  }
  mError->hide();
  accept();
}

}  // namespace dc
