// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/footprint.h"

#include <QPainterPath>
#include <QRectF>

namespace dc::footprintshape {

/// A footprint in item coordinates: centred on the item's position (1 scene unit = 1 mm).
inline QRectF localRect(const RectMm& footprintMm) {
  const double w = double(footprintMm.widthMm());
  const double h = double(footprintMm.heightMm());
  return {-w / 2.0, -h / 2.0, w, h};
}

/// What a footprint item may paint: the footprint and a margin for its selection outline and
/// edge bars.
inline QRectF bounds(const RectMm& footprintMm) {
  return localRect(footprintMm).adjusted(-40, -40, 40, 40);
}

/// Where a footprint item is hit: the footprint itself.
inline QPainterPath shape(const RectMm& footprintMm) {
  QPainterPath path;
  path.addRect(localRect(footprintMm));
  return path;
}

}  // namespace dc::footprintshape
