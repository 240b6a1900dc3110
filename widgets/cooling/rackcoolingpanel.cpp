// SPDX-License-Identifier: GPL-3.0-or-later
#include "rackcoolingpanel.h"

#include "floorplan/floorpalette.h"
#include "format/quantityformat.h"
#include "power/powerformat.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dc {

using namespace powerview;

namespace {

const QString kNoRack = QStringLiteral(
    "Select a rack on the floor plan to see its heat split, airflow, coolant flow and the "
    "cooling the engine recommends.");

QTableWidgetItem* numberItem(const QString& text, const QString& tip = {}) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setToolTip(tip);
  return item;
}

/// "38.2 %" of `part` in `whole`; empty when there is no whole.
QString shareOf(double part, double whole) {
  return whole > 0 ? formatQuantity(100.0 * part / whole, Quantity::Percent) : QString();
}

/// The figure table's row labels; the heat rows name `powerUnit`.
QStringList rowLabels(const QString& powerUnit) {
  const auto power = [&powerUnit](const QString& title) {
    return headerWithUnit(title, powerUnit);
  };
  return {power(QObject::tr("Heat")),
          power(QObject::tr("To liquid")),
          power(QObject::tr("To air")),
          power(QObject::tr("Removed by rear door")),
          power(QObject::tr("Left to the room")),
          headerWithUnit(QObject::tr("Airflow"), QStringLiteral("m³/h")),
          headerWithUnit(QObject::tr("Coolant flow"), QStringLiteral("L/s")),
          QObject::tr("Rear door"),
          power(QObject::tr("Door capacity")),
          QObject::tr("CDU loop"),
          QObject::tr("Air zone")};
}

/// A figure in a fixed unit, with the digits of its confidence.
QString inUnit(const Figure& figure, Quantity quantity, const QString& unit) {
  return formatInUnit(figure.value, quantity, unit, NumberStyle::forConfidence(figure.confidence));
}

/// A figure's formula and sources, for a tooltip.
QString figureTip(const Figure& figure) {
  QString tip = figure.formula;
  if (!figure.sources.isEmpty()) {
    tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
           QObject::tr("Sources: %1").arg(figure.sources.join(QStringLiteral("; ")));
  }
  return tip;
}

bool concernsRack(const Finding& finding, RackId rack) {
  if (finding.rackId() == rack) {
    return true;
  }
  for (const ObjectRef& related : finding.related) {
    if (related.rackId == rack) {
      return true;
    }
  }
  return false;
}

bool isCoolingFailure(const FailureResult& failure) {
  return failure.scenario.kind == FailureScenario::Kind::Cdu ||
         failure.scenario.kind == FailureScenario::Kind::Crah;
}

}  // namespace

