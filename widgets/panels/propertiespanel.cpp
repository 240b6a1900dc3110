// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertiespanel.h"

#include "edit/cmdeditrack.h"
#include "edit/cmdobjects.h"
#include "edit/placement.h"
#include "engine/cooling/coolingphysics.h"
#include "format/quantityformat.h"
#include "spectable.h"
#include "support/plural.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dc {

namespace {
constexpr CoolingMode kModes[] = {CoolingMode::Air, CoolingMode::RearDoor,
                                  CoolingMode::DirectToChip, CoolingMode::DirectToChipRearDoor};
constexpr int kMountIdRole = Qt::UserRole + 1;

/// Says when a typical sum holds max figures (devices that publish no typical power).
QString typicalNote(int typicalFromMaxCount) {
  return typicalFromMaxCount == 0 ? QString()
                                  : QObject::tr(" <i>(counts %1 at max: no typical published)</i>")
                                        .arg(countOf(typicalFromMaxCount, "device", "devices"));
}

/// A coordinate on the floor, to the centimetre however far from the origin: a position is not a
/// measured figure, so it is not cut to significant digits ("x 102.60 m").
QString metres(std::int64_t mm) {
  return formatInUnit(double(mm), Quantity::LengthMm, QStringLiteral("m"),
                      NumberStyle{QLocale(), 9}) +
         QStringLiteral(" m");
}

QString count(qint64 n) {
  return formatQuantity(double(n), Quantity::Count);
}
}  // namespace

