// Lever effects: each programme switched off alone, paired with the base under common random
// numbers; effects, costs, cost per extra output and flags. LEVERS.h5 is written by
// levers_file.cpp.
#include "parksim/experiments/levers.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "levers_file.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/dictionary.hpp"
#include "parksim/model/run.hpp"
#include "stats.hpp"

namespace parksim::experiments {

namespace {

using Rows = std::vector<std::vector<double>>;  // [replication][value]

LeverQuantity metric_quantity(const std::string& name, const std::string& key = {}) {
  LeverQuantity q;
  q.key = key.empty() ? name : key;
  q.source = name;
  q.unit = model::measure_unit(name);
  for (const auto& m : model::scorecard_metrics())
    if (m.name == name) q.description = m.description;
  return q;
}

LeverQuantity series_quantity(const std::string& name, bool to_date) {
  LeverQuantity q;
  q.key = name;
  q.source = name;
  q.to_date = to_date;
  q.unit = model::measure_unit(name, to_date);
  const auto* s = model::find_series(name);
  q.description = fmt::format(
      "{} ({})", s->description,
      to_date ? "total from the start to the end of the year" : "total in the calendar year");
  return q;
}

// The outcomes of every row: key figures in the chosen year, and output over the whole run.
std::vector<LeverQuantity> outcome_quantities() {
  std::vector<LeverQuantity> out = {metric_quantity("output"),
                                    metric_quantity("output_density"),
                                    metric_quantity("firms"),
                                    metric_quantity("high_tech_firms"),
                                    series_quantity("rd_spend", false),
                                    metric_quantity("talent"),
                                    metric_quantity("loans_outstanding"),
                                    series_quantity("loan_defaults", false)};
  LeverQuantity cum = metric_quantity("output", "cumulative_output");
  cum.whole_run = true;
  cum.unit = "1e8 CNY";
  cum.description = "Industrial output summed over every year of the run";
  out.push_back(cum);
  return out;
}

// A kind's target decision: a metric in `year` (0: the chosen year); a series' level at its end,
// or a flow totalled from the start to its end (a decision's count to date). Returns its index
// in `qs`.
std::size_t target_quantity(const std::string& name, int year, std::vector<LeverQuantity>& qs) {
  LeverQuantity q;
  if (model::metric_time(name)) {
    q = metric_quantity(name);
  } else {
    const auto* s = model::find_series(name);
    if (s == nullptr)
      throw Error(fmt::format("target decision {}: no such metric or series", name));
    q = series_quantity(name, s->units.ends_with("/month"));
    if (!q.to_date) q.description = std::string(s->description);
  }
  q.year = year;
  for (std::size_t k = 0; k < qs.size(); ++k)
    if (qs[k].source == q.source && qs[k].to_date == q.to_date && !qs[k].whole_run &&
        qs[k].year == year)
      return k;
  // A flow to date named like an outcome (rd_spend) gets "_to_date"; a target read in its
  // programme's last year gets "_YEAR" (loans_outstanding_2020).
  for (const auto& other : qs)
    if (other.key == q.key && q.to_date) q.key += "_to_date";
  if (year != 0) q.key += fmt::format("_{}", year);
  qs.push_back(q);
  return qs.size() - 1;
}

double measure(const model::Scenario& sc, const model::ReplicationRecords& rec,
               const LeverQuantity& q, int year) {
  if (!q.whole_run)
    return model::measure_value(sc, rec, q.source, q.year != 0 ? q.year : year, q.to_date);
  double v = 0;
  for (int y = sc.info.start / 12; y <= sc.info.end / 12; ++y)
    v += model::measure_value(sc, rec, q.source, y);
  return v;
}

// Each replication's quantities, then (with `costs`) each programme's money paid, 1e8 CNY.
Rows run_values(const model::Scenario& sc, const std::vector<LeverQuantity>& qs, int year,
                bool costs, const LeversOptions& o, int threads, std::int64_t seed) {
  return replication_values(
      sc,
      [&](const model::ReplicationRecords& rec) {
        std::vector<double> row;
        for (const auto& q : qs) row.push_back(measure(sc, rec, q, year));
        if (costs)
          for (std::size_t p = 0; p < sc.programmes.size(); ++p) {
            double paid = 0;
            for (const auto& step : rec.steps) paid += step.subsidy[p];
            row.push_back(paid / 1e8);
          }
        return row;
      },
      o.replications, threads, seed);
}

std::vector<double> column(const Rows& rows, std::size_t j) {
  std::vector<double> out;
  for (const auto& r : rows) out.push_back(r[j]);
  return out;
}

LeverEffect paired_effect(const std::vector<double>& with, const std::vector<double>& without) {
  std::vector<double> d;
  for (std::size_t k = 0; k < with.size(); ++k) d.push_back(with[k] - without[k]);
  const auto i = stats::t_interval(d);
  LeverEffect e;
  e.with_mean = stats::mean(with);
  e.without_mean = stats::mean(without);
  e.effect = i.mean;
  e.low = i.low;
  e.high = i.high;
  e.relative = e.with_mean != 0  ? e.effect / e.with_mean
               : e.effect == 0.0 ? 0.0
                                 : std::numeric_limits<double>::quiet_NaN();
  return e;
}

// Replication indices of each bootstrap resample, drawn once from the seed so that every
// programme is resampled alike and the result does not depend on threads.
std::vector<std::vector<std::size_t>> resamples(std::size_t n, int count, std::int64_t seed) {
  boost::random::mt19937_64 rng(std::uint64_t(seed) ^ 0x6c65766572735f62ull);  // "levers_b"
  boost::random::uniform_int_distribution<std::size_t> pick(0, n - 1);
  std::vector<std::vector<std::size_t>> out(static_cast<std::size_t>(count),
                                            std::vector<std::size_t>(n));
  for (auto& r : out)
    for (auto& k : r) k = pick(rng);
  return out;
}

// Cost per extra 亿元 of cumulative output, cost / (with - without), and its paired bootstrap
// 95% percentile interval; undefined when the output effect's t interval contains 0.
void cost_per_output(LeverRow& row, const LeverEffect& output, const std::vector<double>& cost,
                     const std::vector<double>& gain,
                     const std::vector<std::vector<std::size_t>>& boot) {
  row.cost_per_output_defined = !output.contains_zero();
  if (!row.cost_per_output_defined) {
    row.cost_per_output = row.cost_per_output_low = row.cost_per_output_high =
        std::numeric_limits<double>::quiet_NaN();
    return;
  }
  row.cost_per_output = row.cost / output.effect;
  std::vector<double> ratios;
  for (const auto& idx : boot) {
    double c = 0, g = 0;
    for (auto k : idx) {
      c += cost[k];
      g += gain[k];
    }
    ratios.push_back(c / g);
  }
  row.cost_per_output_low = stats::quantile(ratios, 0.025);
  row.cost_per_output_high = stats::quantile(ratios, 0.975);
}

}  // namespace

std::string switch_off_override(const std::string& programme_id) {
  if (programme_id.find('.') != std::string::npos)
    throw Error(
        fmt::format("programme \"{}\": an id with a dot cannot be switched off by --set; rename it",
                    programme_id));
  return fmt::format("programmes.{}.enabled=false", programme_id);
}

void set_flags(LeverRow& row) {
  const auto& t = row.target_effect();
  row.sign_flag = !t.contains_zero() && (t.effect > 0 ? +1 : -1) == -row.direction;
  row.no_effect_flag =
      row.cost == 0.0 && std::all_of(row.effects.begin(), row.effects.end(),
                                     [](const LeverEffect& e) { return e.contains_zero(); });
}

namespace {

// The rows of the programmes (no effects yet) and the quantities they need, in scenario order.
void plan_rows(const model::Scenario& base, LeversResult& r) {
  r.quantities = outcome_quantities();
  r.outcomes = r.quantities.size();
  for (const auto& p : base.programmes) {
    LeverRow row;
    row.programme = p.id;
    row.kind = p.kind_name;
    row.switch_off = switch_off_override(p.id);
    const auto target = model::lever_target(p.kind_name);
    // A programme that closes before the levers year is judged on its target in its last year.
    const int closes = p.to / 12;
    const int year = closes < r.year && closes >= base.info.start / 12 ? closes : 0;
    row.target = target_quantity(target.name, year, r.quantities);
    row.direction = target.direction;
    r.rows.push_back(row);
  }
}

// Effects, cost, cost per output and flags of programme p from the paired runs.
void measure_row(LeverRow& row, std::size_t p, const LeversResult& r, const Rows& with,
                 const Rows& without, const std::vector<std::vector<std::size_t>>& boot) {
  const std::size_t Q = r.quantities.size(), cum = r.outcomes - 1;  // cumulative_output
  for (std::size_t q = 0; q < Q; ++q)
    row.effects.push_back(paired_effect(column(with, q), column(without, q)));
  const auto cost = column(with, Q + p);
  const auto c = stats::t_interval(cost);
  row.cost = c.mean;
  row.cost_low = c.low;
  row.cost_high = c.high;
  std::vector<double> gain;
  for (std::size_t k = 0; k < with.size(); ++k) gain.push_back(with[k][cum] - without[k][cum]);
  cost_per_output(row, row.effects[cum], cost, gain, boot);
  set_flags(row);
}

}  // namespace

LeversResult levers(const std::string& path, const std::vector<std::string>& sets,
                    const std::vector<std::string>& overlays, const LeversOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto base = model::load_scenario(path, sets, overlays);
  if (o.replications < 2) throw Error("levers: at least 2 replications are needed for intervals");
  if (o.bootstrap < 10) throw Error("levers: at least 10 bootstrap resamples are needed");
  if (base.programmes.empty()) throw Error("levers: the scenario has no programme to switch off");
  LeversResult r;
  r.year = o.year != 0 ? o.year : base.info.end / 12;
  if (r.year < base.info.start / 12 || r.year > base.info.end / 12)
    throw Error(fmt::format("levers: year {} lies outside the scenario's horizon {}..{}", r.year,
                            base.info.start / 12, base.info.end / 12));
  r.seed = o.seed >= 0 ? o.seed : base.info.seed;
  plan_rows(base, r);
  // Every variant is loaded before any run, so a scenario that cannot lose a programme fails fast.
  std::vector<model::Scenario> variants;
  for (const auto& row : r.rows) {
    auto with_off = sets;
    with_off.push_back(row.switch_off);
    variants.push_back(model::load_scenario(path, with_off, overlays));
  }
  const int threads =
      o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
  const std::size_t total = variants.size() + 1;
  // The same seed for every scenario: replication k of each meets replication k's random numbers.
  const Rows with = run_values(base, r.quantities, r.year, true, o, threads, r.seed);
  if (o.progress) o.progress(1, total);
  std::vector<Rows> without;
  for (const auto& v : variants) {
    without.push_back(run_values(v, r.quantities, r.year, false, o, threads, r.seed));
    if (o.progress) o.progress(without.size() + 1, total);
  }
  const auto boot = resamples(std::size_t(o.replications), o.bootstrap, r.seed);
  for (std::size_t p = 0; p < r.rows.size(); ++p)
    measure_row(r.rows[p], p, r, with, without[p], boot);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!o.output.empty()) write_levers(o.output, base, o, r, with, without);
  return r;
}

}  // namespace parksim::experiments
