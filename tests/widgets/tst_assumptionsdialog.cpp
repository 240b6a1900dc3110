// SPDX-License-Identifier: GPL-3.0-or-later
// The Design Assumptions dialog: a form generated from the specs that refuses out-of-range
// values inline (naming the field, OK disabled) and returns the edited assumptions.
#include "dialogs/assumptionsdialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTest>
#include <QToolButton>

using namespace dc;

class TestAssumptionsDialog final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void everySpecHasAnEditorAndItsSource();
  void outOfRangeValuesAreShownAndBlockOk_data();
  void outOfRangeValuesAreShownAndBlockOk();
  void validChangeIsReturned();
  void wattsAreEditedInKilowatts();
  void resetRestoresTheDefault();
};

void TestAssumptionsDialog::everySpecHasAnEditorAndItsSource() {
  AssumptionsDialog dialog{DesignAssumptions()};
  for (const AssumptionSpec& spec : DesignAssumptions::specs()) {
    QWidget* editor = dialog.findChild<QWidget*>(spec.key);
    QVERIFY2(editor, qPrintable(spec.key));
    QVERIFY(spec.choices.isEmpty() ? qobject_cast<QDoubleSpinBox*>(editor) != nullptr
                                   : qobject_cast<QComboBox*>(editor) != nullptr);
  }
  dialog.focusAssumption(QString::fromLatin1(assumption::kPue));
  const auto* details = dialog.findChild<QLabel*>(QStringLiteral("assumptionDetails"));
  QVERIFY(details);
  QVERIFY(details->text().contains(QStringLiteral("Uptime Institute")));  // the PUE's source
  QVERIFY(dialog.okEnabled());
}

void TestAssumptionsDialog::outOfRangeValuesAreShownAndBlockOk_data() {
  QTest::addColumn<QString>("key");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("label");
  QTest::newRow("power factor 1.5")
      << QString::fromLatin1(assumption::kPowerFactor) << 1.5 << QStringLiteral("Power factor");
  QTest::newRow("derating 1.2") << QString::fromLatin1(assumption::kDeratingFactor) << 1.2
                                << QStringLiteral("Continuous-load derating");
  QTest::newRow("PUE 0.9") << QString::fromLatin1(assumption::kPue) << 0.9 << QStringLiteral("PUE");
}

void TestAssumptionsDialog::outOfRangeValuesAreShownAndBlockOk() {
  QFETCH(QString, key);
  QFETCH(double, value);
  QFETCH(QString, label);
  AssumptionsDialog dialog{DesignAssumptions()};
  dialog.setEditorValue(key, value);
  QVERIFY(!dialog.okEnabled());
  const QString expected = DesignAssumptions::problem(*DesignAssumptions::spec(key), value);
  QVERIFY(!expected.isEmpty());
  QCOMPARE(dialog.problemText(), expected);
  QVERIFY(dialog.problemText().contains(label));
  // Fixing it enables OK again.
  dialog.setEditorValue(key, DesignAssumptions::spec(key)->defaultValue);
  QVERIFY(dialog.okEnabled());
  QVERIFY(dialog.problemText().isEmpty());
}

void TestAssumptionsDialog::validChangeIsReturned() {
  AssumptionsDialog dialog{DesignAssumptions()};
  dialog.setEditorValue(QString::fromLatin1(assumption::kPue), 1.5);
  dialog.setEditorValue(QString::fromLatin1(assumption::kPowerFactor), 0.9);
  QVERIFY(dialog.okEnabled());
  const DesignAssumptions edited = dialog.assumptions();
  QCOMPARE(edited.value(QString::fromLatin1(assumption::kPue)), 1.5);
  QCOMPARE(edited.value(QString::fromLatin1(assumption::kPowerFactor)), 0.9);
  // Untouched values stay at their defaults (only the two edits are overrides).
  QCOMPARE(edited.overrides().size(), 2);
}

void TestAssumptionsDialog::wattsAreEditedInKilowatts() {
  AssumptionsDialog dialog{DesignAssumptions()};
  auto* band = dialog.findChild<QDoubleSpinBox*>(QString::fromLatin1(assumption::kBand1W));
  QVERIFY(band);
  QCOMPARE(band->suffix(), QStringLiteral(" kW"));
  QCOMPARE(band->value(), 15.0);
  band->setValue(20.0);
  QCOMPARE(dialog.assumptions().value(QString::fromLatin1(assumption::kBand1W)), 20'000.0);
}

void TestAssumptionsDialog::resetRestoresTheDefault() {
  DesignAssumptions start;
  start.setValue(QString::fromLatin1(assumption::kPue), 1.6);
  AssumptionsDialog dialog(start);
  auto* reset = dialog.findChild<QToolButton*>(QString::fromLatin1(assumption::kPue) +
                                               QStringLiteral(".reset"));
  QVERIFY(reset);
  QVERIFY(reset->isEnabled());
  reset->click();
  QVERIFY(!reset->isEnabled());
  QVERIFY(dialog.assumptions().isDefault(QString::fromLatin1(assumption::kPue)) ||
          dialog.assumptions().value(QString::fromLatin1(assumption::kPue)) == 1.3);
}

QTEST_MAIN(TestAssumptionsDialog)
#include "tst_assumptionsdialog.moc"
