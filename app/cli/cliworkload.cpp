// SPDX-License-Identifier: GPL-3.0-or-later
// The workload-fit result as dcstudio-cli prints it: the JSON object of one pool and of one
// workload's fit (shared by `fit` and `analyze --json`), and the readable text of `fit`.
#include "clioutput.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace dc {

namespace {

/// A number, or null when it is not finite (JSON has no NaN or infinity).
QJsonValue number(double value) {
  return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

/// A number that only means something when `applies`, else null.
QJsonValue numberIf(bool applies, double value) {
  return applies ? number(value) : QJsonValue();
}

QJsonValue uuidJson(const QUuid& id) {
  return id.isNull() ? QJsonValue() : QJsonValue(id.toString(QUuid::WithoutBraces));
}

bool isTraining(const WorkloadFit& fit) {
  return fit.kind == WorkloadKind::Training || fit.kind == WorkloadKind::FineTuning;
}

bool isInference(const WorkloadFit& fit) {
  return fit.kind == WorkloadKind::Inference;
}

/// The fit was computed (no input problem stopped it).
bool analysed(const WorkloadFit& fit) {
  return fit.problem.isEmpty();
}

QJsonObject checkJson(const ResourceCheck& c) {
  return QJsonObject{{"resource", fitResourceKey(c.resource)},
                     {"what", c.what},
                     {"required", number(c.required)},
                     {"available", c.assessed ? number(c.available) : QJsonValue()},
                     {"unit", c.unit},
                     {"margin", c.assessed ? number(c.margin) : QJsonValue()},
                     {"assessed", c.assessed}};
}

QJsonObject replicaJson(const fit::ServingReplica& r) {
  return QJsonObject{{"gpus", r.gpus},
                     {"weightsBytes", number(r.weightsBytes)},
                     {"kvCacheBytesPerToken", number(r.kvBytesPerToken)},
                     {"kvCacheBytesPerSequence", number(r.kvBytesPerSequence)},
                     {"maxSequences", r.maxSequences},
                     {"batch", r.batch},
                     {"ttftSeconds", number(r.ttftS)},
                     {"tpotSeconds", number(r.tpotS)},
                     {"tokensPerSecond", number(r.tokensPerSecond)},
                     {"requestsPerSecond", number(r.requestsPerSecond)},
                     {"meetsTtft", r.meetsTtft},
                     {"meetsTpot", r.meetsTpot},
                     {"limit", r.limit}};
}

}  // namespace

double inferenceMemoryPerGpuBytes(const InferenceFit& inference) {
  const fit::ServingReplica& r = inference.replica;
  if (r.gpus <= 0) {
    return 0.0;
  }
  return (r.weightsBytes + double(r.batch) * r.kvBytesPerSequence) / double(r.gpus);
}

QJsonObject workloadPoolJson(const PoolSummary& pool) {
  QJsonArray racks;
  for (const RackId& id : pool.rackIds) {
    racks.append(id.toString());
  }
  return QJsonObject{{"id", uuidJson(pool.poolId.uuid())},
                     {"hallId", uuidJson(pool.hallId.uuid())},
                     {"name", pool.name},
                     {"scheduler", schedulerKey(pool.scheduler)},
                     {"rackIds", racks},
                     {"rackCount", qint64(pool.rackIds.size())},
                     {"nodes", pool.nodes},
                     {"gpus", pool.gpus},
                     {"gpusPerNode", pool.gpusPerNode},
                     {"scaleUpDomainGpus", pool.scaleUpDomainGpus},
                     {"gpu", pool.gpu.catalogId.isEmpty() ? QJsonValue() : pool.gpu.catalogId},
                     {"gpuModel", pool.gpu.model},
                     {"gpuGeneration", pool.gpu.generation},
                     {"mixedGpus", pool.mixedGpus},
                     {"itPowerW", number(pool.itPowerW)},
                     {"maxPowerWPerGpu", number(pool.maxPowerWPerGpu)},
                     {"worstPduLoadingPct", number(pool.worstPduLoadingPct)},
                     {"scaleOutBytesPerSecondPerGpu", number(pool.scaleOutBpsPerGpu)},
                     {"fabric", pool.fabricName.isEmpty() ? QJsonValue() : pool.fabricName},
                     {"storageReadBytesPerSecond", number(pool.storageReadBps)},
                     {"storageWriteBytesPerSecond", number(pool.storageWriteBps)},
                     {"pue", number(pool.pue)}};
}

QJsonObject workloadFitJson(const WorkloadFit& fit, const PoolSummary* pool,
                            const QJsonArray& findings) {
  const TrainingFit& t = fit.training;
  const InferenceFit& i = fit.inference;
  const bool train = analysed(fit) && isTraining(fit);
  const bool serve = analysed(fit) && isInference(fit);
  QJsonArray checks;
  for (const ResourceCheck& c : fit.checks) {
    checks.append(checkJson(c));
  }
  QJsonObject o{
      {"id", uuidJson(fit.workloadId.uuid())},
      {"poolId", uuidJson(fit.poolId.uuid())},
      {"pool", pool ? QJsonValue(pool->name) : QJsonValue()},
      {"name", fit.name},
      {"kind", workloadKindKey(fit.kind)},
      {"problem", fit.problem.isEmpty() ? QJsonValue() : fit.problem},
      {"gpu",
       pool && !pool->gpu.catalogId.isEmpty() ? QJsonValue(pool->gpu.catalogId) : QJsonValue()},
      {"gpuModel", pool ? QJsonValue(pool->gpu.model) : QJsonValue()},
      {"gpus", train   ? t.gpus
               : serve ? i.gpus
                       : 0},
      {"verdict", fitVerdictKey(fit.verdict)},
      {"limitingResource", fitResourceKey(fit.limitingResource)},
      {"margin", analysed(fit) ? number(fit.margin) : QJsonValue()},
      // Training and fine-tuning
      {"parameters", train   ? number(t.parameters)
                     : serve ? number(i.parameters)
                             : QJsonValue()},
      {"tokens", numberIf(train, t.tokens)},
      {"trainingFlops", numberIf(train, t.flops)},
      {"flopsFormula", train ? QJsonValue(t.flopsFormula) : QJsonValue()},
      {"peakFlopsPerGpu", numberIf(train, t.peakFlops)},
      {"mfu", numberIf(train, t.mfu)},
      {"mfuSource", train ? QJsonValue(t.mfuSource) : QJsonValue()},
      {"goodput", numberIf(train, t.goodput)},
      {"seconds", numberIf(train, t.seconds)},
      {"days", numberIf(train, t.days)},
      {"gpuHours", numberIf(train, t.gpuHours)},
      {"gpuHoursPerMonth",
       numberIf(train && fit.kind == WorkloadKind::FineTuning, t.gpuHoursPerMonth)},
      {"parallelism", train ? QJsonValue(QJsonObject{{"tp", t.parallelism.tp},
                                                     {"pp", t.parallelism.pp},
                                                     {"dp", t.parallelism.dp},
                                                     {"cp", t.parallelism.cp},
                                                     {"zeroStage", t.parallelism.zeroStage}})
                            : QJsonValue()},
      {"modelStateBytesPerGpu", numberIf(train, t.modelStateBytesPerGpu)},
      {"activationBytesPerGpu", numberIf(train, t.activationBytesPerGpu)},
      {"memoryPerGpuBytes", train   ? number(t.memoryPerGpuBytes)
                            : serve ? number(inferenceMemoryPerGpuBytes(i))
                                    : QJsonValue()},
      {"minGpusForMemory", train   ? QJsonValue(t.minGpusForMemory)
                           : serve ? QJsonValue(i.replica.gpus)
                                   : QJsonValue()},
      {"stepSeconds", numberIf(train, t.stepSeconds)},
      {"allReduceSeconds", numberIf(train, t.allReduceSeconds)},
      {"commFraction", numberIf(train, t.commFraction)},
      {"checkpointBytes", numberIf(train, t.checkpointBytes)},
      {"checkpointWriteBytesPerSecond", numberIf(train, t.checkpointWriteBps)},
      {"checkpointWriteSeconds", numberIf(train, t.checkpointWriteSeconds)},
      {"mtbfSeconds", numberIf(train, t.mtbfSeconds)},
      {"checkpointIntervalSeconds", numberIf(train, t.checkpointIntervalSeconds)},
      {"dataReadBytesPerSecond", numberIf(train, t.dataReadBps)},
      // Inference
      {"weightsBytes", numberIf(serve, i.replica.weightsBytes)},
      {"kvCacheBytesPerToken", numberIf(serve, i.replica.kvBytesPerToken)},
      {"replica", serve ? QJsonValue(replicaJson(i.replica)) : QJsonValue()},
      {"replicas", serve ? QJsonValue(i.replicas) : QJsonValue()},
      {"tokensPerSecond", numberIf(serve, i.tokensPerSecond)},
      {"capacityTokensPerSecond", numberIf(serve, i.capacityTokensPerSecond)},
      {"continuousBatchingGain", numberIf(serve, i.continuousBatchingGain)},
      {"joulesPerToken", numberIf(serve, i.cost.joulesPerToken)},
      {"energyUsdPerMillionTokens", numberIf(serve, i.cost.energyUsdPerMillion)},
      {"hardwareUsdPerMillionTokens", numberIf(serve, i.cost.hardwareUsdPerMillion)},
      {"costPerMillionTokens", numberIf(serve, i.cost.usdPerMillion)},
      {"costPerMillionTokensAtFullLoad", numberIf(serve, i.costAtFullLoad.usdPerMillion)},
      {"tiering", serve && i.tiered
                      ? QJsonValue(QJsonObject{
                            {"smallReplica", replicaJson(i.smallReplica)},
                            {"smallReplicas", i.smallReplicas},
                            {"largeReplicas", i.largeReplicas},
                            {"untieredCostPerMillionTokens", number(i.untieredUsdPerMillion)},
                            {"savingPct", number(i.tieringSavingPct)}})
                      : QJsonValue()},
      {"checks", checks},
      {"findings", findings}};
  return o;
}

bool findingConcerns(const Finding& finding, const WorkloadFit& fit) {
  const auto concerns = [&](const ObjectRef& ref) {
    return (ref.kind == ObjectKind::Workload && !fit.workloadId.isNull() &&
            ref.id == fit.workloadId.uuid()) ||
           (ref.kind == ObjectKind::WorkloadPool && !fit.poolId.isNull() &&
            ref.id == fit.poolId.uuid());
  };
  if (concerns(finding.subject)) {
    return true;
  }
  for (const ObjectRef& ref : finding.related) {
    if (concerns(ref)) {
      return true;
    }
  }
  return false;
}

}  // namespace dc
