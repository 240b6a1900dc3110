// SPDX-License-Identifier: GPL-3.0-or-later
// Opening refuses what is not a whole DC Studio project, with a message an architect can act on.
#include "sampleprojects.h"
#include "storage/projectfile.h"
#include "storage/schema.h"
#include "storagetestutil.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace dc;
using namespace dc::testdata;

class TestProjectFileErrors final : public QObject {
  Q_OBJECT

 private slots:
  void init() { mDir = std::make_unique<QTemporaryDir>(); }
  void cleanup() { mDir.reset(); }

  void schemaUpgradeChain();
  void openRefusesForeignFiles_data();
  void openRefusesForeignFiles();
  void openRefusesDamagedRows_data();
  void openRefusesDamagedRows();
  void openRefusesDamagedWorkloadRows_data();
  void openRefusesDamagedWorkloadRows();

 private:
  QString path(const QString& name) const { return mDir->filePath(name); }

  std::unique_ptr<QTemporaryDir> mDir;
};

void TestProjectFileErrors::schemaUpgradeChain() {
  const QString name = QUuid::createUuid().toString();
  {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path("empty.db"));
    QVERIFY(db.open());
    upgradeToCurrent(db);  // from nothing, as a new file
    QCOMPARE(checkProjectFile(db), kSchemaVersion);
    upgradeToCurrent(db);  // already current: no-op
    QVERIFY_THROWS_EXCEPTION(StorageError, createCurrentSchema(db));
    QSqlQuery(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion + 1), db);
    QVERIFY_THROWS_EXCEPTION(StorageError, upgradeToCurrent(db));
    QSqlQuery(QStringLiteral("PRAGMA application_id = 7"), db);
    QVERIFY_THROWS_EXCEPTION(StorageError, checkProjectFile(db));
  }
  QSqlDatabase::removeDatabase(name);
}

void TestProjectFileErrors::openRefusesForeignFiles_data() {
  QTest::addColumn<QString>("kind");
  QTest::addColumn<QString>("expected");
  QTest::newRow("missing") << "missing"
                           << "the file does not exist";
  QTest::newRow("text") << "text"
                        << "it is not a DC Studio project (not an SQLite database)";
  QTest::newRow("png") << "png"
                       << "it is not a DC Studio project (not an SQLite database)";
  QTest::newRow("empty") << "empty"
                         << "the file is empty";
  QTest::newRow("folder") << "folder"
                          << "it is a folder";
  QTest::newRow("foreign SQLite") << "foreign"
                                  << "not a DC Studio project (no DC Studio signature)";
  QTest::newRow("SQLite without tables") << "bare"
                                         << "no DC Studio signature";
  QTest::newRow("our id, no meta") << "nometa"
                                   << "not a DC Studio project (no format record)";
  QTest::newRow("newer schema")
      << "newer"
      << QStringLiteral("saved by a newer DC Studio (schema %1; this version reads up to %2)")
             .arg(kSchemaVersion + 1)
             .arg(kSchemaVersion);
  QTest::newRow("SQLite header, garbage body") << "garbage"
                                               << "the file is damaged or unreadable";
}

