#pragma once
// Calibration by the method of simulated moments over the sweep machinery: a Latin hypercube over
// the space, each point run for R replications, the moments (figures' metrics averaged over the
// replications) compared with the observed figures; the loss is the sum of squared errors in units
// of each figure's tolerance. Later rounds sample a box around the best point so far (half the
// width each round). The best point becomes an overlay file and a fit table.
#include <cstdint>
#include <string>
#include <vector>

#include "parksim/model/calendar.hpp"
#include "parksim/model/scenario.hpp"

namespace parksim::experiments {

// An observed figure: what scenarios/data/shanghai_calibration.csv holds per row.
struct Figure {
  model::TargetSpec target;  // metric, zone, sector, year; value = the observed figure
  double tolerance = 0.05;
  bool relative = true;  // tolerance as share of the value, or in the metric's unit
};

// CSV with header metric,zone,sector,year,value,tolerance,tolerance_kind[,...]. Throws InputError
// naming the file, line and column on a bad row.
std::vector<Figure> read_figures(const std::string& path);
// Throws Error naming `path` when an annual figure's year is only partly in the scenario's horizon
// (a whole year's published flow cannot be compared with some of its months).
void check_figure_years(const std::vector<Figure>& figures, const model::Scenario& sc,
                        const std::string& path);

struct CalibrateOptions {
  std::string scenario;
  std::vector<std::string> sets, overlays;
  std::string space;    // SPACE.toml
  std::string figures;  // FIGURES.csv
  int through = 0;      // fit only figures of years up to this (0: all); later ones are held out
  std::string output;   // fitted overlay TOML; its stem names the round files beside it
  int points = 32;      // LHS points per round
  int rounds = 2;
  int replications = 2;
  std::uint64_t seed = 1;
  int threads = 0;
  bool resume = false;
};

struct FitRow {
  Figure figure;
  model::YearMonths
      months;        // the figure's year in the horizon (a level in a partial year: its last month)
  double model = 0;  // mean over replications at the best point
  double error = 0;  // relative or absolute, as the tolerance
  bool met = false;
};

struct CalibrateResult {
  std::vector<std::pair<std::string, double>> best;  // parameter path, value (internal unit)
  double loss = 0;
  std::vector<FitRow> fit;
  std::size_t runs = 0;
};

CalibrateResult calibrate(const CalibrateOptions& options);

}  // namespace parksim::experiments
