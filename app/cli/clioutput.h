// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalogloader.h"
#include "engine/analysis.h"
#include "engine/workload/workloadresult.h"
#include "model/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace dc {

/// `analyze --json`: SI values, each total with its formula and sources, racks and findings in a
/// stable order.
void printAnalysisJson(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out);
/// `analyze`: the same as readable tables.
void printAnalysisText(const Project& project, const Catalog& catalog, const Analysis& analysis,
                       QTextStream& out);
/// `validate [--json]`: the findings, one a line (severity, code, message), and a summary line;
/// JSON: the findings as in `analyze --json` with their counts.
void printValidation(const Project& project, const Catalog& catalog, const Analysis& analysis,
                     bool json, QTextStream& out);
/// `validate` as text (printValidation() without --json).
void printValidationText(const Project& project, const Analysis& analysis, QTextStream& out);

/// Shared by the JSON and text forms.
/// Findings grouped by hall in project order (then those without a hall), engine order within.
QList<Finding> orderedFindings(const Project& project, const Analysis& analysis);
/// The model of catalog item `id`, or empty when unknown.
QString modelOf(const Catalog& catalog, const QString& id);
/// A failure scenario was simulated (not normal operation).
bool failureSimulated(const Analysis& analysis);

/// Switches of one role in a fabric: how many the sizing needs, how many stand on the floor.
struct FabricSwitchCount {
  int needed = 0;
  int placed = 0;
};
FabricSwitchCount fabricSwitchCount(const FabricSummary& fabric, SwitchRole role);

/// Source title -> URL, from every figure in the catalog, so JSON output can link each source.
QHash<QString, QString> sourceUrls(const Catalog& catalog);
/// One finding as `analyze --json` writes it (code, severity, subject, figures, message).
QJsonObject findingJson(const Finding& finding, const QHash<QString, QString>& urls);

/// Workload fit (cliworkload.cpp), the same objects in `fit --json` and `analyze --json`:
/// a pool as the fit pass found it, and one workload's fit with its checks and `findings` (the
/// JSON of the findings that concern it). Keys that do not apply to the workload's kind are
/// null (docs/cli.md).
QJsonObject workloadPoolJson(const PoolSummary& pool);
QJsonObject workloadFitJson(const WorkloadFit& fit, const PoolSummary* pool,
                            const QJsonArray& findings);
/// The finding's subject or a related object is the fit's workload or its pool.
bool findingConcerns(const Finding& finding, const WorkloadFit& fit);
/// Memory per GPU of an inference replica: (weights + batch x KV of a sequence) / its GPUs.
double inferenceMemoryPerGpuBytes(const InferenceFit& inference);

/// `catalog [--json]`: items by vendor and kind; JSON carries every figure with its source.
void printCatalog(const CatalogLoadResult& loaded, bool json, QTextStream& out);

}  // namespace dc
