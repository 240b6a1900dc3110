// SPDX-License-Identifier: GPL-3.0-or-later
#include "specvalue.h"

namespace dc {

namespace {
struct ConfidenceText {
  Confidence confidence;
  const char* key;
  const char* name;
};
constexpr ConfidenceText kTexts[] = {
    {Confidence::Vendor, "vendor", "Vendor document"},
    {Confidence::Secondary, "secondary", "Secondary source"},
    {Confidence::Derived, "derived", "Derived from cited figures"},
    {Confidence::Estimate, "estimate", "Estimate"},
};
}  // namespace

QString confidenceKey(Confidence confidence) {
  for (const ConfidenceText& t : kTexts) {
    if (t.confidence == confidence) {
      return QString::fromLatin1(t.key);
    }
  }
  return {};
}

QString confidenceName(Confidence confidence) {
  for (const ConfidenceText& t : kTexts) {
    if (t.confidence == confidence) {
      return QString::fromLatin1(t.name);
    }
  }
  return {};
}

bool confidenceFromKey(const QString& key, Confidence* confidence) {
  for (const ConfidenceText& t : kTexts) {
    if (key == QLatin1String(t.key)) {
      *confidence = t.confidence;
      return true;
    }
  }
  return false;
}

}  // namespace dc
