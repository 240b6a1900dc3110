// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectrows.h"

#include "storage/schema.h"
#include "storage/storageerror.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <limits>

namespace dc {

namespace {

using Action = StorageError::Action;

/// Internal failures carry no file name; loadProject() and saveProject() add the user's one.
[[noreturn]] void fail(Action action, const QString& problem) {
  throw StorageError(action, QString(), problem);
}

[[noreturn]] void damaged(const QString& what) {
  fail(Action::Open, QStringLiteral("the file is damaged: %1").arg(what));
}

QSqlQuery prepareInsert(QSqlDatabase& db, const char* sql) {
  QSqlQuery query(db);
  if (!query.prepare(QString::fromLatin1(sql))) {
    fail(Action::Save, sqlProblem(query.lastError(), Action::Save));
  }
  return query;
}

/// Binds `values` in order and runs the insert.
void insertRow(QSqlQuery& query, std::initializer_list<QVariant> values) {
  int index = 0;
  for (const QVariant& value : values) {
    query.bindValue(index++, value);
  }
  if (!query.exec()) {
    fail(Action::Save, sqlProblem(query.lastError(), Action::Save));
  }
}

/// Text columns are NOT NULL; Qt binds a null QString as SQL NULL.
QVariant text(const QString& value) {
  return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

/// A reference that may be absent is stored as '' (NOT NULL columns, one form for "none").
template <typename IdT>
QVariant optionalId(IdT id) {
  return id.isNull() ? QVariant(QStringLiteral("")) : QVariant(id.toString());
}

// ---- writing -------------------------------------------------------------------------------

void writeHalls(QSqlDatabase& db, const QList<Hall>& halls) {
  QSqlQuery hallRow = prepareInsert(
      db, "INSERT INTO hall (id, ord, name, tile_mm, ceiling_height_mm) VALUES (?, ?, ?, ?, ?)");
  QSqlQuery hallVertex =
      prepareInsert(db, "INSERT INTO hall_vertex (hall_id, ord, x_mm, y_mm) VALUES (?, ?, ?, ?)");
  QSqlQuery obstacleRow =
      prepareInsert(db, "INSERT INTO obstacle (id, hall_id, ord, name) VALUES (?, ?, ?, ?)");
  QSqlQuery obstacleVertex = prepareInsert(
      db, "INSERT INTO obstacle_vertex (obstacle_id, ord, x_mm, y_mm) VALUES (?, ?, ?, ?)");
  for (qsizetype h = 0; h < halls.size(); ++h) {
    const Hall& hall = halls[h];
    const QString hallId = hall.id().toString();
    insertRow(hallRow, {hallId, h, text(hall.name()), hall.tileMm(), hall.ceilingHeightMm()});
    for (qsizetype v = 0; v < hall.outlineMm().size(); ++v) {
      const PointMm point = hall.outlineMm()[v];
      insertRow(hallVertex, {hallId, v, qint64(point.xMm), qint64(point.yMm)});
    }
    for (qsizetype o = 0; o < hall.obstacles().size(); ++o) {
      const Obstacle& obstacle = hall.obstacles()[o];
      const QString obstacleId = obstacle.id.toString();
      insertRow(obstacleRow, {obstacleId, hallId, o, text(obstacle.name)});
      for (qsizetype v = 0; v < obstacle.outlineMm.size(); ++v) {
        const PointMm point = obstacle.outlineMm[v];
        insertRow(obstacleVertex, {obstacleId, v, qint64(point.xMm), qint64(point.yMm)});
      }
    }
  }
}

void writeRacks(QSqlDatabase& db, const QList<Rack>& racks) {
  QSqlQuery rackRow = prepareInsert(
      db,
      "INSERT INTO rack (id, hall_id, ord, name, row_name, rack_type_id, x_mm, y_mm, rotation_deg,"
      " cooling_mode, rear_door_id, liquid_loop_id, air_zone_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  QSqlQuery mountRow =
      prepareInsert(db,
                    "INSERT INTO mount (id, rack_id, ord, catalog_id, lowest_u, feed, upstream_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)");
  QSqlQuery plugRow = prepareInsert(
      db, "INSERT INTO inlet_plug (mount_id, inlet, pdu_mount_id, leg) VALUES (?, ?, ?, ?)");
  for (qsizetype r = 0; r < racks.size(); ++r) {
    const Rack& rack = racks[r];
    const QString rackId = rack.id().toString();
    insertRow(rackRow, {rackId, rack.hallId().toString(), r, text(rack.name()), text(rack.row()),
                        text(rack.rackTypeId()), qint64(rack.positionMm().xMm),
                        qint64(rack.positionMm().yMm), rack.rotationDeg(),
                        coolingModeKey(rack.coolingMode()), text(rack.rearDoorId()),
                        optionalId(rack.liquidLoopId()), optionalId(rack.airZoneId())});
    for (qsizetype m = 0; m < rack.mounts().size(); ++m) {
      const Mount& mount = rack.mounts()[m];
      insertRow(mountRow, {mount.id.toString(), rackId, m, text(mount.catalogId), mount.lowestU,
                           powerFeedKey(mount.feed), optionalId(mount.upstreamId)});
      for (const InletPlug& plug : mount.plugs) {
        insertRow(plugRow, {mount.id.toString(), plug.inlet, plug.pduMountId.toString(), plug.leg});
      }
    }
  }
}

void writePowerNodes(QSqlDatabase& db, const QList<PowerNode>& nodes) {
  QSqlQuery row = prepareInsert(
      db,
      "INSERT INTO power_node (id, hall_id, ord, kind, name, upstream_id, feed, catalog_id,"
      " rated_current_a, voltage_v, rated_power_w, module_count, module_rating_w, redundancy)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (qsizetype i = 0; i < nodes.size(); ++i) {
    const PowerNode& n = nodes[i];
    insertRow(row, {n.id.toString(), n.hallId.toString(), i, powerNodeKindKey(n.kind), text(n.name),
                    optionalId(n.upstreamId), powerFeedKey(n.feed), text(n.catalogId),
                    n.ratedCurrentA, n.voltageV, n.ratedPowerW, n.moduleCount, n.moduleRatingW,
                    redundancyKey(n.redundancy)});
  }
}

void writeCooling(QSqlDatabase& db, const Project& project) {
  QSqlQuery loopRow = prepareInsert(db,
                                    "INSERT INTO cooling_loop (id, hall_id, ord, kind, name, "
                                    "redundancy) VALUES (?, ?, ?, ?, ?, ?)");
  const QList<CoolingLoop>& loops = project.coolingLoops();
  for (qsizetype i = 0; i < loops.size(); ++i) {
    const CoolingLoop& l = loops[i];
    insertRow(loopRow, {l.id.toString(), l.hallId.toString(), i, coolingLoopKindKey(l.kind),
                        text(l.name), redundancyKey(l.redundancy)});
  }
  QSqlQuery unitRow =
      prepareInsert(db,
                    "INSERT INTO cooling_unit (id, hall_id, ord, name, catalog_id, x_mm, y_mm,"
                    " rotation_deg, loop_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const QList<CoolingUnit>& units = project.coolingUnits();
  for (qsizetype i = 0; i < units.size(); ++i) {
    const CoolingUnit& u = units[i];
    insertRow(unitRow, {u.id.toString(), u.hallId.toString(), i, text(u.name), text(u.catalogId),
                        qint64(u.positionMm.xMm), qint64(u.positionMm.yMm), u.rotationDeg,
                        optionalId(u.loopId)});
  }
}

void writeNetwork(QSqlDatabase& db, const Project& project) {
  QSqlQuery fabricRow = prepareInsert(
      db,
      "INSERT INTO fabric (id, hall_id, ord, name, kind, topology, leaf_switch_id,"
      " spine_switch_id, leaf_oversubscription, spine_oversubscription, tiers, rail_optimised,"
      " su_nodes, reserved_ports) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  QSqlQuery rackRow = prepareInsert(
      db, "INSERT INTO fabric_switch_rack (fabric_id, ord, rack_id) VALUES (?, ?, ?)");
  const QList<FabricSpec>& specs = project.fabricSpecs();
  for (qsizetype i = 0; i < specs.size(); ++i) {
    const FabricSpec& f = specs[i];
    insertRow(fabricRow,
              {f.id.toString(), f.hallId.toString(), i, text(f.name), fabricKindKey(f.kind),
               fabricTopologyKey(f.topology), text(f.leafSwitchId), text(f.spineSwitchId),
               f.leafOversubscription, f.spineOversubscription, f.tiers, f.railOptimised ? 1 : 0,
               f.suNodes, f.reservedPorts});
    for (qsizetype r = 0; r < f.switchRackIds.size(); ++r) {
      insertRow(rackRow, {f.id.toString(), r, f.switchRackIds[r].toString()});
    }
  }
  QSqlQuery trayRow = prepareInsert(db,
                                    "INSERT INTO cable_tray (id, hall_id, ord, name, height_mm,"
                                    " width_mm, depth_mm, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  QSqlQuery vertexRow = prepareInsert(
      db, "INSERT INTO cable_tray_vertex (tray_id, ord, x_mm, y_mm) VALUES (?, ?, ?, ?)");
  const QList<CableTray>& trays = project.cableTrays();
  for (qsizetype i = 0; i < trays.size(); ++i) {
    const CableTray& t = trays[i];
    insertRow(trayRow, {t.id.toString(), t.hallId.toString(), i, text(t.name), t.heightMm,
                        t.widthMm, t.depthMm, trayKindKey(t.kind)});
    for (qsizetype v = 0; v < t.pathMm.size(); ++v) {
      insertRow(vertexRow, {t.id.toString(), v, qint64(t.pathMm[v].xMm), qint64(t.pathMm[v].yMm)});
    }
  }
}

/// Binds one prepared insert by column name, so a column added later changes one line.
class NamedRow final {
 public:
  NamedRow(QSqlDatabase& db, const QString& table, const QStringList& columns) : mQuery(db) {
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i) {
      marks << QStringLiteral("?");
    }
    if (!mQuery.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                            .arg(table, columns.join(QStringLiteral(", ")),
                                 marks.join(QStringLiteral(", "))))) {
      fail(Action::Save, sqlProblem(mQuery.lastError(), Action::Save));
    }
    mColumns = columns;
  }
  void insert(const QList<QVariant>& values) {
    Q_ASSERT(values.size() == mColumns.size());
    for (qsizetype i = 0; i < values.size(); ++i) {
      mQuery.bindValue(int(i), values[i]);
    }
    if (!mQuery.exec()) {
      fail(Action::Save, sqlProblem(mQuery.lastError(), Action::Save));
    }
  }

 private:
  QSqlQuery mQuery;
  QStringList mColumns;
};

void writeWorkloads(QSqlDatabase& db, const Project& project) {
  QSqlQuery poolRow = prepareInsert(db,
                                    "INSERT INTO workload_pool (id, hall_id, ord, name, scheduler,"
                                    " colour_index) VALUES (?, ?, ?, ?, ?, ?)");
  QSqlQuery poolRack =
      prepareInsert(db, "INSERT INTO workload_pool_rack (pool_id, ord, rack_id) VALUES (?, ?, ?)");
  QSqlQuery poolRowName =
      prepareInsert(db, "INSERT INTO workload_pool_row (pool_id, ord, row_name) VALUES (?, ?, ?)");
  const QList<WorkloadPool>& pools = project.workloadPools();
  for (qsizetype i = 0; i < pools.size(); ++i) {
    const WorkloadPool& p = pools[i];
    const QString poolId = p.id.toString();
    insertRow(poolRow, {poolId, p.hallId.toString(), i, text(p.name), schedulerKey(p.scheduler),
                        p.colourIndex});
    for (qsizetype r = 0; r < p.rackIds.size(); ++r) {
      insertRow(poolRack, {poolId, r, p.rackIds[r].toString()});
    }
    for (qsizetype r = 0; r < p.rows.size(); ++r) {
      insertRow(poolRowName, {poolId, r, text(p.rows[r])});
    }
  }
  // The columns of the workload table, in the order of the values below.
  NamedRow row(db, QStringLiteral("workload"),
               {"id",
                "pool_id",
                "ord",
                "name",
                "kind",
                "precision",
                "gpus",
                "parameters",
                "layers",
                "hidden_size",
                "ffn_size",
                "heads",
                "kv_heads",
                "head_dim",
                "vocab_size",
                "sequence_length",
                "tokens",
                "target_days",
                "global_batch_tokens",
                "micro_batch",
                "tp",
                "pp",
                "dp",
                "cp",
                "zero_stage",
                "recompute",
                "mfu",
                "goodput",
                "fine_tune_method",
                "lora_rank",
                "runs_per_month",
                "prompt_tokens",
                "output_tokens",
                "requests_per_second",
                "ttft_target_s",
                "tpot_target_s",
                "batching",
                "small_model_share",
                "small_parameters",
                "small_layers",
                "small_hidden_size",
                "small_ffn_size",
                "small_heads",
                "small_kv_heads",
                "small_head_dim",
                "small_vocab_size",
                "small_sequence_length"});
  const QList<Workload>& workloads = project.workloads();
  for (qsizetype i = 0; i < workloads.size(); ++i) {
    const Workload& w = workloads[i];
    const TransformerShape& m = w.model;
    const TransformerShape& s = w.smallModel;
    const Parallelism& par = w.parallelism;
    row.insert({w.id.toString(),
                w.poolId.toString(),
                i,
                text(w.name),
                workloadKindKey(w.kind),
                precisionKey(w.precision),
                w.gpus,
                m.parameters,
                m.layers,
                m.hiddenSize,
                m.ffnSize,
                m.heads,
                m.kvHeads,
                m.headDim,
                m.vocabSize,
                m.sequenceLength,
                w.tokens,
                w.targetDays,
                w.globalBatchTokens,
                w.microBatch,
                par.tp,
                par.pp,
                par.dp,
                par.cp,
                par.zeroStage,
                recomputeModeKey(w.recompute),
                w.mfu,
                w.goodput,
                fineTuneMethodKey(w.fineTuneMethod),
                w.loraRank,
                w.runsPerMonth,
                w.promptTokens,
                w.outputTokens,
                w.requestsPerSecond,
                w.ttftTargetS,
                w.tpotTargetS,
                batchingKey(w.batching),
                w.smallModelShare,
                s.parameters,
                s.layers,
                s.hiddenSize,
                s.ffnSize,
                s.heads,
                s.kvHeads,
                s.headDim,
                s.vocabSize,
                s.sequenceLength});
  }
}

/// Only values that differ from their defaults are stored: a later default change reaches
/// every design that never chose otherwise, and the file says what the architect decided.
void writeAssumptions(QSqlDatabase& db, const DesignAssumptions& assumptions) {
  QSqlQuery row = prepareInsert(db, "INSERT INTO assumption (key, value) VALUES (?, ?)");
  const QMap<QString, double> values = assumptions.overrides();
  for (auto it = values.cbegin(); it != values.cend(); ++it) {
    const AssumptionSpec* spec = DesignAssumptions::spec(it.key());
    const QString value = spec->choices.isEmpty() ? QString::number(it.value(), 'g', 17)
                                                  : assumptions.choice(it.key());
    insertRow(row, {it.key(), value});
  }
}

void writeProject(QSqlDatabase& db, const Project& project) {
  // The file is a scratch copy until renamed: no journal, no sync (we fsync once at the end).
  for (const char* pragma : {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF",
                             "PRAGMA locking_mode = EXCLUSIVE", "PRAGMA cache_size = -65536"}) {
    execSql(db, QString::fromLatin1(pragma), Action::Save);
  }
  createCurrentSchema(db);
  if (!db.transaction()) {
    fail(Action::Save, sqlProblem(db.lastError(), Action::Save));
  }
  {
    QSqlQuery meta = prepareInsert(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    insertRow(meta, {QStringLiteral("app_version"), text(QCoreApplication::applicationVersion())});
    const QString nowUtc = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    insertRow(meta, {QStringLiteral("saved_at"), nowUtc});
    QSqlQuery row = prepareInsert(
        db, "INSERT INTO project (id, name, author, description, revision) VALUES (1, ?, ?, ?, ?)");
    insertRow(row, {text(project.name()), text(project.author()), text(project.description()),
                    text(project.revision())});
    writeHalls(db, project.halls());
    writeRacks(db, project.racks());
    writePowerNodes(db, project.powerNodes());
    writeCooling(db, project);
    writeNetwork(db, project);
    writeWorkloads(db, project);
    writeAssumptions(db, project.assumptions());
  }
  if (!db.commit()) {
    fail(Action::Save, sqlProblem(db.lastError(), Action::Save));
  }
}

// ---- reading -------------------------------------------------------------------------------

/// A streaming SELECT whose readers refuse what the schema's types do not promise (SQLite
/// stores any type in any column), so a damaged row gives a message instead of a silent zero.
/// Messages are built only on failure: a load reads 200,000 rows.
class Rows final {
 public:
  Rows(QSqlDatabase& db, const char* sql) : mQuery(db) {
    mQuery.setForwardOnly(true);  // no result cache
    if (!mQuery.exec(QString::fromLatin1(sql))) {
      fail(Action::Open, sqlProblem(mQuery.lastError(), Action::Open));
    }
  }
  bool next() { return mQuery.next(); }
  QString text(int column) const { return mQuery.value(column).toString(); }

  /// `what` may hold a %1 for `owner`, e.g. ("the x of rack %1", "'R-01'").
  std::int64_t integer(int column, const char* what, const QString& owner = {}) const {
    const QVariant value = mQuery.value(column);
    if (value.typeId() != QMetaType::LongLong) {
      damaged(QStringLiteral("%1 is not a whole number ('%2')")
                  .arg(describe(what, owner), value.toString()));
    }
    return value.toLongLong();
  }
  int smallInteger(int column, const char* what, const QString& owner = {}) const {
    const std::int64_t value = integer(column, what, owner);
    if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
      damaged(QStringLiteral("%1 is out of range (%2)").arg(describe(what, owner)).arg(value));
    }
    return static_cast<int>(value);
  }
  /// A real number; SQLite may hand back an integer for a whole value.
  double real(int column, const char* what, const QString& owner = {}) const {
    const QVariant value = mQuery.value(column);
    if (value.typeId() != QMetaType::Double && value.typeId() != QMetaType::LongLong) {
      damaged(
          QStringLiteral("%1 is not a number ('%2')").arg(describe(what, owner), value.toString()));
    }
    if (!std::isfinite(value.toDouble())) {
      damaged(QStringLiteral("%1 is not a finite number ('%2')")
                  .arg(describe(what, owner), value.toString()));
    }
    return value.toDouble();
  }
  /// An id that may be absent ('').
  template <typename IdT>
  IdT optionalId(int column, const char* kind) const {
    return text(column).isEmpty() ? IdT() : id<IdT>(column, kind);
  }
  template <typename IdT>
  IdT id(int column, const char* kind) const {
    const IdT id = IdT::fromString(text(column));
    if (id.isNull()) {
      damaged(QStringLiteral("a %1 has an invalid id ('%2')").arg(kind, text(column)));
    }
    return id;
  }

 private:
  static QString describe(const char* what, const QString& owner) {
    return owner.isNull() ? QString::fromUtf8(what) : QString::fromUtf8(what).arg(owner);
  }

  QSqlQuery mQuery;
};

/// Adds `id` to `seen`; two rows with one id would make every by-id look-up ambiguous.
template <typename IdT>
void checkUnique(QSet<IdT>& seen, IdT id, const char* kind) {
  if (seen.contains(id)) {
    damaged(QStringLiteral("the %1 id %2 appears twice").arg(kind, id.toString()));
  }
  seen.insert(id);
}

/// Rows left over after their parents were read point at a parent that is not in the file.
template <typename IdT, typename T>
void checkNoOrphans(const QHash<IdT, T>& leftovers, const char* children, const char* parent) {
  if (!leftovers.isEmpty()) {
    damaged(QStringLiteral("%1 refer to %2 %3, which is not in the file")
                .arg(children, parent, leftovers.begin().key().toString()));
  }
}

template <typename IdT>
QHash<IdT, PolygonMm> readVertices(QSqlDatabase& db, const char* sql, const char* kind) {
  Rows rows(db, sql);
  QHash<IdT, PolygonMm> outlines;
  while (rows.next()) {
    outlines[rows.id<IdT>(0, kind)].append(
        PointMm{rows.integer(1, "a corner's x"), rows.integer(2, "a corner's y")});
  }
  return outlines;
}

/// Obstacles by hall, in order.
QHash<HallId, QList<Obstacle>> readObstacles(QSqlDatabase& db) {
  QHash<ObstacleId, PolygonMm> outlines = readVertices<ObstacleId>(
      db, "SELECT obstacle_id, x_mm, y_mm FROM obstacle_vertex ORDER BY obstacle_id, ord",
      "obstacle");
  Rows rows(db, "SELECT id, hall_id, name FROM obstacle ORDER BY hall_id, ord");
  QHash<HallId, QList<Obstacle>> byHall;
  QSet<ObstacleId> seen;
  while (rows.next()) {
    Obstacle obstacle{rows.id<ObstacleId>(0, "obstacle"), rows.text(2), {}};
    checkUnique(seen, obstacle.id, "obstacle");
    obstacle.outlineMm = outlines.take(obstacle.id);
    byHall[rows.id<HallId>(1, "hall")].append(std::move(obstacle));
  }
  checkNoOrphans(outlines, "corners", "obstacle");
  return byHall;
}

void readHalls(QSqlDatabase& db, Project& project) {
  QHash<HallId, PolygonMm> outlines = readVertices<HallId>(
      db, "SELECT hall_id, x_mm, y_mm FROM hall_vertex ORDER BY hall_id, ord", "hall");
  QHash<HallId, QList<Obstacle>> obstacles = readObstacles(db);
  Rows rows(db, "SELECT id, name, tile_mm, ceiling_height_mm FROM hall ORDER BY ord");
  QSet<HallId> seen;
  while (rows.next()) {
    const HallId id = rows.id<HallId>(0, "hall");
    checkUnique(seen, id, "hall");
    const QString label = QStringLiteral("'%1'").arg(rows.text(1));
    Hall hall(id, rows.text(1), outlines.take(id));  // the model validates: see readProject()
    hall.setTileMm(rows.smallInteger(2, "the tile size of hall %1", label));
    hall.setCeilingHeightMm(rows.smallInteger(3, "the ceiling height of hall %1", label));
    hall.setObstacles(obstacles.take(id));
    project.insertHall(-1, std::move(hall));
  }
  checkNoOrphans(outlines, "corners", "hall");
  checkNoOrphans(obstacles, "obstacles", "hall");
}

/// PSU inlet plugs by device.
QHash<MountId, QList<InletPlug>> readPlugs(QSqlDatabase& db) {
  Rows rows(db,
            "SELECT mount_id, inlet, pdu_mount_id, leg FROM inlet_plug ORDER BY mount_id, inlet");
  QHash<MountId, QList<InletPlug>> byMount;
  while (rows.next()) {
    const InletPlug plug{rows.smallInteger(1, "an inlet number"), rows.id<MountId>(2, "plug's PDU"),
                         rows.smallInteger(3, "a plug's leg")};
    if (plug.inlet < 0 || plug.leg < 0 || plug.leg > 2) {
      damaged(QStringLiteral(
                  "a PSU inlet plug has inlet %1 and leg %2 (inlets count from 0, legs are 0 to 2)")
                  .arg(plug.inlet)
                  .arg(plug.leg));
    }
    byMount[rows.id<MountId>(0, "plugged device")].append(plug);
  }
  return byMount;
}

/// Mounts by rack, in order.
QHash<RackId, QList<Mount>> readMounts(QSqlDatabase& db) {
  QHash<MountId, QList<InletPlug>> plugs = readPlugs(db);
  Rows rows(db,
            "SELECT id, rack_id, catalog_id, lowest_u, feed, upstream_id FROM mount"
            " ORDER BY rack_id, ord");
  QHash<RackId, QList<Mount>> byRack;
  QSet<MountId> seen;
  while (rows.next()) {
    Mount mount{rows.id<MountId>(0, "device"), rows.text(2),
                rows.smallInteger(3, "a device's rack unit")};
    checkUnique(seen, mount.id, "device");
    if (!powerFeedFromKey(rows.text(4), &mount.feed)) {
      damaged(QStringLiteral("device %1 is on an unknown feed '%2'")
                  .arg(mount.id.toString(), rows.text(4)));
    }
    mount.upstreamId = rows.optionalId<PowerNodeId>(5, "device's power node");
    mount.plugs = plugs.take(mount.id);
    if (mount.lowestU < 1) {
      damaged(QStringLiteral("device %1 sits at rack unit %2 (the lowest is 1)")
                  .arg(mount.id.toString())
                  .arg(mount.lowestU));
    }
    byRack[rows.id<RackId>(1, "rack")].append(mount);
  }
  checkNoOrphans(plugs, "inlet plugs", "device");
  return byRack;
}

/// Reads one rack row; its mounts come from `mounts`.
Rack readRack(const Rows& rows, const Project& project, QList<Mount> mounts) {
  const RackId id = rows.id<RackId>(0, "rack");
  const QString label =
      rows.text(2).isEmpty() ? id.toString() : QStringLiteral("'%1'").arg(rows.text(2));
  if (project.findRack(id)) {
    damaged(QStringLiteral("the rack id %1 appears twice").arg(id.toString()));
  }
  const HallId hallId = rows.id<HallId>(1, "rack's hall");
  if (!project.findHall(hallId)) {
    damaged(QStringLiteral("rack %1 stands in hall %2, which is not in the file")
                .arg(label, hallId.toString()));
  }
  const int rotationDeg = rows.smallInteger(7, "the rotation of rack %1", label);
  if (rotationDeg != 0 && rotationDeg != 90 && rotationDeg != 180 && rotationDeg != 270) {
    damaged(QStringLiteral("rack %1 has rotation %2 degrees (allowed: 0, 90, 180, 270)")
                .arg(label)
                .arg(rotationDeg));
  }
  CoolingMode mode = CoolingMode::Air;
  if (!coolingModeFromKey(rows.text(8), &mode)) {
    damaged(QStringLiteral("rack %1 has an unknown cooling mode '%2'").arg(label, rows.text(8)));
  }
  const PointMm positionMm{rows.integer(5, "the x of rack %1", label),
                           rows.integer(6, "the y of rack %1", label)};
  Rack rack(id, hallId, rows.text(4), positionMm, rotationDeg);
  rack.setName(rows.text(2));
  rack.setRow(rows.text(3));
  rack.setCoolingMode(mode);
  rack.setRearDoorId(rows.text(9));
  rack.setLiquidLoopId(rows.optionalId<CoolingLoopId>(10, "rack's cooling loop"));
  rack.setAirZoneId(rows.optionalId<CoolingLoopId>(11, "rack's air zone"));
  for (Mount& mount : mounts) {
    rack.insertMount(-1, std::move(mount));
  }
  return rack;
}

void readRacks(QSqlDatabase& db, Project& project) {
  QHash<RackId, QList<Mount>> mounts = readMounts(db);
  Rows rows(db,
            "SELECT id, hall_id, name, row_name, rack_type_id, x_mm, y_mm, rotation_deg, "
            "cooling_mode, rear_door_id, liquid_loop_id, air_zone_id FROM rack ORDER BY ord");
  while (rows.next()) {
    project.insertRack(-1, readRack(rows, project, mounts.take(rows.id<RackId>(0, "rack"))));
  }
  checkNoOrphans(mounts, "devices", "rack");
}

void readPowerNodes(QSqlDatabase& db, Project& project) {
  Rows rows(db,
            "SELECT id, hall_id, kind, name, upstream_id, feed, catalog_id, rated_current_a,"
            " voltage_v, rated_power_w, module_count, module_rating_w, redundancy FROM power_node"
            " ORDER BY ord");
  while (rows.next()) {
    PowerNode node;
    node.id = rows.id<PowerNodeId>(0, "power node");
    node.hallId = rows.id<HallId>(1, "power node's hall");
    node.name = rows.text(3);
    const QString label = QStringLiteral("'%1'").arg(node.name);
    if (project.findPowerNode(node.id)) {
      damaged(QStringLiteral("the power node id %1 appears twice").arg(node.id.toString()));
    }
    if (!project.findHall(node.hallId)) {
      damaged(QStringLiteral("power node %1 is in hall %2, which is not in the file")
                  .arg(label, node.hallId.toString()));
    }
    if (!powerNodeKindFromKey(rows.text(2), &node.kind)) {
      damaged(QStringLiteral("power node %1 has an unknown kind '%2'").arg(label, rows.text(2)));
    }
    node.upstreamId = rows.optionalId<PowerNodeId>(4, "power node's upstream");
    if (!powerFeedFromKey(rows.text(5), &node.feed)) {
      damaged(QStringLiteral("power node %1 is on an unknown feed '%2'").arg(label, rows.text(5)));
    }
    node.catalogId = rows.text(6);
    node.ratedCurrentA = rows.real(7, "the rated current of power node %1", label);
    node.voltageV = rows.real(8, "the voltage of power node %1", label);
    node.ratedPowerW = rows.real(9, "the rated power of power node %1", label);
    node.moduleCount = rows.smallInteger(10, "the module count of power node %1", label);
    node.moduleRatingW = rows.real(11, "the module rating of power node %1", label);
    if (!redundancyFromKey(rows.text(12), &node.redundancy)) {
      damaged(
          QStringLiteral("power node %1 has an unknown redundancy '%2'").arg(label, rows.text(12)));
    }
    // Ratings out of range are the engine's to report (as findings), not a reason to refuse
    // the file: the architect can open it and fix them.
    project.insertPowerNode(-1, std::move(node));
  }
}

void readCoolingLoops(QSqlDatabase& db, Project& project) {
  Rows rows(db, "SELECT id, hall_id, kind, name, redundancy FROM cooling_loop ORDER BY ord");
  while (rows.next()) {
    CoolingLoop loop;
    loop.id = rows.id<CoolingLoopId>(0, "cooling loop");
    loop.hallId = rows.id<HallId>(1, "cooling loop's hall");
    loop.name = rows.text(3);
    const QString label = QStringLiteral("'%1'").arg(loop.name);
    if (project.findCoolingLoop(loop.id)) {
      damaged(QStringLiteral("the cooling loop id %1 appears twice").arg(loop.id.toString()));
    }
    if (!project.findHall(loop.hallId)) {
      damaged(QStringLiteral("cooling loop %1 is in hall %2, which is not in the file")
                  .arg(label, loop.hallId.toString()));
    }
    if (!coolingLoopKindFromKey(rows.text(2), &loop.kind)) {
      damaged(QStringLiteral("cooling loop %1 has an unknown kind '%2'").arg(label, rows.text(2)));
    }
    if (!redundancyFromKey(rows.text(4), &loop.redundancy)) {
      damaged(QStringLiteral("cooling loop %1 has an unknown redundancy '%2'")
                  .arg(label, rows.text(4)));
    }
    project.insertCoolingLoop(-1, std::move(loop));
  }
}

void readCoolingUnits(QSqlDatabase& db, Project& project) {
  Rows rows(db,
            "SELECT id, hall_id, name, catalog_id, x_mm, y_mm, rotation_deg, loop_id"
            " FROM cooling_unit ORDER BY ord");
  while (rows.next()) {
    CoolingUnit unit;
    unit.id = rows.id<CoolingUnitId>(0, "cooling unit");
    unit.hallId = rows.id<HallId>(1, "cooling unit's hall");
    unit.name = rows.text(2);
    const QString label = QStringLiteral("'%1'").arg(unit.name);
    if (project.findCoolingUnit(unit.id)) {
      damaged(QStringLiteral("the cooling unit id %1 appears twice").arg(unit.id.toString()));
    }
    if (!project.findHall(unit.hallId)) {
      damaged(QStringLiteral("cooling unit %1 stands in hall %2, which is not in the file")
                  .arg(label, unit.hallId.toString()));
    }
    unit.catalogId = rows.text(3);
    unit.positionMm = PointMm{rows.integer(4, "the x of cooling unit %1", label),
                              rows.integer(5, "the y of cooling unit %1", label)};
    unit.rotationDeg = rows.smallInteger(6, "the rotation of cooling unit %1", label);
    if (unit.rotationDeg != 0 && unit.rotationDeg != 90 && unit.rotationDeg != 180 &&
        unit.rotationDeg != 270) {
      damaged(QStringLiteral("cooling unit %1 has rotation %2 degrees (allowed: 0, 90, 180, 270)")
                  .arg(label)
                  .arg(unit.rotationDeg));
    }
    unit.loopId = rows.optionalId<CoolingLoopId>(7, "cooling unit's loop");
    // A loop that is missing or in another hall is the engine's to report.
    project.insertCoolingUnit(-1, std::move(unit));
  }
}

void readFabrics(QSqlDatabase& db, Project& project) {
  QHash<FabricSpecId, QList<RackId>> switchRacks;
  {
    Rows rows(db, "SELECT fabric_id, rack_id FROM fabric_switch_rack ORDER BY fabric_id, ord");
    while (rows.next()) {
      switchRacks[rows.id<FabricSpecId>(0, "fabric switch rack's fabric")].append(
          rows.id<RackId>(1, "fabric switch rack"));
    }
  }
  Rows rows(db,
            "SELECT id, hall_id, name, kind, topology, leaf_switch_id, spine_switch_id,"
            " leaf_oversubscription, spine_oversubscription, tiers, rail_optimised, su_nodes,"
            " reserved_ports FROM fabric ORDER BY ord");
  while (rows.next()) {
    FabricSpec spec;
    spec.id = rows.id<FabricSpecId>(0, "fabric");
    spec.hallId = rows.id<HallId>(1, "fabric's hall");
    spec.name = rows.text(2);
    const QString label = QStringLiteral("'%1'").arg(spec.name);
    if (project.findFabricSpec(spec.id)) {
      damaged(QStringLiteral("the fabric id %1 appears twice").arg(spec.id.toString()));
    }
    if (!project.findHall(spec.hallId)) {
      damaged(QStringLiteral("fabric %1 belongs to hall %2, which is not in the file")
                  .arg(label, spec.hallId.toString()));
    }
    if (!fabricKindFromKey(rows.text(3), &spec.kind)) {
      damaged(QStringLiteral("fabric %1 is of an unknown kind '%2'").arg(label, rows.text(3)));
    }
    if (!fabricTopologyFromKey(rows.text(4), &spec.topology)) {
      damaged(QStringLiteral("fabric %1 has an unknown topology '%2'").arg(label, rows.text(4)));
    }
    spec.leafSwitchId = rows.text(5);
    spec.spineSwitchId = rows.text(6);
    // Values out of range stay as saved: the engine names them in a finding.
    spec.leafOversubscription = rows.real(7, "the leaf oversubscription of fabric %1", label);
    spec.spineOversubscription = rows.real(8, "the spine oversubscription of fabric %1", label);
    spec.tiers = rows.smallInteger(9, "the tiers of fabric %1", label);
    spec.railOptimised = rows.integer(10, "rail optimisation of fabric %1", label) != 0;
    spec.suNodes = rows.smallInteger(11, "the scalable-unit size of fabric %1", label);
    spec.reservedPorts = rows.smallInteger(12, "the reserved ports of fabric %1", label);
    spec.switchRackIds = switchRacks.take(spec.id);
    project.insertFabricSpec(-1, std::move(spec));
  }
  checkNoOrphans(switchRacks, "switch racks", "fabric");
}

void readCableTrays(QSqlDatabase& db, Project& project) {
  QHash<CableTrayId, PolygonMm> paths = readVertices<CableTrayId>(
      db, "SELECT tray_id, x_mm, y_mm FROM cable_tray_vertex ORDER BY tray_id, ord",
      "cable tray point");
  Rows rows(db,
            "SELECT id, hall_id, name, height_mm, width_mm, depth_mm, kind FROM cable_tray"
            " ORDER BY ord");
  while (rows.next()) {
    CableTray tray;
    tray.id = rows.id<CableTrayId>(0, "cable tray");
    tray.hallId = rows.id<HallId>(1, "cable tray's hall");
    tray.name = rows.text(2);
    const QString label = QStringLiteral("'%1'").arg(tray.name);
    if (project.findCableTray(tray.id)) {
      damaged(QStringLiteral("the cable tray id %1 appears twice").arg(tray.id.toString()));
    }
    if (!project.findHall(tray.hallId)) {
      damaged(QStringLiteral("cable tray %1 is in hall %2, which is not in the file")
                  .arg(label, tray.hallId.toString()));
    }
    tray.heightMm = rows.smallInteger(3, "the height of cable tray %1", label);
    tray.widthMm = rows.smallInteger(4, "the width of cable tray %1", label);
    tray.depthMm = rows.smallInteger(5, "the depth of cable tray %1", label);
    if (!trayKindFromKey(rows.text(6), &tray.kind)) {
      damaged(QStringLiteral("cable tray %1 is of an unknown kind '%2'").arg(label, rows.text(6)));
    }
    tray.pathMm = paths.take(tray.id);
    if (tray.pathMm.size() < 2) {
      damaged(QStringLiteral("cable tray %1 has %2 points (at least 2 are needed)")
                  .arg(label)
                  .arg(tray.pathMm.size()));
    }
    project.insertCableTray(-1, std::move(tray));
  }
  checkNoOrphans(paths, "cable tray points", "cable tray");
}

void readWorkloadPools(QSqlDatabase& db, Project& project) {
  QHash<WorkloadPoolId, QList<RackId>> racks;
  {
    Rows rows(db, "SELECT pool_id, rack_id FROM workload_pool_rack ORDER BY pool_id, ord");
    while (rows.next()) {
      racks[rows.id<WorkloadPoolId>(0, "workload pool rack's pool")].append(
          rows.id<RackId>(1, "workload pool rack"));
    }
  }
  QHash<WorkloadPoolId, QStringList> rowNames;
  {
    Rows rows(db, "SELECT pool_id, row_name FROM workload_pool_row ORDER BY pool_id, ord");
    while (rows.next()) {
      rowNames[rows.id<WorkloadPoolId>(0, "workload pool row's pool")].append(rows.text(1));
    }
  }
  Rows rows(db,
            "SELECT id, hall_id, name, scheduler, colour_index FROM workload_pool ORDER BY ord");
  while (rows.next()) {
    WorkloadPool pool;
    pool.id = rows.id<WorkloadPoolId>(0, "workload pool");
    pool.hallId = rows.id<HallId>(1, "workload pool's hall");
    pool.name = rows.text(2);
    const QString label = QStringLiteral("'%1'").arg(pool.name);
    if (project.findWorkloadPool(pool.id)) {
      damaged(QStringLiteral("the workload pool id %1 appears twice").arg(pool.id.toString()));
    }
    if (!project.findHall(pool.hallId)) {
      damaged(QStringLiteral("workload pool %1 belongs to hall %2, which is not in the file")
                  .arg(label, pool.hallId.toString()));
    }
    if (!schedulerFromKey(rows.text(3), &pool.scheduler)) {
      damaged(QStringLiteral("workload pool %1 has an unknown scheduler '%2'")
                  .arg(label, rows.text(3)));
    }
    pool.colourIndex = rows.smallInteger(4, "the colour index of workload pool %1", label);
    // Racks since deleted or of another hall stay as saved: poolRackIds skips them.
    pool.rackIds = racks.take(pool.id);
    pool.rows = rowNames.take(pool.id);
    project.insertWorkloadPool(-1, std::move(pool));
  }
  checkNoOrphans(racks, "workload pool racks", "workload pool");
  checkNoOrphans(rowNames, "workload pool rows", "workload pool");
}

/// Nine columns from `first`: parameters, layers, hidden, FFN, heads, KV heads, head dimension,
/// vocabulary, sequence length (the small model's columns follow the same order).
TransformerShape readShape(const Rows& rows, int first, const QString& label, bool small) {
  const char* const what[] = {
      "the parameters of workload %1",      "the layers of workload %1",
      "the hidden size of workload %1",     "the FFN size of workload %1",
      "the attention heads of workload %1", "the KV heads of workload %1",
      "the head dimension of workload %1",  "the vocabulary size of workload %1",
      "the sequence length of workload %1",
  };
  const char* const smallWhat[] = {
      "the small model's parameters of workload %1",
      "the small model's layers of workload %1",
      "the small model's hidden size of workload %1",
      "the small model's FFN size of workload %1",
      "the small model's attention heads of workload %1",
      "the small model's KV heads of workload %1",
      "the small model's head dimension of workload %1",
      "the small model's vocabulary size of workload %1",
      "the small model's sequence length of workload %1",
  };
  const char* const* names = small ? smallWhat : what;
  TransformerShape shape;
  shape.parameters = rows.real(first, names[0], label);
  shape.layers = rows.smallInteger(first + 1, names[1], label);
  shape.hiddenSize = rows.smallInteger(first + 2, names[2], label);
  shape.ffnSize = rows.smallInteger(first + 3, names[3], label);
  shape.heads = rows.smallInteger(first + 4, names[4], label);
  shape.kvHeads = rows.smallInteger(first + 5, names[5], label);
  shape.headDim = rows.smallInteger(first + 6, names[6], label);
  shape.vocabSize = rows.smallInteger(first + 7, names[7], label);
  shape.sequenceLength = rows.smallInteger(first + 8, names[8], label);
  return shape;
}

void readWorkloads(QSqlDatabase& db, Project& project) {
  Rows rows(db,
            "SELECT id, pool_id, name, kind, precision, gpus,"                        // 0-5
            " parameters, layers, hidden_size, ffn_size, heads, kv_heads, head_dim,"  // 6-12
            " vocab_size, sequence_length,"                                           // 13-14
            " tokens, target_days, global_batch_tokens, micro_batch,"                 // 15-18
            " tp, pp, dp, cp, zero_stage, recompute, mfu, goodput,"                   // 19-26
            " fine_tune_method, lora_rank, runs_per_month,"                           // 27-29
            " prompt_tokens, output_tokens, requests_per_second, ttft_target_s,"      // 30-33
            " tpot_target_s, batching, small_model_share,"                            // 34-36
            " small_parameters, small_layers, small_hidden_size, small_ffn_size,"     // 37-40
            " small_heads, small_kv_heads, small_head_dim, small_vocab_size,"         // 41-44
            " small_sequence_length FROM workload ORDER BY ord");                     // 45
  while (rows.next()) {
    Workload w;
    w.id = rows.id<WorkloadId>(0, "workload");
    w.poolId = rows.id<WorkloadPoolId>(1, "workload's pool");
    w.name = rows.text(2);
    const QString label = QStringLiteral("'%1'").arg(w.name);
    if (project.findWorkload(w.id)) {
      damaged(QStringLiteral("the workload id %1 appears twice").arg(w.id.toString()));
    }
    if (!project.findWorkloadPool(w.poolId)) {
      damaged(QStringLiteral("workload %1 runs on pool %2, which is not in the file")
                  .arg(label, w.poolId.toString()));
    }
    auto key = [&](int column, const char* field, auto fromKey, auto* value) {
      if (!fromKey(rows.text(column), value)) {
        damaged(QStringLiteral("workload %1 has an unknown %2 '%3'")
                    .arg(label, QString::fromLatin1(field), rows.text(column)));
      }
    };
    key(3, "kind", workloadKindFromKey, &w.kind);
    key(4, "precision", precisionFromKey, &w.precision);
    w.gpus = rows.smallInteger(5, "the GPUs of workload %1", label);
    w.model = readShape(rows, 6, label, false);
    w.tokens = rows.real(15, "the tokens of workload %1", label);
    w.targetDays = rows.real(16, "the target days of workload %1", label);
    w.globalBatchTokens = rows.real(17, "the global batch tokens of workload %1", label);
    w.microBatch = rows.smallInteger(18, "the micro-batch of workload %1", label);
    w.parallelism.tp = rows.smallInteger(19, "the tensor parallel of workload %1", label);
    w.parallelism.pp = rows.smallInteger(20, "the pipeline parallel of workload %1", label);
    w.parallelism.dp = rows.smallInteger(21, "the data parallel of workload %1", label);
    w.parallelism.cp = rows.smallInteger(22, "the context parallel of workload %1", label);
    w.parallelism.zeroStage = rows.smallInteger(23, "the ZeRO stage of workload %1", label);
    key(24, "recompute mode", recomputeModeFromKey, &w.recompute);
    w.mfu = rows.real(25, "the MFU of workload %1", label);
    w.goodput = rows.real(26, "the goodput of workload %1", label);
    key(27, "fine-tuning method", fineTuneMethodFromKey, &w.fineTuneMethod);
    w.loraRank = rows.smallInteger(28, "the LoRA rank of workload %1", label);
    w.runsPerMonth = rows.real(29, "the runs per month of workload %1", label);
    w.promptTokens = rows.smallInteger(30, "the prompt tokens of workload %1", label);
    w.outputTokens = rows.smallInteger(31, "the output tokens of workload %1", label);
    w.requestsPerSecond = rows.real(32, "the request rate of workload %1", label);
    w.ttftTargetS = rows.real(33, "the TTFT target of workload %1", label);
    w.tpotTargetS = rows.real(34, "the TPOT target of workload %1", label);
    key(35, "batching", batchingFromKey, &w.batching);
    w.smallModelShare = rows.real(36, "the small-model share of workload %1", label);
    w.smallModel = readShape(rows, 37, label, true);
    // Values out of range stay as saved: the fit pass names them (fit.input-invalid), and the
    // architect can open the file and fix them.
    project.insertWorkload(-1, std::move(w));
  }
}

void readAssumptions(QSqlDatabase& db, Project& project) {
  DesignAssumptions assumptions;
  Rows rows(db, "SELECT key, value FROM assumption ORDER BY key");
  while (rows.next()) {
    const QString key = rows.text(0);
    const AssumptionSpec* spec = DesignAssumptions::spec(key);
    if (!spec) {
      damaged(QStringLiteral("it holds an unknown design assumption '%1'").arg(key));
    }
    const QString value = rows.text(1);
    if (!spec->choices.isEmpty()) {
      const qsizetype index = spec->choices.indexOf(value);
      if (index < 0) {
        damaged(QStringLiteral("design assumption %1 is '%2' (allowed: %3)")
                    .arg(key, value, spec->choices.join(QStringLiteral(", "))));
      }
      assumptions.setValueUnchecked(key, double(index));
      continue;
    }
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number)) {
      damaged(QStringLiteral("design assumption %1 is not a finite number ('%2')").arg(key, value));
    }
    assumptions.setValueUnchecked(key, number);  // range problems become engine findings
  }
  project.setAssumptions(assumptions);
}

Project readProject(QSqlDatabase& db) {
  Project project;
  Rows rows(db, "SELECT name, author, description, revision FROM project WHERE id = 1");
  if (!rows.next()) {
    damaged(QStringLiteral("the project record is missing"));
  }
  project.setName(rows.text(0));
  project.setAuthor(rows.text(1));
  project.setDescription(rows.text(2));
  project.setRevision(rows.text(3));
  try {
    readHalls(db, project);
    readRacks(db, project);
    readPowerNodes(db, project);
    readCoolingLoops(db, project);
    readCoolingUnits(db, project);
    readFabrics(db, project);
    readCableTrays(db, project);
    readWorkloadPools(db, project);
    readWorkloads(db, project);
    readAssumptions(db, project);
  } catch (const std::invalid_argument& e) {  // a model invariant the rows break
    damaged(QString::fromUtf8(e.what()));
  }
  return project;
}

}  // namespace

void writeProjectRows(QSqlDatabase& db, const Project& project) {
  writeProject(db, project);
}

Project readProjectRows(QSqlDatabase& db) {
  return readProject(db);
}

}  // namespace dc
