// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagram.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace dc::report {

int Diagram::count(DiagramSymbol symbol) const {
  return int(std::count_if(nodes.cbegin(), nodes.cend(),
                           [symbol](const DiagramNode& n) { return n.symbol == symbol; }));
}

QList<const DiagramNode*> Diagram::nodesWith(DiagramSymbol symbol) const {
  QList<const DiagramNode*> found;
  for (const DiagramNode& n : nodes) {
    if (n.symbol == symbol) {
      found.append(&n);
    }
  }
  return found;
}

const DiagramNode* Diagram::node(const QString& key) const {
  for (const DiagramNode& n : nodes) {
    if (n.key == key) {
      return &n;
    }
  }
  return nullptr;
}

namespace {

/// A name split into its prefix and trailing number ("A08" -> "A", 8, width 2).
struct NamePart {
  QString prefix;
  int number = -1;
  qsizetype width = 0;
};

NamePart splitName(const QString& name) {
  qsizetype digits = 0;
  while (digits < name.size() && name[name.size() - 1 - digits].isDigit()) {
    ++digits;
  }
  if (digits == 0) {
    return {name, -1, 0};
  }
  return {name.left(name.size() - digits), name.right(digits).toInt(), digits};
}

bool follows(const NamePart& previous, const NamePart& next) {
  return previous.number >= 0 && next.number == previous.number + 1 &&
         next.prefix == previous.prefix && next.width == previous.width;
}

}  // namespace

QString rackNameRange(const QStringList& names, int maxParts) {
  QStringList parts;
  qsizetype i = 0;
  while (i < names.size()) {
    qsizetype j = i;
    while (j + 1 < names.size() && follows(splitName(names[j]), splitName(names[j + 1]))) {
      ++j;
    }
    if (j - i >= 2) {
      parts.append(names[i] + QStringLiteral("–") + names[j]);  // a run of three or more
    } else {
      for (qsizetype k = i; k <= j; ++k) {
        parts.append(names[k]);
      }
    }
    i = j + 1;
  }
  if (maxParts > 0 && parts.size() > maxParts) {
    const qsizetype more = parts.size() - maxParts;
    parts = parts.mid(0, maxParts);
    parts.append(QStringLiteral("… (+%1)").arg(more));
  }
  return parts.join(QStringLiteral(", "));
}

