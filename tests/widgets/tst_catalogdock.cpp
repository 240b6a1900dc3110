// SPDX-License-Identifier: GPL-3.0-or-later
// The catalog browser: search, drag payload, and the figures shown with source and confidence.
#include "catalog/catalogdock.h"
#include "catalog/catalogloader.h"
#include "catalog/catalogmodel.h"
#include "panels/spectable.h"

#include <QMimeData>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <functional>
#include <memory>

using namespace dc;

class TestCatalogDock final : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void searchH100ListsEveryH100SystemOfTheShippedCatalog();
  void searchMatchesAllWords();
  void dragCarriesTheCatalogId();
  void specTableShowsSourceAndConfidence();
  void treeReadsAlphabeticallyWithPluralKinds();
};

void TestCatalogDock::searchH100ListsEveryH100SystemOfTheShippedCatalog() {
  const CatalogLoadResult shipped = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  QCOMPARE(shipped.errorCount(), 0);
  CatalogDock dock(shipped.catalog);
  dock.setSearchText(QStringLiteral("H100"));
  const QStringList shown = dock.visibleItemIds();
  // Every system built on the H100 accelerator, whatever its vendor, is listed.
  QStringList vendors;
  int systems = 0;
  for (const CatalogItem& item : shipped.catalog.items()) {
    if (item.acceleratorPart == QLatin1String("nvidia/h100-sxm")) {
      QVERIFY2(shown.contains(item.id), qPrintable(item.id));
      ++systems;
      if (!vendors.contains(item.vendor)) {
        vendors.append(item.vendor);
      }
    }
  }
  QVERIFY2(systems >= 4, qPrintable(QString::number(systems)));
  QVERIFY2(vendors.size() >= 3, qPrintable(vendors.join(QLatin1Char(','))));
  QVERIFY(shown.contains(QStringLiteral("nvidia/dgx-h100")));
  QVERIFY(!shown.contains(QStringLiteral("nvidia/dgx-b200")));
}

void TestCatalogDock::searchMatchesAllWords() {
  const CatalogLoadResult fixture =
      loadCatalogFolders({QStringLiteral(DC_TEST_DATA_DIR "/catalog")});
  CatalogDock dock(fixture.catalog);
  dock.setSearchText(QStringLiteral("b200"));
  QStringList both = dock.visibleItemIds();
  both.sort();
  // Substring match: GB200 parts contain "b200" too.
  QCOMPARE(both,
           (QStringList{QStringLiteral("nvidia/b200"), QStringLiteral("nvidia/dgx-b200"),
                        QStringLiteral("nvidia/gb200"), QStringLiteral("nvidia/gb200-nvl72")}));
  dock.setSearchText(QStringLiteral("b200 air-cooled"));  // every word must match
  QCOMPARE(dock.visibleItemIds(), QStringList{QStringLiteral("nvidia/dgx-b200")});
  dock.setSearchText(QString());
  QCOMPARE(dock.visibleItemIds().size(), fixture.catalog.size());
}

void TestCatalogDock::dragCarriesTheCatalogId() {
  const CatalogLoadResult fixture =
      loadCatalogFolders({QStringLiteral(DC_TEST_DATA_DIR "/catalog")});
  CatalogModel model(fixture.catalog);
  QModelIndex found;
  std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
    for (int r = 0; r < model.rowCount(parent); ++r) {
      const QModelIndex index = model.index(r, 0, parent);
      if (index.data(CatalogModel::CatalogIdRole).toString() == QLatin1String("nvidia/dgx-h100")) {
        found = index;
      }
      walk(index);
    }
  };
  walk({});
  QVERIFY(found.isValid());
  QVERIFY(model.flags(found) & Qt::ItemIsDragEnabled);
  std::unique_ptr<QMimeData> data(model.mimeData({found}));
  QCOMPARE(QString::fromUtf8(data->data(QString::fromLatin1(kCatalogIdMimeType))),
           QStringLiteral("nvidia/dgx-h100"));
}

void TestCatalogDock::specTableShowsSourceAndConfidence() {
  const CatalogLoadResult fixture =
      loadCatalogFolders({QStringLiteral(DC_TEST_DATA_DIR "/catalog")});
  const CatalogItem* dgx = fixture.catalog.find(QStringLiteral("nvidia/dgx-h100"));
  QVERIFY(dgx);
  SpecTable table;
  table.showItem(dgx);
  bool sawMaxPower = false;
  for (int r = 0; r < table.rowCount(); ++r) {
    if (table.item(r, 0)->toolTip() == QLatin1String("maxPowerW")) {
      sawMaxPower = true;
      QCOMPARE(table.item(r, 1)->text(), QStringLiteral("10,200 W"));  // DGX H100 User Guide
      QVERIFY2(table.item(r, 2)->text().startsWith(QStringLiteral("Vendor · ")),
               qPrintable(table.item(r, 2)->text()));
      QVERIFY(table.item(r, 2)->text().contains(QStringLiteral("DGX H100")));
      QVERIFY(table.item(r, 2)->toolTip().startsWith(QStringLiteral("Vendor document")));
      QVERIFY(table.item(r, 2)->toolTip().contains(QStringLiteral("https://")));
    }
  }
  QVERIFY(sawMaxPower);
}

// Vendors in alphabetical order whatever their case, kinds named in the plural as a heading reads.
void TestCatalogDock::treeReadsAlphabeticallyWithPluralKinds() {
  const CatalogLoadResult shipped = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  const CatalogModel model(shipped.catalog);
  QStringList vendors;
  QStringList kinds;
  for (int r = 0; r < model.rowCount(); ++r) {
    const QModelIndex vendor = model.index(r, 0);
    vendors.append(vendor.data().toString());
    for (int k = 0; k < model.rowCount(vendor); ++k) {
      kinds.append(model.index(k, 0, vendor).data().toString());
    }
  }
  QStringList sorted = vendors;
  std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
    return a.compare(b, Qt::CaseInsensitive) < 0;
  });
  QCOMPARE(vendors, sorted);
  QVERIFY(vendors.indexOf(QStringLiteral("Schneider Electric")) <
          vendors.indexOf(QStringLiteral("STULZ")));
  QVERIFY2(kinds.contains(QStringLiteral("Power shelves")), qPrintable(kinds.join(u',')));
  QVERIFY(kinds.contains(QStringLiteral("Switches")));
  QVERIFY(kinds.contains(QStringLiteral("CRAH units")));
  QVERIFY(kinds.contains(QStringLiteral("Storage")));
}

QTEST_MAIN(TestCatalogDock)
#include "tst_catalogdock.moc"
