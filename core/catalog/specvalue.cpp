// SPDX-License-Identifier: GPL-3.0-or-later
#include "specvalue.h"

#include "support/enumtext.h"

namespace dc {

namespace {
constexpr EnumText<Confidence> kTexts[] = {
    {Confidence::Vendor, "vendor", "Vendor document"},
    {Confidence::Secondary, "secondary", "Secondary source"},
    {Confidence::Derived, "derived", "Derived from cited figures"},
    {Confidence::Estimate, "estimate", "Estimate"},
};
}  // namespace

QString confidenceKey(Confidence confidence) {
  return enumKey(kTexts, confidence);
}

QString confidenceName(Confidence confidence) {
  return enumName(kTexts, confidence);
}

bool confidenceFromKey(const QString& key, Confidence* confidence) {
  return enumFromKey(kTexts, key, confidence);
}

}  // namespace dc
