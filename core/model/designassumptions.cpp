// SPDX-License-Identifier: GPL-3.0-or-later
#include "designassumptions.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace dc {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

AssumptionSpec number(const char* key, const char* group, const char* label, const char* unit,
                      double defaultValue, double min, double max, bool minExclusive,
                      const char* source, const char* help) {
  return {QString::fromUtf8(key),
          QString::fromUtf8(group),
          QString::fromUtf8(label),
          QString::fromUtf8(unit),
          defaultValue,
          min,
          max,
          minExclusive,
          {},
          {},
          QString::fromUtf8(source),
          QString::fromUtf8(help)};
}

AssumptionSpec choice(const char* key, const char* group, const char* label, int defaultIndex,
                      QStringList keys, QStringList names, const char* source, const char* help) {
  const double last = double(keys.size() - 1);
  return {QString::fromUtf8(key),
          QString::fromUtf8(group),
          QString::fromUtf8(label),
          QString(),
          double(defaultIndex),
          0.0,
          last,
          false,
          std::move(keys),
          std::move(names),
          QString::fromUtf8(source),
          QString::fromUtf8(help)};
}

QList<AssumptionSpec> buildSpecs() {
  using namespace assumption;
  const char* kPower = "Power";
  const char* kEnergy = "Facility and energy";
  const char* kBands = "Floor plan";
  const char* kCooling = "Cooling";
  const char* kFabric = "Fabric";
  const char* kFit = "Workload fit";
  const char* kBandSource =
      "Rack-density thresholds used in cooling planning: room air to ~15 kW, contained air to "
      "~30 kW, rear doors to ~75 kW, direct liquid 50–140 kW, rack-scale NVL72 ~120–150 kW, "
      "Kyber-class racks to 600 kW (industry surveys; NVIDIA DGX SuperPOD GB200 RA: 1.2 MW per "
      "8-rack SU)";
  return {
      choice(
          kSupplySystem, kPower, "Supply system", 2,
          {"ac-3ph-208", "ac-3ph-400", "ac-3ph-415", "ac-3ph-480", "dc-800"},
          {"AC 3-phase 208 V (North America)", "AC 3-phase 400 V (IEC)", "AC 3-phase 415 V (IEC)",
           "AC 3-phase 480 V (North America)", "800 VDC distribution (NVIDIA 800 V architecture)"},
          "IEC 60038 (230/400 V, 240/415 V) and ANSI C84.1 (120/208 V, 277/480 V) standard "
          "voltages; 415 V is the supply of the DGX SuperPOD H100 rack PDUs",
          "Voltage of busways, switchboards and UPS output when a node gives none; on 800 VDC "
          "the currents are P / V"),
      choice(kFrequencyHz, kPower, "Frequency", 0, {"50", "60"}, {"50 Hz", "60 Hz"},
             "IEC 60038 (50 Hz) / ANSI C84.1 (60 Hz)",
             "Recorded with the supply; PDU and UPS ratings are checked at it"),
      number(kPowerFactor, kPower, "Power factor", "", 0.95, 0.0, 1.0, true,
             "Engineering assumption [U]: server PSUs with active power-factor correction run "
             "at PF ≥ 0.95 at load; rack-feed tables quote PF 1",
             "I = P / (√3 · V · PF) on 3-phase AC, I = P / (V · PF) per phase leg"),
      number(kVoltageTolerancePct, kPower, "Voltage tolerance", "%", 5.0, 0.0, 50.0, false,
             "ANSI C84.1 Range A: service voltage within ±5 % of nominal",
             "A PDU whose rated voltage differs from the node it is plugged into by more is a "
             "voltage mismatch"),
      number(kDeratingFactor, kPower, "Continuous-load derating", "", 0.8, 0.0, 1.0, true,
             "NEC 210.19(A)(1), 210.20(A), 215.2(A)(1): continuous loads sized at 125 %, i.e. "
             "a breaker carries 80 % continuously (0.8); IEC installations rate PDUs at 100 % "
             "(1.0)",
             "Usable continuous current = rating × factor, for PDUs, busways, RPPs and "
             "switchboards"),
      number(kIdleFraction, kPower, "Idle power (share of max)", "", 0.25, 0.0, 1.0, false,
             "Engineering assumption [U]: GPU servers idle at about 20–30 % of max power "
             "(used where the catalog publishes no idle figure)",
             "P_idle = fraction × P_max in P(u) = P_idle + u · (P_max − P_idle)"),
      choice(kDesignWorkload, kPower, "Design workload", 0,
             {"training", "fine-tuning", "inference"}, {"Training", "Fine-tuning", "Inference"},
             "The workload class the hall is planned for (workloads per pool come later)",
             "Chooses the utilisation used for design power, energy, cost and carbon"),
      number(kUtilisationTraining, kPower, "Utilisation, training", "", 0.8, 0.0, 1.0, false,
             "Engineering assumption [U]: synchronous training keeps GPUs near their power "
             "limit between collectives and checkpoints (Llama 3 paper §3.3.4 reports "
             "data-center-wide swings of tens of MW)",
             "u in P(u) for the training class"),
      number(kUtilisationFineTuning, kPower, "Utilisation, fine-tuning", "", 0.55, 0.0, 1.0, false,
             "Derived: an 8×H100 node averaged 6.741 kW over MLPerf Training v4.0 Llama-2-70B "
             "LoRA (Supermicro) = 66 % of 10.2 kW; with idle at 25 %, u = (0.66 − 0.25) / 0.75 "
             "= 0.55",
             "u in P(u) for the fine-tuning class"),
      number(kUtilisationInference, kPower, "Utilisation, inference", "", 0.5, 0.0, 1.0, false,
             "Engineering assumption [U]: inference fleets follow request load and batch "
             "sizes; half of the dynamic range on average",
             "u in P(u) for the inference class"),
      number(kMaxLegImbalancePct, kPower, "Largest leg imbalance", "%", 20.0, 0.0, 100.0, true,
             "Engineering assumption [U]: imbalance = largest deviation from the mean / mean "
             "(NEMA-style). 20 % flags real misloading while accepting what whole cords allow: 8 "
             "equal cords on 3 legs cannot do better than 12.5 %",
             "A PDU above it gets a leg-imbalance warning"),
      number(kImbalanceMinLoadingPct, kPower, "Check imbalance above loading", "%", 25.0, 0.0,
             100.0, false,
             "Engineering assumption [U]: imbalance limits a PDU only when its most loaded leg "
             "is a fair share of its rating; below it, the busway balances across racks",
             "The leg-imbalance warning applies to PDUs loaded above this share"),
      number(kHighDensityRackW, kPower, "High-density rack", "W", 40'000.0, 0.0, kInf, true,
             "NVIDIA DGX SuperPOD H100 RA (RA-11333-001) p. 7: \"power consumption per rack "
             "exceeds 40 kW\" — racks above it need the facility's power and cooling review",
             "A rack above it gets an information finding"),
      number(kGeneratorUnitW, kPower, "Generator set rating", "W", 2'500'000.0, 0.0, kInf, true,
             "Engineering assumption [U]: 2.5 MW diesel sets are a common data-center standby "
             "size",
             "Generator count = ⌈facility power / rating⌉ plus redundancy"),
      choice(kGeneratorRedundancy, kPower, "Generator redundancy", 1, {"n", "n+1", "2n"},
             {"N", "N+1", "2N"},
             "Uptime Institute Tier III practice: N+1 standby generation [U as a default]",
             "Spare generator sets added to the count"),
      number(kPue, kEnergy, "PUE at peak (utility and generator sizing)", "", 1.3, 1.0, 5.0, false,
             "Uptime Institute 2024: new large builds reach PUE ≤ 1.3 (survey average 1.58); "
             "LBNL 2024 US Data Center Energy Usage Report: AI-specialised median 1.14",
             "Facility power for utility and generator sizing = IT max power × this PUE; energy, "
             "cost and carbon use it too when PUE is fixed"),
      choice(kPueMode, kEnergy, "PUE from", 0, {"by-cooling", "fixed"},
             {"Cooling architecture (heat-weighted)", "The fixed PUE above"},
             "LBNL 2024 US Data Center Energy Usage Report (LBNL-2001637) Fig. 4.4: simulated "
             "annual PUE differs by cooling system, so the estimate follows the design's heat "
             "split",
             "By cooling: PUE = 1 + Σ share of IT heat × (PUE of its path − 1), the shares of "
             "heat to cold plates, rear doors and room air; fixed: the PUE assumption"),
      number(kPueAir, kEnergy, "PUE of room-air cooling", "", 1.118, 1.0, 5.0, false,
             "LBNL 2024 Fig. 4.4 [S, digitised]: air cooling with water-side economiser "
             "(water-cooled chiller), large-scale median 1.118",
             "Overhead applied to the IT heat removed by CRAH units and in-row coolers"),
      number(kPueRearDoor, kEnergy, "PUE of rear-door cooling", "", 1.118, 1.0, 5.0, false,
             "Engineering assumption [U]: a rear door runs on the same chilled-water plant as "
             "room air (LBNL 2024 simulates RDHx on 2–32 °C facility water; no separate PUE "
             "published), so the air figure 1.118 is used",
             "Overhead applied to the IT heat removed by rear doors"),
      number(kPueLiquid, kEnergy, "PUE of direct liquid cooling", "", 1.093, 1.0, 5.0, false,
             "LBNL 2024 Fig. 4.4 [S, digitised]: IT liquid cooling with dry cooler, large-scale "
             "median 1.093 (1.133 with a water-side economiser and water-cooled chiller)",
             "Overhead applied to the IT heat captured by cold plates"),
      number(kHoursPerYear, kEnergy, "Operating hours per year", "h", 8760.0, 0.0, 8784.0, true,
             "365 days × 24 h (continuous operation)", "Annual energy = design power × hours"),
      number(kPriceUsdPerKwh, kEnergy, "Electricity price", "USD/kWh", 0.0835, 0.0, 10.0, false,
             "US EIA Electric Power Monthly, 2022 industrial average 8.35 ¢/kWh (revenue / "
             "sales, Tables 5.1 and 5.2)",
             "Annual cost = facility energy × price"),
      number(kCarbonGPerKwh, kEnergy, "Grid carbon intensity", "g CO₂/kWh", 367.0, 0.0, 2000.0,
             false,
             "US EIA FAQ (2023): 0.81 lb CO₂ per kWh of utility-scale generation = 367 g/kWh",
             "Annual carbon = facility energy × intensity"),
      number(kAirLimitW, kCooling, "Air-cooling limit per rack", "W", 30'000.0, 0.0, kInf, true,
             "formulas.md §1.7 [S, several]: air with hot/cold-aisle containment tops out at "
             "about 30 kW per rack (~41 kW with perfect containment)",
             "A rack whose heat to air exceeds it needs a rear door or liquid; an air-cooled rack "
             "over it is an error"),
      choice(kInletClass, kCooling, "ASHRAE inlet air class", 0, {"a1", "a2", "a3", "a4", "h1"},
             {"A1 (15–32 °C allowable)", "A2 (10–35 °C)", "A3 (5–40 °C)", "A4 (5–45 °C)",
              "H1 (5–25 °C, high density)"},
             "ASHRAE TC 9.9 Thermal Guidelines, 5th ed. (2021), Table 2.1 [S, reference card]: "
             "recommended 18–27 °C for A1–A4, 18–22 °C for H1",
             "The supply air temperature is checked against the class's recommended and "
             "allowable ranges"),
      number(kSupplyAirTempC, kCooling, "Supply (rack inlet) air temperature", "°C", 24.0, -10.0,
             60.0, false,
             "Engineering assumption [U]: inside the ASHRAE recommended 18–27 °C envelope",
             "Rack inlet air; exhaust = inlet + air ΔT; rear doors and the heat map use it"),
      number(kRoomDewPointC, kCooling, "Room dew point", "°C", 15.0, -30.0, 40.0, false,
             "ASHRAE TC 9.9 (2021) recommended envelope: dew point up to 15 °C",
             "Water surfaces in the room (rear doors) must stay 2 K above it (HPE QuickSpecs: "
             "water ≥ 2 °C above the maximum dew point)"),
      number(kChilledWaterSupplyC, kCooling, "Chilled-water supply to rear doors", "°C", 18.0, 0.0,
             60.0, false,
             "IBM rear-door heat exchanger specification [V]: minimum 18 ± 1 °C supply in an "
             "ASHRAE class-1 room (dew point ≤ 17 °C)",
             "Rear-door capacity is derated to it; checked against the room dew point"),
      number(kFacilityWaterSupplyC, kCooling, "Facility-water supply to CDUs", "°C", 30.0, 2.0,
             70.0, false,
             "Engineering assumption [U]: warm water within ASHRAE class W32 (cooling tower or "
             "economiser, chiller-free in many climates)",
             "Coolant supply to the racks = facility supply + the CDU's approach; checked "
             "against each device's accepted range"),
      choice(kFacilityWaterClass, kCooling, "Facility-water class (ASHRAE)", 2,
             {"w17", "w27", "w32", "w40", "w45"},
             {"W17 (≤ 17 °C, chiller)", "W27 (≤ 27 °C)", "W32 (≤ 32 °C)", "W40 (≤ 40 °C)",
              "W45 (≤ 45 °C, dry cooler)"},
             "ASHRAE TC 9.9 liquid-cooling classes (2021) [S, four copies agree]: the number is "
             "the maximum facility supply temperature",
             "Every liquid-cooled device must accept the class's maximum supply temperature"),
      choice(kCoolant, kCooling, "Secondary coolant", 1, {"water", "pg25"},
             {"Treated water", "PG25 (25 % propylene glycol)"},
             "Water ρ 997 kg/m³, c_p 4.18 kJ/(kg·K) (formulas.md §1.2); PG25 ρ·c_p 4.003 "
             "MJ/(m³·K) at 30 °C (Melinder 2010 via IBPSA Modelica, facts-power-cooling §9); "
             "the Vera Rubin NVL72 thermal model uses PG25",
             "Coolant flow = liquid heat / (ρ · c_p · ΔT)"),
      number(kAirDeltaTK, kCooling, "Air temperature rise through the rack", "K", 11.1, 0.0, 40.0,
             true,
             "InsideHPC/Dell [S]: servers run 20–30 °F (11–17 K) inlet-to-exhaust at customer "
             "sites; 20 °F = 11.1 K is the low, airflow-conservative end",
             "Airflow = air-side heat / (ρ · c_p · ΔT)"),
      number(kLiquidDeltaTK, kCooling, "Coolant temperature rise", "K", 10.0, 0.0, 40.0, true,
             "OCP guidance as quoted [S]: ~1.5 L/min per kW at a 10 °C rise; secondary ΔT 8–12 K",
             "Coolant flow = liquid heat / (ρ · c_p · ΔT)"),
      number(kAltitudeM, kCooling, "Site altitude", "m", 0.0, -500.0, 5000.0, false,
             "US Standard Atmosphere 1976 barometric formula p = p₀ (1 − 0.0065 h / 288.15)^5.2559",
             "Air density and so airflow scale with the local pressure"),
      number(kCduApproachK, kCooling, "CDU approach (when the catalog gives none)", "K", 4.0, 0.0,
             20.0, false,
             "Vertiv CoolChip CDU data sheet (capacities at 4 °C ATD) and NVIDIA CDU "
             "self-qualification (600 kW at 4 °C approach) [S]",
             "Coolant supply = facility-water supply + approach"),
      number(kDefaultLiquidFraction, kCooling, "Liquid capture (when the catalog gives none)", "",
             0.75, 0.0, 1.0, true,
             "formulas.md §1.5 [U]: GPU/CPU cold plates capture about 70–80 % of a server's heat",
             "Share of a liquid-cooled device's heat taken by cold plates; a warning names it"),
      choice(kUnitRedundancy, kCooling, "Redundancy of loops and zones not drawn", 1,
             {"n", "n+1", "2n"}, {"N", "N+1", "2N"},
             "Uptime Institute Tier III practice: N+1 cooling units [U as a default]; NVIDIA CDU "
             "self-qualification asks N+1 pumps",
             "Used for a hall's cooling units that name no loop or zone"),
      number(kTrayHeightMm, kFabric, "Height of generated overhead trays", "mm", 2800.0, 0.0,
             20000.0, true,
             "[U] above a 48-52U rack (about 2.3 m) with the 300 mm access clearance the "
             "TIA-942/BICSI overhead-pathway texts ask for (RISA directive mirror [S])",
             "Trays the engine lays along and across the rows when a hall has none drawn"),
      number(kTrayWidthMm, kFabric, "Width of generated trays", "mm", 600.0, 50.0, 2000.0, false,
             "Motorola R56 §3.10 [S]: 457 mm minimum, 610 mm recommended ladder width",
             "Cross-section of the generated trays for the fill check"),
      number(kTrayDepthMm, kFabric, "Depth of generated trays", "mm", 100.0, 20.0, 500.0, false,
             "NIE GRS wire-mesh range [V vendor]: 60, 110, 160 mm heights; 100 mm usable bed",
             "Cross-section of the generated trays for the fill check"),
      number(kCrossTrayEveryMm, kFabric, "Generated cross trays every", "mm", 0.0, 0.0, 1.0e6,
             false, "[U] 0: cross trays only at both ends of the rows",
             "Extra cross trays between the row ends of the generated tray network"),
      number(kSlackPerEndMm, kFabric, "Slack per cable end", "mm", 1000.0, 0.0, 10000.0, false,
             "formulas.md §3.5 [U]: a 1-3 m service loop per link; 1 m at each end",
             "Added at each end of a cable routed over the trays"),
      number(kInRackAllowanceMm, kFabric, "Allowance for a cable inside one rack", "mm", 500.0, 0.0,
             5000.0, false,
             "[U] dressing in the vertical cable manager, on top of the U-to-U height difference",
             "Length of a link whose ends are in the same rack = height difference + this"),
      number(kMaxAttachMm, kFabric, "Furthest a rack may be from a tray", "mm", 3000.0, 0.0, 1.0e5,
             true, "[U] a rack further than one aisle from every tray is not served",
             "A rack further from every tray gets the finding fabric.rack-unreached"),
      number(kTrayFillLimitPct, kFabric, "Tray fill limit", "%", 50.0, 0.0, 100.0, true,
             "NEC 392.22 [S, EC&M]: cable cross-sections at most 50 % of a ladder or ventilated "
             "tray (40 % solid bottom, applied to solid-bottom trays)",
             "A tray segment fuller than this gets the finding fabric.tray-overfill"),
      choice(kMediaPolicy, kFabric, "Cable media", 0, {"cheapest", "optical"},
             {"Cheapest that reaches", "Optical where optics exist"},
             "formulas.md §3.5: the cheapest medium whose reach covers the routed length; "
             "NVIDIA SP-H100 RA Table 8 note: all SuperPOD networking is multimode fibre",
             "Optical: no copper DAC or active copper where a fibre or AOC serves the link"),
      // Workload fit (docs/workload.md)
      number(kMfuAmpere, kFit, "MFU, Ampere (A100)", "", 0.45, 0.0, 1.0, true,
             "Hardware FLOPs utilisation (of the FLOPs counted with the recompute, Megatron's "
             "convention; docs/workload.md). formulas.md 4.2 [S]: Megatron-LM on 32-3,072 A100 "
             "reached 44-52 % of the 312 TFLOP/s peak with the full recompute counted "
             "(Narayanan et al. 2021 Table 1); Llama 2's published GPU-hours imply 38-43 % on "
             "6ND wall-clock (reference case 31), 45-51 % once divided by the 0.9 goodput and "
             "counted with selective recompute (x 1.07 at a 4k sequence); 0.45 is the low end "
             "of both",
             "Utilisation of the counted FLOPs (with recompute) at up to fit.mfuScaleFromGpus "
             "GPUs, when the workload gives none"),
      number(kMfuHopper, kFit, "MFU, Hopper (H100, H200)", "", 0.40, 0.0, 1.0, true,
             "formulas.md 4.2: Llama 3 405B 38-43 % BF16 on 8,192-16,384 H100 (Llama 3 paper "
             "Table 4, on model FLOPs; selective recompute counts about 8 % more at 405B, 13 % "
             "at 70B, so the default reads that much slow there) [V]; Megatron-Core 41-48 % on "
             "up to 6,144 H100 (README) [S]",
             "Model FLOPs utilisation at up to fit.mfuScaleFromGpus GPUs"),
      number(kMfuBlackwell, kFit, "MFU, Blackwell (B200, GB200, B300, GB300)", "", 0.35, 0.0, 1.0,
             true,
             "[U] no published large-scale Blackwell MFU was found; set below Hopper because the "
             "dense BF16 peak grew 2.3x over H100 while the scale-out fabric per GPU stayed at "
             "400-800 Gb/s",
             "Model FLOPs utilisation at up to fit.mfuScaleFromGpus GPUs"),
      number(kMfuOther, kFit, "MFU, other GPUs", "", 0.35, 0.0, 1.0, true,
             "[U] the low end of the 35-55 % band of formulas.md 4.2, for GPUs without a "
             "published training calibration (AMD Instinct, Rubin)",
             "Model FLOPs utilisation at up to fit.mfuScaleFromGpus GPUs"),
      number(kMfuScaleFromGpus, kFit, "MFU loss applies above", "GPU", 1024.0, 1.0, 1.0e7, false,
             "[U] the A100 calibrations (Megatron-LM Table 1, case 26) hold to about 1,024 GPUs; "
             "larger runs lose utilisation to communication (Megatron-Core strong scaling)",
             "MFU = generation default - loss per doubling x log2(GPUs / this), above it"),
      number(kMfuLossPerDoubling, kFit, "MFU loss per doubling of GPUs", "", 0.01, 0.0, 0.1, false,
             "Derived [D from S]: Megatron-Core GPT-3 175B strong scaling fell from 47 % to 42 % "
             "MFU over 96 -> 4,608 H100 (5.6 doublings: 0.9 points per doubling, README)",
             "Subtracted from the MFU per doubling above fit.mfuScaleFromGpus"),
      number(kGoodput, kFit, "Goodput (effective training time)", "", 0.9, 0.0, 1.0, true,
             "Llama 3 paper §3.3.4: higher than 90 % effective training time [V]; ByteDance "
             "MegaScale: ETTR above 90 % over 100+ automatic recoveries [S]",
             "Wall-clock time = compute time / goodput (restarts, checkpoints, stragglers)"),
      number(kGlobalBatchTokens, kFit, "Global batch", "tokens", 4'194'304.0, 0.0, 1.0e10, true,
             "Llama 2 paper: a global batch of 4M tokens [U, not re-read] (4 x 2^20)",
             "Tokens per optimizer step when the workload gives none: the step time the "
             "all-reduce and the checkpoint stall are judged against"),
      number(kUsableMemoryFraction, kFit, "Usable share of GPU memory", "", 0.9, 0.0, 1.0, true,
             "[U] CUDA context, NCCL buffers, allocator fragmentation and runtime workspace take "
             "several GB of an 80-288 GB GPU",
             "Model states + activations (training) or weights + KV cache (inference) must fit "
             "in this share of HBM"),
      number(kCheckpointBytesPerParam, kFit, "Checkpoint size", "B/param", 14.0, 0.0, 64.0, true,
             "formulas.md 4.5 [S]: BLOOM-176B's full checkpoint with optimizer states was 2.3 TB "
             "(about 14 B/param: fp32 master + Adam m, v = 12, + bf16 weights = 2)",
             "Checkpoint bytes = parameters x this"),
      number(kCheckpointStallFraction, kFit, "Checkpoint stall budget (share of a step)", "", 0.25,
             0.0, 1.0, true,
             "[U] checkpoint writes are synchronous and stop training (SP-H100); cross-check: "
             "Llama 3 405B (5.7 TB at 14 B/param, about 6 s steps) needs 3.8 TB/s at 0.25, "
             "within the 7 TB/s peak its storage delivered (Llama 3 §3.3.1)",
             "Required write bandwidth = checkpoint bytes / (this x step time)"),
      number(kInterruptionsPerGpuDay, kFit, "Job interruptions per GPU-day", "", 4.7e-4, 0.0, 1.0,
             true,
             "Derived [D from V]: Llama 3 405B had 419 unexpected interruptions on 16,384 H100 "
             "over 54 days = 4.7e-4 per GPU-day; published range 3e-4 (Meta RSC-2, a B200 "
             "cluster) to 2e-3 (OPT-175B on cloud A100) (facts-fabric-workload.md §8)",
             "Job MTBF = 86,400 s / (this x GPUs); Young's interval = sqrt(2 x write time x MTBF)"),
      choice(kStorageTier, kFit, "Dataloader read guideline", 0, {"good", "better", "best"},
             {"Good", "Better", "Best"},
             "NVIDIA DGX SuperPOD H100 RA Table 6 [V]: read/write GB/s per node, per SU and per "
             "4 SU at three levels. Good by default [U]: the SuperPOD storage chapters put "
             "concurrent LLM and fine-tuning jobs with periodic checkpoints, where compute "
             "dominates, at their lowest level (DGX SuperPOD Rubin RA [S]); checkpoint writes "
             "are checked on their own",
             "The read bandwidth a training job's nodes need from the storage placed in the hall"),
      number(kMaxCommFraction, kFit, "Largest data-parallel all-reduce share of a step", "", 0.25,
             0.0, 1.0, true,
             "[U] the gradient all-reduce overlaps the backward pass; once it takes more than a "
             "quarter of the compute time of a step, the fabric rather than the GPUs sets the pace",
             "A training job whose all-reduce time / step time exceeds it is fabric-bound"),
      number(kTightMarginPct, kFit, "Tight below a margin of", "%", 10.0, 0.0, 100.0, false,
             "[U] a tenth of headroom: less than the spread of the MFU calibrations (38-52 %)",
             "A workload whose smallest margin is below this fits, tight"),
      number(kMbu, kFit, "Decode memory-bandwidth utilisation", "", 0.8, 0.0, 1.0, true,
             "facts-fabric-workload.md 6.2 [S, weak]: MBU 70-85 % for vLLM / TensorRT-LLM; a "
             "GB200 bandwidth test reached 92 % of peak (Azure ND GB200 v6) [V]",
             "Decode step time = (weights + KV cache read) / (GPUs x bandwidth x this)"),
      number(kPrefillMfu, kFit, "Prefill compute utilisation", "", 0.5, 0.0, 1.0, true,
             "Derived [D from V]: Azure ND GB200 v6 sustained 2,744 FP8 GEMM TFLOP/s of the "
             "5,000 dense peak = 55 %; prefill adds attention and launch overheads",
             "Prefill time = 2 x parameters x prompt tokens / (GPUs x dense peak x this)"),
      number(kContinuousBatchingGain, kFit, "Continuous-batching gain", "", 2.0, 1.0, 10.0, false,
             "vLLM / PagedAttention paper (Kwon et al., SOSP 2023): 2-4x the throughput of "
             "FasterTransformer and Orca at the same latency [S]; the low end",
             "Static batching serves the continuous-batching throughput / this"),
      number(kGpuPriceUsdAmpere, kFit, "GPU price, all-in, Ampere (A100)", "USD", 20'000.0, 0.0,
             1.0e7, false,
             "[U] no A100 price in the sources (facts-fabric-workload.md 7.1 gives none); set at "
             "two-thirds of the Hopper default, below H100's ~$30k street estimate",
             "Per GPU, with its share of the server: amortised into the cost per million tokens "
             "of a pool of Ampere GPUs"),
      number(kGpuPriceUsdHopper, kFit, "GPU price, all-in, Hopper (H100, H200)", "USD", 30'000.0,
             0.0, 1.0e7, false,
             "Estimates [S] (NVIDIA publishes no list price): H100 ~$30k, H200 ~$35k street, "
             "mid-2026, ±20-40 % (aiinframap TCO, facts-fabric-workload.md 7.1); H100 $25-30k "
             "(Raymond James, 2023). The H100 figure: set it for an H200 pool",
             "Per GPU, with its share of the server: amortised into the cost per million tokens "
             "of a pool of Hopper GPUs"),
      number(kGpuPriceUsdBlackwell, kFit, "GPU price, all-in, Blackwell (B200, GB200, B300, GB300)",
             "USD", 40'000.0, 0.0, 1.0e7, false,
             "Estimates [S]: B200 ~$40k street, mid-2026 (aiinframap), $40-43k in Q1 2026; GB300 "
             "NVL72 about $3M per rack = $41.7k per GPU all-in (facts-fabric-workload.md 7.1)",
             "Per GPU, with its share of the server: amortised into the cost per million tokens "
             "of a pool of Blackwell GPUs"),
      number(kGpuPriceUsdOther, kFit, "GPU price, all-in, other GPUs", "USD", 40'000.0, 0.0, 1.0e7,
             false, "[U] no price in the sources for AMD Instinct or Rubin; the Blackwell default",
             "Per GPU, with its share of the server: amortised into the cost per million tokens "
             "of a pool of other GPUs"),
      number(kAmortisationYears, kFit, "Amortisation period", "years", 5.0, 0.0, 20.0, true,
             "Server lives in 10-K filings [S]: Amazon 5 (from 2025), Meta 5.5, Microsoft and "
             "Alphabet 6, CoreWeave 6, Nebius 4 (facts-fabric-workload.md 7.2; range 4-6)",
             "Hardware cost per second = GPUs x price / (years x energy.hoursPerYear x 3,600)"),
      number(kBand1W, kBands, "kW band 1 up to", "W", 15'000.0, 0.0, kInf, true, kBandSource,
             "Upper edge of the first floor-plan colour band"),
      number(kBand2W, kBands, "kW band 2 up to", "W", 30'000.0, 0.0, kInf, true, kBandSource,
             "Upper edge of the second band"),
      number(kBand3W, kBands, "kW band 3 up to", "W", 75'000.0, 0.0, kInf, true, kBandSource,
             "Upper edge of the third band"),
      number(kBand4W, kBands, "kW band 4 up to", "W", 150'000.0, 0.0, kInf, true, kBandSource,
             "Upper edge of the fourth band"),
      number(kLoadingWatchPct, kBands, "Loading shown as watch from", "%", 50.0, 0.0, 100.0, false,
             "Display band [U]: beyond half its continuous rating a circuit has used the headroom "
             "a feed loss needs in a 2N design",
             "Feed-loading overlay: green below, amber-yellow from here"),
      number(kLoadingWarnPct, kBands, "Loading shown as near the limit from", "%", 80.0, 0.0, 100.0,
             false,
             "Display band [U]: the last fifth of a continuous rating, where planners stop adding "
             "load (the rating itself, 100 %, is the engine's overload limit)",
             "Feed-loading overlay and power panels: amber from here, red above 100 %"),
      number(kBand5W, kBands, "kW band 5 up to", "W", 300'000.0, 0.0, kInf, true, kBandSource,
             "Upper edge of the fifth band; racks above it (to 600 kW) take the last colour"),
  };
}

