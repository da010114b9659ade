// The HDF5 file of a run (run_file.hpp).
#include "run_file.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <numeric>

#include "parksim/model/units.hpp"
#include "parksim/version.hpp"

namespace parksim::model {

namespace h5 = engine::h5;

std::string iso_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", tm);
}

namespace {

// Days since 1970-01-01 of the first day of a month index (proleptic Gregorian).
std::int64_t days_since_epoch(int month_index) {
  int y = month_index / 12;
  const unsigned m = unsigned(month_index % 12 + 1);
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return std::int64_t(era) * 146097 + std::int64_t(doe) - 719468;
}

// A recorded series as an HDF5 variable: its units, description and CF time method.
h5::Variable variable(const SeriesInfo& v, std::vector<std::string> dims) {
  return {std::string(v.name),
          std::move(dims),
          h5::Type::Float64,
          std::string(v.units),
          {{"long_name", std::string(v.description)},
           {"cell_methods", std::string(cell_methods(v.time))}}};
}

}  // namespace

void RunFile::finish(const RunOptions& opt, std::int64_t seed, int replications, int threads,
                     const std::string& started, int branched_month) {
  std::vector<h5::Attr> attrs = {
      {"title", sc_.info.title.empty() ? sc_.info.name : sc_.info.title},
      {"parksim_version", std::string(kVersion)},
      {"git_commit", std::string(kGitCommit)},
      {"scenario_name", sc_.info.name},
      {"scenario_path", sc_.path},
      {"scenario", sc_.resolved_text},
      {"seed", std::int64_t(seed)},
      {"replications", std::int64_t(replications)},
      {"threads", std::int64_t(threads)},
      {"command_line", opt.command_line},
      {"start_time", started},
      {"end_time", iso_now()},
      {"Conventions", std::string("CF-1.8")},
  };
  if (branched_month >= 0) {
    attrs.push_back({"branched_from", opt.branch_from});
    attrs.push_back({"branched_month", units::format_month(branched_month)});
  }
  for (const auto& a : attrs) w_.set_attribute("", "", a);
  if (opt.write_extra) opt.write_extra(w_);
  w_.commit();
}

