// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfreport.h"

#include "drawingpainter.h"
#include "pageframe.h"
#include "pagelayout.h"
#include "report/outputfile.h"
#include "reportstyle.h"

#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace dc::report {

namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kDrawingCaptionGapMm = 2.0;

void setError(QString* error, const QString& message) {
  if (error != nullptr) {
    *error = message;
  }
}

/// What the title block says of the sheet's scale. Plans and elevations carry their scale bar
/// ("as indicated"); schematics are drawn to no scale.
QString sheetScale(const SheetPlan& sheet) {
  for (const PlacedItem& item : sheet.items) {
    if (const auto* drawing = item.block != nullptr ? std::get_if<Drawing>(item.block) : nullptr) {
      switch (drawing->kind) {
        case DrawingKind::FloorPlanPower:
        case DrawingKind::FloorPlanCooling:
        case DrawingKind::RackElevations:
          return QStringLiteral("As indicated");
        case DrawingKind::PowerSingleLine:
        case DrawingKind::CoolingSchematic:
          return QStringLiteral("Not to scale");
      }
    }
  }
  return {};
}

/// The general notes of a drawing sheet: where it comes from, and how to read it.
QStringList sheetNotes(const SheetPlan& sheet, const ReportMeta& meta) {
  QStringList notes;
  QString source = QStringLiteral("Drawn from the design model");
  if (!meta.fileName.isEmpty()) {
    source += QStringLiteral(" %1").arg(meta.fileName);
  }
  if (!meta.generator.isEmpty()) {
    source += QStringLiteral(" by %1").arg(meta.generator);
  }
  if (!meta.date.isEmpty()) {
    source += QStringLiteral(" on %1").arg(meta.date);
  }
  notes.append(source + QStringLiteral(". The schedules of this report give every figure with "
                                       "its basis and source."));
  for (const PlacedItem& item : sheet.items) {
    if (const auto* drawing = item.block != nullptr ? std::get_if<Drawing>(item.block) : nullptr) {
      const bool schematic = drawing->kind == DrawingKind::PowerSingleLine ||
                             drawing->kind == DrawingKind::CoolingSchematic;
      notes.append(schematic ? QStringLiteral("Schematic: the arrangement shows connections, not "
                                              "positions on the floor.")
                             : QStringLiteral("Dimensions in millimetres unless stated."));
      break;
    }
  }
  return notes;
}

class SheetPainter {
 public:
  SheetPainter(QPainter& painter, const ReportData& data, const ChartPictures& charts,
               const ReportLayout& layout)
      : mPainter(painter), mData(data), mCharts(charts), mLayout(layout) {}

  void paint(int index) {
    const SheetPlan& sheet = mLayout.sheets[index];
    const SheetGeometry geometry = sheetGeometry(sheet.format);
    const ReportDocument& document = mData.document;
    if (sheet.cover) {
      paintCover(mPainter, coverGeometry(geometry, mLayout.contents.size()), document.meta,
                 mLayout.contents);
    }
    for (const PlacedItem& item : sheet.items) {
      paintItem(item, geometry);
    }
    SheetFrame frame;
    frame.meta = &document.meta;
    frame.sectionTitle = sheet.sectionIndex >= 0 && sheet.sectionIndex < document.sections.size()
                             ? document.sections[sheet.sectionIndex].title
                             : QString();
    frame.drawingTitle = sheet.drawingTitle(document);
    frame.scale = sheetScale(sheet);
    frame.notes = sheetNotes(sheet, document.meta);
    frame.sheetNumber = index + 1;
    frame.sheetCount = int(mLayout.sheets.size());
    frame.cover = sheet.cover;
    paintSheetFrame(mPainter, geometry, frame);
  }

 private:
  void paintItem(const PlacedItem& item, const SheetGeometry& geometry) {
    switch (item.kind) {
      case PlacedItem::Kind::SectionHeading:
        paintSectionHeading(mPainter, item.rectMm,
                            mLayout.sectionNumbers.value(item.sectionIndex, 0),
                            mData.document.sections[item.sectionIndex].title);
        break;
      case PlacedItem::Kind::Paragraph:
        if (item.text.isEmpty()) {
          paintParagraph(mPainter, item.rectMm, std::get<Paragraph>(*item.block));
        } else {
          Paragraph part = std::get<Paragraph>(*item.block);
          part.text = item.text;
          paintParagraph(mPainter, item.rectMm, part);
        }
        break;
      case PlacedItem::Kind::KeyFigures:
        paintKeyFigures(mPainter, item.rectMm, std::get<KeyFigures>(*item.block), item.figures);
        break;
      case PlacedItem::Kind::Table:
        paintTableSlice(mPainter, item.rectMm.topLeft(), std::get<Table>(*item.block), *item.table,
                        item.slice);
        break;
      case PlacedItem::Kind::Chart: {
        const auto& chart = std::get<Chart>(*item.block);
        const auto picture = mCharts.constFind(chart.id);
        paintChart(mPainter, item.rectMm, chart,
                   picture != mCharts.constEnd() ? &picture.value() : nullptr);
        break;
      }
      case PlacedItem::Kind::Drawing:
        paintDrawingItem(item, geometry);
        break;
    }
  }

