// The calibrated Shanghai baseline against the public figures it was fitted to
// (scenarios/data/shanghai_calibration.csv, docs/calibration.md): medians over 4 replications.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;

namespace {

struct Figure {
  model::TargetSpec target;
  double tolerance = 0;
  bool relative = true;
};

std::vector<Figure> read_figures(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::vector<Figure> out;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::vector<std::string> cells;
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    REQUIRE(cells.size() >= 7);
    Figure f;
    f.target.metric = cells[0];
    f.target.zone = cells[1];
    f.target.sector = cells[2];
    f.target.year = std::stoi(cells[3]);
    f.target.value = std::stod(cells[4]);
    f.tolerance = std::stod(cells[5]);
    f.relative = cells[6] == "relative";
    out.push_back(f);
  }
  return out;
}

}  // namespace

TEST_CASE("the Shanghai baseline reproduces 2016-2018 output, SEI share and high-tech counts", "[model][calibration]") {
  auto sc = model::load_scenario(test::source_path("scenarios/shanghai_manufacturing_2018.toml"));
  const auto figures = read_figures(test::source_path("scenarios/data/shanghai_calibration.csv"));
  const auto& checked = figures;
  REQUIRE(checked.size() == 7);
  sc.targets.clear();
  for (const auto& f : checked) sc.targets.push_back(f.target);
  model::RunOptions opt;
  opt.replications = 4;
  opt.threads = 2;
  const auto r = model::run_scenario(sc, opt);
  REQUIRE(r.scorecard.size() == checked.size());
  for (std::size_t k = 0; k < checked.size(); ++k) {
    const auto& f = checked[k];
    const double v = r.scorecard[k].median;
    INFO(f.target.metric << " " << f.target.year << ": model " << v << ", public " << f.target.value);
    if (f.relative) CHECK(std::abs(v / f.target.value - 1.0) <= f.tolerance);
    else CHECK(std::abs(v - f.target.value) <= f.tolerance);
  }
}
