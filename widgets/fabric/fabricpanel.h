// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "edit/placeswitches.h"
#include "engine/analysis.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QBoxLayout;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTreeWidget;

namespace dc {

class CableScheduleModel;
class FabricSummaryView;
class TrayListView;

/// The Fabric dock: the fabrics of the design (FabricSpec) with Add…, Edit… and Remove through
/// the generic object commands and "Place switches in row…"; for the selected fabric its counts
/// (FabricSummaryView), the cable schedule (a lazy model over FabricResult::cables), the optics
/// bill of materials and its findings; and the cable trays with their fill. Shows the analysis
/// it is given; computes nothing itself.
class FabricPanel final : public QWidget {
  Q_OBJECT

 public:
  enum Column { ColName, ColKind, ColTopology, ColNodes, ColSwitches, ColCables, ColumnCount };
  enum Tab { TabCables, TabBom, TabTrays, TabFindings };
  enum BomColumn { BomPart, BomCount, BomLength, BomPower, BomDescription, BomColumnCount };

  FabricPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  ~FabricPanel() override;

  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan: a new fabric goes into the hall of the first.
  void setSelection(const QList<dc::RackId>& ids);

  QTableWidget* fabricTable() const noexcept { return mList; }
  QPushButton* addButton() const noexcept { return mAdd; }
  QPushButton* editButton() const noexcept { return mEdit; }
  QPushButton* removeButton() const noexcept { return mRemove; }
  QPushButton* placeButton() const noexcept { return mPlace; }
  QPushButton* suggestButton() const noexcept { return mSuggest; }
  FabricSummaryView* summaryView() const noexcept { return mSummary; }
  QTableView* cableView() const noexcept { return mCableView; }
  CableScheduleModel* cableModel() const noexcept { return mCables; }
  QTableWidget* bomTable() const noexcept { return mBom; }
  QLabel* bomTotals() const noexcept { return mBomTotals; }
  QTreeWidget* findingsList() const noexcept { return mFindings; }
  TrayListView* trayList() const noexcept { return mTrays; }
  QTabWidget* tabs() const noexcept { return mTabs; }

  /// The fabric of the current row, or null.
  FabricSpecId currentFabricId() const;
  void selectFabric(FabricSpecId id);
  /// Index into Analysis::fabric::fabrics of fabric `id`, or -1 (not analysed yet).
  int summaryIndex(FabricSpecId id) const;

  /// A new fabric for the shown hall: fresh id, a free name, the hall's most used switch model.
  FabricSpec newFabric() const;
  /// The command paths behind Add…, Edit…, Remove and Place switches in row…. False with the
  /// command's message in `error` (and editFailed() emitted) when refused; nothing changed then.
  bool addFabric(const FabricSpec& spec, QString* error = nullptr);
  bool replaceFabric(const FabricSpec& spec, QString* error = nullptr);
  bool removeFabric(FabricSpecId id, QString* error = nullptr);
  bool placeSwitches(FabricSpecId id, const SwitchRowRequest& request, QString* error = nullptr);

  /// Asks the fabric pass where the selected fabric's switches would make its longest node link
  /// shortest (suggestSwitchPlacement: one shortest-path tree per rack position, so on demand)
  /// and shows the answer under the counts until the next analysis.
  void suggestPlacement();

  void openNewDialog();
  void openEditDialog();
  void openPlaceDialog();

 protected:
  /// Lays the list, the counts and the tabs side by side in a wide dock (the bottom), one
  /// above the other in a tall one (the right, where the dock stands by default).
  void resizeEvent(QResizeEvent* event) override;

 Q_SIGNALS:
  void editFailed(const QString& message);
  /// "Draw tray" was pressed: the floor plan should start its tray tool.
  void drawTrayRequested();

 private:
  QWidget* buildListPane();
  QWidget* buildTabs();
  void rebuild();
  void showCurrent();
  void showBom(int summary);
  void showFindings(FabricSpecId id);
  void updateButtons();
  HallId hallId() const;

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  std::shared_ptr<const FabricResult> mResult;
  QList<Finding> mFabricFindings;
  QList<Rack> mAnalysedRacks;
  DesignAssumptions mAssumptions;                         ///< the analysis' (checked) assumptions
  QHash<FabricSpecId, PlacementSuggestion> mSuggestions;  ///< asked for since the last analysis
  HallId mHallId;
  QBoxLayout* mLayout = nullptr;
  QLabel* mTitle = nullptr;
  QTableWidget* mList = nullptr;
  QPushButton* mAdd = nullptr;
  QPushButton* mEdit = nullptr;
  QPushButton* mRemove = nullptr;
  QPushButton* mPlace = nullptr;
  QPushButton* mSuggest = nullptr;
  FabricSummaryView* mSummary = nullptr;
  QTabWidget* mTabs = nullptr;
  QTableView* mCableView = nullptr;
  CableScheduleModel* mCables = nullptr;
  QTableWidget* mBom = nullptr;
  QLabel* mBomTotals = nullptr;
  QTreeWidget* mFindings = nullptr;
  TrayListView* mTrays = nullptr;
  bool mRebuildQueued = false;
};

}  // namespace dc