void RunFile::define(int replications) {
  std::vector<std::int64_t> time;
  for (int m = sc_.info.start; m <= sc_.info.end; ++m) time.push_back(days_since_epoch(m));
  std::vector<std::string> zones, sectors, programmes;
  for (const auto& z : sc_.zones) zones.push_back(z.id);
  for (const auto& s : sc_.sectors) sectors.push_back(s.id);
  for (const auto& p : sc_.programmes) programmes.push_back(p.id);
  w_.add_dimension("", {"replication",
                        {},
                        {},
                        true,
                        true,
                        {{"long_name", std::string("replication number")}},
                        std::size_t(std::max(replications, 1))});
  w_.add_dimension("", {"time",
                        time,
                        {},
                        false,
                        true,
                        {{"units", std::string("days since 1970-01-01")},
                         {"calendar", std::string("proleptic_gregorian")},
                         {"long_name", std::string("first day of the simulated month")}}});
  w_.add_dimension("", {"zone", {}, zones, false, false, {}});
  w_.add_dimension("", {"sector", {}, sectors, false, false, {}});
  w_.add_dimension("", {"programme", {}, programmes, false, false, {}});
  w_.add_dimension("", {"level", {}, {"skilled", "leading"}, false, false, {}});
  std::vector<std::string> zone_labels, sector_labels, programme_labels, programme_levers;
  for (const auto& z : sc_.zones) zone_labels.push_back(z.label);
  for (const auto& s : sc_.sectors) sector_labels.push_back(s.label);
  for (const auto& p : sc_.programmes) {
    programme_labels.push_back(p.label);
    programme_levers.push_back(p.lever);
  }
  w_.create_variable(
      "",
      {"zone_label", {"zone"}, h5::Type::String, "1", {{"long_name", std::string("zone name")}}});
  w_.write("", "zone_label", zone_labels);
  w_.create_variable("", {"sector_label",
                          {"sector"},
                          h5::Type::String,
                          "1",
                          {{"long_name", std::string("sector name")}}});
  w_.write("", "sector_label", sector_labels);
  std::vector<std::uint8_t> zone_industrial, sector_sei;
  for (const auto& z : sc_.zones) zone_industrial.push_back(z.industrial ? 1 : 0);
  for (const auto& s : sc_.sectors) sector_sei.push_back(s.strategic_emerging ? 1 : 0);
  w_.create_variable(
      "",
      {"zone_industrial",
       {"zone"},
       h5::Type::UInt8,
       "1",
       {{"long_name", std::string("1 = industrial zone; 0 = offices of non-industrial firms")}}});
  w_.write("", "zone_industrial", zone_industrial);
  w_.create_variable("", {"sector_strategic_emerging",
                          {"sector"},
                          h5::Type::UInt8,
                          "1",
                          {{"long_name", std::string("1 = strategic emerging industry")}}});
  w_.write("", "sector_strategic_emerging", sector_sei);
  w_.create_variable("", {"programme_label", {"programme"}, h5::Type::String, "1", {}});
  w_.write("", "programme_label", programme_labels);
  w_.create_variable("", {"programme_lever", {"programme"}, h5::Type::String, "1", {}});
  w_.write("", "programme_lever", programme_levers);
  const std::vector<std::string> cube = {"replication", "time", "zone", "sector"};
  for (const auto& v : series_table()) w_.create_variable("", variable(v, cube));
  w_.create_variable("",
                     {"output_density",
                      cube,
                      h5::Type::Float64,
                      "1e8 CNY/km2/year",
                      {{"long_name", std::string("Annualised output over land held (亿元/km2)")},
                       {"cell_methods", std::string(cell_methods(TimeMethod::Point))}}});
  w_.create_variable("", {"subsidy_paid",
                          {"replication", "time", "programme"},
                          h5::Type::Float64,
                          "1e8 CNY/month",
                          {{"long_name", std::string("Money paid by each programme")},
                           {"cell_methods", std::string(cell_methods(TimeMethod::Sum))}}});
  for (const auto& v : scalar_table()) w_.create_variable("", variable(v, {"replication", "time"}));
  // Zone series: talent by level, land and housing by zone (zone_series_table()).
  const auto zone_series = [&](std::string_view name, std::vector<std::string> dims) {
    w_.create_variable("", variable(*find_series(name), std::move(dims)));
  };
  zone_series("talent_present", {"replication", "time", "zone", "level"});
  zone_series("zone_land_used", {"replication", "time", "zone"});
  zone_series("skilled_wage", {"replication", "time", "zone"});
  zone_series("housing_units", {"replication", "time", "zone"});
  // Snapshots: one row per firm per December.
  w_.add_dimension("snapshots",
                   {"firm", {}, {}, true, true, {{"long_name", std::string("snapshot row")}}});
  const std::vector<std::string> row = {"firm"};
  w_.create_variable("snapshots", {"replication", row, h5::Type::Int32, "1", {}});
  w_.create_variable("snapshots", {"year", row, h5::Type::Int32, "year", {}});
  w_.create_variable("snapshots",
                     {"id",
                      row,
                      h5::Type::Int64,
                      "1",
                      {{"long_name", std::string("firm id, unique within a replication")}}});
  w_.create_variable(
      "snapshots",
      {"zone", row, h5::Type::Int32, "1", {{"long_name", std::string("index into /zone")}}});
  w_.create_variable(
      "snapshots",
      {"sector", row, h5::Type::Int32, "1", {{"long_name", std::string("index into /sector")}}});
  w_.create_variable("snapshots", {"age", row, h5::Type::Float64, "years", {}});
  w_.create_variable("snapshots", {"employees", row, h5::Type::Int32, "persons", {}});
  w_.create_variable("snapshots", {"output",
                                   row,
                                   h5::Type::Float64,
                                   "1e8 CNY/year",
                                   {{"long_name", std::string("output in the calendar year")}}});
  w_.create_variable(
      "snapshots",
      {"productivity", row, h5::Type::Float64, "1", {{"long_name", std::string("relative TFP")}}});
  w_.create_variable("snapshots", {"capital", row, h5::Type::Float64, "1e8 CNY", {}});
  w_.create_variable("snapshots", {"rd_intensity",
                                   row,
                                   h5::Type::Float64,
                                   "1",
                                   {{"long_name", std::string("R&D / output in the year")}}});
  w_.create_variable(
      "snapshots",
      {"alive",
       row,
       h5::Type::UInt8,
       "1",
       {{"long_name", std::string("1 alive at the snapshot, 0 exited during the year")}}});
  w_.create_variable("snapshots", {"high_tech", row, h5::Type::UInt8, "1", {}});
  w_.create_variable(
      "snapshots",
      {"valuation",
       row,
       h5::Type::Float64,
       "1e8 CNY",
       {{"long_name", std::string("last venture round's post-money marked with sales since")}}});
  for (const char* flag : {"listed", "vc_backed", "hidden_champion", "unicorn"})
    w_.create_variable("snapshots", {flag, row, h5::Type::UInt8, "1", {}});
}

