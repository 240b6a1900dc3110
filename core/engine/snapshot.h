// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/designassumptions.h"
#include "model/project.h"

namespace dc {

/// A failure the power pass (feeds, UPS, busways) or the cooling pass (CDU, CRAH) simulates on
/// top of normal operation.
struct FailureScenario {
  enum class Kind {
    None,       ///< normal operation only
    Feed,       ///< every PDU, busway and UPS of `feed` is lost
    UpsModule,  ///< one power module of UPS `nodeId` (of every UPS when null) is lost
    Busway,     ///< busway or RPP `nodeId` is lost (the most loaded one when null)
    Cdu,        ///< floor CDU `unitId` is lost (one of the most loaded loop's when null)
    Crah,       ///< CRAH / in-row cooler `unitId` is lost (the most loaded zone's when null)
  };
  Kind kind = Kind::None;
  PowerFeed feed = PowerFeed::None;
  PowerNodeId nodeId;
  CoolingUnitId unitId;

  friend bool operator==(const FailureScenario&, const FailureScenario&) = default;
};

/// "none", "feed-a", "ups-module", "busway", "cdu", "crah" (+ ":NAME" when a node or unit is
/// named).
QString failureScenarioKey(const FailureScenario& scenario, const Project& project);
/// Parses "feed-a|feed-b|feed-c|ups-module[:NAME]|busway[:NAME]|cdu[:NAME]|crah[:NAME]|none";
/// NAME is a power node's or cooling unit's name. Returns an empty text on success, else why it
/// could not.
QString parseFailureScenario(const QString& text, const Project& project,
                             FailureScenario* scenario);

/// Everything one analysis reads: the design, the catalog, the assumptions it is analysed with
/// (normally the project's own) and the failure to simulate. The engine reads nothing else.
struct DesignSnapshot {
  const Project& project;
  const Catalog& catalog;
  const DesignAssumptions& assumptions;
  FailureScenario failure = {};
};

}  // namespace dc
