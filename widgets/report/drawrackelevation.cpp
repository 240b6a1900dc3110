// SPDX-License-Identifier: GPL-3.0-or-later
// One rack's front elevation, U by U: frame, rails with U numbers, devices spanning their U
// with model and power, zero-U PDUs dashed at the sides (they hang at the back), empty U blank.
#include "drawrackelevation.h"

#include "catalog/catalog.h"
#include "drawpalette.h"
#include "drawsheet.h"
#include "reportstyle.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace dc::report {

namespace {
constexpr double kUMm = 44.45;  // EIA-310 rack unit, when the rack gives no pitch
// Equipment widths of the two rack standards: EIA-310's 19" panel (ears included) and Open
// Rack V3's 21" bay (537 mm, OCP Open Rack V3 base specification).
constexpr double kPanelWidthMm = 482.6;
constexpr double kOpenRackBayMm = 537.0;
constexpr double kNumberGutterMm = 3.2;  // paper: the U numbers left of the rails
constexpr double kPduStripMm = 2.0;
constexpr double kPduPitchMm = 2.6;
constexpr double kPostMm = 0.9;  // paper: the frame's posts outside the gutters
constexpr double kRailMm = 0.7;

int pdusOn(const ElevationRack& rack, bool left) {
  return int(std::count_if(rack.pdus.cbegin(), rack.pdus.cend(),
                           [left](const ElevationPdu& pdu) { return pdu.left == left; }));
}
int pdusLeft(const ElevationRack& rack) {
  return pdusOn(rack, true);
}
int pdusRight(const ElevationRack& rack) {
  return pdusOn(rack, false);
}

/// Feed A on the left, B on the right, C (and unfed) on the side with fewer; each side in feed
/// order, so that the strips read A … | B … C across the elevation.
void arrangePdus(QList<ElevationPdu>& pdus) {
  std::stable_sort(pdus.begin(), pdus.end(), [](const ElevationPdu& a, const ElevationPdu& b) {
    return (a.feed < 0 ? 3 : a.feed) < (b.feed < 0 ? 3 : b.feed);
  });
  int left = 0;
  int right = 0;
  for (ElevationPdu& pdu : pdus) {
    pdu.left = pdu.feed == 0 || (pdu.feed != 1 && left <= right);
    pdu.slot = pdu.left ? left++ : right++;
  }
}

/// Paper geometry of one elevation at a scale.
struct Geometry {
  double uMm = 0.0;
  double openingMm = 0.0;  ///< the 19" opening (or the rack-scale system's body)
  double leftMm = 0.0;     ///< side space left of the opening, frame post included
  double rightMm = 0.0;
  double capMm = 0.0;   ///< frame above and below the U
  double bodyMm = 0.0;  ///< height of the U (or of the system's body)
};

Geometry geometryOf(const ElevationRack& rack, int scale) {
  Geometry g;
  g.uMm = rack.unitMm / scale;
  const double outerW = rack.widthMm / scale;
  if (rack.usableU > 0) {
    g.openingMm = rack.panelMm / scale;
    g.bodyMm = rack.usableU * g.uMm;
    g.capMm = std::max(1.5, (rack.heightMm / scale - g.bodyMm) / 2.0);
  } else {
    g.openingMm = std::max(4.0, outerW - 2 * kPostMm);
    g.capMm = 1.5;
    g.bodyMm = std::max(10.0, rack.heightMm / scale - 2 * g.capMm);
  }
  const double realSide = (outerW - g.openingMm) / 2.0;
  const double numbers = rack.usableU > 0 ? kNumberGutterMm : 0.0;
  const double leftNeed = kPostMm + numbers + pdusLeft(rack) * kPduPitchMm + 0.3;
  const double rightNeed = kPostMm + std::max(numbers, pdusRight(rack) * kPduPitchMm + 0.3);
  g.leftMm = std::max(realSide, leftNeed);
  g.rightMm = std::max(realSide, rightNeed);
  return g;
}

/// "Quantum-2 QM9700 (MQM9700-NS2F)" -> "Quantum-2 QM9700": part numbers in brackets go.
QString shortModel(const QString& model) {
  QString shown = model;
  for (qsizetype open = shown.indexOf(QLatin1Char('(')); open >= 0;
       open = shown.indexOf(QLatin1Char('('))) {
    const qsizetype close = shown.indexOf(QLatin1Char(')'), open);
    if (close < 0) {
      break;
    }
    shown.remove(open, close - open + 1);
  }
  return shown.simplified();
}

void paintDevice(QPainter& painter, const QRectF& r, const ElevationDevice& device,
                 const NumberStyle& style) {
  painter.setPen(QPen(inkColour(), kThinMm));
  painter.setBrush(deviceFill(device.kind));
  painter.drawRect(r);
  const QString model = shortModel(device.label);
  const QString power =
      device.maxPowerW > 0 ? formatQuantity(device.maxPowerW, Quantity::PowerW, style) : QString();
  const QRectF text = r.adjusted(0.6, 0.1, -0.6, -0.1);
  if (device.heightU >= 2) {
    QStringList lines{model};
    if (!power.isEmpty()) {
      lines.append(power);
    }
    if (paintFittedLabel(painter, text, lines, 6.5, kMinLabelPt)) {
      return;
    }
    // A long model name in two lines (split at the space nearest its middle) before smaller.
    const qsizetype middle = model.size() / 2;
    qsizetype split = -1;
    for (qsizetype i = 0; i < model.size(); ++i) {
      if (model[i] == QLatin1Char(' ') &&
          (split < 0 || std::abs(i - middle) < std::abs(split - middle))) {
        split = i;
      }
    }
    if (split > 0) {
      lines = QStringList{model.left(split), model.mid(split + 1)} + lines.mid(1);
    }
    paintFittedLabel(painter, text, lines, 6.5, kMinLabelPt);
    return;
  }
  if ((power.isEmpty() ||
       !paintFittedLabel(painter, text, {model + QStringLiteral("  ·  ") + power}, 5.5,
                         kMinLabelPt)) &&
      !paintFittedLabel(painter, text, {model}, 5.5, kMinLabelPt)) {
    // Too long even at the smallest size: shortened, so the unit still says what it holds.
    const QFont font = reportFont(kMinLabelPt, true);
    drawTextAt(painter, text.center(), Qt::AlignHCenter | Qt::AlignVCenter,
               elidedText(painter, font, model, text.width()), font, inkColour());
  }
}

void paintUNumbers(QPainter& painter, const QRectF& opening, const ElevationRack& rack,
                   double uMm) {
  const int every = uMm >= 2.6 ? 1 : 2;
  const QFont font = reportFont(std::clamp(uMm * 2.0, kMinLabelPt, 5.0));
  for (int u = 1; u <= rack.usableU; u += every) {
    const double y = opening.bottom() - (u - 0.5) * uMm;
    drawTextAt(painter, QPointF(opening.left() - 0.5, y), Qt::AlignRight | Qt::AlignVCenter,
               QString::number(u), font, toneColour(Tone::Muted));
  }
  // Rails with a tick at every U boundary.
  painter.setPen(QPen(inkColour(), kHairlineMm));
  painter.setBrush(QColor(0xd9, 0xdd, 0xe2));
  const QRectF left(opening.left(), opening.top(), kRailMm, opening.height());
  const QRectF right(opening.right() - kRailMm, opening.top(), kRailMm, opening.height());
  painter.drawRect(left);
  painter.drawRect(right);
  for (int u = 1; u < rack.usableU; ++u) {
    const double y = opening.bottom() - u * uMm;
    painter.drawLine(QPointF(left.left(), y), QPointF(left.right(), y));
    painter.drawLine(QPointF(right.left(), y), QPointF(right.right(), y));
  }
}

void paintPdus(QPainter& painter, const QRectF& frame, const QRectF& opening,
               const ElevationRack& rack) {
  const double numbers = rack.usableU > 0 ? kNumberGutterMm : 0.0;
  const QRectF strip(0, opening.top() + 1.0, kPduStripMm, opening.height() - 2.0);
  for (qsizetype i = 0; i < rack.pdus.size(); ++i) {
    const bool left = rack.pdus[i].left;
    const int slot = rack.pdus[i].slot;
    const double x = left ? opening.left() - numbers - 0.3 - (pdusLeft(rack) - slot) * kPduPitchMm +
                                (kPduPitchMm - kPduStripMm)
                          : opening.right() + 0.3 + slot * kPduPitchMm;
    const QRectF r(x, strip.top(), kPduStripMm, strip.height());
    if (!frame.contains(r)) {
      continue;
    }
    const QColor feed = feedColour(rack.pdus[i].feed);
    QPen pen(feed, kThinMm);
    pen.setDashPattern({3.0, 1.5});  // hidden: the PDUs hang at the back of the rack
    painter.setPen(pen);
    painter.setBrush(QColor(feed.red(), feed.green(), feed.blue(), 30));
    painter.drawRect(r);
    const QString letter =
        rack.pdus[i].feed >= 0 ? QString(QChar(u'A' + rack.pdus[i].feed)) : QStringLiteral("–");
    drawTextAt(painter, QPointF(r.center().x(), r.top() + 0.6), Qt::AlignHCenter | Qt::AlignTop,
               letter, reportFont(4.5, true), feed);
  }
}

}  // namespace

