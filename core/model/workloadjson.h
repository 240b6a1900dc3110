// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workload.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dc {

/// Workloads and pools as JSON (docs/workload-json.md): the CLI's workload files, templates and
/// `analyze --json` read and write them through these functions only.
///
/// Keys are the struct fields in camelCase; the model, the small model and the parallelism are
/// nested objects ("model", "smallModel", "parallelism"); enums are their keys ("training",
/// "bf16", "selective", "continuous", "lora", "slurm"); ids are UUID strings.
///
/// The readers are strict: an unknown key, a value of the wrong type, a number that is not
/// finite or not whole where a count is expected, an unknown enum key or a string above its
/// size limit is an error naming the key ("model.heads must be a whole number (got 2.5)").
/// Absent keys keep the defaults of a fresh Workload / WorkloadPool. They check form, not
/// meaning: workloadProblem() and workloadPoolProblem() say whether the values make sense.

/// Every field, defaults included; "id" and "poolId" only when set.
QJsonObject workloadToJson(const Workload& workload);
/// Replaces `*workload` on success; on failure leaves it alone and sets `*error`.
bool workloadFromJson(const QJsonObject& object, Workload* workload, QString* error);

/// Every field; rackIds as id strings, rows as strings (resolving rack names to ids, as a
/// template does, is the caller's business). "id" and "hallId" only when set.
QJsonObject workloadPoolToJson(const WorkloadPool& pool);
bool workloadPoolFromJson(const QJsonObject& object, WorkloadPool* pool, QString* error);

/// The CLI's workload file: a JSON object that is one workload, or {"workloads": [...]}.
/// Refuses text that is not JSON, more than 1 MB, nested more than 16 levels deep, or with
/// more than 1,000 workloads, with a message; on failure `*workloads` is left alone.
bool workloadsFromJsonDocument(const QByteArray& json, QList<Workload>* workloads, QString* error);

/// Limits of the readers (also in docs/workload-json.md).
namespace workloadjson {
constexpr qsizetype kMaxDocumentBytes = 1024 * 1024;
constexpr int kMaxDepth = 16;
constexpr qsizetype kMaxWorkloads = 1000;
constexpr qsizetype kMaxNameChars = 200;
constexpr qsizetype kMaxPoolRacks = 100000;
constexpr qsizetype kMaxPoolRows = 10000;
}  // namespace workloadjson

}  // namespace dc
