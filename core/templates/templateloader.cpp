// SPDX-License-Identifier: GPL-3.0-or-later
#include "templateloader.h"

#include "model/workloadjson.h"
#include "support/datafolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace dc {

namespace {

[[noreturn]] void fail(const QString& file, const QString& path, const QString& message) {
  throw TemplateError(QStringLiteral("%1: %2: %3").arg(file, path, message).toStdString());
}

std::int64_t integerMm(const QJsonValue& value, const QString& file, const QString& path) {
  if (!value.isDouble() || value.toDouble() != std::floor(value.toDouble())) {
    fail(file, path, QStringLiteral("must be a whole number of millimetres"));
  }
  return static_cast<std::int64_t>(value.toDouble());
}

PointMm pointMm(const QJsonValue& value, const QString& file, const QString& path) {
  const QJsonArray a = value.toArray();
  if (!value.isArray() || a.size() != 2) {
    fail(file, path, QStringLiteral("must be [xMm, yMm]"));
  }
  return {integerMm(a[0], file, path + QStringLiteral("[0]")),
          integerMm(a[1], file, path + QStringLiteral("[1]"))};
}

PolygonMm polygonMm(const QJsonValue& value, const QString& file, const QString& path) {
  PolygonMm polygon;
  const QJsonArray a = value.toArray();
  for (qsizetype i = 0; i < a.size(); ++i) {
    polygon.append(pointMm(a[i], file, QStringLiteral("%1[%2]").arg(path).arg(i)));
  }
  if (polygon.size() < 3) {
    fail(file, path, QStringLiteral("an outline needs at least 3 corners"));
  }
  return polygon;
}

/// Power nodes of a hall by the names the template's mounts refer to.
using NodeNames = QHash<QString, PowerNodeId>;

double number(const QJsonObject& o, const char* key, const QString& file, const QString& path) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined()) {
    return 0.0;
  }
  if (!v.isDouble() || !std::isfinite(v.toDouble()) || v.toDouble() < 0) {
    fail(file, path + QLatin1Char('.') + QLatin1String(key),
         QStringLiteral("must be a number >= 0"));
  }
  return v.toDouble();
}

/// "power": [{"name", "kind", "feed", "upstream" (a name above), "catalog", "ratedCurrentA",
/// "voltageV", "ratedPowerW", "moduleCount", "moduleRatingW", "redundancy"}], upstream first.
NodeNames addPowerNodes(Project& project, const QJsonArray& nodes, HallId hallId,
                        const QString& file, const QString& path) {
  NodeNames names;
  for (qsizetype i = 0; i < nodes.size(); ++i) {
    const QJsonObject o = nodes[i].toObject();
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    PowerNode node;
    node.id = PowerNodeId::create();
    node.hallId = hallId;
    node.name = o.value(QLatin1String("name")).toString();
    if (node.name.isEmpty() || names.contains(node.name)) {
      fail(file, p + QStringLiteral(".name"), QStringLiteral("a power node needs a unique name"));
    }
    if (!powerNodeKindFromKey(o.value(QLatin1String("kind")).toString(), &node.kind)) {
      fail(file, p + QStringLiteral(".kind"),
           QStringLiteral("must be ups, switchboard, busway, rpp or power-rack"));
    }
    if (!powerFeedFromKey(o.value(QLatin1String("feed")).toString(), &node.feed)) {
      fail(file, p + QStringLiteral(".feed"), QStringLiteral("must be \"a\", \"b\" or \"c\""));
    }
    const QString upstream = o.value(QLatin1String("upstream")).toString();
    if (!upstream.isEmpty()) {
      if (!names.contains(upstream)) {
        fail(file, p + QStringLiteral(".upstream"),
             QStringLiteral("no power node \"%1\" above it in this hall").arg(upstream));
      }
      node.upstreamId = names.value(upstream);
    }
    node.catalogId = o.value(QLatin1String("catalog")).toString();
    node.ratedCurrentA = number(o, "ratedCurrentA", file, p);
    node.voltageV = number(o, "voltageV", file, p);
    node.ratedPowerW = number(o, "ratedPowerW", file, p);
    node.moduleCount = int(number(o, "moduleCount", file, p));
    node.moduleRatingW = number(o, "moduleRatingW", file, p);
    const QString redundancy = o.value(QLatin1String("redundancy")).toString(QStringLiteral("n"));
    if (!redundancyFromKey(redundancy, &node.redundancy)) {
      fail(file, p + QStringLiteral(".redundancy"), QStringLiteral("must be n, n+1 or 2n"));
    }
    names.insert(node.name, node.id);
    project.insertPowerNode(-1, std::move(node));
  }
  return names;
}

/// The cooling loops and air zones of a hall by the names racks and units refer to.
struct LoopNames {
  QHash<QString, CoolingLoopId> ids;
  QHash<QString, CoolingLoopKind> kinds;
};

