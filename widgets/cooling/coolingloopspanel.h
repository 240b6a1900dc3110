// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace dc {

/// The CDU loops and air zones of the design, one row each, from Analysis::cooling::loops: kind,
/// redundancy, units, installed and usable capacity, load, loading (in the loading bands of the
/// design assumptions), units required, flow needed against flow available, racks served.
/// "New loop…", "Edit…" and "Delete" push the generic object commands for explicit loops; the
/// implicit loops the engine forms from a hall's unassigned units are shown, not edited.
class CoolingLoopsPanel final : public QWidget {
  Q_OBJECT

 public:
  enum Column {
    ColName,
    ColKind,
    ColRedundancy,
    ColUnits,
    ColInstalled,
    ColUsable,
    ColLoad,
    ColLoading,
    ColRequired,
    ColFlow,
    ColRacks,
    ColumnCount
  };

  CoolingLoopsPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan: a new loop goes into the hall of the first.
  void setSelection(const QList<dc::RackId>& ids);

  QTableWidget* table() const { return mTable; }
  QPushButton* newButton() const { return mNew; }
  QPushButton* editButton() const { return mEdit; }
  QPushButton* deleteButton() const { return mDelete; }
  /// The hall a new loop goes into.
  HallId hallId() const;
  /// The explicit loop of the current row, or null (an implicit loop, or no row).
  CoolingLoopId currentLoopId() const;
  /// Index into Analysis::cooling::loops of table row `row`, or -1 (a loop not analysed yet).
  int loopIndexAt(int row) const;

  /// The command paths behind New loop…, Edit… and Delete. False with the command's message in
  /// `error` (and editFailed() emitted) when it refused; nothing changed then.
  bool addLoop(const CoolingLoop& loop, QString* error = nullptr);
  bool replaceLoop(const CoolingLoop& loop, QString* error = nullptr);
  bool removeLoop(CoolingLoopId id, QString* error = nullptr);
  /// A new loop for the shown hall: fresh id, a free name ("Loop 2", "Zone 1").
  CoolingLoop newLoop(CoolingLoopKind kind) const;

  void openNewDialog();
  void openEditDialog();

 Q_SIGNALS:
  /// An edit was refused: the message names the object and the field.
  void editFailed(const QString& message);
  /// A row was selected: the floor units serving that loop or zone (empty for in-rack loops).
  void loopSelected(const QList<dc::CoolingUnitId>& unitIds);

 private:
  void rebuild();
  void updateButtons();
  void emitSelection();

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  HallId mHallId;
  QLabel* mTitle = nullptr;
  QTableWidget* mTable = nullptr;
  QPushButton* mNew = nullptr;
  QPushButton* mEdit = nullptr;
  QPushButton* mDelete = nullptr;
  bool mRebuildQueued = false;
};

}  // namespace dc
