// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogitemparser.h"

#include "catalogschema.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {

/// What a figure inherits from its enclosing item or group.
struct Defaults {
  Source source;
  Confidence confidence = Confidence::Vendor;
  QString note;
};

QString join(const QString& prefix, const QString& name) {
  return prefix.isEmpty() ? name : prefix + QLatin1Char('.') + name;
}

class ItemWalker {
 public:
  ItemWalker(const CatalogSources& sources, CatalogItem& item) : mSources(sources), mItem(item) {}

  Defaults applyMeta(const QJsonObject& object, const QString& path, const Defaults& outer) {
    Defaults d = outer;
    if (object.contains(QLatin1String("source"))) {
      d.source =
          source(object.value(QLatin1String("source")), join(path, QStringLiteral("source")));
    }
    if (object.contains(QLatin1String("confidence"))) {
      d.confidence = confidence(object.value(QLatin1String("confidence")),
                                join(path, QStringLiteral("confidence")));
    }
    // A group's note explains the group's figures; the item's own note is about the item and is
    // not copied onto every figure.
    d.note = path.isEmpty() ? QString() : object.value(QLatin1String("note")).toString();
    return d;
  }

  void walkObject(const QJsonObject& object, const QList<SchemaField>& fields, const QString& path,
                  const Defaults& defaults) {
    for (auto it = object.begin(); it != object.end(); ++it) {
      const QString key = it.key();
      const QString fieldPath = join(path, key);
      if (!path.isEmpty() && (key == QLatin1String("source") ||
                              key == QLatin1String("confidence") || key == QLatin1String("note"))) {
        continue;  // group meta, applied by applyMeta()
      }
      const SchemaField* field = findField(fields, key);
      if (!field) {
        throw CatalogItemError{fieldPath, QStringLiteral("unknown field (see docs/catalog.md)")};
      }
      walkField(*field, it.value(), fieldPath, defaults);
    }
  }

 private:
  static const SchemaField* findField(const QList<SchemaField>& fields, const QString& key) {
    for (const SchemaField& field : fields) {
      if (key == QLatin1String(field.name)) {
        return &field;
      }
    }
    return nullptr;
  }

  Source source(const QJsonValue& value, const QString& path) const {
    const QString key = value.toString();
    const auto it = mSources.constFind(key);
    if (!value.isString() || it == mSources.cend()) {
      throw CatalogItemError{
          path, QStringLiteral("unknown source %1 (declare it in the file's \"sources\")")
                    .arg(describeJsonValue(value))};
    }
    return it.value();
  }

  static Confidence confidence(const QJsonValue& value, const QString& path) {
    Confidence c = Confidence::Vendor;
    if (!value.isString() || !confidenceFromKey(value.toString(), &c)) {
      throw CatalogItemError{
          path, QStringLiteral("must be vendor, secondary, derived or estimate, got %1")
                    .arg(describeJsonValue(value))};
    }
    return c;
  }