/// "cooling": {"loops": [{"name", "kind": "liquid|air", "redundancy": "n|n+1|2n"}], "units":
/// [{"name", "catalogId", "x", "y", "rotation", "loop"}]}: loops first, then the floor units
/// that serve them (CoolingUnit, never racks).
LoopNames addCooling(Project& project, const QJsonValue& value, HallId hallId,
                     const TemplateCatalogIds* catalog, const QString& file, const QString& path) {
  LoopNames names;
  if (value.isUndefined()) {
    return names;
  }
  if (!value.isObject()) {
    fail(file, path, QStringLiteral("must be an object with \"loops\" and \"units\""));
  }
  const QJsonObject cooling = value.toObject();
  const QJsonArray loops = cooling.value(QLatin1String("loops")).toArray();
  for (qsizetype i = 0; i < loops.size(); ++i) {
    const QJsonObject o = loops[i].toObject();
    const QString p = QStringLiteral("%1.loops[%2]").arg(path).arg(i);
    CoolingLoop loop;
    loop.id = CoolingLoopId::create();
    loop.hallId = hallId;
    loop.name = o.value(QLatin1String("name")).toString();
    if (loop.name.isEmpty() || names.ids.contains(loop.name)) {
      fail(file, p + QStringLiteral(".name"),
           QStringLiteral("a cooling loop needs a name unique in its hall"));
    }
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (!coolingLoopKindFromKey(kind, &loop.kind)) {
      fail(file, p + QStringLiteral(".kind"),
           QStringLiteral("unknown loop kind \"%1\" (use liquid or air)").arg(kind));
    }
    const QString redundancy = o.value(QLatin1String("redundancy")).toString(QStringLiteral("n+1"));
    if (!redundancyFromKey(redundancy, &loop.redundancy)) {
      fail(file, p + QStringLiteral(".redundancy"),
           QStringLiteral("unknown redundancy \"%1\" (use n, n+1 or 2n)").arg(redundancy));
    }
    names.ids.insert(loop.name, loop.id);
    names.kinds.insert(loop.name, loop.kind);
    project.insertCoolingLoop(-1, std::move(loop));
  }
  QSet<QString> unitNames;
  const QJsonArray units = cooling.value(QLatin1String("units")).toArray();
  for (qsizetype i = 0; i < units.size(); ++i) {
    const QJsonObject o = units[i].toObject();
    const QString p = QStringLiteral("%1.units[%2]").arg(path).arg(i);
    CoolingUnit unit;
    unit.id = CoolingUnitId::create();
    unit.hallId = hallId;
    unit.name = o.value(QLatin1String("name")).toString();
    if (unit.name.isEmpty() || unitNames.contains(unit.name)) {
      fail(file, p + QStringLiteral(".name"),
           QStringLiteral("a cooling unit needs a name unique in its hall"));
    }
    unitNames.insert(unit.name);
    unit.catalogId = o.value(QLatin1String("catalogId")).toString();
    if (unit.catalogId.isEmpty()) {
      fail(file, p + QStringLiteral(".catalogId"),
           QStringLiteral("cooling unit \"%1\" needs a catalog id").arg(unit.name));
    }
    const QString kind = catalog ? catalog->kinds.value(unit.catalogId) : QString();
    if (catalog && kind.isEmpty()) {
      fail(file, p + QStringLiteral(".catalogId"),
           QStringLiteral("cooling unit \"%1\": no catalog item \"%2\"")
               .arg(unit.name, unit.catalogId));
    }
    if (catalog && !catalog->floorCoolingUnits.contains(unit.catalogId)) {
      fail(file, p + QStringLiteral(".catalogId"),
           QStringLiteral("cooling unit \"%1\": \"%2\" is a %3, not a floor-standing CDU, CRAH or "
                          "in-row cooler")
               .arg(unit.name, unit.catalogId, kind));
    }
    unit.positionMm = {integerMm(o.value(QLatin1String("x")), file, p + QStringLiteral(".x")),
                       integerMm(o.value(QLatin1String("y")), file, p + QStringLiteral(".y"))};
    unit.rotationDeg = o.value(QLatin1String("rotation")).toInt(0);
    if (unit.rotationDeg % 90 != 0 || unit.rotationDeg < 0 || unit.rotationDeg >= 360) {
      fail(file, p + QStringLiteral(".rotation"), QStringLiteral("must be 0, 90, 180 or 270"));
    }
    const QString loopName = o.value(QLatin1String("loop")).toString();
    if (!loopName.isEmpty()) {
      if (!names.ids.contains(loopName)) {
        fail(file, p + QStringLiteral(".loop"),
             QStringLiteral("cooling unit \"%1\": no cooling loop \"%2\" in this hall")
                 .arg(unit.name, loopName));
      }
      const bool liquid = names.kinds.value(loopName) == CoolingLoopKind::Liquid;
      if (catalog && liquid != (kind == QLatin1String("cdu"))) {
        fail(file, p + QStringLiteral(".loop"),
             QStringLiteral("cooling unit \"%1\" is a %2 and cannot serve %3 \"%4\"")
                 .arg(unit.name, kind,
                      liquid ? QStringLiteral("liquid loop") : QStringLiteral("air zone"),
                      loopName));
      }
      unit.loopId = names.ids.value(loopName);
    }
    project.insertCoolingUnit(-1, std::move(unit));
  }
  return names;
}