const AssumptionSpec& requireSpec(const QString& key) {
  const AssumptionSpec* spec = DesignAssumptions::spec(key);
  if (!spec) {
    throw std::invalid_argument("unknown design assumption '" + key.toStdString() + "'");
  }
  return *spec;
}

}  // namespace

const char* assumption::gpuPriceUsdKey(const QString& generation) {
  if (generation == QLatin1String("ampere")) {
    return kGpuPriceUsdAmpere;
  }
  if (generation == QLatin1String("hopper")) {
    return kGpuPriceUsdHopper;
  }
  if (generation == QLatin1String("blackwell")) {
    return kGpuPriceUsdBlackwell;
  }
  return kGpuPriceUsdOther;
}

const QList<AssumptionSpec>& DesignAssumptions::specs() {
  static const QList<AssumptionSpec> specs = buildSpecs();
  return specs;
}

const AssumptionSpec* DesignAssumptions::spec(const QString& key) {
  for (const AssumptionSpec& spec : specs()) {
    if (spec.key == key) {
      return &spec;
    }
  }
  return nullptr;
}

double DesignAssumptions::value(const QString& key) const {
  const auto it = mValues.constFind(key);
  return it != mValues.cend() ? it.value() : requireSpec(key).defaultValue;
}

QString DesignAssumptions::choice(const QString& key) const {
  const AssumptionSpec& spec = requireSpec(key);
  const double v = value(key);
  const qsizetype index = qsizetype(v);
  if (spec.choices.isEmpty() || index < 0 || index >= spec.choices.size() || v != double(index)) {
    return spec.choices.value(qsizetype(spec.defaultValue));
  }
  return spec.choices[index];
}

