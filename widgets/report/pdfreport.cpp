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

/// The sheet's first drawing and the area it was given, or null.
const PlacedItem* firstDrawing(const SheetPlan& sheet) {
  for (const PlacedItem& item : sheet.items) {
    if (item.block != nullptr && std::holds_alternative<Drawing>(*item.block)) {
      return &item;
    }
  }
  return nullptr;
}

/// What the title block says of the sheet's scale: the drawing's own ("1:100", "Not to
/// scale"), computed for the area the layout gave it, as the drawing computes it.
QString sheetScale(const SheetPlan& sheet, const ReportData& data) {
  const PlacedItem* item = firstDrawing(sheet);
  return item != nullptr ? drawingScale(std::get<Drawing>(*item->block), data, item->rectMm)
                         : QString();
}

/// The general notes of a drawing sheet: where it comes from, then the drawing's own.
QStringList sheetNotes(const SheetPlan& sheet, const ReportData& data) {
  const ReportMeta& meta = data.document.meta;
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
  QStringList notes{source + QStringLiteral(". The schedules of this report give every figure "
                                            "with its basis and source.")};
  if (const PlacedItem* item = firstDrawing(sheet)) {
    notes += drawingNotes(std::get<Drawing>(*item->block), data);
  }
  return notes;
}

/// The document with each drawing that takes several sheets (elevations of many rack
/// configurations) repeated once per sheet, its part numbered in the caption.
ReportDocument withDrawingParts(const ReportData& data) {
  ReportDocument document = data.document;
  for (Section& section : document.sections) {
    QList<Block> blocks;
    for (const Block& block : section.blocks) {
      const auto* drawing = std::get_if<Drawing>(&block);
      const int parts = drawing != nullptr && drawing->partCount <= 1
                            ? drawingSheetCount(drawing->kind, data)
                            : 1;
      if (parts <= 1) {
        blocks.append(block);
        continue;
      }
      for (int part = 0; part < parts; ++part) {
        Drawing copy = *drawing;
        copy.part = part;
        copy.partCount = parts;
        copy.caption =
            QStringLiteral("%1 (%2 of %3)").arg(drawing->caption).arg(part + 1).arg(parts);
        blocks.append(copy);
      }
    }
    section.blocks = blocks;
  }
  return document;
}

class SheetPainter {
 public:
  SheetPainter(QPainter& painter, const ReportData& data, const ReportDocument& document,
               const ChartPictures& charts, const ReportLayout& layout)
      : mPainter(painter), mData(data), mDocument(document), mCharts(charts), mLayout(layout) {}

  void paint(int index) {
    const SheetPlan& sheet = mLayout.sheets[index];
    const SheetGeometry geometry = sheetGeometry(sheet.format);
    const ReportDocument& document = mDocument;
    if (sheet.cover) {
      paintCover(mPainter, mLayout.cover, document.meta, mLayout.contents);
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
    frame.scale = sheetScale(sheet, mData);
    frame.notes = sheetNotes(sheet, mData);
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
                            mDocument.sections[item.sectionIndex].title);
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
  const ReportDocument& mDocument;  ///< with its drawings' parts (withDrawingParts)
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
  const ReportDocument document = withDrawingParts(data);
  const ReportLayout layout = layoutReport(document, &writer);
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
  SheetPainter sheets(painter, data, document, charts, layout);
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
