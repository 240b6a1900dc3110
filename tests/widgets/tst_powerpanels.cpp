// SPDX-License-Identifier: GPL-3.0-or-later
// The power panels: the rack power panel shows the engine's PDU leg currents and edits feeds and
// plugs through undoable commands; the distribution panel adds nodes through the generic
// command and refuses invalid ones with the command's message; the charts show one bar per rack.
#include "catalog/catalogloader.h"
#include "edit/designdocument.h"
#include "engine/analyze.h"
#include "format/quantityformat.h"
#include "power/distributionpanel.h"
#include "power/powercharts.h"
#include "power/powernodedialog.h"
#include "power/rackpowerpanel.h"
#include "templates/templateloader.h"

#include <QAbstractBarSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTextDocument>
#include <QTreeWidget>

using namespace dc;

namespace {
const QString kPdu = QStringLiteral("raritan/px3-5878i2r-p1q2r1a15d5");
const QString kDgx = QStringLiteral("nvidia/dgx-h100");
}  // namespace

class TestPowerPanels final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase();
  void pduTableShowsTheLegCurrentsOfTheAnalysis();
  void tablesFitTheDockWidth();
  void changingAFeedPushesAnUndoableCommand();
  void phaseBalancingWritesSixPlugs();
  void distributionPanelAddsAndRefusesNodes();
  void nodeDialogShowsTheRefusalAndStaysOpen();
  void chartsHaveOneBarPerRack();
  void emptyStateWithoutSelection();
  void manyRacksShowTheTopFortyByMax();
  void screenshotsOfTheH100Template();

 private:
  Project smallProject();

  CatalogLoadResult mShipped;
  HallId mHall;
  RackId mRack;
  MountId mDgxMount;
  QList<MountId> mPdus;
  PowerNodeId mBusway;
};

void TestPowerPanels::initTestCase() {
  mShipped = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(mShipped.errorCount(), 0);
  QVERIFY(mShipped.catalog.find(kDgx));
  QVERIFY(mShipped.catalog.find(kPdu));
}

Project TestPowerPanels::smallProject() {
  Project project;
  mHall = HallId::create();
  project.insertHall(-1, Hall(mHall, QStringLiteral("Hall A"),
                              PolygonMm{{0, 0}, {12000, 0}, {12000, 9000}, {0, 9000}}));
  PowerNode busway;
  busway.id = mBusway = PowerNodeId::create();
  busway.hallId = mHall;
  busway.name = QStringLiteral("BW-A1");
  busway.kind = PowerNodeKind::Busway;
  busway.ratedCurrentA = 250;
  busway.feed = PowerFeed::A;
  project.insertPowerNode(-1, busway);

  mRack = RackId::create();
  Rack rack(mRack, mHall, QStringLiteral("conteg/ri7-48-80-120"), PointMm{3000, 3000});
  rack.setName(QStringLiteral("A01"));
  Mount dgx;
  dgx.id = mDgxMount = MountId::create();
  dgx.catalogId = kDgx;
  dgx.lowestU = 3;
  rack.insertMount(-1, dgx);
  mPdus.clear();
  for (PowerFeed feed : kPowerFeeds) {
    Mount pdu;
    pdu.id = MountId::create();
    pdu.catalogId = kPdu;
    pdu.lowestU = 1;
    pdu.feed = feed;
    if (feed == PowerFeed::A) {
      pdu.upstreamId = mBusway;
    }
    mPdus.append(pdu.id);
    rack.insertMount(-1, pdu);
  }
  project.insertRack(-1, rack);
  return project;
}

