// SPDX-License-Identifier: GPL-3.0-or-later
// The rack elevations sheet: up to six distinct rack configurations standing on one floor line,
// each titled with the racks that use it and dimensioned, one scale for every sheet, a legend
// and the drawing's data along the foot (the sheet's title block says the rest).
#include "drawelevations.h"

#include "drawannotations.h"
#include "drawpalette.h"
#include "drawrackelevation.h"
#include "drawsheet.h"
#include "model/project.h"
#include "pdftext.h"
#include "report/diagram.h"
#include "reportstyle.h"

#include <QPainter>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace dc::report {

namespace {
constexpr double kTopLabelMm = 6.0;   // the rack type above each elevation
constexpr double kTitlesMm = 18.0;    // the titles under the floor line
constexpr double kMinGapMm = 18.0;    // between two elevations: the height dimension stands there
constexpr double kStripGapMm = 5.0;   // above the legend and data
constexpr double kDimensionMm = 5.0;  // the height dimension, left of the rack
constexpr double kLegendWidthMm = 210.0;
constexpr double kDataWidthMm = 82.0;
constexpr int kLegendColumns = 4;
constexpr double kTitlePt = 7.5;
constexpr double kSubtitlePt = 6.5;

/// The legend of the elevations on one sheet: the device kinds and PDU feeds drawn there.
QList<LegendItem> legendItems(const QList<ElevationRack>& racks, int first, int last) {
  const QList<std::pair<QStringList, QString>> kinds{
      {{QStringLiteral("server"), QStringLiteral("rack-scale-system")},
       QStringLiteral("Server / compute")},
      {{QStringLiteral("switch")}, QStringLiteral("Switch")},
      {{QStringLiteral("storage")}, QStringLiteral("Storage")},
      {{QStringLiteral("appliance")}, QStringLiteral("Appliance")},
      {{QStringLiteral("power-shelf"), QStringLiteral("pdu")}, QStringLiteral("Power shelf / PDU")},
      {{QStringLiteral("cdu")}, QStringLiteral("In-rack CDU")},
  };
  QSet<QString> drawn;
  QSet<int> feeds;
  bool emptyU = false;
  for (int i = first; i < last; ++i) {
    const ElevationRack& rack = racks[i];
    int usedU = 0;
    for (const ElevationDevice& device : rack.configuration->devices) {
      if (device.heightU > 0 && device.lowestU > 0) {
        drawn.insert(device.kind);
        usedU += device.heightU;
      }
    }
    if (rack.usableU == 0) {
      drawn.insert(QStringLiteral("rack-scale-system"));
    }
    emptyU = emptyU || usedU < rack.usableU;
    for (const ElevationPdu& pdu : rack.pdus) {
      feeds.insert(pdu.feed);
    }
  }
  QList<LegendItem> items;
  QSet<QString> known;
  for (const auto& [keys, text] : kinds) {
    known.unite(QSet<QString>(keys.cbegin(), keys.cend()));
    if (std::any_of(keys.cbegin(), keys.cend(),
                    [&](const QString& k) { return drawn.contains(k); })) {
      items.append({LegendItem::Kind::Fill, deviceFill(keys.first()), text});
    }
  }
  if (!drawn.subtract(known).isEmpty()) {
    items.append({LegendItem::Kind::Fill, deviceFill(QString()), QStringLiteral("Other device")});
  }
  if (emptyU) {
    items.append({LegendItem::Kind::Fill, Qt::white, QStringLiteral("Empty U")});
  }
  for (int feed = 0; feed < 3; ++feed) {
    if (feeds.contains(feed)) {
      items.append({LegendItem::Kind::Dashed, feedColour(feed),
                    QStringLiteral("Zero-U PDU, feed %1 (rear)").arg(QChar(u'A' + feed)), kThinMm});
    }
  }
  if (feeds.contains(-1)) {
    items.append({LegendItem::Kind::Dashed, feedColour(-1),
                  QStringLiteral("Zero-U PDU, no feed set (rear)"), kThinMm});
  }
  return items;
}

/// One height for every sheet (the scale depends on it): room for three rows of legend.
double stripHeightMm() {
  return std::max(legendHeightMm(3 * kLegendColumns, kLegendColumns), dataBoxHeightMm(3));
}

/// Where the elevations stand: the area over the legend strip.
QRectF fieldOf(const QRectF& areaMm) {
  return {areaMm.left(), areaMm.top(), areaMm.width(),
          areaMm.height() - stripHeightMm() - kStripGapMm};
}

QList<ElevationRack> elevationRacks(const QList<RackConfiguration>& configurations,
                                    const ReportData& data) {
  QList<ElevationRack> racks;
  for (const RackConfiguration& configuration : configurations) {
    racks.append(elevationRack(configuration, data));
  }
  return racks;
}

/// The largest standard scale at which `perSheet` of the widest and tallest fit the field.
int scaleFor(const QList<ElevationRack>& racks, const QSizeF& field) {
  const int perSheet = std::max(1, std::min(kElevationsPerSheet, int(racks.size())));
  for (int scale : kElevationScales) {
    double widest = 0.0;
    double tallest = 0.0;
    for (const ElevationRack& rack : racks) {
      const QSizeF size = elevationSizeMm(rack, scale);
      widest = std::max(widest, size.width());
      tallest = std::max(tallest, size.height());
    }
    if (perSheet * (widest + kMinGapMm) <= field.width() &&
        tallest + kTopLabelMm + kTitlesMm <= field.height()) {
      return scale;
    }
  }
  return std::end(kElevationScales)[-1];
}

QString cooling(const RackConfiguration& configuration, const Project& project) {
  const Rack* rack =
      configuration.rackIds.isEmpty() ? nullptr : project.findRack(configuration.rackIds.first());
  return rack != nullptr ? coolingModeName(rack->coolingMode()).toLower() : configuration.cooling;
}

void paintTitles(QPainter& painter, const QRectF& box, int number,
                 const RackConfiguration& configuration, const ReportData& data) {
  const NumberStyle style{data.locale, 3};
  const qsizetype count = configuration.racks.size();
  const QString first = QStringLiteral("Type %1 · %2 rack%3: %4")
                            .arg(number)
                            .arg(count)
                            .arg(count == 1 ? "" : "s")
                            .arg(rackNameRange(configuration.racks, 3));
  const QString second =
      QStringLiteral("%1 per rack · %2")
          .arg(formatQuantity(configuration.rackMaxPowerW, Quantity::PowerW, style),
               cooling(configuration, data.project));
  const TextMetrics metrics(painter.device());
  const QFont bold = reportFont(kTitlePt, true);
  const QFont plain = reportFont(kSubtitlePt);
  const double firstH =
      std::min(metrics.wrappedHeightMm(bold, box.width(), first), metrics.lineMm(bold) * 2.0 + 0.1);
  paintText(painter, QRectF(box.left(), box.top(), box.width(), firstH), bold, inkColour(),
            Qt::AlignHCenter | Qt::AlignTop, first);
  paintText(painter,
            QRectF(box.left(), box.top() + firstH + 0.4, box.width(), metrics.lineMm(plain) * 2),
            plain, inkColour(), Qt::AlignHCenter | Qt::AlignTop, second);
}

QList<DataRow> sheetData(const QList<RackConfiguration>& configurations, int first, int last,
                         const ReportData& data) {
  QList<DataRow> rows;
  if (last > first) {
    rows.append({QStringLiteral("On this sheet"),
                 last - first == 1 ? QStringLiteral("type %1").arg(first + 1)
                                   : QStringLiteral("types %1 – %2").arg(first + 1).arg(last)});
  }
  rows.append({QStringLiteral("Rack configurations"), QString::number(configurations.size())});
  rows.append({QStringLiteral("Racks"), QString::number(data.project.racks().size())});
  return rows;
}

}  // namespace

