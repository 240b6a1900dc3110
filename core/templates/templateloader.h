// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <stdexcept>

namespace dc {

/// A reference design that could not be read; the message names the file and the field.
struct TemplateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// The catalog ids a template may name, for checking them without the catalog itself (templates
/// build a model only): every id with its kind key ("cdu", "crah", "rear-door", ...) and the
/// ids of floor-standing cooling units. The caller fills it from its catalog.
struct TemplateCatalogIds {
  QHash<QString, QString> kinds;    ///< catalog id -> itemKindKey()
  QSet<QString> floorCoolingUnits;  ///< ids whose item isFloorCoolingUnit()
};

/// Builds a new Project (fresh ids) from a template's JSON (`"format": "dcstudio-template"`).
/// The format is in docs/templates.md.
///
/// A template describes halls (outline, tile size, obstacles), their power nodes, their cooling
/// (`"cooling": {"loops": [{"name", "kind", "redundancy"}], "units": [{"name", "catalogId", "x",
/// "y", "rotation", "loop"}]}`: CDU loops and air zones, and the floor CDUs, CRAH units and
/// in-row coolers that serve them, as CoolingUnit objects, never racks) and racks, one by one or
/// as rows: `{"row": "A", "rackType": id, "count": n, "startMm": [x, y], "pitchMm": 600,
/// "rotationDeg": 0, "cooling": "direct-to-chip", "rearDoor": id, "liquidLoop": name, "airZone":
/// name, "mounts": [{"item": id, "lowestU": u}, ...]}`. A hall may add network fabrics,
/// `"fabrics": [{"name", "kind", "topology", "leafSwitch", "spineSwitch", "leafOversubscription",
/// "spineOversubscription", "tiers", "railOptimised", "suNodes", "reservedPorts", "switchRacks":
/// [rack names]}]` (FabricSpec, checked with fabricSpecProblem()), and cable trays, `"trays":
/// [{"name", "path": [[x, y], ...], "heightMm", "widthMm", "depthMm", "kind"}]` (CableTray,
/// checked with cableTrayProblem(), every point inside the hall).
///
/// Names (power nodes, loops, switch racks) must exist in the same hall. With `catalog`, the ids
/// of cooling units, rear doors and fabric switches must exist in it and be of the right kind (a
/// CDU on a liquid loop, a CRAH or in-row cooler on an air zone, a rear door on a rack, a switch
/// in a fabric); rack and mount ids are never resolved here (the engine reports unknown ones).
/// Throws TemplateError on malformed input with a message naming the file, the hall and the field.
Project projectFromTemplateJson(const QByteArray& json, const QString& fileLabel,
                                const TemplateCatalogIds* catalog = nullptr);

/// Reads a template file. Throws TemplateError when it cannot be read or is malformed.
Project loadTemplateFile(const QString& path, const TemplateCatalogIds* catalog = nullptr);

/// The shipped templates folder: $DCSTUDIO_TEMPLATES_DIR, beside the installed binary, or the
/// source tree's `templates/`.
QString shippedTemplatesFolder();

}  // namespace dc
