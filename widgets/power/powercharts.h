// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

class QChart;
class QChartView;

namespace dc {

/// Charts of the power analysis (views only, they compute nothing): kW per rack (max and
/// design, project order; the top kMaxRacks by max beyond that), and load against capacity of
/// the distribution nodes (busways, RPPs, power racks, switchboards) and of the UPS systems.
class PowerChartsPanel final : public QWidget {
  Q_OBJECT

 public:
  /// Racks shown at most in the per-rack chart.
  static constexpr int kMaxRacks = 40;

  PowerChartsPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan (the panel shows the first).
  void setSelection(const QList<dc::RackId>& ids);

  QChart* rackChart() const;
  QChart* distributionChart() const;
  QChart* upsChart() const;

 Q_SIGNALS:
  /// An edit was refused: the message names the object and the field.
  void editFailed(const QString& message);

 private:
  void rebuildRacks();
  void rebuildNodes();

  DesignDocument& mDocument;
  const Catalog& mCatalog;
  Analysis mAnalysis;
  QChartView* mRackView = nullptr;
  QChartView* mDistributionView = nullptr;
  QChartView* mUpsView = nullptr;
};

}  // namespace dc
