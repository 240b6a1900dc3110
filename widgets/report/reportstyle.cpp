// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportstyle.h"

namespace dc::report {

namespace {
constexpr double kMmPerInch = 25.4;
constexpr double kPointsPerInch = 72.0;
constexpr double kLineSpacing = 1.25;  // leading of body text
}  // namespace

QFont reportFont(double sizePt, bool bold) {
  QFont font(QStringLiteral("DejaVu Sans"));
  font.setStyleHint(QFont::SansSerif);
  // The painter draws in millimetres (scaled by dpi / 25.4), so a point size is divided by that
  // scale to come out at `sizePt` on paper.
  font.setPointSizeF(sizePt * kMmPerInch / kPdfResolutionDpi);
  font.setBold(bold);
  font.setKerning(true);
  font.setHintingPreference(QFont::PreferNoHinting);
  return font;
}

QFont reportMonoFont(double sizePt) {
  QFont font = reportFont(sizePt);
  font.setFamily(QStringLiteral("DejaVu Sans Mono"));
  font.setStyleHint(QFont::Monospace);
  return font;
}

double lineHeightMm(double sizePt) {
  return sizePt * kMmPerInch / kPointsPerInch * kLineSpacing;
}

QColor toneColour(Tone tone) {
  switch (tone) {
    case Tone::Good:
      return QColor(0x1b, 0x7a, 0x3d);
    case Tone::Warning:
      return QColor(0xb3, 0x6b, 0x00);
    case Tone::Error:
      return QColor(0xb0, 0x1c, 0x1c);
    case Tone::Muted:
      return QColor(0x6b, 0x72, 0x80);
    case Tone::Normal:
      break;
  }
  return inkColour();
}

QColor inkColour() {
  return QColor(0x1f, 0x24, 0x2b);
}
QColor ruleColour() {
  return QColor(0xc8, 0xcd, 0xd3);
}
QColor accentColour() {
  return QColor(0x1d, 0x4e, 0x89);
}

QColor feedColour(int feed) {
  switch (feed) {
    case 0:
      return QColor(0xc0, 0x39, 0x2b);  // A: red, as single-line diagrams draw it
    case 1:
      return QColor(0x1f, 0x5f, 0xbf);  // B: blue
    case 2:
      return QColor(0x2e, 0x8b, 0x57);  // C: green
    default:
      break;
  }
  return inkColour();
}

}  // namespace dc::report
