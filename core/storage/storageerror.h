// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileInfo>
#include <QString>

#include <stdexcept>

namespace dc {

/// A project file could not be opened or saved.
///
/// `what()` is shown to the architect as is, so it names the file and says what is wrong in plain
/// words: "Cannot open 'hall.dcstudio': it is not a DC Studio project (no DC Studio signature)."
/// The parts are kept too, so a caller that knows the real file name (the schema code only sees
/// a working copy) can re-throw the same problem under that name with `forFile()`.
struct StorageError : std::runtime_error {
  enum class Action { Open, Save };

  /// `problem` is a lower-case sentence fragment without a final full stop, e.g. "the file is
  /// empty"; only the file name of `filePath` is shown, not its folder.
  StorageError(Action action, const QString& filePath, const QString& problem)
      : std::runtime_error(format(action, filePath, problem).toStdString()),
        action(action),
        fileName(QFileInfo(filePath).fileName()),
        problem(problem) {}

  /// The whole user-facing message.
  QString message() const { return QString::fromUtf8(what()); }

  /// The same problem, reported for another file or action.
  StorageError forFile(Action newAction, const QString& filePath) const {
    return StorageError(newAction, filePath, problem);
  }

  Action action;
  QString fileName;
  QString problem;

 private:
  static QString format(Action action, const QString& filePath, const QString& problem) {
    const QString verb = action == Action::Open ? QStringLiteral("open") : QStringLiteral("save");
    return QStringLiteral("Cannot %1 '%2': %3.").arg(verb, QFileInfo(filePath).fileName(), problem);
  }
};

}  // namespace dc
