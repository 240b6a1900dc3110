// SPDX-License-Identifier: GPL-3.0-or-later
#include "placement.h"

#include "cmdaddrack.h"
#include "cmdeditrack.h"
#include "cmdmoveracks.h"
#include "cmdobjects.h"
#include "cmdremoveracks.h"
#include "cmdrotateracks.h"
#include "engine/footprint.h"
#include "support/firstfreename.h"
#include "support/plural.h"

#include <QCoreApplication>
#include <QSet>

#include <vector>

namespace dc {

namespace {
QString tr(const char* text) {
  return QCoreApplication::translate("dc::placement", text);
}

const CatalogItem& requireItem(const Catalog& catalog, const QString& catalogId) {
  const CatalogItem* item = catalog.find(catalogId);
  if (!item) {
    throw PlacementError(tr("'%1' is not in the catalog.").arg(catalogId).toStdString());
  }
  return *item;
}

/// Several commands as one undo step: redo in order, undo in reverse. Each part was built (and
/// checked) against the same project; the parts touch different objects.
class CmdSequence final : public QUndoCommand {
 public:
  explicit CmdSequence(const QString& text) : QUndoCommand(text) {}
  void append(std::unique_ptr<QUndoCommand> part) {
    if (part && !part->isObsolete()) {
      mParts.push_back(std::move(part));
    }
  }
  bool isEmpty() const noexcept { return mParts.empty(); }
  /// The single part itself when there is one (its own text and merging), else the sequence.
  static std::unique_ptr<QUndoCommand> simplify(std::unique_ptr<CmdSequence> sequence) {
    if (sequence->mParts.empty()) {
      return nullptr;
    }
    if (sequence->mParts.size() == 1) {
      return std::move(sequence->mParts.front());
    }
    return sequence;
  }
  void redo() override {
    for (auto& part : mParts) {
      part->redo();
    }
  }
  void undo() override {
    for (auto it = mParts.rbegin(); it != mParts.rend(); ++it) {
      (*it)->undo();
    }
  }

 private:
  std::vector<std::unique_ptr<QUndoCommand>> mParts;
};

/// Area (mm²) that the simple polygon `polygon` shares with `rect`: the polygon clipped to the
/// rectangle (Sutherland–Hodgman, exact for any simple polygon against a convex clip), then the
/// shoelace formula. 0 when they only touch.
double sharedAreaMm2(const PolygonMm& polygon, const RectMm& rect) {
  struct P {
    double x, y;
  };
  std::vector<P> poly;
  for (const PointMm& p : polygon) {
    poly.push_back({double(p.xMm), double(p.yMm)});
  }
  const auto clip = [&](auto inside, auto cross) {
    std::vector<P> out;
    for (std::size_t i = 0; i < poly.size(); ++i) {
      const P a = poly[i];
      const P b = poly[(i + 1) % poly.size()];
      if (inside(b)) {
        if (!inside(a)) {
          out.push_back(cross(a, b));
        }
        out.push_back(b);
      } else if (inside(a)) {
        out.push_back(cross(a, b));
      }
    }
    poly = std::move(out);
  };
  const auto atX = [](double x) {
    return [x](P a, P b) {
      return P{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)};
    };
  };
  const auto atY = [](double y) {
    return [y](P a, P b) {
      return P{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y};
    };
  };
  const double x0 = double(rect.x0Mm), x1 = double(rect.x1Mm);
  const double y0 = double(rect.y0Mm), y1 = double(rect.y1Mm);
  clip([x0](P p) { return p.x >= x0; }, atX(x0));
  clip([x1](P p) { return p.x <= x1; }, atX(x1));
  clip([y0](P p) { return p.y >= y0; }, atY(y0));
  clip([y1](P p) { return p.y <= y1; }, atY(y1));
  double twice = 0.0;
  for (std::size_t i = 0; i < poly.size(); ++i) {
    const P a = poly[i];
    const P b = poly[(i + 1) % poly.size()];
    twice += a.x * b.y - b.x * a.y;
  }
  return std::abs(twice) / 2.0;
}

/// Throws PlacementError when `footprint` (of the unit called `what`) does not stand wholly
/// inside `hall`, or overlaps one of its obstacles, racks or cooling units.
void checkFloorIsFree(const Project& project, const Catalog& catalog, const Hall& hall,
                      const RectMm& footprint, const QString& what) {
  const double area = double(footprint.widthMm()) * double(footprint.heightMm());
  if (sharedAreaMm2(hall.outlineMm(), footprint) < area - 0.5) {
    throw PlacementError(
        tr("%1 would stand partly outside hall %2.").arg(what, hall.name()).toStdString());
  }
  for (const Obstacle& obstacle : hall.obstacles()) {
    if (sharedAreaMm2(obstacle.outlineMm, footprint) > 0.5) {
      throw PlacementError(tr("%1 would stand on obstacle %2.")
                               .arg(what, obstacle.name.isEmpty() ? tr("(unnamed)") : obstacle.name)
                               .toStdString());
    }
  }
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() == hall.id() && rackFootprintMm(rack, catalog).overlaps(footprint)) {
      throw PlacementError(tr("%1 would overlap rack %2.").arg(what, rack.name()).toStdString());
    }
  }
  for (const CoolingUnit& unit : project.coolingUnits()) {
    if (unit.hallId == hall.id() && coolingUnitFootprintMm(unit, catalog).overlaps(footprint)) {
      throw PlacementError(
          tr("%1 would overlap cooling unit %2.").arg(what, unit.name).toStdString());
    }
  }
}

