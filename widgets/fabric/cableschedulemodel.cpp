// SPDX-License-Identifier: GPL-3.0-or-later
#include "cableschedulemodel.h"

#include "fabricpalette.h"
#include "format/quantityformat.h"

#include <QColor>

namespace dc {

namespace {
const QString kMetre = QStringLiteral("m");
}  // namespace

CableScheduleModel::CableScheduleModel(QObject* parent) : QAbstractTableModel(parent) {
}

void CableScheduleModel::setFabric(std::shared_ptr<const FabricResult> result, int fabric,
                                   QList<Rack> racks) {
  beginResetModel();
  mResult = std::move(result);
  mRacks = std::move(racks);
  mFabric = -1;
  mFirst = 0;
  mCount = 0;
  if (mResult && fabric >= 0 && fabric < mResult->fabrics.size()) {
    const FabricSummary& summary = mResult->fabrics[fabric];
    const auto total = qsizetype(mResult->cables.size());
    mFabric = fabric;
    mFirst = int(std::clamp<qsizetype>(summary.firstCable, 0, total));
    mCount = int(std::clamp<qsizetype>(summary.cableCount, 0, total - mFirst));
  }
  endResetModel();
}

const Cable* CableScheduleModel::cableAt(int row) const {
  if (!mResult || row < 0 || row >= mCount) {
    return nullptr;
  }
  return &mResult->cables[std::size_t(mFirst + row)];
}

const LinkChoice* CableScheduleModel::choiceAt(int row) const {
  const Cable* cable = cableAt(row);
  if (!cable || cable->choice < 0 || cable->choice >= mResult->choices.size()) {
    return nullptr;
  }
  return &mResult->choices[cable->choice];
}

QString CableScheduleModel::widestText(int column) const {
  QString widest = headerData(column, Qt::Horizontal).toString();
  const auto consider = [&widest](const QString& text) {
    if (text.size() > widest.size()) {
      widest = text;
    }
  };
  switch (column) {
    case ColARack:
    case ColZRack:
      consider(tr("not placed"));
      for (const Rack& rack : mRacks) {
        consider(rack.name());
      }
      break;
    case ColAU:
    case ColZU:
      consider(QStringLiteral("U48"));
      break;
    case ColAPort:
    case ColZPort:
      consider(QStringLiteral("128"));
      break;
    case ColTier:
      for (LinkTier tier : {LinkTier::NodeToLeaf, LinkTier::Reserved, LinkTier::LeafToSpine,
                            LinkTier::SpineToCore}) {
        consider(linkTierName(tier));
      }
      break;
    case ColLength:
      consider(QStringLiteral("100.0"));
      break;
    case ColMedia:
    case ColPart:
      if (mResult) {
        for (const LinkChoice& choice : mResult->choices) {
          consider(column == ColMedia
                       ? mediaClassName(choice.mediaClass)
                       : (choice.partNumber.isEmpty() ? choice.cableId : choice.partNumber));
        }
      }
      break;
    default:
      break;
  }
  return widest;
}

int CableScheduleModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : mCount;
}

int CableScheduleModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QString CableScheduleModel::endText(const CableEnd& end, int column) const {
  const bool placed = end.rackIndex >= 0 && end.rackIndex < mRacks.size();
  switch (column) {
    case ColARack:
    case ColZRack:
      return placed ? mRacks[end.rackIndex].name() : tr("not placed");
    case ColAU:
    case ColZU: {
      if (!placed) {
        return QStringLiteral("—");
      }
      const QList<Mount>& mounts = mRacks[end.rackIndex].mounts();
      if (end.mountIndex < 0 || end.mountIndex >= mounts.size()) {
        return tr("rack");  // a rack-scale system's own ports
      }
      return QStringLiteral("U%1").arg(mounts[end.mountIndex].lowestU);
    }
    default:
      return end.device < 0 ? QStringLiteral("—") : QString::number(end.port + 1);
  }
}