/// A rack's "liquidLoop" or "airZone": the name of a loop of that kind in its hall.
CoolingLoopId loopOfRack(const QJsonObject& r, const char* key, CoolingLoopKind kind,
                         const LoopNames& loops, const QString& file, const QString& path) {
  const QString name = r.value(QLatin1String(key)).toString();
  if (name.isEmpty()) {
    return {};
  }
  const QString what =
      kind == CoolingLoopKind::Liquid ? QStringLiteral("liquid loop") : QStringLiteral("air zone");
  if (!loops.ids.contains(name)) {
    fail(file, path + QLatin1Char('.') + QLatin1String(key),
         QStringLiteral("no %1 \"%2\" in this hall's cooling").arg(what, name));
  }
  if (loops.kinds.value(name) != kind) {
    fail(file, path + QLatin1Char('.') + QLatin1String(key),
         kind == CoolingLoopKind::Liquid
             ? QStringLiteral("\"%1\" is an air zone, not a liquid loop").arg(name)
             : QStringLiteral("\"%1\" is a liquid loop, not an air zone").arg(name));
  }
  return loops.ids.value(name);
}

/// A per-repeat list ("feeds": ["a", "b", "c"]) or a single value ("feed": "a").
QStringList perRepeat(const QJsonObject& m, const char* one, const char* many) {
  if (m.contains(QLatin1String(many))) {
    QStringList values;
    for (const QJsonValue& v : m.value(QLatin1String(many)).toArray()) {
      values.append(v.toString());
    }
    return values;
  }
  return {m.value(QLatin1String(one)).toString()};
}

QList<Mount> mounts(const QJsonValue& value, const NodeNames& nodes,
                    const TemplateCatalogIds* catalog, const QString& file, const QString& path) {
  QList<Mount> result;
  const QJsonArray a = value.toArray();
  for (qsizetype i = 0; i < a.size(); ++i) {
    const QJsonObject m = a[i].toObject();
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    const QString item = m.value(QLatin1String("item")).toString();
    const int lowestU = m.value(QLatin1String("lowestU")).toInt(0);
    const int repeat = m.value(QLatin1String("repeat")).toInt(1);
    const int pitchU = m.value(QLatin1String("pitchU")).toInt(-1);
    // pitchU 0 repeats a zero-U device (vertical PDUs side by side in the rack's rear channel).
    if (item.isEmpty() || lowestU < 1 || repeat < 1 || (repeat > 1 && pitchU < 0)) {
      fail(
          file, p,
          QStringLiteral(
              "a mount needs \"item\" and \"lowestU\" >= 1 (and \"pitchU\" >= 0 with \"repeat\")"));
    }
    if (catalog != nullptr && !catalog->kinds.contains(item)) {
      fail(file, p + QStringLiteral(".item"), QStringLiteral("no catalog item \"%1\"").arg(item));
    }
    const QStringList feeds = perRepeat(m, "feed", "feeds");
    const QStringList upstreams = perRepeat(m, "upstream", "upstreams");
    for (int r = 0; r < repeat; ++r) {
      Mount mount{MountId::create(), item, lowestU + r * pitchU};
      const QString feed = feeds.value(r % std::max<qsizetype>(1, feeds.size()));
      if (!powerFeedFromKey(feed, &mount.feed)) {
        fail(file, p + QStringLiteral(".feed"), QStringLiteral("must be \"a\", \"b\" or \"c\""));
      }
      const QString upstream = upstreams.value(r % std::max<qsizetype>(1, upstreams.size()));
      if (!upstream.isEmpty()) {
        if (!nodes.contains(upstream)) {
          fail(file, p + QStringLiteral(".upstream"),
               QStringLiteral("no power node \"%1\" in this hall").arg(upstream));
        }
        mount.upstreamId = nodes.value(upstream);
      }
      result.append(mount);
    }
  }
  return result;
}

/// What one hall's racks refer to: its power nodes and cooling loops, and the catalog when given.
struct HallNames {
  NodeNames nodes;
  LoopNames loops;
  const TemplateCatalogIds* catalog = nullptr;
};