ElevationRack elevationRack(const RackConfiguration& configuration, const ReportData& data) {
  ElevationRack rack;
  rack.configuration = &configuration;
  rack.usableU = configuration.heightU;
  rack.unitMm = kUMm;
  rack.panelMm = kPanelWidthMm;
  const CatalogItem* type = data.catalog.find(configuration.rackCatalogId);
  if (type != nullptr) {
    rack.widthMm = type->figureValue(QStringLiteral("widthMm"), rack.widthMm);
    rack.heightMm = type->figureValue(QStringLiteral("heightMm"), 0.0);
    rack.unitMm = type->figureValue(QStringLiteral("rack.unitHeightMm"), kUMm);
    if (type->formFactor.startsWith(QLatin1String("orv3"))) {
      rack.panelMm = kOpenRackBayMm;
      rack.unitName = QStringLiteral("OU");
    }
  }
  if (rack.heightMm <= 0) {
    rack.heightMm = std::max(rack.usableU, 42) * rack.unitMm + 100.0;  // no published height
  }
  if (rack.usableU == 0) {
    rack.systemLabel = configuration.rackLabel;
    rack.systemPowerW = type != nullptr ? type->figureValue(QStringLiteral("maxPowerW")) : 0.0;
  }
  const Rack* first = configuration.rackIds.isEmpty()
                          ? nullptr
                          : data.project.findRack(configuration.rackIds.first());
  if (first != nullptr) {
    for (const Mount& mount : first->mounts()) {
      const CatalogItem* item = data.catalog.find(mount.catalogId);
      if (item != nullptr && item->heightU.value_or(1) == 0) {
        const int feed = mount.feed == PowerFeed::A   ? 0
                         : mount.feed == PowerFeed::B ? 1
                         : mount.feed == PowerFeed::C ? 2
                                                      : -1;
        rack.pdus.append({feed, item->model});
      }
    }
  }
  arrangePdus(rack.pdus);
  return rack;
}

