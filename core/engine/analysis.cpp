// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis.h"

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

}  // namespace dc
