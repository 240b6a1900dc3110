// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

namespace dc::report {

QString outputPathProblem(const QString& path, bool overwrite) {
  if (path.isEmpty()) {
    return QStringLiteral("no output file given");
  }
  const QFileInfo file(path);
  const QFileInfo folder(file.absolutePath());
  if (!folder.exists()) {
    return QStringLiteral("'%1': the folder '%2' does not exist")
        .arg(path, QDir::toNativeSeparators(file.absolutePath()));
  }
  if (!folder.isDir()) {
    return QStringLiteral("'%1': '%2' is not a folder")
        .arg(path, QDir::toNativeSeparators(file.absolutePath()));
  }
  if (file.isDir()) {
    return QStringLiteral("'%1' is a folder, not a file").arg(path);
  }
  if (file.exists() && !overwrite) {
    return QStringLiteral("'%1' already exists (use --force to replace it)").arg(path);
  }
  if (file.exists() && !file.isWritable()) {
    return QStringLiteral("'%1' cannot be written (permission denied)").arg(path);
  }
  // The folder's mode bits do not tell (root writes anywhere; a read-only mount refuses even
  // root): a probe file beside the output does, and is gone at once.
  QTemporaryFile probe(QDir(file.absolutePath()).filePath(QStringLiteral(".dcstudio-XXXXXX")));
  if (!folder.isWritable() || !probe.open()) {
    return QStringLiteral("'%1': the folder '%2' cannot be written (permission denied)")
        .arg(path, QDir::toNativeSeparators(file.absolutePath()));
  }
  return {};
}

bool writeFileAtomically(const QString& path, const QByteArray& bytes, bool overwrite,
                         QString* error) {
  const QString problem = outputPathProblem(path, overwrite);
  if (!problem.isEmpty()) {
    if (error != nullptr) {
      *error = problem;
    }
    return false;
  }
  QSaveFile out(path);
  if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
    if (error != nullptr) {
      *error = QStringLiteral("'%1' could not be written: %2").arg(path, out.errorString());
    }
    return false;
  }
  return true;
}

}  // namespace dc::report