QString DesignAssumptions::problem(const AssumptionSpec& spec, double value) {
  const QString name = QStringLiteral("%1 (%2)").arg(spec.label, spec.key);
  if (!std::isfinite(value)) {
    return QStringLiteral("%1 must be a finite number").arg(name);
  }
  if (!spec.choices.isEmpty()) {
    if (value != std::floor(value) || value < 0 || value >= double(spec.choices.size())) {
      return QStringLiteral("%1 must be one of %2").arg(name, spec.choices.join(", "));
    }
    return {};
  }
  const bool low = spec.minExclusive ? value <= spec.min : value < spec.min;
  if (low || value > spec.max) {
    const QString range =
        std::isinf(spec.max)
            ? QStringLiteral("%1 %2").arg(spec.minExclusive ? "above" : "at least").arg(spec.min)
        : spec.minExclusive ? QStringLiteral("above %1 and at most %2").arg(spec.min).arg(spec.max)
                            : QStringLiteral("%1 to %2").arg(spec.min).arg(spec.max);
    return QStringLiteral("%1 must be %2%3 (got %4)")
        .arg(name, range, spec.unit.isEmpty() ? QString() : QStringLiteral(" ") + spec.unit)
        .arg(value);
  }
  return {};
}

bool DesignAssumptions::setValue(const QString& key, double value) {
  const AssumptionSpec& spec = requireSpec(key);
  const QString why = problem(spec, value);
  if (!why.isEmpty()) {
    throw std::invalid_argument(why.toStdString());
  }
  const double before = this->value(key);
  setValueUnchecked(key, value);
  return before != value;
}

