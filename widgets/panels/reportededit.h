// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// Runs `push(QString* message)` (an insert, replace or remove through the generic commands) and,
/// when it is refused, gives its reason to `error` and to `failed` (a panel's editFailed signal).
/// Returns whether the edit was made; nothing changed when not.
template <typename Push, typename Failed>
bool pushReported(Push push, Failed failed, QString* error) {
  QString message;
  const bool ok = push(&message);
  if (!ok) {
    if (error != nullptr) {
      *error = message;
    }
    failed(message);
  }
  return ok;
}

}  // namespace dc
