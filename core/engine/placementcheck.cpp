// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyze.h"
#include "footprint.h"
#include "positionlabel.h"

// Boost.Geometry 1.74's rescale policy trips GCC 12's -Wmaybe-uninitialized inside Boost's own
// code once inlined here; the warning is Boost's (fixed upstream), not ours.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
// geometry.hpp still includes boost/detail/no_exceptions_support.hpp, which 1.74 deprecates with
// a #pragma message in every build; the header is Boost's to update, not ours.
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

#include <algorithm>

namespace dc {

namespace {

namespace bg = boost::geometry;
// Millimetres as doubles: exact for integers up to 2^53 mm, far beyond any hall.
using BgPoint = bg::model::d2::point_xy<double>;
using BgPolygon = bg::model::polygon<BgPoint>;
using BgMultiPolygon = bg::model::multi_polygon<BgPolygon>;

BgPolygon toPolygon(const PolygonMm& outline) {
  BgPolygon polygon;
  for (const PointMm& p : outline) {
    bg::append(polygon.outer(), BgPoint(double(p.xMm), double(p.yMm)));
  }
  bg::correct(polygon);  // closes the ring and orders it as Boost expects, whatever the input
  return polygon;
}

BgPolygon toPolygon(const RectMm& r) {
  return toPolygon(
      PolygonMm{{r.x0Mm, r.y0Mm}, {r.x1Mm, r.y0Mm}, {r.x1Mm, r.y1Mm}, {r.x0Mm, r.y1Mm}});
}

/// Floor area (mm²) the rack shares with a shape: > 0 means they overlap; touching edges do
/// not (a rack may stand against a column or wall).
double sharedAreaMm2(const BgPolygon& shape, const BgPolygon& rack) {
  BgMultiPolygon common;
  bg::intersection(shape, rack, common);
  return bg::area(common);
}

Finding placementFinding(const char* code, const Rack& rack, const Hall& hall, QString message) {
  Finding f;
  f.code = QString::fromLatin1(code);
  f.severity = Finding::Severity::Error;
  f.subject = ObjectRef::rack(rack.id());
  f.hallId = hall.id();
  f.message = std::move(message);
  return f;
}

struct Placed {
  RectMm rect;
  const Rack* rack;
};

/// Positions are named ("Rack A01", "in-row cooler C01") only when a finding needs them.
void checkHall(const Hall& hall, const Catalog& catalog, QList<Placed>& placed,
               QList<Finding>& findings) {
  const BgPolygon floor = toPolygon(hall.outlineMm());
  QList<BgPolygon> obstacles;
  for (const Obstacle& obstacle : hall.obstacles()) {
    obstacles.append(toPolygon(obstacle.outlineMm));
  }
  for (const Placed& p : placed) {
    const BgPolygon rack = toPolygon(p.rect);
    // Exact for any hall shape: the part of the rack inside the floor must be all of it.
    if (sharedAreaMm2(floor, rack) < bg::area(rack) - 0.5) {
      findings.append(placementFinding("placement.outside-hall", *p.rack, hall,
                                       QStringLiteral("%1 stands partly or wholly outside hall %2")
                                           .arg(positionLabel(*p.rack, catalog), hall.name())));
    }
    for (qsizetype i = 0; i < obstacles.size(); ++i) {
      if (sharedAreaMm2(obstacles[i], rack) > 0.5) {
        findings.append(
            placementFinding("placement.on-obstacle", *p.rack, hall,
                             QStringLiteral("%1 stands on obstacle %2")
                                 .arg(positionLabel(*p.rack, catalog), hall.obstacles()[i].name)));
      }
    }
  }
  // Sweep along x: only racks whose x ranges overlap are compared, O(n log n) for rows.
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return a.rect.x0Mm != b.rect.x0Mm ? a.rect.x0Mm < b.rect.x0Mm : a.rect.y0Mm < b.rect.y0Mm;
  });
  for (qsizetype i = 0; i < placed.size(); ++i) {
    for (qsizetype j = i + 1; j < placed.size() && placed[j].rect.x0Mm < placed[i].rect.x1Mm; ++j) {
      if (placed[i].rect.overlaps(placed[j].rect)) {
        Finding f = placementFinding("placement.overlap", *placed[j].rack, hall,
                                     QStringLiteral("%1 overlaps %2")
                                         .arg(positionLabel(*placed[j].rack, catalog),
                                              positionLabel(*placed[i].rack, catalog, false)));
        f.related.append(ObjectRef::rack(placed[i].rack->id()));
        findings.append(f);
      }
    }
  }
}

}  // namespace

QList<Finding> validatePlacement(const Project& project, const Catalog& catalog) {
  QList<Finding> findings;
  QHash<HallId, QList<Placed>> byHall;
  for (const Rack& rack : project.racks()) {
    const RectMm rect = rackFootprintMm(rack, catalog);
    if (!rect.isEmpty()) {  // unknown rack types are reported by the power pass
      byHall[rack.hallId()].append({rect, &rack});
    }
  }
  for (const Hall& hall : project.halls()) {  // the project's hall order: deterministic output
    checkHall(hall, catalog, byHall[hall.id()], findings);
  }
  return findings;
}

}  // namespace dc

#pragma GCC diagnostic pop
