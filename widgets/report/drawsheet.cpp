// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawsheet.h"

#include "pdftext.h"
#include "reportstyle.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace dc::report {

namespace {
constexpr double kLegendTitlePt = 7.5;
constexpr double kLegendTextPt = 6.5;
constexpr double kLegendPadMm = 2.5;
constexpr double kLegendRowMm = 4.4;
constexpr double kSwatchWMm = 7.0;
constexpr double kSwatchHMm = 3.2;
constexpr double kDataTextPt = 6.5;
constexpr double kDataRowMm = 3.5;
constexpr double kPreferredLabelPt = 5.5;  // a rack label turns a quarter before it gets smaller
constexpr double kMmPerPoint = 25.4 / 72.0;
}  // namespace

double textWidthMm(const QPainter& painter, const QFont& font, const QString& text) {
  return TextMetrics(painter.device()).widthMm(font, text);
}

QString elidedText(const QPainter& painter, const QFont& font, const QString& text,
                   double widthMm) {
  return TextMetrics(painter.device()).elided(font, text, widthMm);
}

void drawTextAt(QPainter& painter, const QPointF& anchor, Qt::Alignment align, const QString& text,
                const QFont& font, const QColor& colour) {
  const TextMetrics metrics(painter.device());
  const double width = metrics.widthMm(font, text);
  double x = anchor.x();
  if (align & Qt::AlignRight) {
    x -= width;
  } else if (align & Qt::AlignHCenter) {
    x -= width / 2.0;
  }
  // Vertical placement by the cap height, so that text centres optically on a line or a box.
  double baseline = anchor.y();
  if (align & Qt::AlignTop) {
    baseline += metrics.ascentMm(font);
  } else if (align & Qt::AlignBottom) {
    baseline -= metrics.descentMm(font);
  } else if (align & Qt::AlignVCenter) {
    baseline += metrics.capHeightMm(font) / 2.0;
  }
  paintTextAt(painter, QPointF(x, baseline), font, colour, text);
}

void hatch(QPainter& painter, const QPainterPath& area, double spacingMm, const QColor& colour,
           double lineMm) {
  const QRectF box = area.boundingRect();
  painter.save();
  painter.setClipPath(area, Qt::IntersectClip);
  painter.setPen(QPen(colour, lineMm, Qt::SolidLine, Qt::FlatCap));
  // Lines x − y = c across the box: from the lower-left corner's c to the upper-right's.
  const double from = box.left() - box.bottom();
  const double to = box.right() - box.top();
  for (double c = std::floor(from / spacingMm) * spacingMm; c <= to; c += spacingMm) {
    painter.drawLine(QPointF(box.left(), box.left() - c), QPointF(box.right(), box.right() - c));
  }
  painter.restore();
}

double legendHeightMm(int itemCount, int columns) {
  const int rows = (itemCount + std::max(1, columns) - 1) / std::max(1, columns);
  // The last row's swatch sits high in its row: the padding under it is a little less.
  return kLegendPadMm * 1.6 + lineHeightMm(kLegendTitlePt) + 1.0 + rows * kLegendRowMm;
}

