// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by tst_commands.cpp: fixture ids, project dumps, a signal counter for the document and
// the seeded random editor that drives the undo/redo property test. Included by one file only.
#pragma once

#include "catalog/catalogloader.h"
#include "edit/cmdaddrack.h"
#include "edit/cmdeditproject.h"
#include "edit/cmdeditrack.h"
#include "edit/cmdmoveracks.h"
#include "edit/cmdremoveracks.h"
#include "edit/cmdrotateracks.h"
#include "edit/placement.h"
#include "testdesigns.h"
#include "testprinters.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <stdexcept>

using namespace dc;
using namespace dc::test;

namespace {

const QString k42U = QStringLiteral("apc/ar3300");                // 42U, 600 x 1200 mm
const QString k48U = QStringLiteral("conteg/ri7-48-60-120");      // 48U, 600 x 1200 mm
const QString kNvl72 = QStringLiteral("nvidia/gb200-nvl72");      // rack-scale, no usable U
const QString kH100 = QStringLiteral("nvidia/dgx-h100");          // 8U
const QString kB200 = QStringLiteral("nvidia/dgx-b200");          // 10U
const QString kQm9700 = QStringLiteral("nvidia/qm9700");          // 1U
const QString kPdu = QStringLiteral("generic/pdu-415v-3ph-32a");  // 0U

/// Readable text of a project, for failure messages.
QString describe(const Project& project) {
  QStringList lines{QStringLiteral("project '%1' '%2' '%3'")
                        .arg(project.name(), project.author(), project.description())};
  for (const Rack& r : project.racks()) {
    QStringList mounts;
    for (const Mount& m : r.mounts()) {
      mounts.append(QStringLiteral("%1@%2").arg(m.catalogId).arg(m.lowestU));
    }
    lines.append(QStringLiteral("  %1 %2 row %3 %4 (%5,%6) %7deg %8 [%9]")
                     .arg(r.id().toString().left(8), r.name(), r.row(), r.rackTypeId())
                     .arg(r.positionMm().xMm)
                     .arg(r.positionMm().yMm)
                     .arg(r.rotationDeg())
                     .arg(coolingModeKey(r.coolingMode()), mounts.join(QLatin1Char(' '))));
  }
  return lines.join(QLatin1Char('\n'));
}

/// The id -> index map agrees with the list (it is rebuilt by every insert and remove).
bool indexConsistent(const Project& project) {
  for (qsizetype i = 0; i < project.racks().size(); ++i) {
    if (project.rackIndex(project.racks()[i].id()) != i) {
      return false;
    }
  }
  return true;
}

/// Counts every signal of a document.
struct Spies {
  explicit Spies(DesignDocument& d)
      : inserted(&d, &DesignDocument::racksInserted),
        removed(&d, &DesignDocument::racksRemoved),
        changedRacks(&d, &DesignDocument::racksChanged),
        info(&d, &DesignDocument::projectInfoChanged),
        changed(&d, &DesignDocument::changed) {}

  void clear() {
    inserted.clear();
    removed.clear();
    changedRacks.clear();
    info.clear();
    changed.clear();
  }
  /// "inserted,removed,racksChanged,info,changed" counts.
  QString counts() const {
    return QStringLiteral("%1,%2,%3,%4,%5")
        .arg(inserted.count())
        .arg(removed.count())
        .arg(changedRacks.count())
        .arg(info.count())
        .arg(changed.count());
  }

  QSignalSpy inserted;
  QSignalSpy removed;
  QSignalSpy changedRacks;
  QSignalSpy info;
  QSignalSpy changed;
};

/// Makes random edits through the undo stack, from a fixed seed, and records the project at
/// every stack index: states()[i] is the project after the first i commands.
class RandomEditor {
 public:
  RandomEditor(DesignDocument& document, const Catalog& catalog, HallId hall, quint32 seed)
      : mDoc(document), mCatalog(catalog), mHall(hall), mRng(seed), mStates{document.project()} {}

  const QList<Project>& states() const { return mStates; }
  int rejectedCount() const { return mRejected; }
  int mergedCount() const { return mMerged; }
  int obsoleteCount() const { return mObsolete; }

  /// One random edit (or a short random undo, so that new edits branch off the history).
  void step() {
    const int kind = project().racks().isEmpty() ? 0 : int(mRng.bounded(14));
    switch (kind) {
      case 0:
      case 1:
      case 2:
        return addRack();
      case 3:
        return removeRacks();
      case 4:
      case 5:
        return drag();
      case 6:
        return rotate();
      case 7:
        return editRack(false);
      case 8:
        return editRack(true);
      case 9:
      case 10:
        return addMount();
      case 11:
        return removeMount();
      case 12:
        return editProject();
      default:
        return undoSome();
    }
  }

 private:
  const Project& project() const { return mDoc.project(); }
  QUndoStack& stack() { return mDoc.undoStack(); }
  PointMm randomTileCentre() {
    return {300 + 600 * qint64(mRng.bounded(50)), 600 + 600 * qint64(mRng.bounded(33))};
  }
  RackId randomRack() {
    return project().racks()[mRng.bounded(int(project().racks().size()))].id();
  }
  QList<RackId> randomRacks() {
    QList<RackId> ids;
    const int n = 1 + int(mRng.bounded(3));
    for (int i = 0; i < n; ++i) {
      const RackId id = randomRack();
      if (!ids.contains(id)) {
        ids.append(id);
      }
    }
    return ids;
  }

