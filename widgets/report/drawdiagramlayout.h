// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/diagram.h"

#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

class QPainter;

namespace dc::report {

// The geometry of a diagram on paper: where each node, its text and its ports are, and how each
// edge runs (drawdiagramlayout.cpp computes it, drawdiagram.cpp paints it).

inline constexpr double kDiagramTitlePt = 7.5;
inline constexpr double kDiagramLinePt = 6.5;
inline constexpr double kTierMarginMm = 24.0;  ///< left margin with the tier titles

struct NodeGeometry {
  QPointF centre;           ///< the symbol's (or box's) centre
  QSizeF symbol;            ///< the symbol's size, or the box's
  QRectF text;              ///< where its title and lines go (as wide as the widest line)
  double textRoomMm = 0.0;  ///< how wide its text may be (up to the next slot's symbol)
  QRectF bounds;            ///< symbol and text
  QList<double> inPortX;    ///< one per edge into it, in Diagram::edges order of those edges
};

/// Edges from one node in one style and feed to nodes of one tier: a vertical down from the
/// source, a horizontal run at `laneY` (absent when every target is straight below), drops
/// to each target's port.
struct Bus {
  int from = -1;
  EdgeStyle style = EdgeStyle::Power;
  int feed = -1;
  int targetTier = 0;
  double sourceX = 0.0;
  double sourceY = 0.0;  ///< bottom of the source
  QList<int> edges;      ///< indexes into Diagram::edges
  QList<QPointF> drops;  ///< target port of each edge (x, top of the target)
  int lane = -1;         ///< -1: straight down, no horizontal run
  double laneY = 0.0;
};

struct DiagramLayout {
  double slotMm = 0.0;
  QSizeF sizeMm;  ///< natural size, before any scaling to the area
  QList<double> rowTop;
  QList<double> rowHeight;
  QList<double> captionHeight;  ///< per tier: group captions under its nodes
  QList<NodeGeometry> nodes;
  QList<Bus> buses;
};

/// Lays `diagram` out at natural size with its top-left at (0, 0), `widthMm` wide (wider when
/// its columns need more) and using up to `heightMm` (gaps grow to fill it).
DiagramLayout layoutOnPaper(const QPainter& painter, const Diagram& diagram, double widthMm,
                            double heightMm);

/// The text block of a node: its title and lines, and "by the facility" for the facility's.
QStringList nodeTextLines(const DiagramNode& node);
/// The height of a group's caption.
double groupCaptionHeightMm(const DiagramGroup& group);

}  // namespace dc::report
