// Runs replications of a scenario, streams series and snapshots to HDF5, builds the scorecard.
#include "parksim/model/run.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <numeric>
#include <optional>
#include <thread>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/model/checkpoint.hpp"
#include "parksim/model/units.hpp"
#include "parksim/model/world.hpp"
#include "parksim/version.hpp"

namespace parksim::model {

namespace {

namespace h5 = engine::h5;

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = q * double(v.size() - 1);
  const std::size_t lo = std::size_t(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

std::string iso_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", tm);
}

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

struct SeriesVar {
  Series series;
  const char* name;
  const char* units;
  double scale;  // internal value times scale = stored value
  const char* description;
};

const std::vector<SeriesVar>& cube_vars() {
  static const std::vector<SeriesVar> v = {
      {Series::Output, "output", "1e8 CNY/month", 1e-8, "Industrial output"},
      {Series::ValueAdded, "value_added", "1e8 CNY/month", 1e-8, "Industrial value added"},
      {Series::Firms, "firms", "firms", 1, "Firms alive"},
      {Series::Employment, "employment", "persons", 1, "Employees (general workers and talent)"},
      {Series::LandUsed, "land_used", "km2", 1e-6,
       "Industrial land held by firms, including land awaiting approval"},
      {Series::RdSpend, "rd_spend", "1e8 CNY/month", 1e-8, "R&D spending"},
      {Series::HighTech, "high_tech_firms", "firms", 1,
       "Certified high-tech enterprises (updated each December)"},
      {Series::Talent, "talent", "persons", 1,
       "Talent agents employed, by employer's zone and sector"},
      {Series::Loans, "loans_outstanding", "1e8 CNY", 1e-8,
       "Bank, credit-line and lease debt outstanding"},
      {Series::Defaults, "loan_defaults", "1e8 CNY/month", 1e-8,
       "Debt of firms that exited this month"},
      {Series::Platforms, "platforms", "platforms", 1, "Platforms in operation"},
      {Series::Entries, "entries", "firms/month", 1, "Entrants"},
      {Series::Exits, "exits", "firms/month", 1, "Exits"},
  };
  return v;
}

struct ScalarVar {
  const char* name;
  const char* units;
  double StepRecord::*member;
  double scale;
  const char* description;
};

const std::vector<ScalarVar>& scalar_vars() {
  static const std::vector<ScalarVar> v = {
      {"risk_pool_paid", "1e8 CNY/month", &StepRecord::risk_pool_paid, 1e-8,
       "Loan risk-compensation pool refunds to banks"},
      {"guarantee_paid", "1e8 CNY/month", &StepRecord::guarantee_paid, 1e-8,
       "Loan losses borne by guarantee companies of risk pools"},
      {"anchor_projects", "projects", &StepRecord::anchor_projects, 1,
       "Anchor projects granted land since the start"},
      {"credit_line_drawn", "1e8 CNY", &StepRecord::credit_line_drawn, 1e-8,
       "Dedicated credit line drawn since the start"},
      {"vc_invested", "1e8 CNY/month", &StepRecord::vc_invested, 1e-8,
       "Private venture capital invested"},
      {"guidance_invested", "1e8 CNY/month", &StepRecord::guidance_invested, 1e-8,
       "Guidance-fund co-investment"},
      {"unicorns", "firms", &StepRecord::unicorns, 1, "Unicorns"},
      {"hidden_champions", "firms", &StepRecord::hidden_champions, 1, "Hidden champions"},
      {"listed_firms", "firms", &StepRecord::listed, 1, "Listed firms"},
      {"smart_retrofits", "projects", &StepRecord::retrofits, 1,
       "Smart-retrofit projects since the start"},
      {"first_units", "products", &StepRecord::first_units, 1,
       "First-unit products sold since the start"},
      {"patents", "patents/month", &StepRecord::patents, 1,
       "Invention patents granted to above-size firms"},
      {"land_revoked", "firms", &StepRecord::land_revoked, 1,
       "Firms whose land was taken back under exit clauses since the start"},
      {"floor_added", "km2", &StepRecord::floor_added, 1e-6,
       "Floor added by plot-ratio increases on firms' own land, in use"},
      {"incubators", "incubators", &StepRecord::incubators, 1,
       "Incubators and accelerators in the area"},
      {"centres_preparing", "centres", &StepRecord::centres_preparing, 1,
       "Innovation centres selected and in preparation (incl. extension)"},
      {"centres_operating", "centres", &StepRecord::centres_operating, 1,
       "Innovation centres operating"},
      {"centres_revoked", "centres", &StepRecord::centres_revoked, 1,
       "Innovation centres revoked since the start"},
      {"centre_results", "results", &StepRecord::centre_results, 1,
       "Common-technology results of innovation centres since the start"},
  };
  return v;
}

class OutputFile {
 public:
  OutputFile(const Scenario& sc, const std::string& path) : sc_(sc), w_(path) { define(); }

