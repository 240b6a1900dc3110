// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/specrows.h"
#include "clioutput.h"
#include "engine/positionlabel.h"
#include "support/plural.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace dc {

namespace {

// --- analyze ----------------------------------------------------------------------------------

/// Source title -> URL, from every figure in the catalog, so a report can link each total.
QHash<QString, QString> sourceUrls(const Catalog& catalog) {
  QHash<QString, QString> urls;
  for (const CatalogItem& item : catalog.items()) {
    urls.insert(item.source.title, item.source.url);
    for (const SpecValue& figure : item.figures) {
      if (!urls.contains(figure.source.title)) {
        urls.insert(figure.source.title, figure.source.url);
      }
    }
  }
  return urls;
}

QJsonObject figureJson(const Figure& figure, const QHash<QString, QString>& urls) {
  QJsonArray sources;
  for (const QString& title : figure.sources) {
    sources.append(QJsonObject{{"title", title}, {"url", urls.value(title)}});
  }
  return QJsonObject{{"value", figure.value},
                     {"unit", figure.unit},
                     {"formula", figure.formula},
                     {"sources", sources}};
}

/// Findings grouped by hall in project order (then those without a hall), keeping the engine's
/// order within a hall, so the output does not depend on hash order.
QList<Finding> orderedFindings(const Project& project, const Analysis& analysis) {
  QList<Finding> findings = analysis.findings;
  auto hallRank = [&](HallId id) {
    for (qsizetype i = 0; i < project.halls().size(); ++i) {
      if (project.halls()[i].id() == id) {
        return i;
      }
    }
    return project.halls().size();
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    return hallRank(a.hallId) < hallRank(b.hallId);
  });
  return findings;
}

QString modelOf(const Catalog& catalog, const QString& id) {
  const CatalogItem* item = catalog.find(id);
  return item ? item->model : QString();
}

QJsonObject rackJson(const Rack& rack, const RackPower& power, const Catalog& catalog,
                     const QHash<QString, QString>& urls) {
  QJsonArray mounts;
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    mounts.append(QJsonObject{
        {"id", mount.id.toString()},
        {"catalogId", mount.catalogId},
        {"model", item ? QJsonValue(item->model) : QJsonValue()},
        {"lowestU", mount.lowestU},
        {"heightU", item && item->heightU ? QJsonValue(*item->heightU) : QJsonValue()}});
  }
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  return QJsonObject{{"id", rack.id().toString()},
                     {"name", rack.name()},
                     {"row", rack.row()},
                     {"rackTypeId", rack.rackTypeId()},
                     {"rackType", type ? QJsonValue(type->model) : QJsonValue()},
                     {"positionMm", QJsonObject{{"x", qint64(rack.positionMm().xMm)},
                                                {"y", qint64(rack.positionMm().yMm)}}},
                     {"rotationDeg", rack.rotationDeg()},
                     {"coolingMode", coolingModeKey(rack.coolingMode())},
                     {"coolingUnit", power.coolingUnit},
                     {"maxPowerW", figureJson(power.maxPowerW, urls)},
                     {"typicalPowerW", figureJson(power.typicalPowerW, urls)},
                     {"typicalFromMaxCount", power.typicalFromMaxCount},
                     {"facilityPowerW", figureJson(power.coolingEquipmentPowerW, urls)},
                     {"acceleratorCount", power.acceleratorCount},
                     {"usedU", power.usedU},
                     {"usableU", power.usableU},
                     {"weightKg", power.weightKg},
                     {"mounts", mounts}};
}

void analysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                  QTextStream& out) {
  const QHash<QString, QString> urls = sourceUrls(catalog);
  QJsonArray halls;
  for (const Hall& hall : project.halls()) {
    const HallTotals* totals = analysis.power.hall(hall.id());
    QJsonArray racks;
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() == hall.id()) {
        racks.append(rackJson(rack, analysis.power.racks.value(rack.id()), catalog, urls));
      }
    }
    const Figure density{totals->maxPowerDensityWPerM2, QStringLiteral("W/m2"),
                         QStringLiteral("hall max power / hall floor area (shoelace formula)"),
                         totals->maxPowerW.sources};
    halls.append(QJsonObject{{"id", hall.id().toString()},
                             {"name", hall.name()},
                             {"floorAreaM2", totals->floorAreaM2},
                             {"tileMm", hall.tileMm()},
                             {"rackCount", totals->rackCount},
                             {"coolingUnitCount", totals->coolingUnitCount},
                             {"acceleratorCount", totals->acceleratorCount},
                             {"maxPowerW", figureJson(totals->maxPowerW, urls)},
                             {"typicalPowerW", figureJson(totals->typicalPowerW, urls)},
                             {"facilityPowerW", figureJson(totals->coolingEquipmentPowerW, urls)},
                             {"maxPowerDensityWPerM2", figureJson(density, urls)},
                             {"racks", racks}});
  }
  QJsonArray findings;
  for (const Finding& f : orderedFindings(project, analysis)) {
    findings.append(
        QJsonObject{{"severity", findingSeverityKey(f.severity)},
                    {"hallId", f.hallId.isNull() ? QJsonValue() : f.hallId.toString()},
                    {"rackId", f.rackId().isNull() ? QJsonValue() : f.rackId().toString()},
                    {"message", f.message}});
  }
  const QJsonObject root{
      {"format", "dcstudio-analysis"},
      // Version 2: rackCount counts racks only; floor cooling units have "coolingUnit": true in
      // the racks arrays and are counted in coolingUnitCount; facilityPowerW added.
      {"formatVersion", 2},
      {"project", QJsonObject{{"name", project.name()},
                              {"author", project.author()},
                              {"description", project.description()}}},
      {"totals",
       QJsonObject{
           {"maxPowerW", figureJson(analysis.power.totals.itPowerW, urls)},
           {"typicalPowerW", figureJson(analysis.power.totals.itTypicalPowerW, urls)},
           {"facilityPowerW", figureJson(analysis.power.totals.coolingEquipmentPowerW, urls)},
           {"acceleratorCount", analysis.power.totals.acceleratorCount},
           {"rackCount", analysis.power.totals.rackCount},
           {"coolingUnitCount", analysis.power.totals.coolingUnitCount}}},
      {"halls", halls},
      {"findings", findings}};
  out << QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString kW(double watts) {
  return QString::number(watts / 1000.0, 'f', 3);
}