PropertiesPanel::PropertiesPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent)
    : QWidget(parent),
      mDocument(document),
      mCatalog(catalog),
      mHeading(new QLabel),
      mRackForm(new QWidget),
      mName(new QLineEdit),
      mRow(new QLineEdit),
      mType(new QLabel),
      mCooling(new QComboBox),
      mPlacement(new QLabel),
      mPower(new QLabel),
      mMounts(new QTreeWidget),
      mRemoveMount(new QPushButton(tr("Remove device"))),
      mRearDoor(new QLabel),
      mRemoveDoor(new QPushButton(tr("Remove door"))),
      mLiquidLoop(new QComboBox),
      mAirZone(new QComboBox),
      mUnitForm(new QWidget),
      mUnitType(new QLabel),
      mUnitCapacity(new QLabel),
      mUnitPlacement(new QLabel),
      mUnitLoop(new QComboBox),
      mSummary(new QLabel),
      mSpecTitle(new QLabel),
      mSpec(new SpecTable) {
  mName->setObjectName(QStringLiteral("rackName"));
  mRow->setObjectName(QStringLiteral("rackRow"));
  mHeading->setObjectName(QStringLiteral("propertiesHeading"));
  mPower->setObjectName(QStringLiteral("rackPower"));
  mMounts->setObjectName(QStringLiteral("rackMounts"));
  mRearDoor->setObjectName(QStringLiteral("rackRearDoor"));
  mRemoveDoor->setObjectName(QStringLiteral("removeRearDoor"));
  mLiquidLoop->setObjectName(QStringLiteral("rackLiquidLoop"));
  mAirZone->setObjectName(QStringLiteral("rackAirZone"));
  mUnitForm->setObjectName(QStringLiteral("coolingUnitForm"));
  mUnitCapacity->setObjectName(QStringLiteral("coolingUnitCapacity"));
  mUnitLoop->setObjectName(QStringLiteral("coolingUnitLoop"));
  mUnitCapacity->setTextFormat(Qt::RichText);
  mUnitCapacity->setWordWrap(true);
  mUnitType->setWordWrap(true);
  mRearDoor->setWordWrap(true);
  mHeading->setTextFormat(Qt::RichText);
  mSummary->setTextFormat(Qt::RichText);
  mSummary->setWordWrap(true);
  mPower->setTextFormat(Qt::RichText);
  mType->setWordWrap(true);
  mSpecTitle->setTextFormat(Qt::RichText);
  mSpecTitle->setWordWrap(true);
  for (CoolingMode mode : kModes) {
    mCooling->addItem(coolingModeName(mode));
  }
  mMounts->setColumnCount(3);
  mMounts->setHeaderLabels({tr("U"), tr("Device"), tr("Max")});
  mMounts->setRootIsDecorated(false);
  mMounts->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  mMounts->header()->setSectionResizeMode(1, QHeaderView::Stretch);
  mMounts->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
  mMounts->setMinimumHeight(110);

  auto* form = new QFormLayout(mRackForm);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(tr("Name"), mName);
  form->addRow(tr("Row"), mRow);
  form->addRow(tr("Type"), mType);
  form->addRow(tr("Cooling"), mCooling);
  form->addRow(tr("Placement"), mPlacement);
  form->addRow(tr("Rear door"), mRearDoor);
  form->addRow(QString(), mRemoveDoor);
  form->addRow(tr("CDU loop"), mLiquidLoop);
  form->addRow(tr("Air zone"), mAirZone);
  form->addRow(tr("Power"), mPower);
  form->addRow(mMounts);
  form->addRow(mRemoveMount);

  // A floor cooling unit: what it removes (cooling), never under a Power heading.
  auto* unitForm = new QFormLayout(mUnitForm);
  unitForm->setContentsMargins(0, 0, 0, 0);
  unitForm->addRow(tr("Type"), mUnitType);
  unitForm->addRow(tr("Placement"), mUnitPlacement);
  unitForm->addRow(tr("Cooling"), mUnitCapacity);
  unitForm->addRow(tr("Serves"), mUnitLoop);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->addWidget(mHeading);
  layout->addWidget(mRackForm);
  layout->addWidget(mUnitForm);
  layout->addWidget(mSummary);
  layout->addWidget(mSpecTitle);
  layout->addWidget(mSpec, 1);
  layout->addStretch(0);

  connect(mName, &QLineEdit::editingFinished, this, &PropertiesPanel::commitName);
  connect(mRow, &QLineEdit::editingFinished, this, &PropertiesPanel::commitRow);
  connect(mCooling, &QComboBox::activated, this, &PropertiesPanel::commitCooling);
  connect(mRemoveMount, &QPushButton::clicked, this, &PropertiesPanel::removeSelectedMount);
  connect(mRemoveDoor, &QPushButton::clicked, this, &PropertiesPanel::removeRearDoor);
  connect(mLiquidLoop, &QComboBox::activated, this, &PropertiesPanel::commitLiquidLoop);
  connect(mAirZone, &QComboBox::activated, this, &PropertiesPanel::commitAirZone);
  connect(mUnitLoop, &QComboBox::activated, this, &PropertiesPanel::commitUnitLoop);
  connect(mMounts, &QTreeWidget::currentItemChanged, this, &PropertiesPanel::showMountSpec);
  refresh();
}

void PropertiesPanel::setSelection(const QList<RackId>& ids) {
  mSelection = ids;
  if (!ids.isEmpty()) {
    mCatalogItemId.clear();
  }
  refresh();
}

void PropertiesPanel::setCoolingUnitSelection(const QList<CoolingUnitId>& ids) {
  mUnitSelection = ids;
  if (!ids.isEmpty()) {
    mCatalogItemId.clear();
  }
  refresh();
}

void PropertiesPanel::showCatalogItem(const QString& catalogId) {
  mCatalogItemId = catalogId;
  refresh();
}

void PropertiesPanel::setAnalysis(const Analysis& analysis) {
  mAnalysis = analysis;
  refresh();
}

