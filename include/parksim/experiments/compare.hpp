#pragma once
// Comparison of a variant with a base scenario under common random numbers: both run the same
// replications with the same seeds, so each replication's difference isolates the variant's
// effect from the noise both share. Effects by year with t intervals, and the variance reduction
// against independent seeds, Var(base) + Var(variant) over Var(paired difference), measured.
#include <cstdint>
#include <string>
#include <vector>

#include <functional>

#include "parksim/engine/h5_writer.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::experiments {

struct CompareOptions {
  std::string output;  // CMP.h5 (empty: none)
  int replications = 32;
  int threads = 0;
  std::int64_t seed = -1;  // -1: the base scenario's seed, used for both
  std::vector<std::string> metrics = {"output",     "output_density",  "sei_share", "firms",
                                      "employment", "high_tech_firms", "talent",    "policy_cost"};
  std::string command_line;
  // Parameter uncertainty (compare --uncertain): replication k of each arm runs its k-th scenario,
  // the arm with the same k-th parameter draws, so the pairs share draws and noise. Empty: none.
  std::vector<model::Scenario> base_draws, variant_draws;
  std::string uncertainty = model::kStochasticOnly;  // stored as CMP.h5's "uncertainty" attribute
  // Called with CMP.h5 before it is committed (the draws' group "uncertain").
  std::function<void(engine::h5::Writer&)> write_extra;
};

struct Effect {
  std::string metric;
  int year = 0;
  model::YearMonths months;  // a partial first or last year: effects on the months it has
  double base_mean = 0, variant_mean = 0;
  double effect = 0, low = 0, high = 0;  // mean paired difference and its 95% interval
  double variance_reduction =
      0;  // (Var b + Var v) / Var(v - b); inf when the difference never varies
};

struct CompareResult {
  std::vector<Effect> effects;  // metric-major, years in order
  std::int64_t seed = 0;
  double seconds = 0;
};

CompareResult compare(const model::Scenario& base, const model::Scenario& variant,
                      const CompareOptions& options);

}  // namespace parksim::experiments
