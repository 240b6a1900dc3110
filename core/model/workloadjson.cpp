// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace dc {

namespace {

using namespace workloadjson;

QJsonObject shapeToJson(const TransformerShape& s) {
  return QJsonObject{{"parameters", s.parameters},
                     {"layers", s.layers},
                     {"hiddenSize", s.hiddenSize},
                     {"ffnSize", s.ffnSize},
                     {"heads", s.heads},
                     {"kvHeads", s.kvHeads},
                     {"headDim", s.headDim},
                     {"vocabSize", s.vocabSize},
                     {"sequenceLength", s.sequenceLength}};
}

QJsonObject parallelismToJson(const Parallelism& p) {
  return QJsonObject{
      {"tp", p.tp}, {"pp", p.pp}, {"dp", p.dp}, {"cp", p.cp}, {"zeroStage", p.zeroStage}};
}

/// Reads one JSON object strictly; the first problem wins and names its key by its path
/// ("workloads[2].model.heads").
class Reader final {
 public:
  Reader(const QJsonObject& object, QString path, QString* error)
      : mObject(object), mPath(std::move(path)), mError(error) {}

  bool ok() const { return mOk; }

  /// Refuses keys outside `known` (call first: a misspelt key is the likeliest mistake).
  void allowOnly(std::initializer_list<const char*> known) {
    QSet<QString> names;
    for (const char* name : known) {
      names.insert(QString::fromLatin1(name));
    }
    for (auto it = mObject.constBegin(); mOk && it != mObject.constEnd(); ++it) {
      if (!names.contains(it.key())) {
        QStringList sorted(names.cbegin(), names.cend());
        sorted.sort();
        fail(QStringLiteral("unknown key '%1' (known: %2)")
                 .arg(pathOf(it.key()), sorted.join(QStringLiteral(", "))));
      }
    }
  }

