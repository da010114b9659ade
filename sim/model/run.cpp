// Runs replications of a scenario, streams series and snapshots to HDF5, builds the scorecard.
#include "parksim/model/run.hpp"

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

#include "output/run_file.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/model/detail/checkpoint.hpp"
#include "parksim/model/detail/world.hpp"
#include "parksim/model/units.hpp"

namespace parksim::model {

namespace {

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double pos = q * double(v.size() - 1);
  const std::size_t lo = std::size_t(std::floor(pos));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
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

// Per-replication scenarios must be variants of the run's scenario in behavioural parameters only:
// the file's dimensions and the scorecard come from `sc`.
void check_replication_scenarios(const Scenario& sc, const RunOptions& opt, int replications) {
  const auto& list = opt.replication_scenarios;
  if (list.empty()) return;
  if (int(list.size()) != replications)
    throw Error(
        fmt::format("{} per-replication scenarios for {} replications", list.size(), replications));
  if (opt.checkpoint_at >= 0 || !opt.branch_from.empty())
    throw Error(
        "a checkpoint holds no per-replication parameters: checkpoint and branch cannot be used "
        "with per-replication scenarios (parameter uncertainty)");
  for (const auto& v : list)
    if (v.zones.size() != sc.zones.size() || v.sectors.size() != sc.sectors.size() ||
        v.programmes.size() != sc.programmes.size() || v.targets.size() != sc.targets.size() ||
        v.info.start != sc.info.start || v.info.end != sc.info.end)
      throw Error(
          "a per-replication scenario differs from the run's scenario in more than its "
          "parameters (zones, sectors, programmes, targets or horizon)");
}

const Scenario& scenario_of(const Scenario& sc, const RunOptions& opt, std::size_t replication) {
  return opt.replication_scenarios.empty() ? sc : opt.replication_scenarios[replication];
}

// The scorecard: each target's value in every replication, their median, 5% and 95% quantiles
// and the share of replications reaching it.
std::vector<ScorecardLine> scorecard(const Scenario& sc, const RunOptions& opt,
                                     const std::vector<ReplicationRecords>& all) {
  std::vector<ScorecardLine> lines;
  for (const auto& target : sc.targets) {
    ScorecardLine line;
    line.target = target;
    line.unit = unit_of(target.metric);
    line.months = year_months(sc.info.start, sc.info.end, target.year);
    for (std::size_t r = 0; r < all.size(); ++r)
      line.values.push_back(metric_value(scenario_of(sc, opt, r), all[r], target));
    line.median = quantile(line.values, 0.5);
    line.q05 = quantile(line.values, 0.05);
    line.q95 = quantile(line.values, 0.95);
    double hits = 0;
    for (double v : line.values)
      hits += target.sense == ">=" ? v >= target.value : v <= target.value;
    line.probability = hits / double(line.values.size());
    lines.push_back(std::move(line));
  }
  return lines;
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

  check_replication_scenarios(sc, opt, replications);
  std::unique_ptr<RunFile> file;
  if (!opt.output.empty()) file = std::make_unique<RunFile>(sc, opt.output, replications);

  RunSummary summary;
  auto schedule = make_schedule();
  for (const auto& p : schedule.phases()) summary.phase_names.push_back(p.name);
  std::vector<ReplicationRecords> all;
  const std::size_t T = std::size_t(sc.months());
  auto reader = open_branch(sc, opt, seed, replications);
  auto writer = open_checkpoint(sc, opt, seed, replications);
  for (int r = 0; r < replications; ++r) {
    World world(scenario_of(sc, opt, std::size_t(r)), {std::uint64_t(seed), std::uint64_t(r)});
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
    if (opt.on_replication) opt.on_replication(r, rec);
    all.push_back(std::move(rec));
  }
  summary.scorecard = scorecard(sc, opt, all);
  summary.uncertainty = opt.uncertainty;
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
    file->write_scorecard(summary.scorecard, replications, opt.uncertainty);
    file->finish(opt, seed, replications, threads, started, reader ? reader->header().month : -1);
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

}  // namespace parksim::model
