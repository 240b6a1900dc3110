// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeswitches.h"

#include "engine/analyze.h"
#include "engine/cooling/heatmapinput.h"
#include "engine/footprint.h"
#include "placement.h"
#include "support/firstfreename.h"
#include "support/plural.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <optional>

namespace dc {

namespace {

QString tr(const char* text) {
  return QCoreApplication::translate("dc::placeswitches", text);
}

[[noreturn]] void refuse(const QString& message) {
  throw PlacementError(message.toStdString());
}

/// The tile line at or after `mm` (ceil) and at or before it (floor), on the hall's grid from
/// its origin, as snapRackCentreMm() uses.
std::int64_t ceilToTile(std::int64_t mm, int tileMm) {
  if (tileMm <= 0) {
    return mm;
  }
  const std::int64_t q = mm / tileMm;
  const std::int64_t down = (mm < 0 && mm % tileMm != 0) ? q - 1 : q;
  return down * tileMm == mm ? mm : (down + 1) * tileMm;
}

std::int64_t floorToTile(std::int64_t mm, int tileMm) {
  if (tileMm <= 0) {
    return mm;
  }
  const std::int64_t q = mm / tileMm;
  return ((mm < 0 && mm % tileMm != 0) ? q - 1 : q) * tileMm;
}

/// The switches to mount, in order: leaves, then spines, then cores.
QStringList switchModels(const FabricSpec& spec, const SwitchCounts& missing) {
  const QString spine = spec.spineSwitchId.isEmpty() ? spec.leafSwitchId : spec.spineSwitchId;
  QStringList models;
  for (int i = 0; i < missing.leaves; ++i) {
    models.append(spec.leafSwitchId);
  }
  for (int i = 0; i < missing.spines + missing.cores; ++i) {
    models.append(spine);
  }
  return models;
}

/// The switches split into racks: each entry one rack's mounts, stacked from the top unit down.
QList<QList<Mount>> stackSwitches(const Catalog& catalog, const CatalogItem& rackType,
                                  const QStringList& models, int perRack) {
  QList<QList<Mount>> racks;
  int nextTopU = 0;  // the highest free unit of the rack being filled; 0: start a new rack
  for (const QString& id : models) {
    const CatalogItem* item = catalog.find(id);
    if (!item || !item->isMountable() || !item->heightU) {
      refuse(item ? tr("Switch %1 cannot be mounted in a rack.").arg(item->model)
                  : tr("Switch model '%1' is not in the catalog.").arg(id));
    }
    const int heightU = std::max(1, *item->heightU);
    if (heightU > rackType.usableU) {
      refuse(tr("Switch %1 (%2U) does not fit rack type %3 (%4U usable).")
                 .arg(item->model)
                 .arg(heightU)
                 .arg(rackType.model)
                 .arg(rackType.usableU));
    }
    const bool full = racks.isEmpty() || nextTopU - heightU + 1 < 1 ||
                      (perRack > 0 && racks.last().size() >= perRack);
    if (full) {
      racks.append(QList<Mount>());
      nextTopU = rackType.usableU;
    }
    Mount mount;
    mount.id = MountId::create();
    mount.catalogId = id;
    mount.lowestU = nextTopU - heightU + 1;
    racks.last().append(mount);
    nextTopU = mount.lowestU - 1;
  }
  return racks;
}

/// The direction a rack's front faces for its rotation: 0 faces -y (up the drawing), each 90°
/// turns it clockwise on the plan.
PointMm frontDirection(int rotationDeg) {
  switch (((rotationDeg % 360) + 360) % 360) {
    case 90:
      return {1, 0};
    case 180:
      return {0, 1};
    case 270:
      return {-1, 0};
    default:
      return {0, -1};
  }
}

/// Footprints for `count` racks of `size` side by side from the row's `end` rack outwards:
/// `forward` beyond its largest coordinate along the axis, else before its smallest.
QList<RectMm> rowExtension(const RectMm& end, int rotationDeg, RackSizeMm size, int count,
                           int tileMm, bool forward) {
  const bool alongX = rotationDeg % 180 == 0;
  // Side by side: a rack's width runs along its row whichever way the row runs.
  const std::int64_t along = size.widthMm;
  const std::int64_t across = size.depthMm;
  // Across the row: the fronts in line with the end rack's front.
  const PointMm front = frontDirection(rotationDeg);
  std::int64_t a0 = 0;
  if (alongX) {
    a0 = front.yMm < 0 ? end.y0Mm : end.y1Mm - across;
  } else {
    a0 = front.xMm < 0 ? end.x0Mm : end.x1Mm - across;
  }
  QList<RectMm> rects;
  std::int64_t cursor = forward ? ceilToTile(alongX ? end.x1Mm : end.y1Mm, tileMm)
                                : floorToTile(alongX ? end.x0Mm : end.y0Mm, tileMm);
  for (int i = 0; i < count; ++i) {
    const std::int64_t s0 = forward ? cursor : cursor - along;
    cursor = forward ? cursor + along : cursor - along;
    rects.append(alongX ? RectMm{s0, a0, s0 + along, a0 + across}
                        : RectMm{a0, s0, a0 + across, s0 + along});
  }
  return rects;
}

/// Why `racks` cannot join `project` (outside the hall, on an obstacle, over a rack or a cooling
/// unit), from the engine's placement check; empty when they can.
QString placementProblem(const Project& project, const Catalog& catalog, const QList<Rack>& racks) {
  Project trial = project;
  QSet<RackId> added;
  for (const Rack& rack : racks) {
    trial.insertRack(-1, rack);
    added.insert(rack.id());
  }
  for (const Finding& finding : validatePlacement(trial, catalog)) {
    if (added.contains(finding.rackId()) || added.contains(finding.relatedRackId())) {
      return finding.message;
    }
  }
  for (const Rack& rack : racks) {
    const RectMm footprint = rackFootprintMm(rack, catalog);
    for (const CoolingUnit& unit : project.coolingUnits()) {
      if (unit.hallId == rack.hallId() &&
          coolingUnitFootprintMm(unit, catalog).overlaps(footprint)) {
        return tr("Rack %1 would overlap cooling unit %2").arg(rack.name(), unit.name);
      }
    }
  }
  return {};
}

}  // namespace

QString commonRackTypeId(const Project& project, const Catalog& catalog, HallId hallId) {
  QHash<QString, int> counts;
  QString best;
  int bestCount = 0;
  for (const Rack& rack : project.racks()) {
    const CatalogItem* type = catalog.find(rack.rackTypeId());
    if (rack.hallId() != hallId || !type || type->kind != ItemKind::Rack) {
      continue;
    }
    const int count = ++counts[rack.rackTypeId()];
    if (count > bestCount) {
      best = rack.rackTypeId();
      bestCount = count;
    }
  }
  return best;
}

int switchesPerExistingRack(const Project& project, HallId hallId, const QString& switchId) {
  int most = 0;
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() != hallId) {
      continue;
    }
    const auto count = std::count_if(rack.mounts().cbegin(), rack.mounts().cend(),
                                     [&](const Mount& m) { return m.catalogId == switchId; });
    most = std::max(most, int(count));
  }
  return most;
}

