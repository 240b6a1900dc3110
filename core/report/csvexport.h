// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportmodel.h"

#include <QByteArray>
#include <QStringList>

namespace dc::report {

/// The schedules a CSV export can write: `dcstudio-cli export-csv --what KIND`.
QStringList csvKinds();  ///< "bom", "racks", "power", "cooling"

/// A table as RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted
/// and quotes doubled, a header row naming units ("Power (kW)"), cells in their machine form
/// (Cell::csvText(): C locale, no grouping). UTF-8, no byte-order mark.
QByteArray tableToCsv(const Table& table);

/// The CSV of schedule `kind` from the report, or an empty array when `kind` is not one of
/// csvKinds() (`found` false).
QByteArray scheduleCsv(const ReportDocument& document, const QString& kind, bool* found);

}  // namespace dc::report