std::unique_ptr<QUndoCommand> makeDropCoolingUnitCommand(DesignDocument& document,
                                                         const Catalog& catalog,
                                                         const CatalogItem& item, const Hall& hall,
                                                         PointMm dropMm) {
  CoolingUnit unit;
  unit.id = CoolingUnitId::create();
  unit.hallId = hall.id();
  unit.catalogId = item.id;
  unit.name = nextCoolingUnitName(document.project(), hall.id(), item.kind == ItemKind::Cdu);
  RackSizeMm size = rackSizeMm(catalog, item.id);
  if (size.widthMm <= 0 || size.depthMm <= 0) {
    size = kCoolingUnitMarkerSizeMm;
  }
  unit.positionMm = snapRackCentreMm(dropMm, size, 0, hall.tileMm());
  checkFloorIsFree(
      document.project(), catalog, hall, coolingUnitFootprintMm(unit, catalog),
      QStringLiteral("%1 %2 (%3)").arg(itemKindName(item.kind), unit.name, item.model));
  const QString text = tr("Add %1 %2").arg(itemKindName(item.kind).toLower(), unit.name);
  return std::make_unique<CmdInsertObjects<CoolingUnit>>(
      document, QList<QPair<qsizetype, CoolingUnit>>{{-1, unit}}, text);
}
}  // namespace

int lowestFreeU(const Rack& rack, const Catalog& catalog, int heightU) {
  const CatalogItem* type = catalog.find(rack.rackTypeId());
  if (!type || type->kind != ItemKind::Rack || type->usableU <= 0) {
    return -1;
  }
  if (heightU <= 0) {
    return 1;  // zero-U devices (vertical PDUs) use no slots
  }
  QList<bool> used(type->usableU + 1, false);
  for (const Mount& mount : rack.mounts()) {
    const CatalogItem* item = catalog.find(mount.catalogId);
    const int h = item && item->heightU ? *item->heightU : 0;
    for (int u = mount.lowestU; u < mount.lowestU + h && u <= type->usableU; ++u) {
      used[u] = true;
    }
  }
  for (int low = 1; low + heightU - 1 <= type->usableU; ++low) {
    bool free = true;
    for (int u = low; u < low + heightU && free; ++u) {
      free = !used[u];
    }
    if (free) {
      return low;
    }
  }
  return -1;
}

QString nextRackName(const Project& project, QChar prefix) {
  QSet<QString> names;
  for (const Rack& rack : project.racks()) {
    names.insert(rack.name());
  }
  return firstFreeName(names, [prefix](int n) {
    return prefix + QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
  });
}

QString nextCoolingUnitName(const Project& project, HallId hallId, bool cdu) {
  QSet<QString> names;
  for (const CoolingUnit& unit : project.coolingUnits()) {
    if (unit.hallId == hallId) {
      names.insert(unit.name);
    }
  }
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() == hallId) {
      names.insert(rack.name());
    }
  }
  return firstFreeName(names, [cdu](int n) {
    return cdu ? QStringLiteral("CDU-%1").arg(n)
               : QStringLiteral("C%1").arg(n, 2, 10, QLatin1Char('0'));
  });
}

