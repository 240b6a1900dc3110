// SPDX-License-Identifier: GPL-3.0-or-later
// The shipped catalog (catalog/): every item passes the schema, the figures agree with each
// other, and a spot check of published figures, each against the document it comes from.
#include "catalog/catalogloader.h"

#include <QHash>
#include <QSet>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace dc;

class TestShippedCatalog final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void loadsWithoutErrorsOrWarnings();
  void everyFigureHasAPublicSource();
  void acceleratorPowerFitsSystemPower();
  void mountableHeightsFitTheRacks();
  void computePortsMatchAccelerators();
  void rackScaleSystemsCanBePlaced();
  void coversTheVendorsAndKindsArchitectsNeed();
  void coversTheRackSizesArchitectsNeed_data();
  void coversTheRackSizesArchitectsNeed();
  void coolingUnitsStateTheirRatingConditions();
  void liquidCooledItemsStateTheirLiquidShare();
  void coolingUnitsStateTheirForm();
  void rackScaleSystemsSayWhetherADoorFits();
  void veraRubinNvl72CoolantLoop();
  void psuCapacityCoversMaxPower();
  void rackPdusStateHowTheyAreFed();
  void upsFramesStateTheirRating();
  void managementSwitchesHaveAMaximum_data();
  void managementSwitchesHaveAMaximum();
  void powerDistributionKindsLoadAndPlace();
  void electricalFieldsAreCheckedByTheLoader();
  void acceleratorsNameTheirGeneration();
  void systemsRepeatTheirAcceleratorsMemory();
  void a100HasNoFp8();
  void publishedFigures_data();
  void publishedFigures();

 private:
  CatalogLoadResult mLoaded;
};

void TestShippedCatalog::initTestCase() {
  mLoaded = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  // 173 items after the workload-fit additions (A100 SXM 80 GB and MI325X to the 171 before);
  // a lower bound, so that adding items never breaks it.
  QVERIFY2(mLoaded.catalog.size() >= 173, qPrintable(QString::number(mLoaded.catalog.size())));
}

void TestShippedCatalog::loadsWithoutErrorsOrWarnings() {
  QStringList problems;
  for (const CatalogProblem& p : mLoaded.problems) {
    problems.append(p.toString());
  }
  QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestShippedCatalog::everyFigureHasAPublicSource() {
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    for (auto it = item.figures.cbegin(); it != item.figures.cend(); ++it) {
      const QUrl url(it->source.url);
      const QString where =
          item.id + QLatin1Char(' ') + it.key() + QLatin1Char(' ') + it->source.url;
      QVERIFY2(url.isValid() && (url.scheme() == QLatin1String("https") ||
                                 url.scheme() == QLatin1String("http")),
               qPrintable(where));
      QVERIFY2(!url.host().isEmpty(), qPrintable(where));
      QVERIFY2(!it->source.title.isEmpty(), qPrintable(where));
    }
  }
}

void TestShippedCatalog::acceleratorPowerFitsSystemPower() {
  // A system's maximum power covers at least its accelerators at their TDP.
  int checked = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    const CatalogItem* part = mLoaded.catalog.find(item.acceleratorPart);
    if (!part || !part->maxPowerW() || !item.maxPowerW() || item.acceleratorCount == 0) {
      continue;
    }
    const double acceleratorsW = item.acceleratorCount * part->maxPowerW()->value;
    QVERIFY2(acceleratorsW <= item.maxPowerW()->value,
             qPrintable(QStringLiteral("%1: %2 × %3 W > %4 W")
                            .arg(item.id)
                            .arg(item.acceleratorCount)
                            .arg(part->maxPowerW()->value)
                            .arg(item.maxPowerW()->value)));
    ++checked;
  }
  QVERIFY2(checked >= 10, qPrintable(QString::number(checked)));
}

void TestShippedCatalog::mountableHeightsFitTheRacks() {
  int tallestEiaU = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind == ItemKind::Rack && item.formFactor != QLatin1String("orv3-21in")) {
      tallestEiaU = std::max(tallestEiaU, item.usableU);
    }
  }
  QVERIFY(tallestEiaU >= 42);
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.isMountable()) {
      QVERIFY2(*item.heightU <= tallestEiaU, qPrintable(item.id));
    }
    if (item.kind == ItemKind::Rack) {
      // EIA-310: 44.45 mm per U, so the usable units fit inside the frame's outside height.
      if (const SpecValue* h = item.figure(QStringLiteral("heightMm"));
          h && item.formFactor != QLatin1String("orv3-21in")) {
        QVERIFY2(item.usableU * 44.45 < h->value, qPrintable(item.id));
      }
    }
  }
}

void TestShippedCatalog::computePortsMatchAccelerators() {
  // Rail-optimised AI systems carry one compute-fabric port per accelerator (DGX H100 user
  // guide: 8 × 400G for 8 GPUs; DGX GB200: 4 per tray of 4 GPUs).
  int checked = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    int computePorts = 0;
    for (const PortGroup& group : item.ports) {
      QVERIFY2(group.count > 0 && group.speedGbps > 0, qPrintable(item.id));
      computePorts += group.purpose == QLatin1String("compute") ? group.count : 0;
    }
    if (computePorts > 0 && item.acceleratorCount > 0) {
      QCOMPARE(computePorts, item.acceleratorCount);
      ++checked;
    }
  }
  QVERIFY(checked >= 5);
}

void TestShippedCatalog::rackScaleSystemsCanBePlaced() {
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind == ItemKind::RackScaleSystem) {
      QVERIFY2(item.fillsRack, qPrintable(item.id));
      QVERIFY2(item.widthMm() && item.depthMm(), qPrintable(item.id));
      QVERIFY2(item.acceleratorCount > 0, qPrintable(item.id));
    }
  }
}

