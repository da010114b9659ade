#pragma once
// Sensitivity indices from a design and one output per design point.
//   Sobol: first order (Saltelli 2010) and total order (Jansen 1999) on a Saltelli design, outputs
//   centred; confidence intervals by bootstrap over the base samples (normal interval, 1.96 sd).
//   Morris: elementary effects along trajectories: mu, mu* (mean |EE|), sigma (sd, n-1), with a
//   bootstrap interval of mu*.
// Estimators and known answers: ../shared/REFERENCES.md §3.
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/experiments/design.hpp"

namespace parksim::experiments {

struct SobolIndex {
  std::string parameter;
  double first = 0, first_conf = 0, total = 0, total_conf = 0;
};

struct MorrisIndex {
  std::string parameter;
  double mu = 0, mu_star = 0, sigma = 0, mu_star_conf = 0;
};

std::vector<SobolIndex> sobol_indices(const Design& design, const std::vector<double>& y,
                                      int bootstrap = 100, std::uint64_t seed = 1);
std::vector<MorrisIndex> morris_indices(const Design& design, const std::vector<double>& y,
                                        int bootstrap = 100, std::uint64_t seed = 1);

// One output per design point: a metric of SWEEP.h5 averaged over its replications (throws if a
// run of the metric failed), or a column of a CSV file (header row of names, rows in design order).
std::vector<double> sweep_output(const std::string& sweep_path, const std::string& metric);
std::vector<double> csv_output(const std::string& csv_path, const std::string& column,
                               std::size_t points);

}  // namespace parksim::experiments
