// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawsymbols.h"

#include "drawsheet.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPainterPath>

namespace dc::report {

namespace {

/// A zig-zag across `r`: the coil of a heat exchanger.
void coil(QPainter& painter, const QRectF& r, int teeth) {
  QPainterPath path;
  path.moveTo(r.left(), r.center().y());
  const double step = r.width() / (teeth * 2);
  for (int i = 0; i < teeth * 2; ++i) {
    path.lineTo(r.left() + step * (i + 0.5), i % 2 == 0 ? r.top() : r.bottom());
  }
  path.lineTo(r.right(), r.center().y());
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(path);
}

/// A tilde of `width` centred on `c`: alternating current.
void tilde(QPainter& painter, const QPointF& c, double width) {
  QPainterPath path;
  const double h = width * 0.28;
  path.moveTo(c.x() - width / 2, c.y());
  path.cubicTo(c.x() - width / 4, c.y() - h, c.x() - width / 8, c.y() - h, c.x(), c.y());
  path.cubicTo(c.x() + width / 8, c.y() + h, c.x() + width / 4, c.y() + h, c.x() + width / 2,
               c.y());
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(path);
}

/// A breaker: a small square on the line, with the bar under it (a switchboard's bus).
void breakerOnBar(QPainter& painter, const QRectF& r, const QPen& bar) {
  const double side = 3.2;
  const QRectF breaker(r.center().x() - side / 2, r.top(), side, side);
  painter.setBrush(Qt::white);
  painter.drawRect(breaker);
  painter.drawLine(QPointF(r.center().x(), breaker.bottom()),
                   QPointF(r.center().x(), r.bottom() - 0.7));
  painter.setPen(bar);
  painter.drawLine(QPointF(r.left(), r.bottom() - 0.7), QPointF(r.right(), r.bottom() - 0.7));
}

void fan(QPainter& painter, const QPointF& c, double radius) {
  painter.setBrush(Qt::white);
  painter.drawEllipse(c, radius, radius);
  painter.drawLine(c + QPointF(-radius * 0.7, -radius * 0.7),
                   c + QPointF(radius * 0.7, radius * 0.7));
  painter.drawLine(c + QPointF(-radius * 0.7, radius * 0.7),
                   c + QPointF(radius * 0.7, -radius * 0.7));
}

}  // namespace

QSizeF symbolSizeMm(DiagramSymbol symbol) {
  switch (symbol) {
    case DiagramSymbol::Utility:
      return {8, 8};
    case DiagramSymbol::Generator:
      return {9, 9};
    case DiagramSymbol::Transformer:
      return {7, 11};
    case DiagramSymbol::Switchgear:
      return {12, 6};
    case DiagramSymbol::Ups:
      return {10, 10};
    case DiagramSymbol::Switchboard:
      return {10, 6};
    case DiagramSymbol::Busway:
      return {12, 3};
    case DiagramSymbol::Rpp:
      return {10, 8};
    case DiagramSymbol::PowerRack:
      return {9, 9};
    case DiagramSymbol::FacilityWater:
    case DiagramSymbol::ChilledWater:
      return {12, 8};
    case DiagramSymbol::Cdu:
    case DiagramSymbol::AirCooler:
      return {9, 10};
    case DiagramSymbol::RearDoor:
      return {5, 11};
    case DiagramSymbol::RackGroup:
    case DiagramSymbol::RackManifold:
    case DiagramSymbol::AirZone:
      break;
  }
  return {0, 0};
}

bool isBoxSymbol(DiagramSymbol symbol) {
  return symbol == DiagramSymbol::RackGroup || symbol == DiagramSymbol::RackManifold ||
         symbol == DiagramSymbol::AirZone;
}

void paintSymbol(QPainter& painter, DiagramSymbol symbol, const QPointF& centre,
                 const QColor& colour, bool byFacility) {
  const QSizeF size = symbolSizeMm(symbol);
  const QRectF r(centre - QPointF(size.width(), size.height()) / 2.0, size);
  painter.save();
  QPen pen(colour, kMediumMm, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
  if (byFacility) {
    pen.setDashPattern({2.4, 1.4});  // not in the model: the facility's
  }
  painter.setPen(pen);
  painter.setBrush(Qt::white);
  switch (symbol) {
    case DiagramSymbol::Utility: {
      painter.drawRect(r);
      QPainterPath box;
      box.addRect(r);
      hatch(painter, box, 1.3, colour, kHairlineMm);  // IEC 60617 network infeed
      break;
    }
    case DiagramSymbol::Generator:
      painter.drawEllipse(r);
      drawTextAt(painter, centre + QPointF(0, -0.8), Qt::AlignHCenter | Qt::AlignVCenter,
                 QStringLiteral("G"), reportFont(8.0, true), colour);
      painter.setPen(QPen(colour, kThinMm));
      tilde(painter, centre + QPointF(0, 2.3), 3.6);
      break;
    case DiagramSymbol::Transformer: {
      const double radius = size.width() / 2.0;
      painter.setBrush(Qt::NoBrush);
      painter.drawEllipse(QPointF(centre.x(), r.top() + radius), radius, radius);
      painter.drawEllipse(QPointF(centre.x(), r.bottom() - radius), radius, radius);
      break;
    }
    case DiagramSymbol::Switchgear:
    case DiagramSymbol::Switchboard:
      breakerOnBar(painter, r, QPen(colour, 1.3, Qt::SolidLine, Qt::FlatCap));
      break;
    case DiagramSymbol::Ups:
      painter.drawRect(r);
      painter.setPen(QPen(colour, kThinMm));
      painter.drawLine(r.bottomLeft(), r.topRight());
      tilde(painter, r.topLeft() + QPointF(2.8, 2.6), 3.2);
      painter.drawLine(r.bottomRight() + QPointF(-4.4, -2.9),
                       r.bottomRight() + QPointF(-1.2, -2.9));
      painter.drawLine(r.bottomRight() + QPointF(-4.4, -2.0),
                       r.bottomRight() + QPointF(-1.2, -2.0));
      break;
    case DiagramSymbol::Busway:
      painter.setPen(Qt::NoPen);
      painter.setBrush(colour);
      painter.drawRect(QRectF(r.left(), centre.y() - 0.8, r.width(), 1.6));
      painter.setPen(QPen(colour, kThinMm));
      for (int i = 1; i <= 3; ++i) {  // tap-off points
        const double x = r.left() + r.width() * i / 4.0;
        painter.drawLine(QPointF(x, centre.y() + 0.8), QPointF(x, r.bottom()));
      }
      break;
    case DiagramSymbol::Rpp: {
      painter.drawRect(r);
      painter.setPen(QPen(colour, kThinMm));
      for (int i = 0; i < 3; ++i) {
        painter.drawRect(QRectF(r.left() + 1.2 + i * 2.7, centre.y() - 1.0, 2.0, 2.0));
      }
      break;
    }
    case DiagramSymbol::PowerRack:
      painter.drawRect(r);
      painter.setPen(QPen(colour, kThinMm));
      tilde(painter, r.topLeft() + QPointF(2.6, 2.4), 3.0);
      painter.drawLine(r.bottomRight() + QPointF(-4.0, -2.6),
                       r.bottomRight() + QPointF(-1.2, -2.6));
      painter.drawLine(r.bottomLeft(), r.topRight());
      break;
    case DiagramSymbol::FacilityWater:
    case DiagramSymbol::ChilledWater:
      painter.drawRoundedRect(r, 1.2, 1.2);
      painter.setPen(QPen(colour, kThinMm));
      coil(painter, r.adjusted(1.6, 2.2, -1.6, -2.2), 4);
      break;
    case DiagramSymbol::Cdu:
      painter.drawRect(r);
      painter.setPen(QPen(colour, kThinMm));
      painter.drawLine(r.topLeft(), r.bottomRight());  // ISO 14617 heat exchanger: plates
      coil(painter, QRectF(r.left() + 1.2, centre.y() - 1.2, r.width() - 2.4, 2.4), 3);
      break;
    case DiagramSymbol::AirCooler:
      painter.drawRect(r);
      painter.setPen(QPen(colour, kThinMm));
      coil(painter, QRectF(r.left() + 1.2, r.top() + 1.2, r.width() - 2.4, 2.4), 3);
      fan(painter, QPointF(centre.x(), r.bottom() - 3.0), 2.1);
      break;
    case DiagramSymbol::RearDoor:
      painter.drawRect(r);
      painter.setPen(QPen(colour, kThinMm));
      painter.save();
      painter.translate(centre);
      painter.rotate(90);
      coil(painter, QRectF(-r.height() / 2 + 1.2, -1.2, r.height() - 2.4, 2.4), 4);
      painter.restore();
      break;
    case DiagramSymbol::RackGroup:
    case DiagramSymbol::RackManifold:
    case DiagramSymbol::AirZone:
      break;
  }
  painter.restore();
}

}  // namespace dc::report
