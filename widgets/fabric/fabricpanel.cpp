// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabricpanel.h"

#include "cableschedulemodel.h"
#include "edit/cmdobjects.h"
#include "engine/fabric/analyzefabric.h"
#include "fabricspecdialog.h"
#include "fabricsummaryview.h"
#include "format/quantityformat.h"
#include "panels/findingslist.h"
#include "panels/reportededit.h"
#include "placeswitchesdialog.h"
#include "power/powerformat.h"
#include "support/firstfreename.h"
#include "traylistview.h"

#include <QBoxLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dc {

using namespace powerview;

namespace {
constexpr int kSpecIdRole = Qt::UserRole + 1;

QString count(qsizetype n) {
  return formatQuantity(double(n), Quantity::Count);
}

/// Whether `finding` names fabric `id` as its subject or among its related objects.
bool concerns(const Finding& finding, FabricSpecId id) {
  const auto isFabric = [&](const ObjectRef& ref) {
    return ref.kind == ObjectKind::FabricSpec && ref.id == id.uuid();
  };
  return isFabric(finding.subject) ||
         std::any_of(finding.related.cbegin(), finding.related.cend(), isFabric);
}

bool namesAnyFabric(const Finding& finding) {
  const auto isFabric = [](const ObjectRef& ref) {
    return ref.kind == ObjectKind::FabricSpec;
  };
  return isFabric(finding.subject) ||
         std::any_of(finding.related.cbegin(), finding.related.cend(), isFabric);
}
}  // namespace

FabricPanel::FabricPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent), mDocument(document), mCatalog(catalog) {
  mLayout = new QBoxLayout(QBoxLayout::TopToBottom, this);
  mLayout->setContentsMargins(6, 6, 6, 6);
  mLayout->setSpacing(8);
  mLayout->addWidget(buildListPane());
  mSummary = new FabricSummaryView;
  mLayout->addWidget(mSummary);
  mLayout->addWidget(buildTabs(), 1);

  connect(&mDocument, &DesignDocument::changed, this, [this] {
    if (!mRebuildQueued) {
      mRebuildQueued = true;
      QMetaObject::invokeMethod(this, &FabricPanel::rebuild, Qt::QueuedConnection);
    }
  });
  rebuild();
}

FabricPanel::~FabricPanel() = default;

void FabricPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  // The list and the counts keep their height in a tall dock; the schedule takes the rest. In a
  // wide one the three stand side by side, the schedule the widest.
  const bool wide = width() > 2 * height();
  const QBoxLayout::Direction wanted = wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom;
  if (mLayout->direction() != wanted) {
    mLayout->setDirection(wanted);
    mLayout->setStretch(0, wide ? 3 : 0);
    mLayout->setStretch(1, wide ? 3 : 0);
    mLayout->setStretch(2, wide ? 6 : 1);
  }
}

