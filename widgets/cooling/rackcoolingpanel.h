// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTableWidget;

namespace dc {

/// The rack cooling panel: for the first selected rack, the architect's cooling mode against
/// the engine's recommendation (with its reason and margin), whether the chosen mode holds, the
/// heat split (to liquid, to air, removed by the rear door, left to the room), the airflow and
/// coolant flow, the rear door, the loop and zone serving the rack and its cooling findings.
/// Every figure comes from Analysis::cooling; the panel computes nothing.
class RackCoolingPanel final : public QWidget {
  Q_OBJECT

 public:
  /// Rows of the figure table; column 0 the figure, column 1 its share or second unit.
  enum Row {
    RowHeat,          ///< IT max power, kW
    RowToLiquid,      ///< kW, share of the heat
    RowToAir,         ///< kW, share
    RowToDoor,        ///< kW removed by the rear door, share
    RowToRoom,        ///< kW left to the room's air units, share
    RowAirflow,       ///< m³/h, CFM
    RowCoolantFlow,   ///< L/s, L/min
    RowRearDoor,      ///< the fitted door's model, or "none"
    RowDoorCapacity,  ///< derated capacity, kW
    RowLiquidLoop,    ///< the CDU loop's name
    RowAirZone,       ///< the air zone's name
    RowCount
  };
  enum Column { ColValue, ColDetail, ColumnCount };

  RackCoolingPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan (the panel shows the first).
  void setSelection(const QList<dc::RackId>& ids);

  /// The rack shown, or null.
  RackId rackId() const { return mRackId; }
  /// "Chosen: Air · recommended: Passive rear door (margin 18.4 %)".
  QLabel* modeLabel() const { return mMode; }
  /// The engine's reason for its recommendation, in words.
  QLabel* reasonLabel() const { return mReason; }
  /// "The chosen mode holds" / "The chosen mode does not remove the rack's heat".
  QLabel* verdictLabel() const { return mVerdict; }
  QTableWidget* figureTable() const { return mFigures; }
  /// The rack's findings whose code starts with "cooling.", one item each (message).
  QListWidget* findingsList() const { return mFindings; }
  /// The codes of the findings listed, in list order.
  QStringList findingCodes() const;

 private:
  void rebuild();

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  RackId mRackId;
  QStackedWidget* mStack = nullptr;
  QLabel* mEmpty = nullptr;
  QLabel* mHeader = nullptr;
  QLabel* mMode = nullptr;
  QLabel* mReason = nullptr;
  QLabel* mVerdict = nullptr;
  QTableWidget* mFigures = nullptr;
  QListWidget* mFindings = nullptr;
};

}  // namespace dc
