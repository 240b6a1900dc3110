// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace dc {

/// What one design assumption is: its stable key (saved in files, printed by the CLI), where
/// it is shown, its unit, default, allowed range and the public source of the default.
///
/// A *choice* assumption (choices non-empty) holds the index of one of its choice keys; its
/// file and JSON form is the key text.
struct AssumptionSpec {
  QString key;          ///< "power.powerFactor"
  QString group;        ///< "Power", "Energy", "Floor plan": the dialog's sections
  QString label;        ///< "Power factor"
  QString unit;         ///< "W", "V", "%", "USD/kWh"; empty for a pure number
  double defaultValue;  ///< a number, or the index of the default choice
  double min;           ///< lowest allowed value (exclusive when minExclusive)
  double max;           ///< highest allowed value (inclusive)
  bool minExclusive;
  QStringList choices;      ///< choice keys ("ac-3ph-415", ...); empty for a number
  QStringList choiceNames;  ///< "AC 3-phase 415 V", ... (same order)
  QString source;           ///< where the default comes from, with its status
  QString help;             ///< what the engine does with it
};

namespace assumption {
// Power (docs/engine.md explains each and its source)
inline constexpr char kSupplySystem[] = "power.supplySystem";
inline constexpr char kFrequencyHz[] = "power.frequencyHz";
inline constexpr char kPowerFactor[] = "power.powerFactor";
inline constexpr char kVoltageTolerancePct[] = "power.voltageTolerancePct";
inline constexpr char kDeratingFactor[] = "power.deratingFactor";
inline constexpr char kIdleFraction[] = "power.idleFraction";
inline constexpr char kDesignWorkload[] = "power.designWorkload";
inline constexpr char kUtilisationTraining[] = "power.utilisation.training";
inline constexpr char kUtilisationFineTuning[] = "power.utilisation.fineTuning";
inline constexpr char kUtilisationInference[] = "power.utilisation.inference";
inline constexpr char kMaxLegImbalancePct[] = "power.maxLegImbalancePct";
inline constexpr char kImbalanceMinLoadingPct[] = "power.imbalanceMinLoadingPct";
inline constexpr char kHighDensityRackW[] = "power.highDensityRackW";
inline constexpr char kGeneratorUnitW[] = "power.generatorUnitW";
inline constexpr char kGeneratorRedundancy[] = "power.generatorRedundancy";
// Facility and energy
inline constexpr char kPue[] = "facility.pue";
inline constexpr char kHoursPerYear[] = "energy.hoursPerYear";
inline constexpr char kPriceUsdPerKwh[] = "energy.priceUsdPerKwh";
inline constexpr char kCarbonGPerKwh[] = "energy.carbonGPerKwh";
// PUE by cooling architecture (facility.pueMode "by-cooling") or fixed (facility.pue)
inline constexpr char kPueMode[] = "facility.pueMode";
inline constexpr char kPueAir[] = "facility.pueAir";
inline constexpr char kPueRearDoor[] = "facility.pueRearDoor";
inline constexpr char kPueLiquid[] = "facility.pueLiquid";
// Cooling (docs/engine.md, "Cooling pass")
inline constexpr char kAirLimitW[] = "cooling.airLimitW";
inline constexpr char kInletClass[] = "cooling.inletClass";
inline constexpr char kSupplyAirTempC[] = "cooling.supplyAirTempC";
inline constexpr char kRoomDewPointC[] = "cooling.roomDewPointC";
inline constexpr char kChilledWaterSupplyC[] = "cooling.chilledWaterSupplyC";
inline constexpr char kFacilityWaterSupplyC[] = "cooling.facilityWaterSupplyC";
inline constexpr char kFacilityWaterClass[] = "cooling.facilityWaterClass";
inline constexpr char kCoolant[] = "cooling.coolant";
inline constexpr char kAirDeltaTK[] = "cooling.airDeltaTK";
inline constexpr char kLiquidDeltaTK[] = "cooling.liquidDeltaTK";
inline constexpr char kAltitudeM[] = "cooling.altitudeM";
inline constexpr char kCduApproachK[] = "cooling.cduApproachK";
inline constexpr char kDefaultLiquidFraction[] = "cooling.defaultLiquidFraction";
inline constexpr char kUnitRedundancy[] = "cooling.unitRedundancy";
// Fabric: cable routing and trays (docs/engine.md, "Fabric pass")
inline constexpr char kTrayHeightMm[] = "fabric.trayHeightMm";
inline constexpr char kTrayWidthMm[] = "fabric.trayWidthMm";
inline constexpr char kTrayDepthMm[] = "fabric.trayDepthMm";
inline constexpr char kCrossTrayEveryMm[] = "fabric.crossTrayEveryMm";
inline constexpr char kSlackPerEndMm[] = "fabric.slackPerEndMm";
inline constexpr char kInRackAllowanceMm[] = "fabric.inRackAllowanceMm";
inline constexpr char kMaxAttachMm[] = "fabric.maxAttachMm";
inline constexpr char kTrayFillLimitPct[] = "fabric.trayFillLimitPct";
inline constexpr char kMediaPolicy[] = "fabric.mediaPolicy";
// Workload fit (docs/workload.md)
inline constexpr char kMfuAmpere[] = "fit.mfu.ampere";
inline constexpr char kMfuHopper[] = "fit.mfu.hopper";
inline constexpr char kMfuBlackwell[] = "fit.mfu.blackwell";
inline constexpr char kMfuOther[] = "fit.mfu.other";
inline constexpr char kMfuScaleFromGpus[] = "fit.mfuScaleFromGpus";
inline constexpr char kMfuLossPerDoubling[] = "fit.mfuLossPerDoubling";
inline constexpr char kGoodput[] = "fit.goodput";
inline constexpr char kGlobalBatchTokens[] = "fit.globalBatchTokens";
inline constexpr char kUsableMemoryFraction[] = "fit.usableMemoryFraction";
inline constexpr char kCheckpointBytesPerParam[] = "fit.checkpointBytesPerParam";
inline constexpr char kCheckpointStallFraction[] = "fit.checkpointStallFraction";
inline constexpr char kInterruptionsPerGpuDay[] = "fit.interruptionsPerGpuDay";
inline constexpr char kStorageTier[] = "fit.storageTier";
inline constexpr char kMaxCommFraction[] = "fit.maxCommFraction";
inline constexpr char kTightMarginPct[] = "fit.tightMarginPct";
inline constexpr char kMbu[] = "fit.mbu";
inline constexpr char kPrefillMfu[] = "fit.prefillMfu";
inline constexpr char kContinuousBatchingGain[] = "fit.continuousBatchingGain";
// All-in price per GPU (with its server share) by the pool GPU's generation
inline constexpr char kGpuPriceUsdAmpere[] = "fit.gpuPriceUsd.ampere";
inline constexpr char kGpuPriceUsdHopper[] = "fit.gpuPriceUsd.hopper";
inline constexpr char kGpuPriceUsdBlackwell[] = "fit.gpuPriceUsd.blackwell";
inline constexpr char kGpuPriceUsdOther[] = "fit.gpuPriceUsd.other";
inline constexpr char kAmortisationYears[] = "fit.amortisationYears";
// Floor plan kW colour bands (upper edges, W)
inline constexpr char kBand1W[] = "floorPlan.band1W";
inline constexpr char kBand2W[] = "floorPlan.band2W";
inline constexpr char kBand3W[] = "floorPlan.band3W";
inline constexpr char kBand4W[] = "floorPlan.band4W";
inline constexpr char kBand5W[] = "floorPlan.band5W";
// Loading colours of the feed-loading overlay and the power panels (100 % is the rating)
inline constexpr char kLoadingWatchPct[] = "floorPlan.loadingWatchPct";
inline constexpr char kLoadingWarnPct[] = "floorPlan.loadingWarnPct";
/// The GPU price key of a generation ("ampere", "hopper", "blackwell"; anything else: other).
const char* gpuPriceUsdKey(const QString& generation);
}  // namespace assumption