QWidget* FabricPanel::buildListPane() {
  auto* pane = new QWidget;
  auto* layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  mTitle = new QLabel(pane);
  mTitle->setTextFormat(Qt::RichText);
  layout->addWidget(mTitle);
  mList = new QTableWidget(0, ColumnCount, pane);
  mList->setObjectName(QStringLiteral("fabricTable"));
  mList->setHorizontalHeaderLabels(
      {tr("Fabric"), tr("Kind"), tr("Topology"), tr("Nodes"), tr("Switches"), tr("Links")});
  mList->horizontalHeaderItem(ColSwitches)->setToolTip(tr("Placed on the floor of needed"));
  mList->horizontalHeaderItem(ColCables)->setToolTip(
      tr("Links the fabric generates, reserved ports included; a twin-port cable carries two"));
  mList->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mList->setSelectionBehavior(QAbstractItemView::SelectRows);
  mList->setSelectionMode(QAbstractItemView::SingleSelection);
  mList->setAlternatingRowColors(true);
  mList->setWordWrap(false);
  mList->verticalHeader()->hide();
  mList->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mList->horizontalHeader()->setStretchLastSection(true);
  // A few fabrics per hall: room for four rows, the rest of the height to the schedule.
  mList->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  mList->setMaximumHeight(mList->horizontalHeader()->sizeHint().height() +
                          4 * mList->verticalHeader()->defaultSectionSize() + 4);
  layout->addWidget(mList, 1);

  auto* buttons = new QHBoxLayout;
  mAdd = new QPushButton(tr("Add…"), pane);
  mAdd->setObjectName(QStringLiteral("addFabricButton"));
  mEdit = new QPushButton(tr("Edit…"), pane);
  mRemove = new QPushButton(tr("Remove"), pane);
  mPlace = new QPushButton(tr("Place switches in row…"), pane);
  mPlace->setObjectName(QStringLiteral("placeSwitchesButton"));
  mPlace->setToolTip(tr("New network racks for the switches the fabric lacks on the floor"));
  mSuggest = new QPushButton(tr("Suggest position"), pane);
  mSuggest->setObjectName(QStringLiteral("suggestButton"));
  mSuggest->setToolTip(
      tr("The rack position where the fabric's switches would make its longest "
         "node link shortest"));
  for (QPushButton* b : {mAdd, mEdit, mRemove}) {
    buttons->addWidget(b);
  }
  buttons->addStretch(1);
  layout->addLayout(buttons);
  auto* placement = new QHBoxLayout;
  placement->addWidget(mPlace);
  placement->addWidget(mSuggest);
  placement->addStretch(1);
  layout->addLayout(placement);
  connect(mSuggest, &QPushButton::clicked, this, &FabricPanel::suggestPlacement);
  connect(mAdd, &QPushButton::clicked, this, &FabricPanel::openNewDialog);
  connect(mEdit, &QPushButton::clicked, this, &FabricPanel::openEditDialog);
  connect(mPlace, &QPushButton::clicked, this, &FabricPanel::openPlaceDialog);
  connect(mRemove, &QPushButton::clicked, this, [this] {
    if (!currentFabricId().isNull()) {
      removeFabric(currentFabricId());
    }
  });
  connect(mList, &QTableWidget::itemSelectionChanged, this, [this] {
    updateButtons();
    showCurrent();
  });
  connect(mList, &QTableWidget::cellDoubleClicked, this, &FabricPanel::openEditDialog);
  return pane;
}

QWidget* FabricPanel::buildTabs() {
  mTabs = new QTabWidget;
  mTabs->setObjectName(QStringLiteral("fabricTabs"));
  mTabs->setDocumentMode(true);

  mCables = new CableScheduleModel(this);
  mCableView = new QTableView;
  mCableView->setObjectName(QStringLiteral("cableSchedule"));
  mCableView->setModel(mCables);
  mCableView->setAlternatingRowColors(true);
  mCableView->setSelectionBehavior(QAbstractItemView::SelectRows);
  mCableView->setWordWrap(false);
  mCableView->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
  // Fixed row heights and column widths: nothing is measured per row, so 200,000 cables scroll
  // as smoothly as 20.
  QHeaderView* rows = mCableView->verticalHeader();
  rows->setSectionResizeMode(QHeaderView::Fixed);
  rows->setDefaultSectionSize(fontMetrics().height() + 6);
  rows->hide();
  QHeaderView* columns = mCableView->horizontalHeader();
  columns->setSectionResizeMode(QHeaderView::Interactive);
  columns->setHighlightSections(false);
  columns->setStretchLastSection(true);
  mTabs->addTab(mCableView, tr("Cable schedule"));

  auto* bomPage = new QWidget;
  auto* bomLayout = new QVBoxLayout(bomPage);
  bomLayout->setContentsMargins(0, 0, 0, 0);
  mBom = new QTableWidget(0, BomColumnCount, bomPage);
  mBom->setObjectName(QStringLiteral("opticsBom"));
  mBom->setHorizontalHeaderLabels(
      {tr("Part number"), tr("Count"), headerWithUnit(tr("Length"), QStringLiteral("m")),
       headerWithUnit(tr("Each"), QStringLiteral("W")), tr("Description")});
  mBom->horizontalHeaderItem(BomPower)->setToolTip(tr("A transceiver's catalog power"));
  mBom->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mBom->setSelectionBehavior(QAbstractItemView::SelectRows);
  mBom->setAlternatingRowColors(true);
  mBom->setWordWrap(false);
  mBom->verticalHeader()->hide();
  mBom->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
  mBom->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mBom->horizontalHeader()->setStretchLastSection(true);
  bomLayout->addWidget(mBom, 1);
  mBomTotals = new QLabel(bomPage);
  mBomTotals->setObjectName(QStringLiteral("bomTotals"));
  bomLayout->addWidget(mBomTotals);
  mTabs->addTab(bomPage, tr("Cables and optics BOM"));

  mTrays = new TrayListView(mDocument);
  connect(mTrays, &TrayListView::drawRequested, this, &FabricPanel::drawTrayRequested);
  connect(mTrays, &TrayListView::editFailed, this, &FabricPanel::editFailed);
  mTabs->addTab(mTrays, tr("Trays"));

  mFindings = newFindingsList(QStringLiteral("fabricFindings"));
  mTabs->addTab(mFindings, tr("Findings"));
  return mTabs;
}

