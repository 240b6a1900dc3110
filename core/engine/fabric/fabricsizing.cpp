// SPDX-License-Identifier: GPL-3.0-or-later
#include "fabricsizing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace dc::fabric {

namespace {

constexpr long long kIntMax = std::numeric_limits<int>::max();

/// ceil(a / b) for a >= 0, b > 0.
long long ceilDiv(long long a, long long b) {
  return (a + b - 1) / b;
}

/// The smallest divisor d of n (n >= 1) with d * capacity >= demand; 0 when none does
/// (demand > n * capacity). Divisors are enumerated up to sqrt(n), so any int is fast.
long long smallestDivisorCovering(long long n, long long capacity, long long demand) {
  const long long least = ceilDiv(demand, capacity);
  if (least > n) {
    return 0;
  }
  long long best = n;
  for (long long i = 1; i * i <= n; ++i) {
    if (n % i != 0) {
      continue;
    }
    if (i >= least && i < best) {
      best = i;
    }
    const long long pair = n / i;
    if (pair >= least && pair < best) {
      best = pair;
    }
  }
  return best;
}

FatTreeSizing fatTreeProblem(QString text) {
  FatTreeSizing sizing;
  sizing.problem = std::move(text);
  return sizing;
}

DragonflySizing dragonflyProblem(QString text) {
  DragonflySizing sizing;
  sizing.problem = std::move(text);
  return sizing;
}

QString tooLarge(long long count, const char* what) {
  return QStringLiteral("the fabric needs %1 %2, too many to count")
      .arg(count)
      .arg(QLatin1String(what));
}

/// What is wrong with a fat-tree's input, or an empty string.
QString fatTreeInputProblem(const FatTreeInput& in) {
  if (in.nodes <= 0) {
    return QStringLiteral("%1 nodes: a fabric needs at least one node").arg(in.nodes);
  }
  if (in.portsPerNode <= 0) {
    return QStringLiteral("%1 fabric ports per node: each node needs at least one port")
        .arg(in.portsPerNode);
  }
  if (in.reservedPorts < 0) {
    return QStringLiteral("%1 reserved leaf ports: the reserve cannot be negative")
        .arg(in.reservedPorts);
  }
  if (in.leafDownPorts <= 0) {
    return QStringLiteral("the leaf radix is missing: %1 node-facing leaf ports")
        .arg(in.leafDownPorts);
  }
  if (in.leafUpPorts < 0) {
    return QStringLiteral("%1 leaf uplink ports: the count cannot be negative").arg(in.leafUpPorts);
  }
  if (in.spineRadix < 0) {
    return QStringLiteral("%1 spine ports: the radix cannot be negative").arg(in.spineRadix);
  }
  if (in.tiers < 0 || in.tiers > 3) {
    return QStringLiteral("%1 tiers: a fat-tree has one, two or three (0 picks the fewest)")
        .arg(in.tiers);
  }
  if (!std::isfinite(in.spineOversubscription) || in.spineOversubscription < 1.0) {
    return QStringLiteral("spine oversubscription %1:1 is not a ratio of 1:1 or more")
        .arg(in.spineOversubscription);
  }
  if (in.suNodes < 0) {
    return QStringLiteral("%1 node slots per scalable unit: the count cannot be negative")
        .arg(in.suNodes);
  }
  if (in.railOptimised && in.suNodes > in.leafDownPorts) {
    return QStringLiteral(
               "a scalable unit of %1 node slots needs %1 node-facing ports on each rail leaf; "
               "the leaf has %2")
        .arg(in.suNodes)
        .arg(in.leafDownPorts);
  }
  const bool wantsSpines = in.tiers >= 2 || (in.tiers == 0 && in.leafUpPorts > 0);
  if (wantsSpines && in.leafUpPorts == 0) {
    return QStringLiteral("%1 tiers need leaf uplinks; the leaf has no spine-facing ports")
        .arg(in.tiers);
  }
  if (wantsSpines && in.spineRadix == 0) {
    return QStringLiteral("the spine radix is missing: 0 spine ports");
  }
  return {};
}

/// Two tiers: the fewest spines over which every leaf spreads its uplinks evenly.
void sizeTwoTiers(const FatTreeInput& in, FatTreeSizing* out) {
  const long long up = in.leafUpPorts;
  const long long spines = smallestDivisorCovering(up, in.spineRadix, out->leaves * up);
  out->spines = static_cast<int>(spines);
  out->linksLeafToSpine = static_cast<int>(up / spines);
  out->cablesLeafToSpine = static_cast<int>(out->leaves * up);
}

/// Three tiers: pods of leaves under their own spines, cores in planes. Returns a problem or
/// an empty string.
QString sizeThreeTiers(const FatTreeInput& in, FatTreeSizing* out) {
  int spineDown = 0;
  int spineUp = 0;
  if (!splitRadix(in.spineRadix, in.spineOversubscription, &spineDown, &spineUp)) {
    return QStringLiteral("a %1-port spine cannot be split into leaf and core ports")
        .arg(in.spineRadix);
  }
  // One link from every leaf to each spine of its pod: the largest pods, so the fewest.
  const long long linksLeafToSpine = 1;
  const long long spinesPerPod = in.leafUpPorts / linksLeafToSpine;
  long long leavesPerPod = spineDown / linksLeafToSpine;
  // A scalable unit stays inside one pod when a pod holds at least one unit.
  if (in.railOptimised && out->leavesPerSu <= leavesPerPod) {
    leavesPerPod -= leavesPerPod % out->leavesPerSu;
  }
  const long long pods = ceilDiv(out->leaves, leavesPerPod);
  if (pods > in.spineRadix) {
    return QStringLiteral(
               "%1-port cores cannot hold %2 pods of %3 leaves in three tiers; at most %1 pods "
               "(%4 leaves) fit")
        .arg(in.spineRadix)
        .arg(pods)
        .arg(leavesPerPod)
        .arg(in.spineRadix * leavesPerPod);
  }
  const long long spines = pods * spinesPerPod;
  const long long coresPerPlane = smallestDivisorCovering(spineUp, in.spineRadix, pods * spineUp);
  const long long cores = spinesPerPod * coresPerPlane;
  if (spines > kIntMax) {
    return tooLarge(spines, "spines");
  }
  if (cores > kIntMax) {
    return tooLarge(cores, "cores");
  }
  const long long cablesLeafToSpine = out->leaves * in.leafUpPorts;
  const long long cablesSpineToCore = spines * spineUp;
  if (cablesLeafToSpine > kIntMax || cablesSpineToCore > kIntMax) {
    return tooLarge(std::max(cablesLeafToSpine, cablesSpineToCore), "cables in one tier");
  }
  out->pods = static_cast<int>(pods);
  out->leavesPerPod = static_cast<int>(leavesPerPod);
  out->spinesPerPod = static_cast<int>(spinesPerPod);
  out->spineDownPorts = spineDown;
  out->spineUpPorts = spineUp;
  out->spines = static_cast<int>(spines);
  out->coresPerPlane = static_cast<int>(coresPerPlane);
  out->cores = static_cast<int>(cores);
  out->linksLeafToSpine = static_cast<int>(linksLeafToSpine);
  out->linksSpineToCore = static_cast<int>(spineUp / coresPerPlane);
  out->cablesLeafToSpine = static_cast<int>(cablesLeafToSpine);
  out->cablesSpineToCore = static_cast<int>(cablesSpineToCore);
  return {};
}

}  // namespace

