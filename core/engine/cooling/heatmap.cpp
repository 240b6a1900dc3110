// SPDX-License-Identifier: GPL-3.0-or-later
#include "heatmap.h"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace dc {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The grid and its unknowns: one per cell whose centre is in the hall, in nested-dissection
/// order (numberNestedDissection).
struct Grid {
  int cols = 0;
  int rows = 0;
  double x0Mm = 0.0;
  double y0Mm = 0.0;
  double cellMm = 0.0;
  std::vector<int> unknownOf;  ///< per cell: its unknown, or -1 outside the hall
  std::vector<int> cellOf;     ///< per unknown: its cell
};

/// Cells (as unknowns) a footprint covers and the share of its in-hall area on each (sums to 1).
using Cover = std::vector<std::pair<int, double>>;

Cover coverOf(const Grid& grid, const RectMm& rect) {
  Cover cover;
  if (rect.isEmpty()) {
    // A footprint with no area stands at its corner: the cell holding that point.
    const int col = int(std::floor((double(rect.x0Mm) - grid.x0Mm) / grid.cellMm));
    const int row = int(std::floor((double(rect.y0Mm) - grid.y0Mm) / grid.cellMm));
    if (col >= 0 && col < grid.cols && row >= 0 && row < grid.rows) {
      const int k = grid.unknownOf[std::size_t(row) * grid.cols + col];
      if (k >= 0) {
        cover.emplace_back(k, 1.0);
      }
    }
    return cover;
  }
  const double x0 = double(rect.x0Mm) - grid.x0Mm;
  const double x1 = double(rect.x1Mm) - grid.x0Mm;
  const double y0 = double(rect.y0Mm) - grid.y0Mm;
  const double y1 = double(rect.y1Mm) - grid.y0Mm;
  const int c0 = std::max(0, int(std::floor(x0 / grid.cellMm)));
  const int c1 = std::min(grid.cols - 1, int(std::ceil(x1 / grid.cellMm)) - 1);
  const int r0 = std::max(0, int(std::floor(y0 / grid.cellMm)));
  const int r1 = std::min(grid.rows - 1, int(std::ceil(y1 / grid.cellMm)) - 1);
  double total = 0.0;
  for (int r = r0; r <= r1; ++r) {
    const double dy = std::min(y1, (r + 1) * grid.cellMm) - std::max(y0, r * grid.cellMm);
    for (int c = c0; c <= c1; ++c) {
      const int k = grid.unknownOf[std::size_t(r) * grid.cols + c];
      const double dx = std::min(x1, (c + 1) * grid.cellMm) - std::max(x0, c * grid.cellMm);
      if (k < 0 || dx <= 0.0 || dy <= 0.0) {
        continue;
      }
      cover.emplace_back(k, dx * dy);
      total += dx * dy;
    }
  }
  for (auto& [k, share] : cover) {
    share /= total;
  }
  return cover;
}

/// Numbers the in-hall cells of [c0, c1) × [r0, r1) in nested-dissection order: each half of
/// the box (split across its longer side) first, the line of cells between them last. For a
/// grid this is the classic fill-reducing order (George 1973): the factor of the 200 × 100
/// stencil keeps about 0.56 M entries (AMD: 0.51 M), and the pattern analysis takes ~2 ms
/// instead of AMD's ~7 ms. The factorization itself (~17 ms) is the same either way.
void numberNestedDissection(Grid* grid, const std::vector<char>& inside, int c0, int c1, int r0,
                            int r1) {
  if (c1 <= c0 || r1 <= r0) {
    return;
  }
  const auto number = [&](int c, int r) {
    const std::size_t cell = std::size_t(r) * grid->cols + c;
    if (inside[cell]) {
      grid->unknownOf[cell] = int(grid->cellOf.size());
      grid->cellOf.push_back(int(cell));
    }
  };
  if ((c1 - c0) * (r1 - r0) <= 8) {
    for (int r = r0; r < r1; ++r) {
      for (int c = c0; c < c1; ++c) {
        number(c, r);
      }
    }
    return;
  }
  if (c1 - c0 >= r1 - r0) {
    const int m = (c0 + c1) / 2;
    numberNestedDissection(grid, inside, c0, m, r0, r1);
    numberNestedDissection(grid, inside, m + 1, c1, r0, r1);
    for (int r = r0; r < r1; ++r) {
      number(m, r);
    }
  } else {
    const int m = (r0 + r1) / 2;
    numberNestedDissection(grid, inside, c0, c1, r0, m);
    numberNestedDissection(grid, inside, c0, c1, m + 1, r1);
    for (int c = c0; c < c1; ++c) {
      number(c, m);
    }
  }
}

enum class SinkState { Linear, Saturated, Off };

