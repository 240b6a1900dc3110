// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designdocument.h"

#include <QUndoCommand>

#include <memory>
#include <stdexcept>

namespace dc {

/// Inserts model objects of any kind with ObjectTraits (power nodes, ...), each at its index
/// (-1: at the end). Checks everything in the constructor, so redo() and undo() never throw.
template <typename T>
class CmdInsertObjects final : public QUndoCommand {
 public:
  using Traits = ObjectTraits<T>;
  CmdInsertObjects(DesignDocument& document, QList<QPair<qsizetype, T>> objects,
                   const QString& text)
      : QUndoCommand(text), mDocument(document), mObjects(std::move(objects)) {
    Project trial = document.project();  // each later object may refer to an earlier one
    for (auto& [index, object] : mObjects) {
      if (Traits::find(trial, Traits::idOf(object)) || Traits::idOf(object).isNull()) {
        throw std::invalid_argument("an inserted object needs a new, non-null id");
      }
      Traits::check(trial, object);
      Traits::insert(trial, index, object);
    }
  }
  void redo() override { mDocument.insertObjects(mObjects); }
  void undo() override {
    QList<typename Traits::IdType> ids;
    for (auto it = mObjects.crbegin(); it != mObjects.crend(); ++it) {
      ids.append(Traits::idOf(it->second));
    }
    mDocument.template removeObjects<T>(ids);
  }

 private:
  DesignDocument& mDocument;
  QList<QPair<qsizetype, T>> mObjects;
};

/// Removes model objects by id; undo puts each back at its index.
template <typename T>
class CmdRemoveObjects final : public QUndoCommand {
 public:
  using Traits = ObjectTraits<T>;
  CmdRemoveObjects(DesignDocument& document, QList<typename Traits::IdType> ids,
                   const QString& text)
      : QUndoCommand(text), mDocument(document), mIds(std::move(ids)) {
    Project trial = document.project();
    for (auto id : mIds) {
      Traits::checkRemovable(trial, id);
      Traits::remove(trial, id, nullptr);
    }
  }
  void redo() override { mDocument.template removeObjects<T>(mIds, &mRemoved); }
  void undo() override { mDocument.insertObjects(mRemoved); }

 private:
  DesignDocument& mDocument;
  QList<typename Traits::IdType> mIds;
  QList<QPair<qsizetype, T>> mRemoved;  ///< filled by redo()
};

/// Replaces one model object by id with a new value; stores old and new.
template <typename T>
class CmdReplaceObject final : public QUndoCommand {
 public:
  using Traits = ObjectTraits<T>;
  CmdReplaceObject(DesignDocument& document, T object, const QString& text)
      : QUndoCommand(text), mDocument(document), mNew(std::move(object)) {
    const T* current = Traits::find(document.project(), Traits::idOf(mNew));
    if (!current) {
      throw std::invalid_argument("unknown object id");
    }
    mOld = *current;
    Project trial = document.project();
    Traits::replace(trial, mNew);
    Traits::check(trial, mNew);
    setObsolete(mOld == mNew);
  }
  void redo() override { mDocument.replaceObject(mNew); }
  void undo() override { mDocument.replaceObject(mOld); }

 private:
  DesignDocument& mDocument;
  T mOld;
  T mNew;
};

/// Replaces the project's design assumptions (every value checked against its range first).
class CmdSetAssumptions final : public QUndoCommand {
 public:
  /// Throws std::invalid_argument naming the first assumption out of range.
  CmdSetAssumptions(DesignDocument& document, DesignAssumptions assumptions,
                    const QString& text = QStringLiteral("Edit design assumptions"));
  void redo() override { mDocument.setAssumptions(mNew); }
  void undo() override { mDocument.setAssumptions(mOld); }

 private:
  DesignDocument& mDocument;
  DesignAssumptions mOld;
  DesignAssumptions mNew;
};

// Push one generic edit, the way panels do: false with the command's refusal in `error` when
// the object may not be inserted, replaced or removed (nothing changes then).
template <typename T>
bool pushInsertObject(DesignDocument& document, const T& object, const QString& text,
                      QString* error) {
  return document.tryPush(
      [&] {
        return std::make_unique<CmdInsertObjects<T>>(
            document, QList<QPair<qsizetype, T>>{{-1, object}}, text);
      },
      error);
}

template <typename T>
bool pushReplaceObject(DesignDocument& document, const T& object, const QString& text,
                       QString* error) {
  return document.tryPush(
      [&] { return std::make_unique<CmdReplaceObject<T>>(document, object, text); }, error);
}

template <typename T>
bool pushRemoveObject(DesignDocument& document, typename ObjectTraits<T>::IdType id,
                      const QString& text, QString* error) {
  return document.tryPush(
      [&] {
        return std::make_unique<CmdRemoveObjects<T>>(
            document, QList<typename ObjectTraits<T>::IdType>{id}, text);
      },
      error);
}

}  // namespace dc
