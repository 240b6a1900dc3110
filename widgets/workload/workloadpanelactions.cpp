// SPDX-License-Identifier: GPL-3.0-or-later
// The Workloads panel's edits: new pools and workloads, the generic undoable commands they go
// through, and the dialogs that make them.
#include "edit/cmdobjects.h"
#include "panels/reportededit.h"
#include "pooldialog.h"
#include "poolpalette.h"
#include "support/firstfreename.h"
#include "workloaddialog.h"
#include "workloadpanel.h"

#include <QSet>

namespace dc {

WorkloadPool WorkloadPanel::newPool(bool wholeRows) const {
  const Project& project = mDocument.project();
  WorkloadPool pool;
  pool.id = WorkloadPoolId::create();
  pool.hallId = hallId();
  pool.scheduler = project.workloadPools().isEmpty() ? Scheduler::Slurm : Scheduler::Kubernetes;
  QSet<QString> names;
  QSet<int> colours;
  for (const WorkloadPool& other : project.workloadPools()) {
    names.insert(other.name);
    colours.insert(other.colourIndex);
  }
  const QString base =
      pool.scheduler == Scheduler::Slurm ? tr("Training pool") : tr("Inference pool");
  pool.name = firstFreeName(
      names, [&](int n) { return n == 1 ? base : QStringLiteral("%1 %2").arg(base).arg(n); });
  while (colours.contains(pool.colourIndex) && pool.colourIndex + 1 < poolColourCount()) {
    ++pool.colourIndex;
  }
  for (RackId id : mSelection) {
    const Rack* rack = project.findRack(id);
    if (!rack || rack->hallId() != pool.hallId) {
      continue;
    }
    if (!wholeRows) {
      pool.rackIds.append(id);
    } else if (!rack->row().isEmpty() && !pool.rows.contains(rack->row())) {
      pool.rows.append(rack->row());
    }
  }
  return pool;
}

Workload WorkloadPanel::newWorkload() const {
  const Project& project = mDocument.project();
  Workload workload;
  workload.id = WorkloadId::create();
  const WorkloadPool* pool = project.findWorkloadPool(currentPoolId());
  if (!pool && !project.workloadPools().isEmpty()) {
    pool = &project.workloadPools().first();
  }
  if (pool) {
    workload.poolId = pool->id;
    workload.kind =
        pool->scheduler == Scheduler::Slurm ? WorkloadKind::Training : WorkloadKind::Inference;
  }
  QSet<QString> names;
  for (const Workload& other : project.workloads()) {
    names.insert(other.name);
  }
  const QString base = workloadKindName(workload.kind);
  workload.name = firstFreeName(
      names, [&](int n) { return n == 1 ? base : QStringLiteral("%1 %2").arg(base).arg(n); });
  return workload;
}

bool WorkloadPanel::addPool(const WorkloadPool& pool, QString* error) {
  const bool ok = pushReported(
      [&](QString* message) {
        return pushInsertObject(mDocument, pool, tr("Add pool %1").arg(pool.name), message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
  if (ok) {
    rebuild();
    selectPool(pool.id);
  }
  return ok;
}

bool WorkloadPanel::replacePool(const WorkloadPool& pool, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushReplaceObject(mDocument, pool, tr("Edit pool %1").arg(pool.name), message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool WorkloadPanel::removePool(WorkloadPoolId id, QString* error) {
  const WorkloadPool* pool = mDocument.project().findWorkloadPool(id);
  const QString text = pool ? tr("Delete pool %1").arg(pool->name) : tr("Delete pool");
  return pushReported(
      [&](QString* message) {
        return pushRemoveObject<WorkloadPool>(mDocument, id, text, message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool WorkloadPanel::addWorkload(const Workload& workload, QString* error) {
  const bool ok = pushReported(
      [&](QString* message) {
        return pushInsertObject(mDocument, workload, tr("Add workload %1").arg(workload.name),
                                message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
  if (ok) {
    rebuild();
    selectWorkload(workload.id);
  }
  return ok;
}

bool WorkloadPanel::replaceWorkload(const Workload& workload, QString* error) {
  return pushReported(
      [&](QString* message) {
        return pushReplaceObject(mDocument, workload, tr("Edit workload %1").arg(workload.name),
                                 message);
      },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

bool WorkloadPanel::removeWorkload(WorkloadId id, QString* error) {
  const Workload* workload = mDocument.project().findWorkload(id);
  const QString text =
      workload ? tr("Delete workload %1").arg(workload->name) : tr("Delete workload");
  return pushReported(
      [&](QString* message) { return pushRemoveObject<Workload>(mDocument, id, text, message); },
      [this](const QString& message) { Q_EMIT editFailed(message); }, error);
}

void WorkloadPanel::openNewPoolDialog(bool wholeRows) {
  PoolDialog dialog(newPool(wholeRows), mDocument.project(), mSelection, false, this);
  dialog.setSubmit([this](const WorkloadPool& pool, QString* error) {
    QSignalBlocker block(this);  // the dialog shows the message itself
    return addPool(pool, error);
  });
  dialog.exec();
}

void WorkloadPanel::openEditPoolDialog() {
  const WorkloadPool* pool = mDocument.project().findWorkloadPool(currentPoolId());
  if (!pool) {
    return;
  }
  PoolDialog dialog(*pool, mDocument.project(), mSelection, true, this);
  dialog.setSubmit([this](const WorkloadPool& edited, QString* error) {
    QSignalBlocker block(this);
    return replacePool(edited, error);
  });
  dialog.exec();
}

void WorkloadPanel::openNewWorkloadDialog() {
  WorkloadDialog dialog(newWorkload(), mDocument.project(), false, this);
  dialog.setSubmit([this](const Workload& workload, QString* error) {
    QSignalBlocker block(this);
    return addWorkload(workload, error);
  });
  dialog.exec();
}

void WorkloadPanel::openEditWorkloadDialog() {
  const Workload* workload = mDocument.project().findWorkload(currentWorkloadId());
  if (!workload) {
    return;
  }
  WorkloadDialog dialog(*workload, mDocument.project(), true, this);
  dialog.setSubmit([this](const Workload& edited, QString* error) {
    QSignalBlocker block(this);
    return replaceWorkload(edited, error);
  });
  dialog.exec();
}

}  // namespace dc
