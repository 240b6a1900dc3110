// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding.h"

#include "support/enumtext.h"

namespace dc {

namespace {
constexpr EnumText<Finding::Severity> kSeverities[] = {
    {Finding::Severity::Error, "error", "Error"},
    {Finding::Severity::Warning, "warning", "Warning"},
    {Finding::Severity::Info, "info", "Information"},
};
}  // namespace

QString findingSeverityKey(Finding::Severity severity) {
  return enumKey(kSeverities, severity);
}

RackId Finding::relatedRackId() const noexcept {
  for (const ObjectRef& ref : related) {
    if (!ref.rackId.isNull()) {
      return ref.rackId;
    }
  }
  return {};
}

Figure findingFigure(double value, const QString& unit, const QString& formula) {
  return Figure{value, unit, formula, {}};
}

}  // namespace dc
