// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackpowerpanel.h"

#include "edit/cmdeditrack.h"
#include "format.h"
#include "powerformat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dc {

using namespace powerview;

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
  auto* table = new QTableWidget(0, int(headers.size()), parent);
  table->setHorizontalHeaderLabels(headers);
  table->verticalHeader()->setVisible(false);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setAlternatingRowColors(true);
  table->setWordWrap(false);
  table->horizontalHeader()->setStretchLastSection(true);
  table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  return table;
}

QTableWidgetItem* textItem(const QString& text, bool numeric = false) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(numeric ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                 : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
  return item;
}

void tint(QTableWidgetItem* item, const QColor& colour) {
  if (colour.isValid()) {
    item->setForeground(colour);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
  }
}

bool feedsUpstream(PowerNodeKind kind) {
  return kind == PowerNodeKind::Busway || kind == PowerNodeKind::Rpp ||
         kind == PowerNodeKind::PowerRack || kind == PowerNodeKind::Switchboard;
}

}  // namespace

RackPowerPanel::RackPowerPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  mStack = new QStackedWidget(this);
  layout->addWidget(mStack);

  mEmpty = new QLabel(tr("Select a rack on the floor plan to see its PDUs, feeds and PSUs."), this);
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setWordWrap(true);
  mEmpty->setEnabled(false);
  mStack->addWidget(mEmpty);

  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 0);
  mHeader = new QLabel(page);
  mHeader->setTextFormat(Qt::RichText);
  mHeader->setWordWrap(true);
  pageLayout->addWidget(mHeader);

  auto* pduTitle = new QLabel(tr("<b>PDUs and feeds</b>"), page);
  pageLayout->addWidget(pduTitle);
  mPdus = makeTable({tr("PDU"), tr("Model"), tr("Feed"), tr("Plugged into"), tr("Rating"),
                     tr("Load (kW)"), tr("L1 (A)"), tr("L2 (A)"), tr("L3 (A)"), tr("Imbalance (%)"),
                     tr("Loading (%)"), tr("Worst feed lost (%)")},
                    page);
  mPdus->setObjectName(QStringLiteral("pduTable"));
  mPdus->horizontalHeaderItem(PduFailover)
      ->setToolTip(tr("Loading with the feed lost whose loss loads this PDU most"));
  mPdus->horizontalHeaderItem(PduImbalance)
      ->setToolTip(tr("(largest − mean) / mean of the line currents, normal operation"));
  pageLayout->addWidget(mPdus);

  auto* devTitle = new QLabel(tr("<b>Devices and PSUs</b>"), page);
  pageLayout->addWidget(devTitle);
  mDevices = makeTable({tr("Device"), tr("Max (kW)"), tr("Design (kW)"), tr("PSUs"),
                        tr("Inlets → PDU/leg"), tr("On feed loss")},
                       page);
  mDevices->setObjectName(QStringLiteral("deviceTable"));
  mDevices->horizontalHeaderItem(DevInlets)->setToolTip(
      tr("Where each PSU inlet is plugged; italic “auto”: assigned by the "
         "engine's phase balancing, not yet drawn in the design"));
  mDevices->horizontalHeaderItem(DevFeedLoss)
      ->setToolTip(tr("PSUs left when the worst feed is lost, and whether they carry the "
                      "device's max power"));
  pageLayout->addWidget(mDevices, 3);

  auto* buttons = new QHBoxLayout;
  mBalance = new QPushButton(tr("Apply phase balancing"), page);
  mBalance->setToolTip(
      tr("Write the engine's automatic inlet assignments into the rack as "
         "explicit plugs (one undo step)"));
  mClearPlugs = new QPushButton(tr("Clear plugs"), page);
  mClearPlugs->setToolTip(tr("Remove every explicit plug: inlets are assigned automatically"));
  buttons->addWidget(mBalance);
  buttons->addWidget(mClearPlugs);
  buttons->addStretch(1);
  pageLayout->addLayout(buttons);
  mStack->addWidget(page);

  connect(mBalance, &QPushButton::clicked, this, [this] { applyPhaseBalancing(); });
  connect(mClearPlugs, &QPushButton::clicked, this, [this] { clearPlugs(); });
  // Undo and redo change feeds and plugs: follow the document, numbers follow setAnalysis().
  connect(&mDocument, &DesignDocument::changed, this, [this] {
    QMetaObject::invokeMethod(this, &RackPowerPanel::rebuild, Qt::QueuedConnection);
  });
  rebuild();
}

void RackPowerPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuild();
}

void RackPowerPanel::setSelection(const QList<RackId>& ids) {
  const RackId id = ids.isEmpty() ? RackId() : ids.first();
  if (id != mRackId) {
    mRackId = id;
    rebuild();
  }
}

void RackPowerPanel::rebuild() {
  const Project& project = mDocument.project();
  const Rack* rack = mRackId.isNull() ? nullptr : project.findRack(mRackId);
  const auto found = mAnalysis.power.racks.constFind(mRackId);
  if (!rack || found == mAnalysis.power.racks.cend()) {
    mEmpty->setText(rack ? tr("Rack %1 has not been analysed yet.").arg(rack->name())
                         : tr("Select a rack on the floor plan to see its PDUs, feeds and PSUs."));
    mStack->setCurrentWidget(mEmpty);
    mPdus->setRowCount(0);
    mDevices->setRowCount(0);
    return;
  }
  const RackPower& power = found.value();
  if (power.coolingUnit) {
    mEmpty->setText(tr("%1 is a floor cooling unit: it has no rack PDUs.").arg(rack->name()));
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  mStack->setCurrentIndex(1);

  // Header.
  QStringList feeds;
  for (PowerFeed feed : power.feeds) {
    feeds.append(powerFeedName(feed));
  }
  const CatalogItem* type = mCatalog.find(rack->rackTypeId());
  mHeader->setText(
      tr("<span style='font-size:large'><b>%1</b></span> &nbsp;%2<br>"
         "Max <b>%3</b> · design <b>%4</b> · feeds <b>%5</b> · %6 PDU(s), %7 device(s)")
          .arg(rack->name().toHtmlEscaped(),
               type ? type->model.toHtmlEscaped() : rack->rackTypeId().toHtmlEscaped(),
               formatPowerW(power.maxPowerW.value), formatPowerW(power.designPowerW.value),
               feeds.isEmpty() ? tr("none") : feeds.join(QStringLiteral(", ")))
          .arg(power.pdus.size())
          .arg(power.devices.size()));

  // Upstream choices: the hall's nodes a rack PDU can plug into.
  QList<const PowerNode*> upstreams;
  for (const PowerNode& node : project.powerNodes()) {
    if (node.hallId == rack->hallId() && feedsUpstream(node.kind)) {
      upstreams.append(&node);
    }
  }

  const double maxImbalance =
      mAnalysis.assumptions.value(QString::fromLatin1(assumption::kMaxLegImbalancePct));
  const double imbalanceMinLoading =
      mAnalysis.assumptions.value(QString::fromLatin1(assumption::kImbalanceMinLoadingPct));

  mPdus->setRowCount(int(power.pdus.size()));
  QHash<MountId, const PduLoad*> pduById;
  for (int row = 0; row < power.pdus.size(); ++row) {
    const PduLoad& pdu = power.pdus[row];
    pduById.insert(pdu.mountId, &pdu);
    const Mount* mount = rack->findMount(pdu.mountId);
    const PowerFeed feed = mount ? mount->feed : pdu.feed;
    const PowerNodeId upstream = mount ? mount->upstreamId : pdu.upstreamId;

    mPdus->setItem(row, PduLabel, textItem(shortPduLabel(pdu.label)));
    auto* model = textItem(pdu.model);
    model->setToolTip(pdu.catalogId);
    mPdus->setItem(row, PduModel, model);

    auto* feedBox = new QComboBox(mPdus);
    feedBox->setObjectName(QStringLiteral("feedCombo"));
    for (PowerFeed f : {PowerFeed::None, PowerFeed::A, PowerFeed::B, PowerFeed::C}) {
      feedBox->addItem(powerFeedName(f), int(f));
    }
    feedBox->setCurrentIndex(feedBox->findData(int(feed)));
    feedBox->setEnabled(mount != nullptr);
    const MountId mountId = pdu.mountId;
    connect(feedBox, &QComboBox::currentIndexChanged, this, [this, feedBox, mountId](int) {
      setPduFeed(mountId, PowerFeed(feedBox->currentData().toInt()));
    });
    mPdus->setItem(row, PduFeed, textItem(QString()));
    mPdus->setCellWidget(row, PduFeed, feedBox);

    auto* upBox = new QComboBox(mPdus);
    upBox->setObjectName(QStringLiteral("upstreamCombo"));
    upBox->addItem(QStringLiteral("—"), QString());
    for (const PowerNode* node : upstreams) {
      upBox->addItem(node->name, node->id.toString());
      upBox->setItemData(upBox->count() - 1, powerNodeKindName(node->kind), Qt::ToolTipRole);
    }
    if (!upstream.isNull() && upBox->findData(upstream.toString()) < 0) {
      const PowerNode* other = project.findPowerNode(upstream);
      upBox->addItem(other ? other->name : tr("(missing node)"), upstream.toString());
    }
    upBox->setCurrentIndex(upstream.isNull() ? 0 : upBox->findData(upstream.toString()));
    upBox->setEnabled(mount != nullptr);
    connect(upBox, &QComboBox::currentIndexChanged, this, [this, upBox, mountId](int) {
      setPduUpstream(mountId, PowerNodeId::fromString(upBox->currentData().toString()));
    });
    mPdus->setItem(row, PduUpstream, textItem(QString()));
    mPdus->setCellWidget(row, PduUpstream, upBox);

    auto* rating = textItem(pduRating(pdu));
    if (!pdu.rated) {
      tint(rating, errorColour());
      rating->setToolTip(tr("The catalog gives no voltage and current rating for this unit"));
    } else {
      rating->setToolTip(pdu.capacityW.formula);
    }
    mPdus->setItem(row, PduRating, rating);
    mPdus->setItem(row, PduLoadKw, textItem(kW(pdu.normal.loadW), true));
    const int legs = (pdu.supply == SupplyKind::Dc || pdu.phases == 1) ? 1 : 3;
    for (int leg = 0; leg < 3; ++leg) {
      mPdus->setItem(
          row, PduL1 + leg,
          textItem(leg < legs ? amps(pdu.normal.lineCurrentA[size_t(leg)]) : QStringLiteral("—"),
                   true));
    }
    auto* imbalance =
        textItem(legs == 3 ? percent(pdu.normal.imbalancePct) : QStringLiteral("—"), true);
    if (legs == 3 && pdu.normal.imbalancePct > maxImbalance &&
        pdu.normal.loadingPct >= imbalanceMinLoading) {
      tint(imbalance, warnColour());
    }
    mPdus->setItem(row, PduImbalance, imbalance);
    if (pdu.rated) {
      auto* loading = textItem(percent(pdu.normal.loadingPct), true);
      tint(loading, loadingColour(pdu.normal.loadingPct));
      mPdus->setItem(row, PduLoading, loading);
      const bool lost = pdu.failoverLostFeed != PowerFeed::None;
      auto* failover = textItem(
          lost ? tr("%1 (%2 lost)")
                     .arg(percent(pdu.failover.loadingPct), powerFeedName(pdu.failoverLostFeed))
               : percent(pdu.failover.loadingPct),
          true);
      failover->setToolTip(
          tr("%1 through this PDU, max line current %2 A")
              .arg(formatPowerW(pdu.failover.loadW), amps(pdu.failover.maxLineCurrentA)));
      tint(failover, loadingColour(pdu.failover.loadingPct));
      mPdus->setItem(row, PduFailover, failover);
    } else {
      for (int column : {int(PduLoading), int(PduFailover)}) {
        auto* item = textItem(tr("not rated"), true);
        tint(item, errorColour());
        mPdus->setItem(row, column, item);
      }
    }
  }

  // Devices.
  bool anyAutomatic = false;
  mDevices->setRowCount(int(power.devices.size()));
  for (int row = 0; row < power.devices.size(); ++row) {
    const DevicePower& device = power.devices[row];
    mDevices->setItem(
        row, DevName,
        textItem(device.lowestU > 0 ? tr("%1 · U%2").arg(device.model).arg(device.lowestU)
                                    : device.model));
    mDevices->item(row, DevName)->setToolTip(device.catalogId);
    mDevices->setItem(row, DevMaxKw, textItem(kW(device.maxW), true));
    mDevices->setItem(row, DevDesignKw, textItem(kW(device.designW), true));

    QString psus = QString::number(device.psuCount);
    if (device.psuRatingW > 0) {
      psus += QStringLiteral(" × ") + formatPowerW(device.psuRatingW);
    }
    psus += device.psuRedundancy.isEmpty() ? tr(" (%1 needed)").arg(device.psuRequired)
                                           : QStringLiteral(" (%1)").arg(device.psuRedundancy);
    if (device.psuAssumed) {
      psus += tr(", assumed");
    }
    auto* psuItem = textItem(psus);
    if (device.psuAssumed) {
      psuItem->setToolTip(tr("The catalog gives no PSU count: one inlet per feed assumed"));
    }
    mDevices->setItem(row, DevPsus, psuItem);

    QStringList plugs;
    bool allAutomatic = !device.inlets.isEmpty();
    bool someAutomatic = false;
    for (const InletLoad& inlet : device.inlets) {
      allAutomatic = allAutomatic && inlet.automatic;
      someAutomatic = someAutomatic || inlet.automatic;
      if (inlet.automatic && !inlet.pduMountId.isNull() && !device.mountId.isNull()) {
        anyAutomatic = true;
      }
    }
    for (const InletLoad& inlet : device.inlets) {
      const PduLoad* pdu = pduById.value(inlet.pduMountId, nullptr);
      QString text = pdu ? shortPduLabel(pdu->label) + QLatin1Char('/') + legName(pdu, inlet.leg)
                         : tr("unplugged");
      if (inlet.automatic && !allAutomatic) {
        text += tr(" (auto)");
      }
      plugs.append(text);
    }
    auto* inlets =
        textItem((allAutomatic ? tr("auto: ") : QString()) + plugs.join(QStringLiteral(", ")));
    if (someAutomatic) {
      QFont font = inlets->font();
      font.setItalic(true);
      inlets->setFont(font);
    }
    inlets->setToolTip(plugs.join(QLatin1Char('\n')));
    mDevices->setItem(row, DevInlets, inlets);

    QString loss = tr("keeps %1 of %2 %3")
                       .arg(device.survivingPsus)
                       .arg(device.psuCount)
                       .arg(device.survivesFeedLoss ? QStringLiteral("✓") : QStringLiteral("✗"));
    if (device.worstLostFeed != PowerFeed::None) {
      loss += tr(" (feed %1 lost)").arg(powerFeedName(device.worstLostFeed));
    }
    auto* lossItem = textItem(loss);
    if (!device.survivesFeedLoss) {
      tint(lossItem, errorColour());
    }
    mDevices->setItem(row, DevFeedLoss, lossItem);
  }

  bool anyPlugs = false;
  for (const Mount& mount : rack->mounts()) {
    anyPlugs = anyPlugs || !mount.plugs.isEmpty();
  }
  mBalance->setEnabled(anyAutomatic);
  mClearPlugs->setEnabled(anyPlugs);

  for (QTableWidget* table : {mPdus, mDevices}) {
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
  }
  // Combos need room for their longest entry and the arrow.
  for (int column : {int(PduFeed), int(PduUpstream)}) {
    int width = mPdus->columnWidth(column);
    for (int row = 0; row < mPdus->rowCount(); ++row) {
      if (QWidget* w = mPdus->cellWidget(row, column)) {
        width = std::max(width, w->sizeHint().width());
      }
    }
    mPdus->setColumnWidth(column, width);
  }
  // The PDU table is as tall as its rows (a rack has a few PDUs); devices take the rest.
  int height = mPdus->horizontalHeader()->height() + 2 * mPdus->frameWidth() + 2;
  for (int row = 0; row < mPdus->rowCount(); ++row) {
    height += mPdus->rowHeight(row);
  }
  if (mPdus->horizontalScrollBar()->isVisible()) {
    height += mPdus->horizontalScrollBar()->height();
  }
  mPdus->setMaximumHeight(std::max(height, 4 * mPdus->verticalHeader()->defaultSectionSize()));
}

bool RackPowerPanel::pushRack(const Rack& rack, const QString& text) {
  QString error;
  if (!mDocument.tryPush([&] { return std::make_unique<CmdEditRack>(mDocument, rack, text); },
                         &error)) {
    Q_EMIT editFailed(error);
    QMetaObject::invokeMethod(this, &RackPowerPanel::rebuild, Qt::QueuedConnection);
    return false;
  }
  return true;
}

namespace {
/// Replaces one mount of a rack copy (Rack offers insert/remove only).
template <typename Edit>
bool editMount(Rack& rack, MountId id, Edit edit) {
  const Mount* current = rack.findMount(id);
  if (!current) {
    return false;
  }
  Mount mount = *current;
  if (!edit(mount)) {
    return false;
  }
  qsizetype index = -1;
  rack.removeMount(id, &index);
  rack.insertMount(index, std::move(mount));
  return true;
}
}  // namespace

bool RackPowerPanel::setPduFeed(MountId pduMountId, PowerFeed feed) {
  const Rack* current = mDocument.project().findRack(mRackId);
  if (!current) {
    return false;
  }
  Rack rack = *current;
  if (!editMount(rack, pduMountId, [feed](Mount& m) {
        const bool changed = m.feed != feed;
        m.feed = feed;
        return changed;
      })) {
    return false;
  }
  return pushRack(rack, tr("Set PDU feed of %1 to %2").arg(rack.name(), powerFeedName(feed)));
}

bool RackPowerPanel::setPduUpstream(MountId pduMountId, PowerNodeId upstreamId) {
  const Rack* current = mDocument.project().findRack(mRackId);
  if (!current) {
    return false;
  }
  Rack rack = *current;
  if (!editMount(rack, pduMountId, [upstreamId](Mount& m) {
        const bool changed = m.upstreamId != upstreamId;
        m.upstreamId = upstreamId;
        return changed;
      })) {
    return false;
  }
  const PowerNode* node = mDocument.project().findPowerNode(upstreamId);
  return pushRack(rack, node ? tr("Plug PDU of %1 into %2").arg(rack.name(), node->name)
                             : tr("Unplug PDU of %1").arg(rack.name()));
}

bool RackPowerPanel::applyPhaseBalancing() {
  const Rack* current = mDocument.project().findRack(mRackId);
  const auto found = mAnalysis.power.racks.constFind(mRackId);
  if (!current || found == mAnalysis.power.racks.cend()) {
    return false;
  }
  Rack rack = *current;
  int written = 0;
  for (const DevicePower& device : found->devices) {
    if (device.mountId.isNull()) {
      continue;
    }
    editMount(rack, device.mountId, [&](Mount& m) {
      for (const InletLoad& inlet : device.inlets) {
        const bool taken = std::any_of(m.plugs.cbegin(), m.plugs.cend(),
                                       [&](const InletPlug& p) { return p.inlet == inlet.inlet; });
        if (inlet.automatic && !inlet.pduMountId.isNull() && !taken &&
            current->findMount(inlet.pduMountId)) {
          m.plugs.append(InletPlug{inlet.inlet, inlet.pduMountId, inlet.leg});
          ++written;
        }
      }
      return true;
    });
  }
  if (written == 0) {
    return false;
  }
  return pushRack(rack, tr("Apply phase balancing to %1 (%2 plugs)").arg(rack.name()).arg(written));
}

bool RackPowerPanel::clearPlugs() {
  const Rack* current = mDocument.project().findRack(mRackId);
  if (!current) {
    return false;
  }
  Rack rack = *current;
  bool changed = false;
  for (const Mount& mount : current->mounts()) {
    changed = editMount(rack, mount.id,
                        [](Mount& m) {
                          if (m.plugs.isEmpty()) {
                            return false;
                          }
                          m.plugs.clear();
                          return true;
                        }) ||
              changed;
  }
  return changed && pushRack(rack, tr("Clear inlet plugs of %1").arg(rack.name()));
}

}  // namespace dc
