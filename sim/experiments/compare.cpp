// Paired comparison with common random numbers, and CMP.h5.
#include "parksim/experiments/compare.hpp"

#include <fmt/format.h>
#include <tbb/global_control.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_writer.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/version.hpp"
#include "stats.hpp"

namespace parksim::experiments {

namespace {

using stats::mean;
using stats::variance;

std::vector<MetricSpec> yearly(const model::Scenario& sc, const std::vector<std::string>& names) {
  std::vector<MetricSpec> out;
  for (const auto& n : names)
    for (int y = sc.info.start / 12; y <= sc.info.end / 12; ++y) {
      MetricSpec m;
      m.name = fmt::format("{}:{}", n, y);
      m.target.metric = n;
      m.target.year = y;
      out.push_back(m);
    }
  return out;
}

void write_comparison(const std::string& path, const model::Scenario& base,
                      const model::Scenario& variant, const CompareOptions& o,
                      const CompareResult& r, const std::vector<std::vector<double>>& b,
                      const std::vector<std::vector<double>>& v) {
  namespace h5 = engine::h5;
  h5::Writer w(path);
  const int y0 = base.info.start / 12, y1 = base.info.end / 12;
  const std::size_t Y = std::size_t(y1 - y0 + 1), M = o.metrics.size(), R = b.size();
  std::vector<std::int64_t> years(Y), reps(R);
  std::iota(years.begin(), years.end(), y0);
  std::iota(reps.begin(), reps.end(), 0);
  w.add_dimension("", {"replication", reps, {}, false, true, {}});
  w.add_dimension("", {"year", years, {}, false, true, {}});
  w.add_dimension("", {"metric", {}, o.metrics, false, false, {}});
  // Runs are stored (replication, year, metric); the metric-major columns of b and v are reordered.
  auto cube = [&](const std::vector<std::vector<double>>& runs) {
    std::vector<double> out(R * Y * M);
    for (std::size_t rep = 0; rep < R; ++rep)
      for (std::size_t m = 0; m < M; ++m)
        for (std::size_t y = 0; y < Y; ++y) out[(rep * Y + y) * M + m] = runs[rep][m * Y + y];
    return out;
  };
  // A partial first or last year's values and effects are on the months the horizon has there.
  std::vector<std::int32_t> months(Y), first_month(Y);
  for (std::size_t y = 0; y < Y; ++y) {
    const auto m = model::year_months(base.info.start, base.info.end, y0 + int(y));
    months[y] = m.count;
    first_month[y] = m.first_month;
  }
  w.create_variable(
      "", {"months",
           {"year"},
           h5::Type::Int32,
           "1",
           {{"long_name",
             std::string(
                 "months of the year inside the horizon (12: full year; fewer: partial year)")}}});
  w.write("", "months", months);
  w.create_variable(
      "", {"first_month",
           {"year"},
           h5::Type::Int32,
           "1",
           {{"long_name", std::string("calendar month (1-12) of the first of those months")}}});
  w.write("", "first_month", first_month);
  w.create_variable(
      "", {"base", {"replication", "year", "metric"}, h5::Type::Float64, "metric unit", {}});
  w.write("", "base", cube(b));
  w.create_variable(
      "", {"variant", {"replication", "year", "metric"}, h5::Type::Float64, "metric unit", {}});
  w.write("", "variant", cube(v));
  auto table = [&](const char* name, double Effect::*field, const char* units,
                   const char* long_name) {
    std::vector<double> out(Y * M);
    for (std::size_t m = 0; m < M; ++m)
      for (std::size_t y = 0; y < Y; ++y) out[y * M + m] = r.effects[m * Y + y].*field;
    w.create_variable("", {name,
                           {"year", "metric"},
                           h5::Type::Float64,
                           units,
                           {{"long_name", std::string(long_name)}}});
    w.write("", name, out);
  };
  table("effect", &Effect::effect, "metric unit",
        "mean of variant - base over paired replications");
  table("effect_low", &Effect::low, "metric unit", "95% t interval, lower end");
  table("effect_high", &Effect::high, "metric unit", "95% t interval, upper end");
  table("variance_reduction", &Effect::variance_reduction, "1",
        "(Var base + Var variant) / Var(variant - base): how many times less variance than "
        "independent seeds");
  const std::vector<h5::Attr> attrs = {
      {"base_scenario", base.resolved_text},
      {"base_path", base.path},
      {"variant_scenario", variant.resolved_text},
      {"variant_path", variant.path},
      {"seed", std::int64_t(r.seed)},
      {"replications", std::int64_t(R)},
      {"command_line", o.command_line},
      {"parksim_version", std::string(kVersion)},
      {"git_commit", std::string(kGitCommit)},
      {"uncertainty", o.uncertainty},
  };
  for (const auto& a : attrs) w.set_attribute("", "", a);
  if (o.write_extra) o.write_extra(w);
  w.commit();
}

}  // namespace

CompareResult compare(const model::Scenario& base, const model::Scenario& variant,
                      const CompareOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  if (base.info.start != variant.info.start || base.info.end != variant.info.end)
    throw Error("compare: the base and the variant must cover the same months");
  if (o.replications < 2) throw Error("compare: at least 2 replications are needed for intervals");
  CompareResult r;
  r.seed = o.seed >= 0 ? o.seed : base.info.seed;
  const auto metrics = yearly(base, o.metrics);
  const int threads =
      o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
  // The same seed for both: replication k of the variant meets replication k's random numbers.
  if (o.base_draws.size() != o.variant_draws.size())
    throw Error("compare: the base and the variant need the same parameter draws");
  const auto b = metric_values(base, metrics, o.replications, threads, r.seed, o.base_draws);
  const auto v = metric_values(variant, metrics, o.replications, threads, r.seed, o.variant_draws);
  for (std::size_t j = 0; j < metrics.size(); ++j) {
    std::vector<double> bj, vj, d;
    for (int k = 0; k < o.replications; ++k) {
      bj.push_back(b[std::size_t(k)][j]);
      vj.push_back(v[std::size_t(k)][j]);
      d.push_back(vj.back() - bj.back());
    }
    Effect e;
    e.metric = metrics[j].target.metric;
    e.year = metrics[j].target.year;
    e.months = model::year_months(base.info.start, base.info.end, e.year);
    e.base_mean = mean(bj);
    e.variant_mean = mean(vj);
    const auto interval = stats::t_interval(d);
    e.effect = interval.mean;
    e.low = interval.low;
    e.high = interval.high;
    const double vd = variance(d), vi = variance(bj) + variance(vj);
    e.variance_reduction =
        vd > 0 ? vi / vd : (vi > 0 ? std::numeric_limits<double>::infinity() : 1.0);
    r.effects.push_back(e);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!o.output.empty()) write_comparison(o.output, base, variant, o, r, b, v);
  return r;
}

}  // namespace parksim::experiments
