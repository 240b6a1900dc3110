// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagelayout.h"

#include <QHash>

#include <algorithm>

namespace dc::report {

namespace {

constexpr QLatin1StringView kCoverId("cover");
constexpr double kSectionGapMm = 8.0;    // between two sections on one sheet
constexpr double kAfterHeadingMm = 1.5;  // a heading sits close to what it heads
constexpr double kBeforeHeadingMm = 6.0;
constexpr double kKeepWithHeadingMm = 20.0;  // a heading needs this much under it on its sheet
constexpr double kMinDrawingShare = 0.6;     // a drawing takes a sheet of its own below this

bool isHeadingParagraph(const Block* block) {
  const auto* paragraph = block != nullptr ? std::get_if<Paragraph>(block) : nullptr;
  return paragraph != nullptr && paragraph->style == Paragraph::Style::Heading;
}

class Layouter {
 public:
  Layouter(const ReportDocument& document, const QPaintDevice* device)
      : mDocument(document), mMetrics(device) {}

  ReportLayout run() {
    qsizetype contentsCount = 0;
    for (const Section& section : mDocument.sections) {
      contentsCount += section.id != kCoverId && !section.blocks.isEmpty() ? 1 : 0;
    }
    int number = 0;
    for (int s = 0; s < mDocument.sections.size(); ++s) {
      const Section& section = mDocument.sections[s];
      const bool cover = section.id == kCoverId;
      if (!cover && section.blocks.isEmpty()) {
        continue;
      }
      if (!cover) {
        mLayout.sectionNumbers.insert(s, ++number);
      }
      mSection = s;
      const PageFormat format = cover ? PageFormat::A4Portrait : section.page;
      if (mLayout.sheets.isEmpty() || cover || section.startsSheet || mGeometry.format != format) {
        newSheet(format);
      } else {
        mY += kSectionGapMm;
      }
      if (cover) {
        mLayout.sheets.last().cover = true;
        mLayout.cover = coverGeometry(mMetrics, mGeometry, mDocument.meta, contentsCount,
                                      blocksHeightMm(section));
        mY = mLayout.cover.blocksMm.top();
        mBottom = mLayout.cover.blocksMm.bottom();
      } else if (format == PageFormat::A4Portrait) {
        // A3 drawing sheets carry the section in their title block instead of a heading.
        PlacedItem heading;
        heading.kind = PlacedItem::Kind::SectionHeading;
        const double heightMm =
            sectionHeadingHeightMm(mMetrics, numberedTitle(section.title), width());
        if (hasItems() && available() < heightMm + kKeepWithHeadingMm) {
          newSheet(format);
        }
        place(std::move(heading), heightMm);
      }
      for (const Block& block : section.blocks) {
        layoutBlock(block);
      }
      if (cover) {
        mY = mBottom;  // the cover is a sheet of its own
      }
    }
    collectContents();
    return std::move(mLayout);
  }

 private:
  // The heading's title as measured: the number is painted in a column to its left.
  static QString numberedTitle(const QString& title) { return QStringLiteral("00  ") + title; }

  double width() const { return mGeometry.bodyMm.width(); }

  /// What `section`'s blocks take flowed on one sheet (the cover's note); tables and drawings,
  /// which no cover carries, count nothing.
  double blocksHeightMm(const Section& section) const {
    double heightMm = 0.0;
    for (const Block& block : section.blocks) {
      heightMm += heightMm > 0.0 ? std::max(kBlockGapMm, kBeforeHeadingMm) : 0.0;
      if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
        heightMm += paragraphHeightMm(mMetrics, *paragraph, width());
      } else if (const auto* figures = std::get_if<KeyFigures>(&block)) {
        heightMm += layoutKeyFigures(mMetrics, *figures, width()).heightMm();
      } else if (const auto* chart = std::get_if<Chart>(&block)) {
        heightMm += chartHeightMm(mMetrics, *chart, width());
      }
    }
    return heightMm;
  }
  double available() const { return mBottom - mY; }
  bool hasItems() const {
    return !mLayout.sheets.isEmpty() && !mLayout.sheets.last().items.isEmpty();
  }