void TestPowerPanels::pduTableShowsTheLegCurrentsOfTheAnalysis() {
  DesignDocument document(smallProject());
  const Analysis analysis = analyze(document.project(), mShipped.catalog);
  const RackPower& power = analysis.power.racks.value(mRack);
  QCOMPARE(power.pdus.size(), 3);

  RackPowerPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analysis);
  panel.setSelection({mRack});
  QTableWidget* table = panel.pduTable();
  // Transposed: one column per PDU, one row per figure, headed "PDU 1", "PDU 2", …
  QCOMPARE(table->columnCount(), 3);
  QCOMPARE(table->rowCount(), int(RackPowerPanel::PduRowCount));
  QCOMPARE(panel.deviceTable()->rowCount(), power.devices.size());
  QCOMPARE(table->verticalHeaderItem(RackPowerPanel::PduL1)->text(), QStringLiteral("L1 (A)"));
  QCOMPARE(table->verticalHeaderItem(RackPowerPanel::PduNeutral)->text(),
           QStringLiteral("Neutral (A)"));
  // Capacity and load in the unit of the largest of them, named in the row labels.
  QCOMPARE(table->verticalHeaderItem(RackPowerPanel::PduLoadKw)->text(),
           QStringLiteral("Load (kW)"));
  QCOMPARE(table->verticalHeaderItem(RackPowerPanel::PduContinuous)->text(),
           QStringLiteral("Continuous (kW)"));
  const auto kW = [](double watts, Confidence confidence = Confidence::Derived) {
    return formatInUnit(watts, Quantity::PowerW, QStringLiteral("kW"),
                        NumberStyle::forConfidence(confidence));
  };
  const auto amps = [](double a) {
    return formatInUnit(a, Quantity::CurrentA, QStringLiteral("A"));
  };
  const auto percent = [](double pct) {
    return formatInUnit(pct, Quantity::Percent, QStringLiteral("%"));
  };
  for (int column = 0; column < 3; ++column) {
    const PduLoad& pdu = power.pdus[column];
    QVERIFY(pdu.rated);
    QVERIFY(pdu.normal.maxLineCurrentA > 0);
    QCOMPARE(table->horizontalHeaderItem(column)->text(), QStringLiteral("PDU %1").arg(column + 1));
    QVERIFY(table->horizontalHeaderItem(column)->toolTip().contains(pdu.model));
    for (int leg = 0; leg < 3; ++leg) {
      QCOMPARE(table->item(RackPowerPanel::PduL1 + leg, column)->text(),
               amps(pdu.normal.lineCurrentA[size_t(leg)]));
    }
    QCOMPARE(table->item(RackPowerPanel::PduLoadKw, column)->text(), kW(pdu.normal.loadW));
    QCOMPARE(table->item(RackPowerPanel::PduContinuous, column)->text(),
             kW(pdu.capacityW.value, pdu.capacityW.confidence));
    QCOMPARE(table->item(RackPowerPanel::PduLoading, column)->text(),
             percent(pdu.normal.loadingPct));
    const QString rating = table->item(RackPowerPanel::PduRating, column)->text();
    QVERIFY2(rating.contains(QStringLiteral(" V 3φ")) && rating.endsWith(QStringLiteral(" A")),
             qPrintable(rating));
    QVERIFY2(!rating.contains(QStringLiteral(".0 A")), qPrintable(rating));  // a nominal rating
    // The worst feed lost names the feed.
    QVERIFY(pdu.failoverLostFeed != PowerFeed::None);
    QCOMPARE(table->item(RackPowerPanel::PduFailover, column)->text(),
             QStringLiteral("%1 (%2 lost)")
                 .arg(percent(pdu.failover.loadingPct), powerFeedName(pdu.failoverLostFeed)));
  }
  QVERIFY(!table->isRowHidden(RackPowerPanel::PduNeutral));  // the Raritan units are wye
  // The first PDU is plugged into the busway, by name.
  auto* upstream = qobject_cast<QComboBox*>(table->cellWidget(RackPowerPanel::PduUpstream, 0));
  QVERIFY(upstream);
  QCOMPARE(upstream->currentText(), QStringLiteral("BW-A1"));
  // The DGX shows its power, PSUs and the feed-loss verdict; its inlets in the tooltip and
  // under the table (it is the selected row).
  QTableWidget* devices = panel.deviceTable();
  const DevicePower& dgx = power.devices.first();
  QCOMPARE(devices->columnCount(), int(RackPowerPanel::DevColumnCount));
  QCOMPARE(devices->item(0, RackPowerPanel::DevName)->text(),
           dgx.model + QStringLiteral(" ·\u00a0U3"));
  QCOMPARE(devices->item(0, RackPowerPanel::DevPower)->text(),
           kW(dgx.maxW) + QStringLiteral(" / ") + kW(dgx.designW));
  QCOMPARE(devices->item(0, RackPowerPanel::DevPower)->text().section(u' ', 0, 0),
           QStringLiteral("10.2"));
  QCOMPARE(devices->horizontalHeaderItem(RackPowerPanel::DevPower)->text(),
           QStringLiteral("Max (kW)\n/ design"));
  const QString psus = devices->item(0, RackPowerPanel::DevPsus)->text();
  QVERIFY2(psus.startsWith(QStringLiteral("6 × ")), qPrintable(psus));
  const QString loss = devices->item(0, RackPowerPanel::DevFeedLoss)->text();
  QVERIFY2(loss.startsWith(QStringLiteral("keeps ")) && loss.endsWith(QStringLiteral(" lost)")),
           qPrintable(loss));
  const QString tip = devices->item(0, RackPowerPanel::DevFeedLoss)->toolTip();
  QVERIFY2(tip.contains(QStringLiteral("PSU 6 → PDU ")), qPrintable(tip));
  QCOMPARE(devices->currentRow(), 0);
  QTextDocument rich;
  rich.setHtml(panel.inletsLabel()->text());
  const QString inlets = rich.toPlainText().remove(QChar(0x2060)).replace(QChar(0x00a0), u' ');
  QVERIFY2(inlets.contains(QStringLiteral("auto")) && inlets.contains(QStringLiteral("PDU 1/L")),
           qPrintable(inlets));
}

