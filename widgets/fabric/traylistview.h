// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "edit/designdocument.h"
#include "engine/fabric/fabricresult.h"

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace dc {

/// The cable trays of the design with their fill from the fabric pass: the drawn ones (which
/// "Remove" deletes through the generic command) and the default ones the engine generates
/// when a hall has none (shown in italics, not editable). "Draw tray" asks the floor plan for
/// the tray tool.
class TrayListView final : public QWidget {
  Q_OBJECT

 public:
  enum Column { ColName, ColKind, ColHeight, ColSection, ColLength, ColFill, ColumnCount };

  explicit TrayListView(DesignDocument& document, QWidget* parent = nullptr);

  /// Shows the project's trays with the fill of `trays` (FabricResult::trays; may be empty);
  /// generated trays have the section of `assumptions` (fabric.trayWidthMm, trayDepthMm).
  void setTrayUse(const QList<TrayUse>& trays, const DesignAssumptions& assumptions);
  void rebuild();

  QTableWidget* table() const noexcept { return mTable; }
  QPushButton* drawButton() const noexcept { return mDraw; }
  QPushButton* removeButton() const noexcept { return mRemove; }
  /// The drawn tray of the current row, or null (a generated tray, or no row).
  CableTrayId currentTrayId() const;
  /// Removes tray `id` with one undoable command; false with the reason in `error`.
  bool removeTray(CableTrayId id, QString* error = nullptr);

 Q_SIGNALS:
  void drawRequested();
  void editFailed(const QString& message);

 private:
  DesignDocument& mDocument;
  QList<TrayUse> mTrays;
  DesignAssumptions mAssumptions;
  QTableWidget* mTable = nullptr;
  QPushButton* mDraw = nullptr;
  QPushButton* mRemove = nullptr;
};

}  // namespace dc