  void string(const char* key, QString* out, qsizetype maxChars = kMaxNameChars) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return;
    }
    if (!value.isString()) {
      fail(QStringLiteral("%1 must be a string").arg(pathOf(key)));
      return;
    }
    if (value.toString().size() > maxChars) {
      fail(QStringLiteral("%1 is longer than %2 characters").arg(pathOf(key)).arg(maxChars));
      return;
    }
    *out = value.toString();
  }

  void number(const char* key, double* out) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return;
    }
    if (!value.isDouble()) {
      fail(QStringLiteral("%1 must be a number").arg(pathOf(key)));
      return;
    }
    if (!std::isfinite(value.toDouble())) {
      fail(QStringLiteral("%1 must be a finite number").arg(pathOf(key)));
      return;
    }
    *out = value.toDouble();
  }

  void count(const char* key, int* out) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return;
    }
    const double number = value.toDouble();
    if (!value.isDouble() || !std::isfinite(number)) {
      fail(QStringLiteral("%1 must be a whole number").arg(pathOf(key)));
      return;
    }
    if (std::floor(number) != number) {
      fail(QStringLiteral("%1 must be a whole number (got %2)").arg(pathOf(key)).arg(number));
      return;
    }
    if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
      fail(QStringLiteral("%1 is out of range (got %2)").arg(pathOf(key)).arg(number));
      return;
    }
    *out = static_cast<int>(number);
  }

  /// An enum by its key; `values` lists every value so the message can name the allowed keys.
  template <typename E>
  void choice(const char* key, E* out, std::initializer_list<E> values, QString (*toKey)(E),
              bool (*fromKey)(const QString&, E*)) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return;
    }
    QStringList allowed;
    for (E v : values) {
      allowed << toKey(v);
    }
    if (!value.isString()) {
      fail(QStringLiteral("%1 must be one of %2 (a string)")
               .arg(pathOf(key), allowed.join(QStringLiteral(", "))));
      return;
    }
    if (!fromKey(value.toString(), out)) {
      fail(QStringLiteral("%1 is '%2' (allowed: %3)")
               .arg(pathOf(key), value.toString().left(kMaxNameChars),
                    allowed.join(QStringLiteral(", "))));
    }
  }

  template <typename IdT>
  void id(const char* key, IdT* out) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return;
    }
    const IdT parsed = value.isString() ? IdT::fromString(value.toString()) : IdT();
    if (parsed.isNull()) {
      fail(QStringLiteral("%1 must be an id (a UUID string)").arg(pathOf(key)));
      return;
    }
    *out = parsed;
  }

  /// A nested object, read by `read(Reader&)`.
  template <typename F>
  void object(const char* key, F read) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return;
    }
    if (!value.isObject()) {
      fail(QStringLiteral("%1 must be an object").arg(pathOf(key)));
      return;
    }
    Reader nested(value.toObject(), pathOf(key), mError);
    read(nested);
    if (!nested.ok()) {
      mOk = false;
    }
  }

  /// An array whose every element is a string of at most kMaxNameChars.
  void strings(const char* key, QStringList* out, qsizetype maxItems) {
    QJsonArray array;
    if (!arrayOf(key, maxItems, &array)) {
      return;
    }
    QStringList items;
    for (qsizetype i = 0; i < array.size(); ++i) {
      const QString where = QStringLiteral("%1[%2]").arg(pathOf(key)).arg(i);
      if (!array[i].isString()) {
        fail(QStringLiteral("%1 must be a string").arg(where));
        return;
      }
      if (array[i].toString().size() > kMaxNameChars) {
        fail(QStringLiteral("%1 is longer than %2 characters").arg(where).arg(kMaxNameChars));
        return;
      }
      items << array[i].toString();
    }
    *out = items;
  }

  template <typename IdT>
  void ids(const char* key, QList<IdT>* out, qsizetype maxItems) {
    QJsonArray array;
    if (!arrayOf(key, maxItems, &array)) {
      return;
    }
    QList<IdT> items;
    for (qsizetype i = 0; i < array.size(); ++i) {
      const IdT parsed = array[i].isString() ? IdT::fromString(array[i].toString()) : IdT();
      if (parsed.isNull()) {
        fail(QStringLiteral("%1[%2] must be an id (a UUID string)").arg(pathOf(key)).arg(i));
        return;
      }
      items << parsed;
    }
    *out = items;
  }

 private:
  QString pathOf(const QString& key) const {
    return mPath.isEmpty() ? key : mPath + QLatin1Char('.') + key;
  }
  QString pathOf(const char* key) const { return pathOf(QString::fromLatin1(key)); }

  /// The value of `key`, or undefined when absent or after an earlier failure.
  QJsonValue take(const char* key) const {
    return mOk ? mObject.value(QLatin1String(key)) : QJsonValue(QJsonValue::Undefined);
  }

  bool arrayOf(const char* key, qsizetype maxItems, QJsonArray* out) {
    const QJsonValue value = take(key);
    if (value.isUndefined()) {
      return false;
    }
    if (!value.isArray()) {
      fail(QStringLiteral("%1 must be an array").arg(pathOf(key)));
      return false;
    }
    if (value.toArray().size() > maxItems) {
      fail(QStringLiteral("%1 has more than %2 entries").arg(pathOf(key)).arg(maxItems));
      return false;
    }
    *out = value.toArray();
    return true;
  }

  void fail(const QString& message) {
    if (mOk && mError) {
      *mError = message;
    }
    mOk = false;
  }

  const QJsonObject mObject;  // a copy (implicitly shared): a nested object is a temporary
  QString mPath;
  QString* mError;
  bool mOk = true;
};

void readShape(Reader& r, TransformerShape* s) {
  r.allowOnly({"parameters", "layers", "hiddenSize", "ffnSize", "heads", "kvHeads", "headDim",
               "vocabSize", "sequenceLength"});
  r.number("parameters", &s->parameters);
  r.count("layers", &s->layers);
  r.count("hiddenSize", &s->hiddenSize);
  r.count("ffnSize", &s->ffnSize);
  r.count("heads", &s->heads);
  r.count("kvHeads", &s->kvHeads);
  r.count("headDim", &s->headDim);
  r.count("vocabSize", &s->vocabSize);
  r.count("sequenceLength", &s->sequenceLength);
}