void PropertiesPanel::refresh() {
  QList<RackId> existing;
  for (RackId id : mSelection) {
    if (mDocument.project().findRack(id)) {
      existing.append(id);
    }
  }
  mSelection = existing;
  QList<CoolingUnitId> units;
  for (CoolingUnitId id : mUnitSelection) {
    if (mDocument.project().findCoolingUnit(id)) {
      units.append(id);
    }
  }
  mUnitSelection = units;
  mUnitForm->setVisible(mSelection.isEmpty() && mUnitSelection.size() == 1);
  if (mSelection.isEmpty() && mUnitSelection.size() == 1) {
    showCoolingUnit(*mDocument.project().findCoolingUnit(mUnitSelection.first()));
  } else if (mSelection.size() == 1) {
    showRack(*mDocument.project().findRack(mSelection.first()));
  } else if (mSelection.size() > 1) {
    showSeveral();
  } else if (const CatalogItem* item = mCatalog.find(mCatalogItemId)) {
    showCatalogEntry(*item);
  } else {
    showProject();
  }
}

QString PropertiesPanel::coolingUnitSummary(const CatalogItem& type) const {
  const SpecValue* capacity = type.figure(QStringLiteral("coolingUnit.capacityW"));
  if (!capacity) {
    return tr("<b>cooling capacity not published</b>");
  }
  QString text = tr("<b>%1</b> cooling capacity").arg(formatSpec(*capacity, Quantity::PowerW));
  if (const SpecValue* water = type.figure(QStringLiteral("coolingUnit.waterSupplyTempC"))) {
    text += tr(" at %1 supply water").arg(formatSpec(*water, Quantity::TemperatureC));
  }
  return text + tr(" (catalog rating)");
}