void FabricPanel::setAnalysis(const Analysis& analysis) {
  mResult = std::make_shared<const FabricResult>(analysis.fabric);
  mAnalysedRacks = mDocument.project().racks();
  mAssumptions = analysis.assumptions;
  mSuggestions.clear();
  mTrays->setTrayUse(analysis.fabric.trays, analysis.assumptions);
  rebuild();
}

void FabricPanel::setSelection(const QList<RackId>& ids) {
  const Rack* rack = ids.isEmpty() ? nullptr : mDocument.project().findRack(ids.first());
  if (rack) {
    mHallId = rack->hallId();
  }
}

HallId FabricPanel::hallId() const {
  return mDocument.project().findHall(mHallId) ? mHallId : mDocument.activeHallId();
}

FabricSpecId FabricPanel::currentFabricId() const {
  const int row = mList->currentRow();
  const QTableWidgetItem* item = row >= 0 ? mList->item(row, ColName) : nullptr;
  return item ? FabricSpecId::fromString(item->data(kSpecIdRole).toString()) : FabricSpecId();
}

void FabricPanel::selectFabric(FabricSpecId id) {
  for (int row = 0; row < mList->rowCount(); ++row) {
    const QTableWidgetItem* item = mList->item(row, ColName);
    if (item && FabricSpecId::fromString(item->data(kSpecIdRole).toString()) == id) {
      mList->selectRow(row);
      return;
    }
  }
}

int FabricPanel::summaryIndex(FabricSpecId id) const {
  if (!mResult || id.isNull()) {
    return -1;
  }
  for (int i = 0; i < mResult->fabrics.size(); ++i) {
    if (mResult->fabrics[i].specId == id) {
      return i;
    }
  }
  return -1;
}

void FabricPanel::rebuild() {
  mRebuildQueued = false;
  const Project& project = mDocument.project();
  const FabricSpecId keep = currentFabricId();
  {
    const QSignalBlocker blocker(mList);
    mList->clearContents();
    mList->clearSpans();
    mList->setRowCount(int(project.fabricSpecs().size()));
    int current = project.fabricSpecs().isEmpty() ? -1 : 0;
    for (int r = 0; r < project.fabricSpecs().size(); ++r) {
      const FabricSpec& spec = project.fabricSpecs()[r];
      const int index = summaryIndex(spec.id);
      const FabricSummary* s = index >= 0 ? &mResult->fabrics[index] : nullptr;
      auto* name = tableItem(spec.name);
      name->setData(kSpecIdRole, spec.id.toString());
      mList->setItem(r, ColName, name);
      mList->setItem(r, ColKind, tableItem(fabricKindName(spec.kind)));
      mList->setItem(r, ColTopology, tableItem(fabricTopologyName(spec.topology)));
      const QString dash = QStringLiteral("—");
      mList->setItem(r, ColNodes, tableItem(s ? count(s->nodes) : dash, true));
      auto* switches = tableItem(
          s ? tr("%1 / %2").arg(count(s->switchesPlaced), count(s->switchesNeeded)) : dash, true);
      tint(switches, s && s->switchesPlaced < s->switchesNeeded ? errorColour() : QColor());
      mList->setItem(r, ColSwitches, switches);
      mList->setItem(r, ColCables, tableItem(s ? count(s->cableCount) : dash, true));
      current = spec.id == keep ? r : current;
    }
    if (project.fabricSpecs().isEmpty()) {
      mList->setRowCount(1);
      auto* hint = tableItem(tr("No fabric yet: Add… one to generate its switches and cables"));
      hint->setFlags(Qt::NoItemFlags);
      mList->setItem(0, ColName, hint);
      mList->setSpan(0, 0, 1, ColumnCount);
    }
    if (current >= 0) {
      mList->selectRow(current);
    }
  }
  const FabricResult* r = mResult.get();
  mTitle->setText(
      r && !r->fabrics.isEmpty()
          ? tr("<b>Fabrics</b> · %1 cables · optics %2")
                .arg(count(r->totalCables), formatQuantity(r->opticsPowerW, Quantity::PowerW))
          : tr("<b>Fabrics</b>"));
  mTrays->rebuild();
  updateButtons();
  showCurrent();
}

