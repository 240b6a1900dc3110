// SPDX-License-Identifier: GPL-3.0-or-later
// Reference designs: every shipped template loads against the shipped catalog and analyses with
// exactly the findings it states (code, severity and count), states its sources and what it
// adapted,
// the DGX SuperPOD H100 scalable unit reproduces the published figures, the GB200 scalable unit
// carries its liquid and air cooling with N+1, and the template's cooling is read and checked.
#include "catalog/catalogloader.h"
#include "edit/templateimport.h"
#include "engine/analyze.h"
#include "templates/templatecatalog.h"
#include "templates/templateloader.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace dc;

class TestTemplates final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void everyShippedTemplateHasExactlyItsStatedFindings_data();
  void everyShippedTemplateHasExactlyItsStatedFindings();
  void theEmptyHallTakesTheGivenSize();
  void templatesAreListedAndResolvedByName();
  void racksThatCannotStandAreRefused();
  void superPodH100OneScalableUnit();
  void superPodGb200OneScalableUnit();
  void superPodGb200SurvivesTheLossOfACdu();
  void coolingIsReadIntoLoopsUnitsAndRacks();
  void malformedTemplatesAreRefusedWithThePath_data();
  void malformedTemplatesAreRefusedWithThePath();
  void badCoolingNamesAndIdsAreRefused_data();
  void badCoolingNamesAndIdsAreRefused();
  void fabricsAndTraysAreRead();
  void badFabricsAndTraysAreRefused_data();
  void badFabricsAndTraysAreRefused();
  void poolsAndWorkloadsAreRead();
  void badPoolsAndWorkloadsAreRefused_data();
  void badPoolsAndWorkloadsAreRefused();
  void superPodsCarryTheirPoolsAndWorkloads();

 private:
  CatalogLoadResult mCatalog;
  TemplateCatalogIds mIds;  ///< the shipped catalog's ids, as the studio and CLI give them
};

void TestTemplates::initTestCase() {
  mCatalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mCatalog.errorCount(), 0);
  mIds = templateCatalogIds(mCatalog.catalog);
}

void TestTemplates::everyShippedTemplateHasExactlyItsStatedFindings_data() {
  QTest::addColumn<QString>("path");
  const QDir dir(QStringLiteral(DC_SOURCE_DIR "/templates"));
  const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files);
  QVERIFY(!files.isEmpty());
  for (const QFileInfo& info : files) {
    QTest::newRow(qPrintable(info.fileName())) << info.absoluteFilePath();
  }
}

// Issue 9: a template "loads into a project that analyses cleanly, or with exactly the findings
// the real design has, stated in the template and asserted by a test".
void TestTemplates::everyShippedTemplateHasExactlyItsStatedFindings() {
  QFETCH(QString, path);
  const TemplateInfo info = readTemplateInfo(path);
  QVERIFY(!info.title.isEmpty());
  QVERIFY2(info.description.size() > 80, "a template describes what it holds");
  QVERIFY2(!info.adapted.isEmpty(), "a template states what it adapted");
  QVERIFY(!info.revision.isEmpty());
  if (info.vendor != QLatin1String("Generic")) {
    // Its sources: at least one public document with its address; catalog items carry theirs.
    QVERIFY2(std::any_of(info.sources.cbegin(), info.sources.cend(),
                         [](const QString& s) { return s.contains(QLatin1String("https://")); }),
             "a reference design names its sources with their URL");
  }
  const Project project = loadTemplateFile(path, &mIds);
  QVERIFY(!project.name().isEmpty());
  QCOMPARE(project.racks().size(), info.rackCount);
  QVERIFY(info.resizable || !project.racks().isEmpty());
  const Analysis analysis = analyze(project, mCatalog.catalog);

  QMap<QString, int> found;  // "code severity" -> count
  for (const Finding& finding : analysis.findings) {
    found[finding.code + QLatin1Char(' ') + findingSeverityKey(finding.severity)] += 1;
  }
  QMap<QString, int> stated;
  for (const ExpectedFinding& expected : info.expectedFindings) {
    QVERIFY2(!expected.why.isEmpty(), qPrintable(expected.code + QStringLiteral(": why?")));
    stated[expected.code + QLatin1Char(' ') + expected.severity] += expected.count;
  }
  if (found != stated) {
    QStringList lines;
    for (const Finding& finding : analysis.findings) {
      lines.append(QStringLiteral("  %1 %2: %3")
                       .arg(finding.code, findingSeverityKey(finding.severity), finding.message));
    }
    QFAIL(qPrintable(QStringLiteral("findings differ from the template's expectedFindings:\n") +
                     lines.join(QLatin1Char('\n'))));
  }
}

void TestTemplates::theEmptyHallTakesTheGivenSize() {
  const QString path = QStringLiteral(DC_SOURCE_DIR "/templates/empty-hall.json");
  const Project sized = loadTemplateFileSized(path, HallSize{30000.0, 20000.0}, &mIds);
  QCOMPARE(sized.halls().size(), 1);
  // 30 m × 20 m: 600 m².
  QCOMPARE(polygonAreaM2(sized.halls().front().outlineMm()), 600.0);
  QCOMPARE(sized.halls().front().outlineMm().at(2).xMm, std::int64_t{30000});
  QCOMPARE(sized.halls().front().outlineMm().at(2).yMm, std::int64_t{20000});
  QVERIFY(analyze(sized, mCatalog.catalog).findings.isEmpty());
  // Too small, and a fixed layout: refused with the reason.
  try {
    loadTemplateFileSized(path, HallSize{1000.0, 20000.0}, &mIds);
    QFAIL("a 1 m hall was accepted");
  } catch (const TemplateError& e) {
    QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("width 1 m")), e.what());
  }
  try {
    loadTemplateFileSized(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"),
                          HallSize{30000.0, 20000.0}, &mIds);
    QFAIL("a fixed layout was resized");
  } catch (const TemplateError& e) {
    QVERIFY2(QString::fromStdString(e.what()).contains(QLatin1String("fixed layout")), e.what());
  }
}