QString CableScheduleModel::toolTip(const Cable& cable) const {
  QStringList lines{linkTierName(cable.tier) + QStringLiteral(" · ") +
                    formatQuantity(cable.speedGbps, Quantity::Count) + QStringLiteral(" Gb/s")};
  if (cable.routedMm < 0) {
    lines.append(tr("Not routed: an end is not placed or no tray reaches it"));
  }
  if (cable.choice >= 0 && cable.choice < mResult->choices.size()) {
    const LinkChoice& c = mResult->choices[cable.choice];
    lines.append(tr("%1, stocked length %2%3")
                     .arg(mediaClassName(c.mediaClass),
                          formatQuantity(double(c.stockLengthMm), Quantity::LengthMm,
                                         NumberStyle::forNominal()),
                          c.madeToLength ? tr(" (made to length)") : QString()));
    lines.append(
        tr("Reach %1")
            .arg(formatQuantity(c.reachM * 1000.0, Quantity::LengthMm, NumberStyle::forNominal())));
    if (!c.transceiverAId.isEmpty() || !c.transceiverZId.isEmpty()) {
      lines.append(tr("Transceivers: %1 (A) · %2 (Z)").arg(c.transceiverAId, c.transceiverZId));
    }
  } else if (cable.routedMm >= 0) {
    lines.append(tr("No medium reaches this length at this speed"));
  }
  return lines.join(QLatin1Char('\n'));
}

QVariant CableScheduleModel::data(const QModelIndex& index, int role) const {
  const Cable* cable = index.isValid() ? cableAt(index.row()) : nullptr;
  if (!cable) {
    return {};
  }
  const int column = index.column();
  if (role == Qt::TextAlignmentRole) {
    const bool numeric = column == ColAU || column == ColZU || column == ColAPort ||
                         column == ColZPort || column == ColLength;
    return int((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
  }
  if (role == Qt::ToolTipRole) {
    return toolTip(*cable);
  }
  const LinkChoice* choice = choiceAt(index.row());
  if (role == Qt::ForegroundRole) {
    const bool missing =
        (column == ColLength && cable->routedMm < 0) ||
        ((column == ColMedia || column == ColPart) && !choice) ||
        ((column == ColARack && cable->a.rackIndex < 0 && cable->tier != LinkTier::Reserved) ||
         (column == ColZRack && cable->z.rackIndex < 0));
    return missing ? QVariant(QColor(0xc6, 0x28, 0x28)) : QVariant();
  }
  if (role != Qt::DisplayRole) {
    return {};
  }
  switch (column) {
    case ColARack:
      return cable->tier == LinkTier::Reserved && cable->a.rackIndex < 0
                 ? tr("reserved")
                 : endText(cable->a, column);
    case ColAU:
    case ColAPort:
      return endText(cable->a, column);
    case ColZRack:
    case ColZU:
    case ColZPort:
      return endText(cable->z, column);
    case ColTier:
      return linkTierName(cable->tier);
    case ColLength:
      return cable->routedMm < 0
                 ? QStringLiteral("—")
                 : formatInUnit(double(cable->routedMm), Quantity::LengthMm, kMetre);
    case ColMedia:
      return choice ? mediaClassName(choice->mediaClass) : tr("none");
    case ColPart:
      return !choice                        ? QStringLiteral("—")
             : choice->partNumber.isEmpty() ? choice->cableId
                                            : choice->partNumber;
    default:
      return {};
  }
}

QVariant CableScheduleModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Vertical) {
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case ColARack:
        return tr("A end: the node (or the leaf of a leaf-to-spine link)");
      case ColZRack:
        return tr("Z end: the switch");
      case ColAU:
      case ColZU:
        return tr("The lowest rack unit of the device");
      case ColAPort:
      case ColZPort:
        return tr("The device's port in this fabric, from 1");
      case ColLength:
        return tr("Routed length over the trays, slack included");
      case ColPart:
        return tr("The cable's part number at its stocked length");
      default:
        return {};
    }
  }
  if (role != Qt::DisplayRole) {
    return {};
  }
  switch (section) {
    case ColARack:
      return tr("A rack");
    case ColAU:
    case ColZU:
      return tr("U");
    case ColAPort:
    case ColZPort:
      return tr("Port");
    case ColZRack:
      return tr("Z rack");
    case ColTier:
      return tr("Tier");
    case ColLength:
      return headerWithUnit(tr("Length"), kMetre);
    case ColMedia:
      return tr("Media");
    case ColPart:
      return tr("Part number");
    default:
      return {};
  }
}

}  // namespace dc