QString typicalKw(const Figure& typical, int fromMaxCount) {
  return kW(typical.value) + (fromMaxCount > 0 ? QStringLiteral("*") : QString());
}

/// The floor cooling units of one hall, apart from its racks: their power is not IT load.
void coolingUnitsText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                      const Hall& hall, QTextStream& out) {
  const HallTotals* t = analysis.power.hall(hall.id());
  if (t->coolingUnitCount == 0) {
    return;
  }
  out << QStringLiteral("  %1 %2 %3 %4\n")
             .arg(QStringLiteral("Cooling"), -10)
             .arg(QStringLiteral("Row"), -5)
             .arg(QStringLiteral("Type"), -28)
             .arg(QStringLiteral("Input kW"), 10);
  for (const Rack& rack : project.racks()) {
    const RackPower& p = analysis.power.racks.value(rack.id());
    if (rack.hallId() != hall.id() || !p.coolingUnit) {
      continue;
    }
    out << QStringLiteral("  %1 %2 %3 %4\n")
               .arg(positionName(rack), -10)
               .arg(rack.row(), -5)
               .arg(modelOf(catalog, rack.rackTypeId()), -28)
               .arg(kW(p.coolingEquipmentPowerW.value), 10);
  }
}

void analysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                  QTextStream& out) {
  bool anyFromMax = false;
  out << "Project: " << project.name() << '\n';
  for (const Hall& hall : project.halls()) {
    const HallTotals* t = analysis.power.hall(hall.id());
    out << '\n'
        << hall.name() << ": " << countOf(t->rackCount, "rack", "racks") << ", "
        << t->acceleratorCount << " accelerators, max " << kW(t->maxPowerW.value) << " kW, typical "
        << kW(t->typicalPowerW.value) << " kW, floor " << QString::number(t->floorAreaM2, 'f', 2)
        << " m², " << QString::number(t->maxPowerDensityWPerM2, 'f', 1) << " W/m² at max\n";
    if (t->coolingEquipmentPowerW.value > 0) {
      out << "  cooling equipment input " << kW(t->coolingEquipmentPowerW.value)
          << " kW (fans, pumps: facility load, not IT)\n";
    }
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(QStringLiteral("Rack"), -10)
               .arg(QStringLiteral("Row"), -5)
               .arg(QStringLiteral("Type"), -28)
               .arg(QStringLiteral("Max kW"), 10)
               .arg(QStringLiteral("Typ kW"), 11)
               .arg(QStringLiteral("GPUs"), 5)
               .arg(QStringLiteral("U used"), 8);
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() != hall.id() || analysis.power.racks.value(rack.id()).coolingUnit) {
        continue;
      }
      const RackPower& p = analysis.power.racks.value(rack.id());
      const QString type = modelOf(catalog, rack.rackTypeId());
      const QString units = QStringLiteral("%1/%2").arg(p.usedU).arg(
          p.usableU > 0 ? QString::number(p.usableU) : QStringLiteral("-"));
      anyFromMax = anyFromMax || p.typicalFromMaxCount > 0;
      out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                 .arg(positionName(rack), -10)
                 .arg(rack.row(), -5)
                 .arg(type.isEmpty() ? rack.rackTypeId() : type, -28)
                 .arg(kW(p.maxPowerW.value), 10)
                 .arg(typicalKw(p.typicalPowerW, p.typicalFromMaxCount), 11)
                 .arg(p.acceleratorCount, 5)
                 .arg(units, 8);
    }
    coolingUnitsText(project, catalog, analysis, hall, out);
  }
  const QList<Finding> findings = orderedFindings(project, analysis);
  out << "\nFindings: " << findings.size() << '\n';
  for (const Finding& f : findings) {
    out << "  " << findingSeverityKey(f.severity) << ": " << f.message << '\n';
  }
  out << "\nTotal: " << countOf(analysis.power.totals.rackCount, "rack", "racks") << ", "
      << analysis.power.totals.acceleratorCount << " accelerators, max "
      << kW(analysis.power.totals.itPowerW.value) << " kW, typical "
      << kW(analysis.power.totals.itTypicalPowerW.value) << " kW IT\n";
  if (analysis.power.totals.coolingUnitCount > 0 ||
      analysis.power.totals.coolingEquipmentPowerW.value > 0) {
    out << "       "
        << countOf(analysis.power.totals.coolingUnitCount, "cooling unit", "cooling units")
        << " on the floor; cooling equipment input "
        << kW(analysis.power.totals.coolingEquipmentPowerW.value) << " kW (facility load)\n";
  }
  if (anyFromMax) {
    out << "* no published typical power for some devices: their max power is counted.\n";
  }
}

}  // namespace

void printAnalysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  analysisJson(project, catalog, analysis, out);
}

void printAnalysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out) {
  analysisText(project, catalog, analysis, out);
}

}  // namespace dc
