// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalogloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace dc;

namespace {

const QString kFixture = QStringLiteral(DC_TEST_DATA_DIR "/catalog");
const QString kBroken = QStringLiteral(DC_TEST_DATA_DIR "/catalog-bad");

/// The ten items of tests/data/catalog/.
const QStringList kFixtureIds{"nvidia/dgx-h100",         "nvidia/dgx-b200", "nvidia/gb200-nvl72",
                              "nvidia/h100-sxm",         "nvidia/b200",     "nvidia/gb200",
                              "nvidia/qm9700",           "apc/ar3300",      "conteg/ri7-48-60-120",
                              "generic/pdu-415v-3ph-32a"};

QString describe(const QList<CatalogProblem>& problems) {
  QStringList lines;
  for (const CatalogProblem& p : problems) {
    lines.append(p.toString());
  }
  return lines.join(QLatin1Char('\n'));
}

QList<CatalogProblem> problemsOf(const CatalogLoadResult& result,
                                 CatalogProblem::Severity severity) {
  QList<CatalogProblem> found;
  for (const CatalogProblem& p : result.problems) {
    if (p.severity == severity) {
      found.append(p);
    }
  }
  return found;
}

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile file(path);
  QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
  QCOMPARE(file.write(bytes), bytes.size());
}

/// A catalog file with one source ("s") and the given items (JSON text of the array body).
/// URLs in raw strings are written "https:\/\/...": moc reads a // in a raw string as a comment.
QByteArray catalogFile(const QByteArray& items) {
  return R"({"format": "dcstudio-catalog", "formatVersion": 1,
             "sources": {"s": {"title": "Test source", "url": "https:\/\/example.org/spec"}},
             "items": [)" +
         items + "]}";
}

}  // namespace

class TestCatalogLoader final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fixtureLoadsWithoutProblems();
  void fixtureFigures_data();
  void fixtureFigures();
  void fixtureTypedMembers();

  void brokenCase_data();
  void brokenCase();
  void brokenFolderReportsOnlyTheBrokenCases();
  void goodItemsOfBrokenFilesStillLoad();

  void itemError_data();
  void itemError();
  void fileError_data();
  void fileError();
  void coolingFiguresAreReadable();

  void userFolderOverridesWithNote();
  void userFolderExtends();
  void duplicateInShippedFolderIsError();
  void acceleratorPartCrossCheck();
  void floorItemWithoutFootprintWarns();
  void missingFolderIsError();

  void searchFindsItems_data();
  void searchFindsItems();
  void shippedFolderFromEnvironment();
};

void TestCatalogLoader::fixtureLoadsWithoutProblems() {
  const CatalogLoadResult result = loadCatalogFolders({kFixture});
  QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
  QCOMPARE(result.errorCount(), 0);
  QCOMPARE(result.catalog.size(), kFixtureIds.size());
  for (const QString& id : kFixtureIds) {
    QVERIFY2(result.catalog.find(id), qPrintable(id));
  }
}