void TestProjectFileErrors::openRefusesForeignFiles() {
  QFETCH(QString, kind);
  QFETCH(QString, expected);
  const QString file = path(QStringLiteral("hall.dcstudio"));
  auto write = [&](const QByteArray& bytes) {
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
  };
  if (kind == "text") {
    write("Rack list\nR-01, R-02\n");
  } else if (kind == "png") {
    write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  } else if (kind == "empty") {
    write({});
  } else if (kind == "folder") {
    QDir(mDir->path()).mkdir(QStringLiteral("hall.dcstudio"));
  } else if (kind == "foreign") {
    QVERIFY(
        execOn(file, {"CREATE TABLE recipes (id INTEGER, title TEXT)", "PRAGMA user_version = 1"}));
  } else if (kind == "bare") {
    QVERIFY(execOn(file, {"CREATE TABLE t (x)", "DROP TABLE t"}));
  } else if (kind == "nometa") {
    saveProject(frozenSampleProject(), file);
    QVERIFY(execOn(file, {"DROP TABLE meta"}));
  } else if (kind == "newer") {
    saveProject(frozenSampleProject(), file);
    QVERIFY(execOn(file, {QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion + 1)}));
  } else if (kind == "garbage") {
    write(QByteArray("SQLite format 3\0", 16) + QByteArray(4096, '\x5a'));
  }
  const QByteArray before = readBytes(file);
  const QString message = openError(file);
  QVERIFY2(message.startsWith(QStringLiteral("Cannot open 'hall.dcstudio': ")),
           qPrintable(message));
  QVERIFY2(message.contains(expected), qPrintable(message));
  QCOMPARE(readBytes(file), before);
}

void TestProjectFileErrors::openRefusesDamagedRows_data() {
  QTest::addColumn<QStringList>("sql");
  QTest::addColumn<QString>("expected");
  const QString bypass = QStringLiteral("PRAGMA ignore_check_constraints = ON");
  const QString otherId = QUuid::createUuid().toString(QUuid::WithoutBraces);
  QTest::newRow("rotation 45") << QStringList{bypass,
                                              "UPDATE rack SET rotation_deg = 45 WHERE ord = 0"}
                               << "rack 'R-00' has rotation 45 degrees (allowed: 0, 90, 180, 270)";
  QTest::newRow("bad uuid") << QStringList{"UPDATE rack SET id = 'not-a-uuid' WHERE ord = 0"}
                            << "a rack has an invalid id ('not-a-uuid')";
  QTest::newRow("rack's hall missing")
      << QStringList{QStringLiteral("UPDATE rack SET hall_id = '%1' WHERE ord = 1").arg(otherId)}
      << QStringLiteral("rack 'R-01' stands in hall %1, which is not in the file").arg(otherId);
  QTest::newRow("duplicate rack id")
      << QStringList{"INSERT INTO rack SELECT upper(id), hall_id, 99, name, row_name, rack_type_id,"
                     " x_mm, y_mm, rotation_deg, cooling_mode, rear_door_id, liquid_loop_id, air_zone_id"
                     " FROM rack WHERE ord = 0"}
      << "appears twice";
  QTest::newRow("duplicate device id")
      << QStringList{"INSERT INTO mount (id, rack_id, ord, catalog_id, lowest_u) SELECT '{' || id"
                     " || '}', rack_id, 99, catalog_id, lowest_u FROM mount WHERE ord = 0 LIMIT 1"}
      << "the device id";
  QTest::newRow("device's rack missing")
      << QStringList{QStringLiteral("UPDATE mount SET rack_id = '%1'"
                                    " WHERE rowid = (SELECT min(rowid) FROM mount)")
                         .arg(otherId)}
      << QStringLiteral("devices refer to rack %1").arg(otherId);
  QTest::newRow("unit 0") << QStringList{bypass, "UPDATE mount SET lowest_u = 0"} << "rack unit 0";
  QTest::newRow("cooling") << QStringList{"UPDATE rack SET cooling_mode = 'steam'"}
                           << "unknown cooling mode 'steam'";
  QTest::newRow("text position") << QStringList{"UPDATE rack SET x_mm = 'left' WHERE ord = 0"}
                                 << "the x of rack 'R-00' is not a whole number ('left')";
  QTest::newRow("two-corner hall") << QStringList{"DELETE FROM hall_vertex WHERE ord >= 2"}
                                   << "a hall outline needs at least 3 corners";
  QTest::newRow("tile 5 mm") << QStringList{"UPDATE hall SET tile_mm = 5"}
                             << "floor tile size must be between 100 and 2000 mm";
  QTest::newRow("orphan obstacle")
      << QStringList{"DELETE FROM obstacle"} << "corners refer to obstacle";
  QTest::newRow("no project row") << QStringList{"DELETE FROM project"}
                                  << "project record is missing";
  // Schema 2: power distribution, feeds, plugs, assumptions.
  QTest::newRow("unknown feed") << QStringList{"UPDATE mount SET feed = 'z'"}
                                << "on an unknown feed 'z'";
  QTest::newRow("bad upstream id")
      << QStringList{"UPDATE mount SET upstream_id = 'nope'"} << "invalid id ('nope')";
  const QString hallIdSql = QStringLiteral("(SELECT id FROM hall WHERE ord = 0)");
  QTest::newRow("unknown node kind")
      << QStringList{QStringLiteral("INSERT INTO power_node (id, hall_id, ord, kind, name) VALUES "
                                    "('%1', %2, 0, 'fusion-reactor', 'FR-1')")
                         .arg(otherId, hallIdSql)}
      << "power node 'FR-1' has an unknown kind 'fusion-reactor'";
  QTest::newRow("node's hall missing")
      << QStringList{QStringLiteral("INSERT INTO power_node (id, hall_id, ord, kind, name) VALUES "
                                    "('%1', '%1', 0, 'busway', 'BW-1')")
                         .arg(otherId)}
      << "power node 'BW-1' is in hall";
  QTest::newRow("text rating")
      << QStringList{QStringLiteral("INSERT INTO power_node (id, hall_id, ord, kind, name, "
                                    "rated_current_a) VALUES ('%1', %2, 0, 'busway', 'BW-1', "
                                    "'lots')")
                         .arg(otherId, hallIdSql)}
      << "the rated current of power node 'BW-1' is not a number ('lots')";
  QTest::newRow("unknown assumption")
      << QStringList{"INSERT INTO assumption (key, value) VALUES ('power.warpFactor', '9')"}
      << "unknown design assumption 'power.warpFactor'";
  QTest::newRow("assumption not a number")
      << QStringList{"INSERT INTO assumption (key, value) VALUES ('facility.pue', 'low')"}
      << "design assumption facility.pue is not a finite number ('low')";
  QTest::newRow("assumption infinite")
      << QStringList{"INSERT INTO assumption (key, value) VALUES ('facility.pue', 'inf')"}
      << "design assumption facility.pue is not a finite number ('inf')";
  QTest::newRow("unknown supply system")
      << QStringList{"INSERT INTO assumption (key, value) VALUES ('power.supplySystem', 'ac-999')"}
      << "design assumption power.supplySystem is 'ac-999'";
  QTest::newRow("plug of a missing device")
      << QStringList{QStringLiteral("INSERT INTO inlet_plug (mount_id, inlet, pdu_mount_id, leg) "
                                    "VALUES ('%1', 0, '%1', 0)")
                         .arg(otherId)}
      << "inlet plugs refer to device";
}

