// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatecatalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dc {

namespace {

[[noreturn]] void fail(const QString& file, const QString& message) {
  throw TemplateError(QStringLiteral("%1: %2").arg(file, message).toStdString());
}

QJsonObject readRoot(const QString& path, QByteArray* bytes) {
  const QString label = QFileInfo(path).fileName();
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    fail(label, QStringLiteral("cannot be read: %1").arg(file.errorString()));
  }
  *bytes = file.readAll();
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject()) {
    fail(label,
         QStringLiteral("not valid JSON at byte %1: %2")
             .arg(error.offset)
             .arg(error.error != QJsonParseError::NoError ? error.errorString()
                                                          : QStringLiteral("not an object")));
  }
  const QJsonObject root = doc.object();
  if (root.value(QLatin1String("format")).toString() != QLatin1String("dcstudio-template") ||
      root.value(QLatin1String("formatVersion")).toInt() != 1) {
    fail(label,
         QStringLiteral("not a DC Studio template (format \"dcstudio-template\", version 1)"));
  }
  return root;
}

QStringList strings(const QJsonValue& value) {
  QStringList out;
  for (const QJsonValue& v : value.toArray()) {
    out.append(v.toString());
  }
  return out;
}

int rackCountOf(const QJsonArray& racks) {
  int count = 0;
  for (const QJsonValue& rack : racks) {
    count += std::max(1, rack.toObject().value(QLatin1String("count")).toInt(1));
  }
  return count;
}

}  // namespace

TemplateInfo readTemplateInfo(const QString& path) {
  QByteArray bytes;
  const QJsonObject root = readRoot(path, &bytes);
  TemplateInfo info;
  info.name = QFileInfo(path).completeBaseName();
  info.path = QFileInfo(path).absoluteFilePath();
  info.title = root.value(QLatin1String("name")).toString(info.name);
  info.vendor = root.value(QLatin1String("vendor")).toString(QStringLiteral("Generic"));
  info.revision = root.value(QLatin1String("revision")).toString();
  info.description = root.value(QLatin1String("description")).toString();
  info.sources = strings(root.value(QLatin1String("sources")));
  info.adapted = strings(root.value(QLatin1String("adapted")));
  info.notes = strings(root.value(QLatin1String("notes")));
  info.resizable = root.value(QLatin1String("resizable")).toBool(false);
  for (const QJsonValue& value : root.value(QLatin1String("expectedFindings")).toArray()) {
    const QJsonObject o = value.toObject();
    info.expectedFindings.append(
        {o.value(QLatin1String("code")).toString(), o.value(QLatin1String("severity")).toString(),
         o.value(QLatin1String("count")).toInt(1), o.value(QLatin1String("why")).toString()});
  }
  const QJsonArray halls = root.value(QLatin1String("halls")).toArray();
  info.hallCount = static_cast<int>(halls.size());
  double minX = std::numeric_limits<double>::max(), minY = minX;
  double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
  for (qsizetype h = 0; h < halls.size(); ++h) {
    const QJsonObject hall = halls[h].toObject();
    info.rackCount += rackCountOf(hall.value(QLatin1String("racks")).toArray());
    if (info.resizable && h > 0) {
      continue;
    }
    for (const QJsonValue& corner : hall.value(QLatin1String("outlineMm")).toArray()) {
      const QJsonArray xy = corner.toArray();
      minX = std::min(minX, xy.at(0).toDouble());
      maxX = std::max(maxX, xy.at(0).toDouble());
      minY = std::min(minY, xy.at(1).toDouble());
      maxY = std::max(maxY, xy.at(1).toDouble());
    }
  }
  if (maxX > minX && maxY > minY) {
    info.widthMm = maxX - minX;
    info.depthMm = maxY - minY;
  }
  return info;
}

TemplateList listTemplates(const QString& folder) {
  TemplateList list;
  const QDir dir(folder);
  for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
    try {
      list.templates.append(readTemplateInfo(dir.filePath(file)));
    } catch (const TemplateError& e) {
      list.problems.append(QString::fromStdString(e.what()));
    }
  }
  std::stable_sort(list.templates.begin(), list.templates.end(),
                   [](const TemplateInfo& a, const TemplateInfo& b) {
                     if (a.vendor != b.vendor) {
                       // Generic designs (the empty hall) come last.
                       const bool aGeneric = a.vendor == QLatin1String("Generic");
                       const bool bGeneric = b.vendor == QLatin1String("Generic");
                       return aGeneric != bGeneric ? bGeneric : a.vendor < b.vendor;
                     }
                     return a.title < b.title;
                   });
  return list;
}

QString resolveTemplate(const QString& nameOrPath, const QString& folder) {
  if (nameOrPath.isEmpty()) {
    return {};
  }
  const QFileInfo asPath(nameOrPath);
  if (asPath.isFile()) {
    return asPath.absoluteFilePath();
  }
  if (nameOrPath.contains(QLatin1Char('/')) || nameOrPath.endsWith(QLatin1String(".json"))) {
    return {};  // a path that does not exist is not a template name either
  }
  const QFileInfo named(QDir(folder).filePath(nameOrPath + QStringLiteral(".json")));
  return named.isFile() ? named.absoluteFilePath() : QString();
}

Project loadTemplateFileSized(const QString& path, const std::optional<HallSize>& size,
                              const TemplateCatalogIds* catalog) {
  if (!size) {
    return loadTemplateFile(path, catalog);
  }
  const QString label = QFileInfo(path).fileName();
  QByteArray bytes;
  QJsonObject root = readRoot(path, &bytes);
  if (!root.value(QLatin1String("resizable")).toBool(false)) {
    fail(label, QStringLiteral("this template has a fixed layout; --width-m and --depth-m only "
                               "size a resizable template (empty-hall)"));
  }
  const auto check = [&](double mm, const char* what) {
    if (!std::isfinite(mm) || mm < kMinHallSideMm || mm > kMaxHallSideMm) {
      fail(label, QStringLiteral("hall %1 %2 m is outside %3 m to %4 m")
                      .arg(QString::fromLatin1(what))
                      .arg(mm / 1000.0)
                      .arg(kMinHallSideMm / 1000.0)
                      .arg(kMaxHallSideMm / 1000.0));
    }
  };
  check(size->widthMm, "width");
  check(size->depthMm, "depth");
  QJsonArray halls = root.value(QLatin1String("halls")).toArray();
  if (halls.isEmpty()) {
    fail(label, QStringLiteral("halls: a template needs at least one hall"));
  }
  QJsonObject hall = halls[0].toObject();
  const double w = std::round(size->widthMm), d = std::round(size->depthMm);
  hall.insert(QLatin1String("outlineMm"),
              QJsonArray{QJsonArray{0, 0}, QJsonArray{w, 0}, QJsonArray{w, d}, QJsonArray{0, d}});
  halls[0] = hall;
  root.insert(QLatin1String("halls"), halls);
  return projectFromTemplateJson(QJsonDocument(root).toJson(QJsonDocument::Compact), label,
                                 catalog);
}

}  // namespace dc
