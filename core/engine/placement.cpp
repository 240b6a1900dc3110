// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyze.h"
#include "footprint.h"

#include <algorithm>

namespace dc {

namespace {

QString rackLabel(const Rack& rack) {
  return rack.name().isEmpty() ? rack.id().toString().left(8) : rack.name();
}

bool rectInside(const PolygonMm& outline, const RectMm& r) {
  return polygonContains(outline, {r.x0Mm, r.y0Mm}) && polygonContains(outline, {r.x1Mm, r.y0Mm}) &&
         polygonContains(outline, {r.x0Mm, r.y1Mm}) && polygonContains(outline, {r.x1Mm, r.y1Mm});
}

bool rectTouchesPolygon(const PolygonMm& polygon, const RectMm& r) {
  // Bounding-box test, then corners either way: exact for the rectangular columns and
  // obstacles of a hall, conservative for other shapes.
  RectMm box{polygon[0].xMm, polygon[0].yMm, polygon[0].xMm, polygon[0].yMm};
  for (const PointMm& p : polygon) {
    box = {std::min(box.x0Mm, p.xMm), std::min(box.y0Mm, p.yMm), std::max(box.x1Mm, p.xMm),
           std::max(box.y1Mm, p.yMm)};
  }
  return box.overlaps(r);
}

}  // namespace

void validatePlacement(const Project& project, const Catalog& catalog, QList<Finding>& findings) {
  struct Placed {
    RectMm rect;
    const Rack* rack;
  };
  QHash<HallId, QList<Placed>> byHall;
  for (const Rack& rack : project.racks()) {
    const RectMm rect = rackFootprintMm(rack, catalog);
    const Hall* hall = project.findHall(rack.hallId());
    if (rect.isEmpty() || !hall) {
      continue;  // unknown rack types are reported by the power pass
    }
    if (!rectInside(hall->outlineMm(), rect)) {
      findings.append({Finding::Severity::Error, rack.id(), hall->id(),
                       QStringLiteral("Rack %1 stands partly or wholly outside hall %2")
                           .arg(rackLabel(rack), hall->name())});
    }
    for (const Obstacle& obstacle : hall->obstacles()) {
      if (rectTouchesPolygon(obstacle.outlineMm, rect)) {
        findings.append(
            {Finding::Severity::Error, rack.id(), hall->id(),
             QStringLiteral("Rack %1 stands on obstacle %2").arg(rackLabel(rack), obstacle.name)});
      }
    }
    byHall[hall->id()].append({rect, &rack});
  }
  for (QList<Placed>& placed : byHall) {
    // Sweep along x: only racks whose x ranges overlap are compared, O(n log n) for rows.
    std::sort(placed.begin(), placed.end(),
              [](const Placed& a, const Placed& b) { return a.rect.x0Mm < b.rect.x0Mm; });
    for (qsizetype i = 0; i < placed.size(); ++i) {
      for (qsizetype j = i + 1; j < placed.size() && placed[j].rect.x0Mm < placed[i].rect.x1Mm;
           ++j) {
        if (placed[i].rect.overlaps(placed[j].rect)) {
          findings.append({Finding::Severity::Error, placed[j].rack->id(), placed[j].rack->hallId(),
                           QStringLiteral("Rack %1 overlaps rack %2")
                               .arg(rackLabel(*placed[j].rack), rackLabel(*placed[i].rack))});
        }
      }
    }
  }
}

}  // namespace dc