// Every value below is copied from /work/shared/reference/catalog-facts.md, the source the
// fixture cites; the test checks that the loader keeps value, source and confidence together.
void TestCatalogLoader::fixtureFigures_data() {
  QTest::addColumn<QString>("id");
  QTest::addColumn<QString>("path");
  QTest::addColumn<double>("value");
  QTest::addColumn<QString>("confidence");
  QTest::addColumn<QString>("sourceTitle");

  const QString h100Guide = QStringLiteral("NVIDIA DGX H100/H200 User Guide, Introduction");
  const QString b200Guide = QStringLiteral("NVIDIA DGX B200 User Guide, Introduction");
  const QString qm = QStringLiteral(
      "NVIDIA Quantum-2 QM97x0 1U NDR 400Gb/s InfiniBand Switch Systems User Manual, "
      "Specifications");
  // catalog-facts 1.1: DGX H100 8U, 10.2 kW, 130.45 kg, 6x 3.3 kW PSUs, 8x 400G compute
  QTest::newRow("DGX H100 max power") << "nvidia/dgx-h100"
                                      << "maxPowerW" << 10'200.0 << "vendor" << h100Guide;
  QTest::newRow("DGX H100 height") << "nvidia/dgx-h100"
                                   << "heightU" << 8.0 << "vendor" << h100Guide;
  QTest::newRow("DGX H100 weight") << "nvidia/dgx-h100"
                                   << "weightKg" << 130.45 << "vendor" << h100Guide;
  QTest::newRow("DGX H100 PSU rating") << "nvidia/dgx-h100"
                                       << "psu.ratingW" << 3'300.0 << "vendor" << h100Guide;
  QTest::newRow("DGX H100 GPUs") << "nvidia/dgx-h100"
                                 << "accelerators.count" << 8.0 << "vendor" << h100Guide;
  QTest::newRow("DGX H100 compute port speed")
      << "nvidia/dgx-h100"
      << "ports[0].speedGbps" << 400.0 << "vendor" << h100Guide;
  QTest::newRow("DGX H100 storage port: group source")
      << "nvidia/dgx-h100"
      << "ports[1].count" << 2.0 << "vendor"
      << "NVIDIA DGX BasePOD Reference Architecture, Core Components";
  // catalog-facts 1.1: DGX B200 10U, 14.3 kW; airflow 1,550 CFM is secondary (S)
  QTest::newRow("DGX B200 max power") << "nvidia/dgx-b200"
                                      << "maxPowerW" << 14'300.0 << "vendor" << b200Guide;
  QTest::newRow("DGX B200 airflow: figure overrides item source")
      << "nvidia/dgx-b200"
      << "airflowCfm" << 1'550.0 << "secondary"
      << "NVIDIA DGX SuperPOD Data Center Best Practices with DGX B200";
  // catalog-facts 3.1 (S): QM9700 1,720 W max with optics, 747 W typical with passive cables
  QTest::newRow("QM9700 max power") << "nvidia/qm9700"
                                    << "maxPowerW" << 1'720.0 << "secondary" << qm;
  QTest::newRow("QM9700 typical power") << "nvidia/qm9700"
                                        << "typicalPowerW" << 747.0 << "secondary" << qm;
  // catalog-facts 2: H100 SXM 700 W; BF16 1,979 sparse / 2 = 989.5 dense (D)
  QTest::newRow("H100 SXM TDP") << "nvidia/h100-sxm"
                                << "maxPowerW" << 700.0 << "vendor"
                                << "NVIDIA H100 Tensor Core GPU, specifications table";
  QTest::newRow("H100 SXM BF16 dense (derived)")
      << "nvidia/h100-sxm"
      << "compute.bf16DenseTflops" << 989.5 << "derived"
      << "NVIDIA H100 Tensor Core GPU, specifications table";
  QTest::newRow("B200 TDP") << "nvidia/b200"
                            << "maxPowerW" << 1'000.0 << "vendor"
                            << "NVIDIA HGX platform, HGX B200 specifications table";
  // catalog-facts 7: 415 V x 32 A x sqrt 3 = 23.0 kVA (D)
  QTest::newRow("PDU capacity (derived)")
      << "generic/pdu-415v-3ph-32a"
      << "electrical.outputCapacityW" << 23'000.0 << "derived"
      << "Three-phase electric power: apparent power S = sqrt(3) x V(line-to-line) x I";
  QTest::newRow("42U rack usable U")
      << "apc/ar3300"
      << "rack.usableU" << 42.0 << "secondary"
      << "NetBox devicetype-library rack type APC AR3300 (NetShelter SX 42U 600x1200)";
  QTest::newRow("GB200 NVL72 width (estimate)")
      << "nvidia/gb200-nvl72"
      << "widthMm" << 600.0 << "estimate"
      << "NVIDIA DGX SuperPOD Data Center Best Practices with DGX B200";
}

void TestCatalogLoader::fixtureFigures() {
  QFETCH(QString, id);
  QFETCH(QString, path);
  QFETCH(double, value);
  QFETCH(QString, confidence);
  QFETCH(QString, sourceTitle);

  const CatalogLoadResult result = loadCatalogFolders({kFixture});
  const CatalogItem* item = result.catalog.find(id);
  QVERIFY(item);
  const SpecValue* figure = item->figure(path);
  QVERIFY2(figure, qPrintable(path));
  QCOMPARE(figure->value, value);
  QCOMPARE(confidenceKey(figure->confidence), confidence);
  QCOMPARE(figure->source.title, sourceTitle);
  QVERIFY(!figure->source.url.isEmpty());
  if (figure->confidence == Confidence::Derived || figure->confidence == Confidence::Estimate) {
    QVERIFY(!figure->note.isEmpty());
  }
}