QList<Rack> placeSwitchesInRow(const Project& project, const Catalog& catalog,
                               const FabricSpec& spec, const SwitchCounts& missing,
                               const SwitchRowRequest& request) {
  const Hall* hall = project.findHall(spec.hallId);
  if (!hall) {
    refuse(tr("Fabric %1 is not in a hall of the project.").arg(spec.name));
  }
  if (missing.leaves < 0 || missing.spines < 0 || missing.cores < 0 || missing.total() == 0) {
    refuse(tr("Fabric %1 lacks no switches: nothing to place.").arg(spec.name));
  }
  QList<const Rack*> row;
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() == hall->id() && !request.row.isEmpty() && rack.row() == request.row) {
      row.append(&rack);
    }
  }
  if (row.isEmpty()) {
    refuse(tr("Row '%1' has no racks in hall %2.").arg(request.row, hall->name()));
  }
  const QString typeId = commonRackTypeId(project, catalog, hall->id());
  const CatalogItem* type = catalog.find(typeId);
  if (!type || type->usableU <= 0) {
    refuse(tr("Hall %1 has no rack of kind rack to copy for network racks.").arg(hall->name()));
  }
  const QList<QList<Mount>> stacks =
      stackSwitches(catalog, *type, switchModels(spec, missing), request.switchesPerRack);

  const int rotationDeg = row.first()->rotationDeg();
  const bool alongX = rotationDeg % 180 == 0;
  const auto lowAlong = [&](const Rack* r) {
    const RectMm f = rackFootprintMm(*r, catalog);
    return alongX ? f.x0Mm : f.y0Mm;
  };
  const auto highAlong = [&](const Rack* r) {
    const RectMm f = rackFootprintMm(*r, catalog);
    return alongX ? f.x1Mm : f.y1Mm;
  };
  const Rack* last = *std::max_element(row.cbegin(), row.cend(), [&](const Rack* a, const Rack* b) {
    return highAlong(a) < highAlong(b);
  });
  const Rack* first =
      *std::min_element(row.cbegin(), row.cend(),
                        [&](const Rack* a, const Rack* b) { return lowAlong(a) < lowAlong(b); });

  QSet<QString> names;
  for (const Rack& rack : project.racks()) {
    names.insert(rack.name());
  }
  QList<Rack> racks;
  for (const QList<Mount>& mounts : stacks) {
    const QString name = firstFreeName(
        names, [](int n) { return QStringLiteral("N%1").arg(n, 2, 10, QLatin1Char('0')); });
    names.insert(name);
    Rack rack(RackId::create(), hall->id(), typeId, PointMm{}, rotationDeg);
    rack.setName(name);
    rack.setRow(request.row);
    for (const Mount& mount : mounts) {
      rack.insertMount(-1, mount);
    }
    racks.append(rack);
  }

  const RackSizeMm size = rackSizeMm(catalog, typeId);
  QString firstProblem;
  for (const bool forward : {true, false}) {
    const Rack* end = forward ? last : first;
    const QList<RectMm> rects = rowExtension(rackFootprintMm(*end, catalog), end->rotationDeg(),
                                             size, int(racks.size()), hall->tileMm(), forward);
    for (qsizetype i = 0; i < racks.size(); ++i) {
      racks[i].setRotationDeg(end->rotationDeg());
      racks[i].setPositionMm(
          PointMm{(rects[i].x0Mm + rects[i].x1Mm) / 2, (rects[i].y0Mm + rects[i].y1Mm) / 2});
    }
    const QString problem = placementProblem(project, catalog, racks);
    if (problem.isEmpty()) {
      return racks;
    }
    if (firstProblem.isEmpty()) {
      firstProblem = problem;
    }
  }
  refuse(
      tr("No room for %1 at either end of row %2: %3.")
          .arg(countOf(racks.size(), "network rack", "network racks"), request.row, firstProblem));
}

