// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyze.h"

#include "cooling/analyzecooling.h"
#include "fabric/analyzefabric.h"
#include "power/analyzepower.h"
#include "power/powercontext.h"
#include "workload/analyzeworkload.h"

namespace dc {

DesignAssumptions checkAssumptions(const DesignAssumptions& assumptions, QList<Finding>& findings) {
  DesignAssumptions checked = assumptions;
  const QMap<QString, double> overrides = assumptions.overrides();
  for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
    const AssumptionSpec* spec = DesignAssumptions::spec(it.key());
    const QString problem = DesignAssumptions::problem(*spec, it.value());
    if (problem.isEmpty()) {
      continue;
    }
    checked.setValueUnchecked(it.key(), spec->defaultValue);
    Finding f;
    f.code = QStringLiteral("assumption.invalid");
    f.severity = Finding::Severity::Error;
    f.subject = ObjectRef::assumption(it.key());
    f.message =
        QStringLiteral("Design assumption %1; the default %2 is used")
            .arg(problem)
            .arg(spec->choices.isEmpty() ? QString::number(spec->defaultValue)
                                         : spec->choices.value(qsizetype(spec->defaultValue)));
    f.measured = findingFigure(it.value(), spec->unit, QStringLiteral("value in the file"));
    findings.append(f);
  }
  // Bands must rise, or the floor plan's legend would be meaningless.
  const char* bands[] = {assumption::kBand1W, assumption::kBand2W, assumption::kBand3W,
                         assumption::kBand4W, assumption::kBand5W};
  for (int i = 1; i < 5; ++i) {
    if (checked.value(bands[i]) <= checked.value(bands[i - 1])) {
      Finding f;
      f.code = QStringLiteral("assumption.bands-not-rising");
      f.severity = Finding::Severity::Warning;
      f.subject = ObjectRef::assumption(bands[i]);
      f.message = QStringLiteral("Floor-plan kW band %1 (%2 W) does not rise above band %3 (%4 W)")
                      .arg(i + 1)
                      .arg(checked.value(bands[i]))
                      .arg(i)
                      .arg(checked.value(bands[i - 1]));
      findings.append(f);
    }
  }
  if (checked.value(QString::fromLatin1(assumption::kLoadingWatchPct)) >=
      checked.value(QString::fromLatin1(assumption::kLoadingWarnPct))) {
    Finding f;
    f.code = QStringLiteral("assumption.bands-not-rising");
    f.severity = Finding::Severity::Warning;
    f.subject = ObjectRef::assumption(QString::fromLatin1(assumption::kLoadingWarnPct));
    f.message = QStringLiteral(
                    "Loading shown as near the limit from %1 % does not rise above the "
                    "watch band from %2 %")
                    .arg(checked.value(QString::fromLatin1(assumption::kLoadingWarnPct)))
                    .arg(checked.value(QString::fromLatin1(assumption::kLoadingWatchPct)));
    findings.append(f);
  }
  return checked;
}

Analysis analyze(const DesignSnapshot& snapshot) {
  Analysis analysis;
  analysis.assumptions = checkAssumptions(snapshot.assumptions, analysis.findings);
  analysis.fabric = analyzeFabric(snapshot, analysis.assumptions);
  analysis.power = analyzePower(snapshot, analysis.assumptions, &analysis.fabric.opticsWByDevice);
  analysis.findings += analysis.power.findings;
  analysis.cooling = analyzeCooling(snapshot, analysis.assumptions, analysis.power);
  analysis.findings += analysis.cooling.findings;
  analysis.findings += analysis.fabric.findings;
  // The PUE estimate by cooling architecture feeds facility power, energy, cost and carbon.
  facilityTotals(analysis.assumptions, analysis.cooling.totals.pue, analysis.power.totals);
  // Workload fit reads the pools' power, the fabric per GPU and the PUE just computed.
  analysis.workload =
      analyzeWorkloads(snapshot, analysis.assumptions, analysis.fabric, analysis.power);
  analysis.findings += analysis.workload.findings;
  analysis.findings += validatePlacement(snapshot.project, snapshot.catalog);
  return analysis;
}

Analysis analyze(const Project& project, const Catalog& catalog) {
  return analyze(DesignSnapshot{project, catalog, project.assumptions()});
}

RackPower analyzeRackPower(const Rack& rack, const Catalog& catalog, QList<Finding>& findings) {
  const DesignAssumptions defaults;
  power::PowerContext context(defaults, catalog);
  return power::sumRack(rack, context, findings);
}

int Analysis::errorCount() const {
  int errors = 0;
  for (const Finding& f : findings) {
    errors += f.severity == Finding::Severity::Error ? 1 : 0;
  }
  return errors;
}

QList<Finding> Analysis::findingsWithCode(const QString& code) const {
  QList<Finding> matching;
  for (const Finding& f : findings) {
    if (f.code == code) {
      matching.append(f);
    }
  }
  return matching;
}

}  // namespace dc