void TestCatalogLoader::fixtureTypedMembers() {
  const CatalogLoadResult result = loadCatalogFolders({kFixture});
  const Catalog& catalog = result.catalog;

  const CatalogItem* h100 = catalog.find(QStringLiteral("nvidia/dgx-h100"));
  QVERIFY(h100);
  QCOMPARE(h100->kind, ItemKind::Server);
  QCOMPARE(h100->heightU, std::optional<int>(8));
  QCOMPARE(h100->acceleratorPart, QStringLiteral("nvidia/h100-sxm"));
  QCOMPARE(h100->acceleratorCount, 8);
  QVERIFY(!h100->typicalPowerW());  // NVIDIA publishes no typical figure
  QCOMPARE(h100->ports.size(), 4);
  QCOMPARE(h100->ports[0].count, 8);
  QCOMPARE(h100->ports[0].speedGbps, 400.0);
  QCOMPARE(h100->ports[0].purpose, QStringLiteral("compute"));
  QCOMPARE(h100->texts.value(QStringLiteral("psu.redundancy")), QStringLiteral("4+2"));
  QCOMPARE(h100->file, QStringLiteral("catalog/nvidia/dgx.json"));
  QVERIFY(h100->isMountable());
  QVERIFY(!h100->isFloorStanding());

  const CatalogItem* rack = catalog.find(QStringLiteral("conteg/ri7-48-60-120"));
  QVERIFY(rack);
  QCOMPARE(rack->kind, ItemKind::Rack);
  QCOMPARE(rack->usableU, 48);
  QVERIFY(rack->isFloorStanding());
  QVERIFY(!rack->isMountable());

  const CatalogItem* nvl72 = catalog.find(QStringLiteral("nvidia/gb200-nvl72"));
  QVERIFY(nvl72);
  QVERIFY(nvl72->fillsRack);
  QVERIFY(nvl72->isFloorStanding());
  QVERIFY(!nvl72->maxPowerW());  // no NVIDIA per-rack figure: left out, never invented
  QCOMPARE(nvl72->acceleratorCount, 72);

  const CatalogItem* pdu = catalog.find(QStringLiteral("generic/pdu-415v-3ph-32a"));
  QVERIFY(pdu);
  QCOMPARE(pdu->heightU, std::optional<int>(0));
  QVERIFY(pdu->isMountable());

  const CatalogItem* gpu = catalog.find(QStringLiteral("nvidia/h100-sxm"));
  QVERIFY(gpu);
  QVERIFY(!gpu->isMountable());
  QVERIFY(!gpu->isFloorStanding());
}

// One row per broken case in tests/data/catalog-bad/: the file, the item (id, or its index
// when the id is missing), the JSON path and a part of the message.
void TestCatalogLoader::brokenCase_data() {
  QTest::addColumn<QString>("file");
  QTest::addColumn<QString>("itemId");
  QTest::addColumn<QString>("path");
  QTest::addColumn<QString>("message");

  QTest::newRow("invalid JSON") << "catalog-bad/invalid-json.json"
                                << ""
                                << ""
                                << "not valid JSON at byte";
  QTest::newRow("wrong format") << "catalog-bad/wrong-format.json"
                                << ""
                                << ""
                                << "\"format\" must be \"dcstudio-catalog\"";
  QTest::newRow("formatVersion 99") << "catalog-bad/format-version-99.json"
                                    << ""
                                    << ""
                                    << "formatVersion 99 is not supported";
  QTest::newRow("missing id") << "catalog-bad/items.json"
                              << "items[0]"
                              << "id"
                              << "required text is missing";
  QTest::newRow("power as text") << "catalog-bad/items.json"
                                 << "bad/power-as-text"
                                 << "maxPowerW"
                                 << "must be a number >= 0, got \"10.2 kW\"";
  QTest::newRow("unknown source key") << "catalog-bad/items.json"
                                      << "bad/unknown-source"
                                      << "maxPowerW.source"
                                      << "unknown source \"nvidia-dgx-h100-datasheet\"";
  QTest::newRow("derived without note") << "catalog-bad/items.json"
                                        << "bad/derived-without-note"
                                        << "weightKg"
                                        << "a derived figure needs a note";
  QTest::newRow("typical above max") << "catalog-bad/items.json"
                                     << "bad/typical-above-max"
                                     << "typicalPowerW"
                                     << "typical power 1720 W exceeds max power 747 W";
  QTest::newRow("unknown field") << "catalog-bad/items.json"
                                 << "bad/unknown-field"
                                 << "gpus"
                                 << "unknown field";
  QTest::newRow("duplicate id") << "catalog-bad/duplicate-id.json"
                                << "nvidia/dgx-b200"
                                << "id"
                                << "duplicate id, already defined in catalog-bad/duplicate-id.json";
}

void TestCatalogLoader::brokenCase() {
  QFETCH(QString, file);
  QFETCH(QString, itemId);
  QFETCH(QString, path);
  QFETCH(QString, message);

  const CatalogLoadResult result = loadCatalogFolders({kBroken});
  QList<CatalogProblem> matching;
  for (const CatalogProblem& p : result.problems) {
    if (p.file == file && p.itemId == itemId && p.path == path) {
      matching.append(p);
    }
  }
  QVERIFY2(matching.size() == 1, qPrintable(describe(result.problems)));
  const CatalogProblem& problem = matching.first();
  QCOMPARE(problem.severity, CatalogProblem::Severity::Error);
  QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
  // The printed line names file, item and path, so the architect can find the entry.
  const QString line = problem.toString();
  QVERIFY(line.startsWith(file + QLatin1Char(':')));
  if (!itemId.isEmpty()) {
    QVERIFY2(line.contains(QStringLiteral("item \"%1\"").arg(itemId)), qPrintable(line));
  }
  if (!path.isEmpty()) {
    QVERIFY2(line.contains(QStringLiteral(": %1: ").arg(path)), qPrintable(line));
  }
}

