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
  /// Rows of the PDU table (one column per PDU or power shelf, its model in the header tooltip).
  enum PduRow {
    PduFeed,        ///< the feed combo
    PduUpstream,    ///< the "plugged into" combo
    PduRating,      ///< "415 V 3φ 60 A"
    PduContinuous,  ///< continuous capacity, kW
    PduLoadKw,
    PduL1,
    PduL2,
    PduL3,
    PduNeutral,  ///< wye units; the row is hidden when the rack has none
    PduImbalance,
    PduLoading,
    PduFailover,  ///< "70.0 (B lost)"
    PduRowCount
  };
  /// Columns of the device table (one row per device; its inlets in the row's tooltip and, for
  /// the selected device, in inletsLabel()).
  enum DeviceColumn {
    DevName,   ///< "DGX H100 · U3"
    DevPower,  ///< "10.2 / 8.7": max / design, kW
    DevPsus,   ///< "6 × 3.3 kW (4+2)"
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
  /// Where each inlet of the selected device is plugged: "Inlets: PDU 1/L1, PDU 2/L2, …".
  QLabel* inletsLabel() const { return mInlets; }
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
  void showSelectedInlets();
  bool pushRack(const Rack& rack, const QString& text);

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  RackId mRackId;
  RackId mShownRack;  ///< the rack the tables were last built for (keeps the device row)
  QStackedWidget* mStack = nullptr;
  QLabel* mEmpty = nullptr;
  QLabel* mHeader = nullptr;
  QTableWidget* mPdus = nullptr;
  QTableWidget* mDevices = nullptr;
  QLabel* mInlets = nullptr;
  /// Per device row: where its inlets are plugged (rich text, for inletsLabel()).
  QStringList mInletTexts;
  QPushButton* mBalance = nullptr;
  QPushButton* mClearPlugs = nullptr;
};

}  // namespace dc
