// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ids.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <variant>

namespace dc::report {

/// The sheet a section is printed on: A3 landscape for plans and diagrams, A4 for schedules.
enum class PageFormat { A4Portrait, A3Landscape };

/// How a cell, key figure or paragraph is marked: a verdict colour on paper.
enum class Tone { Normal, Good, Warning, Error, Muted };

enum class Align { Left, Right, Center };

/// A table column. `unit` is one unit for every cell of the column (columnUnit()); the header
/// prints "title (unit)"; the CSV header is the same.
struct Column {
  QString title;
  QString unit;
  Align align = Align::Left;
  double width = 1.0;  ///< relative width on paper
};

/// One cell: `text` as printed (the user's locale), `csv` as a machine reads it (C locale,
/// no grouping, in the column's unit); an empty `csv` means "same as text".
struct Cell {
  QString text;
  QString csv;
  Tone tone = Tone::Normal;
  bool bold = false;
  bool blank = false;  ///< nothing to show: "–" on paper, an empty CSV field

  QString csvText() const { return blank ? QString() : csv.isEmpty() ? text : csv; }
};

/// A schedule: breaks across pages with its header repeated. `id` names its CSV export
/// ("bom", "racks", "power", "cooling").
struct Table {
  QString id;
  QString caption;
  QList<Column> columns;
  QList<QList<Cell>> rows;
  QStringList notes;  ///< printed below the table (sources, what a column means)
};

/// Text. `Lead` is the larger opening line of a section; `Note` a small grey remark.
struct Paragraph {
  enum class Style { Body, Lead, Heading, Note };
  QString text;
  Style style = Style::Body;
  Tone tone = Tone::Normal;
};

/// A headline figure of the summary: "IT power at peak" / "1.27 MW" / "Σ rack max power".
struct KeyFigure {
  QString label;
  QString value;
  QString detail;  ///< formula or basis, small under the value
  Tone tone = Tone::Normal;
};

struct KeyFigures {
  QList<KeyFigure> items;
  int columns = 3;
};

/// A drawing made from the model by the PDF writer (widgets/report/drawingpainter.h): the
/// floor plan of a hall with an overlay, rack elevations, the power single-line diagram, the
/// cooling-loop schematic or a network fabric's topology. `part` pages a drawing that takes
/// several sheets (elevations).
enum class DrawingKind {
  FloorPlanPower,
  FloorPlanCooling,
  RackElevations,
  PowerSingleLine,
  CoolingSchematic,
  FabricTopology
};

struct Drawing {
  DrawingKind kind = DrawingKind::FloorPlanPower;
  HallId hallId;  ///< null: every hall (elevations)
  QString caption;
  int part = 0;  ///< which sheet of a multi-sheet drawing (elevations: configurations part*N..)
  int partCount = 1;  ///< how many sheets the drawing takes
  int fabric = -1;    ///< FabricTopology: the fabric, an index into Analysis::fabric.fabrics
};

/// A chart drawn with Qt Charts into the PDF: bars per category, one value per series.
struct ChartSeries {
  QString name;
  QList<double> values;  ///< one per category, in `unit`
  Tone tone = Tone::Normal;
};

struct Chart {
  enum class Kind { Bars, StackedBars };
  QString id;  ///< unique in the report: the PDF writer renders charts ahead by id
  QString title;
  Kind kind = Kind::Bars;
  QStringList categories;
  QList<ChartSeries> series;
  QString valueTitle;  ///< axis title with unit: "Power (kW)"
  double limit = 0.0;  ///< a limit line (air limit, rating) in the value unit; 0: none
  QString limitLabel;
};

/// Forces what follows onto a new sheet.
struct PageBreak {};

using Block = std::variant<Paragraph, KeyFigures, Table, Drawing, Chart, PageBreak>;

/// One section of the report. Each capability adds its own (reportsections.cpp lists them);
/// a section never reads another's blocks.
struct Section {
  QString id;  ///< "summary", "power", "cooling", "bom", ...
  QString title;
  PageFormat page = PageFormat::A4Portrait;
  bool startsSheet = true;  ///< a section begins on a new sheet (the first always does)
  QList<Block> blocks;
};

/// The cover's and every page header's data.
struct ReportMeta {
  QString title = QStringLiteral("Facility design report");
  QString projectName;
  QString revision;
  QString author;
  QString date;       ///< ISO date the report was made
  QString generator;  ///< "DC Studio 0.9.0"
  QString fileName;   ///< the project file's name, or empty
};

struct ReportDocument {
  ReportMeta meta;
  QList<Section> sections;

  /// The table with `id` in any section, or nullptr.
  const Table* table(const QString& id) const;
  /// Every chart of the report, in order.
  QList<const Chart*> charts() const;
};

}  // namespace dc::report