  void append_replication(int replication, const ReplicationRecords& rec);
  void append_snapshot(const SnapshotRows& s);
  void write_scorecard(const std::vector<ScorecardLine>& lines, int replications);
  // branched_month: the month of the checkpoint a branched run started from (-1: not branched).
  void finish(const RunOptions& opt, std::int64_t seed, int replications, int threads,
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
    w_.commit();
  }

 private:
  void define();
  const Scenario& sc_;
  h5::Writer w_;
  std::int64_t snapshot_rows_ = 0;
};

void OutputFile::define() {
  std::vector<std::int64_t> time;
  for (int m = sc_.info.start; m <= sc_.info.end; ++m) time.push_back(days_since_epoch(m));
  std::vector<std::string> zones, sectors, programmes;
  for (const auto& z : sc_.zones) zones.push_back(z.id);
  for (const auto& s : sc_.sectors) sectors.push_back(s.id);
  for (const auto& p : sc_.programmes) programmes.push_back(p.id);
  w_.add_dimension(
      "", {"replication", {}, {}, true, true, {{"long_name", std::string("replication number")}}});
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
  for (const auto& v : cube_vars())
    w_.create_variable(
        "",
        {v.name, cube, h5::Type::Float64, v.units, {{"long_name", std::string(v.description)}}});
  w_.create_variable("",
                     {"output_density",
                      cube,
                      h5::Type::Float64,
                      "1e8 CNY/km2/year",
                      {{"long_name", std::string("Annualised output over land held (亿元/km2)")}}});
  w_.create_variable("", {"subsidy_paid",
                          {"replication", "time", "programme"},
                          h5::Type::Float64,
                          "1e8 CNY/month",
                          {{"long_name", std::string("Money paid by each programme")}}});
  for (const auto& v : scalar_vars())
    w_.create_variable("", {v.name,
                            {"replication", "time"},
                            h5::Type::Float64,
                            v.units,
                            {{"long_name", std::string(v.description)}}});
  w_.create_variable("",
                     {"talent_present",
                      {"replication", "time", "zone", "level"},
                      h5::Type::Float64,
                      "persons",
                      {{"long_name", std::string("Talent living in the zone, employed or not")}}});
  w_.create_variable("",
                     {"zone_land_used",
                      {"replication", "time", "zone"},
                      h5::Type::Float64,
                      "km2",
                      {{"long_name", std::string("Industrial land used or granted in the zone")}}});
  w_.create_variable(
      "", {"skilled_wage", {"replication", "time", "zone"}, h5::Type::Float64, "CNY/month", {}});
  w_.create_variable(
      "",
      {"housing_units",
       {"replication", "time", "zone"},
       h5::Type::Float64,
       "units",
       {{"long_name", std::string("Talent housing units (talent apartments, public rental)")}}});
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
}

void OutputFile::append_replication(int replication, const ReplicationRecords& rec) {
  const std::size_t T = rec.steps.size(), Z = sc_.zones.size(), S = sc_.sectors.size(), C = Z * S;
  w_.append_coordinate("", "replication", {replication});
  for (const auto& v : cube_vars()) {
    std::vector<double> data(T * C);
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t c = 0; c < C; ++c)
        data[t * C + c] = rec.steps[t].cube[std::size_t(v.series) * C + c] * v.scale;
    w_.append("", v.name, data);
  }
  std::vector<double> density(T * C);
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t c = 0; c < C; ++c) {
      const double land_km2 = rec.steps[t].cube[std::size_t(Series::LandUsed) * C + c] / 1e6;
      const double out = rec.steps[t].cube[std::size_t(Series::Output) * C + c] * 12.0 / 1e8;
      density[t * C + c] = land_km2 > 0 ? out / land_km2 : 0.0;
    }
  w_.append("", "output_density", density);
  const std::size_t P = sc_.programmes.size();
  std::vector<double> subsidy(T * P);
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t p = 0; p < P; ++p) subsidy[t * P + p] = rec.steps[t].subsidy[p] / 1e8;
  w_.append("", "subsidy_paid", subsidy);
  for (const auto& v : scalar_vars()) {
    std::vector<double> data(T);
    for (std::size_t t = 0; t < T; ++t) data[t] = rec.steps[t].*(v.member) * v.scale;
    w_.append("", v.name, data);
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
  for (const auto& r : rec.steps)
    for (double v : r.zone_land) land.push_back(v / 1e6);
  w_.append("", "zone_land_used", land);
  zone_series(
      "skilled_wage", [](const StepRecord& r) -> const std::vector<double>& { return r.zone_wage; },
      Z);
  zone_series(
      "housing_units",
      [](const StepRecord& r) -> const std::vector<double>& { return r.zone_housing; }, Z);
}