bool readWorkload(const QJsonObject& object, const QString& path, Workload* out, QString* error) {
  Workload w;
  Reader r(object, path, error);
  r.allowOnly({"id",
               "poolId",
               "name",
               "kind",
               "model",
               "precision",
               "gpus",
               "tokens",
               "targetDays",
               "globalBatchTokens",
               "microBatch",
               "parallelism",
               "recompute",
               "mfu",
               "goodput",
               "fineTuneMethod",
               "loraRank",
               "runsPerMonth",
               "promptTokens",
               "outputTokens",
               "requestsPerSecond",
               "ttftTargetS",
               "tpotTargetS",
               "batching",
               "smallModelShare",
               "smallModel"});
  r.id("id", &w.id);
  r.id("poolId", &w.poolId);
  r.string("name", &w.name);
  r.choice("kind", &w.kind,
           {WorkloadKind::Training, WorkloadKind::FineTuning, WorkloadKind::Inference},
           workloadKindKey, workloadKindFromKey);
  r.object("model", [&](Reader& nested) { readShape(nested, &w.model); });
  r.choice("precision", &w.precision,
           {Precision::BF16, Precision::FP8, Precision::FP4, Precision::INT4}, precisionKey,
           precisionFromKey);
  r.count("gpus", &w.gpus);
  r.number("tokens", &w.tokens);
  r.number("targetDays", &w.targetDays);
  r.number("globalBatchTokens", &w.globalBatchTokens);
  r.count("microBatch", &w.microBatch);
  r.object("parallelism", [&](Reader& nested) {
    nested.allowOnly({"tp", "pp", "dp", "cp", "zeroStage"});
    nested.count("tp", &w.parallelism.tp);
    nested.count("pp", &w.parallelism.pp);
    nested.count("dp", &w.parallelism.dp);
    nested.count("cp", &w.parallelism.cp);
    nested.count("zeroStage", &w.parallelism.zeroStage);
  });
  r.choice("recompute", &w.recompute,
           {RecomputeMode::None, RecomputeMode::Selective, RecomputeMode::Full}, recomputeModeKey,
           recomputeModeFromKey);
  r.number("mfu", &w.mfu);
  r.number("goodput", &w.goodput);
  r.choice("fineTuneMethod", &w.fineTuneMethod, {FineTuneMethod::Full, FineTuneMethod::LoRA},
           fineTuneMethodKey, fineTuneMethodFromKey);
  r.count("loraRank", &w.loraRank);
  r.number("runsPerMonth", &w.runsPerMonth);
  r.count("promptTokens", &w.promptTokens);
  r.count("outputTokens", &w.outputTokens);
  r.number("requestsPerSecond", &w.requestsPerSecond);
  r.number("ttftTargetS", &w.ttftTargetS);
  r.number("tpotTargetS", &w.tpotTargetS);
  r.choice("batching", &w.batching, {Batching::Static, Batching::Continuous}, batchingKey,
           batchingFromKey);
  r.number("smallModelShare", &w.smallModelShare);
  r.object("smallModel", [&](Reader& nested) { readShape(nested, &w.smallModel); });
  if (!r.ok()) {
    return false;
  }
  *out = w;
  return true;
}

