// SPDX-License-Identifier: GPL-3.0-or-later
#include "powerformat.h"

#include "format/quantityformat.h"

#include <QTableWidgetItem>

namespace dc::powerview {

QString pduRating(const PduLoad& pdu) {
  if (!pdu.rated) {
    return QStringLiteral("not rated");
  }
  QString supply;
  switch (pdu.supply) {
    case SupplyKind::Dc:
      supply = QStringLiteral("DC");
      break;
    case SupplyKind::SinglePhase:
      supply = QStringLiteral("1φ");
      break;
    case SupplyKind::ThreePhaseDelta:
      supply = QStringLiteral("3φ Δ");
      break;
    case SupplyKind::ThreePhaseWye:
      supply = QStringLiteral("3φ");
      break;
  }
  // Ratings are nominal: "415 V 3φ 32 A", not "32.0 A".
  const NumberStyle rating = NumberStyle::forNominal();
  return QStringLiteral("%1 %2 %3")
      .arg(formatQuantity(pdu.voltageV, Quantity::VoltageV, rating), supply,
           formatQuantity(pdu.ratedCurrentA, Quantity::CurrentA, rating));
}

QString shortPduLabel(const QString& label) {
  const qsizetype paren = label.indexOf(QStringLiteral(" ("));
  return paren > 0 ? label.left(paren) : label;
}

QString legName(const PduLoad* pdu, int leg) {
  if (pdu && pdu->supply == SupplyKind::Dc) {
    return QStringLiteral("DC");
  }
  if (pdu && pdu->phases == 1) {
    return QStringLiteral("L");
  }
  return QStringLiteral("L%1").arg(leg + 1);
}

QColor errorColour() {
  return QColor(0xc6, 0x28, 0x28);
}
QColor warnColour() {
  return QColor(0xd9, 0x8c, 0x00);
}

QColor loadingColour(double pct, double warnPct) {
  if (pct > 100.0) {
    return errorColour();
  }
  if (pct > warnPct) {
    return warnColour();
  }
  return {};
}

double loadingWarnPct(const Analysis& analysis) {
  return analysis.assumptions.value(QString::fromLatin1(assumption::kLoadingWarnPct));
}

QTableWidgetItem* tableItem(const QString& text, bool numeric) {
  auto* item = new QTableWidgetItem(text);
  item->setTextAlignment(numeric ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                 : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
  return item;
}

void tint(QTableWidgetItem* item, const QColor& colour) {
  if (colour.isValid()) {
    item->setForeground(colour);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
  }
}

}  // namespace dc::powerview
