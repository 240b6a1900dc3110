// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace dc {

/// The independent power path a rack PDU or power shelf is fed from. A and B are the usual 2N
/// pair; C is the third path of a distributed-redundant ("3 make 2") design, such as the three
/// rack PDUs of a DGX SuperPOD compute rack.
enum class PowerFeed { None, A, B, C };

QString powerFeedKey(PowerFeed feed);   ///< "", "a", "b", "c"
QString powerFeedName(PowerFeed feed);  ///< "—", "A", "B", "C"
bool powerFeedFromKey(const QString& key, PowerFeed* feed);
inline constexpr PowerFeed kPowerFeeds[] = {PowerFeed::A, PowerFeed::B, PowerFeed::C};

}  // namespace dc
