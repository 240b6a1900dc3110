// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogloader.h"
#include "catalog/specrows.h"
#include "fixturecatalog.h"

#include <QTest>

using namespace dc;

namespace {

const SpecRow* rowAt(const QList<SpecRow>& rows, const QString& path) {
  for (const SpecRow& row : rows) {
    if (row.path == path) {
      return &row;
    }
  }
  return nullptr;
}

QStringList pathsOf(const QList<SpecRow>& rows) {
  QStringList paths;
  for (const SpecRow& row : rows) {
    paths.append(row.path);
  }
  return paths;
}

}  // namespace

/// The rows the catalog browser and the properties panel show for an item: every figure once,
/// with its unit, in a fixed order, and grouped where one line reads better than four.
class TestSpecRows final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void labelsAndUnits_data();
  void labelsAndUnits();
  void portGroupsReadAsOneLine();
  void coolingRatingsReadAsOneLineWithTheirConditions();

 private:
  Catalog mCatalog;
};

void TestSpecRows::initTestCase() {
  mCatalog = test::loadFixtureCatalog().catalog;
}

void TestSpecRows::labelsAndUnits_data() {
  QTest::addColumn<QString>("path");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("label");
  QTest::addColumn<QString>("text");
  QTest::newRow("power") << "maxPowerW" << 10'200.0 << "Max power"
                         << "10,200 W";
  QTest::newRow("height") << "heightU" << 8.0 << "Rack units"
                          << "8U";
  QTest::newRow("psu") << "psu.ratingW" << 3'300.0 << "PSU: Rating"
                       << "3,300 W";
  QTest::newRow("bandwidth") << "compute.memoryBandwidthTBps" << 3.35 << "Compute: Memory bandwidth"
                             << "3.35 TB/s";
  // nvidia/gb300: 15 PFLOPS dense NVFP4 (NVIDIA Technical Blog, Blackwell Ultra).
  QTest::newRow("fp4") << "compute.fp4DenseTflops" << 15'000.0 << "Compute: FP4 dense"
                       << "15,000 TFLOP/s";
  QTest::newRow("flow") << "coolingUnit.flowLps" << 14.43 << "Cooling unit: Flow"
                        << "14.43 L/s";
  QTest::newRow("water") << "coolingUnit.waterSupplyTempC" << 20.0 << "Cooling unit: Water supply"
                         << "20 °C";
  QTest::newRow("air") << "coolingUnit.ratings[0].airInletTempC" << 35.0
                       << "Cooling unit: Ratings 1: Air inlet"
                       << "35 °C";
  QTest::newRow("approach") << "coolingUnit.approachK" << 4.0 << "Cooling unit: Approach"
                            << "4 K";
  QTest::newRow("indexed") << "ports[1].speedGbps" << 400.0 << "Ports 2: Speed"
                           << "400 Gb/s";
}

void TestSpecRows::labelsAndUnits() {
  QFETCH(QString, path);
  QFETCH(double, value);
  QFETCH(QString, label);
  QFETCH(QString, text);
  QCOMPARE(specLabel(path), label);
  QCOMPARE(formatSpec(path, value), text);
}

// DGX H100 (fixture, from the DGX H100/H200 User Guide): 8 x 400 Gb/s OSFP compute ports.
void TestSpecRows::portGroupsReadAsOneLine() {
  const CatalogItem* h100 = mCatalog.find(QStringLiteral("nvidia/dgx-h100"));
  QVERIFY(h100);
  const QList<SpecRow> rows = specRows(*h100);
  const SpecRow* compute = rowAt(rows, QStringLiteral("ports[0]"));
  QVERIFY2(compute, qPrintable(pathsOf(rows).join(QLatin1Char(' '))));
  QCOMPARE(compute->label, QStringLiteral("Ports: Compute"));
  QVERIFY2(compute->text.startsWith(QStringLiteral("8 × 400 Gb/s")), qPrintable(compute->text));
  QVERIFY(compute->figure);
  for (const SpecRow& row : rows) {
    QVERIFY2(!row.path.startsWith(QLatin1String("ports[0].")), qPrintable(row.path));
  }
  // Fixed order: size before power before ports.
  QVERIFY(pathsOf(rows).indexOf(QStringLiteral("heightU")) <
          pathsOf(rows).indexOf(QStringLiteral("maxPowerW")));
  QVERIFY(pathsOf(rows).indexOf(QStringLiteral("maxPowerW")) <
          pathsOf(rows).indexOf(QStringLiteral("ports[0]")));
}

// A capacity is only meaningful with the water and air it was rated at: each rating is one row.
void TestSpecRows::coolingRatingsReadAsOneLineWithTheirConditions() {
  const CatalogItem* cooler = mCatalog.find(QStringLiteral("fixture/in-row-cooler"));
  QVERIFY(cooler);
  const QList<SpecRow> rows = specRows(*cooler);
  const SpecRow* first = rowAt(rows, QStringLiteral("coolingUnit.ratings[0]"));
  const SpecRow* second = rowAt(rows, QStringLiteral("coolingUnit.ratings[1]"));
  QVERIFY2(first && second, qPrintable(pathsOf(rows).join(QLatin1Char(' '))));
  QCOMPARE(first->label, QStringLiteral("Cooling unit: Rating 1"));
  QCOMPARE(QString(first->text).replace(QChar::Nbsp, QLatin1Char(' ')),
           QStringLiteral("40,000 W · 18 °C water · 35 °C air · 1.9 L/s"));
  QCOMPARE(QString(second->text).replace(QChar::Nbsp, QLatin1Char(' ')),
           QStringLiteral("30,500 W · 22.5 °C water"));
  QVERIFY(first->text.contains(QStringLiteral("18\u00a0°C\u00a0water")));  // wraps only at " · "
  QVERIFY(first->figure);
  QCOMPARE(first->figure->confidence, Confidence::Estimate);
  QVERIFY(!rowAt(rows, QStringLiteral("coolingUnit.ratings[0].capacityW")));
  QVERIFY(!rowAt(rows, QStringLiteral("coolingUnit.ratings[2]")));
  QVERIFY(rowAt(rows, QStringLiteral("coolingUnit.capacityW")));
  // The unit's own figures come first, then its ratings; a flag reads as yes or no.
  const QStringList paths = pathsOf(rows);
  QVERIFY(paths.indexOf(QStringLiteral("coolingUnit.waterSupplyTempC")) <
          paths.indexOf(QStringLiteral("coolingUnit.ratings[0]")));
  QCOMPARE(rowAt(rows, QStringLiteral("coolingUnit.active"))->text, QStringLiteral("yes"));
}

QTEST_GUILESS_MAIN(TestSpecRows)
#include "tst_specrows.moc"