struct PlacedSink {
  int input = 0;  ///< index into HeatMapInput::sinks
  Cover cover;
  double conductanceWPerK = 0.0;  ///< capacity / rated ΔT
  double capacityW = 0.0;
  double supplyRiseK = 0.0;  ///< its supply temperature above the hall's (the reference)
  SinkState state = SinkState::Linear;
};

}  // namespace

bool HeatMap::inHall(int col, int row) const noexcept {
  return col >= 0 && col < cols && row >= 0 && row < rows &&
         !std::isnan(airTempC[std::size_t(index(col, row))]);
}

bool HeatMap::cellAt(PointMm pointMm, int* col, int* row) const noexcept {
  if (cellMm <= 0.0) {
    return false;
  }
  const int c = int(std::floor(double(pointMm.xMm - originMm.xMm) / cellMm));
  const int r = int(std::floor(double(pointMm.yMm - originMm.yMm) / cellMm));
  if (c < 0 || c >= cols || r < 0 || r >= rows) {
    return false;
  }
  *col = c;
  *row = r;
  return true;
}

double HeatMap::airTempAtC(PointMm pointMm) const noexcept {
  int c = 0;
  int r = 0;
  if (!cellAt(pointMm, &c, &r)) {
    return kNaN;
  }
  return airTempC[std::size_t(index(c, r))];
}

double HeatMap::maxAirTempInC(const RectMm& rectMm) const noexcept {
  if (cellMm <= 0.0) {
    return kNaN;
  }
  const double x0 = double(rectMm.x0Mm - originMm.xMm) / cellMm;
  const double x1 = double(rectMm.x1Mm - originMm.xMm) / cellMm;
  const double y0 = double(rectMm.y0Mm - originMm.yMm) / cellMm;
  const double y1 = double(rectMm.y1Mm - originMm.yMm) / cellMm;
  if (rectMm.isEmpty()) {
    return airTempAtC(PointMm{rectMm.x0Mm, rectMm.y0Mm});
  }
  const int c0 = std::max(0, int(std::floor(x0)));
  const int c1 = std::min(cols - 1, int(std::ceil(x1)) - 1);
  const int r0 = std::max(0, int(std::floor(y0)));
  const int r1 = std::min(rows - 1, int(std::ceil(y1)) - 1);
  double hottest = kNaN;
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      const float t = airTempC[std::size_t(index(c, r))];
      if (!std::isnan(t) && !(t <= hottest)) {
        hottest = t;
      }
    }
  }
  return hottest;
}

double heatMapCellMm(const PolygonMm& outlineMm, int maxLong, int maxShort) {
  if (outlineMm.isEmpty() || maxLong <= 0 || maxShort <= 0) {
    return 0.0;
  }
  std::int64_t x0 = outlineMm.front().xMm, x1 = x0, y0 = outlineMm.front().yMm, y1 = y0;
  for (const PointMm& p : outlineMm) {
    x0 = std::min(x0, p.xMm);
    x1 = std::max(x1, p.xMm);
    y0 = std::min(y0, p.yMm);
    y1 = std::max(y1, p.yMm);
  }
  const double longMm = double(std::max(x1 - x0, y1 - y0));
  const double shortMm = double(std::min(x1 - x0, y1 - y0));
  if (longMm <= 0.0) {
    return 0.0;
  }
  const double needMm = std::max(longMm / maxLong, shortMm / maxShort);
  return std::max(50.0, std::ceil(needMm / 50.0) * 50.0);
}