void RunFile::append_replication(int replication, const ReplicationRecords& rec) {
  const std::size_t T = rec.steps.size(), Z = sc_.zones.size(), S = sc_.sectors.size(), C = Z * S;
  w_.append_coordinate("", "replication", {replication});
  for (std::size_t k = 0; k < series_table().size(); ++k) {
    const auto& v = series_table()[k];
    std::vector<double> data(T * C);
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t c = 0; c < C; ++c) data[t * C + c] = rec.steps[t].cube[k * C + c] * v.scale;
    w_.append("", std::string(v.name), data);
  }
  std::vector<double> density(T * C);
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t c = 0; c < C; ++c) {
      const double land_km2 = rec.steps[t].cube[std::size_t(Series::LandUsed) * C + c] *
                              series_table()[std::size_t(Series::LandUsed)].scale;
      const double out = rec.steps[t].cube[std::size_t(Series::Output) * C + c] * 12.0 *
                         series_table()[std::size_t(Series::Output)].scale;
      density[t * C + c] = land_km2 > 0 ? out / land_km2 : 0.0;
    }
  w_.append("", "output_density", density);
  const std::size_t P = sc_.programmes.size();
  std::vector<double> subsidy(T * P);
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t p = 0; p < P; ++p) subsidy[t * P + p] = rec.steps[t].subsidy[p] / 1e8;
  w_.append("", "subsidy_paid", subsidy);
  for (std::size_t k = 0; k < scalar_table().size(); ++k) {
    const auto& v = scalar_table()[k];
    std::vector<double> data(T);
    for (std::size_t t = 0; t < T; ++t) data[t] = rec.steps[t].scalars[k] * v.scale;
    w_.append("", std::string(v.name), data);
  }
  auto zone_series = [&](const char* name, auto get, std::size_t width) {
    std::vector<double> data;
    data.reserve(T * width);
    for (std::size_t t = 0; t < T; ++t) {
      const auto& src = get(rec.steps[t]);
      data.insert(data.end(), src.begin(), src.end());
    }
    w_.append("", name, data);
  };
  zone_series(
      "talent_present",
      [](const StepRecord& r) -> const std::vector<double>& { return r.zone_talent; }, Z * 2);
  std::vector<double> land;
  const double km2 = find_series("zone_land_used")->scale;
  for (const auto& r : rec.steps)
    for (double v : r.zone_land) land.push_back(v * km2);
  w_.append("", "zone_land_used", land);
  zone_series(
      "skilled_wage", [](const StepRecord& r) -> const std::vector<double>& { return r.zone_wage; },
      Z);
  zone_series(
      "housing_units",
      [](const StepRecord& r) -> const std::vector<double>& { return r.zone_housing; }, Z);
}

void RunFile::append_snapshot(const SnapshotRows& s) {
  if (s.id.empty()) return;
  std::vector<std::int64_t> rows(s.id.size());
  std::iota(rows.begin(), rows.end(), snapshot_rows_);  // the coordinate is the row number
  snapshot_rows_ += std::int64_t(rows.size());
  w_.append_coordinate("snapshots", "firm", rows);
  w_.append("snapshots", "replication", s.replication);
  w_.append("snapshots", "year", s.year);
  w_.append("snapshots", "id", s.id);
  w_.append("snapshots", "zone", s.zone);
  w_.append("snapshots", "sector", s.sector);
  w_.append("snapshots", "age", s.age);
  w_.append("snapshots", "employees", s.employees);
  w_.append("snapshots", "output", s.output);
  w_.append("snapshots", "productivity", s.productivity);
  w_.append("snapshots", "capital", s.capital);
  w_.append("snapshots", "rd_intensity", s.rd_intensity);
  w_.append("snapshots", "alive", s.alive);
  w_.append("snapshots", "high_tech", s.high_tech);
  w_.append("snapshots", "valuation", s.valuation);
  w_.append("snapshots", "listed", s.listed);
  w_.append("snapshots", "vc_backed", s.vc_backed);
  w_.append("snapshots", "hidden_champion", s.hidden_champion);
  w_.append("snapshots", "unicorn", s.unicorn);
}