void TestShippedCatalog::coversTheVendorsAndKindsArchitectsNeed() {
  QSet<QString> vendors;
  QSet<ItemKind> kinds;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    vendors.insert(item.vendor);
    kinds.insert(item.kind);
  }
  for (const char* vendor : {"NVIDIA", "AMD", "Dell", "HPE", "Lenovo", "Supermicro", "Arista"}) {
    QVERIFY2(vendors.contains(QLatin1String(vendor)), vendor);
  }
  for (ItemKind kind : {ItemKind::Accelerator, ItemKind::Server, ItemKind::RackScaleSystem,
                        ItemKind::Switch, ItemKind::Cable, ItemKind::Transceiver, ItemKind::Rack,
                        ItemKind::Pdu, ItemKind::PowerShelf, ItemKind::RearDoor, ItemKind::Cdu,
                        ItemKind::InRowCooler, ItemKind::Crah, ItemKind::Storage}) {
    QVERIFY2(kinds.contains(kind), qPrintable(itemKindKey(kind)));
  }
}

// The rack sizes the issue names: 19-inch 42U/48U/52U, 600 and 800 mm wide, about 1,070 and
// 1,200 mm deep (HPE's 1,075 mm class is 1,112 mm outside).
void TestShippedCatalog::coversTheRackSizesArchitectsNeed_data() {
  QTest::addColumn<int>("units");
  QTest::addColumn<double>("widthMm");
  QTest::addColumn<double>("minDepthMm");
  QTest::addColumn<double>("maxDepthMm");
  QTest::newRow("42U 600x1070") << 42 << 600.0 << 1'050.0 << 1'120.0;
  QTest::newRow("42U 600x1200") << 42 << 600.0 << 1'200.0 << 1'200.0;
  QTest::newRow("42U 800x1070") << 42 << 800.0 << 1'050.0 << 1'120.0;
  QTest::newRow("42U 800x1200") << 42 << 800.0 << 1'200.0 << 1'200.0;
  QTest::newRow("48U 600x1070") << 48 << 600.0 << 1'050.0 << 1'120.0;
  QTest::newRow("48U 600x1200") << 48 << 600.0 << 1'200.0 << 1'200.0;
  QTest::newRow("48U 800x1070") << 48 << 800.0 << 1'050.0 << 1'120.0;
  QTest::newRow("48U 800x1200") << 48 << 800.0 << 1'200.0 << 1'200.0;
  QTest::newRow("52U 800x1200") << 52 << 800.0 << 1'200.0 << 1'200.0;
}

void TestShippedCatalog::coversTheRackSizesArchitectsNeed() {
  QFETCH(int, units);
  QFETCH(double, widthMm);
  QFETCH(double, minDepthMm);
  QFETCH(double, maxDepthMm);
  QStringList found;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind == ItemKind::Rack && item.formFactor == QLatin1String("eia-19in") &&
        item.usableU == units && item.widthMm() && item.widthMm()->value == widthMm &&
        item.depthMm() && item.depthMm()->value >= minDepthMm &&
        item.depthMm()->value <= maxDepthMm) {
      found.append(item.id);
    }
  }
  QVERIFY2(!found.isEmpty(), "no rack of this size in the catalog");
}

// A cooling capacity means nothing without the water and air it was rated at: every in-row cooler
// and CRAH unit gives a footprint and at least one rating with capacity, supply-water and
// return-air temperatures; its fans draw a fraction of what it removes (under a quarter: the
// highest in the catalog is the STULZ CRS 320 CW at full fan speed, 4.5 kW for 29.1 kW net).
void TestShippedCatalog::coolingUnitsStateTheirRatingConditions() {
  int units = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind != ItemKind::InRowCooler && item.kind != ItemKind::Crah) {
      continue;
    }
    ++units;
    QVERIFY2(item.widthMm() && item.depthMm(), qPrintable(item.id));
    const SpecValue* capacity = item.figure(QStringLiteral("coolingUnit.capacityW"));
    QVERIFY2(capacity && capacity->value > 0, qPrintable(item.id));
    QVERIFY2(item.figure(QStringLiteral("coolingUnit.waterSupplyTempC")), qPrintable(item.id));
    const SpecValue* rated = item.figure(QStringLiteral("coolingUnit.ratings[0].capacityW"));
    QVERIFY2(rated, qPrintable(item.id));
    QVERIFY2(item.figure(QStringLiteral("coolingUnit.ratings[0].waterSupplyTempC")),
             qPrintable(item.id));
    QVERIFY2(item.figure(QStringLiteral("coolingUnit.ratings[0].airInletTempC")),
             qPrintable(item.id));
    // Fan power is left out where no source gives it (the CRS 210 CW); where given, it is W.
    const SpecValue* fans = item.maxPowerW() ? item.maxPowerW() : item.typicalPowerW();
    QVERIFY2(!fans || fans->value < 0.25 * capacity->value, qPrintable(item.id));
  }
  QVERIFY(units >= 2);
}

