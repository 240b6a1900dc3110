// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fabricresult.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace dc {
class Catalog;
struct CatalogItem;
}  // namespace dc

namespace dc::fabric {

/// What one link needs of its medium.
struct LinkNeed {
  double speedGbps = 0.0;     ///< per link
  std::int64_t lengthMm = 0;  ///< routed length, slack included
  QString protocol;           ///< "infiniband", "ethernet" or empty for any
  QString cageA;              ///< the A port's cage; empty: any
  QString cageZ;
  bool opticalOnly = false;  ///< skip copper where a fibre or AOC serves the link
};

/// Why a medium was or was not chosen, for `dcstudio-cli link` and the studio's tooltips.
struct MediumVerdict {
  bool found = false;
  LinkChoice choice;
  double cablePowerW = 0.0;  ///< active cables: power per end
  double transceiverPowerWA = 0.0;
  double transceiverPowerWZ = 0.0;
  QString reason;          ///< one sentence: the class chosen and what was cheaper but too short
  QStringList considered;  ///< each candidate with its reach, in the order tried
};

/// The catalog's cables and transceivers, sorted once per analysis. The engine picks the
/// cheapest class whose reach covers the routed length: passive copper, then active copper, AOC,
/// multimode and single-mode fibre (the shortest sufficient reach first, formulas.md §3.5),
/// among parts whose per-link speed (speedGbps / ports) equals the link's and whose protocol
/// fits; fibres need a transceiver of the same media fitting each end's cage. Lengths round up
/// to the part's stocked lengths (to the next whole metre when it lists none).
class MediaCatalog final {
 public:
  explicit MediaCatalog(const Catalog& catalog);
  ~MediaCatalog();
  MediaCatalog(const MediaCatalog&) = delete;
  MediaCatalog& operator=(const MediaCatalog&) = delete;

  MediumVerdict choose(const LinkNeed& need) const;
  /// The longest reach any medium offers at this speed and protocol (metres); 0 when none.
  double longestReachM(double speedGbps, const QString& protocol) const;
  const CatalogItem* item(const QString& id) const;
  /// The greatest common divisor of every reach, stocked and minimum length (mm): choose()
  /// gives the same answer for every length in one (k·q, (k+1)·q] step, so callers may cache
  /// choices per step.
  std::int64_t lengthQuantumMm() const noexcept { return mQuantumMm; }

 private:
  struct Option;
  struct Module;
  MediumVerdict chooseFrom(const LinkNeed& need, bool copper) const;
  QList<Option*> mOptions;
  QList<Module*> mModules;
  std::vector<std::unique_ptr<Option>> mOptionStore;
  std::vector<std::unique_ptr<Module>> mModuleStore;
  const Catalog& mCatalog;
  std::int64_t mQuantumMm = 1;
};

/// The part number of `item` at `lengthMm` from its link.partNumberPattern and lengthCode
/// (NVIDIA LinkX: 0.5 m -> "00A", 3 m -> "003", 30 m -> "030"); empty when it has none.
QString partNumberAt(const CatalogItem& item, std::int64_t lengthMm);

}  // namespace dc::fabric
