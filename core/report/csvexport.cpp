// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvexport.h"

#include "engine/fabric/fabricresult.h"
#include "format/quantityformat.h"
#include "model/project.h"
#include "reportdata.h"

#include <QHash>

#include <charconv>

namespace dc::report {

namespace {

QByteArray field(const QString& text) {
  QByteArray utf8 = text.toUtf8();
  const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') ||
                     utf8.contains('\r') || utf8.startsWith(' ') || utf8.endsWith(' ');
  if (!quote) {
    return utf8;
  }
  utf8.replace("\"", "\"\"");
  return '"' + utf8 + '"';
}

void appendRecord(QByteArray& out, const QStringList& fields) {
  for (qsizetype i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += field(fields[i]);
  }
  out += "\r\n";
}

/// Appends a whole number.
void appendInt(QByteArray& out, long long value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr - buffer);
}

/// Appends millimetres as metres, exactly and without trailing zeros ("12.3", "3"); nothing
/// for a negative length (none).
void appendMetres(QByteArray& out, std::int64_t mm) {
  if (mm < 0) {
    return;
  }
  appendInt(out, mm / 1000);
  int fraction = int(mm % 1000);
  if (fraction == 0) {
    return;
  }
  char digits[4] = {char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                    char('0' + fraction % 10), 0};
  int length = 3;
  while (digits[length - 1] == '0') {
    --length;
  }
  out += '.';
  out.append(digits, length);
}

const QByteArray kCableKind("cables");

}  // namespace

QStringList csvKinds() {
  return {QStringLiteral("bom"), QStringLiteral("racks"), QStringLiteral("power"),
          QStringLiteral("cooling"), QString::fromLatin1(kCableKind)};
}

