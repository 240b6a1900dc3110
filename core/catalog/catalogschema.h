// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

namespace dc {

/// The shape of a catalog item's JSON, as data: which fields exist, what each holds and which
/// texts are allowed. The loader walks an item against it; docs/catalog.md describes the same.
struct SchemaField {
  enum class Type {
    Text,         ///< a string; `choices` limits it when not empty
    Bool,         ///< true/false
    Figure,       ///< a number >= 0, plain or {value, source, confidence, note}
    IntFigure,    ///< like Figure, but a whole number
    Fraction,     ///< like Figure, but 0..1
    Group,        ///< an object of `children`, which may carry source/confidence/note
    GroupArray,   ///< an array of such objects
    FigureArray,  ///< an array of plain numbers >= 0 sharing the enclosing source
  };

  const char* name;
  Type type;
  QList<SchemaField> children = {};
  QStringList choices = {};
};

/// Fields of an item, top level. Meta fields (id, vendor, kind, ...) are included as Text.
const QList<SchemaField>& catalogItemSchema();

}  // namespace dc
