// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/fabric/fabricresult.h"
#include "model/rack.h"

#include <QAbstractTableModel>

#include <memory>

namespace dc {

/// The cable schedule of one fabric: one row per generated cable, A end (rack, U, port) to Z end,
/// tier, routed length, medium and part number. Reads FabricResult::cables lazily in data(), so a
/// 200,000-cable fabric costs one shared result and no item per row; the racks are an implicitly
/// shared copy of the analysed project's list (the cables' rack and mount indices point into it).
class CableScheduleModel final : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column {
    ColARack,
    ColAU,
    ColAPort,
    ColZRack,
    ColZU,
    ColZPort,
    ColTier,
    ColLength,
    ColMedia,
    ColPart,
    ColumnCount
  };

  explicit CableScheduleModel(QObject* parent = nullptr);

  /// Shows fabric `fabric` of `result` (-1 or out of range: nothing), with `racks` the analysed
  /// project's racks. Resets the model.
  void setFabric(std::shared_ptr<const FabricResult> result, int fabric, QList<Rack> racks);

  /// The cable of table row `row`, or null.
  const Cable* cableAt(int row) const;
  /// The medium chosen for the cable of row `row`, or null (not routed, or too long).
  const LinkChoice* choiceAt(int row) const;

  /// The widest text column `column` may show (the longest rack name, part number, ...), from
  /// the racks and the media choices, never from the cables: for sizing the columns.
  QString widestText(int column) const;

  int rowCount(const QModelIndex& parent = QModelIndex()) const override;
  int columnCount(const QModelIndex& parent = QModelIndex()) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;

 private:
  QString endText(const CableEnd& end, int column) const;
  QString toolTip(const Cable& cable) const;

  std::shared_ptr<const FabricResult> mResult;
  int mFabric = -1;
  int mFirst = 0;
  int mCount = 0;
  QList<Rack> mRacks;
};

}  // namespace dc