namespace {

/// The distance between the baselines of a fitted label's lines.
double labelStepMm(double pt) {
  return lineHeightMm(pt) * 0.92;
}

bool fits(const QPainter& painter, const QStringList& lines, double pt, double w, double h) {
  // The lines' steps and one em for the last (ascenders to descenders): a single line of 5 pt
  // fits a rack unit of 2.2 mm (1:20), though its leading would not.
  if (double(lines.size() - 1) * labelStepMm(pt) + pt * kMmPerPoint > h) {
    return false;
  }
  for (qsizetype i = 0; i < lines.size(); ++i) {
    if (textWidthMm(painter, reportFont(pt, i == 0), lines[i]) > w) {
      return false;
    }
  }
  return true;
}

void drawLines(QPainter& painter, const QPointF& centre, const QStringList& lines, double pt,
               const QColor& colour) {
  const double step = labelStepMm(pt);
  double y = centre.y() - step * (lines.size() - 1) / 2.0;
  for (qsizetype i = 0; i < lines.size(); ++i) {
    drawTextAt(painter, QPointF(centre.x(), y), Qt::AlignHCenter | Qt::AlignVCenter, lines[i],
               reportFont(pt, i == 0), colour);
    y += step;
  }
}

void paintSwatch(QPainter& painter, const QRectF& swatch, const LegendItem& item) {
  const QPointF midLeft(swatch.left(), swatch.center().y());
  const QPointF midRight(swatch.right(), swatch.center().y());
  switch (item.kind) {
    case LegendItem::Kind::Fill:
      painter.setPen(QPen(inkColour(), kHairlineMm));
      painter.setBrush(item.colour);
      painter.drawRect(swatch);
      break;
    case LegendItem::Kind::Hatch: {
      QPainterPath path;
      path.addRect(swatch);
      painter.setPen(QPen(inkColour(), kThinMm));
      painter.setBrush(Qt::white);
      painter.drawRect(swatch);
      hatch(painter, path, 0.8, item.colour, kHairlineMm);
      break;
    }
    case LegendItem::Kind::Line:
    case LegendItem::Kind::Dashed:
    case LegendItem::Kind::Dotted: {
      QPen pen(item.colour, item.lineMm, Qt::SolidLine, Qt::FlatCap);
      if (item.kind == LegendItem::Kind::Dashed) {
        pen.setDashPattern({4.0, 2.5});
      } else if (item.kind == LegendItem::Kind::Dotted) {
        pen.setDashPattern({1.0, 2.0});
      }
      painter.setPen(pen);
      painter.drawLine(midLeft, midRight);
      break;
    }
    case LegendItem::Kind::Custom:
      if (item.paint) {
        item.paint(painter, swatch);
      }
      break;
    case LegendItem::Kind::Bar:
      painter.setPen(QPen(inkColour(), kHairlineMm));
      painter.setBrush(Qt::white);
      painter.drawRect(swatch);
      painter.fillRect(QRectF(swatch.left(), swatch.top(), swatch.width(), item.lineMm),
                       item.colour);
      break;
  }
}

}  // namespace

double paintLegend(QPainter& painter, const QRectF& box, const QString& title,
                   const QList<LegendItem>& items, int columns, bool fillBox) {
  columns = std::max(1, columns);
  const double height =
      fillBox ? box.height() : std::min(box.height(), legendHeightMm(int(items.size()), columns));
  const QRectF frame(box.topLeft(), QSizeF(box.width(), height));
  painter.save();
  painter.setPen(QPen(inkColour(), kThinMm));
  painter.setBrush(Qt::white);
  painter.drawRect(frame);
  drawTextAt(painter, frame.topLeft() + QPointF(kLegendPadMm, kLegendPadMm), Qt::AlignTop, title,
             reportFont(kLegendTitlePt, true), inkColour());
  const double top = frame.top() + kLegendPadMm + lineHeightMm(kLegendTitlePt) + 1.0;
  const double columnW = (frame.width() - kLegendPadMm * 2) / columns;
  const QFont font = reportFont(kLegendTextPt);
  for (qsizetype i = 0; i < items.size(); ++i) {
    const int row = int(i) / columns;
    const int column = int(i) % columns;
    const double y = top + row * kLegendRowMm;
    if (y + kLegendRowMm > frame.bottom() + 0.01) {
      break;  // a box too small keeps its frame; the schedules list everything
    }
    const double x = frame.left() + kLegendPadMm + column * columnW;
    const QRectF swatch(x, y + (kLegendRowMm - kSwatchHMm) / 2.0 - 0.4, kSwatchWMm, kSwatchHMm);
    paintSwatch(painter, swatch, items[i]);
    const double textX = swatch.right() + 2.0;
    drawTextAt(painter, QPointF(textX, swatch.center().y()), Qt::AlignVCenter,
               elidedText(painter, font, items[i].text, x + columnW - textX - 1.0), font,
               inkColour());
  }
  painter.restore();
  return height;
}

