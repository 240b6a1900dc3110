// SPDX-License-Identifier: GPL-3.0-or-later
#include "traytool.h"

#include "edit/cmdobjects.h"
#include "support/firstfreename.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("dc::TrayTool", text);
}

/// Whether the whole segment a-b stays on the floor of `outline`: sampled every 50 mm, which
/// no wall corner of a real hall hides between.
bool segmentInside(const PolygonMm& outline, PointMm a, PointMm b) {
  const double length = std::hypot(double(b.xMm - a.xMm), double(b.yMm - a.yMm));
  const int steps = std::max(1, int(std::ceil(length / 50.0)));
  for (int i = 0; i <= steps; ++i) {
    const double t = double(i) / steps;
    const PointMm p{std::llround(a.xMm + (b.xMm - a.xMm) * t),
                    std::llround(a.yMm + (b.yMm - a.yMm) * t)};
    if (!polygonContains(outline, p)) {
      return false;
    }
  }
  return true;
}

QString metres(std::int64_t mm) {
  return QString::number(double(mm) / 1000.0, 'f', 1);
}
}  // namespace

TrayTool::TrayTool(DesignDocument& document) : mDocument(document) {
}

void TrayTool::start(HallId hallId) {
  mHallId = hallId.isNull() ? mDocument.activeHallId() : hallId;
  mPoints.clear();
  mHasHover = false;
  mActive = !mHallId.isNull();
}

PointMm TrayTool::snapped(PointMm p) const {
  const Hall* hall = mDocument.project().findHall(mHallId);
  const int step = hall ? std::max(1, hall->tileMm() / 2) : 300;
  return PointMm{snapMm(p.xMm, step), snapMm(p.yMm, step)};
}

void TrayTool::press(const FloorMouseEvent& event) {
  if (!mActive) {
    return;
  }
  const PointMm p = snapped(event.posMm);
  if (mPoints.isEmpty() || mPoints.last() != p) {
    mPoints.append(p);
  }
  mHoverMm = p;
  mHasHover = true;
}

void TrayTool::move(const FloorMouseEvent& event) {
  if (mActive) {
    mHoverMm = snapped(event.posMm);
    mHasHover = true;
  }
}

void TrayTool::cancel() {
  mActive = false;
  mPoints.clear();
  mHasHover = false;
}

int TrayTool::defaultHeightMm(const Hall& hall, const DesignAssumptions& assumptions) {
  const QString key = QString::fromLatin1(assumption::kTrayHeightMm);
  if (DesignAssumptions::spec(key)) {
    return int(std::lround(assumptions.value(key)));
  }
  return std::max(2400, hall.ceilingHeightMm() - 1200);
}

int TrayTool::defaultWidthMm(const DesignAssumptions& assumptions) {
  return int(std::lround(assumptions.value(QString::fromLatin1(assumption::kTrayWidthMm))));
}

int TrayTool::defaultDepthMm(const DesignAssumptions& assumptions) {
  return int(std::lround(assumptions.value(QString::fromLatin1(assumption::kTrayDepthMm))));
}

CableTray TrayTool::trayFromPoints() const {
  const Project& project = mDocument.project();
  CableTray tray;
  tray.id = CableTrayId::create();
  tray.hallId = mHallId;
  QSet<QString> names;
  for (const CableTray& other : project.cableTrays()) {
    names.insert(other.name);
  }
  tray.name = firstFreeName(names, [](int n) { return QStringLiteral("T-%1").arg(n); });
  tray.pathMm = mPoints;
  const Hall* hall = project.findHall(mHallId);
  tray.heightMm = hall ? defaultHeightMm(*hall, project.assumptions()) : tray.heightMm;
  tray.widthMm = defaultWidthMm(project.assumptions());
  tray.depthMm = defaultDepthMm(project.assumptions());
  tray.kind = TrayKind::Ladder;
  return tray;
}

bool TrayTool::finish(QString* error) {
  const auto fail = [error](const QString& message) {
    if (error) {
      *error = message;
    }
    return false;
  };
  if (!mActive) {
    return fail(QString());
  }
  const Hall* hall = mDocument.project().findHall(mHallId);
  if (!hall) {
    cancel();
    return fail(tr("The tray's hall is no longer in the project."));
  }
  const CableTray tray = trayFromPoints();
  if (mPoints.size() < 2) {
    return fail(tr("Tray %1 needs at least two points: click where it runs, then double-click "
                   "or press Enter (Esc cancels).")
                    .arg(tray.name));
  }
  for (qsizetype i = 0; i < mPoints.size(); ++i) {
    const bool pointOut = !polygonContains(hall->outlineMm(), mPoints[i]);
    if (pointOut || (i > 0 && !segmentInside(hall->outlineMm(), mPoints[i - 1], mPoints[i]))) {
      const PointMm at = pointOut ? mPoints[i] : mPoints[i - 1];
      return fail(
          tr("Tray %1 would run outside hall %2 (%3 at x %4 m, y %5 m): draw it on "
             "the floor.")
              .arg(tray.name, hall->name(),
                   pointOut ? tr("point %1").arg(i + 1) : tr("the segment from point %1").arg(i),
                   metres(at.xMm), metres(at.yMm)));
    }
  }
  QString message;
  if (!pushInsertObject(mDocument, tray, tr("Draw tray %1").arg(tray.name), &message)) {
    return fail(message);
  }
  cancel();
  return true;
}

}  // namespace dc