void TestCatalogLoader::brokenFolderReportsOnlyTheBrokenCases() {
  const CatalogLoadResult result = loadCatalogFolders({kBroken});
  // 3 broken files + 6 broken items in items.json + 1 duplicate: 10 rows in brokenCase_data().
  QCOMPARE(result.errorCount(), 10);
  QVERIFY2(result.problems.size() == 10, qPrintable(describe(result.problems)));
}

void TestCatalogLoader::goodItemsOfBrokenFilesStillLoad() {
  const CatalogLoadResult result = loadCatalogFolders({kBroken});
  QCOMPARE(result.catalog.size(), 2);
  const CatalogItem* sn2201 = result.catalog.find(QStringLiteral("nvidia/sn2201"));
  QVERIFY(sn2201);
  QCOMPARE(sn2201->file, QStringLiteral("catalog-bad/items.json"));
  QCOMPARE(sn2201->typicalPowerW()->value, 98.0);  // catalog-facts 3.1: SN2201 98 W typical
  // The first of two items with the same id is kept, the second is the error.
  const CatalogItem* b200 = result.catalog.find(QStringLiteral("nvidia/dgx-b200"));
  QVERIFY(b200);
  QCOMPARE(b200->model, QStringLiteral("DGX B200"));
  for (const char* id : {"bad/power-as-text", "bad/unknown-source", "bad/derived-without-note",
                         "bad/typical-above-max", "bad/unknown-field"}) {
    QVERIFY2(!result.catalog.find(QString::fromLatin1(id)), id);
  }
}

