// SPDX-License-Identifier: GPL-3.0-or-later
#include "distributionpanel.h"

#include "edit/cmdobjects.h"
#include "format/quantityformat.h"
#include "panels/reportededit.h"
#include "powerformat.h"
#include "powernodedialog.h"
#include "support/firstfreename.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dc {

using namespace powerview;

namespace {

QString kindPrefix(PowerNodeKind kind) {
  switch (kind) {
    case PowerNodeKind::Ups:
      return QStringLiteral("UPS-");
    case PowerNodeKind::Switchboard:
      return QStringLiteral("SWB-");
    case PowerNodeKind::Busway:
      return QStringLiteral("BW-");
    case PowerNodeKind::Rpp:
      return QStringLiteral("RPP-");
    case PowerNodeKind::PowerRack:
      return QStringLiteral("PR-");
  }
  return {};
}

/// The node's nameplate: nominal figures, so "500 kW" and "400 V", not "400.0".
QString rating(const PowerNode& node, const NodeLoad* load) {
  const NumberStyle nominal = NumberStyle::forNominal();
  switch (node.kind) {
    case PowerNodeKind::Ups:
      return QStringLiteral("%1 × %2 (%3)")
          .arg(node.moduleCount)
          .arg(formatQuantity(node.moduleRatingW, Quantity::PowerW, nominal),
               redundancyName(node.redundancy));
    case PowerNodeKind::PowerRack:
      return formatQuantity(node.ratedPowerW, Quantity::PowerW, nominal) +
             (load && load->dc ? QStringLiteral(" DC") : "");
    default: {
      const double volts = node.voltageV > 0 ? node.voltageV : (load ? load->voltageV : 0.0);
      const QString amps = formatQuantity(node.ratedCurrentA, Quantity::CurrentA, nominal);
      return volts > 0 ? QStringLiteral("%1, %2").arg(
                             amps, formatQuantity(volts, Quantity::VoltageV, nominal))
                       : amps;
    }
  }
}

void setNumeric(QTreeWidgetItem* item, int column, const QString& text, const QColor& colour = {}) {
  item->setText(column, text);
  item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
  if (colour.isValid()) {
    item->setForeground(column, colour);
    QFont font = item->font(column);
    font.setBold(true);
    item->setFont(column, font);
  }
}

}  // namespace

DistributionPanel::DistributionPanel(DesignDocument& document, const Catalog& catalog,
                                     QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  mTitle = new QLabel(this);
  mTitle->setTextFormat(Qt::RichText);
  layout->addWidget(mTitle);

  mTree = new QTreeWidget(this);
  mTree->setObjectName(QStringLiteral("distributionTree"));
  mTree->setColumnCount(ColumnCount);
  mTree->setHeaderLabels({tr("Name"), tr("Kind"), tr("Feed"), tr("Rating"),
                          headerWithUnit(tr("Capacity"), QStringLiteral("kW")),
                          headerWithUnit(tr("Load"), QStringLiteral("kW")), tr("Loading (%)"),
                          tr("Failover (%)"), tr("Racks"), tr("UPS modules")});
  mTree->headerItem()->setToolTip(ColFailover,
                                  tr("Loading with the feed lost that loads this node most"));
  mTree->headerItem()->setToolTip(
      ColModules, tr("Modules installed (modules its load needs with its redundancy)"));
  mTree->headerItem()->setToolTip(ColCapacity,
                                  tr("Continuous (busway, RPP, switchboard) or usable (UPS)"));
  mTree->setAlternatingRowColors(true);
  mTree->setUniformRowHeights(true);
  mTree->setRootIsDecorated(true);
  mTree->header()->setStretchLastSection(false);
  layout->addWidget(mTree, 1);

  auto* buttons = new QHBoxLayout;
  mAdd = new QPushButton(tr("Add…"), this);
  mEdit = new QPushButton(tr("Edit…"), this);
  mRemove = new QPushButton(tr("Remove"), this);
  buttons->addWidget(mAdd);
  buttons->addWidget(mEdit);
  buttons->addWidget(mRemove);
  buttons->addStretch(1);
  layout->addLayout(buttons);

  connect(mAdd, &QPushButton::clicked, this, &DistributionPanel::openAddDialog);
  connect(mEdit, &QPushButton::clicked, this, &DistributionPanel::openEditDialog);
  connect(mRemove, &QPushButton::clicked, this, [this] {
    if (!currentNodeId().isNull()) {
      removeNode(currentNodeId());
    }
  });
  connect(mTree, &QTreeWidget::currentItemChanged, this, &DistributionPanel::updateButtons);
  connect(mTree, &QTreeWidget::itemDoubleClicked, this, &DistributionPanel::openEditDialog);
  connect(&mDocument, &DesignDocument::changed, this, [this] {
    if (!mRebuildQueued) {
      mRebuildQueued = true;
      QMetaObject::invokeMethod(this, &DistributionPanel::rebuild, Qt::QueuedConnection);
    }
  });
  rebuild();
}

void DistributionPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuild();
}

void DistributionPanel::setSelection(const QList<RackId>& ids) {
  const Rack* rack = ids.isEmpty() ? nullptr : mDocument.project().findRack(ids.first());
  const HallId hall = rack ? rack->hallId() : HallId();
  if (!hall.isNull() && hall != mHallId) {
    mHallId = hall;
    rebuild();
  }
}

HallId DistributionPanel::hallId() const {
  return mDocument.project().findHall(mHallId) ? mHallId : mDocument.activeHallId();
}

PowerNodeId DistributionPanel::currentNodeId() const {
  const QTreeWidgetItem* item = mTree->currentItem();
  return item ? PowerNodeId::fromString(item->data(ColName, Qt::UserRole).toString())
              : PowerNodeId();
}

void DistributionPanel::rebuild() {
  mRebuildQueued = false;
  const Project& project = mDocument.project();
  const HallId hall = hallId();
  const Hall* hallObject = project.findHall(hall);
  const PowerNodeId keep = currentNodeId();

  QList<const PowerNode*> nodes;
  QSet<PowerNodeId> inHall;
  for (const PowerNode& node : project.powerNodes()) {
    if (node.hallId == hall) {
      nodes.append(&node);
      inHall.insert(node.id);
    }
  }
  mTitle->setText(hallObject ? tr("<b>Power distribution</b> · %1 · %2 node(s)")
                                   .arg(hallObject->name().toHtmlEscaped())
                                   .arg(nodes.size())
                             : tr("<b>Power distribution</b> · no hall"));

  // Capacity and load share one unit over the hall's nodes, named in their headers.
  QList<double> powersW;
  for (const PowerNode* node : nodes) {
    const auto found = mAnalysis.power.nodes.constFind(node->id);
    if (found != mAnalysis.power.nodes.cend()) {
      powersW << found->capacityW.value << found->loadW;
    }
  }
  const QString unit = columnUnit(powersW, Quantity::PowerW);
  mTree->headerItem()->setText(ColCapacity, headerWithUnit(tr("Capacity"), unit));
  mTree->headerItem()->setText(ColLoad, headerWithUnit(tr("Load"), unit));
  const auto inUnit = [&unit](double watts, Confidence confidence = Confidence::Derived) {
    return formatInUnit(watts, Quantity::PowerW, unit, NumberStyle::forConfidence(confidence));
  };
  const auto percent = [](double pct) {
    return formatInUnit(pct, Quantity::Percent, QStringLiteral("%"));
  };

  mTree->clear();
  QHash<PowerNodeId, QTreeWidgetItem*> items;
  QTreeWidgetItem* current = nullptr;
  // Parents before children whatever the project order: place a node once its upstream is in.
  QList<const PowerNode*> pending = nodes;
  while (!pending.isEmpty()) {
    QList<const PowerNode*> later;
    for (const PowerNode* node : pending) {
      const bool root = node->upstreamId.isNull() || !inHall.contains(node->upstreamId);
      QTreeWidgetItem* parent = root ? nullptr : items.value(node->upstreamId, nullptr);
      if (!root && !parent) {
        later.append(node);
        continue;
      }
      auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(mTree);
      items.insert(node->id, item);
      item->setData(ColName, Qt::UserRole, node->id.toString());
      if (node->id == keep) {
        current = item;
      }
      const auto found = mAnalysis.power.nodes.constFind(node->id);
      const NodeLoad* load = found == mAnalysis.power.nodes.cend() ? nullptr : &found.value();
      item->setText(ColName, node->name);
      item->setToolTip(ColName, node->catalogId);
      item->setText(ColKind, powerNodeKindName(node->kind));
      item->setText(ColFeed, powerFeedName(node->feed));
      item->setText(ColRating, rating(*node, load));
      if (load) {
        setNumeric(item, ColCapacity, inUnit(load->capacityW.value, load->capacityW.confidence));
        item->setToolTip(ColCapacity, load->capacityW.formula);
        setNumeric(item, ColLoad, inUnit(load->loadW));
        setNumeric(item, ColLoading, percent(load->loadingPct),
                   loadingColour(load->loadingPct, loadingWarnPct(mAnalysis)));
        const bool lost = load->failoverLostFeed != PowerFeed::None;
        setNumeric(item, ColFailover,
                   lost ? tr("%1 (%2 lost)")
                              .arg(percent(load->failoverLoadingPct),
                                   powerFeedName(load->failoverLostFeed))
                        : percent(load->failoverLoadingPct),
                   loadingColour(load->failoverLoadingPct, loadingWarnPct(mAnalysis)));
        item->setToolTip(ColFailover,
                         tr("%1 with the worst feed lost")
                             .arg(formatQuantity(load->failoverLoadW, Quantity::PowerW)));
        setNumeric(item, ColRacks, formatQuantity(load->rackCount, Quantity::Count));
        if (node->kind == PowerNodeKind::Ups) {
          setNumeric(item, ColModules,
                     tr("%1 (needs %2)").arg(load->moduleCount).arg(load->modulesRequired),
                     load->modulesRequired > load->moduleCount ? errorColour() : QColor());
        }
      }
    }
    if (later.size() == pending.size()) {  // a cycle (the engine reports it): show flat
      for (const PowerNode* node : later) {
        auto* item = new QTreeWidgetItem(mTree, {node->name, powerNodeKindName(node->kind)});
        item->setData(ColName, Qt::UserRole, node->id.toString());
      }
      break;
    }
    pending = later;
  }
  if (nodes.isEmpty()) {
    auto* hint = new QTreeWidgetItem(mTree);
    hint->setText(ColName, tr("No power nodes yet: Add… a UPS, then its busways or RPPs"));
    hint->setFlags(Qt::NoItemFlags);
    hint->setFirstColumnSpanned(true);
  }
  mTree->expandAll();
  for (int column = 0; column < ColumnCount; ++column) {
    mTree->resizeColumnToContents(column);
  }
  if (!nodes.isEmpty()) {
    mTree->setColumnWidth(ColName, mTree->columnWidth(ColName) + 12);
  }
  if (current) {
    mTree->setCurrentItem(current);
  }
  updateButtons();
}

