// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QUndoStack>

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
  void setProjectInfo(const QString& name, const QString& author, const QString& description);

 Q_SIGNALS:
  void racksInserted(const QList<dc::RackId>& ids);
  void racksRemoved(const QList<dc::RackId>& ids);
  void racksChanged(const QList<dc::RackId>& ids);
  void projectInfoChanged();
  /// After every mutation: the design changed, re-analyse.
  void changed();

 private:
  void notifyRacksChanged(const QList<RackId>& ids);

  Project mProject;
  QUndoStack mUndoStack;
};

}  // namespace dc