// More item checks through loadCatalogJson, one item per row; docs/catalog.md "Checks the loader
// makes".
void TestCatalogLoader::itemError_data() {
  QTest::addColumn<QByteArray>("item");
  QTest::addColumn<QString>("path");
  QTest::addColumn<QString>("message");

  const QByteArray head = R"("vendor": "V", "model": "M", "source": "s", "confidence": "vendor")";
  QTest::newRow("id with capitals") << R"({"id": "NVIDIA/DGX", "kind": "server", )" + head + "}"
                                    << "id"
                                    << "is not a vendor-scoped id";
  QTest::newRow("id without vendor") << R"({"id": "dgx-h100", "kind": "server", )" + head + "}"
                                     << "id"
                                     << "is not a vendor-scoped id";
  QTest::newRow("unknown kind") << R"({"id": "v/m", "kind": "toaster", )" + head + "}"
                                << "kind"
                                << "unknown kind \"toaster\"";
  QTest::newRow("missing vendor")
      << QByteArray(R"({"id": "v/m", "kind": "server", "model": "M", "source": "s",
                       "confidence": "vendor"})")
      << "vendor"
      << "required text is missing";
  QTest::newRow("negative power") << R"({"id": "v/m", "kind": "server", "maxPowerW": -1, )" + head +
                                         "}"
                                  << "maxPowerW"
                                  << "must be a number >= 0, got -1";
  QTest::newRow("figure object with text value")
      << R"({"id": "v/m", "kind": "server", "maxPowerW": {"value": "10.2 kW"}, )" + head + "}"
      << "maxPowerW.value"
      << "must be a number >= 0, got \"10.2 kW\"";
  QTest::newRow("half a rack unit")
      << R"({"id": "v/m", "kind": "server", "heightU": 1.5, )" + head + "}"
      << "heightU"
      << "must be a whole number";
  QTest::newRow("fraction above 1")
      << R"({"id": "v/m", "kind": "server", "liquidCaptureFraction": 1.2, )" + head + "}"
      << "liquidCaptureFraction"
      << "must be a fraction from 0 to 1";
  QTest::newRow("unknown confidence")
      << R"({"id": "v/m", "kind": "server", "maxPowerW": {"value": 1, "confidence": "guess"}, )" +
             head + "}"
      << "maxPowerW.confidence"
      << "must be vendor, secondary, derived or estimate";
  QTest::newRow("estimate without basis")
      << R"({"id": "v/m", "kind": "server", "typicalPowerW": {"value": 1, "confidence": "estimate"}, )" +
             head + "}"
      << "typicalPowerW"
      << "an estimate needs a note with its basis";
  QTest::newRow("unknown field in a figure")
      << R"({"id": "v/m", "kind": "server", "maxPowerW": {"value": 1, "unit": "kW"}, )" + head + "}"
      << "maxPowerW.unit"
      << "unknown field in a figure";
  QTest::newRow("unknown field in a group")
      << R"({"id": "v/m", "kind": "server", "psu": {"count": 6, "efficiency": 0.96}, )" + head + "}"
      << "psu.efficiency"
      << "unknown field";
  QTest::newRow("port purpose not allowed")
      << R"({"id": "v/m", "kind": "server", "ports": [{"count": 1, "speedGbps": 1, "purpose": "fun"}], )" +
             head + "}"
      << "ports[0].purpose"
      << "must be one of compute";
  QTest::newRow("port group without speed")
      << R"({"id": "v/m", "kind": "server", "ports": [{"count": 8}], )" + head + "}"
      << "ports[0]"
      << "a port group needs count and speedGbps";
  QTest::newRow("rack without usable U")
      << R"({"id": "v/m", "kind": "rack", "widthMm": 600, "depthMm": 1200, )" + head + "}"
      << "rack.usableU"
      << "a rack needs its usable rack units";
  QTest::newRow("rating without capacity")
      << R"({"id": "v/m", "kind": "rear-door", "coolingUnit": {"ratings": [{"waterSupplyTempC": 18}]}, )" +
             head + "}"
      << "coolingUnit.ratings[0]"
      << "a rating needs capacityW and waterSupplyTempC";
  // An empty rating before a good one is still a rating: the loader does not stop at the gap.
  QTest::newRow("rating without water temperature, after a gap")
      << R"({"id": "v/m", "kind": "rear-door", "coolingUnit": {"ratings": [{"capacityW": 30000, "waterSupplyTempC": 18}, {}, {"capacityW": 20000}]}, )" +
             head + "}"
      << "coolingUnit.ratings[1]"
      << "a rating needs capacityW and waterSupplyTempC";
  QTest::newRow("coolant class not allowed")
      << R"({"id": "v/m", "kind": "server", "coolant": {"fluid": "pg25", "facilityClass": "W50"}, )" +
             head + "}"
      << "coolant.facilityClass"
      << "must be one of W17, W27, W32, W40, W45, W+, got \"W50\"";
  QTest::newRow("coolant fluid not allowed")
      << R"({"id": "v/m", "kind": "server", "coolant": {"fluid": "glycol"}, )" + head + "}"
      << "coolant.fluid"
      << "must be one of water, pg25";
  QTest::newRow("unknown field in coolant")
      << R"({"id": "v/m", "kind": "server", "coolant": {"flowGpm": 40}, )" + head + "}"
      << "coolant.flowGpm"
      << "unknown field";
  QTest::newRow("rear door choice not allowed")
      << R"({"id": "v/m", "kind": "server", "rearDoor": "maybe", )" + head + "}"
      << "rearDoor"
      << "must be one of supported, none";
  QTest::newRow("cooling unit form not allowed")
      << R"({"id": "v/m", "kind": "cdu", "coolingUnit": {"form": "ceiling"}, )" + head + "}"
      << "coolingUnit.form"
      << "must be one of in-rack, in-row, floor, door";
  QTest::newRow("unknown item source")
      << QByteArray(R"({"id": "v/m", "kind": "server", "vendor": "V", "model": "M",
                       "source": "nope", "confidence": "vendor"})")
      << "source"
      << "unknown source \"nope\"";
}

void TestCatalogLoader::itemError() {
  QFETCH(QByteArray, item);
  QFETCH(QString, path);
  QFETCH(QString, message);

  CatalogLoadResult result;
  const QByteArray good =
      R"({"id": "v/good", "kind": "switch", "vendor": "V", "model": "Good", "source": "s",
          "confidence": "vendor", "heightU": 1})";
  loadCatalogJson(catalogFile(item + ",\n" + good), QStringLiteral("t.json"), 0, result);
  QVERIFY2(result.problems.size() == 1, qPrintable(describe(result.problems)));
  const CatalogProblem& problem = result.problems.first();
  QCOMPARE(problem.severity, CatalogProblem::Severity::Error);
  QCOMPARE(problem.file, QStringLiteral("t.json"));
  QCOMPARE(problem.path, path);
  QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
  QCOMPARE(result.catalog.size(), 1);  // the broken item is left out, the good one loads
  QVERIFY(result.catalog.find(QStringLiteral("v/good")));
}

