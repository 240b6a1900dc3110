// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/figure.h"
#include "format/quantityformat.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace dc;

Q_DECLARE_METATYPE(dc::Quantity)
Q_DECLARE_METATYPE(dc::Confidence)

namespace {

const QLocale kEnglish(QLocale::English, QLocale::UnitedStates);
const QLocale kGerman(QLocale::German, QLocale::Germany);

NumberStyle english(Confidence confidence = Confidence::Derived) {
  return NumberStyle::forConfidence(confidence, kEnglish);
}

}  // namespace

/// The one formatting of figures: the unit scaled to the figure, the significant digits of its
/// confidence, grouping and decimal mark by the locale; the same number reads the same everywhere.
class TestQuantityFormat final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void englishFigures_data();
  void englishFigures();
  void estimatesHaveTwoSignificantDigits();
  void figureUsesItsConfidence();
  void countsAndDecimalsByLocale();
  void plainStyleHasNoGrouping();
  void roundingCarriesIntoTheNextDigitAndUnit();
  void negativeValues();
  void notANumberIsADash();
  void scaleQuantityNamesUnitAndDecimals();
  void columnsShareOneUnit();
  void headersNameTheirUnit();
  void nominalValuesDropTrailingZeros();
  void workloadFigures_data();
  void workloadFigures();
  void workloadFiguresByLocaleAndColumn();
};