RackCoolingPanel::RackCoolingPanel(DesignDocument& document, const Catalog& catalog,
                                   QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  mStack = new QStackedWidget(this);
  layout->addWidget(mStack);

  mEmpty = new QLabel(kNoRack, this);
  mEmpty->setObjectName(QStringLiteral("rackCoolingEmpty"));
  mEmpty->setAlignment(Qt::AlignCenter);
  mEmpty->setWordWrap(true);
  mEmpty->setEnabled(false);
  mStack->addWidget(mEmpty);

  auto* page = new QWidget(this);
  auto* pageLayout = new QVBoxLayout(page);
  pageLayout->setContentsMargins(0, 0, 0, 0);
  mHeader = new QLabel(page);
  mHeader->setObjectName(QStringLiteral("rackCoolingHeader"));
  mHeader->setTextFormat(Qt::RichText);
  mHeader->setWordWrap(true);
  pageLayout->addWidget(mHeader);
  mMode = new QLabel(page);
  mMode->setObjectName(QStringLiteral("coolingMode"));
  mMode->setTextFormat(Qt::RichText);
  mMode->setWordWrap(true);
  pageLayout->addWidget(mMode);
  mReason = new QLabel(page);
  mReason->setObjectName(QStringLiteral("coolingReason"));
  mReason->setTextFormat(Qt::PlainText);
  mReason->setWordWrap(true);
  mReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
  pageLayout->addWidget(mReason);
  mVerdict = new QLabel(page);
  mVerdict->setObjectName(QStringLiteral("coolingVerdict"));
  mVerdict->setTextFormat(Qt::RichText);
  mVerdict->setWordWrap(true);
  pageLayout->addWidget(mVerdict);

  pageLayout->addSpacing(4);
  pageLayout->addWidget(new QLabel(tr("<b>Heat and flows</b> (at max IT power)"), page));
  mFigures = new QTableWidget(RowCount, ColumnCount, page);
  mFigures->setObjectName(QStringLiteral("coolingFigures"));
  mFigures->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mFigures->setSelectionMode(QAbstractItemView::NoSelection);
  mFigures->setFocusPolicy(Qt::NoFocus);
  mFigures->setAlternatingRowColors(true);
  mFigures->setWordWrap(false);
  mFigures->setHorizontalHeaderLabels({tr("Value"), tr("Share / other unit")});
  mFigures->setVerticalHeaderLabels(rowLabels(QStringLiteral("kW")));
  mFigures->verticalHeaderItem(RowToLiquid)
      ->setToolTip(tr("Captured by cold plates: Σ device liquid fraction × power"));
  mFigures->verticalHeaderItem(RowToRoom)->setToolTip(
      tr("Heat in air the rear door does not remove: the room's air units carry it"));
  mFigures->verticalHeaderItem(RowDoorCapacity)
      ->setToolTip(tr("The door's capacity derated to the chilled-water and exhaust temperatures"));
  mFigures->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  mFigures->horizontalHeader()->setHighlightSections(false);
  mFigures->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mFigures->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  mFigures->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
  pageLayout->addWidget(mFigures);

  pageLayout->addSpacing(4);
  pageLayout->addWidget(new QLabel(tr("<b>Cooling findings</b>"), page));
  mFindings = new QListWidget(page);
  mFindings->setObjectName(QStringLiteral("rackCoolingFindings"));
  mFindings->setWordWrap(true);
  mFindings->setSelectionMode(QAbstractItemView::NoSelection);
  pageLayout->addWidget(mFindings, 1);
  mStack->addWidget(page);

  // Undo and redo change the rack's mode and door: follow the document's names too.
  connect(&mDocument, &DesignDocument::changed, this, [this] {
    QMetaObject::invokeMethod(this, &RackCoolingPanel::rebuild, Qt::QueuedConnection);
  });
  rebuild();
}

void RackCoolingPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuild();
}

void RackCoolingPanel::setSelection(const QList<RackId>& ids) {
  const RackId id = ids.isEmpty() ? RackId() : ids.first();
  if (id != mRackId) {
    mRackId = id;
    rebuild();
  }
}

QStringList RackCoolingPanel::findingCodes() const {
  QStringList codes;
  for (int i = 0; i < mFindings->count(); ++i) {
    const QString code = mFindings->item(i)->data(Qt::UserRole).toString();
    if (!code.isEmpty()) {
      codes.append(code);
    }
  }
  return codes;
}

