// SPDX-License-Identifier: GPL-3.0-or-later
#include "covergeometry.h"

#include "reportstyle.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace dc::report {

namespace {

constexpr double kTitlePt = 24.0;
constexpr double kProjectPt = 15.0;
constexpr double kFactsPt = 9.0;
constexpr double kBandPreferredMm = 100.0;  // the band's height when the sheet has room
constexpr double kBandTopMm = 16.0;         // at least this much blue over the title
constexpr double kTitleGapMm = 3.0;         // between the title and the project
constexpr double kProjectGapMm = 6.0;       // between the project and the facts
constexpr double kContentsTitleMm = 9.0;
constexpr double kApprovalMm = 26.0;

/// How tightly the cover is set: the first of kSettings that fits the sheet is used.
struct Setting {
  double gapMm;      // band to project data, project data to contents
  double metaRowMm;  // a row of the project data
  double rowMm;      // a row of the contents
  double footMm;     // blue under the band's last line
};
constexpr std::array kSettings{Setting{12.0, 6.0, 5.5, 10.0}, Setting{9.0, 5.5, 5.0, 8.0},
                               Setting{7.0, 5.0, 4.6, 7.0}};

/// The smaller gaps: contents to the cover's blocks, and above the approval boxes.
double minorGapMm(const Setting& setting) {
  return setting.gapMm * 2.0 / 3.0;
}

}  // namespace

QString coverFacts(const ReportMeta& meta) {
  QStringList facts;
  if (!meta.revision.isEmpty()) {
    facts.append(QStringLiteral("Revision %1").arg(meta.revision));
  }
  if (!meta.date.isEmpty()) {
    facts.append(meta.date);
  }
  return facts.join(QStringLiteral("   \u00b7   "));
}

CoverGeometry coverGeometry(const TextMetrics& metrics, const SheetGeometry& sheet,
                            const ReportMeta& meta, qsizetype contentsCount,
                            double blocksHeightMm) {
  const double left = sheet.bodyMm.left();
  const double widthMm = sheet.bodyMm.width();
  const double bottomMm = sheet.bodyMm.bottom();
  const double titleMm =
      std::max(metrics.lineMm(reportFont(kTitlePt, true)),
               metrics.wrappedHeightMm(reportFont(kTitlePt, true), widthMm, meta.title));
  const double projectMm =
      meta.projectName.isEmpty()
          ? 0.0
          : metrics.wrappedHeightMm(reportFont(kProjectPt), widthMm, meta.projectName);
  const double factsMm = metrics.lineMm(reportFont(kFactsPt));
  const double rows = double(std::max<qsizetype>(contentsCount, 0));
  const double blocksMm = std::max(0.0, blocksHeightMm);

  const auto bandTextMm = [&](const Setting& s) {
    return titleMm + (projectMm > 0.0 ? kTitleGapMm + projectMm : 0.0) + kProjectGapMm + factsMm +
           s.footMm;
  };
  // Everything under the band, the blocks and their gap left out.
  const auto belowMm = [&](const Setting& s) {
    return 2.0 * s.gapMm + kCoverMetaRows * s.metaRowMm + kContentsTitleMm + rows * s.rowMm +
           minorGapMm(s) + kApprovalMm;
  };
  const auto blocksNeedMm = [&](const Setting& s) {
    return blocksMm > 0.0 ? minorGapMm(s) + blocksMm : 0.0;
  };
  Setting setting = kSettings.back();
  for (const Setting& candidate : kSettings) {
    if (kBandTopMm + bandTextMm(candidate) + belowMm(candidate) + blocksNeedMm(candidate) <=
        bottomMm) {
      setting = candidate;
      break;
    }
  }
  const double bandMinMm = kBandTopMm + bandTextMm(setting);
  // Too many sections for even the tightest rows: the rows share what is left.
  const double rowRoomMm =
      bottomMm - bandMinMm - (belowMm(setting) - rows * setting.rowMm) - blocksNeedMm(setting);
  if (rows > 0.0 && rows * setting.rowMm > rowRoomMm) {
    setting.rowMm = std::max(0.0, rowRoomMm) / rows;
  }
  const double bandMm = std::clamp(bottomMm - belowMm(setting) - blocksNeedMm(setting), bandMinMm,
                                   std::max(bandMinMm, kBandPreferredMm));

  CoverGeometry cover;
  cover.bandMm = QRectF(0, 0, sheet.paperMm.width(), bandMm);
  // The band's text sits on its foot; what the band has spare is blue above the title.
  cover.factsMm = QRectF(left, bandMm - setting.footMm - factsMm, widthMm, factsMm);
  cover.projectMm =
      QRectF(left, cover.factsMm.top() - kProjectGapMm - projectMm, widthMm, projectMm);
  cover.titleMm =
      QRectF(left, cover.projectMm.top() - (projectMm > 0.0 ? kTitleGapMm : 0.0) - titleMm, widthMm,
             titleMm);
  cover.metaRowMm = setting.metaRowMm;
  cover.metaMm = QRectF(left, bandMm + setting.gapMm, widthMm, kCoverMetaRows * setting.metaRowMm);
  cover.contentsTitleMm = kContentsTitleMm;
  cover.contentsRowMm = setting.rowMm;
  cover.contentsMm = QRectF(left, cover.metaMm.bottom() + setting.gapMm, widthMm,
                            kContentsTitleMm + rows * setting.rowMm);
  cover.approvalMm = QRectF(left, bottomMm - kApprovalMm, widthMm, kApprovalMm);
  const double blocksTop = cover.contentsMm.bottom() + minorGapMm(setting);
  cover.blocksMm =
      QRectF(QPointF(left, blocksTop),
             QPointF(sheet.bodyMm.right(),
                     std::max(blocksTop, cover.approvalMm.top() - minorGapMm(setting))));
  return cover;
}

}  // namespace dc::report
