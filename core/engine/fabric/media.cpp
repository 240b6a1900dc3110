// SPDX-License-Identifier: GPL-3.0-or-later
#include "media.h"

#include "catalog/catalog.h"
#include "format/quantityformat.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dc::fabric {

namespace {
/// Cheapest first (formulas.md §3.5: "choose the cheapest medium whose reach >= routed length").
int classRank(const QString& media) {
  static const QStringList kOrder{QStringLiteral("passive-copper"), QStringLiteral("twisted-pair"),
                                  QStringLiteral("active-copper"),  QStringLiteral("aoc"),
                                  QStringLiteral("multimode"),      QStringLiteral("single-mode")};
  const qsizetype rank = kOrder.indexOf(media);
  return rank < 0 ? int(kOrder.size()) : int(rank);
}

bool isFibre(const QString& media) {
  return media == QLatin1String("multimode") || media == QLatin1String("single-mode");
}

bool protocolFits(const QString& part, const QString& link) {
  return part.isEmpty() || part == QLatin1String("any") || link.isEmpty() ||
         link == QLatin1String("any") || part == link;
}

bool sameSpeed(double a, double b) {
  return std::fabs(a - b) < 0.5;
}

std::int64_t metresToMm(double metres) {
  return std::llround(metres * 1000.0);
}
}  // namespace

struct MediaCatalog::Option {
  const CatalogItem* item = nullptr;
  QString media;
  int rank = 0;
  double perLinkGbps = 0.0;
  QString protocol;
  std::int64_t reachMm = 0;
  std::int64_t minLengthMm = 0;
  std::vector<std::int64_t> lengthsMm;  ///< stocked, ascending
  int links = 1;
  double diameterMm = 0.0;
  double powerW = 0.0;
};

struct MediaCatalog::Module {
  const CatalogItem* item = nullptr;
  QString media;
  double perLinkGbps = 0.0;
  QString protocol;
  QString cage;
  std::int64_t reachMm = 0;
  double powerW = 0.0;
};

MediaCatalog::MediaCatalog(const Catalog& catalog) : mCatalog(catalog) {
  for (const CatalogItem& item : catalog.items()) {
    if (item.kind != ItemKind::Cable && item.kind != ItemKind::Transceiver) {
      continue;
    }
    const double speed = item.figureValue(QStringLiteral("link.speedGbps"));
    const int ports = std::max(1, int(item.figureValue(QStringLiteral("link.ports"), 1.0)));
    const QString media = item.texts.value(QStringLiteral("link.media"));
    if (speed <= 0.0 || media.isEmpty()) {
      continue;
    }
    const std::int64_t reach = metresToMm(item.figureValue(QStringLiteral("link.reachM")));
    const QString protocol = item.texts.value(QStringLiteral("link.protocol"));
    if (item.kind == ItemKind::Transceiver) {
      auto module = std::make_unique<Module>();
      module->item = &item;
      module->media = media;
      module->perLinkGbps = speed / ports;
      module->protocol = protocol;
      module->cage = item.texts.value(QStringLiteral("link.cage"));
      module->reachMm = reach;
      module->powerW = item.figureValue(QStringLiteral("link.powerW"));
      mModules.append(module.get());
      mModuleStore.push_back(std::move(module));
      continue;
    }
    auto option = std::make_unique<Option>();
    option->item = &item;
    option->media = media;
    option->rank = classRank(media);
    option->perLinkGbps = speed / ports;
    option->protocol = protocol;
    option->reachMm = reach;
    option->minLengthMm = metresToMm(item.figureValue(QStringLiteral("link.minLengthM")));
    option->links = ports;
    option->diameterMm = item.figureValue(QStringLiteral("link.diameterMm"));
    option->powerW = item.figureValue(QStringLiteral("link.powerW"));
    for (int i = 0;; ++i) {  // a figure array: "link.lengthsM[0]", "link.lengthsM[1]", ...
      const SpecValue* l = item.figure(QStringLiteral("link.lengthsM[%1]").arg(i));
      if (!l) {
        break;
      }
      option->lengthsMm.push_back(metresToMm(l->value));
    }
    std::sort(option->lengthsMm.begin(), option->lengthsMm.end());
    mOptions.append(option.get());
    mOptionStore.push_back(std::move(option));
  }
  // Made-to-length cables round up to whole metres, so 1,000 mm is a threshold too.
  std::int64_t quantum = 1000;
  const auto fold = [&](std::int64_t value) {
    if (value > 0) {
      quantum = std::gcd(quantum, value);
    }
  };
  for (const Option* o : mOptions) {
    fold(o->reachMm);
    fold(o->minLengthMm);
    for (std::int64_t l : o->lengthsMm) {
      fold(l);
    }
  }
  for (const Module* m : mModules) {
    fold(m->reachMm);
  }
  mQuantumMm = std::max<std::int64_t>(1, quantum);
  // Cheapest class first, then the shortest sufficient reach, then the catalog id: the same
  // catalog always gives the same choice.
  std::sort(mOptions.begin(), mOptions.end(), [](const Option* a, const Option* b) {
    if (a->rank != b->rank) {
      return a->rank < b->rank;
    }
    if (a->reachMm != b->reachMm) {
      return a->reachMm < b->reachMm;
    }
    return a->item->id < b->item->id;
  });
  std::sort(mModules.begin(), mModules.end(), [](const Module* a, const Module* b) {
    if (a->reachMm != b->reachMm) {
      return a->reachMm < b->reachMm;
    }
    if (a->powerW != b->powerW) {
      return a->powerW < b->powerW;
    }
    return a->item->id < b->item->id;
  });
}

