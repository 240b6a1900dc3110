// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpicture.h"

#include "pdfreport.h"
#include "reportstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace dc::report {

namespace {

constexpr double kMmPerPoint = 25.4 / 72.0;
constexpr int kManyCategories = 12;  // more than this: category labels stand on end

/// A report font of `sizePt` points on paper for a chart recorded at kChartPxPerMm. Qt Charts
/// lays out its text in scene pixels, so the size is a pixel size of the recorded picture.
QFont chartFont(double sizePt, bool bold = false) {
  QFont font = reportFont(sizePt, bold);
  font.setPixelSize(std::max(1, int(std::lround(sizePt * kMmPerPoint * kChartPxPerMm))));
  return font;
}

/// Series colours: the accent and its lighter steps, so stacked parts read as one family; a
/// series with a tone takes the verdict colour instead.
QColor seriesColour(qsizetype index, Tone tone) {
  if (tone != Tone::Normal) {
    return toneColour(tone);
  }
  static const QList<QColor> palette{accentColour(), QColor(0x6f, 0x9c, 0xd2),
                                     QColor(0xa9, 0xbc, 0xd0), QColor(0x8a, 0x93, 0x9e),
                                     QColor(0x3f, 0x7f, 0x6e)};
  return palette[index % palette.size()];
}

double largestValue(const Chart& chart) {
  double top = 0.0;
  const qsizetype n = chart.categories.size();
  for (qsizetype c = 0; c < n; ++c) {
    double stacked = 0.0;
    for (const ChartSeries& series : chart.series) {
      const double value = c < series.values.size() ? series.values[c] : 0.0;
      stacked = chart.kind == Chart::Kind::StackedBars ? stacked + std::max(0.0, value)
                                                       : std::max(stacked, value);
    }
    top = std::max(top, stacked);
  }
  return std::max(top, chart.limit);
}

void styleAxis(QAbstractAxis* axis) {
  axis->setLabelsFont(chartFont(6.5));
  axis->setLabelsColor(inkColour());
  axis->setTitleFont(chartFont(7.0));
  axis->setTitleBrush(inkColour());
  axis->setLinePen(QPen(QColor(0x8a, 0x93, 0x9e), 1.0));
  axis->setGridLinePen(QPen(ruleColour(), 0.6));
  axis->setShadesVisible(false);
}

}  // namespace

QPicture renderChartPicture(const Chart& chart, const QLocale& locale) {
  const QRectF box(0, 0, kChartWidthMm * kChartPxPerMm, kChartHeightMm * kChartPxPerMm);
  QGraphicsScene scene;  // owns the chart and, through it, the series and axes
  auto* qchart = new QChart;
  scene.addItem(qchart);
  qchart->setAnimationOptions(QChart::NoAnimation);
  qchart->setBackgroundBrush(Qt::white);
  qchart->setBackgroundPen(Qt::NoPen);
  qchart->setBackgroundRoundness(0);
  qchart->setDropShadowEnabled(false);
  qchart->setMargins(QMargins(2, 2, 2, 2));
  qchart->layout()->setContentsMargins(0, 0, 0, 0);
  qchart->setLocalizeNumbers(true);
  qchart->setLocale(locale);
  qchart->legend()->setAlignment(Qt::AlignBottom);
  qchart->legend()->setFont(chartFont(6.5));
  qchart->legend()->setLabelColor(inkColour());
  qchart->legend()->setVisible(chart.series.size() > 1 || chart.limit > 0.0);

  QAbstractBarSeries* bars = chart.kind == Chart::Kind::StackedBars
                                 ? static_cast<QAbstractBarSeries*>(new QStackedBarSeries)
                                 : new QBarSeries;
  bars->setBarWidth(chart.kind == Chart::Kind::StackedBars ? 0.6 : 0.75);
  for (qsizetype i = 0; i < chart.series.size(); ++i) {
    const ChartSeries& series = chart.series[i];
    auto* set = new QBarSet(series.name);
    const QColor colour = seriesColour(i, series.tone);
    set->setColor(colour);
    set->setBorderColor(colour.darker(115));
    QList<qreal> values;
    for (qsizetype c = 0; c < chart.categories.size(); ++c) {
      values.append(c < series.values.size() ? series.values[c] : 0.0);
    }
    set->append(values);
    bars->append(set);
  }
  qchart->addSeries(bars);

  auto* categories = new QBarCategoryAxis;
  categories->append(chart.categories);
  styleAxis(categories);
  categories->setGridLineVisible(false);
  if (chart.categories.size() > kManyCategories) {
    categories->setLabelsAngle(-90);
  }
  categories->setTruncateLabels(false);
  qchart->addAxis(categories, Qt::AlignBottom);
  bars->attachAxis(categories);

  auto* values = new QValueAxis;
  styleAxis(values);
  values->setTitleText(chart.valueTitle);
  const double top = largestValue(chart);
  values->setRange(0.0, top > 0.0 ? top * 1.08 : 1.0);
  values->setTickCount(6);
  values->applyNiceNumbers();
  values->setLabelFormat(top >= 10.0 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
  qchart->addAxis(values, Qt::AlignLeft);
  bars->attachAxis(values);

  if (chart.limit > 0.0 && !chart.categories.isEmpty()) {
    auto* limit = new QLineSeries;
    limit->setName(chart.limitLabel.isEmpty() ? QStringLiteral("Limit") : chart.limitLabel);
    // The category axis puts category i at x = i, so the line spans the bars' outer edges.
    limit->append(-0.5, chart.limit);
    limit->append(double(chart.categories.size()) - 0.5, chart.limit);
    QPen pen(toneColour(Tone::Error), 1.6, Qt::DashLine, Qt::FlatCap);
    limit->setPen(pen);
    limit->setColor(pen.color());
    qchart->addSeries(limit);
    limit->attachAxis(categories);
    limit->attachAxis(values);
    for (QLegendMarker* marker : qchart->legend()->markers(limit)) {
      marker->setShape(QLegend::MarkerShapeFromSeries);  // a dashed line, as drawn
    }
  }

  qchart->setGeometry(box);
  scene.setSceneRect(box);
  // The chart lays out its axes and series on a posted layout request: run it now, as there
  // is no view and no event loop turn before the scene is recorded.
  qchart->layout()->activate();

  QPicture picture;
  QPainter painter(&picture);
  painter.setRenderHint(QPainter::Antialiasing);
  scene.render(&painter, box, box);
  painter.end();
  return picture;
}

ChartPictures renderCharts(const ReportDocument& document, const QLocale& locale) {
  ChartPictures pictures;
  for (const Chart* chart : document.charts()) {
    pictures.insert(chart->id, renderChartPicture(*chart, locale));
  }
  return pictures;
}

}  // namespace dc::report
