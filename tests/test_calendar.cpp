// Calendar correctness: scenarios that start and end mid-year. A partial first or last year is
// computed on the months that exist and labelled partial in the summary, scorecard, compare,
// sweep and calibrate; a full-year scenario's values do not change.
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "model_helpers.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/engine/h5_reader.hpp"
#include "parksim/experiments/calibrate.hpp"
#include "parksim/experiments/compare.hpp"
#include "parksim/experiments/design.hpp"
#include "parksim/experiments/space.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/calendar.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;

namespace {

model::Scenario mini_partial(const std::vector<std::string>& sets = {}) {
  return model::load_scenario(test::source_path("tests/data/mini_partial.toml"), sets);
}

// One series summed over the industrial zones and all sectors of one month, as the scorecard's
// area-wide industrial metrics count it.
double area_total(const model::Scenario& sc, const model::StepRecord& r, model::Series s) {
  const std::size_t Z = sc.zones.size(), S = sc.sectors.size();
  double v = 0;
  for (std::size_t z = 0; z < Z; ++z)
    if (sc.zones[z].industrial)
      for (std::size_t k = 0; k < S; ++k) v += r.cube[std::size_t(s) * Z * S + z * S + k];
  return v;
}

model::TargetSpec metric(const std::string& name, int year) {
  model::TargetSpec t;
  t.metric = name;
  t.year = year;
  return t;
}

// A one-parameter calibration of the partial-horizon mini scenario against `figure_rows` (CSV
// rows after the header), as small as calibrate allows; files named after `name`.
experiments::CalibrateOptions partial_year_calibration(const std::string& name,
                                                       const std::string& figure_rows) {
  experiments::CalibrateOptions o;
  o.scenario = test::source_path("tests/data/mini_partial.toml");
  o.space = test::write_file(
      "calendar_" + name + "_space.toml",
      "[[parameter]]\npath = \"programmes.grant.rate\"\nlow = \"10%\"\nhigh = \"50%\"\n");
  o.figures =
      test::write_file("calendar_" + name + "_figures.csv",
                       "metric,zone,sector,year,value,tolerance,tolerance_kind\n" + figure_rows);
  o.output = (test::scratch_dir() / ("calendar_" + name + "_fit.toml")).string();
  o.points = 2;
  o.rounds = 1;
  o.replications = 1;
  o.threads = 1;
  return o;
}

}  // namespace

TEST_CASE("year_months gives the months of a horizon inside each year", "[calendar]") {
  const int start = 2015 * 12 + 9, end = 2017 * 12 + 5;  // 2015-10 .. 2017-06
  const auto y15 = model::year_months(start, end, 2015);
  CHECK(y15.first == 0);
  CHECK(y15.count == 3);
  CHECK(y15.first_month == 10);
  CHECK(y15.partial());
  CHECK(model::month_range(y15) == "months 10-12");
  CHECK(model::year_label(y15) == "2015*");
  const auto y16 = model::year_months(start, end, 2016);
  CHECK((y16.first == 3 && y16.count == 12 && y16.first_month == 1 && !y16.partial()));
  CHECK(model::year_label(y16) == "2016");
  const auto y17 = model::year_months(start, end, 2017);
  CHECK((y17.first == 15 && y17.count == 6 && y17.last() == 20 && y17.last_month() == 6 &&
         y17.partial()));
  CHECK(model::year_months(start, end, 2014).count == 0);
  CHECK(model::year_months(start, end, 2018).count == 0);
  CHECK(model::partial_years_note(start, end) ==
        "* partial year: 2015 months 10-12 only; 2017 months 1-6 only");
  CHECK(model::partial_years_note(2015 * 12, 2017 * 12 + 11).empty());
  // A horizon inside one year: that year once, partial.
  CHECK(model::partial_years_note(2015 * 12 + 11, 2015 * 12 + 11) ==
        "* partial year: 2015 month 12 only");
}

TEST_CASE("every scorecard metric says whether it is an annual flow or a level", "[calendar]") {
  for (const auto& m : model::scorecard_metrics()) {
    INFO(m.name);
    CHECK(model::metric_time(m.name).has_value());
  }
  CHECK(model::metric_time("output") == model::MetricTime::Annual);
  CHECK(model::metric_time("output_density") ==
        model::MetricTime::Annual);  // follows its numerator
  CHECK(model::metric_time("firms") == model::MetricTime::AtMonth);
  CHECK(!model::metric_time("outptu").has_value());
}