std::unique_ptr<QUndoCommand> makeDropCommand(DesignDocument& document, const Catalog& catalog,
                                              const QString& catalogId, PointMm dropMm,
                                              RackId targetRack, const QString& defaultRackTypeId) {
  const CatalogItem& item = requireItem(catalog, catalogId);
  if (item.kind == ItemKind::RearDoor) {
    if (targetRack.isNull()) {
      throw PlacementError(tr("%1 %2 is a rear door: drop a rear door onto a rack.")
                               .arg(item.vendor, item.model)
                               .toStdString());
    }
    return makeFitRearDoorCommand(document, catalog, targetRack, catalogId);
  }
  if (item.isMountable() && !targetRack.isNull()) {
    return makeAddMountCommand(document, catalog, targetRack, catalogId);
  }
  return makeDropOnFloorCommand(document, catalog, catalogId, dropMm, defaultRackTypeId);
}

std::unique_ptr<QUndoCommand> makeDropOnFloorCommand(DesignDocument& document,
                                                     const Catalog& catalog,
                                                     const QString& catalogId, PointMm dropMm,
                                                     const QString& defaultRackTypeId) {
  const CatalogItem& item = requireItem(catalog, catalogId);
  const Hall* hall = document.project().findHall(document.activeHallId());
  if (!hall) {
    throw PlacementError(tr("The project has no hall to place racks in.").toStdString());
  }
  if (item.kind == ItemKind::RearDoor) {
    throw PlacementError(tr("%1 %2 is a rear door: drop a rear door onto a rack.")
                             .arg(item.vendor, item.model)
                             .toStdString());
  }
  if (item.isFloorCoolingUnit()) {
    return makeDropCoolingUnitCommand(document, catalog, item, *hall, dropMm);
  }
  QString rackTypeId = catalogId;
  QList<Mount> mounts;
  if (!item.isFloorStanding()) {
    if (!item.isMountable()) {
      throw PlacementError(tr("%1 %2 (%3) is neither a rack nor mountable in one.")
                               .arg(item.vendor, item.model, itemKindName(item.kind))
                               .toStdString());
    }
    const CatalogItem& rackType = requireItem(catalog, defaultRackTypeId);
    if (rackType.kind != ItemKind::Rack || item.heightU.value_or(0) > rackType.usableU) {
      throw PlacementError(tr("%1 %2 does not fit in the default rack %3.")
                               .arg(item.vendor, item.model, rackType.model)
                               .toStdString());
    }
    rackTypeId = defaultRackTypeId;
    mounts.append({MountId::create(), catalogId, 1});
  }
  const RackSizeMm size = rackSizeMm(catalog, rackTypeId);
  if (size.widthMm <= 0 || size.depthMm <= 0) {
    throw PlacementError(
        tr("%1 has no published footprint (width and depth) in the catalog, so it "
           "cannot be drawn to scale. Add the figures with their source in a user catalog.")
            .arg(catalog.find(rackTypeId)->model)
            .toStdString());
  }
  const PointMm centreMm = snapRackCentreMm(dropMm, size, 0, hall->tileMm());
  Rack rack(RackId::create(), hall->id(), rackTypeId, centreMm);
  rack.setName(nextRackName(document.project()));
  // Liquid-cooled systems (cold plates) arrive with the cooling they are built for; the
  // architect can still change it in the properties.
  if (item.cooling == QLatin1String("liquid") || item.cooling == QLatin1String("hybrid")) {
    rack.setCoolingMode(CoolingMode::DirectToChip);
  }
  for (const Mount& mount : mounts) {
    rack.insertMount(-1, mount);
  }
  return std::make_unique<CmdAddRack>(document, std::move(rack));
}