bool splitRadix(int radix, double oversubscription, int* downPorts, int* upPorts) {
  if (radix < 2 || !std::isfinite(oversubscription) || oversubscription < 1.0) {
    return false;
  }
  // The tolerance keeps a ratio like 4/3, stored a hair below, from costing an extra uplink.
  const double exact = radix / (1.0 + oversubscription);
  int up = static_cast<int>(std::ceil(exact - 1e-9));
  up = std::max(up, 1);  // a ratio >= 1 keeps up <= ceil(radix / 2) < radix
  if (downPorts) {
    *downPorts = radix - up;
  }
  if (upPorts) {
    *upPorts = up;
  }
  return true;
}

FatTreeSizing sizeFatTree(const FatTreeInput& in) {
  if (QString why = fatTreeInputProblem(in); !why.isEmpty()) {
    return fatTreeProblem(why);
  }
  FatTreeSizing out;
  const long long nodePorts = static_cast<long long>(in.nodes) * in.portsPerNode;
  const long long cablesNodeToLeaf = nodePorts + in.reservedPorts;
  long long leaves = 0;
  if (in.railOptimised) {
    const long long slotsPerSu = in.suNodes > 0 ? in.suNodes : in.leafDownPorts;
    // Qt reserves the word `slots`.
    const long long slotCount = in.nodes + ceilDiv(in.reservedPorts, in.portsPerNode);
    const long long units = ceilDiv(slotCount, slotsPerSu);
    leaves = units * in.portsPerNode;
    if (units > kIntMax) {
      return fatTreeProblem(tooLarge(units, "scalable units"));
    }
    out.nodeSlotsPerSu = static_cast<int>(slotsPerSu);
    out.scalableUnits = static_cast<int>(units);
    out.leavesPerSu = in.portsPerNode;
  } else {
    leaves = ceilDiv(cablesNodeToLeaf, in.leafDownPorts);
  }
  if (leaves > kIntMax) {
    return fatTreeProblem(tooLarge(leaves, "leaves"));
  }
  if (cablesNodeToLeaf > kIntMax) {
    return fatTreeProblem(tooLarge(cablesNodeToLeaf, "node cables"));
  }
  out.leaves = static_cast<int>(leaves);
  out.cablesNodeToLeaf = static_cast<int>(cablesNodeToLeaf);

  const bool fitsOneTier = in.railOptimised ? out.scalableUnits == 1 : leaves == 1;
  const bool fitsTwoTiers = in.leafUpPorts > 0 && leaves <= in.spineRadix;
  int tiers = in.tiers;
  if (tiers == 0) {
    tiers = in.leafUpPorts == 0 ? 1 : (fitsTwoTiers ? 2 : 3);
  }
  out.tiers = tiers;

  if (tiers == 1) {
    if (!fitsOneTier) {
      const QString unit = in.railOptimised
                               ? QStringLiteral("%1 scalable units").arg(out.scalableUnits)
                               : QStringLiteral("%1 leaves").arg(leaves);
      const QString joins =
          in.railOptimised ? QStringLiteral("one scalable unit") : QStringLiteral("one leaf");
      const QString hint = in.leafUpPorts == 0 ? QStringLiteral("give the leaves uplink ports")
                                               : QStringLiteral("use two tiers");
      return fatTreeProblem(
          QStringLiteral("%1 nodes need %2; one tier without spines joins only %3; %4")
              .arg(in.nodes)
              .arg(unit, joins, hint));
    }
    out.leafOversubscription = 0.0;
    return out;
  }

  out.leafOversubscription = static_cast<double>(in.leafDownPorts) / in.leafUpPorts;
  if (tiers == 2) {
    if (!fitsTwoTiers) {
      return fatTreeProblem(
          QStringLiteral("%1-port spines cannot hold %2 leaves in two tiers; use three tiers")
              .arg(in.spineRadix)
              .arg(leaves));
    }
    const long long cables = leaves * in.leafUpPorts;
    if (cables > kIntMax) {
      return fatTreeProblem(tooLarge(cables, "leaf-spine cables"));
    }
    sizeTwoTiers(in, &out);
    return out;
  }

  if (QString why = sizeThreeTiers(in, &out); !why.isEmpty()) {
    return fatTreeProblem(why);
  }
  return out;
}

