// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ids.h"
#include "reportmodel.h"

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace dc {
class Catalog;
class Project;
struct Analysis;
}  // namespace dc

namespace dc::report {

/// The symbol a diagram node is drawn with, as facility engineers draw single-line diagrams
/// and cooling schematics.
enum class DiagramSymbol {
  // Power single-line diagram
  Utility,      ///< utility incomer (by the facility)
  Generator,    ///< standby generator sets
  Transformer,  ///< MV/LV transformer: two overlapping circles
  Switchgear,   ///< LV main switchgear with its incoming breaker and the generator changeover
  Ups,          ///< UPS system: a box with ~ (rectifier, battery, inverter)
  Switchboard,  ///< switchboard / PDU cabinet: a breaker on a bar
  Busway,       ///< overhead busway: a thick bar with tap-offs
  Rpp,          ///< remote power panel: a box of breakers
  PowerRack,    ///< 800 VDC power rack
  RackGroup,    ///< racks fed alike (same upstream nodes), their PDUs' feeds coming in
  // Cooling-loop schematic
  FacilityWater,  ///< the facility's warm-water supply to the CDUs (by the facility)
  ChilledWater,   ///< the chilled-water supply to CRAH units, in-row coolers and rear doors
  Cdu,            ///< one coolant distribution unit: a liquid-to-liquid heat exchanger
  AirCooler,      ///< one CRAH unit or in-row cooler: a coil and a fan
  RearDoor,       ///< the rear-door heat exchangers of a group of racks
  RackManifold,   ///< racks on a secondary (CDU) loop: the manifolds to their cold plates
  AirZone,        ///< the room air of a zone and the racks exhausting into it
};

/// How an edge is drawn.
enum class EdgeStyle {
  Power,    ///< a circuit, in the feed's colour (ink when it serves every feed)
  Standby,  ///< the generators' standby supply to the switchgear: dashed
  Assumed,  ///< a connection the model does not hold (a PDU with no upstream): dotted
  Pipe,     ///< a water or coolant pipe pair: supply (blue) and return (red)
  Air,      ///< room air from a cooler to its zone: dashed grey with an arrow
};

/// One line of a node's annotation, with its verdict colour (a loading over its limit).
struct DiagramLine {
  QString text;
  Tone tone = Tone::Normal;

  friend bool operator==(const DiagramLine&, const DiagramLine&) = default;
};

/// One node of a diagram: what it is, its name and ratings, and where it sits. `tier` is the
/// row (0 at the top, the source); `column` the position along the row in slots of equal
/// width (0 .. Diagram::columnCount − 1, fractional when centred over its children).
struct DiagramNode {
  QString key;  ///< unique in the diagram ("node:{uuid}", "group:2", "tx:a")
  DiagramSymbol symbol = DiagramSymbol::Busway;
  QString title;             ///< "UPS-A", "A01–A08"
  QList<DiagramLine> lines;  ///< ratings, loading, what it serves: one per line
  int tier = 0;
  double column = 0.0;
  int feed = -1;            ///< 0, 1, 2 for feed A, B, C; -1 when it serves every feed
  bool byFacility = false;  ///< not in the model: drawn dashed and marked "by the facility"
  QList<RackId> racks;      ///< rack groups, manifolds, zones and doors: the racks it stands for
  QStringList rackNames;
  QString rackCountText;  ///< rack groups: "8 racks"
};

/// A connection, from the upstream (source) node to the downstream one.
struct DiagramEdge {
  int from = 0;  ///< index into Diagram::nodes
  int to = 0;
  EdgeStyle style = EdgeStyle::Power;
  int feed = -1;  ///< power: the feed whose colour it is drawn in; -1 for ink

  friend bool operator==(const DiagramEdge&, const DiagramEdge&) = default;
};

/// Nodes that belong together (a CDU loop's units, an air zone's coolers), framed with a
/// caption that says what the group does as a whole (redundancy, usable capacity, loading).
struct DiagramGroup {
  QString title;
  QList<DiagramLine> lines;
  QList<int> nodes;  ///< indexes into Diagram::nodes, all on one tier
};

/// A single-line diagram or a cooling schematic, computed from the model and its analysis and
/// drawn by the report's painter (widgets/report/drawdiagram.h) without further reasoning.
struct Diagram {
  QString title;
  QList<DiagramNode> nodes;
  QList<DiagramEdge> edges;
  QList<DiagramGroup> groups;
  QStringList tierTitles;  ///< one per tier, printed in the left margin: "UPS", "Busways"
  int columnCount = 0;     ///< slots across: the widest tier
  QStringList notes;       ///< printed with the diagram: what is by the facility, how sized

  int count(DiagramSymbol symbol) const;
  QList<const DiagramNode*> nodesWith(DiagramSymbol symbol) const;
  const DiagramNode* node(const QString& key) const;  ///< nullptr when absent
  int tierCount() const { return int(tierTitles.size()); }
};

/// The power single-line diagram of one hall: utility incomer, a transformer and LV switchgear
/// per source (not in the model: sized from the analysis' facility figures and marked "by the
/// facility"), standby generators when the analysis sizes them, then the hall's UPS systems,
/// switchboards, busways, RPPs and power racks with their ratings and loading, and the racks
/// grouped by the upstream nodes their PDUs are plugged into, one edge per feed.
Diagram powerSingleLine(const Project& project, const Catalog& catalog, const Analysis& analysis,
                        HallId hallId, const QLocale& locale = QLocale());

/// The cooling-loop schematic of one hall: facility water to the CDUs of each liquid loop and
/// their secondary loop to the racks' manifolds; chilled water to CRAH units and in-row
/// coolers serving each air zone, and to the racks' rear doors.
Diagram coolingSchematic(const Project& project, const Catalog& catalog, const Analysis& analysis,
                         HallId hallId, const QLocale& locale = QLocale());

/// Rack names as a drawing writes them: consecutive runs collapsed ("A01–A08, N01, N02"), at
/// most `maxParts` runs and then "… (+n)".
QString rackNameRange(const QStringList& names, int maxParts = 4);

/// Assigns columns: the nodes of the upper tiers as trees (a parent centred over its
/// children, the first edge into a node naming its parent), the bottom tier's nodes under the
/// mean of their parents, pushed apart to one slot. Sets columnCount. Used by the builders.
void layoutDiagram(Diagram& diagram);

}  // namespace dc::report