/// The deepest nesting of objects and arrays in `json`, counted outside strings, so a document
/// nested thousands deep is refused before the parser recurses into it.
int nestingDepth(const QByteArray& json) {
  int depth = 0;
  int deepest = 0;
  bool inString = false;
  for (qsizetype i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (inString) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

}  // namespace

QJsonObject workloadToJson(const Workload& w) {
  QJsonObject o;
  if (!w.id.isNull()) {
    o.insert(QStringLiteral("id"), w.id.toString());
  }
  if (!w.poolId.isNull()) {
    o.insert(QStringLiteral("poolId"), w.poolId.toString());
  }
  o.insert(QStringLiteral("name"), w.name);
  o.insert(QStringLiteral("kind"), workloadKindKey(w.kind));
  o.insert(QStringLiteral("model"), shapeToJson(w.model));
  o.insert(QStringLiteral("precision"), precisionKey(w.precision));
  o.insert(QStringLiteral("gpus"), w.gpus);
  o.insert(QStringLiteral("tokens"), w.tokens);
  o.insert(QStringLiteral("targetDays"), w.targetDays);
  o.insert(QStringLiteral("globalBatchTokens"), w.globalBatchTokens);
  o.insert(QStringLiteral("microBatch"), w.microBatch);
  o.insert(QStringLiteral("parallelism"), parallelismToJson(w.parallelism));
  o.insert(QStringLiteral("recompute"), recomputeModeKey(w.recompute));
  o.insert(QStringLiteral("mfu"), w.mfu);
  o.insert(QStringLiteral("goodput"), w.goodput);
  o.insert(QStringLiteral("fineTuneMethod"), fineTuneMethodKey(w.fineTuneMethod));
  o.insert(QStringLiteral("loraRank"), w.loraRank);
  o.insert(QStringLiteral("runsPerMonth"), w.runsPerMonth);
  o.insert(QStringLiteral("promptTokens"), w.promptTokens);
  o.insert(QStringLiteral("outputTokens"), w.outputTokens);
  o.insert(QStringLiteral("requestsPerSecond"), w.requestsPerSecond);
  o.insert(QStringLiteral("ttftTargetS"), w.ttftTargetS);
  o.insert(QStringLiteral("tpotTargetS"), w.tpotTargetS);
  o.insert(QStringLiteral("batching"), batchingKey(w.batching));
  o.insert(QStringLiteral("smallModelShare"), w.smallModelShare);
  o.insert(QStringLiteral("smallModel"), shapeToJson(w.smallModel));
  return o;
}

bool workloadFromJson(const QJsonObject& object, Workload* workload, QString* error) {
  return readWorkload(object, QString(), workload, error);
}

QJsonObject workloadPoolToJson(const WorkloadPool& pool) {
  QJsonObject o;
  if (!pool.id.isNull()) {
    o.insert(QStringLiteral("id"), pool.id.toString());
  }
  if (!pool.hallId.isNull()) {
    o.insert(QStringLiteral("hallId"), pool.hallId.toString());
  }
  o.insert(QStringLiteral("name"), pool.name);
  o.insert(QStringLiteral("scheduler"), schedulerKey(pool.scheduler));
  QJsonArray racks;
  for (RackId id : pool.rackIds) {
    racks.append(id.toString());
  }
  o.insert(QStringLiteral("rackIds"), racks);
  o.insert(QStringLiteral("rows"), QJsonArray::fromStringList(pool.rows));
  o.insert(QStringLiteral("colourIndex"), pool.colourIndex);
  return o;
}

bool workloadPoolFromJson(const QJsonObject& object, WorkloadPool* pool, QString* error) {
  WorkloadPool p;
  Reader r(object, QString(), error);
  r.allowOnly({"id", "hallId", "name", "scheduler", "rackIds", "rows", "colourIndex"});
  r.id("id", &p.id);
  r.id("hallId", &p.hallId);
  r.string("name", &p.name);
  r.choice("scheduler", &p.scheduler, {Scheduler::Slurm, Scheduler::Kubernetes}, schedulerKey,
           schedulerFromKey);
  r.ids("rackIds", &p.rackIds, kMaxPoolRacks);
  r.strings("rows", &p.rows, kMaxPoolRows);
  r.count("colourIndex", &p.colourIndex);
  if (!r.ok()) {
    return false;
  }
  *pool = p;
  return true;
}

bool workloadsFromJsonDocument(const QByteArray& json, QList<Workload>* workloads, QString* error) {
  auto refuse = [&](const QString& message) {
    if (error) {
      *error = message;
    }
    return false;
  };
  if (json.size() > kMaxDocumentBytes) {
    return refuse(
        QStringLiteral("the workload file is larger than 1 MB (%1 bytes)").arg(json.size()));
  }
  if (nestingDepth(json) > kMaxDepth) {
    return refuse(
        QStringLiteral("the workload file is nested more than %1 levels deep").arg(kMaxDepth));
  }
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
  if (parseError.error != QJsonParseError::NoError) {
    return refuse(QStringLiteral("the workload file is not JSON (%1 at byte %2)")
                      .arg(parseError.errorString())
                      .arg(parseError.offset));
  }
  if (!document.isObject()) {
    return refuse(QStringLiteral(
        "the workload file must hold a JSON object: one workload, or {\"workloads\": [...]}"));
  }
  const QJsonObject root = document.object();
  QList<Workload> read;
  if (!root.contains(QLatin1String("workloads"))) {
    Workload w;
    if (!readWorkload(root, QString(), &w, error)) {
      return false;
    }
    read.append(w);
  } else {
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
      if (it.key() != QLatin1String("workloads")) {
        return refuse(QStringLiteral("unknown key '%1' next to workloads (known: workloads)")
                          .arg(it.key().left(kMaxNameChars)));
      }
    }
    const QJsonValue list = root.value(QLatin1String("workloads"));
    if (!list.isArray()) {
      return refuse(QStringLiteral("workloads must be an array of workload objects"));
    }
    const QJsonArray array = list.toArray();
    if (array.isEmpty()) {
      return refuse(QStringLiteral("workloads is empty: the file names no workload"));
    }
    if (array.size() > kMaxWorkloads) {
      return refuse(QStringLiteral("workloads has more than %1 entries").arg(kMaxWorkloads));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
      const QString path = QStringLiteral("workloads[%1]").arg(i);
      if (!array[i].isObject()) {
        return refuse(QStringLiteral("%1 must be an object").arg(path));
      }
      Workload w;
      if (!readWorkload(array[i].toObject(), path, &w, error)) {
        return false;
      }
      read.append(w);
    }
  }
  *workloads = read;
  return true;
}

}  // namespace dc
