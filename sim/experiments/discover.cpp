// discover: the points of a sweep (or of a design with outputs computed elsewhere) where a
// condition holds, with the probability over replications, handed to PRIM.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/discover.hpp"
#include "parksim/experiments/sensitivity.hpp"
#include "sweep_reader.hpp"

namespace parksim::experiments {

namespace {

// From a sweep: per point, the share of its replications in which the condition held; a point
// with a failed run is left out (its outcome is unknown).
void from_sweep(const DiscoverOptions& o, const Condition& condition, DiscoverResult& r) {
  const auto runs = SweepReader(o.input).runs();
  std::vector<std::size_t> columns;
  for (const auto& name : condition.names()) columns.push_back(runs.column(name, o.input));
  r.replications = runs.replications;
  std::vector<double> values(columns.size());
  for (std::size_t p = 0; p < runs.points; ++p) {
    std::size_t held = 0;
    for (std::size_t k = 0; k < runs.replications; ++k) {
      if (runs.run_failed(p, k)) r.used[p] = 0;
      for (std::size_t c = 0; c < columns.size(); ++c) values[c] = runs.value(p, k, columns[c]);
      held += condition.holds(values);
    }
    r.probability[p] = double(held) / double(runs.replications);
  }
}

// From a design and a CSV of outputs (one row per point): the condition holds or not; a point
// with a NaN output is left out.
void from_csv(const DiscoverOptions& o, const Condition& condition, DiscoverResult& r) {
  std::vector<std::vector<double>> columns;
  for (const auto& name : condition.names())
    columns.push_back(csv_output(o.outputs_csv, name, r.design.points()));
  std::vector<double> values(columns.size());
  for (std::size_t p = 0; p < r.design.points(); ++p) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      values[c] = columns[c][p];
      if (!std::isfinite(values[c])) r.used[p] = 0;
    }
    r.probability[p] = condition.holds(values) ? 1.0 : 0.0;
  }
}

}  // namespace

DiscoverResult discover(const DiscoverOptions& o) {
  if (!(o.probability > 0 && o.probability <= 1))
    throw Error(fmt::format("--probability {:g}; allowed: above 0 up to 1", o.probability));
  const Condition condition(o.where);
  DiscoverResult r;
  r.where = o.where;
  r.design = read_design(o.input);
  const std::size_t P = r.design.points();
  r.probability.assign(P, 0.0);
  r.used.assign(P, 1);
  r.y.assign(P, 0);
  if (o.outputs_csv.empty()) from_sweep(o, condition, r);
  else from_csv(o, condition, r);
  std::vector<std::vector<double>> x;
  std::vector<std::uint8_t> y;
  for (std::size_t p = 0; p < P; ++p) {
    r.y[p] = r.probability[p] >= o.probability - 1e-12;
    if (!r.used[p]) continue;
    r.used_points.push_back(p);
    x.push_back(r.design.value[p]);
    y.push_back(r.y[p]);
  }
  if (x.empty())
    throw Error(fmt::format("{}: no point has every run and output (all {} left out)", o.input, P));
  r.searches = prim(x, y, o.prim);
  return r;
}

}  // namespace parksim::experiments
