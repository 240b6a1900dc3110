// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace dc {

namespace {

using Action = StorageError::Action;

/// Schema errors are re-thrown by projectfile.cpp under the user's file name; the working copy's
/// name would only confuse.
[[noreturn]] void fail(Action action, const QString& problem) {
  throw StorageError(action, QString(), problem);
}

/// Reads an integer PRAGMA such as `user_version`.
std::int64_t pragmaValue(QSqlDatabase& db, const QString& name, Action action = Action::Open) {
  QSqlQuery query(db);
  if (!query.exec(QStringLiteral("PRAGMA %1").arg(name)) || !query.next()) {
    fail(action, sqlProblem(query.lastError(), action));
  }
  return query.value(0).toLongLong();
}

/// Thrown by migration steps, which do not know whether a file is being opened or saved;
/// runSteps() words it for the user.
struct SqlFailure {
  QSqlError error;
};

void exec(QSqlDatabase& db, const QString& sql) {
  QSqlQuery query(db);
  if (!query.exec(sql)) {
    throw SqlFailure{query.lastError()};
  }
}

[[noreturn]] void failNewer(std::int64_t fileVersion) {
  fail(Action::Open, QStringLiteral("it was saved by a newer DC Studio (schema %1; this version "
                                    "reads up to %2). Please update DC Studio to open it")
                         .arg(fileVersion)
                         .arg(kSchemaVersion));
}

[[noreturn]] void failForeign(const QString& why) {
  fail(Action::Open,
       QStringLiteral("it is an SQLite database but not a DC Studio project (%1)").arg(why));
}

// One function per step. A step edits tables and rows, never C++ objects, so old steps keep
// working however the model classes change later. Each runs inside upgradeToCurrent()'s
// transaction.

/// Version 1: the first released format.
void createV1(QSqlDatabase& db) {
  static const char* const kStatements[] = {
      "PRAGMA application_id = 1145262932",  // kApplicationId, 'DCST'
      "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      "INSERT INTO meta (key, value) VALUES ('format', 'dcstudio-project')",
      "CREATE TABLE project (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL,"
      " author TEXT NOT NULL, description TEXT NOT NULL)",
      "CREATE TABLE hall (id TEXT PRIMARY KEY, ord INTEGER NOT NULL UNIQUE, name TEXT NOT NULL,"
      " tile_mm INTEGER NOT NULL, ceiling_height_mm INTEGER NOT NULL)",
      "CREATE TABLE hall_vertex (hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL, x_mm INTEGER NOT NULL, y_mm INTEGER NOT NULL,"
      " PRIMARY KEY (hall_id, ord))",
      "CREATE TABLE obstacle (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL, name TEXT NOT NULL, UNIQUE (hall_id, ord))",
      "CREATE TABLE obstacle_vertex (obstacle_id TEXT NOT NULL REFERENCES obstacle (id),"
      " ord INTEGER NOT NULL, x_mm INTEGER NOT NULL, y_mm INTEGER NOT NULL,"
      " PRIMARY KEY (obstacle_id, ord))",
      "CREATE TABLE rack (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, row_name TEXT NOT NULL,"
      " rack_type_id TEXT NOT NULL, x_mm INTEGER NOT NULL, y_mm INTEGER NOT NULL,"
      " rotation_deg INTEGER NOT NULL CHECK (rotation_deg IN (0, 90, 180, 270)),"
      " cooling_mode TEXT NOT NULL)",
      "CREATE TABLE mount (id TEXT PRIMARY KEY, rack_id TEXT NOT NULL REFERENCES rack (id),"
      " ord INTEGER NOT NULL, catalog_id TEXT NOT NULL,"
      " lowest_u INTEGER NOT NULL CHECK (lowest_u >= 1), UNIQUE (rack_id, ord))",
  };
  static_assert(kApplicationId == 1145262932);
  for (const char* statement : kStatements) {
    exec(db, QString::fromLatin1(statement));
  }
}

/// Version 2: power distribution (UPS, switchboards, busways, RPPs, 800 VDC power racks), PDU
/// feeds and upstreams on mounts, PSU inlet plugs, and the design assumptions. Existing rows
/// keep their meaning: a mount with no feed, a project with every assumption at its default.
void v1ToV2(QSqlDatabase& db) {
  static const char* const kStatements[] = {
      "CREATE TABLE assumption (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
      "CREATE TABLE power_node (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL,"
      " upstream_id TEXT NOT NULL DEFAULT '', feed TEXT NOT NULL DEFAULT '',"
      " catalog_id TEXT NOT NULL DEFAULT '', rated_current_a REAL NOT NULL DEFAULT 0,"
      " voltage_v REAL NOT NULL DEFAULT 0, rated_power_w REAL NOT NULL DEFAULT 0,"
      " module_count INTEGER NOT NULL DEFAULT 0, module_rating_w REAL NOT NULL DEFAULT 0,"
      " redundancy TEXT NOT NULL DEFAULT 'n')",
      "ALTER TABLE mount ADD COLUMN feed TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE mount ADD COLUMN upstream_id TEXT NOT NULL DEFAULT ''",
      "CREATE TABLE inlet_plug (mount_id TEXT NOT NULL REFERENCES mount (id),"
      " inlet INTEGER NOT NULL CHECK (inlet >= 0), pdu_mount_id TEXT NOT NULL,"
      " leg INTEGER NOT NULL CHECK (leg BETWEEN 0 AND 2), PRIMARY KEY (mount_id, inlet))",
  };
  for (const char* statement : kStatements) {
    exec(db, QString::fromLatin1(statement));
  }
}

/// Version 3: cooling. CDU loops and air zones, floor cooling units (CDUs, CRAH units, in-row
/// coolers) as their own objects, and on each rack its rear door and the loop and zone serving
/// it. Existing racks keep their meaning: no door, served by their hall's only loop and zone.
void v2ToV3(QSqlDatabase& db) {
  static const char* const kStatements[] = {
      "CREATE TABLE cooling_loop (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL,"
      " redundancy TEXT NOT NULL DEFAULT 'n+1')",
      "CREATE TABLE cooling_unit (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, catalog_id TEXT NOT NULL,"
      " x_mm INTEGER NOT NULL, y_mm INTEGER NOT NULL, rotation_deg INTEGER NOT NULL DEFAULT 0,"
      " loop_id TEXT NOT NULL DEFAULT '')",
      "ALTER TABLE rack ADD COLUMN rear_door_id TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE rack ADD COLUMN liquid_loop_id TEXT NOT NULL DEFAULT ''",
      "ALTER TABLE rack ADD COLUMN air_zone_id TEXT NOT NULL DEFAULT ''",
  };
  for (const char* statement : kStatements) {
    exec(db, QString::fromLatin1(statement));
  }
}

/// Version 4: the design's revision, as the report's cover and title blocks carry it. Existing
/// projects have none yet (empty).
void v3ToV4(QSqlDatabase& db) {
  exec(db, QStringLiteral("ALTER TABLE project ADD COLUMN revision TEXT NOT NULL DEFAULT ''"));
}

/// Version 5: network fabrics (their specification and switch racks) and cable trays. Existing
/// projects have neither: the fabric pass then generates nothing until a fabric is added.
void v4ToV5(QSqlDatabase& db) {
  static const char* const kStatements[] = {
      "CREATE TABLE fabric (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,"
      " topology TEXT NOT NULL DEFAULT 'fat-tree', leaf_switch_id TEXT NOT NULL,"
      " spine_switch_id TEXT NOT NULL DEFAULT '', leaf_oversubscription REAL NOT NULL DEFAULT 1,"
      " spine_oversubscription REAL NOT NULL DEFAULT 1, tiers INTEGER NOT NULL DEFAULT 0,"
      " rail_optimised INTEGER NOT NULL DEFAULT 1, su_nodes INTEGER NOT NULL DEFAULT 0,"
      " reserved_ports INTEGER NOT NULL DEFAULT 0)",
      "CREATE TABLE fabric_switch_rack (fabric_id TEXT NOT NULL REFERENCES fabric (id),"
      " ord INTEGER NOT NULL, rack_id TEXT NOT NULL, PRIMARY KEY (fabric_id, ord))",
      "CREATE TABLE cable_tray (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL REFERENCES hall (id),"
      " ord INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, height_mm INTEGER NOT NULL,"
      " width_mm INTEGER NOT NULL, depth_mm INTEGER NOT NULL, kind TEXT NOT NULL)",
      "CREATE TABLE cable_tray_vertex (tray_id TEXT NOT NULL REFERENCES cable_tray (id),"
      " ord INTEGER NOT NULL, x_mm INTEGER NOT NULL, y_mm INTEGER NOT NULL,"
      " PRIMARY KEY (tray_id, ord))",
  };
  for (const char* statement : kStatements) {
    exec(db, QString::fromLatin1(statement));
  }
}

/// Version 6: workloads. Pools of GPU nodes (racks named one by one, and whole rows, both in
/// order) with their scheduler, and the training, fine-tuning and inference workloads that run
/// on them; enums are saved as their keys. Existing projects have none: the fit pass then
/// reports nothing until a workload is added.
void v5ToV6(QSqlDatabase& db) {
  static const char* const kStatements[] = {
      "CREATE TABLE workload_pool (id TEXT PRIMARY KEY,"
      " hall_id TEXT NOT NULL REFERENCES hall (id), ord INTEGER NOT NULL UNIQUE,"
      " name TEXT NOT NULL, scheduler TEXT NOT NULL DEFAULT 'slurm',"
      " colour_index INTEGER NOT NULL DEFAULT 0)",
      "CREATE TABLE workload_pool_rack (pool_id TEXT NOT NULL REFERENCES workload_pool (id),"
      " ord INTEGER NOT NULL, rack_id TEXT NOT NULL, PRIMARY KEY (pool_id, ord))",
      "CREATE TABLE workload_pool_row (pool_id TEXT NOT NULL REFERENCES workload_pool (id),"
      " ord INTEGER NOT NULL, row_name TEXT NOT NULL, PRIMARY KEY (pool_id, ord))",
      "CREATE TABLE workload (id TEXT PRIMARY KEY,"
      " pool_id TEXT NOT NULL REFERENCES workload_pool (id),"
      " ord INTEGER NOT NULL UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,"
      " precision TEXT NOT NULL DEFAULT 'bf16', gpus INTEGER NOT NULL DEFAULT 0,"
      " parameters REAL NOT NULL DEFAULT 0, layers INTEGER NOT NULL DEFAULT 0,"
      " hidden_size INTEGER NOT NULL DEFAULT 0, ffn_size INTEGER NOT NULL DEFAULT 0,"
      " heads INTEGER NOT NULL DEFAULT 0, kv_heads INTEGER NOT NULL DEFAULT 0,"
      " head_dim INTEGER NOT NULL DEFAULT 0, vocab_size INTEGER NOT NULL DEFAULT 0,"
      " sequence_length INTEGER NOT NULL DEFAULT 0, tokens REAL NOT NULL DEFAULT 0,"
      " target_days REAL NOT NULL DEFAULT 0, global_batch_tokens REAL NOT NULL DEFAULT 0,"
      " micro_batch INTEGER NOT NULL DEFAULT 1, tp INTEGER NOT NULL DEFAULT 0,"
      " pp INTEGER NOT NULL DEFAULT 1, dp INTEGER NOT NULL DEFAULT 0,"
      " cp INTEGER NOT NULL DEFAULT 1, zero_stage INTEGER NOT NULL DEFAULT 1,"
      " recompute TEXT NOT NULL DEFAULT 'selective', mfu REAL NOT NULL DEFAULT 0,"
      " goodput REAL NOT NULL DEFAULT 0, fine_tune_method TEXT NOT NULL DEFAULT 'full',"
      " lora_rank INTEGER NOT NULL DEFAULT 16, runs_per_month REAL NOT NULL DEFAULT 1,"
      " prompt_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0,"
      " requests_per_second REAL NOT NULL DEFAULT 0, ttft_target_s REAL NOT NULL DEFAULT 2,"
      " tpot_target_s REAL NOT NULL DEFAULT 0.2, batching TEXT NOT NULL DEFAULT 'continuous',"
      " small_model_share REAL NOT NULL DEFAULT 0,"
      " small_parameters REAL NOT NULL DEFAULT 0, small_layers INTEGER NOT NULL DEFAULT 0,"
      " small_hidden_size INTEGER NOT NULL DEFAULT 0,"
      " small_ffn_size INTEGER NOT NULL DEFAULT 0, small_heads INTEGER NOT NULL DEFAULT 0,"
      " small_kv_heads INTEGER NOT NULL DEFAULT 0, small_head_dim INTEGER NOT NULL DEFAULT 0,"
      " small_vocab_size INTEGER NOT NULL DEFAULT 0,"
      " small_sequence_length INTEGER NOT NULL DEFAULT 0)",
  };
  for (const char* statement : kStatements) {
    exec(db, QString::fromLatin1(statement));
  }
}

struct Step {
  int toVersion;
  void (*apply)(QSqlDatabase&);
};

/// Step i brings a file from version i to version i + 1.
constexpr std::array<Step, kSchemaVersion> kSteps{
    {{1, &createV1}, {2, &v1ToV2}, {3, &v2ToV3}, {4, &v3ToV4}, {5, &v4ToV5}, {6, &v5ToV6}}};

bool hasTables(QSqlDatabase& db, Action action) {
  QSqlQuery query(db);
  if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next()) {
    fail(action, sqlProblem(query.lastError(), action));
  }
  return query.value(0).toLongLong() > 0;
}

