// SPDX-License-Identifier: GPL-3.0-or-later
#include "coolingloopspanel.h"

#include "coolingloopdialog.h"
#include "edit/cmdobjects.h"
#include "floorplan/floorpalette.h"
#include "format/quantityformat.h"
#include "panels/reportededit.h"
#include "power/powerformat.h"
#include "support/firstfreename.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>

namespace dc {

using namespace powerview;

namespace {

constexpr int kLoopIndexRole = Qt::UserRole + 1;
constexpr int kLoopIdRole = Qt::UserRole + 2;

/// The floor plan's loading bin of `pct` (0 below watch, 1 watch–warn, 2 warn–100 %, 3 above),
/// with the bin edges of the design assumptions.
int loadingBin(double pct, const Analysis& analysis) {
  const std::array<double, 3> edges{
      analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWatchPct)),
      analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct)), 100.0};
  int bin = 0;
  while (bin < 3 && pct > edges[size_t(bin)]) {
    ++bin;
  }
  return bin;
}

/// "3.19 / 4.00 L/s": needed against available, in the one unit of the loop's kind.
QString flowText(const LoopLoad& loop) {
  const bool liquid = loop.kind == CoolingLoopKind::Liquid;
  const Quantity quantity = liquid ? Quantity::FlowLps : Quantity::AirflowM3PerH;
  const Figure& needed = liquid ? loop.flowLps : loop.airflowM3PerH;
  const Figure& available = liquid ? loop.flowCapacityLps : loop.airflowCapacityM3PerH;
  if (available.value <= 0) {
    return QObject::tr("%1 / —").arg(formatFigure(needed, quantity));
  }
  const QString unit = columnUnit({needed.value, available.value}, quantity);
  return QStringLiteral("%1 / %2 %3")
      .arg(
          formatInUnit(needed.value, quantity, unit, NumberStyle::forConfidence(needed.confidence)),
          formatInUnit(available.value, quantity, unit,
                       NumberStyle::forConfidence(available.confidence)),
          unit);
}

}  // namespace

CoolingLoopsPanel::CoolingLoopsPanel(DesignDocument& document, const Catalog& catalog,
                                     QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  mTitle = new QLabel(this);
  mTitle->setTextFormat(Qt::RichText);
  layout->addWidget(mTitle);

  mTable = new QTableWidget(0, ColumnCount, this);
  mTable->setObjectName(QStringLiteral("coolingLoopsTable"));
  const QString kW = QStringLiteral("kW");
  mTable->setHorizontalHeaderLabels(
      {tr("Name"), tr("Kind"), tr("Redundancy"), tr("Units"), headerWithUnit(tr("Installed"), kW),
       headerWithUnit(tr("Usable"), kW), headerWithUnit(tr("Load"), kW), tr("Loading (%)"),
       tr("Units required"), tr("Flow needed / available"), tr("Racks")});
  mTable->horizontalHeaderItem(ColUsable)->setToolTip(
      tr("Installed capacity less the spares of its redundancy"));
  mTable->horizontalHeaderItem(ColLoad)->setToolTip(
      tr("CDU loop: Σ heat to liquid of its racks; air zone: Σ heat its racks leave to the room"));
  mTable->horizontalHeaderItem(ColRequired)
      ->setToolTip(tr("Units its load needs with its redundancy (units installed)"));
  mTable->horizontalHeaderItem(ColFlow)->setToolTip(
      tr("CDU loop: coolant its racks need against the units' flow; air zone: airflow"));
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
  mTable->setSelectionMode(QAbstractItemView::SingleSelection);
  mTable->setAlternatingRowColors(true);
  mTable->setWordWrap(false);
  mTable->verticalHeader()->hide();
  mTable->horizontalHeader()->setHighlightSections(false);
  mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setStretchLastSection(true);
  layout->addWidget(mTable, 1);

  auto* buttons = new QHBoxLayout;
  mNew = new QPushButton(tr("New loop…"), this);
  mNew->setToolTip(tr("A CDU loop or air zone in the hall of the selected rack"));
  mEdit = new QPushButton(tr("Edit…"), this);
  mDelete = new QPushButton(tr("Delete"), this);
  buttons->addWidget(mNew);
  buttons->addWidget(mEdit);
  buttons->addWidget(mDelete);
  buttons->addStretch(1);
  layout->addLayout(buttons);

  connect(mNew, &QPushButton::clicked, this, &CoolingLoopsPanel::openNewDialog);
  connect(mEdit, &QPushButton::clicked, this, &CoolingLoopsPanel::openEditDialog);
  connect(mDelete, &QPushButton::clicked, this, [this] {
    if (!currentLoopId().isNull()) {
      removeLoop(currentLoopId());
    }
  });
  connect(mTable, &QTableWidget::itemSelectionChanged, this, [this] {
    updateButtons();
    emitSelection();
  });
  connect(mTable, &QTableWidget::cellDoubleClicked, this, [this] {
    if (!currentLoopId().isNull()) {
      openEditDialog();
    }
  });
  connect(&mDocument, &DesignDocument::changed, this, [this] {
    if (!mRebuildQueued) {
      mRebuildQueued = true;
      QMetaObject::invokeMethod(this, &CoolingLoopsPanel::rebuild, Qt::QueuedConnection);
    }
  });
  rebuild();
}

void CoolingLoopsPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  rebuild();
}

void CoolingLoopsPanel::setSelection(const QList<RackId>& ids) {
  const Rack* rack = ids.isEmpty() ? nullptr : mDocument.project().findRack(ids.first());
  if (rack) {
    mHallId = rack->hallId();
  }
}

HallId CoolingLoopsPanel::hallId() const {
  return mDocument.project().findHall(mHallId) ? mHallId : mDocument.activeHallId();
}

CoolingLoopId CoolingLoopsPanel::currentLoopId() const {
  const int row = mTable->currentRow();
  const QTableWidgetItem* item = row >= 0 ? mTable->item(row, ColName) : nullptr;
  return item ? CoolingLoopId::fromString(item->data(kLoopIdRole).toString()) : CoolingLoopId();
}

int CoolingLoopsPanel::loopIndexAt(int row) const {
  const QTableWidgetItem* item = row >= 0 ? mTable->item(row, ColName) : nullptr;
  return item ? item->data(kLoopIndexRole).toInt() : -1;
}

void CoolingLoopsPanel::rebuild() {
  mRebuildQueued = false;
  const Project& project = mDocument.project();
  const CoolingLoopId keepId = currentLoopId();
  const int keepRow = mTable->currentRow();
  const QSignalBlocker blocker(mTable);

  struct Row {
    int index;  ///< into the analysis' loops, or -1
    const CoolingLoop* loop;
  };
  QList<Row> rows;
  QSet<CoolingLoopId> analysed;
  for (int i = 0; i < mAnalysis.cooling.loops.size(); ++i) {
    const LoopLoad& load = mAnalysis.cooling.loops[i];
    rows.append({i, load.id.isNull() ? nullptr : project.findCoolingLoop(load.id)});
    analysed.insert(load.id);
  }
  for (const CoolingLoop& loop : project.coolingLoops()) {
    if (!analysed.contains(loop.id)) {  // drawn since the last analysis
      rows.append({-1, &loop});
    }
  }
  int liquid = 0;
  for (const Row& row : rows) {
    const bool isLiquid = row.index >= 0
                              ? mAnalysis.cooling.loops[row.index].kind == CoolingLoopKind::Liquid
                              : row.loop->kind == CoolingLoopKind::Liquid;
    liquid += isLiquid ? 1 : 0;
  }
  mTitle->setText(tr("<b>Cooling loops and zones</b> · %1 CDU loop(s) · %2 air zone(s)")
                      .arg(liquid)
                      .arg(rows.size() - liquid));

  // Installed, usable and load share one unit over the loops, named in their headers.
  QList<double> powersW;
  for (const LoopLoad& load : mAnalysis.cooling.loops) {
    powersW << load.installedCapacityW.value << load.usableCapacityW.value << load.loadW.value;
  }
  const QString powerUnit = columnUnit(powersW, Quantity::PowerW);
  mTable->horizontalHeaderItem(ColInstalled)->setText(headerWithUnit(tr("Installed"), powerUnit));
  mTable->horizontalHeaderItem(ColUsable)->setText(headerWithUnit(tr("Usable"), powerUnit));
  mTable->horizontalHeaderItem(ColLoad)->setText(headerWithUnit(tr("Load"), powerUnit));
  const auto inPowerUnit = [&powerUnit](const Figure& figure) {
    return formatInUnit(figure.value, Quantity::PowerW, powerUnit,
                        NumberStyle::forConfidence(figure.confidence));
  };

  const double warnPct = loadingWarnPct(mAnalysis);
  const QString dash = QStringLiteral("—");
  mTable->clearContents();
  mTable->setRowCount(int(rows.size()));
  int current = -1;
  for (int r = 0; r < rows.size(); ++r) {
    const Row& row = rows[r];
    const LoopLoad* load = row.index >= 0 ? &mAnalysis.cooling.loops[row.index] : nullptr;
    const Hall* hall = project.findHall(load ? load->hallId : row.loop->hallId);
    auto* name = tableItem(load ? load->name : row.loop->name);
    name->setData(kLoopIndexRole, row.index);
    name->setData(kLoopIdRole, row.loop ? row.loop->id.toString() : QString());
    name->setToolTip((hall ? tr("In %1").arg(hall->name()) : QString()) +
                     (row.loop ? QString()
                               : tr("\nImplicit: formed by the engine from the hall's units that "
                                    "name no loop; draw a loop to edit it")));
    if (!row.loop) {
      QFont font = name->font();
      font.setItalic(true);
      name->setFont(font);
    }
    mTable->setItem(r, ColName, name);
    const CoolingLoopKind kind = load ? load->kind : row.loop->kind;
    const Redundancy redundancy = load ? load->redundancy : row.loop->redundancy;
    mTable->setItem(r, ColKind, tableItem(coolingLoopKindName(kind)));
    mTable->setItem(r, ColRedundancy, tableItem(redundancyName(redundancy)));
    if ((row.loop && row.loop->id == keepId && !keepId.isNull()) ||
        (keepId.isNull() && r == keepRow)) {
      current = r;
    }
    if (!load) {
      for (int column = ColUnits; column < ColumnCount; ++column) {
        mTable->setItem(r, column, tableItem(dash, true));
      }
      mTable->item(r, ColUnits)->setToolTip(tr("Not analysed yet"));
      continue;
    }
    QStringList unitNames;
    for (CoolingUnitId id : load->unitIds) {
      const CoolingUnit* unit = project.findCoolingUnit(id);
      unitNames.append(unit ? unit->name : tr("(missing unit)"));
    }
    auto* units = tableItem(load->unitCount > 0
                                ? tr("%1 × %2")
                                      .arg(load->unitCount)
                                      .arg(formatQuantity(load->unitCapacityW, Quantity::PowerW,
                                                          NumberStyle::forNominal()))
                                : QStringLiteral("0"),
                            true);
    units->setToolTip(unitNames.isEmpty() ? (load->rackId.isNull() ? tr("No units serve it")
                                                                   : tr("CDUs in the rack"))
                                          : unitNames.join(QStringLiteral(", ")));
    mTable->setItem(r, ColUnits, units);
    auto* installed = tableItem(inPowerUnit(load->installedCapacityW), true);
    installed->setToolTip(load->installedCapacityW.formula);
    mTable->setItem(r, ColInstalled, installed);
    auto* usable = tableItem(inPowerUnit(load->usableCapacityW), true);
    usable->setToolTip(load->usableCapacityW.formula);
    mTable->setItem(r, ColUsable, usable);
    auto* loadItem = tableItem(inPowerUnit(load->loadW), true);
    loadItem->setToolTip(load->loadW.formula);
    mTable->setItem(r, ColLoad, loadItem);
    // No usable capacity under a load: the engine's loading is unbounded, say so instead.
    const bool noCapacity = load->usableCapacityW.value <= 0 && load->loadW.value > 0;
    auto* loading = tableItem(
        noCapacity ? tr("no capacity")
                   : formatInUnit(load->loadingPct, Quantity::Percent, QStringLiteral("%")),
        true);
    const int bin = loadingBin(load->loadingPct, mAnalysis);
    if (bin > 0) {
      QColor background = loadingColors().value(bin);
      background.setAlpha(110);
      loading->setBackground(background);
    }
    tint(loading, loadingColour(load->loadingPct, warnPct));
    loading->setToolTip(tr("%1 of %2 usable")
                            .arg(formatFigure(load->loadW, Quantity::PowerW),
                                 formatFigure(load->usableCapacityW, Quantity::PowerW)));
    mTable->setItem(r, ColLoading, loading);
    auto* required =
        tableItem(tr("%1 (has %2)").arg(load->unitsRequired).arg(load->unitCount), true);
    tint(required, load->unitsRequired > load->unitCount ? errorColour() : QColor());
    mTable->setItem(r, ColRequired, required);
    const bool flowShort =
        kind == CoolingLoopKind::Liquid
            ? load->flowCapacityLps.value > 0 && load->flowLps.value > load->flowCapacityLps.value
            : load->airflowCapacityM3PerH.value > 0 &&
                  load->airflowM3PerH.value > load->airflowCapacityM3PerH.value;
    auto* flow = tableItem(flowText(*load), true);
    tint(flow, flowShort ? errorColour() : QColor());
    mTable->setItem(r, ColFlow, flow);
    mTable->setItem(r, ColRacks, tableItem(formatQuantity(load->rackCount, Quantity::Count), true));
  }
  if (rows.isEmpty()) {
    mTable->setRowCount(1);
    auto* hint = tableItem(tr("No cooling loops yet: place CDUs or air units, or New loop…"));
    hint->setFlags(Qt::NoItemFlags);
    hint->setData(kLoopIndexRole, -1);
    mTable->setItem(0, ColName, hint);
    mTable->setSpan(0, 0, 1, ColumnCount);
  } else {
    mTable->clearSpans();
  }
  if (current >= 0) {
    mTable->selectRow(current);
  }
  updateButtons();
}

