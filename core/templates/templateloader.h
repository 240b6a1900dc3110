// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QByteArray>
#include <QString>

#include <stdexcept>

namespace dc {

/// A reference design that could not be read; the message names the file and the field.
struct TemplateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Builds a new Project (fresh ids) from a template's JSON (`"format": "dcstudio-template"`).
///
/// A template describes halls (outline, tile size, obstacles) and racks, either one by one or as
/// rows: `{"row": "A", "rackType": id, "count": n, "startMm": [x, y], "pitchMm": 600,
/// "rotationDeg": 0, "mounts": [{"item": id, "lowestU": u}, ...]}`. Catalog ids are not
/// resolved here: the engine reports unknown ones. Throws TemplateError on malformed input.
Project projectFromTemplateJson(const QByteArray& json, const QString& fileLabel);

/// Reads a template file. Throws TemplateError when it cannot be read or is malformed.
Project loadTemplateFile(const QString& path);

/// The shipped templates folder: $DCSTUDIO_TEMPLATES_DIR, beside the installed binary, or the
/// source tree's `templates/`.
QString shippedTemplatesFolder();

}  // namespace dc
