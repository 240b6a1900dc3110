// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatepreview.h"

#include "engine/cooling/heatmapinput.h"
#include "engine/footprint.h"
#include "floorplan/floorpalette.h"
#include "format/quantityformat.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace dc {

namespace {

constexpr double kMarginPx = 10.0;
constexpr double kCaptionPx = 20.0;
constexpr double kLegendPx = 24.0;
constexpr double kMinGridPx = 5.0;  ///< tiles closer than this on screen are not drawn

/// Colours of what a rack holds. The floor plan colours racks by power; the preview, before
/// any analysis, says what the design is made of.
QColor kindColour(PreviewRackKind kind) {
  switch (kind) {
    case PreviewRackKind::Compute:
      return QColor(0x7e, 0x86, 0xd0);
    case PreviewRackKind::Network:
      return QColor(0x4d, 0xb6, 0xac);
    case PreviewRackKind::Storage:
      return QColor(0xbc, 0xaa, 0xa4);
    case PreviewRackKind::Power:
      return QColor(0xff, 0xd5, 0x4f);
    case PreviewRackKind::Empty:
      break;
  }
  return neutralRackColor();
}

QString kindName(PreviewRackKind kind) {
  switch (kind) {
    case PreviewRackKind::Compute:
      return TemplatePreview::tr("Compute");
    case PreviewRackKind::Network:
      return TemplatePreview::tr("Network");
    case PreviewRackKind::Storage:
      return TemplatePreview::tr("Storage");
    case PreviewRackKind::Power:
      return TemplatePreview::tr("Power rack");
    case PreviewRackKind::Empty:
      break;
  }
  return TemplatePreview::tr("Empty rack");
}

constexpr std::array kKinds{PreviewRackKind::Compute, PreviewRackKind::Network,
                            PreviewRackKind::Storage, PreviewRackKind::Power,
                            PreviewRackKind::Empty};

QRectF rectOf(const RectMm& r) {
  return QRectF(double(r.x0Mm), double(r.y0Mm), double(r.widthMm()), double(r.heightMm()));
}

QPolygonF polygonOf(const PolygonMm& polygon) {
  QPolygonF out;
  for (const PointMm& p : polygon) {
    out.append(QPointF(double(p.xMm), double(p.yMm)));
  }
  return out;
}

/// A rack position of the usual size at `rack`'s position, for a rack type with no footprint.
QRectF markerRect(PointMm centre) {
  const double w = double(kCoolingUnitMarkerSizeMm.widthMm);
  const double d = double(kCoolingUnitMarkerSizeMm.depthMm);
  return QRectF(double(centre.xMm) - w / 2.0, double(centre.yMm) - d / 2.0, w, d);
}

}  // namespace

PreviewRackKind previewRackKind(const Rack& rack, const Catalog& catalog) {
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  if (type != nullptr && type->kind == ItemKind::RackScaleSystem) {
    return PreviewRackKind::Compute;
  }
  if (type != nullptr && type->kind == ItemKind::PowerRack) {
    return PreviewRackKind::Power;
  }
  bool network = false;
  bool storage = false;
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    if (item == nullptr) {
      continue;
    }
    switch (item->kind) {
      case ItemKind::Server:
      case ItemKind::Accelerator:
      case ItemKind::RackScaleSystem:
        return PreviewRackKind::Compute;
      case ItemKind::Switch:
      case ItemKind::Appliance:
        network = true;
        break;
      case ItemKind::Storage:
        storage = true;
        break;
      default:
        break;
    }
  }
  return network   ? PreviewRackKind::Network
         : storage ? PreviewRackKind::Storage
                   : PreviewRackKind::Empty;
}

