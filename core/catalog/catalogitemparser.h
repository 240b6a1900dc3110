// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogitem.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace dc {

/// A catalog entry that cannot be used: the JSON path of the field at fault and why. Thrown by
/// parseCatalogItem and caught per item, so one bad entry never stops its file.
struct CatalogItemError {
  QString path;
  QString message;
};

/// A file's sources by their local key.
using CatalogSources = QHash<QString, Source>;

/// One item of a catalog file, checked against the schema (catalogschema.h): every figure with
/// its source and confidence resolved, typed fields filled. Throws CatalogItemError.
CatalogItem parseCatalogItem(const QJsonObject& object, const CatalogSources& sources,
                             const QString& file);

/// A JSON value as an error message quotes it: "\"10.2 kW\"", 12, an array, nothing.
QString describeJsonValue(const QJsonValue& value);

}  // namespace dc