void PropertiesPanel::showRack(const Rack& rack) {
  mRackForm->show();
  const CatalogItem* type = mCatalog.find(rack.rackTypeId());
  const bool coolingUnit = type && type->isFloorCoolingUnit();
  mHeading->setText(
      coolingUnit ? tr("<h3>%1 %2</h3>").arg(itemKindName(type->kind), rack.name().toHtmlEscaped())
                  : tr("<h3>Rack %1</h3>").arg(rack.name().toHtmlEscaped()));
  // A cooler is not itself cooled by air, doors or liquid, and holds no devices. The cooling
  // row stays in place, disabled: hiding it changes the dock's width, and a main window destroyed
  // while that re-layout is still animating crashes in Qt 6.4 (seen in tst_mainwindow).
  mCooling->setEnabled(!coolingUnit);
  mMounts->setVisible(!coolingUnit);
  mRemoveMount->setVisible(!coolingUnit);
  // A field the user is typing in keeps its text; otherwise it shows the model (after an undo too).
  if (!mName->isModified()) {
    mName->setText(rack.name());
  }
  if (!mRow->isModified()) {
    mRow->setText(rack.row());
  }
  mType->setText(type ? QStringLiteral("%1 %2").arg(type->vendor, type->model)
                      : tr("unknown type '%1'").arg(rack.rackTypeId()));
  mCooling->setCurrentIndex(int(
      std::find(std::begin(kModes), std::end(kModes), rack.coolingMode()) - std::begin(kModes)));
  mPlacement->setText(tr("x %1, y %2, %3°")
                          .arg(metres(rack.positionMm().xMm), metres(rack.positionMm().yMm))
                          .arg(rack.rotationDeg()));
  if (rack.rearDoorId().isEmpty()) {
    mRearDoor->setText(coolingUnit ? QStringLiteral("—")
                                   : tr("none (drop a rear door on the rack)"));
  } else {
    const CatalogItem* door = mCatalog.find(rack.rearDoorId());
    QString text = door ? QStringLiteral("%1 %2").arg(door->vendor, door->model)
                        : tr("unknown '%1'").arg(rack.rearDoorId());
    if (door) {
      if (const SpecValue* capacity = door->figure(QStringLiteral("coolingUnit.capacityW"))) {
        text += tr(" · %1 rated").arg(formatSpec(*capacity, Quantity::PowerW));
      }
    }
    const auto cooling = mAnalysis.cooling.racks.constFind(rack.id());
    if (cooling != mAnalysis.cooling.racks.cend() && cooling->rearDoorCapacityW.value > 0) {
      text += tr(" · %1 at this design's water")
                  .arg(formatFigure(cooling->rearDoorCapacityW, Quantity::PowerW));
    }
    mRearDoor->setText(text);
  }
  mRemoveDoor->setEnabled(!rack.rearDoorId().isEmpty());
  fillLoopCombo(mLiquidLoop, rack.hallId(), CoolingLoopKind::Liquid, rack.liquidLoopId());
  fillLoopCombo(mAirZone, rack.hallId(), CoolingLoopKind::Air, rack.airZoneId());
  mLiquidLoop->setEnabled(!coolingUnit);
  mAirZone->setEnabled(!coolingUnit);
  const auto power = mAnalysis.power.racks.constFind(rack.id());
  if (power != mAnalysis.power.racks.cend()) {
    QString text = coolingUnit ? coolingUnitSummary(*type)
                               : tr("<b>%1</b> max · %2 typical<br>%3 GPUs · %4 U used")
                                     .arg(formatFigure(power->maxPowerW, Quantity::PowerW),
                                          formatFigure(power->typicalPowerW, Quantity::PowerW),
                                          count(power->acceleratorCount))
                                     .arg(power->usedU);
    if (power->usableU > 0) {
      text += tr(" of %1 U").arg(power->usableU);
    }
    if (power->coolingEquipmentPowerW.value > 0) {
      text += tr("<br>%1 %2: facility load, not IT")
                  .arg(formatFigure(power->coolingEquipmentPowerW, Quantity::PowerW),
                       !coolingUnit                  ? tr("cooling equipment (fans, pumps)")
                       : type->kind == ItemKind::Cdu ? tr("pumps")
                                                     : tr("fans"));
    }
    if (power->typicalFromMaxCount > 0) {
      text += tr("<br><i>typical counts %1 at max: no typical power published</i>")
                  .arg(countOf(power->typicalFromMaxCount, "device", "devices"));
    }
    text += power->weightMissingCount == 0
                ? tr("<br>%1").arg(formatQuantity(power->weightKg, Quantity::MassKg))
                : tr("<br>%1 without %2 that publish no weight")
                      .arg(formatQuantity(power->weightKg, Quantity::MassKg),
                           countOf(power->weightMissingCount, "item", "items"));
    mPower->setText(text);
    mPower->setToolTip(power->maxPowerW.formula + QStringLiteral("\n") +
                       power->maxPowerW.sources.join(QLatin1Char('\n')));
  }
  const QString current =
      mMounts->currentItem() ? mMounts->currentItem()->data(0, kMountIdRole).toString() : QString();
  mMounts->clear();
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = mCatalog.find(mount.catalogId);
    const int h = item && item->heightU ? *item->heightU : 0;
    auto* row = new QTreeWidgetItem(mMounts);
    row->setText(0, h > 1 ? QStringLiteral("U%1–%2").arg(mount.lowestU).arg(mount.lowestU + h - 1)
                    : h == 1 ? QStringLiteral("U%1").arg(mount.lowestU)
                             : tr("0U"));
    row->setText(1, item ? item->model : tr("unknown '%1'").arg(mount.catalogId));
    row->setText(2, !item               ? QStringLiteral("—")
                    : item->maxPowerW() ? formatSpec(*item->maxPowerW(), Quantity::PowerW)
                    : item->typicalPowerW()
                        ? tr("%1 typ.").arg(formatSpec(*item->typicalPowerW(), Quantity::PowerW))
                        : QStringLiteral("—"));
    row->setData(0, kMountIdRole, mount.id.toString());
    if (mount.id.toString() == current) {
      mMounts->setCurrentItem(row);
    }
  }
  mRemoveMount->setEnabled(!rack.mounts().isEmpty());
  mSummary->clear();
  showMountSpec();
}

