// SPDX-License-Identifier: GPL-3.0-or-later
#include "specrows.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace dc {

namespace {

struct UnitSuffix {
  const char* suffix;
  const char* unit;
};
// Longest suffixes first: "TBps" before "Bps", "Mm" before "M".
constexpr UnitSuffix kUnits[] = {
    {"TBps", "TB/s"}, {"GBps", "GB/s"}, {"Gbps", "Gb/s"}, {"Tflops", "TFLOP/s"}, {"Cfm", "CFM"},
    {"Lps", "L/s"},   {"Mm", "mm"},     {"Kg", "kg"},     {"TB", "TB"},          {"Gb", "GB"},
    {"W", "W"},       {"V", "V"},       {"A", "A"},       {"C", "°C"},           {"K", "K"},
    {"M", "m"},       {"U", "U"},
};

const char* unitOf(const QString& leaf) {
  for (const UnitSuffix& u : kUnits) {
    if (leaf.endsWith(QLatin1String(u.suffix)) && leaf.size() > int(qstrlen(u.suffix))) {
      return u.unit;
    }
  }
  return "";
}

QString leafOf(const QString& path) {
  QString leaf = path.section(QLatin1Char('.'), -1);
  return leaf.remove(QRegularExpression(QStringLiteral("\\[\\d+\\]$")));
}

int orderOf(const QString& path) {
  static const QStringList kOrder{
      "heightU",    "widthMm",       "depthMm",     "heightMm",         "weightKg",
      "maxPowerW",  "typicalPowerW", "psu",         "accelerators",     "compute",
      "ports",      "cooling",       "airflowCfm",  "airflowDirection", "liquidCaptureFraction",
      "rack",       "electrical",    "coolingUnit", "storage",          "link",
      "formFactor", "fillsRack"};
  const QString head = path.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
  const qsizetype i = kOrder.indexOf(head);
  return i < 0 ? int(kOrder.size()) : int(i);
}

}  // namespace

QString specLabel(const QString& path) {
  // Words the generic camelCase split would get wrong or leave ambiguous.
  static const QHash<QString, QString> kLabels{
      {QStringLiteral("heightU"), QStringLiteral("Rack units")},
      {QStringLiteral("maxPowerW"), QStringLiteral("Max power")},
      {QStringLiteral("typicalPowerW"), QStringLiteral("Typical power")},
      {QStringLiteral("psu"), QStringLiteral("PSU")},
      {QStringLiteral("bf16DenseTflops"), QStringLiteral("BF16 dense")},
      {QStringLiteral("fp8DenseTflops"), QStringLiteral("FP8 dense")},
      {QStringLiteral("fp4DenseTflops"), QStringLiteral("FP4 dense")},
      {QStringLiteral("airflowCfm"), QStringLiteral("Airflow")},
      {QStringLiteral("liquidCaptureFraction"), QStringLiteral("Liquid-captured heat")},
      {QStringLiteral("usableU"), QStringLiteral("Usable rack units")},
      {QStringLiteral("waterSupplyTempC"), QStringLiteral("Water supply")},
      {QStringLiteral("airInletTempC"), QStringLiteral("Air inlet")},
      {QStringLiteral("approachK"), QStringLiteral("Approach")},
  };
  QStringList parts;
  static const QRegularExpression kIndex(QStringLiteral("^(\\w+)\\[(\\d+)\\]$"));
  for (const QString& part : path.split(QLatin1Char('.'))) {
    if (kLabels.contains(part)) {
      parts.append(kLabels.value(part));
      continue;
    }
    QString word = part;
    QString index;
    const QRegularExpressionMatch m = kIndex.match(part);
    if (m.hasMatch()) {
      word = m.captured(1);
      index = QString::number(m.captured(2).toInt() + 1);
    }
    const QString unit = QString::fromUtf8(unitOf(word));
    for (const UnitSuffix& u : kUnits) {
      if (QString::fromUtf8(u.unit) == unit && word.endsWith(QLatin1String(u.suffix))) {
        word.chop(qstrlen(u.suffix));
        break;
      }
    }
    // camelCase -> "camel case"
    QString spaced;
    for (qsizetype i = 0; i < word.size(); ++i) {
      if (i > 0 && word[i].isUpper() && !word[i - 1].isUpper()) {
        spaced += QLatin1Char(' ');
      }
      spaced += i == 0 ? word[i].toUpper() : word[i].toLower();
    }
    parts.append(index.isEmpty() ? spaced : spaced + QLatin1Char(' ') + index);
  }
  return parts.join(QStringLiteral(": "));
}

