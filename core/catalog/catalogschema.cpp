// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogschema.h"

namespace dc {

namespace {
using T = SchemaField::Type;

QList<SchemaField> figures(std::initializer_list<const char*> names, T type = T::Figure) {
  QList<SchemaField> fields;
  for (const char* name : names) {
    fields.append({name, type});
  }
  return fields;
}

QList<SchemaField> buildSchema() {
  const QStringList purposes{"compute", "storage", "in-band", "out-of-band", "scale-up", "any"};
  // How the input is connected: single phase, 3-phase with loads line-to-neutral (wye) or
  // line-to-line (delta), or direct current.
  const QStringList supplies{"ac-1ph", "ac-3ph-wye", "ac-3ph-delta", "dc"};
  const QStringList media{"passive-copper", "active-copper", "aoc",
                          "multimode",      "single-mode",   "twisted-pair"};
  // Transceiver cages and module forms: a module fits a port whose cage is the same.
  const QStringList cages{"osfp-twin-finned", "osfp-twin-flat", "osfp",  "qsfp112", "qsfp56",
                          "qsfp28",           "qsfp-dd",        "sfp28", "rj45"};
  // ASHRAE TC 9.9 liquid (facility water) classes, named after the maximum supply temperature,
  // and air classes (formulas.md 1.3, 1.4).
  const QStringList liquidClasses{"W17", "W27", "W32", "W40", "W45", "W+"};
  const QStringList airClasses{"A1", "A2", "A3", "A4", "H1"};
  const QStringList coolingForms{"in-rack", "in-row", "floor", "door"};
  return QList<SchemaField>{
             {"id", T::Text},
             {"vendor", T::Text},
             {"model", T::Text},
             {"kind", T::Text},
             {"family", T::Text},
             {"description", T::Text},
             {"source", T::Text},
             {"confidence", T::Text},
             {"note", T::Text},
             {"heightU", T::IntFigure},
             {"fillsRack", T::Bool},
             {"formFactor", T::Text, {}, {"eia-19in", "orv3-21in"}},
             {"cooling", T::Text, {}, {"air", "liquid", "hybrid"}},
             {"airflowDirection", T::Text, {}, {"front-to-back", "back-to-front", "none"}},
             {"liquidCaptureFraction", T::Fraction},
             // Whether a rear-door heat exchanger can be fitted (the engine assumes "supported"
             // for racks of kind rack when absent).
             {"rearDoor", T::Text, {}, {"supported", "none"}},
             {"ashraeClass", T::Text, {}, airClasses},
             // The liquid loop a liquid-cooled device asks of its CDU / facility water.
             {"coolant", T::Group,
              figures({"supplyTempMinC", "supplyTempMaxC", "returnTempMaxC", "flowLpmPerKw",
                       "flowLpm", "pressureDropKpa", "volumeL"}) +
                  QList<SchemaField>{{"fluid", T::Text, {}, {"water", "pg25"}},
                                     {"facilityClass", T::Text, {}, liquidClasses}}},
             {"psu",
              T::Group,
              {{"count", T::IntFigure}, {"redundancy", T::Text}, {"ratingW", T::Figure}}},
             {"accelerators",
              T::Group,
              {{"part", T::Text}, {"count", T::IntFigure}, {"memoryGb", T::Figure}}},
             {"ports",
              T::GroupArray,
              {{"count", T::IntFigure},
               {"speedGbps", T::Figure},
               {"purpose", T::Text, {}, purposes},
               {"connector", T::Text},
               {"protocol", T::Text},
               // The transceiver cage the ports sit in and how many ports share one cage (2 in a
               // twin-port OSFP): one module serves a cage.
               {"cage", T::Text, {}, cages},
               {"portsPerCage", T::IntFigure}}},
             // Switches whose maxPowerW already includes the port power of their optics (the
             // fabric pass then adds optics power only for the other end).
             {"opticsInMaxPower", T::Bool},
             // A rack-scale system's compute trays: each is a node of the scale-out fabrics,
             // taking an equal share of the system's ports; the rack is its NVLink domain.
             {"computeTrays", T::IntFigure},
             {"compute", T::Group,
              figures({"memoryGb", "memoryBandwidthTBps", "bf16DenseTflops", "fp8DenseTflops",
                       "fp4DenseTflops", "scaleUpBandwidthGBps"})},
             {"rack", T::Group,
              figures({"usableU"}, T::IntFigure) +
                  figures({"unitHeightMm", "staticLoadKg", "dynamicLoadKg"})},
             {"electrical", T::Group,
              figures({"inputVoltageV", "inputCurrentA", "outputCapacityW", "outputVoltageV",
                       "ratedCurrentA", "frameRatingW", "moduleRatingW", "frequencyHz"}) +
                  figures({"phases", "moduleCount", "maxModuleCount"}, T::IntFigure) +
                  QList<SchemaField>{{"efficiency", T::Fraction},
                                     {"supply", T::Text, {}, supplies},
                                     {"outlets", T::Text}}},
             {"coolingUnit", T::Group,
              figures({"capacityW", "waterSupplyTempC", "flowLps", "approachK",
                       "minWaterSupplyTempC"}) +
                  QList<SchemaField>{
                      {"active", T::Bool},
                      {"form", T::Text, {}, coolingForms},
                      {"ratings", T::GroupArray,
                       figures({"capacityW", "waterSupplyTempC", "airInletTempC", "flowLps"})}}},
             {"storage", T::Group,
              figures({"capacityRawTB", "capacityUsableTB", "readGBps", "writeGBps"})},
             // A cable or a transceiver. speedGbps is the module's total; `ports` the links it
             // carries (2 for a twin-port module or cable). A transceiver fits `cage`; a cable
             // is stocked in lengthsM, its part number `partNumberPattern` with {len} replaced
             // by the vendor's length code; diameterMm is for tray fill.
             {"link", T::Group,
              figures({"speedGbps", "reachM", "powerW", "diameterMm", "minLengthM"}) +
                  figures({"ports"}, T::IntFigure) +
                  QList<SchemaField>{{"media", T::Text, {}, media},
                                     {"connector", T::Text},
                                     {"cage", T::Text, {}, cages},
                                     {"lengthCode", T::Text, {}, {"nvidia-linkx", "metres"}},
                                     {"partNumberPattern", T::Text},
                                     {"protocol", T::Text, {}, {"infiniband", "ethernet", "any"}},
                                     {"lengthsM", T::FigureArray}}},
         } +
         figures({"widthMm", "depthMm", "heightMm", "maxPowerW", "typicalPowerW", "weightKg",
                  "airflowCfm", "airInletMaxC"});
}
}  // namespace

const QList<SchemaField>& catalogItemSchema() {
  static const QList<SchemaField> schema = buildSchema();
  return schema;
}

}  // namespace dc