// The cooling engine splits every liquid or hybrid device's heat into liquid and air with its
// liquidCaptureFraction (formulas.md 1.5: Q_liq = f * P), so each one carries a fraction in (0, 1]:
// sourced where published (GB300 tray 6.2 of 6.6 kW, press summary of a Morgan Stanley model),
// otherwise an estimate on the formulas.md defaults (0.75 HGX cold plates, 0.85 NVL72-class,
// 0.95 full-liquid) with its basis in the note.
void TestShippedCatalog::liquidCooledItemsStateTheirLiquidShare() {
  int checked = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.cooling != QLatin1String("liquid") && item.cooling != QLatin1String("hybrid")) {
      continue;
    }
    ++checked;
    const SpecValue* f = item.figure(QStringLiteral("liquidCaptureFraction"));
    QVERIFY2(f, qPrintable(item.id));
    QVERIFY2(f->value > 0 && f->value <= 1, qPrintable(item.id));
    if (f->confidence == Confidence::Estimate || f->confidence == Confidence::Derived) {
      QVERIFY2(!f->note.isEmpty(), qPrintable(item.id));
    }
  }
  QVERIFY(checked >= 11);
}

// Every cooling unit says where it stands (in-rack, in-row, floor, door) and what it removes; every
// CDU its capacity (Vertiv CoolChip and XDU data sheets, CoolIT CHx/AHx sheet, LiquidStack and
// Supermicro as transcribed); a rear door whether it has fans of its own.
void TestShippedCatalog::coolingUnitsStateTheirForm() {
  const QStringList forms{QStringLiteral("in-rack"), QStringLiteral("in-row"),
                          QStringLiteral("floor"), QStringLiteral("door")};
  QHash<ItemKind, int> counts;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind != ItemKind::Cdu && item.kind != ItemKind::RearDoor &&
        item.kind != ItemKind::InRowCooler && item.kind != ItemKind::Crah) {
      continue;
    }
    ++counts[item.kind];
    const QString form = item.texts.value(QStringLiteral("coolingUnit.form"));
    QVERIFY2(forms.contains(form), qPrintable(item.id));
    const SpecValue* capacity = item.figure(QStringLiteral("coolingUnit.capacityW"));
    QVERIFY2(capacity && capacity->value > 0, qPrintable(item.id));
    switch (item.kind) {
      case ItemKind::RearDoor:
        QCOMPARE(form, QStringLiteral("door"));
        QVERIFY2(item.texts.contains(QStringLiteral("coolingUnit.active")), qPrintable(item.id));
        break;
      case ItemKind::Cdu:
        // An in-rack CDU takes rack units (CoolIT CHx200/CHx80: 4U); a floor or in-row one none.
        QVERIFY2((form == QLatin1String("in-rack")) == item.isMountable(), qPrintable(item.id));
        break;
      case ItemKind::InRowCooler:
        QCOMPARE(form, QStringLiteral("in-row"));
        break;
      default:
        break;
    }
  }
  QVERIFY(counts.value(ItemKind::Cdu) >= 9);
  QVERIFY(counts.value(ItemKind::RearDoor) >= 5);
  // CoolIT CHx200, 200 kW in 4U, rack-mount liquid-to-liquid (CoolIT sheet as transcribed).
  const CatalogItem* chx200 = mLoaded.catalog.find(QStringLiteral("coolit/chx200"));
  QVERIFY(chx200 && chx200->heightU == 4);
  QCOMPARE(chx200->figureValue(QStringLiteral("coolingUnit.capacityW")), 200'000.0);
  // IBM rear door: minimum supply water 18 C in an ASHRAE class 1 room (IBM Knowledge Center).
  const CatalogItem* ibm = mLoaded.catalog.find(QStringLiteral("ibm/rdhx-19in-passive"));
  QVERIFY(ibm);
  QCOMPARE(ibm->figureValue(QStringLiteral("coolingUnit.minWaterSupplyTempC")), 18.0);
  QCOMPARE(ibm->texts.value(QStringLiteral("coolingUnit.active")), QStringLiteral("false"));
}

// A rack-scale system says whether a rear-door heat exchanger can be fitted (the engine assumes
// "supported" only for plain racks): the MGX NVL72 racks have no rear-door provision.
void TestShippedCatalog::rackScaleSystemsSayWhetherADoorFits() {
  int systems = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind != ItemKind::RackScaleSystem) {
      continue;
    }
    ++systems;
    const QString door = item.texts.value(QStringLiteral("rearDoor"));
    QVERIFY2(door == QLatin1String("none") || door == QLatin1String("supported"),
             qPrintable(item.id));
  }
  QVERIFY(systems >= 6);
}

