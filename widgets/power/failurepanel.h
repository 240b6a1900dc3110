// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace dc {

/// The failure simulation's verdicts (Analysis::failure(): a feed, UPS or busway lost, or a CDU
/// or CRAH lost), listed: a header with the scenario and its counts and one row per rack (name,
/// row, verdict in the overlay's colour, reason), worst first and sortable. With no scenario it
/// asks the user to choose one. Every figure comes from the Analysis.
class FailurePanel final : public QWidget {
  Q_OBJECT

 public:
  enum Column { ColRack, ColRow, ColVerdict, ColReason, ColumnCount };

  FailurePanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan: their rows are selected (no signal is emitted).
  void setSelection(const QList<dc::RackId>& ids);

  QTableWidget* table() const { return mTable; }
  /// "Feed A lost — 11 hold · 0 degraded · 0 down · 0 not modelled"; empty with no scenario.
  QString summary() const;
  /// The rack of table row `row` (in its current sort order), or null.
  RackId rackAt(int row) const;

 Q_SIGNALS:
  /// A row was double-clicked or Enter was pressed on it.
  void rackActivated(dc::RackId id);

 private:
  void rebuild();
  void applySelection();

  DesignDocument& mDocument;
  Analysis mAnalysis;
  QList<RackId> mSelection;
  QLabel* mHeader = nullptr;
  QLabel* mEmpty = nullptr;
  QStackedWidget* mStack = nullptr;
  QTableWidget* mTable = nullptr;
};

}  // namespace dc
