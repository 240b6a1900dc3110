// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabricpalette.h"

#include <QCoreApplication>

namespace dc {

namespace {
struct MediaClass {
  const char* key;
  const char* name;
  QColor color;
};

const QList<MediaClass>& mediaClasses() {
  // Copper warm (orange, amber), fibre cool (blue shades), twisted pair neutral: the classes
  // read apart at a glance, and copper against fibre is the distinction that matters on a plan.
  static const QList<MediaClass> classes{
      {"passive-copper", "Passive copper (DAC)", QColor(0xef, 0x6c, 0x00)},
      {"active-copper", "Active copper (ACC)", QColor(0xf9, 0xa8, 0x25)},
      {"aoc", "Active optical (AOC)", QColor(0x8e, 0x24, 0xaa)},
      {"multimode", "Multimode fibre", QColor(0x00, 0x89, 0x7b)},
      {"single-mode", "Single-mode fibre", QColor(0x15, 0x65, 0xc0)},
      {"twisted-pair", "Twisted pair", QColor(0x6d, 0x4c, 0x41)},
  };
  return classes;
}
}  // namespace

const QStringList& mediaClassKeys() {
  static const QStringList keys = [] {
    QStringList list;
    for (const MediaClass& c : mediaClasses()) {
      list.append(QString::fromLatin1(c.key));
    }
    return list;
  }();
  return keys;
}

QString mediaClassName(const QString& key) {
  for (const MediaClass& c : mediaClasses()) {
    if (key == QLatin1String(c.key)) {
      return QCoreApplication::translate("dc::fabric", c.name);
    }
  }
  return key;
}

QColor mediaClassColor(const QString& key) {
  for (const MediaClass& c : mediaClasses()) {
    if (key == QLatin1String(c.key)) {
      return c.color;
    }
  }
  return QColor(0x78, 0x90, 0x9c);
}

QColor trayOverFillColor() {
  return QColor(0xd3, 0x2f, 0x2f);
}

QColor trayColor() {
  return QColor(0x54, 0x6e, 0x7a);
}

QColor longestLinkColor() {
  return QColor(0xc2, 0x18, 0x5b);
}

QColor networkRackColor() {
  return QColor(0x9f, 0xa8, 0xda, 170);
}

QColor fabricNeutralRackColor() {
  return QColor(0xec, 0xef, 0xf1, 110);
}

}  // namespace dc
