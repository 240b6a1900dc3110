// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfblocks.h"

#include "chartpicture.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPicture>

#include <algorithm>

namespace dc::report {

namespace {

constexpr double kHeadingSizePt = 14.0;
constexpr double kHeadingRuleGapMm = 1.8;
constexpr double kHeadingAfterMm = 2.0;

constexpr double kTileGapMm = 3.0;
constexpr double kTilePaddingMm = 3.0;
constexpr double kTileBarMm = 0.9;
constexpr double kTileLabelPt = 7.5;
constexpr double kTileValuePt = 15.0;
constexpr double kTileDetailPt = 6.5;
constexpr double kTileLineGapMm = 1.0;

constexpr double kCaptionPt = 8.5;
constexpr double kCaptionGapMm = 1.8;

QColor paragraphColour(const Paragraph& paragraph) {
  if (paragraph.tone != Tone::Normal) {
    return toneColour(paragraph.tone);
  }
  switch (paragraph.style) {
    case Paragraph::Style::Heading:
      return accentColour();
    case Paragraph::Style::Note:
      return secondaryInkColour();
    case Paragraph::Style::Lead:
    case Paragraph::Style::Body:
      break;
  }
  return inkColour();
}

QColor tileColour() {
  return QColor(0xf2, 0xf4, 0xf7);
}

double tileTextWidthMm(double tileWidthMm) {
  return tileWidthMm - kTileBarMm - 2 * kTilePaddingMm;
}

}  // namespace

QFont paragraphFont(Paragraph::Style style) {
  switch (style) {
    case Paragraph::Style::Lead:
      return reportFont(11.0);
    case Paragraph::Style::Heading:
      return reportFont(10.5, true);
    case Paragraph::Style::Note:
      return reportFont(7.5);
    case Paragraph::Style::Body:
      break;
  }
  return reportFont(9.0);
}

QFont captionFont() {
  return reportFont(kCaptionPt, true);
}

double paragraphHeightMm(const TextMetrics& metrics, const Paragraph& paragraph, double widthMm) {
  return metrics.wrappedHeightMm(paragraphFont(paragraph.style), widthMm, paragraph.text);
}

void paintParagraph(QPainter& painter, const QRectF& rectMm, const Paragraph& paragraph) {
  paintText(painter, rectMm, paragraphFont(paragraph.style), paragraphColour(paragraph),
            Qt::AlignLeft | Qt::AlignTop, paragraph.text);
}

double sectionHeadingHeightMm(const TextMetrics& metrics, const QString& title, double widthMm) {
  return metrics.wrappedHeightMm(reportFont(kHeadingSizePt, true), widthMm, title) +
         kHeadingRuleGapMm + kHeadingAfterMm;
}

void paintSectionHeading(QPainter& painter, const QRectF& rectMm, int number,
                         const QString& title) {
  const QFont font = reportFont(kHeadingSizePt, true);
  const double numberWidthMm =
      TextMetrics(painter.device()).widthMm(font, QStringLiteral("00")) + 2.0;
  const double textHeightMm = rectMm.height() - kHeadingRuleGapMm - kHeadingAfterMm;
  if (number > 0) {
    paintText(painter, QRectF(rectMm.left(), rectMm.top(), numberWidthMm, textHeightMm), font,
              accentColour(), Qt::AlignLeft | Qt::AlignTop, QString::number(number));
  }
  const double textLeft = number > 0 ? rectMm.left() + numberWidthMm : rectMm.left();
  paintText(painter, QRectF(textLeft, rectMm.top(), rectMm.right() - textLeft, textHeightMm), font,
            inkColour(), Qt::AlignLeft | Qt::AlignTop, title);
  const double ruleY = rectMm.top() + textHeightMm + kHeadingRuleGapMm / 2;
  painter.setPen(QPen(accentColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(QPointF(rectMm.left(), ruleY), QPointF(rectMm.right(), ruleY));
}

double KeyFiguresLayout::heightMm() const {
  double total = 0.0;
  for (double row : rowHeightsMm) {
    total += row;
  }
  return total + kTileGapMm * std::max<qsizetype>(0, rowHeightsMm.size() - 1);
}

KeyFiguresLayout layoutKeyFigures(const TextMetrics& metrics, const KeyFigures& figures,
                                  double widthMm) {
  KeyFiguresLayout layout;
  layout.columns = std::max(1, figures.columns);
  layout.tileWidthMm = (widthMm - kTileGapMm * (layout.columns - 1)) / layout.columns;
  const double textWidthMm = tileTextWidthMm(layout.tileWidthMm);
  for (qsizetype first = 0; first < figures.items.size(); first += layout.columns) {
    double rowMm = 0.0;
    for (qsizetype i = first; i < std::min(figures.items.size(), first + layout.columns); ++i) {
      const KeyFigure& figure = figures.items[i];
      double tileMm =
          2 * kTilePaddingMm +
          metrics.wrappedHeightMm(reportFont(kTileLabelPt), textWidthMm, figure.label) +
          kTileLineGapMm +
          metrics.wrappedHeightMm(reportFont(kTileValuePt, true), textWidthMm, figure.value);
      if (!figure.detail.isEmpty()) {
        tileMm += kTileLineGapMm +
                  metrics.wrappedHeightMm(reportFont(kTileDetailPt), textWidthMm, figure.detail);
      }
      rowMm = std::max(rowMm, tileMm);
    }
    layout.rowHeightsMm.append(rowMm);
  }
  return layout;
}

void paintKeyFigures(QPainter& painter, const QRectF& rectMm, const KeyFigures& figures,
                     const KeyFiguresLayout& layout) {
  const TextMetrics metrics(painter.device());
  const double textWidthMm = tileTextWidthMm(layout.tileWidthMm);
  double y = rectMm.top();
  for (qsizetype row = 0; row < layout.rowHeightsMm.size(); ++row) {
    const double rowMm = layout.rowHeightsMm[row];
    for (int column = 0; column < layout.columns; ++column) {
      const qsizetype index = row * layout.columns + column;
      if (index >= figures.items.size()) {
        break;
      }
      const KeyFigure& figure = figures.items[index];
      const QRectF tile(rectMm.left() + column * (layout.tileWidthMm + kTileGapMm), y,
                        layout.tileWidthMm, rowMm);
      painter.fillRect(tile, tileColour());
      const QColor bar = figure.tone == Tone::Normal ? accentColour() : toneColour(figure.tone);
      painter.fillRect(QRectF(tile.left(), tile.top(), kTileBarMm, tile.height()), bar);
      const double x = tile.left() + kTileBarMm + kTilePaddingMm;
      double textY = tile.top() + kTilePaddingMm;
      const auto line = [&](const QFont& font, const QColor& colour, const QString& text) {
        const double heightMm = metrics.wrappedHeightMm(font, textWidthMm, text);
        paintText(painter, QRectF(x, textY, textWidthMm, heightMm), font, colour,
                  Qt::AlignLeft | Qt::AlignTop, text);
        textY += heightMm + kTileLineGapMm;
      };
      line(reportFont(kTileLabelPt), secondaryInkColour(), figure.label);
      line(reportFont(kTileValuePt, true),
           figure.tone == Tone::Normal ? inkColour() : toneColour(figure.tone), figure.value);
      line(reportFont(kTileDetailPt), secondaryInkColour(), figure.detail);
    }
    y += rowMm + kTileGapMm;
  }
}

QSizeF chartBoxMm(double widthMm) {
  const double boxWidthMm = std::min(widthMm, kChartWidthMm);
  return {boxWidthMm, boxWidthMm * kChartHeightMm / kChartWidthMm};
}

double chartHeightMm(const TextMetrics& metrics, const Chart& chart, double widthMm) {
  const double captionMm =
      chart.title.isEmpty()
          ? 0.0
          : metrics.wrappedHeightMm(captionFont(), widthMm, chart.title) + kCaptionGapMm;
  return captionMm + chartBoxMm(widthMm).height();
}

void paintChart(QPainter& painter, const QRectF& rectMm, const Chart& chart,
                const QPicture* picture) {
  const TextMetrics metrics(painter.device());
  double y = rectMm.top();
  if (!chart.title.isEmpty()) {
    const double captionMm = metrics.wrappedHeightMm(captionFont(), rectMm.width(), chart.title);
    paintText(painter, QRectF(rectMm.left(), y, rectMm.width(), captionMm), captionFont(),
              inkColour(), Qt::AlignLeft | Qt::AlignTop, chart.title);
    y += captionMm + kCaptionGapMm;
  }
  const QRectF box(QPointF(rectMm.left(), y), chartBoxMm(rectMm.width()));
  if (picture == nullptr || picture->isNull()) {
    painter.setPen(QPen(ruleColour(), kHairlineMm));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    paintText(painter, box, reportFont(8.0), secondaryInkColour(), Qt::AlignCenter,
              QStringLiteral("Chart not rendered"));
    return;
  }
  painter.save();
  painter.translate(box.topLeft());
  const double scale = box.width() / (kChartWidthMm * kChartPxPerMm);
  painter.scale(scale, scale);
  // QPicture::play() scales by the device's resolution over the picture's (a 600 dpi PDF over
  // a 96 dpi recording); the chart is already in millimetres here, so undo that.
  QPicture copy = *picture;  // play() is not const; the copy shares the recording
  painter.scale(double(copy.logicalDpiX()) / painter.device()->logicalDpiX(),
                double(copy.logicalDpiY()) / painter.device()->logicalDpiY());
  painter.setClipRect(QRectF(0, 0, kChartWidthMm * kChartPxPerMm, kChartHeightMm * kChartPxPerMm));
  copy.play(&painter);
  painter.restore();
}

}  // namespace dc::report
