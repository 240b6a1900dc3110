// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/hall.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace dc {

/// Draws a hall: floor with its tile grid, the outline walls, obstacles and the hall's name.
/// A view over one Hall value; sync() re-reads it. 1 scene unit = 1 mm.
class HallItem final : public QGraphicsItem {
 public:
  enum { Type = UserType + 2 };

  explicit HallItem(const Hall& hall);

  HallId hallId() const noexcept { return mHallId; }
  void sync(const Hall& hall);

  int type() const override { return Type; }
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  HallId mHallId;
  QString mName;
  QPainterPath mOutline;
  QList<QPainterPath> mObstacles;
  QStringList mObstacleNames;
  int mTileMm = 600;
};

}  // namespace dc
