// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageframe.h"

#include "pdftext.h"
#include "reportstyle.h"

#include <QPainter>

#include <algorithm>

namespace dc::report {

namespace {

constexpr double kBandPt = 7.0;
constexpr double kLabelPt = 5.5;
constexpr double kValuePt = 8.0;
constexpr double kTitleValuePt = 11.0;
constexpr double kMinValuePt = 6.5;
constexpr double kCellPadMm = 1.5;
constexpr double kNoteNumberMm = 4.0;
constexpr double kNoteGapMm = 0.6;
constexpr double kNotesColumnGapMm = 6.0;

QColor bandRuleColour() {
  return QColor(0x9a, 0xa1, 0xaa);
}

QString orDash(const QString& text) {
  return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

void paintLine(QPainter& painter, const QRectF& rectMm, const QFont& font, const QColor& colour,
               Qt::Alignment align, const QString& text) {
  paintTextLine(painter, rectMm, font, colour, align, text);
}

void paintHeader(QPainter& painter, const SheetGeometry& sheet, const SheetFrame& frame) {
  const QRectF band = sheet.headerMm;
  const QFont bold = reportFont(kBandPt, true);
  const QFont plain = reportFont(kBandPt);
  const QString title = frame.meta->title;
  const double titleMm = TextMetrics(painter.device()).widthMm(bold, title + QStringLiteral("  "));
  paintLine(painter, QRectF(band.left(), band.top(), titleMm, band.height()), bold,
            secondaryInkColour(), Qt::AlignLeft, title);
  QString right = frame.sectionTitle;
  if (!frame.meta->revision.isEmpty()) {
    right += QStringLiteral("     Revision %1").arg(frame.meta->revision);
  }
  // A millimetre to spare: the measured width and the painted one differ by rounding, and an
  // exact fit would elide the revision ("Revision…").
  const double rightMm = TextMetrics(painter.device()).widthMm(plain, right) + 1.0;
  paintLine(painter, QRectF(band.right() - rightMm, band.top(), rightMm, band.height()), plain,
            secondaryInkColour(), Qt::AlignRight, right);
  const QRectF project(band.left() + titleMm, band.top(), band.width() - titleMm - rightMm - 6.0,
                       band.height());
  paintLine(painter, project, plain, secondaryInkColour(), Qt::AlignLeft, frame.meta->projectName);
  const double ruleY = band.bottom() + kBandRuleGapMm;
  painter.setPen(QPen(bandRuleColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(QPointF(band.left(), ruleY), QPointF(band.right(), ruleY));
}

void paintFooter(QPainter& painter, const SheetGeometry& sheet, const SheetFrame& frame) {
  const QRectF band = sheet.footerMm;
  const double ruleY = band.top() - kBandRuleGapMm;
  painter.setPen(QPen(bandRuleColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(QPointF(band.left(), ruleY), QPointF(band.right(), ruleY));
  const QFont plain = reportFont(kBandPt);
  const double third = band.width() / 3.0;
  paintLine(painter, QRectF(band.left(), band.top(), third, band.height()), plain,
            secondaryInkColour(), Qt::AlignLeft, frame.meta->date);
  QString made = frame.meta->generator;
  if (!frame.meta->fileName.isEmpty()) {
    made +=
        made.isEmpty() ? frame.meta->fileName : QStringLiteral("  \u00b7  ") + frame.meta->fileName;
  }
  paintLine(painter, QRectF(band.left() + third, band.top(), third, band.height()), plain,
            secondaryInkColour(), Qt::AlignHCenter, made);
  paintLine(painter, QRectF(band.right() - third, band.top(), third, band.height()),
            reportFont(kBandPt, true), secondaryInkColour(), Qt::AlignRight,
            QStringLiteral("Page %1 of %2").arg(frame.sheetNumber).arg(frame.sheetCount));
}

/// The size from `pt` down to kMinValuePt at which `text` fits `widthMm` (then it is elided).
double fittingPt(const QPainter& painter, const QString& text, double pt, double widthMm,
                 bool bold = false) {
  const TextMetrics metrics(painter.device());
  while (pt > kMinValuePt && metrics.widthMm(reportFont(pt, bold), text) > widthMm) {
    pt -= 0.5;
  }
  return pt;
}

/// A title-block cell: a small grey label at the top, the value under it (set smaller down to
/// kMinValuePt before it is shortened, so a long project name still reads whole).
void paintCell(QPainter& painter, const QRectF& cellMm, const QString& label, const QString& value,
               double valuePt = kValuePt, bool bold = false) {
  const QFont labelFont = reportFont(kLabelPt);
  const double labelMm = lineHeightMm(kLabelPt);
  paintLine(painter,
            QRectF(cellMm.left() + kCellPadMm, cellMm.top() + 0.8, cellMm.width() - 2 * kCellPadMm,
                   labelMm),
            labelFont, secondaryInkColour(), Qt::AlignLeft, label.toUpper());
  const QRectF valueRect(cellMm.left() + kCellPadMm, cellMm.top() + 0.8 + labelMm,
                         cellMm.width() - 2 * kCellPadMm, cellMm.height() - 0.8 - labelMm - 0.6);
  const QString text = orDash(value);
  paintLine(painter, valueRect,
            reportFont(fittingPt(painter, text, valuePt, valueRect.width(), bold), bold),
            inkColour(), Qt::AlignLeft, text);
}

/// How the notes are set in the strip: a size and a number of columns.
struct NotesSetting {
  double pt = 6.5;
  int columns = 1;
};

/// The height `notes` take, numbered, in columns `widthMm` wide (filled top to bottom, left to
/// right; a note is never split between columns).
double notesHeightMm(const TextMetrics& metrics, const QStringList& notes, const NotesSetting& set,
                     double widthMm, double heightMm, QList<int>* columnOf = nullptr) {
  const QFont font = reportFont(set.pt);
  const double columnW = (widthMm - kNotesColumnGapMm * (set.columns - 1)) / set.columns;
  int column = 0;
  double y = 0.0;
  double tallest = 0.0;
  for (const QString& note : notes) {
    const double h = metrics.wrappedHeightMm(font, columnW - kNoteNumberMm, note) + kNoteGapMm;
    if (y > 0.0 && y + h > heightMm && column + 1 < set.columns) {
      ++column;
      y = 0.0;
    }
    if (columnOf != nullptr) {
      columnOf->append(column);
    }
    y += h;
    tallest = std::max(tallest, y);
  }
  return tallest;
}

/// The strip along the frame's foot, left of the title block: the sheet's general notes, at
/// 6.5 pt, or smaller and in two columns when there are many.
void paintNotes(QPainter& painter, const SheetGeometry& sheet, const QStringList& notes) {
  const QRectF block = sheet.titleBlockMm;
  painter.setPen(QPen(inkColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(QPointF(sheet.frameMm.left(), block.top()), QPointF(block.left(), block.top()));
  const QRectF strip(sheet.frameMm.left() + 4.0, block.top() + 1.5,
                     block.left() - sheet.frameMm.left() - 10.0, block.height() - 3.0);
  paintTextLine(painter, QRectF(strip.left(), strip.top(), strip.width(), lineHeightMm(kLabelPt)),
                reportFont(kLabelPt), secondaryInkColour(), Qt::AlignLeft, QStringLiteral("NOTES"));
  const TextMetrics metrics(painter.device());
  const double top = strip.top() + lineHeightMm(kLabelPt) + 0.8;
  const double roomMm = strip.bottom() - top;
  NotesSetting set;
  for (const NotesSetting candidate :
       {NotesSetting{6.5, 1}, NotesSetting{6.0, 1}, NotesSetting{6.0, 2}, NotesSetting{5.5, 2}}) {
    set = candidate;
    if (notesHeightMm(metrics, notes, set, strip.width(), roomMm) <= roomMm) {
      break;
    }
  }
  QList<int> columnOf;
  notesHeightMm(metrics, notes, set, strip.width(), roomMm, &columnOf);
  const QFont font = reportFont(set.pt);
  const double columnW = (strip.width() - kNotesColumnGapMm * (set.columns - 1)) / set.columns;
  double y = top;
  int column = 0;
  for (qsizetype i = 0; i < notes.size(); ++i) {
    if (columnOf[i] != column) {
      column = columnOf[i];
      y = top;
    }
    const double x = strip.left() + column * (columnW + kNotesColumnGapMm);
    const double textWidthMm = columnW - kNoteNumberMm;
    const double heightMm = metrics.wrappedHeightMm(font, textWidthMm, notes[i]);
    if (y + heightMm > strip.bottom() + 0.01) {
      break;  // the strip is full: a note is never printed over the frame
    }
    paintText(painter, QRectF(x, y, kNoteNumberMm, heightMm), font, secondaryInkColour(),
              Qt::AlignLeft | Qt::AlignTop, QStringLiteral("%1.").arg(i + 1));
    paintText(painter, QRectF(x + kNoteNumberMm, y, textWidthMm, heightMm), font,
              secondaryInkColour(), Qt::AlignLeft | Qt::AlignTop, notes[i]);
    y += heightMm + kNoteGapMm;
  }
}

void paintTitleBlock(QPainter& painter, const SheetGeometry& sheet, const SheetFrame& frame) {
  const QRectF block = sheet.titleBlockMm;
  const ReportMeta& meta = *frame.meta;
  const double row1 = 12.0;
  const double row2 = (block.height() - row1) / 2.0;
  const double y1 = block.top() + row1;
  const double y2 = y1 + row2;
  painter.fillRect(block, Qt::white);
  // Columns: project/author 70, then 35 + 30, then the sheet/revision column of 45.
  const double c1 = block.left() + 70.0;
  const double c2 = c1 + 35.0;
  const double c3 = block.right() - 45.0;

  painter.setPen(QPen(inkColour(), kThinMm, Qt::SolidLine, Qt::FlatCap));
  painter.drawLine(QPointF(block.left(), y1), QPointF(block.right(), y1));
  painter.drawLine(QPointF(block.left(), y2), QPointF(block.right(), y2));
  painter.drawLine(QPointF(c1, y1), QPointF(c1, block.bottom()));
  painter.drawLine(QPointF(c2, y2), QPointF(c2, block.bottom()));
  painter.drawLine(QPointF(c3, block.top()), QPointF(c3, block.bottom()));
  painter.setPen(QPen(inkColour(), kMediumMm, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(block);

  paintNotes(painter, sheet, frame.notes);
  paintCell(painter, QRectF(block.left(), block.top(), c3 - block.left(), row1),
            QStringLiteral("Title"), frame.drawingTitle, kTitleValuePt, true);
  paintCell(painter, QRectF(c3, block.top(), block.right() - c3, row1), QStringLiteral("Sheet"),
            QStringLiteral("%1 of %2").arg(frame.sheetNumber).arg(frame.sheetCount), kTitleValuePt,
            true);
  paintCell(painter, QRectF(block.left(), y1, c1 - block.left(), row2), QStringLiteral("Project"),
            meta.projectName);
  paintCell(painter, QRectF(c1, y1, c3 - c1, row2), QStringLiteral("Section"), frame.sectionTitle);
  paintCell(painter, QRectF(c3, y1, block.right() - c3, row2), QStringLiteral("Revision"),
            meta.revision);
  paintCell(painter, QRectF(block.left(), y2, c1 - block.left(), row2), QStringLiteral("Drawn by"),
            meta.author);
  paintCell(painter, QRectF(c1, y2, c2 - c1, row2), QStringLiteral("Date"), meta.date);
  paintCell(painter, QRectF(c2, y2, c3 - c2, row2), QStringLiteral("Scale"),
            frame.scale.isEmpty() ? QStringLiteral("Not to scale") : frame.scale);
  paintCell(painter, QRectF(c3, y2, block.right() - c3, row2), QStringLiteral("Paper"),
            QStringLiteral("A3 landscape"));
}

}  // namespace

void paintSheetFrame(QPainter& painter, const SheetGeometry& sheet, const SheetFrame& frame) {
  painter.save();
  if (!frame.cover) {
    paintHeader(painter, sheet, frame);
  }
  paintFooter(painter, sheet, frame);
  if (!sheet.frameMm.isEmpty()) {
    painter.setPen(QPen(inkColour(), kMediumMm, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(sheet.frameMm);
    paintTitleBlock(painter, sheet, frame);
  }
  painter.restore();
}

void paintCover(QPainter& painter, const CoverGeometry& cover, const ReportMeta& meta,
                const QList<ContentsEntry>& contents) {
  painter.save();
  const QRectF band = cover.bandMm;
  painter.fillRect(band, accentColour());
  const double left = cover.metaMm.left();
  const double widthMm = cover.metaMm.width();
  const QColor onAccent(0xff, 0xff, 0xff);
  const QColor onAccentSoft(0xd5, 0xe0, 0xee);
  paintText(painter, cover.titleMm, reportFont(24.0, true), onAccent, Qt::AlignLeft | Qt::AlignTop,
            meta.title);
  paintText(painter, cover.projectMm, reportFont(15.0), onAccent, Qt::AlignLeft | Qt::AlignTop,
            meta.projectName);
  paintLine(painter, cover.factsMm, reportFont(9.0), onAccentSoft, Qt::AlignLeft, coverFacts(meta));

  // Project data: label column, value column, hairline rules between rows.
  const QList<QPair<QString, QString>> rows{
      {QStringLiteral("Project"), meta.projectName},
      {QStringLiteral("Revision"), meta.revision},
      {QStringLiteral("Date"), meta.date},
      {QStringLiteral("Author"), meta.author},
      {QStringLiteral("Project file"), meta.fileName},
      {QStringLiteral("Generated by"), meta.generator},
  };
  const double rowMm = cover.metaRowMm;
  double y = cover.metaMm.top();
  for (const auto& [label, value] : rows) {
    // Bottom-aligned a little above the rule, so the two sizes share a baseline.
    const QRectF cell(left, y, widthMm, rowMm - 1.3);
    paintLine(painter, QRectF(cell.left(), cell.top(), 40.0, cell.height()), reportFont(7.5),
              secondaryInkColour(), Qt::AlignLeft | Qt::AlignBottom, label);
    paintLine(painter, cell.adjusted(40.0, 0, 0, 0), reportFont(9.0), inkColour(),
              Qt::AlignLeft | Qt::AlignBottom, orDash(value));
    y += rowMm;
    painter.setPen(QPen(ruleColour(), kHairlineMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(left, y), QPointF(left + widthMm, y));
  }

  // Contents: the number, the section, the page it starts on.
  const QRectF list = cover.contentsMm;
  paintLine(painter, QRectF(left, list.top(), widthMm, cover.contentsTitleMm - 2.0),
            reportFont(10.5, true), accentColour(), Qt::AlignLeft, QStringLiteral("Contents"));
  y = list.top() + cover.contentsTitleMm;
  const double entryMm = cover.contentsRowMm;
  for (const ContentsEntry& entry : contents) {
    paintLine(painter, QRectF(left, y, 10.0, entryMm), reportFont(9.0, true), accentColour(),
              Qt::AlignLeft, QString::number(entry.number));
    paintLine(painter, QRectF(left + 10.0, y, widthMm - 30.0, entryMm), reportFont(9.0),
              inkColour(), Qt::AlignLeft, entry.title);
    paintLine(painter, QRectF(left + widthMm - 20.0, y, 20.0, entryMm), reportFont(9.0),
              inkColour(), Qt::AlignRight, QString::number(entry.sheetIndex + 1));
    y += entryMm;
    painter.setPen(QPen(ruleColour(), kHairlineMm, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(left, y), QPointF(left + widthMm, y));
  }

  // Approvals: three boxes with name, signature and date lines to be filled in by hand.
  const QRectF approvals = cover.approvalMm;
  const QStringList roles{QStringLiteral("Prepared by"), QStringLiteral("Checked by"),
                          QStringLiteral("Approved by")};
  const double gapMm = 4.0;
  const double boxMm = (approvals.width() - gapMm * (roles.size() - 1)) / double(roles.size());
  for (qsizetype i = 0; i < roles.size(); ++i) {
    const QRectF box(approvals.left() + double(i) * (boxMm + gapMm), approvals.top(), boxMm,
                     approvals.height());
    painter.setPen(QPen(inkColour(), kThinMm));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    paintLine(painter, QRectF(box.left() + 2.0, box.top() + 1.0, boxMm - 4.0, 4.0),
              reportFont(kLabelPt + 0.5, true), secondaryInkColour(), Qt::AlignLeft,
              roles[i].toUpper());
    const QStringList lines{QStringLiteral("Name"), QStringLiteral("Signature"),
                            QStringLiteral("Date")};
    double lineY = box.top() + 10.0;
    for (const QString& line : lines) {
      paintLine(painter, QRectF(box.left() + 2.0, lineY - 3.5, 16.0, 3.5), reportFont(kLabelPt),
                secondaryInkColour(), Qt::AlignLeft, line);
      if (i == 0 && line == QLatin1String("Name") && !meta.author.isEmpty()) {
        const QRectF nameRect(box.left() + 18.0, lineY - 4.0, boxMm - 20.0, 4.0);
        paintLine(painter, nameRect,
                  reportFont(fittingPt(painter, meta.author, 8.0, nameRect.width())), inkColour(),
                  Qt::AlignLeft, meta.author);
      }
      painter.setPen(QPen(ruleColour(), kHairlineMm, Qt::SolidLine, Qt::FlatCap));
      painter.drawLine(QPointF(box.left() + 18.0, lineY), QPointF(box.right() - 2.0, lineY));
      lineY += 5.5;
    }
  }
  painter.restore();
}

}  // namespace dc::report