// The cooling engine reads a liquid-cooled device's loop as figures "coolant.<name>" and texts
// "coolant.fluid" / "coolant.facilityClass" (group texts are keyed by their JSON path, like
// "electrical.supply"), and a cooling unit's form and minimum water temperature the same way.
void TestCatalogLoader::coolingFiguresAreReadable() {
  const QByteArray items = R"({"id": "v/rack", "kind": "rack-scale-system", "vendor": "V",
      "model": "R", "source": "s", "confidence": "vendor", "fillsRack": true,
      "widthMm": 600, "depthMm": 1200, "cooling": "liquid", "rearDoor": "none",
      "liquidCaptureFraction": 0.95, "airInletMaxC": 40, "ashraeClass": "A3",
      "coolant": {"fluid": "pg25", "facilityClass": "W45", "supplyTempMinC": 17,
                  "supplyTempMaxC": 45, "returnTempMaxC": 65, "flowLpm": 320,
                  "flowLpmPerKw": {"value": 1.41, "confidence": "derived", "note": "320 / 227"},
                  "pressureDropKpa": 131, "volumeL": 33.6}},
    {"id": "v/door", "kind": "rear-door", "vendor": "V", "model": "D", "source": "s",
     "confidence": "vendor", "coolingUnit": {"active": false, "form": "door", "capacityW": 20000,
     "minWaterSupplyTempC": 18}})";
  CatalogLoadResult result;
  loadCatalogJson(catalogFile(items), QStringLiteral("t.json"), 0, result);
  QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
  const CatalogItem* rack = result.catalog.find(QStringLiteral("v/rack"));
  QVERIFY(rack);
  QCOMPARE(rack->figureValue(QStringLiteral("coolant.supplyTempMaxC")), 45.0);
  QCOMPARE(rack->figureValue(QStringLiteral("coolant.returnTempMaxC")), 65.0);
  QCOMPARE(rack->figureValue(QStringLiteral("coolant.flowLpm")), 320.0);
  QCOMPARE(rack->figureValue(QStringLiteral("coolant.volumeL")), 33.6);
  const SpecValue* perKw = rack->figure(QStringLiteral("coolant.flowLpmPerKw"));
  QVERIFY(perKw);
  QCOMPARE(perKw->value, 1.41);
  QCOMPARE(perKw->confidence, Confidence::Derived);
  QCOMPARE(rack->figureValue(QStringLiteral("airInletMaxC")), 40.0);
  QCOMPARE(rack->texts.value(QStringLiteral("coolant.fluid")), QStringLiteral("pg25"));
  QCOMPARE(rack->texts.value(QStringLiteral("coolant.facilityClass")), QStringLiteral("W45"));
  QCOMPARE(rack->texts.value(QStringLiteral("rearDoor")), QStringLiteral("none"));
  QCOMPARE(rack->texts.value(QStringLiteral("ashraeClass")), QStringLiteral("A3"));
  const CatalogItem* door = result.catalog.find(QStringLiteral("v/door"));
  QVERIFY(door);
  QCOMPARE(door->texts.value(QStringLiteral("coolingUnit.form")), QStringLiteral("door"));
  QCOMPARE(door->texts.value(QStringLiteral("coolingUnit.active")), QStringLiteral("false"));
  QCOMPARE(door->figureValue(QStringLiteral("coolingUnit.minWaterSupplyTempC")), 18.0);
}

void TestCatalogLoader::fileError_data() {
  QTest::addColumn<QByteArray>("json");
  QTest::addColumn<QString>("message");

  QTest::newRow("empty file") << QByteArray() << "not valid JSON";
  QTest::newRow("array, not object") << QByteArray("[]") << "not a DC Studio catalog file";
  QTest::newRow("no format") << QByteArray(R"({"formatVersion": 1, "sources": {}, "items": []})")
                             << "not a DC Studio catalog file";
  QTest::newRow("formatVersion 0")
      << QByteArray(
             R"({"format": "dcstudio-catalog", "formatVersion": 0, "sources": {}, "items": []})")
      << "formatVersion 0 is not supported";
  QTest::newRow("formatVersion missing")
      << QByteArray(R"({"format": "dcstudio-catalog", "sources": {}, "items": []})")
      << "\"formatVersion\" is missing";
  QTest::newRow("sources missing")
      << QByteArray(R"({"format": "dcstudio-catalog", "formatVersion": 1, "items": []})")
      << "\"sources\" must be an object";
  QTest::newRow("items not an array")
      << QByteArray(
             R"({"format": "dcstudio-catalog", "formatVersion": 1, "sources": {}, "items": {}})")
      << "\"items\" must be an array";
}

void TestCatalogLoader::fileError() {
  QFETCH(QByteArray, json);
  QFETCH(QString, message);

  CatalogLoadResult result;
  loadCatalogJson(json, QStringLiteral("user/x.json"), 1, result);
  QVERIFY2(result.problems.size() == 1, qPrintable(describe(result.problems)));
  QCOMPARE(result.problems.first().file, QStringLiteral("user/x.json"));
  QVERIFY(result.problems.first().itemId.isEmpty());
  QVERIFY2(result.problems.first().message.contains(message),
           qPrintable(result.problems.first().message));
  QVERIFY(result.catalog.isEmpty());
}

