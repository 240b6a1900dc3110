// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ids.h"
#include "powerfeed.h"

#include <QString>

namespace dc {

/// What a node of a hall's power distribution tree is.
enum class PowerNodeKind {
  Ups,          ///< a UPS system: power modules with N / N+1 redundancy, or one side of 2N
  Switchboard,  ///< low-voltage switchboard / PDU cabinet between UPS and busways
  Busway,       ///< overhead busway run; rack PDUs plug into its tap-offs
  Rpp,          ///< remote power panel; rack PDUs are wired to its breakers
  PowerRack,    ///< an 800 VDC power rack or sidecar feeding the racks next to it
};

QString powerNodeKindKey(PowerNodeKind kind);   ///< "ups", "switchboard", "busway", "rpp", ...
QString powerNodeKindName(PowerNodeKind kind);  ///< "UPS", "Switchboard", "Busway", ...
bool powerNodeKindFromKey(const QString& key, PowerNodeKind* kind);

/// Redundancy of a group of units: a UPS system's power modules, a loop's CDUs, a zone's
/// air coolers.
enum class Redundancy {
  N,       ///< every unit carries load: usable = units × rating
  NPlus1,  ///< one spare unit: usable = (units − 1) × rating
  TwoN,    ///< UPS: one side of a 2N pair: usable = modules × rating, and it must carry the
           ///< other side's load when that side is lost (the failover check). Cooling: half the
           ///< units are spares: usable = units / 2 × rating
};

QString redundancyKey(Redundancy redundancy);   ///< "n", "n+1", "2n"
QString redundancyName(Redundancy redundancy);  ///< "N", "N+1", "2N"
bool redundancyFromKey(const QString& key, Redundancy* redundancy);

/// One node of a hall's power distribution: a UPS system, switchboard, busway, RPP or 800 VDC
/// power rack, with its own ratings (copied from the catalog item it was made from, editable),
/// the node upstream of it and the feed it belongs to. Rack PDUs name the busway, RPP or power
/// rack they are plugged into (Mount::upstreamId), which closes the tree from rack to UPS.
///
/// A plain value; validity (positive ratings, an upstream in the same hall) is judged by the
/// engine, which reports every problem as a finding rather than refusing the file.
struct PowerNode {
  PowerNodeId id;
  HallId hallId;
  QString name;  ///< "UPS-A", "BW-A1"
  PowerNodeKind kind = PowerNodeKind::Busway;
  PowerNodeId upstreamId;            ///< the node feeding this one, or null (utility / top)
  PowerFeed feed = PowerFeed::None;  ///< the feed this node belongs to; None: serves all feeds
  QString catalogId;                 ///< the catalog item its ratings came from, or empty
  double ratedCurrentA = 0.0;        ///< switchboard, busway, RPP: rated current per phase (A)
  double voltageV = 0.0;       ///< line-to-line (AC) or DC voltage; 0: the design's supply voltage
  double ratedPowerW = 0.0;    ///< power rack: output capacity (W); unused for other kinds
  int moduleCount = 0;         ///< UPS: installed power modules
  double moduleRatingW = 0.0;  ///< UPS: rating of one module (W)
  Redundancy redundancy = Redundancy::N;  ///< UPS only

  friend bool operator==(const PowerNode&, const PowerNode&) = default;
};

}  // namespace dc