namespace {

/// The upper tiers as a forest: each node's parent is the source of its first edge from a
/// higher tier (not the bottom one).
QList<QList<int>> childrenOf(const Diagram& diagram, int bottomTier, QList<bool>* hasParent) {
  QList<QList<int>> children(diagram.nodes.size());
  hasParent->fill(false, diagram.nodes.size());
  for (const DiagramEdge& edge : diagram.edges) {
    const DiagramNode& from = diagram.nodes[edge.from];
    const DiagramNode& to = diagram.nodes[edge.to];
    if (to.tier == bottomTier || from.tier >= to.tier || (*hasParent)[edge.to]) {
      continue;
    }
    (*hasParent)[edge.to] = true;
    children[edge.from].append(edge.to);
  }
  return children;
}

/// Bottom-tier nodes under the mean of their parents, at least one slot apart, the row
/// shifted back so that on average they sit where their parents want them.
void placeBottomTier(Diagram& diagram, int bottomTier, double nextFreeSlot) {
  QList<int> bottom;
  QList<double> desired(diagram.nodes.size(), std::numeric_limits<double>::infinity());
  for (int i = 0; i < diagram.nodes.size(); ++i) {
    if (diagram.nodes[i].tier != bottomTier) {
      continue;
    }
    bottom.append(i);
    double sum = 0.0;
    int parents = 0;
    for (const DiagramEdge& edge : diagram.edges) {
      if (edge.to == i && diagram.nodes[edge.from].tier < bottomTier) {
        sum += diagram.nodes[edge.from].column;
        ++parents;
      }
    }
    if (parents > 0) {
      desired[i] = sum / parents;
    }
  }
  if (bottom.isEmpty()) {
    return;
  }
  std::stable_sort(bottom.begin(), bottom.end(),
                   [&desired](int a, int b) { return desired[a] < desired[b]; });
  double previous = -std::numeric_limits<double>::infinity();
  double shift = 0.0;
  int anchored = 0;
  for (int i : bottom) {
    const double want = std::isfinite(desired[i]) ? desired[i] : std::max(nextFreeSlot, previous);
    diagram.nodes[i].column = std::max(want, previous + 1.0);
    previous = diagram.nodes[i].column;
    if (std::isfinite(desired[i])) {
      shift += diagram.nodes[i].column - desired[i];
      ++anchored;
    }
  }
  shift = anchored > 0 ? shift / anchored : 0.0;
  const double first = diagram.nodes[bottom.first()].column - shift;
  shift -= std::min(0.0, first);  // never left of slot 0
  for (int i : bottom) {
    diagram.nodes[i].column -= shift;
  }
}

/// A root with no children of its own (the generators) at the right end of the upper tiers,
/// in a column its own tier and the tiers its lines cross leave free: not on another node nor
/// on the text right of it. A new column when none is.
void placeLoneRoot(Diagram& diagram, int root, const QList<bool>& placed, double* nextSlot) {
  const DiagramNode& node = diagram.nodes[root];
  int lowest = node.tier + 1;  // the tiers its lines pass before they turn to their targets
  for (const DiagramEdge& edge : diagram.edges) {
    if (edge.from == root) {
      lowest = std::max(lowest, diagram.nodes[edge.to].tier);
    }
  }
  const auto free = [&](double column) {
    for (int i = 0; i < diagram.nodes.size(); ++i) {
      const DiagramNode& other = diagram.nodes[i];
      if (!placed[i] || i == root || other.tier < node.tier || other.tier >= lowest) {
        continue;
      }
      const double left = other.tier == node.tier ? 1.0 : 0.5;
      if (column > other.column - left && column < other.column + 1.0) {
        return false;
      }
    }
    return true;
  };
  const double last = *nextSlot - 1.0;
  for (double column = last; column >= std::max(0.0, last - 2.0); column -= 0.5) {
    if (free(column)) {
      diagram.nodes[root].column = column;
      return;
    }
  }
  diagram.nodes[root].column = *nextSlot;
  *nextSlot += 1.0;
}

}  // namespace

void layoutDiagram(Diagram& diagram) {
  int bottomTier = 0;
  for (const DiagramNode& n : diagram.nodes) {
    bottomTier = std::max(bottomTier, n.tier);
  }
  QList<bool> hasParent;
  const QList<QList<int>> children = childrenOf(diagram, bottomTier, &hasParent);
  double nextSlot = 0.0;
  std::function<void(int)> place = [&](int i) {
    if (children[i].isEmpty()) {
      diagram.nodes[i].column = nextSlot;
      nextSlot += 1.0;
      return;
    }
    for (int child : children[i]) {
      place(child);
    }
    // Over the middle child (an odd count), else midway between the middle two: a circuit
    // from a parent to its middle child runs straight down.
    const QList<int>& c = children[i];
    const qsizetype mid = c.size() / 2;
    diagram.nodes[i].column =
        c.size() % 2 == 1 ? diagram.nodes[c[mid]].column
                          : (diagram.nodes[c[mid - 1]].column + diagram.nodes[c[mid]].column) / 2.0;
  };
  QList<int> lone;
  for (int i = 0; i < diagram.nodes.size(); ++i) {
    if (diagram.nodes[i].tier != bottomTier && !hasParent[i]) {
      if (children[i].isEmpty()) {
        lone.append(i);
      } else {
        place(i);
      }
    }
  }
  QList<bool> placed(diagram.nodes.size(), false);
  for (int i = 0; i < diagram.nodes.size(); ++i) {
    placed[i] = diagram.nodes[i].tier != bottomTier && !lone.contains(i);
  }
  for (int i : lone) {
    placeLoneRoot(diagram, i, placed, &nextSlot);
    placed[i] = true;
  }
  placeBottomTier(diagram, bottomTier, nextSlot);
  double widest = 0.0;
  for (const DiagramNode& n : diagram.nodes) {
    widest = std::max(widest, n.column);
  }
  diagram.columnCount = diagram.nodes.isEmpty() ? 0 : int(std::ceil(widest - 1e-9)) + 1;
}

}  // namespace dc::report