std::unique_ptr<QUndoCommand> makeAddMountCommand(DesignDocument& document, const Catalog& catalog,
                                                  RackId rackId, const QString& catalogId) {
  const CatalogItem& item = requireItem(catalog, catalogId);
  const Rack* rack = document.project().findRack(rackId);
  if (!rack) {
    throw PlacementError(tr("The rack no longer exists.").toStdString());
  }
  if (!item.isMountable()) {
    throw PlacementError(tr("%1 %2 (%3) cannot be mounted in a rack.")
                             .arg(item.vendor, item.model, itemKindName(item.kind))
                             .toStdString());
  }
  const CatalogItem* rackType = catalog.find(rack->rackTypeId());
  if (!rackType || rackType->kind != ItemKind::Rack || rackType->usableU <= 0) {
    throw PlacementError(
        tr("Rack %1 is %2, which takes no mounted devices.")
            .arg(rack->name(), rackType ? rackType->vendor + QLatin1Char(' ') + rackType->model
                                        : tr("of an unknown type"))
            .toStdString());
  }
  const int lowU = lowestFreeU(*rack, catalog, item.heightU.value_or(0));
  if (lowU < 0) {
    throw PlacementError(tr("Rack %1 has no %2 free rack units for %3 %4.")
                             .arg(rack->name())
                             .arg(item.heightU.value_or(0))
                             .arg(item.vendor, item.model)
                             .toStdString());
  }
  Rack edited = *rack;
  edited.insertMount(-1, {MountId::create(), catalogId, lowU});
  return std::make_unique<CmdEditRack>(document, std::move(edited),
                                       tr("Mount %1 in %2").arg(item.model, rack->name()));
}

std::unique_ptr<QUndoCommand> makeFitRearDoorCommand(DesignDocument& document,
                                                     const Catalog& catalog, RackId rackId,
                                                     const QString& doorId) {
  const CatalogItem& door = requireItem(catalog, doorId);
  const Rack* rack = document.project().findRack(rackId);
  if (!rack) {
    throw PlacementError(tr("The rack no longer exists.").toStdString());
  }
  if (door.kind != ItemKind::RearDoor) {
    throw PlacementError(tr("%1 %2 (%3) is not a rear door.")
                             .arg(door.vendor, door.model, itemKindName(door.kind))
                             .toStdString());
  }
  const CatalogItem* type = catalog.find(rack->rackTypeId());
  if (type && type->isFloorCoolingUnit()) {
    throw PlacementError(tr("%1 is a cooling unit, not a rack: drop the rear door onto a rack.")
                             .arg(rack->name())
                             .toStdString());
  }
  if (type && type->texts.value(QStringLiteral("rearDoor")) == QLatin1String("none")) {
    throw PlacementError(tr("Rack %1 cannot take %2 %3: %4 %5 has no rear-door provision.")
                             .arg(rack->name(), door.vendor, door.model, type->vendor, type->model)
                             .toStdString());
  }
  if (rack->rearDoorId() == doorId) {
    throw PlacementError(
        tr("Rack %1 already has %2 %3.").arg(rack->name(), door.vendor, door.model).toStdString());
  }
  Rack edited = *rack;
  edited.setRearDoorId(doorId);
  if (edited.coolingMode() == CoolingMode::Air) {
    edited.setCoolingMode(CoolingMode::RearDoor);
  } else if (edited.coolingMode() == CoolingMode::DirectToChip) {
    edited.setCoolingMode(CoolingMode::DirectToChipRearDoor);
  }
  const QString text = rack->rearDoorId().isEmpty()
                           ? tr("Fit %1 to %2").arg(door.model, rack->name())
                           : tr("Replace rear door of %1 with %2").arg(rack->name(), door.model);
  return std::make_unique<CmdEditRack>(document, std::move(edited), text);
}

std::unique_ptr<QUndoCommand> makeRemoveRearDoorCommand(DesignDocument& document,
                                                        const Catalog& catalog, RackId rackId) {
  const Rack* rack = document.project().findRack(rackId);
  if (!rack) {
    throw PlacementError(tr("The rack no longer exists.").toStdString());
  }
  if (rack->rearDoorId().isEmpty()) {
    throw PlacementError(tr("Rack %1 has no rear door to remove.").arg(rack->name()).toStdString());
  }
  const CatalogItem* door = catalog.find(rack->rearDoorId());
  Rack edited = *rack;
  edited.setRearDoorId(QString());
  if (edited.coolingMode() == CoolingMode::RearDoor) {
    edited.setCoolingMode(CoolingMode::Air);
  } else if (edited.coolingMode() == CoolingMode::DirectToChipRearDoor) {
    edited.setCoolingMode(CoolingMode::DirectToChip);
  }
  return std::make_unique<CmdEditRack>(
      document, std::move(edited),
      tr("Remove %1 from %2").arg(door ? door->model : rack->rearDoorId(), rack->name()));
}

