// SPDX-License-Identifier: GPL-3.0-or-later
// What a pool holds: GPU figures from the catalog, GPU nodes from the racks, power from the
// power pass, scale-out bandwidth from the fabric pass and the storage placed in the hall.
#include "fitinternal.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {

QString generationOf(const QString& family) {
  const QString f = family.toLower();
  for (const char* g : {"ampere", "hopper", "blackwell"}) {
    if (f.contains(QLatin1String(g))) {
      return QString::fromLatin1(g);
    }
  }
  return QStringLiteral("other");
}

/// A kind of GPU node found in the pool: a server model, or a rack-scale system's tray.
struct NodeKind {
  QString itemId;
  QString acceleratorId;
  int gpusPerNode = 0;
  int domainGpus = 0;
  int nodes = 0;
};

}  // namespace

QString gpuFigures(const Catalog& catalog, const QString& catalogId, fit::GpuFigures* figures) {
  fit::GpuFigures g;
  const CatalogItem* item = catalog.find(catalogId);
  if (!item) {
    *figures = g;
    return QStringLiteral("unknown GPU '%1': no such catalog item").arg(catalogId);
  }
  const CatalogItem* accelerator = item;
  if (item->kind != ItemKind::Accelerator) {
    accelerator = item->acceleratorPart.isEmpty() ? nullptr : catalog.find(item->acceleratorPart);
    if (!accelerator || accelerator->kind != ItemKind::Accelerator) {
      *figures = g;
      return item->acceleratorPart.isEmpty()
                 ? QStringLiteral("'%1' (%2) names no accelerator").arg(catalogId, item->model)
                 : QStringLiteral("unknown GPU '%1' named by '%2'")
                       .arg(item->acceleratorPart, catalogId);
    }
  }
  g.catalogId = accelerator->id;
  g.model = accelerator->model;
  g.generation = generationOf(accelerator->family);
  constexpr double kTera = 1e12;
  constexpr double kGiga = 1e9;
  g.bf16DenseFlops = accelerator->figureValue(QStringLiteral("compute.bf16DenseTflops")) * kTera;
  g.fp8DenseFlops = accelerator->figureValue(QStringLiteral("compute.fp8DenseTflops")) * kTera;
  g.fp4DenseFlops = accelerator->figureValue(QStringLiteral("compute.fp4DenseTflops")) * kTera;
  double memoryGb = accelerator->figureValue(QStringLiteral("compute.memoryGb"));
  if (memoryGb <= 0 && item != accelerator) {
    memoryGb = item->figureValue(QStringLiteral("accelerators.memoryGb"));
  }
  g.memoryBytes = memoryGb * kGiga;
  g.memoryBandwidthBps =
      accelerator->figureValue(QStringLiteral("compute.memoryBandwidthTBps")) * kTera;
  g.scaleUpBandwidthBps =
      accelerator->figureValue(QStringLiteral("compute.scaleUpBandwidthGBps")) * kGiga;
  g.maxPowerW = accelerator->maxPowerW() ? accelerator->maxPowerW()->value : 0.0;
  *figures = g;
  QStringList missing;
  if (g.bf16DenseFlops <= 0) {
    missing.append(QStringLiteral("BF16 dense peak (compute.bf16DenseTflops)"));
  }
  if (g.memoryBytes <= 0) {
    missing.append(QStringLiteral("memory (compute.memoryGb)"));
  }
  if (g.memoryBandwidthBps <= 0) {
    missing.append(QStringLiteral("memory bandwidth (compute.memoryBandwidthTBps)"));
  }
  if (!missing.isEmpty()) {
    return QStringLiteral("'%1' (%2) publishes no %3 in the catalog")
        .arg(accelerator->id, accelerator->model, missing.join(QStringLiteral(", ")));
  }
  return {};
}

PoolSummary standalonePool(const fit::GpuFigures& gpu, int gpus, int gpusPerNode,
                           double scaleOutBpsPerGpu, double storageReadBps,
                           double storageWriteBps) {
  PoolSummary pool;
  pool.name = QStringLiteral("Standalone");
  pool.gpu = gpu;
  pool.gpus = std::max(0, gpus);
  pool.gpusPerNode = std::max(1, gpusPerNode);
  pool.scaleUpDomainGpus = pool.gpusPerNode;
  pool.nodes = (pool.gpus + pool.gpusPerNode - 1) / pool.gpusPerNode;
  pool.scaleOutBpsPerGpu = std::max(0.0, scaleOutBpsPerGpu);
  pool.storageReadBps = std::max(0.0, storageReadBps);
  pool.storageWriteBps = std::max(0.0, storageWriteBps);
  pool.maxPowerWPerGpu = gpu.maxPowerW;
  return pool;
}