TEST_CASE("a mid-year horizon: partial years computed on their months, labelled, never NaN",
          "[calendar]") {
  const auto sc = mini_partial();
  REQUIRE(sc.months() == 21);
  model::RunOptions opt;
  opt.replications = 1;
  opt.threads = 1;
  const auto r = model::run_scenario(sc, opt);
  REQUIRE(r.years.size() == 3);
  for (const auto& y : r.years)
    for (double v : {y.output, y.output_density, y.firms, y.employment, y.talent, y.policy_cost,
                     y.high_tech, y.sei_share}) {
      INFO(y.year);
      CHECK(std::isfinite(v));
    }
  CHECK((r.years[0].months.partial() && r.years[0].months.count == 3 &&
         r.years[0].months.first_month == 10));
  CHECK(!r.years[1].months.partial());
  CHECK((r.years[2].months.partial() && r.years[2].months.count == 6 &&
         r.years[2].months.first_month == 1));

  // The same replication stepped by hand: flows are sums of the year's months, levels the value
  // at its last month.
  const auto rec = test::replication_records(sc);
  REQUIRE(rec.steps.size() == 21);
  double first_quarter = 0;
  for (int t = 0; t < 3; ++t)
    first_quarter += area_total(sc, rec.steps[std::size_t(t)], model::Series::Output);
  CHECK(first_quarter > 0);
  CHECK(r.years[0].output == Approx(first_quarter / 1e8).epsilon(1e-12));
  CHECK(model::metric_value(sc, rec, metric("output", 2015)) ==
        Approx(first_quarter / 1e8).epsilon(1e-12));
  double first_half = 0;
  for (int t = 15; t <= 20; ++t)
    first_half += area_total(sc, rec.steps[std::size_t(t)], model::Series::Output);
  CHECK(r.years[2].output == Approx(first_half / 1e8).epsilon(1e-12));
  CHECK(r.years[2].firms == area_total(sc, rec.steps[20], model::Series::Firms));
  CHECK(r.years[0].firms == area_total(sc, rec.steps[2], model::Series::Firms));

  // The scorecard: levels in both partial years and a flow in the full year, all finite.
  REQUIRE(r.scorecard.size() == 3);
  for (const auto& l : r.scorecard) {
    INFO(l.target.metric << " " << l.target.year);
    CHECK(std::isfinite(l.median));
    CHECK(l.months.partial() == (l.target.year != 2016));
  }
  CHECK(r.scorecard[0].probability ==
        1.0);  // firms >= 1 in 2015 is met (it read NaN and 0% before)
}

TEST_CASE("a mid-year horizon's scorecard in the HDF5 file carries the months", "[calendar]") {
  const auto sc = mini_partial();
  model::RunOptions opt;
  opt.replications = 1;
  opt.threads = 1;
  opt.output = (test::scratch_dir() / "calendar_run.h5").string();
  model::run_scenario(sc, opt);
  engine::h5::Reader f(opt.output);
  CHECK(f.doubles("scorecard/months").data == std::vector<double>{3, 6, 12});
  CHECK(f.doubles("scorecard/first_month").data == std::vector<double>{10, 1, 1});
  for (double v : f.doubles("scorecard/value").data) CHECK(std::isfinite(v));
}

TEST_CASE("an annual flow target in a partial year is refused, a level is accepted", "[calendar]") {
  CHECK_NOTHROW(mini_partial());  // firms 2015 and employment 2017 are levels
  CHECK_THROWS_WITH(
      mini_partial({"scenario.end=\"2016-06\""}),
      Catch::Contains("targets[2].year: output is a quantity of the whole year, but the horizon "
                      "2015-10..2016-06 has only months 1-6 of 2016"));
}

TEST_CASE("a full-year horizon's metrics are unchanged", "[calendar]") {
  // mini runs 2015-01..2017-12. The rule before partial years: months year*12-start .. +11, levels
  // at the last of them; with whole years it must give exactly the same values.
  const auto sc = test::mini();
  const auto rec = test::replication_records(sc);
  for (int year = 2015; year <= 2017; ++year) {
    const int first = year * 12 - sc.info.start, last = first + 11;
    double out = 0;
    for (int t = first; t <= last; ++t)
      out += area_total(sc, rec.steps[std::size_t(t)], model::Series::Output);
    CHECK(model::metric_value(sc, rec, metric("output", year)) == out / 1e8);
    CHECK(model::metric_value(sc, rec, metric("firms", year)) ==
          area_total(sc, rec.steps[std::size_t(last)], model::Series::Firms));
    CHECK(!model::year_months(sc.info.start, sc.info.end, year).partial());
  }
  CHECK_THROWS_WITH(model::metric_value(sc, rec, metric("output", 2018)),
                    Catch::Contains("outside the run's months"));
}