std::unique_ptr<QUndoCommand> makeMoveSelectionCommand(
    DesignDocument& document, const QHash<RackId, PointMm>& rackPositionsMm,
    const QHash<CoolingUnitId, PointMm>& unitPositionsMm) {
  const int count = int(rackPositionsMm.size() + unitPositionsMm.size());
  auto sequence =
      std::make_unique<CmdSequence>(tr("Move %1").arg(countOf(count, "object", "objects")));
  if (!rackPositionsMm.isEmpty()) {
    sequence->append(std::make_unique<CmdMoveRacks>(document, rackPositionsMm));
  }
  for (auto it = unitPositionsMm.cbegin(); it != unitPositionsMm.cend(); ++it) {
    const CoolingUnit* unit = document.project().findCoolingUnit(it.key());
    if (!unit) {
      throw std::invalid_argument("makeMoveSelectionCommand: unknown cooling unit id");
    }
    CoolingUnit moved = *unit;
    moved.positionMm = it.value();
    sequence->append(std::make_unique<CmdReplaceObject<CoolingUnit>>(
        document, moved, tr("Move %1").arg(unit->name)));
  }
  return CmdSequence::simplify(std::move(sequence));
}

std::unique_ptr<QUndoCommand> makeRotateSelectionCommand(DesignDocument& document,
                                                         const QList<RackId>& rackIds,
                                                         const QList<CoolingUnitId>& unitIds) {
  auto sequence = std::make_unique<CmdSequence>(
      tr("Rotate %1").arg(countOf(rackIds.size() + unitIds.size(), "object", "objects")));
  if (!rackIds.isEmpty()) {
    sequence->append(std::make_unique<CmdRotateRacks>(document, rackIds, 90));
  }
  for (CoolingUnitId id : unitIds) {
    const CoolingUnit* unit = document.project().findCoolingUnit(id);
    if (!unit) {
      throw std::invalid_argument("makeRotateSelectionCommand: unknown cooling unit id");
    }
    CoolingUnit turned = *unit;
    turned.rotationDeg = (unit->rotationDeg + 90) % 360;
    sequence->append(std::make_unique<CmdReplaceObject<CoolingUnit>>(
        document, turned, tr("Rotate %1").arg(unit->name)));
  }
  return CmdSequence::simplify(std::move(sequence));
}

std::unique_ptr<QUndoCommand> makeRemoveSelectionCommand(DesignDocument& document,
                                                         const QList<RackId>& rackIds,
                                                         const QList<CoolingUnitId>& unitIds) {
  auto sequence = std::make_unique<CmdSequence>(
      tr("Delete %1").arg(countOf(rackIds.size() + unitIds.size(), "object", "objects")));
  if (!rackIds.isEmpty()) {
    sequence->append(std::make_unique<CmdRemoveRacks>(document, rackIds));
  }
  if (!unitIds.isEmpty()) {
    sequence->append(std::make_unique<CmdRemoveObjects<CoolingUnit>>(
        document, unitIds,
        tr("Delete %1").arg(countOf(unitIds.size(), "cooling unit", "cooling units"))));
  }
  return CmdSequence::simplify(std::move(sequence));
}

std::unique_ptr<QUndoCommand> makeRemoveMountCommand(DesignDocument& document,
                                                     const Catalog& catalog, RackId rackId,
                                                     MountId mountId) {
  const Rack* rack = document.project().findRack(rackId);
  if (!rack || !rack->findMount(mountId)) {
    throw PlacementError(tr("That device is no longer in the rack.").toStdString());
  }
  Rack edited = *rack;
  const Mount removed = edited.removeMount(mountId);
  const CatalogItem* item = catalog.find(removed.catalogId);
  return std::make_unique<CmdEditRack>(
      document, std::move(edited),
      tr("Remove %1 from %2").arg(item ? item->model : removed.catalogId, rack->name()));
}

}  // namespace dc