// At the width of the main window's right dock every column is in view: no horizontal scrolling,
// and the PDU table is as tall as its rows.
void TestPowerPanels::tablesFitTheDockWidth() {
  DesignDocument document(smallProject());
  RackPowerPanel panel(document, mShipped.catalog);
  panel.resize(440, 820);
  panel.show();
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  panel.setSelection({mRack});
  QVERIFY(QTest::qWaitForWindowExposed(&panel));
  QCoreApplication::processEvents();
  for (QTableWidget* table : {panel.pduTable(), panel.deviceTable()}) {
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
    QVERIFY(!table->verticalScrollBar()->isVisible());
    int width = 0;
    for (int column = 0; column < table->columnCount(); ++column) {
      width += table->columnWidth(column);
    }
    QVERIFY2(width <= table->viewport()->width(), qPrintable(QString::number(width)));
  }
  QTableWidget* pdus = panel.pduTable();
  QCOMPARE(pdus->verticalScrollBar()->maximum(), 0);
  int rows = 0;
  for (int row = 0; row < pdus->rowCount(); ++row) {
    rows += pdus->isRowHidden(row) ? 0 : pdus->rowHeight(row);
  }
  QVERIFY2(pdus->viewport()->height() - rows < 4,
           qPrintable(QStringLiteral("%1 vs %2").arg(pdus->viewport()->height()).arg(rows)));
  // The device column is not elided.
  QTableWidget* devices = panel.deviceTable();
  for (int row = 0; row < devices->rowCount(); ++row) {
    const QString name = devices->item(row, RackPowerPanel::DevName)->text();
    QVERIFY2(devices->columnWidth(RackPowerPanel::DevName) >
                 devices->fontMetrics().horizontalAdvance(name) + 6,
             qPrintable(name));
  }
}