Rack rackFrom(const QJsonObject& r, HallId hallId, PointMm at, const QString& name,
              const HallNames& names, const QString& file, const QString& path) {
  const QString type = r.value(QLatin1String("rackType")).toString();
  if (type.isEmpty()) {
    fail(file, path, QStringLiteral("\"rackType\" (a catalog id) is required"));
  }
  if (names.catalog != nullptr) {
    const QString kind = names.catalog->kinds.value(type);
    if (kind != QLatin1String("rack") && kind != QLatin1String("rack-scale-system")) {
      fail(file, path + QStringLiteral(".rackType"),
           kind.isEmpty()
               ? QStringLiteral("no catalog item \"%1\"").arg(type)
               : QStringLiteral("\"%1\" is a %2, not a rack or rack-scale system").arg(type, kind));
    }
  }
  const int rotation = r.value(QLatin1String("rotationDeg")).toInt(0);
  if (rotation % 90 != 0 || rotation < 0 || rotation >= 360) {
    fail(file, path + QStringLiteral(".rotationDeg"), QStringLiteral("must be 0, 90, 180 or 270"));
  }
  Rack rack(RackId::create(), hallId, type, at, rotation);
  rack.setName(name);
  rack.setRow(r.value(QLatin1String("row")).toString());
  CoolingMode mode = CoolingMode::Air;
  const QString cooling = r.value(QLatin1String("cooling")).toString(QStringLiteral("air"));
  if (!coolingModeFromKey(cooling, &mode)) {
    fail(file, path + QStringLiteral(".cooling"),
         QStringLiteral("unknown cooling mode \"%1\"").arg(cooling));
  }
  rack.setCoolingMode(mode);
  const QString door = r.value(QLatin1String("rearDoor")).toString();
  if (!door.isEmpty() && names.catalog) {
    const QString kind = names.catalog->kinds.value(door);
    if (kind != QLatin1String("rear-door")) {
      fail(file, path + QStringLiteral(".rearDoor"),
           kind.isEmpty() ? QStringLiteral("no catalog item \"%1\"").arg(door)
                          : QStringLiteral("\"%1\" is a %2, not a rear door").arg(door, kind));
    }
  }
  rack.setRearDoorId(door);
  rack.setLiquidLoopId(
      loopOfRack(r, "liquidLoop", CoolingLoopKind::Liquid, names.loops, file, path));
  rack.setAirZoneId(loopOfRack(r, "airZone", CoolingLoopKind::Air, names.loops, file, path));
  for (const Mount& m : mounts(r.value(QLatin1String("mounts")), names.nodes, names.catalog, file,
                               path + QStringLiteral(".mounts"))) {
    rack.insertMount(-1, m);
  }
  return rack;
}

void addRacks(Project& project, const QJsonArray& racks, HallId hallId, const HallNames& names,
              const QString& file, const QString& path) {
  for (qsizetype i = 0; i < racks.size(); ++i) {
    const QJsonObject r = racks[i].toObject();
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    const int count = r.value(QLatin1String("count")).toInt(1);
    const PointMm start =
        pointMm(r.value(QLatin1String("startMm")), file, p + QStringLiteral(".startMm"));
    const std::int64_t pitch = count > 1 ? integerMm(r.value(QLatin1String("pitchMm")), file,
                                                     p + QStringLiteral(".pitchMm"))
                                         : 0;
    const bool vertical = r.value(QLatin1String("direction")).toString() == QLatin1String("y");
    const QString prefix =
        r.value(QLatin1String("namePrefix")).toString(r.value(QLatin1String("row")).toString());
    const int firstNumber = r.value(QLatin1String("firstNumber")).toInt(1);
    if (count < 1) {
      fail(file, p + QStringLiteral(".count"), QStringLiteral("must be 1 or more"));
    }
    for (int n = 0; n < count; ++n) {
      const PointMm at{start.xMm + (vertical ? 0 : n * pitch),
                       start.yMm + (vertical ? n * pitch : 0)};
      const QString name =
          r.contains(QLatin1String("name")) && count == 1
              ? r.value(QLatin1String("name")).toString()
              : QStringLiteral("%1%2").arg(prefix).arg(firstNumber + n, 2, 10, QLatin1Char('0'));
      project.insertRack(-1, rackFrom(r, hallId, at, name, names, file, p));
    }
  }
}

/// A whole number of a fabric or tray, `fallback` when absent.
int wholeNumber(const QJsonObject& o, const char* key, int fallback, const QString& file,
                const QString& path) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined()) {
    return fallback;
  }
  const double d = v.toDouble();
  if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 1.0e9) {
    fail(file, path + QLatin1Char('.') + QLatin1String(key),
         QStringLiteral("must be a whole number"));
  }
  return int(d);
}

/// A ratio of a fabric (an oversubscription), `fallback` when absent.
double ratio(const QJsonObject& o, const char* key, double fallback, const QString& file,
             const QString& path) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined()) {
    return fallback;
  }
  if (!v.isDouble() || !std::isfinite(v.toDouble())) {
    fail(file, path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a number"));
  }
  return v.toDouble();
}

