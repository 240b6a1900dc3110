// SPDX-License-Identifier: GPL-3.0-or-later
// Times analyze() and a save/load round trip on a synthetic hall of DGX H100 racks.
//   bench_analyze [gpus=100000]
// Prints the median of several runs. The target (BRIEF.md): a 100,000-GPU design analyses in
// well under a second.
#include "benchsupport.h"
#include "catalog/catalogloader.h"
#include "engine/analyze.h"
#include "storage/projectfile.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace dc;

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int gpus = argc > 1 ? std::max(32, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  const Project project = bench::syntheticHall(gpus, /*power=*/false);
  Analysis analysis;
  const double analyzeMs =
      bench::medianMs(5, [&] { analysis = analyze(project, catalog.catalog); });
  std::printf("design: %lld racks, %d GPUs, %.1f MW max\n",
              static_cast<long long>(project.racks().size()),
              analysis.power.totals.acceleratorCount, analysis.power.totals.itPowerW.value / 1.0e6);
  std::printf("analyze: %.1f ms (median of 5)\n", analyzeMs);

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bench.dcstudio"));
  const double saveMs = bench::medianMs(3, [&] { saveProject(project, path); });
  Project loaded;
  const double loadMs = bench::medianMs(3, [&] { loaded = loadProject(path); });
  std::printf("save: %.1f ms, load: %.1f ms (median of 3)%s\n", saveMs, loadMs,
              loaded == project ? "" : "  MISMATCH after load");
  return loaded == project ? 0 : 1;
}