void RunFile::write_scorecard(const std::vector<ScorecardLine>& lines, int replications,
                              const std::string& uncertainty) {
  if (lines.empty()) return;
  std::vector<std::string> names;
  for (std::size_t k = 0; k < lines.size(); ++k)
    names.push_back(fmt::format("{}:{}:{}:{}", lines[k].target.metric, lines[k].target.zone,
                                lines[k].target.sector, lines[k].target.year));
  std::vector<std::int64_t> reps(static_cast<std::size_t>(replications), 0);
  for (int r = 0; r < replications; ++r) reps[std::size_t(r)] = r;
  w_.add_dimension("scorecard", {"target", {}, names, false, false, {}});
  w_.add_dimension("scorecard", {"replication", reps, {}, false, true, {}});
  auto text = [&](const char* name, auto get) {
    std::vector<std::string> v;
    for (const auto& l : lines) v.push_back(get(l));
    w_.create_variable("scorecard", {name, {"target"}, h5::Type::String, "1", {}});
    w_.write("scorecard", name, v);
  };
  text("metric", [](const ScorecardLine& l) { return l.target.metric; });
  text("zone", [](const ScorecardLine& l) { return l.target.zone; });
  text("sector", [](const ScorecardLine& l) { return l.target.sector; });
  text("sense", [](const ScorecardLine& l) { return l.target.sense; });
  text("label", [](const ScorecardLine& l) { return l.target.label; });
  text("source", [](const ScorecardLine& l) { return l.target.source; });
  text("basis", [](const ScorecardLine& l) { return l.target.basis; });
  text("unit", [](const ScorecardLine& l) { return l.unit; });
  auto number = [&](const char* name, const char* units, auto get) {
    std::vector<double> v;
    for (const auto& l : lines) v.push_back(get(l));
    w_.create_variable("scorecard", {name, {"target"}, h5::Type::Float64, units, {}});
    w_.write("scorecard", name, v);
  };
  number("year", "year", [](const ScorecardLine& l) { return double(l.target.year); });
  number("since", "year", [](const ScorecardLine& l) { return double(l.target.since); });
  number("target_value", "metric unit", [](const ScorecardLine& l) { return l.target.value; });
  number("median", "metric unit", [](const ScorecardLine& l) { return l.median; });
  number("q05", "metric unit", [](const ScorecardLine& l) { return l.q05; });
  number("q95", "metric unit", [](const ScorecardLine& l) { return l.q95; });
  number("probability", "1", [](const ScorecardLine& l) { return l.probability; });
  // A target in a partial first or last year is computed on the months the horizon has there.
  auto month = [&](const char* name, const char* long_name, auto get) {
    std::vector<std::int32_t> v;
    for (const auto& l : lines) v.push_back(get(l.months));
    w_.create_variable(
        "scorecard",
        {name, {"target"}, h5::Type::Int32, "1", {{"long_name", std::string(long_name)}}});
    w_.write("scorecard", name, v);
  };
  month("months",
        "months of the target's year inside the horizon (12: full year; fewer: partial year)",
        [](const YearMonths& m) { return m.count; });
  month("first_month", "calendar month (1-12) of the first of those months",
        [](const YearMonths& m) { return m.first_month; });
  std::vector<double> values;
  for (const auto& l : lines) values.insert(values.end(), l.values.begin(), l.values.end());
  w_.create_variable("scorecard",
                     {"value", {"target", "replication"}, h5::Type::Float64, "metric unit", {}});
  w_.write("scorecard", "value", values);
  w_.set_attribute("scorecard", "", {"uncertainty", uncertainty});
}
}  // namespace parksim::model