/// A fabric's switch model: a catalog switch when the catalog is given.
QString switchId(const QJsonObject& o, const char* key, const TemplateCatalogIds* catalog,
                 const QString& file, const QString& path) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined()) {
    return {};
  }
  const QString id = v.toString();
  if (!v.isString() || id.isEmpty()) {
    fail(file, path + QLatin1Char('.') + QLatin1String(key),
         QStringLiteral("must be a switch's catalog id"));
  }
  if (catalog != nullptr) {
    const QString kind = catalog->kinds.value(id);
    if (kind != QLatin1String("switch")) {
      fail(file, path + QLatin1Char('.') + QLatin1String(key),
           kind.isEmpty() ? QStringLiteral("no catalog item \"%1\"").arg(id)
                          : QStringLiteral("\"%1\" is a %2, not a switch").arg(id, kind));
    }
  }
  return id;
}

/// "fabrics": [{"name", "kind", "topology", "leafSwitch", "spineSwitch", "leafOversubscription",
/// "spineOversubscription", "tiers", "railOptimised", "suNodes", "reservedPorts", "switchRacks":
/// [rack names of this hall]}], after the hall's racks.
void addFabrics(Project& project, const QJsonValue& value, HallId hallId,
                const TemplateCatalogIds* catalog, const QString& file, const QString& path) {
  if (value.isUndefined()) {
    return;
  }
  if (!value.isArray()) {
    fail(file, path, QStringLiteral("must be an array of fabrics"));
  }
  // The hall's racks by name; a name two racks share cannot pick one.
  QHash<QString, RackId> racks;
  QSet<QString> ambiguous;
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() == hallId) {
      if (racks.contains(rack.name())) {
        ambiguous.insert(rack.name());
      }
      racks.insert(rack.name(), rack.id());
    }
  }
  QSet<QString> names;
  const QJsonArray fabrics = value.toArray();
  for (qsizetype i = 0; i < fabrics.size(); ++i) {
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    if (!fabrics[i].isObject()) {
      fail(file, p, QStringLiteral("must be an object"));
    }
    const QJsonObject o = fabrics[i].toObject();
    FabricSpec spec;
    spec.id = FabricSpecId::create();
    spec.hallId = hallId;
    spec.name = o.value(QLatin1String("name")).toString();
    if (spec.name.trimmed().isEmpty() || names.contains(spec.name)) {
      fail(file, p + QStringLiteral(".name"),
           QStringLiteral("a fabric needs a name unique in its hall"));
    }
    names.insert(spec.name);
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (!fabricKindFromKey(kind, &spec.kind)) {
      fail(file, p + QStringLiteral(".kind"),
           QStringLiteral("fabric \"%1\": unknown kind \"%2\" (use compute, storage, in-band or "
                          "out-of-band)")
               .arg(spec.name, kind));
    }
    const QString topology =
        o.value(QLatin1String("topology")).toString(QStringLiteral("fat-tree"));
    if (!fabricTopologyFromKey(topology, &spec.topology)) {
      fail(file, p + QStringLiteral(".topology"),
           QStringLiteral("fabric \"%1\": unknown topology \"%2\" (use fat-tree or dragonfly)")
               .arg(spec.name, topology));
    }
    spec.leafSwitchId = switchId(o, "leafSwitch", catalog, file, p);
    spec.spineSwitchId = switchId(o, "spineSwitch", catalog, file, p);
    spec.leafOversubscription = ratio(o, "leafOversubscription", 1.0, file, p);
    spec.spineOversubscription = ratio(o, "spineOversubscription", 1.0, file, p);
    spec.tiers = wholeNumber(o, "tiers", 0, file, p);
    const QJsonValue rail = o.value(QLatin1String("railOptimised"));
    if (!rail.isUndefined() && !rail.isBool()) {
      fail(file, p + QStringLiteral(".railOptimised"), QStringLiteral("must be true or false"));
    }
    spec.railOptimised = rail.toBool(true);
    spec.suNodes = wholeNumber(o, "suNodes", 0, file, p);
    spec.reservedPorts = wholeNumber(o, "reservedPorts", 0, file, p);
    const QJsonValue switchRacks = o.value(QLatin1String("switchRacks"));
    if (!switchRacks.isUndefined() && !switchRacks.isArray()) {
      fail(file, p + QStringLiteral(".switchRacks"),
           QStringLiteral("must be an array of rack names"));
    }
    const QJsonArray rackNames = switchRacks.toArray();
    for (qsizetype r = 0; r < rackNames.size(); ++r) {
      const QString rp = QStringLiteral("%1.switchRacks[%2]").arg(p).arg(r);
      const QString name = rackNames[r].toString();
      if (!racks.contains(name)) {
        fail(file, rp,
             QStringLiteral("fabric \"%1\": no rack \"%2\" in this hall").arg(spec.name, name));
      }
      if (ambiguous.contains(name)) {
        fail(file, rp,
             QStringLiteral("fabric \"%1\": more than one rack is named \"%2\" in this hall")
                 .arg(spec.name, name));
      }
      if (spec.switchRackIds.contains(racks.value(name))) {
        fail(file, rp,
             QStringLiteral("fabric \"%1\": rack \"%2\" is named twice").arg(spec.name, name));
      }
      spec.switchRackIds.append(racks.value(name));
    }
    if (const QString problem = fabricSpecProblem(spec); !problem.isEmpty()) {
      fail(file, p, problem);
    }
    project.insertFabricSpec(-1, std::move(spec));
  }
}

