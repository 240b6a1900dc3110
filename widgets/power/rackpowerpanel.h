// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace dc {

/// The rack power panel: for the first selected rack its PDUs (feed, upstream node, rating,
/// leg currents, loading normal and with the worst feed lost) and its devices (PSUs, where
/// each inlet is plugged, whether the device survives a feed loss). Feeds, upstream nodes and
/// inlet plugs are edited here through CmdEditRack; every figure comes from the Analysis.
class RackPowerPanel final : public QWidget {
  Q_OBJECT

 public:
  /// Columns of the PDU table.
  enum PduColumn {
    PduLabel,
    PduModel,
    PduFeed,
    PduUpstream,
    PduRating,
    PduLoadKw,
    PduL1,
    PduL2,
    PduL3,
    PduImbalance,
    PduLoading,
    PduFailover,
    PduColumnCount
  };
  /// Columns of the device table.
  enum DeviceColumn {
    DevName,
    DevMaxKw,
    DevDesignKw,
    DevPsus,
    DevInlets,
    DevFeedLoss,
    DevColumnCount
  };

  RackPowerPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan (the panel shows the first).
  void setSelection(const QList<dc::RackId>& ids);

  /// The rack shown, or null.
  RackId rackId() const { return mRackId; }
  QTableWidget* pduTable() const { return mPdus; }
  QTableWidget* deviceTable() const { return mDevices; }
  QPushButton* balanceButton() const { return mBalance; }
  QPushButton* clearPlugsButton() const { return mClearPlugs; }

  /// The edits the table's combos and buttons make (one undoable CmdEditRack each). False,
  /// with editFailed() emitted, when the command refused.
  bool setPduFeed(MountId pduMountId, PowerFeed feed);
  bool setPduUpstream(MountId pduMountId, PowerNodeId upstreamId);
  /// Writes the engine's automatic inlet assignments into the mounts' plugs.
  bool applyPhaseBalancing();
  /// Removes every explicit plug of the rack: all inlets are assigned automatically again.
  bool clearPlugs();

 Q_SIGNALS:
  /// An edit was refused: the message names the object and the field.
  void editFailed(const QString& message);

 private:
  void rebuild();
  bool pushRack(const Rack& rack, const QString& text);

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  RackId mRackId;
  QStackedWidget* mStack = nullptr;
  QLabel* mEmpty = nullptr;
  QLabel* mHeader = nullptr;
  QTableWidget* mPdus = nullptr;
  QTableWidget* mDevices = nullptr;
  QPushButton* mBalance = nullptr;
  QPushButton* mClearPlugs = nullptr;
};

}  // namespace dc
