// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportmodel.h"

#include <QByteArray>
#include <QStringList>

namespace dc {
class Project;
struct FabricResult;
}  // namespace dc

namespace dc::report {

struct ReportData;

/// The schedules a CSV export can write: `dcstudio-cli export-csv --what KIND`.
QStringList csvKinds();  ///< "bom", "racks", "power", "cooling", "cables"

/// A table as RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted
/// and quotes doubled, a header row naming units ("Power (kW)"), cells in their machine form
/// (Cell::csvText(): C locale, no grouping). UTF-8, no byte-order mark.
QByteArray tableToCsv(const Table& table);

/// The CSV of schedule `kind` from the report's tables, or an empty array when `kind` is not
/// one of its tables (`found` false): every kind but "cables", which the report does not hold.
QByteArray scheduleCsv(const ReportDocument& document, const QString& kind, bool* found);

/// The CSV of any of csvKinds(): the report's tables, and "cables" from the fabric pass
/// (cablesCsv(); `found` false when the design has no fabric). `rows` gets the data rows.
QByteArray scheduleCsv(const ReportData& data, const QString& kind, bool* found,
                       qsizetype* rows = nullptr);

/// Every cable of the fabric pass, one row each, in the pass's order (fabric by fabric, tier by
/// tier): fabric, tier key, A rack, A U, A device (catalog id), A port (1-based), the same of
/// the Z end, speed (Gb/s), routed length (m), media class, part number, stock length (m),
/// transceiver A and Z (catalog ids). An end with no device (a reserved port) or not placed
/// has empty fields; a rack-scale system's own end has no U; an unrouted cable no length.
/// Written straight into bytes: 200,000 cables take a fraction of a second.
QByteArray cablesCsv(const Project& project, const FabricResult& fabric, qsizetype* rows = nullptr);

}  // namespace dc::report