/// "trays": [{"name", "path": [[x, y], ...], "heightMm", "widthMm", "depthMm", "kind"}]: cable
/// trays drawn in the hall, every point of the path inside the hall's outline.
void addTrays(Project& project, const QJsonValue& value, const Hall& hall, const QString& file,
              const QString& path) {
  if (value.isUndefined()) {
    return;
  }
  if (!value.isArray()) {
    fail(file, path, QStringLiteral("must be an array of trays"));
  }
  QSet<QString> names;
  const QJsonArray trays = value.toArray();
  for (qsizetype i = 0; i < trays.size(); ++i) {
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    if (!trays[i].isObject()) {
      fail(file, p, QStringLiteral("must be an object"));
    }
    const QJsonObject o = trays[i].toObject();
    CableTray tray;
    tray.id = CableTrayId::create();
    tray.hallId = hall.id();
    tray.name = o.value(QLatin1String("name")).toString();
    if (tray.name.trimmed().isEmpty() || names.contains(tray.name)) {
      fail(file, p + QStringLiteral(".name"),
           QStringLiteral("a tray needs a name unique in its hall"));
    }
    names.insert(tray.name);
    const QJsonArray points = o.value(QLatin1String("path")).toArray();
    for (qsizetype v = 0; v < points.size(); ++v) {
      const QString vp = QStringLiteral("%1.path[%2]").arg(p).arg(v);
      const PointMm point = pointMm(points[v], file, vp);
      if (!polygonContains(hall.outlineMm(), point)) {
        fail(file, vp,
             QStringLiteral("tray \"%1\": point (%2, %3) mm lies outside the hall")
                 .arg(tray.name)
                 .arg(point.xMm)
                 .arg(point.yMm));
      }
      tray.pathMm.append(point);
    }
    tray.heightMm = wholeNumber(o, "heightMm", tray.heightMm, file, p);
    tray.widthMm = wholeNumber(o, "widthMm", tray.widthMm, file, p);
    tray.depthMm = wholeNumber(o, "depthMm", tray.depthMm, file, p);
    const QString kind = o.value(QLatin1String("kind")).toString(QStringLiteral("ladder"));
    if (!trayKindFromKey(kind, &tray.kind)) {
      fail(file, p + QStringLiteral(".kind"),
           QStringLiteral("tray \"%1\": unknown kind \"%2\" (use ladder, wire-mesh or "
                          "solid-bottom)")
               .arg(tray.name, kind));
    }
    if (const QString problem = cableTrayProblem(tray); !problem.isEmpty()) {
      fail(file, p, problem);
    }
    project.insertCableTray(-1, std::move(tray));
  }
}

/// The hall's racks by name, and the names two racks share (which cannot pick one).
struct RackNames {
  QHash<QString, RackId> ids;
  QSet<QString> ambiguous;
  QSet<QString> rows;
};

RackNames rackNames(const Project& project, HallId hallId) {
  RackNames names;
  for (const Rack& rack : project.racks()) {
    if (rack.hallId() == hallId) {
      if (names.ids.contains(rack.name())) {
        names.ambiguous.insert(rack.name());
      }
      names.ids.insert(rack.name(), rack.id());
      if (!rack.row().isEmpty()) {
        names.rows.insert(rack.row());
      }
    }
  }
  return names;
}