  void newSheet(PageFormat format) {
    SheetPlan sheet;
    sheet.format = format;
    sheet.sectionIndex = mSection;
    mLayout.sheets.append(std::move(sheet));
    mGeometry = sheetGeometry(format);
    mY = mGeometry.bodyMm.top();
    mBottom = mGeometry.bodyMm.bottom();
  }

  /// A new sheet for a block that does not fit; headings at the foot of the old sheet come along.
  void breakSheet() {
    QList<PlacedItem> carried;
    QList<PlacedItem>& items = mLayout.sheets.last().items;
    while (!items.isEmpty() && items.last().keepsWithNext() && items.size() > 1) {
      carried.prepend(items.takeLast());
    }
    newSheet(mGeometry.format);
    if (!carried.isEmpty()) {
      mLayout.sheets.last().sectionIndex = carried.first().sectionIndex;
    }
    for (PlacedItem& item : carried) {
      const double heightMm = item.rectMm.height();
      place(std::move(item), heightMm);
    }
  }

  /// The space above the next block: none at the top of a sheet, little after a heading.
  double gapBefore(const Block* block) const {
    if (!hasItems()) {
      return 0.0;
    }
    const PlacedItem& last = mLayout.sheets.last().items.last();
    if (last.kind == PlacedItem::Kind::SectionHeading) {
      return 0.0;  // the heading's own space follows it
    }
    if (last.keepsWithNext()) {
      return kAfterHeadingMm;
    }
    return isHeadingParagraph(block) ? kBeforeHeadingMm : kBlockGapMm;
  }

  /// Moves to a fresh sheet unless `heightMm` (plus the gap) fits; returns the gap to leave.
  double makeRoom(const Block* block, double heightMm) {
    const double gapMm = gapBefore(block);
    if (hasItems() && gapMm + heightMm > available()) {
      breakSheet();
      return gapBefore(block);
    }
    return gapMm;
  }

  void place(PlacedItem item, double heightMm) {
    item.sectionIndex = mSection;
    item.rectMm = QRectF(mGeometry.bodyMm.left(), mY, width(), heightMm);
    mY += heightMm;
    mLayout.sheets.last().items.append(std::move(item));
  }

  void layoutBlock(const Block& block) {
    PlacedItem item;
    item.block = &block;
    if (std::holds_alternative<PageBreak>(block)) {
      if (hasItems()) {
        newSheet(mGeometry.format);
      }
    } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      layoutParagraph(block, *paragraph);
    } else if (const auto* figures = std::get_if<KeyFigures>(&block)) {
      item.kind = PlacedItem::Kind::KeyFigures;
      item.figures = layoutKeyFigures(mMetrics, *figures, width());
      const double heightMm = item.figures.heightMm();
      mY += makeRoom(&block, heightMm);
      place(std::move(item), heightMm);
    } else if (const auto* table = std::get_if<Table>(&block)) {
      layoutTable(block, *table);
    } else if (const auto* chart = std::get_if<Chart>(&block)) {
      item.kind = PlacedItem::Kind::Chart;
      const double heightMm = chartHeightMm(mMetrics, *chart, width());
      mY += makeRoom(&block, heightMm);
      place(std::move(item), heightMm);
    } else if (std::holds_alternative<Drawing>(block)) {
      item.kind = PlacedItem::Kind::Drawing;
      mY += makeRoom(&block, kMinDrawingShare * mGeometry.bodyMm.height());
      place(std::move(item), available());  // the rest of the sheet
    }
  }

