// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "model/project.h"

#include <QColor>
#include <QList>
#include <QRectF>
#include <QWidget>

namespace dc {

/// What a rack holds, as the preview colours it.
enum class PreviewRackKind { Compute, Network, Storage, Power, Empty };

/// The preview's kind of a rack: a rack-scale system or a rack with servers is compute, then
/// switches and appliances network, storage, an 800 VDC power rack power, else empty.
PreviewRackKind previewRackKind(const Rack& rack, const Catalog& catalog);

/// The first hall of a template drawn to scale: outline, columns, racks coloured by what they
/// hold, floor cooling units, a scale bar and a legend. A picture of the design before it is
/// created, for File ▸ New from Template; it keeps copies of the shapes, not the project.
class TemplatePreview final : public QWidget {
  Q_OBJECT

 public:
  explicit TemplatePreview(QWidget* parent = nullptr);

  /// Shows the first hall of `project`, whose racks and units are sized from `catalog`.
  void setProject(const Project& project, const Catalog& catalog);
  /// Shows `message` instead of a hall (a template that cannot be read).
  void setMessage(const QString& message);

  /// What is drawn, for tests: the hall's extent in millimetres and the racks by kind.
  QRectF hallBoundsMm() const noexcept { return mBoundsMm; }
  int rackCount() const noexcept { return int(mRacks.size()); }
  int rackCount(PreviewRackKind kind) const;
  int coolingUnitCount() const noexcept { return int(mUnits.size()); }
  const QString& message() const noexcept { return mMessage; }

  QSize sizeHint() const override { return {440, 300}; }
  QSize minimumSizeHint() const override { return {240, 160}; }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  struct Shape {
    QRectF rectMm;
    QColor fill;
    bool dashed = false;  ///< no published footprint: a marker of the usual size
  };
  struct RackShape {
    QRectF rectMm;
    PreviewRackKind kind = PreviewRackKind::Empty;
    bool dashed = false;
  };

  void paintLegend(QPainter& painter, const QRectF& area) const;
  void paintScaleBar(QPainter& painter, const QRectF& area, double pxPerMm) const;

  QPolygonF mOutlineMm;
  QList<QPolygonF> mObstaclesMm;
  QList<RackShape> mRacks;
  QList<Shape> mUnits;
  QRectF mBoundsMm;
  int mTileMm = 0;
  QString mCaption;  ///< "Hall A, 13.2 m × 9.60 m" (and "1 of 2 halls")
  QString mMessage;
};

}  // namespace dc