/// The constants a design is analysed with: supply system, derating, utilisation, PUE, prices,
/// carbon intensity, the floor plan's kW bands and whatever later passes need. Project data,
/// saved in the file, edited by one undoable command; the engine reads every threshold from
/// here, never from a literal.
///
/// Holds only the values that differ from their defaults, so two designs with the same
/// effective values compare equal however they were edited.
class DesignAssumptions final {
 public:
  /// Every assumption, in the order the dialog and the CLI show them.
  static const QList<AssumptionSpec>& specs();
  static const AssumptionSpec* spec(const QString& key);

  /// The value (a number, or a choice's index); the default when not set. Throws
  /// std::invalid_argument on an unknown key (a programming error).
  double value(const QString& key) const;
  /// The key of a choice assumption's current choice.
  QString choice(const QString& key) const;
  bool isDefault(const QString& key) const { return !mValues.contains(key); }

  /// Why `value` is not acceptable for `spec`, naming the assumption; empty when it is.
  static QString problem(const AssumptionSpec& spec, double value);
  /// Sets a value after checking it; throws std::invalid_argument with problem() otherwise.
  /// Returns true when the value changed.
  bool setValue(const QString& key, double value);
  /// Sets a choice by its key; throws std::invalid_argument on an unknown choice.
  bool setChoice(const QString& key, const QString& choiceKey);
  /// Stores a value as read from a file without the range check, so the engine can report it
  /// as a finding instead of losing the file. Throws only on an unknown key.
  void setValueUnchecked(const QString& key, double value);
  /// Values that differ from their defaults, by key.
  const QMap<QString, double>& overrides() const noexcept { return mValues; }

  /// Derived from the supply system: line-to-line (AC) or DC distribution voltage.
  double supplyVoltageV() const;
  bool supplyIsDc() const;
  /// Utilisation of the design workload class (0..1).
  double designUtilisation() const;

  friend bool operator==(const DesignAssumptions&, const DesignAssumptions&) = default;

 private:
  QMap<QString, double> mValues;
};

}  // namespace dc
