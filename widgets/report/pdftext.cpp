// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdftext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>
#include <QTextLayout>

namespace dc::report {

namespace {

// Tall enough for any wrapped paragraph: Qt measures into this box and reports what it used.
constexpr double kUnboundedMm = 10'000.0;

/// The font at kTextScale times its size, for a painter kTextScale times finer.
QFont upscaled(const QFont& font) {
  QFont large(font);
  if (font.pointSizeF() > 0) {
    large.setPointSizeF(font.pointSizeF() * kTextScale);
  } else {
    large.setPixelSize(int(font.pixelSize() * kTextScale));
  }
  return large;
}

QRectF upscaled(const QRectF& rectMm) {
  return {rectMm.x() * kTextScale, rectMm.y() * kTextScale, rectMm.width() * kTextScale,
          rectMm.height() * kTextScale};
}

/// Paints in the painter's frame kTextScale times finer, as long as it lives.
class FineText {
 public:
  FineText(QPainter& painter, const QFont& font, const QColor& colour) : mPainter(painter) {
    mPainter.save();
    mPainter.scale(1.0 / kTextScale, 1.0 / kTextScale);
    mPainter.setFont(upscaled(font));
    mPainter.setPen(colour);
  }
  ~FineText() { mPainter.restore(); }
  FineText(const FineText&) = delete;
  FineText& operator=(const FineText&) = delete;

 private:
  QPainter& mPainter;
};

/// Word wrap, and breaks inside a word only where one word is wider than the box (an address, a
/// long model name in a narrow column): wrapped there rather than cut off at the box's edge.
/// Word wrap breaks after a hyphen too, so a finding code ("fit.checkpoint-storage-short")
/// whose parts fit wraps at its hyphens.
int wrapFlags(const QFontMetricsF& metrics, double widthPx, const QString& text) {
  static const QRegularExpression breaks(QStringLiteral("\\s+|(?<=\\w-)(?=\\w)"));
  for (const QString& word : text.split(breaks, Qt::SkipEmptyParts)) {
    if (metrics.horizontalAdvance(word) > widthPx) {
      return Qt::TextWrapAnywhere;
    }
  }
  return Qt::TextWordWrap;
}

}  // namespace

double TextMetrics::wrappedHeightMm(const QFont& font, double widthMm, const QString& text) const {
  if (text.isEmpty()) {
    return 0.0;
  }
  const QFontMetricsF metrics(upscaled(font), mDevice);
  return metrics
             .boundingRect(upscaled(QRectF(0, 0, widthMm, kUnboundedMm)),
                           wrapFlags(metrics, widthMm * kTextScale, text) | Qt::AlignLeft, text)
             .height() /
         kTextScale;
}

double TextMetrics::widthMm(const QFont& font, const QString& text) const {
  return QFontMetricsF(upscaled(font), mDevice).horizontalAdvance(text) / kTextScale;
}

double TextMetrics::lineMm(const QFont& font) const {
  return QFontMetricsF(upscaled(font), mDevice).lineSpacing() / kTextScale;
}

double TextMetrics::ascentMm(const QFont& font) const {
  return QFontMetricsF(upscaled(font), mDevice).ascent() / kTextScale;
}

double TextMetrics::descentMm(const QFont& font) const {
  return QFontMetricsF(upscaled(font), mDevice).descent() / kTextScale;
}

double TextMetrics::capHeightMm(const QFont& font) const {
  return QFontMetricsF(upscaled(font), mDevice).capHeight() / kTextScale;
}

qsizetype TextMetrics::fittingLength(const QFont& font, double widthMm, const QString& text,
                                     double heightMm, int minLines) const {
  QTextLayout layout(text, upscaled(font), const_cast<QPaintDevice*>(mDevice));
  QTextOption option;
  option.setWrapMode(QTextOption::WordWrap);
  layout.setTextOption(option);
  const double leading = QFontMetricsF(upscaled(font), mDevice).leading();
  layout.beginLayout();
  double y = 0.0;
  int lines = 0;
  qsizetype end = 0;
  for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
    line.setLineWidth(widthMm * kTextScale);
    y += line.height() + leading;
    if (y > heightMm * kTextScale) {
      break;
    }
    ++lines;
    end = line.textStart() + line.textLength();
  }
  layout.endLayout();
  return lines >= minLines ? end : 0;
}

QString TextMetrics::elided(const QFont& font, const QString& text, double widthMm) const {
  return QFontMetricsF(upscaled(font), mDevice)
      .elidedText(text, Qt::ElideRight, widthMm * kTextScale);
}

void paintText(QPainter& painter, const QRectF& rectMm, const QFont& font, const QColor& colour,
               int flags, const QString& text) {
  if (text.isEmpty()) {
    return;
  }
  const FineText fine(painter, font, colour);
  const QRectF box = upscaled(rectMm);
  painter.drawText(
      box, flags | wrapFlags(QFontMetricsF(painter.font(), painter.device()), box.width(), text),
      text);
}

void paintTextLine(QPainter& painter, const QRectF& rectMm, const QFont& font, const QColor& colour,
                   Qt::Alignment align, const QString& text) {
  if (text.isEmpty()) {
    return;
  }
  const QString line = TextMetrics(painter.device()).elided(font, text, rectMm.width());
  const FineText fine(painter, font, colour);
  const Qt::Alignment vertical =
      (align & Qt::AlignVertical_Mask) != 0 ? Qt::Alignment() : Qt::Alignment(Qt::AlignVCenter);
  painter.drawText(upscaled(rectMm), int(align | vertical | Qt::TextSingleLine), line);
}

void paintTextAt(QPainter& painter, const QPointF& baselineMm, const QFont& font,
                 const QColor& colour, const QString& text) {
  if (text.isEmpty()) {
    return;
  }
  const FineText fine(painter, font, colour);
  painter.drawText(baselineMm * kTextScale, text);
}

QColor secondaryInkColour() {
  return QColor(0x5f, 0x66, 0x70);
}

}  // namespace dc::report
