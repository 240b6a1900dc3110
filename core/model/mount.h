// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ids.h"

#include <QString>

namespace dc {

/// A device mounted in a rack: which catalog item, and where (the lowest rack unit it occupies,
/// counted from 1 at the bottom). Its height comes from the catalog item.
struct Mount {
  MountId id;
  QString catalogId;  ///< e.g. "nvidia/dgx-h100"; resolved against the Catalog.
  int lowestU = 1;    ///< Invariant: >= 1.

  friend bool operator==(const Mount&, const Mount&) = default;
};

}  // namespace dc
