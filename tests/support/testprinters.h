// SPDX-License-Identifier: GPL-3.0-or-later
// How Qt Test prints the model's small value types when a QCOMPARE fails.
#pragma once

#include "model/geometry.h"

#include <QTest>

namespace QTest {
template <>
inline char* toString(const dc::PointMm& p) {
  return qstrdup(QByteArray("(") + QByteArray::number(qint64(p.xMm)) + ", " +
                 QByteArray::number(qint64(p.yMm)) + ")");
}
}  // namespace QTest
