// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectfile.h"

#include "projectrows.h"
#include "storage/schema.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QTemporaryDir>
#include <QUuid>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace dc {

namespace {

using Action = StorageError::Action;

/// Internal failures carry no file name; loadProject() and saveProject() add the user's one.
[[noreturn]] void fail(Action action, const QString& problem) {
  throw StorageError(action, QString(), problem);
}

/// One uniquely named connection per call, so loads and saves on several threads never share
/// one; removed again when done. Declare it before any QSqlQuery on it, so the queries die first.
class Connection final {
 public:
  Connection(const QString& filePath, Action action, bool readOnly)
      : mName(QUuid::createUuid().toString()) {
    mDb = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), mName);
    mDb.setDatabaseName(filePath);
    if (readOnly) {
      mDb.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    }
    if (!mDb.open()) {
      const QString problem = sqlProblem(mDb.lastError(), action);
      close();
      fail(action, problem);
    }
  }
  ~Connection() { close(); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  QSqlDatabase& db() noexcept { return mDb; }

 private:
  void close() {
    if (mName.isEmpty()) {
      return;
    }
    mDb.close();
    mDb = QSqlDatabase();  // drop our reference, or removeDatabase() warns and leaks
    QSqlDatabase::removeDatabase(mName);
    mName.clear();
  }

  QString mName;
  QSqlDatabase mDb;
};

/// A prepared INSERT of the save; prepared once, run for every row.
// ---- files ---------------------------------------------------------------------------------

/// Refuses what SQLite would misreport ("file is not a database") or, for an empty file,
/// silently accept as a new empty database.
void checkIsSqliteFile(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    fail(Action::Open, QStringLiteral("the file does not exist"));
  }
  if (info.isDir()) {
    fail(Action::Open, QStringLiteral("it is a folder, not a project file"));
  }
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    fail(Action::Open, QStringLiteral("the file cannot be read (%1)").arg(file.errorString()));
  }
  const QByteArray header = file.read(16);
  if (header.isEmpty()) {
    fail(Action::Open, QStringLiteral("the file is empty"));
  }
  if (header != QByteArrayView("SQLite format 3\0", 16)) {
    fail(Action::Open, QStringLiteral("it is not a DC Studio project (not an SQLite database)"));
  }
}

[[noreturn]] void failErrno(const QString& what) {
  fail(Action::Save, QStringLiteral("%1 (%2)").arg(what, qt_error_string(errno)));
}

/// Forces the bytes to disk before the rename makes them the project: otherwise a power cut
/// can leave a renamed but empty file.
void syncFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadWrite) || !file.flush() || ::fsync(file.handle()) != 0) {
    failErrno(QStringLiteral("the new file could not be written to disk"));
  }
}

/// Makes the rename itself durable. Best effort: the save has already succeeded.
void syncFolder(const QString& dirPath) {
  const int fd = ::open(QFile::encodeName(dirPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

void replaceFile(const QString& tmpPath, const QString& targetPath) {
  if (QFile::exists(targetPath)) {
    QFile::setPermissions(tmpPath, QFile::permissions(targetPath));
  }
  syncFile(tmpPath);
  // QFile::rename refuses an existing target; POSIX rename replaces it atomically.
  if (::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(targetPath).constData()) !=
      0) {
    failErrno(QStringLiteral("the new file could not replace the old one"));
  }
  syncFolder(QFileInfo(targetPath).absolutePath());
}

}  // namespace

Project loadProject(const QString& path, int* fileVersion) {
  try {
    checkIsSqliteFile(path);
    {
      Connection connection(path, Action::Open, /*readOnly=*/true);
      const int version = checkProjectFile(connection.db());
      if (fileVersion) {
        *fileVersion = version;
      }
      if (version == kSchemaVersion) {
        return readProjectRows(connection.db());
      }
    }
    // An older schema: upgrade a working copy, never the user's file. Same file name, so any
    // message SQLite writes shows the name the user knows.
    QTemporaryDir workDir;
    const QString copyPath = workDir.filePath(QFileInfo(path).fileName());
    if (!workDir.isValid() || !QFile::copy(path, copyPath)) {
      fail(Action::Open, QStringLiteral("no working copy could be made in the temporary folder"));
    }
    QFile::setPermissions(copyPath, QFile::ReadOwner | QFile::WriteOwner);
    Connection connection(copyPath, Action::Open, /*readOnly=*/false);
    upgradeToCurrent(connection.db());
    return readProjectRows(connection.db());
  } catch (const StorageError& e) {
    throw e.forFile(Action::Open, path);
  }
}

void saveProject(const Project& project, const QString& path) {
  const QFileInfo info(path);
  // Saving through a link replaces the file it points at, not the link.
  const QString targetPath = info.isSymLink() ? info.symLinkTarget() : info.absoluteFilePath();
  const QString tmpPath = targetPath + QStringLiteral(".tmp");
  try {
    const QFileInfo folder(QFileInfo(targetPath).absolutePath());
    if (!folder.isDir()) {
      fail(Action::Save, QStringLiteral("the folder '%1' does not exist").arg(folder.filePath()));
    }
    if (!folder.isWritable()) {
      fail(Action::Save, QStringLiteral("the folder '%1' is read-only").arg(folder.filePath()));
    }
    if (QFileInfo(targetPath).isDir()) {
      fail(Action::Save, QStringLiteral("a folder of that name is in the way"));
    }
    // A stale copy from an interrupted save would be opened as a half-written database.
    if (QFileInfo::exists(tmpPath) && !QFile::remove(tmpPath)) {
      fail(Action::Save, QStringLiteral("the leftover file '%1' cannot be removed")
                             .arg(QFileInfo(tmpPath).fileName()));
    }
    {
      Connection connection(tmpPath, Action::Save, /*readOnly=*/false);
      writeProjectRows(connection.db(), project);
    }
    replaceFile(tmpPath, targetPath);
  } catch (const StorageError& e) {
    QFile::remove(tmpPath);
    throw e.forFile(Action::Save, path);
  } catch (...) {
    QFile::remove(tmpPath);
    throw;
  }
}

}  // namespace dc
