// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/analysis.h"
#include "model/project.h"
#include "report/tablecells.h"
#include "sections.h"

#include <algorithm>

namespace dc::report {

namespace {

/// Where a finding is, as the plan names it: "Rack A03", "UPS-A", "CDU-1", "Hall A".
QString subjectName(const Finding& finding, const Project& project) {
  const ObjectRef& ref = finding.subject;
  if (!ref.rackId.isNull()) {
    if (const Rack* rack = project.findRack(ref.rackId)) {
      return QStringLiteral("Rack %1").arg(rack->name());
    }
  }
  switch (ref.kind) {
    case ObjectKind::PowerNode:
      if (const PowerNode* node = project.findPowerNode(PowerNodeId::fromUuid(ref.id))) {
        return node->name;
      }
      break;
    case ObjectKind::CoolingUnit:
      if (const CoolingUnit* unit = project.findCoolingUnit(CoolingUnitId::fromUuid(ref.id))) {
        return unit->name;
      }
      break;
    case ObjectKind::CoolingLoop:
      if (const CoolingLoop* loop = project.findCoolingLoop(CoolingLoopId::fromUuid(ref.id))) {
        return loop->name;
      }
      break;
    case ObjectKind::Assumption:
      return QStringLiteral("Assumption %1").arg(ref.key);
    case ObjectKind::WorkloadPool:
      if (const WorkloadPool* pool = project.findWorkloadPool(WorkloadPoolId::fromUuid(ref.id))) {
        return QStringLiteral("Pool %1").arg(pool->name);
      }
      break;
    case ObjectKind::Workload:
      if (const Workload* workload = project.findWorkload(WorkloadId::fromUuid(ref.id))) {
        return QStringLiteral("Workload %1").arg(workload->name);
      }
      break;
    default:
      break;
  }
  if (!finding.hallId.isNull()) {
    if (const Hall* hall = project.findHall(finding.hallId)) {
      return hall->name();
    }
  }
  return QStringLiteral("Project");
}

Tone toneOf(Finding::Severity severity) {
  switch (severity) {
    case Finding::Severity::Error:
      return Tone::Error;
    case Finding::Severity::Warning:
      return Tone::Warning;
    case Finding::Severity::Info:
      break;
  }
  return Tone::Muted;
}

}  // namespace

// Findings: every problem and note of the analysis, errors first (CSV "findings").
Section findingsSection(const ReportInput& input) {
  const CellWriter cells(input.locale);
  Section section;
  section.id = QStringLiteral("findings");
  section.title = QStringLiteral("Findings");
  QList<const Finding*> findings;
  int counts[3] = {0, 0, 0};
  for (const Finding& finding : input.analysis.findings) {
    findings.append(&finding);
    counts[static_cast<int>(finding.severity)] += 1;
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
    return static_cast<int>(a->severity) < static_cast<int>(b->severity);
  });
  section.blocks.append(Paragraph{
      findings.isEmpty()
          ? QStringLiteral("The analysis found nothing to report.")
          : QStringLiteral("%1 errors, %2 warnings and %3 notes. An error is a design that does "
                           "not work as drawn; a warning needs a decision; a note records a fact "
                           "the reader should know.")
                .arg(cells.locale().toString(counts[0]), cells.locale().toString(counts[1]),
                     cells.locale().toString(counts[2])),
      Paragraph::Style::Body, counts[0] > 0 ? Tone::Error : Tone::Normal});
  if (findings.isEmpty()) {
    return section;
  }
  section.blocks.append(findingsTable(findings, input.project, QStringLiteral("findings"),
                                      QStringLiteral("Findings of the analysis")));
  return section;
}

Table findingsTable(const QList<const Finding*>& findings, const Project& project,
                    const QString& id, const QString& caption) {
  Table table;
  table.id = id;
  table.caption = caption;
  table.columns = {
      textColumn(QStringLiteral("Severity"), 0.45), textColumn(QStringLiteral("Code"), 1.2),
      textColumn(QStringLiteral("Where"), 0.6), textColumn(QStringLiteral("Finding"), 2.8)};
  for (const Finding* finding : findings) {
    const Tone tone = toneOf(finding->severity);
    table.rows.append({Cell{findingSeverityKey(finding->severity), {}, tone, true},
                       CellWriter::text(finding->code),
                       CellWriter::text(subjectName(*finding, project)),
                       CellWriter::text(finding->message)});
  }
  return table;
}

}  // namespace dc::report