// NVIDIA's VR NVL72 rack-level thermal model v07, as transcribed in
// daniel-kearney/firmus-ai-factory vera_rubin_thermal.py: 227 kW Max-P / 187 kW Max-Q, PG25 at
// 17-45 C supply, return <= 65 C, 320 L/min at 45 C, 33.6 L of coolant; power shelves A3.
void TestShippedCatalog::veraRubinNvl72CoolantLoop() {
  const CatalogItem* vr = mLoaded.catalog.find(QStringLiteral("nvidia/vera-rubin-nvl72"));
  QVERIFY(vr);
  QCOMPARE(vr->kind, ItemKind::RackScaleSystem);
  QCOMPARE(vr->acceleratorCount, 72);
  QCOMPARE(vr->acceleratorPart, QStringLiteral("nvidia/rubin"));
  QCOMPARE(vr->figureValue(QStringLiteral("maxPowerW")), 227'000.0);
  QCOMPARE(vr->figureValue(QStringLiteral("typicalPowerW")), 187'000.0);
  QCOMPARE(vr->figureValue(QStringLiteral("coolant.supplyTempMinC")), 17.0);
  QCOMPARE(vr->figureValue(QStringLiteral("coolant.supplyTempMaxC")), 45.0);
  QCOMPARE(vr->figureValue(QStringLiteral("coolant.returnTempMaxC")), 65.0);
  QCOMPARE(vr->figureValue(QStringLiteral("coolant.flowLpm")), 320.0);
  QCOMPARE(vr->figureValue(QStringLiteral("coolant.volumeL")), 33.6);
  QCOMPARE(vr->texts.value(QStringLiteral("coolant.fluid")), QStringLiteral("pg25"));
  QCOMPARE(vr->texts.value(QStringLiteral("coolant.facilityClass")), QStringLiteral("W45"));
  QCOMPARE(vr->texts.value(QStringLiteral("rearDoor")), QStringLiteral("none"));
  QCOMPARE(vr->texts.value(QStringLiteral("ashraeClass")), QStringLiteral("A3"));
  QCOMPARE(vr->figureValue(QStringLiteral("airInletMaxC")), 40.0);
  // The loop's own flow agrees with its per-kW figure within the table's rounding: 320 L/min
  // at 227 kW is 1.41 L/min/kW against the table's 1.5.
  const double perKw = vr->figureValue(QStringLiteral("coolant.flowLpmPerKw"));
  QVERIFY(std::abs(perKw * 227.0 - 320.0) / 320.0 < 0.1);
}

// Installed PSU capacity covers the maximum power. NVIDIA BCM power-shelf page: GB200 NVL72 has
// 8 shelves x 6 PSUs of up to 5.5 kW (264 kW); its maximum is 1.2 MW per 8-rack SU / 8 = 150 kW
// (DGX SuperPOD GB200 RA), so the 132 kW GB300 shelf figure no longer stands in for it.
void TestShippedCatalog::psuCapacityCoversMaxPower() {
  const CatalogItem* gb200 = mLoaded.catalog.find(QStringLiteral("nvidia/dgx-gb200-nvl72"));
  QVERIFY(gb200 && gb200->maxPowerW());
  const double installedW = gb200->figureValue(QStringLiteral("psu.count")) *
                            gb200->figureValue(QStringLiteral("psu.ratingW"));
  QCOMPARE(installedW, 264'000.0);
  QCOMPARE(gb200->maxPowerW()->value, 150'000.0);
  QVERIFY(installedW >= gb200->maxPowerW()->value);
  QVERIFY(gb200->maxPowerW()->source.title.contains(QLatin1String("GB200")));
  int checked = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    const SpecValue* count = item.figure(QStringLiteral("psu.count"));
    const SpecValue* rating = item.figure(QStringLiteral("psu.ratingW"));
    if (!count || !rating || !item.maxPowerW()) {
      continue;
    }
    ++checked;
    QVERIFY2(count->value * rating->value >= item.maxPowerW()->value, qPrintable(item.id));
  }
  QVERIFY(checked >= 5);
}

// The engine sizes every rack feed from its PDUs: each needs the line-to-line voltage, the
// plug/breaker current, the phase count and how its outlets are wired (docs/catalog.md).
void TestShippedCatalog::rackPdusStateHowTheyAreFed() {
  const QStringList supplies{QStringLiteral("ac-1ph"), QStringLiteral("ac-3ph-wye"),
                             QStringLiteral("ac-3ph-delta"), QStringLiteral("dc")};
  int pdus = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind != ItemKind::Pdu) {
      continue;
    }
    ++pdus;
    const QString supply = item.texts.value(QStringLiteral("electrical.supply"));
    QVERIFY2(supplies.contains(supply), qPrintable(item.id));
    QVERIFY2(item.figureValue(QStringLiteral("electrical.inputVoltageV")) > 0, qPrintable(item.id));
    QVERIFY2(item.figureValue(QStringLiteral("electrical.inputCurrentA")) > 0, qPrintable(item.id));
    const double phases = item.figureValue(QStringLiteral("electrical.phases"));
    QVERIFY2(phases == 1 || phases == 3, qPrintable(item.id));
    // A 3-phase supply needs three phases, a single-phase one one.
    QVERIFY2((phases == 3) == supply.startsWith(QLatin1String("ac-3ph")), qPrintable(item.id));
  }
  QVERIFY(pdus >= 9);
}

// A UPS is sized by its frame; a modular frame's modules must add up to at least the frame.
void TestShippedCatalog::upsFramesStateTheirRating() {
  int frames = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind != ItemKind::Ups) {
      continue;
    }
    ++frames;
    const SpecValue* frame = item.figure(QStringLiteral("electrical.frameRatingW"));
    QVERIFY2(frame && frame->value >= 100'000, qPrintable(item.id));
    const SpecValue* module = item.figure(QStringLiteral("electrical.moduleRatingW"));
    const SpecValue* modules = item.figure(QStringLiteral("electrical.maxModuleCount"));
    if (module && modules) {
      QVERIFY2(module->value * modules->value >= frame->value, qPrintable(item.id));
    }
    if (const SpecValue* installed = item.figure(QStringLiteral("electrical.moduleCount"));
        installed && modules) {
      QVERIFY2(installed->value <= modules->value, qPrintable(item.id));
    }
  }
  QVERIFY(frames >= 4);
}

// The management switches of the DGX SuperPOD templates publish only typical power; their
// maximum is an estimate with its basis, never below the typical figure.
void TestShippedCatalog::managementSwitchesHaveAMaximum_data() {
  QTest::addColumn<QString>("id");
  QTest::newRow("SN5600") << QStringLiteral("nvidia/sn5600");
  QTest::newRow("SN4600C") << QStringLiteral("nvidia/sn4600c");
  QTest::newRow("SN2201") << QStringLiteral("nvidia/sn2201");
}

void TestShippedCatalog::managementSwitchesHaveAMaximum() {
  QFETCH(QString, id);
  const CatalogItem* item = mLoaded.catalog.find(id);
  QVERIFY2(item, qPrintable(id));
  QVERIFY(item->maxPowerW() && item->typicalPowerW());
  QVERIFY(item->maxPowerW()->value >= item->typicalPowerW()->value);
  QVERIFY(!item->maxPowerW()->note.isEmpty());
}