void TestPowerPanels::changingAFeedPushesAnUndoableCommand() {
  DesignDocument document(smallProject());
  RackPowerPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  panel.setSelection({mRack});
  const Project before = document.project();

  auto* feed = qobject_cast<QComboBox*>(panel.pduTable()->cellWidget(RackPowerPanel::PduFeed, 2));
  QVERIFY(feed);
  QCOMPARE(feed->currentText(), QStringLiteral("C"));
  feed->setCurrentIndex(feed->findData(int(PowerFeed::B)));
  QCOMPARE(document.undoStack().count(), 1);
  QCOMPARE(document.project().findRack(mRack)->findMount(mPdus[2])->feed, PowerFeed::B);

  document.undoStack().undo();
  QCOMPARE(document.project(), before);

  // Plugging into the busway from the second PDU's combo is one more command.
  QCoreApplication::processEvents();  // the panel follows the undo
  auto* up = qobject_cast<QComboBox*>(panel.pduTable()->cellWidget(RackPowerPanel::PduUpstream, 1));
  QVERIFY(up);
  up->setCurrentIndex(up->findText(QStringLiteral("BW-A1")));
  QCOMPARE(document.project().findRack(mRack)->findMount(mPdus[1])->upstreamId, mBusway);
}

void TestPowerPanels::phaseBalancingWritesSixPlugs() {
  DesignDocument document(smallProject());
  RackPowerPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  panel.setSelection({mRack});
  QVERIFY(panel.balanceButton()->isEnabled());
  QVERIFY(!panel.clearPlugsButton()->isEnabled());

  panel.balanceButton()->click();
  QCOMPARE(document.undoStack().count(), 1);
  const Mount* dgx = document.project().findRack(mRack)->findMount(mDgxMount);
  QCOMPARE(dgx->plugs.size(), 6);
  for (const InletPlug& plug : dgx->plugs) {
    QVERIFY(mPdus.contains(plug.pduMountId));
  }

  // After re-analysis no inlet is automatic: the button is off, Clear plugs is on.
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  QVERIFY(!panel.balanceButton()->isEnabled());
  QVERIFY(panel.clearPlugsButton()->isEnabled());
  QVERIFY2(!panel.inletsLabel()->text().contains(QStringLiteral("auto")),
           qPrintable(panel.inletsLabel()->text()));
  QVERIFY(!panel.deviceTable()
               ->item(0, RackPowerPanel::DevName)
               ->toolTip()
               .contains(QStringLiteral("auto")));
  QVERIFY(panel.clearPlugs());
  QVERIFY(document.project().findRack(mRack)->findMount(mDgxMount)->plugs.isEmpty());
  document.undoStack().undo();
  QCOMPARE(document.project().findRack(mRack)->findMount(mDgxMount)->plugs.size(), 6);
}

void TestPowerPanels::distributionPanelAddsAndRefusesNodes() {
  DesignDocument document(smallProject());
  DistributionPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  QCOMPARE(panel.tree()->topLevelItemCount(), 1);
  QCOMPARE(panel.tree()->topLevelItem(0)->text(DistributionPanel::ColName),
           QStringLiteral("BW-A1"));

  PowerNode busway = panel.newNode(PowerNodeKind::Busway);
  QCOMPARE(busway.hallId, mHall);
  busway.ratedCurrentA = 400;
  busway.feed = PowerFeed::B;
  QVERIFY(panel.addNode(busway));
  QCOMPARE(document.project().powerNodes().size(), 2);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  QCOMPARE(panel.tree()->topLevelItemCount(), 2);

  QSignalSpy failed(&panel, &DistributionPanel::editFailed);
  PowerNode bad = panel.newNode(PowerNodeKind::Busway);
  bad.ratedCurrentA = 0;
  QString error;
  QVERIFY(!panel.addNode(bad, &error));
  QVERIFY2(error.contains(QStringLiteral("rated current")), qPrintable(error));
  QCOMPARE(failed.count(), 1);
  QCOMPARE(document.project().powerNodes().size(), 2);

  // A UPS above both, then the busways under it: a tree.
  PowerNode ups = panel.newNode(PowerNodeKind::Ups);
  ups.upstreamId = {};
  ups.moduleCount = 4;
  ups.moduleRatingW = 250000;
  ups.redundancy = Redundancy::NPlus1;
  QVERIFY(panel.addNode(ups));
  PowerNode moved = *document.project().findPowerNode(mBusway);
  moved.upstreamId = ups.id;
  QVERIFY(panel.replaceNode(moved));
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  QCOMPARE(panel.tree()->topLevelItemCount(), 2);  // UPS-1 (with BW-A1), BW-1
  // Removing the UPS is refused while it feeds the busway.
  QVERIFY(!panel.removeNode(ups.id, &error));
  QVERIFY2(error.contains(QStringLiteral("BW-A1")), qPrintable(error));
}