  void walkField(const SchemaField& field, const QJsonValue& value, const QString& path,
                 const Defaults& defaults) {
    using T = SchemaField::Type;
    switch (field.type) {
      case T::Text:
        if (!value.isString()) {
          throw CatalogItemError{
              path, QStringLiteral("must be text, got %1").arg(describeJsonValue(value))};
        }
        if (!field.choices.isEmpty() && !field.choices.contains(value.toString())) {
          throw CatalogItemError{
              path, QStringLiteral("must be one of %1, got %2")
                        .arg(field.choices.join(QStringLiteral(", ")), describeJsonValue(value))};
        }
        mItem.texts.insert(path, value.toString());
        return;
      case T::Bool:
        if (!value.isBool()) {
          throw CatalogItemError{
              path, QStringLiteral("must be true or false, got %1").arg(describeJsonValue(value))};
        }
        mItem.texts.insert(path, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        return;
      case T::Figure:
      case T::IntFigure:
      case T::Fraction:
        mItem.figures.insert(path, figure(field.type, value, path, defaults));
        return;
      case T::Group: {
        if (!value.isObject()) {
          throw CatalogItemError{
              path, QStringLiteral("must be an object, got %1").arg(describeJsonValue(value))};
        }
        const QJsonObject object = value.toObject();
        walkObject(object, field.children, path, applyMeta(object, path, defaults));
        return;
      }
      case T::GroupArray:
      case T::FigureArray: {
        if (!value.isArray()) {
          throw CatalogItemError{
              path, QStringLiteral("must be an array, got %1").arg(describeJsonValue(value))};
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
          const QString elementPath = QStringLiteral("%1[%2]").arg(path).arg(i);
          if (field.type == T::FigureArray) {
            mItem.figures.insert(elementPath, figure(T::Figure, array[i], elementPath, defaults));
            continue;
          }
          if (!array[i].isObject()) {
            throw CatalogItemError{
                elementPath,
                QStringLiteral("must be an object, got %1").arg(describeJsonValue(array[i]))};
          }
          const QJsonObject object = array[i].toObject();
          walkObject(object, field.children, elementPath, applyMeta(object, elementPath, defaults));
        }
        return;
      }
    }
  }

  SpecValue figure(SchemaField::Type type, const QJsonValue& value, const QString& path,
                   const Defaults& defaults) const {
    SpecValue spec{0.0, defaults.source, defaults.confidence, defaults.note};
    QJsonValue number = value;
    QString valuePath = path;
    if (value.isObject()) {
      const QJsonObject object = value.toObject();
      for (auto it = object.begin(); it != object.end(); ++it) {
        static const QStringList kAllowed{"value", "source", "confidence", "note"};
        if (!kAllowed.contains(it.key())) {
          throw CatalogItemError{
              join(path, it.key()),
              QStringLiteral("unknown field in a figure (value, source, confidence, note)")};
        }
      }
      number = object.value(QLatin1String("value"));
      valuePath = join(path, QStringLiteral("value"));
      if (object.contains(QLatin1String("source"))) {
        spec.source =
            source(object.value(QLatin1String("source")), join(path, QStringLiteral("source")));
      }
      if (object.contains(QLatin1String("confidence"))) {
        spec.confidence = confidence(object.value(QLatin1String("confidence")),
                                     join(path, QStringLiteral("confidence")));
      }
      if (object.contains(QLatin1String("note"))) {
        spec.note = object.value(QLatin1String("note")).toString();
      }
    }
    if (!number.isDouble() || !std::isfinite(number.toDouble()) || number.toDouble() < 0) {
      throw CatalogItemError{
          valuePath,
          QStringLiteral("must be a number >= 0, got %1").arg(describeJsonValue(number))};
    }
    spec.value = number.toDouble();
    if (type == SchemaField::Type::IntFigure && spec.value != std::floor(spec.value)) {
      throw CatalogItemError{valuePath,
                             QStringLiteral("must be a whole number, got %1").arg(spec.value)};
    }
    if (type == SchemaField::Type::Fraction && spec.value > 1.0) {
      throw CatalogItemError{
          valuePath, QStringLiteral("must be a fraction from 0 to 1, got %1").arg(spec.value)};
    }
    if ((spec.confidence == Confidence::Derived || spec.confidence == Confidence::Estimate) &&
        spec.note.trimmed().isEmpty()) {
      throw CatalogItemError{
          path, spec.confidence == Confidence::Derived
                    ? QStringLiteral("a derived figure needs a note with its arithmetic")
                    : QStringLiteral("an estimate needs a note with its basis")};
    }
    return spec;
  }

  const CatalogSources& mSources;
  CatalogItem& mItem;
};

QString requiredText(const QJsonObject& object, const char* key) {
  const QJsonValue value = object.value(QLatin1String(key));
  if (!value.isString() || value.toString().trimmed().isEmpty()) {
    throw CatalogItemError{
        QString::fromLatin1(key),
        QStringLiteral("required text is missing or empty (got %1)").arg(describeJsonValue(value))};
  }
  return value.toString();
}

/// Fills the typed members from the walked texts and figures, and checks what spans fields.
void finishItem(CatalogItem& item) {
  if (const SpecValue* h = item.figure(QStringLiteral("heightU"))) {
    item.heightU = int(h->value);
  }
  item.fillsRack = item.texts.value(QStringLiteral("fillsRack")) == QLatin1String("true");
  item.formFactor = item.texts.value(QStringLiteral("formFactor"));
  item.cooling = item.texts.value(QStringLiteral("cooling"));
  item.acceleratorPart = item.texts.value(QStringLiteral("accelerators.part"));
  item.acceleratorCount = int(item.figureValue(QStringLiteral("accelerators.count")));
  item.usableU = int(item.figureValue(QStringLiteral("rack.usableU")));
  for (int i = 0;; ++i) {
    const QString prefix = QStringLiteral("ports[%1].").arg(i);
    const SpecValue* count = item.figure(prefix + QStringLiteral("count"));
    const SpecValue* speed = item.figure(prefix + QStringLiteral("speedGbps"));
    if (!count && !speed && !item.texts.contains(prefix + QStringLiteral("purpose"))) {
      break;
    }
    if (!count || !speed) {
      throw CatalogItemError{QStringLiteral("ports[%1]").arg(i),
                             QStringLiteral("a port group needs count and speedGbps")};
    }
    item.ports.append(
        {int(count->value), speed->value,
         item.texts.value(prefix + QStringLiteral("purpose"), QStringLiteral("any")),
         item.texts.value(prefix + QStringLiteral("connector")),
         item.texts.value(prefix + QStringLiteral("protocol")),
         item.texts.value(prefix + QStringLiteral("cage")),
         std::max(1, int(item.figureValue(prefix + QStringLiteral("portsPerCage"), 1.0)))});
  }
  // A rating is a capacity at a supply-water temperature; without either it rates nothing.
  const int ratings = item.arrayLength(QStringLiteral("coolingUnit.ratings"));
  for (int i = 0; i < ratings; ++i) {
    const QString prefix = QStringLiteral("coolingUnit.ratings[%1].").arg(i);
    for (const char* field : {"capacityW", "waterSupplyTempC"}) {
      if (!item.figure(prefix + QLatin1String(field))) {
        throw CatalogItemError{QStringLiteral("coolingUnit.ratings[%1]").arg(i),
                               QStringLiteral("a rating needs capacityW and waterSupplyTempC")};
      }
    }
  }
  const SpecValue* maxW = item.maxPowerW();
  const SpecValue* typicalW = item.typicalPowerW();
  if (maxW && typicalW && typicalW->value > maxW->value) {
    throw CatalogItemError{QStringLiteral("typicalPowerW"),
                           QStringLiteral("typical power %1 W exceeds max power %2 W")
                               .arg(typicalW->value)
                               .arg(maxW->value)};
  }
  if (item.kind == ItemKind::Rack && item.usableU <= 0) {
    throw CatalogItemError{QStringLiteral("rack.usableU"),
                           QStringLiteral("a rack needs its usable rack units")};
  }
}

}  // namespace

