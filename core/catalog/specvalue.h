// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// How close a catalog figure is to the vendor.
enum class Confidence {
  Vendor,     ///< read in the vendor's (or a standards body's) own document
  Secondary,  ///< a third-party review or transcription of the vendor
  Derived,    ///< arithmetic on cited figures; the note shows it
  Estimate,   ///< no public figure; an engineering estimate whose basis is in the note
};

QString confidenceKey(Confidence confidence);   ///< "vendor", "secondary", "derived", "estimate"
QString confidenceName(Confidence confidence);  ///< "Vendor document", ...
bool confidenceFromKey(const QString& key, Confidence* confidence);

/// A public document that catalog figures come from.
struct Source {
  QString key;  ///< local to the catalog file it was declared in
  QString title;
  QString url;
  QString publisher;
  QString accessed;  ///< ISO date the document was read
  QString file;      ///< catalog file that declared it

  friend bool operator==(const Source&, const Source&) = default;
};

/// One catalog number with where it came from: what a report prints next to the figure.
struct SpecValue {
  double value = 0.0;
  Source source;
  Confidence confidence = Confidence::Vendor;
  QString note;  ///< the arithmetic for Derived, the basis for Estimate, else optional context

  friend bool operator==(const SpecValue&, const SpecValue&) = default;
};

}  // namespace dc
