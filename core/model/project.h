// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "hall.h"
#include "ids.h"
#include "rack.h"

#include <QHash>
#include <QList>
#include <QString>

namespace dc {

/// A whole design: its halls and the racks placed in them.
///
/// A plain value: copying a Project *is* taking a snapshot (Qt containers are implicitly
/// shared, so the copy is cheap until one side changes). Racks are kept in one list with an
/// id -> index map so look-ups stay O(1) in designs with tens of thousands of racks.
class Project final {
 public:
  Project() = default;

  const QString& name() const noexcept { return mName; }
  const QString& author() const noexcept { return mAuthor; }
  const QString& description() const noexcept { return mDescription; }
  bool setName(const QString& name);
  bool setAuthor(const QString& author);
  bool setDescription(const QString& description);

  const QList<Hall>& halls() const noexcept { return mHalls; }
  const Hall* findHall(HallId id) const noexcept;
  Hall* findHall(HallId id) noexcept;
  void insertHall(qsizetype index, Hall hall);  ///< Throws on a null or duplicate id.
  Hall removeHall(HallId id,
                  qsizetype* indexOut = nullptr);  ///< Throws if racks still stand in it.

  const QList<Rack>& racks() const noexcept { return mRacks; }
  const Rack* findRack(RackId id) const noexcept;
  Rack* findRack(RackId id) noexcept;
  qsizetype rackIndex(RackId id) const noexcept;  ///< -1 when unknown.
  /// Throws on a null or duplicate id, or a hall id that is not in the project.
  void insertRack(qsizetype index, Rack rack);
  Rack removeRack(RackId id, qsizetype* indexOut = nullptr);  ///< Throws on an unknown id.

  friend bool operator==(const Project& a, const Project& b) {
    return a.mName == b.mName && a.mAuthor == b.mAuthor && a.mDescription == b.mDescription &&
           a.mHalls == b.mHalls && a.mRacks == b.mRacks;
  }

 private:
  void reindexRacks(qsizetype from);

  QString mName;
  QString mAuthor;
  QString mDescription;
  QList<Hall> mHalls;
  QList<Rack> mRacks;
  QHash<RackId, qsizetype> mRackIndex;  ///< Invariant: mRacks[mRackIndex[id]].id() == id.
};

}  // namespace dc
