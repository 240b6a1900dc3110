// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/rack.h"

#include <QString>

namespace dc {

/// A floor position's own name ("A01"), or the first 8 characters of its id when it has none.
QString positionName(const Rack& rack);

/// How findings and reports name a floor position: "Rack A01", or "In-row cooler C01",
/// "CRAH unit C02", "CDU C03" when it holds a floor cooling unit. With `capital` false, for the
/// middle of a sentence: "rack A01", "in-row cooler C01" (acronyms keep their capitals).
QString positionLabel(const Rack& rack, const Catalog& catalog, bool capital = true);

}  // namespace dc
