// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QChart;
class QChartView;

namespace dc {

/// Charts of the cooling analysis (views only, they compute nothing): heat to liquid and heat to
/// air per rack, stacked (project order; the top kMaxRacks by heat beyond that, said in the
/// title), and load against usable capacity of the CDU loops and of the air zones.
class CoolingChartsPanel final : public QWidget {
  Q_OBJECT

 public:
  /// Racks shown at most in the per-rack chart.
  static constexpr int kMaxRacks = 40;

  CoolingChartsPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan (unused: the charts show the whole design).
  void setSelection(const QList<dc::RackId>& ids);

  QChart* heatChart() const;
  QChart* liquidLoopChart() const;
  QChart* airZoneChart() const;

 private:
  void rebuildRacks();
  void rebuildLoops();

  DesignDocument& mDocument;
  Analysis mAnalysis;
  QChartView* mHeatView = nullptr;
  QChartView* mLiquidView = nullptr;
  QChartView* mAirView = nullptr;
};

}  // namespace dc
