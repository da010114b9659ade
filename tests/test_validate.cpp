// parksim validate: replications against published figures, fitted years apart from the hold-out.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "parksim/engine/error.hpp"
#include "parksim/experiments/validate.hpp"
#include "test_helpers.hpp"

using namespace parksim;
using namespace parksim::experiments;

namespace {

std::string figures(const std::string& name, const std::string& rows) {
  return test::write_file(name, "metric,zone,sector,year,value,tolerance,tolerance_kind\n" + rows);
}

ValidateOptions options(const std::string& path, int threads) {
  ValidateOptions o;
  o.scenario = test::source_path("tests/data/mini.toml");
  o.figures = path;
  o.replications = 6;
  o.threads = threads;
  o.fitted_through = 2016;
  return o;
}

}  // namespace

TEST_CASE("validate: a figure at the model's median is inside, one far off is not, and later "
          "years are the hold-out",
          "[experiments][validate]") {
  const auto probe = validate(options(
      figures("probe.csv", "output,all,all,2016,1,0.05,relative\nfirms,all,all,2017,1,0.1,relative\n"),
      1));
  REQUIRE(probe.rows.size() == 2);
  const auto& out = probe.rows[0];
  CHECK_FALSE(out.held_out);  // 2016 <= fitted_through
  CHECK(probe.rows[1].held_out);
  CHECK(out.low <= out.median);
  CHECK(out.median <= out.high);
  CHECK(out.low < out.high);  // replications differ
  CHECK_FALSE(out.inside);    // 1 (1e8 CNY) is far below the mini economy's output
  // The same figures at the model's own median (and twice it): inside and within tolerance, or not.
  const auto rows = fmt::format(
      "output,all,all,2016,{:.17g},0.05,relative\noutput,all,all,2016,{:.17g},0.05,relative\n",
      out.median, 2 * out.median);
  const auto again = validate(options(figures("at_median.csv", rows), 2));
  REQUIRE(again.rows.size() == 2);
  CHECK(again.rows[0].median == out.median);  // same seed, 2 threads: the same replications
  CHECK(again.rows[0].inside);
  CHECK(again.rows[0].within_tolerance);
  CHECK_FALSE(again.rows[1].inside);
  CHECK_FALSE(again.rows[1].within_tolerance);
}

TEST_CASE("validate: an unknown metric or a bad row is an error that names it",
          "[experiments][validate]") {
  CHECK_THROWS_WITH(
      validate(options(figures("bad_metric.csv", "outptu,all,all,2016,1,0.05,relative\n"), 1)),
      Catch::Contains("outptu"));
  CHECK_THROWS_WITH(
      validate(options(figures("bad_row.csv", "output,all,all,20x6,1,0.05,relative\n"), 1)),
      Catch::Contains("bad_row.csv:2"));
  auto o = options(figures("one.csv", "output,all,all,2016,1,0.05,relative\n"), 1);
  o.replications = 1;
  CHECK_THROWS_WITH(validate(o), Catch::Contains("at least 2 replications"));
}