void FabricPanel::showCurrent() {
  const FabricSpecId id = currentFabricId();
  const int index = summaryIndex(id);
  const FabricSummary* summary = index >= 0 ? &mResult->fabrics[index] : nullptr;
  const auto found = mSuggestions.constFind(id);
  const PlacementSuggestion* suggestion = found == mSuggestions.cend() ? nullptr : &found.value();
  mSummary->showSummary(
      summary, suggestion,
      id.isNull() ? QString() : tr("<i>Not analysed yet: the counts follow the analysis.</i>"));
  mCables->setFabric(mResult, index, mAnalysedRacks);
  // Column widths from the widest text each can show (not from the rows: 200,000 of them).
  const QFontMetrics metrics(mCableView->font());
  for (int c = 0; c < CableScheduleModel::ColumnCount; ++c) {
    mCableView->horizontalHeader()->resizeSection(
        c, metrics.horizontalAdvance(mCables->widestText(c)) + 18);
  }
  mTabs->setTabText(TabCables, summary ? tr("Cable schedule (%1)").arg(count(summary->cableCount))
                                       : tr("Cable schedule"));
  showBom(index);
  showFindings(id);
}

void FabricPanel::showBom(int index) {
  mBom->clearContents();
  mBom->setRowCount(0);
  mBomTotals->clear();
  if (index < 0) {
    return;
  }
  const FabricSummary& summary = mResult->fabrics[index];
  QList<const FabricBomLine*> lines;
  for (const FabricBomLine& line : mResult->bom) {
    if (line.fabric == index) {
      lines.append(&line);
    }
  }
  mBom->setRowCount(int(lines.size()));
  const QString dash = QStringLiteral("—");
  for (int r = 0; r < lines.size(); ++r) {
    const FabricBomLine& line = *lines[r];
    auto* part = tableItem(line.partNumber.isEmpty() ? line.catalogId : line.partNumber);
    part->setToolTip(line.catalogId);
    mBom->setItem(r, BomPart, part);
    mBom->setItem(r, BomCount, tableItem(count(line.count), true));
    mBom->setItem(
        r, BomLength,
        tableItem(line.lengthMm > 0 ? formatInUnit(double(line.lengthMm), Quantity::LengthMm,
                                                   QStringLiteral("m"), NumberStyle::forNominal())
                                    : dash,
                  true));
    mBom->setItem(r, BomPower,
                  tableItem(line.isTransceiver ? formatInUnit(line.powerWEach, Quantity::PowerW,
                                                              QStringLiteral("W"))
                                               : dash,
                            true));
    mBom->setItem(r, BomDescription, tableItem(line.description));
  }
  mBomTotals->setText(tr("%1 cables for %2 links · %3 transceivers · optics %4")
                          .arg(count(summary.physicalCables),
                               count(summary.cableCount - summary.cablesReserved),
                               count(summary.transceiversSwitchSide + summary.transceiversNodeSide),
                               formatQuantity(summary.opticsPowerW, Quantity::PowerW)));
}

void FabricPanel::showFindings(FabricSpecId id) {
  QList<const Finding*> shown;
  if (mResult) {
    for (const Finding& finding : mResult->findings) {
      if (id.isNull() || concerns(finding, id) || !namesAnyFabric(finding)) {
        shown.append(&finding);
      }
    }
  }
  const int count =
      showFindingsIn(mFindings, shown,
                     mResult && !mResult->fabrics.isEmpty() ? tr("No fabric findings")
                                                            : tr("No fabric analysed yet"));
  mTabs->setTabText(TabFindings, count > 0 ? tr("Findings (%1)").arg(count) : tr("Findings"));
}

void FabricPanel::updateButtons() {
  const bool selected = !currentFabricId().isNull();
  const int index = summaryIndex(currentFabricId());
  mAdd->setEnabled(!mDocument.project().halls().isEmpty());
  mEdit->setEnabled(selected);
  mRemove->setEnabled(selected);
  mPlace->setEnabled(index >= 0 &&
                     FabricSummaryView::missingSwitches(mResult->fabrics[index]).total() > 0);
  mSuggest->setEnabled(index >= 0 && mResult->fabrics[index].cableCount > 0);
}

