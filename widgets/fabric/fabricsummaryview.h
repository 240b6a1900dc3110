// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "edit/placeswitches.h"
#include "engine/fabric/fabricresult.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace dc {

/// The counts of one generated fabric, from its FabricSummary: nodes, GPUs, switches needed
/// against placed per tier, cables per tier, transceivers at the switch and node sides, optics
/// power and the longest link, all written by format/quantityformat.h; and the pass's placement
/// suggestion for the fabric's switches when it made one. Shows; computes nothing but counts of
/// the summary's own devices.
class FabricSummaryView final : public QWidget {
  Q_OBJECT

 public:
  /// Cells of the figure table: two label/value pairs per row.
  enum Figure {
    FigNodes,
    FigGpus,
    FigLeaves,
    FigSpines,
    FigCores,
    FigLongest,
    FigCablesNodeLeaf,
    FigCablesReserved,
    FigCablesLeafSpine,
    FigCablesSpineCore,
    FigTransceivers,
    FigOptics,
    FigureCount
  };

  explicit FabricSummaryView(QWidget* parent = nullptr);

  /// Shows `summary` (null: the empty state with `emptyText`) and, when not null, `suggestion`.
  void showSummary(const FabricSummary* summary, const PlacementSuggestion* suggestion,
                   const QString& emptyText = QString());

  /// The text of figure `figure`'s value cell ("1,016", "32 of 32 placed").
  QString figureText(Figure figure) const;
  QTableWidget* figureTable() const noexcept { return mTable; }
  QLabel* headerLabel() const noexcept { return mHeader; }
  QLabel* suggestionLabel() const noexcept { return mSuggestion; }

  /// The switches `summary` lacks on the floor, by role (needed by the sizing less placed).
  static SwitchCounts missingSwitches(const FabricSummary& summary);

 private:
  void setFigure(Figure figure, const QString& label, const QString& value,
                 const QString& toolTip = QString(), bool short_ = false);

  QLabel* mHeader = nullptr;
  QTableWidget* mTable = nullptr;
  QLabel* mSuggestion = nullptr;
};

}  // namespace dc