void TestTemplates::templatesAreListedAndResolvedByName() {
  const QString folder = QStringLiteral(DC_SOURCE_DIR "/templates");
  const TemplateList list = listTemplates(folder);
  QVERIFY2(list.problems.isEmpty(), qPrintable(list.problems.join(QLatin1Char('\n'))));
  QCOMPARE(list.templates.size(),
           QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files).size());
  QCOMPARE(list.templates.back().vendor, QStringLiteral("Generic"));  // the empty hall last
  QCOMPARE(resolveTemplate(QStringLiteral("dgx-superpod-h100-1su"), folder),
           QDir(folder).absoluteFilePath(QStringLiteral("dgx-superpod-h100-1su.json")));
  QVERIFY(resolveTemplate(QStringLiteral("no-such-design"), folder).isEmpty());
  QVERIFY(resolveTemplate(QStringLiteral("/no/such/file.json"), folder).isEmpty());
}

// A template whose rack holds a DGX H100 (8U) from U45 of a 48U rack is broken: refused with the
// engine's words, not opened with an error finding.
void TestTemplates::racksThatCannotStandAreRefused() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("broken.json"));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(R"({"format": "dcstudio-template", "formatVersion": 1, "name": "Broken",
    "halls": [{"name": "Hall X", "outlineMm": [[0,0],[9000,0],[9000,9000],[0,9000]],
    "racks": [{"rackType": "conteg/ri7-48-80-120", "name": "R1", "startMm": [3000, 3000],
               "mounts": [{"item": "nvidia/dgx-h100", "lowestU": 45}]}]}]})");
  file.close();
  try {
    loadTemplateAgainst(path, mCatalog.catalog);
    QFAIL("a DGX H100 above the rack's top was accepted");
  } catch (const TemplateError& e) {
    const QString message = QString::fromStdString(e.what());
    QVERIFY2(message.startsWith(QLatin1String("broken.json: its racks cannot stand as drawn")),
             e.what());
    QVERIFY2(message.contains(QLatin1String("R1")), e.what());
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
  // Reference case 14: four DGX H100 per rack at 10.2 kW max = 40.8 kW ("exceeds 40 kW"), and
  // the fabric pass adds the DGX-side compute transceivers: 4 twin-port OSFP per DGX at 17 W
  // max (980-9I51A-00NS00, NVIDIA LinkX 100G-PAM4 overview), 4 x 4 x 17 = 272 W per rack.
  constexpr double kDgxOpticsW = 4 * 17.0;
  for (const Rack& rack : project.racks()) {
    if (rack.name() == QLatin1String("A01")) {
      QCOMPARE(analysis.power.racks.value(rack.id()).maxPowerW.value, 40'800.0 + 4 * kDgxOpticsW);
      QCOMPARE(analysis.power.racks.value(rack.id()).acceleratorCount, 32);
    }
  }
  // The template's compute fabric, sized by the fabric pass from the floor: reference case 1
  // (RA Table 4, 1 SU) 8 leaves, 4 spines, 252 node(+UFM)-to-leaf and 256 leaf-to-spine links.
  QCOMPARE(project.fabricSpecs().size(), 3);
  QCOMPARE(project.cableTrays().size(), 3);
  QCOMPARE(analysis.fabric.fabrics.size(), 3);
  const FabricSummary& compute = analysis.fabric.fabrics.first();
  QCOMPARE(compute.kind, FabricKind::Compute);
  QCOMPARE(compute.nodes, 31);
  QCOMPARE(compute.gpus, 248);
  QCOMPARE(compute.sizing.leaves, 8);
  QCOMPARE(compute.sizing.spines, 4);
  QCOMPARE(compute.switchesPlaced, 12);
  QCOMPARE(compute.cablesNodeToLeaf, 252);
  QCOMPARE(compute.cablesReserved, 4);
  QCOMPARE(compute.cablesLeafToSpine, 256);
  QCOMPARE(compute.transceiversNodeSide, 31 * 4);
  // Nodes only, 1 SU: 31 × 10.2 kW = 316.2 kW (catalog-facts §4.1, derived); the hall adds
  // 12 QM9700 at 1,720 W max and the UFM appliance at 689 W max, and the management switches,
  // which publish only typical power (2 × SN4600C at 466 W, SN2201 at 98 W; catalog-facts 3.1),
  // counted at that.
  // SN4600C and SN2201 at their estimated max (catalog notes give the basis).
  // With the DGX-side transceivers of the fabric pass (above): 31 x 68 W.
  const double expectedW =
      31 * 10'200.0 + 12 * 1'720.0 + 689.0 + 2 * 1'070.0 + 300.0 + 31 * kDgxOpticsW;
  QCOMPARE(analysis.power.halls.first().maxPowerW.value, expectedW);
}

namespace {

const QString kGb200 = QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-gb200-1su.json");
const QString kNvl72 = QStringLiteral("nvidia/dgx-gb200-nvl72");

const CoolingLoop* loopNamed(const Project& project, const QString& name) {
  for (const CoolingLoop& loop : project.coolingLoops()) {
    if (loop.name == name) {
      return &loop;
    }
  }
  return nullptr;
}

}  // namespace

void TestTemplates::superPodGb200OneScalableUnit() {
  const Project project = loadTemplateFile(kGb200, &mIds);
  const Analysis analysis = analyze(project, mCatalog.catalog);
  const CatalogItem* nvl72 = mCatalog.catalog.find(kNvl72);
  QVERIFY(nvl72 && nvl72->maxPowerW() && nvl72->figure(QStringLiteral("liquidCaptureFraction")));
  const double rackMaxW = nvl72->maxPowerW()->value;  // 150 kW: the RA's 1.2 MW SU TDP / 8
  const double rackLiquidW =
      rackMaxW * nvl72->figure(QStringLiteral("liquidCaptureFraction"))->value;

  // One loop and one zone, both N+1; two CHx2000 CDUs on the loop, three CRAH on the zone.
  QCOMPARE(project.coolingLoops().size(), 2);
  const CoolingLoop* loop = loopNamed(project, QStringLiteral("CDU loop 1"));
  const CoolingLoop* zone = loopNamed(project, QStringLiteral("Zone A"));
  QVERIFY(loop && zone);
  QCOMPARE(loop->kind, CoolingLoopKind::Liquid);
  QCOMPARE(loop->redundancy, Redundancy::NPlus1);
  QCOMPARE(zone->kind, CoolingLoopKind::Air);
  QCOMPARE(zone->redundancy, Redundancy::NPlus1);
  QStringList cdus, crahs;
  for (const CoolingUnit& unit : project.coolingUnits()) {
    (unit.loopId == loop->id ? cdus : crahs).append(unit.name + '=' + unit.catalogId);
    QVERIFY(unit.loopId == loop->id || unit.loopId == zone->id);
  }
  QCOMPARE(cdus, QStringList({"CDU-1=coolit/chx2000", "CDU-2=coolit/chx2000"}));
  QCOMPARE(crahs, QStringList({"CRAH-1=schneider/uniflair-hdcv5300f-ht",
                               "CRAH-2=schneider/uniflair-hdcv5300f-ht",
                               "CRAH-3=schneider/uniflair-hdcv5300f-ht"}));

  // 8 NVL72 racks in one row, direct-to-chip on the loop, exhausting into the zone; floor cooling
  // units are not racks.
  int nvl72Racks = 0;
  double nvl72MaxW = 0.0;
  for (const Rack& rack : project.racks()) {
    QCOMPARE(rack.row(), QStringLiteral("A"));
    QVERIFY(!mCatalog.catalog.find(rack.rackTypeId())->isFloorCoolingUnit());
    QCOMPARE(rack.airZoneId(), zone->id);
    if (rack.rackTypeId() == kNvl72) {
      ++nvl72Racks;
      nvl72MaxW += analysis.power.racks.value(rack.id()).maxPowerW.value;
      QCOMPARE(rack.coolingMode(), CoolingMode::DirectToChip);
      QCOMPARE(rack.liquidLoopId(), loop->id);
      const RackCooling& c = analysis.cooling.racks.value(rack.id());
      QCOMPARE(c.heatToLiquidW.value, rackLiquidW);
      QCOMPARE(c.heatToAirW.value, rackMaxW - rackLiquidW);
      QVERIFY(c.modeHolds);
    }
  }
  QCOMPARE(nvl72Racks, 8);
  QCOMPARE(analysis.power.totals.acceleratorCount, 8 * 72);
  // The power pass: 8 racks × the catalog's NVL72 max power (1.2 MW, the RA's SU TDP).
  QCOMPARE(nvl72MaxW, 8 * rackMaxW);
  QCOMPARE(nvl72MaxW, 1'200'000.0);

  // No error at all (cooling or power), and the loop carries 8 × the rack liquid heat with N+1.
  for (const Finding& f : analysis.findings) {
    QVERIFY2(f.severity != Finding::Severity::Error, qPrintable(f.code + ": " + f.message));
  }
  const LoopLoad* cdu = analysis.cooling.loop(loop->id);
  QVERIFY(cdu);
  QCOMPARE(cdu->rackCount, 8);
  QCOMPARE(cdu->unitCount, 2);
  QCOMPARE(cdu->loadW.value, 8 * rackLiquidW);
  QCOMPARE(cdu->installedCapacityW.value, 2 * 2'000'000.0);
  QCOMPARE(cdu->usableCapacityW.value, 2'000'000.0);  // N+1: the largest unit lost
  QVERIFY(cdu->usableCapacityW.value >= cdu->loadW.value);
  QVERIFY(cdu->unitsRequired <= cdu->unitCount);
  QVERIFY(cdu->flowCapacityLps.value >= cdu->flowLps.value);
  const LoopLoad* air = analysis.cooling.loop(zone->id);
  QVERIFY(air);
  QCOMPARE(air->rackCount, 12);
  QCOMPARE(air->usableCapacityW.value, 2 * 143'300.0);
  QVERIFY(air->usableCapacityW.value >= air->loadW.value);
  QVERIFY(air->unitsRequired <= air->unitCount);
  QCOMPARE(analysis.cooling.totals.heatToLiquidW.value, 8 * rackLiquidW);
}

void TestTemplates::superPodGb200SurvivesTheLossOfACdu() {
  const Project project = loadTemplateFile(kGb200, &mIds);
  for (const QString& scenario : {QStringLiteral("cdu:CDU-1"), QStringLiteral("crah:CRAH-2")}) {
    FailureScenario failure;
    QCOMPARE(parseFailureScenario(scenario, project, &failure), QString());
    const Analysis analysis =
        analyze(DesignSnapshot{project, mCatalog.catalog, project.assumptions(), failure});
    QCOMPARE(analysis.failure().scenario, failure);
    QCOMPARE(analysis.failure().racks.size(), project.racks().size());
    QCOMPARE(analysis.failure().holds, int(project.racks().size()));
    QCOMPARE(analysis.failure().down + analysis.failure().degraded, 0);
  }
}

void TestTemplates::coolingIsReadIntoLoopsUnitsAndRacks() {
  const QByteArray json = R"({"format": "dcstudio-template", "formatVersion": 1, "name": "t",
    "halls": [{"name": "Hall X", "outlineMm": [[0,0],[9000,0],[9000,9000],[0,9000]],
      "cooling": {"loops": [{"name": "L1", "kind": "liquid", "redundancy": "2n"},
                            {"name": "Z1", "kind": "air"}],
                  "units": [{"name": "CDU-1", "catalogId": "coolit/chx2000", "x": 1200, "y": 600,
                             "rotation": 90, "loop": "L1"},
                            {"name": "CRAH-1", "catalogId": "springer/39cra150", "x": 6000,
                             "y": 8000}]},
      "racks": [{"rackType": "nvidia/dgx-gb200-nvl72", "name": "R1", "startMm": [3000, 3000],
                 "cooling": "direct-to-chip", "liquidLoop": "L1", "airZone": "Z1"},
                {"rackType": "conteg/ri7-48-80-120", "name": "R2", "startMm": [4000, 3000],
                 "cooling": "rear-door", "rearDoor": "vertiv/liebert-dcd50"}]}]})";
  const Project project = projectFromTemplateJson(json, QStringLiteral("t.json"), &mIds);
  QCOMPARE(project.coolingLoops().size(), 2);
  const CoolingLoop& l1 = project.coolingLoops()[0];
  QCOMPARE(l1.name, QStringLiteral("L1"));
  QCOMPARE(l1.kind, CoolingLoopKind::Liquid);
  QCOMPARE(l1.redundancy, Redundancy::TwoN);
  QCOMPARE(l1.hallId, project.halls().first().id());
  QCOMPARE(project.coolingLoops()[1].redundancy, Redundancy::NPlus1);  // the default
  QCOMPARE(project.coolingUnits().size(), 2);
  const CoolingUnit& cdu = project.coolingUnits()[0];
  QCOMPARE(cdu.catalogId, QStringLiteral("coolit/chx2000"));
  QCOMPARE(cdu.positionMm, (PointMm{1200, 600}));
  QCOMPARE(cdu.rotationDeg, 90);
  QCOMPARE(cdu.loopId, l1.id);
  QVERIFY(project.coolingUnits()[1].loopId.isNull());  // the hall's only air zone serves it
  QCOMPARE(project.racks().size(), 2);
  QCOMPARE(project.racks()[0].liquidLoopId(), l1.id);
  QCOMPARE(project.racks()[0].airZoneId(), project.coolingLoops()[1].id);
  QCOMPARE(project.racks()[0].coolingMode(), CoolingMode::DirectToChip);
  QCOMPARE(project.racks()[1].rearDoorId(), QStringLiteral("vertiv/liebert-dcd50"));
  QCOMPARE(project.racks()[1].coolingMode(), CoolingMode::RearDoor);
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

void TestTemplates::badCoolingNamesAndIdsAreRefused_data() {
  QTest::addColumn<QByteArray>("cooling");
  QTest::addColumn<QByteArray>("rack");
  QTest::addColumn<QString>("expected");
  const QByteArray loops =
      R"("loops": [{"name": "L1", "kind": "liquid"}, {"name": "Z1", "kind": "air"}])";
  QTest::newRow("rack on an unknown loop")
      << loops << QByteArray(R"("liquidLoop": "NOPE")")
      << QStringLiteral("t.json: halls[0] (Hall X).racks[0].liquidLoop: no liquid loop \"NOPE\"");
  QTest::newRow("rack's air zone is a liquid loop")
      << loops << QByteArray(R"("airZone": "L1")")
      << QStringLiteral(
             "halls[0] (Hall X).racks[0].airZone: \"L1\" is a liquid loop, not an air zone");
  QTest::newRow("unit on an unknown loop")
      << loops +
             R"(, "units": [{"name": "C1", "catalogId": "coolit/chx2000", "x": 600, "y": 600, "loop": "L9"}])"
      << QByteArray(R"("cooling": "air")")
      << QStringLiteral(
             "halls[0] (Hall X).cooling.units[0].loop: cooling unit \"C1\": no cooling "
             "loop \"L9\"");
  QTest::newRow("unit not in the catalog")
      << loops + R"(, "units": [{"name": "C1", "catalogId": "acme/cdu", "x": 600, "y": 600}])"
      << QByteArray(R"("cooling": "air")")
      << QStringLiteral(
             "halls[0] (Hall X).cooling.units[0].catalogId: cooling unit \"C1\": no "
             "catalog item \"acme/cdu\"");
  QTest::newRow("unit is a rack")
      << loops +
             R"(, "units": [{"name": "C1", "catalogId": "conteg/ri7-48-80-120", "x": 600, "y": 600}])"
      << QByteArray(R"("cooling": "air")")
      << QStringLiteral("not a floor-standing CDU, CRAH or in-row cooler");
  QTest::newRow("CRAH on a liquid loop")
      << loops +
             R"(, "units": [{"name": "C1", "catalogId": "springer/39cra150", "x": 600, "y": 600, "loop": "L1"}])"
      << QByteArray(R"("cooling": "air")")
      << QStringLiteral("cooling unit \"C1\" is a crah and cannot serve liquid loop \"L1\"");
  QTest::newRow("duplicate loop")
      << QByteArray(R"("loops": [{"name": "L1", "kind": "liquid"}, {"name": "L1", "kind": "air"}])")
      << QByteArray(R"("cooling": "air")")
      << QStringLiteral("halls[0] (Hall X).cooling.loops[1].name");
  QTest::newRow("bad loop kind") << QByteArray(R"("loops": [{"name": "L1", "kind": "water"}])")
                                 << QByteArray(R"("cooling": "air")")
                                 << QStringLiteral("unknown loop kind \"water\"");
  QTest::newRow("bad redundancy")
      << QByteArray(R"("loops": [{"name": "L1", "kind": "air", "redundancy": "3n"}])")
      << QByteArray(R"("cooling": "air")") << QStringLiteral("unknown redundancy \"3n\"");
  QTest::newRow("unknown rear door")
      << loops << QByteArray(R"("rearDoor": "acme/door")")
      << QStringLiteral("halls[0] (Hall X).racks[0].rearDoor: no catalog item \"acme/door\"");
  QTest::newRow("rear door that is a CDU")
      << loops << QByteArray(R"("rearDoor": "coolit/chx2000")")
      << QStringLiteral("\"coolit/chx2000\" is a cdu, not a rear door");
  // A template names only what the catalog has: an unknown device is refused, not opened.
  QTest::newRow("unknown mounted item")
      << loops << QByteArray(R"("mounts": [{"item": "acme/gpu-server", "lowestU": 3}])")
      << QStringLiteral(
             "halls[0] (Hall X).racks[0].mounts[0].item: no catalog item "
             "\"acme/gpu-server\"");
}

void TestTemplates::badCoolingNamesAndIdsAreRefused() {
  QFETCH(QByteArray, cooling);
  QFETCH(QByteArray, rack);
  QFETCH(QString, expected);
  const QByteArray json =
      R"({"format": "dcstudio-template", "formatVersion": 1, "name": "t", "halls": [{"name": "Hall X", "outlineMm": [[0,0],[9000,0],[9000,9000]], "cooling": {)" +
      cooling + R"(}, "racks": [{"rackType": "conteg/ri7-48-80-120", "startMm": [3000, 3000], )" +
      rack + "}]}]}";
  try {
    projectFromTemplateJson(json, QStringLiteral("t.json"), &mIds);
    QFAIL("a template with bad cooling was accepted");
  } catch (const TemplateError& error) {
    const QString message = QString::fromUtf8(error.what());
    QVERIFY2(message.startsWith(QLatin1String("t.json: halls[0] (Hall X)")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
  }
}

namespace {

/// A one-hall template (9 m x 6 m) with racks N01, N02 and M01 and the given "fabrics" and
/// "trays" members (each text a JSON member or empty).
QByteArray fabricTemplate(const QByteArray& fabrics, const QByteArray& trays = {}) {
  QByteArray json =
      R"({"format": "dcstudio-template", "formatVersion": 1, "name": "t", "halls": [{"name": "Hall X", "outlineMm": [[0,0],[9000,0],[9000,6000],[0,6000]], "racks": [{"rackType": "conteg/ri7-48-80-120", "row": "N", "namePrefix": "N", "count": 2, "pitchMm": 800, "startMm": [2000, 3000], "mounts": [{"item": "nvidia/qm9700", "lowestU": 10, "repeat": 2, "pitchU": 2}]}, {"rackType": "conteg/ri7-48-80-120", "name": "M01", "startMm": [3600, 3000]}])";
  if (!fabrics.isEmpty()) {
    json += ", " + fabrics;
  }
  if (!trays.isEmpty()) {
    json += ", " + trays;
  }
  return json + "}]}";
}

}  // namespace

void TestTemplates::fabricsAndTraysAreRead() {
  const Project project = projectFromTemplateJson(
      fabricTemplate(
          R"("fabrics": [{"name": "Compute fabric", "kind": "compute", "leafSwitch": "nvidia/qm9700", "spineSwitch": "nvidia/qm9700", "leafOversubscription": 1.5, "spineOversubscription": 2, "tiers": 2, "railOptimised": false, "suNodes": 16, "reservedPorts": 4, "switchRacks": ["N02", "N01"]}, {"name": "OOB", "kind": "out-of-band", "leafSwitch": "nvidia/sn2201"}])",
          R"("trays": [{"name": "T-1", "path": [[1000, 2000], [8000, 2000], [8000, 5000]], "heightMm": 3000, "widthMm": 450, "depthMm": 150, "kind": "wire-mesh"}, {"name": "T-2", "path": [[0, 0], [9000, 6000]]}])"),
      QStringLiteral("t.json"), &mIds);
  QCOMPARE(project.racks().size(), 3);
  QCOMPARE(project.fabricSpecs().size(), 2);
  const FabricSpec& compute = project.fabricSpecs()[0];
  QCOMPARE(compute.name, QStringLiteral("Compute fabric"));
  QCOMPARE(compute.hallId, project.halls().front().id());
  QCOMPARE(compute.kind, FabricKind::Compute);
  QCOMPARE(compute.topology, FabricTopology::FatTree);
  QCOMPARE(compute.leafSwitchId, QStringLiteral("nvidia/qm9700"));
  QCOMPARE(compute.spineSwitchId, QStringLiteral("nvidia/qm9700"));
  QCOMPARE(compute.leafOversubscription, 1.5);
  QCOMPARE(compute.spineOversubscription, 2.0);
  QCOMPARE(compute.tiers, 2);
  QCOMPARE(compute.railOptimised, false);
  QCOMPARE(compute.suNodes, 16);
  QCOMPARE(compute.reservedPorts, 4);
  // In the order given: N02 first.
  QCOMPARE(compute.switchRackIds,
           (QList<RackId>{project.racks()[1].id(), project.racks()[0].id()}));
  const FabricSpec& oob = project.fabricSpecs()[1];
  QCOMPARE(oob.kind, FabricKind::OutOfBand);
  QVERIFY(oob.spineSwitchId.isEmpty());
  QCOMPARE(oob.leafOversubscription, 1.0);
  QCOMPARE(oob.tiers, 0);
  QVERIFY(oob.railOptimised);
  QVERIFY(oob.switchRackIds.isEmpty());

  QCOMPARE(project.cableTrays().size(), 2);
  const CableTray& t1 = project.cableTrays()[0];
  QCOMPARE(t1.name, QStringLiteral("T-1"));
  QCOMPARE(t1.hallId, project.halls().front().id());
  QCOMPARE(t1.pathMm, (QList<PointMm>{{1000, 2000}, {8000, 2000}, {8000, 5000}}));
  QCOMPARE(t1.heightMm, 3000);
  QCOMPARE(t1.widthMm, 450);
  QCOMPARE(t1.depthMm, 150);
  QCOMPARE(t1.kind, TrayKind::WireMesh);
  // Defaults, and corners of the outline count as inside.
  const CableTray& t2 = project.cableTrays()[1];
  QCOMPARE(t2.heightMm, CableTray{}.heightMm);
  QCOMPARE(t2.widthMm, CableTray{}.widthMm);
  QCOMPARE(t2.depthMm, CableTray{}.depthMm);
  QCOMPARE(t2.kind, TrayKind::Ladder);
}

void TestTemplates::badFabricsAndTraysAreRefused_data() {
  QTest::addColumn<QByteArray>("fabrics");
  QTest::addColumn<QByteArray>("trays");
  QTest::addColumn<QString>("expected");
  const QByteArray ok = R"("name": "F", "kind": "compute", "leafSwitch": "nvidia/qm9700")";
  const auto fabric = [&](const QByteArray& extra) {
    return QByteArray(R"("fabrics": [{)") + ok + extra + "}]";
  };
  const auto tray = [](const QByteArray& members) {
    return QByteArray(R"("trays": [{"name": "T-1", )") + members + "}]";
  };
  QTest::newRow("unknown rack")
      << fabric(R"(, "switchRacks": ["N01", "N09"])") << QByteArray()
      << QStringLiteral(
             "halls[0] (Hall X).fabrics[0].switchRacks[1]: fabric \"F\": no rack \"N09\" in this "
             "hall");
  QTest::newRow("rack twice") << fabric(R"(, "switchRacks": ["N01", "N01"])") << QByteArray()
                              << QStringLiteral("rack \"N01\" is named twice");
  QTest::newRow("oversubscription below 1")
      << fabric(R"(, "leafOversubscription": 0.5)") << QByteArray()
      << QStringLiteral(
             "halls[0] (Hall X).fabrics[0]: Fabric 'F': an oversubscription must be between 1 "
             "(non-blocking) and 64, not 0.5");
  QTest::newRow("four tiers") << fabric(R"(, "tiers": 4)") << QByteArray()
                              << QStringLiteral("Fabric 'F': tiers must be 1, 2, 3 or automatic");
  QTest::newRow("negative reserve")
      << fabric(R"(, "reservedPorts": -1)") << QByteArray()
      << QStringLiteral("Fabric 'F': -1 reserved ports is not possible");
  QTest::newRow("fractional reserve")
      << fabric(R"(, "reservedPorts": 1.5)") << QByteArray()
      << QStringLiteral("fabrics[0].reservedPorts: must be a whole number");
  QTest::newRow("unknown kind")
      << QByteArray(
             R"("fabrics": [{"name": "F", "kind": "storage-ish", "leafSwitch": "nvidia/qm9700"}])")
      << QByteArray()
      << QStringLiteral("fabrics[0].kind: fabric \"F\": unknown kind \"storage-ish\"");
  QTest::newRow("no switch") << QByteArray(R"("fabrics": [{"name": "F", "kind": "compute"}])")
                             << QByteArray() << QStringLiteral("Fabric 'F' needs a switch model");
  QTest::newRow("leaf not a switch")
      << QByteArray(
             R"("fabrics": [{"name": "F", "kind": "compute", "leafSwitch": "nvidia/dgx-h100"}])")
      << QByteArray()
      << QStringLiteral("fabrics[0].leafSwitch: \"nvidia/dgx-h100\" is a server, not a switch");
  QTest::newRow("unknown spine") << fabric(R"(, "spineSwitch": "acme/spine")") << QByteArray()
                                 << QStringLiteral(
                                        "fabrics[0].spineSwitch: no catalog item \"acme/spine\"");
  QTest::newRow("two fabrics of one name")
      << QByteArray(R"("fabrics": [{)") + ok + "}, {" + ok + "}]" << QByteArray()
      << QStringLiteral("fabrics[1].name: a fabric needs a name unique in its hall");
  QTest::newRow("tray outside the hall")
      << QByteArray() << tray(R"("path": [[1000, 1000], [9500, 1000]])")
      << QStringLiteral(
             "halls[0] (Hall X).trays[0].path[1]: tray \"T-1\": point (9500, 1000) mm lies "
             "outside the hall");
  QTest::newRow("tray of one point") << QByteArray() << tray(R"("path": [[1000, 1000]])")
                                     << QStringLiteral("Tray 'T-1' needs at least two points");
  QTest::newRow("tray too narrow")
      << QByteArray() << tray(R"("path": [[1000, 1000], [2000, 1000]], "widthMm": 10)")
      << QStringLiteral("Tray 'T-1': a 10 x 100 mm cross-section is outside");
  QTest::newRow("tray kind") << QByteArray()
                             << tray(R"("path": [[1000, 1000], [2000, 1000]], "kind": "rope")")
                             << QStringLiteral(
                                    "trays[0].kind: tray \"T-1\": unknown kind \"rope\"");
  QTest::newRow("tray point not whole")
      << QByteArray() << tray(R"("path": [[1000.5, 1000], [2000, 1000]])")
      << QStringLiteral("trays[0].path[0][0]: must be a whole number of millimetres");
}

void TestTemplates::badFabricsAndTraysAreRefused() {
  QFETCH(QByteArray, fabrics);
  QFETCH(QByteArray, trays);
  QFETCH(QString, expected);
  try {
    projectFromTemplateJson(fabricTemplate(fabrics, trays), QStringLiteral("t.json"), &mIds);
    QFAIL("a template with a bad fabric or tray was accepted");
  } catch (const TemplateError& error) {
    const QString message = QString::fromUtf8(error.what());
    QVERIFY2(message.startsWith(QLatin1String("t.json: halls[0] (Hall X)")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
  }
}

void TestTemplates::poolsAndWorkloadsAreRead() {
  const Project project = projectFromTemplateJson(
      fabricTemplate(
          R"("pools": [{"name": "Serving", "scheduler": "kubernetes", "racks": ["M01"], "rows": ["N"], "colourIndex": 2}, {"name": "Training", "racks": ["N02"]}], "workloads": [{"pool": "Serving", "source": "a test", "name": "Chat", "kind": "inference", "model": {"parameters": 7e9, "layers": 32, "hiddenSize": 4096, "heads": 32}, "precision": "fp8", "promptTokens": 512, "outputTokens": 128, "requestsPerSecond": 4}, {"pool": "Training", "name": "Pre-training", "model": {"parameters": 7e9}, "tokens": 2e12}])"),
      QStringLiteral("t.json"), &mIds);
  QCOMPARE(project.workloadPools().size(), 2);
  const WorkloadPool& serving = project.workloadPools()[0];
  QCOMPARE(serving.name, QStringLiteral("Serving"));
  QCOMPARE(serving.hallId, project.halls().front().id());
  QCOMPARE(serving.scheduler, Scheduler::Kubernetes);
  QCOMPARE(serving.rackIds, QList<RackId>{project.racks()[2].id()});
  QCOMPARE(serving.rows, QStringList{QStringLiteral("N")});
  QCOMPARE(serving.colourIndex, 2);
  // M01 by name and N01, N02 by their row.
  QCOMPARE(project.poolRackIds(serving).size(), 3);
  const WorkloadPool& training = project.workloadPools()[1];
  QCOMPARE(training.scheduler, Scheduler::Slurm);  // the default
  QCOMPARE(training.colourIndex, 1);               // its index
  QCOMPARE(project.workloads().size(), 2);
  const Workload& chat = project.workloads()[0];
  QCOMPARE(chat.name, QStringLiteral("Chat"));
  QCOMPARE(chat.poolId, serving.id);
  QVERIFY(!chat.id.isNull());
  QCOMPARE(chat.kind, WorkloadKind::Inference);
  QCOMPARE(chat.precision, Precision::FP8);
  QCOMPARE(chat.model.layers, 32);
  QCOMPARE(chat.promptTokens, 512);
  QCOMPARE(chat.requestsPerSecond, 4.0);
  const Workload& pre = project.workloads()[1];
  QCOMPARE(pre.poolId, training.id);
  QCOMPARE(pre.kind, WorkloadKind::Training);
  QCOMPARE(pre.tokens, 2e12);
}

void TestTemplates::badPoolsAndWorkloadsAreRefused_data() {
  QTest::addColumn<QByteArray>("members");
  QTest::addColumn<QString>("expected");
  const QByteArray pool = R"("pools": [{"name": "P", "racks": ["N01"]}])";
  const auto workload = [&](const QByteArray& object) {
    return pool + R"(, "workloads": [)" + object + "]";
  };
  QTest::newRow("unknown rack")
      << QByteArray(R"("pools": [{"name": "P", "racks": ["N01", "N09"]}])")
      << QStringLiteral(
             "halls[0] (Hall X).pools[0].racks[1]: pool \"P\": no rack \"N09\" in this "
             "hall");
  QTest::newRow("rack twice") << QByteArray(R"("pools": [{"name": "P", "racks": ["N01", "N01"]}])")
                              << QStringLiteral(
                                     "pools[0].racks[1]: pool \"P\": rack \"N01\" is "
                                     "named twice");
  QTest::newRow("unknown row") << QByteArray(R"("pools": [{"name": "P", "rows": ["Z"]}])")
                               << QStringLiteral(
                                      "pools[0].rows[0]: pool \"P\": no row \"Z\" in "
                                      "this hall");
  QTest::newRow("no racks") << QByteArray(R"("pools": [{"name": "P"}])")
                            << QStringLiteral("pools[0]: pool \"P\" names no racks and no rows");
  QTest::newRow("no name") << QByteArray(R"("pools": [{"racks": ["N01"]}])")
                           << QStringLiteral(
                                  "pools[0].name: a workload pool needs a name unique "
                                  "in its hall");
  QTest::newRow("two pools of one name")
      << QByteArray(
             R"("pools": [{"name": "P", "racks": ["N01"]}, {"name": "P", "racks": ["N02"]}])")
      << QStringLiteral("pools[1].name: a workload pool needs a name unique in its hall");
  QTest::newRow("unknown scheduler")
      << QByteArray(R"("pools": [{"name": "P", "scheduler": "pbs", "racks": ["N01"]}])")
      << QStringLiteral("pools[0].scheduler: pool \"P\": unknown scheduler \"pbs\"");
  QTest::newRow("pools not an array")
      << QByteArray(R"("pools": {"name": "P"})")
      << QStringLiteral("pools: must be an array of workload pools");
  QTest::newRow("workload on no pool")
      << workload(R"({"name": "W", "model": {"parameters": 7e9}, "tokens": 1e12})")
      << QStringLiteral("workloads[0].pool: a workload names the pool it runs on");
  QTest::newRow("workload on an unknown pool")
      << workload(R"({"pool": "Q", "name": "W", "model": {"parameters": 7e9}, "tokens": 1e12})")
      << QStringLiteral("workloads[0].pool: no workload pool \"Q\" in this hall");
  QTest::newRow("unknown workload key")
      << workload(R"({"pool": "P", "name": "W", "flops": 3})") << QStringLiteral("workloads[0]: ");
  QTest::newRow("zero tokens")
      << workload(R"({"pool": "P", "name": "W", "model": {"parameters": 7e9}, "tokens": 0})")
      << QStringLiteral("workloads[0]: ");
  QTest::newRow("source not a text")
      << workload(
             R"({"pool": "P", "source": 3, "name": "W", "model": {"parameters": 7e9}, "tokens": 1e12})")
      << QStringLiteral("workloads[0].source: must be a text");
}

void TestTemplates::badPoolsAndWorkloadsAreRefused() {
  QFETCH(QByteArray, members);
  QFETCH(QString, expected);
  try {
    projectFromTemplateJson(fabricTemplate(members), QStringLiteral("t.json"), &mIds);
    QFAIL("a template with a bad pool or workload was accepted");
  } catch (const TemplateError& error) {
    const QString message = QString::fromUtf8(error.what());
    QVERIFY2(message.startsWith(QLatin1String("t.json: halls[0] (Hall X)")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
  }
}

// The DGX SuperPOD H100 4-SU template trains on its compute racks (RA-11333-001 Table 7: 127
// DGX H100 in 32 racks, 1,016 GPUs), the 1-SU template serves from row A (31 DGX H100, 248
// GPUs); the fit pass finds those GPUs in the pools.
void TestTemplates::superPodsCarryTheirPoolsAndWorkloads() {
  const QString folder = QStringLiteral(DC_SOURCE_DIR "/templates");
  {
    const Project project = loadTemplateAgainst(
        folder + QStringLiteral("/dgx-superpod-h100-4su.json"), mCatalog.catalog);
    QCOMPARE(project.workloadPools().size(), 1);
    const WorkloadPool& pool = project.workloadPools().front();
    QCOMPARE(pool.scheduler, Scheduler::Slurm);
    QCOMPARE(project.poolRackIds(pool).size(), 32);
    QCOMPARE(project.workloads().size(), 1);
    const Workload& w = project.workloads().front();
    QCOMPARE(w.poolId, pool.id);
    QCOMPARE(w.kind, WorkloadKind::Training);
    // Llama 3 model card: 70B, over 15T tokens, 8K context; 80 layers, 64 heads, 8 KV heads.
    QCOMPARE(w.tokens, 15e12);
    QCOMPARE(w.model.layers, 80);
    QCOMPARE(w.model.kvHeads, 8);
    QCOMPARE(w.model.sequenceLength, 8192);
    const Analysis analysis = analyze(project, mCatalog.catalog);
    QCOMPARE(analysis.workload.pools.size(), 1);
    QCOMPARE(analysis.workload.pools.front().nodes, 127);
    QCOMPARE(analysis.workload.pools.front().gpus, 1016);
    QCOMPARE(analysis.workload.fits.size(), 1);
    QVERIFY(analysis.workload.fits.front().problem.isEmpty());
    // Llama 3 model card (github.com/meta-llama/llama3 MODEL_CARD.md, "Training Factors"): the
    // 70B took 6.4M H100-80GB GPU-hours. The engine, at the Hopper MFU default and goodput,
    // with selective recompute counted: within 10 % of it.
    const TrainingFit& t = analysis.workload.fits.front().training;
    QVERIFY2(std::abs(t.gpuHours / 6.4e6 - 1.0) <= 0.10, qPrintable(QString::number(t.gpuHours)));
    QCOMPARE(t.gpus, 1016);
  }
  {
    const Project project = loadTemplateAgainst(
        folder + QStringLiteral("/dgx-superpod-h100-1su.json"), mCatalog.catalog);
    QCOMPARE(project.workloadPools().size(), 1);
    const WorkloadPool& pool = project.workloadPools().front();
    QCOMPARE(pool.scheduler, Scheduler::Kubernetes);
    QCOMPARE(pool.rows, QStringList{QStringLiteral("A")});
    QCOMPARE(project.poolRackIds(pool).size(), 8);
    const Workload& w = project.workloads().front();
    QCOMPARE(w.kind, WorkloadKind::Inference);
    QCOMPARE(w.precision, Precision::FP8);
    // MLPerf Inference Llama-2-70B server limits.
    QCOMPARE(w.ttftTargetS, 2.0);
    QCOMPARE(w.tpotTargetS, 0.2);
    const Analysis analysis = analyze(project, mCatalog.catalog);
    QCOMPARE(analysis.workload.pools.front().gpus, 31 * 8);
    QVERIFY(analysis.workload.fits.front().problem.isEmpty());
    // Llama-2-70B KV cache in FP8: 2 x 80 x 8 x 128 x 1 B = 163,840 B per token (case 38).
    QCOMPARE(analysis.workload.fits.front().inference.replica.kvBytesPerToken, 163'840.0);
  }
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