void PropertiesPanel::fillLoopCombo(QComboBox* combo, HallId hallId, CoolingLoopKind kind,
                                    CoolingLoopId current) const {
  combo->clear();
  combo->addItem(kind == CoolingLoopKind::Liquid ? tr("(the hall's only CDU loop)")
                                                 : tr("(the hall's only air zone)"),
                 QString());
  for (const CoolingLoop& loop : mDocument.project().coolingLoops()) {
    if (loop.hallId == hallId && loop.kind == kind) {
      combo->addItem(loop.name, loop.id.toString());
      if (loop.id == current) {
        combo->setCurrentIndex(combo->count() - 1);
      }
    }
  }
  if (!current.isNull() && combo->currentIndex() == 0) {
    combo->addItem(tr("unknown loop"), current.toString());
    combo->setCurrentIndex(combo->count() - 1);
  }
}

void PropertiesPanel::showCoolingUnit(const CoolingUnit& unit) {
  mRackForm->hide();
  const CatalogItem* type = mCatalog.find(unit.catalogId);
  mHeading->setText(
      tr("<h3>%1 %2</h3>")
          .arg(type ? itemKindName(type->kind) : tr("Cooling unit"), unit.name.toHtmlEscaped()));
  mUnitType->setText(type ? QStringLiteral("%1 %2").arg(type->vendor, type->model)
                          : tr("unknown catalog item '%1'").arg(unit.catalogId));
  mUnitPlacement->setText(tr("x %1, y %2, %3°")
                              .arg(metres(unit.positionMm.xMm), metres(unit.positionMm.yMm))
                              .arg(unit.rotationDeg));
  QStringList lines;
  if (type) {
    lines.append(coolingUnitSummary(*type));
    const auto figure = [&](const char* path) {
      return type->figure(QString::fromLatin1(path));
    };
    if (const SpecValue* flow = figure("coolingUnit.flowLps")) {
      lines.append(tr("flow %1").arg(formatSpec(*flow, Quantity::FlowLps)));
    }
    if (const SpecValue* approach = figure("coolingUnit.approachK")) {
      lines.append(tr("approach %1").arg(formatSpec(*approach, Quantity::TemperatureDeltaK)));
    }
    if (const SpecValue* airflow = figure("airflowCfm")) {
      // Published in CFM: the SI figure first, the published one beside it.
      SpecValue m3h = *airflow;
      m3h.value = airflow->value / cooling::kCubicMetresPerSecondToCfm * 3600.0;
      lines.append(tr("airflow %1 (%2 CFM)")
                       .arg(formatSpec(m3h, Quantity::AirflowM3PerH),
                            formatQuantity(airflow->value, Quantity::Count)));
    }
    const QString form = type->texts.value(QStringLiteral("coolingUnit.form"));
    if (!form.isEmpty()) {
      lines.append(tr("form: %1").arg(form));
    }
    if (const SpecValue* input = type->maxPowerW()) {
      lines.append(tr("%1 input power (fans, pumps): facility load, not IT")
                       .arg(formatSpec(*input, Quantity::PowerW)));
    }
  }
  mUnitCapacity->setText(lines.join(QStringLiteral("<br>")));
  const bool liquid = type && type->kind == ItemKind::Cdu;
  fillLoopCombo(mUnitLoop, unit.hallId, liquid ? CoolingLoopKind::Liquid : CoolingLoopKind::Air,
                unit.loopId);
  mSummary->clear();
  mSpec->showItem(type);
  mSpec->setVisible(type != nullptr);
  mSpecTitle->setText(type ? tr("<b>%1 %2</b> — source: <a href=\"%3\">%4</a> (%5)")
                                 .arg(type->vendor.toHtmlEscaped(), type->model.toHtmlEscaped(),
                                      type->source.url.toHtmlEscaped(),
                                      type->source.title.toHtmlEscaped(),
                                      confidenceName(type->confidence))
                           : QString());
  mSpecTitle->setOpenExternalLinks(true);
}

void PropertiesPanel::commitLiquidLoop(int index) {
  const CoolingLoopId id = CoolingLoopId::fromString(mLiquidLoop->itemData(index).toString());
  editSelectedRack([&](Rack& rack) { rack.setLiquidLoopId(id); },
                   tr("Set CDU loop to %1").arg(mLiquidLoop->itemText(index)));
}

