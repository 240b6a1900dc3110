// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabricsummaryview.h"

#include "format/quantityformat.h"
#include "power/powerformat.h"
#include "support/plural.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dc {

using namespace powerview;

namespace {
constexpr int kRows = FabricSummaryView::FigureCount / 2;

QString count(int n) {
  return formatQuantity(double(n), Quantity::Count);
}

/// Switches of `role` that stand on the floor.
int placedSwitches(const FabricSummary& summary, SwitchRole role) {
  int placed = 0;
  for (const FabricDevice& device : summary.devices) {
    placed += device.isSwitch && device.role == role && device.rackIndex >= 0 ? 1 : 0;
  }
  return placed;
}

QString neededPlaced(int needed, int placed) {
  return QObject::tr("%1 of %2 placed").arg(count(placed), count(needed));
}
}  // namespace

FabricSummaryView::FabricSummaryView(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  mHeader = new QLabel(this);
  mHeader->setObjectName(QStringLiteral("fabricHeader"));
  mHeader->setTextFormat(Qt::RichText);
  mHeader->setWordWrap(true);
  layout->addWidget(mHeader);

  mTable = new QTableWidget(kRows, 4, this);
  mTable->setObjectName(QStringLiteral("fabricFigures"));
  mTable->horizontalHeader()->hide();
  mTable->verticalHeader()->hide();
  mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  mTable->setSelectionMode(QAbstractItemView::NoSelection);
  mTable->setFocusPolicy(Qt::NoFocus);
  mTable->setShowGrid(false);
  mTable->setAlternatingRowColors(true);
  mTable->setWordWrap(false);
  mTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mTable->horizontalHeader()->setStretchLastSection(true);
  mTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  mTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  mTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  layout->addWidget(mTable);

  mSuggestion = new QLabel(this);
  mSuggestion->setObjectName(QStringLiteral("placementSuggestion"));
  mSuggestion->setWordWrap(true);
  mSuggestion->setTextFormat(Qt::RichText);
  mSuggestion->setStyleSheet(
      QStringLiteral("QLabel { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 3px; "
                     "padding: 4px; }"));
  mSuggestion->hide();
  layout->addWidget(mSuggestion);
  layout->addStretch(1);
  showSummary(nullptr, nullptr);
}

void FabricSummaryView::setFigure(Figure figure, const QString& label, const QString& value,
                                  const QString& toolTip, bool short_) {
  const int row = int(figure) % kRows;
  const int column = int(figure) / kRows * 2;
  auto* name = tableItem(label);
  name->setForeground(QColor(0x54, 0x6e, 0x7a));
  auto* cell = tableItem(value, true);
  cell->setToolTip(toolTip);
  tint(cell, short_ ? errorColour() : QColor());
  mTable->setItem(row, column, name);
  mTable->setItem(row, column + 1, cell);
}

QString FabricSummaryView::figureText(Figure figure) const {
  const QTableWidgetItem* item = mTable->item(int(figure) % kRows, int(figure) / kRows * 2 + 1);
  return item ? item->text() : QString();
}

SwitchCounts FabricSummaryView::missingSwitches(const FabricSummary& s) {
  if (s.topology == FabricTopology::Dragonfly) {
    return {std::max(0, s.dragonfly.routers - placedSwitches(s, SwitchRole::Router)), 0, 0};
  }
  return {std::max(0, s.sizing.leaves - placedSwitches(s, SwitchRole::Leaf)),
          std::max(0, s.sizing.spines - placedSwitches(s, SwitchRole::Spine)),
          std::max(0, s.sizing.cores - placedSwitches(s, SwitchRole::Core))};
}

