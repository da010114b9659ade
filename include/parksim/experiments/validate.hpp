#pragma once
// Out-of-sample validation (`parksim validate`): a scenario's replications against published
// figures, each figure marked as used for calibration (its year up to --fitted-through) or held
// out. Per figure: the model's median and 90% interval over the replications, and whether the
// published value falls inside. Figures use the calibration CSV (calibrate.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/experiments/calibrate.hpp"

namespace parksim::experiments {

struct ValidateOptions {
  std::string scenario;
  std::vector<std::string> sets, overlays;
  std::string figures;      // FIGURES.csv
  int replications = 16;
  int fitted_through = 2017;  // figures of later years are the hold-out (issue 14: fit 2015-2017)
  std::int64_t seed = -1;     // -1: the scenario's
  int threads = 0;
};

struct ValidateRow {
  Figure figure;
  bool held_out = false;     // its year is after fitted_through
  double median = 0;         // over the replications
  double low = 0, high = 0;  // 5% and 95% quantiles (a 90% interval of the model's spread)
  bool inside = false;       // published value within [low, high]
  bool within_tolerance = false;  // |median - value| within the figure's tolerance
};

struct ValidateResult {
  std::vector<ValidateRow> rows;
  std::int64_t seed = 0;
  double seconds = 0;
};

ValidateResult validate(const ValidateOptions& options);

}  // namespace parksim::experiments