FabricSpec FabricPanel::newFabric() const {
  FabricSpec spec;
  spec.id = FabricSpecId::create();
  spec.hallId = hallId();
  QSet<QString> names;
  for (const FabricSpec& other : mDocument.project().fabricSpecs()) {
    names.insert(other.name);
  }
  spec.name = firstFreeName(names, [](int n) {
    return n == 1 ? QStringLiteral("Compute fabric") : QStringLiteral("Compute fabric %1").arg(n);
  });
  // The hall's most mounted switch model: what the architect most likely builds the fabric of.
  QHash<QString, int> mounted;
  for (const Rack& rack : mDocument.project().racks()) {
    for (const Mount& mount : rack.mounts()) {
      const CatalogItem* item = mCatalog.find(mount.catalogId);
      if (rack.hallId() == spec.hallId && item && item->kind == ItemKind::Switch &&
          ++mounted[mount.catalogId] > mounted.value(spec.leafSwitchId)) {
        spec.leafSwitchId = mount.catalogId;
      }
    }
  }
  return spec;
}

bool FabricPanel::addFabric(const FabricSpec& spec, QString* error) {
  const bool ok = pushReported(
      [&](QString* message) {
        return pushInsertObject(mDocument, spec, tr("Add fabric %1").arg(spec.name), message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
  if (ok) {
    rebuild();
    selectFabric(spec.id);
  }
  return ok;
}

bool FabricPanel::replaceFabric(const FabricSpec& spec, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushReplaceObject(mDocument, spec, tr("Edit fabric %1").arg(spec.name), message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool FabricPanel::removeFabric(FabricSpecId id, QString* error) {
  const FabricSpec* spec = mDocument.project().findFabricSpec(id);
  const QString text = spec ? tr("Delete fabric %1").arg(spec->name) : tr("Delete fabric");
  return pushReported(
      [&](QString* message) { return pushRemoveObject<FabricSpec>(mDocument, id, text, message); },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool FabricPanel::placeSwitches(FabricSpecId id, const SwitchRowRequest& request, QString* error) {
  const int index = summaryIndex(id);
  const SwitchCounts missing =
      index >= 0 ? FabricSummaryView::missingSwitches(mResult->fabrics[index]) : SwitchCounts{};
  return pushReported(
      [&](QString* message) {
        return mDocument.tryPush(
            [&] { return makePlaceSwitchesCommand(mDocument, mCatalog, id, missing, request); },
            message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

void FabricPanel::suggestPlacement() {
  const FabricSpecId id = currentFabricId();
  const int index = summaryIndex(id);
  if (index < 0) {
    return;
  }
  const DesignSnapshot snapshot{mDocument.project(), mCatalog, mAssumptions, {}};
  PlacementSuggestion suggestion = suggestSwitchPlacement(snapshot, mAssumptions, *mResult, index);
  if (suggestion.message.isEmpty()) {
    suggestion.message = tr("No rack position reaches the fabric's nodes over the trays.");
  }
  mSuggestions.insert(id, suggestion);
  showCurrent();
}

void FabricPanel::openNewDialog() {
  FabricSpecDialog dialog(newFabric(), mDocument.project(), mCatalog, false, this);
  dialog.setSubmit([this](const FabricSpec& spec, QString* error) {
    QSignalBlocker block(this);  // the dialog shows the message itself
    return addFabric(spec, error);
  });
  dialog.exec();
}

void FabricPanel::openEditDialog() {
  const FabricSpec* spec = mDocument.project().findFabricSpec(currentFabricId());
  if (!spec) {
    return;
  }
  FabricSpecDialog dialog(*spec, mDocument.project(), mCatalog, true, this);
  dialog.setSubmit([this](const FabricSpec& edited, QString* error) {
    QSignalBlocker block(this);
    return replaceFabric(edited, error);
  });
  dialog.exec();
}

void FabricPanel::openPlaceDialog() {
  const FabricSpec* spec = mDocument.project().findFabricSpec(currentFabricId());
  const int index = summaryIndex(currentFabricId());
  if (!spec || index < 0) {
    return;
  }
  QStringList rows;
  for (const Rack& rack : mDocument.project().racks()) {
    if (rack.hallId() == spec->hallId && !rack.row().isEmpty() && !rows.contains(rack.row())) {
      rows.append(rack.row());
    }
  }
  const FabricSpecId id = spec->id;
  PlaceSwitchesDialog dialog(
      spec->name, rows, FabricSummaryView::missingSwitches(mResult->fabrics[index]),
      switchesPerExistingRack(mDocument.project(), spec->hallId, spec->leafSwitchId), this);
  dialog.setSubmit([this, id](const SwitchRowRequest& request, QString* error) {
    QSignalBlocker block(this);
    return placeSwitches(id, request, error);
  });
  dialog.exec();
}

}  // namespace dc