void TestProjectFileErrors::openRefusesDamagedRows() {
  QFETCH(QStringList, sql);
  QFETCH(QString, expected);
  const QString file = path(QStringLiteral("damaged.dcstudio"));
  saveProject(frozenSampleProject(), file);
  QVERIFY(execOn(file, sql));
  const QString message = openError(file);
  QVERIFY2(
      message.startsWith(QStringLiteral("Cannot open 'damaged.dcstudio': the file is damaged: ")),
      qPrintable(message));
  QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestProjectFileErrors::openRefusesDamagedWorkloadRows_data() {
  // Schema 6: workload pools and workloads. Each names the row (by its name or id) and what is
  // wrong with it; the file is left as it was.
  QTest::addColumn<QStringList>("sql");
  QTest::addColumn<QString>("expected");
  const QString otherId = QUuid::createUuid().toString(QUuid::WithoutBraces);
  QTest::newRow("unknown precision")
      << QStringList{"UPDATE workload SET precision = 'fp3' WHERE ord = 0"}
      << "workload 'Llama-3-70B pre-training' has an unknown precision 'fp3'";
  QTest::newRow("unknown kind") << QStringList{"UPDATE workload SET kind = 'mining' WHERE ord = 1"}
                                << "workload 'Support-bot LoRA (8B)' has an unknown kind 'mining'";
  QTest::newRow("unknown recompute")
      << QStringList{"UPDATE workload SET recompute = 'half' WHERE ord = 0"}
      << "has an unknown recompute mode 'half'";
  QTest::newRow("unknown fine-tuning method")
      << QStringList{"UPDATE workload SET fine_tune_method = 'qlora' WHERE ord = 1"}
      << "has an unknown fine-tuning method 'qlora'";
  QTest::newRow("unknown batching")
      << QStringList{"UPDATE workload SET batching = 'dynamic' WHERE ord = 2"}
      << "workload 'Chat — 70B with 8B tier' has an unknown batching 'dynamic'";
  QTest::newRow("unknown scheduler")
      << QStringList{"UPDATE workload_pool SET scheduler = 'pbs' WHERE ord = 0"}
      << "workload pool 'Training pool' has an unknown scheduler 'pbs'";
  QTest::newRow("workload on a missing pool")
      << QStringList{QStringLiteral("UPDATE workload SET pool_id = '%1' WHERE ord = 0")
                         .arg(otherId)}
      << QStringLiteral(
             "workload 'Llama-3-70B pre-training' runs on pool %1, which is not in the file")
             .arg(otherId);
  QTest::newRow("pool in a missing hall")
      << QStringList{QStringLiteral("UPDATE workload_pool SET hall_id = '%1' WHERE ord = 1")
                         .arg(otherId)}
      << QStringLiteral(
             "workload pool 'Inferenz — Kubernetes' belongs to hall %1, which is not "
             "in the file")
             .arg(otherId);
  QTest::newRow("rows of a missing pool")
      << QStringList{QStringLiteral("UPDATE workload_pool_row SET pool_id = '%1'").arg(otherId)}
      << QStringLiteral("workload pool rows refer to workload pool %1").arg(otherId);
  QTest::newRow("racks of a missing pool")
      << QStringList{QStringLiteral("UPDATE workload_pool_rack SET pool_id = '%1'").arg(otherId)}
      << QStringLiteral("workload pool racks refer to workload pool %1").arg(otherId);
  QTest::newRow("bad pool rack id") << QStringList{"UPDATE workload_pool_rack SET rack_id = 'R-05'"}
                                    << "a workload pool rack has an invalid id ('R-05')";
  QTest::newRow("text tokens") << QStringList{"UPDATE workload SET tokens = 'many' WHERE ord = 0"}
                               << "the tokens of workload 'Llama-3-70B pre-training' is not a "
                                  "number ('many')";
  QTest::newRow("text small-model heads")
      << QStringList{"UPDATE workload SET small_heads = 'lots' WHERE ord = 2"}
      << "the small model's attention heads of workload 'Chat — 70B with 8B tier' is not a "
         "whole number ('lots')";
  QTest::newRow("duplicate workload id")
      << QStringList{"UPDATE workload SET id = upper((SELECT id FROM workload WHERE ord = 0))"
                     " WHERE ord = 1"}
      << "the workload id";
}

void TestProjectFileErrors::openRefusesDamagedWorkloadRows() {
  QFETCH(QStringList, sql);
  QFETCH(QString, expected);
  const QString file = path(QStringLiteral("damaged.dcstudio"));
  saveProject(frozenSampleProjectV6(), file);
  QVERIFY(execOn(file, sql));
  const QByteArray before = readBytes(file);
  const QString message = openError(file);
  QVERIFY2(
      message.startsWith(QStringLiteral("Cannot open 'damaged.dcstudio': the file is damaged: ")),
      qPrintable(message));
  QVERIFY2(message.contains(expected), qPrintable(message));
  QCOMPARE(readBytes(file), before);  // nothing lost: the file is as it was
}

QTEST_GUILESS_MAIN(TestProjectFileErrors)
#include "tst_projectfileerrors.moc"
