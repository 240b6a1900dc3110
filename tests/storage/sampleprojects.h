// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/project.h"

#include <QString>
#include <QUuid>

#include <array>

/// Deterministic projects shared by tst_projectfile and dc_savechild: the child process saves
/// the same large project the test later compares against, so both must build it identically.
namespace dc::testdata {

/// A stable id derived from `key` (UUID v5), so two processes and the golden file agree.
template <typename IdT>
IdT fixedId(const QString& key) {
  static const QUuid kNamespace = QUuid::fromString(u"6f1c3e52-8a1d-4c3e-9d55-2b7f0c9e4a10");
  return IdT::fromString(QUuid::createUuidV5(kNamespace, key).toString());
}

inline Rack sampleRack(const QString& key, HallId hall, PointMm positionMm, int rotationDeg,
                       CoolingMode mode, int mountCount) {
  Rack rack(fixedId<RackId>(key), hall, QStringLiteral("generic/rack-42u"), positionMm,
            rotationDeg);
  rack.setName(key);
  rack.setRow(QStringLiteral("Reihe-%1").arg(positionMm.yMm / 1200));
  rack.setCoolingMode(mode);
  for (int m = 0; m < mountCount; ++m) {
    rack.insertMount(
        -1, Mount{fixedId<MountId>(key + QStringLiteral("/m%1").arg(m)),
                  m % 2 ? QStringLiteral("nvidia/dgx-h100") : QStringLiteral("arista/7060x"),
                  1 + 4 * m});
  }
  return rack;
}

/// The content of tests/data/schema-v1.dcstudio. FROZEN: the golden file was written from it, so
/// changing a single character here breaks the golden test by design.
inline Project frozenSampleProject() {
  Project project;
  project.setName(QStringLiteral("Halle Ω — München 🚀"));
  project.setAuthor(QStringLiteral("Zoë Ångström"));
  project.setDescription(
      QStringLiteral("Two halls, one spare.\nQuotes: 'single' \"double\"; 机房"));

  const HallId hallA = fixedId<HallId>(QStringLiteral("hall-a"));
  const HallId hallB = fixedId<HallId>(QStringLiteral("hall-b"));
  Hall a(hallA, QStringLiteral("Salle A – Écluse"),
         {{-6000, -3000}, {5'000'000'000, -3000}, {5'000'000'000, 24000}, {-6000, 24000}});
  a.setTileMm(600);
  a.setCeilingHeightMm(4500);
  a.setObstacles({Obstacle{fixedId<ObstacleId>(QStringLiteral("col-1")),
                           QStringLiteral("C-12"),
                           {{0, 0}, {600, 0}, {600, 600}, {0, 600}}},
                  Obstacle{fixedId<ObstacleId>(QStringLiteral("col-2")),
                           QStringLiteral("Säule ∆"),
                           {{3000, 3000}, {3600, 3000}, {3300, 3600}}}});
  Hall b(hallB, QStringLiteral("機房 B"),
         {{0, 0}, {12000, 0}, {12000, 6000}, {6000, 6000}, {6000, 12000}, {0, 12000}});
  b.setTileMm(500);
  b.setCeilingHeightMm(3800);
  Hall spare(fixedId<HallId>(QStringLiteral("hall-c")), QString(), {{0, 0}, {1000, 0}, {0, 1000}});
  project.insertHall(-1, a);
  project.insertHall(-1, b);
  project.insertHall(-1, spare);

  // Every rotation with every cooling mode, the two halls interleaved so list order matters.
  constexpr std::array kModes{CoolingMode::Air, CoolingMode::RearDoor, CoolingMode::DirectToChip,
                              CoolingMode::DirectToChipRearDoor};
  int index = 0;
  for (const int rotationDeg : {0, 90, 180, 270}) {
    for (const CoolingMode mode : kModes) {
      const HallId hall = index % 3 == 1 ? hallB : hallA;
      const QString key = index % 5 == 2
                              ? QStringLiteral("机柜-%1").arg(index)
                              : QStringLiteral("R-%1").arg(index, 2, 10, QLatin1Char('0'));
      project.insertRack(-1, sampleRack(key, hall, PointMm{600 * index, 1200 * (index % 4)},
                                        rotationDeg, mode, index % 4));
      ++index;
    }
  }
  Rack unnamed(fixedId<RackId>(QStringLiteral("unnamed")), hallA, QString(), PointMm{-600, -1200});
  project.insertRack(3, unnamed);  // empty name, row and type
  return project;
}

/// The content of tests/data/schema-v2.dcstudio: the v1 sample plus everything schema 2 adds
/// (power nodes of every kind, PDU feeds and upstreams, PSU inlet plugs, design assumptions of
/// both kinds, one of them out of range as a damaged file might hold it). FROZEN like v1.
inline Project frozenSampleProjectV2() {
  Project project = frozenSampleProject();
  const HallId hallA = fixedId<HallId>(QStringLiteral("hall-a"));
  auto node = [&](const char* key, PowerNodeKind kind, PowerFeed feed, const char* upstream) {
    PowerNode n;
    n.id = fixedId<PowerNodeId>(QString::fromLatin1(key));
    n.hallId = hallA;
    n.name = QString::fromUtf8(key).toUpper();
    n.kind = kind;
    n.feed = feed;
    n.upstreamId = upstream ? fixedId<PowerNodeId>(QString::fromLatin1(upstream)) : PowerNodeId();
    return n;
  };
  PowerNode ups = node("ups-a", PowerNodeKind::Ups, PowerFeed::A, nullptr);
  ups.catalogId = QStringLiteral("eaton/9395p-1200");
  ups.moduleCount = 4;
  ups.moduleRatingW = 300'000.0;
  ups.redundancy = Redundancy::NPlus1;
  PowerNode board = node("swb-a", PowerNodeKind::Switchboard, PowerFeed::A, "ups-a");
  board.ratedCurrentA = 2500.0;
  board.voltageV = 415.0;
  PowerNode busway = node("bw-a1", PowerNodeKind::Busway, PowerFeed::A, "swb-a");
  busway.ratedCurrentA = 400.0;
  PowerNode rpp = node("rpp-b1", PowerNodeKind::Rpp, PowerFeed::B, nullptr);
  rpp.ratedCurrentA = 225.5;
  rpp.voltageV = -1.0;  // a damaged value the engine reports
  PowerNode dc = node("pr-1", PowerNodeKind::PowerRack, PowerFeed::None, nullptr);
  dc.ratedPowerW = 660'000.0;
  dc.voltageV = 800.0;
  for (const PowerNode& n : {ups, board, busway, rpp, dc}) {
    project.insertPowerNode(-1, n);
  }
  // Rack R-01 (one mount) gets two PDUs on A and B and explicit plugs for its device.
  Rack rack = *project.findRack(fixedId<RackId>(QStringLiteral("R-01")));
  const MountId pduA = fixedId<MountId>(QStringLiteral("R-01/pdu-a"));
  const MountId pduB = fixedId<MountId>(QStringLiteral("R-01/pdu-b"));
  rack.insertMount(-1, Mount{pduA, QStringLiteral("apc/ap8888"), 1, PowerFeed::A, busway.id, {}});
  rack.insertMount(-1, Mount{pduB, QStringLiteral("apc/ap8888"), 1, PowerFeed::B, rpp.id, {}});
  Mount device = rack.removeMount(rack.mounts().first().id);
  device.plugs = {{0, pduA, 0}, {1, pduB, 2}};
  rack.insertMount(0, device);
  project.findRack(rack.id())->operator=(rack);
  DesignAssumptions assumptions;
  assumptions.setValue(QString::fromLatin1(assumption::kPue), 1.25);
  assumptions.setChoice(QString::fromLatin1(assumption::kSupplySystem), QStringLiteral("dc-800"));
  assumptions.setValue(QString::fromLatin1(assumption::kPriceUsdPerKwh), 0.0912345678901234);
  assumptions.setValueUnchecked(QString::fromLatin1(assumption::kDeratingFactor), 1.2);
  project.setAssumptions(assumptions);
  return project;
}

/// The content of tests/data/schema-v3.dcstudio: the v2 sample plus everything schema 3 adds
/// (a CDU loop and an air zone with both redundancies, floor cooling units of three kinds, one
/// with no loop and one rotated, a rear door and explicit loop and zone on racks, cooling
/// assumptions). FROZEN like v1 and v2.
inline Project frozenSampleProjectV3() {
  Project project = frozenSampleProjectV2();
  const HallId hallA = fixedId<HallId>(QStringLiteral("hall-a"));
  const HallId hallB = fixedId<HallId>(QStringLiteral("hall-b"));
  const CoolingLoop loop{fixedId<CoolingLoopId>(QStringLiteral("loop-1")), hallA,
                         QStringLiteral("Kreislauf 1 — CDU"), CoolingLoopKind::Liquid,
                         Redundancy::NPlus1};
  const CoolingLoop zone{fixedId<CoolingLoopId>(QStringLiteral("zone-b")), hallB,
                         QStringLiteral("Zone B"), CoolingLoopKind::Air, Redundancy::TwoN};
  project.insertCoolingLoop(-1, loop);
  project.insertCoolingLoop(-1, zone);
  project.insertCoolingUnit(
      -1,
      CoolingUnit{fixedId<CoolingUnitId>(QStringLiteral("cdu-1")), hallA, QStringLiteral("CDU-1"),
                  QStringLiteral("vertiv/xdu1350"), PointMm{-4800, 18000}, 90, loop.id});
  project.insertCoolingUnit(-1, CoolingUnit{fixedId<CoolingUnitId>(QStringLiteral("cdu-2")),
                                            hallA,
                                            QStringLiteral("CDU-2"),
                                            QStringLiteral("vertiv/xdu1350"),
                                            PointMm{-4800, 20400},
                                            0,
                                            {}});
  project.insertCoolingUnit(
      -1,
      CoolingUnit{fixedId<CoolingUnitId>(QStringLiteral("crah-b1")), hallB, QStringLiteral("C01"),
                  QStringLiteral("stulz/cyberrow-crs320cw"), PointMm{11000, 3000}, 270, zone.id});
  Rack rack = *project.findRack(fixedId<RackId>(QStringLiteral("R-01")));
  rack.setRearDoorId(QStringLiteral("motivair/chilleddoor"));
  rack.setLiquidLoopId(loop.id);
  project.findRack(rack.id())->operator=(rack);
  project.findRack(fixedId<RackId>(QStringLiteral("R-04")))->setAirZoneId(zone.id);
  DesignAssumptions assumptions = project.assumptions();
  assumptions.setValue(QStringLiteral("cooling.airLimitW"), 25'000.0);
  assumptions.setChoice(QStringLiteral("cooling.coolant"), QStringLiteral("water"));
  project.setAssumptions(assumptions);
  return project;
}

/// The content of tests/data/schema-v4.dcstudio: the v3 sample with a revision (non-ASCII, as
/// drawing registers write them). FROZEN like the others.
inline Project frozenSampleProjectV4() {
  Project project = frozenSampleProjectV3();
  project.setRevision(QStringLiteral("B — für Ausschreibung"));
  return project;
}

/// The content of tests/data/schema-v5.dcstudio: the v4 sample with a compute fabric (switch
/// racks named, 3:1 oversubscribed, 2 reserved ports), an out-of-band network on any racks,
/// and two cable trays at different heights. FROZEN like the others.
inline Project frozenSampleProjectV5() {
  Project project = frozenSampleProjectV4();
  const HallId hallA = project.halls().at(0).id();
  FabricSpec compute;
  compute.id = fixedId<FabricSpecId>(QStringLiteral("fabric-compute"));
  compute.hallId = hallA;
  compute.name = QStringLiteral("Compute fabric — rail-optimised");
  compute.kind = FabricKind::Compute;
  compute.leafSwitchId = QStringLiteral("nvidia/qm9700");
  compute.leafOversubscription = 3.0;
  compute.tiers = 2;
  compute.suNodes = 16;
  compute.reservedPorts = 2;
  compute.switchRackIds = {fixedId<RackId>(QStringLiteral("R-02")),
                           fixedId<RackId>(QStringLiteral("R-01"))};
  project.insertFabricSpec(-1, compute);
  FabricSpec oob;
  oob.id = fixedId<FabricSpecId>(QStringLiteral("fabric-oob"));
  oob.hallId = hallA;
  oob.name = QStringLiteral("OOB");
  oob.kind = FabricKind::OutOfBand;
  oob.topology = FabricTopology::FatTree;
  oob.leafSwitchId = QStringLiteral("nvidia/sn2201");
  oob.spineSwitchId = QStringLiteral("nvidia/sn4600c");
  oob.railOptimised = false;
  project.insertFabricSpec(-1, oob);
  project.insertCableTray(-1, CableTray{fixedId<CableTrayId>(QStringLiteral("tray-1")),
                                        hallA,
                                        QStringLiteral("T-1"),
                                        {{0, 2400}, {12000, 2400}, {12000, 9000}},
                                        2800,
                                        600,
                                        100,
                                        TrayKind::Ladder});
  project.insertCableTray(-1, CableTray{fixedId<CableTrayId>(QStringLiteral("tray-2")),
                                        hallA,
                                        QStringLiteral("T-2 (fibre)"),
                                        {{6000, 0}, {6000, 9000}},
                                        3200,
                                        300,
                                        60,
                                        TrayKind::WireMesh});
  return project;
}

/// The content of tests/data/schema-v6.dcstudio: the v5 sample with a training pool of two rows
/// (Slurm) and an inference pool of two named racks (Kubernetes), a pre-training workload with
/// its architecture and explicit parallelism, a LoRA fine-tune given by its parameters, and an
/// inference workload tiered to a small model; nearly every field away from its default.
/// FROZEN like the others.
inline Project frozenSampleProjectV6() {
  Project project = frozenSampleProjectV5();
  const HallId hallA = project.halls().at(0).id();
  WorkloadPool training;
  training.id = fixedId<WorkloadPoolId>(QStringLiteral("pool-training"));
  training.hallId = hallA;
  training.name = QStringLiteral("Training pool");
  training.scheduler = Scheduler::Slurm;
  training.rows = QStringList{QStringLiteral("Reihe-0"), QStringLiteral("Reihe-2")};
  project.insertWorkloadPool(-1, training);
  WorkloadPool serving;
  serving.id = fixedId<WorkloadPoolId>(QStringLiteral("pool-inference"));
  serving.hallId = hallA;
  serving.name = QStringLiteral("Inferenz — Kubernetes");
  serving.scheduler = Scheduler::Kubernetes;
  serving.rackIds = {fixedId<RackId>(QStringLiteral("R-05")),
                     fixedId<RackId>(QStringLiteral("R-03"))};
  serving.colourIndex = 3;
  project.insertWorkloadPool(-1, serving);

  // Llama-3-70B's architecture (Meta, "The Llama 3 Herd of Models", table 3).
  TransformerShape llama70b;
  llama70b.parameters = 70.6e9;
  llama70b.layers = 80;
  llama70b.hiddenSize = 8192;
  llama70b.ffnSize = 28672;
  llama70b.heads = 64;
  llama70b.kvHeads = 8;
  llama70b.headDim = 128;
  llama70b.vocabSize = 128256;
  llama70b.sequenceLength = 8192;
  Workload pretrain;
  pretrain.id = fixedId<WorkloadId>(QStringLiteral("wl-pretrain"));
  pretrain.poolId = training.id;
  pretrain.name = QStringLiteral("Llama-3-70B pre-training");
  pretrain.kind = WorkloadKind::Training;
  pretrain.model = llama70b;
  pretrain.precision = Precision::FP8;
  pretrain.gpus = 1024;
  pretrain.tokens = 15e12;
  pretrain.targetDays = 90.5;
  pretrain.globalBatchTokens = 16'777'216;
  pretrain.microBatch = 2;
  pretrain.parallelism = Parallelism{8, 4, 32, 1, 2};
  pretrain.recompute = RecomputeMode::Full;
  pretrain.mfu = 0.38;
  pretrain.goodput = 0.9;
  pretrain.runsPerMonth = 0.25;
  project.insertWorkload(-1, pretrain);

  Workload lora;
  lora.id = fixedId<WorkloadId>(QStringLiteral("wl-lora"));
  lora.poolId = training.id;
  lora.name = QStringLiteral("Support-bot LoRA (8B)");
  lora.kind = WorkloadKind::FineTuning;
  lora.model.parameters = 8.03e9;
  lora.gpus = 16;
  lora.tokens = 2.5e8;
  lora.fineTuneMethod = FineTuneMethod::LoRA;
  lora.loraRank = 64;
  lora.runsPerMonth = 6;
  lora.recompute = RecomputeMode::None;
  lora.parallelism = Parallelism{0, 1, 0, 2, 0};
  project.insertWorkload(-1, lora);

  Workload chat;
  chat.id = fixedId<WorkloadId>(QStringLiteral("wl-chat"));
  chat.poolId = serving.id;
  chat.name = QStringLiteral("Chat — 70B with 8B tier");
  chat.kind = WorkloadKind::Inference;
  chat.model = llama70b;
  chat.precision = Precision::FP4;
  chat.promptTokens = 2048;
  chat.outputTokens = 512;
  chat.requestsPerSecond = 12.5;
  chat.ttftTargetS = 1.5;
  chat.tpotTargetS = 0.05;
  chat.batching = Batching::Static;
  chat.smallModelShare = 0.7;
  chat.smallModel.parameters = 8.03e9;
  chat.smallModel.layers = 32;
  chat.smallModel.hiddenSize = 4096;
  chat.smallModel.ffnSize = 14336;
  chat.smallModel.heads = 32;
  chat.smallModel.kvHeads = 8;
  chat.smallModel.headDim = 128;
  chat.smallModel.vocabSize = 128256;
  chat.smallModel.sequenceLength = 8192;
  project.insertWorkload(-1, chat);
  return project;
}

/// A project of the size a hyperscale campus reaches: `rackCount` racks with `mountsPerRack`
/// devices each, spread over four halls.
inline Project largeProject(int rackCount, int mountsPerRack) {
  Project project;
  project.setName(QStringLiteral("Campus %1").arg(rackCount));
  for (int h = 0; h < 4; ++h) {
    project.insertHall(-1, Hall(fixedId<HallId>(QStringLiteral("big-hall-%1").arg(h)),
                                QStringLiteral("Hall %1").arg(h),
                                {{0, 0}, {300'000, 0}, {300'000, 300'000}, {0, 300'000}}));
  }
  for (int r = 0; r < rackCount; ++r) {
    const HallId hall = project.halls()[r % 4].id();
    project.insertRack(-1, sampleRack(QStringLiteral("big-%1").arg(r), hall,
                                      PointMm{600 * (r % 400), 1200 * (r / 400)}, 90 * (r % 4),
                                      CoolingMode::DirectToChip, mountsPerRack));
  }
  return project;
}

}  // namespace dc::testdata