void TestCatalogLoader::userFolderOverridesWithNote() {
  QTemporaryDir user;
  QVERIFY(user.isValid());
  // The user adds an estimated typical draw to the DGX H100 (75 % of max, the docs example).
  writeFile(user.filePath(QStringLiteral("site.json")), R"json({
    "format": "dcstudio-catalog", "formatVersion": 1,
    "sources": {"ug": {"title": "NVIDIA DGX H100/H200 User Guide, Introduction",
                       "url": "https:\/\/docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html"}},
    "items": [{"id": "nvidia/dgx-h100", "vendor": "NVIDIA", "model": "DGX H100 (site)",
               "kind": "server", "source": "ug", "confidence": "vendor", "heightU": 8,
               "maxPowerW": 10200,
               "typicalPowerW": {"value": 7650, "confidence": "estimate",
                                 "note": "75 % of max power (no published typical figure)"}}]})json");

  const CatalogLoadResult result = loadCatalogFolders({kFixture, user.path()});
  QCOMPARE(result.errorCount(), 0);
  QVERIFY2(result.problems.size() == 1, qPrintable(describe(result.problems)));
  const CatalogProblem& note = result.problems.first();
  QCOMPARE(note.severity, CatalogProblem::Severity::Note);
  QCOMPARE(note.itemId, QStringLiteral("nvidia/dgx-h100"));
  QCOMPARE(note.file, QDir(user.path()).dirName() + QStringLiteral("/site.json"));
  QVERIFY2(note.message.contains(QLatin1String("catalog/nvidia/dgx.json")),
           qPrintable(note.message));

  QCOMPARE(result.catalog.size(), kFixtureIds.size());  // replaced, not added
  const CatalogItem* h100 = result.catalog.find(QStringLiteral("nvidia/dgx-h100"));
  QCOMPARE(h100->model, QStringLiteral("DGX H100 (site)"));
  QCOMPARE(h100->typicalPowerW()->value, 7'650.0);
  QCOMPARE(h100->typicalPowerW()->confidence, Confidence::Estimate);
  // Load order is kept: the override sits where the shipped item was.
  QCOMPARE(result.catalog.items().first().id, QStringLiteral("apc/ar3300"));
}

void TestCatalogLoader::userFolderExtends() {
  QTemporaryDir user;
  QVERIFY(user.isValid());
  QVERIFY(QDir(user.path()).mkpath(QStringLiteral("nvidia")));
  writeFile(user.filePath(QStringLiteral("nvidia/sn2201.json")),
            catalogFile(R"({"id": "nvidia/sn2201", "vendor": "NVIDIA", "model": "SN2201",
                            "kind": "switch", "source": "s", "confidence": "secondary",
                            "heightU": 1, "typicalPowerW": 98})"));
  const CatalogLoadResult result = loadCatalogFolders({kFixture, user.path()});
  QVERIFY2(result.problems.isEmpty(), qPrintable(describe(result.problems)));
  QCOMPARE(result.catalog.size(), kFixtureIds.size() + 1);
  QCOMPARE(result.catalog.find(QStringLiteral("nvidia/sn2201"))->file,
           QDir(user.path()).dirName() + QStringLiteral("/nvidia/sn2201.json"));
}

void TestCatalogLoader::duplicateInShippedFolderIsError() {
  CatalogLoadResult result;
  const QByteArray item = R"({"id": "v/m", "vendor": "V", "model": "M", "kind": "switch",
                              "source": "s", "confidence": "vendor"})";
  loadCatalogJson(catalogFile(item), QStringLiteral("a.json"), 0, result);
  loadCatalogJson(catalogFile(item), QStringLiteral("b.json"), 0, result);
  QCOMPARE(result.errorCount(), 1);
  QCOMPARE(result.problems.first().file, QStringLiteral("b.json"));
  QCOMPARE(result.problems.first().path, QStringLiteral("id"));
  QCOMPARE(result.catalog.find(QStringLiteral("v/m"))->file, QStringLiteral("a.json"));
}

