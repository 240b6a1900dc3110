// SPDX-License-Identifier: GPL-3.0-or-later
// The rack elevations sheet: up to six distinct rack configurations standing on one floor line,
// each titled with the racks that use it, one scale for every sheet, legend and title block.
#include "drawelevations.h"

#include "drawpalette.h"
#include "drawrackelevation.h"
#include "drawsheet.h"
#include "model/project.h"
#include "report/diagram.h"
#include "reportstyle.h"

#include <QPainter>

#include <algorithm>

namespace dc::report {

namespace {
constexpr double kTopLabelMm = 6.0;  // the rack type above each elevation
constexpr double kTitlesMm = 18.0;   // the titles under the floor line
constexpr double kMinGapMm = 10.0;   // between two elevations
constexpr double kStripGapMm = 5.0;  // above the legend and title block

/// The largest standard scale at which `perSheet` of the widest and tallest fit the field.
int elevationScale(const QList<ElevationRack>& racks, int perSheet, const QSizeF& field) {
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
  painter.save();
  painter.setPen(inkColour());
  painter.setFont(reportFont(7.5, true));
  const QRectF firstBox(box.left(), box.top(), box.width(), lineHeightMm(7.5) * 2);
  QRectF used;
  painter.drawText(firstBox, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, first, &used);
  painter.setFont(reportFont(6.5));
  painter.drawText(QRectF(box.left(), used.bottom() + 0.4, box.width(), lineHeightMm(6.5) * 2),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, second);
  painter.restore();
}

QList<LegendItem> legendItems() {
  return {
      {LegendItem::Kind::Fill, deviceFill(QStringLiteral("server")),
       QStringLiteral("Server / compute")},
      {LegendItem::Kind::Fill, deviceFill(QStringLiteral("switch")), QStringLiteral("Switch")},
      {LegendItem::Kind::Fill, deviceFill(QStringLiteral("storage")), QStringLiteral("Storage")},
      {LegendItem::Kind::Fill, deviceFill(QStringLiteral("appliance")),
       QStringLiteral("Appliance")},
      {LegendItem::Kind::Fill, deviceFill(QStringLiteral("power-shelf")),
       QStringLiteral("Power shelf")},
      {LegendItem::Kind::Fill, Qt::white, QStringLiteral("Empty U")},
      {LegendItem::Kind::Dashed, feedColour(0), QStringLiteral("Zero-U PDU, feed A (rear)"),
       kThinMm},
      {LegendItem::Kind::Dashed, feedColour(1), QStringLiteral("Zero-U PDU, feed B (rear)"),
       kThinMm},
      {LegendItem::Kind::Dashed, feedColour(2), QStringLiteral("Zero-U PDU, feed C (rear)"),
       kThinMm},
  };
}

}  // namespace

int elevationSheetCount(const ReportData& data) {
  const qsizetype configurations =
      rackConfigurations(data.project, data.catalog, data.analysis).size();
  return std::max<int>(1, int((configurations + kElevationsPerSheet - 1) / kElevationsPerSheet));
}

void paintElevations(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                     const ReportData& data) {
  const QList<RackConfiguration> configurations =
      rackConfigurations(data.project, data.catalog, data.analysis);
  QList<ElevationRack> racks;
  for (const RackConfiguration& configuration : configurations) {
    racks.append(elevationRack(configuration, data));
  }
  const double stripH = kTitleBlockHeightMm;
  const QRectF field(areaMm.left(), areaMm.top(), areaMm.width(),
                     areaMm.height() - stripH - kStripGapMm);
  const int perSheet = std::max(1, std::min(kElevationsPerSheet, int(racks.size())));
  const int scale = elevationScale(racks, perSheet, field.size());
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
    const double centreX = field.left() + slotW * (i - first + 0.5);
    const QSizeF size = elevationSizeMm(racks[i], scale);
    paintRackElevation(painter, QPointF(centreX, floorY), racks[i], scale, style);
    const QString label = configurations[i].heightU > 0 ? QStringLiteral("%1 · %2 %3")
                                                              .arg(configurations[i].rackLabel)
                                                              .arg(configurations[i].heightU)
                                                              .arg(racks[i].unitName)
                                                        : configurations[i].rackLabel;
    const QFont font = reportFont(6.5);
    drawTextAt(painter, QPointF(centreX, floorY - size.height() - 1.2),
               Qt::AlignHCenter | Qt::AlignBottom, elidedText(painter, font, label, slotW - 4.0),
               font, toneColour(Tone::Muted));
    paintTitles(painter, QRectF(centreX - slotW / 2 + 2, floorY + 3.0, slotW - 4, kTitlesMm), i + 1,
                configurations[i], data);
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
  const QRectF strip(areaMm.left(), areaMm.bottom() - stripH, areaMm.width(), stripH);
  const double titleW = 100.0;
  paintLegend(painter, QRectF(strip.left(), strip.top(), 150.0, stripH), QStringLiteral("Legend"),
              legendItems(), 3);
  paintNotes(painter,
             QRectF(strip.left() + 156.0, strip.top(), strip.width() - 162.0 - titleW, stripH),
             {QStringLiteral("Front elevations, rack units numbered from the bottom (EIA-310 U "
                             "44.45 mm, Open Rack OU 48 mm)."),
              QStringLiteral("Figures: device max power (catalog); per rack: Σ device max power."),
              QStringLiteral("Zero-U PDUs hang at the rear of the rack; drawn dashed at its "
                             "sides in their feed's colour.")});
  paintTitleBlock(
      painter, QRectF(strip.right() - titleW, strip.top(), titleW, stripH),
      {drawing.caption, data.project.name(), QStringLiteral("Scale 1:%1 at A3").arg(scale),
       QStringLiteral("Sheet %1 of %2").arg(part + 1).arg(sheets),
       QStringLiteral("%1 rack configurations · %2 racks")
           .arg(configurations.size())
           .arg(data.project.racks().size()),
       data.document.meta.revision, data.document.meta.date});
  painter.restore();
}

}  // namespace dc::report