void TestQuantityFormat::englishFigures_data() {
  QTest::addColumn<double>("value");
  QTest::addColumn<Quantity>("quantity");
  QTest::addColumn<QString>("expected");

  QTest::newRow("40 800 W") << 40'800.0 << Quantity::PowerW << QStringLiteral("40.8 kW");
  QTest::newRow("132 000 W") << 132'000.0 << Quantity::PowerW << QStringLiteral("132 kW");
  QTest::newRow("1 234 000 W") << 1'234'000.0 << Quantity::PowerW << QStringLiteral("1.23 MW");
  QTest::newRow("950 W") << 950.0 << Quantity::PowerW << QStringLiteral("950 W");
  QTest::newRow("zero W") << 0.0 << Quantity::PowerW << QStringLiteral("0 W");
  QTest::newRow("10.2 kW") << 10'200.0 << Quantity::PowerW << QStringLiteral("10.2 kW");
  // kW carries at most one decimal: a 1,234 W device is 1.2 kW.
  QTest::newRow("1 234 W") << 1'234.0 << Quantity::PowerW << QStringLiteral("1.2 kW");
  QTest::newRow("12.3 MW") << 12'345'678.0 << Quantity::PowerW << QStringLiteral("12.3 MW");
  // Whole digits are never dropped: 1,234 MW stays whole.
  QTest::newRow("1 234 MW") << 1.234e9 << Quantity::PowerW << QStringLiteral("1,234 MW");

  QTest::newRow("PUE 1.3") << 1.3 << Quantity::Ratio << QStringLiteral("1.30");
  QTest::newRow("PUE 1.256") << 1.256 << Quantity::Ratio << QStringLiteral("1.26");
  QTest::newRow("1016 count") << 1016.0 << Quantity::Count << QStringLiteral("1,016");
  QTest::newRow("83.44 %") << 83.44 << Quantity::Percent << QStringLiteral("83.4 %");
  QTest::newRow("100 %") << 100.0 << Quantity::Percent << QStringLiteral("100 %");
  QTest::newRow("7.5 %") << 7.5 << Quantity::Percent << QStringLiteral("7.5 %");

  QTest::newRow("27 °C") << 27.0 << Quantity::TemperatureC << QStringLiteral("27.0 °C");
  QTest::newRow("32.44 °C") << 32.44 << Quantity::TemperatureC << QStringLiteral("32.4 °C");
  QTest::newRow("8 °C") << 8.0 << Quantity::TemperatureC << QStringLiteral("8.0 °C");
  QTest::newRow("-5 °C") << -5.0 << Quantity::TemperatureC << QStringLiteral("-5.0 °C");
  QTest::newRow("ΔT 10 K") << 10.0 << Quantity::TemperatureDeltaK << QStringLiteral("10.0 K");

  QTest::newRow("3.19 L/s") << 3.1912 << Quantity::FlowLps << QStringLiteral("3.19 L/s");
  QTest::newRow("12.7 L/s") << 12.66 << Quantity::FlowLps << QStringLiteral("12.7 L/s");
  QTest::newRow("0.05 L/s") << 0.0512 << Quantity::FlowLps << QStringLiteral("0.05 L/s");
  QTest::newRow("10 950 m³/h") << 10'950.4 << Quantity::AirflowM3PerH
                               << QStringLiteral("10,950 m³/h");
  QTest::newRow("812 m³/h") << 812.3 << Quantity::AirflowM3PerH << QStringLiteral("812 m³/h");

  QTest::newRow("27.3 A") << 27.34 << Quantity::CurrentA << QStringLiteral("27.3 A");
  QTest::newRow("415 V") << 415.0 << Quantity::VoltageV << QStringLiteral("415 V");
  QTest::newRow("13.8 kV") << 13'800.0 << Quantity::VoltageV << QStringLiteral("13.8 kV");
  QTest::newRow("600 mm") << 600.0 << Quantity::LengthMm << QStringLiteral("600 mm");
  QTest::newRow("1.20 m") << 1'200.0 << Quantity::LengthMm << QStringLiteral("1.20 m");
  QTest::newRow("36.0 m") << 36'000.0 << Quantity::LengthMm << QStringLiteral("36.0 m");
  QTest::newRow("kWh") << 8'760.0 << Quantity::EnergyKwh << QStringLiteral("8,760 kWh");
  QTest::newRow("GWh") << 1'234'567.0 << Quantity::EnergyKwh << QStringLiteral("1.23 GWh");
  QTest::newRow("k USD") << 98'765.0 << Quantity::CostUsd << QStringLiteral("98.8 k USD");
  QTest::newRow("M USD") << 1'530'000.0 << Quantity::CostUsd << QStringLiteral("1.53 M USD");
  // Small amounts keep their significant digits: three cents are not "0 USD".
  QTest::newRow("0.03 USD") << 0.03 << Quantity::CostUsd << QStringLiteral("0.0300 USD");
  QTest::newRow("0.0312 USD") << 0.03124 << Quantity::CostUsd << QStringLiteral("0.0312 USD");
  QTest::newRow("0.421 USD") << 0.4213 << Quantity::CostUsd << QStringLiteral("0.421 USD");
  QTest::newRow("12.3 USD") << 12.34 << Quantity::CostUsd << QStringLiteral("12.3 USD");
  QTest::newRow("1 235 USD") << 1'234.5 << Quantity::CostUsd << QStringLiteral("1,235 USD");
  QTest::newRow("0 USD") << 0.0 << Quantity::CostUsd << QStringLiteral("0 USD");
  QTest::newRow("t CO₂") << 512.6 << Quantity::CarbonT << QStringLiteral("513 t CO₂");
  QTest::newRow("kt CO₂") << 12'345.0 << Quantity::CarbonT << QStringLiteral("12.3 kt CO₂");
  QTest::newRow("kg") << 1'360.4 << Quantity::MassKg << QStringLiteral("1,360 kg");
  QTest::newRow("t") << 23'400.0 << Quantity::MassKg << QStringLiteral("23.4 t");
  QTest::newRow("m²") << 162.04 << Quantity::AreaM2 << QStringLiteral("162 m²");
  QTest::newRow("W/m²") << 812.0 << Quantity::PowerDensityWPerM2 << QStringLiteral("812 W/m²");
  QTest::newRow("kW/m²") << 4'560.0 << Quantity::PowerDensityWPerM2 << QStringLiteral("4.56 kW/m²");
}

void TestQuantityFormat::englishFigures() {
  QFETCH(double, value);
  QFETCH(Quantity, quantity);
  QFETCH(QString, expected);
  QCOMPARE(formatQuantity(value, quantity, english()), expected);
}