QSizeF elevationSizeMm(const ElevationRack& rack, int scale) {
  const Geometry g = geometryOf(rack, scale);
  return {g.leftMm + g.openingMm + g.rightMm, g.bodyMm + 2 * g.capMm};
}

void paintRackElevation(QPainter& painter, const QPointF& floorCentre, const ElevationRack& rack,
                        int scale, const NumberStyle& style) {
  const Geometry g = geometryOf(rack, scale);
  const QSizeF size = elevationSizeMm(rack, scale);
  const QRectF frame(floorCentre.x() - size.width() / 2.0, floorCentre.y() - size.height(),
                     size.width(), size.height());
  const QRectF opening(frame.left() + g.leftMm, frame.top() + g.capMm, g.openingMm, g.bodyMm);
  painter.save();
  painter.setPen(Qt::NoPen);
  painter.setBrush(QColor(0xf2, 0xf4, 0xf6));
  painter.drawRect(frame);
  painter.setBrush(Qt::white);
  painter.drawRect(opening);
  if (rack.usableU > 0) {
    paintUNumbers(painter, opening, rack, g.uMm);
    for (const ElevationDevice& device : rack.configuration->devices) {
      if (device.lowestU < 1 || device.heightU < 1) {
        continue;  // zero-U: drawn at the sides
      }
      const int top = std::min(rack.usableU, device.lowestU + device.heightU - 1);
      if (device.lowestU > rack.usableU) {
        continue;
      }
      const QRectF r(opening.left(), opening.bottom() - top * g.uMm, opening.width(),
                     (top - device.lowestU + 1) * g.uMm);
      paintDevice(painter, r, device, style);
    }
  } else {
    painter.setPen(QPen(inkColour(), kThinMm));
    painter.setBrush(deviceFill(QStringLiteral("rack-scale-system")));
    painter.drawRect(opening);
    QStringList lines{shortModel(rack.systemLabel)};
    if (rack.systemPowerW > 0) {
      lines.append(formatQuantity(rack.systemPowerW, Quantity::PowerW, style));
    }
    lines.append(QStringLiteral("rack-scale system"));
    paintFittedLabel(painter, opening.adjusted(0.5, 0.5, -0.5, -0.5), lines, 7.0, kMinLabelPt);
  }
  paintPdus(painter, frame, opening, rack);
  painter.setPen(QPen(inkColour(), kMediumMm, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(frame);
  painter.setPen(QPen(inkColour(), kThinMm));
  painter.drawRect(opening);
  painter.restore();
}

}  // namespace dc::report
