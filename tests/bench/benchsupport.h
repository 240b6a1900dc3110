// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <algorithm>
#include <functional>

namespace dc::bench {

/// The median wall time of `runs` calls of `work`, in milliseconds.
inline double medianMs(int runs, const std::function<void()>& work) {
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

/// A synthetic hall of DGX H100 racks for the benchmarks: rows of 20 racks (600 mm pitch,
/// 1,200 mm deep, 3,000 mm between row fronts), four DGX H100 (32 GPUs) and three 415 V PDUs
/// per rack. With `power`, the PDUs are on feeds A, B and C and plugged into 800 A busways, one
/// per feed and half row (10 racks: 204 kW on a feed loss, 47 % of the busway); every two rows
/// of a feed hang off one N+1 UPS of 4 × 300 kW (816 kW on a feed loss, 91 % of its 900 kW
/// usable) — the three-source design of the DGX SuperPOD, at scale, whose only findings are the
/// "above 40 kW" notes.
inline Project syntheticHall(int gpus, bool power) {
  const int racks = (gpus + 31) / 32;
  const int rows = (racks + 19) / 20;
  Project project;
  const std::int64_t widthMm = 20 * 600 + 4'000;
  const std::int64_t depthMm = rows * 3'000 + 4'000;
  const HallId hallId = HallId::create();
  project.insertHall(-1, Hall(hallId, QStringLiteral("Synthetic hall"),
                              PolygonMm{{0, 0}, {widthMm, 0}, {widthMm, depthMm}, {0, depthMm}}));
  QList<std::array<PowerNodeId, 3>> busways;  // per half row, per feed
  if (power) {
    std::array<PowerNodeId, 3> ups{};
    for (int half = 0; half < 2 * rows; ++half) {
      const int row = half / 2;
      std::array<PowerNodeId, 3> rowBusways{};
      for (int f = 0; f < 3; ++f) {
        const PowerFeed feed = kPowerFeeds[f];
        if (half % 4 == 0) {
          PowerNode u;
          u.id = PowerNodeId::create();
          u.hallId = hallId;
          u.name = QStringLiteral("UPS-%1%2").arg(powerFeedName(feed)).arg(row / 2 + 1);
          u.kind = PowerNodeKind::Ups;
          u.feed = feed;
          u.moduleCount = 4;
          u.moduleRatingW = 300'000.0;
          u.redundancy = Redundancy::NPlus1;
          ups[f] = u.id;
          project.insertPowerNode(-1, u);
        }
        PowerNode b;
        b.id = PowerNodeId::create();
        b.hallId = hallId;
        b.name =
            QStringLiteral("BW-%1%2.%3").arg(powerFeedName(feed)).arg(row + 1).arg(half % 2 + 1);
        b.kind = PowerNodeKind::Busway;
        b.feed = feed;
        b.upstreamId = ups[f];
        b.ratedCurrentA = 800.0;
        b.voltageV = 415.0;
        rowBusways[f] = b.id;
        project.insertPowerNode(-1, b);
      }
      busways.append(rowBusways);
    }
  }
  for (int r = 0; r < racks; ++r) {
    Rack rack(RackId::create(), hallId, QStringLiteral("apc/ar3300"),
              PointMm{2'000 + 300 + (r % 20) * 600, 2'000 + 600 + (r / 20) * 3'000});
    rack.setName(QStringLiteral("R%1").arg(r + 1, 5, 10, QLatin1Char('0')));
    for (int n = 0; n < 4; ++n) {
      rack.insertMount(-1, {MountId::create(), QStringLiteral("nvidia/dgx-h100"), 1 + 9 * n});
    }
    for (int p = 0; p < 3; ++p) {
      Mount pdu{MountId::create(), QStringLiteral("raritan/px3-5878i2r-p1q2r1a15d5"), 1};
      if (power) {
        pdu.feed = kPowerFeeds[p];
        pdu.upstreamId = busways[r / 10][p];
      }
      rack.insertMount(-1, pdu);
    }
    project.insertRack(-1, std::move(rack));
  }
  return project;
}

}  // namespace dc::bench