void TestPowerPanels::nodeDialogShowsTheRefusalAndStaysOpen() {
  DesignDocument document(smallProject());
  DistributionPanel panel(document, mShipped.catalog);
  PowerNodeDialog dialog(document.project(), mShipped.catalog, panel.newNode(PowerNodeKind::Busway),
                         false);
  dialog.setSubmit(
      [&](const PowerNode& node, QString* error) { return panel.addNode(node, error); });
  auto* current = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("ratedCurrent"));
  QVERIFY(current);
  current->setValue(0);
  dialog.submit();
  QVERIFY(dialog.result() != QDialog::Accepted);
  QVERIFY2(dialog.errorText().contains(QStringLiteral("rated current")),
           qPrintable(dialog.errorText()));
  QCOMPARE(document.project().powerNodes().size(), 1);

  // A catalog preset fills the rating; then it goes through.
  auto* preset = dialog.findChild<QComboBox*>(QStringLiteral("preset"));
  const int index = preset->findData(QStringLiteral("starline/t1-60a"));
  QVERIFY(index > 0);
  preset->setCurrentIndex(index);
  QCOMPARE(current->value(), 60.0);
  dialog.submit();
  QCOMPARE(dialog.result(), int(QDialog::Accepted));
  QCOMPARE(document.project().powerNodes().size(), 2);
  QCOMPARE(document.project().powerNodes().last().catalogId, QStringLiteral("starline/t1-60a"));
}

void TestPowerPanels::chartsHaveOneBarPerRack() {
  DesignDocument document(smallProject());
  PowerChartsPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  const QList<QAbstractSeries*> series = panel.rackChart()->series();
  QCOMPARE(series.size(), 1);
  auto* bars = qobject_cast<QAbstractBarSeries*>(series.first());
  QVERIFY(bars);
  QCOMPARE(bars->barSets().size(), 2);
  QCOMPARE(bars->barSets().first()->count(), document.project().racks().size());
  const Analysis analysis = analyze(document.project(), mShipped.catalog);
  // Horizontal bars: the first rack is drawn at the top, i.e. the set's last value.
  QCOMPARE(bars->barSets().first()->at(bars->barSets().first()->count() - 1),
           analysis.power.racks.value(mRack).maxPowerW.value / 1000);
  auto* nodes = qobject_cast<QAbstractBarSeries*>(panel.distributionChart()->series().first());
  QCOMPARE(nodes->barSets().first()->count(), 1);  // one busway
}

void TestPowerPanels::manyRacksShowTheTopFortyByMax() {
  Project project = smallProject();
  const Rack loaded = *project.findRack(mRack);
  for (int i = 0; i < 44; ++i) {  // 44 empty racks and the loaded one
    Rack rack(RackId::create(), mHall, loaded.rackTypeId(), PointMm{600 + 600 * (i % 18), 6000});
    rack.setName(QStringLiteral("E%1").arg(i + 1));
    project.insertRack(0, rack);
  }
  DesignDocument document(project);
  PowerChartsPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  auto* bars = qobject_cast<QAbstractBarSeries*>(panel.rackChart()->series().first());
  QCOMPARE(bars->barSets().first()->count(), PowerChartsPanel::kMaxRacks);
  // The loaded rack at the top (the set's last value), though last in project order.
  QVERIFY(bars->barSets().first()->at(PowerChartsPanel::kMaxRacks - 1) > 0);
  QVERIFY2(panel.rackChart()->title().contains(QStringLiteral("top 40 of 45")),
           qPrintable(panel.rackChart()->title()));
}