/// "pools": [{"name", "scheduler": "slurm|kubernetes", "racks": [rack names], "rows": [row
/// names], "colourIndex"}]: the hall's workload pools, after its racks. Returns the pools' ids
/// by name for the hall's workloads.
QHash<QString, WorkloadPoolId> addPools(Project& project, const QJsonValue& value, HallId hallId,
                                        const QString& file, const QString& path) {
  QHash<QString, WorkloadPoolId> ids;
  if (value.isUndefined()) {
    return ids;
  }
  if (!value.isArray()) {
    fail(file, path, QStringLiteral("must be an array of workload pools"));
  }
  const RackNames racks = rackNames(project, hallId);
  const QJsonArray pools = value.toArray();
  for (qsizetype i = 0; i < pools.size(); ++i) {
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    if (!pools[i].isObject()) {
      fail(file, p, QStringLiteral("must be an object"));
    }
    const QJsonObject o = pools[i].toObject();
    WorkloadPool pool;
    pool.id = WorkloadPoolId::create();
    pool.hallId = hallId;
    pool.name = o.value(QLatin1String("name")).toString();
    if (pool.name.trimmed().isEmpty() || ids.contains(pool.name)) {
      fail(file, p + QStringLiteral(".name"),
           QStringLiteral("a workload pool needs a name unique in its hall"));
    }
    const QString scheduler = o.value(QLatin1String("scheduler")).toString(QStringLiteral("slurm"));
    if (!schedulerFromKey(scheduler, &pool.scheduler)) {
      fail(file, p + QStringLiteral(".scheduler"),
           QStringLiteral("pool \"%1\": unknown scheduler \"%2\" (use slurm or kubernetes)")
               .arg(pool.name, scheduler));
    }
    pool.colourIndex = wholeNumber(o, "colourIndex", int(i), file, p);
    for (const char* key : {"racks", "rows"}) {
      const QJsonValue list = o.value(QLatin1String(key));
      if (!list.isUndefined() && !list.isArray()) {
        fail(file, p + QLatin1Char('.') + QLatin1String(key),
             QStringLiteral("must be an array of %1 names")
                 .arg(qstrcmp(key, "racks") == 0 ? "rack" : "row"));
      }
    }
    const QJsonArray rackList = o.value(QLatin1String("racks")).toArray();
    for (qsizetype r = 0; r < rackList.size(); ++r) {
      const QString rp = QStringLiteral("%1.racks[%2]").arg(p).arg(r);
      const QString name = rackList[r].toString();
      if (!racks.ids.contains(name)) {
        fail(file, rp,
             QStringLiteral("pool \"%1\": no rack \"%2\" in this hall").arg(pool.name, name));
      }
      if (racks.ambiguous.contains(name)) {
        fail(file, rp,
             QStringLiteral("pool \"%1\": more than one rack is named \"%2\" in this hall")
                 .arg(pool.name, name));
      }
      if (pool.rackIds.contains(racks.ids.value(name))) {
        fail(file, rp,
             QStringLiteral("pool \"%1\": rack \"%2\" is named twice").arg(pool.name, name));
      }
      pool.rackIds.append(racks.ids.value(name));
    }
    const QJsonArray rowList = o.value(QLatin1String("rows")).toArray();
    for (qsizetype r = 0; r < rowList.size(); ++r) {
      const QString rp = QStringLiteral("%1.rows[%2]").arg(p).arg(r);
      const QString row = rowList[r].toString();
      if (!racks.rows.contains(row)) {
        fail(file, rp,
             QStringLiteral("pool \"%1\": no row \"%2\" in this hall").arg(pool.name, row));
      }
      pool.rows.append(row);
    }
    if (pool.rackIds.isEmpty() && pool.rows.isEmpty()) {
      fail(file, p, QStringLiteral("pool \"%1\" names no racks and no rows").arg(pool.name));
    }
    if (const QString problem = workloadPoolProblem(pool); !problem.isEmpty()) {
      fail(file, p, problem);
    }
    ids.insert(pool.name, pool.id);
    project.insertWorkloadPool(-1, std::move(pool));
  }
  return ids;
}

/// "workloads": [{"pool": name, "source": "why these figures", ...}]: the hall's workloads, each
/// in the workload JSON of core/model/workloadjson.h plus the pool it runs on (a pool of this
/// hall) and the source of its figures (for the reader; a reference design names it).
void addWorkloads(Project& project, const QJsonValue& value,
                  const QHash<QString, WorkloadPoolId>& pools, const QString& file,
                  const QString& path) {
  if (value.isUndefined()) {
    return;
  }
  if (!value.isArray()) {
    fail(file, path, QStringLiteral("must be an array of workloads"));
  }
  const QJsonArray workloads = value.toArray();
  for (qsizetype i = 0; i < workloads.size(); ++i) {
    const QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    if (!workloads[i].isObject()) {
      fail(file, p, QStringLiteral("must be an object"));
    }
    QJsonObject o = workloads[i].toObject();
    const QString poolName = o.take(QLatin1String("pool")).toString();
    if (!pools.contains(poolName)) {
      fail(file, p + QStringLiteral(".pool"),
           poolName.isEmpty()
               ? QStringLiteral("a workload names the pool it runs on")
               : QStringLiteral("no workload pool \"%1\" in this hall").arg(poolName));
    }
    const QJsonValue source = o.take(QLatin1String("source"));
    if (!source.isUndefined() && !source.isString()) {
      fail(file, p + QStringLiteral(".source"), QStringLiteral("must be a text"));
    }
    Workload workload;
    QString problem;
    if (!workloadFromJson(o, &workload, &problem)) {
      fail(file, p, problem);
    }
    workload.id = WorkloadId::create();
    workload.poolId = pools.value(poolName);
    problem = workloadProblem(workload);
    if (!problem.isEmpty()) {
      fail(file, p, problem);
    }
    project.insertWorkload(-1, std::move(workload));
  }
}

}  // namespace

