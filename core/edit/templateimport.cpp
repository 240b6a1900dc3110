// SPDX-License-Identifier: GPL-3.0-or-later
#include "templateimport.h"

#include "engine/analyze.h"

#include <QFileInfo>

namespace dc {

TemplateCatalogIds templateCatalogIds(const Catalog& catalog) {
  TemplateCatalogIds ids;
  for (const CatalogItem& item : catalog.items()) {
    ids.kinds.insert(item.id, itemKindKey(item.kind));
    if (item.isFloorCoolingUnit()) {
      ids.floorCoolingUnits.insert(item.id);
    }
  }
  return ids;
}

Project loadTemplateAgainst(const QString& path, const Catalog& catalog,
                            const std::optional<HallSize>& size) {
  const TemplateCatalogIds ids = templateCatalogIds(catalog);
  Project project = loadTemplateFileSized(path, size, &ids);
  // A reference design whose racks cannot stand as drawn (a device above the rack's top, two in
  // the same U, racks on each other, off the floor or on a column) is broken, not a design with
  // findings: refused like a malformed file, with the engine's own words.
  QStringList broken;
  for (const Finding& finding : analyze(project, catalog).findings) {
    if (finding.severity == Finding::Severity::Error &&
        (finding.code.startsWith(QLatin1String("placement.")) ||
         finding.code.startsWith(QLatin1String("rack.")))) {
      broken.append(finding.message);
    }
  }
  if (!broken.isEmpty()) {
    constexpr qsizetype kShown = 3;
    QString message =
        QStringLiteral("%1: its racks cannot stand as drawn: %2")
            .arg(QFileInfo(path).fileName(), broken.mid(0, kShown).join(QStringLiteral("; ")));
    if (broken.size() > kShown) {
      message += QStringLiteral(" (and %1 more)").arg(broken.size() - kShown);
    }
    throw TemplateError(message.toStdString());
  }
  return project;
}

}  // namespace dc