// UPS frames stand in electrical rooms, busways run overhead, and a power rack (sidecar) takes
// a rack position on the floor plan without being a cooling unit or carrying IT load.
void TestShippedCatalog::powerDistributionKindsLoadAndPlace() {
  QHash<ItemKind, int> counts;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    ++counts[item.kind];
    switch (item.kind) {
      case ItemKind::Ups:
      case ItemKind::Busway:
        QVERIFY2(!item.isFloorStanding() && !item.isMountable(), qPrintable(item.id));
        break;
      case ItemKind::BuswayTapoff:
        QVERIFY2(item.figureValue(QStringLiteral("electrical.ratedCurrentA")) > 0,
                 qPrintable(item.id));
        break;
      case ItemKind::PowerRack:
        QVERIFY2(item.isFloorStanding(), qPrintable(item.id));
        QVERIFY2(!item.isFloorCoolingUnit() && !item.isMountable(), qPrintable(item.id));
        QVERIFY2(item.widthMm() && item.depthMm(), qPrintable(item.id));
        QCOMPARE(item.figureValue(QStringLiteral("electrical.outputVoltageV")), 800.0);
        QCOMPARE(item.texts.value(QStringLiteral("electrical.supply")), QStringLiteral("dc"));
        QVERIFY2(item.figureValue(QStringLiteral("electrical.outputCapacityW")) > 0,
                 qPrintable(item.id));
        break;
      default:
        break;
    }
    if (item.kind == ItemKind::Busway) {
      QVERIFY2(item.figureValue(QStringLiteral("electrical.ratedCurrentA")) > 0,
               qPrintable(item.id));
      QVERIFY2(item.figureValue(QStringLiteral("electrical.inputVoltageV")) > 0,
               qPrintable(item.id));
    }
  }
  for (ItemKind kind :
       {ItemKind::Ups, ItemKind::Busway, ItemKind::BuswayTapoff, ItemKind::PowerRack}) {
    QVERIFY2(counts.value(kind) > 0, qPrintable(itemKindKey(kind)));
  }
  // The whole shipped catalog, new files included, loads without a problem.
  QVERIFY(mLoaded.problems.isEmpty());
}

// The new electrical fields go through the schema like the old ones: a supply outside the four
// connections and an efficiency above 1 are refused with their path.
void TestShippedCatalog::electricalFieldsAreCheckedByTheLoader() {
  const QByteArray json = R"({"format": "dcstudio-catalog", "formatVersion": 1,
    "sources": {"s": {"title": "t", "url": "https://example.org/"}},
    "items": [
      {"id": "x/ups", "vendor": "X", "model": "U", "kind": "ups", "source": "s",
       "confidence": "vendor", "electrical": {"frameRatingW": 500000, "moduleRatingW": 250000,
       "moduleCount": 2, "maxModuleCount": 3, "efficiency": 0.97, "frequencyHz": 50,
       "outputVoltageV": 400, "phases": 3, "supply": "ac-3ph-wye"}},
      {"id": "x/bus", "vendor": "X", "model": "B", "kind": "busway", "source": "s",
       "confidence": "vendor", "electrical": {"ratedCurrentA": 800, "inputVoltageV": 415}},
      {"id": "x/dc", "vendor": "X", "model": "P", "kind": "power-rack", "source": "s",
       "confidence": "vendor", "widthMm": 600, "depthMm": 1200,
       "electrical": {"outputVoltageV": 800, "outputCapacityW": 600000, "supply": "dc"}},
      {"id": "x/bad-supply", "vendor": "X", "model": "S", "kind": "pdu", "source": "s",
       "confidence": "vendor", "electrical": {"supply": "ac-2ph"}},
      {"id": "x/bad-efficiency", "vendor": "X", "model": "E", "kind": "ups", "source": "s",
       "confidence": "vendor", "electrical": {"efficiency": 1.2}}]})";
  CatalogLoadResult result;
  loadCatalogJson(json, QStringLiteral("inline.json"), 0, result);
  QStringList problems;
  for (const CatalogProblem& p : result.problems) {
    problems.append(p.toString());
  }
  QCOMPARE(result.problems.size(), 2);
  QVERIFY2(problems.join(u'\n').contains(QLatin1String("electrical.supply")),
           qPrintable(problems.join(u'\n')));
  QVERIFY2(problems.join(u'\n').contains(QLatin1String("electrical.efficiency")),
           qPrintable(problems.join(u'\n')));
  const CatalogItem* ups = result.catalog.find(QStringLiteral("x/ups"));
  QVERIFY(ups);
  QCOMPARE(ups->kind, ItemKind::Ups);
  QCOMPARE(ups->figureValue(QStringLiteral("electrical.efficiency")), 0.97);
  QCOMPARE(ups->figureValue(QStringLiteral("electrical.maxModuleCount")), 3.0);
  QCOMPARE(ups->texts.value(QStringLiteral("electrical.supply")), QStringLiteral("ac-3ph-wye"));
  const CatalogItem* bus = result.catalog.find(QStringLiteral("x/bus"));
  QVERIFY(bus && bus->kind == ItemKind::Busway);
  const CatalogItem* rack = result.catalog.find(QStringLiteral("x/dc"));
  QVERIFY(rack && rack->kind == ItemKind::PowerRack && rack->isFloorStanding());
  QCOMPARE(itemKindKey(ItemKind::PowerRack), QStringLiteral("power-rack"));
  QCOMPARE(itemKindName(ItemKind::Ups), QStringLiteral("UPS"));
}