MediaCatalog::~MediaCatalog() = default;

const CatalogItem* MediaCatalog::item(const QString& id) const {
  return mCatalog.find(id);
}

double MediaCatalog::longestReachM(double speedGbps, const QString& protocol) const {
  double best = 0.0;
  for (const Option* o : mOptions) {
    if (sameSpeed(o->perLinkGbps, speedGbps) && protocolFits(o->protocol, protocol)) {
      std::int64_t reach = o->reachMm;
      if (isFibre(o->media)) {
        std::int64_t moduleReach = 0;
        for (const Module* m : mModules) {
          if (m->media == o->media && sameSpeed(m->perLinkGbps, speedGbps) &&
              protocolFits(m->protocol, protocol)) {
            moduleReach = std::max(moduleReach, m->reachMm);
          }
        }
        reach = std::min(reach, moduleReach);
      }
      best = std::max(best, reach / 1000.0);
    }
  }
  return best;
}

MediumVerdict MediaCatalog::choose(const LinkNeed& need) const {
  if (need.opticalOnly) {
    LinkNeed optical = need;
    optical.opticalOnly = false;
    MediumVerdict verdict = chooseFrom(optical, /*copper=*/false);
    if (verdict.found) {
      return verdict;
    }
  }
  return chooseFrom(need, /*copper=*/true);
}