  void layoutParagraph(const Block& block, const Paragraph& paragraph) {
    const double heightMm = paragraphHeightMm(mMetrics, paragraph, width());
    if (paragraph.style == Paragraph::Style::Heading) {
      mY += makeRoom(&block, heightMm + kKeepWithHeadingMm);
      placeParagraph(block, {}, heightMm);
      return;
    }
    // Too long for the rest of the sheet: whole lines here (two at least, so no line stands
    // alone), the rest on the next sheets.
    Paragraph rest = paragraph;
    bool first = true;
    while (!rest.text.isEmpty()) {
      const double restMm = first ? heightMm : paragraphHeightMm(mMetrics, rest, width());
      const double beforeMm = first ? gapBefore(&block) : 0.0;
      if (restMm + beforeMm <= available()) {
        mY += beforeMm;
        placeParagraph(block, first ? QString() : rest.text, restMm);
        return;
      }
      const qsizetype length = mMetrics.fittingLength(paragraphFont(rest.style), width(), rest.text,
                                                      available() - beforeMm, 2);
      if (length > 0 && length < rest.text.size()) {
        const QString head = rest.text.left(length).trimmed();
        const double headMm = paragraphHeightMm(mMetrics, Paragraph{head, rest.style}, width());
        if (headMm + beforeMm <= available()) {
          mY += beforeMm;
          placeParagraph(block, head, headMm);
          rest.text = rest.text.mid(length).trimmed();
          first = false;
        }
      }
      if (!hasItems()) {
        // Taller than an empty sheet and it would not split: placed, clipped at the sheet.
        placeParagraph(block, first ? QString() : rest.text, available());
        return;
      }
      breakSheet();
    }
  }

  void placeParagraph(const Block& block, const QString& part, double heightMm) {
    PlacedItem item;
    item.kind = PlacedItem::Kind::Paragraph;
    item.block = &block;
    item.text = part;
    place(std::move(item), heightMm);
  }

  void layoutTable(const Block& block, const Table& table) {
    auto geometry = std::make_shared<const TableGeometry>(measureTable(mMetrics, table, width()));
    const double sheetMm = mGeometry.bodyMm.height();
    QList<TableSlice> slices = sliceTable(*geometry, available() - gapBefore(&block), sheetMm);
    const auto isMarker = [](const TableSlice& slice) {
      return slice.rowCount == 0 && !slice.withNotes;
    };
    if (!slices.isEmpty() && isMarker(slices.first())) {
      // Not even the caption, header and a row fit: the table starts on the next sheet, under
      // any heading that moves with it, so cut it again for the room left there.
      breakSheet();
      slices = sliceTable(*geometry, available() - gapBefore(&block), sheetMm);
      if (!slices.isEmpty() && isMarker(slices.first())) {
        slices.removeFirst();
      }
    }
    for (qsizetype i = 0; i < slices.size(); ++i) {
      if (i == 0) {
        mY += gapBefore(&block);
      } else {
        newSheet(mGeometry.format);
      }
      PlacedItem item;
      item.kind = PlacedItem::Kind::Table;
      item.block = &block;
      item.table = geometry;
      item.slice = slices[i];
      place(std::move(item), tableSliceHeightMm(*geometry, slices[i]));
    }
  }

  void collectContents() {
    QHash<int, bool> seen;
    for (int sheet = 0; sheet < mLayout.sheets.size(); ++sheet) {
      for (const PlacedItem& item : mLayout.sheets[sheet].items) {
        const int number = mLayout.sectionNumbers.value(item.sectionIndex, 0);
        if (number > 0 && !seen.value(item.sectionIndex)) {
          seen.insert(item.sectionIndex, true);
          mLayout.contents.append(
              ContentsEntry{number, mDocument.sections[item.sectionIndex].title, sheet});
        }
      }
    }
  }

  const ReportDocument& mDocument;
  TextMetrics mMetrics;
  ReportLayout mLayout;
  SheetGeometry mGeometry;
  int mSection = -1;
  double mY = 0.0;
  double mBottom = 0.0;
};

}  // namespace

bool PlacedItem::keepsWithNext() const {
  return kind == Kind::SectionHeading || (kind == Kind::Paragraph && isHeadingParagraph(block));
}

QString SheetPlan::drawingTitle(const ReportDocument& document) const {
  for (const PlacedItem& item : items) {
    if (const auto* drawing = item.block != nullptr ? std::get_if<Drawing>(item.block) : nullptr;
        drawing != nullptr && !drawing->caption.isEmpty()) {
      return drawing->caption;
    }
  }
  return sectionIndex >= 0 && sectionIndex < document.sections.size()
             ? document.sections[sectionIndex].title
             : QString();
}

ReportLayout layoutReport(const ReportDocument& document, const QPaintDevice* device) {
  return Layouter(document, device).run();
}

}  // namespace dc::report
