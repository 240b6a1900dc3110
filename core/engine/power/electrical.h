// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "powerresult.h"

#include <array>

namespace dc {

/// The electrical arithmetic of the power pass, as free functions a test can check against
/// published worked examples. Voltages are line-to-line for 3-phase AC.
namespace electrical {

/// Continuous apparent power of a circuit: √3 · V · I · derating (3φ), V · I · derating (1φ,
/// DC). The NEC worked example: 208 V, 30 A, 3φ, 0.8 → 8,646 VA.
double continuousVA(SupplyKind supply, double voltageV, double ratedCurrentA, double derating);

/// Input line currents of a unit whose outlet legs carry `legPowerW` (real power) at `powerFactor`.
/// Wye: leg k is L(k)–N at V/√3; line current = P_k / (V/√3 · PF). Delta: leg k is the branch
/// L(k)–L(k+1) at V; line currents are the phasor differences of the branch currents
/// (I_L1 = I_12 − I_31, …; √3 × the branch current when balanced). Single-phase and DC: one
/// current in [0], P / (V · PF) and P / V.
std::array<double, 3> lineCurrentsA(SupplyKind supply, double voltageV,
                                    const std::array<double, 3>& legPowerW, double powerFactor);

/// Neutral current of a wye unit: |Σ I_k ∠(−120° k)|; 0 for the others.
double neutralCurrentA(SupplyKind supply, const std::array<double, 3>& lineCurrentsA);

/// (largest − mean) / mean × 100 of the three line currents; 0 when unloaded or not 3-phase.
double imbalancePct(SupplyKind supply, const std::array<double, 3>& lineCurrentsA);

}  // namespace electrical
}  // namespace dc
