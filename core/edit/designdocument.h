// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/objectkind.h"
#include "model/project.h"
#include "objecttraits.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QUndoStack>

#include <algorithm>
#include <functional>
#include <memory>

namespace dc {

/// An open project: the model, its undo stack and the change signals.
///
/// Views read `project()` and listen to the signals; they never mutate. The mutators below are
/// called by commands only (core/edit/cmd*.cpp), so every change is undoable. Each mutator emits
/// exactly one id-carrying signal, then `changed()`, so a 500-rack move is one repaint and one
/// re-analysis.
class DesignDocument final : public QObject {
  Q_OBJECT

 public:
  explicit DesignDocument(Project project, QObject* parent = nullptr);
  DesignDocument(const DesignDocument&) = delete;
  DesignDocument& operator=(const DesignDocument&) = delete;

  const Project& project() const noexcept { return mProject; }
  QUndoStack& undoStack() noexcept { return mUndoStack; }

  /// Builds a command with `build` and pushes it on the undo stack. A command refuses bad input
  /// by throwing from its constructor (before anything changed); that is caught here and its
  /// message returned in `error`, so no user action can crash the studio. True when pushed.
  bool tryPush(const std::function<std::unique_ptr<QUndoCommand>()>& build,
               QString* error = nullptr);

  /// The hall new racks go into: the first hall (the studio edits one hall at a time for now).
  HallId activeHallId() const;

  // --- For commands only ---
  /// Inserts racks at their indices, in the given order (ascending indices restore a removal).
  void insertRacks(const QList<QPair<qsizetype, Rack>>& racks);
  void insertRack(qsizetype index, Rack rack) { insertRacks({{index, std::move(rack)}}); }
  /// Removes racks; throws std::invalid_argument (nothing removed) on an unknown id.
  void removeRacks(const QList<RackId>& ids);
  void removeRack(RackId id) { removeRacks({id}); }
  void moveRacks(const QHash<RackId, PointMm>& positionsMm);
  void rotateRacks(const QHash<RackId, int>& rotationsDeg);
  void replaceRack(const Rack& rack);  ///< same id; any property, mounts included
  void setProjectInfo(const QString& name, const QString& author, const QString& description,
                      const QString& revision);
  void setAssumptions(const DesignAssumptions& assumptions);

  /// Generic mutators for object kinds with ObjectTraits (power nodes today). Each emits one
  /// objectsChanged() with the kind and ids, then changed().
  template <typename T>
  void insertObjects(const QList<QPair<qsizetype, T>>& objects) {
    QList<QUuid> ids;
    for (const auto& [index, object] : objects) {
      ObjectTraits<T>::insert(mProject, index, object);
      ids.append(ObjectTraits<T>::idOf(object).uuid());
    }
    notifyObjects(ObjectTraits<T>::kind, ids);
  }
  /// Removes objects; fills `removed` with (index, object) in ascending index order, so
  /// insertObjects(removed) restores them exactly.
  template <typename T>
  void removeObjects(const QList<typename ObjectTraits<T>::IdType>& ids,
                     QList<QPair<qsizetype, T>>* removed = nullptr) {
    QList<QPair<qsizetype, T>> taken;
    QList<QUuid> uuids;
    for (auto id : ids) {
      qsizetype index = -1;
      T object = ObjectTraits<T>::remove(mProject, id, &index);
      taken.append({index, std::move(object)});
      uuids.append(id.uuid());
    }
    // Later removals shifted indices down; re-inserting in reverse order of removal restores
    // each at the index it had.
    std::reverse(taken.begin(), taken.end());
    if (removed) {
      *removed = taken;
    }
    notifyObjects(ObjectTraits<T>::kind, uuids);
  }
  template <typename T>
  void replaceObject(const T& object) {
    ObjectTraits<T>::replace(mProject, object);
    notifyObjects(ObjectTraits<T>::kind, {ObjectTraits<T>::idOf(object).uuid()});
  }

 Q_SIGNALS:
  void racksInserted(const QList<dc::RackId>& ids);
  void racksRemoved(const QList<dc::RackId>& ids);
  void racksChanged(const QList<dc::RackId>& ids);
  void projectInfoChanged();
  /// Objects of a generic kind (power nodes, ...) were inserted, removed or replaced.
  void objectsChanged(dc::ObjectKind kind, const QList<QUuid>& ids);
  void assumptionsChanged();
  /// After every mutation: the design changed, re-analyse.
  void changed();

 private:
  void notifyRacksChanged(const QList<RackId>& ids);
  void notifyObjects(ObjectKind kind, const QList<QUuid>& ids);

  Project mProject;
  QUndoStack mUndoStack;
};

}  // namespace dc