// The workload-fit pass picks its MFU default from the accelerator's generation (its "family"),
// and needs a BF16 peak, memory and bandwidth for every GPU a design can place.
void TestShippedCatalog::acceleratorsNameTheirGeneration() {
  const QSet<QString> generations{QStringLiteral("Ampere"),    QStringLiteral("Hopper"),
                                  QStringLiteral("Blackwell"), QStringLiteral("Blackwell Ultra"),
                                  QStringLiteral("Rubin"),     QStringLiteral("CDNA3"),
                                  QStringLiteral("CDNA4")};
  int accelerators = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    if (item.kind != ItemKind::Accelerator) {
      continue;
    }
    ++accelerators;
    QVERIFY2(generations.contains(item.family),
             qPrintable(item.id + QLatin1Char(' ') + item.family));
    QVERIFY2(item.figureValue(QStringLiteral("compute.memoryGb")) > 0, qPrintable(item.id));
    QVERIFY2(item.figureValue(QStringLiteral("compute.memoryBandwidthTBps")) > 0,
             qPrintable(item.id));
    // Rubin's dense peaks are not published in what was read (see its description).
    if (item.family != QLatin1String("Rubin")) {
      QVERIFY2(item.figureValue(QStringLiteral("compute.bf16DenseTflops")) > 0,
               qPrintable(item.id));
    }
    // Dense FP4 is at least dense FP8 where both are given (NVIDIA: FP4 is twice FP8 on B200).
    const double fp4 = item.figureValue(QStringLiteral("compute.fp4DenseTflops"));
    const double fp8 = item.figureValue(QStringLiteral("compute.fp8DenseTflops"));
    if (fp4 > 0 && fp8 > 0) {
      QVERIFY2(fp4 >= fp8, qPrintable(item.id));
    }
  }
  QVERIFY(accelerators >= 10);
}

// A server or rack-scale system that repeats its accelerators' memory says the same as the
// accelerator (the planning capacity: B300 270 GB, GB300 279 GB), so the fit pass gets one figure
// whichever id a pool names.
void TestShippedCatalog::systemsRepeatTheirAcceleratorsMemory() {
  int checked = 0;
  for (const CatalogItem& item : mLoaded.catalog.items()) {
    const SpecValue* repeated = item.figure(QStringLiteral("accelerators.memoryGb"));
    const CatalogItem* part = mLoaded.catalog.find(item.acceleratorPart);
    if (!repeated || !part) {
      continue;
    }
    const SpecValue* own = part->figure(QStringLiteral("compute.memoryGb"));
    QVERIFY2(own, qPrintable(part->id));
    QVERIFY2(repeated->value == own->value,
             qPrintable(QStringLiteral("%1 says %2 GB, %3 says %4 GB")
                            .arg(item.id)
                            .arg(repeated->value)
                            .arg(part->id)
                            .arg(own->value)));
    ++checked;
  }
  QVERIFY(checked >= 20);
}

// NVIDIA A100 datasheet: the Tensor Core formats are TF32, BF16, FP16, INT8 and INT4; no FP8.
void TestShippedCatalog::a100HasNoFp8() {
  const CatalogItem* a100 = mLoaded.catalog.find(QStringLiteral("nvidia/a100-sxm"));
  QVERIFY(a100);
  QCOMPARE(a100->family, QStringLiteral("Ampere"));
  QVERIFY(!a100->figure(QStringLiteral("compute.fp8DenseTflops")));
  QVERIFY(!a100->figure(QStringLiteral("compute.fp4DenseTflops")));
}

