// SPDX-License-Identifier: GPL-3.0-or-later
#include "electrical.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <numbers>

namespace dc::electrical {

namespace {
constexpr double kSqrt3 = std::numbers::sqrt3;

bool threePhase(SupplyKind supply) {
  return supply == SupplyKind::ThreePhaseWye || supply == SupplyKind::ThreePhaseDelta;
}

/// Unit phasors at 0°, −120° and −240°: the L1, L2, L3 voltage angles.
const std::array<std::complex<double>, 3> kPhases{std::complex<double>(1.0, 0.0),
                                                  std::complex<double>(-0.5, -kSqrt3 / 2.0),
                                                  std::complex<double>(-0.5, kSqrt3 / 2.0)};

inline std::complex<double> phase(int k) {
  return kPhases[k];
}
}  // namespace

double continuousVA(SupplyKind supply, double voltageV, double ratedCurrentA, double derating) {
  const double va = voltageV * ratedCurrentA * derating;
  return threePhase(supply) ? kSqrt3 * va : va;
}

std::array<double, 3> lineCurrentsA(SupplyKind supply, double voltageV,
                                    const std::array<double, 3>& legPowerW, double powerFactor) {
  std::array<double, 3> currents{};
  if (voltageV <= 0) {
    return currents;
  }
  switch (supply) {
    case SupplyKind::Dc:
      currents[0] = (legPowerW[0] + legPowerW[1] + legPowerW[2]) / voltageV;
      break;
    case SupplyKind::SinglePhase:
      currents[0] = (legPowerW[0] + legPowerW[1] + legPowerW[2]) / (voltageV * powerFactor);
      break;
    case SupplyKind::ThreePhaseWye: {
      const double phaseV = voltageV / kSqrt3;
      for (int k = 0; k < 3; ++k) {
        currents[k] = legPowerW[k] / (phaseV * powerFactor);
      }
      break;
    }
    case SupplyKind::ThreePhaseDelta: {
      // Branch k spans L(k)–L(k+1); its current is in phase with that line-to-line voltage,
      // V_k(k+1) = V_k − V_(k+1), whose angle is that of phase(k) turned by +30°. The common
      // power-factor angle turns every branch alike and cancels in the magnitudes.
      std::array<std::complex<double>, 3> branch;
      for (int k = 0; k < 3; ++k) {
        const std::complex<double> direction = phase(k) - phase((k + 1) % 3);
        branch[k] = legPowerW[k] / (voltageV * powerFactor) * (direction / std::abs(direction));
      }
      for (int k = 0; k < 3; ++k) {
        currents[k] = std::abs(branch[k] - branch[(k + 2) % 3]);  // I_Lk = I_k(k+1) − I_(k−1)k
      }
      break;
    }
  }
  return currents;
}

double neutralCurrentA(SupplyKind supply, const std::array<double, 3>& lineCurrentsA) {
  if (supply != SupplyKind::ThreePhaseWye) {
    return 0.0;
  }
  std::complex<double> sum;
  for (int k = 0; k < 3; ++k) {
    sum += lineCurrentsA[k] * phase(k);
  }
  return std::abs(sum);
}

double imbalancePct(SupplyKind supply, const std::array<double, 3>& lineCurrentsA) {
  if (!threePhase(supply)) {
    return 0.0;
  }
  const double mean = (lineCurrentsA[0] + lineCurrentsA[1] + lineCurrentsA[2]) / 3.0;
  if (mean <= 1e-9) {
    return 0.0;
  }
  const double largest = *std::max_element(lineCurrentsA.begin(), lineCurrentsA.end());
  return (largest - mean) / mean * 100.0;
}

}  // namespace dc::electrical