bool paintFittedLabel(QPainter& painter, const QRectF& box, const QStringList& lines, double maxPt,
                      double minPt, const QColor& requested) {
  const QColor colour = requested.isValid() ? requested : inkColour();
  const double padW = 0.8;
  const double padH = 0.4;
  const double w = box.width() - padW;
  const double h = box.height() - padH;
  const bool mayTurn = box.height() > box.width() * 1.3;
  minPt = std::max(minPt, kMinLabelPt);
  maxPt = std::max(maxPt, minPt);
  const auto paintAt = [&](const QStringList& shown, double pt, bool turn) {
    if (turn) {
      if (!mayTurn || !fits(painter, shown, pt, h, w)) {
        return false;
      }
      painter.save();
      painter.translate(box.center());
      painter.rotate(-90);  // read from the right, as plans are
      drawLines(painter, QPointF(0, 0), shown, pt, colour);
      painter.restore();
      return true;
    }
    if (!fits(painter, shown, pt, w, h)) {
      return false;
    }
    drawLines(painter, box.center(), shown, pt, colour);
    return true;
  };
  // Upright down to a comfortable size, then turned a quarter down to it, then both at the
  // smallest sizes; the last lines go before anything is cut.
  const double comfortablePt = std::max(minPt, std::min(maxPt, kPreferredLabelPt));
  for (qsizetype count = lines.size(); count > 0; --count) {
    const QStringList shown = lines.mid(0, count);
    for (const bool turn : {false, true}) {
      for (double pt = maxPt; pt >= comfortablePt - 1e-9; pt -= 0.5) {
        if (paintAt(shown, pt, turn)) {
          return true;
        }
      }
    }
    for (const bool turn : {false, true}) {
      for (double pt = comfortablePt - 0.5; pt >= minPt - 1e-9; pt -= 0.5) {
        if (paintAt(shown, pt, turn)) {
          return true;
        }
      }
    }
  }
  return false;
}

double dataBoxHeightMm(qsizetype rowCount) {
  return kLegendPadMm * 1.6 + lineHeightMm(kLegendTitlePt) + 1.0 + double(rowCount) * kDataRowMm;
}

double paintDataBox(QPainter& painter, const QRectF& box, const QString& title,
                    const QList<DataRow>& rows, bool fillBox) {
  const double height =
      fillBox ? box.height() : std::min(box.height(), dataBoxHeightMm(rows.size()));
  const QRectF frame(box.topLeft(), QSizeF(box.width(), height));
  painter.save();
  painter.setPen(QPen(inkColour(), kThinMm));
  painter.setBrush(Qt::white);
  painter.drawRect(frame);
  drawTextAt(painter, frame.topLeft() + QPointF(kLegendPadMm, kLegendPadMm), Qt::AlignTop, title,
             reportFont(kLegendTitlePt, true), inkColour());
  const QFont labelFont = reportFont(kDataTextPt);
  const QFont valueFont = reportFont(kDataTextPt, true);
  const double left = frame.left() + kLegendPadMm;
  const double right = frame.right() - kLegendPadMm;
  // Labels in a column as wide as the widest, values after it: the figures line up.
  double labelW = 0.0;
  for (const DataRow& row : rows) {
    labelW = std::max(labelW, textWidthMm(painter, labelFont, row.label));
  }
  labelW = std::min(labelW + 3.0, (right - left) * 0.55);
  double y = frame.top() + kLegendPadMm + lineHeightMm(kLegendTitlePt) + 1.0;
  for (const DataRow& row : rows) {
    if (y + kDataRowMm > frame.bottom() + 0.01) {
      break;
    }
    const double middle = y + kDataRowMm / 2.0;
    drawTextAt(painter, QPointF(left, middle), Qt::AlignVCenter,
               elidedText(painter, labelFont, row.label, labelW - 1.0), labelFont,
               secondaryInkColour());
    drawTextAt(painter, QPointF(left + labelW, middle), Qt::AlignVCenter,
               elidedText(painter, valueFont, row.value, right - left - labelW), valueFont,
               inkColour());
    y += kDataRowMm;
  }
  painter.restore();
  return height;
}

}  // namespace dc::report
