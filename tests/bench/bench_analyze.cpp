// SPDX-License-Identifier: GPL-3.0-or-later
// Times analyze() and a save/load round trip on a synthetic hall of DGX H100 racks.
//   bench_analyze [gpus=100000]
// Prints the median of several runs. The target (BRIEF.md): a 100,000-GPU design analyses in
// well under a second.
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

namespace {

/// Rows of 20 racks (600 mm pitch, 1,200 mm deep) with 3,000 mm between row fronts; four DGX
/// H100 (32 GPUs) and three PDUs per rack.
Project syntheticProject(int gpus) {
  const int racks = (gpus + 31) / 32;
  const int rows = (racks + 19) / 20;
  Project project;
  const std::int64_t widthMm = 20 * 600 + 4'000;
  const std::int64_t depthMm = rows * 3'000 + 4'000;
  const HallId hallId = HallId::create();
  project.insertHall(-1, Hall(hallId, QStringLiteral("Synthetic hall"),
                              PolygonMm{{0, 0}, {widthMm, 0}, {widthMm, depthMm}, {0, depthMm}}));
  for (int r = 0; r < racks; ++r) {
    Rack rack(RackId::create(), hallId, QStringLiteral("apc/ar3300"),
              PointMm{2'000 + 300 + (r % 20) * 600, 2'000 + 600 + (r / 20) * 3'000});
    rack.setName(QStringLiteral("R%1").arg(r + 1, 5, 10, QLatin1Char('0')));
    for (int n = 0; n < 4; ++n) {
      rack.insertMount(-1, {MountId::create(), QStringLiteral("nvidia/dgx-h100"), 1 + 9 * n});
    }
    for (int p = 0; p < 3; ++p) {
      rack.insertMount(-1,
                       {MountId::create(), QStringLiteral("raritan/px3-5878i2r-p1q2r1a15d5"), 1});
    }
    project.insertRack(-1, std::move(rack));
  }
  return project;
}

double medianMs(int runs, const std::function<void()>& work) {
  QList<double> ms;
  for (int i = 0; i < runs; ++i) {
    QElapsedTimer timer;
    timer.start();
    work();
    ms.append(double(timer.nsecsElapsed()) / 1.0e6);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char* argv[]) {
  QCoreApplication app(argc, argv);
  const int gpus = argc > 1 ? std::max(32, QString::fromLocal8Bit(argv[1]).toInt()) : 100'000;
  const CatalogLoadResult catalog = loadCatalogFolders({QStringLiteral(DC_SOURCE_DIR "/catalog")});
  const Project project = syntheticProject(gpus);
  Analysis analysis;
  const double analyzeMs = medianMs(5, [&] { analysis = analyze(project, catalog.catalog); });
  std::printf("design: %lld racks, %d GPUs, %.1f MW max\n",
              static_cast<long long>(project.racks().size()),
              analysis.power.totals.acceleratorCount, analysis.power.totals.itPowerW.value / 1.0e6);
  std::printf("analyze: %.1f ms (median of 5)\n", analyzeMs);

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("bench.dcstudio"));
  const double saveMs = medianMs(3, [&] { saveProject(project, path); });
  Project loaded;
  const double loadMs = medianMs(3, [&] { loaded = loadProject(path); });
  std::printf("save: %.1f ms, load: %.1f ms (median of 3)%s\n", saveMs, loadMs,
              loaded == project ? "" : "  MISMATCH after load");
  return loaded == project ? 0 : 1;
}
