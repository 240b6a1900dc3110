// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogloader.h"

#include "catalogitemparser.h"
#include "support/datafolder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dc {

namespace {

constexpr int kFormatVersion = 1;

void fileError(CatalogLoadResult& result, const QString& file, const QString& message) {
  result.problems.append({CatalogProblem::Severity::Error, file, {}, {}, message});
}

bool readSources(const QJsonObject& root, const QString& file, CatalogLoadResult& result,
                 CatalogSources& sources) {
  const QJsonValue value = root.value(QLatin1String("sources"));
  if (!value.isObject()) {
    fileError(result, file,
              QStringLiteral("\"sources\" must be an object of source key -> {title, url}"));
    return false;
  }
  const QJsonObject object = value.toObject();
  for (auto it = object.begin(); it != object.end(); ++it) {
    const QJsonObject s = it.value().toObject();
    Source source{it.key(),
                  s.value(QLatin1String("title")).toString(),
                  s.value(QLatin1String("url")).toString(),
                  s.value(QLatin1String("publisher")).toString(),
                  s.value(QLatin1String("accessed")).toString(),
                  file};
    if (source.title.isEmpty() || source.url.isEmpty()) {
      result.problems.append(
          {CatalogProblem::Severity::Error,
           file,
           {},
           QStringLiteral("sources.%1").arg(it.key()),
           QStringLiteral("a source needs a title and a url; items citing it are left out")});
      continue;
    }
    sources.insert(it.key(), source);
  }
  return true;
}

}  // namespace

qsizetype CatalogLoadResult::errorCount() const {
  qsizetype n = 0;
  for (const CatalogProblem& p : problems) {
    n += p.severity == CatalogProblem::Severity::Error ? 1 : 0;
  }
  return n;
}

void loadCatalogJson(const QByteArray& json, const QString& file, int layer,
                     CatalogLoadResult& result) {
  QJsonParseError parseError{};
  const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
  if (parseError.error != QJsonParseError::NoError) {
    fileError(result, file,
              QStringLiteral("not valid JSON at byte %1: %2")
                  .arg(parseError.offset)
                  .arg(parseError.errorString()));
    return;
  }
  const QJsonObject root = document.object();
  if (!document.isObject() ||
      root.value(QLatin1String("format")).toString() != QLatin1String("dcstudio-catalog")) {
    fileError(
        result, file,
        QStringLiteral("not a DC Studio catalog file (\"format\" must be \"dcstudio-catalog\")"));
    return;
  }
  const int version = root.value(QLatin1String("formatVersion")).toInt(-1);
  if (version < 1 || version > kFormatVersion) {
    const QJsonValue given = root.value(QLatin1String("formatVersion"));
    fileError(
        result, file,
        given.isUndefined()
            ? QStringLiteral("\"formatVersion\" is missing (this DC Studio reads 1 to %1)")
                  .arg(kFormatVersion)
            : QStringLiteral("formatVersion %1 is not supported (this DC Studio reads 1 to %2)")
                  .arg(describeJsonValue(given))
                  .arg(kFormatVersion));
    return;
  }
  CatalogSources sources;
  if (!readSources(root, file, result, sources)) {
    return;
  }
  if (!root.value(QLatin1String("items")).isArray()) {
    fileError(result, file, QStringLiteral("\"items\" must be an array"));
    return;
  }
  const QJsonArray items = root.value(QLatin1String("items")).toArray();
  for (qsizetype i = 0; i < items.size(); ++i) {
    const QJsonObject object = items[i].toObject();
    const QString label =
        object.value(QLatin1String("id")).toString(QStringLiteral("items[%1]").arg(i));
    try {
      if (!items[i].isObject()) {
        throw CatalogItemError{{}, QStringLiteral("an item must be an object")};
      }
      CatalogItem item = parseCatalogItem(object, sources, file);
      const CatalogItem* existing = result.catalog.find(item.id);
      if (existing && result.layerOfItem.value(item.id) >= layer) {
        throw CatalogItemError{
            QStringLiteral("id"),
            QStringLiteral("duplicate id, already defined in %1").arg(existing->file)};
      }
      if (existing) {
        result.problems.append({CatalogProblem::Severity::Note,
                                file,
                                item.id,
                                {},
                                QStringLiteral("overrides the item from %1").arg(existing->file)});
      }
      result.layerOfItem.insert(item.id, layer);
      result.catalog.addOrReplace(std::move(item));
    } catch (const CatalogItemError& error) {
      result.problems.append({CatalogProblem::Severity::Error, file, label, error.path,
                              error.message + QStringLiteral(" (item left out)")});
    }
  }
}

CatalogLoadResult loadCatalogFolders(const QStringList& folders) {
  CatalogLoadResult result;
  for (qsizetype f = 0; f < folders.size(); ++f) {
    const QDir dir(folders[f]);
    if (!dir.exists()) {
      fileError(result, folders[f], QStringLiteral("catalog folder does not exist"));
      continue;
    }
    QStringList files;
    QDirIterator it(dir.absolutePath(), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
      files.append(it.next());
    }
    files.sort();
    for (const QString& path : files) {
      const QString label = dir.dirName() + QLatin1Char('/') + dir.relativeFilePath(path);
      QFile file(path);
      if (!file.open(QIODevice::ReadOnly)) {
        fileError(result, label, QStringLiteral("cannot be read: %1").arg(file.errorString()));
        continue;
      }
      loadCatalogJson(file.readAll(), label, int(f), result);
    }
  }
  for (const CatalogItem& item : result.catalog.items()) {
    // Racks, systems and room coolers stand in the white space and must be drawn to scale. A
    // floor-standing CDU may sit in a plant room: without a footprint it still serves sizing.
    const bool inWhiteSpace = item.isFloorStanding() && item.kind != ItemKind::Cdu;
    if (inWhiteSpace && (!item.widthMm() || !item.depthMm())) {
      result.problems.append({CatalogProblem::Severity::Warning, item.file, item.id,
                              QStringLiteral("widthMm"),
                              QStringLiteral("no published footprint (widthMm, depthMm): it cannot "
                                             "be placed on the floor plan")});
    }
    if (item.acceleratorPart.isEmpty()) {
      continue;
    }
    const CatalogItem* part = result.catalog.find(item.acceleratorPart);
    if (!part || part->kind != ItemKind::Accelerator) {
      result.problems.append({CatalogProblem::Severity::Warning, item.file, item.id,
                              QStringLiteral("accelerators.part"),
                              QStringLiteral("\"%1\" is not an accelerator in the catalog")
                                  .arg(item.acceleratorPart)});
    }
  }
  return result;
}

QString shippedCatalogFolder() {
  return shippedDataFolder("DCSTUDIO_CATALOG_DIR", QStringLiteral("catalog"));
}

}  // namespace dc