void TestCatalogLoader::acceleratorPartCrossCheck() {
  QTemporaryDir user;
  QVERIFY(user.isValid());
  // One server names a part that is not in the catalog, one names a switch.
  writeFile(user.filePath(QStringLiteral("servers.json")),
            catalogFile(R"({"id": "v/pcie-server", "vendor": "V", "model": "PCIe server",
                            "kind": "server", "source": "s", "confidence": "vendor",
                            "heightU": 4, "accelerators": {"part": "nvidia/h100-pcie", "count": 8}},
                           {"id": "v/odd-server", "vendor": "V", "model": "Odd server",
                            "kind": "server", "source": "s", "confidence": "vendor",
                            "heightU": 4, "accelerators": {"part": "nvidia/qm9700", "count": 1}})"));
  const CatalogLoadResult result = loadCatalogFolders({kFixture, user.path()});
  QCOMPARE(result.errorCount(), 0);
  const QList<CatalogProblem> warnings = problemsOf(result, CatalogProblem::Severity::Warning);
  QVERIFY2(warnings.size() == 2, qPrintable(describe(result.problems)));
  QStringList flagged;
  for (const CatalogProblem& w : warnings) {
    QCOMPARE(w.path, QStringLiteral("accelerators.part"));
    QCOMPARE(w.file, QDir(user.path()).dirName() + QStringLiteral("/servers.json"));
    flagged.append(w.itemId);
  }
  flagged.sort();
  QCOMPARE(flagged, (QStringList{"v/odd-server", "v/pcie-server"}));
  // A warning keeps the item: it loads, and the analysis can still count its power.
  QVERIFY(result.catalog.find(QStringLiteral("v/pcie-server")));
}

void TestCatalogLoader::floorItemWithoutFootprintWarns() {
  QTemporaryDir user;
  QVERIFY(user.isValid());
  writeFile(user.filePath(QStringLiteral("racks.json")),
            catalogFile(R"({"id": "v/rack", "vendor": "V", "model": "Rack", "kind": "rack",
                            "source": "s", "confidence": "vendor", "rack": {"usableU": 42}})"));
  const CatalogLoadResult result = loadCatalogFolders({kFixture, user.path()});
  QCOMPARE(result.errorCount(), 0);
  QVERIFY2(result.problems.size() == 1, qPrintable(describe(result.problems)));
  QCOMPARE(result.problems.first().severity, CatalogProblem::Severity::Warning);
  QCOMPARE(result.problems.first().itemId, QStringLiteral("v/rack"));
  QCOMPARE(result.problems.first().path, QStringLiteral("widthMm"));
  QVERIFY(result.catalog.find(QStringLiteral("v/rack")));
}

void TestCatalogLoader::missingFolderIsError() {
  const QString missing = QStringLiteral(DC_TEST_DATA_DIR "/no-such-catalog");
  const CatalogLoadResult result = loadCatalogFolders({kFixture, missing});
  QCOMPARE(result.errorCount(), 1);
  QCOMPARE(result.problems.first().file, missing);
  QVERIFY(result.problems.first().message.contains(QLatin1String("does not exist")));
  QCOMPARE(result.catalog.size(), kFixtureIds.size());
}

void TestCatalogLoader::searchFindsItems_data() {
  QTest::addColumn<QString>("text");
  QTest::addColumn<QStringList>("expectedIds");

  QTest::newRow("H100") << "H100" << QStringList{"nvidia/dgx-h100", "nvidia/h100-sxm"};
  QTest::newRow("lower case h100") << "h100" << QStringList{"nvidia/dgx-h100", "nvidia/h100-sxm"};
  QTest::newRow("dgx h100: every word") << "dgx h100" << QStringList{"nvidia/dgx-h100"};
  QTest::newRow("by family") << "Quantum-2" << QStringList{"nvidia/qm9700"};
  QTest::newRow("by vendor") << "conteg" << QStringList{"conteg/ri7-48-60-120"};
  QTest::newRow("nothing") << "toaster" << QStringList{};
}

void TestCatalogLoader::searchFindsItems() {
  QFETCH(QString, text);
  QFETCH(QStringList, expectedIds);
  const CatalogLoadResult result = loadCatalogFolders({kFixture});
  QStringList ids;
  for (const CatalogItem* item : result.catalog.search(text)) {
    ids.append(item->id);
  }
  ids.sort();
  expectedIds.sort();
  QCOMPARE(ids, expectedIds);
  QCOMPARE(result.catalog.search(QString()).size(), kFixtureIds.size());
}

void TestCatalogLoader::shippedFolderFromEnvironment() {
  const QByteArray saved = qgetenv("DCSTUDIO_CATALOG_DIR");
  qputenv("DCSTUDIO_CATALOG_DIR", kFixture.toUtf8());
  QCOMPARE(shippedCatalogFolder(), kFixture);
  qunsetenv("DCSTUDIO_CATALOG_DIR");
  QVERIFY(shippedCatalogFolder().endsWith(QLatin1String("catalog")));
  if (!saved.isEmpty()) {
    qputenv("DCSTUDIO_CATALOG_DIR", saved);
  }
}

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