void TestPowerPanels::emptyStateWithoutSelection() {
  DesignDocument document(smallProject());
  RackPowerPanel panel(document, mShipped.catalog);
  panel.setAnalysis(analyze(document.project(), mShipped.catalog));
  panel.setSelection({});
  QCOMPARE(panel.pduTable()->rowCount(), 0);
  QCOMPARE(panel.pduTable()->columnCount(), 0);
  QCOMPARE(panel.deviceTable()->rowCount(), 0);
  bool found = false;
  for (QLabel* label : panel.findChildren<QLabel*>()) {
    found = found || label->text().startsWith(QStringLiteral("Select a rack"));
  }
  QVERIFY(found);
}

// Renders each panel with the H100 template (its UPS, switchboards, busways) at the size of
// its dock; with $DC_POWER_SCREENSHOTS set the images are also saved there, for a look.
void TestPowerPanels::screenshotsOfTheH100Template() {
  const QString folder = qEnvironmentVariable("DC_POWER_SCREENSHOTS");
  auto render = [&](QWidget& widget, const char* name) {
    const QPixmap image = widget.grab();
    QVERIFY(!image.isNull() && image.width() > 100 && image.height() > 100);
    if (!folder.isEmpty()) {
      QVERIFY(image.save(folder + QLatin1Char('/') + QLatin1String(name)));
    }
  };
  Project project =
      loadTemplateFile(QStringLiteral(DC_SOURCE_DIR "/templates/dgx-superpod-h100-1su.json"));
  QVERIFY(!project.powerNodes().isEmpty());  // the template has its UPS, switchboards, busways
  const RackId first = project.racks().first().id();
  DesignDocument document(project);
  const Analysis analysis = analyze(document.project(), mShipped.catalog);
  RackPowerPanel rackPanel(document, mShipped.catalog);
  DistributionPanel distribution(document, mShipped.catalog);
  PowerChartsPanel charts(document, mShipped.catalog);
  rackPanel.resize(460, 820);  // the right dock of the main window at 1440×900
  distribution.resize(1000, 360);
  charts.resize(1100, 700);
  for (QWidget* w : {static_cast<QWidget*>(&rackPanel), static_cast<QWidget*>(&distribution),
                     static_cast<QWidget*>(&charts)}) {
    w->show();
  }
  rackPanel.setAnalysis(analysis);
  rackPanel.setSelection({first});
  distribution.setAnalysis(analysis);
  charts.setAnalysis(analysis);
  QCoreApplication::processEvents();
  render(rackPanel, "rackpower.png");
  render(distribution, "distribution.png");
  render(charts, "charts.png");
  QCOMPARE(charts.rackChart()->series().size(), 1);
  QCOMPARE(qobject_cast<QAbstractBarSeries*>(charts.upsChart()->series().first())
               ->barSets()
               .first()
               ->count(),
           3);  // UPS-A, UPS-B, UPS-C
  // A rack with six PDUs (two per feed) in the same dock width.
  Project six = smallProject();
  qsizetype index = -1;
  Rack wide = six.removeRack(mRack, &index);
  for (PowerFeed feed : kPowerFeeds) {
    Mount pdu;
    pdu.id = MountId::create();
    pdu.catalogId = kPdu;
    pdu.lowestU = 2;
    pdu.feed = feed;
    wide.insertMount(-1, pdu);
  }
  six.insertRack(index, wide);
  DesignDocument sixDocument(six);
  RackPowerPanel sixPanel(sixDocument, mShipped.catalog);
  sixPanel.resize(440, 820);
  sixPanel.show();
  sixPanel.setAnalysis(analyze(sixDocument.project(), mShipped.catalog));
  sixPanel.setSelection({mRack});
  QCoreApplication::processEvents();
  QCoreApplication::processEvents();
  render(sixPanel, "rackpower-six-pdus.png");
  PowerNodeDialog dialog(document.project(), mShipped.catalog,
                         distribution.newNode(PowerNodeKind::Ups), false);
  dialog.show();
  QCoreApplication::processEvents();
  render(dialog, "nodedialog.png");
}

QTEST_MAIN(TestPowerPanels)
#include "tst_powerpanels.moc"