TemplatePreview::TemplatePreview(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("templatePreview"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void TemplatePreview::setProject(const Project& project, const Catalog& catalog) {
  mMessage.clear();
  mOutlineMm.clear();
  mObstaclesMm.clear();
  mRacks.clear();
  mUnits.clear();
  mBoundsMm = QRectF();
  mCaption.clear();
  if (project.halls().isEmpty()) {
    setMessage(tr("This template has no hall."));
    return;
  }
  const Hall& hall = project.halls().first();
  mOutlineMm = polygonOf(hall.outlineMm());
  mBoundsMm = mOutlineMm.boundingRect();
  mTileMm = hall.tileMm();
  for (const Obstacle& obstacle : hall.obstacles()) {
    mObstaclesMm.append(polygonOf(obstacle.outlineMm));
  }
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() != hall.id()) {
      continue;
    }
    const RectMm footprint = rackFootprintMm(rack, catalog);
    const bool known = !footprint.isEmpty();
    mRacks.append({known ? rectOf(footprint) : markerRect(rack.positionMm()),
                   previewRackKind(rack, catalog), !known});
  }
  for (const CoolingUnit& unit : project.coolingUnits()) {
    if (unit.hallId != hall.id()) {
      continue;
    }
    bool published = false;
    const RectMm footprint = coolingUnitFootprintMm(unit, catalog, &published);
    mUnits.append({rectOf(footprint),
                   isAirCoolingUnit(unit, catalog) ? coolingUnitColor() : cduColor(), !published});
  }
  mCaption = QStringLiteral("%1, %2 × %3")
                 .arg(hall.name(), formatQuantity(mBoundsMm.width(), Quantity::LengthMm),
                      formatQuantity(mBoundsMm.height(), Quantity::LengthMm));
  if (project.halls().size() > 1) {
    mCaption += tr(" (hall 1 of %1)").arg(project.halls().size());
  }
  update();
}

void TemplatePreview::setMessage(const QString& message) {
  mMessage = message;
  mOutlineMm.clear();
  mObstaclesMm.clear();
  mRacks.clear();
  mUnits.clear();
  mBoundsMm = QRectF();
  mCaption.clear();
  update();
}

int TemplatePreview::rackCount(PreviewRackKind kind) const {
  return int(std::count_if(mRacks.cbegin(), mRacks.cend(),
                           [kind](const RackShape& r) { return r.kind == kind; }));
}

void TemplatePreview::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.fillRect(rect(), palette().base());
  const QRectF area = QRectF(rect()).adjusted(kMarginPx, kMarginPx + kCaptionPx, -kMarginPx,
                                              -kMarginPx - kLegendPx);
  if (!mMessage.isEmpty() || mBoundsMm.isEmpty() || area.width() <= 0 || area.height() <= 0) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(rect()).adjusted(kMarginPx, kMarginPx, -kMarginPx, -kMarginPx),
                     Qt::AlignCenter | Qt::TextWordWrap, mMessage);
    return;
  }
  painter.setPen(palette().color(QPalette::Text));
  painter.drawText(QRectF(kMarginPx, kMarginPx, width() - 2 * kMarginPx, kCaptionPx),
                   Qt::AlignLeft | Qt::AlignVCenter, mCaption);

  // To scale: one factor for both axes, the hall centred in the area.
  const double pxPerMm =
      std::min(area.width() / mBoundsMm.width(), area.height() / mBoundsMm.height());
  const QPointF offset(area.center().x() - mBoundsMm.center().x() * pxPerMm,
                       area.center().y() - mBoundsMm.center().y() * pxPerMm);
  QTransform toScreen;
  toScreen.translate(offset.x(), offset.y());
  toScreen.scale(pxPerMm, pxPerMm);

  const QPolygonF outline = toScreen.map(mOutlineMm);
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(0xfa, 0xfa, 0xfa));
  painter.drawPolygon(outline);
  if (mTileMm > 0 && mTileMm * pxPerMm >= kMinGridPx) {
    painter.save();
    QPainterPath clip;
    clip.addPolygon(outline);
    painter.setClipPath(clip);
    painter.setPen(QPen(QColor(0xec, 0xef, 0xf1), 0.6));
    for (double x = mBoundsMm.left(); x <= mBoundsMm.right(); x += mTileMm) {
      painter.drawLine(toScreen.map(QPointF(x, mBoundsMm.top())),
                       toScreen.map(QPointF(x, mBoundsMm.bottom())));
    }
    for (double y = mBoundsMm.top(); y <= mBoundsMm.bottom(); y += mTileMm) {
      painter.drawLine(toScreen.map(QPointF(mBoundsMm.left(), y)),
                       toScreen.map(QPointF(mBoundsMm.right(), y)));
    }
    painter.restore();
  }
  painter.setPen(QPen(QColor(0xcf, 0xd8, 0xdc), 0.8));
  for (const QPolygonF& obstacle : mObstaclesMm) {
    painter.setBrush(QColor(0x90, 0xa4, 0xae));
    painter.drawPolygon(toScreen.map(obstacle));
  }
  const auto drawBox = [&](const QRectF& rectMm, const QColor& fill, bool dashed) {
    painter.setBrush(fill);
    painter.setPen(QPen(fill.darker(170), 0.8, dashed ? Qt::DashLine : Qt::SolidLine));
    painter.drawRect(toScreen.mapRect(rectMm));
  };
  for (const RackShape& rack : mRacks) {
    drawBox(rack.rectMm, kindColour(rack.kind), rack.dashed);
  }
  for (const Shape& unit : mUnits) {
    drawBox(unit.rectMm, unit.fill, unit.dashed);
  }
  painter.setBrush(Qt::NoBrush);
  painter.setPen(QPen(QColor(0x37, 0x47, 0x4f), 1.5));
  painter.drawPolygon(outline);

  const QRectF footer(kMarginPx, height() - kMarginPx - kLegendPx + 6, width() - 2 * kMarginPx,
                      kLegendPx - 6);
  paintScaleBar(painter, footer, pxPerMm);
  paintLegend(painter, footer);
}

