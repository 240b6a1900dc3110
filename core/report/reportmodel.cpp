// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportmodel.h"

namespace dc::report {

const Table* ReportDocument::table(const QString& id) const {
  for (const Section& section : sections) {
    for (const Block& block : section.blocks) {
      if (const auto* table = std::get_if<Table>(&block); table != nullptr && table->id == id) {
        return table;
      }
    }
  }
  return nullptr;
}

QList<const Chart*> ReportDocument::charts() const {
  QList<const Chart*> found;
  for (const Section& section : sections) {
    for (const Block& block : section.blocks) {
      if (const auto* chart = std::get_if<Chart>(&block)) {
        found.append(chart);
      }
    }
  }
  return found;
}

}  // namespace dc::report