void TestQuantityFormat::estimatesHaveTwoSignificantDigits() {
  const NumberStyle estimate = english(Confidence::Estimate);
  QCOMPARE(estimate.significantDigits, 2);
  QCOMPARE(formatQuantity(40'800.0, Quantity::PowerW, estimate), QStringLiteral("41 kW"));
  QCOMPARE(formatQuantity(1'234'000.0, Quantity::PowerW, estimate), QStringLiteral("1.2 MW"));
  QCOMPARE(formatQuantity(3.1912, Quantity::FlowLps, estimate), QStringLiteral("3.2 L/s"));
  // Never fewer whole digits: a 132 kW estimate is still 132 kW.
  QCOMPARE(formatQuantity(132'000.0, Quantity::PowerW, estimate), QStringLiteral("132 kW"));
  // A ratio keeps its two decimals whatever its confidence: a PUE reads 1.30.
  QCOMPARE(formatQuantity(1.3, Quantity::Ratio, estimate), QStringLiteral("1.30"));
  for (const Confidence c : {Confidence::Vendor, Confidence::Secondary, Confidence::Derived}) {
    QCOMPARE(significantDigits(c), 3);
  }
  QCOMPARE(significantDigits(Confidence::Estimate), 2);
}

void TestQuantityFormat::figureUsesItsConfidence() {
  Figure figure;
  figure.value = 40'800.0;
  figure.unit = QStringLiteral("W");
  QCOMPARE(formatFigure(figure, Quantity::PowerW, kEnglish), QStringLiteral("40.8 kW"));
  figure.confidence = Confidence::Estimate;
  QCOMPARE(formatFigure(figure, Quantity::PowerW, kEnglish), QStringLiteral("41 kW"));
  QCOMPARE(formatFigure(figure, Quantity::PowerW, kGerman), QStringLiteral("41 kW"));
  figure.confidence = Confidence::Vendor;
  QCOMPARE(formatFigure(figure, Quantity::PowerW, kGerman), QStringLiteral("40,8 kW"));
}

void TestQuantityFormat::countsAndDecimalsByLocale() {
  const NumberStyle german = NumberStyle::forConfidence(Confidence::Derived, kGerman);
  QCOMPARE(formatQuantity(1016.0, Quantity::Count, english()), QStringLiteral("1,016"));
  QCOMPARE(formatQuantity(1016.0, Quantity::Count, german), QStringLiteral("1.016"));
  QCOMPARE(formatQuantity(40'800.0, Quantity::PowerW, german), QStringLiteral("40,8 kW"));
  QCOMPARE(formatQuantity(1.3, Quantity::Ratio, german), QStringLiteral("1,30"));
  QCOMPARE(formatQuantity(10'950.0, Quantity::AirflowM3PerH, german),
           QStringLiteral("10.950 m³/h"));
  QCOMPARE(formatQuantity(1'234'000.0, Quantity::PowerW, german), QStringLiteral("1,23 MW"));
}

void TestQuantityFormat::plainStyleHasNoGrouping() {
  const NumberStyle plain = NumberStyle::plain();
  QCOMPARE(plain.significantDigits, 3);
  QCOMPARE(NumberStyle::plain(2).significantDigits, 2);
  QCOMPARE(formatQuantity(1016.0, Quantity::Count, plain), QStringLiteral("1016"));
  QCOMPARE(formatQuantity(10'950.0, Quantity::AirflowM3PerH, plain), QStringLiteral("10950 m³/h"));
  QCOMPARE(formatInUnit(1'234'500.0, Quantity::PowerW, QStringLiteral("kW"), plain),
           QStringLiteral("1235"));
  QCOMPARE(formatInUnit(40'860.0, Quantity::PowerW, QStringLiteral("kW"), plain),
           QStringLiteral("40.9"));
}

void TestQuantityFormat::roundingCarriesIntoTheNextDigitAndUnit() {
  // 3 significant digits stay 3: 99.96 kW is "100 kW", not "100.0 kW".
  QCOMPARE(formatQuantity(99'960.0, Quantity::PowerW, english()), QStringLiteral("100 kW"));
  QCOMPARE(formatQuantity(9'996.0, Quantity::PowerW, english()), QStringLiteral("10.0 kW"));
  QCOMPARE(formatQuantity(99.96, Quantity::Percent, english()), QStringLiteral("100 %"));
  QCOMPARE(formatQuantity(9.996, Quantity::FlowLps, english()), QStringLiteral("10.0 L/s"));
  QCOMPARE(formatQuantity(99.96, Quantity::TemperatureC, english()), QStringLiteral("100 °C"));
  // A carry past the unit's range takes the next unit: not "1000 W" or "1,000 kW".
  QCOMPARE(formatQuantity(999.6, Quantity::PowerW, english()), QStringLiteral("1.0 kW"));
  QCOMPARE(formatQuantity(999'960.0, Quantity::PowerW, english()), QStringLiteral("1.00 MW"));
  QCOMPARE(formatQuantity(999.7, Quantity::LengthMm, english()), QStringLiteral("1.00 m"));
  // An estimate carries at its own digits: 9.96 kW at 2 digits is 10 kW.
  QCOMPARE(formatQuantity(9'960.0, Quantity::PowerW, english(Confidence::Estimate)),
           QStringLiteral("10 kW"));
  // Fixed units carry too.
  QCOMPARE(formatInUnit(99'960.0, Quantity::PowerW, QStringLiteral("kW"), english()),
           QStringLiteral("100"));
  QCOMPARE(formatInUnit(999'960.0, Quantity::PowerW, QStringLiteral("MW"), english()),
           QStringLiteral("1.00"));
}

void TestQuantityFormat::negativeValues() {
  QCOMPARE(formatQuantity(-40'800.0, Quantity::PowerW, english()), QStringLiteral("-40.8 kW"));
  QCOMPARE(formatQuantity(-1'234'000.0, Quantity::PowerW, english()), QStringLiteral("-1.23 MW"));
  QCOMPARE(formatQuantity(-950.0, Quantity::PowerW, english()), QStringLiteral("-950 W"));
  QCOMPARE(formatQuantity(-99'960.0, Quantity::PowerW, english()), QStringLiteral("-100 kW"));
  QCOMPARE(formatQuantity(-1016.0, Quantity::Count, english()), QStringLiteral("-1,016"));
  // A value that rounds to zero is zero, never "-0".
  QCOMPARE(formatQuantity(-0.0, Quantity::PowerW, english()), QStringLiteral("0 W"));
  QCOMPARE(formatQuantity(-0.3, Quantity::PowerW, english()), QStringLiteral("0 W"));
  QCOMPARE(formatQuantity(-0.001, Quantity::Ratio, english()), QStringLiteral("0.00"));
  QCOMPARE(formatInUnit(-20.0, Quantity::PowerW, QStringLiteral("kW"), english()),
           QStringLiteral("0.0"));
}

void TestQuantityFormat::notANumberIsADash() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const QString dash = QStringLiteral("–");
  QCOMPARE(formatQuantity(nan, Quantity::PowerW, english()), dash);
  QCOMPARE(formatQuantity(inf, Quantity::PowerW, english()), dash);
  QCOMPARE(formatQuantity(-inf, Quantity::Percent, english()), dash);
  QCOMPARE(formatQuantity(nan, Quantity::Count, english()), dash);
  QCOMPARE(formatQuantity(nan, Quantity::Ratio, english()), dash);
  QCOMPARE(formatInUnit(nan, Quantity::PowerW, QStringLiteral("kW"), english()), dash);
  QCOMPARE(formatInUnit(inf, Quantity::FlowLps, QStringLiteral("L/s"), english()), dash);
  Figure figure;
  figure.value = nan;
  QCOMPARE(formatFigure(figure, Quantity::PowerW, kEnglish), dash);
  QCOMPARE(columnUnit(nan, Quantity::PowerW), QStringLiteral("W"));
  QVERIFY(scaleQuantity(nan, Quantity::PowerW).unit.isEmpty());
}

void TestQuantityFormat::scaleQuantityNamesUnitAndDecimals() {
  ScaledValue scaled = scaleQuantity(40'800.0, Quantity::PowerW, english());
  QCOMPARE(scaled.unit, QStringLiteral("kW"));
  QCOMPARE(scaled.value, 40.8);
  QCOMPARE(scaled.decimals, 1);
  scaled = scaleQuantity(1'234'000.0, Quantity::PowerW, english());
  QCOMPARE(scaled.unit, QStringLiteral("MW"));
  QCOMPARE(scaled.decimals, 2);
  scaled = scaleQuantity(99'960.0, Quantity::PowerW, english());
  QCOMPARE(scaled.unit, QStringLiteral("kW"));
  QCOMPARE(scaled.decimals, 0);
  scaled = scaleQuantity(999.6, Quantity::PowerW, english());
  QCOMPARE(scaled.unit, QStringLiteral("kW"));
  QCOMPARE(scaled.decimals, 1);
  scaled = scaleQuantity(1016.0, Quantity::Count, english());
  QVERIFY(scaled.unit.isEmpty());
  QCOMPARE(scaled.decimals, 0);
  QCOMPARE(scaleQuantity(1.3, Quantity::Ratio).decimals, 2);
}

void TestQuantityFormat::columnsShareOneUnit() {
  // The column's largest figure sets the unit; every cell is written in it.
  QCOMPARE(columnUnit(132'000.0, Quantity::PowerW), QStringLiteral("kW"));
  // Up to four whole digits in the smaller unit: 1,234 kW, 12.3 MW.
  QCOMPARE(columnUnit(1'234'000.0, Quantity::PowerW), QStringLiteral("kW"));
  QCOMPARE(columnUnit(12'345'000.0, Quantity::PowerW), QStringLiteral("MW"));
  QCOMPARE(columnUnit(2'830'000.0, Quantity::EnergyKwh), QStringLiteral("MWh"));
  QCOMPARE(columnUnit(950.0, Quantity::PowerW), QStringLiteral("W"));
  QCOMPARE(columnUnit(3.2, Quantity::FlowLps), QStringLiteral("L/s"));
  QCOMPARE(columnUnit(1016.0, Quantity::Count), QString());
  QCOMPARE(columnUnit(1.3, Quantity::Ratio), QString());
  const QString kW = columnUnit(132'000.0, Quantity::PowerW);
  QCOMPARE(formatInUnit(132'000.0, Quantity::PowerW, kW, english()), QStringLiteral("132"));
  QCOMPARE(formatInUnit(40'800.0, Quantity::PowerW, kW, english()), QStringLiteral("40.8"));
  QCOMPARE(formatInUnit(950.0, Quantity::PowerW, kW, english()), QStringLiteral("1.0"));
  QCOMPARE(formatInUnit(0.0, Quantity::PowerW, kW, english()), QStringLiteral("0"));
  QCOMPARE(formatInUnit(1'234'000.0, Quantity::PowerW, kW, english()), QStringLiteral("1,234"));
  QCOMPARE(formatInUnit(40'800.0, Quantity::PowerW, kW, english(Confidence::Estimate)),
           QStringLiteral("41"));
  QCOMPARE(formatInUnit(1'234'000.0, Quantity::PowerW, QStringLiteral("MW"), english()),
           QStringLiteral("1.23"));
  QCOMPARE(formatInUnit(40'800.0, Quantity::PowerW, kW,
                        NumberStyle::forConfidence(Confidence::Derived, kGerman)),
           QStringLiteral("40,8"));
  QCOMPARE(formatInUnit(1016.0, Quantity::Count, QString(), english()), QStringLiteral("1,016"));
  // A second unit by name, never chosen by magnitude: L/min beside L/s, CFM beside m³/h.
  QCOMPARE(formatInUnit(3.19, Quantity::FlowLps, QStringLiteral("L/min"), english()),
           QStringLiteral("191"));
  QCOMPARE(formatInUnit(1'699.0, Quantity::AirflowM3PerH, QStringLiteral("CFM"), english()),
           QStringLiteral("1,000"));
  QCOMPARE(formatQuantity(1e9, Quantity::FlowLps, english()), QStringLiteral("1,000,000,000 L/s"));
  QCOMPARE(columnUnit(1e9, Quantity::AirflowM3PerH), QStringLiteral("m³/h"));
  // An unknown unit falls back to the engine's own unit.
  QCOMPARE(formatInUnit(950.0, Quantity::PowerW, QStringLiteral("hp"), english()),
           QStringLiteral("950"));
  QCOMPARE(unitFactor(Quantity::PowerW, QStringLiteral("kW")), 1e-3);
  QCOMPARE(unitFactor(Quantity::PowerW, QStringLiteral("MW")), 1e-6);
  QCOMPARE(unitFactor(Quantity::EnergyKwh, QStringLiteral("MWh")), 1e-3);
  QCOMPARE(unitFactor(Quantity::PowerW, QStringLiteral("hp")), 1.0);
}

void TestQuantityFormat::headersNameTheirUnit() {
  QCOMPARE(headerWithUnit(QStringLiteral("Power"), QStringLiteral("kW")),
           QStringLiteral("Power (kW)"));
  QCOMPARE(headerWithUnit(QStringLiteral("Airflow"), QStringLiteral("m³/h")),
           QStringLiteral("Airflow (m³/h)"));
  QCOMPARE(headerWithUnit(QStringLiteral("Racks"), columnUnit(38.0, Quantity::Count)),
           QStringLiteral("Racks"));
  QCOMPARE(headerWithUnit(QStringLiteral("PUE"), columnUnit(1.3, Quantity::Ratio)),
           QStringLiteral("PUE"));
}

void TestQuantityFormat::nominalValuesDropTrailingZeros() {
  const NumberStyle nominal = NumberStyle::forNominal(kEnglish);
  QCOMPARE(formatQuantity(32.0, Quantity::CurrentA, nominal), QStringLiteral("32 A"));
  QCOMPARE(formatQuantity(32.0, Quantity::CurrentA, english()), QStringLiteral("32.0 A"));
  QCOMPARE(formatQuantity(18.0, Quantity::TemperatureC, nominal), QStringLiteral("18 °C"));
  QCOMPARE(formatQuantity(17.5, Quantity::TemperatureC, nominal), QStringLiteral("17.5 °C"));
  QCOMPARE(formatQuantity(1'200.0, Quantity::LengthMm, nominal), QStringLiteral("1.2 m"));
  QCOMPARE(formatQuantity(415.0, Quantity::VoltageV, nominal), QStringLiteral("415 V"));
  QCOMPARE(formatQuantity(5.0, Quantity::Percent, nominal), QStringLiteral("5 %"));
  QCOMPARE(formatQuantity(1'000'000.0, Quantity::PowerW, nominal), QStringLiteral("1 MW"));
  QCOMPARE(formatQuantity(1'250'000.0, Quantity::PowerW, nominal), QStringLiteral("1.25 MW"));
  // Ratios keep their two decimals: a PUE is 1.30 wherever it is written.
  QCOMPARE(formatQuantity(1.3, Quantity::Ratio, nominal), QStringLiteral("1.30"));
  QCOMPARE(formatInUnit(2'000.0, Quantity::PowerW, QStringLiteral("kW"), nominal),
           QStringLiteral("2"));
  QCOMPARE(formatQuantity(0.0, Quantity::FlowLps, nominal), QStringLiteral("0 L/s"));
  SpecValue spec;
  spec.value = 40'000.0;
  QCOMPARE(formatSpec(spec, Quantity::PowerW, kEnglish), QStringLiteral("40 kW"));
  spec.value = 10'200.0;
  QCOMPARE(formatSpec(spec, Quantity::PowerW, kEnglish), QStringLiteral("10.2 kW"));
  spec.confidence = Confidence::Estimate;
  QCOMPARE(formatSpec(spec, Quantity::PowerW, kEnglish), QStringLiteral("10 kW"));
  QCOMPARE(columnUnit({950.0, -132'000.0, std::nan("")}, Quantity::PowerW), QStringLiteral("kW"));
  QCOMPARE(columnUnit(QList<double>{950.0, 20.0}, Quantity::PowerW), QStringLiteral("W"));
  QCOMPARE(columnUnit(QList<double>{}, Quantity::PowerW), QStringLiteral("W"));
  // A column keeps its small figures readable: up to four whole digits in the smaller unit (a
  // 1.5 MW UPS over busways is a kW column)...
  QCOMPARE(columnUnit({1'500'000.0, 36'000.0, 250'000.0}, Quantity::PowerW), QStringLiteral("kW"));
  QCOMPARE(columnUnit({4'000'000.0, 2'000'000.0, 1'020'000.0}, Quantity::PowerW),
           QStringLiteral("kW"));
  QCOMPARE(columnUnit({12'000'000.0, 36'000.0}, Quantity::PowerW), QStringLiteral("MW"));
  QCOMPARE(columnUnit({10'200.0, 150.0}, Quantity::PowerW), QStringLiteral("kW"));
  // ... never down to W for its own sake (8.6 and 0.5 kW) but where a figure would show nothing.
  QCOMPARE(columnUnit({8'600.0, 500.0}, Quantity::PowerW), QStringLiteral("kW"));
  QCOMPARE(columnUnit({8'600.0, 20.0}, Quantity::PowerW), QStringLiteral("W"));
  QCOMPARE(columnUnit({12'000.0, 20.0}, Quantity::PowerW), QStringLiteral("kW"));
  QCOMPARE(columnUnit({36'000.0, 600.0}, Quantity::LengthMm), QStringLiteral("m"));
  QCOMPARE(columnUnit({40'800.0, 0.0}, Quantity::PowerW), QStringLiteral("kW"));
}

void TestQuantityFormat::workloadFigures_data() {
  QTest::addColumn<double>("value");
  QTest::addColumn<Quantity>("quantity");
  QTest::addColumn<QString>("expected");

  // Bytes in decimal SI units, as GPU memory and storage are published (1 GB = 10⁹ B).
  QTest::newRow("512 B") << 512.0 << Quantity::Bytes << QStringLiteral("512 B");
  QTest::newRow("328 kB") << 327'680.0 << Quantity::Bytes << QStringLiteral("328 kB");
  QTest::newRow("61.2 GB") << 61.24e9 << Quantity::Bytes << QStringLiteral("61.2 GB");
  QTest::newRow("80.0 GB") << 80e9 << Quantity::Bytes << QStringLiteral("80.0 GB");
  QTest::newRow("980 GB") << 980e9 << Quantity::Bytes << QStringLiteral("980 GB");
  QTest::newRow("2.30 TB") << 2.3e12 << Quantity::Bytes << QStringLiteral("2.30 TB");
  QTest::newRow("999.7 GB") << 999.7e9 << Quantity::Bytes << QStringLiteral("1.00 TB");
  QTest::newRow("4.50 PB") << 4.5e15 << Quantity::Bytes << QStringLiteral("4.50 PB");
  QTest::newRow("1 500 PB") << 1.5e18 << Quantity::Bytes << QStringLiteral("1,500 PB");
  QTest::newRow("0 B") << 0.0 << Quantity::Bytes << QStringLiteral("0 B");
  QTest::newRow("1.20 GB/s") << 1.2e9 << Quantity::BytesPerSecond << QStringLiteral("1.20 GB/s");
  QTest::newRow("50.0 GB/s") << 50e9 << Quantity::BytesPerSecond << QStringLiteral("50.0 GB/s");
  QTest::newRow("40.0 TB/s") << 40e12 << Quantity::BytesPerSecond << QStringLiteral("40.0 TB/s");
  QTest::newRow("750 MB/s") << 750e6 << Quantity::BytesPerSecond << QStringLiteral("750 MB/s");

  // FLOPs as a power of ten from a million up; the rate in SI prefixes.
  QTest::newRow("950 FLOP") << 950.0 << Quantity::Flops << QStringLiteral("950 FLOP");
  QTest::newRow("1.12e24 FLOP") << 1.1172e24 << Quantity::Flops
                                << QStringLiteral("1.12 × 10²⁴ FLOP");
  QTest::newRow("3.15e23 FLOP") << 3.14e23 << Quantity::Flops << QStringLiteral("3.14 × 10²³ FLOP");
  QTest::newRow("carry to 10²⁴") << 9.996e23 << Quantity::Flops
                                 << QStringLiteral("1.00 × 10²⁴ FLOP");
  QTest::newRow("1.00e6 FLOP") << 1e6 << Quantity::Flops << QStringLiteral("1.00 × 10⁶ FLOP");
  QTest::newRow("0 FLOP") << 0.0 << Quantity::Flops << QStringLiteral("0 FLOP");
  QTest::newRow("989 TFLOP/s") << 989.4e12 << Quantity::FlopsPerSecond
                               << QStringLiteral("989 TFLOP/s");
  QTest::newRow("312 TFLOP/s") << 312e12 << Quantity::FlopsPerSecond
                               << QStringLiteral("312 TFLOP/s");
  QTest::newRow("1.98 PFLOP/s") << 1'979e12 << Quantity::FlopsPerSecond
                                << QStringLiteral("1.98 PFLOP/s");
  QTest::newRow("1.44 EFLOP/s") << 1.44e18 << Quantity::FlopsPerSecond
                                << QStringLiteral("1.44 EFLOP/s");

  // Durations in the unit that reads: ms, s to 2 min, min to 2 h, h to 2 days, then days.
  QTest::newRow("45.0 ms") << 0.045 << Quantity::DurationS << QStringLiteral("45.0 ms");
  QTest::newRow("0.50 ms") << 0.0005 << Quantity::DurationS << QStringLiteral("0.50 ms");
  QTest::newRow("999.7 ms") << 0.9997 << Quantity::DurationS << QStringLiteral("1.00 s");
  QTest::newRow("8.20 s") << 8.2 << Quantity::DurationS << QStringLiteral("8.20 s");
  QTest::newRow("90.0 s") << 90.0 << Quantity::DurationS << QStringLiteral("90.0 s");
  QTest::newRow("12.5 min") << 750.0 << Quantity::DurationS << QStringLiteral("12.5 min");
  QTest::newRow("3.09 h") << 11'124.0 << Quantity::DurationS << QStringLiteral("3.09 h");
  QTest::newRow("36.0 h") << 129'600.0 << Quantity::DurationS << QStringLiteral("36.0 h");
  QTest::newRow("34.2 days") << 34.2 * 86'400.0 << Quantity::DurationS
                             << QStringLiteral("34.2 days");
  QTest::newRow("1 234 days") << 1'234.0 * 86'400.0 << Quantity::DurationS
                              << QStringLiteral("1,234 days");
  QTest::newRow("0 s") << 0.0 << Quantity::DurationS << QStringLiteral("0 s");

  QTest::newRow("0.54 J") << 0.54 << Quantity::EnergyJ << QStringLiteral("540 mJ");
  QTest::newRow("2.31 J") << 2.314 << Quantity::EnergyJ << QStringLiteral("2.31 J");
  QTest::newRow("12.0 kJ") << 12'000.0 << Quantity::EnergyJ << QStringLiteral("12.0 kJ");

  // Large counts: whole below a million, then in words.
  QTest::newRow("706 123") << 706'123.0 << Quantity::LargeCount << QStringLiteral("706,123");
  QTest::newRow("1.87 million") << 1'869'658.0 << Quantity::LargeCount
                                << QStringLiteral("1.87 million");
  QTest::newRow("70.0 billion") << 70e9 << Quantity::LargeCount << QStringLiteral("70.0 billion");
  QTest::newRow("2.00 trillion") << 2e12 << Quantity::LargeCount << QStringLiteral("2.00 trillion");
  QTest::newRow("1 500 trillion") << 1.5e15 << Quantity::LargeCount
                                  << QStringLiteral("1,500 trillion");
}

void TestQuantityFormat::workloadFigures() {
  QFETCH(double, value);
  QFETCH(Quantity, quantity);
  QFETCH(QString, expected);
  QCOMPARE(formatQuantity(value, quantity, english()), expected);
}

void TestQuantityFormat::workloadFiguresByLocaleAndColumn() {
  const NumberStyle german = NumberStyle::forConfidence(Confidence::Derived, kGerman);
  QCOMPARE(formatQuantity(61.24e9, Quantity::Bytes, german), QStringLiteral("61,2 GB"));
  QCOMPARE(formatQuantity(1.1172e24, Quantity::Flops, german), QStringLiteral("1,12 × 10²⁴ FLOP"));
  QCOMPARE(formatQuantity(1'234.0 * 86'400.0, Quantity::DurationS, german),
           QStringLiteral("1.234 days"));
  QCOMPARE(formatQuantity(0.03124, Quantity::CostUsd, german), QStringLiteral("0,0312 USD"));
  // Estimates at two digits, the mantissa of FLOPs too.
  QCOMPARE(formatQuantity(1.1172e24, Quantity::Flops, english(Confidence::Estimate)),
           QStringLiteral("1.1 × 10²⁴ FLOP"));
  QCOMPARE(formatQuantity(61.24e9, Quantity::Bytes, english(Confidence::Estimate)),
           QStringLiteral("61 GB"));
  // A target as given: no trailing zeros.
  const NumberStyle nominal = NumberStyle::forNominal(kEnglish);
  QCOMPARE(formatQuantity(2.0, Quantity::DurationS, nominal), QStringLiteral("2 s"));
  QCOMPARE(formatQuantity(0.05, Quantity::DurationS, nominal), QStringLiteral("50 ms"));
  QCOMPARE(formatQuantity(60.0 * 86'400.0, Quantity::DurationS, nominal),
           QStringLiteral("60 days"));
  QCOMPARE(formatQuantity(1e24, Quantity::Flops, nominal), QStringLiteral("1 × 10²⁴ FLOP"));
  QCOMPARE(formatQuantity(-3.14e23, Quantity::Flops, english()),
           QStringLiteral("-3.14 × 10²³ FLOP"));
  QCOMPARE(formatQuantity(std::nan(""), Quantity::Flops, english()), QStringLiteral("–"));
  // scaleQuantity names the power of ten as the unit.
  const ScaledValue flops = scaleQuantity(3.14e23, Quantity::Flops, english());
  QCOMPARE(flops.unit, QStringLiteral("× 10²³ FLOP"));
  QCOMPARE(flops.decimals, 2);
  QCOMPARE(scaleQuantity(50e9, Quantity::BytesPerSecond).unit, QStringLiteral("GB/s"));
  // Columns share one unit: a bandwidth column in GB/s, its cells without the unit.
  QCOMPARE(columnUnit({50e9, 25e9}, Quantity::BytesPerSecond), QStringLiteral("GB/s"));
  QCOMPARE(formatInUnit(12.5e9, Quantity::BytesPerSecond, QStringLiteral("GB/s"), english()),
           QStringLiteral("12.5"));
  QCOMPARE(unitFactor(Quantity::Bytes, QStringLiteral("GB")), 1e-9);
  QCOMPARE(unitFactor(Quantity::DurationS, QStringLiteral("h")), 1.0 / 3'600.0);
}

QTEST_GUILESS_MAIN(TestQuantityFormat)
#include "tst_quantityformat.moc"
