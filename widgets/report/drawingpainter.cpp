// SPDX-License-Identifier: GPL-3.0-or-later
#include "drawingpainter.h"

#include "reportstyle.h"

#include <QPainter>

namespace dc::report {

// Placeholder until the drawings land: a frame with the caption.
void paintDrawing(QPainter& painter, const QRectF& areaMm, const Drawing& drawing,
                  const ReportData& data) {
  Q_UNUSED(data);
  painter.save();
  painter.setPen(QPen(inkColour(), kThinMm));
  painter.drawRect(areaMm);
  painter.setFont(reportFont(10));
  painter.drawText(areaMm, Qt::AlignCenter, drawing.caption);
  painter.restore();
}

int drawingSheetCount(DrawingKind kind, const ReportData& data) {
  Q_UNUSED(kind);
  Q_UNUSED(data);
  return 1;
}

}  // namespace dc::report
