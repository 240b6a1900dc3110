// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace dc::report {

/// Why an export may not write `path`, or an empty string: the folder does not exist or is
/// not writable, `path` is a folder, or the file exists and `overwrite` is false. The message
/// names the path and the problem ("'out/r.pdf': the folder 'out' does not exist").
QString outputPathProblem(const QString& path, bool overwrite);

/// Writes `bytes` to `path` in one step (QSaveFile: a temporary beside it, renamed when
/// complete), so a failed or refused write leaves nothing half-written and an existing file
/// untouched. Returns false with `error` set.
bool writeFileAtomically(const QString& path, const QByteArray& bytes, bool overwrite,
                         QString* error);

}  // namespace dc::report
