// SPDX-License-Identifier: GPL-3.0-or-later
#include "powercontext.h"

#include <cmath>

namespace dc::power {

namespace {

using Severity = Finding::Severity;

QString nodeName(const PowerNode& node) {
  return QStringLiteral("%1 %2").arg(powerNodeKindName(node.kind), node.name);
}

double effectiveVoltageV(const PowerNode& node, const DesignAssumptions& assumptions) {
  return std::isfinite(node.voltageV) && node.voltageV > 0 ? node.voltageV
                                                           : assumptions.supplyVoltageV();
}

/// A node may not claim more than the product it was made from.
void checkAgainstCatalog(const PowerNode& node, const CatalogItem& item, QList<Finding>& findings) {
  struct Limit {
    double own;
    const char* path;
    const char* field;
    const char* unit;
  };
  QList<Limit> limits;
  switch (node.kind) {
    case PowerNodeKind::Ups:
      limits = {{node.moduleRatingW, "electrical.moduleRatingW", "module rating", "W"},
                {double(node.moduleCount), "electrical.maxModuleCount", "module count", ""}};
      break;
    case PowerNodeKind::PowerRack:
      limits = {{node.ratedPowerW, "electrical.outputCapacityW", "rated power", "W"}};
      break;
    default:
      limits = {{node.ratedCurrentA, "electrical.ratedCurrentA", "rated current", "A"}};
  }
  for (const Limit& limit : limits) {
    const SpecValue* rated = item.figure(QString::fromLatin1(limit.path));
    if (rated && limit.own > rated->value + 1e-9) {
      findings.append(finding(
          QStringLiteral("power.node-exceeds-catalog"), Severity::Error,
          ObjectRef::powerNode(node.id), node.hallId,
          QStringLiteral("%1: its %2 %3 %4 is above the %5 %6's %7 %4")
              .arg(nodeName(node), QString::fromLatin1(limit.field))
              .arg(limit.own)
              .arg(QString::fromLatin1(limit.unit), item.vendor, item.model)
              .arg(rated->value),
          findingFigure(limit.own, QString::fromLatin1(limit.unit), QStringLiteral("node rating")),
          findingFigure(rated->value, QString::fromLatin1(limit.unit),
                        QStringLiteral("catalog %1").arg(QString::fromLatin1(limit.path)))));
    }
  }
}

}  // namespace

void checkNodes(const Project& project, const Catalog& catalog,
                const DesignAssumptions& assumptions, QList<Finding>& findings) {
  const double designHz = assumptions.choice(assumption::kFrequencyHz).toDouble();
  const double tolerance = assumptions.value(assumption::kVoltageTolerancePct) / 100.0;
  QHash<QPair<HallId, QString>, const PowerNode*> byName;
  for (const PowerNode& node : project.powerNodes()) {
    const CatalogItem* item = node.catalogId.isEmpty() ? nullptr : catalog.find(node.catalogId);
    if (item) {
      const SpecValue* hz = item->figure(QStringLiteral("electrical.frequencyHz"));
      if (hz && hz->value != designHz) {
        findings.append(finding(
            QStringLiteral("power.frequency-mismatch"), Severity::Error,
            ObjectRef::powerNode(node.id), node.hallId,
            QStringLiteral("%1 is a %2 Hz %3; the design's supply is %4 Hz")
                .arg(nodeName(node))
                .arg(hz->value)
                .arg(item->model)
                .arg(designHz),
            findingFigure(hz->value, QStringLiteral("Hz"), QStringLiteral("catalog rating")),
            findingFigure(designHz, QStringLiteral("Hz"),
                          QStringLiteral("design assumption %1").arg(assumption::kFrequencyHz))));
      }
      checkAgainstCatalog(node, *item, findings);
    }
    // A node fed at another voltage than it works at (no transformer is modelled).
    const PowerNode* up =
        node.upstreamId.isNull() ? nullptr : project.findPowerNode(node.upstreamId);
    if (up && up->hallId == node.hallId && node.kind != PowerNodeKind::PowerRack &&
        up->kind != PowerNodeKind::PowerRack) {
      const double v = effectiveVoltageV(node, assumptions);
      const double upV = effectiveVoltageV(*up, assumptions);
      if (std::abs(v - upV) > upV * tolerance) {
        Finding f = finding(
            QStringLiteral("power.voltage-mismatch"), Severity::Error,
            ObjectRef::powerNode(node.id), node.hallId,
            QStringLiteral("%1 works at %2 V but is fed from %3 at %4 V")
                .arg(nodeName(node))
                .arg(v)
                .arg(nodeName(*up))
                .arg(upV),
            findingFigure(v, QStringLiteral("V"), QStringLiteral("node voltage")),
            findingFigure(
                upV, QStringLiteral("V"),
                QStringLiteral("voltage of %1, ±%2 %").arg(up->name).arg(tolerance * 100.0)));
        f.related.append(ObjectRef::powerNode(up->id));
        findings.append(f);
      }
    }
    // One side of 2N needs the other side: a UPS of the same hall on another feed, also 2N.
    if (node.kind == PowerNodeKind::Ups && node.redundancy == Redundancy::TwoN) {
      bool partner = false;
      for (const PowerNode& other : project.powerNodes()) {
        partner = partner || (other.id != node.id && other.hallId == node.hallId &&
                              other.kind == PowerNodeKind::Ups &&
                              other.redundancy == Redundancy::TwoN && other.feed != node.feed);
      }
      if (!partner) {
        findings.append(finding(QStringLiteral("power.ups-2n-no-partner"), Severity::Warning,
                                ObjectRef::powerNode(node.id), node.hallId,
                                QStringLiteral("%1 is one side of a 2N pair, but the hall has no "
                                               "2N UPS on another feed to be its other side")
                                    .arg(nodeName(node))));
      }
    }
    const QPair<HallId, QString> key(node.hallId, node.name.trimmed().toLower());
    if (const PowerNode* twin = byName.value(key)) {
      Finding f = finding(QStringLiteral("power.duplicate-node-name"), Severity::Warning,
                          ObjectRef::powerNode(node.id), node.hallId,
                          QStringLiteral("%1 has the same name as %2 in this hall: reports and "
                                         "--fail busway:NAME cannot tell them apart")
                              .arg(nodeName(node), nodeName(*twin)));
      f.related.append(ObjectRef::powerNode(twin->id));
      findings.append(f);
    } else {
      byName.insert(key, &node);
    }
  }
}

}  // namespace dc::power