QString describeJsonValue(const QJsonValue& value) {
  switch (value.type()) {
    case QJsonValue::String:
      return QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Double:
      return QString::number(value.toDouble());
    case QJsonValue::Bool:
      return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
      return QStringLiteral("null");
    case QJsonValue::Array:
      return QStringLiteral("an array");
    case QJsonValue::Object:
      return QStringLiteral("an object");
    default:
      return QStringLiteral("nothing");
  }
}

CatalogItem parseCatalogItem(const QJsonObject& object, const CatalogSources& sources,
                             const QString& file) {
  static const QRegularExpression kIdPattern(QStringLiteral("^[a-z0-9]+(/[a-z0-9][a-z0-9.+-]*)+$"));
  CatalogItem item;
  item.file = file;
  item.id = requiredText(object, "id");
  if (!kIdPattern.match(item.id).hasMatch()) {
    throw CatalogItemError{
        QStringLiteral("id"),
        QStringLiteral("\"%1\" is not a vendor-scoped id like \"nvidia/dgx-h100\"").arg(item.id)};
  }
  item.vendor = requiredText(object, "vendor");
  item.model = requiredText(object, "model");
  const QString kind = requiredText(object, "kind");
  if (!itemKindFromKey(kind, &item.kind)) {
    throw CatalogItemError{QStringLiteral("kind"), QStringLiteral("unknown kind \"%1\"").arg(kind)};
  }
  requiredText(object, "source");
  requiredText(object, "confidence");
  item.family = object.value(QLatin1String("family")).toString();
  item.description = object.value(QLatin1String("description")).toString();

  ItemWalker walker(sources, item);
  const Defaults defaults = walker.applyMeta(object, QString(), Defaults{});
  item.source = defaults.source;
  item.confidence = defaults.confidence;
  walker.walkObject(object, catalogItemSchema(), QString(), defaults);
  finishItem(item);
  return item;
}

}  // namespace dc