HeatMap solveHeatMap(const HeatMapInput& input) {
  HeatMap map;
  map.sinkRemovedW.assign(std::size_t(input.sinks.size()), 0.0);
  map.sinkSaturated.assign(std::size_t(input.sinks.size()), false);
  const double cellMm = input.cellMm > 0.0 ? input.cellMm : heatMapCellMm(input.hallOutlineMm);
  if (input.hallOutlineMm.size() < 3 || cellMm <= 0.0) {
    for (const HeatSource& s : input.sources) {
      map.heatOutsideW += s.heatToAirW;
    }
    map.converged = true;
    return map;
  }

  // The grid over the outline's bounding box; a cell is in the hall when its centre is.
  Grid grid;
  std::int64_t x0 = input.hallOutlineMm.front().xMm, x1 = x0;
  std::int64_t y0 = input.hallOutlineMm.front().yMm, y1 = y0;
  for (const PointMm& p : input.hallOutlineMm) {
    x0 = std::min(x0, p.xMm);
    x1 = std::max(x1, p.xMm);
    y0 = std::min(y0, p.yMm);
    y1 = std::max(y1, p.yMm);
  }
  grid.cellMm = cellMm;
  grid.x0Mm = double(x0);
  grid.y0Mm = double(y0);
  grid.cols = std::max(1, int(std::ceil(double(x1 - x0) / cellMm)));
  grid.rows = std::max(1, int(std::ceil(double(y1 - y0) / cellMm)));
  const std::size_t cellCount = std::size_t(grid.cols) * std::size_t(grid.rows);
  grid.unknownOf.assign(cellCount, -1);
  grid.cellOf.reserve(cellCount);
  std::vector<char> inside(cellCount, 0);
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.cols; ++c) {
      const PointMm centre{std::llround(grid.x0Mm + (c + 0.5) * cellMm),
                           std::llround(grid.y0Mm + (r + 0.5) * cellMm)};
      inside[std::size_t(r) * grid.cols + c] = polygonContains(input.hallOutlineMm, centre);
    }
  }
  numberNestedDissection(&grid, inside, 0, grid.cols, 0, grid.rows);
  map.cols = grid.cols;
  map.rows = grid.rows;
  map.originMm = PointMm{x0, y0};
  map.cellMm = cellMm;
  map.heatDensityWPerM2.assign(cellCount, float(kNaN));
  map.airTempC.assign(cellCount, float(kNaN));
  const int n = int(grid.cellOf.size());
  if (n == 0) {
    for (const HeatSource& s : input.sources) {
      map.heatOutsideW += s.heatToAirW;
    }
    map.converged = true;
    return map;
  }

  // Coefficients (docs/heatmap.md). Conductance between two side-by-side square cells of a
  // layer of height H: k·H·(side / distance) = ρ c_p D H, whatever the cell size.
  const double cellAreaM2 = (cellMm / 1000.0) * (cellMm / 1000.0);
  const double lateralWPerK = input.airDensityKgPerM3 * input.airSpecificHeatJPerKgK *
                              std::max(0.0, input.mixingDiffusivityM2PerS) *
                              std::max(0.0, input.ceilingHeightM);
  const double leakWPerK = std::max(kMinLeakageWPerM2K, input.leakageWPerM2K) * cellAreaM2;
  const double ratedDeltaTK = std::max(0.1, input.sinkRatedDeltaTK);
  const double referenceC = input.supplyAirTempC;

  // Sources: heat per unknown, spread over the in-hall part of each footprint.
  Eigen::VectorXd heatW = Eigen::VectorXd::Zero(n);
  for (const HeatSource& source : input.sources) {
    const Cover cover = coverOf(grid, source.footprintMm);
    if (cover.empty()) {
      map.heatOutsideW += source.heatToAirW;
      continue;
    }
    for (const auto& [k, share] : cover) {
      heatW[k] += source.heatToAirW * share;
    }
    map.heatInW += source.heatToAirW;
  }

  std::vector<PlacedSink> sinks;
  for (qsizetype i = 0; i < input.sinks.size(); ++i) {
    const HeatSink& sink = input.sinks[i];
    if (sink.capacityW <= 0.0) {
      continue;
    }
    PlacedSink placed;
    placed.input = int(i);
    placed.cover = coverOf(grid, sink.footprintMm);
    if (placed.cover.empty()) {
      continue;
    }
    placed.capacityW = sink.capacityW;
    placed.conductanceWPerK = sink.capacityW / ratedDeltaTK;
    placed.supplyRiseK = std::isnan(sink.supplyAirTempC) ? 0.0 : sink.supplyAirTempC - referenceC;
    map.sinkCapacityW += sink.capacityW;
    sinks.push_back(std::move(placed));
  }

  // The 5-point stencil, assembled once straight into compressed columns (each column's rows
  // in order): lateral conductances and the leakage. Only the diagonal changes between the
  // solves of the saturation loop, so the pattern is analysed once.
  using SpMat = Eigen::SparseMatrix<double>;
  SpMat matrix(n, n);
  std::vector<int> diagonalAt(std::size_t(n), 0);  // position of (k, k) in the value array
  std::vector<double> baseDiagonal(std::size_t(n), leakWPerK);
  {
    std::vector<int> outer(std::size_t(n) + 1, 0);
    std::vector<int> inner;
    std::vector<double> values;
    inner.reserve(std::size_t(n) * 5);
    values.reserve(std::size_t(n) * 5);
    for (int k = 0; k < n; ++k) {
      const int cell = grid.cellOf[std::size_t(k)];
      const int c = cell % grid.cols;
      const int r = cell / grid.cols;
      std::array<int, 5> column{};
      int count = 0;
      column[count++] = k;
      const auto add = [&](bool exists, int neighbourCell) {
        const int m = exists ? grid.unknownOf[std::size_t(neighbourCell)] : -1;
        if (m >= 0) {
          column[count++] = m;
          baseDiagonal[std::size_t(k)] += lateralWPerK;
        }
      };
      add(c > 0, cell - 1);
      add(c + 1 < grid.cols, cell + 1);
      add(r > 0, cell - grid.cols);
      add(r + 1 < grid.rows, cell + grid.cols);
      for (int i = 1; i < count; ++i) {  // insertion sort of at most five rows
        for (int j = i; j > 0 && column[j - 1] > column[j]; --j) {
          std::swap(column[j - 1], column[j]);
        }
      }
      for (int i = 0; i < count; ++i) {
        if (column[i] == k) {
          diagonalAt[std::size_t(k)] = int(inner.size());
        }
        inner.push_back(column[i]);
        values.push_back(column[i] == k ? baseDiagonal[std::size_t(k)] : -lateralWPerK);
      }
      outer[std::size_t(k) + 1] = int(inner.size());
    }
    matrix = Eigen::Map<SpMat>(n, n, Eigen::Index(inner.size()), outer.data(), inner.data(),
                               values.data());
  }
  double* const matrixValues = matrix.valuePtr();

  // The saturation loop. Every sink starts linear; one whose linear removal exceeds its
  // capacity becomes a fixed sink removing exactly its capacity (spread by area over its
  // cells) and stays so: fixing it only warms the air around it, which its linear law would
  // meet with still more removal. One that would add heat (the air around it colder than its
  // supply) is off until the air warms. Each solve re-factors the same pattern.
  Eigen::SimplicialLDLT<SpMat, Eigen::Lower, Eigen::NaturalOrdering<int>> solver;
  solver.analyzePattern(matrix);
  Eigen::VectorXd riseK = Eigen::VectorXd::Zero(n);  // T − supplyAirTempC
  std::vector<double> removedW(sinks.size(), 0.0);
  const int maxIterations = std::max(1, input.maxIterations);
  while (map.iterations < maxIterations) {
    for (int k = 0; k < n; ++k) {
      matrixValues[diagonalAt[std::size_t(k)]] = baseDiagonal[std::size_t(k)];
    }
    Eigen::VectorXd rhs = heatW;
    for (const PlacedSink& sink : sinks) {
      for (const auto& [k, share] : sink.cover) {
        if (sink.state == SinkState::Linear) {
          matrixValues[diagonalAt[std::size_t(k)]] += sink.conductanceWPerK * share;
          rhs[k] += sink.conductanceWPerK * share * sink.supplyRiseK;
        } else if (sink.state == SinkState::Saturated) {
          rhs[k] -= sink.capacityW * share;
        }
      }
    }
    solver.factorize(matrix);
    riseK = solver.solve(rhs);
    ++map.iterations;

    bool changed = false;
    for (std::size_t s = 0; s < sinks.size(); ++s) {
      PlacedSink& sink = sinks[s];
      double linearW = 0.0;
      for (const auto& [k, share] : sink.cover) {
        linearW += sink.conductanceWPerK * share * (riseK[k] - sink.supplyRiseK);
      }
      // What it removed in this solve (the figures reported match the temperatures).
      removedW[s] = sink.state == SinkState::Linear      ? linearW
                    : sink.state == SinkState::Saturated ? sink.capacityW
                                                         : 0.0;
      SinkState next = sink.state;
      if (sink.state != SinkState::Saturated) {
        next = linearW > sink.capacityW * (1.0 + 1.0e-9) ? SinkState::Saturated
               : linearW < 0.0                           ? SinkState::Off
                                                         : SinkState::Linear;
      }
      if (next != sink.state) {
        sink.state = next;
        changed = true;
      }
    }
    if (!changed) {
      map.converged = true;
      break;
    }
  }

  for (std::size_t s = 0; s < sinks.size(); ++s) {
    map.sinkRemovedW[std::size_t(sinks[s].input)] = removedW[s];
    map.heatRemovedW += removedW[s];
  }
  for (std::size_t s = 0; s < sinks.size(); ++s) {
    map.sinkSaturated[std::size_t(sinks[s].input)] = removedW[s] == sinks[s].capacityW;
  }

  map.minAirTempC = std::numeric_limits<double>::infinity();
  map.maxAirTempC = -std::numeric_limits<double>::infinity();
  int hottestCell = grid.cellOf.front();
  for (int k = 0; k < n; ++k) {
    const int cell = grid.cellOf[std::size_t(k)];
    const float t = float(referenceC + riseK[k]);  // the extremes are cell values as stored
    map.heatUnremovedW += leakWPerK * riseK[k];
    map.airTempC[std::size_t(cell)] = t;
    map.heatDensityWPerM2[std::size_t(cell)] = float(heatW[k] / cellAreaM2);
    map.minAirTempC = std::min(map.minAirTempC, double(t));
    if (t > map.maxAirTempC) {
      map.maxAirTempC = t;
      hottestCell = cell;
    }
  }
  map.hottestMm = PointMm{std::llround(grid.x0Mm + (hottestCell % grid.cols + 0.5) * cellMm),
                          std::llround(grid.y0Mm + (hottestCell / grid.cols + 0.5) * cellMm)};
  return map;
}

}  // namespace dc