/// Applies every step above `fileVersion` in one transaction: all or nothing.
void runSteps(QSqlDatabase& db, int fileVersion, Action action) {
  if (fileVersion == kSchemaVersion) {
    return;
  }
  if (!db.transaction()) {
    fail(action, sqlProblem(db.lastError(), action));
  }
  try {
    for (const Step& step : kSteps) {
      if (step.toVersion > fileVersion) {
        step.apply(db);
        exec(db, QStringLiteral("PRAGMA user_version = %1").arg(step.toVersion));
      }
    }
  } catch (const SqlFailure& failure) {
    db.rollback();
    fail(action, sqlProblem(failure.error, action));
  } catch (...) {
    db.rollback();
    throw;
  }
  if (!db.commit()) {
    fail(action, sqlProblem(db.lastError(), action));
  }
}

}  // namespace

QString sqlProblem(const QSqlError& error, StorageError::Action action) {
  const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
  return action == Action::Open
             ? QStringLiteral("the file is damaged or unreadable (SQLite: %1)").arg(detail)
             : QStringLiteral("the file could not be written (SQLite: %1)").arg(detail);
}

void execSql(QSqlDatabase& db, const QString& sql, StorageError::Action action) {
  QSqlQuery query(db);
  if (!query.exec(sql)) {
    fail(action, sqlProblem(query.lastError(), action));
  }
}