void RackCoolingPanel::rebuild() {
  const Project& project = mDocument.project();
  const Rack* rack = mRackId.isNull() ? nullptr : project.findRack(mRackId);
  const auto found = mAnalysis.cooling.racks.constFind(mRackId);
  mFindings->clear();
  if (!rack || found == mAnalysis.cooling.racks.cend()) {
    mEmpty->setText(rack ? tr("Rack %1 has no cooling analysis yet.").arg(rack->name()) : kNoRack);
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  const RackCooling& rc = found.value();
  if (rc.coolingUnit) {
    mEmpty->setText(tr("%1 is a floor cooling unit: see the Cooling Loops panel for what it "
                       "serves.")
                        .arg(rack->name()));
    mStack->setCurrentWidget(mEmpty);
    return;
  }
  mStack->setCurrentIndex(1);

  const CatalogItem* type = mCatalog.find(rack->rackTypeId());
  mHeader->setText(
      tr("<span style='font-size:large'><b>%1</b></span> &nbsp;%2")
          .arg(rack->name().toHtmlEscaped(),
               type ? type->model.toHtmlEscaped() : rack->rackTypeId().toHtmlEscaped()));

  const QString chosen = coolingModeName(rc.mode);
  const QString recommended = coolingOptionName(rc.recommended);
  mMode->setText(tr("Chosen: <b>%1</b> · recommended: <b>%2</b> (margin %3)")
                     .arg(chosen.toHtmlEscaped(), recommended.toHtmlEscaped(),
                          formatQuantity(rc.marginPct, Quantity::Percent)));
  mReason->setText(rc.reason);
  QString verdict = rc.modeHolds
                        ? tr("<b style='color:%1'>✓ %2 holds:</b> it removes the rack's heat")
                              .arg(verdictColor(RackVerdict::Holds).darker(170).name(), chosen)
                        : tr("<b style='color:%1'>✗ %2 does not hold:</b> it does not remove the "
                             "rack's heat")
                              .arg(errorColour().name(), chosen);
  const FailureResult& failure = mAnalysis.failure();
  const auto outcome = failure.racks.constFind(rack->id());
  if (isCoolingFailure(failure) && outcome != failure.racks.cend()) {
    verdict += tr("<br>%1: <b style='color:%2'>%3</b>%4")
                   .arg(failure.description.toHtmlEscaped(),
                        verdictColor(outcome->verdict).darker(160).name(),
                        rackVerdictName(outcome->verdict),
                        outcome->reason.isEmpty()
                            ? QString()
                            : QStringLiteral(" — ") + outcome->reason.toHtmlEscaped());
  }
  mVerdict->setText(verdict);

  // The heat split: power and share of the rack's heat, every power row in the unit of the
  // largest (the heat or the door's capacity), named in the row labels.
  const double heat = rc.heatW.value;
  const QString powerUnit =
      columnUnit({heat, rc.heatToLiquidW.value, rc.heatToAirW.value, rc.heatToDoorW.value,
                  rc.heatToRoomW.value, rc.rearDoorId.isEmpty() ? 0.0 : rc.rearDoorCapacityW.value},
                 Quantity::PowerW);
  const QStringList labels = rowLabels(powerUnit);
  for (int row = 0; row < RowCount; ++row) {
    mFigures->verticalHeaderItem(row)->setText(labels[row]);
  }
  const auto heatRow = [&](int row, const Figure& figure, bool share) {
    mFigures->setItem(row, ColValue,
                      numberItem(inUnit(figure, Quantity::PowerW, powerUnit), figureTip(figure)));
    mFigures->setItem(
        row, ColDetail,
        numberItem(share ? shareOf(figure.value, heat) : QString(), figureTip(figure)));
  };
  heatRow(RowHeat, rc.heatW, false);
  heatRow(RowToLiquid, rc.heatToLiquidW, true);
  heatRow(RowToAir, rc.heatToAirW, true);
  heatRow(RowToDoor, rc.heatToDoorW, true);
  heatRow(RowToRoom, rc.heatToRoomW, true);
  const QString m3h = QStringLiteral("m³/h");
  const QString cfm = QStringLiteral("CFM");
  const QString lps = QStringLiteral("L/s");
  const QString lpm = QStringLiteral("L/min");
  mFigures->setItem(RowAirflow, ColValue,
                    numberItem(inUnit(rc.airflowM3PerH, Quantity::AirflowM3PerH, m3h),
                               figureTip(rc.airflowM3PerH)));
  mFigures->setItem(
      RowAirflow, ColDetail,
      numberItem(inUnit(rc.airflowM3PerH, Quantity::AirflowM3PerH, cfm) + QLatin1Char(' ') + cfm));
  mFigures->setItem(
      RowCoolantFlow, ColValue,
      numberItem(inUnit(rc.coolantFlowLps, Quantity::FlowLps, lps), figureTip(rc.coolantFlowLps)));
  mFigures->setItem(
      RowCoolantFlow, ColDetail,
      numberItem(inUnit(rc.coolantFlowLps, Quantity::FlowLps, lpm) + QLatin1Char(' ') + lpm));

  const CatalogItem* door = rc.rearDoorId.isEmpty() ? nullptr : mCatalog.find(rc.rearDoorId);
  const QString doorName =
      rc.rearDoorId.isEmpty()
          ? tr("none")
          : (door ? door->vendor + QLatin1Char(' ') + door->model : rc.rearDoorId);
  auto* doorItem = numberItem(doorName, rc.rearDoorId);
  mFigures->setItem(RowRearDoor, ColValue, doorItem);
  mFigures->setItem(RowRearDoor, ColDetail, numberItem(QString()));
  mFigures->setItem(RowDoorCapacity, ColValue,
                    numberItem(rc.rearDoorId.isEmpty()
                                   ? QStringLiteral("—")
                                   : inUnit(rc.rearDoorCapacityW, Quantity::PowerW, powerUnit),
                               figureTip(rc.rearDoorCapacityW)));
  mFigures->setItem(RowDoorCapacity, ColDetail, numberItem(QString()));

  const auto loopRow = [&](int row, int index, const QString& none) {
    const LoopLoad* loop = index >= 0 && index < mAnalysis.cooling.loops.size()
                               ? &mAnalysis.cooling.loops[index]
                               : nullptr;
    auto* name = numberItem(loop ? loop->name : none);
    auto* loading =
        numberItem(!loop ? QString()
                   : loop->usableCapacityW.value <= 0 && loop->loadW.value > 0
                       ? tr("no capacity")
                       : tr("%1 loaded").arg(formatQuantity(loop->loadingPct, Quantity::Percent)),
                   loop ? tr("%1 of %2 usable")
                              .arg(formatFigure(loop->loadW, Quantity::PowerW),
                                   formatFigure(loop->usableCapacityW, Quantity::PowerW))
                        : QString());
    if (loop) {
      const QColor colour = loadingColour(loop->loadingPct, loadingWarnPct(mAnalysis));
      if (colour.isValid()) {
        loading->setForeground(colour);
      }
    }
    mFigures->setItem(row, ColValue, name);
    mFigures->setItem(row, ColDetail, loading);
  };
  loopRow(RowLiquidLoop, rc.liquidLoopIndex,
          rc.inRackCdu ? tr("in-rack CDU") : (rc.heatToLiquidW.value > 0 ? tr("none") : tr("—")));
  loopRow(RowAirZone, rc.airZoneIndex, tr("none"));

  int height = 2 * mFigures->frameWidth() + mFigures->horizontalHeader()->sizeHint().height();
  for (int row = 0; row < RowCount; ++row) {
    height += mFigures->verticalHeader()->sectionSizeHint(row);
  }
  mFigures->setFixedHeight(height);

  // The rack's cooling findings.
  for (const Finding& finding : mAnalysis.findings) {
    if (!finding.code.startsWith(QLatin1String("cooling.")) || !concernsRack(finding, rack->id())) {
      continue;
    }
    auto* item = new QListWidgetItem(finding.message, mFindings);
    item->setToolTip(finding.code);
    item->setIcon(style()->standardIcon(
        finding.severity == Finding::Severity::Error     ? QStyle::SP_MessageBoxCritical
        : finding.severity == Finding::Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                         : QStyle::SP_MessageBoxInformation));
    item->setData(Qt::UserRole, finding.code);
  }
  if (mFindings->count() == 0) {
    auto* none = new QListWidgetItem(tr("No cooling findings for this rack."), mFindings);
    none->setFlags(Qt::NoItemFlags);
  }
}

}  // namespace dc
