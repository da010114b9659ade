#pragma once
// What a run records: the monthly series (declared once, in series_table() and scalar_table(),
// which the record phase, the HDF5 file, checkpoints and the scorecard all read) and yearly firm
// snapshots.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace parksim::model {

// Series recorded every month by zone x sector.
enum class Series : int {
  Output,
  ValueAdded,
  Firms,
  Employment,
  LandUsed,
  RdSpend,
  HighTech,
  Talent,
  Loans,
  Defaults,
  Platforms,
  Entries,
  Exits,
  IncomeTax,
  Count
};
inline constexpr int kSeriesCount = static_cast<int>(Series::Count);

// Series recorded every month for the whole area.
enum class Scalar : int {
  RiskPoolPaid,
  GuaranteePaid,
  AnchorProjects,
  CreditLineDrawn,
  VcInvested,
  GuidanceInvested,
  Unicorns,
  HiddenChampions,
  Listed,
  Retrofits,
  FirstUnits,
  Patents,
  LandRevoked,
  FloorAdded,
  Incubators,
  CentresPreparing,
  CentresOperating,
  CentresRevoked,
  CentreResults,
  FactoryFloor,
  FactoryFloorLet,
  FactoryRent,
  GuaranteesOutstanding,
  IpPledgedOutstanding,
  LandAwaitingApproval,
  PolicyBankOutstanding,
  PowerSurcharge,
  KeyProjectLand,
  LandReduced,
  Count
};
inline constexpr int kScalarCount = static_cast<int>(Scalar::Count);

// What a monthly value is over its month (CF cell_methods): a flow summed over the month (output,
// payments: a year is the sum of its months) or a stock or price at the month's end (firms, land,
// wages: a year is its December).
enum class TimeMethod { Point, Sum };

// How a series is stored: its HDF5 name, CF units, the factor from internal units (CNY, m2) to
// stored units, a description and its time method.
struct SeriesInfo {
  std::string_view name;
  std::string_view units;
  double scale;
  std::string_view description;
  TimeMethod time = TimeMethod::Point;
};

// The CF cell_methods attribute of a series: "time: sum" or "time: point".
inline std::string_view cell_methods(TimeMethod t) {
  return t == TimeMethod::Sum ? "time: sum" : "time: point";
}
// Indexed by Series and by Scalar.
const std::array<SeriesInfo, kSeriesCount>& series_table();
const std::array<SeriesInfo, kScalarCount>& scalar_table();
// Zone series the run file writes besides the cube (talent_present, zone_land_used,
// skilled_wage, housing_units; output/run_file.cpp).
const std::vector<SeriesInfo>& zone_series_table();
// The series of that name in series_table(), scalar_table() or zone_series_table(), or nullptr.
const SeriesInfo* find_series(std::string_view name);

struct StepRecord {
  std::vector<double> cube;                    // [Series][zone][sector]
  std::vector<double> subsidy;                 // [programme]
  std::vector<double> zone_talent;             // [zone][level]: talent present
  std::vector<double> zone_land;               // [zone]: land used incl. pending (m2)
  std::vector<double> zone_wage;               // [zone]
  std::vector<double> zone_housing;            // [zone]: talent housing units
  std::array<double, kScalarCount> scalars{};  // [Scalar]

  double& operator[](Scalar s) { return scalars[std::size_t(s)]; }
  double operator[](Scalar s) const { return scalars[std::size_t(s)]; }
};

// One row per firm in a yearly snapshot.
struct SnapshotRows {
  std::vector<std::int32_t> replication, year, zone, sector, employees;
  std::vector<std::int64_t> id;
  std::vector<double> age, output, productivity, capital, rd_intensity;
  std::vector<double> valuation;  // the last round's post-money marked with sales (0: never funded)
  std::vector<std::uint8_t> alive, high_tech, listed, vc_backed, hidden_champion, unicorn;
  void clear() { *this = SnapshotRows{}; }
};

// The monthly records of one replication.
struct ReplicationRecords {
  std::vector<StepRecord> steps;
  int start = 0;  // month index of steps[0]
};

}  // namespace parksim::model
