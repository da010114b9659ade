// The calibrated Shanghai baseline against the public figures it was fitted to
// (scenarios/data/shanghai_calibration.csv, docs/calibration.md): medians over 4 replications.
#include <catch2/catch.hpp>

#include <cmath>

#include "parksim/experiments/calibrate.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;

TEST_CASE("the Shanghai baseline reproduces 2016-2018 output, SEI share and high-tech counts",
          "[model][calibration]") {
  auto sc = model::load_scenario(test::source_path("scenarios/shanghai_manufacturing_2018.toml"));
  const auto figures =
      experiments::read_figures(test::source_path("scenarios/data/shanghai_calibration.csv"));
  REQUIRE(figures.size() == 7);
  sc.targets.clear();
  for (const auto& f : figures) sc.targets.push_back(f.target);
  model::RunOptions opt;
  opt.replications = 4;
  opt.threads = 2;
  const auto r = model::run_scenario(sc, opt);
  REQUIRE(r.scorecard.size() == figures.size());
  for (std::size_t k = 0; k < figures.size(); ++k) {
    const auto& f = figures[k];
    const double v = r.scorecard[k].median;
    INFO(f.target.metric << " " << f.target.year << ": model " << v << ", public "
                         << f.target.value);
    if (f.relative)
      CHECK(std::abs(v / f.target.value - 1.0) <= f.tolerance);
    else
      CHECK(std::abs(v - f.target.value) <= f.tolerance);
  }
}
