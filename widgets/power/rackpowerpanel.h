// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "edit/designdocument.h"
#include "engine/analysis.h"

#include <QWidget>

namespace dc {

/// Placeholder: implemented by the power-panels work (see widgets/power/).
class RackPowerPanel final : public QWidget {
  Q_OBJECT

 public:
  RackPowerPanel(DesignDocument& document, const Catalog& catalog, QWidget* parent = nullptr);
  /// Shows the engine's results; computes nothing itself.
  void setAnalysis(const Analysis& analysis);
  /// The racks selected on the floor plan (the panel shows the first).
  void setSelection(const QList<dc::RackId>& ids);

 Q_SIGNALS:
  /// An edit was refused: the message names the object and the field.
  void editFailed(const QString& message);

 private:
  DesignDocument& mDocument;
  const Catalog& mCatalog;
};

}  // namespace dc
