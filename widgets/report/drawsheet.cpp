// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawsheet.h"

#include "reportstyle.h"

#include <QFontMetricsF>
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
}  // namespace

double textWidthMm(const QPainter& painter, const QFont& font, const QString& text) {
  return QFontMetricsF(font, painter.device()).horizontalAdvance(text);
}

QString elidedText(const QPainter& painter, const QFont& font, const QString& text,
                   double widthMm) {
  return QFontMetricsF(font, painter.device()).elidedText(text, Qt::ElideRight, widthMm);
}

void drawTextAt(QPainter& painter, const QPointF& anchor, Qt::Alignment align, const QString& text,
                const QFont& font, const QColor& colour) {
  const QFontMetricsF metrics(font, painter.device());
  const double width = metrics.horizontalAdvance(text);
  double x = anchor.x();
  if (align & Qt::AlignRight) {
    x -= width;
  } else if (align & Qt::AlignHCenter) {
    x -= width / 2.0;
  }
  // Vertical placement by the cap height, so that text centres optically on a line or a box.
  const double cap = metrics.capHeight();
  double baseline = anchor.y();
  if (align & Qt::AlignTop) {
    baseline += metrics.ascent();
  } else if (align & Qt::AlignBottom) {
    baseline -= metrics.descent();
  } else if (align & Qt::AlignVCenter) {
    baseline += cap / 2.0;
  }
  painter.save();
  painter.setFont(font);
  painter.setPen(colour);
  painter.drawText(QPointF(x, baseline), text);
  painter.restore();
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
  return kLegendPadMm * 2 + lineHeightMm(kLegendTitlePt) + 1.6 + rows * kLegendRowMm;
}

namespace {

bool fits(const QPainter& painter, const QStringList& lines, double pt, double w, double h) {
  if (lines.size() * lineHeightMm(pt) * 0.92 > h) {
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
  const double step = lineHeightMm(pt) * 0.92;
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
                   const QList<LegendItem>& items, int columns) {
  columns = std::max(1, columns);
  const double height = std::min(box.height(), legendHeightMm(int(items.size()), columns));
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
  // Upright text down to a legible size first, then turned a quarter (read from the right, as
  // plans are), then upright at the smallest sizes; the last lines go before anything is cut.
  const double comfortablePt = std::max(minPt, std::min(maxPt, 4.5));
  for (qsizetype count = lines.size(); count > 0; --count) {
    const QStringList shown = lines.mid(0, count);
    for (double pt = maxPt; pt >= comfortablePt - 1e-9; pt -= 0.5) {
      if (fits(painter, shown, pt, w, h)) {
        drawLines(painter, box.center(), shown, pt, colour);
        return true;
      }
    }
    for (double pt = maxPt; mayTurn && pt >= minPt - 1e-9; pt -= 0.5) {
      if (fits(painter, shown, pt, h, w)) {
        painter.save();
        painter.translate(box.center());
        painter.rotate(-90);
        drawLines(painter, QPointF(0, 0), shown, pt, colour);
        painter.restore();
        return true;
      }
    }
    for (double pt = comfortablePt - 0.5; pt >= minPt - 1e-9; pt -= 0.5) {
      if (fits(painter, shown, pt, w, h)) {
        drawLines(painter, box.center(), shown, pt, colour);
        return true;
      }
    }
  }
  return false;
}

void paintTitleBlock(QPainter& painter, const QRectF& box, const TitleBlock& block) {
  painter.save();
  painter.setPen(QPen(inkColour(), kMediumMm));
  painter.setBrush(Qt::white);
  painter.drawRect(box);
  const double pad = 2.2;
  const double rowH = box.height() / 4.0;
  painter.setPen(QPen(inkColour(), kHairlineMm));
  for (int row = 1; row < 4; ++row) {
    if (row == 1) {
      continue;  // the title takes two rows
    }
    painter.drawLine(QPointF(box.left(), box.top() + row * rowH),
                     QPointF(box.right(), box.top() + row * rowH));
  }
  const double split = box.left() + box.width() * 0.55;
  painter.drawLine(QPointF(split, box.top() + 3 * rowH), QPointF(split, box.bottom()));
  const double w = box.width() - 2 * pad;
  const QFont titleFont = reportFont(10.0, true);
  const QFont bodyFont = reportFont(7.0);
  const QFont smallFont = reportFont(6.5);
  drawTextAt(painter, QPointF(box.left() + pad, box.top() + rowH * 0.55), Qt::AlignVCenter,
             elidedText(painter, titleFont, block.title, w), titleFont, inkColour());
  drawTextAt(painter, QPointF(box.left() + pad, box.top() + rowH * 1.45), Qt::AlignVCenter,
             elidedText(painter, bodyFont, block.subject, w), bodyFont, toneColour(Tone::Muted));
  drawTextAt(painter, QPointF(box.left() + pad, box.top() + rowH * 2.5), Qt::AlignVCenter,
             elidedText(painter, smallFont, block.facts, w), smallFont, inkColour());
  const QFont scaleFont = reportFont(7.5, true);
  drawTextAt(painter, QPointF(box.left() + pad, box.top() + rowH * 3.5), Qt::AlignVCenter,
             elidedText(painter, scaleFont, block.scale, split - box.left() - 2 * pad), scaleFont,
             inkColour());
  QStringList cell;
  if (!block.sheet.isEmpty()) {
    cell.append(block.sheet);
  }
  if (!block.revision.isEmpty()) {
    cell.append(QStringLiteral("Rev. ") + block.revision);
  }
  if (!block.date.isEmpty()) {
    cell.append(block.date);
  }
  drawTextAt(painter, QPointF(split + pad, box.top() + rowH * 3.5), Qt::AlignVCenter,
             elidedText(painter, bodyFont, cell.join(QStringLiteral(" · ")),
                        box.right() - split - 2 * pad),
             bodyFont, inkColour());
  painter.restore();
}

void paintNotes(QPainter& painter, const QRectF& box, const QStringList& notes) {
  if (notes.isEmpty()) {
    return;
  }
  painter.save();
  const QFont font = reportFont(6.5);
  painter.setFont(font);
  painter.setPen(toneColour(Tone::Muted));
  QStringList numbered;
  for (qsizetype i = 0; i < notes.size(); ++i) {
    numbered.append(QStringLiteral("%1. %2").arg(i + 1).arg(notes[i]));
  }
  painter.drawText(box, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                   QStringLiteral("Notes\n") + numbered.join(QLatin1Char('\n')));
  painter.restore();
}

}  // namespace dc::report
