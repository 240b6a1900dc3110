// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "format/quantityformat.h"
#include "report/rackconfigurations.h"
#include "report/reportdata.h"

#include <QList>
#include <QPointF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace dc::report {

/// A zero-U PDU of an elevation, drawn at the rack's side.
struct ElevationPdu {
  int feed = -1;  ///< 0, 1, 2 for A, B, C
  QString label;
  bool left = true;  ///< which side of the rack it is drawn on
  int slot = 0;      ///< its place on that side, from the outside in (left) or out (right)
};

/// One rack configuration with the facts its front elevation needs.
struct ElevationRack {
  const RackConfiguration* configuration = nullptr;
  double widthMm = 600.0;  ///< the rack's outer width (catalog)
  double heightMm = 0.0;   ///< outer height (catalog), or the U it holds and a frame
  int usableU = 0;         ///< 0: a rack-scale system drawn as one block
  double unitMm = 0.0;     ///< rack unit pitch: EIA-310 U, or Open Rack's OpenU (48 mm)
  double panelMm = 0.0;    ///< equipment width: the 19" panel, or Open Rack's 21" bay
  QString unitName = QStringLiteral("U");
  QList<ElevationPdu> pdus;  ///< zero-U PDUs, from the first rack that has the configuration
  QString systemLabel;       ///< rack-scale: the system's model
  double systemPowerW = 0.0;
};

ElevationRack elevationRack(const RackConfiguration& configuration, const ReportData& data);

/// The size of the drawn elevation at 1:`scale` (frame and side gutters for U numbers and
/// PDUs; a narrow rack's gutters widen its frame).
QSizeF elevationSizeMm(const ElevationRack& rack, int scale);

/// Paints the front elevation standing on `floorCentre` (the middle of its bottom edge).
void paintRackElevation(QPainter& painter, const QPointF& floorCentre, const ElevationRack& rack,
                        int scale, const NumberStyle& style);

}  // namespace dc::report