void PropertiesPanel::commitAirZone(int index) {
  const CoolingLoopId id = CoolingLoopId::fromString(mAirZone->itemData(index).toString());
  editSelectedRack([&](Rack& rack) { rack.setAirZoneId(id); },
                   tr("Set air zone to %1").arg(mAirZone->itemText(index)));
}

void PropertiesPanel::commitUnitLoop(int index) {
  const CoolingUnit* unit = mUnitSelection.size() == 1
                                ? mDocument.project().findCoolingUnit(mUnitSelection.first())
                                : nullptr;
  if (!unit) {
    return;
  }
  CoolingUnit edited = *unit;
  edited.loopId = CoolingLoopId::fromString(mUnitLoop->itemData(index).toString());
  if (edited == *unit) {
    return;
  }
  QString error;
  if (!pushReplaceObject(mDocument, edited,
                         tr("%1 serves %2").arg(unit->name, mUnitLoop->itemText(index)), &error)) {
    Q_EMIT editFailed(error);
  }
}

void PropertiesPanel::removeRearDoor() {
  if (mSelection.size() != 1) {
    return;
  }
  QString error;
  if (!mDocument.tryPush(
          [&] { return makeRemoveRearDoorCommand(mDocument, mCatalog, mSelection.first()); },
          &error)) {
    Q_EMIT editFailed(error);
  }
}

void PropertiesPanel::showSeveral() {
  mRackForm->hide();
  const RackSetTotals totals = mAnalysis.power.totalsOf(mSelection);
  QString selected = countOf(totals.rackCount, "rack", "racks");
  if (totals.coolingUnitCount > 0) {
    selected += tr(" and ") + countOf(totals.coolingUnitCount, "cooling unit", "cooling units");
  }
  mHeading->setText(tr("<h3>%1 selected</h3>").arg(selected));
  mSummary->setText(tr("<b>%1</b> max · %2 typical%3 · %4 GPUs")
                        .arg(formatQuantity(totals.maxPowerW, Quantity::PowerW),
                             formatQuantity(totals.typicalPowerW, Quantity::PowerW),
                             typicalNote(totals.typicalFromMaxCount),
                             count(totals.acceleratorCount)));
  mSpecTitle->clear();
  mSpec->showItem(nullptr);
  mSpec->hide();
}

void PropertiesPanel::showProject() {
  mRackForm->hide();
  const Project& project = mDocument.project();
  mHeading->setText(
      tr("<h3>%1</h3>")
          .arg(project.name().isEmpty() ? tr("Untitled project") : project.name().toHtmlEscaped()));
  QString text = project.description().toHtmlEscaped();
  for (const HallTotals& hall : mAnalysis.power.halls) {
    const Hall* h = project.findHall(hall.hallId);
    text += tr("<p><b>%1</b>: %2 · %3 racks · %4 GPUs<br>%5 max · %6 typical%7")
                .arg(h ? h->name().toHtmlEscaped() : QString(),
                     formatQuantity(hall.floorAreaM2, Quantity::AreaM2), count(hall.rackCount),
                     count(hall.acceleratorCount), formatFigure(hall.maxPowerW, Quantity::PowerW),
                     formatFigure(hall.typicalPowerW, Quantity::PowerW),
                     typicalNote(hall.typicalFromMaxCount));
    if (hall.coolingUnitCount > 0 || hall.coolingEquipmentPowerW.value > 0) {
      text += tr("<br>%1 · %2 cooling equipment input (not IT)")
                  .arg(countOf(hall.coolingUnitCount, "cooling unit", "cooling units"),
                       formatFigure(hall.coolingEquipmentPowerW, Quantity::PowerW));
    }
    text += QStringLiteral("</p>");
  }
  mSummary->setText(text + tr("<p><i>Select a rack to see and edit it.</i></p>"));
  mSpecTitle->clear();
  mSpec->showItem(nullptr);
  mSpec->hide();
}