void OutputFile::append_snapshot(const SnapshotRows& s) {
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
}

void OutputFile::write_scorecard(const std::vector<ScorecardLine>& lines, int replications) {
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
  text("unit", [](const ScorecardLine& l) { return l.unit; });
  auto number = [&](const char* name, const char* units, auto get) {
    std::vector<double> v;
    for (const auto& l : lines) v.push_back(get(l));
    w_.create_variable("scorecard", {name, {"target"}, h5::Type::Float64, units, {}});
    w_.write("scorecard", name, v);
  };
  number("year", "year", [](const ScorecardLine& l) { return double(l.target.year); });
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
}

const std::string& unit_of(const std::string& metric) {
  for (const auto& m : scorecard_metrics())
    if (m.name == metric) return m.unit;
  static const std::string none = "1";
  return none;
}

void summarise_years(const Scenario& sc, const std::vector<ReplicationRecords>& all,
                     RunSummary& out) {
  for (int y = sc.info.start / 12; y <= sc.info.end / 12; ++y) {
    YearSummary ys;
    ys.year = y;
    ys.months = year_months(sc.info.start, sc.info.end, y);
    auto med = [&](const char* metric) {
      std::vector<double> v;
      TargetSpec t;
      t.metric = metric;
      t.year = y;
      for (const auto& r : all) v.push_back(metric_value(sc, r, t));
      return quantile(v, 0.5);
    };
    ys.output = med("output");
    ys.output_density = med("output_density");
    ys.firms = med("firms");
    ys.employment = med("employment");
    ys.talent = med("talent");
    ys.policy_cost = med("policy_cost");
    ys.high_tech = med("high_tech_firms");
    ys.sei_share = med("sei_share");
    out.years.push_back(ys);
  }
}

}  // namespace

namespace {

std::unique_ptr<CheckpointWriter> open_checkpoint(const Scenario& sc, const RunOptions& opt,
                                                  std::int64_t seed, int replications) {
  if (opt.checkpoint_at < 0) return nullptr;
  if (opt.checkpoint_path.empty()) throw Error("a checkpoint month needs a checkpoint file");
  if (opt.checkpoint_at <= sc.info.start || opt.checkpoint_at > sc.info.end)
    throw Error(fmt::format(
        "checkpoint month {} must lie after the start ({}) and within the horizon (to {})",
        units::format_month(opt.checkpoint_at), units::format_month(sc.info.start),
        units::format_month(sc.info.end)));
  const auto h = checkpoint_header(sc, opt.checkpoint_at, seed, replications);
  return std::make_unique<CheckpointWriter>(opt.checkpoint_path, h);
}

// A branch must be able to take over the saved state: the checkpoint's fingerprint (checkpoint.hpp
// says which scenario parts) and the run's seed and replications must agree.
std::unique_ptr<CheckpointReader> open_branch(const Scenario& sc, const RunOptions& opt,
                                              std::int64_t seed, int replications) {
  if (opt.branch_from.empty()) return nullptr;
  auto reader = std::make_unique<CheckpointReader>(opt.branch_from);
  reader->require_matches(sc, seed, replications);
  return reader;
}

}  // namespace