DragonflySizing sizeDragonfly(const DragonflyInput& in) {
  if (in.nodes <= 0) {
    return dragonflyProblem(
        QStringLiteral("%1 nodes: a fabric needs at least one node").arg(in.nodes));
  }
  if (in.portsPerNode <= 0) {
    return dragonflyProblem(
        QStringLiteral("%1 fabric ports per node: each node needs at least one port")
            .arg(in.portsPerNode));
  }
  if (in.radix < 0 || in.terminalsPerRouter < 0 || in.routersPerGroup < 0 ||
      in.globalPerRouter < 0) {
    return dragonflyProblem(QStringLiteral("dragonfly port counts cannot be negative"));
  }
  long long p = in.terminalsPerRouter;
  long long a = in.routersPerGroup;
  long long h = in.globalPerRouter;
  const bool none = p == 0 && a == 0 && h == 0;
  if (none) {
    if (in.radix < 3) {
      return dragonflyProblem(
          QStringLiteral("a %1-port router is too small for a dragonfly: one terminal, "
                         "one local and one global port need 3")
              .arg(in.radix));
    }
    // Balanced (Kim et al. 2008): a = 2p = 2h, so k = 4h - 1.
    h = (static_cast<long long>(in.radix) + 1) / 4;
    p = h;
    a = 2 * h;
  } else if (p == 0 || a == 0 || h == 0) {
    return dragonflyProblem(QStringLiteral(
        "give terminals, routers per group and global links per router together, or none "
        "to balance them from the radix"));
  }
  const long long radixUsed = p + a + h - 1;
  if (in.radix > 0 && radixUsed > in.radix) {
    return dragonflyProblem(QStringLiteral("p + a + h - 1 = %1 ports exceed the %2-port radix")
                                .arg(radixUsed)
                                .arg(in.radix));
  }
  if (radixUsed > kIntMax) {
    return dragonflyProblem(tooLarge(radixUsed, "ports per router"));
  }
  const long long maxGroups = a * h + 1;
  if (maxGroups > kIntMax) {
    return dragonflyProblem(tooLarge(maxGroups, "possible groups"));
  }
  long long maxEndpoints = 0;
  if (__builtin_mul_overflow(a * p, maxGroups, &maxEndpoints)) {
    return dragonflyProblem(QStringLiteral("the dragonfly is too large to count its endpoints"));
  }
  const long long terminals = static_cast<long long>(in.nodes) * in.portsPerNode;
  const long long perGroup = a * p;
  const long long groups = ceilDiv(terminals, perGroup);
  if (groups > maxGroups) {
    return dragonflyProblem(
        QStringLiteral("%1 node ports need %2 groups of %3; with %4 global links per router a "
                       "dragonfly holds at most %5 groups (%6 ports)")
            .arg(terminals)
            .arg(groups)
            .arg(perGroup)
            .arg(h)
            .arg(maxGroups)
            .arg(maxEndpoints));
  }
  const long long routers = a * groups;
  if (terminals > kIntMax || routers > kIntMax) {
    return dragonflyProblem(QStringLiteral("the dragonfly is too large to count its routers"));
  }
  // Every group is all-to-all inside; its a*h global ports spread evenly over the other groups,
  // so (groups - 1) * linksPerPair <= a*h and neither product below can overflow.
  const long long cablesLocal = routers * (a - 1) / 2;
  const long long linksPerPair = groups > 1 ? a * h / (groups - 1) : 0;
  const long long cablesGlobal = groups * ((groups - 1) * linksPerPair) / 2;
  if (cablesLocal > kIntMax || cablesGlobal > kIntMax) {
    return dragonflyProblem(QStringLiteral("the dragonfly is too large to count its cables"));
  }
  DragonflySizing out;
  out.terminalsPerRouter = static_cast<int>(p);
  out.routersPerGroup = static_cast<int>(a);
  out.globalPerRouter = static_cast<int>(h);
  out.radixUsed = static_cast<int>(radixUsed);
  out.groups = static_cast<int>(groups);
  out.maxGroups = static_cast<int>(maxGroups);
  out.maxEndpoints = maxEndpoints;
  out.routers = static_cast<int>(routers);
  out.cablesNodeToRouter = static_cast<int>(terminals);
  out.cablesLocal = static_cast<int>(cablesLocal);
  out.cablesGlobal = static_cast<int>(cablesGlobal);
  out.globalLinksPerGroupPair = static_cast<int>(linksPerPair);
  return out;
}

}  // namespace dc::fabric
