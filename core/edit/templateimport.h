// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "templates/templatecatalog.h"
#include "templates/templateloader.h"

namespace dc {

/// The catalog's ids and kinds, as the template loader checks cooling units and rear doors
/// against them (the loader itself sees no catalog: templates build a model only).
TemplateCatalogIds templateCatalogIds(const Catalog& catalog);

/// Reads a template and checks its catalog ids against `catalog`: what the studio and the CLI
/// both do to start a project from a template. Throws TemplateError like loadTemplateFile(),
/// and when its racks cannot stand as drawn (placement.* or rack.* errors of the analysis: a
/// device above the rack's top, overlapping devices or racks, a rack off the floor).
Project loadTemplateAgainst(const QString& path, const Catalog& catalog,
                            const std::optional<HallSize>& size = std::nullopt);

}  // namespace dc