int elevationSheetCount(const ReportData& data) {
  const qsizetype configurations =
      rackConfigurations(data.project, data.catalog, data.analysis).size();
  return std::max<int>(1, int((configurations + kElevationsPerSheet - 1) / kElevationsPerSheet));
}

int elevationScale(const ReportData& data, const QRectF& areaMm) {
  const QList<RackConfiguration> configurations =
      rackConfigurations(data.project, data.catalog, data.analysis);
  return scaleFor(elevationRacks(configurations, data), fieldOf(areaMm).size());
}

QStringList elevationNotes() {
  return {QStringLiteral("Front elevations; rack units numbered from the bottom (EIA-310 U "
                         "44.45 mm, Open Rack OU 48 mm). Heights in millimetres, outer frame."),
          QStringLiteral("Device figures: max power (catalog); per rack: Σ device max power."),
          QStringLiteral("Zero-U PDUs hang at the rear of the rack; drawn dashed at its sides in "
                         "their feed's colour.")};
}

void paintElevations(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                     const ReportData& data) {
  const QList<RackConfiguration> configurations =
      rackConfigurations(data.project, data.catalog, data.analysis);
  const QList<ElevationRack> racks = elevationRacks(configurations, data);
  const QRectF field = fieldOf(areaMm);
  const int perSheet = std::max(1, std::min(kElevationsPerSheet, int(racks.size())));
  const int scale = scaleFor(racks, field.size());
  const int sheets = elevationSheetCount(data);
  const int part = std::clamp(drawing.part, 0, sheets - 1);
  const NumberStyle style{data.locale, 3};

  double tallest = 0.0;
  for (const ElevationRack& rack : racks) {
    tallest = std::max(tallest, elevationSizeMm(rack, scale).height());
  }
  // Everything stands on one floor line, the block of elevations centred in the field.
  const double blockH = kTopLabelMm + tallest + kTitlesMm;
  const double floorY = field.top() + (field.height() - blockH) / 2.0 + kTopLabelMm + tallest;
  const double slotW = field.width() / perSheet;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  const int first = part * kElevationsPerSheet;
  const int last = std::min(int(racks.size()), first + kElevationsPerSheet);
  for (int i = first; i < last; ++i) {
    // Each rack a little right of its slot's middle: its height dimension stands on the left.
    const double centreX = field.left() + slotW * (i - first + 0.5) + kDimensionMm / 2.0;
    const QSizeF size = elevationSizeMm(racks[i], scale);
    paintRackElevation(painter, QPointF(centreX, floorY), racks[i], scale, style);
    const QPointF foot(centreX - size.width() / 2.0, floorY);
    paintDimension(painter, foot, foot - QPointF(0, size.height()), -kDimensionMm,
                   QString::number(std::llround(racks[i].heightMm)));
    const QString label = configurations[i].heightU > 0 ? QStringLiteral("%1 · %2 %3")
                                                              .arg(configurations[i].rackLabel)
                                                              .arg(configurations[i].heightU)
                                                              .arg(racks[i].unitName)
                                                        : configurations[i].rackLabel;
    const QFont font = reportFont(kSubtitlePt);
    drawTextAt(painter, QPointF(centreX, floorY - size.height() - 1.2),
               Qt::AlignHCenter | Qt::AlignBottom, elidedText(painter, font, label, slotW - 4.0),
               font, secondaryInkColour());
    paintTitles(painter,
                QRectF(field.left() + slotW * (i - first) + 2, floorY + 3.0, slotW - 4, kTitlesMm),
                i + 1, configurations[i], data);
  }
  if (racks.isEmpty()) {
    drawTextAt(painter, field.center(), Qt::AlignHCenter | Qt::AlignVCenter,
               QStringLiteral("No racks in this design"), reportFont(9.0), toneColour(Tone::Muted));
  }
  if (last > first) {
    // The floor: a heavy line with a hatched band under it, across the elevations drawn.
    const double x0 = field.left() + slotW * 0.08;
    const double x1 = field.left() + slotW * (last - first - 0.08);
    QPainterPath ground;
    ground.addRect(QRectF(x0, floorY, x1 - x0, 1.4));
    hatch(painter, ground, 0.8, toneColour(Tone::Muted), kHairlineMm);
    painter.setPen(QPen(inkColour(), kThickMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(x0, floorY), QPointF(x1, floorY));
  }
  const double stripH = stripHeightMm();
  const QRectF strip(areaMm.left(), areaMm.bottom() - stripH, areaMm.width(), stripH);
  paintLegend(painter, QRectF(strip.left(), strip.top(), kLegendWidthMm, stripH),
              QStringLiteral("Legend"), legendItems(racks, first, last), kLegendColumns, true);
  paintDataBox(painter, QRectF(strip.right() - kDataWidthMm, strip.top(), kDataWidthMm, stripH),
               QStringLiteral("Drawing data"), sheetData(configurations, first, last, data), true);
  painter.restore();
}

}  // namespace dc::report
