// SPDX-License-Identifier: GPL-3.0-or-later
#include "poolpalette.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

#include <array>

namespace dc {

namespace {
struct PoolColour {
  QRgb rgb;
  const char* name;
};

// Eight hues far from the floor plan's power bands and verdict colours (Tableau 10 minus its
// red and green, which say "overloaded" and "fits" elsewhere in the studio).
constexpr std::array<PoolColour, 8> kColours{{
    {0x1f77b4, QT_TRANSLATE_NOOP("dc::PoolPalette", "Blue")},
    {0xff7f0e, QT_TRANSLATE_NOOP("dc::PoolPalette", "Orange")},
    {0x9467bd, QT_TRANSLATE_NOOP("dc::PoolPalette", "Purple")},
    {0x17becf, QT_TRANSLATE_NOOP("dc::PoolPalette", "Cyan")},
    {0xe377c2, QT_TRANSLATE_NOOP("dc::PoolPalette", "Pink")},
    {0x8c564b, QT_TRANSLATE_NOOP("dc::PoolPalette", "Brown")},
    {0xbcbd22, QT_TRANSLATE_NOOP("dc::PoolPalette", "Olive")},
    {0x7f7f7f, QT_TRANSLATE_NOOP("dc::PoolPalette", "Grey")},
}};

const PoolColour& entry(int index) {
  const int n = int(kColours.size());
  return kColours[std::size_t(((index % n) + n) % n)];
}
}  // namespace

int poolColourCount() {
  return int(kColours.size());
}

QColor poolColour(int index) {
  return QColor(entry(index).rgb);
}

QString poolColourName(int index) {
  return QCoreApplication::translate("dc::PoolPalette", entry(index).name);
}

QIcon poolSwatch(int index) {
  QPixmap pixmap(14, 14);
  pixmap.fill(Qt::transparent);
  QPainter painter(&pixmap);
  painter.setPen(poolColour(index).darker(140));
  painter.setBrush(poolColour(index));
  painter.drawRect(QRect(1, 1, 11, 11));
  return QIcon(pixmap);
}

}  // namespace dc
