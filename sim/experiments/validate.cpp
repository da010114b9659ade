// Out-of-sample validation (validate.hpp): replications of the scenario against published figures.
#include "parksim/experiments/validate.hpp"

#include <tbb/global_control.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/run.hpp"
#include "stats.hpp"

namespace parksim::experiments {

ValidateResult validate(const ValidateOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  if (o.replications < 2)
    throw Error("validate: at least 2 replications are needed for an interval");
  const auto sc = model::load_scenario(o.scenario, o.sets, o.overlays);
  const auto figures = read_figures(o.figures);
  check_figure_years(figures, sc, o.figures);
  std::vector<std::string> specs;
  for (const auto& f : figures) specs.push_back(metric_spec(f.target));
  const auto metrics = parse_metrics(specs, sc);  // unknown metrics, zones, sectors: named errors
  const int threads =
      o.threads > 0 ? o.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, std::size_t(threads));
  ValidateResult r;
  r.seed = o.seed >= 0 ? o.seed : sc.info.seed;
  const auto values = metric_values(sc, metrics, o.replications, threads, r.seed);
  for (std::size_t k = 0; k < figures.size(); ++k) {
    std::vector<double> v;
    for (const auto& row : values) v.push_back(row[k]);
    ValidateRow row;
    row.figure = figures[k];
    row.held_out = figures[k].target.year > o.fitted_through;
    row.median = stats::quantile(v, 0.5);
    row.low = stats::quantile(v, 0.05);
    row.high = stats::quantile(v, 0.95);
    const double value = figures[k].target.value;
    row.inside = row.low <= value && value <= row.high;
    const double error = figures[k].relative ? row.median / value - 1.0 : row.median - value;
    row.within_tolerance = std::abs(error) <= figures[k].tolerance;
    r.rows.push_back(row);
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace parksim::experiments