  /// Pushes `command` and records the result at the stack's new index.
  void push(QUndoCommand* command) {
    const int before = stack().index();
    stack().push(command);
    record(before);
  }
  void record(int indexBefore) {
    const int index = stack().index();
    QVERIFY(indexConsistent(project()));
    if (index < indexBefore) {  // a drag merged back to its start: the step is gone
      ++mObsolete;
      QVERIFY2(project() == mStates[index], qPrintable(describe(project())));
    }
    mStates.resize(index + 1);
    mStates[index] = project();
  }

  void addRack() {
    static const QStringList kTypes{k42U, k48U, kNvl72, kH100, kQm9700};
    const QString type = kTypes[mRng.bounded(int(kTypes.size()))];
    if (mRng.bounded(2) == 0 && type != kH100 && type != kQm9700) {
      Rack rack(RackId::create(), mHall, type, randomTileCentre(), 90 * int(mRng.bounded(4)));
      rack.setName(nextRackName(project()));
      push(new CmdAddRack(mDoc, rack));
      return;
    }
    const PointMm dropMm{qint64(mRng.bounded(30'000)), qint64(mRng.bounded(20'000))};
    push(makeDropOnFloorCommand(mDoc, mCatalog, type, dropMm, k42U).release());
  }

  void removeRacks() { push(new CmdRemoveRacks(mDoc, randomRacks())); }

  /// A drag of 1-3 racks over 1-4 mouse moves with one gesture; one drag in four ends where it
  /// started.
  void drag() {
    QHash<RackId, PointMm> startMm;
    for (RackId id : randomRacks()) {
      startMm.insert(id, project().findRack(id)->positionMm());
    }
    const quint64 gesture = ++mGesture;
    const int moves = 1 + int(mRng.bounded(4));
    const bool back = mRng.bounded(4) == 0;
    for (int m = 0; m < moves; ++m) {
      const qint64 dx = 600 * (qint64(mRng.bounded(7)) - 3);
      const qint64 dy = 600 * (qint64(mRng.bounded(5)) - 2);
      const bool last = m == moves - 1;
      QHash<RackId, PointMm> targetsMm;
      for (auto it = startMm.cbegin(); it != startMm.cend(); ++it) {
        targetsMm.insert(it.key(), last && back ? it.value() : PointMm{it->xMm + dx, it->yMm + dy});
      }
      const int countBefore = stack().count();
      push(new CmdMoveRacks(mDoc, targetsMm, gesture));
      mMerged += m > 0 && stack().count() <= countBefore ? 1 : 0;
    }
  }

  void rotate() {
    static const int kSteps[] = {90, 180, 270, -90};
    push(new CmdRotateRacks(mDoc, randomRacks(), kSteps[mRng.bounded(4)]));
  }

  /// Renames a rack or changes its row and cooling mode (sometimes to what it already is).
  void editRack(bool cooling) {
    static const QStringList kNames{"R01", "A-01", "A-02", "B-07", "spare"};
    static const QList<CoolingMode> kModes{CoolingMode::Air, CoolingMode::RearDoor,
                                           CoolingMode::DirectToChip,
                                           CoolingMode::DirectToChipRearDoor};
    Rack rack = *project().findRack(randomRack());
    if (cooling) {
      rack.setCoolingMode(kModes[mRng.bounded(int(kModes.size()))]);
      rack.setRow(QStringLiteral("%1").arg(QChar(u'A' + char16_t(mRng.bounded(4)))));
    } else {
      rack.setName(kNames[mRng.bounded(int(kNames.size()))]);
    }
    push(new CmdEditRack(mDoc, rack, QStringLiteral("Edit rack")));
  }

  void addMount() {
    static const QStringList kDevices{kH100, kB200, kQm9700, kPdu, kH100, kB200};
    const RackId id = randomRack();
    const QString device = kDevices[mRng.bounded(int(kDevices.size()))];
    const Project before = project();
    const int index = stack().index();
    try {
      push(makeAddMountCommand(mDoc, mCatalog, id, device).release());
    } catch (const PlacementError&) {  // full rack or rack-scale system: nothing changes
      ++mRejected;
      QVERIFY(project() == before);
      QCOMPARE(stack().index(), index);
    }
  }

  void removeMount() {
    const Rack& rack = *project().findRack(randomRack());
    if (rack.mounts().isEmpty()) {
      return addMount();
    }
    const MountId mount = rack.mounts()[mRng.bounded(int(rack.mounts().size()))].id;
    push(makeRemoveMountCommand(mDoc, mCatalog, rack.id(), mount).release());
  }

  void editProject() {
    static const QStringList kTexts{"", "SU 1", "SU 2", "Hall 1 design"};
    auto pick = [&] {
      return kTexts[mRng.bounded(int(kTexts.size()))];
    };
    const QString name = pick();
    const QString author = pick();
    push(new CmdEditProject(mDoc, name, author, pick()));
  }

  /// Undoes 1-3 steps, checking each state; the next push drops the undone branch.
  void undoSome() {
    const int n = 1 + int(mRng.bounded(3));
    for (int i = 0; i < n && stack().canUndo(); ++i) {
      stack().undo();
      QVERIFY2(project() == mStates[stack().index()], qPrintable(describe(project())));
    }
  }

  DesignDocument& mDoc;
  const Catalog& mCatalog;
  HallId mHall;
  QRandomGenerator mRng;
  QList<Project> mStates;
  quint64 mGesture = 0;
  int mRejected = 0;
  int mMerged = 0;
  int mObsolete = 0;
};

}  // namespace
