// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackpowerpanel.h"

#include "edit/cmdeditrack.h"
#include "floorplan/floorpalette.h"
#include "format/quantityformat.h"
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

/// The rack's verdict in the simulated failure, for the header; empty in normal operation.
QString failureLine(const Analysis& analysis, RackId rack) {
  const FailureResult& failure = analysis.power.failure;
  const auto outcome = failure.racks.constFind(rack);
  if (failure.scenario.kind == FailureScenario::Kind::None || outcome == failure.racks.cend()) {
    return {};
  }
  const QColor colour = verdictColor(outcome->verdict).darker(160);
  return QStringLiteral("<br>%1: <b style='color:%2'>%3</b>%4")
      .arg(failure.description.toHtmlEscaped(), colour.name(), rackVerdictName(outcome->verdict),
           outcome->reason.isEmpty() ? QString()
                                     : QStringLiteral(" — ") + outcome->reason.toHtmlEscaped());
}

/// A table whose preferred height is that of its rows: no empty space below the last row, no
/// vertical scroll bar while the layout has the room. Shrinks to `minRows` when it has not.
class FitTable final : public QTableWidget {
 public:
  FitTable(int columns, int minRows, QWidget* parent)
      : QTableWidget(0, columns, parent), mMinRows(minRows) {
    connect(verticalHeader(), &QHeaderView::sectionResized, this, [this] { updateGeometry(); });
    connect(horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this] { updateGeometry(); });
  }
  QSize sizeHint() const override {
    return {QTableWidget::sizeHint().width(), fittedHeight(rowCount())};
  }
  QSize minimumSizeHint() const override {
    return {QTableWidget::minimumSizeHint().width(),
            fittedHeight(std::min(mMinRows, std::max(1, rowCount())))};
  }

 private:
  int fittedHeight(int rows) const {
    int height = 2 * frameWidth();
    if (horizontalHeader()->isVisible()) {
      height += horizontalHeader()->sizeHint().height();
    }
    int counted = 0;
    for (int row = 0; row < rowCount() && counted < rows; ++row) {
      if (!isRowHidden(row)) {
        height += rowHeight(row);
        ++counted;
      }
    }
    if (counted < rows) {  // room for the rows to come (an empty table keeps a few lines)
      height += (rows - counted) * verticalHeader()->defaultSectionSize();
    }
    if (horizontalScrollBar()->maximum() > 0 ||
        horizontalHeader()->length() > viewport()->width()) {
      height += horizontalScrollBar()->sizeHint().height();
    }
    return height;
  }

  int mMinRows = 0;
};

void setupTable(QTableWidget* table) {
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setAlternatingRowColors(true);
  table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
  table->setTextElideMode(Qt::ElideRight);
  table->horizontalHeader()->setHighlightSections(false);
  table->verticalHeader()->setHighlightSections(false);
}

/// A combo that fits a narrow PDU column: it shrinks to the column and elides its text.
QComboBox* cellCombo(const QString& objectName, QWidget* parent) {
  auto* box = new QComboBox(parent);
  box->setObjectName(objectName);
  box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  box->setMinimumContentsLength(4);
  box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
  return box;
}