int checkProjectFile(QSqlDatabase& db) {
  // The signature comes first: a foreign database's user_version means nothing to us.
  if (pragmaValue(db, QStringLiteral("application_id")) != kApplicationId) {
    failForeign(QStringLiteral("no DC Studio signature"));
  }
  const std::int64_t fileVersion = pragmaValue(db, QStringLiteral("user_version"));
  if (fileVersion > kSchemaVersion) {
    failNewer(fileVersion);
  }
  if (fileVersion < 1) {
    failForeign(QStringLiteral("no schema version"));
  }
  QSqlQuery query(db);
  query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'format'"));
  if (!query.exec() || !query.next()) {
    failForeign(QStringLiteral("no format record"));
  }
  const QString format = query.value(0).toString();
  if (format != QLatin1String(kFormatName)) {
    failForeign(QStringLiteral("its format is '%1'").arg(format));
  }
  return static_cast<int>(fileVersion);
}

void createCurrentSchema(QSqlDatabase& db) {
  if (hasTables(db, Action::Save)) {
    fail(Action::Save, QStringLiteral("the new file is not empty"));
  }
  runSteps(db, 0, Action::Save);
}

void upgradeToCurrent(QSqlDatabase& db) {
  const std::int64_t fileVersion = pragmaValue(db, QStringLiteral("user_version"));
  if (fileVersion == 0 && hasTables(db, Action::Open)) {
    failForeign(QStringLiteral("no DC Studio signature"));
  }
  if (fileVersion > 0) {
    checkProjectFile(db);
  }
  runSteps(db, static_cast<int>(fileVersion), Action::Open);
}

}  // namespace dc