bool DesignAssumptions::setChoice(const QString& key, const QString& choiceKey) {
  const AssumptionSpec& spec = requireSpec(key);
  const qsizetype index = spec.choices.indexOf(choiceKey);
  if (index < 0) {
    throw std::invalid_argument(QStringLiteral("%1 (%2) must be one of %3 (got '%4')")
                                    .arg(spec.label, spec.key, spec.choices.join(", "), choiceKey)
                                    .toStdString());
  }
  return setValue(key, double(index));
}

void DesignAssumptions::setValueUnchecked(const QString& key, double value) {
  const AssumptionSpec& spec = requireSpec(key);
  if (value == spec.defaultValue) {
    mValues.remove(key);
  } else {
    mValues.insert(key, value);
  }
}

double DesignAssumptions::supplyVoltageV() const {
  const QString system = choice(assumption::kSupplySystem);
  return system.section('-', -1).toDouble();  // "ac-3ph-415" -> 415, "dc-800" -> 800
}

bool DesignAssumptions::supplyIsDc() const {
  return choice(assumption::kSupplySystem).startsWith(QLatin1String("dc-"));
}

double DesignAssumptions::designUtilisation() const {
  const QString workload = choice(assumption::kDesignWorkload);
  if (workload == QLatin1String("fine-tuning")) {
    return value(assumption::kUtilisationFineTuning);
  }
  if (workload == QLatin1String("inference")) {
    return value(assumption::kUtilisationInference);
  }
  return value(assumption::kUtilisationTraining);
}

}  // namespace dc