/// "Max (kW)" over "/ design": two short lines keep the column as narrow as its figures.
QString devicePowerHeader(const QString& unit) {
  return headerWithUnit(QObject::tr("Max"), unit) + QObject::tr("\n/ design");
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

  pageLayout->addSpacing(4);
  auto* pduTitle = new QLabel(tr("<b>PDUs and feeds</b>"), page);
  pageLayout->addWidget(pduTitle);
  // Transposed: one column per PDU, one row per figure, so that a rack's few PDUs read side by
  // side in a narrow dock.
  mPdus = new FitTable(0, PduRowCount, page);
  mPdus->setObjectName(QStringLiteral("pduTable"));
  setupTable(mPdus);
  mPdus->setSelectionMode(QAbstractItemView::NoSelection);
  mPdus->setFocusPolicy(Qt::NoFocus);
  mPdus->setWordWrap(false);
  mPdus->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  mPdus->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  mPdus->horizontalHeader()->setMinimumSectionSize(56);
  mPdus->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
  mPdus->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mPdus->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  pageLayout->addWidget(mPdus);

  pageLayout->addSpacing(4);
  auto* devTitle = new QLabel(tr("<b>Devices and PSUs</b>"), page);
  pageLayout->addWidget(devTitle);
  mDevices = new FitTable(DevColumnCount, 3, page);
  mDevices->setHorizontalHeaderLabels(
      {tr("Device"), devicePowerHeader(QStringLiteral("kW")), tr("PSUs"), tr("On feed\nloss")});
  mDevices->setObjectName(QStringLiteral("deviceTable"));
  setupTable(mDevices);
  mDevices->setSelectionBehavior(QAbstractItemView::SelectRows);
  mDevices->setSelectionMode(QAbstractItemView::SingleSelection);
  mDevices->setWordWrap(true);  // a long device name takes a second line in a narrow dock
  mDevices->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mDevices->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
  mDevices->verticalHeader()->setVisible(false);
  QHeaderView* devHeader = mDevices->horizontalHeader();
  devHeader->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  devHeader->setMinimumSectionSize(40);
  devHeader->setSectionResizeMode(QHeaderView::ResizeToContents);
  devHeader->setSectionResizeMode(DevName, QHeaderView::Stretch);
  mDevices->horizontalHeaderItem(DevPower)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  mDevices->horizontalHeaderItem(DevPower)->setToolTip(
      tr("Max (nameplate) / design power of the device"));
  mDevices->horizontalHeaderItem(DevPsus)->setToolTip(
      tr("PSU inlets × PSU rating (redundancy, or PSUs needed)"));
  mDevices->horizontalHeaderItem(DevFeedLoss)
      ->setToolTip(tr("PSUs left when the worst feed is lost, and whether they carry the "
                      "device's max power"));
  pageLayout->addWidget(mDevices, 1);

  mInlets = new QLabel(page);
  mInlets->setObjectName(QStringLiteral("inletsLabel"));
  mInlets->setTextFormat(Qt::RichText);
  mInlets->setWordWrap(true);
  mInlets->setTextInteractionFlags(Qt::TextSelectableByMouse);
  mInlets->setToolTip(
      tr("Where each PSU inlet of the selected device is plugged (PDU/leg); italic “auto”: "
         "assigned by the engine's phase balancing, not yet drawn in the design"));
  pageLayout->addWidget(mInlets);

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
  pageLayout->addStretch(1);
  mStack->addWidget(page);

  connect(mBalance, &QPushButton::clicked, this, [this] { applyPhaseBalancing(); });
  connect(mClearPlugs, &QPushButton::clicked, this, [this] { clearPlugs(); });
  connect(mDevices, &QTableWidget::itemSelectionChanged, this, &RackPowerPanel::showSelectedInlets);
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

void RackPowerPanel::showSelectedInlets() {
  const int row = mDevices->currentRow();
  if (row < 0 || row >= mInletTexts.size()) {
    mInlets->setText(mInletTexts.isEmpty() ? QString()
                                           : tr("<i>Select a device to see where its inlets "
                                                "are plugged.</i>"));
    return;
  }
  const QTableWidgetItem* name = mDevices->item(row, DevName);
  mInlets->setText(tr("<b>Inlets</b> of %1: %2")
                       .arg(name ? name->text().toHtmlEscaped() : QString(), mInletTexts[row]));
}

void RackPowerPanel::rebuild() {
  const Project& project = mDocument.project();
  const Rack* rack = mRackId.isNull() ? nullptr : project.findRack(mRackId);
  const auto found = mAnalysis.power.racks.constFind(mRackId);
  const int keptDeviceRow = mShownRack == mRackId ? mDevices->currentRow() : -1;
  mShownRack = mRackId;
  mPdus->setColumnCount(0);
  mPdus->setRowCount(0);
  mDevices->setRowCount(0);
  mInletTexts.clear();
  if (!rack || found == mAnalysis.power.racks.cend()) {
    mEmpty->setText(rack ? tr("Rack %1 has not been analysed yet.").arg(rack->name())
                         : tr("Select a rack on the floor plan to see its PDUs, feeds and PSUs."));
    mStack->setCurrentWidget(mEmpty);
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
               formatFigure(power.maxPowerW, Quantity::PowerW),
               formatFigure(power.designPowerW, Quantity::PowerW),
               feeds.isEmpty() ? tr("none") : feeds.join(QStringLiteral(", ")))
          .arg(power.pdus.size())
          .arg(power.devices.size()) +
      failureLine(mAnalysis, rack->id()));

  // Upstream choices: the hall's nodes a rack PDU can plug into.
  QList<const PowerNode*> upstreams;
  for (const PowerNode& node : project.powerNodes()) {
    if (node.hallId == rack->hallId() && feedsUpstream(node.kind)) {
      upstreams.append(&node);
    }
  }

  const double maxImbalance =
      mAnalysis.assumptions.value(QString::fromLatin1(assumption::kMaxLegImbalancePct));

  // PDUs: one column each, one row per figure; units in the row labels. Capacity and load share
  // one unit, that of the largest of them, so the two rows compare at a glance.
  QList<double> pduPowersW;
  for (const PduLoad& pdu : power.pdus) {
    pduPowersW << (pdu.rated ? pdu.capacityW.value : 0.0) << pdu.normal.loadW;
  }
  const QString powerUnit = columnUnit(pduPowersW, Quantity::PowerW);
  const auto inPowerUnit = [&powerUnit](double watts, Confidence confidence) {
    return formatInUnit(watts, Quantity::PowerW, powerUnit, NumberStyle::forConfidence(confidence));
  };
  const auto amps = [](double a) {
    return formatInUnit(a, Quantity::CurrentA, QStringLiteral("A"));
  };
  const auto percent = [](double pct) {
    return formatInUnit(pct, Quantity::Percent, QStringLiteral("%"));
  };
  const auto withA = [](double a) {
    return formatQuantity(a, Quantity::CurrentA);
  };
  mPdus->setRowCount(PduRowCount);
  mPdus->setColumnCount(int(power.pdus.size()));
  mPdus->setVerticalHeaderLabels(
      {tr("Feed"), tr("Plugged into"), tr("Rating"), headerWithUnit(tr("Continuous"), powerUnit),
       headerWithUnit(tr("Load"), powerUnit), tr("L1 (A)"), tr("L2 (A)"), tr("L3 (A)"),
       tr("Neutral (A)"), tr("Imbalance (%)"), tr("Loading (%)"), tr("Worst feed lost (%)")});
  mPdus->verticalHeaderItem(PduRating)->setToolTip(tr("Input voltage, supply and plug rating"));
  mPdus->verticalHeaderItem(PduContinuous)
      ->setToolTip(tr("Continuous real-power capacity: rating × derating"));
  mPdus->verticalHeaderItem(PduL1)->setToolTip(tr("Input line currents, normal operation"));
  mPdus->verticalHeaderItem(PduNeutral)->setToolTip(tr("Neutral current of wye units"));
  mPdus->verticalHeaderItem(PduImbalance)
      ->setToolTip(tr("(largest − mean) / mean of the line currents, normal operation"));
  mPdus->verticalHeaderItem(PduLoading)
      ->setToolTip(tr("Largest line current / continuous current, normal operation"));
  mPdus->verticalHeaderItem(PduFailover)
      ->setToolTip(tr("Loading with the feed lost whose loss loads this PDU most"));
  const auto numberItem = [](const QString& text) {
    return tableItem(text, true);
  };
  const QString dash = QStringLiteral("—");
  bool anyWye = false;
  const bool compact = power.pdus.size() > 3;
  QHash<MountId, const PduLoad*> pduById;
  for (int column = 0; column < power.pdus.size(); ++column) {
    const PduLoad& pdu = power.pdus[column];
    pduById.insert(pdu.mountId, &pdu);
    const Mount* mount = rack->findMount(pdu.mountId);
    const PowerFeed feed = mount ? mount->feed : pdu.feed;
    const PowerNodeId upstream = mount ? mount->upstreamId : pdu.upstreamId;

    auto* header = new QTableWidgetItem(shortPduLabel(pdu.label));
    header->setToolTip(tr("%1\n%2\n%3").arg(pdu.label, pdu.model, pdu.catalogId));
    mPdus->setHorizontalHeaderItem(column, header);

    auto* feedBox = cellCombo(QStringLiteral("feedCombo"), mPdus);
    for (PowerFeed f : {PowerFeed::None, PowerFeed::A, PowerFeed::B, PowerFeed::C}) {
      feedBox->addItem(powerFeedName(f), int(f));
    }
    feedBox->setCurrentIndex(feedBox->findData(int(feed)));
    feedBox->setEnabled(mount != nullptr);
    feedBox->setToolTip(tr("Feed of %1").arg(shortPduLabel(pdu.label)));
    const MountId mountId = pdu.mountId;
    connect(feedBox, &QComboBox::currentIndexChanged, this, [this, feedBox, mountId](int) {
      setPduFeed(mountId, PowerFeed(feedBox->currentData().toInt()));
    });
    mPdus->setItem(PduFeed, column, tableItem(QString()));
    mPdus->setCellWidget(PduFeed, column, feedBox);

    auto* upBox = cellCombo(QStringLiteral("upstreamCombo"), mPdus);
    upBox->addItem(dash, QString());
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
    upBox->setToolTip(
        upstream.isNull()
            ? tr("%1 is not plugged into a busway, RPP or switchboard")
                  .arg(shortPduLabel(pdu.label))
            : tr("%1 is plugged into %2").arg(shortPduLabel(pdu.label), upBox->currentText()));
    connect(upBox, &QComboBox::currentIndexChanged, this, [this, upBox, mountId](int) {
      setPduUpstream(mountId, PowerNodeId::fromString(upBox->currentData().toString()));
    });
    mPdus->setItem(PduUpstream, column, tableItem(QString()));
    mPdus->setCellWidget(PduUpstream, column, upBox);

    // More PDUs than fit side by side on one line each: the long texts take two lines.
    QString ratingText = pduRating(pdu);
    if (compact && pdu.rated) {
      const qsizetype split = ratingText.indexOf(QLatin1Char(' '), ratingText.indexOf(" V") + 1);
      if (split > 0) {
        ratingText[split] = QLatin1Char('\n');
      }
    }
    auto* rating = numberItem(ratingText);
    auto* continuous =
        numberItem(pdu.rated ? inPowerUnit(pdu.capacityW.value, pdu.capacityW.confidence) : dash);
    if (!pdu.rated) {
      tint(rating, errorColour());
      rating->setToolTip(tr("The catalog gives no voltage and current rating for this unit"));
    } else {
      rating->setToolTip(tr("%1, %2 continuous (%3)")
                             .arg(pduRating(pdu), formatFigure(pdu.capacityW, Quantity::PowerW),
                                  withA(pdu.continuousCurrentA)));
      continuous->setToolTip(pdu.capacityW.formula);
    }
    mPdus->setItem(PduRating, column, rating);
    mPdus->setItem(PduContinuous, column, continuous);
    mPdus->setItem(PduLoadKw, column,
                   numberItem(inPowerUnit(pdu.normal.loadW, Confidence::Derived)));
    const int legs = (pdu.supply == SupplyKind::Dc || pdu.phases == 1) ? 1 : 3;
    for (int leg = 0; leg < 3; ++leg) {
      auto* item =
          numberItem(leg < legs ? amps(pdu.normal.lineCurrentA[size_t(leg)]) : QString(dash));
      if (legs == 1 && leg == 0) {
        item->setToolTip(tr("%1 current").arg(legName(&pdu, 0)));
      }
      mPdus->setItem(PduL1 + leg, column, item);
    }
    const bool wye = pdu.supply == SupplyKind::ThreePhaseWye && legs == 3;
    anyWye = anyWye || wye;
    mPdus->setItem(PduNeutral, column,
                   numberItem(wye ? amps(pdu.normal.neutralCurrentA) : QString(dash)));
    auto* imbalance = numberItem(legs == 3 ? percent(pdu.normal.imbalancePct) : QString(dash));
    if (pdu.imbalanced) {
      tint(imbalance, warnColour());
      imbalance->setToolTip(
          tr("Above the %1 imbalance limit")
              .arg(formatQuantity(maxImbalance, Quantity::Percent, NumberStyle::forNominal())));
    }
    mPdus->setItem(PduImbalance, column, imbalance);
    if (pdu.rated) {
      auto* loading = numberItem(percent(pdu.normal.loadingPct));
      loading->setToolTip(
          tr("Max line current %1 of %2 continuous")
              .arg(withA(pdu.normal.maxLineCurrentA), withA(pdu.continuousCurrentA)));
      tint(loading, loadingColour(pdu.normal.loadingPct, loadingWarnPct(mAnalysis)));
      mPdus->setItem(PduLoading, column, loading);
      const bool lost = pdu.failoverLostFeed != PowerFeed::None;
      auto* failover = numberItem(
          lost ? (compact ? tr("%1\n(%2 lost)") : tr("%1 (%2 lost)"))
                     .arg(percent(pdu.failover.loadingPct), powerFeedName(pdu.failoverLostFeed))
               : percent(pdu.failover.loadingPct));
      failover->setToolTip(
          (lost ? tr("Feed %1 lost: ").arg(powerFeedName(pdu.failoverLostFeed)) : QString()) +
          tr("%1 through this PDU, max line current %2")
              .arg(formatQuantity(pdu.failover.loadW, Quantity::PowerW),
                   withA(pdu.failover.maxLineCurrentA)));
      tint(failover, loadingColour(pdu.failover.loadingPct, loadingWarnPct(mAnalysis)));
      mPdus->setItem(PduFailover, column, failover);
    } else {
      for (int row : {int(PduLoading), int(PduFailover)}) {
        auto* item = numberItem(tr("not rated"));
        tint(item, errorColour());
        mPdus->setItem(row, column, item);
      }
    }
  }
  mPdus->setRowHidden(PduNeutral, !anyWye);
  mPdus->setVisible(!power.pdus.isEmpty());

  // Devices: one row each; the inlets in the row's tooltip and the line under the table. The
  // power column is in the unit of the rack's largest device.
  QList<double> deviceMaxW;
  for (const DevicePower& device : power.devices) {
    deviceMaxW.append(device.maxW);
  }
  const QString deviceUnit = columnUnit(deviceMaxW, Quantity::PowerW);
  mDevices->horizontalHeaderItem(DevPower)->setText(devicePowerHeader(deviceUnit));
  bool anyAutomatic = false;
  mDevices->setRowCount(int(power.devices.size()));
  for (int row = 0; row < power.devices.size(); ++row) {
    const DevicePower& device = power.devices[row];
    // "DGX H100 · U3"; a no-break space keeps "· U3" together when the name wraps.
    const QString name = device.lowestU > 0
                             ? tr("%1 ·\u00a0U%2").arg(device.model).arg(device.lowestU)
                             : device.model;
    auto* nameItem = tableItem(name);
    mDevices->setItem(row, DevName, nameItem);
    mDevices->setItem(
        row, DevPower,
        tableItem(tr("%1 / %2").arg(formatInUnit(device.maxW, Quantity::PowerW, deviceUnit),
                                    formatInUnit(device.designW, Quantity::PowerW, deviceUnit)),
                  true));

    QString psus = QString::number(device.psuCount);
    if (device.psuRatingW > 0) {
      psus += QStringLiteral(" × ") +
              formatQuantity(device.psuRatingW, Quantity::PowerW, NumberStyle::forNominal());
    }
    psus += device.psuRedundancy.isEmpty() ? tr(" (%1 needed)").arg(device.psuRequired)
                                           : QStringLiteral(" (%1)").arg(device.psuRedundancy);
    if (device.psuAssumed) {
      psus += tr(", assumed");
    }
    auto* psuItem = tableItem(psus);
    mDevices->setItem(row, DevPsus, psuItem);

    bool allAutomatic = !device.inlets.isEmpty();
    bool someAutomatic = false;
    for (const InletLoad& inlet : device.inlets) {
      allAutomatic = allAutomatic && inlet.automatic;
      someAutomatic = someAutomatic || inlet.automatic;
      if (inlet.automatic && !inlet.pduMountId.isNull() && !device.mountId.isNull()) {
        anyAutomatic = true;
      }
    }
    QStringList plugs;
    QStringList plugLines;
    for (const InletLoad& inlet : device.inlets) {
      const PduLoad* pdu = pduById.value(inlet.pduMountId, nullptr);
      const QString where =
          pdu ? shortPduLabel(pdu->label) + QLatin1Char('/') + legName(pdu, inlet.leg)
              : tr("unplugged");
      const QString automatic = inlet.automatic ? tr(" (auto)") : QString();
      // The line wraps between inlets, never inside "PDU 1/L2" (no-break space, word joiner).
      QString unbroken = where.toHtmlEscaped();
      unbroken.replace(QLatin1Char(' '), QChar(0x00a0));
      unbroken.replace(QLatin1Char('/'), QStringLiteral("/\u2060"));
      plugs.append(unbroken + (inlet.automatic && !allAutomatic
                                   ? QStringLiteral(" <i>%1</i>").arg(tr("auto"))
                                   : QString()));
      plugLines.append(tr("PSU %1 → %2%3").arg(inlet.inlet + 1).arg(where, automatic));
    }
    mInletTexts.append(
        plugs.isEmpty()
            ? tr("none")
            : (allAutomatic ? QStringLiteral("<i>%1</i> ").arg(tr("auto:")) : QString()) +
                  plugs.join(QStringLiteral(", ")));

    QString loss = tr("keeps %1 of %2 %3")
                       .arg(device.survivingPsus)
                       .arg(device.psuCount)
                       .arg(device.survivesFeedLoss ? QStringLiteral("✓") : QStringLiteral("✗"));
    if (device.worstLostFeed != PowerFeed::None) {
      loss += tr(" (%1 lost)").arg(powerFeedName(device.worstLostFeed));
    }
    auto* lossItem = tableItem(loss);
    if (!device.survivesFeedLoss) {
      tint(lossItem, errorColour());
    }
    mDevices->setItem(row, DevFeedLoss, lossItem);

    // The row's tooltip: the full name, the figures and where each inlet is plugged.
    QString tip = tr("%1\n%2\nMax %3, design %4\n%5 PSUs%6")
                      .arg(name, device.catalogId, formatQuantity(device.maxW, Quantity::PowerW),
                           formatQuantity(device.designW, Quantity::PowerW))
                      .arg(psus, device.psuAssumed
                                     ? tr(" (the catalog gives no PSU count: one inlet per feed "
                                          "assumed)")
                                     : QString());
    if (!plugLines.isEmpty()) {
      tip += tr("\nInlets → PDU/leg:\n  ") + plugLines.join(QStringLiteral("\n  "));
    }
    tip += QLatin1Char('\n') + tr("On feed loss: ") + loss;
    for (int column = 0; column < DevColumnCount; ++column) {
      mDevices->item(row, column)->setToolTip(tip);
    }
  }
  if (mDevices->rowCount() > 0) {
    mDevices->setCurrentCell(std::clamp(keptDeviceRow, 0, mDevices->rowCount() - 1), DevName);
  }
  showSelectedInlets();

  bool anyPlugs = false;
  for (const Mount& mount : rack->mounts()) {
    anyPlugs = anyPlugs || !mount.plugs.isEmpty();
  }
  mBalance->setEnabled(anyAutomatic);
  mClearPlugs->setEnabled(anyPlugs);
  mPdus->updateGeometry();
  mDevices->updateGeometry();
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
