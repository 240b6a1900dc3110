// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace dc {

/// QUndoCommand::id() values of commands that merge (a drag is one undo step).
namespace CommandId {
enum : int { MoveRacks = 1001 };
}

}  // namespace dc
