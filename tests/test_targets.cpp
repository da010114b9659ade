// Scorecard targets: counts since a year, the basis of a line, and talent counted in the
// industrial zones (docs/targets.md).
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "model_helpers.hpp"
#include "parksim/engine/error.hpp"
#include "parksim/experiments/sweep.hpp"
#include "parksim/model/run.hpp"
#include "parksim/model/scenario.hpp"
#include "test_helpers.hpp"

using namespace parksim;

namespace {

model::TargetSpec target(const std::string& metric, int year, int since = 0) {
  model::TargetSpec t;
  t.metric = metric;
  t.year = year;
  t.since = since;
  return t;
}

}  // namespace

TEST_CASE("a count since a year leaves out what was counted before it", "[targets]") {
  const auto sc = test::mini();  // 2015-01 .. 2017-12, with retrofit and first-unit programmes
  const auto rec = test::replication_records(sc);
  for (const char* m : {"smart_retrofits", "first_units", "policy_cost"}) {
    INFO(m);
    const double to_2017 = model::metric_value(sc, rec, target(m, 2017));
    const double to_2015 = model::metric_value(sc, rec, target(m, 2015));
    CHECK(model::metric_value(sc, rec, target(m, 2017, 2016)) == Approx(to_2017 - to_2015));
    // Counting from the first year of the run is counting from the start.
    CHECK(model::metric_value(sc, rec, target(m, 2017, 2015)) == to_2017);
  }
  // mini's programmes do something in 2015, so the restriction must matter for policy cost.
  CHECK(model::metric_value(sc, rec, target("policy_cost", 2017, 2016)) <
        model::metric_value(sc, rec, target("policy_cost", 2017)));
}

TEST_CASE("a talent stock since a year counts its net addition", "[targets]") {
  // The plans count 新增 leading talents (002: 新增…200名行业领军人才): the stock's change since
  // the December before `since`, or since the starting stock when the run starts in that year.
  const auto sc = test::mini();  // 2015-01 .. 2017-12
  const auto rec = test::replication_records(sc);
  double start = 0;
  for (const auto& z : sc.zones) start += z.industrial ? z.leading_talent : 0;
  REQUIRE(start > 0);
  for (const char* m : {"leading_talent", "talent"}) {
    INFO(m);
    const double to_2017 = model::metric_value(sc, rec, target(m, 2017));
    const double to_2015 = model::metric_value(sc, rec, target(m, 2015));
    CHECK(model::metric_value(sc, rec, target(m, 2017, 2016)) == Approx(to_2017 - to_2015));
  }
  CHECK(model::metric_value(sc, rec, target("leading_talent", 2017, 2015)) ==
        Approx(model::metric_value(sc, rec, target("leading_talent", 2017)) - start));
  CHECK(experiments::parse_metrics({"leading_talent:2016-2017"}, sc)[0].target.since == 2016);
}

TEST_CASE("since and basis are refused where they mean nothing, with the key named", "[targets]") {
  // mini.toml with one more target; the loader reports the key and the allowed values.
  auto load = [](const std::string& extra) {
    const std::string base = test::source_path("tests/data/mini.toml");
    const auto path = test::write_file(
        "targets_extra.toml",
        "extends = \"" + base + "\"\n[[targets]]\nyear = 2017\nvalue = 1\n" + extra + "\n");
    return model::load_scenario(path, {});
  };
  CHECK_THROWS_WITH(load("metric = \"output\"\nsince = 2016"),
                    Catch::Contains("since") && Catch::Contains("smart_retrofits"));
  CHECK_NOTHROW(load("metric = \"smart_retrofits\"\nsince = 2016"));
  CHECK_THROWS_WITH(load("metric = \"smart_retrofits\"\nsince = 2014"),
                    Catch::Contains("since 2014"));
  CHECK_THROWS_WITH(load("metric = \"first_units\"\nbasis = \"guess\""),
                    Catch::Contains("basis") && Catch::Contains("imposed"));
}

TEST_CASE("a metric spec with since-year round-trips and is checked", "[targets][experiments]") {
  const auto sc = test::mini();
  const auto m = experiments::parse_metrics({"smart_retrofits:2016-2017"}, sc);
  REQUIRE(m.size() == 1);
  CHECK(m[0].target.since == 2016);
  CHECK(m[0].target.year == 2017);
  CHECK(experiments::metric_spec(m[0].target) == "smart_retrofits:2016-2017");
  CHECK_THROWS_WITH(experiments::parse_metrics({"output:2016-2017"}, sc),
                    Catch::Contains("count since a year"));
  CHECK_THROWS_WITH(experiments::parse_metrics({"first_units:2017-2016"}, sc),
                    Catch::Contains("after"));
  CHECK_THROWS_WITH(experiments::parse_metrics({"first_units:2014-2016"}, sc),
                    Catch::Contains("before the horizon"));
  CHECK_THROWS_WITH(experiments::parse_metrics({"first_units:20x6"}, sc),
                    Catch::Contains("not a year"));
}

TEST_CASE("area-wide talent counts the industrial zones only", "[targets]") {
  const auto industrial = test::mini();
  const auto offices = test::mini({"zones.south.industrial=false"});
  const auto rec = test::replication_records(offices);
  const double all = model::metric_value(offices, rec, target("leading_talent", 2017));
  auto north = target("leading_talent", 2017);
  north.zone = "north";
  auto south = target("leading_talent", 2017);
  south.zone = "south";
  CHECK(model::metric_value(offices, rec, south) > 0);  // the zone named still counts
  CHECK(all == model::metric_value(offices, rec, north));
  const auto rec_ind = test::replication_records(industrial);
  north.zone = "north";
  south.zone = "south";
  CHECK(model::metric_value(industrial, rec_ind, target("leading_talent", 2017)) ==
        model::metric_value(industrial, rec_ind, north) +
            model::metric_value(industrial, rec_ind, south));
}

TEST_CASE("every shipped target says where its number comes from", "[targets][scenarios]") {
  // basis defaults to "assumption"; a shipped file must write it for each of its targets, so a
  // document's number is never mistaken for an invented one, and each line names its source.
  for (const char* name : {"lingang_2015", "ezhou_2015", "minhang_2018",
                           "shanghai_manufacturing_2018", "innovation_centres_2022"}) {
    INFO(name);
    const std::string path = test::source_path(std::string("scenarios/") + name + ".toml");
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto count = [&](const std::string& needle) {
      std::size_t n = 0;
      for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
      return n;
    };
    const auto sc = model::load_scenario(path, {});
    REQUIRE(!sc.targets.empty());
    CHECK(count("[[targets]]") == sc.targets.size());
    CHECK(count("\nbasis = ") == sc.targets.size());
    for (const auto& t : sc.targets) CHECK(!t.source.empty());
  }
}