void DistributionPanel::updateButtons() {
  const bool node = !currentNodeId().isNull();
  mAdd->setEnabled(!mDocument.project().halls().isEmpty());
  mEdit->setEnabled(node);
  mRemove->setEnabled(node);
}

bool DistributionPanel::addNode(const PowerNode& node, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushInsertObject(
            mDocument, node, tr("Add %1 %2").arg(powerNodeKindName(node.kind), node.name), message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool DistributionPanel::replaceNode(const PowerNode& node, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushReplaceObject(mDocument, node,
                                 tr("Edit %1 %2").arg(powerNodeKindName(node.kind), node.name),
                                 message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool DistributionPanel::removeNode(PowerNodeId id, QString* error) {
  const PowerNode* node = mDocument.project().findPowerNode(id);
  const QString name = node ? node->name : QString();
  return pushReported(
      [&](QString* message) {
        return pushRemoveObject<PowerNode>(mDocument, id, tr("Remove power node %1").arg(name),
                                           message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

PowerNode DistributionPanel::newNode(PowerNodeKind kind) const {
  PowerNode node;
  node.id = PowerNodeId::create();
  node.hallId = hallId();
  node.kind = kind;
  QSet<QString> names;
  for (const PowerNode& other : mDocument.project().powerNodes()) {
    names.insert(other.name);
  }
  node.name = firstFreeName(names, [kind](int n) { return kindPrefix(kind) + QString::number(n); });
  // Under the selected node by default (a busway below its UPS).
  node.upstreamId = currentNodeId();
  return node;
}

void DistributionPanel::openAddDialog() {
  PowerNodeDialog dialog(mDocument.project(), mCatalog, newNode(PowerNodeKind::Busway), false,
                         this);
  dialog.setSubmit([this](const PowerNode& node, QString* error) {
    // Swallow editFailed while the dialog shows the message itself.
    QSignalBlocker block(this);
    return addNode(node, error);
  });
  dialog.exec();
}

void DistributionPanel::openEditDialog() {
  const PowerNode* node = mDocument.project().findPowerNode(currentNodeId());
  if (!node) {
    return;
  }
  PowerNodeDialog dialog(mDocument.project(), mCatalog, *node, true, this);
  dialog.setSubmit([this](const PowerNode& edited, QString* error) {
    QSignalBlocker block(this);
    return replaceNode(edited, error);
  });
  dialog.exec();
}

}  // namespace dc
