// SPDX-License-Identifier: GPL-3.0-or-later
#include "designdocument.h"

#include <algorithm>
#include <stdexcept>

namespace dc {

DesignDocument::DesignDocument(Project project, QObject* parent)
    : QObject(parent), mProject(std::move(project)) {
}

bool DesignDocument::tryPush(const std::function<std::unique_ptr<QUndoCommand>()>& build,
                             QString* error) {
  std::unique_ptr<QUndoCommand> command;
  try {
    command = build();
  } catch (const std::exception& e) {
    if (error) {
      *error = QString::fromUtf8(e.what());
    }
    return false;
  }
  if (!command) {
    return false;
  }
  mUndoStack.push(command.release());
  return true;
}

HallId DesignDocument::activeHallId() const {
  return mProject.halls().isEmpty() ? HallId() : mProject.halls().first().id();
}

void DesignDocument::insertRacks(const QList<QPair<qsizetype, Rack>>& racks) {
  QList<RackId> ids;
  for (const auto& [index, rack] : racks) {
    mProject.insertRack(index, rack);
    ids.append(rack.id());
  }
  if (!ids.isEmpty()) {
    Q_EMIT racksInserted(ids);
    Q_EMIT changed();
  }
}

void DesignDocument::removeRacks(const QList<RackId>& ids) {
  for (RackId id : ids) {
    if (!mProject.findRack(id)) {
      throw std::invalid_argument("removeRacks: unknown rack id");
    }
  }
  QList<RackId> removed;
  for (RackId id : ids) {
    if (mProject.findRack(id)) {  // a repeated id is removed once
      mProject.removeRack(id);
      removed.append(id);
    }
  }
  if (!removed.isEmpty()) {
    Q_EMIT racksRemoved(removed);
    Q_EMIT changed();
  }
}

namespace {
/// Sets one property on each rack named in `values`; returns the racks that changed, in a
/// stable order (the project's), for one racksChanged signal.
template <typename T, typename Setter>
QList<RackId> setOnRacks(Project& project, const QHash<RackId, T>& values, Setter set) {
  QList<RackId> ids;
  for (auto it = values.cbegin(); it != values.cend(); ++it) {
    Rack* rack = project.findRack(it.key());
    if (rack && set(*rack, it.value())) {
      ids.append(it.key());
    }
  }
  std::sort(ids.begin(), ids.end(),
            [&](RackId a, RackId b) { return project.rackIndex(a) < project.rackIndex(b); });
  return ids;
}
}  // namespace

void DesignDocument::notifyRacksChanged(const QList<RackId>& ids) {
  if (!ids.isEmpty()) {
    Q_EMIT racksChanged(ids);
    Q_EMIT changed();
  }
}

void DesignDocument::moveRacks(const QHash<RackId, PointMm>& positionsMm) {
  notifyRacksChanged(
      setOnRacks(mProject, positionsMm, [](Rack& r, PointMm p) { return r.setPositionMm(p); }));
}

void DesignDocument::rotateRacks(const QHash<RackId, int>& rotationsDeg) {
  notifyRacksChanged(
      setOnRacks(mProject, rotationsDeg, [](Rack& r, int deg) { return r.setRotationDeg(deg); }));
}

void DesignDocument::replaceRack(const Rack& rack) {
  Rack* current = mProject.findRack(rack.id());
  if (!current) {
    throw std::invalid_argument("replaceRack: unknown rack id");
  }
  if (*current == rack) {
    return;
  }
  if (current->hallId() != rack.hallId()) {
    throw std::invalid_argument("replaceRack: a rack cannot change hall this way");
  }
  *current = rack;
  Q_EMIT racksChanged({rack.id()});
  Q_EMIT changed();
}

void DesignDocument::setAssumptions(const DesignAssumptions& assumptions) {
  if (mProject.setAssumptions(assumptions)) {
    Q_EMIT assumptionsChanged();
    Q_EMIT changed();
  }
}

void DesignDocument::notifyObjects(ObjectKind kind, const QList<QUuid>& ids) {
  Q_EMIT objectsChanged(kind, ids);
  Q_EMIT changed();
}

void DesignDocument::setProjectInfo(const QString& name, const QString& author,
                                    const QString& description, const QString& revision) {
  const bool a = mProject.setName(name);
  const bool b = mProject.setAuthor(author);
  const bool c = mProject.setDescription(description);
  const bool d = mProject.setRevision(revision);
  if (a || b || c || d) {
    Q_EMIT projectInfoChanged();
    Q_EMIT changed();
  }
}

}  // namespace dc