void CoolingLoopsPanel::updateButtons() {
  const bool editable = !currentLoopId().isNull();
  mNew->setEnabled(!mDocument.project().halls().isEmpty());
  mEdit->setEnabled(editable);
  mDelete->setEnabled(editable);
}

void CoolingLoopsPanel::emitSelection() {
  const int index = loopIndexAt(mTable->currentRow());
  if (mTable->selectedItems().isEmpty() || index < 0 || index >= mAnalysis.cooling.loops.size()) {
    return;
  }
  Q_EMIT loopSelected(mAnalysis.cooling.loops[index].unitIds);
}

bool CoolingLoopsPanel::addLoop(const CoolingLoop& loop, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushInsertObject(mDocument, loop,
                                tr("Add %1 %2").arg(coolingLoopKindName(loop.kind), loop.name),
                                message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool CoolingLoopsPanel::replaceLoop(const CoolingLoop& loop, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushReplaceObject(mDocument, loop,
                                 tr("Edit %1 %2").arg(coolingLoopKindName(loop.kind), loop.name),
                                 message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool CoolingLoopsPanel::removeLoop(CoolingLoopId id, QString* error) {
  const CoolingLoop* loop = mDocument.project().findCoolingLoop(id);
  const QString text = loop ? tr("Delete %1 %2").arg(coolingLoopKindName(loop->kind), loop->name)
                            : tr("Delete cooling loop");
  return pushReported(
      [&](QString* message) { return pushRemoveObject<CoolingLoop>(mDocument, id, text, message); },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

CoolingLoop CoolingLoopsPanel::newLoop(CoolingLoopKind kind) const {
  CoolingLoop loop;
  loop.id = CoolingLoopId::create();
  loop.hallId = hallId();
  loop.kind = kind;
  QSet<QString> names;
  for (const CoolingLoop& other : mDocument.project().coolingLoops()) {
    names.insert(other.name);
  }
  const QString prefix =
      kind == CoolingLoopKind::Liquid ? QStringLiteral("Loop ") : QStringLiteral("Zone ");
  loop.name = firstFreeName(names, [&prefix](int n) { return prefix + QString::number(n); });
  return loop;
}

void CoolingLoopsPanel::openNewDialog() {
  CoolingLoopDialog dialog(newLoop(CoolingLoopKind::Liquid), false, this);
  dialog.setSubmit([this](const CoolingLoop& loop, QString* error) {
    // Swallow editFailed while the dialog shows the message itself.
    QSignalBlocker block(this);
    return addLoop(loop, error);
  });
  dialog.exec();
}

void CoolingLoopsPanel::openEditDialog() {
  const CoolingLoop* loop = mDocument.project().findCoolingLoop(currentLoopId());
  if (!loop) {
    return;
  }
  CoolingLoopDialog dialog(*loop, true, this);
  dialog.setSubmit([this](const CoolingLoop& edited, QString* error) {
    QSignalBlocker block(this);
    return replaceLoop(edited, error);
  });
  dialog.exec();
}

}  // namespace dc
