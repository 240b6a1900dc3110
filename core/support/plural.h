// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// "1 rack", "3 racks": a count with the right English noun form. (The studio ships no
/// translation files yet, so Qt's %n plural forms would print "rack(s)".)
inline QString countOf(qsizetype n, const char* singular, const char* plural) {
  return QStringLiteral("%1 %2").arg(n).arg(QString::fromUtf8(n == 1 ? singular : plural));
}

}  // namespace dc
