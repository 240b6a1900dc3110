// SPDX-License-Identifier: GPL-3.0-or-later
// Reference designs: every shipped template loads against the shipped catalog without errors,
// and the DGX SuperPOD H100 scalable unit reproduces the published figures.
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "templates/templateloader.h"

#include <QDir>
#include <QTest>

using namespace dc;

class TestTemplates final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void everyShippedTemplateLoadsWithoutErrors_data();
  void everyShippedTemplateLoadsWithoutErrors();
  void superPodH100OneScalableUnit();
  void malformedTemplatesAreRefusedWithThePath_data();
  void malformedTemplatesAreRefusedWithThePath();

 private:
  CatalogLoadResult mCatalog;
};

void TestTemplates::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
}

void TestTemplates::everyShippedTemplateLoadsWithoutErrors_data() {
  QTest::addColumn<QString>("path");
  const QDir dir(QStringLiteral(DC_SOURCE_DIR "/templates"));
  const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files);
  QVERIFY(!files.isEmpty());
  for (const QFileInfo& info : files) {
    QTest::newRow(qPrintable(info.fileName())) << info.absoluteFilePath();
  }
}

void TestTemplates::everyShippedTemplateLoadsWithoutErrors() {
  QFETCH(QString, path);
  const Project project = loadTemplateFile(path);
  QVERIFY(!project.name().isEmpty());
  QVERIFY(!project.racks().isEmpty());
  const Analysis analysis = analyze(project, mCatalog.catalog);
  for (const Finding& finding : analysis.findings) {
    QVERIFY2(finding.severity != Finding::Severity::Error, qPrintable(finding.message));
  }
}

void TestTemplates::superPodH100OneScalableUnit() {
  const Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"));
  const Analysis analysis = analyze(project, mCatalog.catalog);
  int dgx = 0;
  int qm9700 = 0;
  int ufm = 0;
  for (const Rack& rack : project.racks()) {
    for (const Mount& mount : rack.mounts()) {
      dgx += mount.catalogId == QLatin1String("nvidia/dgx-h100") ? 1 : 0;
      qm9700 += mount.catalogId == QLatin1String("nvidia/qm9700") ? 1 : 0;
      ufm += mount.catalogId == QLatin1String("nvidia/ufm-enterprise-appliance-ndr") ? 1 : 0;
    }
  }
  // Reference case 1 (DGX SuperPOD H100 RA, Table 4, 1 SU): 31 nodes, 248 GPUs, 8 leaf +
  // 4 spine switches; one node slot of the 32 holds the UFM appliance.
  QCOMPARE(dgx, 31);
  QCOMPARE(analysis.power.totals.acceleratorCount, 248);
  QCOMPARE(qm9700, 8 + 4);
  QCOMPARE(ufm, 1);
  // Reference case 14: four DGX H100 per rack at 10.2 kW max = 40.8 kW ("exceeds 40 kW").
  for (const Rack& rack : project.racks()) {
    if (rack.name() == QLatin1String("A01")) {
      QCOMPARE(analysis.power.racks.value(rack.id()).maxPowerW.value, 40'800.0);
      QCOMPARE(analysis.power.racks.value(rack.id()).acceleratorCount, 32);
    }
  }
  // Nodes only, 1 SU: 31 × 10.2 kW = 316.2 kW (catalog-facts §4.1, derived); the hall adds
  // 12 QM9700 at 1,720 W max and the UFM appliance at 689 W max, and the management switches,
  // which publish only typical power (2 × SN4600C at 466 W, SN2201 at 98 W; catalog-facts 3.1),
  // counted at that.
  // SN4600C and SN2201 at their estimated max (catalog notes give the basis).
  const double expectedW = 31 * 10'200.0 + 12 * 1'720.0 + 689.0 + 2 * 1'070.0 + 300.0;
  QCOMPARE(analysis.power.halls.first().maxPowerW.value, expectedW);
}

void TestTemplates::malformedTemplatesAreRefusedWithThePath_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("expected");
  const QByteArray head =
      R"({"format": "dcstudio-template", "formatVersion": 1, "name": "t", "halls": [)";
  QTest::newRow("not JSON") << QByteArray("{") << QStringLiteral("not valid JSON");
  QTest::newRow("foreign") << QByteArray(R"({"format": "x"})")
                           << QStringLiteral("not a DC Studio template");
  QTest::newRow("no halls") << QByteArray(R"({"format": "dcstudio-template", "formatVersion": 1})")
                            << QStringLiteral("halls");
  QTest::newRow("two-corner hall")
      << head + R"({"outlineMm": [[0,0],[1000,0]]}]})" << QStringLiteral("halls[0].outlineMm");
  QTest::newRow("rotation 45")
      << head +
             R"({"outlineMm": [[0,0],[9000,0],[9000,9000]], "racks": [{"rackType": "a/b", "startMm": [600, 600], "rotationDeg": 45}]}]})"
      << QStringLiteral("halls[0].racks[0].rotationDeg");
  QTest::newRow("mount without U")
      << head +
             R"({"outlineMm": [[0,0],[9000,0],[9000,9000]], "racks": [{"rackType": "a/b", "startMm": [600, 600], "mounts": [{"item": "x/y"}]}]}]})"
      << QStringLiteral("halls[0].racks[0].mounts[0]");
}

void TestTemplates::malformedTemplatesAreRefusedWithThePath() {
  QFETCH(QByteArray, json);
  QFETCH(QString, expected);
  try {
    projectFromTemplateJson(json, QStringLiteral("t.json"));
    QFAIL("a malformed template was accepted");
  } catch (const TemplateError& error) {
    const QString message = QString::fromUtf8(error.what());
    QVERIFY2(message.startsWith(QLatin1String("t.json")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
  }
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
