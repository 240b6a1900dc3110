// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace dc {

/// The hall's power distribution as a tree by upstream (UPS → switchboard → busways, RPPs,
/// power racks) with each node's rating, capacity, load and loading (normal and with the worst
/// feed lost) from the Analysis. Add…, Edit… and Remove push the generic object commands.
class DistributionPanel final : public QWidget {
  Q_OBJECT

 public:
  enum Column {
    ColName,
    ColKind,
    ColFeed,
    ColRating,
    ColCapacity,
    ColLoad,
    ColLoading,
    ColFailover,
    ColRacks,
    ColModules,
    ColumnCount
  };

  DistributionPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan: the panel shows the hall of the first.
  void setSelection(const QList<dc::RackId>& ids);

  QTreeWidget* tree() const { return mTree; }
  /// The hall shown.
  HallId hallId() const;
  /// The node of the current tree row, or null.
  PowerNodeId currentNodeId() const;

  /// The command paths behind Add…, Edit… and Remove. False with the command's message in
  /// `error` (and editFailed() emitted) when it refused; nothing changed then.
  bool addNode(const PowerNode& node, QString* error = nullptr);
  bool replaceNode(const PowerNode& node, QString* error = nullptr);
  bool removeNode(PowerNodeId id, QString* error = nullptr);
  /// A new node for the shown hall: fresh id, a free name like "BW-3".
  PowerNode newNode(PowerNodeKind kind) const;

  void openAddDialog();
  void openEditDialog();

 Q_SIGNALS:
  /// An edit was refused: the message names the object and the field.
  void editFailed(const QString& message);

 private:
  void rebuild();
  void updateButtons();

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  HallId mHallId;
  QLabel* mTitle = nullptr;
  QTreeWidget* mTree = nullptr;
  QPushButton* mAdd = nullptr;
  QPushButton* mEdit = nullptr;
  QPushButton* mRemove = nullptr;
  bool mRebuildQueued = false;
};

}  // namespace dc