MediumVerdict MediaCatalog::chooseFrom(const LinkNeed& need, bool copper) const {
  MediumVerdict verdict;
  const auto moduleFor = [&](const QString& media, const QString& cage,
                             std::int64_t lengthMm) -> const Module* {
    for (const Module* m : mModules) {  // shortest sufficient reach first
      if (m->media == media && sameSpeed(m->perLinkGbps, need.speedGbps) &&
          protocolFits(m->protocol, need.protocol) && (cage.isEmpty() || m->cage == cage) &&
          m->reachMm >= lengthMm) {
        return m;
      }
    }
    return nullptr;
  };
  QStringList tooShort;
  for (const Option* o : mOptions) {
    if (!sameSpeed(o->perLinkGbps, need.speedGbps) || !protocolFits(o->protocol, need.protocol)) {
      continue;
    }
    if (!copper && !isFibre(o->media) && o->media != QLatin1String("aoc")) {
      continue;
    }
    const QString label =
        QStringLiteral("%1 (%2, reach %3)")
            .arg(o->item->model, o->media, formatQuantity(o->reachMm, Quantity::LengthMm));
    verdict.considered.append(label);
    const Module* moduleA = nullptr;
    const Module* moduleZ = nullptr;
    std::int64_t reach = o->reachMm;
    if (isFibre(o->media)) {
      moduleA = moduleFor(o->media, need.cageA, need.lengthMm);
      moduleZ = moduleFor(o->media, need.cageZ, need.lengthMm);
      if (!moduleA || !moduleZ) {
        verdict.considered.last() += QStringLiteral(": no transceiver fits both ends in reach");
        continue;
      }
      reach = std::min({reach, moduleA->reachMm, moduleZ->reachMm});
    }
    if (reach < need.lengthMm) {
      tooShort.append(o->item->model);
      continue;
    }
    LinkChoice& c = verdict.choice;
    c.mediaClass = o->media;
    c.cableId = o->item->id;
    c.reachM = reach / 1000.0;
    c.speedGbps = need.speedGbps;
    c.diameterMm = o->diameterMm;
    c.linksPerCable = o->links;
    const std::int64_t wanted = std::max(need.lengthMm, o->minLengthMm);
    const auto stock = std::lower_bound(o->lengthsMm.begin(), o->lengthsMm.end(), wanted);
    if (stock != o->lengthsMm.end()) {
      c.stockLengthMm = *stock;
    } else {
      // Longer than every stocked length (or none listed) but within reach: made to length,
      // rounded up to the next whole metre.
      c.stockLengthMm = (wanted + 999) / 1000 * 1000;
      c.madeToLength = !o->lengthsMm.empty();
    }
    c.partNumber = partNumberAt(*o->item, c.stockLengthMm);
    if (moduleA) {
      c.transceiverAId = moduleA->item->id;
      c.transceiverZId = moduleZ->item->id;
      verdict.transceiverPowerWA = moduleA->powerW;
      verdict.transceiverPowerWZ = moduleZ->powerW;
    } else {
      verdict.cablePowerW = o->powerW;
    }
    verdict.found = true;
    verdict.reason = QStringLiteral("%1 %2 reaches %3 for a %4 link")
                         .arg(o->media, o->item->model, formatQuantity(reach, Quantity::LengthMm),
                              formatQuantity(need.lengthMm, Quantity::LengthMm));
    if (!tooShort.isEmpty()) {
      verdict.reason +=
          QStringLiteral("; cheaper but too short: %1").arg(tooShort.join(QStringLiteral(", ")));
    }
    return verdict;
  }
  verdict.reason =
      verdict.considered.isEmpty()
          ? QStringLiteral("No cable or transceiver in the catalog carries %1 Gb/s%2")
                .arg(need.speedGbps)
                .arg(need.protocol.isEmpty() ? QString() : QStringLiteral(" ") + need.protocol)
          : QStringLiteral("No medium reaches %1 at %2 Gb/s (longest: %3 m)")
                .arg(formatQuantity(need.lengthMm, Quantity::LengthMm))
                .arg(need.speedGbps)
                .arg(longestReachM(need.speedGbps, need.protocol));
  return verdict;
}

QString partNumberAt(const CatalogItem& item, std::int64_t lengthMm) {
  const QString pattern = item.texts.value(QStringLiteral("link.partNumberPattern"));
  if (pattern.isEmpty()) {
    return {};
  }
  QString code;
  const std::int64_t halfMetres = (lengthMm + 250) / 500;  // the nearest 0.5 m
  if (item.texts.value(QStringLiteral("link.lengthCode")) == QLatin1String("nvidia-linkx")) {
    // NVIDIA LinkX length codes: whole metres as three digits (3 m "003", 30 m "030"), half
    // metres as two digits and "A" (0.5 m "00A", 1.5 m "01A").
    code = halfMetres % 2 == 0 ? QStringLiteral("%1").arg(halfMetres / 2, 3, 10, QLatin1Char('0'))
                               : QStringLiteral("%1A").arg(halfMetres / 2, 2, 10, QLatin1Char('0'));
  } else {
    code = halfMetres % 2 == 0 ? QString::number(halfMetres / 2)
                               : QString::number(halfMetres / 2.0, 'f', 1);
  }
  QString number = pattern;
  number.replace(QStringLiteral("{len}"), code);
  return number;
}

}  // namespace dc::fabric