namespace fit {

QList<PoolSummary> poolSummaries(const DesignSnapshot& snapshot, const FabricResult& fabric,
                                 const PowerResult& power) {
  const Project& project = snapshot.project;
  const Catalog& catalog = snapshot.catalog;
  QList<PoolSummary> pools;
  for (const WorkloadPool& wp : project.workloadPools()) {
    PoolSummary pool;
    pool.poolId = wp.id;
    pool.hallId = wp.hallId;
    pool.name = wp.name;
    pool.scheduler = wp.scheduler;
    pool.rackIds = project.poolRackIds(wp);
    QSet<int> rackIndices;
    QList<NodeKind> kinds;
    QHash<QString, int> gpusByAccelerator;
    const auto addNodes = [&](const CatalogItem& item, int nodes, int gpusPerNode, int domainGpus) {
      auto it = std::find_if(kinds.begin(), kinds.end(),
                             [&](const NodeKind& k) { return k.itemId == item.id; });
      if (it == kinds.end()) {
        kinds.append({item.id, item.acceleratorPart, gpusPerNode, domainGpus, 0});
        it = kinds.end() - 1;
      }
      it->nodes += nodes;
      pool.nodes += nodes;
      pool.gpus += nodes * gpusPerNode;
      gpusByAccelerator[item.acceleratorPart] += nodes * gpusPerNode;
    };
    for (const RackId& id : pool.rackIds) {
      const qsizetype r = project.rackIndex(id);
      if (r < 0) {
        continue;
      }
      rackIndices.insert(int(r));
      const Rack& rack = project.racks()[r];
      const CatalogItem* system = catalog.find(rack.rackTypeId());
      if (system && system->fillsRack && system->acceleratorCount > 0) {
        const int trays =
            std::max(1, int(system->figureValue(QStringLiteral("computeTrays"), 1.0)));
        addNodes(*system, trays, system->acceleratorCount / trays, system->acceleratorCount);
      }
      for (const Mount& m : rack.mounts()) {
        const CatalogItem* item = catalog.find(m.catalogId);
        if (item && item->acceleratorCount > 0 && !item->acceleratorPart.isEmpty()) {
          addNodes(*item, 1, item->acceleratorCount, item->acceleratorCount);
        }
      }
      const auto p = power.racks.constFind(id);
      if (p != power.racks.cend()) {
        pool.itPowerW += p->maxPowerW.value;
        pool.worstPduLoadingPct = std::max(pool.worstPduLoadingPct, p->pduLoadingPct);
        // The design must carry the workload through a feed loss; a rack with one feed has no
        // failover state, and its normal loading is what it carries.
        pool.worstPduFailoverLoadingPct =
            std::max({pool.worstPduFailoverLoadingPct, p->pduFailoverLoadingPct, p->pduLoadingPct});
      }
    }
    // The most common node kind (ties: the first found) sets the GPU and the NVLink domain.
    const NodeKind* common = nullptr;
    for (const NodeKind& k : kinds) {
      if (!common || k.nodes * k.gpusPerNode > common->nodes * common->gpusPerNode) {
        common = &k;
      }
    }
    if (common) {
      pool.gpusPerNode = common->gpusPerNode;
      pool.scaleUpDomainGpus = common->domainGpus;
      gpuFigures(catalog, common->itemId, &pool.gpu);  // an incomplete GPU is the fit's finding
      if (pool.gpu.catalogId.isEmpty()) {
        pool.gpu.catalogId = common->acceleratorId;
      }
    }
    pool.mixedGpus = gpusByAccelerator.size() > 1;
    pool.maxPowerWPerGpu = pool.gpus > 0 ? pool.itPowerW / pool.gpus : 0.0;

    // Scale-out: the compute fabric of the hall that connects the most of the pool's nodes.
    const FabricSummary* best = nullptr;
    int bestNodes = 0;
    for (const FabricSummary& f : fabric.fabrics) {
      if (f.kind != FabricKind::Compute || f.hallId != pool.hallId || f.nodes <= 0 || f.gpus <= 0 ||
          f.nodePortSpeedGbps <= 0) {
        continue;
      }
      int inPool = 0;
      for (int d = 0; d < f.nodes && d < f.devices.size(); ++d) {
        inPool += rackIndices.contains(f.devices[d].rackIndex) ? 1 : 0;
      }
      if (inPool > bestNodes) {
        best = &f;
        bestNodes = inPool;
      }
    }
    if (best) {
      const double gpusPerFabricNode = double(best->gpus) / best->nodes;
      pool.scaleOutBpsPerGpu = best->nodePorts * best->nodePortSpeedGbps * 1e9 / 8.0 /
                               gpusPerFabricNode / std::max(1.0, best->oversubscription);
      pool.fabricName = best->name;
    }

    // Storage: every storage device placed in the pool's hall.
    for (const Rack& rack : project.racks()) {
      if (rack.hallId() != pool.hallId) {
        continue;
      }
      for (const Mount& m : rack.mounts()) {
        const CatalogItem* item = catalog.find(m.catalogId);
        if (item && item->kind == ItemKind::Storage) {
          pool.storageReadBps += item->figureValue(QStringLiteral("storage.readGBps")) * 1e9;
          pool.storageWriteBps += item->figureValue(QStringLiteral("storage.writeGBps")) * 1e9;
        }
      }
    }
    pool.pue = power.totals.pue.value;
    pools.append(pool);
  }
  return pools;
}

}  // namespace fit

}  // namespace dc