namespace {

/// Inserts the new network racks (one document signal) and, when the fabric lists its switch
/// racks, the fabric with them appended. Old and new values, checked before the push.
class CmdPlaceSwitches final : public QUndoCommand {
 public:
  CmdPlaceSwitches(DesignDocument& document, QList<Rack> racks, std::optional<FabricSpec> oldSpec,
                   std::optional<FabricSpec> newSpec, const QString& text)
      : QUndoCommand(text),
        mDocument(document),
        mRacks(std::move(racks)),
        mOldSpec(std::move(oldSpec)),
        mNewSpec(std::move(newSpec)) {}

  void redo() override {
    QList<QPair<qsizetype, Rack>> inserts;
    for (const Rack& rack : mRacks) {
      inserts.append({-1, rack});
    }
    mDocument.insertRacks(inserts);
    if (mNewSpec) {
      mDocument.replaceObject(*mNewSpec);
    }
  }
  void undo() override {
    if (mOldSpec) {
      mDocument.replaceObject(*mOldSpec);
    }
    QList<RackId> ids;
    for (const Rack& rack : mRacks) {
      ids.append(rack.id());
    }
    mDocument.removeRacks(ids);
  }

 private:
  DesignDocument& mDocument;
  QList<Rack> mRacks;
  std::optional<FabricSpec> mOldSpec;
  std::optional<FabricSpec> mNewSpec;
};

}  // namespace

std::unique_ptr<QUndoCommand> makePlaceSwitchesCommand(DesignDocument& document,
                                                       const Catalog& catalog, FabricSpecId specId,
                                                       const SwitchCounts& missing,
                                                       const SwitchRowRequest& request) {
  const FabricSpec* spec = document.project().findFabricSpec(specId);
  if (!spec) {
    throw std::invalid_argument("makePlaceSwitchesCommand: unknown fabric id");
  }
  QList<Rack> racks = placeSwitchesInRow(document.project(), catalog, *spec, missing, request);
  std::optional<FabricSpec> oldSpec;
  std::optional<FabricSpec> newSpec;
  if (!spec->switchRackIds.isEmpty()) {
    oldSpec = *spec;
    newSpec = *spec;
    Project trial = document.project();
    // Racks the fabric named that were removed since: dropped, or the check below refuses it.
    newSpec->switchRackIds.removeIf([&](RackId id) {
      const Rack* named = trial.findRack(id);
      return !named || named->hallId() != spec->hallId;
    });
    for (const Rack& rack : racks) {
      newSpec->switchRackIds.append(rack.id());
      trial.insertRack(-1, rack);
    }
    ObjectTraits<FabricSpec>::check(trial, *newSpec);
  }
  const QString text =
      tr("Place %1 for %2 in row %3")
          .arg(countOf(missing.total(), "switch", "switches"), spec->name, request.row);
  return std::make_unique<CmdPlaceSwitches>(document, std::move(racks), std::move(oldSpec),
                                            std::move(newSpec), text);
}

}  // namespace dc
