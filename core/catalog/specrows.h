// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogitem.h"

#include <QList>
#include <QString>

namespace dc {

/// One line of an item's specification as the studio, the CLI and reports show it.
struct SpecRow {
  QString path;                       ///< JSON path, e.g. "psu.ratingW"
  QString label;                      ///< "PSU rating"
  QString text;                       ///< value with unit, e.g. "3,300 W" or "4+2"
  const SpecValue* figure = nullptr;  ///< the sourced number, or null for a text
};

/// Readable label of a JSON path: "ports[1].speedGbps" -> "Ports 2: speed".
QString specLabel(const QString& path);

/// Formats a figure with the unit its field name carries: ("maxPowerW", 10200) -> "10,200 W".
QString formatSpec(const QString& path, double value);

/// Every figure and text of the item in a stable, readable order (identity first, then size,
/// power, cooling, groups), for display. Pointers stay valid as long as the item does.
QList<SpecRow> specRows(const CatalogItem& item);

}  // namespace dc