void PropertiesPanel::showCatalogEntry(const CatalogItem& item) {
  mRackForm->hide();
  mHeading->setText(QStringLiteral("<h3>%1 %2</h3>")
                        .arg(item.vendor.toHtmlEscaped(), item.model.toHtmlEscaped()));
  mSummary->setText(
      tr("<span style='color:gray'>%1 · %2</span><br>%3")
          .arg(itemKindName(item.kind), item.id.toHtmlEscaped(), item.description.toHtmlEscaped()));
  mSpecTitle->setText(
      tr("Source: <a href=\"%1\">%2</a> (%3). Each figure's own source and confidence "
         "are in the table; hover for the URL and the note.")
          .arg(item.source.url.toHtmlEscaped(), item.source.title.toHtmlEscaped(),
               confidenceName(item.confidence)));
  mSpecTitle->setOpenExternalLinks(true);
  mSpec->showItem(&item);
  mSpec->show();
}

void PropertiesPanel::showMountSpec() {
  const Rack* rack =
      mSelection.size() == 1 ? mDocument.project().findRack(mSelection.first()) : nullptr;
  if (!rack) {
    return;
  }
  QString id = rack->rackTypeId();
  if (QTreeWidgetItem* row = mMounts->currentItem()) {
    if (const Mount* mount =
            rack->findMount(MountId::fromString(row->data(0, kMountIdRole).toString()))) {
      id = mount->catalogId;
    }
  }
  const CatalogItem* item = mCatalog.find(id);
  mSpec->showItem(item);
  mSpec->setVisible(item != nullptr);
  mSpecTitle->setText(item ? tr("<b>%1 %2</b> — source: <a href=\"%3\">%4</a> (%5)")
                                 .arg(item->vendor.toHtmlEscaped(), item->model.toHtmlEscaped(),
                                      item->source.url.toHtmlEscaped(),
                                      item->source.title.toHtmlEscaped(),
                                      confidenceName(item->confidence))
                           : QString());
  mSpecTitle->setOpenExternalLinks(true);
}

void PropertiesPanel::editSelectedRack(const std::function<void(Rack&)>& change,
                                       const QString& text) {
  const Rack* rack =
      mSelection.size() == 1 ? mDocument.project().findRack(mSelection.first()) : nullptr;
  if (!rack) {
    return;
  }
  Rack edited = *rack;
  change(edited);
  if (edited == *rack) {
    return;
  }
  QString error;
  if (!mDocument.tryPush([&] { return std::make_unique<CmdEditRack>(mDocument, edited, text); },
                         &error)) {
    Q_EMIT editFailed(error);
  }
}

void PropertiesPanel::commitName() {
  const QString name = mName->text().trimmed();
  editSelectedRack([&](Rack& rack) { rack.setName(name); }, tr("Rename rack to %1").arg(name));
  mName->setModified(false);
}

void PropertiesPanel::commitRow() {
  const QString row = mRow->text().trimmed();
  editSelectedRack([&](Rack& rack) { rack.setRow(row); }, tr("Set row to %1").arg(row));
  mRow->setModified(false);
}

void PropertiesPanel::commitCooling(int index) {
  if (index < 0 || index >= int(std::size(kModes))) {
    return;
  }
  editSelectedRack([&](Rack& rack) { rack.setCoolingMode(kModes[index]); },
                   tr("Set cooling to %1").arg(coolingModeName(kModes[index])));
}

void PropertiesPanel::removeSelectedMount() {
  QTreeWidgetItem* row = mMounts->currentItem();
  if (mSelection.size() != 1 || !row) {
    return;
  }
  const MountId mountId = MountId::fromString(row->data(0, kMountIdRole).toString());
  QString error;
  if (!mDocument.tryPush(
          [&] { return makeRemoveMountCommand(mDocument, mCatalog, mSelection.first(), mountId); },
          &error)) {
    Q_EMIT editFailed(error);
  }
}

}  // namespace dc