void TemplatePreview::paintScaleBar(QPainter& painter, const QRectF& area, double pxPerMm) const {
  // The longest round length that fits in a fifth of the width.
  double lengthM = 1.0;
  for (double m : {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0}) {
    if (m * 1000.0 * pxPerMm <= area.width() / 5.0) {
      lengthM = m;
    }
  }
  const double px = lengthM * 1000.0 * pxPerMm;
  const double y = area.center().y();
  painter.setPen(QPen(palette().color(QPalette::Text), 1.2));
  painter.drawLine(QPointF(area.left(), y), QPointF(area.left() + px, y));
  painter.drawLine(QPointF(area.left(), y - 3), QPointF(area.left(), y + 3));
  painter.drawLine(QPointF(area.left() + px, y - 3), QPointF(area.left() + px, y + 3));
  painter.drawText(QRectF(area.left() + px + 4, area.top(), 60, area.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, tr("%1 m").arg(lengthM));
}

void TemplatePreview::paintLegend(QPainter& painter, const QRectF& area) const {
  QList<std::pair<QColor, QString>> entries;
  for (PreviewRackKind kind : kKinds) {
    if (rackCount(kind) > 0) {
      entries.append({kindColour(kind), kindName(kind)});
    }
  }
  const auto hasUnit = [this](const QColor& colour) {
    return std::any_of(mUnits.cbegin(), mUnits.cend(),
                       [&](const Shape& s) { return s.fill == colour; });
  };
  if (hasUnit(cduColor())) {
    entries.append({cduColor(), tr("CDU")});
  }
  if (hasUnit(coolingUnitColor())) {
    entries.append({coolingUnitColor(), tr("Air cooling unit")});
  }
  // Right-aligned after the scale bar, swatch then name.
  const QFontMetricsF metrics(font());
  double x = area.right();
  for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
    const double textW = metrics.horizontalAdvance(it->second);
    x -= textW;
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRectF(x, area.top(), textW, area.height()), Qt::AlignVCenter, it->second);
    x -= 14;
    painter.setBrush(it->first);
    painter.setPen(QPen(it->first.darker(170), 0.8));
    painter.drawRect(QRectF(x, area.center().y() - 5, 10, 10));
    x -= 12;
  }
}

}  // namespace dc
