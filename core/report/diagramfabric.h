// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagram.h"
#include "engine/fabric/fabricresult.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace dc {
class Catalog;
class Project;
}  // namespace dc

namespace dc::report {

/// A row holds at most this many boxes: larger fabrics merge neighbouring groups ("SU 1–4").
inline constexpr int kMaxFabricBoxes = 12;
/// A box draws each of its switches as a cell up to this many; more are only counted.
inline constexpr int kMaxFabricMembers = 32;

/// One box of a fabric's topology: switches of one role that belong together (a scalable
/// unit's leaves, a pod's spines, a core plane, a dragonfly group), the nodes they serve, or
/// the dragonfly's global all-to-all.
struct FabricBox {
  QString title;             ///< "SU 1", "SU 1–4", "Spines", "Pod 2", "Plane 3", "31 nodes"
  QList<DiagramLine> lines;  ///< "8 leaves", "N01", "6 of 8 placed" (warning); nodes: "DGX H100"
  int devices = 0;           ///< switches or nodes it stands for
  int placed = 0;            ///< of those, how many stand on the floor
  /// One short label per switch ("R1" .. "R8" for a unit's rails, "S12" for a spine) when the
  /// box stands for at most kMaxFabricMembers; empty for nodes and merged boxes.
  QStringList members;
  QList<bool> memberPlaced;  ///< per member: false for a switch the floor does not hold
};

/// A tier of the drawing: switches of one role, or the nodes.
struct FabricRow {
  QString title;   ///< "Core", "Spine", "Leaf", "Router", "Nodes", "Global"
  QString detail;  ///< the models of the row ("Quantum-2 QM9700"), under the title in the margin
  bool nodes = false;
  bool mesh = false;  ///< the dragonfly's all-to-all between groups: no device of its own
  QList<FabricBox> boxes;
};

/// The links between a box of one row and a box of the row above it.
struct FabricBundle {
  int lowerRow = 0;  ///< index into FabricDiagram::rows; the upper row is lowerRow - 1
  int lowerBox = 0;
  int upperBox = 0;
  int links = 0;
  QString mediaClass;  ///< the medium most of its links use; empty when none was chosen
};

/// What the links between two rows are, as the drawing's margin writes them.
struct FabricTierLinks {
  int lowerRow = 0;          ///< the links between this row and the one above it
  QString title;             ///< "Node to leaf"
  QList<DiagramLine> lines;  ///< "1,020 links", "multimode fibre", "2 per leaf and spine"
};

/// The topology of one fabric, computed from the fabric pass and drawn by the report's painter
/// (widgets/report/drawfabric.h) without further reasoning: tiers as rows of boxes top (cores)
/// to bottom (nodes), bundles of links between the rows with their count and medium.
struct FabricDiagram {
  QString title;
  QList<FabricRow> rows;
  QList<FabricBundle> bundles;
  QList<FabricTierLinks> tierLinks;
  QStringList mediaClasses;             ///< the media the bundles are drawn in, for the legend
  QList<QPair<QString, QString>> data;  ///< the drawing's key figures: "Nodes", "127"
  QStringList notes;

  int rowIndex(const QString& title) const;  ///< -1 when absent
  int devicesIn(int row) const;              ///< Σ devices of the row's boxes
  int linksBelow(int row) const;             ///< Σ links of the bundles from the row below
};

/// The topology diagram of `analysis.fabric.fabrics[fabricIndex]` (empty for a bad index).
/// Leaves are grouped by scalable unit (or in runs when not rail-optimised), spines by the
/// leaves they serve (one group in two tiers, a pod each in three), cores by plane, dragonfly
/// routers by group, nodes under the leaf group their first port reaches.
FabricDiagram fabricTopology(const Project& project, const Catalog& catalog,
                             const FabricResult& fabric, int fabricIndex,
                             const QLocale& locale = QLocale());

/// A link medium as the report writes it: "multimode" -> "multimode fibre", "passive-copper"
/// -> "passive copper (DAC)"; an unknown key as is.
QString mediaClassName(const QString& mediaClass);

/// A catalog item's model without its parenthesised order code: "Quantum-2 QM9700" for
/// "Quantum-2 QM9700 (MQM9700-NS2F)"; the id when the catalog lacks it.
QString shortModel(const Catalog& catalog, const QString& catalogId);

/// "2-tier fat-tree, rail-optimised", "dragonfly": how the fabric is built, in words.
QString fabricShapeText(const FabricSummary& summary);

}  // namespace dc::report