RunSummary run_scenario(const Scenario& sc, const RunOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string started = iso_now();
  const int replications = opt.replications > 0 ? opt.replications : sc.info.replications;
  const std::int64_t seed = opt.seed >= 0 ? opt.seed : sc.info.seed;
  const int threads =
      opt.threads > 0 ? opt.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  std::optional<tbb::global_control> limit;
  if (opt.limit_threads)
    limit.emplace(tbb::global_control::max_allowed_parallelism, std::size_t(threads));

  std::unique_ptr<OutputFile> file;
  if (!opt.output.empty()) file = std::make_unique<OutputFile>(sc, opt.output);

  RunSummary summary;
  auto schedule = make_schedule();
  for (const auto& p : schedule.phases()) summary.phase_names.push_back(p.name);
  std::vector<ReplicationRecords> all;
  const std::size_t T = std::size_t(sc.months());
  auto reader = open_branch(sc, opt, seed, replications);
  auto writer = open_checkpoint(sc, opt, seed, replications);
  for (int r = 0; r < replications; ++r) {
    World world(sc, {std::uint64_t(seed), std::uint64_t(r)});
    ReplicationRecords rec;
    rec.start = sc.info.start;
    SnapshotRows past;  // snapshots so far, kept only when a checkpoint will need them
    std::size_t first = 0;
    if (reader) {
      reader->restore(world, rec, past);
      first = std::size_t(world.step);
      // Terms are the branch scenario's, with its dated changes up to the checkpoint in force.
      for (auto& t : world.terms)
        for (const auto& change : t.changes)
          if (change.at >= sc.info.start && change.at < reader->header().month)
            apply_change(t, change);
      if (file && !past.id.empty()) file->append_snapshot(past);
    } else {
      populate(world);
    }
    for (std::size_t t = first; t < T; ++t) {
      throw_if_stop_requested();
      world.step = int(t);
      if (writer && sc.info.start + int(t) == opt.checkpoint_at) writer->add(world, rec, past);
      summary.firm_steps += world.firms.size();
      summary.talent_steps += world.talent.size();
      schedule.run_step(world);
      rec.steps.push_back(world.record);
      if (world.is_december() && file) file->append_snapshot(world.snapshot);
      if (world.is_december() && writer) append_rows(past, world.snapshot);
      if (opt.progress) opt.progress(std::size_t(r) * T + t + 1, std::size_t(replications) * T);
    }
    if (file) file->append_replication(r, rec);
    all.push_back(std::move(rec));
  }
  for (const auto& target : sc.targets) {
    ScorecardLine line;
    line.target = target;
    line.unit = unit_of(target.metric);
    line.months = year_months(sc.info.start, sc.info.end, target.year);
    for (const auto& rec : all) line.values.push_back(metric_value(sc, rec, target));
    line.median = quantile(line.values, 0.5);
    line.q05 = quantile(line.values, 0.05);
    line.q95 = quantile(line.values, 0.95);
    double hits = 0;
    for (double v : line.values)
      hits += target.sense == ">=" ? v >= target.value : v <= target.value;
    line.probability = hits / double(line.values.size());
    summary.scorecard.push_back(std::move(line));
  }
  summarise_years(sc, all, summary);
  for (std::size_t p = 0; p < sc.programmes.size(); ++p) {
    std::vector<double> v;
    for (const auto& rec : all) {
      double total = 0;
      for (const auto& s : rec.steps) total += s.subsidy[p];
      v.push_back(total);
    }
    summary.programme_cost.emplace_back(sc.programmes[p].id, quantile(v, 0.5));
  }
  if (writer) writer->commit();
  summary.phase_seconds = schedule.seconds();
  if (file) {
    file->write_scorecard(summary.scorecard, replications);
    file->finish(opt, seed, replications, threads, started, reader ? reader->header().month : -1);
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

}  // namespace parksim::model