QByteArray cablesCsv(const Project& project, const FabricResult& fabric, qsizetype* rows) {
  const QList<Rack>& racks = project.racks();
  // Every text field escaped once: racks, fabrics, devices, media.
  QList<QByteArray> rackNames;
  rackNames.reserve(racks.size());
  for (const Rack& rack : racks) {
    rackNames.append(field(rack.name()));
  }
  QList<QByteArray> fabricNames;
  QList<QList<QByteArray>> deviceIds;
  for (const FabricSummary& summary : fabric.fabrics) {
    fabricNames.append(field(summary.name));
    QList<QByteArray> ids;
    ids.reserve(summary.devices.size());
    for (const FabricDevice& device : summary.devices) {
      ids.append(field(device.catalogId));
    }
    deviceIds.append(ids);
  }
  struct ChoiceFields {
    QByteArray media, partNumber, stock, transceiverA, transceiverZ;
  };
  QList<ChoiceFields> choices;
  for (const LinkChoice& choice : fabric.choices) {
    QByteArray stock;
    appendMetres(stock, choice.stockLengthMm > 0 ? choice.stockLengthMm : -1);
    choices.append({field(choice.mediaClass), field(choice.partNumber), stock,
                    field(choice.transceiverAId), field(choice.transceiverZId)});
  }
  constexpr int kTiers = int(LinkTier::Global) + 1;
  QByteArray tierKeys[kTiers];
  for (int tier = 0; tier < kTiers; ++tier) {
    tierKeys[tier] = field(linkTierKey(LinkTier(tier)));
  }

  QByteArray out;
  out.reserve(qsizetype(fabric.cables.size()) * 160 + 256);
  const QString m = QStringLiteral("m");
  appendRecord(
      out,
      {QStringLiteral("Fabric"), QStringLiteral("Tier"), QStringLiteral("A rack"),
       QStringLiteral("A U"), QStringLiteral("A device"), QStringLiteral("A port"),
       QStringLiteral("Z rack"), QStringLiteral("Z U"), QStringLiteral("Z device"),
       QStringLiteral("Z port"), headerWithUnit(QStringLiteral("Speed"), QStringLiteral("Gb/s")),
       headerWithUnit(QStringLiteral("Routed length"), m), QStringLiteral("Media class"),
       QStringLiteral("Part number"), headerWithUnit(QStringLiteral("Stock length"), m),
       QStringLiteral("Transceiver A"), QStringLiteral("Transceiver Z")});
  const QList<QByteArray> noIds;
  const auto appendEnd = [&](const CableEnd& end, const QList<QByteArray>& ids) {
    const bool placed = end.rackIndex >= 0 && end.rackIndex < racks.size();
    if (placed) {
      out += rackNames[end.rackIndex];
    }
    out += ',';
    if (placed && end.mountIndex >= 0) {
      const QList<Mount>& mounts = racks[end.rackIndex].mounts();
      if (end.mountIndex < mounts.size()) {
        appendInt(out, mounts[end.mountIndex].lowestU);
      }
    }
    out += ',';
    const bool device = end.device >= 0 && end.device < ids.size();
    if (device) {
      out += ids[end.device];
    }
    out += ',';
    if (device) {
      appendInt(out, end.port + 1);
    }
    out += ',';
  };
  double lastSpeed = -1.0;
  QByteArray speedText;
  for (const Cable& cable : fabric.cables) {
    const bool known = cable.fabric >= 0 && cable.fabric < fabricNames.size();
    if (known) {
      out += fabricNames[cable.fabric];
    }
    out += ',';
    const int tier = int(cable.tier);
    if (tier >= 0 && tier < kTiers) {
      out += tierKeys[tier];
    }
    out += ',';
    const QList<QByteArray>& ids = known ? deviceIds[cable.fabric] : noIds;
    appendEnd(cable.a, ids);
    appendEnd(cable.z, ids);
    if (cable.speedGbps != lastSpeed) {
      lastSpeed = cable.speedGbps;
      speedText =
          cable.speedGbps > 0.0 ? QByteArray::number(cable.speedGbps, 'g', 10) : QByteArray();
    }
    out += speedText;
    out += ',';
    appendMetres(out, cable.routedMm);
    out += ',';
    if (cable.choice >= 0 && cable.choice < choices.size()) {
      const ChoiceFields& choice = choices[cable.choice];
      out += choice.media;
      out += ',';
      out += choice.partNumber;
      out += ',';
      out += choice.stock;
      out += ',';
      out += choice.transceiverA;
      out += ',';
      out += choice.transceiverZ;
    } else {
      out += ",,,,";
    }
    out += "\r\n";
  }
  if (rows != nullptr) {
    *rows = qsizetype(fabric.cables.size());
  }
  return out;
}

QByteArray tableToCsv(const Table& table) {
  QByteArray out;
  QStringList header;
  for (const Column& column : table.columns) {
    header.append(headerWithUnit(column.title, column.unit));
  }
  appendRecord(out, header);
  for (const QList<Cell>& row : table.rows) {
    QStringList fields;
    for (const Cell& cell : row) {
      fields.append(cell.csvText());
    }
    appendRecord(out, fields);
  }
  return out;
}

QByteArray scheduleCsv(const ReportDocument& document, const QString& kind, bool* found) {
  const Table* table = kind != QLatin1String(kCableKind) && csvKinds().contains(kind)
                           ? document.table(kind)
                           : nullptr;
  if (found != nullptr) {
    *found = table != nullptr;
  }
  return table != nullptr ? tableToCsv(*table) : QByteArray();
}

QByteArray scheduleCsv(const ReportData& data, const QString& kind, bool* found, qsizetype* rows) {
  if (kind == QLatin1String(kCableKind)) {
    const bool any = !data.analysis.fabric.fabrics.isEmpty();
    if (found != nullptr) {
      *found = any;
    }
    if (rows != nullptr) {
      *rows = 0;
    }
    return any ? cablesCsv(data.project, data.analysis.fabric, rows) : QByteArray();
  }
  const QByteArray csv = scheduleCsv(data.document, kind, found);
  if (rows != nullptr) {
    const Table* table = data.document.table(kind);
    *rows = table != nullptr && !csv.isEmpty() ? table->rows.size() : 0;
  }
  return csv;
}

}  // namespace dc::report