Project projectFromTemplateJson(const QByteArray& json, const QString& file,
                                const TemplateCatalogIds* catalog) {
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
  if (error.error != QJsonParseError::NoError) {
    fail(
        file, QStringLiteral("(file)"),
        QStringLiteral("not valid JSON at byte %1: %2").arg(error.offset).arg(error.errorString()));
  }
  const QJsonObject root = doc.object();
  if (root.value(QLatin1String("format")).toString() != QLatin1String("dcstudio-template") ||
      root.value(QLatin1String("formatVersion")).toInt() != 1) {
    fail(file, QStringLiteral("format"),
         QStringLiteral("not a DC Studio template (format \"dcstudio-template\", version 1)"));
  }
  Project project;
  project.setName(root.value(QLatin1String("name")).toString());
  project.setAuthor(root.value(QLatin1String("author")).toString());
  project.setDescription(root.value(QLatin1String("description")).toString());
  const QJsonArray halls = root.value(QLatin1String("halls")).toArray();
  if (halls.isEmpty()) {
    fail(file, QStringLiteral("halls"), QStringLiteral("a template needs at least one hall"));
  }
  for (qsizetype h = 0; h < halls.size(); ++h) {
    const QJsonObject o = halls[h].toObject();
    // The hall's name in every message about it: "halls[0] (Hall A).racks[3].liquidLoop".
    const QString hallName = o.value(QLatin1String("name")).toString();
    const QString p = hallName.isEmpty() ? QStringLiteral("halls[%1]").arg(h)
                                         : QStringLiteral("halls[%1] (%2)").arg(h).arg(hallName);
    try {
      Hall hall(
          HallId::create(), o.value(QLatin1String("name")).toString(),
          polygonMm(o.value(QLatin1String("outlineMm")), file, p + QStringLiteral(".outlineMm")));
      hall.setTileMm(o.value(QLatin1String("tileMm")).toInt(600));
      hall.setCeilingHeightMm(o.value(QLatin1String("ceilingHeightMm")).toInt(4000));
      QList<Obstacle> obstacles;
      const QJsonArray obs = o.value(QLatin1String("obstacles")).toArray();
      for (qsizetype i = 0; i < obs.size(); ++i) {
        const QJsonObject ob = obs[i].toObject();
        obstacles.append({ObstacleId::create(), ob.value(QLatin1String("name")).toString(),
                          polygonMm(ob.value(QLatin1String("outlineMm")), file,
                                    QStringLiteral("%1.obstacles[%2].outlineMm").arg(p).arg(i))});
      }
      hall.setObstacles(obstacles);
      const HallId hallId = hall.id();
      project.insertHall(-1, std::move(hall));
      HallNames names;
      names.catalog = catalog;
      names.nodes = addPowerNodes(project, o.value(QLatin1String("power")).toArray(), hallId, file,
                                  p + QStringLiteral(".power"));
      names.loops = addCooling(project, o.value(QLatin1String("cooling")), hallId, catalog, file,
                               p + QStringLiteral(".cooling"));
      addRacks(project, o.value(QLatin1String("racks")).toArray(), hallId, names, file,
               p + QStringLiteral(".racks"));
      addFabrics(project, o.value(QLatin1String("fabrics")), hallId, catalog, file,
                 p + QStringLiteral(".fabrics"));
      addTrays(project, o.value(QLatin1String("trays")), *project.findHall(hallId), file,
               p + QStringLiteral(".trays"));
      const QHash<QString, WorkloadPoolId> pools = addPools(
          project, o.value(QLatin1String("pools")), hallId, file, p + QStringLiteral(".pools"));
      addWorkloads(project, o.value(QLatin1String("workloads")), pools, file,
                   p + QStringLiteral(".workloads"));
    } catch (const std::invalid_argument& e) {
      fail(file, p, QString::fromUtf8(e.what()));
    }
  }
  return project;
}

Project loadTemplateFile(const QString& path, const TemplateCatalogIds* catalog) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    throw TemplateError(
        QStringLiteral("Cannot read template '%1': %2").arg(path, f.errorString()).toStdString());
  }
  return projectFromTemplateJson(f.readAll(), QFileInfo(path).fileName(), catalog);
}

QString shippedTemplatesFolder() {
  return shippedDataFolder("DCSTUDIO_TEMPLATES_DIR", QStringLiteral("templates"));
}

}  // namespace dc