TEST_CASE("compare on a mid-year horizon: finite effects, partial years marked", "[calendar]") {
  const auto base = mini_partial();
  const auto variant = mini_partial({"programmes.grant.rate=10%"});
  experiments::CompareOptions o;
  o.replications = 2;
  o.threads = 1;
  o.metrics = {"output", "firms", "policy_cost"};
  o.output = (test::scratch_dir() / "calendar_cmp.h5").string();
  const auto r = experiments::compare(base, variant, o);
  REQUIRE(r.effects.size() == 9);
  for (const auto& e : r.effects) {
    INFO(e.metric << " " << e.year);
    CHECK(std::isfinite(e.base_mean));
    CHECK(std::isfinite(e.variant_mean));
    CHECK(std::isfinite(e.effect));
    CHECK(!std::isnan(e.variance_reduction));
    CHECK(e.months.count == (e.year == 2015 ? 3 : e.year == 2017 ? 6 : 12));
  }
  engine::h5::Reader f(o.output);
  CHECK(f.doubles("months").data == std::vector<double>{3, 12, 6});
  CHECK(f.doubles("first_month").data == std::vector<double>{10, 1, 1});
}

TEST_CASE("a sweep metric in a partial year is stored finite with its months", "[calendar]") {
  const auto space = experiments::parse_space(
      "[[parameter]]\npath = \"programmes.grant.rate\"\nlow = \"10%\"\nhigh = \"50%\"\n",
      "calendar_space.toml");
  const auto design_path = (test::scratch_dir() / "calendar_design.h5").string();
  experiments::write_design(experiments::make_design(space, experiments::Method::Lhs, 2, 1),
                            design_path);
  experiments::SweepOptions o;
  o.scenario = test::source_path("tests/data/mini_partial.toml");
  o.design = design_path;
  o.output = (test::scratch_dir() / "calendar_sweep.h5").string();
  o.metrics = {"output:2015", "firms:2017", "output:2016", "targets_met"};
  o.threads = 1;
  experiments::run_sweep(o);
  engine::h5::Reader f(o.output);
  for (double v : f.doubles("values").data) CHECK(std::isfinite(v));
  CHECK(f.doubles("status").data == std::vector<double>{0, 0});
  CHECK(f.doubles("months").data == std::vector<double>{3, 6, 12, 0});
  CHECK(f.doubles("first_month").data == std::vector<double>{10, 1, 1, 0});
}

TEST_CASE("calibrate refuses an annual figure in a partial year, naming it and the months",
          "[calendar]") {
  const auto o = partial_year_calibration("refuses",
                                          "firms,all,all,2017,100,0.1,relative\n"
                                          "output,all,all,2015,20,0.1,relative\n");
  CHECK_THROWS_WITH(
      experiments::calibrate(o),
      Catch::Contains(
          "output 2015: the horizon (2015-10..2017-06) has only months 10-12 of 2015") &&
          !Catch::Contains("firms 2017"));
}

TEST_CASE("calibrate accepts a level in a partial year and labels it", "[calendar]") {
  const auto o = partial_year_calibration("level", "firms,all,all,2017,100,0.5,relative\n");
  const auto r = experiments::calibrate(o);
  REQUIRE(r.fit.size() == 1);
  CHECK(std::isfinite(r.fit[0].model));
  CHECK(std::isfinite(r.loss));
  CHECK(r.fit[0].months.count == 6);
  std::ifstream in(o.output);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(text, Catch::Contains("# firms 2017* (months 1-6 only): public 100"));
}

TEST_CASE("calibrate --through fits only the figures up to that year", "[calendar]") {
  // The 2017 output is an annual figure in a partial year: fitted, it would be refused; held
  // out by --through 2016, it is not part of the fit at all.
  auto o = partial_year_calibration("through",
                                    "firms,all,all,2016,100,0.5,relative\n"
                                    "output,all,all,2017,20,0.1,relative\n");
  o.through = 2016;
  const auto r = experiments::calibrate(o);
  REQUIRE(r.fit.size() == 1);
  CHECK(r.fit[0].figure.target.metric == "firms");
  o.through = 2015;
  CHECK_THROWS_WITH(experiments::calibrate(o),
                    Catch::Contains("no figure of a year up to --through 2015"));
}

TEST_CASE("the command line marks partial years in the run summary", "[calendar][cli]") {
  const std::string cmd = fmt::format("{}/parksim run {} -o {} -R 1 -t 1 2>&1", PARKSIM_BINARY_DIR,
                                      test::source_path("tests/data/mini_partial.toml"),
                                      (test::scratch_dir() / "calendar_cli.h5").string());
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
  REQUIRE(pipe);
  std::string text;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0;) text.append(buf, n);
  INFO(text);
  CHECK_THAT(text,
             Catch::Contains("2015*") && Catch::Contains("2017*") &&
                 Catch::Contains("* partial year: 2015 months 10-12 only; 2017 months 1-6 only"));
  CHECK_THAT(text, !Catch::Contains("nan"));
}