void FabricSummaryView::showSummary(const FabricSummary* s, const PlacementSuggestion* suggestion,
                                    const QString& emptyText) {
  mTable->clearContents();
  mSuggestion->setVisible(suggestion && !suggestion->message.isEmpty());
  if (suggestion) {
    mSuggestion->setText(
        tr("<b>Placement suggestion.</b> %1").arg(suggestion->message.toHtmlEscaped()));
  }
  if (!s) {
    mHeader->setText(emptyText.isEmpty() ? tr("<i>Select a fabric to see its counts.</i>")
                                         : emptyText);
    mTable->hide();
    return;
  }
  mTable->show();
  const bool dragonfly = s->topology == FabricTopology::Dragonfly;
  const QString problem = dragonfly ? s->dragonfly.problem : s->sizing.problem;
  QStringList shape;
  if (dragonfly) {
    shape.append(tr("dragonfly of %1 × %2 routers")
                     .arg(s->dragonfly.groups)
                     .arg(s->dragonfly.routersPerGroup));
  } else {
    shape.append(countOf(s->sizing.tiers, "tier", "tiers") + tr(" fat-tree"));
    if (s->sizing.scalableUnits > 0) {
      shape.append(tr("%1 of %2 nodes")
                       .arg(countOf(s->sizing.scalableUnits, "SU", "SUs"))
                       .arg(s->sizing.nodeSlotsPerSu));
    }
  }
  mHeader->setText(
      tr("<b>%1</b> · %2%3")
          .arg(s->name.toHtmlEscaped(), shape.join(QStringLiteral(", ")),
               problem.isEmpty()
                   ? QString()
                   : tr("<br><span style='color:#c62828'>%1</span>").arg(problem.toHtmlEscaped())));

  setFigure(FigNodes, tr("Nodes"), count(s->nodes),
            tr("%1 port(s) each in this fabric").arg(s->nodePorts));
  setFigure(FigGpus, tr("GPUs"), count(s->gpus),
            s->scaleUpDomains > 0 ? tr("%1 NVLink domain(s)").arg(s->scaleUpDomains) : QString());
  if (dragonfly) {
    const int routers = placedSwitches(*s, SwitchRole::Router);
    setFigure(FigLeaves, tr("Routers"), neededPlaced(s->dragonfly.routers, routers), QString(),
              routers < s->dragonfly.routers);
    setFigure(FigSpines, tr("Groups"), count(s->dragonfly.groups),
              tr("at most %1 with this radix").arg(count(s->dragonfly.maxGroups)));
    setFigure(FigCores, tr("Routers per group"), count(s->dragonfly.routersPerGroup));
    setFigure(FigCablesLeafSpine, tr("Cables local"), count(s->cablesLocal));
    setFigure(FigCablesSpineCore, tr("Cables global"), count(s->cablesGlobal));
    setFigure(FigCablesNodeLeaf, tr("Cables node–router"), count(s->cablesNodeToLeaf));
  } else {
    const int leaves = placedSwitches(*s, SwitchRole::Leaf);
    const int spines = placedSwitches(*s, SwitchRole::Spine);
    const int cores = placedSwitches(*s, SwitchRole::Core);
    setFigure(FigLeaves, tr("Leaves"), neededPlaced(s->sizing.leaves, leaves), QString(),
              leaves < s->sizing.leaves);
    setFigure(FigSpines, tr("Spines"), neededPlaced(s->sizing.spines, spines), QString(),
              spines < s->sizing.spines);
    setFigure(FigCores, tr("Cores"), neededPlaced(s->sizing.cores, cores), QString(),
              cores < s->sizing.cores);
    setFigure(FigCablesNodeLeaf, tr("Cables node–leaf"), count(s->cablesNodeToLeaf),
              tr("Node ports and reserved leaf ports"));
    setFigure(FigCablesLeafSpine, tr("Cables leaf–spine"), count(s->cablesLeafToSpine));
    setFigure(FigCablesSpineCore, tr("Cables spine–core"), count(s->cablesSpineToCore));
  }
  setFigure(FigCablesReserved, tr("Reserved ports"), count(s->cablesReserved),
            tr("Leaf ports the design keeps (UFM), cabled with the node tier"));
  setFigure(FigLongest, tr("Longest link"),
            s->longestLinkMm > 0 ? formatQuantity(double(s->longestLinkMm), Quantity::LengthMm)
                                 : QStringLiteral("—"),
            tr("%1 routed, %2 not routed (%3 reserved ports, which have no A end)")
                .arg(count(s->routedLinks), count(s->unroutedLinks), count(s->cablesReserved)),
            s->unroutedLinks > s->cablesReserved);
  setFigure(FigTransceivers, tr("Transceivers switch / node"),
            QStringLiteral("%1 / %2").arg(count(s->transceiversSwitchSide),
                                          count(s->transceiversNodeSide)),
            tr("Modules at the switch ends and at the node ends of the fibre links"));
  setFigure(FigOptics, tr("Optics power"), formatQuantity(s->opticsPowerW, Quantity::PowerW),
            tr("Every transceiver of the fabric at its catalog power"));
  mTable->resizeColumnsToContents();
  mTable->resizeRowsToContents();
  // All six rows, always: the figures are what the panel is read for, never behind a scroll bar.
  mTable->setFixedHeight(mTable->verticalHeader()->length() + 2 * mTable->frameWidth());
}

}  // namespace dc