// Each row: item, JSON path, published value, the document that publishes it, and whether it was
// read in the vendor's own document (vendor, or derived from it) or in a third-party
// transcription of one (secondary), which must also keep its https:// address.
void TestShippedCatalog::publishedFigures_data() {
  QTest::addColumn<QString>("id");
  QTest::addColumn<QString>("path");
  QTest::addColumn<double>("expected");
  QTest::addColumn<QString>("source");
  QTest::addColumn<bool>("transcribed");
  auto add = [](const char* name, const char* id, const char* path, double value,
                const char* source, bool transcribed) {
    QTest::newRow(name) << QString::fromLatin1(id) << QString::fromLatin1(path) << value
                        << QString::fromLatin1(source) << transcribed;
  };
  auto row = [&](const char* name, const char* id, const char* path, double value,
                 const char* source) {
    add(name, id, path, value, source, false);
  };
  auto transcribed = [&](const char* name, const char* id, const char* path, double value,
                         const char* source) {
    add(name, id, path, value, source, true);
  };
  // NVIDIA DGX H100/H200 User Guide, Introduction (docs.nvidia.com/dgx/dgxh100-user-guide).
  row("DGX H100 max power", "nvidia/dgx-h100", "maxPowerW", 10'200, "DGX H100/H200 User Guide");
  row("DGX H100 weight", "nvidia/dgx-h100", "weightKg", 130.45, "DGX H100/H200 User Guide");
  row("DGX H100 airflow", "nvidia/dgx-h100", "airflowCfm", 1'105, "DGX H100/H200 User Guide");
  row("DGX H100 PSU rating", "nvidia/dgx-h100", "psu.ratingW", 3'300, "DGX H100/H200 User Guide");
  // NVIDIA DGX B200 User Guide, Introduction (docs.nvidia.com/dgx/dgxb200-user-guide).
  row("DGX B200 max power", "nvidia/dgx-b200", "maxPowerW", 14'300, "DGX B200 User Guide");
  row("DGX B200 height", "nvidia/dgx-b200", "heightU", 10, "DGX B200 User Guide");
  // NVIDIA H100 / HGX B200 / GB200 NVL72 specification tables (nvidia.com).
  row("H100 SXM TDP", "nvidia/h100-sxm", "maxPowerW", 700, "H100 Tensor Core GPU");
  row("H100 SXM bandwidth", "nvidia/h100-sxm", "compute.memoryBandwidthTBps", 3.35,
      "H100 Tensor Core GPU");
  row("B200 memory", "nvidia/b200", "compute.memoryGb", 180, "HGX B200");
  row("GB200 TDP", "nvidia/gb200", "maxPowerW", 1'200, "GB200 NVL72");
  // AMD ROCm documentation, MI300 microarchitecture: 1,307.4 TFLOP/s BF16, 5.3 TB/s.
  row("MI300X BF16", "amd/mi300x", "compute.bf16DenseTflops", 1'307.4, "MI300");
  row("MI300X bandwidth", "amd/mi300x", "compute.memoryBandwidthTBps", 5.3, "MI300");
  // Workload-fit figures (facts-fabric-workload.md §5). HGX page, FP4 "144 | 72 PFLOPS" (sparse |
  // dense) / 8 GPUs = 9 PF dense on B200 (derived; page read in transcriptions).
  row("B200 FP4 dense", "nvidia/b200", "compute.fp4DenseTflops", 9'000, "HGX B200");
  // Tom's Hardware, Hot Chips 2025: Blackwell 10 PF dense FP4 per package (= 15 / 1.5).
  transcribed("GB200 FP4 dense", "nvidia/gb200", "compute.fp4DenseTflops", 10'000,
              "Blackwell Ultra's secrets");
  // HGX B300 "144 | 108 PFLOPS" / 8 = 13.5 PF (derived; 13.125 and 14 PF in the note).
  row("B300 FP4 dense", "nvidia/b300", "compute.fp4DenseTflops", 13'500, "HGX B300");
  // NVIDIA Technical Blog "Inside NVIDIA Blackwell Ultra": 15 PF dense NVFP4, 8 TB/s (vendor).
  row("GB300 FP4 dense", "nvidia/gb300", "compute.fp4DenseTflops", 15'000,
      "Inside NVIDIA Blackwell Ultra");
  row("GB300 bandwidth", "nvidia/gb300", "compute.memoryBandwidthTBps", 8,
      "Inside NVIDIA Blackwell Ultra");
  // Verda "GB300 NVL72 architecture": GB300 dense BF16 2.5 PF, FP8 5 PF, 279 GB; B300 270 GB
  // (NVIDIA's planning capacities; the 288 GB peak spec is in the notes).
  transcribed("GB300 BF16 dense", "nvidia/gb300", "compute.bf16DenseTflops", 2'500,
              "GB300 NVL72 architecture");
  transcribed("GB300 FP8 dense", "nvidia/gb300", "compute.fp8DenseTflops", 5'000,
              "GB300 NVL72 architecture");
  transcribed("GB300 memory", "nvidia/gb300", "compute.memoryGb", 279, "GB300 NVL72 architecture");
  transcribed("B300 memory", "nvidia/b300", "compute.memoryGb", 270, "GB300 NVL72 architecture");
  transcribed("DGX B300 GPU memory", "nvidia/dgx-b300", "accelerators.memoryGb", 270,
              "GB300 NVL72 architecture");
  transcribed("HGX B300 ORv3 GPU memory", "supermicro/hgx-b300-2ou-orv3-dlc",
              "accelerators.memoryGb", 270, "GB300 NVL72 architecture");
  transcribed("GB300 NVL72 GPU memory", "nvidia/gb300-nvl72", "accelerators.memoryGb", 279,
              "GB300 NVL72 architecture");
  transcribed("XE9712 GPU memory", "dell/poweredge-xe9712", "accelerators.memoryGb", 279,
              "GB300 NVL72 architecture");
  // NVIDIA A100 datasheet (A100 80GB SXM column, read in transcriptions): BF16 "312 | 624*"
  // TFLOPS, 80 GB HBM2e, 2,039 GB/s, NVLink 600 GB/s, 400 W. Reference cases 25, 26, 31.
  transcribed("A100 BF16 dense", "nvidia/a100-sxm", "compute.bf16DenseTflops", 312, "A100");
  transcribed("A100 memory", "nvidia/a100-sxm", "compute.memoryGb", 80, "A100");
  transcribed("A100 bandwidth", "nvidia/a100-sxm", "compute.memoryBandwidthTBps", 2.039, "A100");
  transcribed("A100 NVLink", "nvidia/a100-sxm", "compute.scaleUpBandwidthGBps", 600, "A100");
  transcribed("A100 TDP", "nvidia/a100-sxm", "maxPowerW", 400, "A100");
  // ROCm "AMD GPU specifications": MI325X 256 GiB (vendor); Vultr citing AMD: 6.0 TB/s.
  row("MI325X memory", "amd/mi325x", "compute.memoryGb", 256, "AMD GPU specifications");
  transcribed("MI325X bandwidth", "amd/mi325x", "compute.memoryBandwidthTBps", 6.0, "Vultr");
  // NVIDIA LinkX 100G-PAM4 product line overview: DAC up to 3 m, 800G multimode 17 W, 50 m.
  row("800G DAC reach", "nvidia/mcp4y10", "link.reachM", 3, "LinkX 100G-PAM4");
  row("800G SR8 power", "nvidia/mma4z00-ns", "link.powerW", 17, "LinkX 100G-PAM4");
  row("800G SR8 reach", "nvidia/mma4z00-ns", "link.reachM", 50, "LinkX 100G-PAM4");
  // NVIDIA GB300 NVL72 enterprise reference architecture: 142 kW per rack.
  row("GB300 NVL72 rack power", "nvidia/gb300-nvl72", "maxPowerW", 142'000, "GB300 NVL72");
  // NVIDIA DGX SuperPOD GB200 RA: 1.2 MW TDP per SU of 8 racks, 150 kW per rack (derived).
  row("GB200 NVL72 rack power", "nvidia/dgx-gb200-nvl72", "maxPowerW", 150'000, "GB200");
  // daniel-kearney/firmus-ai-factory vera_rubin_thermal.py, transcribing NVIDIA's VR NVL72
  // rack-level thermal model v07: 227 kW Max-P TDP, PG25 supply up to 45 C.
  transcribed("Vera Rubin NVL72 rack power", "nvidia/vera-rubin-nvl72", "maxPowerW", 227'000,
              "Vera Rubin NVL72");
  transcribed("Vera Rubin NVL72 supply max", "nvidia/vera-rubin-nvl72", "coolant.supplyTempMaxC",
              45, "Vera Rubin NVL72");
  // NVIDIA DGX Rubin NVL8 RA: 2,304 GB over 8 Rubin GPUs = 288 GB each (derived).
  row("Rubin memory", "nvidia/rubin", "compute.memoryGb", 288, "DGX Rubin NVL8");
  // DGX H100/H200 User Guide: operating temperature 5-30 C.
  row("DGX H100 inlet max", "nvidia/dgx-h100", "airInletMaxC", 30, "DGX H100/H200 User Guide");
  // DDN's MLPerf Storage v1.0 system description of one AI400X2T: max_power_consumption 2,400 W.
  row("AI400X2T max power", "ddn/ai400x2t", "maxPowerW", 2'400, "MLPerf Storage v1.0");
  // NetBox rack-types/Minkels/Nexpand-52U-800x1200.yaml: 52U, 800 x 1200 x 2422 mm, 170 kg.
  transcribed("52U rack units", "minkels/nexpand-52u-800x1200", "rack.usableU", 52,
              "Minkels Nexpand");
  transcribed("52U rack depth", "minkels/nexpand-52u-800x1200", "depthMm", 1'200,
              "Minkels Nexpand");
  transcribed("52U rack height", "minkels/nexpand-52u-800x1200", "heightMm", 2'422,
              "Minkels Nexpand");
  // engperini/AICFD equipment/CA80NEVGT.yaml (Vertiv selection tool v2.7.87): 573.7 kW net
  // sensible at 20/30 C water and 38 C return air, 29.4 kW fan input.
  transcribed("Liebert CWA capacity", "vertiv/liebert-cwa-ca80nevgt", "coolingUnit.capacityW",
              573'700, "CA80NEVGT");
  transcribed("Liebert CWA water", "vertiv/liebert-cwa-ca80nevgt", "coolingUnit.waterSupplyTempC",
              20, "CA80NEVGT");
  transcribed("Liebert CWA fans", "vertiv/liebert-cwa-ca80nevgt", "typicalPowerW", 29'400,
              "CA80NEVGT");
  // yurimeng/FOG_ENGINEER PRD-STULZ-CRS560CW.md (StulzSelect): 60.7 kW net at 10/15 C, 37 C air.
  transcribed("CyberRow capacity", "stulz/cyberrow-crs560cw", "coolingUnit.capacityW", 60'700,
              "STULZ");
  // AMD Hot Chips 2024 MI300X slide 4, transcribed: 896 GB/s Infinity Fabric per GPU.
  transcribed("MI300X scale-up", "amd/mi300x", "compute.scaleUpBandwidthGBps", 896,
              "Hot Chips 2024");
  // NetBox device-types/Nvidia/Q3400-RA.yaml: 4U, 60 kg.
  transcribed("Q3400 height", "nvidia/q3400-ra", "heightU", 4, "Q3400-RA");
  transcribed("Q3400 weight", "nvidia/q3400-ra", "weightKg", 60, "Q3400-RA");
  // Eaton 9395P-1200 manual (mirror copy): 1,200 kVA / 1,200 kW frame.
  transcribed("9395P-1200 frame", "eaton/9395p-1200", "electrical.frameRatingW", 1'200'000,
              "9395P-1200");
  // Starline product selection guide (copy): T5 series 250, 400 and 800 A.
  transcribed("Starline T5 800 A", "starline/t5-800a", "electrical.ratedCurrentA", 800, "STARLINE");
  // NVIDIA BCM power shelf page: 6 PSUs of up to 5.5 kW, shelf rated up to 33 kW.
  row("GB200 power shelf", "nvidia/gb200-nvl72-power-shelf", "electrical.outputCapacityW", 33'000,
      "Base Command Manager");
}

void TestShippedCatalog::publishedFigures() {
  QFETCH(QString, id);
  QFETCH(QString, path);
  QFETCH(double, expected);
  QFETCH(QString, source);
  QFETCH(bool, transcribed);
  const CatalogItem* item = mLoaded.catalog.find(id);
  QVERIFY2(item, qPrintable(id));
  const SpecValue* figure = item->figure(path);
  QVERIFY2(figure, qPrintable(path));
  QCOMPARE(figure->value, expected);
  QVERIFY2(figure->source.title.contains(source), qPrintable(figure->source.title));
  if (transcribed) {
    QCOMPARE(figure->confidence, Confidence::Secondary);
    QVERIFY2(figure->source.url.startsWith(QLatin1String("https://")),
             qPrintable(figure->source.url));
  } else {
    QVERIFY(figure->confidence == Confidence::Vendor || figure->confidence == Confidence::Derived);
  }
}

QTEST_GUILESS_MAIN(TestShippedCatalog)
#include "tst_shippedcatalog.moc"
