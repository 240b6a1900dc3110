// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "specvalue.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace dc {

/// What a catalog item is. Its key is the JSON `kind` text.
enum class ItemKind {
  Accelerator,
  Server,
  RackScaleSystem,
  Switch,
  Appliance,
  Storage,
  Transceiver,
  Cable,
  Rack,
  Pdu,
  PowerShelf,
  BuswayTapoff,
  Ups,        ///< a UPS frame or system; stands in an electrical room, not in a rack position
  Busway,     ///< an overhead busway run; not mountable
  PowerRack,  ///< an 800 VDC power rack or sidecar standing in a rack position next to IT racks
  RearDoor,
  Cdu,
  InRowCooler,
  Crah,
};

QString itemKindKey(ItemKind kind);   ///< "rack-scale-system"
QString itemKindName(ItemKind kind);  ///< "Rack-scale system"
bool itemKindFromKey(const QString& key, ItemKind* kind);
QList<ItemKind> allItemKinds();

/// A network port group of a device: `count` ports of `speedGbps` each, for one purpose.
struct PortGroup {
  int count = 0;
  double speedGbps = 0.0;
  QString purpose;  ///< compute, storage, in-band, out-of-band, scale-up, any
  QString connector;
  QString protocol;
  QString cage;          ///< transceiver cage ("osfp-twin-finned"); empty when not stated
  int portsPerCage = 1;  ///< ports sharing one cage (and one module): 2 in a twin-port OSFP

  friend bool operator==(const PortGroup&, const PortGroup&) = default;
};

/// One item of the vendor catalog, read-only once loaded.
///
/// Every number lives in `figures`, keyed by its JSON path ("maxPowerW", "psu.ratingW",
/// "ports[0].speedGbps", "coolingUnit.ratings[1].capacityW"), each with its source and
/// confidence; every text in `texts` under the same kind of path. The typed members below are
/// the few facts the engine and the editors need directly, read from the same JSON.
struct CatalogItem {
  QString id;  ///< stable, vendor-scoped: "nvidia/dgx-h100"
  QString vendor;
  QString model;
  QString family;
  QString description;
  ItemKind kind = ItemKind::Server;
  Source source;  ///< the item's default source
  Confidence confidence = Confidence::Vendor;
  QString file;  ///< catalog file it was loaded from

  std::optional<int> heightU;  ///< rack units occupied; absent for floor units and parts
  bool fillsRack = false;      ///< a rack-scale system placed as a whole rack
  QString formFactor;          ///< "eia-19in", "orv3-21in" or empty
  QString cooling;             ///< "air", "liquid", "hybrid" or empty
  QString acceleratorPart;     ///< catalog id of the accelerator, if any
  int acceleratorCount = 0;
  int usableU = 0;  ///< for racks: rack units available for mounts
  QList<PortGroup> ports;

  QMap<QString, SpecValue> figures;
  QMap<QString, QString> texts;

  const SpecValue* figure(const QString& path) const {
    const auto it = figures.constFind(path);
    return it == figures.cend() ? nullptr : &it.value();
  }
  double figureValue(const QString& path, double fallback = 0.0) const {
    const SpecValue* f = figure(path);
    return f ? f->value : fallback;
  }

  const SpecValue* maxPowerW() const { return figure(QStringLiteral("maxPowerW")); }
  const SpecValue* typicalPowerW() const { return figure(QStringLiteral("typicalPowerW")); }
  const SpecValue* widthMm() const { return figure(QStringLiteral("widthMm")); }
  const SpecValue* depthMm() const { return figure(QStringLiteral("depthMm")); }
  const SpecValue* weightKg() const { return figure(QStringLiteral("weightKg")); }

  /// Placed on the floor plan as a rack position (racks, rack-scale systems, power racks,
  /// floor cooling units).
  bool isFloorStanding() const;
  /// Number of elements of an array group ("coolingUnit.ratings", "ports") that hold any field:
  /// one past the highest index present, so a gap never hides the elements after it.
  int arrayLength(const QString& arrayPath) const;
  /// An in-row cooler, CRAH unit or floor CDU: takes a position on the floor, carries no IT
  /// load, and its own power (fans, pumps) is facility load. Never a power rack.
  bool isFloorCoolingUnit() const;
  /// Mounted in a rack (has heightU, 0 for zero-U PDUs, and is not floor-standing).
  bool isMountable() const;
};

}  // namespace dc
