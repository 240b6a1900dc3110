// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace dc {

class SpecTable;

/// Shows and edits the selection: one rack (name, row, cooling mode, contents with power and
/// the catalog figures behind them), several racks (totals), or nothing (the project). Every
/// edit is a command on the document's undo stack; every number shown comes from the analysis.
class PropertiesPanel final : public QWidget {
  Q_OBJECT

 public:
  PropertiesPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);

  void setSelection(const QList<RackId>& ids);
  /// The selected floor cooling units (FloorPlanScene::coolingUnitSelectionChanged). One unit
  /// with no rack selected shows the unit: its capacity as cooling, its loop or zone.
  void setCoolingUnitSelection(const QList<CoolingUnitId>& ids);
  /// Shows a catalog item (picked in the catalog browser) with every figure's source and
  /// confidence, until a rack is selected.
  void showCatalogItem(const QString& catalogId);
  void setAnalysis(const Analysis& analysis);

 Q_SIGNALS:
  void editFailed(const QString& message);

 private:
  void refresh();
  void showRack(const Rack& rack);
  void showCoolingUnit(const CoolingUnit& unit);
  /// Fills `combo` with "(the hall's only one)" and the loops of `kind` in `hallId`, selecting
  /// `current`.
  void fillLoopCombo(QComboBox* combo, HallId hallId, CoolingLoopKind kind,
                     CoolingLoopId current) const;
  void commitLiquidLoop(int index);
  void commitAirZone(int index);
  void commitUnitLoop(int index);
  void removeRearDoor();
  void showSeveral();
  void showProject();
  void showCatalogEntry(const CatalogItem& item);
  void commitName();
  void commitRow();
  void commitCooling(int index);
  void removeSelectedMount();
  /// Applies `change` to a copy of the selected rack and pushes it as one CmdEditRack.
  void editSelectedRack(const std::function<void(Rack&)>& change, const QString& text);
  void showMountSpec();
  /// "60.7 kW cooling capacity at 10 °C supply water (catalog rating)", for a floor cooling unit.
  QString coolingUnitSummary(const CatalogItem& type) const;

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  QList<RackId> mSelection;
  QList<CoolingUnitId> mUnitSelection;
  QString mCatalogItemId;  ///< shown when no rack is selected

  QLabel* mHeading;
  QWidget* mRackForm;
  QLineEdit* mName;
  QLineEdit* mRow;
  QLabel* mType;
  QComboBox* mCooling;
  QLabel* mPlacement;
  QLabel* mPower;
  QTreeWidget* mMounts;
  QPushButton* mRemoveMount;
  QLabel* mRearDoor;
  QPushButton* mRemoveDoor;
  QComboBox* mLiquidLoop;
  QComboBox* mAirZone;
  QWidget* mUnitForm;
  QLabel* mUnitType;
  QLabel* mUnitCapacity;
  QLabel* mUnitPlacement;
  QComboBox* mUnitLoop;
  QLabel* mSummary;
  QLabel* mSpecTitle;
  SpecTable* mSpec;
};

}  // namespace dc
