// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/geometry.h"

#include <Qt>

namespace dc {

/// A mouse event in floor coordinates. FloorPlanView converts Qt events into these, so tools
/// can be driven by tests without a view or a window.
struct FloorMouseEvent {
  PointMm posMm;
  Qt::KeyboardModifiers modifiers = Qt::NoModifier;
};

/// Z-values of the floor plan's layers, bottom to top.
enum FloorZ : int { kZHall = 0, kZObstacle = 10, kZRack = 20, kZOverlay = 30 };

}  // namespace dc