  void paintDrawingItem(const PlacedItem& item, const SheetGeometry& geometry) {
    const auto& drawing = std::get<Drawing>(*item.block);
    QRectF area = item.rectMm;
    if (geometry.titleBlockMm.isEmpty() && !drawing.caption.isEmpty()) {
      // No title block (an A4 sheet): the caption goes over the drawing, as a table's does.
      const TextMetrics metrics(mPainter.device());
      const double captionMm =
          metrics.wrappedHeightMm(captionFont(), area.width(), drawing.caption);
      paintText(mPainter, QRectF(area.left(), area.top(), area.width(), captionMm), captionFont(),
                inkColour(), Qt::AlignLeft | Qt::AlignTop, drawing.caption);
      area.setTop(area.top() + captionMm + kDrawingCaptionGapMm);
    }
    mPainter.save();
    mPainter.setClipRect(area);
    paintDrawing(mPainter, area, drawing, mData);
    mPainter.restore();
  }

  QPainter& mPainter;
  const ReportData& mData;
  const ChartPictures& mCharts;
  const ReportLayout& mLayout;
};

}  // namespace

PdfOutcome writeReportPdf(const ReportData& data, const ChartPictures& charts, QIODevice& device,
                          const PdfProgress& progress, QString* error) {
  const ReportMeta& meta = data.document.meta;
  QPdfWriter writer(&device);
  writer.setResolution(kPdfResolutionDpi);
  writer.setTitle(meta.projectName.isEmpty()
                      ? meta.title
                      : QStringLiteral("%1 \u2014 %2").arg(meta.title, meta.projectName));
  writer.setCreator(meta.generator);

  // Pass 1: every sheet planned with the writer's own text metrics, so "of m" is known.
  const ReportLayout layout = layoutReport(data.document, &writer);
  if (layout.sheets.isEmpty()) {
    setError(error, QStringLiteral("the report has nothing to print"));
    return PdfOutcome::Failed;
  }

  // Pass 2: paint. The painter's unit is one millimetre on paper.
  writer.setPageLayout(pageLayout(layout.sheets.first().format));
  QPainter painter;
  if (!painter.begin(&writer)) {
    setError(error, QStringLiteral("the PDF could not be started: %1").arg(device.errorString()));
    return PdfOutcome::Failed;
  }
  const double scale = kPdfResolutionDpi / kMmPerInch;
  SheetPainter sheets(painter, data, charts, layout);
  const int total = int(layout.sheets.size());
  for (int i = 0; i < total; ++i) {
    if (i > 0) {
      // The next sheet's paper size and orientation take effect with the new page.
      writer.setPageLayout(pageLayout(layout.sheets[i].format));
      if (!writer.newPage()) {
        painter.end();
        setError(error, QStringLiteral("the PDF could not start page %1").arg(i + 1));
        return PdfOutcome::Failed;
      }
    }
    painter.resetTransform();
    painter.scale(scale, scale);
    sheets.paint(i);
    if (progress && !progress(i + 1, total)) {
      painter.end();
      return PdfOutcome::Cancelled;
    }
  }
  if (!painter.end()) {
    setError(error, QStringLiteral("the PDF could not be finished: %1").arg(device.errorString()));
    return PdfOutcome::Failed;
  }
  return PdfOutcome::Written;
}

PdfOutcome exportReportPdf(const QString& path, bool overwrite, const ReportData& data,
                           const ChartPictures& charts, const PdfProgress& progress,
                           QString* error) {
  const QString problem = outputPathProblem(path, overwrite);
  if (!problem.isEmpty()) {
    setError(error, problem);
    return PdfOutcome::Failed;
  }
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    setError(error, QStringLiteral("'%1' could not be written: %2").arg(path, file.errorString()));
    return PdfOutcome::Failed;
  }
  const PdfOutcome outcome = writeReportPdf(data, charts, file, progress, error);
  if (outcome != PdfOutcome::Written) {
    file.cancelWriting();  // the temporary beside `path` goes; an existing file stays as it was
    return outcome;
  }
  if (!file.commit()) {
    setError(error, QStringLiteral("'%1' could not be written: %2").arg(path, file.errorString()));
    return PdfOutcome::Failed;
  }
  return PdfOutcome::Written;
}

}  // namespace dc::report
