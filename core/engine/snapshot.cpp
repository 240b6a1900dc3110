// SPDX-License-Identifier: GPL-3.0-or-later
#include "snapshot.h"

namespace dc {

QString failureScenarioKey(const FailureScenario& scenario, const Project& project) {
  const PowerNode* node = project.findPowerNode(scenario.nodeId);
  const QString named = node ? QStringLiteral(":") + node->name : QString();
  switch (scenario.kind) {
    case FailureScenario::Kind::None:
      return QStringLiteral("none");
    case FailureScenario::Kind::Feed:
      return QStringLiteral("feed-") + powerFeedKey(scenario.feed);
    case FailureScenario::Kind::UpsModule:
      return QStringLiteral("ups-module") + named;
    case FailureScenario::Kind::Busway:
      return QStringLiteral("busway") + named;
    case FailureScenario::Kind::Cdu:
    case FailureScenario::Kind::Crah: {
      const CoolingUnit* unit = project.findCoolingUnit(scenario.unitId);
      return QLatin1String(scenario.kind == FailureScenario::Kind::Cdu ? "cdu" : "crah") +
             (unit ? QStringLiteral(":") + unit->name : QString());
    }
  }
  return {};
}

QString parseFailureScenario(const QString& text, const Project& project,
                             FailureScenario* scenario) {
  const QString kind = text.section(':', 0, 0).trimmed().toLower();
  const QString name = text.contains(':') ? text.section(':', 1).trimmed() : QString();
  FailureScenario parsed;
  if (kind == QLatin1String("none")) {
    *scenario = parsed;
    return {};
  }
  if (kind.startsWith(QLatin1String("feed-"))) {
    parsed.kind = FailureScenario::Kind::Feed;
    if (!powerFeedFromKey(kind.mid(5), &parsed.feed) || parsed.feed == PowerFeed::None) {
      return QStringLiteral("unknown feed '%1' (use feed-a, feed-b or feed-c)").arg(kind.mid(5));
    }
    *scenario = parsed;
    return {};
  }
  if (kind == QLatin1String("cdu") || kind == QLatin1String("crah")) {
    parsed.kind =
        kind == QLatin1String("cdu") ? FailureScenario::Kind::Cdu : FailureScenario::Kind::Crah;
    if (!name.isEmpty()) {
      for (const CoolingUnit& unit : project.coolingUnits()) {
        if (unit.name.compare(name, Qt::CaseInsensitive) == 0) {
          parsed.unitId = unit.id;
        }
      }
      if (parsed.unitId.isNull()) {
        return QStringLiteral("no cooling unit named '%1' in the design").arg(name);
      }
    }
    *scenario = parsed;
    return {};
  }
  if (kind == QLatin1String("ups-module")) {
    parsed.kind = FailureScenario::Kind::UpsModule;
  } else if (kind == QLatin1String("busway")) {
    parsed.kind = FailureScenario::Kind::Busway;
  } else {
    return QStringLiteral(
               "unknown failure '%1' (use feed-a, feed-b, feed-c, ups-module[:NAME], "
               "busway[:NAME], cdu[:NAME] or crah[:NAME])")
        .arg(text);
  }
  if (!name.isEmpty()) {
    for (const PowerNode& node : project.powerNodes()) {
      const bool kindFits =
          parsed.kind == FailureScenario::Kind::UpsModule
              ? node.kind == PowerNodeKind::Ups
              : node.kind == PowerNodeKind::Busway || node.kind == PowerNodeKind::Rpp;
      if (kindFits && node.name.compare(name, Qt::CaseInsensitive) == 0) {
        parsed.nodeId = node.id;
      }
    }
    if (parsed.nodeId.isNull()) {
      return QStringLiteral("no %1 named '%2' in the design")
          .arg(parsed.kind == FailureScenario::Kind::UpsModule ? "UPS" : "busway or RPP", name);
    }
  }
  *scenario = parsed;
  return {};
}

}  // namespace dc