QString formatSpec(const QString& path, double value) {
  const QString unit = QString::fromUtf8(unitOf(leafOf(path)));
  const QLocale c(QLocale::English);
  const bool whole = value == std::floor(value) && std::fabs(value) < 1e15;
  const QString number = whole ? c.toString(qint64(value)) : c.toString(value, 'g', 6);
  if (unit.isEmpty()) {
    return number;
  }
  return number + (unit == QLatin1String("U") ? QString() : QStringLiteral(" ")) + unit;
}

QList<SpecRow> specRows(const CatalogItem& item) {
  static const QStringList kIdentity{"id",          "vendor", "model",      "kind", "family",
                                     "description", "source", "confidence", "note"};
  QList<SpecRow> rows;
  // Port groups and cooling ratings read as one line each (below), not one row per number.
  const auto isGroupedField = [](const QString& path) {
    return path.startsWith(QLatin1String("ports[")) ||
           path.startsWith(QLatin1String("coolingUnit.ratings["));
  };
  for (auto it = item.figures.cbegin(); it != item.figures.cend(); ++it) {
    if (!isGroupedField(it.key())) {
      rows.append(
          {it.key(), specLabel(it.key()), formatSpec(it.key(), it.value().value), &it.value()});
    }
  }
  for (auto it = item.texts.cbegin(); it != item.texts.cend(); ++it) {
    if (!kIdentity.contains(it.key()) && !isGroupedField(it.key())) {
      const QString text = it.value() == QLatin1String("true")    ? QStringLiteral("yes")
                           : it.value() == QLatin1String("false") ? QStringLiteral("no")
                                                                  : it.value();
      rows.append({it.key(), specLabel(it.key()), text, nullptr});
    }
  }
  // A port group reads as one line, "8 × 400 Gb/s · OSFP · InfiniBand NDR", carrying the
  // source and confidence of its count.
  for (qsizetype i = 0; i < item.ports.size(); ++i) {
    const PortGroup& group = item.ports[i];
    const QString prefix = QStringLiteral("ports[%1].").arg(i);
    QStringList parts{QStringLiteral("%1 × %2")
                          .arg(group.count)
                          .arg(formatSpec(QStringLiteral("speedGbps"), group.speedGbps))};
    for (const QString& text : {group.connector, group.protocol}) {
      if (!text.isEmpty()) {
        parts.append(text);
      }
    }
    QString purpose = group.purpose.isEmpty() ? QStringLiteral("any") : group.purpose;
    purpose[0] = purpose[0].toUpper();
    rows.append({QStringLiteral("ports[%1]").arg(i), QStringLiteral("Ports: %1").arg(purpose),
                 parts.join(QStringLiteral(" · ")), item.figure(prefix + QStringLiteral("count"))});
  }
  // A cooling rating reads "60,700 W · 10 °C water · 37 °C air · 3.08 L/s", carrying the source
  // and confidence of its capacity.
  const int ratings = item.arrayLength(QStringLiteral("coolingUnit.ratings"));
  for (int i = 0; i < ratings; ++i) {
    const QString prefix = QStringLiteral("coolingUnit.ratings[%1].").arg(i);
    const SpecValue* capacity = item.figure(prefix + QStringLiteral("capacityW"));
    if (!capacity) {
      continue;  // the loader refuses such a rating; nothing to show without a capacity
    }
    QStringList parts{formatSpec(QStringLiteral("capacityW"), capacity->value)};
    const struct {
      const char* field;
      const char* what;
    } kConditions[] = {{"waterSupplyTempC", "water"}, {"airInletTempC", "air"}, {"flowLps", ""}};
    for (const auto& condition : kConditions) {
      const QString field = QLatin1String(condition.field);
      if (const SpecValue* v = item.figure(prefix + field)) {
        const QString what = QLatin1String(condition.what);
        parts.append(formatSpec(field, v->value) +
                     (what.isEmpty() ? QString() : QLatin1Char(' ') + what));
      }
    }
    // A line may wrap between conditions, never inside one ("18 °C water" stays whole).
    for (QString& part : parts) {
      part.replace(QLatin1Char(' '), QChar::Nbsp);
    }
    rows.append({QStringLiteral("coolingUnit.ratings[%1]").arg(i),
                 QStringLiteral("Cooling unit: Rating %1").arg(i + 1),
                 parts.join(QStringLiteral(" · ")), capacity});
  }
  // Within a group, single figures come before the lines that group several (ratings, ports).
  const auto isGroupLine = [](const SpecRow& row) {
    return row.path.endsWith(QLatin1Char(']'));
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const SpecRow& a, const SpecRow& b) {
    const int oa = orderOf(a.path);
    const int ob = orderOf(b.path);
    if (oa != ob) {
      return oa < ob;
    }
    if (isGroupLine(a) != isGroupLine(b)) {
      return !isGroupLine(a);
    }
    return a.path < b.path;
  });
  return rows;
}

}  // namespace dc
